#!/usr/bin/env python3
"""Generated pages: a short article beside a long run of other things.

  bench/short_beside_runs.py [--pith build/pith] [--keep DIR] [-v]

A main text of one to three sentences (one or two paragraphs) under its
<h1>, in one of four wrappers (<article>, <div class="post"> with a date,
<main>, <div class="entry"> with a <header>), beside one of 13 kinds of
runs that are not the article: readers' comments (three builds), reviews
(two), Q&A, related posts (two), similar items, testimonials, a product's
customer questions, "also bought" cards and a "People also ask" accordion;
6 or 20 units, as a sibling of the wrapper or inside a wrapper around both.
A page passes when pith's text holds every sentence of the main text and
no unit's ("note 1)"). Prints the failures per dimension; -v lists them.
The pages are what pages nobody here sees look like where "a short article
sits beside a long comment section or link list"; written for session 11
(extract13) and kept here: it is a bench, not a test (a rule may leave
some unsolved on purpose: see bench/RESULTS.md).
"""
import argparse
import collections
import itertools
import os
import subprocess
import sys
import tempfile

S1 = ("The river burst its banks on Sunday night after three days of heavy rain, "
      "flooding more than forty homes in the lower town.")
S2 = ("Firefighters used boats to reach families trapped on upper floors, and the "
      "school gym was opened as a shelter for the night.")
S3 = ("The water had fallen by Tuesday morning, but the council warned that roads "
      "near the bridge would stay closed.")
MAINS = {
    'one': f"<p>{S1}</p>",
    'two': f"<p>{S1} {S2}</p>",
    'three': f"<p>{S1} {S2}</p><p>{S3}</p>",
}
WRAPS = {
    'article': '<article class="post"><h1>River floods lower town</h1>%s</article>',
    'div': ('<div class="post"><h1>River floods lower town</h1>'
            '<div class="meta">March 3, 2024</div>%s</div>'),
    'main': '<main><h1>River floods lower town</h1>%s</main>',
    'body': ('<div class="entry"><header><h1>River floods lower town</h1></header>'
             '<div class="text">%s</div></div>'),
}
UNIT_TEXT = [
    "I walked down to the bridge this morning and the water was still over the road, "
    "so please take the long way round if you can.",
    "My neighbours lost everything on the ground floor and the insurance company has "
    "not even called them back yet, which is a disgrace.",
    "We have been asking the council for better flood defences for ten years and "
    "nothing has been done about it at all.",
    "Thank you to the firefighters who came out in the middle of the night, they were "
    "brilliant with the children and the old folk.",
    "Does anyone know whether the primary school will open on Monday or should we keep "
    "the kids at home for the rest of the week?",
]
# kind: (heading before the units, one unit with {i} {t} {s})
RUNS = {
    'comments-named-heading': (
        '<h2>%d Comments</h2>',
        '<div class="c"><div><b>user{i}</b> <span>{i} days ago</span></div><p>{t}</p></div>'),
    'comments-noheading': (
        '', '<div class="c"><div><b>user{i}</b> <span>{i} days ago</span></div><p>{t}</p></div>'),
    'comments-li': (
        '<h3>Responses</h3><ol>',
        '<li><div><a href="/u/{i}">Grace H.</a> <small>March {i}, 2024</small></div>'
        '<p>{t}</p><a href="#r">Reply</a></li>'),
    'reviews': (
        '<h2>Customer reviews</h2>',
        '<div class="r"><div><b>user{i}</b></div><div>{s} of 5 stars</div><p>{t}</p></div>'),
    'reviews-title': (
        '<h2>Reviews</h2>',
        '<div class="r"><h4>Great value</h4><div>Grace H. &middot; March {i}, 2024</div>'
        '<p>{t}</p><div>Was this helpful? Yes No</div></div>'),
    'qa': (
        '<h2>Questions &amp; Answers</h2>',
        '<div class="qa"><div class="q">Q: Is this still happening in March {i}?</div>'
        '<div class="a">A: {t}</div><div>Answered by user{i}</div></div>'),
    'related-full': (
        '<h3>Related posts</h3>',
        '<article class="post"><a href="/p/{i}"><img src="/i{i}.jpg" alt=""></a>'
        '<p>{t}</p></article>'),
    'related-teaser': (
        '<h3>You may also like</h3>',
        '<div class="item"><h4><a href="/p/{i}">Another story number {i}</a></h4>'
        '<p>{t}</p></div>'),
    'similar-items': (
        '<h2>Similar items</h2>',
        '<div class="card"><a href="/p/{i}">Oak chair model {i}</a><div>${s}9</div>'
        '<p>{t}</p></div>'),
    'testimonials': (
        '<h2>What our clients say</h2>',
        '<div class="t"><blockquote><p>{t}</p></blockquote><cite>Grace H., Leeds</cite></div>'),
    'product-qa': (
        '<h2>Customer questions</h2>',
        '<div class="q"><p><b>Question:</b> Does it fit a small flat, note {i}?</p>'
        '<p><b>Answer:</b> {t}</p><p>By user{i} on March {i}, 2024</p></div>'),
    'also-bought': (
        '<h2>Customers who bought this also bought</h2>',
        '<div class="p"><a href="/p/{i}"><img src="/i{i}.jpg" alt=""></a>'
        '<h3><a href="/p/{i}">Chair model {i}</a></h3><p>{t}</p><span>$49</span></div>'),
    'people-ask': (
        '<h2>People also ask</h2>',
        '<details><summary>Is it safe, note {i}?</summary><p>{t}</p></details>'),
}
COUNTS = [6, 20]
PLACES = ['sibling', 'inside']


def page(m, w, r, n, place):
    head, unit = RUNS[r]
    if '%d' in head:
        head = head % n
    units = ''.join(unit.format(i=i, t=UNIT_TEXT[i % 5] + f' (note {i})', s=i % 5 + 1)
                    for i in range(n))
    close = '</ol>' if head.endswith('<ol>') else ''
    run = f'<section class="s">{head}<div class="l">{units}</div>{close}</section>'
    body_main = WRAPS[w] % MAINS[m]
    nav = ('<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li>'
           '<li><a href="/about">About</a></li></ul></nav>')
    foot = '<footer><p>&copy; 2024 The Daily</p></footer>'
    if place == 'inside':
        body = f'<div class="wrap">{body_main}{run}</div>'
    else:
        body = f'{body_main}<div class="side">{run}</div>'
    return (f'<html lang="en"><head><title>River floods lower town | Daily</title></head>'
            f'<body>{nav}{body}{foot}</body></html>')


def main():
    here = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--pith', default=os.path.join(here, 'build', 'pith'))
    ap.add_argument('--keep', help='write the pages and outputs into this directory')
    ap.add_argument('-v', action='store_true', help='list every failing page')
    args = ap.parse_args()
    work = args.keep or tempfile.mkdtemp(prefix='short_beside_runs.')
    os.makedirs(os.path.join(work, 'html'), exist_ok=True)
    out = os.path.join(work, 'out')
    cases = {}
    for m, w, r, n, pl in itertools.product(MAINS, WRAPS, RUNS, COUNTS, PLACES):
        name = f'{m}.{w}.{r}.{n}.{pl}'
        with open(os.path.join(work, 'html', name + '.html'), 'w') as f:
            f.write(page(m, w, r, n, pl))
        cases[name] = m
    if os.path.isdir(out):
        for f in os.listdir(out):
            os.remove(os.path.join(out, f))
    subprocess.run([args.pith, '-q', '-f', 'text', '--no-title', '-d', out] +
                   [os.path.join(work, 'html', c + '.html') for c in cases], check=False)
    fails = {}
    for c, m in cases.items():
        p = os.path.join(out, c + '.txt')
        t = open(p).read() if os.path.exists(p) else ''
        need = [S1] + ([S2] if m != 'one' else []) + ([S3] if m == 'three' else [])
        lost = not all(s in t for s in need)
        kept = 'note 1)' in t
        if lost or kept:
            fails[c] = ' '.join(w for w, on in (('lost', lost), ('kept', kept)) if on)
    print(f'{len(fails)} of {len(cases)} fail')
    for k, dim in enumerate(['main', 'wrapper', 'run', 'units', 'place']):
        counts = collections.Counter(c.split('.')[k] + ': ' + fails[c] for c in fails)
        if counts:
            print(f'  {dim}: ' + ', '.join(f'{v} {key}' for key, v in sorted(counts.items())))
    if args.v:
        for c in sorted(fails):
            print(c, fails[c])
    if not args.keep:
        import shutil
        shutil.rmtree(work)
    return 0


if __name__ == '__main__':
    sys.exit(main())

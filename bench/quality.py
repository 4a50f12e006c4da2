#!/usr/bin/env python3
"""Measure pith's extraction quality on the shared benchmark sets.

Runs build/pith over each set's pages into a temporary directory and scores
the output with the shared scorers (../shared/bench/score.py, score_meta.py).

  bench/quality.py [--pith build/pith] [--data ../shared/data]
                   [--sets scrapinghub,wcxb-dev] [--flat] [--flat-wcxb] [--meta]
                   [--keep DIR] [--worst N [--worst-half H]] [--json]
                   [-- extra pith args]

Text sets (the default mode):
  scrapinghub        pith --no-title over html/, score.py --metric shingle
  wcxb-dev           pith --no-title over html/, score.py --metric bow, also
                     per page type (meta.jsonl "page_type") and the
                     must-have/must-not-have snippets (--metric snippets)
  flat-scrapinghub   pith --text --no-title over text/ (flattened pages),
                     score.py --metric shingle; --flat adds this set
  flat-wcxb          wcxb-dev's pages flattened by bench/flatten.py into the
                     work directory, then as wcxb-dev with pith --text
                     --no-title: text mode on pages it was not tuned on;
                     --flat-wcxb adds this set
  Each set (and each wcxb-dev page type) is also scored in the two fixed
  halves "tune" and "check" described below, and --worst lists the worst
  pages of the tune half only (--worst-half: check, or all).
Metadata (--meta; default sets htmldate-dev,wcxb-dev):
  pith --format json over html/, score_meta.py: date accuracy, accuracy on
  dated pages, title exact / word F1, author accuracy. Each set is also
  scored in two fixed halves, "tune" and "check": a page is in "tune" when
  the first byte of the SHA-256 of its id (UTF-8) is even. Rules are tuned
  on "tune" (--worst lists its pages only, unless --worst-half says
  otherwise) and checked on "check": a rule that helps one half and hurts
  the other is dropped.

Everything after `--` is passed to pith before the inputs. Paths given on the
command line are taken relative to the current directory; the defaults are
relative to the project root (the parent of bench/), so the script runs from
anywhere. Exit status: 0 when every set was run and scored (whatever pith's
own exit status), 2 on bad arguments or a missing pith/data/scorer, 3 when a
pith run timed out or a scorer failed.
"""
import argparse
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# name -> (input subdir, gold subdir, metric, pith args before the extra args)
TEXT_SETS = {
    "scrapinghub": ("html", "gold", "shingle", ["--no-title"]),
    "wcxb-dev": ("html", "gold", "bow", ["--no-title"]),
    "flat-scrapinghub": ("text", "gold", "shingle", ["--text", "--no-title"]),
    "flat-wcxb": ("html", "gold", "bow", ["--text", "--no-title"]),
}
# Sets made here: name -> the set whose html/ bench/flatten.py flattens (gold and
# meta.jsonl are that set's).
FLATTENED = {"flat-wcxb": "wcxb-dev"}
META_SETS = ("htmldate-dev", "wcxb-dev")
DEFAULT_TEXT_SETS = "scrapinghub,wcxb-dev"
DEFAULT_META_SETS = "htmldate-dev,wcxb-dev"
HALVES = ("tune", "check")


def half_of(page_id):
    """The fixed half of a page: "tune" when the first byte of the SHA-256 of its id is even."""
    return HALVES[hashlib.sha256(page_id.encode("utf-8")).digest()[0] % 2]


class Fatal(Exception):
    """An error that stops the bench, with exit status."""

    def __init__(self, msg, status=2):
        super().__init__(msg)
        self.status = status


def parse_args(argv):
    extra = []
    if "--" in argv:
        k = argv.index("--")
        argv, extra = argv[:k], argv[k + 1:]
    ap = argparse.ArgumentParser(
        description=__doc__.split("\n")[0],
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="\n".join(__doc__.split("\n")[2:]))
    ap.add_argument("--pith", type=Path, default=ROOT / "build" / "pith",
                    help="pith binary (default: <project>/build/pith)")
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data",
                    help="data sets directory (default: <project>/../shared/data)")
    ap.add_argument("--sets", help=f"comma-separated sets (default: {DEFAULT_TEXT_SETS}; "
                    f"with --meta: {DEFAULT_META_SETS})")
    ap.add_argument("--flat", action="store_true", help="also run flat-scrapinghub (pith --text)")
    ap.add_argument("--flat-wcxb", action="store_true",
                    help="also run flat-wcxb (wcxb-dev flattened by bench/flatten.py, pith --text)")
    ap.add_argument("--meta", action="store_true", help="score metadata (pith --format json) instead of text")
    ap.add_argument("--with-urls", action="store_true",
                    help="with --meta: run pith once a page with --url from meta.jsonl, as a crawler "
                         "knows each page's address (slower)")
    ap.add_argument("--scorer", type=Path, help="score.py (default: <data>/../bench/score.py)")
    ap.add_argument("--meta-scorer", type=Path,
                    help="score_meta.py (default: score_meta.py beside the text scorer)")
    ap.add_argument("--keep", type=Path, metavar="DIR",
                    help="keep predictions in DIR/<set>/ (old predictions there are removed first) "
                         "and pith's stderr in DIR/<set>.stderr")
    ap.add_argument("--worst", type=int, default=0, metavar="N", help="list the N worst pages of each set")
    ap.add_argument("--worst-half", choices=HALVES + ("all",), default="tune",
                    help="--worst lists pages of this half only (default: tune)")
    ap.add_argument("--json", action="store_true", help="print one JSON object instead of tables")
    ap.add_argument("--timeout", type=float, default=1800, metavar="S",
                    help="give up on a pith run after S seconds (default 1800)")
    a = ap.parse_args(argv)
    a.extra = extra
    if a.sets is None:
        a.sets = DEFAULT_META_SETS if a.meta else DEFAULT_TEXT_SETS
    a.sets = [s.strip() for s in a.sets.split(",") if s.strip()]
    if a.flat and not a.meta and "flat-scrapinghub" not in a.sets:
        a.sets.append("flat-scrapinghub")
    if a.flat_wcxb and not a.meta and "flat-wcxb" not in a.sets:
        a.sets.append("flat-wcxb")
    known = META_SETS if a.meta else tuple(TEXT_SETS)
    for s in a.sets:
        if s not in known:
            ap.error(f"unknown set {s!r} for {'--meta' if a.meta else 'text'} mode; "
                     f"known: {', '.join(known)}")
    if a.worst < 0:
        ap.error("--worst wants N >= 0")
    return a


def check_setup(a):
    pith = a.pith
    if not pith.is_file() or not os.access(pith, os.X_OK):
        raise Fatal(f"quality.py: pith binary not found or not executable: {pith}\n"
                    f"  build it first (cmake -S . -B build && cmake --build build) or pass --pith")
    a.pith = pith.resolve()
    if not a.data.is_dir():
        raise Fatal(f"quality.py: data directory not found: {a.data} (pass --data DIR)")
    a.data = a.data.resolve()
    if a.scorer is None:
        a.scorer = a.data.parent / "bench" / "score.py"
    if a.meta_scorer is None:
        a.meta_scorer = a.scorer.parent / "score_meta.py"
    need = a.meta_scorer if a.meta else a.scorer
    if not need.is_file():
        raise Fatal(f"quality.py: scorer not found: {need} (pass --scorer / --meta-scorer)")
    for s in a.sets:
        if a.meta:
            paths = [a.data / s / "html", a.data / s / "meta.jsonl"]
        else:
            inp, gold, _, _ = TEXT_SETS[s]
            src = FLATTENED.get(s, s)
            paths = [a.data / src / inp, a.data / src / gold]
        for p in paths:
            if not p.exists():
                raise Fatal(f"quality.py: {p} not found: is --data ({a.data}) the shared data directory?")


def prepare_outdir(d, exts):
    """Create d, or empty it of old predictions (files with the given extensions only)."""
    d.mkdir(parents=True, exist_ok=True)
    for p in d.iterdir():
        if p.is_file() and p.suffix in exts:
            p.unlink()


def run_pith(a, set_args, inputs, outdir, stderr_path):
    """Run pith once; return a dict with exit status, stderr lines and seconds."""
    cmd = [str(a.pith)] + set_args + a.extra + ["--output-dir", str(outdir)] + [str(i) for i in inputs]
    t0 = time.monotonic()
    with open(stderr_path, "wb") as err:
        try:
            proc = subprocess.run(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=err,
                                  timeout=a.timeout)
            status = proc.returncode
        except subprocess.TimeoutExpired:
            status = "timeout"
        except OSError as e:
            raise Fatal(f"quality.py: cannot run {a.pith}: {e}")
    secs = time.monotonic() - t0
    lines = Path(stderr_path).read_text(encoding="utf-8", errors="replace").splitlines()
    return {"command": cmd, "exit": status, "stderr_lines": len(lines), "stderr_head": lines[:3],
            "seconds": round(secs, 3)}


def run_pith_per_page(a, sdir, outdir, stderr_path):
    """--with-urls: one 'pith --format json --url URL -o OUT PAGE' a page."""
    t0 = time.monotonic()
    status, lines = 0, []
    for m in read_meta(sdir / "meta.jsonl"):
        page = sdir / "html" / f"{m['id']}.html.gz"
        cmd = [str(a.pith), "--format", "json"] + a.extra
        if m.get("url"):
            cmd += ["--url", m["url"]]
        cmd += ["-o", str(outdir / f"{m['id']}.json"), str(page)]
        try:
            proc = subprocess.run(cmd, stdin=subprocess.DEVNULL, capture_output=True, timeout=a.timeout)
        except subprocess.TimeoutExpired:
            status = "timeout"
            continue
        if proc.returncode:
            status = proc.returncode
        lines += proc.stderr.decode("utf-8", "replace").splitlines()
    Path(stderr_path).write_text("\n".join(lines), encoding="utf-8")
    return {"command": [str(a.pith), "--format", "json", "--url", "URL", "-o", "OUT", "PAGE"], "exit": status,
            "stderr_lines": len(lines), "stderr_head": lines[:3], "seconds": round(time.monotonic() - t0, 3)}


def run_json(cmd):
    proc = subprocess.run(cmd, stdin=subprocess.DEVNULL, capture_output=True, text=True)
    if proc.returncode != 0:
        raise Fatal(f"quality.py: scorer failed ({proc.returncode}): {' '.join(cmd)}\n{proc.stderr.strip()}", 3)
    try:
        return json.loads(proc.stdout)
    except ValueError:
        raise Fatal(f"quality.py: scorer printed no JSON: {' '.join(cmd)}\n{proc.stdout[:500]}", 3)


def score(a, gold, pred, metric, ids=None, worst=0):
    cmd = [sys.executable, str(a.scorer), "--gold", str(gold), "--pred", str(pred), "--metric", metric, "--json"]
    if ids is not None:
        cmd += ["--ids", str(ids)]
    if worst:
        cmd += ["--worst", str(worst)]
    return run_json(cmd)


def read_meta(path):
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            rows.append(json.loads(line))
    return rows


def score_ids(a, gold, pred, metric, ids, idf, worst=0):
    """score() over the pages in ids (written to the file idf), with its halves."""
    idf.write_text("\n".join(ids) + "\n")
    res = score(a, gold, pred, metric, ids=idf, worst=worst)
    if not worst:
        res.pop("worst", None)
    res["halves"] = {}
    for h in HALVES:
        hids = [i for i in ids if half_of(i) == h]
        hf = idf.with_name(f"{idf.name}.{h}")
        hf.write_text("\n".join(hids) + "\n")
        r = score(a, gold, pred, metric, ids=hf) if hids else {"f1": None, "pages": 0}
        r.pop("worst", None)
        res["halves"][h] = r
    return res


def flatten_set(html_dir, into):
    """Flatten html_dir's pages into the directory into (bench/flatten.py); return it.

    Kept flattenings (--keep) are reused while flatten.py is the same."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import flatten
    stamp = hashlib.sha256(Path(flatten.__file__).read_bytes()).hexdigest()
    stamp_file = into / ".flatten.sha256"
    if stamp_file.is_file() and stamp_file.read_text().strip() == stamp:
        return into
    prepare_outdir(into, {".txt"})
    for p in sorted(html_dir.iterdir()):
        if p.is_file():
            (into / flatten.out_name(p)).write_text(flatten.flatten_bytes(flatten.read_page(p)), encoding="utf-8")
    stamp_file.write_text(stamp + "\n")
    return into


def text_set(a, name, work):
    inp, gold_sub, metric, set_args = TEXT_SETS[name]
    sdir = a.data / FLATTENED.get(name, name)
    pred = work / name
    prepare_outdir(pred, {".txt", ".json", ".md", ".html"})
    res = {"metric": metric}
    pages = flatten_set(sdir / inp, work / f"{name}.in") if name in FLATTENED else sdir / inp
    res["pith"] = run_pith(a, set_args, [pages], pred, work / f"{name}.stderr")
    if res["pith"]["exit"] == "timeout":
        raise Fatal(f"quality.py: pith timed out after {a.timeout:.0f} s on {name}", 3)
    gold = sdir / gold_sub
    ext = ".json" if metric == "snippets" else ".txt"
    ids = sorted(p.name[: -len(ext)] for p in gold.iterdir() if p.name.endswith(ext))
    res.update(score_ids(a, gold, pred, metric, ids, work / f"{name}.ids"))
    if a.worst:
        wids = ids if a.worst_half == "all" else [i for i in ids if half_of(i) == a.worst_half]
        wf = work / f"{name}.ids.worst"
        wf.write_text("\n".join(wids) + "\n")
        res["worst"] = score(a, gold, pred, metric, ids=wf, worst=a.worst)["worst"]
    if sdir.name == "wcxb-dev":
        meta = read_meta(sdir / "meta.jsonl")
        by_type = {}
        for m in meta:
            by_type.setdefault(m.get("page_type") or "unknown", []).append(m["id"])
        types = {}
        for t, tids in sorted(by_type.items(), key=lambda kv: (-len(kv[1]), kv[0])):
            types[t] = score_ids(a, gold, pred, metric, tids, work / f"{name}.ids.{t}")
        res["types"] = types
        if (sdir / "gold_snippets").is_dir():
            sn = score(a, sdir / "gold_snippets", pred, "snippets")
            sn.pop("worst", None)
            res["snippets"] = sn
    return res


def meta_set(a, name, work):
    sdir = a.data / name
    pred = work / f"{name}-meta"
    prepare_outdir(pred, {".json"})
    if a.with_urls:
        res = {"pith": run_pith_per_page(a, sdir, pred, work / f"{name}-meta.stderr")}
    else:
        res = {"pith": run_pith(a, ["--format", "json"], [sdir / "html"], pred, work / f"{name}-meta.stderr")}
    if res["pith"]["exit"] == "timeout":
        raise Fatal(f"quality.py: pith timed out after {a.timeout:.0f} s on {name}", 3)
    meta = read_meta(sdir / "meta.jsonl")
    res["missing"] = sum(1 for m in meta if not (pred / f"{m['id']}.json").exists())

    def scorer(set_dir):
        return [sys.executable, str(a.meta_scorer), "--set", str(set_dir), "--pred", str(pred)]

    res.update(run_json(scorer(sdir) + ["--json"]))
    # The halves: the same predictions scored against each half's gold.
    half_dirs = {}
    for h in HALVES:
        hdir = work / f"{name}-{h}"
        hdir.mkdir(exist_ok=True)
        (hdir / "meta.jsonl").write_text("".join(json.dumps(m) + "\n" for m in meta if half_of(m["id"]) == h))
        half_dirs[h] = hdir
        res.setdefault("halves", {})[h] = run_json(scorer(hdir) + ["--json"])
    if a.worst:
        wdir = sdir if a.worst_half == "all" else half_dirs[a.worst_half]
        proc = subprocess.run(scorer(wdir) + ["--worst", str(a.worst)], stdin=subprocess.DEVNULL,
                              capture_output=True, text=True)
        res["worst"] = [l.strip() for l in proc.stdout.splitlines()[1:] if l.strip()]
    return res


def provenance():
    """'<UTC date>, commit <sha>[ + uncommitted changes]', for RESULTS.md."""
    when = time.strftime("%Y-%m-%dT%H:%MZ", time.gmtime())
    try:
        sha = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True,
                             text=True, timeout=10).stdout.strip()
        dirty = subprocess.run(["git", "-C", str(ROOT), "status", "--porcelain", "--untracked-files=no"],
                               capture_output=True, text=True, timeout=10).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        sha, dirty = "", ""
    return f"{when}, commit {sha or '?'}" + (" + uncommitted changes" if dirty else "")


def fmt(v, width=6):
    return format("-" if v is None else format(v, ".4f"), f">{width}")


def pith_note(p):
    return f"exit {p['exit']}, {p['stderr_lines']} stderr lines, {p['seconds']:.1f} s"


def print_text(a, out):
    print(f"pith: {a.pith}" + (f"   extra args: {' '.join(a.extra)}" if a.extra else ""))
    print(f"data: {a.data}")
    print(f"run:  {out['run']}")
    print()
    print(f"{'set':<24} {'metric':<9} {'F1':>6}  {'P':>6}  {'R':>6}  {'pages':>5}  {'missing':>7}   "
          f"{'exit':>4}  {'stderr':>6}  {'seconds':>7}")
    for name, r in out["sets"].items():
        p = r["pith"]
        print(f"{name:<24} {r['metric']:<9} {fmt(r['f1'])}  {fmt(r['precision'])}  {fmt(r['recall'])}  "
              f"{r['pages']:>5}  {r['missing']:>7}   {p['exit']:>4}  {p['stderr_lines']:>6}  {p['seconds']:>7.1f}")
        for h, s in r.get("halves", {}).items():
            label = f"  {name}:{h}"
            print(f"{label:<24} {r['metric']:<9} {fmt(s.get('f1'))}  {fmt(s.get('precision'))}  "
                  f"{fmt(s.get('recall'))}  {s['pages']:>5}  {s.get('missing', 0):>7}")
        if "snippets" in r:
            s = r["snippets"]
            print(f"{name:<24} {'snippets':<9} {fmt(s['f1'])}  {fmt(s['precision'])}  {fmt(s['recall'])}  "
                  f"{s['pages']:>5}  {s['missing']:>7}   (must-have/must-not-have snippets, pooled)")
    for name, r in out["sets"].items():
        if "types" in r:
            print()
            print(f"{name} by page type ({r['metric']})")
            print(f"  {'type':<14} {'pages':>5}  {'F1':>6}  {'P':>6}  {'R':>6}  {'missing':>7}   "
                  + "  ".join(f"{h:>6}" for h in HALVES))
            for t, s in r["types"].items():
                print(f"  {t:<14} {s['pages']:>5}  {fmt(s['f1'])}  {fmt(s['precision'])}  {fmt(s['recall'])}"
                      f"  {s['missing']:>7}   " + "  ".join(fmt(s["halves"][h].get("f1")) for h in HALVES))
    print()
    print("SET:tune / SET:check, and the columns tune and check: the fixed halves (see --help);")
    print("tune rules on tune, check them on check")
    print_failures(out)
    if a.worst:
        for name, r in out["sets"].items():
            print()
            half = "" if a.worst_half == "all" else f", half {a.worst_half} only"
            print(f"{name}: {len(r.get('worst', []))} worst pages ({r['metric']} page score{half})")
            for w in r.get("worst", []):
                print(f"  {w['score']:.4f}  {w['id']}")
    print()
    print(f"wall time {out['wall_seconds']:.1f} s" + (f"; predictions kept in {a.keep}" if a.keep else ""))


def print_failures(out):
    bad = {n: r["pith"] for n, r in out["sets"].items() if r["pith"]["exit"] != 0 or r["pith"]["stderr_lines"]}
    if not bad:
        return
    print()
    for n, p in bad.items():
        print(f"pith on {n}: {pith_note(p)}")
        for l in p["stderr_head"]:
            print(f"  | {l[:160]}")


def print_meta(a, out):
    print(f"pith: {a.pith}" + (f"   extra args: {' '.join(a.extra)}" if a.extra else ""))
    print(f"data: {a.data}")
    print(f"run:  {out['run']}")
    print()
    print(f"{'set':<20} {'pages':>5}  {'missing':>7}  {'date':>6}  {'dated':>6}  {'title=':>6}  {'titleF1':>7}  "
          f"{'author':>6}   {'exit':>4}  {'stderr':>6}  {'seconds':>7}")
    for name, r in out["sets"].items():
        p = r["pith"]
        rows = [(name, r)] + [(f"  {name}:{h}", s) for h, s in r.get("halves", {}).items()]
        for label, s in rows:
            tail = f"   {p['exit']:>4}  {p['stderr_lines']:>6}  {p['seconds']:>7.1f}" if s is r else ""
            print(f"{label:<20} {s['pages']:>5}  {(r['missing'] if s is r else ''):>7}  {fmt(s['date_accuracy'])}  "
                  f"{fmt(s['date_dated_accuracy'])}  {fmt(s.get('title_exact'))}  {fmt(s.get('title_f1'), 7)}  "
                  f"{fmt(s.get('author_accuracy'))}{tail}")
    print()
    print("date: (correct + correctly none) / pages; dated: correct / pages with a gold date;")
    print("title=: exact after folding; titleF1: mean word-bag F1; author: hit (F1>=0.8) or correctly none")
    print("SET:tune / SET:check: the fixed halves (see --help); tune rules on tune, check them on check")
    for name, r in out["sets"].items():
        for label, s in [(name, r)] + [(f"{name}:{h}", s) for h, s in r.get("halves", {}).items()]:
            d = s.get("date", {})
            line = f"  {label} dates: " + " ".join(f"{k} {d[k]}" for k in sorted(d))
            if "author" in s:
                line += "; authors: " + " ".join(f"{k} {s['author'][k]}" for k in sorted(s["author"]))
            print(line)
    print_failures(out)
    if a.worst:
        for name, r in out["sets"].items():
            print()
            half = "" if a.worst_half == "all" else f", half {a.worst_half} only"
            print(f"{name}: wrong pages (up to {a.worst} per field{half})")
            for w in r.get("worst", []):
                print(f"  {w}")
    print()
    print(f"wall time {out['wall_seconds']:.1f} s" + (f"; predictions kept in {a.keep}" if a.keep else ""))


def main(argv):
    a = parse_args(argv)
    try:
        check_setup(a)
        if a.keep:
            a.keep.mkdir(parents=True, exist_ok=True)
            work = a.keep.resolve()
            tmp = None
        else:
            tmp = tempfile.mkdtemp(prefix="pith-quality-")
            work = Path(tmp)
        t0 = time.monotonic()
        out = {"mode": "meta" if a.meta else "text", "pith": str(a.pith), "extra_args": a.extra,
               "data": str(a.data), "run": provenance(), "sets": {}}
        try:
            for s in a.sets:
                out["sets"][s] = meta_set(a, s, work) if a.meta else text_set(a, s, work)
        finally:
            if tmp:
                shutil.rmtree(tmp, ignore_errors=True)
        out["wall_seconds"] = round(time.monotonic() - t0, 3)
    except Fatal as e:
        print(str(e), file=sys.stderr)
        return e.status
    if a.json:
        for r in out["sets"].values():
            r["pith"].pop("stderr_head", None)
        print(json.dumps(out, sort_keys=True))
    elif a.meta:
        print_meta(a, out)
    else:
        print_text(a, out)
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except BrokenPipeError:  # output piped into head and the like
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(1)

#!/usr/bin/python3
"""Does pith's time grow linearly with hostile inputs? Each case builds its
input at n, 2n, 4n and 8n, times pith on each (the best of --repeat runs)
and prints the CPU time ratio per doubling: about 2 is linear, 4 quadratic.
A case fails when its ratio per doubling over the last two doublings,
sqrt(t(8n) / t(2n)), is above --max-ratio (2.5): the first doubling, on
small inputs, is mostly start-up, and one doubling alone is too noisy on a
shared machine (a 0.1 s run varies by 20%), while a quadratic path gives 4.
Exit status 1 when any case fails.

    bench/scaling.py PITH [--only NAME,...] [--repeat 3] [--max-ratio 2.5]
"""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile

PROSE = ("The tide came in over the flats, and the birds that feed there moved up the "
         "shore to the salt marsh until it turned again. ")
HEAD = "<html><head><title>Tides</title></head><body><article><p>" + PROSE + "</p>"


def page(body):
    return (HEAD + body + "</article></body></html>").encode()


# name -> (base n, pith arguments, input of size n)
CASES = {
    "nested-divs": (60000, [], lambda n: page("<div>" * n + "x" + "</div>" * n)),
    "nested-templates": (30000, [], lambda n: page("<template><div>" * n + "x")),
    "nested-templates-dump": (3000, ["--dump-dom"], lambda n: page("<template><div>" * n + "x")),
    "unclosed-p": (60000, [], lambda n: page("<p>x " * n)),
    "unclosed-div": (60000, [], lambda n: page("<div>x " * n)),
    "unclosed-table-tr-td": (20000, [], lambda n: page("<table><tr><td>cell " * n)),
    "unclosed-b": (60000, [], lambda n: page("<b>x " * n)),
    "unclosed-a": (60000, [], lambda n: page("<a href=\"/x\">x " * n)),
    "attributes": (100000, [], lambda n: page("<div " + " ".join("a%d=v" % i for i in range(n)) +
                                              ">x</div>")),
    "attribute-bytes": (1 << 20, [], lambda n: page("<div title=\"" + "x" * n + "\">x</div>")),
    "text-node": (1 << 20, [], lambda n: page("<p>" + "word " * (n // 5) + "</p>")),
    "paragraphs": (10000, [], lambda n: page("".join("<p>%s %d</p>" % (PROSE, i)
                                                     for i in range(n)))),
    "same-paragraph": (10000, [], lambda n: page(("<p>" + PROSE + "</p>") * n)),
    "links": (20000, ["-f", "markdown", "-u", "https://example.org/a/b/"],
              lambda n: page("".join("<p><a href=\"../c/%d?q=1#f\">link %d</a> %s</p>" %
                                     (i, i, PROSE[:40]) for i in range(n)))),
    "table-cells": (40000, [], lambda n: page("<table>" + "<tr><td>a</td><td>b</td></tr>" * (n // 2) +
                                              "</table>")),
    "metas": (20000, ["-f", "json"], lambda n: ("<html><head>" + "<meta name=\"author\" "
                                                "content=\"Jane Doe\">" * n + "</head><body><p>" +
                                                PROSE + "</p></body></html>").encode()),
    "jsonld-items": (20000, ["-f", "json"],
                     lambda n: page("<script type=\"application/ld+json\">[" +
                                    ",".join("{\"@type\":\"Person\",\"name\":\"n%d\"}" % i
                                             for i in range(n)) + "]</script>")),
    "jsonld-depth": (20000, ["-f", "json"],
                     lambda n: page("<script type=\"application/ld+json\">" + "[" * n + "]" * n +
                                    "</script>")),
    "text-one-letter-lines": (200000, ["--text"], lambda n: b"a\n" * n),
    "text-short-lines": (100000, ["--text"],
                         lambda n: "".join("%d xy\n" % i for i in range(n)).encode()),
    "text-long-line": (1 << 20, ["--text"], lambda n: b"word " * (n // 5) + b"\n"),
    "text-prose-lines": (20000, ["--text"],
                         lambda n: "".join("%s%d\n" % (PROSE, i) for i in range(n)).encode()),
    "text-same-line": (50000, ["--text"], lambda n: (PROSE + "\n").encode() * n),
}


def best_time(pith, args, path, repeat):
    """The child's CPU time (user + system): far steadier than the wall
    clock on a shared machine."""
    best = None
    for _ in range(repeat):
        with open(os.devnull, "wb") as null:
            proc = subprocess.Popen([pith] + args + [path], stdout=null, stderr=null)
            _, _, usage = os.wait4(proc.pid, 0)
        t = usage.ru_utime + usage.ru_stime
        best = t if best is None or t < best else best
    return best


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("pith")
    ap.add_argument("--only", help="comma-separated case names")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--max-ratio", type=float, default=2.5)
    a = ap.parse_args()
    names = a.only.split(",") if a.only else list(CASES)
    pith = os.path.abspath(a.pith)
    tmp = tempfile.mkdtemp(prefix="pith-scaling-")
    failed = 0
    print("%-24s %9s %8s %8s %8s %8s  %s" % ("case", "n", "t(n) s", "x2", "x4", "x8", "ratios"))
    for name in names:
        base, args, gen = CASES[name]
        path = os.path.join(tmp, "input.txt" if "--text" in args else "input.html")
        times = []
        for k in range(4):
            with open(path, "wb") as f:
                f.write(gen(base << k))
            times.append(best_time(pith, args, path, a.repeat))
        ratios = [times[k + 1] / max(times[k], 1e-6) for k in range(3)]
        per_doubling = (times[3] / max(times[1], 1e-6)) ** 0.5
        verdict = "(%.2f per doubling)" % per_doubling
        if per_doubling > a.max_ratio:
            verdict = "FAIL: %.2f per doubling, over %.1f" % (per_doubling, a.max_ratio)
            failed += 1
        print("%-24s %9d %8.3f %8.3f %8.3f %8.3f  %s %s" %
              (name, base, times[0], times[1], times[2], times[3],
               " ".join("%.2f" % r for r in ratios), verdict))
        sys.stdout.flush()
    shutil.rmtree(tmp, ignore_errors=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

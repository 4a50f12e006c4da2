#!/usr/bin/python3
"""Does pith's time grow linearly with hostile inputs? Each case builds its
input at n, 2n, 4n and 8n, times pith on each (the best of --repeat runs)
and prints the CPU time ratio per doubling: about 2 is linear, 4 quadratic.
A case fails when its ratio per doubling over the last two doublings,
sqrt(t(8n) / t(2n)), is above --max-ratio (2.5): the first doubling, on
small inputs, is mostly start-up, and one doubling alone is too noisy on a
shared machine (a 0.1 s run varies by 20%), while a quadratic path gives 4.

A stall of the host (another job, a VM's stolen time) inflates whatever
runs during it. So the runs go round the four sizes in turn (n, 2n, 4n,
8n, n, 2n, ...) rather than size after size: a stall lasting a few runs
reaches one sample of each size, which the best of --repeat drops. And a
case over the bound is measured again, after a pause of 2 s, up to
--retries times (2), and fails only when every measurement is over it: a
quadratic path is over it every time, a stall seldom twice. A run that
does not exit 0 (a crash) fails its case, and so does one that runs
over --cpu-limit seconds of CPU (60; a hang would stall the script
forever). Exit status 1 when any case fails.

    bench/scaling.py PITH [--only NAME,...] [--repeat 3] [--retries 2] [--max-ratio 2.5]
                     [--cpu-limit 60]
"""
import argparse
import os
import resource
import signal
import shutil
import subprocess
import sys
import tempfile
import time

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
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
    # 24,000 items at 8n: 0.8 MB, under the 1 MiB past which a JSON-LD
    # script is not read (docs/limits.md); at 20,000 the last two
    # doublings timed only the skipping.
    "jsonld-items": (3000, ["-f", "json"],
                     lambda n: page("<script type=\"application/ld+json\">[" +
                                    ",".join("{\"@type\":\"Person\",\"name\":\"n%d\"}" % i
                                             for i in range(n)) + "]</script>")),
    # Past 64 levels the script is unreadable: this times the refusal.
    "jsonld-depth": (20000, ["-f", "json"],
                     lambda n: page("<script type=\"application/ld+json\">" + "[" * n + "]" * n +
                                    "</script>")),
    # A line a date, each a different day: the dates' text scans.
    "dated-lines": (80000, ["-f", "json"],
                    lambda n: page("".join("<div>%s %d, %d</div>" % (MONTHS[i % 12], i % 28 + 1,
                                                                     1990 + i // 336 % 30)
                                           for i in range(n)))),
    # A description of tags with no "</a>" or no ">" after them: each
    # looked for its end to the description's (was quadratic: 75 s at
    # 100,000 "<a>x").
    "description-open-links": (8000, ["-f", "json"],
                               lambda n: ("<html><head><meta name=\"description\" content=\"" +
                                          "&lt;a&gt;x" * n + "\"></head><body><p>" + PROSE +
                                          "</p></body></html>").encode()),
    "description-open-tags": (30000, ["-f", "json"],
                              lambda n: ("<html><head><meta name=\"description\" content=\"" +
                                         "&lt;a " * n + "\"></head><body><p>" + PROSE +
                                         "</p></body></html>").encode()),
    "text-one-letter-lines": (200000, ["--text"], lambda n: b"a\n" * n),
    "text-short-lines": (100000, ["--text"],
                         lambda n: "".join("%d xy\n" % i for i in range(n)).encode()),
    "text-long-line": (1 << 20, ["--text"], lambda n: b"word " * (n // 5) + b"\n"),
    "text-prose-lines": (20000, ["--text"],
                         lambda n: "".join("%s%d\n" % (PROSE, i) for i in range(n)).encode()),
    "text-same-line": (50000, ["--text"], lambda n: (PROSE + "\n").encode() * n),
}

# Seconds to wait before measuring a case again: a stall of the host often
# lasts a few seconds, and waiting costs no CPU (only a failing case waits).
RETRY_PAUSE = 2


class Crashed(Exception):
    """pith did not end well on an input: a crash is no time to compare."""


def cpu_time(pith, args, path, cpu_limit):
    """The child's CPU time (user + system): far steadier than the wall
    clock on a shared machine. The kernel ends it past cpu_limit seconds."""
    def limit():
        resource.setrlimit(resource.RLIMIT_CPU, (cpu_limit, cpu_limit + 1))

    with open(os.devnull, "wb") as null:
        proc = subprocess.Popen([pith] + args + [path], stdout=null, stderr=null,
                                preexec_fn=limit)
        _, status, usage = os.wait4(proc.pid, 0)
    code = os.waitstatus_to_exitcode(status)
    # SIGXCPU at the soft limit; SIGKILL at the hard one, a second later.
    if code == -signal.SIGXCPU or (code == -signal.SIGKILL and
                                   usage.ru_utime + usage.ru_stime >= cpu_limit):
        raise Crashed("no end within %d s of CPU" % cpu_limit)
    if code:
        raise Crashed("exit status %d" % code if code > 0 else "killed by signal %d" % -code)
    return usage.ru_utime + usage.ru_stime


def best_times(pith, args, paths, repeat, cpu_limit):
    """The best of repeat runs at each size, the sizes taken in turn."""
    best = [None] * len(paths)
    for _ in range(repeat):
        for k, path in enumerate(paths):
            t = cpu_time(pith, args, path, cpu_limit)
            best[k] = t if best[k] is None or t < best[k] else best[k]
    return best


def per_doubling(times):
    """The ratio per doubling over the last two doublings."""
    return (times[3] / max(times[1], 1e-6)) ** 0.5


def write_inputs(tmp, name):
    """The case's input at n, 2n, 4n and 8n, as files; their paths."""
    base, args, gen = CASES[name]
    ext = ".txt" if "--text" in args else ".html"
    paths = []
    for k in range(4):
        paths.append(os.path.join(tmp, "input-%d%s" % (k, ext)))
        with open(paths[-1], "wb") as f:
            f.write(gen(base << k))
    return paths


def print_row(name, n, times, verdict):
    ratios = [times[k + 1] / max(times[k], 1e-6) for k in range(3)]
    print("%-24s %9d %8.3f %8.3f %8.3f %8.3f  %s %s" %
          (name, n, times[0], times[1], times[2], times[3],
           " ".join("%.2f" % r for r in ratios), verdict))
    sys.stdout.flush()


def run_case(pith, tmp, name, a):
    """Measures one case (again while it is over the bound, up to
    a.retries times); True when it passes."""
    base, args, _ = CASES[name]
    paths = write_inputs(tmp, name)
    try:
        for attempt in range(a.retries + 1):
            try:
                times = best_times(pith, args, paths, a.repeat, a.cpu_limit)
            except Crashed as e:
                print("%-24s %9d  FAIL: pith ended with %s" % (name, base, e))
                return False
            ratio = per_doubling(times)
            if ratio <= a.max_ratio:
                print_row(name, base, times, "(%.2f per doubling)" % ratio)
                return True
            last = attempt == a.retries
            then = (" every time" if a.retries else "") if last else "; measuring again"
            print_row(name, base, times, "%s: %.2f per doubling, over %.1f%s" %
                      ("FAIL" if last else "over", ratio, a.max_ratio, then))
            if not last:
                time.sleep(RETRY_PAUSE)
        return False
    finally:
        for path in paths:
            os.unlink(path)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("pith")
    ap.add_argument("--only", help="comma-separated case names")
    ap.add_argument("--repeat", type=int, default=3, help="runs at each size (the best counts)")
    ap.add_argument("--retries", type=int, default=2,
                    help="measurements again of a case over the bound before it fails")
    ap.add_argument("--max-ratio", type=float, default=2.5)
    ap.add_argument("--cpu-limit", type=int, default=60,
                    help="seconds of CPU a run may take before it fails its case")
    a = ap.parse_args()
    names = a.only.split(",") if a.only else list(CASES)
    unknown = [n for n in names if n not in CASES]
    if unknown or a.repeat < 1 or a.retries < 0 or a.cpu_limit < 1:
        ap.error("unknown case %s (the cases: %s)" % (", ".join(unknown), ", ".join(CASES))
                 if unknown else
                 "--repeat and --cpu-limit must be 1 or more, --retries 0 or more")
    pith = os.path.abspath(a.pith)
    tmp = tempfile.mkdtemp(prefix="pith-scaling-")
    failed = 0
    print("%-24s %9s %8s %8s %8s %8s  %s" % ("case", "n", "t(n) s", "x2", "x4", "x8", "ratios"))
    try:
        for name in names:
            failed += not run_case(pith, tmp, name, a)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

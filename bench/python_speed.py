#!/usr/bin/python3
"""Pages per second from Python (the pith module) beside the CLI's: the
binding's overhead, and what a second thread adds.

    bench/python_speed.py [--data ../shared/data] [--sets scrapinghub,wcxb-dev]
                          [--pith build/pith] [--module build/python/lib]
                          [--runs 3] [--format text]

Over the sets' html/*.html.gz pages together, each run does the same work
three ways, interleaved, best of --runs:

  cli        one 'pith -f FORMAT DIR...' process pinned to one core, output
             to /dev/null: read, gunzip, extract, render, write;
  python x1  one thread pinned to the same core: read the file, gunzip it
             (in libpith when it reads gzip, else Python's zlib),
             pith.extract(...), the str thrown away;
  python x2  the same over two threads on two cores, as a user's
             concurrent.futures.ThreadPoolExecutor(2).map does it (each
             thread reads a file and calls pith.extract, the GIL released
             inside pith);
  many x2    pith.extract_many(pages, jobs=2) over a generator that reads
             the files in the calling thread: the library's own threads,
             which never take the GIL.

  control    the machine's own two-thread scaling, for comparison:
             hashlib.sha256 over 64 MB buffers (it too releases the GIL) on
             one thread, then two.

Prints pages/s, user CPU seconds and pages per user CPU second, python x1
/ cli, python x2 / python x1 and many x2 / python x1, and the control's
two-thread / one-thread ratio: on a machine whose second core is busy the
control shows it, and python x2 / x1 can do no better.
The machine may be shared: compare the ratios of one run, not numbers
across runs. --module: where the module is (default: build/python/lib, which
ctest's python test builds, else the installed one).
"""

import argparse
import concurrent.futures
import gzip
import os
import resource
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def parse_args():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--data", default=os.path.join(ROOT, "..", "shared", "data"))
    p.add_argument("--sets", default="scrapinghub,wcxb-dev")
    p.add_argument("--pith", default=os.path.join(ROOT, "build", "pith"))
    p.add_argument("--module", default=os.path.join(ROOT, "build", "python", "lib"))
    p.add_argument("--runs", type=int, default=3)
    p.add_argument("--format", default="text")
    a = p.parse_args()
    if a.runs < 1:
        p.error("--runs wants a positive number")
    return a


def pages_of(data, sets):
    dirs, files = [], []
    for s in sets.split(","):
        d = os.path.join(data, s, "html")
        if not os.path.isdir(d):
            sys.exit(f"python_speed.py: no pages in {d} (pass --data DIR)")
        dirs.append(d)
        files += sorted(os.path.join(d, f) for f in os.listdir(d) if f.endswith(".html.gz"))
    return dirs, files


def cpu_user(who):
    return resource.getrusage(who).ru_utime


def run_cli(pith, fmt, dirs):
    before = cpu_user(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    with open(os.devnull, "wb") as null:
        subprocess.run(["taskset", "-c", "0", pith, "-q", "-f", fmt, *dirs], stdout=null,
                       check=False)
    return time.perf_counter() - t, cpu_user(resource.RUSAGE_CHILDREN) - before


def reads_gzip(pith):
    """Whether libpith decompresses gzip pages itself (as the CLI does)."""
    try:
        pith.extract(gzip.compress(b"<p>a page</p>"))
        return True
    except pith.NotHTMLError:
        return False


def run_python(pith, fmt, files, threads, many=False):
    gunzip = (lambda b: b) if reads_gzip(pith) else gzip.decompress

    def read(path):
        with open(path, "rb") as f:
            return gunzip(f.read())

    def one(path):
        try:
            pith.extract(read(path), format=fmt)
        except pith.Error:
            pass

    os.sched_setaffinity(0, {0} if threads == 1 else {0, 1})
    before = cpu_user(resource.RUSAGE_SELF)
    t = time.perf_counter()
    if many:
        for _ in pith.extract_many(map(read, files), jobs=threads, errors="return", format=fmt):
            pass
    elif threads == 1:
        for path in files:
            one(path)
    else:
        with concurrent.futures.ThreadPoolExecutor(threads) as pool:
            for _ in pool.map(one, files):
                pass
    return time.perf_counter() - t, cpu_user(resource.RUSAGE_SELF) - before


def control(threads):
    """Seconds for 8 SHA-256 digests of 64 MB on `threads` threads."""
    import hashlib
    import threading

    data = b"x" * (64 << 20)

    def work(n):
        for _ in range(n):
            hashlib.sha256(data).digest()

    os.sched_setaffinity(0, {0} if threads == 1 else {0, 1})
    t = time.perf_counter()
    workers = [threading.Thread(target=work, args=(8 // threads,)) for _ in range(threads)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    return time.perf_counter() - t


def main():
    a = parse_args()
    if os.path.isdir(a.module):
        sys.path.insert(0, a.module)
    import pith

    dirs, files = pages_of(a.data, a.sets)
    if os.cpu_count() < 2:
        sys.exit("python_speed.py: two threads need two cores")
    run_python(pith, a.format, files, 1)  # warm the page cache
    best = {}
    for _ in range(a.runs):
        for name, fn in (("cli", lambda: run_cli(a.pith, a.format, dirs)),
                         ("python x1", lambda: run_python(pith, a.format, files, 1)),
                         ("python x2", lambda: run_python(pith, a.format, files, 2)),
                         ("many x2", lambda: run_python(pith, a.format, files, 2, many=True))):
            wall, user = fn()
            if name not in best or wall < best[name][0]:
                best[name] = (wall, user)
    os.sched_setaffinity(0, range(os.cpu_count()))
    n = len(files)
    print(f"{n} pages ({a.sets}), format {a.format}, best of {a.runs}; module {pith.__file__}")
    for name, (wall, user) in best.items():
        print(f"  {name:10s} {n / wall:8.1f} pages/s  {wall:6.2f} s wall  {user:6.2f} s user CPU"
              f"  {n / user:8.1f} pages/CPU s")
    cli, x1, x2, many = (n / best[k][0] for k in ("cli", "python x1", "python x2", "many x2"))
    ccli, cx1 = (n / best[k][1] for k in ("cli", "python x1"))
    print(f"  python x1 / cli: {x1 / cli:.3f} (CPU: {cx1 / ccli:.3f})   "
          f"python x2 / python x1: {x2 / x1:.3f}   many x2 / python x1: {many / x1:.3f}")
    one, two = min(control(1) for _ in range(a.runs)), min(control(2) for _ in range(a.runs))
    os.sched_setaffinity(0, range(os.cpu_count()))
    print(f"  control (sha256, GIL released) two threads / one: {one / two:.3f}")


if __name__ == "__main__":
    main()

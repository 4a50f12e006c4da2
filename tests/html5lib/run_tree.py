#!/usr/bin/python3
"""html5lib-tests tree construction: every document and fragment test of
tree-construction/*.dat parsed by tree_dump (scripting off) and its tree
compared with the expected one.

    run_tree.py TREE_DUMP TESTS_DIR [--known FILE] [--min 0.99] [-v] [--only NAME]

Prints the passes per file and in total, and the #document-fragment tests'
passes apart; tests marked #script-on are skipped (and counted). Fails
(exit 1) when fewer than --min of the document tests pass. Known failures
are listed, with their reason, in FILE ("file.dat:N reason", N counting the
file's tests from 1); other failures are printed with their trees."""
import argparse
import os
import subprocess
import sys

SECTIONS = {"#data", "#errors", "#new-errors", "#document-fragment", "#script-off",
            "#script-on", "#document"}


def read_tests(path):
    """The tests of one .dat file, each a dict of section -> text."""
    tests, cur, section = [], None, None
    with open(path, encoding="utf-8", newline="") as f:  # the data may hold a CR
        lines = f.read().split("\n")
    for i, line in enumerate(lines):
        if line == "#data" and (i == 0 or lines[i - 1] == "" or cur is None):
            if cur is not None:
                tests.append(cur)
            cur, section = {"#data": []}, "#data"
            continue
        if cur is None:
            continue
        # The data may hold anything: only "#errors" ends it.
        if (line == "#errors") if section == "#data" else (line in SECTIONS):
            section = line
            cur[section] = []
            continue
        cur[section].append(line)
    if cur is not None:
        tests.append(cur)
    out = []
    for t in tests:
        doc = t.get("#document", [])
        while doc and doc[-1] == "":
            doc.pop()
        out.append({
            "data": "\n".join(t["#data"]),
            "document": "\n".join(doc),
            "fragment": "\n".join(t.get("#document-fragment", [])).strip() or None,
            "script_on": "#script-on" in t,
        })
    return out


def run_batch(tree_dump, docs):
    """docs: (bytes, fragment context or None) pairs."""
    payload = b"".join(b"%d%s\n%s" % (len(d), b" " + c.encode() if c else b"", d) for d, c in docs)
    r = subprocess.run([tree_dump, "--batch"], input=payload, stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, timeout=600)
    trees = r.stdout.decode("utf-8", "replace").split("\x1e\n")
    if r.returncode != 0 or len(trees) < len(docs):
        sys.stderr.write(r.stderr.decode("utf-8", "replace"))
        sys.exit("run_tree: tree_dump failed (status %d, %d of %d trees)"
                 % (r.returncode, len(trees) - 1, len(docs)))
    return [t.rstrip("\n") for t in trees[:len(docs)]]


def read_known(path):
    known = {}
    if path and os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            for line in f:
                line = line.strip()
                if not line or line.startswith("#"):
                    continue
                key, _, reason = line.partition(" ")
                known[key] = reason.strip()
    return known


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("tree_dump")
    ap.add_argument("tests_dir")
    ap.add_argument("--known")
    ap.add_argument("--min", type=float, default=0.99)
    ap.add_argument("--only", help="run this .dat file only")
    ap.add_argument("-v", action="store_true", help="print every failure's trees")
    args = ap.parse_args()

    tdir = os.path.join(args.tests_dir, "tree-construction")
    files = sorted(f for f in os.listdir(tdir) if f.endswith(".dat"))
    if args.only:
        files = [f for f in files if f == args.only]
    known = read_known(args.known)
    cases = []  # (file, index, test)
    skipped_script = 0
    for name in files:
        for i, t in enumerate(read_tests(os.path.join(tdir, name)), 1):
            if t["script_on"]:
                skipped_script += 1
            else:
                cases.append((name, i, t))
    trees = run_batch(args.tree_dump,
                      [(t["data"].encode("utf-8"), t["fragment"]) for _, _, t in cases])

    per_file, failures = {}, []
    frag_passed = frag_total = 0
    for (name, i, t), got in zip(cases, trees):
        ok = got == t["document"]
        if t["fragment"]:
            frag_passed += ok
            frag_total += 1
        else:
            p = per_file.setdefault(name, [0, 0])
            p[0] += ok
            p[1] += 1
        if not ok:
            failures.append((name, i, t, got))
    for name in files:
        if name in per_file:
            p = per_file[name]
            print("%-48s %4d / %4d" % (name, p[0], p[1]))
    passed = sum(p[0] for p in per_file.values())
    total = sum(p[1] for p in per_file.values())
    print("document tests (scripting off): %d / %d passed (%.2f%%)"
          % (passed, total, 100.0 * passed / max(total, 1)))
    print("fragment tests (#document-fragment, scripting off): %d / %d passed"
          % (frag_passed, frag_total))
    print("not run: %d #script-on tests" % skipped_script)
    unexpected = 0
    for name, i, t, got in failures:
        key = "%s:%d" % (name, i)
        if key in known:
            print("known failure %s: %s" % (key, known[key]))
            continue
        unexpected += 1
        print("FAIL %s" % key)
        if args.v or unexpected <= 10:
            if t["fragment"]:
                print("  context: %s" % t["fragment"])
            print("  data: %r" % t["data"])
            print("  expected:\n" + t["document"])
            print("  got:\n" + got)
    for key in sorted(set(known) - {"%s:%d" % (n, i) for n, i, _, _ in failures}):
        print("listed as known but passes (or not run): %s" % key)
    if total and passed < args.min * total:
        print("run_tree: %.2f%% passed, below the %.0f%% required"
              % (100.0 * passed / total, 100 * args.min))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

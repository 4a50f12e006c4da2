#!/usr/bin/python3
"""docs/formats.md's "An example" shows what pith prints: each format's
block there is what `test_render print FORMAT` prints of the sample article
(json compared as data: the page shows it indented, pith writes one line).
A renderer's change that forgets the page fails here, naming the format.

    formats_example.py DOCS/formats.md PATH/TO/test_render
"""
import difflib
import json
import re
import subprocess
import sys

FORMATS = ("text", "markdown", "html", "xml", "json")


def shown(doc, fmt):
    """The fenced block under '### FMT' in the example section."""
    section = doc[doc.index("## An example"):]
    m = re.search(r"^### " + fmt + r"\n.*?^(`{3,})[a-z]*\n(.*?)\n\1$", section, re.S | re.M)
    return m.group(2) if m else None


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__.strip().splitlines()[-1].strip())
    doc = open(sys.argv[1], encoding="utf-8").read()
    failed = 0
    for fmt in FORMATS:
        want = shown(doc, fmt)
        got = subprocess.run([sys.argv[2], "print", fmt], capture_output=True, text=True,
                             check=True).stdout.rstrip("\n")
        if want is None:
            print("FAIL: %s: no fenced block under '### %s'" % (fmt, fmt))
            failed += 1
        elif fmt == "json" and json.loads(want) != json.loads(got):
            a, b = json.loads(want), json.loads(got)
            keys = sorted(k for k in set(a) | set(b) if a.get(k) != b.get(k))
            print("FAIL: json: the page and pith differ in %s" % ", ".join(keys))
            failed += 1
        elif fmt != "json" and want != got:
            print("FAIL: %s: the page and pith differ:" % fmt)
            sys.stdout.writelines(list(difflib.unified_diff(
                want.splitlines(True), got.splitlines(True), "docs/formats.md", "pith"))[:40])
            failed += 1
    print("%d of %d formats as the page shows them" % (len(FORMATS) - failed, len(FORMATS)))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

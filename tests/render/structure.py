"""Random article trees (test_render structure SEED FORMAT): the Markdown,
read back by cmark-gfm, must have the same block structure as pith's HTML for
the same tree (paragraph tags aside: tight and loose lists differ there).

    python3 structure.py PATH/TO/test_render COUNT
"""
import subprocess
import sys
from html.parser import HTMLParser

VOID = ("hr", "br", "img")


class Structure(HTMLParser):
    def __init__(self):
        super().__init__()
        self.out = []

    def handle_starttag(self, tag, attrs):
        if tag not in ("p", "article"):
            self.out.append(tag + "".join(" %s=%s" % a for a in sorted(attrs) if a[0] != "class"))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag):
        if tag not in ("p", "article") + VOID:
            self.out.append("/" + tag)


def structure(html):
    s = Structure()
    s.feed(html)
    s.close()
    return s.out


def main():
    binary, count = sys.argv[1], int(sys.argv[2])
    differ = 0
    for seed in range(1, count + 1):
        run = lambda fmt: subprocess.run(
            [binary, "structure", str(seed), fmt], capture_output=True, check=True).stdout
        md = run("markdown")
        html = run("html").decode()
        back = subprocess.run(["cmark-gfm", "--unsafe", "-e", "table"], input=md,
                              capture_output=True, check=True).stdout.decode()
        if structure(html) != structure(back):
            differ += 1
            if differ == 1:
                print("seed %d differs\n--- markdown:\n%s--- html:\n%s--- cmark-gfm:\n%s"
                      % (seed, md.decode(), html, back))
    print("%d trees, %d differ" % (count, differ))
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())

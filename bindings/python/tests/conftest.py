"""Shared fixtures: the pith CLI to compare with, and pages written for the
tests (never the shared data sets)."""

import os
import subprocess

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.normpath(os.path.join(HERE, "..", "..", ".."))

# A page with every metadata field, a figure, a table and a comment section.
RICH_PAGE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Tide mills of the Rance estuary | Harbour Weekly</title>
<meta name="description" content="How the estuary's old tide mills worked.">
<meta property="og:site_name" content="Harbour Weekly">
<meta property="og:image" content="/img/mill.jpg">
<meta property="article:section" content="History">
<meta property="article:tag" content="mills">
<meta property="article:tag" content="tides">
<link rel="canonical" href="https://harbour.example/history/tide-mills">
<link rel="license" href="https://creativecommons.org/licenses/by/4.0/">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",
"headline":"Tide mills of the Rance estuary","author":[{"@type":"Person","name":"Maël Guillou"},
{"@type":"Person","name":"Ruth Abernethy"}],
"datePublished":"2021-03-04T09:30:00+01:00","dateModified":"2021-03-05"}</script>
</head><body>
<nav><a href="/">Home</a> <a href="/history">History</a></nav>
<article><h1>Tide mills of the Rance estuary</h1>
<p>By Maël Guillou and Ruth Abernethy</p>
<p>For six centuries the millers of the <a href="/rance">Rance estuary</a> ground grain with the
sea itself: a pond filled at <em>high tide</em>, and the ebb turned the wheel.</p>
<figure><img src="/img/wheel.jpg" alt="A wooden wheel"><figcaption>The wheel of the Quinard mill,
restored in 1990. Photo: Anne Le Goff</figcaption></figure>
<p>Only three of the forty mills still stand, and one of them grinds flour again each summer for
visitors who come to watch the tide do the work.</p>
<table><tr><th>Mill</th><th>Built</th></tr><tr><td>Quinard</td><td>1450</td></tr></table>
</article>
<section id="comments"><h2>Comments</h2>
<div class="comment"><p>My grandfather worked at the Quinard mill until it closed; he always
said the tide was a patient but stubborn employee.</p></div>
<div class="comment"><p>A lovely piece about the estuary. Is the mill at Beauchet open to
visitors in the winter months as well?</p></div>
</section>
<footer>© Harbour Weekly</footer></body></html>
"""

# The same kind of page in Latin-1, declared in a <meta>.
LATIN1_PAGE = (
    "<html><head><meta charset=\"iso-8859-1\"><title>Café des sports</title></head><body>"
    "<article><h1>Café des sports</h1><p>Le café de la place a rouvert ses portes après "
    "deux années de travaux, et les habitués sont déjà revenus à leurs tables près de la "
    "fenêtre.</p></article></body></html>"
).encode("latin-1")

# A page flattened to text: a line per text run.
TEXT_PAGE = """Harbour Weekly
Home
News
Ferry timetable changes for the winter
By Ruth Abernethy
The island ferry will sail twice a day from November, instead of four times, the operator said on Monday, citing the cost of fuel and a shortage of crew.
Islanders have asked for a later evening crossing so that people working on the mainland can get home, and the operator says it will consider it in the spring.
Share this article
© Harbour Weekly
"""


def cli_path():
    path = os.environ.get("PITH_CLI") or os.path.join(REPO, "build", "pith")
    if not os.access(path, os.X_OK):
        pytest.fail(f"the pith CLI is not at {path}: set PITH_CLI")
    return path


@pytest.fixture(scope="session")
def cli():
    """Runs the pith CLI on a file: its standard output as str."""
    path = cli_path()

    def run(file, *args):
        out = subprocess.run([path, *args, str(file)], capture_output=True, check=False)
        return out.stdout.decode("utf-8")

    return run


@pytest.fixture
def rich_file(tmp_path):
    p = tmp_path / "rich.html"
    p.write_text(RICH_PAGE, encoding="utf-8")
    return p


def quick():
    """PITH_TEST_QUICK=1 (the sanitizer run): the slow tests run smaller."""
    return os.environ.get("PITH_TEST_QUICK") == "1"


# ---- WARC files written by the tests -------------------------------------------

def page_html(i):
    """A small article page, different for each i."""
    return (f"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
            f"<title>Harbour notice {i} | Harbour Weekly</title></head><body>"
            f"<nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav><article>"
            f"<h1>Harbour notice {i}</h1><p>The harbour master announced change number {i} "
            f"to the mooring rules on Tuesday, after a winter of storms that left several "
            f"boats damaged along the outer wall.</p><p>Owners have until the end of the "
            f"month to move their boats to the inner basin, where the new pontoons are.</p>"
            f"</article><footer>Harbour Weekly</footer></body></html>").encode()


def warc_record(warc_type, url, block, record_id, content_type="application/http; msgtype=response"):
    head = (f"WARC/1.0\r\nWARC-Type: {warc_type}\r\nWARC-Target-URI: {url}\r\n"
            f"WARC-Date: 2024-05-0{record_id % 9 + 1}T10:00:00Z\r\n"
            f"WARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-{record_id:012d}>\r\n"
            f"Content-Type: {content_type}\r\nContent-Length: {len(block)}\r\n\r\n")
    return head.encode() + block + b"\r\n\r\n"


def http_response(body, status=200, content_type="text/html; charset=utf-8"):
    reason = {200: "OK", 404: "Not Found"}.get(status, "Other")
    return (f"HTTP/1.1 {status} {reason}\r\nContent-Type: {content_type}\r\n"
            f"Content-Length: {len(body)}\r\n\r\n").encode() + body


def write_warc(path, pages=5, start=0, damaged=False):
    """A gzip WARC (a member per record): warcinfo, then per page a request
    and a response, plus a 404 page, an image and (damaged) garbage bytes.
    Returns the number of HTML pages of status 200 in it."""
    import gzip

    rid = start * 100
    members = [warc_record("warcinfo", "", b"software: pith tests\r\n", rid,
                           "application/warc-fields")]
    for i in range(start, start + pages):
        url = f"https://harbour.example/notices/{i}"
        rid += 2
        members.append(warc_record("request", url, b"GET / HTTP/1.1\r\n\r\n", rid,
                                   "application/http; msgtype=request"))
        members.append(warc_record("response", url, http_response(page_html(i)), rid + 1))
    members.append(warc_record("response", "https://harbour.example/gone",
                               http_response(page_html(999), 404), rid + 50))
    members.append(warc_record("response", "https://harbour.example/logo.png",
                               http_response(b"\x89PNG\r\n\x1a\n" + bytes(200), 200, "image/png"),
                               rid + 51))
    data = b"".join(gzip.compress(m) for m in members)
    if damaged:
        cut = len(data) // 2
        data = data[:cut] + b"this is no gzip member at all" * 10 + data[cut:]
    with open(path, "wb") as f:
        f.write(data)
    return pages


def cli_json_records(path, *args):
    """The CLI's JSON lines for an archive, as dicts (with comments, as
    read_archive gives them)."""
    import json

    out = subprocess.run([cli_path(), "-q", "-f", "json", "--comments", *args, str(path)],
                         capture_output=True, check=False)
    records = [json.loads(line) for line in out.stdout.decode("utf-8").splitlines()]
    # The CLI gives a failed record a line with "error" in its place; the
    # reader's iteration gives the pages only.
    return [r for r in records if "error" not in r]


def write_wet(path, pages=4):
    """A gzip WET file: pages of one site whose text shares the site's
    menu and footer lines."""
    import gzip

    members = [warc_record("warcinfo", "", b"software: pith tests\r\n", 0,
                           "application/warc-fields")]
    for i in range(pages):
        text = (f"Harbour Weekly\nHome\nNews\nSport\nHarbour notice {i}\n"
                f"The harbour master announced change number {i} to the mooring rules on "
                f"Tuesday, after a winter of storms that left boats damaged along the wall.\n"
                f"Harbour Weekly is published every Friday by the island's harbour trust and "
                f"is free to all residents of the island and to its many visitors.\n"
                f"Owners have until the end of the month to move their boats to the inner "
                f"basin, where the new pontoons are, the notice number {i} says.\n"
                f"Subscribe to our newsletter for the week's harbour news\n"
                f"Copyright Harbour Weekly, all rights reserved\n").encode()
        members.append(warc_record("conversion", f"https://harbour.example/notices/{i}", text,
                                   i + 1, "text/plain"))
    with open(path, "wb") as f:
        f.write(b"".join(gzip.compress(m) for m in members))


def sample_warcs():
    """The shared sample archives beside the repository, when present."""
    d = os.path.join(REPO, "..", "shared", "data", "warc")
    if not os.path.isdir(d):
        return []
    return sorted(os.path.join(d, f) for f in os.listdir(d)
                  if f.endswith((".warc.gz", ".warc.wet.gz", ".warc")))

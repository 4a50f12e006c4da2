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

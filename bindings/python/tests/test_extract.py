"""pith.extract and pith.extract_text: every format and option gives what
the CLI gives for the same page; bytes, str and other buffers; charsets."""

import gzip
import json
import warnings

import pytest

import pith
from conftest import LATIN1_PAGE, RICH_PAGE, TEXT_PAGE

URL = "https://harbour.example/h/1"

# (keyword arguments, the CLI's arguments): every option the CLI has for one page.
OPTIONS = [
    ({}, []),
    ({"url": URL}, ["-u", URL]),
    ({"title": False}, ["--no-title"]),
    ({"links": False}, ["--no-links"]),
    ({"images": True}, ["--images"]),
    ({"tables": False}, ["--no-tables"]),
    ({"formatting": True}, ["--formatting"]),
    ({"comments": True}, ["--comments"]),
    ({"fragment": True}, ["--fragment"]),
    ({"json_markdown": True}, ["--json-markdown"]),
    ({"json_tree": True}, ["--json-tree"]),
    ({"charset": "iso-8859-1"}, ["--charset", "iso-8859-1"]),
    ({"language": "de"}, ["--language", "de"]),
    ({"language": "en"}, ["--language", "en"]),
]
FORMATS = ["text", "json", "jsonl", "markdown", "md", "html", "xml"]


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("kwargs,args", OPTIONS, ids=[" ".join(a) or "defaults" for _, a in OPTIONS])
def test_same_as_cli(cli, rich_file, fmt, kwargs, args):
    kwargs = dict(kwargs)
    url = kwargs.pop("url", None)
    got = pith.extract(rich_file.read_bytes(), url, format=fmt, source_file=str(rich_file), **kwargs)
    want = cli(rich_file, "-f", fmt, *args)
    assert want or kwargs.get("language") == "de", "the CLI gave nothing"
    assert got == want


def test_default_is_title_and_text():
    out = pith.extract(RICH_PAGE)
    assert out.startswith("Tide mills of the Rance estuary\n\nFor six centuries")
    assert "Home" not in out and "Harbour Weekly" not in out and "grandfather" not in out


def test_formats_differ_as_documented():
    page = RICH_PAGE.encode()
    doc = json.loads(pith.extract(page, URL, format="json"))
    assert doc["url"] == URL and doc["title"] == "Tide mills of the Rance estuary"
    assert doc["authors"] == ["Maël Guillou", "Ruth Abernethy"]
    md = pith.extract(page, URL, format="markdown")
    assert md.startswith("# Tide mills") and "[Rance estuary](https://harbour.example/rance)" in md
    assert "| Mill | Built |" in md
    assert pith.extract(page, format="html").lstrip().lower().startswith("<!doctype html>")
    assert pith.extract(page, format="html", fragment=True).lstrip().startswith("<article")
    assert pith.extract(page, format="xml").lstrip().startswith("<?xml")
    assert pith.extract(page, format="jsonl") == pith.extract(page, format="json")
    assert pith.extract(page, format="md") == pith.extract(page, format="markdown")


def test_options_change_the_output():
    page = RICH_PAGE.encode()
    assert "Tide mills" not in pith.extract(page, title=False).split("\n")[0]
    assert "Quinard | 1450" in pith.extract(page)
    assert "Quinard" not in pith.extract(page, tables=False).replace("Quinard mill", "")
    assert "grandfather" in pith.extract(page, comments=True)
    assert "*high tide*" in pith.extract(page, format="markdown", formatting=True)
    assert "](" not in pith.extract(page, format="markdown", links=False)
    assert "![A wooden wheel]" in pith.extract(page, format="markdown", images=True)
    doc = json.loads(pith.extract(page, format="json", json_markdown=True, json_tree=True))
    assert doc["markdown"].startswith("For six centuries") and doc["blocks"][0]["type"]


def test_bytes_str_and_buffers_agree():
    want = pith.extract(RICH_PAGE.encode(), format="json")
    assert pith.extract(RICH_PAGE, format="json") == want
    assert pith.extract(bytearray(RICH_PAGE.encode()), format="json") == want
    assert pith.extract(memoryview(RICH_PAGE.encode()), format="json") == want


def test_charsets():
    assert "Le café de la place a rouvert" in pith.extract(LATIN1_PAGE)
    # A str has no bytes left to decode: its <meta charset> must not matter.
    assert "Le café de la place a rouvert" in pith.extract(LATIN1_PAGE.decode("latin-1"))
    undeclared = LATIN1_PAGE.replace(b'<meta charset="iso-8859-1">', b"")
    assert "ouvert ses portes après" in pith.extract(undeclared, charset="iso-8859-1")
    utf16 = "\ufeff" + LATIN1_PAGE.decode("latin-1").replace("iso-8859-1", "utf-16")
    assert "portes après" in pith.extract(utf16.encode("utf-16-le"))


def test_invalid_utf8_gives_valid_text():
    page = RICH_PAGE.encode().replace(b"six centuries", b"six \xff\xfe centuries \xc3")
    out = pith.extract(page)
    assert "centuries" in out
    out.encode("utf-8")  # a valid str: no lone surrogates


@pytest.mark.parametrize("sample", ["plain ASCII", "café crème", "€ and ½", "a tide 🌊 mill"])
def test_every_width_of_str(cli, tmp_path, sample):
    """The output becomes a str in the layout of its widest character (1, 2
    or 4 bytes): each width gives exactly the CLI's UTF-8."""
    f = tmp_path / "page.html"
    f.write_bytes(RICH_PAGE.replace("Quinard mill until", f"Quinard mill ({sample}) until").encode())
    for fmt in ("text", "json", "html"):
        got = pith.extract(f.read_bytes(), format=fmt, source_file=str(f))
        assert got == cli(f, "-f", fmt) and f"({sample})" in pith.extract(f.read_bytes(), comments=True)


def test_gzip_page():
    page = gzip.compress(RICH_PAGE.encode())
    assert pith.extract(page) == pith.extract(RICH_PAGE)
    assert pith.parse(page).to_dict() == pith.parse(RICH_PAGE).to_dict()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        pith.extract(page)  # a whole gzip page warns of nothing
    cut = page[:-8]  # the last bytes (CRC and size) missing: the text is all there
    with pytest.warns(pith.InputWarning, match="truncated"):
        assert "six centuries" in pith.extract(cut)
    with pytest.warns(pith.InputWarning):
        assert "truncated" in pith.parse(cut).warning
    with pytest.warns(pith.InputWarning):  # marked in the record, as a cut WARC record
        assert pith.parse(cut).truncated is True
        assert '"truncated":true' in pith.extract(cut, format="json")
    assert pith.parse(page).warning is None and pith.parse(page).truncated is None
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with pytest.raises(pith.InputWarning):
            pith.extract(cut)  # a filter that makes it an error
    with pytest.raises(pith.TooLargeError):
        pith.extract(gzip.compress(b"<p>" + b"a" * (8 << 20)), max_size=1 << 20)  # a bomb


def test_pages_by_keyword():
    """The page's keyword: html for HTML, text in text mode."""
    assert pith.extract(html=RICH_PAGE) == pith.extract(RICH_PAGE)
    assert pith.extract_text(text=TEXT_PAGE, url=None) == pith.extract_text(TEXT_PAGE)
    assert pith.parse_text(text=TEXT_PAGE).text == pith.parse_text(TEXT_PAGE).text
    with pytest.raises(TypeError):
        pith.extract_text(html=TEXT_PAGE)


def test_text_mode(cli, tmp_path):
    f = tmp_path / "page.txt"
    f.write_text(TEXT_PAGE, encoding="utf-8")
    for fmt in ("text", "json", "markdown"):
        assert pith.extract_text(TEXT_PAGE, format=fmt, source_file=str(f)) == cli(
            f, "--text", "-f", fmt)
    out = pith.extract_text(TEXT_PAGE.encode())
    assert "twice a day from November" in out and "Share this article" not in out
    # A page without markup goes through text mode by itself, as in the CLI.
    assert pith.extract(TEXT_PAGE) == out


def test_provenance_options():
    doc = json.loads(pith.extract(RICH_PAGE, URL, format="json", warc_record_id="<urn:uuid:1>",
                                  warc_date="2021-03-06T12:00:00Z"))
    assert doc["warc_record_id"] == "<urn:uuid:1>" and doc["warc_date"] == "2021-03-06T12:00:00Z"


def test_language_filter():
    assert pith.extract(RICH_PAGE, language="de") == ""
    # Left out: nothing in any format, as the CLI writes nothing for it;
    # parse() says why (test_article), extract_many gives "" in its place.
    for fmt in FORMATS:
        assert pith.extract(RICH_PAGE, URL, format=fmt, language="de") == ""
    many = pith.extract_many([RICH_PAGE, RICH_PAGE.replace('lang="en"', 'lang="de"')],
                             jobs=2, format="json", language="de")
    left, kept = list(many)
    assert left == "" and json.loads(kept)["language"] == "de"
    assert pith.extract(RICH_PAGE, language="en") == pith.extract(RICH_PAGE)
    assert pith.extract(RICH_PAGE, language="") == pith.extract(RICH_PAGE)


def test_limits():
    assert pith.extract(RICH_PAGE, max_size=0) == pith.extract(RICH_PAGE)
    with pytest.raises(pith.TooLargeError):
        pith.extract(RICH_PAGE, max_size=100)
    # Past max_nodes the tree is cut, never an error.
    assert "six centuries" in pith.extract(RICH_PAGE)
    assert "six centuries" not in pith.extract(RICH_PAGE, max_nodes=10)
    deep = "<div>" * 300 + "<p>" + "Deep words in a deep place. " * 10 + "</p>" + "</div>" * 300
    assert isinstance(pith.extract(deep, max_depth=16), str)


def test_hostile_input_limits():
    many = "<p " + " ".join(f"a{i}=x" for i in range(3000)) + ">Words of a paragraph here.</p>"
    assert isinstance(pith.extract(many, max_attributes=10), str)
    lines = "\n".join(f"Line number {i} of a very long page of plain text." for i in range(5000))
    assert "Line number 4999" not in pith.extract_text(lines, max_text_lines=100)
    big = "<html><body><article>" + "<p>The tide came in over the flats again. </p>" * 200000
    with pytest.raises(pith.TimeBudgetError) as e:
        pith.extract(big, timeout_ms=1)
    assert isinstance(e.value, TimeoutError) and "time" in str(e.value)
    with pytest.raises(ValueError):
        pith.extract(big, timeout_ms=-1)


def test_version():
    assert pith.__version__.count(".") == 2


def test_dump_dom(cli, rich_file):
    assert pith.dump_dom(rich_file.read_bytes()) == cli(rich_file, "--dump-dom")
    tree = pith.dump_dom("<p>one<b>two</p>")
    assert '| <html>' in tree and '|       <b>' in tree and '"two"' in tree
    assert "| <html>" in pith.dump_dom(b"")  # the HTML5 parser makes a document of anything
    with pytest.raises(pith.TooLargeError):
        pith.dump_dom(b"<p>" * 1000, max_size=100)
    with pytest.raises(TypeError):
        pith.dump_dom(None)

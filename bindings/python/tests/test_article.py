"""pith.parse and pith.parse_text: the Article's fields are the json
format's, read through the C accessors; rendering; pickling."""

import copy
import json
import pickle

import pytest

import pith
from conftest import RICH_PAGE, TEXT_PAGE

URL = "https://harbour.example/h/1"


def test_fields_as_attributes():
    a = pith.parse(RICH_PAGE, URL)
    assert a.url == URL
    assert a.canonical_url == "https://harbour.example/history/tide-mills"
    assert a.title == "Tide mills of the Rance estuary"
    assert a.authors == ["Maël Guillou", "Ruth Abernethy"]
    assert a.date_published == "2021-03-04T09:30:00+01:00"
    assert a.date_modified == "2021-03-05"
    assert a.site_name == "Harbour Weekly"
    assert a.section == "History"
    assert a.tags == ["mills", "tides"]
    assert a.description == "How the estuary's old tide mills worked."
    assert a.image == "https://harbour.example/img/mill.jpg"
    assert a.language == "en"
    assert a.license == "https://creativecommons.org/licenses/by/4.0/"
    assert a.page_type == "article"
    assert a.images == [{"src": "https://harbour.example/img/wheel.jpg", "alt": "A wooden wheel",
                         "caption": "The wheel of the Quinard mill, restored in 1990.",
                         "credit": "Anne Le Goff"}]
    assert a.text.startswith("For six centuries") and a.text.endswith("Quinard | 1450")
    assert a.comments.startswith("Comments\n\nMy grandfather")
    assert a.source is None and a.editor is None and a.warc_record_id is None
    assert a.left_out is None


def test_to_dict_is_the_json_format():
    """The accessors and the json renderer agree on every field: a field
    added to one and not the other fails here."""
    for page, url in ((RICH_PAGE, URL), (RICH_PAGE, None), ("<p>short</p>", None),
                      ("<html><body><article><p>" + "word " * 300 + "</p></article>", URL)):
        want = json.loads(pith.extract(page, url, format="json", comments=True))
        assert pith.parse(page, url).to_dict() == want
    want = json.loads(pith.extract_text(TEXT_PAGE, URL, format="json", comments=True))
    assert pith.parse_text(TEXT_PAGE, URL).to_dict() == want
    want = json.loads(pith.extract(RICH_PAGE, URL, format="json", warc_record_id="<urn:x>",
                                   warc_date="2020-01-01T00:00:00Z"))
    got = pith.parse(RICH_PAGE, URL, warc_record_id="<urn:x>", warc_date="2020-01-01T00:00:00Z")
    assert {k: v for k, v in got.to_dict().items() if k != "comments"} == want


def test_every_library_field_is_an_attribute():
    a = pith.parse("<p>Nothing but a short paragraph here.</p>")
    names = [name for name, _ in pith.FIELDS]
    assert "date_published" in names and "images" in names and "text" in names
    for name, kind in pith.FIELDS:
        value = getattr(a, name)
        assert value == ([] if kind.startswith("list") else None) or name == "text"
        assert name in dir(a)
    with pytest.raises(AttributeError):
        a.no_such_field


def test_render_and_markdown():
    a = pith.parse(RICH_PAGE, URL)
    assert a.render() == pith.extract(RICH_PAGE, URL)
    for fmt in ("markdown", "html", "xml", "json"):
        assert a.render(fmt, images=True, comments=True) == pith.extract(
            RICH_PAGE, URL, format=fmt, images=True, comments=True)
    assert a.markdown == json.loads(pith.extract(RICH_PAGE, URL, format="json",
                                                 json_markdown=True))["markdown"]
    assert a.html.lstrip().lower().startswith("<!doctype html>")
    # The structure, tables by cell and figures with their caption, as
    # --json-tree --images gives it.
    assert a.blocks == json.loads(pith.extract(RICH_PAGE, URL, format="json", json_tree=True,
                                               images=True))["blocks"]
    table = next(b for b in a.blocks if b["type"] == "table")
    assert [[c["text"] for c in row["cells"]] for row in table["rows"]] == [
        ["Mill", "Built"], ["Quinard", "1450"]]
    figure = next(b for b in a.blocks if b["type"] == "figure")
    assert figure["src"].endswith("/img/wheel.jpg") and figure["caption"].startswith("The wheel")
    with pytest.raises(ValueError):
        a.render("pdf")
    with pytest.raises(TypeError):
        a.render("text", colour=True)


def test_markdown_html_blocks_render_once(monkeypatch):
    renders = []
    render = pith.Article.render
    monkeypatch.setattr(pith.Article, "render",
                        lambda self, *a, **k: renders.append(a) or render(self, *a, **k))
    a = pith.parse(RICH_PAGE, URL)
    first = (a.markdown, a.html, a.blocks)
    assert len(renders) == 3
    for _ in range(5):
        assert (a.markdown, a.html, a.blocks) == first
        assert a.markdown is first[0] and a.html is first[1] and a.blocks is first[2]
    assert len(renders) == 3  # kept, not rendered again
    a.render("markdown")  # render() renders each time
    assert len(renders) == 4
    b = pith.parse(RICH_PAGE, URL)  # each Article its own
    assert b.blocks == first[2] and b.blocks is not first[2] and len(renders) == 5


def test_metadata_off_is_title_only():
    a = pith.parse(RICH_PAGE, metadata=False)
    assert a.title == "Tide mills of the Rance estuary"
    assert a.authors == [] and a.date_published is None
    assert a.text == pith.parse(RICH_PAGE).text


def test_parse_text():
    a = pith.parse_text(TEXT_PAGE.encode(), URL)
    assert a.title == "Ferry timetable changes for the winter"
    assert a.authors == ["Ruth Abernethy"]
    assert "twice a day" in a.text and "Share this article" not in a.text


def test_left_out_by_language():
    a = pith.parse(RICH_PAGE, URL, language="fr")
    assert a.left_out and "en" in a.left_out
    assert a.text == "" and a.title is None and a.language == "en" and a.url == URL


def test_pickle_keeps_the_fields():
    a = pith.parse(RICH_PAGE, URL)
    b = pickle.loads(pickle.dumps(a))
    assert b.to_dict() == a.to_dict() and b.authors == a.authors
    with pytest.raises(pith.Error):
        b.render("markdown")


def test_copies_render():
    a = pith.parse(RICH_PAGE, URL)
    for b in (copy.copy(a), copy.deepcopy(a)):
        assert b is not a and b.to_dict() == a.to_dict()
        assert b.markdown == a.markdown and b.blocks == a.blocks
    d = copy.deepcopy(a)
    d.to_dict()  # a deep copy's lists are its own
    assert d.authors is not a.authors or not a.authors


def test_repr():
    r = repr(pith.parse(RICH_PAGE))
    assert "Tide mills" in r and "pith.Article" in r


def test_articles_outlive_each_other():
    arts = [pith.parse(RICH_PAGE, f"https://h.example/{i}") for i in range(50)]
    del arts[::2]
    assert [a.url for a in arts] == [f"https://h.example/{i}" for i in range(1, 50, 2)]
    assert all(a.markdown.startswith("For six") for a in arts)


def test_empty_input_says_input():
    # No file is involved: the error says "empty input", not "empty file".
    with pytest.raises(pith.Error, match="empty input"):
        pith.extract(b"")

"""pith.compat.trafilatura.extract: trafilatura's arguments mapped on pith."""

import json

import pytest

import pith
from conftest import RICH_PAGE
from pith.compat.trafilatura import extract

URL = "https://harbour.example/h/1"


def test_defaults_are_trafilaturas():
    out = extract(RICH_PAGE)
    assert out.startswith("For six centuries")  # no title
    assert "\n\n" not in out  # a block a line
    assert "grandfather" in out  # include_comments=True by default
    assert "Quinard | 1450" in out


def test_arguments_map():
    assert "grandfather" not in extract(RICH_PAGE, include_comments=False)
    assert "1450" not in extract(RICH_PAGE, include_tables=False, include_comments=False)
    md = extract(RICH_PAGE, URL, output_format="markdown", include_links=True,
                 include_images=True, include_formatting=True, include_comments=False)
    assert "[Rance estuary](https://harbour.example/rance)" in md and "![A wooden wheel]" in md
    assert "*high tide*" in md
    assert "](" not in extract(RICH_PAGE, output_format="markdown")
    assert extract(RICH_PAGE, target_language="de") is None
    assert extract(RICH_PAGE, target_language="en") == extract(RICH_PAGE)
    assert extract(RICH_PAGE, URL, url_blacklist={URL}) is None
    no_address = RICH_PAGE.replace('rel="canonical"', 'rel="alternate"')
    assert extract(no_address, only_with_metadata=True) is None
    assert extract(no_address, URL, only_with_metadata=True) is not None
    undated = RICH_PAGE.replace('"datePublished":"2021-03-04T09:30:00+01:00"', '"wordCount":"9"')
    undated = undated.replace('"dateModified":"2021-03-05"', '"inLanguage":"en"')
    assert extract(undated, URL, only_with_metadata=True) is None


def test_flags_are_read_by_truth_as_trafilatura_reads_them():
    # pith's own options take bools only; the stand-in takes what
    # trafilatura takes (None is off, a non-empty str on).
    assert extract(RICH_PAGE, include_tables=None, include_comments=None) == \
        extract(RICH_PAGE, include_tables=False, include_comments=False)
    assert extract(RICH_PAGE, URL, output_format="markdown", include_links="yes") == \
        extract(RICH_PAGE, URL, output_format="markdown", include_links=True)
    assert json.loads(extract(RICH_PAGE, output_format="json", include_tables=None))["text"] == \
        json.loads(extract(RICH_PAGE, output_format="json", include_tables=False))["text"]


def test_with_metadata_and_json():
    out = extract(RICH_PAGE, URL, with_metadata=True)
    head = out.split("---\n")[1]
    assert "title: Tide mills of the Rance estuary" in head
    assert "author: Maël Guillou; Ruth Abernethy" in head and "date: 2021-03-04" in head
    doc = json.loads(extract(RICH_PAGE, URL, output_format="json", record_id="r1"))
    assert doc["title"] == "Tide mills of the Rance estuary" and doc["id"] == "r1"
    assert doc["hostname"] == "harbour.example" and doc["date"] == "2021-03-04"
    assert doc["tags"] == "mills,tides" and doc["categories"] == "History"
    assert doc["text"].startswith("For six centuries") and "grandfather" in doc["comments"]
    d = extract(RICH_PAGE, URL, output_format="python", author_blacklist={"Ruth Abernethy"})
    assert d["author"] == "Maël Guillou"


def test_nothing_extracted_is_none():
    assert extract(b"") is None
    assert extract(b"\x00\x01" * 100) is None
    assert extract("<html><body><nav><a href='/'>Home</a></nav></body></html>") is None


def test_bad_arguments():
    with pytest.raises(ValueError):
        extract(RICH_PAGE, output_format="xmltei")
    with pytest.raises(TypeError):
        extract(None)


def test_alias():
    assert pith.trafilatura_extract(RICH_PAGE, URL) == extract(RICH_PAGE, URL)

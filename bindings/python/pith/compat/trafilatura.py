"""trafilatura.extract() on pith: switch with one import line.

    # from trafilatura import extract
    from pith.compat.trafilatura import extract

    text = extract(html, url=url, include_comments=False, output_format="markdown")

Arguments that map onto pith:

=====================  ==============================================
url                    the page's address (links, metadata, hostname)
record_id              json/python: "id"
output_format          "txt", "markdown", "json", "xml", "html", "python"
                       (a dict); "csv" and "xmltei" raise ValueError
include_comments       the comment section after the text (default True,
                       as in trafilatura)
include_tables         tables (default True)
include_images         images and figures (markdown, html, xml)
include_formatting     emphasis and strong (markdown, html, xml)
include_links          links as links (default False, as in trafilatura)
with_metadata          txt, markdown: a "---" header of title, author,
                       url, hostname, description, sitename, date,
                       categories, tags; json and python always carry them
only_with_metadata     None unless the page has a title, a date and a url
target_language        None unless the page is in this language
url_blacklist          None when url is in it
author_blacklist       these authors are dropped
=====================  ==============================================

Accepted and ignored (pith has one extraction and no settings file): fast,
no_fallback, favor_precision, favor_recall, tei_validation, deduplicate,
date_extraction_params, max_tree_size, settingsfile, prune_xpath, config,
options. A parsed lxml tree is not accepted (TypeError): give the HTML.

Like trafilatura, returns None when nothing is extracted (no text, a page
pith cannot read, another language). The text differs from trafilatura's
where the extractors disagree; "txt" puts one block a line, as trafilatura
does (pith's own text format separates blocks with a blank line).
"""

import json
import urllib.parse

import pith

_FORMATS = {"txt": "text", "markdown": "markdown", "json": None, "python": None, "xml": "xml",
            "html": "html"}


def extract(filecontent, url=None, record_id=None, fast=False, no_fallback=False,
            favor_precision=False, favor_recall=False, include_comments=True,
            output_format="txt", tei_validation=False, target_language=None,
            include_tables=True, include_images=False, include_formatting=False,
            include_links=False, deduplicate=False, date_extraction_params=None,
            with_metadata=False, only_with_metadata=False, max_tree_size=None,
            url_blacklist=None, author_blacklist=None, settingsfile=None, prune_xpath=None,
            config=None, options=None):
    """trafilatura.extract(), on pith: the module's docstring lists which
    arguments map and which are ignored. Returns a str (a dict for
    output_format="python"), or None when nothing was extracted."""
    if output_format not in _FORMATS:
        raise ValueError(f"output_format {output_format!r} is not supported by pith "
                         f"(one of: {', '.join(_FORMATS)})")
    if not isinstance(filecontent, (bytes, bytearray, memoryview, str)):
        raise TypeError("filecontent must be the page as bytes or str, "
                        f"not {type(filecontent).__name__}")
    if url_blacklist and url in url_blacklist:
        return None
    try:
        article = pith.parse(filecontent, url, language=target_language or None)
    except pith.Error:
        return None
    if article.left_out or not article.text:
        return None
    meta = _metadata(article, url, record_id, author_blacklist)
    if only_with_metadata and not (meta["title"] and meta["date"] and meta["source"]):
        return None
    comments = include_comments and article.comments or None
    if output_format in ("json", "python"):
        record = dict(meta, text=_blocks_by_line(article.render("text", title=False,
                                                                tables=bool(include_tables))),
                      comments=_blocks_by_line(comments) if comments else None)
        return record if output_format == "python" else json.dumps(record, ensure_ascii=False)
    # trafilatura reads its flags by truth (include_tables=None is off):
    # so does its stand-in, where pith's own options take bools only.
    out = article.render(_FORMATS[output_format], title=False, comments=bool(include_comments),
                         tables=bool(include_tables), images=bool(include_images),
                         formatting=bool(include_formatting), links=bool(include_links))
    if output_format == "txt":
        out = _blocks_by_line(out)
    if with_metadata and output_format in ("txt", "markdown"):
        out = _header(meta) + out
    return out


def _blocks_by_line(text):
    return text.strip("\n").replace("\n\n", "\n")


def _metadata(article, url, record_id, author_blacklist):
    """The page's metadata under trafilatura's names."""
    authors = [a for a in article.authors if not author_blacklist or a not in author_blacklist]
    address = url or article.canonical_url
    return {
        "title": article.title,
        "author": "; ".join(authors) or None,
        "hostname": urllib.parse.urlsplit(address).hostname if address else None,
        "date": article.date_published[:10] if article.date_published else None,
        "categories": article.section,
        "tags": ",".join(article.tags) or None,
        "id": record_id,
        "license": article.license,
        "language": article.language,
        "image": article.image,
        "pagetype": article.page_type,
        "source": address,
        "source-hostname": article.site_name,
        "excerpt": article.description,
    }


def _header(meta):
    lines = ["---"]
    for key, name in (("title", "title"), ("author", "author"), ("source", "url"),
                      ("hostname", "hostname"), ("excerpt", "description"),
                      ("source-hostname", "sitename"), ("date", "date"),
                      ("categories", "categories"), ("tags", "tags")):
        if meta.get(key):
            lines.append(f"{name}: {meta[key]}")
    lines.append("---\n")
    return "\n".join(lines)

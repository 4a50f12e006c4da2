"""pith: the main content of web pages, its structure and its metadata.

    >>> import pith
    >>> print(pith.extract(open("page.html", "rb").read()))        # title and text
    >>> pith.extract(html, "https://example.org/a", format="markdown")
    >>> article = pith.parse(html)
    >>> article.title, article.authors, article.date_published, article.text
    >>> for text in pith.extract_many(pages, jobs=4): ...         # in input order
    >>> for article in pith.read_archive("crawl.warc.gz"): ...    # pages of a WARC/WET file
    >>> import pith.dask                                           # WARC files on a Dask cluster

Pages are ``bytes`` in any charset (pith finds it; gzip accepted where the
library reads it) or ``str``. Every option of the ``pith`` command line has
a keyword here (``--no-title`` is ``title=False``, ``--max-size`` is
``max_size``, ``--max-page-bytes`` is read_archive's ``max_record_bytes``).
pith releases the GIL while it works: threads extract pages side by side.
Failures raise :class:`pith.Error` (and its subclasses), bad arguments
``TypeError`` or ``ValueError``.
"""

import collections
import concurrent.futures
import copy
import errno
import inspect
import io
import itertools
import json
import os
import warnings

from . import _pith
from ._pith import (
    ArchiveError,
    EmptyInputError,
    Error,
    InputWarning,
    InvalidArgumentError,
    NotHTMLError,
    OutOfMemoryError,
    TimeBudgetError,
    TooLargeError,
)

__version__ = _pith.version

__all__ = [
    "Article",
    "ArchiveError",
    "ArchiveNotFoundError",
    "EmptyInputError",
    "Error",
    "InputWarning",
    "InvalidArgumentError",
    "NotHTMLError",
    "OutOfMemoryError",
    "TimeBudgetError",
    "TooLargeError",
    "dump_dom",
    "extract",
    "extract_many",
    "extract_text",
    "parse",
    "parse_text",
    "read_archive",
    "trafilatura_extract",
]

FORMATS = ("text", "json", "jsonl", "markdown", "md", "html", "xml")

# The library's fields, (JSON name, type) in its order: every one is an
# attribute of Article (None or [] when the page does not have it).
FIELDS = tuple(_pith.fields())
_LISTS = frozenset(name for name, kind in FIELDS if kind.startswith("list"))


# extract and extract_text are the C functions (their docstrings are in
# src/module.c): a Python wrapper passing every keyword on to them would cost
# more time under the GIL than pith's own conversion of the output.
extract = _pith.extract
extract_text = _pith.extract_text
extract.__module__ = extract_text.__module__ = __name__


def parse(html, url=None, *, charset=None, language=None, max_size=64 << 20,
          max_nodes=4000000, max_depth=256, metadata=True, warc_record_id=None,
          warc_date=None, source_file=None, max_attributes=1024, max_attribute_bytes=1 << 20,
          max_text_lines=1000000, timeout_ms=0):
    """The page as an :class:`Article`: its fields as attributes, its text,
    and render() for any format. Options as for extract(); metadata=False
    finds the title alone (faster)."""
    result = _pith.parse(html, url, charset=charset, language=language, max_size=max_size,
                         max_nodes=max_nodes, max_depth=max_depth, metadata=metadata,
                         warc_record_id=warc_record_id, warc_date=warc_date,
                         source_file=source_file, max_attributes=max_attributes,
                         max_attribute_bytes=max_attribute_bytes,
                         max_text_lines=max_text_lines, timeout_ms=timeout_ms)
    return Article(result)


def parse_text(text, url=None, **options):
    """parse() for a page flattened to text (see extract_text)."""
    return Article(_pith.parse_text(text, url, **options))


# help() and inspect show parse()'s keywords, which parse_text takes.
parse_text.__signature__ = inspect.signature(parse).replace(parameters=[
    p.replace(name="text") if p.name == "html" else p
    for p in inspect.signature(parse).parameters.values()])


def dump_dom(html, *, charset=None, max_size=64 << 20, max_nodes=4000000, max_depth=256,
             max_attributes=1024, max_attribute_bytes=1 << 20):
    """The tree pith's HTML5 parser builds for the page, in html5lib-tests'
    format (a node a line, "| " and two spaces a level), as `pith
    --dump-dom` prints it: what the extractor reads."""
    return _pith.dump_dom(html, None, charset=charset, max_size=max_size, max_nodes=max_nodes,
                          max_depth=max_depth, max_attributes=max_attributes,
                          max_attribute_bytes=max_attribute_bytes)


class Article:
    """One extracted page.

    Every field of pith's JSON output is an attribute: url, canonical_url,
    title, authors, date_published, date_modified, site_name, section,
    tags, description, image, language, license, page_type, source,
    editor, images (a list of dicts: src, alt, caption, credit),
    warc_record_id, warc_date, text and comments (the comment section's
    text), and any field a newer libpith adds. An absent field is None (a
    list field: []). ``markdown`` and ``html`` render the article,
    ``blocks`` gives its structure (tables by row and cell), each rendered
    on first access and kept (the same object after); render() takes any
    format and flag, rendering each time; to_dict() gives the fields as the
    json format does. ``left_out`` says why the page was left out by the
    language option (its text is then empty), else None.

    An Article holds the parsed page (a few times the page's size), and the
    markdown, html and blocks read so far, until it is dropped.
    """

    __slots__ = ("_result", "_fields", "_rendered", "__weakref__")

    def __init__(self, result, fields=None):
        self._result = result
        self._fields = result.fields() if fields is None else fields
        self._rendered = {}  # markdown, html, blocks: made on first access

    def _once(self, name, make):
        """What make() gives, made on the first call for `name` and kept:
        a loop reading article.blocks renders the page once. Threads that
        render at once (the GIL is released while they do) all get the
        first one kept (setdefault), not each its own."""
        got = self._rendered.get(name)
        return self._rendered.setdefault(name, make()) if got is None else got

    def __getattr__(self, name):
        if name.startswith("_"):
            raise AttributeError(name)
        try:
            return self._fields[name]
        except KeyError:
            pass
        if any(name == known for known, _ in FIELDS):
            return [] if name in _LISTS else None
        raise AttributeError(f"'Article' object has no attribute '{name}'")

    def __dir__(self):
        return sorted(set(object.__dir__(self)) | {name for name, _ in FIELDS})

    @property
    def markdown(self):
        """The article as Markdown, without the title (as json's "markdown")."""
        return self._once("markdown", lambda: self.render("markdown", title=False).rstrip("\n"))

    @property
    def html(self):
        """The article as a clean HTML document."""
        return self._once("html", lambda: self.render("html"))

    @property
    def blocks(self):
        """The article's structure as lists and dicts (json's "blocks", as
        --json-tree --images gives it): headings, paragraphs, lists,
        quotes, code, tables with their caption, rows and cells, figures
        with their src, alt and caption, in the article's order. Made once:
        a change to the list is seen by the next access (copy.deepcopy it
        to keep the original)."""
        return self._once("blocks", lambda: json.loads(
            self.render("json", json_tree=True, images=True)).get("blocks", []))

    @property
    def left_out(self):
        """Why the language option left the page out, or None."""
        return self._result.left_out if self._result is not None else None

    @property
    def warning(self):
        """A flaw of the input the extraction got past ("truncated gzip
        data: ..."), or None; parse() also warns (pith.InputWarning)."""
        return self._result.warning if self._result is not None else None

    def render(self, format="text", **flags):
        """The article in a format ("text", "markdown", "html", "xml",
        "json"), with extract()'s render flags (title, links, images,
        tables, formatting, comments, fragment, json_markdown, json_tree)."""
        if self._result is None:
            raise Error("this Article was unpickled: only its fields came along; "
                        "parse the page again to render it")
        return self._result.render(format, **flags)

    def to_dict(self):
        """The fields the page has, by JSON name, in the json format's order
        (what json.loads(pith.extract(..., format="json", comments=True))
        gives)."""
        return dict(self._fields)

    def __reduce__(self):
        return (_unpickle, (self._fields,))

    def __copy__(self):
        # The parsed page is only read, never changed: a copy shares it
        # and renders as the original does (pickling would drop it).
        return Article(self._result, dict(self._fields))

    def __deepcopy__(self, memo):
        return Article(self._result, copy.deepcopy(self._fields, memo))

    def __repr__(self):
        title = self._fields.get("title")
        text = self._fields.get("text", "")
        return f"<pith.Article title={title!r} text={len(text)} chars>"


def _unpickle(fields):
    return Article(None, fields)


def extract_many(pages, jobs=None, *, errors="raise", **options):
    """extract() over many pages on `jobs` threads, 1 to 1024 (None or 0,
    the default: the CPUs this process may run on, os.sched_getaffinity,
    as the CLI's -j 0),
    yielding the outputs in input order.

    Each item of `pages` is a page (bytes or str) or a (page, url) pair.
    Options as for extract(). errors="raise" raises the first failure (in
    order); errors="return" yields the exception in the failed page's place.
    Either way the exception's ``index`` is the page's place in `pages`
    (from 0), also noted in its traceback.
    At most a few pages per thread are read ahead of the output.

    The threads are the library's own (pith_batch): they never take the
    GIL, and the calling thread only hands them the pages and turns their
    outputs into str, so that N threads extract nearly N times as fast as
    one.
    """
    if errors not in ("raise", "return"):
        raise ValueError(f"errors must be 'raise' or 'return', not {errors!r}")
    jobs = _jobs(jobs)
    many = _pith.Many(jobs, **options)  # bad options fail here, before any page is read
    return _outputs(many, pages, errors == "raise")


def _jobs(jobs):
    """The jobs argument checked, as the CLI's -j: None or 0, the usable
    CPUs; else 1 to 1024."""
    if not isinstance(jobs, (int, type(None))) or isinstance(jobs, bool) or not 0 <= (jobs or 0) <= 1024:
        raise ValueError(f"jobs must be an int from 0 to 1024 (0 or None: one per CPU), not {jobs!r}")
    return jobs or _usable_cpus()


def _usable_cpus():
    """The CPUs this process may run on (its affinity: taskset, a
    container's or a cluster job's share), as the CLI's -j default."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def _outputs(many, pages, raise_errors):
    """extract_many's outputs in order: each page is submitted, then what is
    done is yielded; at the end the rest is waited for."""
    taken = [0]  # outputs yielded so far: the next one's index in pages
    try:
        for item in pages:
            if not isinstance(item, tuple):
                many.add(item)
            elif len(item) == 2:
                many.add(*item)
            else:
                many.add_failure(ValueError(f"a (page, url) pair has 2 items, not {len(item)}"))
            yield from _taken(many, False, raise_errors, taken)
        yield from _taken(many, True, raise_errors, taken)
    finally:
        many.close()


def _taken(many, wait, raise_errors, taken):
    """The outputs many has ready (wait: all that are left), in order; a
    failure says which page it is."""
    out = many.take(wait)
    while out is not None:
        if isinstance(out, BaseException):
            out.index = taken[0]
            out.add_note(f"extract_many: the page at index {taken[0]} of pages")
            if raise_errors:
                raise out
        taken[0] += 1
        yield out
        out = many.take(wait)


class _Failed:
    __slots__ = ("error",)

    def __init__(self, error):
        self.error = error


def _ordered(fn, items, jobs, errors):
    """fn over items on `jobs` threads, results in order, at most 4 items a
    thread in flight. The calling thread sleeps until the next 2 items a
    thread are all done, not until each one is: woken for every item, it
    would take a core and the GIL from the workers once an item."""
    items = iter(items)
    with concurrent.futures.ThreadPoolExecutor(max_workers=jobs) as pool:
        window = collections.deque(pool.submit(fn, x) for x in itertools.islice(items, 4 * jobs))
        while window:
            concurrent.futures.wait(list(itertools.islice(window, 2 * jobs)))
            for _ in range(min(2 * jobs, len(window))):
                out = window.popleft().result()
                for x in itertools.islice(items, 1):
                    window.append(pool.submit(fn, x))
                if isinstance(out, _Failed):
                    if errors == "raise":
                        for f in window:
                            f.cancel()
                        raise out.error
                    out = out.error
                yield out


def read_archive(source, *, jobs=None, errors="skip", all_status=False, all_types=False,
                 max_record_bytes=16 << 20, site_dedup=None, **options):
    """The pages of a WARC or WET file (plain, gzip or zstd) as Articles,
    each with its provenance (url, warc_record_id, warc_date, http_status,
    warc_filename, warc_offset, warc_length, payload_digest, truncated).

    source: a path, or a binary file object (anything with readinto or
    read: an open file, a socket's makefile, a decompressing stream),
    read from where it is; one whose seekable() is true is read again after
    damage found far past a damaged member's start, as a path is, so the
    records after it still come out.
    Pages are HTTP responses of status 200 whose payload is HTML (all_status,
    all_types widen that) and WET conversion records; the other records are
    skipped and counted. max_record_bytes: a larger payload is skipped as
    "too-large" without being held in memory (0: no limit). options: as for parse()
    (language, metadata, charset for pages whose HTTP header names none, ...).

    jobs: threads extracting, 1 to 1024 (None or 0, the default: the CPUs
    this process may run on, as extract_many and the CLI; reading stays in the calling thread);
    output in the archive's order either way. Memory stays bounded
    whatever the pace of the loop: at most 4 pages a thread are extracted
    ahead of it (some 7 MB a thread at peak on a crawl of ordinary pages).
    A reader left half-read keeps its idle threads until it is closed: use
    it in a with statement. jobs=1: no thread.

    errors: what a damaged record or a page pith cannot read does: "skip"
    (counted), "raise", or "return" (the exception, with .warc_offset and
    .url, in the page's place). A file with no whole record at all (not an
    archive) raises ArchiveError once read, even with "skip". A file cut
    short inside a page's record gives that page as far as it goes
    (truncated, its warning saying what was lost, counted in "pages") and
    an InputWarning.

    Returns an ArchiveReader: iterate it for Articles; its ``counts`` say
    how many records, pages, skipped (and why), errors and failed there
    were. Like the CLI, a record whose page has no content gives an Article
    with an empty text, and a page the language option leaves out gives
    none: it is counted as "skipped:language".

    site_dedup: WET text lines that repeat across a site's pages are its
    boilerplate, as in the CLI (--site-dedup): a WET file is read twice,
    counting its text lines first (an archive of HTML pages once: the
    first pass stops at its first HTML page). Default: on for a path, off
    for a file object (which would have to be seekable).
    """
    _check_archive_source(source)
    if site_dedup is None:
        site_dedup = not (hasattr(source, "read") or hasattr(source, "readinto"))
    # Bad flags are refused before the file is opened.
    site_dedup = _pith.check_bool(site_dedup, "site_dedup")
    all_status = _pith.check_bool(all_status, "all_status")
    all_types = _pith.check_bool(all_types, "all_types")
    try:
        return ArchiveReader(source, jobs, errors,
                             dict(all_status=all_status, all_types=all_types,
                                  max_record_bytes=max_record_bytes), options, site_dedup)
    except ArchiveError as e:
        if isinstance(source, (str, os.PathLike)) and not os.path.exists(source):
            missing = ArchiveNotFoundError(errno.ENOENT, os.strerror(errno.ENOENT),
                                           os.fspath(source))
            missing.status = e.status
            raise missing from None
        raise


# read_archive's options that the command line spells otherwise.
_CLI_SPELLINGS = {"max_page_bytes": "max_record_bytes", "no_site_dedup": "site_dedup=False"}


def _named_otherwise(message, options):
    """message, with the keyword to use for an option given by its command-line name."""
    for name in options:
        if name in _CLI_SPELLINGS and repr(name) in message:
            return f"{message} (the command line's --{name.replace('_', '-')} is " \
                   f"{_CLI_SPELLINGS[name]} here)"
    return message


def _check_archive_source(source):
    """A source read_archive cannot read, said plainly rather than by what
    fails deep inside (a decoding error, "embedded null byte")."""
    if isinstance(source, io.TextIOBase):
        raise TypeError("read_archive reads bytes: open the archive in binary mode "
                        "(open(path, \"rb\"))")
    data = isinstance(source, (bytearray, memoryview)) or (isinstance(source, bytes) and (
        b"\0" in source or source[:5] == b"WARC/" or source[:2] == b"\x1f\x8b"
        or source[:4] == b"\x28\xb5\x2f\xfd"))
    if data:
        raise TypeError("read_archive takes a path or a binary file object, not the archive's "
                        "bytes: give io.BytesIO(data)")


class ArchiveNotFoundError(ArchiveError, FileNotFoundError):
    """read_archive's path names no file: an ArchiveError that is also a
    FileNotFoundError (errno, filename)."""


class ArchiveReader:
    """The Articles of one archive (see read_archive), in its order.

    counts: a Counter of "records", "pages", "skipped", "skipped:REASON",
    "errors" (damaged records) and "failed" (pages pith could not read), so
    records + nothing else add up: records = pages + skipped + errors +
    failed. jobs: the threads extracting. Close it (or use it in a with
    statement) to free the reader and its threads early."""

    def __init__(self, source, jobs, errors, archive_options, options, site_dedup=False):
        if errors not in ("skip", "raise", "return"):
            raise ValueError(f"errors must be 'skip', 'raise' or 'return', not {errors!r}")
        jobs = _jobs(jobs)
        try:
            _pith.parse(b"<p>x</p>", **options)  # bad options fail here
        except TypeError as e:
            raise TypeError(_named_otherwise(str(e).replace(" for parse()", " for read_archive()"),
                                             options)) from None
        self.counts = collections.Counter()
        if site_dedup:
            options = dict(options, sites=_count_sites(source, archive_options))
        self._archive = _pith.Archive(source, **archive_options)
        self._name = os.fspath(source) if isinstance(source, (str, os.PathLike)) else \
            getattr(source, "name", repr(source))
        self.jobs = jobs
        self._errors = errors
        self._options = options
        records = iter(self._archive)
        done = map(self._one, records) if jobs == 1 else _ordered(self._one, records, jobs, "return")
        self._articles = self._count(done)

    def _one(self, record):
        """What one record gives: (what, value). Runs in a worker thread."""
        if record.kind == "skipped":
            return "skipped", record.skip_reason
        if record.kind == "error":
            return "errors", _located(ArchiveError(record.error), record)
        try:
            article = Article(record.extract(**self._options))
        except Error as e:
            return "failed", _located(e, record)
        # Left out by the language option: skipped, as the CLI skips it.
        return ("skipped", "language") if article.left_out else ("pages", article)

    def _count(self, done):
        first_error = None
        for what, value in done:
            self.counts["records"] += 1
            self.counts[what] += 1
            if what == "skipped":
                self.counts["skipped:" + value] += 1
            elif what == "pages":
                if value.warning:  # the archive ends inside its record
                    warnings.warn(f"{self._name}: record at byte {value.warc_offset}: "
                                  f"{value.warning}", InputWarning, stacklevel=3)
                yield value
            elif self._errors == "raise":
                raise value
            elif self._errors == "return":
                yield value
            elif first_error is None:
                first_error = value
        _refuse_no_archive(self._name, self.counts, first_error)

    def __iter__(self):
        return self

    def __next__(self):
        return next(self._articles)

    def close(self):
        self._articles.close()
        self._archive.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def _refuse_no_archive(name, counts, first_error):
    """Skipping damaged records is for a damaged archive; a file with no
    WARC record at all (a page, an image) is no archive: said, not skipped
    in silence (ArchiveError)."""
    if first_error is not None and counts["errors"] == counts["records"]:
        raise ArchiveError(f"{name}: not a WARC or WET file ({first_error})")


def _count_sites(source, archive_options):
    """The text lines of an archive's pages, per site: a first pass. Site
    lines are for text (WET) records: an archive of HTML responses gives
    None at its first page, and is not read twice (as in the CLI)."""
    start = source.tell() if hasattr(source, "tell") else None
    sites = _pith.Sites()
    archive = _pith.Archive(source, **archive_options)
    try:
        for record in archive:
            if record.kind == "html":
                sites = None
                break
            record.count(sites)
    finally:
        archive.close()
    if start is not None:
        source.seek(start)
    return sites


def _located(error, record):
    """The error, told where its record is."""
    error.url = record.url
    error.warc_offset = record.warc_offset
    error.warc_record_id = record.warc_record_id
    return error


def trafilatura_extract(filecontent, url=None, **kwargs):
    """trafilatura.extract() on pith: see pith.compat.trafilatura.extract."""
    from .compat.trafilatura import extract as _extract

    return _extract(filecontent, url, **kwargs)

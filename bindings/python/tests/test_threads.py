"""Threads: the GIL is released while pith works, results do not mix,
extract_many keeps order; and memory stays flat over many calls."""

import gzip
import io
import itertools
import threading
import warnings

import pytest

import pith
from conftest import RICH_PAGE, quick, write_warc


def page(i):
    return RICH_PAGE.replace("Tide mills", f"Tide mills {i}")


def big_page():
    para = "<p>" + "The tide came in over the flats and the mill wheel turned again. " * 20 + "</p>"
    return "<html><body><article>" + para * (400 if quick() else 2000) + "</article></body></html>"


def test_gil_is_released():
    """While one thread is inside pith, another Python thread runs: without
    the GIL released it could not run at all until the call returned."""
    html = big_page().encode()
    started, done = threading.Event(), threading.Event()

    def work():
        started.set()
        pith.extract(html, format="json")
        done.set()

    t = threading.Thread(target=work)
    t.start()
    started.wait()
    spins = 0
    while not done.is_set():
        spins += 1
    t.join()
    assert spins > 10000


def test_threads_give_the_same_results():
    want = [pith.extract(page(i), format="json") for i in range(40)]
    got = [None] * 40

    def work(k):
        for i in range(k, 40, 4):
            got[i] = pith.extract(page(i), format="json")

    threads = [threading.Thread(target=work, args=(k,)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert got == want


def test_threads_share_one_rendering():
    """Eight threads reading .markdown, .html and .blocks of one Article at
    once (the GIL released while each renders): each gets the same text
    and the same object, the one kept, as a later read does."""
    a = pith.parse(big_page().encode())
    start = threading.Barrier(8)
    got = []

    def read():
        start.wait()
        got.append((a.blocks, a.markdown, a.html))

    threads = [threading.Thread(target=read) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    kept = (a.blocks, a.markdown, a.html)
    assert len(got) == 8 and kept[1].startswith("The tide came in")
    for g in got:
        assert all(x is k for x, k in zip(g, kept)), "a thread got a rendering that was not kept"


def test_extract_many_keeps_order():
    pages = [page(i) for i in range(30)]
    want = [pith.extract(p, format="json") for p in pages]
    assert list(pith.extract_many(pages, jobs=3, format="json")) == want
    assert list(pith.extract_many(pages, jobs=1, format="json")) == want
    urls = [(p, f"https://h.example/{i}") for i, p in enumerate(pages)]
    out = list(pith.extract_many(urls, jobs=2, format="json"))
    assert all(f'"url":"https://h.example/{i}"' in o for i, o in enumerate(out))


def test_extract_many_errors():
    pages = [page(0), b"", page(2)]
    with pytest.raises(pith.EmptyInputError):
        list(pith.extract_many(pages, jobs=2))
    out = list(pith.extract_many(pages, jobs=2, errors="return"))
    assert isinstance(out[1], pith.EmptyInputError) and out[0].startswith("Tide mills 0")
    assert out[2].startswith("Tide mills 2")
    with pytest.raises(ValueError):
        pith.extract_many(pages, jobs=-1)
    with pytest.raises(ValueError):
        pith.extract_many(pages, jobs=1025)
    assert list(pith.extract_many(pages[:1], jobs=0)) == [out[0]]  # 0: one per CPU, as -j 0
    with pytest.raises(ValueError):
        pith.extract_many(pages, errors="ignore")
    with pytest.raises(ValueError):
        pith.extract_many(pages, format="pdf")  # bad options fail at once


def test_extract_many_puts_failures_in_place():
    """Whatever an item is, its output or its exception comes in its place,
    as extract() gives it, with one thread or several."""
    good = [page(i) for i in range(6)]
    items = [good[0], None, good[1], (good[2], 5), b"", (good[3], "https://h.example/3"),
             (good[4],), b"\x00\x01" * 200, good[5].encode("utf-8")]

    def extract(item):
        try:
            if isinstance(item, tuple) and len(item) != 2:
                raise ValueError("a (page, url) pair has 2 items")
            return pith.extract(*item) if isinstance(item, tuple) else pith.extract(item)
        except Exception as e:
            return type(e)

    want = [extract(x) for x in items]
    assert want[1] is TypeError and want[3] is TypeError and want[4] is pith.EmptyInputError
    assert want[6] is ValueError and want[7] is pith.NotHTMLError
    for jobs in (1, 2, 3):
        got = list(pith.extract_many(items, jobs=jobs, errors="return"))
        assert [x if isinstance(x, str) else type(x) for x in got] == want
        # Each failure says which item it is.
        assert [x.index for x in got if not isinstance(x, str)] == [1, 3, 4, 6, 7]
    out = pith.extract_many(items, jobs=2)
    assert next(out) == want[0]
    with pytest.raises(TypeError) as e:
        next(out)
    assert e.value.index == 1 and "index 1" in "".join(e.value.__notes__)


def test_extract_many_warns_in_place():
    cut = gzip.compress(page(1).encode())[:-8]  # gzip cut short: the output and a warning
    pages = [page(0), cut, page(2)]
    with pytest.warns(pith.InputWarning, match="truncated"):
        out = list(pith.extract_many(pages, jobs=2))
    assert out[1].startswith("Tide mills 1")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        out = list(pith.extract_many(pages, jobs=2, errors="return"))
    assert isinstance(out[1], pith.InputWarning) and out[2].startswith("Tide mills 2")


def test_extract_many_stops_when_dropped():
    """A generator closed early waits for the pages in flight and no more."""
    for _ in range(20):
        out = pith.extract_many((page(i) for i in itertools.count()), jobs=2)
        assert next(out).startswith("Tide mills 0")
        out.close()
    assert list(pith.extract_many([], jobs=2)) == []


def test_extract_many_reads_ahead_a_little():
    """An endless input: the first outputs come without reading it all."""
    consumed = []

    def endless():
        for i in itertools.count():
            consumed.append(i)
            yield page(i)

    out = pith.extract_many(endless(), jobs=2)
    first = list(itertools.islice(out, 5))
    assert first[4].startswith("Tide mills 4")
    assert len(consumed) <= 5 + 4 * 2 + 1
    out.close()


def rss_kb():
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def test_no_leak():
    """100,000 calls of each kind on a small page: memory stays flat."""
    small = b"<html><head><title>T</title></head><body><p>Small page, a few words.</p></body></html>"
    n = 20000 if quick() else 100000
    for _ in range(2000):
        pith.extract(small)
        pith.parse(small).to_dict()
    before = rss_kb()
    for _ in range(n):
        pith.extract(small)
    for _ in range(n // 5):
        pith.parse(small).markdown
    for _ in range(n // 10):
        try:
            pith.extract(b"")
        except pith.EmptyInputError:
            pass
    after = rss_kb()
    assert after <= before * 1.10, (before, after)


def test_no_leak_reading_archives(tmp_path):
    """Archives read again and again, from a path and from a file object,
    pages, skipped and damaged records alike: memory stays flat."""
    path = tmp_path / "small.warc.gz"
    write_warc(path, pages=3, damaged=True)
    data = path.read_bytes()
    n = 300 if quick() else 2000

    def read_all():
        list(pith.read_archive(path, errors="return"))
        list(pith.read_archive(io.BytesIO(data), jobs=2))

    for _ in range(200):
        read_all()
    before = rss_kb()
    for _ in range(n):
        read_all()
    after = rss_kb()
    assert after <= before * 1.10, (before, after)

"""Bad input: exceptions with the library's message, never a crash."""

import io
import os

import pytest

import pith
from conftest import RICH_PAGE, quick, write_warc


@pytest.mark.parametrize("fn", [pith.extract, pith.extract_text, pith.parse, pith.parse_text])
@pytest.mark.parametrize("bad", [None, 5, 3.5, ["<p>"], {"html": "<p>"}, object()])
def test_not_a_page(fn, bad):
    with pytest.raises(TypeError):
        fn(bad)


@pytest.mark.parametrize("fn", [pith.extract, pith.extract_text, pith.parse, pith.parse_text])
def test_a_file_name_is_no_page(fn, tmp_path, monkeypatch):
    # pith.extract("page.html") gave "page.html" back as the page's text.
    (tmp_path / "page.html").write_text(RICH_PAGE, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    for name in ("page.html", str(tmp_path / "page.html")):
        with pytest.raises(ValueError, match="not a file name.*open\\(path"):
            fn(name)
    with pytest.raises(TypeError, match="open\\(path"):
        fn(tmp_path / "page.html")
    # Told by the name's shape, not by the disk: a file that does not
    # exist is refused alike (whether it exists is not the caller's to
    # learn), and text that merely mentions a file is a page.
    with pytest.raises(ValueError, match="not a file name"):
        fn("missing.HTML")
    with pytest.raises(ValueError, match="not a file name"):
        fn("/etc/crawl/part-00001.warc.gz")
    fn("/etc/passwd")
    fn("see page.html for more")
    # An open file, in either mode, is no page either: what it reads is.
    for mode in ("rb", "r"):
        with open(tmp_path / "page.html", mode) as f, \
                pytest.raises(TypeError, match=r"not _io\.\w+: give what it reads \(f\.read\(\)\)$"):
            fn(f)


def test_empty_and_blank():
    for page in (b"", "", b"   \n\t "):
        with pytest.raises(pith.EmptyInputError) as e:
            pith.extract(page)
        assert isinstance(e.value, ValueError) and isinstance(e.value, pith.Error)
        assert str(e.value) and e.value.status > 0
    with pytest.raises(pith.EmptyInputError):
        pith.extract_text(b"  \n ")


def test_binary_data():
    data = os.urandom(4096) + bytes(range(256)) * 8
    with pytest.raises(pith.NotHTMLError) as e:
        pith.extract(b"\x00\x01\x02\x03" * 1000)
    assert "binary" in str(e.value)
    for fn in (pith.extract, pith.extract_text, pith.parse):
        try:
            fn(data)
        except pith.Error:
            pass  # refused, or read as something: never a crash


def test_huge_page_is_refused_quickly():
    size = 20 << 20 if quick() else 100 << 20
    page = b"<html><body>" + b"<p>word word word</p>" * (size // 21)
    with pytest.raises(pith.TooLargeError) as e:
        pith.extract(page, max_size=size // 2)
    assert str(e.value) == f"larger than {size // 2} bytes (max_size)"  # as the CLI words it
    if not quick():
        with pytest.raises(pith.TooLargeError):
            pith.extract(page)  # the 64 MiB default


def test_bad_arguments():
    with pytest.raises(ValueError):
        pith.extract(RICH_PAGE, format="pdf")
    with pytest.raises(TypeError):
        pith.extract(RICH_PAGE, format=3)
    with pytest.raises(ValueError):
        pith.extract(RICH_PAGE, language="english")
    with pytest.raises(ValueError):
        pith.extract(RICH_PAGE, max_size=-1)
    with pytest.raises(ValueError):
        pith.extract(RICH_PAGE, max_depth=-1)
    with pytest.raises(TypeError):
        pith.extract(RICH_PAGE, url=5)
    with pytest.raises(TypeError):
        pith.extract(RICH_PAGE, url=b"https://example.org/")
    with pytest.raises(ValueError):
        pith.extract(RICH_PAGE, url="https://example.org/\0x")
    with pytest.raises(TypeError):
        pith.extract(RICH_PAGE, colour="red")
    with pytest.raises(TypeError):
        pith.parse(RICH_PAGE, format="json")  # parse has no format: Article.render has
    with pytest.raises(UnicodeEncodeError):
        pith.extract("<p>a lone surrogate \ud800 here</p>")


def test_a_limit_of_the_wrong_type_is_named():
    # Among a dozen keywords, the message says which one was wrong; the
    # CLI's "64M" is no size here, nor is True (an int to Python).
    for value, said in (("64M", "str '64M'"), (1.5, "float"), (None, "NoneType"), (True, "bool")):
        with pytest.raises(TypeError, match=f"^max_size must be an int, not {said}$"):
            pith.extract(RICH_PAGE, max_size=value)
    with pytest.raises(TypeError, match="^max_nodes must be an int, not str '1M'$"):
        pith.parse(RICH_PAGE, max_nodes="1M")
    with pytest.raises(TypeError, match="^timeout_ms must be an int, not float$"):
        list(pith.extract_many([RICH_PAGE], timeout_ms=0.5))
    with pytest.raises(TypeError, match="^max_record_bytes must be an int, not str '16M'$"):
        pith.read_archive(io.BytesIO(b""), max_record_bytes="16M")
    with pytest.raises(ValueError, match=r"^max_depth must be 0 or more, not -\d{30}$"):
        pith.extract(RICH_PAGE, max_depth=-10 ** 29)
    # What has __index__ (numpy's integers) is an int; one past any size is no limit.
    assert pith.extract(RICH_PAGE, max_size=IndexOnly(1 << 20)) == pith.extract(RICH_PAGE)
    assert pith.extract(RICH_PAGE, max_size=1 << 80) == pith.extract(RICH_PAGE)


class IndexOnly:
    def __init__(self, n):
        self.n = n

    def __index__(self):
        return self.n


def test_unknown_charset_is_refused_by_its_python_name():
    for call in (lambda: pith.extract(RICH_PAGE.encode(), charset="nonsense"),
                 lambda: pith.parse(RICH_PAGE.encode(), charset="nonsense"),
                 lambda: list(pith.extract_many([RICH_PAGE.encode()], charset="nonsense"))):
        with pytest.raises(pith.InvalidArgumentError) as e:
            call()
        assert 'unknown charset "nonsense" (the charset argument' in str(e.value)
        assert "pith_options" not in str(e.value)  # the C field means nothing here


def test_hostile_markup():
    pages = [
        "<" * 100000,
        "<div>" * 200000,
        "<table>" + "<tr><td>" * 50000,
        "<p>" + "&#x110000;&#0;&amp" * 10000,
        "<svg><math><template><select><script>" * 5000,
        "\0" * 10 + "<p>nul</p>",
    ]
    for page in pages:
        for fmt in ("text", "json", "markdown", "html", "xml"):
            try:
                assert isinstance(pith.extract(page, format=fmt), str)
            except pith.Error:
                pass


def test_bool_options_take_bools_only(tmp_path):
    # True/False and 1/0 as ever.
    assert "Tide mills" not in pith.extract(RICH_PAGE, title=False).split("\n")[0]
    assert pith.extract(RICH_PAGE, title=0) == pith.extract(RICH_PAGE, title=False)
    assert pith.extract(RICH_PAGE, links=1, format="markdown") == \
        pith.extract(RICH_PAGE, links=True, format="markdown")
    assert pith.parse(RICH_PAGE, metadata=0).authors == []
    # Anything else is refused by the option's name: title="no" was True.
    calls = {
        "title": lambda v: pith.extract(RICH_PAGE, title=v),
        "json_tree": lambda v: pith.extract(RICH_PAGE, format="json", json_tree=v),
        "comments": lambda v: list(pith.extract_many([RICH_PAGE], comments=v)),
        "images": lambda v: pith.parse(RICH_PAGE).render("markdown", images=v),
        "metadata": lambda v: pith.parse(RICH_PAGE, metadata=v),
        "all_status": lambda v: pith.read_archive(str(tmp_path / "x.warc"), all_status=v),
        "all_types": lambda v: pith.read_archive(str(tmp_path / "x.warc"), all_types=v),
        "site_dedup": lambda v: pith.read_archive(str(tmp_path / "x.warc"), site_dedup=v),
    }
    for name, call in calls.items():
        for bad in ("no", "False", 1.0, [True]) + ((None,) if name != "site_dedup" else ()):
            with pytest.raises(TypeError, match=f"^{name} must be True or False, not "):
                call(bad)
        for bad in (2, -1, 1 << 70):
            with pytest.raises(ValueError, match=f"^{name} must be True or False \\(or 1 or 0\\)"):
                call(bad)


class _Dtype:
    def __init__(self, kind):
        self.kind = kind


class FakeBool:
    """Behaves as numpy.bool_ does towards pith: a dtype of kind "b", no
    dimensions, a truth, and no int, str or float base."""

    def __init__(self, value, kind="b", ndim=0):
        self.value, self.dtype, self.ndim = value, _Dtype(kind), ndim

    def __bool__(self):
        return self.value


class BrokenDtype:
    @property
    def dtype(self):
        raise RuntimeError("dtype exploded")


class BrokenTruth(FakeBool):
    def __bool__(self):
        raise RuntimeError("truth exploded")


def _bool_option_calls(tmp_path):
    """Each way an option reaches the module's bool check, as a call whose
    result depends on the option's value."""
    warc = tmp_path / "crawl.warc.gz"
    write_warc(warc, pages=2)  # and a 404 page, which all_status=True adds
    return {
        "title": lambda v: pith.extract(RICH_PAGE, title=v),
        "metadata": lambda v: pith.parse(RICH_PAGE, metadata=v).authors,
        "images": lambda v: pith.parse(RICH_PAGE).render("markdown", images=v),
        "comments": lambda v: list(pith.extract_many([RICH_PAGE], comments=v)),
        "all_status": lambda v: len(list(pith.read_archive(warc, all_status=v))),
    }


def test_bool_options_take_numpy_style_bools(tmp_path):
    for name, call in _bool_option_calls(tmp_path).items():
        # The scalar's truth, as the Python bool gives it.
        assert call(FakeBool(True)) == call(True) != call(False) == call(FakeBool(False)), name
    # Not a boolean scalar: an array of one dimension, another kind (an
    # integer scalar), a kind that is no str: refused by name as before.
    # An ndim that is no int, or one past a C long, is no scalar's either.
    for bad in (FakeBool(True, ndim=1), FakeBool(True, kind="i"), FakeBool(True, kind=b"b"),
                FakeBool(True, ndim="0"), FakeBool(True, ndim=0.0), FakeBool(True, ndim=1 << 70),
                FakeBool(True, ndim=-(1 << 70))):
        with pytest.raises(TypeError, match="^title must be True or False, not FakeBool"):
            pith.extract(RICH_PAGE, title=bad)
    # An error from the object itself reaches the caller as it is.
    with pytest.raises(RuntimeError, match="dtype exploded"):
        pith.extract(RICH_PAGE, title=BrokenDtype())
    with pytest.raises(RuntimeError, match="truth exploded"):
        pith.extract(RICH_PAGE, title=BrokenTruth(True))


def test_bool_options_take_numpy_bools(tmp_path):
    np = pytest.importorskip("numpy")
    for name, call in _bool_option_calls(tmp_path).items():
        for value in (True, False):
            assert call(np.bool_(value)) == call(value) == call(np.array(value)), name
    with pytest.raises(TypeError, match="^title must be True or False, not numpy.ndarray"):
        pith.extract(RICH_PAGE, title=np.array([True]))
    with pytest.raises(TypeError, match="^title must be True or False, not numpy.int64"):
        pith.extract(RICH_PAGE, title=np.int64(1))

"""pith.read_archive: the pages of WARC files the tests write (and the
shared samples when present) are the CLI's records, none lost, none twice;
sources, counts, damaged records, errors."""

import io
import os
import subprocess

import pytest

import pith
from conftest import (cli_json_records, cli_path, http_response, page_html, sample_warcs,
                      warc_record, write_warc, write_wet)


@pytest.fixture
def warc(tmp_path):
    path = tmp_path / "crawl.warc.gz"
    write_warc(path, pages=6)
    return path


def test_pages_are_the_clis(warc):
    reader = pith.read_archive(warc)
    got = [a.to_dict() for a in reader]
    assert got == cli_json_records(warc)
    assert [a.url for a in pith.read_archive(warc)] == [
        f"https://harbour.example/notices/{i}" for i in range(6)]
    c = reader.counts
    assert c["pages"] == 6 and c["skipped:request"] == 6 and c["skipped:warcinfo"] == 1
    assert c["skipped:status"] == 1 and c["skipped:not-html"] == 1
    assert c["records"] == c["pages"] + c["skipped"] + c["errors"] + c["failed"] == 15


def test_provenance(warc):
    a = next(iter(pith.read_archive(warc)))
    assert a.title == "Harbour notice 0" and "mooring rules" in a.text
    assert a.http_status == 200 and a.warc_filename == "crawl.warc.gz"
    assert a.warc_record_id.startswith("<urn:uuid:") and a.warc_date.startswith("2024-05-0")
    assert a.warc_offset > 0 and a.warc_length > 0 and a.truncated is None
    raw = warc.read_bytes()
    member = raw[a.warc_offset:a.warc_offset + a.warc_length]
    import gzip
    assert b"notices/0" in gzip.decompress(member)  # the offset fetches the record back


def test_options_and_widening(warc):
    assert [a.language for a in pith.read_archive(warc, language="en")][:1] == ["en"]
    # Pages the language option leaves out are skipped records, as in the
    # CLI's summary: none yielded, every record still counted.
    left = pith.read_archive(warc, language="de", jobs=2)
    assert list(left) == []
    c = left.counts
    assert c["skipped:language"] == 6 and c["pages"] == 0
    assert c["records"] == c["pages"] + c["skipped"] + c["errors"] + c["failed"] == 15
    everything = pith.read_archive(warc, all_status=True)
    assert len(list(everything)) == 7 and everything.counts["skipped:status"] == 0
    small = pith.read_archive(warc, max_record_bytes=100)
    assert list(small) == [] and small.counts["skipped:too-large"] >= 6
    assert [a.to_dict() for a in pith.read_archive(warc, jobs=3)] == cli_json_records(warc)


def test_max_record_bytes_zero_is_no_limit(tmp_path):
    # As the CLI's --max-page-bytes 0 (and max_size=0): no limit, not the
    # 16 MiB default. A page of 17 MiB, mostly a comment (cheap to parse).
    import gzip

    body = b"<title>Big</title><p>A page over sixteen MiB.</p><!--" + b"x" * (17 << 20) + b"-->"
    path = tmp_path / "big.warc.gz"
    path.write_bytes(gzip.compress(warc_record("response", "https://big.example/",
                                               http_response(body), 1), 1))
    default = pith.read_archive(path)
    assert list(default) == [] and default.counts["skipped:too-large"] == 1
    unlimited = pith.read_archive(path, max_record_bytes=0)
    assert [a.title for a in unlimited] == ["Big"] and unlimited.counts["pages"] == 1
    assert [r["title"] for r in cli_json_records(path, "--max-page-bytes", "0")] == ["Big"]


def test_a_bad_option_names_read_archive(warc):
    # Refused before the file is read, naming the function called, and an
    # option given by its command-line name gets the keyword to use.
    with pytest.raises(TypeError, match=r"'colour' is an invalid keyword argument for "
                                        r"read_archive\(\)$"):
        pith.read_archive(warc, colour=1)
    with pytest.raises(TypeError, match=r"max_page_bytes.*read_archive\(\) \(the command line's "
                                        r"--max-page-bytes is max_record_bytes here\)"):
        pith.read_archive(warc, max_page_bytes=100)


def test_jobs_default_to_the_usable_cpus(warc, monkeypatch):
    # As extract_many and the CLI: the CPUs this process may run on.
    monkeypatch.setattr(pith, "_usable_cpus", lambda: 3)
    with pith.read_archive(warc) as reader:
        assert reader.jobs == 3
        assert [a.to_dict() for a in reader] == cli_json_records(warc)
    assert pith.read_archive(warc, jobs=1).jobs == 1
    assert pith.read_archive(warc, jobs=0).jobs == 3  # as the CLI's -j 0
    assert pith.read_archive(warc, jobs=1024).jobs == 1024
    for bad in (-1, 1025, 2.0, "2", True):
        with pytest.raises(ValueError, match="jobs must be an int from 0 to 1024"):
            pith.read_archive(warc, jobs=bad)


def test_file_objects(warc):
    want = cli_json_records(warc)
    with open(warc, "rb") as f:
        assert [a.to_dict() for a in pith.read_archive(f)] == [
            dict(r, warc_filename="crawl.warc.gz") for r in want]
    buf = io.BytesIO(warc.read_bytes())
    assert len(list(pith.read_archive(buf))) == 6

    class ReadOnly:  # read() and nothing else
        def __init__(self, data):
            self.data = io.BytesIO(data)

        def read(self, n):
            return self.data.read(n)

    assert len(list(pith.read_archive(ReadOnly(warc.read_bytes())))) == 6


def test_an_archive_of_html_is_read_once(warc):
    # site_dedup's first pass is for WET text records: it stops at the
    # first HTML page, as the CLI's does, rather than inflating the whole
    # file twice.
    class Counting(io.BytesIO):
        read_bytes = 0

        def readinto(self, b):
            n = super().readinto(b)
            self.read_bytes += n
            return n

        def read(self, n=-1):
            data = super().read(n)
            self.read_bytes += len(data)
            return data

    import gzip

    # A page, then 4 MB of an image (gzip stored: incompressible), larger
    # than what the reader reads ahead.
    image = http_response(os.urandom(4 << 20), 200, "image/png")
    data = b"".join(gzip.compress(m, compresslevel=1) for m in (
        warc_record("response", "https://harbour.example/a", http_response(page_html(1)), 1),
        warc_record("response", "https://harbour.example/i.png", image, 2)))
    f = Counting(data)
    reader = pith.read_archive(f, site_dedup=True)
    assert len(list(reader)) == 1 and reader.counts["skipped:not-html"] == 1
    assert f.read_bytes < 1.5 * len(data), (f.read_bytes, len(data))


def test_sources_it_cannot_read_are_said_plainly(warc):
    # The archive's bytes themselves (extract() takes a page's bytes): told
    # to wrap them, not "embedded null byte".
    for data in (warc.read_bytes(), bytearray(warc.read_bytes()), b"WARC/1.0\r\n"):
        with pytest.raises(TypeError, match=r"io\.BytesIO"):
            pith.read_archive(data)
    # A file opened in text mode: told to open it in binary mode, not a
    # UnicodeDecodeError from inside.
    with open(warc, encoding="latin-1") as f, pytest.raises(TypeError, match="binary mode"):
        pith.read_archive(f)
    # A path as bytes is still a path.
    assert len(list(pith.read_archive(os.fsencode(warc)))) == 6


def test_a_failing_file_object_raises_its_error(warc):
    class Broken(io.RawIOBase):
        def __init__(self, data):
            self.data, self.calls = data, 0

        def readinto(self, b):
            self.calls += 1
            if self.calls > 3:
                raise ConnectionResetError("the network went away")
            n = min(len(b), 1000)
            b[:n] = self.data[:n]
            self.data = self.data[n:]
            return n

    with pytest.raises(ConnectionResetError):
        list(pith.read_archive(Broken(warc.read_bytes())))


def test_misbehaving_file_objects(warc):
    data = warc.read_bytes()

    class Text:  # read() gives str
        def read(self, n):
            return "WARC/1.0\r\n"

    class Liar(io.RawIOBase):  # readinto claims more than the buffer holds
        def readinto(self, b):
            return len(b) + 10

    class Blocked(io.RawIOBase):  # a non-blocking stream with nothing yet
        def readinto(self, b):
            return None

    with pytest.raises(TypeError):
        list(pith.read_archive(Text()))
    with pytest.raises(OSError):
        list(pith.read_archive(Liar()))
    with pytest.raises(OSError):
        list(pith.read_archive(Blocked()))
    assert len(list(pith.read_archive(io.BytesIO(data)))) == 6  # and all is well after


def test_damaged_records(tmp_path):
    path = tmp_path / "damaged.warc.gz"
    write_warc(path, pages=6, damaged=True)
    reader = pith.read_archive(path)
    pages = list(reader)
    assert reader.counts["errors"] >= 1
    assert len(pages) >= 5  # the reader goes on after the garbage
    assert [a.to_dict() for a in pages] == cli_json_records(path)
    with pytest.raises(pith.ArchiveError) as e:
        list(pith.read_archive(path, errors="raise"))
    assert e.value.warc_offset > 0 and isinstance(e.value, OSError)
    out = list(pith.read_archive(path, errors="return"))
    assert any(isinstance(x, pith.ArchiveError) for x in out)
    assert [x.to_dict() for x in out if isinstance(x, pith.Article)] == [a.to_dict() for a in pages]


def long_page(n):
    """A page of n numbered paragraphs (n * 80 bytes)."""
    paras = "".join(f"<p>Paragraph {k}: the harbour master read notice {k * 7919 % 10007} "
                    f"aloud.</p>" for k in range(n))
    return (f"<html><head><title>Long notice</title></head><body><article>"
            f"<h1>Long notice</h1>{paras}</article></body></html>").encode()


def test_a_file_cut_short(tmp_path):
    """A download that broke off inside its last record: the page as far as
    it goes (truncated, with a warning, an InputWarning), as the CLI writes
    it; the records before it whole."""
    import gzip

    members = [gzip.compress(warc_record("response", f"https://harbour.example/{i}",
                                         http_response(page_html(i)), i)) for i in range(2)]
    last = gzip.compress(warc_record("response", "https://harbour.example/long",
                                     http_response(long_page(3000)), 9))
    path = tmp_path / "cut.warc.gz"
    path.write_bytes(b"".join(members) + last[:len(last) // 2])
    for source in (path, io.BytesIO(path.read_bytes())):
        reader = pith.read_archive(source)
        with pytest.warns(pith.InputWarning, match="the archive ends"):
            got = list(reader)
        assert [a.url for a in got] == ["https://harbour.example/0", "https://harbour.example/1",
                                        "https://harbour.example/long"]
        cut = got[-1]
        assert cut.truncated is True and "the archive ends" in cut.warning
        assert "Paragraph 0:" in cut.text and "Paragraph 2999:" not in cut.text
        assert reader.counts["pages"] == 3 and reader.counts["errors"] == 0
        if source is path:
            assert [a.to_dict() for a in got] == cli_json_records(path)


def test_a_seekable_file_object_is_read_again_after_damage(tmp_path):
    """A large member cut short: the decompressor runs on into the members
    after it and finds the damage only far on. From a path, or a file
    object that can seek, the reader goes back to just after the damaged
    member's start, and every other record comes out; a file object that
    cannot seek (only read, or seekable() false) leaves the bytes the
    damage ran over unsearched (and any record in them), and says so."""
    import base64
    import gzip
    import random

    noise = base64.b64encode(random.Random(9).randbytes(1500000))
    big = gzip.compress(warc_record("response", "https://harbour.example/big.jpg",
                                    http_response(noise, 200, "image/jpeg"), 90), 6)
    members = [gzip.compress(warc_record("response", f"https://harbour.example/{i}",
                                         http_response(page_html(i)), i)) for i in range(6)]
    data = b"".join(members[:2]) + big[:len(big) * 3 // 4] + b"".join(members[2:])
    path = tmp_path / "long-damage.warc.gz"
    path.write_bytes(data)
    want = [f"https://harbour.example/{i}" for i in range(6)]

    class ReadOnly:  # read() and nothing else
        def __init__(self, data):
            self.data = io.BytesIO(data)

        def read(self, n):
            return self.data.read(n)

    class Unseekable(io.BytesIO):  # says it cannot seek
        def seekable(self):
            return False

    class SeekLies(io.BytesIO):  # says it went, stays where it is: tell() shows it
        def seek(self, pos, whence=0):
            return pos

    prefixed = io.BytesIO(b"some bytes before the archive" + data)
    prefixed.seek(29)  # the archive starts where the file object is
    for source, seeks in ((path, True), (io.BytesIO(data), True), (open(path, "rb"), True),
                          (prefixed, True), (ReadOnly(data), False), (Unseekable(data), False),
                          (SeekLies(data), False)):
        reader = pith.read_archive(source, errors="return")
        got = list(reader)
        assert [a.url for a in got if isinstance(a, pith.Article)] == want, source
        errors = [str(e) for e in got if isinstance(e, pith.ArchiveError)]
        assert len(errors) == 1 and reader.counts["errors"] == 1
        assert "corrupt gzip data at byte 1045" in errors[0]
        # Not read again: the bytes the decompressor ran over are not
        # searched (here they held no record: the pages after it still
        # come out), and the error says so.
        assert ("cannot seek back" in errors[0]) != seeks, (source, errors)

    # A seek interrupted (an exception that is no Exception: Ctrl-C) is not
    # taken for a file that cannot seek: next() raises it.
    class Stop(BaseException):
        pass

    class SeekStopped(io.BytesIO):
        def seek(self, pos, whence=0):
            if pos:
                raise Stop()
            return super().seek(pos, whence)

    with pytest.raises(Stop):
        list(pith.read_archive(SeekStopped(data), errors="return"))


def test_bad_sources(tmp_path):
    with pytest.raises(pith.ArchiveError):
        pith.read_archive(tmp_path / "missing.warc.gz")
    # A missing file is also what Python code catches for one.
    with pytest.raises(FileNotFoundError) as e:
        pith.read_archive(str(tmp_path / "missing.warc.gz"))
    assert isinstance(e.value, pith.ArchiveNotFoundError) and isinstance(e.value, pith.Error)
    assert e.value.errno == 2 and e.value.filename.endswith("missing.warc.gz") and e.value.status
    # In the words the CLI uses for a missing archive and a missing page.
    assert "No such file or directory" in str(e.value)
    for name in ("missing.warc.gz", "missing.html"):
        said = subprocess.run([cli_path(), "-f", "json", name], cwd=tmp_path, capture_output=True)
        assert said.stderr.decode().splitlines()[0] == f"pith: {name}: No such file or directory"
    junk = tmp_path / "junk.warc"
    junk.write_bytes(b"\x00\x01binary junk, no archive" * 50)
    # errors="skip" skips damaged records of an archive; a file with no
    # record at all is no archive: said once it is read, not a crash.
    reader = pith.read_archive(junk)
    with pytest.raises(pith.ArchiveError, match="junk.warc: not a WARC or WET file"):
        list(reader)
    assert reader.counts["errors"] == 1 and reader.counts["records"] == 1
    page = tmp_path / "page.html"
    page.write_bytes(b"<!DOCTYPE html><title>A page</title><p>Not an archive.</p>")
    with pytest.raises(pith.ArchiveError, match="not a WARC or WET file"):
        list(pith.read_archive(page))
    empty = tmp_path / "empty.warc"
    empty.write_bytes(b"")
    assert list(pith.read_archive(empty)) == []  # no record: nothing to say
    with pytest.raises(pith.ArchiveError) as e:
        list(pith.read_archive(junk, errors="raise"))
    assert "not a WARC record" in str(e.value)
    empty = tmp_path / "empty.warc"
    empty.write_bytes(b"")
    assert list(pith.read_archive(empty)) == []
    with pytest.raises(TypeError):
        pith.read_archive(42)
    with pytest.raises(ValueError):
        pith.read_archive(empty, errors="ignore")
    with pytest.raises(ValueError):
        pith.read_archive(empty, jobs=-1)
    with pytest.raises(ValueError):
        pith.read_archive(empty, language="english")


def test_site_dedup(tmp_path):
    """WET pages of one site: their shared lines are boilerplate, as in the
    CLI, when the archive is read twice (the default for a path)."""
    path = tmp_path / "crawl.warc.wet.gz"
    write_wet(path)
    deduped = [a.to_dict() for a in pith.read_archive(path)]
    assert deduped == cli_json_records(path)
    kept = [a.to_dict() for a in pith.read_archive(path, site_dedup=False)]
    assert kept == cli_json_records(path, "--no-site-dedup")
    assert len(deduped) == len(kept) == 4
    assert all("published every Friday" not in r["text"] for r in deduped)
    assert all("published every Friday" in r["text"] for r in kept)
    with open(path, "rb") as f:  # a file object: off, unless asked (then it seeks back)
        assert [a.to_dict()["text"] for a in pith.read_archive(f)] == [r["text"] for r in kept]
        f.seek(0)
        assert [a.to_dict()["text"] for a in pith.read_archive(f, site_dedup=True)] == [
            r["text"] for r in deduped]


def test_close_early(warc):
    with pith.read_archive(warc) as reader:
        first = next(reader)
    assert first.title == "Harbour notice 0"
    with pytest.raises(StopIteration):
        next(reader)


@pytest.mark.parametrize("path", sample_warcs() or [None])
def test_samples_are_the_clis(path):
    if path is None:
        pytest.skip("no sample archives in ../shared/data/warc")
    reader = pith.read_archive(path)
    got = [a.to_dict() for a in reader]
    assert got == cli_json_records(path)
    c = reader.counts
    assert c["records"] == c["pages"] + c["skipped"] + c["errors"] + c["failed"]

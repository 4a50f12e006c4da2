#!/usr/bin/python3
"""WARC files the test writes itself, read by pith: every record type,
chunked + gzip + brotli + deflate bodies, zstd files (with and without the
Internet Archive's dictionary frame), and damage — a truncated gzip member
in the middle, a Content-Length that lies, garbage between records, an
empty file, a 10 GB Content-Length claim, gzip bombs (as a member and as
the HTTP Content-Encoding). Then, when ../shared/data/warc is beside the
clone, every sample: pith's HTML pages equal an independent count.

Usage: test_warc_files.py PITH [SAMPLES_DIR]"""
import gzip
import json
import os
import random
import re
import struct
import subprocess
import sys
import resource
import tempfile
import zlib

PITH = sys.argv[1]
failures = 0


def check(name, ok, detail=""):
    global failures
    if not ok:
        failures += 1
        print(f"FAIL: {name} {detail}")


def page(n):
    return (f"<html><head><title>Page {n}</title></head><body><nav><a href='/'>Home</a></nav>"
            f"<article><h1>Page {n}</h1><p>This is the article number {n}, with enough words in it "
            f"to be the main text of its page, as a reader would want it.</p></article></body></html>")


def record(wtype, body, uri=None, ctype=None, extra=()):
    head = [b"WARC/1.0", b"WARC-Type: " + wtype.encode(),
            b"WARC-Record-ID: <urn:uuid:%08d>" % record.n, b"WARC-Date: 2024-01-02T03:04:05Z"]
    record.n += 1
    if uri:
        head.append(b"WARC-Target-URI: " + uri.encode())
    if ctype:
        head.append(b"Content-Type: " + ctype.encode())
    head += [h.encode() for h in extra]
    head.append(b"Content-Length: %d" % len(body))
    return b"\r\n".join(head) + b"\r\n\r\n" + body + b"\r\n\r\n"


record.n = 1


def http(body, status=200, ctype="text/html; charset=utf-8", headers=()):
    lines = [f"HTTP/1.1 {status} X", f"Content-Type: {ctype}"] + list(headers)
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + body


def response(n, body=None, status=200, ctype="text/html; charset=utf-8", headers=(), extra=()):
    b = body if body is not None else page(n).encode()
    return record("response", http(b, status, ctype, headers), f"http://example.org/{n}",
                  "application/http; msgtype=response", extra)


def chunked(data, size=50):
    out = b""
    for i in range(0, len(data), size):
        piece = data[i:i + size]
        out += b"%x\r\n" % len(piece) + piece + b"\r\n"
    return out + b"0\r\n\r\n"


def brotli(data):
    return subprocess.run(["brotli", "-c"], input=data, capture_output=True, check=True).stdout


def zstd(data, dict_path=None):
    cmd = ["zstd", "-q", "-c"] + (["-D", dict_path] if dict_path else [])
    return subprocess.run(cmd, input=data, capture_output=True, check=True).stdout


def cpu_children():
    """CPU seconds used so far by finished child processes (user + system).
    The cost checks below are bounds against a quadratic or unbounded path
    (minutes when broken), read in CPU time so that a loaded machine or a
    sanitizer build does not make them flaky; speed itself is measured in
    bench/, not here."""
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


# A bound on a case's CPU time: ten times what it costs (well under a
# second), still far below what the quadratic paths these guard took.
CPU_BOUND = 10.0


def run(path, *args):
    p = subprocess.run([PITH, "-f", "json", *args, path], capture_output=True)
    lines = [json.loads(l) for l in p.stdout.decode().splitlines() if l.strip()]
    return p.returncode, lines, p.stderr.decode()


def run_pipe(path):
    """run() with the file through a pipe (read once, no seeking)."""
    p = subprocess.run(f"cat '{path}' | '{PITH}' -f json -", shell=True, capture_output=True)
    lines = [json.loads(l) for l in p.stdout.decode().splitlines() if l.strip()]
    return p.returncode, lines, p.stderr.decode()


def runs_timed(path):
    """run() and run_pipe() of path: for each, how ("file", "pipe"), the
    pages' urls, standard error and the CPU seconds it took."""
    for how in ("file", "pipe"):
        t = cpu_children()
        rc, lines, err = run(path) if how == "file" else run_pipe(path)
        yield how, [l.get("url") for l in lines if "error" not in l], err, cpu_children() - t


def write(d, name, data):
    path = os.path.join(d, name)
    with open(path, "wb") as f:
        f.write(data)
    return path


def gz_members(records):
    return b"".join(gzip.compress(r) for r in records)


def main():
    d = tempfile.mkdtemp(prefix="pith-warc-")
    records = [
        record("warcinfo", b"software: test\r\n", ctype="application/warc-fields"),
        record("request", b"GET /1 HTTP/1.1\r\nHost: example.org\r\n\r\n", "http://example.org/1",
               "application/http; msgtype=request"),
        response(1),
        response(2, chunked(page(2).encode()), headers=["Transfer-Encoding: chunked"]),
        response(3, gzip.compress(page(3).encode()), headers=["Content-Encoding: gzip"]),
        response(4, chunked(gzip.compress(page(4).encode())),
                 headers=["Transfer-Encoding: chunked", "Content-Encoding: gzip"]),
        response(5, brotli(page(5).encode()), headers=["Content-Encoding: br"]),
        response(6, zlib.compress(page(6).encode()), headers=["Content-Encoding: deflate"]),
        response(7, zlib.compress(page(7).encode())[2:-4], headers=["Content-Encoding: deflate"]),
        response(8, status=404),
        response(9, b"\x89PNG\r\n\x1a\n" + bytes(200), ctype="image/png"),
        response(10, ctype="application/octet-stream"),  # generic: sniffed as HTML
        record("revisit", b"HTTP/1.1 200 OK\r\n\r\n", "http://example.org/1"),
        record("metadata", b"via: x\r\n", "http://example.org/1", "application/warc-fields"),
        record("resource", page(11).encode(), "http://example.org/11", "text/html"),
        response(12, chunked(page(12).encode())[:-40], headers=["Transfer-Encoding: chunked"],
                 extra=["WARC-Truncated: length"]),
    ]
    pages = {1, 2, 3, 4, 5, 6, 7, 10, 11, 12}

    def urls(lines):  # the pages extracted (failures are lines with "error")
        return sorted(int(l["url"].rsplit("/", 1)[1]) for l in lines
                      if "url" in l and "error" not in l)

    # The same records plain, a gzip member each, one gzip stream, zstd frames.
    plain = b"".join(records)
    variants = {"plain.warc": plain, "members.warc.gz": gz_members(records),
                "stream.warc.gz": gzip.compress(plain),
                "frames.warc.zst": b"".join(zstd(r) for r in records)}
    # zstd with a dictionary frame first (the Internet Archive's .warc.zst).
    dict_path = write(d, "dict", b"".join(records[:4]) * 2)
    with open(dict_path, "rb") as f:
        dictionary = f.read()
    variants["dict.warc.zst"] = (struct.pack("<II", 0x184D2A5D, len(dictionary)) + dictionary +
                                 b"".join(zstd(r, dict_path) for r in records))
    # ... the dictionary itself zstd-compressed, as the format allows.
    packed = zstd(dictionary)
    variants["dictz.warc.zst"] = (struct.pack("<II", 0x184D2A5D, len(packed)) + packed +
                                  b"".join(zstd(r, dict_path) for r in records))
    for name, data in variants.items():
        rc, lines, err = run(write(d, name, data))
        check(f"{name}: exit 0", rc == 0, f"rc={rc} {err}")
        check(f"{name}: the pages", urls(lines) == sorted(pages), f"{urls(lines)}")
        for l in lines:
            if l.get("url", "").endswith("/12"):
                check(f"{name}: truncated flagged", l.get("truncated") is True, str(l))
                continue
            n = l["url"].rsplit("/", 1)[1]
            check(f"{name}: page {n} text", f"article number {n}," in l.get("text", ""), str(l))
            for k in ("warc_record_id", "warc_date", "warc_filename", "warc_offset", "warc_length"):
                check(f"{name}: page {n} has {k}", k in l, str(l))
        if name != "stream.warc.gz":  # one stream: every record shares the member
            for l in lines:
                start, length = l["warc_offset"], l["warc_length"]
                piece = data[start:start + length]
                if name.endswith(".gz"):
                    piece = gzip.decompress(piece)
                elif name.endswith(".zst"):
                    piece = subprocess.run(["zstd", "-q", "-d", "-c"] +
                                           (["-D", dict_path] if name.startswith("dict") else []),
                                           input=piece, capture_output=True).stdout
                check(f"{name}: offset/length hold the record", piece.startswith(b"WARC/1.0") and
                      l["warc_record_id"].encode() in piece, f"{start} {length}")

    # The first record over --max-page-bytes, in a file of one member (frame)
    # per record: skipped, found past by looking ahead (zstd: with the
    # dictionary), and every page after it comes out.
    big = response(99, page(99).encode() + b"<p>" + b"words of filler " * 100000 + b"</p>")
    for name, data in {"big-members.warc.gz": gz_members([big] + records),
                       "big-frames.warc.zst": b"".join(zstd(r) for r in [big] + records),
                       "big-dict.warc.zst": (struct.pack("<II", 0x184D2A5D, len(dictionary)) +
                                             dictionary + b"".join(zstd(r, dict_path)
                                                                   for r in [big] + records))
                       }.items():
        rc, lines, err = run(write(d, name, data), "--max-page-bytes", "100K")
        check(f"{name}: the large first record skipped", "skipped: larger than" in err, err)
        check(f"{name}: the pages after it", urls(lines) == sorted(pages), f"{urls(lines)} {err}")

    rc, lines, err = run(write(d, "all.warc", plain), "--all-status", "--all-types")
    check("--all-status: the 404 page", 8 in urls(lines), str(urls(lines)))
    check("--all-types: the png skipped as not-html, not failed",
          "not-html 1" in err and "0 failed" in err and rc == 0, err)
    # A payload labelled HTML that is binary is tried, and fails: its error
    # line says where it is (as a page's line does), to fetch it again.
    png = response(13, b"\x89PNG\r\n\x1a\n" + bytes(200), ctype="text/html")
    members = gz_members([records[2], png])
    rc, lines, err = run(write(d, "html-png.warc.gz", members))
    errors = [l for l in lines if "error" in l]
    first = len(gzip.compress(records[2]))
    check("binary labelled HTML: failed, with its provenance", rc == 1 and len(errors) == 1 and
          "binary" in errors[0]["error"] and errors[0].get("http_status") == 200 and
          (errors[0].get("warc_offset"), errors[0].get("warc_length")) ==
          (first, len(members) - first), f"{errors} {err}")

    # An empty file: no output, no failure.
    rc, lines, err = run(write(d, "empty.warc", b""))
    check("empty: exit 0, nothing", rc == 0 and lines == [], f"{rc} {lines} {err}")

    # Damage in the middle: every other record comes out, the damaged one is named.
    good = [response(n) for n in range(20, 26)]
    members = [gzip.compress(r) for r in good]
    cut = members[:2] + [members[2][:len(members[2]) // 2]] + members[3:]
    rc, lines, err = run(write(d, "cut.warc.gz", b"".join(cut)))
    off = sum(len(m) for m in members[:2])
    check("truncated member: the others", urls(lines) == [20, 21, 23, 24, 25], str(urls(lines)))
    check("truncated member: named by offset", f"byte {off}" in err and rc == 1, err)
    errors = [l for l in lines if "error" in l]
    check("truncated member: an error record in its place", len(errors) == 1 and
          errors[0].get("warc_offset") == off and lines.index(errors[0]) == 2, str(errors))

    # A member whose deflate data is wrong from its first bytes gives no byte
    # at all: its break falls where the next member starts, and is still named.
    bad = bytearray(members[2])
    for i in range(12, 32):
        bad[i] ^= 0x55
    rc, lines, err = run(write(d, "corrupt.warc.gz", b"".join(members[:2] + [bytes(bad)] + members[3:])))
    check("corrupt member start: the others", urls(lines) == [20, 21, 23, 24, 25], str(urls(lines)))
    check("corrupt member start: named by offset", f"corrupt gzip data at byte {off}" in err and
          "1 failed" in err and rc == 1, err)
    errors = [l for l in lines if "error" in l]
    check("corrupt member start: an error record in its place", len(errors) == 1 and
          errors[0].get("warc_offset") == off and lines.index(errors[0]) == 2, str(errors))

    # A member whose bytes all come out but whose CRC is wrong: its record is
    # corrupt somewhere, named with its URL, not extracted.
    bad = bytearray(members[2])
    bad[-8] ^= 0xFF
    rc, lines, err = run(write(d, "crc.warc.gz", b"".join(members[:2] + [bytes(bad)] + members[3:])))
    check("bad CRC: the others", urls(lines) == [20, 21, 23, 24, 25], str(urls(lines)))
    errors = [l for l in lines if "error" in l]
    check("bad CRC: named", f"corrupt gzip data at byte {off}" in err and "1 failed" in err and
          len(errors) == 1 and errors[0].get("warc_offset") == off and
          errors[0].get("url", "").endswith("/22"), f"{errors} {err}")

    long_damage(d, good)
    cut_at_end(d, good)
    false_magic(d, good)
    overlapping_members(d, good)
    magics_in_damage(d, good)
    zstd_damage(d)
    zstd_blocks_past_end(d, good)
    zstd_cut_first_block(d, good)

    garbage = b"".join(good[:3]) + b"some garbage\r\nbetween records\r\n" + b"".join(good[3:])
    rc, lines, err = run(write(d, "garbage.warc", garbage))
    check("garbage: all records", urls(lines) == list(range(20, 26)), str(urls(lines)))
    check("garbage: named", "not a WARC record" in err and rc == 1, err)

    # NUL padding between records, and a record cut inside its headers with
    # the next one written right after it: every whole record comes out,
    # the damage is named (before: every record after the padding lost; the
    # cut record took the next one's headers and page).
    padded = b"".join(r + b"\0" * 50 for r in good)
    rc, lines, err = run(write(d, "padded.warc", padded))
    check("NUL padding: all records", urls(lines) == list(range(20, 26)), f"{urls(lines)} {err}")
    check("NUL padding: named", "not a WARC record: 50 bytes skipped" in err and rc == 1, err)
    cut = b"".join(good[:2]) + good[2][:100] + b"".join(good[3:])
    rc, lines, err = run(write(d, "cut-headers.warc", cut))
    errors = [l for l in lines if "error" in l]
    check("cut in its headers: the others", urls(lines) == [20, 21, 23, 24, 25], f"{urls(lines)} {err}")
    check("cut in its headers: named", len(errors) == 1 and "truncated record" in errors[0]["error"]
          and errors[0].get("warc_offset") == len(good[0]) + len(good[1]) and
          summary(err) == (6, 5, 0, 1), f"{errors} {err}")

    # ... cut after its headers, or inside its block, the next record written
    # right after it: the cut one named, the next one read (before: the cut
    # one came out as a page holding the next one's record).
    head = good[2][:good[2].index(b"\r\n\r\n") + 4]
    for name, part in (("after its headers", head), ("inside its block", good[2][:300])):
        cut = b"".join(good[:2]) + part + b"".join(good[3:])
        rc, lines, err = run(write(d, "cut-block.warc", cut))
        errors = [l for l in lines if "error" in l]
        check(f"cut {name}: the others", urls(lines) == [20, 21, 23, 24, 25], f"{urls(lines)} {err}")
        check(f"cut {name}: named", len(errors) == 1 and errors[0].get("warc_offset") ==
              len(good[0]) + len(good[1]) and summary(err) == (6, 5, 0, 1), f"{errors} {err}")

    liar = good[1].replace(b"Content-Length: %d" % (len(good[1]) - 4 - good[1].index(b"\r\n\r\n") - 4),
                           b"Content-Length: 99999")
    rc, lines, err = run(write(d, "liar.warc", b"".join(good[:1]) + liar + b"".join(good[2:])))
    check("Content-Length lies: the next records", urls(lines)[-4:] == [22, 23, 24, 25], str(urls(lines)))
    check("Content-Length lies: named", "Content-Length" in err and rc == 1, err)

    for name, wrap in (("claim.warc", lambda rs: b"".join(rs)), ("claim.warc.gz", gz_members)):
        claim = good[1].replace(b"Content-Length: ", b"Content-Length: 10000000000 x", 1)
        claim = claim.replace(b" x", b"\r\nX-Old-Length: ", 1)
        rc, lines, err = run(write(d, name, wrap(good[:1] + [claim] + good[2:])))
        check(f"{name}: 10 GB claim, the records after it", urls(lines)[-4:] == [22, 23, 24, 25],
              str(urls(lines)) + err)

    # A chain of liars: each record's Content-Length claims 16 MB; no record
    # may read the rest of the file again and again (quadratic).
    liars = (b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 16000000\r\n\r\n" +
             b"x" * 400 + b"\r\n\r\n") * 20000
    t = cpu_children()
    rc, lines, err = run(write(d, "liars.warc", liars))
    check("20,000 liars: bounded CPU", cpu_children() - t < CPU_BOUND and rc == 1, f"{cpu_children() - t:.1f} s CPU")

    # One record's block spread over 50,000 tiny gzip members: linear.
    tiny = gzip.compress(b"<p>yyy</p>" * 5)
    spread = (gzip.compress(b"WARC/1.0\r\nWARC-Type: resource\r\nWARC-Target-URI: http://example.org/40"
                            b"\r\nContent-Type: text/html\r\nContent-Length: %d\r\n\r\n" % (50000 * 50))
              + tiny * 50000 + gzip.compress(b"\r\n\r\n") + members[0])
    t = cpu_children()
    rc, lines, err = run(write(d, "spread.warc.gz", spread))
    check("50,000 tiny members: bounded CPU, the record after", cpu_children() - t < CPU_BOUND and
          urls(lines) == [20, 40], f"{cpu_children() - t:.1f} s CPU {urls(lines)} {err}")

    # A million empty members, then a million corrupt ones, between two
    # records: neither gives a byte, and none may be remembered (each took
    # about 240 bytes: 700 MB). The corrupt ones are one damaged record.
    corrupt = b"\x1f\x8b\x08\0\0\0\0\0\0\x03\x07\0\0\0\0"  # block type 3: invalid
    path = write(d, "empty-members.warc.gz", members[0] + gzip.compress(b"") * 1000000 +
                 corrupt * 1000000 + members[1])
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as e:
        p = subprocess.Popen([PITH, "-f", "json", path], stdout=out, stderr=e)
        rss = os.wait4(p.pid, 0)[2].ru_maxrss  # KiB: this run's alone
        p.returncode = 0
        out.seek(0)
        e.seek(0)
        out, e = out.read(), e.read()
    lines = [json.loads(l) for l in out.decode().splitlines() if l.strip()]
    check("a million empty members: the records around", urls(lines) == [20, 21], f"{urls(lines)}")
    check("a million empty members: one damaged record", summary(e.decode()) == (3, 2, 0, 1), e.decode())
    check("a million empty members: bounded memory", rss < 150 << 10, f"{rss >> 10} MB")

    # Gzip bombs: 256 MiB of zeros as a record's member, and as a Content-Encoding.
    zeros = zlib.compressobj(9, zlib.DEFLATED, 31)
    bomb_body = b"".join(zeros.compress(bytes(1 << 24)) for _ in range(16)) + zeros.flush()
    bomb = response(30, bomb_body, headers=["Content-Encoding: gzip"])
    t = cpu_children()
    rc, lines, err = run(write(d, "bomb-encoding.warc.gz", gz_members(good[:2] + [bomb] + good[2:])))
    check("bomb as Content-Encoding: the others", urls(lines) == list(range(20, 26)), str(urls(lines)))
    check("bomb as Content-Encoding: skipped as too large", "larger than" in err, err)
    check("bomb as Content-Encoding: bounded CPU", cpu_children() - t < CPU_BOUND, f"{cpu_children() - t:.1f} s CPU")
    z = zlib.compressobj(9, zlib.DEFLATED, 31)
    head = b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: %d\r\n\r\n" % (1 << 28)
    member = z.compress(head) + b"".join(z.compress(bytes(1 << 24)) for _ in range(16)) + z.flush()
    t = cpu_children()
    rc, lines, err = run(write(d, "bomb-member.warc.gz", b"".join(members[:2]) + member +
                               b"".join(members[2:])))
    check("bomb as a member: the others", urls(lines) == list(range(20, 26)), str(urls(lines)))
    check("bomb as a member: bounded CPU", cpu_children() - t < CPU_BOUND, f"{cpu_children() - t:.1f} s CPU")
    # The bomb as the first member: the reader cannot yet tell one member per
    # record from one stream, and looks ahead for the next member (not inflated).
    t = cpu_children()
    rc, lines, err = run(write(d, "bomb-first.warc.gz", member + b"".join(members[2:])))
    check("bomb as the first member: the others", urls(lines) == list(range(22, 26)) and rc == 0,
          f"{rc} {urls(lines)} {err}")
    check("bomb as the first member: skipped as too large", "larger than" in err, err)
    check("bomb as the first member: bounded CPU", cpu_children() - t < CPU_BOUND / 20,
          f"{cpu_children() - t:.1f} s CPU")
    # ... and one gzip stream whose first record is over the limit: still read whole.
    big = b"WARC/1.0\r\nWARC-Type: resource\r\nContent-Length: %d\r\n\r\n" % (1 << 25)
    stream = gzip.compress(big + bytes(1 << 25) + b"\r\n\r\n" + b"".join(good[2:]))
    rc, lines, err = run(write(d, "big-first-stream.warc.gz", stream))
    check("one stream, big first record: the others", urls(lines) == list(range(22, 26)) and rc == 0,
          f"{rc} {urls(lines)} {err}")
    # ... and a first member too large to look past (over 16 MiB compressed):
    # inflated through as before, the records after it still come out.
    noise = random.Random(14).randbytes(17 << 20)
    big = b"WARC/1.0\r\nWARC-Type: resource\r\nContent-Length: %d\r\n\r\n" % len(noise)
    rc, lines, err = run(write(d, "big-first-member.warc.gz", gzip.compress(big + noise + b"\r\n\r\n", 1) +
                               b"".join(members[2:])))
    check("first member past the look-ahead: the others", urls(lines) == list(range(22, 26)) and rc == 0,
          f"{rc} {urls(lines)} {err}")

    samples(sys.argv[2] if len(sys.argv) > 2 else None)
    print(f"{'FAILED' if failures else 'ok'}: {failures} failures")
    return 1 if failures else 0


def summary(err):
    """The summary line's counts: read, extracted, skipped, failed."""
    for line in err.splitlines():
        m = re.match(r"pith: (\d+) read: (\d+) extracted, (\d+) skipped.*, (\d+) failed", line)
        if m:
            return tuple(int(x) for x in m.groups())
    return None


def long_damage(d, good):
    """A large member (frame) cut short: the decompressor runs on into the
    members after it, as its data, and finds the damage only there — past
    the compressed bytes still held (about 1 MiB for gzip, 64 KiB for zstd).
    From a file the reader goes back to just after the damaged member's
    start and finds the next one: every other record comes out. From a pipe
    it cannot: the damage is named with the bytes it cost."""
    import base64
    noise = base64.b64encode(random.Random(9).randbytes(1500000))
    body = http(noise, ctype="image/jpeg")
    big = record("response", body, "http://example.org/90", "application/http; msgtype=response")
    for ext, pack in (("gz", lambda r: gzip.compress(r, 6)), ("zst", zstd)):
        members = [pack(r) for r in good]
        cut = pack(big)
        cut = cut[:len(cut) * 3 // 4]
        off = sum(len(m) for m in members[:2])
        data = b"".join(members[:2]) + cut + b"".join(members[2:])
        path = write(d, f"long-damage.warc.{ext}", data)
        rc, lines, err = run(path)
        got = sorted(int(l["url"].rsplit("/", 1)[1]) for l in lines
                     if "url" in l and "error" not in l)
        errors = [l for l in lines if "error" in l]
        name = f"long damage ({ext})"
        check(f"{name}: every other record", got == list(range(20, 26)), f"{got} {err}")
        check(f"{name}: the damaged one named by its offset", len(errors) == 1 and
              errors[0].get("warc_offset") == off and f"at byte {off}" in err and rc == 1,
              f"{errors} {err}")
        check(f"{name}: the counts add up", summary(err) == (7, 6, 0, 1), err)
        p4 = subprocess.run([PITH, "-f", "json", "-j", "4", path], capture_output=True)
        p1 = subprocess.run([PITH, "-f", "json", "-j", "1", path], capture_output=True)
        check(f"{name}: -j 1 = -j 4", p1.stdout == p4.stdout and p1.stdout, "")
        # Standard input: a regular file can be read again, a pipe cannot.
        with open(path, "rb") as f:
            p = subprocess.run([PITH, "-f", "json", "-"], stdin=f, capture_output=True)
        check(f"{name}: pith < FILE: every other record",
              p.stdout.decode().count('"text"') == 6, p.stderr.decode())
        p = subprocess.run(f"cat '{path}' | '{PITH}' -f json -", shell=True, capture_output=True)
        e = p.stderr.decode()
        n = summary(e)
        check(f"{name}: a pipe: named, the loss said", f"at byte {off}" in e and
              "cannot seek" in e and n and n[0] == n[1] + n[2] + n[3] and p.returncode == 1, e)


def false_magic(d, good):
    """A damaged member whose bytes hold a gzip member that starts no record
    (a .gz payload stored as it is): the search for the next member after
    the damage passes over it (it decompresses to no "WARC/") to the next
    record's member. Before, it was taken for a member, and its data named
    as one more damaged record."""
    inner = gzip.compress(b"<p>not a record, a compressed payload</p>" * 20)
    payload = http(b"\x00" * 300 + inner + b"\x00" * 300, ctype="application/gzip")
    stored = bytearray(gzip.compress(record("response", payload, "http://example.org/50",
                                            "application/http; msgtype=response"), 0))
    stored[10] = 0x07  # the first block's type: invalid, the member corrupt from its start
    assert bytes(stored).count(b"\x1f\x8b\x08") == 2
    members = [gzip.compress(r) for r in good]
    data = b"".join(members[:2]) + bytes(stored) + b"".join(members[2:])
    path = write(d, "false-magic.warc.gz", data)
    for how in ("file", "pipe"):
        rc, lines, err = run(path) if how == "file" else run_pipe(path)
        urls = [l.get("url") for l in lines if "error" not in l]
        check(f"false magic in damage ({how}): the records", urls == [f"http://example.org/{n}"
              for n in range(20, 26)], f"{urls} {err}")
        check(f"false magic in damage ({how}): one damaged record", summary(err) == (7, 6, 0, 1)
              and "not a WARC record" not in err, err)


def magics_in_damage(d, good):
    """A damaged member followed by a megabyte of gzip magics, each a header
    that runs on past the probes' 4 KiB: an extra field of 7,944 bytes
    (flags 0x1f), or a name with no zero byte up to the next record's
    member (flags 0x08). The probe reads a header itself: the first is
    passed over by its extra field's length, the second by the zero ending
    its name, looked for once for the magics in a row, and the deflate
    data after the names that end at that zero inflated once. Every record
    comes out, file and pipe. Before, each magic was inflated for 4 KiB:
    the probes' budget was spent, the magics past it were taken unchecked,
    each ran into the records after the damage, and two records were lost
    from a file (said, 'damage after damage')."""
    bad = bytearray(gzip.compress(good[0]))
    bad[10] = 0x07  # the first block's type: invalid
    members = [gzip.compress(r) for r in good]
    for flags in (0x1F, 0x08):
        magic = b"\x1f\x8b\x08" + bytes([flags])
        data = b"".join(members[:2]) + bytes(bad) + magic * (1 << 18) + b"".join(members[2:])
        path = write(d, "magics-in-damage.warc.gz", data)
        for how, got, err, cpu in runs_timed(path):
            name = f"magics 0x{flags:02x} in damage ({how})"
            check(f"{name}: every record", got == [f"http://example.org/{k}" for k in
                  range(20, 26)], f"{got} {err[:400]}")
            check(f"{name}: the damaged one named, nothing lost", summary(err) == (7, 6, 0, 1)
                  and "lost" not in err, err[:400])
            check(f"{name}: bounded CPU", cpu < CPU_BOUND, f"{cpu:.1f} s CPU")


def zstd_blocks_past_end(d, good):
    """A damaged frame followed by 64 KiB of zstd magics, each a frame
    header claiming a first block of 128 KiB, then the last records' frames
    (less than 128 KiB in all): the magics near the end claim blocks that
    run past it. zstd gives a block only whole, so such a frame gives no
    byte: the search passes it over. Before, each was taken as a frame cut
    short, read to the end and gone back from, the going-back budget was
    spent, and the records after the magics were lost ('damage after
    damage'; bench/warc_floods.py's zstd-128k-blocks kept 8 of 16 pages)."""
    frames = [zstd(r) for r in good]
    bad = bytearray(frames[2])
    for i in range(len(bad) // 2, len(bad) // 2 + 20):
        bad[i] ^= 0x55
    claim = b"\x28\xb5\x2f\xfd\x00\x58" + struct.pack("<I", (128 << 10) << 3 | 2 << 1)[:3]
    flood = (claim + b"Z" * 7) * (4 << 10)
    data = b"".join(frames[:2]) + bytes(bad) + flood + b"".join(frames[3:])
    path = write(d, "zstd-blocks-past-end.warc.zst", data)
    for how, got, err, cpu in runs_timed(path):
        name = f"zstd magics claiming blocks past the end ({how})"
        check(f"{name}: every other record", got == [f"http://example.org/{k}" for k in
              (20, 21, 23, 24, 25)], f"{got} {err[:400]}")
        check(f"{name}: the damaged one named, nothing lost", summary(err) == (6, 5, 0, 1)
              and "lost" not in err, err[:400])
        check(f"{name}: bounded CPU", cpu < CPU_BOUND, f"{cpu:.1f} s CPU")


def zstd_cut_first_block(d, good):
    """A .warc.zst cut short inside a frame's first block (zstd gives a
    block only whole, so the frame gives no byte): the loss is said,
    whether damage comes before or not, as a file and through a pipe. The
    search after damage passes over such a frame (zstd_blocks_past_end),
    so these check that it does not pass over a record's loss unsaid: cut
    in the last frame with no damage before (the record named truncated);
    damage, a whole frame, then the cut (both named); damage then the cut
    at once, or bytes that are no zstd data then the cut (the cut frame
    gives no byte: it is said in the break before it, "truncated"); and a
    writer that broke off inside a large record's first block and then
    appended records (damage before it: those after are read, the cut one's
    bytes are the damaged record's)."""
    frames = [zstd(r) for r in good]
    bad = [bytearray(f) for f in frames]
    for b in bad:
        for i in range(len(b) // 2, len(b) // 2 + 20):
            b[i] ^= 0x55
    rnd = random.Random(7)
    body = "<html><body><article>%s</article></body></html>" % "".join(
        "<p>%s</p>" % " ".join("w%x" % rnd.getrandbits(40) for _ in range(50)) for _ in range(150))
    big = zstd(response(26, body.encode()))  # a first block of some 40 KB
    last, url = frames[-1], [f"http://example.org/{k}" for k in range(20, 27)]
    off = sum(map(len, frames[:-1]))
    cases = [  # name, data, the pages, what stderr says, the summary
        ("cut after its header", b"".join(frames[:-1]) + last[:9], url[:5],
         [f"record at byte {off}: truncated"], (6, 5, 0, 1)),
        ("cut in its block", b"".join(frames[:-1]) + last[:len(last) // 2], url[:5],
         [f"record at byte {off}: truncated"], (6, 5, 0, 1)),
        ("damage, a frame, the cut", frames[0] + bytes(bad[1]) + b"".join(frames[2:-1]) +
         last[:200], [url[0]] + url[2:5], [f"byte {len(frames[0])}: corrupt",
                                           f"record at byte {off}: truncated"], (6, 4, 0, 2)),
        ("damage then the cut", b"".join(frames[:-2]) + bytes(bad[-2]) + last[:200], url[:4],
         [f"byte {off - len(frames[-2])}: corrupt zstd data at byte {off - len(frames[-2])}, "
          f"then a zstd frame cut short at byte {off} (truncated)"], (5, 4, 0, 1)),
        ("bytes that are no zstd data then the cut", b"".join(frames[:-1]) + b"not zstd\r\n" +
         last[:200], url[:5], [f"10 bytes that are not zstd data at byte {off}, then a zstd "
                               f"frame cut short at byte {off + 10} (truncated)"], (6, 5, 0, 1)),
        ("damage, a cut large record, records", b"".join(frames[:2]) + bytes(bad[2]) +
         big[:len(big) // 3] + b"".join(frames[3:]), url[:2] + url[3:6],
         [f"byte {len(frames[0]) + len(frames[1])}: corrupt"], (6, 5, 0, 1)),
    ]
    for name, data, want, said, counts in cases:
        path = write(d, "zstd-cut-first-block.warc.zst", data)
        for how in ("file", "pipe"):
            rc, lines, err = run(path) if how == "file" else run_pipe(path)
            got = [l.get("url") for l in lines if "error" not in l]
            check(f"zstd {name} ({how}): the pages", got == want, f"{got} {err[:400]}")
            check(f"zstd {name} ({how}): said, exit 1", rc == 1 and all(s in err for s in said)
                  and summary(err) == counts, err[:600])
            check(f"zstd {name} ({how}): a frame passed over said cut short only when it is",
                  ("cut short" in err) == any("cut short" in s for s in said), err[:600])


def zstd_damage(d):
    """A damaged frame among frames of ordinary pages (40 KB of varied
    text: a first block of about 10 KB compressed). The search for the next
    frame probes each: its header and its first block whole, since zstd
    gives a compressed block's bytes only once it holds all of it. Before,
    a probe read 4 KiB, and every frame after the damage was passed over:
    the records after it lost, unsaid."""
    rnd = random.Random(3)
    words = "tide flats birds shore marsh evening harbour council mill wheel county".split()

    def text(n):
        paras = "".join("<p>%s</p>" % " ".join(rnd.choice(words) + str(rnd.randint(0, 99999))
                                                for _ in range(60)) for _ in range(40))
        return (f"<html><head><title>Page {n}</title></head><body><article><h1>Page {n}</h1>"
                f"{paras}</article></body></html>").encode()

    # A warcinfo record first, as writers do (the file below has none).
    frames = [zstd(record("warcinfo", b"software: test\r\n", ctype="application/warc-fields"))]
    frames += [zstd(response(n, text(n))) for n in range(30, 36)]
    bad = bytearray(frames[3])
    for i in range(len(bad) // 2, len(bad) // 2 + 40):
        bad[i] ^= 0x55
    path = write(d, "zstd-damage.warc.zst", b"".join(frames[:3]) + bytes(bad) +
                 b"".join(frames[4:]))
    for how in ("file", "pipe"):
        rc, lines, err = run(path) if how == "file" else run_pipe(path)
        got = [l.get("url") for l in lines if "error" not in l]
        name = f"zstd frame damaged among ordinary pages ({how})"
        check(f"{name}: every other record", got == [f"http://example.org/{k}" for k in
              (30, 31, 33, 34, 35)], f"{got} {err[:400]}")
        check(f"{name}: the damaged one named", summary(err) == (7, 5, 1, 1) and
              f"corrupt zstd data at byte {sum(map(len, frames[:3]))}" in err, err[:400])
    # Without the warcinfo record, the first frame's first block (10 KB
    # compressed) gives no byte from the first 512 bytes: more is read to
    # tell an archive from a page, on standard input and for a file whose
    # name does not say. Before: "binary data, not HTML".
    path = write(d, "zstd-big-first", b"".join(frames[1:3]) + b"".join(frames[4:]))
    for how in ("file", "pipe"):
        rc, lines, err = run(path) if how == "file" else run_pipe(path)
        got = [l.get("url") for l in lines if "error" not in l]
        check(f"zstd, a large first frame ({how}): read as an archive", rc == 0 and got ==
              [f"http://example.org/{k}" for k in (30, 31, 33, 34, 35)], f"{got} {err[:300]}")


def cut_at_end(d, good):
    """A file cut short inside its last record (a download that broke off):
    the record is extracted as far as it goes, flagged truncated, said on
    standard error with what was lost, and counted failed (as a cut .gz
    page is); every record before it comes out. A page of 3,000 paragraphs
    (330 KB, several zstd blocks: zstd gives a block only whole) cut in the
    middle of its member (frame, plain bytes), read as a file and through
    a pipe (which cannot seek: the member's bytes must still be held)."""
    rng = random.Random(5)
    words = "harbour mill tide river stone bridge market council vote island ferry lamp".split()
    paras = "".join(f"<p>Paragraph {k}: " + " ".join(rng.choice(words) for _ in range(14)) + ".</p>"
                    for k in range(3000))
    big = response(30, (f"<html><head><title>Long</title></head><body><article><h1>Long</h1>"
                        f"{paras}</article></body></html>").encode())
    png = response(31, b"\x89PNG\r\n\x1a\n" + random.Random(6).randbytes(300000), ctype="image/png")
    for ext, pack in (("warc", lambda r: r), ("warc.gz", gzip.compress), ("warc.zst", zstd),
                      ("stream.warc.gz", None)):
        packs = [pack(r) for r in good[:2] + [big]] if pack else None
        if pack:
            data = b"".join(packs)
            data, off = data[:len(data) - len(packs[-1]) // 2], len(data) - len(packs[-1])
        else:  # one gzip stream: the record is in the stream's member, at 0
            data = gzip.compress(b"".join(good[:2] + [big]))
            data, off = data[:len(data) // 2], 0
        path = write(d, f"cut-end.{ext}", data)
        for how in ("file", "pipe"):
            name = f"cut at the end ({ext}, {how})"
            rc, lines, err = run(path) if how == "file" else run_pipe(path)
            last = [l for l in lines if l.get("url", "").endswith("/30")]
            check(f"{name}: the records before", [l.get("url") for l in lines[:2]] ==
                  ["http://example.org/20", "http://example.org/21"], f"{lines[:2]} {err}")
            check(f"{name}: the cut record extracted, truncated", len(last) == 1 and
                  "error" not in last[0] and last[0].get("truncated") is True and
                  "Paragraph 0:" in last[0].get("text", "") and
                  "Paragraph 2999:" not in last[0].get("text", "") and
                  last[0].get("warc_offset") == off, f"{[str(l)[:300] for l in last]} {err}")
            check(f"{name}: said, counted failed", f"record at byte {off} " in err and
                  "the archive ends" in err and summary(err) == (3, 2, 0, 1) and rc == 1, err)
    # Cut in the last member's gzip trailer: the block came whole (not
    # truncated), the cut still said.
    packs = [gzip.compress(r) for r in good[:2] + [big]]
    rc, lines, err = run(write(d, "cut-trailer.warc.gz", b"".join(packs)[:-4]))
    last = [l for l in lines if l.get("url", "").endswith("/30")]
    check("cut in the gzip trailer: the page whole", len(last) == 1 and "truncated" not in last[0]
          and "Paragraph 2999:" in last[0].get("text", ""), f"{[str(l)[:300] for l in last]} {err}")
    check("cut in the gzip trailer: said, counted failed", "the archive ends after the record's block"
          in err and summary(err) == (3, 2, 0, 1) and rc == 1, err)
    # A record that is no page, cut: named as damaged (nothing to extract).
    packs = [gzip.compress(r, 1) for r in good[:2] + [png]]
    data = b"".join(packs)
    rc, lines, err = run(write(d, "cut-png.warc.gz", data[:-len(packs[-1]) // 2]))
    errors = [l for l in lines if "error" in l]
    check("cut image: an error record", len(errors) == 1 and "the archive ends" in errors[0]["error"]
          and errors[0].get("url", "").endswith("/31") and summary(err) == (3, 2, 0, 1), f"{errors} {err}")


def overlapping(kind, size, slot):
    """Hostile data: a gzip member (zstd frame) starts every `slot` bytes,
    each a chain of stored (raw) blocks whose contents hold the members
    after it: block b of member k has its header in slot k + b*m, at an
    offset of its own in the slot, so no two headers meet, and every member
    decompresses through the ones after it (up to the end of the data)
    before its damage shows. Each starts with a block of its own holding
    "WARC/", so that the search after damage takes every one of them for a
    record's member (it probes them)."""
    if kind == "gz":  # a stored block of 5 bytes
        head, hdr, width, most = b"\x1f\x8b\x08\0\0\0\0\0\0\x03\0\x05\0\xfa\xffWARC/", 20, 5, 65535
    else:  # a raw block of 5 bytes
        head, hdr, width, most = b"\x28\xb5\x2f\xfd\x00\x58\x28\0\0WARC/", 14, 3, 1 << 17
    m = most // slot
    length = m * slot
    block = (b"\0" + struct.pack("<HH", length, length ^ 0xFFFF) if kind == "gz"
             else struct.pack("<I", length << 3)[:3])
    slots = size // slot
    buf = bytearray(slots * slot)
    for k in range(slots):
        buf[k * slot:k * slot + len(head)] = head
        for b in range((slot - hdr) // width):
            if k + b * m >= slots:
                break
            at = (k + b * m) * slot + hdr + width * b
            buf[at:at + width] = block
    return bytes(buf)


def overlapping_members(d, good):
    """Members that each run far into the ones after it (overlapping): each
    is damaged, and the search for the next member goes back just after its
    start — within a budget (the bytes read, and 16 MiB), past which it goes
    on from where the damage showed and says which bytes it lost. Without
    the budget: a pass over the rest of the file per member (8 MiB: 30-60 s
    of CPU, against 0.02 s)."""
    for ext in ("gz", "zst"):
        pack = (lambda r: gzip.compress(r)) if ext == "gz" else zstd
        data = b"".join(pack(r) for r in good[2:4]) + overlapping(ext, 8 << 20, 256)
        path = write(d, f"overlapping.warc.{ext}", data)
        name = f"overlapping members ({ext})"
        for how in ("file", "pipe"):
            t = cpu_children()
            rc, lines, err = run(path) if how == "file" else run_pipe(path)
            cpu = cpu_children() - t
            n = summary(err)
            got = [l["url"] for l in lines if "error" not in l]
            check(f"{name}, {how}: bounded CPU", cpu < CPU_BOUND, f"{cpu:.1f} s CPU")
            check(f"{name}, {how}: the records before", got == ["http://example.org/22",
                  "http://example.org/23"], f"{got}")
            check(f"{name}, {how}: the counts add up, the loss said", n and n[0] == n[1] + n[2] + n[3]
                  and rc == 1 and "are lost with it" in err, f"{n} {err[:400]}")


def count_html(path):
    """Independent count of HTML pages: gzip members read with Python's gzip
    module, records split by Content-Length, HTTP responses with status 200
    and an HTML Content-Type (or, when it is missing, markup in the body)."""
    with gzip.open(path, "rb") as f:
        data = f.read()
    n, pos = 0, 0
    while True:
        pos = data.find(b"WARC/", pos)
        if pos < 0:
            return n
        end = data.find(b"\r\n\r\n", pos)
        sep = 4
        lf = data.find(b"\n\n", pos)
        if end < 0 or (0 <= lf < end):
            end, sep = lf, 2
        head = data[pos:end].decode("latin-1")
        fields = {}
        for line in head.splitlines()[1:]:
            if ":" in line:
                k, v = line.split(":", 1)
                fields.setdefault(k.strip().lower(), v.strip())
        length = int(fields.get("content-length", "0"))
        block = data[end + sep:end + sep + length]
        pos = end + sep + length
        if fields.get("warc-type") != "response":
            continue
        hend = block.find(b"\r\n\r\n")
        if hend < 0:
            hend = block.find(b"\n\n")
        lines = block[:hend].decode("latin-1").splitlines()
        if not lines or not lines[0].startswith("HTTP/"):
            continue
        status = lines[0].split()[1] if len(lines[0].split()) > 1 else ""
        ctype = ""
        for line in lines[1:]:
            if line.lower().startswith("content-type:"):
                ctype = line.split(":", 1)[1].strip().lower()
                break
        if status != "200":
            continue
        if "html" in ctype.split(";")[0] or (not ctype and b"<html" in block.lower()):
            n += 1


def samples(dir_):
    if not dir_ or not os.path.isdir(dir_):
        print(f"skipped: the WARC samples (../shared/data/warc) are not there ({dir_})")
        return
    for name in sorted(os.listdir(dir_)):
        if not name.endswith(".warc.gz"):
            continue
        path = os.path.join(dir_, name)
        rc, lines, err = run(path)
        want = count_html(path)
        check(f"sample {name}: pages", len(lines) == want, f"pith {len(lines)}, counted {want}: {err}")
        for l in lines:
            check(f"sample {name}: provenance", all(k in l for k in (
                "url", "warc_record_id", "warc_date", "http_status", "warc_filename",
                "warc_offset", "warc_length")), str(list(l)))
        print(f"sample {name}: {len(lines)} pages, counted {want}")


if __name__ == "__main__":
    sys.exit(main())

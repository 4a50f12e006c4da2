#!/usr/bin/python3
"""Writes the seed corpus of a fuzz target into a directory: the small
pages the tests keep (tests/golden, tests/formats, examples), text-mode
pages, small WARC files written here (plain, gzip per record, HTTP
responses with gzip bodies), and the first records of the WARC samples
when a data directory is given. Seeds carry the target's option bytes.

    tests/fuzz/seeds.py TARGET DIR [--data ../shared/data]
"""
import argparse
import glob
import gzip
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
HEADER = {"extract": b"\0\0", "html": b"\0", "text": b"\0", "charset": b"\0", "meta": b"",
          "warc": b"\0", "tokenizer": b"\x10"}


def pages():
    for pattern in ("tests/golden/*.html", "tests/formats/*.html", "examples/*.html"):
        for path in sorted(glob.glob(os.path.join(ROOT, pattern))):
            with open(path, "rb") as f:
                yield os.path.basename(path), f.read()[:65536]


def texts():
    for name, page in pages():
        # a page flattened to text, roughly: the tags out, a line per block
        import re
        text = re.sub(rb"<[^>]*>", b"\n", page)
        yield name + ".txt", re.sub(rb"\n\s*\n+", b"\n", text)


def record(rtype, uri, block, ctype):
    return (b"WARC/1.0\r\nWARC-Type: " + rtype + b"\r\nWARC-Target-URI: " + uri +
            b"\r\nWARC-Date: 2024-01-02T03:04:05Z\r\nWARC-Record-ID: <urn:uuid:1>\r\n"
            b"Content-Type: " + ctype + b"\r\nContent-Length: " + str(len(block)).encode() +
            b"\r\n\r\n" + block + b"\r\n\r\n")


def warcs(data_dir):
    text = b"Tides on the flats\nThe tide came in over the flats, and the birds moved up.\n"
    page = b"<html><head><title>T</title></head><body><p>The tide came in.</p></body></html>"
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + page
    zbody = gzip.compress(page)
    httpz = (b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n"
             b"Content-Length: " + str(len(zbody)).encode() + b"\r\n\r\n" + zbody)
    recs = [record(b"conversion", b"http://example.org/a", text, b"text/plain"),
            record(b"response", b"http://example.org/b", http, b"application/http; msgtype=response"),
            record(b"response", b"http://example.org/c", httpz, b"application/http; msgtype=response"),
            record(b"warcinfo", b"", b"software: pith\r\n", b"application/warc-fields")]
    yield "plain.warc", b"".join(recs)
    yield "members.warc.gz", b"".join(gzip.compress(r) for r in recs)
    yield "stream.warc.gz", gzip.compress(b"".join(recs))
    yield "lying-length.warc", recs[0].replace(b"Content-Length: ", b"Content-Length: 99") + recs[1]
    if data_dir:
        for path in sorted(glob.glob(os.path.join(data_dir, "warc", "*.warc*.gz"))):
            with gzip.open(path, "rb") as f:
                head = f.read(1 << 16)
            # whole records only, as the reader would see them plain and gzip
            yield os.path.basename(path) + ".head.warc", head
            yield os.path.basename(path) + ".head.warc.gz", gzip.compress(head[:16384])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("target", choices=sorted(HEADER))
    ap.add_argument("dir")
    ap.add_argument("--data", help="the shared data directory (WARC samples)")
    a = ap.parse_args()
    os.makedirs(a.dir, exist_ok=True)
    if a.target == "warc":
        seeds = warcs(a.data)
    elif a.target == "text":
        seeds = texts()
    elif a.target == "meta":
        seeds = ((n, p[:p.find(b"</head>")] if b"</head>" in p else p) for n, p in pages())
    else:
        seeds = pages()
    n = 0
    for name, data in seeds:
        with open(os.path.join(a.dir, "seed-" + name), "wb") as f:
            f.write(HEADER[a.target] + data)
        n += 1
    print("%d seeds in %s" % (n, a.dir), file=sys.stderr)


if __name__ == "__main__":
    main()

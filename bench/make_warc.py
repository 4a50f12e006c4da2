#!/usr/bin/python3
"""Builds a benchmark WARC from the pages of the shared data sets.

usage: bench/make_warc.py [--data ../shared/data] [--sets scrapinghub,wcxb-dev]
                          [--copies N] OUT.warc.gz

One gzip member per record, as crawlers write them: a warcinfo record, then
for every page a request and a response record with real HTTP headers —
every 3rd body gzip-encoded, every 4th chunked (so some are both) — and, in
between, some records that are not pages: a 301 redirect every 7th page, an
image/png response every 10th, a metadata record every 5th. The page's own
bytes are the HTTP body, unchanged, so its text can be compared with the
same page given as a file (bench/warc.sh does). The response's
WARC-Record-ID names the page: <urn:pith-bench:SET:ID>.

--copies N writes the records N times (ten concatenated copies measure
whether memory stays flat). Only the standard library; never writes into
the repository unless told to.
"""
import argparse
import gzip
import json
import os
import random
import sys
import zlib


def record(wtype, block, uri=None, rid=None, ctype=None, date="2024-11-20T10:00:00Z"):
    head = ["WARC/1.1", f"WARC-Type: {wtype}", f"WARC-Date: {date}",
            f"WARC-Record-ID: {rid or '<urn:uuid:%032x>' % random.getrandbits(128)}"]
    if uri:
        head.append(f"WARC-Target-URI: {uri}")
    if ctype:
        head.append(f"Content-Type: {ctype}")
    head.append(f"Content-Length: {len(block)}")
    data = ("\r\n".join(head) + "\r\n\r\n").encode() + block + b"\r\n\r\n"
    return gzip.compress(data, compresslevel=6)


def chunked(data, size=4096):
    out = [b"%x\r\n%s\r\n" % (len(data[i:i + size]), data[i:i + size])
           for i in range(0, len(data), size)]
    return b"".join(out) + b"0\r\n\r\n"


def http_response(body, status="200 OK", ctype="text/html", headers=()):
    lines = [f"HTTP/1.1 {status}", "Server: bench", f"Content-Type: {ctype}",
             "Date: Wed, 20 Nov 2024 10:00:00 GMT", *headers]
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + body


def pages(data, sets):
    """(set, id, url, html bytes) for every page of the sets, in name order."""
    for name in sets:
        base = os.path.join(data, name)
        urls = {}
        with open(os.path.join(base, "meta.jsonl"), encoding="utf-8") as f:
            for line in f:
                m = json.loads(line)
                urls[str(m.get("file_id") or m["id"])] = m.get("url")
        for fn in sorted(os.listdir(os.path.join(base, "html"))):
            pid = fn.split(".")[0]
            with open(os.path.join(base, "html", fn), "rb") as f:
                raw = f.read()
            html = gzip.decompress(raw) if raw[:2] == b"\x1f\x8b" else raw
            yield name, pid, urls.get(pid) or f"https://bench.example/{name}/{pid}", html


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    ap.add_argument("--data", default=os.path.join(root, "..", "shared", "data"))
    ap.add_argument("--sets", default="scrapinghub,wcxb-dev")
    ap.add_argument("--copies", type=int, default=1)
    ap.add_argument("out")
    a = ap.parse_args()
    random.seed(1)
    members = [record("warcinfo", b"software: pith bench/make_warc.py\r\nformat: WARC/1.1\r\n",
                      ctype="application/warc-fields")]
    n = 0
    for n, (name, pid, url, html) in enumerate(pages(a.data, a.sets.split(",")), 1):
        members.append(record("request", b"GET / HTTP/1.1\r\nHost: bench.example\r\n\r\n", url,
                              ctype="application/http; msgtype=request"))
        headers, body = [], html
        if n % 3 == 0:
            body = gzip.compress(body)
            headers.append("Content-Encoding: gzip")
        if n % 4 == 0:
            body = chunked(body)
            headers.append("Transfer-Encoding: chunked")
        members.append(record("response", http_response(body, headers=headers), url,
                              f"<urn:pith-bench:{name}:{pid}>", "application/http; msgtype=response"))
        if n % 5 == 0:
            members.append(record("metadata", b"fetchTimeMs: 120\r\n", url,
                                  ctype="application/warc-fields"))
        if n % 7 == 0:
            members.append(record("response", http_response(
                b"<html><body>Moved</body></html>", "301 Moved Permanently",
                headers=[f"Location: {url}?moved"]), url + "?old",
                ctype="application/http; msgtype=response"))
        if n % 10 == 0:
            png = b"\x89PNG\r\n\x1a\n" + zlib.compress(os.urandom(2000))
            members.append(record("response", http_response(png, ctype="image/png"),
                                  url + "/logo.png", ctype="application/http; msgtype=response"))
    with open(a.out, "wb") as f:
        for _ in range(a.copies):
            for m in members:
                f.write(m)
    print(f"{a.out}: {n} pages x {a.copies}, {len(members)} records a copy, "
          f"{os.path.getsize(a.out)} bytes", file=sys.stderr)


if __name__ == "__main__":
    main()

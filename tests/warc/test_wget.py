#!/usr/bin/python3
"""WARCs written by GNU wget (the one WARC writer in Debian), read by pith.

    test_wget.py PITH

Serves a small site on 127.0.0.1 (an ephemeral port; pages in several
charsets, XHTML, addresses with a query and percent-escapes, a gzip-encoded
and a chunked body, a redirect, a 404, robots.txt, an image, a stylesheet, a
page over 1 MiB), archives it with wget --recursive
--page-requisites --warc-file in three ways (gzip per record with --warc-cdx
and --warc-header; --no-warc-compression with --warc-max-size, several files;
--warc-dedup against the first crawl's CDX, revisits), then checks pith's
output against an independent reading of the files: each HTML response with
status 200 once, with wget's WARC-Target-URI and its record ID; warc_offset
and warc_length cut out that record (gzip member re-read here; the CDX says
the same offset); the text and title equal those of the same page given as a
file; -j 1, -j 2 and the archive on standard input give the same lines; the
summary counts every other record under its reason. Also WARC/1.1 headers as
other writers spell them (lower case names, "msgtype" spacing,
WARC-Identified-Payload-Type). Exits 77 (skipped) when wget is missing.
"""
import collections
import gzip
import http.server
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import zlib

failures = 0


def check(name, ok, detail=""):
    global failures
    if not ok:
        failures += 1
        print(f"FAIL: {name}" + (f"\n  {str(detail)[:600]}" if detail else ""))


# ---- the site ----------------------------------------------------------------


def page(title, words, n=8, meta="", links=""):
    para = "".join(f"<p>{words} Paragraph number {i} of the page.</p>" for i in range(n))
    head = f'<meta charset="{meta}">' if meta else ""
    return (f"<!DOCTYPE html><html><head>{head}<title>{title}</title>"
            '<link rel="stylesheet" href="/style.css"></head><body>'
            '<nav><a href="/">Home</a> <a href="/latin1.html">Latin</a></nav>'
            f"<article><h1>{title}</h1>{para}</article><aside>{links}</aside>"
            "<footer>Footer text</footer></body></html>")


PNG = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000"
                    "1f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a4f30000"
                    "000049454e44ae426082")
LINKS = "".join(f'<a href="/{p}">{p}</a> ' for p in (
    "latin1.html", "sjis.html", "meta.html", "gzip.html", "chunked.html", "redirect",
    "missing.html", "big.html", "page.xhtml", "p?a=1&amp;b=%C3%A9", "caf%C3%A9.html")) + \
    '<img src="/pixel.png">'
# path: (body, Content-Type, how it is sent)
SITE = {
    "/": (page("Index page", "Welcome to the small site that wget archives.", links=LINKS).encode(),
          "text/html; charset=utf-8", ""),
    "/latin1.html": (page("Café crème", "Naïve façade, résumé and déjà vu in Latin-1.")
                     .encode("latin-1"), "text/html; charset=ISO-8859-1", ""),
    "/sjis.html": (page("日本語のページ", "これは日本語で書かれた長い文章です。" * 8)
                   .encode("shift_jis"), "text/html;charset=Shift_JIS", ""),
    "/meta.html": (page("Příliš žluťoučký kůň", "Úpěl ďábelské ódy, declared in a meta tag.",
                        meta="windows-1250").encode("cp1250"), "text/html", ""),
    "/gzip.html": (page("Gzip page", "This body was sent with Content-Encoding gzip.").encode(),
                   "text/html; charset=utf-8", "gzip"),
    "/chunked.html": (page("Chunked page", "This body was sent in chunks of a kilobyte.", 40)
                      .encode(), "text/html; charset=utf-8", "chunked"),
    "/big.html": (page("Big page", "A long page of more than one mebibyte of words to archive.",
                       14000).encode(), "text/html; charset=utf-8", ""),
    "/page.xhtml": (page("XHTML page", "Served as application/xhtml+xml to the crawler.")
                    .encode(), "application/xhtml+xml", ""),
    # addresses as wget writes them: a query, a percent-encoded name
    "/p?a=1&b=%C3%A9": (page("Query page", "A page whose address has a query string.").encode(),
                        "text/html; charset=utf-8", ""),
    "/caf%C3%A9.html": (page("Percent page", "A page whose address is percent-encoded.")
                        .encode(), "text/html; charset=utf-8", ""),
    "/robots.txt": (b"User-agent: *\nAllow: /\n", "text/plain", ""),
    "/style.css": (b"body { color: #333 }\n", "text/css", ""),
    "/pixel.png": (PNG, "image/png", ""),
}


class Site(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def do_GET(self):
        if self.path == "/redirect":
            self.send_response(301)
            self.send_header("Location", "/latin1.html")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        if self.path not in SITE:
            body = b"<html><body><h1>Not found</h1></body></html>"
            self.send_response(404)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        body, ctype, how = SITE[self.path]
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        if how == "gzip":
            body = gzip.compress(body, mtime=0)
            self.send_header("Content-Encoding", "gzip")
        if how == "chunked":
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            for i in range(0, len(body), 1000):
                piece = body[i:i + 1000]
                self.wfile.write(b"%x\r\n%s\r\n" % (len(piece), piece))
            self.wfile.write(b"0\r\n\r\n")
            return
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


# ---- reading the WARCs independently ------------------------------------------


def parse_record(data):
    """WARC headers (names lower case) and block of the record data starts with."""
    head, _, rest = data.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    fields = {}
    for line in lines[1:]:
        k, _, v = line.partition(":")
        fields[k.strip().lower()] = v.strip()
    return lines[0], fields, rest[:int(fields["content-length"])]


def records(path):
    """(offset, length, headers, block) of each record, as stored in the file."""
    data = open(path, "rb").read()
    pos = 0
    while pos < len(data):
        if data[pos:pos + 2] == b"\x1f\x8b":  # one gzip member a record
            d = zlib.decompressobj(31)
            raw = d.decompress(data[pos:])
            length = len(data) - pos - len(d.unused_data)
        else:
            _, fields, _ = parse_record(data[pos:])
            head_len = data.index(b"\r\n\r\n", pos) + 4 - pos
            length = head_len + int(fields["content-length"]) + 4
            raw = data[pos:pos + length]
        _, fields, block = parse_record(raw)
        yield pos, length, fields, block
        pos += length


def expected_reason(fields, block):
    """Where a record belongs: 'page', or the summary's skip reason."""
    t = fields["warc-type"]
    uri = fields.get("warc-target-uri", "").strip("<>")
    if t == "resource" and uri.startswith("metadata:"):
        return "metadata"  # wget's log and command line
    if t != "response":
        return t
    head = block.split(b"\r\n\r\n", 1)[0].decode("latin-1").split("\r\n")
    if head[0].split()[1] != "200":
        return "status"
    ctype = [h.split(":", 1)[1].strip() for h in head[1:] if h.lower().startswith("content-type:")]
    html = ctype and ctype[0].split(";")[0] in ("text/html", "application/xhtml+xml")
    return "page" if html else "not-html"


def summary_counts(err):
    m = re.search(r"pith: (\d+) read: (\d+) extracted, (\d+) skipped(?: \(([^)]*)\))?, (\d+) failed",
                  err)
    if not m:
        return None
    counts = collections.Counter()
    for part in (m.group(4) or "").split(", "):
        if part:
            reason, n = part.rsplit(" ", 1)
            counts[reason] = int(n)
    counts["page"] = int(m.group(2))
    return int(m.group(1)), counts, int(m.group(5))


# ---- pith ----------------------------------------------------------------------


def run(args, stdin=None):
    p = subprocess.run([PITH] + args, stdin=stdin, capture_output=True, timeout=120)
    return p.returncode, p.stdout.decode(), p.stderr.decode()


def as_file(d, path):
    """pith's title and text for the page at path, given as a file with the
    charset its HTTP header declared (as a WARC record gives it)."""
    body, ctype, _ = SITE[path]
    f = os.path.join(d, "page.html")
    open(f, "wb").write(body)
    args = ["-f", "json", f]
    m = re.search(r"charset=([\w-]+)", ctype)
    if m:
        args[:0] = ["--charset", m.group(1)]
    rc, out, err = run(args)
    doc = json.loads(out)
    return doc.get("title"), doc.get("text")


def check_crawl(name, d, files, port, revisits=False):
    """pith on a crawl's WARC files against their records read here."""
    paths = [os.path.join(d, f) for f in files]
    expected = collections.Counter()
    pages = {}  # record ID -> (file, offset, length, uri, path)
    for f, p in zip(files, paths):
        for off, length, fields, block in records(p):
            reason = expected_reason(fields, block)
            expected[reason] += 1
            if reason == "page":
                uri = fields["warc-target-uri"].strip("<>")
                pages[fields["warc-record-id"]] = (f, off, length, uri)
    check(f"{name}: the crawl holds revisits", not revisits or expected["revisit"] > 5, expected)
    rc, out1, err1 = run(["-f", "json", "-j", "1"] + paths)
    check(f"{name}: exit status 0", rc == 0, err1)
    check(f"{name}: stderr only the summary", len(err1.strip().splitlines()) == 1, err1)
    rc, out2, err2 = run(["-f", "json", "-j", "2"] + paths)
    check(f"{name}: -j 2 gives the lines of -j 1", out1 == out2, (out1[:300], out2[:300]))
    got = summary_counts(err1)
    check(f"{name}: summary", got is not None, err1)
    if got:
        total, counts, failed = got
        check(f"{name}: records read", total == sum(expected.values()), (total, expected))
        check(f"{name}: every record under its reason", counts == expected, (counts, expected))
        check(f"{name}: none failed", failed == 0, err1)
    lines = [json.loads(line) for line in out1.splitlines()]
    seen = set()
    for doc in lines:
        rid = doc.get("warc_record_id")
        check(f"{name}: {doc.get('url')} is an HTML response", rid in pages, doc)
        if rid not in pages:
            continue
        check(f"{name}: {rid} once", rid not in seen)
        seen.add(rid)
        f, off, length, uri = pages[rid]
        check(f"{name}: url is WARC-Target-URI", doc.get("url") == uri, (doc.get("url"), uri))
        check(f"{name}: {uri} status", doc.get("http_status") == 200, doc.get("http_status"))
        check(f"{name}: {uri} file", doc.get("warc_filename") == f, doc.get("warc_filename"))
        check(f"{name}: {uri} offset and length", (doc.get("warc_offset"), doc.get("warc_length"))
              == (off, length), (doc.get("warc_offset"), doc.get("warc_length"), off, length))
        # The record again, cut out of the file where pith says it is.
        with open(os.path.join(d, f), "rb") as fh:
            fh.seek(doc["warc_offset"])
            raw = fh.read(doc["warc_length"])
        if raw[:2] == b"\x1f\x8b":
            raw = gzip.decompress(raw)
        version, fields, _ = parse_record(raw)
        check(f"{name}: {uri} re-read at its offset", version.startswith("WARC/") and
              fields.get("warc-record-id") == rid, raw[:200])
        path = uri.split(str(port), 1)[1]
        title, text = as_file(d, path)
        check(f"{name}: {uri} title as the file's", doc.get("title") == title, (doc.get("title"), title))
        check(f"{name}: {uri} has text", text, doc)
        check(f"{name}: {uri} text as the file's", doc.get("text") == text,
              (len(doc.get("text") or ""), len(text or "")))
    check(f"{name}: every HTML response out", seen == set(pages), set(pages) - seen)
    return lines, expected


def wget(d, port, *args):
    p = subprocess.run(["wget", "-nv", "--recursive", "--level=3", "--page-requisites",
                        "--no-proxy", *args, f"http://127.0.0.1:{port}/"],
                       cwd=d, capture_output=True, timeout=60)
    # 8: the 404, which is part of the site
    check(f"wget {' '.join(args)}", p.returncode in (0, 8), p.stderr.decode()[-600:])


def hand_written(d):
    """WARC/1.1 records as other writers spell their headers."""
    html = page("Hand made", "Words of a page written by hand for the reader.")

    def rec(i, ctype, http, extra=()):
        fields = [("warc-type", "response"), ("warc-record-id", f"<urn:uuid:{i}>"),
                  ("warc-date", "2024-01-01T00:00:00.123456Z"),
                  ("warc-target-uri", f"https://example.org/{i}"), ("content-type", ctype),
                  *extra, ("content-length", str(len(http)))]
        head = "".join(f"{k}: {v}\r\n" for k, v in fields)
        return gzip.compress(f"WARC/1.1\r\n{head}\r\n".encode() + http + b"\r\n\r\n")

    data = (rec(0, "application/http; msgtype=response",
                b"HTTP/1.1 200 OK\r\ncontent-type: text/html; charset=iso-8859-1\r\n\r\n" +
                html.encode("latin-1")) +
            rec(1, 'application/http;  msgtype="response"', b"HTTP/1.1 200 OK\r\n\r\n" +
                html.encode(), [("warc-identified-payload-type", "text/html")]) +
            rec(2, "Application/HTTP; MsgType=Response",
                b"HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\n\r\n" +
                html.encode(), [("WARC-IDENTIFIED-PAYLOAD-TYPE", "application/xhtml+xml")]) +
            rec(3, "application/http; msgtype=response",
                b"HTTP/1.1 200 OK\r\ncontent-type: image/png\r\n\r\n" + PNG,
                [("warc-identified-payload-type", "text/html")]))
    path = os.path.join(d, "hand.warc.gz")
    open(path, "wb").write(data)
    rc, out, err = run(["-f", "json", path])
    docs = [json.loads(line) for line in out.splitlines()]
    check("WARC/1.1 headers: the three pages",
          [doc.get("url") for doc in docs] == [f"https://example.org/{i}" for i in range(3)], out)
    check("WARC/1.1 headers: latin-1 from a lower-case content-type",
          docs and docs[0].get("title") == "Hand made" and "Words" in docs[0].get("text", ""), out)
    check("WARC/1.1 headers: the PNG not tried", "not-html 1" in err, err)


def main():
    global PITH
    PITH = os.path.abspath(sys.argv[1])
    if not shutil.which("wget"):
        print("skipped: wget is not installed (Debian package wget)")
        return 77
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Site)
    port = server.server_address[1]
    threading.Thread(target=server.serve_forever, daemon=True).start()
    with tempfile.TemporaryDirectory() as d:
        gz, plain, again = (os.path.join(d, x) for x in ("gz", "plain", "again"))
        for x in (gz, plain, again):
            os.mkdir(x)
        wget(gz, port, "--warc-file=site", "--warc-cdx", "--warc-header=operator: pith tests")
        wget(plain, port, "--warc-file=site", "--no-warc-compression", "--warc-max-size=20k")
        wget(again, port, "--warc-file=site", "--warc-dedup=" + os.path.join(gz, "site.cdx"))
        server.shutdown()

        lines, expected = check_crawl("gzip per record", gz, ["site.warc.gz"], port)
        # (latin1.html once more after the redirect when wget fetches it again)
        check("the site's 10 pages", len({doc["url"] for doc in lines}) == 10,
              [doc["url"] for doc in lines])
        check("robots.txt, CSS and PNG not-html, 301 and 404 status",
              (expected["not-html"], expected["status"]) == (3, 2), expected)
        cdx = {}
        for row in open(os.path.join(gz, "site.cdx")).read().splitlines()[1:]:
            f = row.split()
            cdx[f[-1]] = (f[-2], int(f[-3]))
        for doc in lines:
            check(f"CDX: {doc['url']} where wget indexed it",
                  cdx.get(doc["warc_record_id"]) == (doc["warc_filename"], doc["warc_offset"]),
                  (cdx.get(doc["warc_record_id"]), doc["warc_offset"]))
        with open(os.path.join(gz, "site.warc.gz"), "rb") as f:
            rc, out, err = run(["-f", "json", "-j", "2", "-"], stdin=f)
        from_stdin = [json.loads(line) for line in out.splitlines()]
        for doc in from_stdin + lines:
            doc.pop("warc_filename")
        check("standard input: the lines of the file", from_stdin == lines, out[:300])

        # --all-types: every payload that is text tried — robots.txt, text
        # without markup, as a page flattened to text; the PNG (binary) and
        # the style sheet (no page) skipped as not-html, not failed.
        rc, out, err = run(["-f", "json", "--all-types", os.path.join(gz, "site.warc.gz")])
        docs = [json.loads(line) for line in out.splitlines()]
        check("--all-types: nothing failed", rc == 0 and not [d for d in docs if "error" in d],
              err)
        check("--all-types: robots.txt a page",
              [d.get("http_status") for d in docs if d.get("url", "").endswith("/robots.txt")]
              == [200], out[-500:])
        n = summary_counts(err)
        check("--all-types: the PNG and the CSS not-html", n and n[1]["not-html"] == 2 and
              n[1]["page"] == len(lines) + 1, err)

        files = sorted(f for f in os.listdir(plain) if f.endswith(".warc"))
        check("--warc-max-size: several files", len(files) >= 3, files)
        check_crawl("uncompressed, --warc-max-size", plain, files, port)
        check_crawl("--warc-dedup", again, ["site.warc.gz"], port, revisits=True)
        hand_written(d)
    print(f"{failures} failure(s)" if failures else "ok")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

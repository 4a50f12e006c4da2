#!/usr/bin/python3
"""Damaged archives followed by floods of member magics: what the search
after damage keeps and what it costs. Each case is an archive of one
member (frame) per record, a member cut short after half of them, then
SIZE bytes of a flood, then the other half; it is built at SIZE and 4 x
SIZE and read by each PITH given, from the file and from a pipe. Printed:
the pages that came out (of the sample's pages), the error lines, the CPU
seconds and the peak RSS. A record that an older build kept and a newer
one loses shows as fewer pages.

    bench/warc_floods.py PITH [PITH...] [--size BYTES] [--sample WARC.GZ]
"""
import argparse
import gzip
import os
import struct
import subprocess
import sys
import tempfile


def records(sample):
    data = gzip.decompress(open(sample, "rb").read())
    parts = data.split(b"\r\n\r\nWARC/1.")
    out = [parts[0] + b"\r\n\r\n"] + [b"WARC/1." + p + b"\r\n\r\n" for p in parts[1:]]
    out[-1] = out[-1][:-4]
    return out


def gz(r):
    return gzip.compress(r, 6, mtime=0)


def zst(r):
    return subprocess.run(["zstd", "-q", "-c", "-3"], input=r, capture_output=True,
                          check=True).stdout


def fill(unit, n):
    return (unit * (n // len(unit) + 1))[:n]


def names_to(unit_len, zero_at):
    """gzip magics every 10 bytes, name and comment flags set, zeros at zero_at."""
    def gen(n):
        blk = bytearray(b"\x1f\x8b\x08\x18AAAAAA" * (unit_len // 10))
        for z in zero_at:
            blk[z] = 0
        return fill(bytes(blk), n)
    return gen


def zstd_block(size, kind):
    """zstd magics, each a frame header and a first block of this size and kind."""
    head = b"\x28\xb5\x2f\xfd\x00\x58" + struct.pack("<I", size << 3 | kind << 1)[:3]
    return lambda n: fill(head + (b"HELLO" if kind == 0 else b"Z" * 7), n)


def huffman_literals(n):
    """zstd magics, each a frame whose first block holds 128 KiB of
    Huffman-coded literals (two symbols of one bit, four streams of 4,200
    bytes: the magics after it) that fail only once decoded, at the
    streams' ends: a probe decodes 128 KiB and takes in no byte."""
    regen, ss = (128 << 10) - 4, 4200
    csize = 2 + 6 + 4 * ss
    lits = (0xE | regen << 4 | csize << 22).to_bytes(5, "little")
    block = ((5 + csize + 1) << 3 | 2 << 1 | 1).to_bytes(3, "little")
    head = b"\x28\xb5\x2f\xfd\x04\x58" + block + lits + b"\x80\x10" + struct.pack("<3H", ss, ss, ss)
    return fill(head, n)


def skippable(n):
    body = b"\x28\xb5\x2f\xfd\x00\x58" * 1000
    return fill(b"\x50\x2a\x4d\x18" + struct.pack("<I", len(body)) + body, n)


CASES = {
    "gzip-names": (gz, ".warc.gz", names_to(3000, [2999])),
    "gzip-name-comment": (gz, ".warc.gz", names_to(4000, [1995, 3990])),
    "gzip-extra-64k": (gz, ".warc.gz", lambda n: fill(b"\x1f\x8b\x08\x04\0\0\0\0\0\x03\xff\xff", n)),
    "gzip-headers": (gz, ".warc.gz", lambda n: fill(b"\x1f\x8b\x08\x00\0\0\0\0\0\x03\0\0", n)),
    "zstd-128k-blocks": (zst, ".warc.zst", zstd_block(128 << 10, 2)),
    "zstd-raw-blocks": (zst, ".warc.zst", zstd_block(5, 0)),
    "zstd-skippable": (zst, ".warc.zst", skippable),
    "zstd-huffman-literals": (zst, ".warc.zst", huffman_literals),
}


def run(pith, path, pipe):
    """pith -f json on the file, or on a pipe (cat) that cannot seek: its
    pages, error lines, CPU seconds and peak RSS in MB."""
    cat = subprocess.Popen(["cat", path], stdout=subprocess.PIPE) if pipe else None
    # The peak RSS from /usr/bin/time: a child of this process would count
    # this process's own at the fork.
    with tempfile.TemporaryFile() as out, tempfile.NamedTemporaryFile("r") as rss:
        proc = subprocess.Popen(["/usr/bin/time", "-f", "%M", "-o", rss.name, pith, "-f", "json",
                                 "-" if pipe else path],
                                stdin=cat.stdout if pipe else subprocess.DEVNULL, stdout=out,
                                stderr=subprocess.DEVNULL)
        if pipe:
            cat.stdout.close()
        _, _, usage = os.wait4(proc.pid, 0)
        if pipe:
            cat.wait()
        out.seek(0)
        lines = out.read().splitlines()
        peak = int(rss.read().split()[-1]) / 1024.0
    pages = sum(b'"error"' not in line for line in lines)
    return pages, len(lines) - pages, usage.ru_utime + usage.ru_stime, peak


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("pith", nargs="+")
    ap.add_argument("--size", type=int, default=2000000, help="flood bytes (2000000)")
    ap.add_argument("--sample", default=os.path.join(os.path.dirname(os.path.abspath(__file__)),
                    "../../shared/data/warc/resiliparse_warcfile.warc.gz"))
    a = ap.parse_args()
    recs = records(a.sample)
    half = len(recs) // 2
    print("%-21s %5s %-5s %-30s %6s %6s %7s %7s" %
          ("case", "size", "input", "pith", "pages", "errors", "CPU s", "RSS MB"))
    with tempfile.TemporaryDirectory(prefix="pith-floods-") as tmp:
        for name, (pack, ext, flood) in CASES.items():
            head = b"".join(pack(r) for r in recs[:half])
            tail = b"".join(pack(r) for r in recs[half:])
            cut = pack(recs[half - 1])[:200]
            for mult in (1, 4):
                path = os.path.join(tmp, name + ext)
                with open(path, "wb") as f:
                    f.write(head + cut + flood(a.size * mult) + tail)
                for pipe in (False, True):
                    for pith in a.pith:
                        pages, errors, cpu, rss = run(pith, path, pipe)
                        print("%-21s %4dx %-5s %-30s %6d %6d %7.2f %7.0f" %
                              (name, mult, "pipe" if pipe else "file", pith[-30:], pages,
                               errors, cpu, rss))
                sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())

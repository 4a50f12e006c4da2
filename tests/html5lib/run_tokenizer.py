#!/usr/bin/python3
"""Runs html5lib-tests' tokenizer tests against pith's tokenizer.

    run_tokenizer.py TOKENIZE_DUMP [--tests DIR] [--known FILE] [-v]

TOKENIZE_DUMP is the tests/html5lib/tokenize_dump program; every test (each
of its initial states) goes through one --batch process. Tokens are compared
as the suite says: adjacent character tokens merged, parse errors not
compared; "doubleEscaped" tests unescaped once more. Prints the pass count
per file and exits 1 when a test fails that tests/html5lib/
tokenizer_known_failures.txt does not list (or one listed there passes).

xmlViolation.test expects the tokens after the standard's "coercing an HTML
DOM into an infoset" rules, which are no part of a tokenizer: for that file
the runner applies them to the tokenizer's output (coerce_infoset) before
comparing, as html5lib's own test harness does.

Standard library only (Debian's /usr/bin/python3).
"""
import argparse
import json
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
STATES = {
    "Data state": "data",
    "PLAINTEXT state": "plaintext",
    "RCDATA state": "rcdata",
    "RAWTEXT state": "rawtext",
    "Script data state": "script",
    "CDATA section state": "cdata",
}
COERCED = {"xmlViolation.test"}


def coerce_infoset(tokens):
    """The standard's "coercing an HTML DOM into an infoset": text and
    attribute values lose form feeds (to spaces) and characters XML does not
    allow (to U+FFFD); comments get a space inside each "--"."""
    def text(s):
        s = s.replace("\f", " ")
        return "".join(c if c in "\t\n\r" or 0x20 <= ord(c) <= 0xD7FF or
                       0xE000 <= ord(c) <= 0xFFFD or ord(c) >= 0x10000 else "\ufffd" for c in s)

    def comment(s):
        while "--" in s:
            s = s.replace("--", "- -")
        return s + " " if s.endswith("-") else s

    out = []
    for tok in tokens:
        if tok[0] == "Character":
            tok = ["Character", text(tok[1])]
        elif tok[0] == "Comment":
            tok = ["Comment", comment(tok[1])]
        elif tok[0] == "StartTag":
            tok = [tok[0], tok[1], {k: text(v) for k, v in tok[2].items()}] + tok[3:]
        out.append(tok)
    return out


def unescape(s):
    """doubleEscaped tests: \\uHHHH once more (may give lone surrogates)."""
    return re.sub(r"\\u([0-9a-fA-F]{4})", lambda m: chr(int(m.group(1), 16)), s)


def unescape_tokens(tokens):
    def fix(x):
        if isinstance(x, str):
            return unescape(x)
        if isinstance(x, list):
            return [fix(y) for y in x]
        if isinstance(x, dict):
            return {fix(k): fix(v) for k, v in x.items()}
        return x
    return fix(tokens)


def normalise(tokens):
    """Merges adjacent character tokens; drops old-style "ParseError"s;
    start tags without the self-closing flag get none."""
    out = []
    for tok in tokens:
        if tok == "ParseError":
            continue
        if tok[0] == "Character" and out and out[-1][0] == "Character":
            out[-1] = ["Character", out[-1][1] + tok[1]]
            continue
        if tok[0] == "StartTag" and len(tok) == 4 and not tok[3]:
            tok = tok[:3]
        out.append(list(tok))
    return out


def load_known(path):
    """Lines "FILE<TAB>DESCRIPTION<TAB>REASON"; '#' starts a comment line."""
    known = {}
    if not os.path.exists(path):
        return known
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            parts = line.split("\t")
            if len(parts) != 3 or not parts[2].strip():
                sys.exit("%s:%d: want FILE<TAB>DESCRIPTION<TAB>REASON" % (path, n))
            known[(parts[0], parts[1])] = parts[2]
    return known


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("dump", help="the tokenize_dump program")
    ap.add_argument("--tests", default=os.path.join(HERE, "..", "html5lib-tests", "tokenizer"))
    ap.add_argument("--known", default=os.path.join(HERE, "tokenizer_known_failures.txt"))
    ap.add_argument("-v", "--verbose", action="store_true", help="show each failure")
    args = ap.parse_args()

    known = load_known(args.known)
    cases = []  # (file, description, state, input bytes, expected)
    files = sorted(f for f in os.listdir(args.tests) if f.endswith(".test"))
    if not files:
        sys.exit("run_tokenizer: no .test files in %s" % args.tests)
    for name in files:
        with open(os.path.join(args.tests, name), encoding="utf-8") as f:
            suite = json.load(f)
        for test in suite.get("tests", suite.get("xmlViolationTests", [])):
            text, expected = test["input"], test["output"]
            if test.get("doubleEscaped"):
                text, expected = unescape(text), unescape_tokens(expected)
            data = text.encode("utf-8", "surrogatepass")
            for state in test.get("initialStates", ["Data state"]):
                cases.append((name, test["description"], STATES[state], data,
                              normalise(expected), test.get("lastStartTag")))

    batch = bytearray()
    for _, _, state, data, _, last in cases:
        batch += b"%s %s %d\n" % (state.encode(), (last or "-").encode(), len(data)) + data
    proc = subprocess.run([args.dump, "--batch"], input=bytes(batch), stdout=subprocess.PIPE)
    if proc.returncode != 0:
        sys.exit("run_tokenizer: %s exited with %d" % (args.dump, proc.returncode))
    results = proc.stdout.decode("utf-8", "surrogatepass").split("#end\n")
    if len(results) != len(cases) + 1:
        sys.exit("run_tokenizer: %d results for %d tests" % (len(results) - 1, len(cases)))

    per_file = {}
    unexpected, fixed = [], set()
    failed_keys = set()
    for case, result in zip(cases, results):
        name, desc, state, data, expected, last = case
        lines = [l for l in result.split("\n") if l]
        got = normalise([json.loads(l) for l in lines if not l.startswith("#")])
        if name in COERCED:
            got = coerce_infoset(got)
        if any(l == "#error" for l in lines):
            got.append("#error (the tokenizer failed)")
        ok = got == expected
        stats = per_file.setdefault(name, [0, 0])
        stats[1] += 1
        stats[0] += ok
        if ok:
            continue
        failed_keys.add((name, desc))
        if (name, desc) not in known:
            unexpected.append((case, got))
    fixed = [k for k in known if k not in failed_keys]

    total = [0, 0]
    for name in files:
        ok, n = per_file.get(name, (0, 0))
        total[0] += ok
        total[1] += n
        print("%-32s %5d / %5d" % (name, ok, n))
    print("%-32s %5d / %5d (%.2f%%); %d known failures listed" %
          ("total", total[0], total[1], 100.0 * total[0] / max(total[1], 1), len(known)))
    for (name, desc, state, data, expected, last), got in unexpected[: None if args.verbose else 10]:
        print("FAIL %s: %s [%s%s]" % (name, desc, state, ", last start tag " + last if last else ""))
        print("  input:    %r" % data.decode("utf-8", "surrogatepass"))
        print("  expected: %s" % json.dumps(expected, ensure_ascii=True))
        print("  got:      %s" % json.dumps(got, ensure_ascii=True))
    if len(unexpected) > 10 and not args.verbose:
        print("... %d more failures (-v shows all)" % (len(unexpected) - 10))
    for name, desc in fixed:
        print("PASSES but listed as a known failure (remove it): %s\t%s" % (name, desc))
    return 1 if unexpected or fixed else 0


if __name__ == "__main__":
    sys.exit(main())

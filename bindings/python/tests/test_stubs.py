"""pith/__init__.pyi says what the module really takes: every function's
parameters (name, kind, default) in the stubs are those of the function
itself, as inspect sees them; and every keyword a stub lists is taken."""

import ast
import inspect
import os
import sys

import pytest

import pith

STUBS = os.path.join(os.path.dirname(os.path.abspath(pith.__file__)), "__init__.pyi")
# Stubs written once as a Protocol for two functions of one shape.
PROTOCOLS = {"extract": "_Extract", "extract_text": "_Extract",
             "parse": "_Parse", "parse_text": "_Parse"}
FUNCTIONS = ["extract", "extract_text", "parse", "parse_text", "dump_dom", "extract_many",
             "read_archive", "trafilatura_extract"]


def stub_functions():
    tree = ast.parse(open(STUBS, encoding="utf-8").read())
    found = {}
    for node in tree.body:
        if isinstance(node, ast.FunctionDef):
            found[node.name] = node
        elif isinstance(node, ast.ClassDef) and node.name.startswith("_"):
            call = [n for n in node.body if isinstance(n, ast.FunctionDef) and n.name == "__call__"]
            if call:  # a function's shape, not another protocol (_BoolScalar)
                found[node.name] = call[0]
    return found


def stub_parameters(fn):
    """(name, kind, default) of a stub's parameters; a protocol's self left out."""
    a = fn.args
    out = []
    positional = a.posonlyargs + a.args
    defaults = [inspect.Parameter.empty] * (len(positional) - len(a.defaults)) + [
        ast.literal_eval(d) for d in a.defaults]
    for i, (arg, default) in enumerate(zip(positional, defaults)):
        if arg.arg == "self":
            continue
        kind = "positional-only" if i < len(a.posonlyargs) else "positional"
        out.append((arg.arg, kind, default))
    if a.vararg:
        out.append((a.vararg.arg, "*args", inspect.Parameter.empty))
    for arg, default in zip(a.kwonlyargs, a.kw_defaults):
        out.append((arg.arg, "keyword", inspect.Parameter.empty if default is None
                    else ast.literal_eval(default)))
    if a.kwarg:
        out.append((a.kwarg.arg, "**kwargs", inspect.Parameter.empty))
    return out


def real_parameters(fn):
    kinds = {inspect.Parameter.POSITIONAL_ONLY: "positional-only",
             inspect.Parameter.POSITIONAL_OR_KEYWORD: "positional",
             inspect.Parameter.VAR_POSITIONAL: "*args",
             inspect.Parameter.KEYWORD_ONLY: "keyword",
             inspect.Parameter.VAR_KEYWORD: "**kwargs"}
    return [(p.name, kinds[p.kind], p.default) for p in inspect.signature(fn).parameters.values()]


@pytest.mark.parametrize("name", FUNCTIONS)
def test_stub_is_the_signature(name):
    stub = stub_parameters(stub_functions()[PROTOCOLS.get(name, name)])
    real = real_parameters(getattr(pith, name))
    # A positional-only page in the stub matches the function's first
    # parameter whatever its name (html, text): given by position.
    assert len(stub) == len(real), (stub, real)
    for (s_name, s_kind, s_default), (r_name, r_kind, r_default) in zip(stub, real):
        if s_kind == "positional-only":
            assert r_kind in ("positional", "positional-only") and s_default == r_default
            continue
        # None in a stub's keyword default is written as None, not left empty.
        assert (s_name, s_kind) == (r_name, r_kind)
        assert s_default == r_default or (s_default is inspect.Parameter.empty and r_default is None), \
            (name, s_name, s_default, r_default)


@pytest.mark.parametrize("name", ["extract", "extract_text", "parse", "parse_text", "dump_dom"])
def test_every_stub_keyword_is_taken(name):
    page = b"<html><body><article><p>A page written for the test, long enough to keep.</p></article></body></html>"
    for s_name, kind, default in stub_parameters(stub_functions()[PROTOCOLS.get(name, name)]):
        if kind == "keyword":
            value = None if default is inspect.Parameter.empty else default
            getattr(pith, name)(page, **{s_name: value})


# What the module takes for a flag, as a type checker reads the stubs: a
# bool, 1 or 0, an array library's boolean scalar (numpy's, or one of the
# same shape); not a str (the module refuses "no").
FLAGS_TYPED = """
import numpy as np
import pith

page = b"<p>A page.</p>"
pith.extract(page, title=np.bool_(False), links=np.True_, images=np.array(True), tables=1)
pith.extract_text("A page.", json_tree=0)
pith.parse(page, metadata=np.bool_(True)).render("markdown", images=np.False_)
pith.read_archive("crawl.warc.gz", all_status=np.bool_(True), all_types=False, site_dedup=None)
pith.read_archive("crawl.warc.gz", site_dedup=np.True_)
"""
FLAG_REFUSED = 'import pith\npith.extract(b"<p>A page.</p>", title="no")\n'


def run_mypy(tmp_path, source):
    api = pytest.importorskip("mypy.api")
    path = tmp_path / "use.py"
    path.write_text(source, encoding="utf-8")
    # The stubs of the module under test, wherever it was built.
    os.environ["MYPYPATH"] = os.path.dirname(os.path.dirname(STUBS))
    try:
        out, err, status = api.run(["--no-incremental", "--strict", "--cache-dir", os.devnull,
                                    "--python-executable", sys.executable, str(path)])
    finally:
        del os.environ["MYPYPATH"]
    return out + err, status


def test_a_type_checker_takes_numpy_bools_for_flags(tmp_path):
    pytest.importorskip("numpy")
    out, status = run_mypy(tmp_path, FLAGS_TYPED)
    assert status == 0, out
    out, status = run_mypy(tmp_path, FLAG_REFUSED)
    assert status == 1 and 'Argument "title"' in out, out

"""pith.dask on a LocalCluster of two worker processes: the records out
equal the CLI's for the same WARC files (written here, and the shared
samples when present), none lost, none twice."""

import json
import os
import subprocess

import pytest

dask = pytest.importorskip("dask", reason="python3-dask is not installed")
distributed = pytest.importorskip("distributed", reason="python3-distributed is not installed")

import pith  # noqa: E402
import pith.dask  # noqa: E402
from conftest import cli_json_records, cli_path, sample_warcs, write_warc  # noqa: E402

# Debian's tornado warns of its own event loop use inside distributed.
pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


@pytest.fixture(scope="module")
def client():
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                       dashboard_address=None, silence_logs=40)
    c = distributed.Client(cluster)
    yield c
    c.close()
    cluster.close()


@pytest.fixture(scope="module")
def archives(tmp_path_factory):
    d = tmp_path_factory.mktemp("warcs")
    paths = []
    for k in range(4):
        p = d / f"crawl-{k}.warc.gz"
        write_warc(p, pages=5 + k, start=10 * k, damaged=(k == 2))
        paths.append(str(p))
    return paths + sample_warcs()


def test_records_are_the_clis(client, archives):
    bag = pith.dask.read_archives(archives)
    assert bag.npartitions == len(archives)
    got = bag.compute()
    want = [r for path in archives for r in cli_json_records(path)]
    assert len(got) == len(want) > 20
    assert got == want
    ids = [r["warc_record_id"] for r in got]
    assert len(set(ids)) == len(ids)  # none twice
    # The work really ran on the two worker processes, not here.
    assert len(client.scheduler_info()["workers"]) == 2


def test_write_jsonl(client, archives, tmp_path):
    bag = pith.dask.read_archives(archives)
    written = pith.dask.write_jsonl(bag, tmp_path / "out")
    files = sorted(os.listdir(tmp_path / "out"))
    assert files == [f"part-{i:05d}.jsonl" for i in range(len(archives))] and len(written) == len(files)
    for path, name in zip(archives, files):
        with open(tmp_path / "out" / name, encoding="utf-8") as f:
            text = f.read()
        # JSON lines: each ends with a newline, so that the parts can be
        # concatenated (cat out/*.jsonl) without gluing two records.
        want = cli_json_records(path)
        assert text.endswith("\n") and text.count("\n") == len(want)
        assert [json.loads(line) for line in text.splitlines()] == want


def test_write_jsonl_empty_partition(client, tmp_path):
    # An archive with no page gives an empty file, not an empty line.
    empty = tmp_path / "empty.warc"
    empty.write_bytes(b"")
    pith.dask.write_jsonl(pith.dask.read_archives([str(empty)]), tmp_path / "out")
    assert (tmp_path / "out" / "part-00000.jsonl").read_bytes() == b""


def test_dataframe(client, archives):
    pandas = pytest.importorskip("pandas", reason="python3-pandas is not installed")
    df = pith.dask.to_dataframe(pith.dask.read_archives(archives)).compute()
    want = [r for path in archives for r in cli_json_records(path)]
    assert len(df) == len(want)
    assert list(df["url"]) == [r.get("url") for r in want]
    assert list(df.columns) == [name for name, _ in pith.FIELDS]
    status = [None if pandas.isna(x) else int(x) for x in df["http_status"]]
    assert status == [r.get("http_status") for r in want] and str(df["http_status"].dtype) == "Int64"


def test_parquet_needs_pyarrow(client, archives, tmp_path):
    bag = pith.dask.read_archives(archives[:1])
    try:
        import pyarrow  # noqa: F401
    except ImportError:
        with pytest.raises(ImportError, match="pyarrow.*pip install pyarrow"):
            pith.dask.write_parquet(bag, tmp_path / "out.parquet")
        return
    pith.dask.write_parquet(bag, tmp_path / "out.parquet")
    import pandas

    assert len(pandas.read_parquet(tmp_path / "out.parquet")) == len(cli_json_records(archives[0]))


def test_bad_arguments():
    with pytest.raises(ValueError):
        pith.dask.read_archives([])
    with pytest.raises(ValueError):
        pith.dask.read_archives(["a.warc.gz"], language="english")
    with pytest.raises(ValueError):
        pith.dask.read_archives(["a.warc.gz"], errors="return")
    # Bad flags fail the call, not every task on the workers.
    with pytest.raises(TypeError, match="^all_status must be True or False, not str"):
        pith.dask.read_archives(["a.warc.gz"], all_status="no")
    with pytest.raises(TypeError, match="^site_dedup must be True or False, not NoneType"):
        pith.dask.extract_archives(["a.warc.gz"], "out", site_dedup=None)
    with pytest.raises(TypeError, match="^overwrite must be True or False, not str"):
        pith.dask.extract_archives(["a.warc.gz"], "out", overwrite="no")
    with pytest.raises(ValueError, match="errors must be 'skip' or 'raise'"):
        pith.dask.extract_archives(["a.warc.gz"], "out", errors="ignore")


def test_write_jsonl_refuses_earlier_parts(client, archives, tmp_path):
    # A rerun into the same directory is refused, not silently overwritten;
    # with overwrite=True an earlier run's extra parts are gone too.
    out = tmp_path / "out"
    pith.dask.write_jsonl(pith.dask.read_archives(archives[:3]), out)
    before = {name: (out / name).read_bytes() for name in os.listdir(out)}
    with pytest.raises(FileExistsError, match="part-00000.jsonl.*overwrite=True"):
        pith.dask.write_jsonl(pith.dask.read_archives(archives[:1]), out)
    assert {name: (out / name).read_bytes() for name in os.listdir(out)} == before
    pith.dask.write_jsonl(pith.dask.read_archives(archives[3:4]), out, overwrite=True)
    assert os.listdir(out) == ["part-00000.jsonl"]
    assert (out / "part-00000.jsonl").read_text().count("\n") == len(cli_json_records(archives[3]))


def test_extract_archives_accounts_for_every_record(client, archives, tmp_path):
    # A file that is no archive among good ones: its failure is named in
    # its row, it leaves no output, and every other file's output is whole.
    bad = tmp_path / "page.warc.gz"
    bad.write_bytes(b"<html><body><p>a page, not an archive</p></body></html>")
    paths = archives[:2] + [str(bad)] + archives[2:4]
    out = tmp_path / "out"
    rows = pith.dask.extract_archives(paths, out)
    assert [r["source"] for r in rows] == paths
    failed = rows[2]
    assert failed["output"] is None and "not a WARC or WET file" in failed["error"]
    assert not (out / "page.warc.jsonl").exists()
    for path, row in zip(paths, rows):
        assert row["records"] == row["pages"] + row["skipped"] + row["errors"] + row["failed"]
        if row is failed:
            continue
        assert row["error"] is None and row["output"] == str(out / (os.path.basename(path)[:-3] + ".jsonl"))
        with open(row["output"], encoding="utf-8") as f:
            got = [json.loads(line) for line in f]
        assert got == cli_json_records(path) and len(got) == row["pages"]
        # Byte for byte the CLI's lines (its "error" lines aside): a crawl
        # run either way gives the same files.
        cli = subprocess.run([cli_path(), "-q", "-f", "json", "--comments", path],
                             capture_output=True, check=False).stdout
        with open(row["output"], "rb") as f:
            assert f.read() == b"".join(line for line in cli.splitlines(keepends=True)
                                        if b'"error":' not in line)
    # The outputs, and beside each its counts (for resume).
    names = [os.path.basename(r["output"])[:-len(".jsonl")] for r in rows if r["output"]]
    assert sorted(os.listdir(out)) == sorted(n + ext for n in names
                                             for ext in (".jsonl", ".counts.json"))
    # The damaged archive (crawl-2) lost only its damaged record, which its
    # row names (as the CLI's --errors file does), in its counts file too.
    assert rows[3]["errors"] >= 1 and rows[3]["pages"] == 7
    lost = rows[3]["failures"]
    assert len(lost) == rows[3]["errors"] + rows[3]["failed"]
    assert all(isinstance(x["warc_offset"], int) and x["error"] for x in lost)
    cli_errors = subprocess.run([cli_path(), "-q", "-f", "json", paths[3]], capture_output=True,
                                check=False).stdout.decode("utf-8").splitlines()
    assert [x["warc_offset"] for x in lost] == [
        json.loads(line)["warc_offset"] for line in cli_errors if '"error":' in line]
    with open(out / "crawl-2.warc.counts.json", encoding="utf-8") as f:
        assert json.load(f)["failures"] == lost
    assert [r["failures"] for r in rows[:2] + rows[4:]] == [[], [], []]
    # A rerun does not overwrite the outputs in silence.
    with pytest.raises(FileExistsError, match="overwrite=True"):
        pith.dask.extract_archives(paths, out)
    assert pith.dask.extract_archives(paths[:1], out, overwrite=True)[0]["error"] is None


def test_extract_archives_language(client, archives, tmp_path):
    # Pages the language option leaves out: no line, counted as skipped,
    # as the CLI's summary counts them.
    rows = pith.dask.extract_archives(archives[:1], tmp_path / "out", language="de")
    assert rows[0]["pages"] == 0 and rows[0]["skipped:language"] == 5
    assert (tmp_path / "out" / "crawl-0.warc.jsonl").read_bytes() == b""
    assert pith.dask.read_archives(archives[:1], language="de").compute() == []


def test_extract_archives_refuses_one_name_for_two(tmp_path):
    with pytest.raises(ValueError, match="would both be written"):
        pith.dask.extract_archives(["a/x.warc.gz", "b/x.warc.gz"], tmp_path)
    assert os.listdir(tmp_path) == []


def test_extract_archives_resume(client, archives, tmp_path):
    # A run that died part-way, taken up again: the files done are not read
    # again (their inputs are gone here), their rows come from their counts,
    # and the rest is done; the rows add up as one whole run's.
    inputs = []
    for path in archives[:4]:
        copy = tmp_path / os.path.basename(path)
        copy.write_bytes(open(path, "rb").read())
        inputs.append(str(copy))
    bad = tmp_path / "page.warc.gz"
    bad.write_bytes(b"<html><body><p>a page, not an archive</p></body></html>")
    inputs.append(str(bad))
    out = tmp_path / "out"
    first = pith.dask.extract_archives(inputs, out)
    assert [r["resumed"] for r in first] == [False] * 5
    counts = sorted(name for name in os.listdir(out) if name.endswith(".counts.json"))
    assert counts == [f"crawl-{k}.warc.counts.json" for k in range(4)]  # none for the failure
    whole = {name: (out / name).read_bytes() for name in os.listdir(out)}

    # What a dead run leaves: crawl-1 never put in place (its counts are),
    # crawl-3's output cut short (not the size its counts say), crawl-2's
    # counts lost; crawl-0 done, and its input gone since.
    os.remove(out / "crawl-1.warc.jsonl")
    (out / "crawl-3.warc.jsonl").write_bytes(whole["crawl-3.warc.jsonl"][:50])
    os.remove(out / "crawl-2.warc.counts.json")
    os.remove(inputs[0])
    with pytest.raises(FileExistsError, match="resume=True or overwrite=True"):
        pith.dask.extract_archives(inputs, out)
    with pytest.raises(ValueError, match="give one of them"):
        pith.dask.extract_archives(inputs, out, resume=True, overwrite=True)
    with pytest.raises(TypeError, match="resume must be True or False"):
        pith.dask.extract_archives(inputs, out, resume="yes")

    again = pith.dask.extract_archives(inputs, out, resume=True)
    assert [r["resumed"] for r in again] == [True, False, False, False, False]
    assert again[0] == dict(first[0], resumed=True)
    assert [dict(r, resumed=False) for r in again[1:4]] == first[1:4]
    assert again[4]["output"] is None and "not a WARC or WET file" in again[4]["error"]
    assert {name: (out / name).read_bytes() for name in os.listdir(out)} == whole
    for key in ("records", "pages", "skipped", "errors", "failed"):
        assert sum(r[key] for r in again) == sum(r[key] for r in first)
    # Everything done: nothing is read, every row resumed but the failure.
    os.remove(inputs[1])
    third = pith.dask.extract_archives(inputs[:4], out, resume=True)
    assert third == [dict(r, resumed=True) for r in first[:4]]


def test_extract_archives_overwrite_removes_counts(client, archives, tmp_path):
    out = tmp_path / "out"
    pith.dask.extract_archives(archives[:2], out)
    pith.dask.extract_archives(archives[:1], out, overwrite=True, language="de")
    # crawl-1's output is not one of this run's: kept, with its counts.
    assert sorted(os.listdir(out)) == ["crawl-0.warc.counts.json", "crawl-0.warc.jsonl",
                                       "crawl-1.warc.counts.json", "crawl-1.warc.jsonl"]
    row = pith.dask.extract_archives(archives[:1], out, resume=True, language="de")[0]
    assert row["resumed"] and row["skipped:language"] == 5 and row["pages"] == 0


def test_extract_archives_resume_redoes_other_options_and_sources(client, archives, tmp_path):
    # An output done with other options, or from another file of the same
    # name, is no output of this run: done again, not taken as done.
    out = tmp_path / "out"
    german = pith.dask.extract_archives(archives[:1], out, language="de")[0]
    assert german["pages"] == 0
    row = pith.dask.extract_archives(archives[:1], out, resume=True)[0]
    assert not row["resumed"] and row["pages"] == 5 and "skipped:language" not in row
    assert len((out / "crawl-0.warc.jsonl").read_text(encoding="utf-8").splitlines()) == 5
    assert pith.dask.extract_archives(archives[:1], out, resume=True)[0]["resumed"]
    other = tmp_path / "elsewhere"
    other.mkdir()
    moved = other / os.path.basename(archives[0])
    moved.write_bytes(open(archives[0], "rb").read())
    row = pith.dask.extract_archives([str(moved)], out, resume=True)[0]
    assert not row["resumed"] and row["source"] == str(moved) and row["pages"] == 5

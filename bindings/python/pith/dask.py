"""pith on a Dask cluster: WARC and WET files to records, in parallel.

    import pith.dask
    from dask.distributed import Client

    client = Client("scheduler:8786")          # or LocalCluster() for one machine
    bag = pith.dask.read_archives(paths)       # a Dask bag of dicts, a partition per file
    pith.dask.write_jsonl(bag, "out/")         # out/part-00000.jsonl, one per partition
    summary = pith.dask.extract_archives(paths, "out/")  # out/NAME.warc.jsonl per file, counted
    summary = pith.dask.extract_archives(paths, "out/", resume=True)  # after a failed run
    df = pith.dask.to_dataframe(bag)           # with pandas
    pith.dask.write_parquet(bag, "out.parquet")  # with pyarrow

Each record is an Article's to_dict(): the json format's fields (with
comments), provenance included. Every worker needs the pith module (the
same version) and read access to the paths: a shared file system, or any
URL fsspec opens ("s3://...", "https://..." with the matching fsspec
backend installed on the workers). Needs dask[bag] and distributed
(Debian: python3-dask, python3-distributed); pandas for dataframes, pyarrow
for Parquet.
"""

import collections
import json
import os

import dask
import dask.bag

import pith

__all__ = ["extract_archives", "read_archives", "to_dataframe", "write_jsonl", "write_parquet"]


def read_archives(paths, *, errors="skip", all_status=False, all_types=False,
                  max_record_bytes=16 << 20, site_dedup=True, **options):
    """A Dask bag of the pages of WARC or WET files, one partition per file,
    in the files' order and each file's record order.

    paths: local paths or fsspec URLs. The other arguments are
    pith.read_archive's (errors="skip" drops damaged records and unreadable
    pages; "raise" fails the partition; site_dedup reads each WET file twice
    to find its boilerplate lines, as the CLI). A file that cannot be read
    or is no archive at all fails its partition, and so the computation,
    whatever errors says: extract_archives names such a file and goes on
    with the others. Nothing is read until the bag
    is computed. A partition holds its file's records in memory (a bag's
    way: some 20 KB a page, 0.9 GB for a Common Crawl file of 40,000
    pages); extract_archives streams them to files instead.
    """
    paths = _paths(paths)
    settings = _settings(errors, all_status, all_types, max_record_bytes, site_dedup, options)
    return dask.bag.from_sequence(paths, npartitions=len(paths)).map_partitions(
        _read_partition, settings)


def _paths(paths):
    """paths as a list of str (one path alone: a list of it); none refused."""
    paths = [os.fspath(p) for p in ([paths] if isinstance(paths, (str, os.PathLike)) else paths)]
    if not paths:
        raise ValueError("no archives to read")
    return paths


def _settings(errors, all_status, all_types, max_record_bytes, site_dedup, options):
    """read_archive's arguments for the workers, checked here: a bad one
    fails the call, not every task on the workers."""
    if errors == "return":
        raise ValueError("errors='return' puts exceptions among the records: use 'skip' or 'raise'")
    if errors not in ("skip", "raise"):
        raise ValueError(f"errors must be 'skip' or 'raise', not {errors!r}")
    if not isinstance(max_record_bytes, int) or isinstance(max_record_bytes, bool) \
            or max_record_bytes < 0:
        raise ValueError(f"max_record_bytes must be an int, 0 or more, not {max_record_bytes!r}")
    pith.parse(b"<p>x</p>", **options)
    # One thread a task: the cluster's worker threads run a file each.
    return dict(jobs=1, errors=errors, max_record_bytes=max_record_bytes,
                all_status=pith._pith.check_bool(all_status, "all_status"),
                all_types=pith._pith.check_bool(all_types, "all_types"),
                site_dedup=pith._pith.check_bool(site_dedup, "site_dedup"), **options)


def _read_partition(paths, settings):
    """The records of a partition's files (run on a worker)."""
    out = []
    for path in paths:
        if "://" in path:
            import fsspec

            with fsspec.open(path, "rb") as f:
                out += [a.to_dict() for a in pith.read_archive(f, **settings)]
        else:
            out += [a.to_dict() for a in pith.read_archive(path, **settings)]
    return out


def write_jsonl(bag, directory, *, overwrite=False, compute=True):
    """Writes the bag as JSON lines, one file per partition:
    directory/part-00000.jsonl, ..., each record a line ending with a
    newline (a partition without records: an empty file; from
    read_archives, part i holds paths[i]). Each part is written beside its
    name and put in place when whole. A directory already holding parts
    (an earlier run's) is refused with FileExistsError before anything is
    read, unless overwrite=True (then the earlier parts are all removed
    first, so that none of them mixes in). Returns the paths written
    (compute=False: the delayed writes)."""
    directory = os.fspath(directory)
    overwrite = pith._pith.check_bool(overwrite, "overwrite")
    os.makedirs(directory, exist_ok=True)
    _refuse_earlier_outputs(directory, sorted(
        name for name in os.listdir(directory)
        if name.startswith("part-") and name.endswith(".jsonl")), overwrite)
    writes = [dask.delayed(_write_jsonl_part)(part, os.path.join(directory, f"part-{i:05d}.jsonl"))
              for i, part in enumerate(bag.to_delayed())]
    return list(dask.compute(*writes)) if compute else writes


def _refuse_earlier_outputs(directory, names, overwrite, way_on="overwrite=True"):
    """An earlier run's outputs are not overwritten in silence: refused,
    or with overwrite all removed."""
    if names and not overwrite:
        shown = ", ".join(names[:3]) + (f" and {len(names) - 3} more" if len(names) > 3 else "")
        raise FileExistsError(f"{directory} already holds outputs ({shown}): give another "
                              f"directory, remove them, or pass {way_on}")
    for name in names:
        os.remove(os.path.join(directory, name))


def _write_jsonl_part(records, path):
    """One partition's records to path (run on a worker)."""
    with _Output(path) as f:
        for r in records:
            f.write(json.dumps(r, ensure_ascii=False))
            f.write("\n")
    return path


class _Output:
    """A file written beside its name and put in place when closed without
    an error (removed after one): never a half-written output."""

    def __init__(self, path):
        self.path = path
        self.temporary = os.path.join(os.path.dirname(path), "." + os.path.basename(path) + ".tmp")

    def __enter__(self):
        self.file = open(self.temporary, "w", encoding="utf-8")
        return self.file

    def __exit__(self, kind, value, traceback):
        self.file.close()
        if kind is None:
            os.replace(self.temporary, self.path)
        else:
            os.remove(self.temporary)


def extract_archives(paths, directory, *, overwrite=False, resume=False, errors="skip",
                     all_status=False, all_types=False, max_record_bytes=16 << 20,
                     site_dedup=True, **options):
    """A crawl's run on the cluster, every record accounted for: each
    archive in paths becomes directory/NAME.jsonl (NAME: its file name
    without ".gz", as `pith -d` names it: crawl.warc.gz gives
    crawl.warc.jsonl), a JSON line per page (Article.to_dict(), in the
    bytes `pith -f json --comments` writes for it), written
    on a worker and put in place when whole; a task per file, records
    streamed to the file (a file's pages are never all in memory).

    Returns a list, in the order of paths, of a dict per file: "source",
    "output" (None when the file failed), read_archive's counts
    ("records" = "pages" + "skipped" + "errors" + "failed", and
    "skipped:REASON"), "error": why the file could not be read (not an
    archive, unreadable, a damaged record with errors="raise"), else None,
    "resumed": True when an earlier run had done the file (resume), and
    "failures": the damaged records and pages pith could not read, each
    {"warc_offset", "warc_record_id", "url", "error"} (the first 100; the
    counts' "errors" and "failed" count them all), as the CLI's --errors
    file names them. A file that fails leaves no output and the others go
    on.

    Beside each output, when it is put in place, its counts are written to
    directory/NAME.counts.json (with its path, the options and the
    output's size).

    resume=True: a run that died part-way (or had files fail) is taken up
    again. A file whose output and counts are both in directory, the
    output of the size its counts say, read from the same path with the
    same options, is not read again: its row is its counts' (resumed);
    every other file is extracted (an output without its counts, or done
    from another path or with other options, is removed and written
    again).

    directory is a path every worker writes to (a shared file system;
    absolute, unless the workers share this process's working directory).

    Refused before anything is read (ValueError, FileExistsError): two
    inputs with one output name, or outputs already in directory (an
    earlier run) unless resume=True or overwrite=True (which removes them
    and their counts first). The other arguments are read_archive's."""
    paths = _paths(paths)
    settings = _settings(errors, all_status, all_types, max_record_bytes, site_dedup, options)
    overwrite = pith._pith.check_bool(overwrite, "overwrite")
    resume = pith._pith.check_bool(resume, "resume")
    if overwrite and resume:
        raise ValueError("overwrite=True removes the outputs that resume=True would keep: "
                         "give one of them")
    directory = os.fspath(directory)
    outputs = [os.path.join(directory, _output_name(p)) for p in paths]
    seen = {}
    for path, out in zip(paths, outputs):
        if out in seen:
            raise ValueError(f"{seen[out]} and {path} would both be written to {out}")
        seen[out] = path
    os.makedirs(directory, exist_ok=True)
    rows = [_done_row(p, o, settings) if resume else None for p, o in zip(paths, outputs)]
    if not resume:
        earlier = [o for o in outputs if os.path.exists(o)]
        _refuse_earlier_outputs(directory, sorted(os.path.basename(o) for o in earlier),
                                overwrite, "resume=True or overwrite=True")
        for o in earlier:  # overwrite: their counts go with them
            _remove(_counts_name(o))
    todo = [i for i, row in enumerate(rows) if row is None]
    if resume:  # an output not known whole is no output: a file that fails now leaves none
        for i in todo:
            _remove(outputs[i])
    tasks = [dask.delayed(_extract_archive, pure=False)(paths[i], outputs[i], settings)
             for i in todo]
    for i, row in zip(todo, dask.compute(*tasks)):
        rows[i] = row
    return rows


def _output_name(path):
    name = path.rstrip("/").rsplit("/", 1)[-1]
    return (name[:-3] if name.endswith(".gz") else name) + ".jsonl"


def _counts_name(output):
    """The counts beside an output: NAME.jsonl's are NAME.counts.json (never
    another input's output name: those all end in .jsonl)."""
    return output[:-len(".jsonl")] + ".counts.json"


def _remove(path):
    try:
        os.remove(path)
    except FileNotFoundError:
        pass


def _settings_saved(settings):
    """settings as a counts file holds them (JSON's types)."""
    return json.loads(json.dumps(settings, default=repr))


def _done_row(path, output, settings):
    """An earlier run's row for this file when it was done (its output
    whole, of the size its counts say) from path with these settings, else
    None: an output written with other options, or from another file of
    the same name, is no output of this run."""
    try:
        with open(_counts_name(output), encoding="utf-8") as f:
            saved = json.load(f)
        size = os.path.getsize(output)
    except (OSError, ValueError):
        return None
    if not isinstance(saved, dict) or saved.get("bytes") != size \
            or not isinstance(saved.get("counts"), dict) or saved.get("source") != path \
            or saved.get("settings") != _settings_saved(settings):
        return None
    return dict(source=path, output=output, error=None, resumed=True,
                failures=saved.get("failures", []), **saved["counts"])


# The damaged records (and failed pages) a file's row names, at most.
_FAILURES_KEPT = 100


def _extract_archive(path, output, settings):
    """One archive to its JSON lines file and its counts beside it, and the
    counts (run on a worker): a failure is said in the counts, not raised,
    so that the other files' tasks go on."""
    counts = collections.Counter()
    failures = []
    row = {"source": path, "output": output, "error": None, "resumed": False,
           "failures": failures}
    # errors="skip" counts a damaged record; reading with "return" names it too.
    reading = dict(settings, errors="return") if settings["errors"] == "skip" else settings
    try:
        with _Output(output) as f:
            if "://" in path:
                import fsspec

                with fsspec.open(path, "rb") as src:
                    _write_records(pith.read_archive(src, **reading), f, counts, failures)
            else:
                _write_records(pith.read_archive(path, **reading), f, counts, failures)
            _fill_counts(counts)
            # The counts are in place before the output is: an output
            # without them is done again on resume, never taken as done.
            f.flush()
            with _Output(_counts_name(output)) as c:
                json.dump({"source": path, "bytes": os.fstat(f.fileno()).st_size,
                           "settings": _settings_saved(settings), "counts": counts,
                           "failures": failures}, c, ensure_ascii=False)
    except (pith.Error, OSError, ValueError) as e:
        row["output"] = None
        row["error"] = str(e)
        _fill_counts(counts)
    row.update(counts)
    return row


def _fill_counts(counts):
    for key in ("records", "pages", "skipped", "errors", "failed"):
        counts.setdefault(key, 0)


def _write_records(reader, f, counts, failures):
    with reader:
        try:
            first_error = None
            for article in reader:
                if isinstance(article, Exception):  # errors="return": named, not written
                    first_error = first_error or article
                    if len(failures) < _FAILURES_KEPT:
                        failures.append({"warc_offset": article.warc_offset,
                                         "warc_record_id": article.warc_record_id,
                                         "url": article.url, "error": str(article)})
                    continue
                # The CLI's line (pith -f json --comments), byte for byte:
                # the same record as to_dict(), rendered by libpith.
                f.write(article.render("json", comments=True))
            pith._refuse_no_archive(reader._name, reader.counts, first_error)  # as "skip" does
        finally:
            counts.update(reader.counts)


def to_dataframe(bag):
    """The bag as a Dask dataframe (needs pandas): a column per field of
    pith.FIELDS in their order, a partition per partition of the bag;
    integers as Int64, lists and images as Python objects, absent fields
    None (NaN, <NA>)."""
    try:
        import pandas
    except ImportError as e:
        raise ImportError("pith.dask.to_dataframe needs pandas (Debian: python3-pandas)") from e
    import dask.dataframe

    meta = pandas.DataFrame({name: pandas.Series(dtype=_dtype(kind))
                             for name, kind in pith.FIELDS})
    parts = [dask.delayed(_frame)(part, meta) for part in bag.to_delayed()]
    return dask.dataframe.from_delayed(parts, meta=meta, verify_meta=False)


def _dtype(kind):
    return {"int": "Int64", "float": "float64", "bool": "boolean"}.get(kind, "object")


def _frame(records, meta):
    """One partition's records as a pandas DataFrame shaped like meta."""
    import pandas

    columns = list(meta.columns)
    frame = pandas.DataFrame.from_records([[r.get(c) for c in columns] for r in records],
                                          columns=columns)
    return frame.astype(meta.dtypes.to_dict())


def write_parquet(bag, path, **kwargs):
    """Writes the bag as Parquet (needs pandas and pyarrow): a file per
    partition under path. kwargs go to dask.dataframe.to_parquet."""
    try:
        import pyarrow  # noqa: F401
    except ImportError as e:
        raise ImportError("pith.dask.write_parquet needs pyarrow, which Debian 12 does not "
                          "package: pip install pyarrow (in a virtual environment made with "
                          "--system-site-packages), or write_jsonl") from e
    return to_dataframe(bag).to_parquet(path, engine="pyarrow", **kwargs)

"""pith on a Dask cluster: WARC and WET files to records, in parallel.

    import pith.dask
    from dask.distributed import Client

    client = Client("scheduler:8786")          # or LocalCluster() for one machine
    bag = pith.dask.read_archives(paths)       # a Dask bag of dicts, a partition per file
    pith.dask.write_jsonl(bag, "out/")         # out/part-00000.jsonl, one per partition
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

import json
import os

import dask
import dask.bag

import pith

__all__ = ["read_archives", "to_dataframe", "write_jsonl", "write_parquet"]


def read_archives(paths, *, errors="skip", all_status=False, all_types=False,
                  max_record_bytes=16 << 20, site_dedup=True, **options):
    """A Dask bag of the pages of WARC or WET files, one partition per file,
    in the files' order and each file's record order.

    paths: local paths or fsspec URLs. The other arguments are
    pith.read_archive's (errors="skip" drops damaged records and unreadable
    pages; "raise" fails the partition; site_dedup reads each file twice to
    find WET boilerplate lines, as the CLI). Nothing is read until the bag
    is computed.
    """
    paths = [os.fspath(p) for p in ([paths] if isinstance(paths, (str, os.PathLike)) else paths)]
    if not paths:
        raise ValueError("no archives to read")
    if errors == "return":
        raise ValueError("errors='return' puts exceptions among the records: use 'skip' or 'raise'")
    settings = dict(errors=errors, all_status=all_status, all_types=all_types,
                    max_record_bytes=max_record_bytes, site_dedup=site_dedup, **options)
    pith.parse(b"<p>x</p>", **options)  # bad options fail here, not on the workers
    return dask.bag.from_sequence(paths, npartitions=len(paths)).map_partitions(
        _read_partition, settings)


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


def write_jsonl(bag, directory, *, compute=True):
    """Writes the bag as JSON lines, one file per partition:
    directory/part-00000.jsonl, ..., each record a line ending with a
    newline (a partition without records: an empty file). Returns the paths
    written (compute=False: the delayed writes)."""
    directory = os.fspath(directory)
    os.makedirs(directory, exist_ok=True)
    writes = [dask.delayed(_write_jsonl_part)(part, os.path.join(directory, f"part-{i:05d}.jsonl"))
              for i, part in enumerate(bag.to_delayed())]
    return list(dask.compute(*writes)) if compute else writes


def _write_jsonl_part(records, path):
    """One partition's records to path (run on a worker)."""
    with open(path, "w", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(r, ensure_ascii=False))
            f.write("\n")
    return path


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
        raise ImportError("pith.dask.write_parquet needs pyarrow") from e
    return to_dataframe(bag).to_parquet(path, engine="pyarrow", **kwargs)

"""The per-document pipeline, run in one process, on all cores, or on a Dask cluster.

:func:`process_document` normalises and segments a document once and runs both
extractors on it. :func:`iter_results` streams a corpus through it in bounded memory
(``jobs`` worker processes, results in corpus order, identical for any ``jobs``).
:func:`run_dask` maps the same function over Dask bag partitions, so a corpus can run on
an existing cluster (``Client("tcp://scheduler:8786")``). :func:`export` writes the
tables as CSV and Parquet, atomically.
"""
from __future__ import annotations

import csv
import glob
import os
import sys
import time
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Iterable, Iterator

import pandas as pd

from .atomic import commit_temporary, discard_temporary, new_temporary, write_table_atomic
from .attribution import (ATTRIBUTION_COLUMNS, DEFAULT_HOME_COUNTRY, Gazetteer, attribution_records,
                          check_home_country, load_gazetteer)
from .codebook import Codebook, load_codebook
from .corpus import DOCUMENT_COLUMNS, CorpusReport, Document, _text_key, document_row, iter_documents, segment
from .errors import CorpusError
from .markers import MARKER_COLUMNS, marker_records
from .normalize import normalize

__all__ = ["Analyzer", "DocResult", "process_document", "iter_results", "run", "run_dask",
           "export", "check_output", "write_table_atomic", "TABLES"]

TABLES = {"documents": DOCUMENT_COLUMNS, "markers": MARKER_COLUMNS, "attributions": ATTRIBUTION_COLUMNS}
_DTYPES = {
    "documents": {"n_words": "int64", "n_paragraphs": "int64", "n_sentences": "int64",
                  "n_pullquotes": "int64", "n_chrome_lines": "int64", "n_subheads": "int64"},
    "markers": {"start": "int64", "end": "int64", "sentence_id": "int64", "in_pullquote": "bool",
                "in_chrome": "bool"},
    "attributions": {"cue_start": "int64", "cue_end": "int64", "start": "int64", "end": "int64",
                     "sentence_id": "int64"},
}


@dataclass
class DocResult:
    document: dict
    markers: list[dict]
    attributions: list[dict]
    text_key: str = ""  # set where duplicates are found after the map (Dask)


@dataclass
class Analyzer:
    """Picklable holder of the codebook and gazetteer paths; loads them once per process."""

    codebook_path: str | None = None
    gazetteer_path: str | None = None
    home_country: str = DEFAULT_HOME_COUNTRY  # officials of this country are home_official
    _codebook: Codebook | None = field(default=None, repr=False, compare=False)
    _gazetteer: Gazetteer | None = field(default=None, repr=False, compare=False)

    def __getstate__(self):
        return {"codebook_path": self.codebook_path, "gazetteer_path": self.gazetteer_path,
                "home_country": self.home_country, "_codebook": None, "_gazetteer": None}

    def __post_init__(self):
        self.home_country = check_home_country(self.home_country)

    @property
    def codebook(self) -> Codebook:
        if self._codebook is None:
            self._codebook = load_codebook(self.codebook_path)
        return self._codebook

    @property
    def gazetteer(self) -> Gazetteer:
        if self._gazetteer is None:
            self._gazetteer = load_gazetteer(self.gazetteer_path)
        return self._gazetteer

    def __call__(self, doc: Document) -> DocResult:
        return process_document(doc, self.codebook, self.gazetteer, home_country=self.home_country)

    def batch(self, docs: list[Document]) -> list[DocResult]:
        return [self(d) for d in docs]


def process_document(doc: Document, codebook: Codebook, gazetteer: Gazetteer, *,
                     home_country: str = DEFAULT_HOME_COUNTRY) -> DocResult:
    """Both analyses of one document, sharing one normalisation and one segmentation."""
    nt = normalize(doc.text)
    structure = segment(doc, nt)
    return DocResult(document_row(doc, structure),
                     marker_records(doc, codebook, structure=structure, normalized=nt),
                     attribution_records(doc, gazetteer, structure=structure, normalized=nt,
                                         home_country=home_country))


def _batched(it: Iterable, n: int) -> Iterator[list]:
    it = iter(it)
    while batch := list(islice(it, n)):
        yield batch


_WORKER: Analyzer | None = None


def _init_worker(analyzer: Analyzer) -> None:
    global _WORKER
    _WORKER = analyzer
    # Load once per worker, before the first batch.
    _WORKER.codebook, _WORKER.gazetteer


def _run_batch(docs: list[Document]) -> list[DocResult]:
    assert _WORKER is not None
    return _WORKER.batch(docs)


def iter_results(docs: Iterable[Document], analyzer: Analyzer | None = None, *, jobs: int = 1,
                 batch_size: int = 32) -> Iterator[DocResult]:
    """Results of every document, in input order, computed on ``jobs`` processes.

    Memory is bounded: at most a few batches per worker are in flight.
    """
    analyzer = analyzer or Analyzer()
    if jobs < 1:
        raise ValueError(f"jobs must be at least 1, not {jobs}")
    if jobs == 1:
        for doc in docs:
            yield analyzer(doc)
        return
    import multiprocessing as mp

    ctx = mp.get_context("fork" if sys.platform.startswith("linux") else "spawn")
    # The corpus is read in the pool's feeding thread. An error while reading (a bad line
    # in the file) is kept here and raised in this process once the documents before it
    # are done, as with one job; left to the pool, it would be sent to a worker instead.
    read_error: list[BaseException] = []

    def batches() -> Iterator[list[Document]]:
        try:
            yield from _batched(docs, batch_size)
        except Exception as exc:
            read_error.append(exc)

    with ctx.Pool(jobs, initializer=_init_worker, initargs=(analyzer,)) as pool:
        # imap keeps input order; its look-ahead is bounded by the batches we feed it.
        for batch in pool.imap(_run_batch, batches(), chunksize=1):
            yield from batch
    if read_error:
        raise read_error[0]


def _frames(results: Iterable[DocResult]) -> dict[str, pd.DataFrame]:
    docs, markers, acts = [], [], []
    for r in results:
        docs.append(r.document)
        markers.extend(r.markers)
        acts.extend(r.attributions)
    out = {}
    for name, rows in (("documents", docs), ("markers", markers), ("attributions", acts)):
        out[name] = pd.DataFrame(rows, columns=list(TABLES[name])).astype(_DTYPES[name])
    return out


def run(corpus: str | Path, *, jobs: int = 1, analyzer: Analyzer | None = None,
        columns: dict[str, str] | None = None, report: CorpusReport | None = None,
        **read_options) -> dict[str, pd.DataFrame]:
    """Analyse a corpus in this process (or ``jobs`` processes); returns the three tables."""
    docs = iter_documents(corpus, columns=columns, report=report, **read_options)
    return _frames(iter_results(docs, analyzer, jobs=jobs))


# --------------------------------------------------------------------------- Dask

def _dask_partition(docs: list[Document], analyzer: Analyzer) -> list[DocResult]:
    return analyzer.batch(list(docs))


def _dask_file_partition(path: str, analyzer: Analyzer, columns, options) -> list[DocResult]:
    docs = list(iter_documents(path, columns=columns, **options))
    results = analyzer.batch(docs)
    for doc, r in zip(docs, results):
        r.text_key = _text_key(doc.text)  # duplicates across files are dropped after the map
    return results


def run_dask(corpus: str | Path | list[str], *, client=None, npartitions: int | None = None,
             analyzer: Analyzer | None = None, columns: dict[str, str] | None = None,
             **read_options) -> dict[str, pd.DataFrame]:
    """Run the per-document pipeline as a map over Dask bag partitions.

    Args:
        corpus: a corpus path (read here, split into ``npartitions``), or a list or glob
            of corpus files (each file a partition, read on the workers: the way to run a
            corpus that does not fit one machine, from storage the workers can reach).
        client: a ``dask.distributed.Client``; ``None`` uses the current default
            scheduler.
        npartitions: partitions for a single corpus path (default: 4 × workers).

    Returns the same tables as :func:`run`, in the same order. Duplicate texts and ids
    across files are dropped after the map, keeping the first, as :func:`run` does.
    """
    import dask.bag as db

    analyzer = analyzer or Analyzer()
    if isinstance(corpus, (list, tuple)) or (isinstance(corpus, str) and glob.has_magic(corpus)):
        files = sorted(glob.glob(corpus)) if isinstance(corpus, str) else [str(p) for p in corpus]
        bag = db.from_sequence(files, npartitions=len(files)).map(
            _dask_file_partition, analyzer=analyzer, columns=columns, options=read_options).flatten()
        results = client.compute(bag).result() if client is not None else bag.compute()
        # Each file was deduplicated as it was read; drop what repeats across files.
        seen_ids, seen_keys, kept = set(), set(), []
        for r in results:
            if r.document["doc_id"] in seen_ids or r.text_key in seen_keys:
                continue
            seen_ids.add(r.document["doc_id"])
            seen_keys.add(r.text_key)
            kept.append(r)
        return _frames(kept)
    docs = list(iter_documents(corpus, columns=columns, **read_options))
    if npartitions is None:
        workers = len(client.scheduler_info()["workers"]) if client is not None else os.cpu_count() or 1
        npartitions = max(1, min(len(docs), 4 * workers))
    bag = db.from_sequence(docs, npartitions=npartitions).map_partitions(_dask_partition, analyzer=analyzer)
    # iter_documents has already dropped duplicate ids and texts.
    return _frames(client.compute(bag).result() if client is not None else bag.compute())


# --------------------------------------------------------------------------- writing

class _TableSink:
    """Streams rows of one table to a temporary CSV (and Parquet) file; ``commit`` renames."""

    def __init__(self, name: str, out_dir: Path, formats: tuple[str, ...], chunk_rows: int = 20000):
        self.name, self.out_dir, self.formats = name, out_dir, formats
        self.columns = list(TABLES[name])
        self.buffer: list[dict] = []
        self.chunk_rows = chunk_rows
        self.tmp: dict[str, str] = {}
        self.rows = 0
        self._csv = self._parquet = None
        if "csv" in formats:
            self.tmp["csv"] = new_temporary(out_dir / f"{name}.csv")
            self._csv = open(self.tmp["csv"], "w", encoding="utf-8", newline="")
            self._csv_writer = csv.DictWriter(self._csv, fieldnames=self.columns, lineterminator="\n")
            self._csv_writer.writeheader()
        if "parquet" in formats:
            self.tmp["parquet"] = new_temporary(out_dir / f"{name}.parquet")

    def add(self, rows: list[dict]) -> None:
        self.buffer.extend(rows)
        if len(self.buffer) >= self.chunk_rows:
            self.flush()

    def flush(self) -> None:
        if not self.buffer and (self._parquet is not None or "parquet" not in self.formats):
            return  # nothing new (an empty table still gets its Parquet schema, once)
        frame = pd.DataFrame(self.buffer, columns=self.columns).astype(_DTYPES[self.name])
        self.rows += len(self.buffer)
        self.buffer = []
        if self._csv is not None:
            frame.to_csv(self._csv, index=False, header=False, lineterminator="\n")
        if "parquet" in self.formats:
            import pyarrow as pa
            import pyarrow.parquet as pq

            table = pa.Table.from_pandas(frame, preserve_index=False)
            if self._parquet is None:
                self._parquet = pq.ParquetWriter(self.tmp["parquet"], table.schema)
            self._parquet.write_table(table.cast(self._parquet.schema))

    def finish(self) -> None:
        """Write what is buffered and close the temporary files (the step that can fail
        on a full disk), before any table is renamed."""
        self.flush()
        if self._csv is not None:
            self._csv.close()
        if self._parquet is not None:
            self._parquet.close()

    def commit(self) -> list[Path]:
        """Rename the finished temporary files to their targets."""
        written = []
        for fmt, tmp in self.tmp.items():
            target = self.out_dir / f"{self.name}.{fmt}"
            commit_temporary(tmp, target)
            written.append(target)
        return written

    def abort(self) -> None:
        for handle in (self._csv, self._parquet):
            try:
                if handle is not None:
                    handle.close()
            except Exception:  # pragma: no cover - best effort on the error path
                pass
        for tmp in self.tmp.values():
            discard_temporary(tmp)


def _remove_empty(folders: list[Path]) -> None:
    for folder in folders:  # deepest first
        try:
            folder.rmdir()
        except OSError:
            return  # not empty (or not ours to remove): leave it


@dataclass
class ExportSummary:
    files: list[Path]
    n_documents: int
    n_markers: int
    n_attributions: int
    seconds: float
    report: CorpusReport


def check_output(corpus: str | Path | list, out_dir: str | Path, formats: Iterable[str]) -> None:
    """Refuse an output folder that would write over the corpus: the corpus folder itself
    (or a folder inside it), or a table file with the name of a corpus file.

    Raises:
        CorpusError: naming the output and the corpus.
    """
    out = Path(out_dir).resolve()
    if isinstance(corpus, (list, tuple)):
        paths = [Path(p) for p in corpus]
    elif glob.has_magic(str(corpus)):
        paths = [Path(p) for p in sorted(glob.glob(str(corpus)))]
    else:
        paths = [Path(corpus)]
    targets = {(out / f"{name}.{fmt}") for name in TABLES for fmt in formats}
    for path in paths:
        source = path.resolve()
        if source.is_dir() and (out == source or source in out.parents):
            raise CorpusError(out_dir, f"is inside the corpus folder {path}: nothing is written "
                                       f"there; choose another --out")
        if source in targets:
            raise CorpusError(out_dir, f"writing {source.name} here would replace the corpus "
                                       f"file {path}; choose another --out")


def export(corpus: str | Path, out_dir: str | Path, *, jobs: int = 1,
           formats: tuple[str, ...] = ("csv", "parquet"), analyzer: Analyzer | None = None,
           columns: dict[str, str] | None = None, progress: bool | None = None,
           **read_options) -> ExportSummary:
    """Analyse a corpus and write documents, markers and attributions tables.

    Rows are streamed to temporary files next to the targets and renamed only when the
    whole corpus succeeded: a failure leaves no partial table behind.
    """
    out_dir = Path(out_dir)
    unknown = set(formats) - {"csv", "parquet"}
    if unknown or not formats:
        raise ValueError(f"formats must be csv and/or parquet, not {sorted(unknown) or formats}")
    check_output(corpus, out_dir, formats)
    report = CorpusReport()
    analyzer = analyzer or Analyzer()
    analyzer.codebook, analyzer.gazetteer  # fail early on a malformed codebook or gazetteer
    # Folders this export creates are removed again if it fails (when left empty).
    created = [p for p in (out_dir, *out_dir.parents) if not p.exists()]
    out_dir.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    if progress is None:
        progress = sys.stderr.isatty()
    bar = None
    sinks: dict[str, _TableSink] = {}
    n_docs = n_markers = n_acts = 0
    try:
        for name in TABLES:
            sinks[name] = _TableSink(name, out_dir, formats)
        if progress:
            from tqdm import tqdm

            bar = tqdm(unit=" articles", unit_scale=False, file=sys.stderr, smoothing=0.1)
        docs = iter_documents(corpus, columns=columns, report=report, **read_options)
        for r in iter_results(docs, analyzer, jobs=jobs):
            sinks["documents"].add([r.document])
            sinks["markers"].add(r.markers)
            sinks["attributions"].add(r.attributions)
            n_docs += 1
            n_markers += len(r.markers)
            n_acts += len(r.attributions)
            if bar is not None:
                bar.update(1)
        for sink in sinks.values():  # all tables complete before any is renamed
            sink.finish()
        files = [f for s in sinks.values() for f in s.commit()]
    except BaseException:
        for s in sinks.values():
            s.abort()
        _remove_empty(created)
        raise
    finally:
        if bar is not None:
            bar.close()
    return ExportSummary(files, n_docs, n_markers, n_acts, time.perf_counter() - t0, report)

"""The per-document pipeline, run in one process, on all cores, or on a Dask cluster.

:func:`process_document` normalises and segments a document once and runs both
extractors on it. :func:`iter_results` streams a corpus through it in bounded memory
(``jobs`` worker processes, results in corpus order, identical for any ``jobs``);
:func:`corpus_results` lets the workers read a JSONL(.gz) file themselves, each its own
shard (:mod:`analysis.shards`), so that this process only merges, deduplicates and writes.
:func:`run_dask` maps the same function over Dask bag partitions, so a corpus can run on
an existing cluster (``Client("tcp://scheduler:8786")``). :func:`export` writes the
tables as CSV and Parquet (:mod:`analysis.tables`), atomically, in an output folder it
holds alone (:mod:`analysis.output`), with either way of running.

A corpus is a path (a folder or a file), taken literally whatever characters it holds,
or a list of such paths (:func:`analysis.output.expand_pattern` turns a glob pattern into
one, explicitly).
"""
from __future__ import annotations

import os
import signal
import sys
import threading
import time
import warnings
from contextlib import closing, contextmanager
from dataclasses import dataclass, field, fields
from itertools import islice
from pathlib import Path
from typing import Iterable, Iterator

import pandas as pd

from .atomic import remove_stale_temporaries, write_table_atomic
from .attribution import (ATTRIBUTION_COLUMNS, DEFAULT_HOME_COUNTRY, Gazetteer, attribution_records,
                          check_home_country, load_gazetteer)
from .codebook import Codebook, load_codebook
from .corpus import CorpusReport, Document, _text_key, document_row, iter_documents, segment
from .errors import CorpusError, CorpusWarning, DuplicateDocumentError
from .markers import marker_records
from .normalize import normalize
from .output import (OutputLock, check_output, expand_pattern, literal_path, missing_folders,
                     remove_empty_folders)
from .shards import shardable, sharded_results
from .tables import FORMATS, TABLES, TableSink, table_frame

__all__ = ["Analyzer", "DocResult", "process_document", "iter_results", "iter_corpus", "corpus_results", "run",
           "run_dask", "export", "check_output", "expand_pattern", "write_table_atomic", "TABLES",
           "ExportSummary"]


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


def _exit_with_parent(parent: int) -> None:
    """End this worker, quietly, as soon as the process that started it is gone (killed,
    even with SIGKILL): an orphaned worker would otherwise finish its batch and print a
    traceback when it cannot send the result."""
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            PR_SET_PDEATHSIG = 1
            if ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM) == 0:
                if os.getppid() != parent:  # died before prctl took effect
                    os._exit(0)
                return
        except (OSError, AttributeError):
            pass

    def watch() -> None:  # elsewhere: look once a second
        while os.getppid() == parent:
            time.sleep(1.0)
        os._exit(0)

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()


def _init_worker(analyzer: Analyzer, parent: int) -> None:
    global _WORKER
    # Ctrl-C goes to the whole process group: the parent stops the pool (terminate sends
    # SIGTERM, which ends a worker without a word), so workers ignore SIGINT themselves.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if hasattr(signal, "SIGHUP"):
        signal.signal(signal.SIGHUP, signal.SIG_DFL)
    _exit_with_parent(parent)
    _WORKER = analyzer
    # Load once per worker, before the first batch.
    _WORKER.codebook, _WORKER.gazetteer


def _run_batch(docs: list[Document]) -> list[DocResult]:
    assert _WORKER is not None
    return _WORKER.batch(docs)


def iter_results(docs: Iterable[Document], analyzer: Analyzer | None = None, *, jobs: int = 1,
                 batch_size: int = 32) -> Iterator[DocResult]:
    """Results of every document, in input order, computed on ``jobs`` processes.

    Memory is bounded: at most a few batches per worker are in flight. Closing the
    iterator (or an error, Ctrl-C) stops the workers.
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

    with ctx.Pool(jobs, initializer=_init_worker, initargs=(analyzer, os.getpid())) as pool:
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
    return {name: table_frame(name, rows)
            for name, rows in (("documents", docs), ("markers", markers), ("attributions", acts))}


# --------------------------------------------------------------------------- corpora

class _AcrossFiles:
    """Ids and texts seen across the files of a list; a repeat is skipped and recorded
    in ``report`` as :func:`iter_documents` does within a file (or is an error, with
    ``on_duplicate="error"``)."""

    def __init__(self, report: CorpusReport, on_duplicate: str | None):
        self.report, self.on_duplicate = report, on_duplicate or "skip"
        self.ids: set[str] = set()
        self.texts: dict[str, str] = {}
        self.n_skipped = 0

    def keep(self, doc_id: str, text_key: str, source: str) -> bool:
        if doc_id in self.ids:
            why = "duplicate id (in an earlier file)"
            if self.on_duplicate == "error":
                raise DuplicateDocumentError(source, f"duplicate document id {doc_id!r} (in an earlier file)")
            self.report.duplicate_ids.append(doc_id)
        elif text_key in self.texts:
            why = f"same text as {self.texts[text_key]!r} (in an earlier file)"
            if self.on_duplicate == "error":
                raise DuplicateDocumentError(source, f"same text as document {self.texts[text_key]!r}")
            self.report.duplicate_texts.append((doc_id, self.texts[text_key]))
        else:
            self.ids.add(doc_id)
            self.texts[text_key] = doc_id
            return True
        self.report.skipped.append((why, doc_id, source))
        self.report.n_read -= 1
        self.n_skipped += 1
        return False

    def warn(self, what: str) -> None:
        n = self.n_skipped
        if n:
            repeat = "documents repeat" if n > 1 else "document repeats"
            warnings.warn(CorpusWarning(f"{what}: {n} {repeat} an id or a text of an earlier file "
                                        f"(skipped); {self.report.summary()}"), stacklevel=3)


def _add_report(total: CorpusReport, part: CorpusReport) -> None:
    for f in fields(CorpusReport):
        value = getattr(part, f.name)
        if isinstance(value, list):
            getattr(total, f.name).extend(value)
        elif isinstance(value, int):
            setattr(total, f.name, getattr(total, f.name) + value)


def iter_corpus(corpus: str | Path | list, *, columns: dict[str, str] | None = None,
                report: CorpusReport | None = None, **read_options) -> Iterator[Document]:
    """Documents of a corpus path (:func:`iter_documents`), or of a list of corpus paths
    read one after the other: an id or a text that repeats one of an earlier file is
    skipped and reported, as within one file."""
    if not isinstance(corpus, (list, tuple)):
        yield from iter_documents(corpus, columns=columns, report=report, **read_options)
        return
    yield from _across_files(
        corpus, report, read_options.get("on_duplicate"),
        lambda path, part: iter_documents(path, columns=columns, report=part, **read_options),
        lambda doc: (doc.doc_id, _text_key(doc.text), doc.source))


def _across_files(paths: list, report: CorpusReport | None, on_duplicate, read_file, key) -> Iterator:
    """The items of each file (``read_file(path, part_report)``, already deduplicated
    within the file) whose id or text (``key(item)`` = id, text key, source) repeats none
    of an earlier file; the files' reports are added to ``report``."""
    report = report if report is not None else CorpusReport()
    seen = _AcrossFiles(report, on_duplicate)
    for path in paths:
        part = CorpusReport()
        try:
            for item in read_file(path, part):
                if seen.keep(*key(item)):
                    yield item
        finally:
            _add_report(report, part)
    seen.warn(f"{len(paths)} corpus files")


def corpus_results(corpus: str | Path | list, analyzer: Analyzer | None = None, *, jobs: int = 1,
                   columns: dict[str, str] | None = None, report: CorpusReport | None = None,
                   **read_options) -> Iterator[DocResult]:
    """Results of the documents of a corpus (a path, or a list of paths), in corpus
    order, on ``jobs`` processes. With two jobs or more, a JSONL(.gz) file (or a list of
    them) is read by the workers themselves, each its own shard (:mod:`analysis.shards`);
    other corpora are read here and sent to the workers. Same results either way."""
    analyzer = analyzer or Analyzer()
    files = corpus if isinstance(corpus, (list, tuple)) else [corpus]
    if files and all(shardable(f, jobs) for f in files):
        return _sharded_corpus(corpus, analyzer, jobs=jobs, columns=columns, report=report, **read_options)
    docs = iter_corpus(corpus, columns=columns, report=report, **read_options)
    return iter_results(docs, analyzer, jobs=jobs)


def _sharded_corpus(corpus, analyzer: Analyzer, *, jobs: int, columns, report: CorpusReport | None,
                    **read_options) -> Iterator[DocResult]:
    if not isinstance(corpus, (list, tuple)):
        yield from sharded_results(corpus, analyzer, _init_worker, jobs=jobs, columns=columns,
                                   report=report, **read_options)
        return
    # As iter_corpus: each file deduplicated as it is read, then across the files.
    yield from _across_files(
        corpus, report, read_options.get("on_duplicate"),
        lambda path, part: sharded_results(path, analyzer, _init_worker, jobs=jobs, columns=columns,
                                           report=part, **read_options),
        lambda r: (r.document["doc_id"], r.text_key, r.document["source"]))


def run(corpus: str | Path | list, *, jobs: int = 1, analyzer: Analyzer | None = None,
        columns: dict[str, str] | None = None, report: CorpusReport | None = None,
        **read_options) -> dict[str, pd.DataFrame]:
    """Analyse a corpus (a path, or a list of paths) in this process (or ``jobs``
    processes); returns the three tables."""
    with closing(corpus_results(corpus, analyzer, jobs=jobs, columns=columns, report=report,
                                **read_options)) as results:
        return _frames(results)


# --------------------------------------------------------------------------- Dask

def dask_setup(worker) -> None:
    """Dask preload (``LocalCluster(preload=["analysis.pipeline"])``, as ``--dask local``
    starts it): the worker ignores Ctrl-C, which reaches the whole process group; the
    process that started the cluster stops its workers itself."""
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGINT, signal.SIG_IGN)


def _dask_partition(docs: list[Document], analyzer: Analyzer) -> list[DocResult]:
    return analyzer.batch(list(docs))


def _dask_file_partition(path: str, analyzer: Analyzer, columns, options) -> list[DocResult]:
    docs = list(iter_documents(path, columns=columns, **options))
    results = analyzer.batch(docs)
    for doc, r in zip(docs, results):
        r.text_key = _text_key(doc.text)  # duplicates across files are dropped after the map
    return results


def _dask_results(corpus, *, client=None, npartitions: int | None = None, analyzer: Analyzer,
                  columns: dict[str, str] | None = None, report: CorpusReport | None = None,
                  **read_options) -> list[DocResult]:
    import dask.bag as db

    report = report if report is not None else CorpusReport()
    if isinstance(corpus, (list, tuple)):
        files = [str(p) for p in corpus]
        if not files:
            raise CorpusError(None, "an empty list of corpus files")
        bag = db.from_sequence(files, npartitions=len(files)).map(
            _dask_file_partition, analyzer=analyzer, columns=columns, options=read_options).flatten()
        results = client.compute(bag).result() if client is not None else bag.compute()
        # Each file was deduplicated as it was read; drop what repeats across files.
        seen = _AcrossFiles(report, read_options.get("on_duplicate"))
        report.n_read += len(results)
        kept = [r for r in results if seen.keep(r.document["doc_id"], r.text_key, r.document["source"])]
        seen.warn(f"{len(files)} corpus files")
        return kept
    docs = list(iter_documents(literal_path(corpus), columns=columns, report=report, **read_options))
    if not docs:
        return []
    if npartitions is None:
        workers = len(client.scheduler_info()["workers"]) if client is not None else os.cpu_count() or 1
        npartitions = max(1, min(len(docs), 4 * workers))
    bag = db.from_sequence(docs, npartitions=npartitions).map_partitions(_dask_partition, analyzer=analyzer)
    # iter_documents has already dropped duplicate ids and texts.
    return client.compute(bag).result() if client is not None else bag.compute()


def run_dask(corpus: str | Path | list[str], *, client=None, npartitions: int | None = None,
             analyzer: Analyzer | None = None, columns: dict[str, str] | None = None,
             report: CorpusReport | None = None, **read_options) -> dict[str, pd.DataFrame]:
    """Run the per-document pipeline as a map over Dask bag partitions.

    Args:
        corpus: a corpus path (read here, split into ``npartitions``; taken literally,
            whatever characters it holds), or a list of corpus files (each file a
            partition, read on the workers: the way to run a corpus that does not fit one
            machine, from storage the workers can reach). For a glob pattern, pass
            ``expand_pattern(pattern)``.
        client: a ``dask.distributed.Client``; ``None`` uses the current default
            scheduler.
        npartitions: partitions for a single corpus path (default: 4 × workers).

    Returns the same tables as :func:`run`, in the same order. Duplicate texts and ids
    across files are dropped after the map, keeping the first, as :func:`run` does.
    """
    return _frames(_dask_results(corpus, client=client, npartitions=npartitions,
                                 analyzer=analyzer or Analyzer(), columns=columns, report=report,
                                 **read_options))


# --------------------------------------------------------------------------- export

@dataclass
class ExportSummary:
    files: list[Path]
    n_documents: int
    n_markers: int
    n_attributions: int
    seconds: float
    report: CorpusReport


@contextmanager
def _signals_held() -> Iterator[None]:
    """Ctrl-C, SIGTERM and SIGHUP wait while an export cleans up after a failure, so that
    a second Ctrl-C cannot leave half of the temporaries behind."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    held = [s for s in (signal.SIGINT, signal.SIGTERM, getattr(signal, "SIGHUP", None)) if s is not None]
    previous = {s: signal.signal(s, signal.SIG_IGN) for s in held}
    try:
        yield
    finally:
        for s, handler in previous.items():
            signal.signal(s, handler)


def export(corpus: str | Path | list, out_dir: str | Path, *, jobs: int = 1,
           formats: tuple[str, ...] = ("csv", "parquet"), analyzer: Analyzer | None = None,
           columns: dict[str, str] | None = None, progress: bool | None = None,
           client=None, npartitions: int | None = None, **read_options) -> ExportSummary:
    """Analyse a corpus and write the documents, markers and attributions tables.

    Args:
        corpus: a corpus path (taken literally), or a list of corpus paths.
        out_dir: output folder, created if needed.
        jobs: worker processes (ignored with ``client``).
        formats: any of ``csv``, ``parquet`` and ``safe.csv`` (a copy of the CSV for
            spreadsheets, see :func:`analysis.tables.spreadsheet_safe`).
        client: a ``dask.distributed.Client`` to run on (see :func:`run_dask`).
        progress: show a progress bar on stderr (default: when stderr is a terminal).

    Rows are streamed to temporary files next to the targets and renamed only when the
    whole corpus succeeded: a failure (an error, Ctrl-C, SIGTERM) leaves no partial table
    and removes the folders it created. The output folder is locked for the run
    (:class:`analysis.output.OutputLock`): a second export into it is refused.
    """
    out_dir = Path(out_dir)
    unknown = set(formats) - set(FORMATS)
    if unknown or not formats:
        raise ValueError(f"formats must be among {', '.join(FORMATS)}, not {sorted(unknown) or formats}")
    formats = tuple(dict.fromkeys(formats))
    targets = [f"{name}{FORMATS[fmt]}" for name in TABLES for fmt in formats]
    check_output(corpus, out_dir, targets)
    if not isinstance(corpus, (list, tuple)):
        corpus = literal_path(corpus)
    report = CorpusReport()
    analyzer = analyzer or Analyzer()
    analyzer.codebook, analyzer.gazetteer  # fail early on a malformed codebook or gazetteer
    # Folders this export creates are removed again if it fails (when left empty).
    created = missing_folders(out_dir.absolute())
    out_dir.mkdir(parents=True, exist_ok=True)
    lock = OutputLock(out_dir, corpus=corpus if not isinstance(corpus, list) else f"{len(corpus)} files",
                      created=created)
    try:
        lock.acquire()
    except BaseException:
        remove_empty_folders(created)
        raise
    created += [p for p in lock.inherited_folders() if p not in created]
    created.sort(key=lambda p: len(p.parts), reverse=True)
    remove_stale_temporaries(out_dir, set(targets))
    t0 = time.perf_counter()
    if progress is None:
        progress = sys.stderr.isatty()
    bar = None
    sinks: dict[str, TableSink] = {}
    n_docs = n_markers = n_acts = 0
    try:
        for name in TABLES:
            sinks[name] = TableSink(name, out_dir, formats)
        if client is not None:
            results = (r for r in _dask_results(corpus, client=client, npartitions=npartitions,
                                                analyzer=analyzer, columns=columns, report=report,
                                                **read_options))
        else:
            results = corpus_results(corpus, analyzer, jobs=jobs, columns=columns, report=report,
                                     **read_options)
            if progress:
                from .progress import ExportProgress

                bar = ExportProgress(corpus)
        with closing(results), _warnings_above(bar):
            for r in results:
                sinks["documents"].add([r.document])
                sinks["markers"].add(r.markers)
                sinks["attributions"].add(r.attributions)
                n_docs += 1
                n_markers += len(r.markers)
                n_acts += len(r.attributions)
                if bar is not None:
                    bar.advance(r.document["source"])
        for sink in sinks.values():  # all tables complete before any is renamed
            sink.finish()
        files = [f for s in sinks.values() for f in s.commit()]
    except BaseException:
        with _signals_held():
            if bar is not None:
                bar.close(completed=False)
                bar = None
            for s in sinks.values():
                s.abort()
            lock.release()
            remove_empty_folders(created)
        raise
    finally:
        if bar is not None:
            bar.close()
        lock.release()
    return ExportSummary(files, n_docs, n_markers, n_acts, time.perf_counter() - t0, report)


@contextmanager
def _warnings_above(bar) -> Iterator[None]:
    if bar is None:
        yield
        return
    from .progress import warnings_above

    with warnings_above(bar):
        yield


"""Workers that read their own shards of a JSONL or JSONL.gz file (``--jobs N``, N ≥ 2).

Why: with one reader, the main process decompressed, parsed, deduplicated and pickled
every document to the workers, about 3 floor-units of CPU on SaudiNewsNet, while the
workers waited. Here the main process only merges what the workers send, applies the
corpus's rule for duplicates and empty documents in file order, and writes the tables.

How: the lines of the file are dealt out in blocks of :data:`BLOCK_LINES`, block ``b``
to worker ``b mod N``. Every worker reads every line (a gzip stream cannot be entered in
the middle, and in a plain file reading a line costs little next to parsing it), with
the same calls as a single reader, so that a read error or an over-long line surfaces at
the same line in every process; it parses, checks and analyses only the lines of its
own blocks. For each of its blocks it sends one message: per record, what the rule needs
(id, place, text key, whether it has a word, suspicious characters) and the analysis
result; the document's text stays in the worker. The main process merges the blocks in
file order (:class:`~analysis.corpus.FirstOfEach`, as a single reader applies it): the
same tables, report, warnings and first error as ``--jobs 1``.

The first record is read by the main process too, before the workers start: a single
reader checks it in full (and warns about a missing outlet column there), so its errors
and warnings come first, from this process.
"""
from __future__ import annotations

import os
import queue
import stat
import sys
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator

from .corpus import (DEFAULT_MAX_DOCUMENT_MB, CorpusReport, Document, FirstOfEach, _check_text,
                     _column_mapping, _has_words, _JSONL_SUFFIXES, _jsonl_records, _read_settings,
                     _table_documents, _text_key, warn_after_reading)

__all__ = ["BLOCK_LINES", "shardable", "sharded_results"]

#: Lines per block: blocks alternate between workers, so a block is the unit of load
#: balance and, with :data:`_QUEUED_BLOCKS`, bounds the results held per worker.
BLOCK_LINES = 32
#: Blocks a worker may send ahead of the merge before it waits (bounded memory).
_QUEUED_BLOCKS = 4
_POLL_SECONDS = 0.5  # how often a waiting merge checks that the worker is still alive


def shardable(path, jobs: int) -> bool:
    """Whether workers can read ``path`` themselves: a regular JSONL(.gz) file and at
    least two jobs. A pipe or a socket can be read only once; CSV records may span lines
    and Parquet files have their own reader: those keep the single reader."""
    if jobs < 2 or isinstance(path, (list, tuple)):
        return False
    path = Path(path)
    try:
        return path.name.lower().endswith(_JSONL_SUFFIXES) and stat.S_ISREG(os.stat(path).st_mode)
    except OSError:
        return False  # missing or unreadable: the single reader reports it, as ever


def _block_of(lineno: int) -> int:
    return (lineno - 1) // BLOCK_LINES


def _line_of(source: str) -> int:
    """The line number of a table document's source (``file:line``)."""
    return int(source.rpartition(":")[2])


@dataclass
class ShardRecord:
    """One record as a worker read it: what the rule needs, and its analysis."""

    doc_id: str
    source: str
    text_key: str
    has_words: bool
    suspicious: tuple[bool, bool, bool]  # presentation forms, bidi controls, control characters
    missing_outlet: list  # what reading it added to CorpusReport.missing_outlet
    result: object = None  # DocResult; None when the worker knows it will be skipped
    failure: BaseException | None = None  # an analysis error: raised only if kept


@dataclass
class Block:
    index: int
    records: list[ShardRecord] = field(default_factory=list)
    error: BaseException | None = None  # reading stopped here: raised after the records
    missing_outlet: list = field(default_factory=list)  # noted before the error


def _suspicious(doc: Document) -> tuple[bool, bool, bool]:
    noted = CorpusReport()
    _check_text(doc, noted, per_document=False)  # table corpora only note, never warn
    return bool(noted.presentation_forms), bool(noted.bidi_controls), bool(noted.control_characters)


def _shard_record(doc: Document, analyze: Callable, report: CorpusReport, seen_ids: set[str]) -> ShardRecord:
    key, words = _text_key(doc.text), _has_words(doc.text)
    missing = report.missing_outlet[:]
    report.missing_outlet.clear()
    record = ShardRecord(doc.doc_id, doc.source, key, words, _suspicious(doc), missing)
    # An id this worker has already seen is skipped by the rule whatever came before
    # (the earlier record holds the id either way): no need to analyse it. A repeated
    # text is not sure to be skipped (its first copy may itself repeat an earlier id).
    if words and doc.doc_id not in seen_ids:
        try:
            record.result = analyze(doc)
        except Exception as exc:
            record.failure = exc
    seen_ids.add(doc.doc_id)
    return record


def shard_blocks(path: Path, columns, max_bytes: int, has_outlet: bool, worker: int, jobs: int,
                 analyze: Callable) -> Iterator[Block]:
    """The blocks of worker ``worker`` of ``jobs``, in file order. A read error ends the
    stream: in the block of its line if that block is this worker's, else silently (its
    owner, reading the same lines the same way, reports it)."""
    report = CorpusReport()
    seen_ids: set[str] = set()
    docs = _table_documents(path, columns, max_bytes, report, has_outlet=has_outlet,
                            owns=lambda lineno: _block_of(lineno) % jobs == worker)
    block: Block | None = None
    with closing(docs):
        try:
            for doc in docs:
                index = _block_of(_line_of(doc.source))
                if block is not None and block.index != index:
                    yield block
                    block = None
                block = block or Block(index)
                block.records.append(_shard_record(doc, analyze, report, seen_ids))
        except Exception as exc:
            line = getattr(exc, "line", None)
            index = _block_of(line) if line is not None else (block.index if block else worker)
            if index % jobs != worker:
                if block is not None:
                    yield block
                return
            if block is not None and block.index != index:
                yield block
                block = None
            block = block or Block(index)
            block.error, block.missing_outlet = exc, report.missing_outlet[:]
    if block is not None:
        yield block


class _Crash:
    """An exception outside any record (a worker that could not start): raised as received."""

    def __init__(self, exc: BaseException):
        self.exc = exc


def _worker(out, init: Callable, analyzer, parent: int, path: Path, columns, max_bytes: int,
            has_outlet: bool, worker: int, jobs: int) -> None:
    try:
        init(analyzer, parent)  # signals and the codebook, as a pool worker (pipeline._init_worker)
        for block in shard_blocks(path, columns, max_bytes, has_outlet, worker, jobs, analyzer):
            out.put(block)
    except BaseException as exc:  # sent, to be raised in the main process, not printed here
        try:
            out.put(_Crash(exc))
        except Exception:  # an exception that cannot be pickled
            out.put(_Crash(RuntimeError(f"{type(exc).__name__}: {exc}")))
    out.put(None)  # the end of this worker's blocks


class _Workers:
    """``jobs`` processes reading their shards of one file; :meth:`blocks` merges their
    blocks in file order. Closing stops them (SIGTERM, which ends them without a word)."""

    def __init__(self, init: Callable, analyzer, path: Path, columns, max_bytes: int,
                 has_outlet: bool, jobs: int):
        import multiprocessing as mp

        ctx = mp.get_context("fork" if sys.platform.startswith("linux") else "spawn")
        self.queues = [ctx.Queue(_QUEUED_BLOCKS) for _ in range(jobs)]
        self.procs = [ctx.Process(target=_worker, args=(q, init, analyzer, os.getpid(), path, columns,
                                                        max_bytes, has_outlet, w, jobs), daemon=True)
                      for w, q in enumerate(self.queues)]
        for p in self.procs:
            p.start()

    def _next(self, w: int) -> Block | None:
        q, proc = self.queues[w], self.procs[w]
        while True:
            try:
                message = q.get(timeout=_POLL_SECONDS)
            except queue.Empty:
                if proc.exitcode is None:
                    continue
                try:  # it may have ended just after sending its last message
                    message = q.get(timeout=_POLL_SECONDS)
                except queue.Empty:
                    raise RuntimeError(f"a worker process ended unexpectedly (exit code "
                                       f"{proc.exitcode})") from None
            if isinstance(message, _Crash):
                raise message.exc
            return message

    def blocks(self) -> Iterator[Block]:
        # Each worker sends its blocks in file order: the smallest head is the next block.
        heads = [self._next(w) for w in range(len(self.procs))]
        while any(h is not None for h in heads):
            w = min((h.index, w) for w, h in enumerate(heads) if h is not None)[1]
            block = heads[w]
            yield block
            if block.error is not None:
                return
            heads[w] = self._next(w)

    def close(self) -> None:
        for p in self.procs:
            if p.exitcode is None:
                p.terminate()
        for p in self.procs:
            p.join()
        for q in self.queues:
            q.close()


def _first_record_has_outlet(path: Path, columns, max_bytes: int) -> bool | None:
    """Read the first record as a single reader does (its errors and warnings are the
    first of the file); whether it has the outlet column, or ``None`` when the file has
    no record."""
    with closing(_table_documents(path, columns, max_bytes, CorpusReport())) as docs:
        if next(docs, None) is None:
            return None
    with closing(_jsonl_records(path, max_bytes)) as records:
        _, record = next(records)
    return _column_mapping(path, columns)["outlet"] in record


def sharded_results(path, analyzer, init: Callable, *, jobs: int, columns: dict[str, str] | None = None,
                    report: CorpusReport | None = None, on_empty=None, on_duplicate=None,
                    max_document_mb: float = DEFAULT_MAX_DOCUMENT_MB) -> Iterator:
    """The results (``DocResult``) of the documents of a JSONL(.gz) file that
    ``iter_documents`` keeps, in file order, read and analysed by ``jobs`` workers
    (``init``: the worker set-up, ``analysis.pipeline._init_worker``). Each result's
    ``text_key`` is set (duplicates across the files of a list are found with it)."""
    path, _, on_empty, on_duplicate, max_bytes = _read_settings(
        path, columns=columns, on_empty=on_empty, on_duplicate=on_duplicate,
        max_document_mb=max_document_mb)
    report = report if report is not None else CorpusReport()
    has_outlet = _first_record_has_outlet(path, columns, max_bytes)
    if has_outlet is not None:
        rule = FirstOfEach(report, on_empty=on_empty, on_duplicate=on_duplicate)
        noted = (report.presentation_forms, report.bidi_controls, report.control_characters)
        workers = _Workers(init, analyzer, path, columns, max_bytes, has_outlet, jobs)
        with closing(workers):
            for block in workers.blocks():
                for rec in block.records:
                    report.missing_outlet.extend(rec.missing_outlet)
                    if not rule.keep(rec.doc_id, rec.source, lambda: rec.text_key, lambda: rec.has_words):
                        continue
                    for flag, ids in zip(rec.suspicious, noted):
                        if flag:
                            ids.append(rec.doc_id)
                    report.n_read += 1
                    if rec.failure is not None:
                        raise rec.failure
                    rec.result.text_key = rec.text_key
                    yield rec.result
                if block.error is not None:
                    report.missing_outlet.extend(block.missing_outlet)
                    raise block.error
    warn_after_reading(path, report, False)

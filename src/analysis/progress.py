"""The progress bar of an export: a total and a time left whenever the corpus size is known.

What "how far" means depends on the corpus:

* a folder: documents, out of its ``.txt`` files;
* a Parquet file: rows, out of the rows its metadata gives;
* a JSONL, JSONL.gz or CSV file (a stream): bytes read, out of the file's size (for a
  ``.gz`` the compressed bytes, so the fraction is right without decompressing twice).
  The position is the one of the open file, as the system reports it (Linux), in this
  process or, when workers read their own shards, in the slowest worker; elsewhere the
  bar counts documents without a total;
* several files (``--glob``): the sizes of the files, added.

Warnings printed while the bar is shown go above it, not onto it.
"""
from __future__ import annotations

import io
import os
import sys
import time
import warnings
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

__all__ = ["ExportProgress", "warnings_above"]

_POLL_SECONDS = 0.5  # how often the open file's position is asked for


def _stream_position(path: str) -> int | None:
    """Bytes read so far from ``path`` (the position of the file descriptor that has it
    open) by this process, or else by its worker processes when they read their own
    shards (each reads the whole file: the slowest one's position, as the merge waits for
    it); ``None`` when it is not open or the system does not say (psutil gives positions
    on Linux only)."""
    import psutil

    try:
        target = os.path.realpath(path)
        this = psutil.Process()
        own = _open_position(this, target)
        if own is not None:
            return own
        positions = [p for p in map(lambda child: _open_position(child, target), this.children()) if p is not None]
        return min(positions) if positions else None
    except (psutil.Error, OSError):
        return None


def _open_position(process, target: str) -> int | None:
    import psutil

    try:
        for f in process.open_files():
            if getattr(f, "position", None) is not None and os.path.realpath(f.path) == target:
                return f.position
    except psutil.Error:  # a worker that has just ended
        pass
    return None


def _parquet_rows(path: Path) -> int | None:
    try:
        import pyarrow.parquet as pq

        return pq.ParquetFile(path).metadata.num_rows
    except Exception:  # an unreadable file is reported by the reader, with its name
        return None


class ExportProgress:
    """A tqdm bar on stderr for the documents of ``corpus`` (a path or a list of paths).

    Call :meth:`advance` with each document's ``source`` (``file`` or ``file:line``) as
    its results arrive; :meth:`close` at the end.
    """

    def __init__(self, corpus, *, file=None):
        from tqdm import tqdm

        self.paths = [Path(p) for p in corpus] if isinstance(corpus, (list, tuple)) else [Path(corpus)]
        self.n_docs = 0
        self._last_poll = 0.0
        self._done_bytes = 0  # sizes of the files of a list already read
        self._current = 0
        self.mode, total = self._measure()
        self.file = file or sys.stderr
        common = dict(file=self.file, dynamic_ncols=True, smoothing=0.1, mininterval=0.2)
        if self.mode == "bytes":
            self.bar = tqdm(total=total, unit="B", unit_scale=True, unit_divisor=1024,
                            bar_format="{l_bar}{bar}| {n_fmt}B/{total_fmt}B{postfix} "
                                       "[{elapsed}<{remaining}]", postfix="0 articles", **common)
        else:
            self.bar = tqdm(total=total, unit=" articles", **common)

    def _measure(self) -> tuple[str, int | None]:
        if len(self.paths) == 1 and self.paths[0].is_dir():
            return "documents", sum(1 for p in self.paths[0].glob("*.txt") if p.is_file()) or None
        if len(self.paths) == 1 and self.paths[0].name.lower().endswith(".parquet"):
            return "rows", _parquet_rows(self.paths[0])
        if all(p.is_file() and not p.name.lower().endswith(".parquet") for p in self.paths):
            return "bytes", sum(p.stat().st_size for p in self.paths) or None
        return "documents", None  # a mix of folders and files: count documents

    def advance(self, source: str) -> None:
        self.n_docs += 1
        bar = self.bar
        if self.mode == "documents":
            bar.update(1)
            return
        if self.mode == "rows":
            _, _, row = source.rpartition(":")
            if row.isdigit() and int(row) > bar.n:
                bar.update(int(row) - bar.n)
        else:
            now = time.monotonic()
            if now - self._last_poll >= _POLL_SECONDS:
                self._last_poll = now
                self._poll(source)
                if self.mode == "bytes":
                    bar.set_postfix_str(f"{self.n_docs:,} articles", refresh=False)
                    bar.refresh()

    def _poll(self, source: str) -> None:
        # In a list of files, the document's source says which file is being read.
        while self._current + 1 < len(self.paths) and not source.startswith(str(self.paths[self._current])):
            self._done_bytes += self.paths[self._current].stat().st_size
            self._current += 1
        position = _stream_position(str(self.paths[self._current]))
        if position is not None:
            self.bar.n = min(self._done_bytes + position, self.bar.total or 0)
        elif self.n_docs == 1 and len(self.paths) == 1:
            self._count_documents()  # the reader does not keep the file open: no position

    def _count_documents(self) -> None:
        """Count documents without a total (this system, or this reader, gives no position)."""
        self.mode = "documents"
        self.bar.bar_format = None
        self.bar.unit, self.bar.unit_scale, self.bar.unit_divisor = " articles", False, 1000
        self.bar.postfix = None
        self.bar.reset()
        self.bar.total = None  # reset(total=None) would keep the old total
        self.bar.update(self.n_docs)

    def close(self, completed: bool = True) -> None:
        if completed:
            if self.mode == "bytes":
                self.bar.n = self.bar.total or self.bar.n
                self.bar.set_postfix_str(f"{self.n_docs:,} articles", refresh=False)
            elif self.bar.total:
                self.bar.n = max(self.bar.n, min(self.bar.total, self.n_docs))
            self.bar.refresh()
        self.bar.close()


@contextmanager
def warnings_above(progress: ExportProgress) -> Iterator[None]:
    """While the bar is shown, print each warning as the current ``warnings.showwarning``
    would, but above the bar (tqdm.write) instead of into its line."""
    from tqdm import tqdm

    previous = warnings.showwarning

    def show(message, category, filename, lineno, file=None, line=None):
        buffer = io.StringIO()
        previous(message, category, filename, lineno, file=buffer, line=line)
        tqdm.write(buffer.getvalue().rstrip("\n"), file=progress.file)

    warnings.showwarning = show
    try:
        yield
    finally:
        warnings.showwarning = previous

"""The output folder of an export: never the corpus, held by one run at a time.

* :func:`check_output` refuses an output folder that would write over the corpus. A
  corpus path is always a path: ``d[1]/documents.csv`` is that file, never a pattern.
  Patterns of corpus files are an explicit choice (:func:`expand_pattern`, ``--glob``).
* :class:`OutputLock` is held in the output folder for the whole run
  (``.arabic-discourse.lock``): a second export into the same folder is refused while
  the first runs, instead of mixing tables of two corpora. The lock is the kernel's
  (``flock``), so a run that was killed holds nothing; its lock file and temporaries are
  stale, and the next run into the folder takes them over and removes them.
"""
from __future__ import annotations

import glob as globbing
import json
import os
import socket
import time
from pathlib import Path
from typing import Iterable

from .atomic import HOST_ID, process_alive
from .errors import CorpusError, OutputError

__all__ = ["check_output", "expand_pattern", "literal_path", "OutputLock", "LOCK_NAME",
           "missing_folders", "remove_empty_folders"]

LOCK_NAME = ".arabic-discourse.lock"


def expand_pattern(pattern: str | Path) -> list[str]:
    """The corpus files a glob pattern names (``*``, ``?``, ``[...]``; ``**`` across
    folders), sorted.

    Raises:
        CorpusError: when the pattern matches no file.
    """
    files = sorted(p for p in globbing.glob(str(pattern), recursive=True) if not os.path.isdir(p)
                   or os.path.exists(os.path.join(p, "manifest.csv")))
    if not files:
        raise CorpusError(pattern, "the pattern matches no corpus file (a pattern is expanded "
                                   "here, with --glob; quote it so that the shell does not)")
    return files


def literal_path(corpus: str | Path) -> Path:
    """``corpus`` as a path, exactly as written.

    Raises:
        CorpusError: when it does not exist, with a hint when it looks like a pattern.
    """
    path = Path(corpus)
    if not path.exists():
        looks_like_a_pattern = any(c in str(corpus) for c in "*?[")
        raise CorpusError(corpus, "no such file or folder" + (
            " (a corpus path is taken as it is written; to read the files a pattern names, "
            "use --glob, or expand_pattern() from analysis.output)" if looks_like_a_pattern else ""))
    return path


def check_output(corpus: str | Path | list, out_dir: str | Path, targets: Iterable[str]) -> None:
    """Refuse an output folder that would write over the corpus: the corpus folder itself
    (or a folder inside it), or a table file with the name of a corpus file.

    Args:
        corpus: a corpus path (taken literally, whatever characters it holds), or a list
            of corpus paths.
        out_dir: the output folder.
        targets: the names of the files the export writes in ``out_dir``.

    Raises:
        OutputError: naming the output and the corpus.
    """
    out = Path(out_dir).resolve()
    if out.exists() and not out.is_dir():
        raise OutputError(out_dir, "is a file, not a folder: choose a folder for --out")
    paths = [Path(p) for p in corpus] if isinstance(corpus, (list, tuple)) else [Path(corpus)]
    files = [out / name for name in targets]
    for path in paths:
        source = path.resolve()
        if source.is_dir() and (out == source or source in out.parents):
            raise OutputError(out_dir, f"is inside the corpus folder {path}: nothing is written "
                                       f"there; choose another --out")
        for target in files:
            # resolve() follows symbolic links; samefile also catches a hard link.
            if source == target or (target.exists() and source.exists() and os.path.samefile(source, target)):
                raise OutputError(out_dir, f"writing {target.name} here would replace the corpus "
                                           f"file {path}; choose another --out")


def missing_folders(folder: Path) -> list[Path]:
    """``folder`` and its parents that do not exist yet, deepest first."""
    return [p for p in (folder, *folder.parents) if not p.exists()]


def remove_empty_folders(folders: Iterable[Path]) -> None:
    for folder in folders:  # deepest first
        try:
            folder.rmdir()
        except OSError:
            return  # not empty (or not ours to remove): leave it


def _describe(holder: dict) -> str:
    started = holder.get("started")
    when = time.strftime(" since %Y-%m-%d %H:%M:%S", time.localtime(started)) if started else ""
    host = f" on {holder['host']}" if holder.get("host") and holder.get("host_id") != HOST_ID else ""
    what = f" from {holder['corpus']}" if holder.get("corpus") else ""
    return f"another export (process {holder.get('pid', '?')}{host}{when}){what}"


class OutputLock:
    """Exclusive use of an output folder by one export.

    ``acquire`` writes who holds it (pid, host, start, corpus, the folders the run
    created) into ``LOCK_NAME``; ``release`` removes the file. A lock file whose holder is
    gone is stale: the next run takes it over, with the folders the dead run had created
    (removed again if this run fails too), and :attr:`previous` holds what it said.

    Raises (``acquire``):
        OutputError: when a live run holds the folder.
    """

    def __init__(self, folder: str | Path, *, corpus: str = "", created: Iterable[Path] = ()):
        self.folder = Path(folder)
        self.path = self.folder / LOCK_NAME
        self.info = {"pid": os.getpid(), "host": socket.gethostname(), "host_id": HOST_ID,
                     "started": time.time(), "corpus": str(corpus),
                     "created": [str(p) for p in created]}
        self.previous: dict | None = None
        self._fd: int | None = None

    def __enter__(self) -> "OutputLock":
        self.acquire()
        return self

    def __exit__(self, *exc) -> None:
        self.release()

    def inherited_folders(self) -> list[Path]:
        """Folders a dead run created for this output that still exist (only this folder
        and its parents: a lock file is not trusted to name others)."""
        ours = {self.folder.resolve(), *self.folder.resolve().parents}
        created = (self.previous or {}).get("created", [])
        return [Path(p) for p in (created if isinstance(created, list) else [])
                if isinstance(p, str) and Path(p).is_dir() and Path(p).resolve() in ours]

    def acquire(self) -> None:
        try:
            import fcntl
        except ImportError:  # not POSIX: a lock file named by its holder's pid
            self._acquire_by_pid()
        else:
            self._acquire_flock(fcntl)
        if self.previous:
            self.info["created"] += [str(p) for p in self.inherited_folders()
                                     if str(p) not in self.info["created"]]
        self._write_info()

    def _acquire_flock(self, fcntl) -> None:
        while True:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o666)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                holder = _read_info(fd)
                os.close(fd)
                raise OutputError(self.folder, f"{_describe(holder)} is writing here; wait for it "
                                               f"to finish or choose another --out") from None
            except OSError as exc:  # a file system without locks (some network mounts)
                os.close(fd)
                raise OSError(exc.errno, f"cannot lock the output folder ({exc.strerror})",
                              str(self.path)) from None
            # The holder before us may have removed the file between our open and our
            # lock: then we locked a file nobody else sees. Start again.
            try:
                same = os.path.samestat(os.fstat(fd), os.stat(self.path))
            except FileNotFoundError:
                same = False
            if same:
                self._fd = fd
                self.previous = _read_info(fd) or None
                return
            os.close(fd)

    def _acquire_by_pid(self) -> None:
        for _ in range(100):
            try:
                fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o666)
            except FileExistsError:
                with open(self.path, "rb") as fh:
                    holder = _parse_info(fh.read())
                if holder.get("host_id") == HOST_ID and not process_alive(int(holder.get("pid", 0))):
                    self.previous = holder
                    try:
                        os.unlink(self.path)  # stale: take it over
                    except FileNotFoundError:
                        pass
                    continue
                raise OutputError(self.folder, f"{_describe(holder)} is writing here; wait for it "
                                               f"to finish or choose another --out") from None
            self._fd = fd
            return
        raise OutputError(self.folder, "cannot take the output lock")

    def _write_info(self) -> None:
        data = json.dumps(self.info, ensure_ascii=False).encode("utf-8")
        os.ftruncate(self._fd, 0)
        os.lseek(self._fd, 0, os.SEEK_SET)
        os.write(self._fd, data)

    def release(self) -> None:
        if self._fd is None:
            return
        try:
            os.unlink(self.path)  # while still holding it: no one can lock the old file
        except FileNotFoundError:
            pass
        finally:
            os.close(self._fd)
            self._fd = None


def _read_info(fd: int) -> dict:
    try:
        os.lseek(fd, 0, os.SEEK_SET)
        data = os.read(fd, 65536)
    except OSError:
        return {}
    return _parse_info(data)


def _parse_info(data: bytes) -> dict:
    try:
        info = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return {}
    return info if isinstance(info, dict) else {}

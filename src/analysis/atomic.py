"""Atomic file writing: write to a temporary file beside the target, then rename.

A reader never sees a half-written file, and a failure leaves the previous file (or no
file) in place. The final file gets the usual permissions (0666 less the umask), not the
private 0600 of a temporary file.

Temporaries are hidden and recognisable: ``.markers.csv.12345.3fa2c1.9b1e0c7d2a4f.tmp``
is the target's name, the id of the process writing it, a short hash of the host's name
and a random token. A process killed outright (``kill -9``, a power cut) cannot remove
its temporaries; :func:`remove_stale_temporaries` removes those whose process is gone,
and the next write into the same folder calls it.
"""
from __future__ import annotations

import csv
import hashlib
import os
import re
import secrets
import socket
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

__all__ = ["atomic_path", "new_temporary", "commit_temporary", "discard_temporary",
           "write_table_atomic", "remove_stale_temporaries", "process_alive", "HOST_ID",
           "CSV_LINE_BREAKS", "csv_quoting"]

#: Short id of this host in temporary and lock names: a process id means something only
#: on the host that runs it (an output folder may be shared over the network).
HOST_ID = hashlib.blake2b(socket.gethostname().encode("utf-8", "replace"), digest_size=3).hexdigest()
_TEMPORARY_RE = re.compile(r"^\.(?P<target>.+)\.(?P<pid>[0-9]+)\.(?P<host>[0-9a-f]{6})\.[0-9a-f]{12}\.tmp$")

#: Characters that end a line for some CSV reader (pandas and the csv module split on CR
#: and LF; str.splitlines and editors on the others): a text field holding any of them
#: must be quoted, or the row is split there.
CSV_LINE_BREAKS = "\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"


def process_alive(pid: int) -> bool:
    """Whether a process with this id runs on this host (``os.kill(pid, 0)`` would
    terminate the process on Windows; psutil asks the system portably)."""
    import psutil

    return psutil.pid_exists(pid)


def _temporary_owner(name: str) -> tuple[str, int, str] | None:
    """(target name, pid, host id) of one of our temporaries, else ``None``."""
    m = _TEMPORARY_RE.match(name)
    return (m["target"], int(m["pid"]), m["host"]) if m else None


def remove_stale_temporaries(folder: str | Path, targets: set[str] | None = None) -> list[Path]:
    """Remove the temporaries in ``folder`` whose writing process (on this host) is gone,
    optionally only those of the given target names. Returns what was removed.

    Temporaries of a live process, of another host, and every other file are left alone.
    """
    removed = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed  # no folder (yet), or not readable: nothing of ours to clean
    for entry in entries:
        owner = _temporary_owner(entry.name)
        if owner is None or (targets is not None and owner[0] not in targets):
            continue
        target, pid, host = owner
        if host != HOST_ID or pid == os.getpid() or process_alive(pid):
            continue
        try:
            os.unlink(entry.path)
            removed.append(Path(entry.path))
        except FileNotFoundError:
            pass  # another run cleaned it first
    return removed


def new_temporary(target: str | Path) -> str:
    """A new, empty temporary file beside ``target`` (hidden, same folder).

    Created with mode 0666 so that the system applies the umask itself: reading the umask
    means setting it, which would briefly change it for every thread of the process.
    """
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    for _ in range(100):
        tmp = target.parent / f".{target.name}.{os.getpid()}.{HOST_ID}.{secrets.token_hex(6)}.tmp"
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        except FileExistsError:
            continue
        except OSError as exc:  # name the folder the user chose, not our hidden file
            raise OSError(exc.errno, exc.strerror, str(target.parent)) from None
        os.close(fd)
        return str(tmp)
    raise FileExistsError(f"{target.parent}: no free temporary name for {target.name}")


def commit_temporary(tmp: str, target: str | Path) -> None:
    """Rename ``tmp`` to ``target`` (atomic within one file system)."""
    os.replace(tmp, target)


def discard_temporary(tmp: str) -> None:
    if os.path.exists(tmp):
        os.unlink(tmp)


def naming_the_target(exc: OSError, target: str | Path) -> OSError:
    """``exc`` as an OSError that names ``target``: a write error (a full disk) carries no
    file name, and a temporary's name means nothing to the user."""
    if exc.filename and not _temporary_owner(Path(exc.filename).name):
        return exc
    err = OSError(exc.errno, exc.strerror or str(exc), str(target))
    err.__cause__ = exc.__cause__
    return err


@contextmanager
def atomic_path(target: str | Path) -> Iterator[str]:
    """Yield a temporary path to write; on success it replaces ``target`` atomically.

    Stale temporaries of the same target (left by a killed process) are removed first.
    An OSError while writing names ``target``.

    Example:
        >>> with atomic_path("out/table.csv") as tmp:   # doctest: +SKIP
        ...     frame.to_csv(tmp)
    """
    remove_stale_temporaries(Path(target).parent, {Path(target).name})
    tmp = new_temporary(target)
    try:
        yield tmp
        commit_temporary(tmp, target)
    except OSError as exc:
        discard_temporary(tmp)
        raise naming_the_target(exc, target) from None
    except BaseException:
        discard_temporary(tmp)
        raise


def csv_quoting(df) -> int:
    """``csv.QUOTE_MINIMAL``, or ``csv.QUOTE_NONNUMERIC`` (every text quoted) when a text
    cell holds a line break other than LF: Python's csv writer quotes only the characters
    of its line terminator, so a bare CR would be written unquoted and split the row."""
    for col in df.columns:
        values = df[col]
        if values.dtype.kind in "biufcmM":
            continue
        texts = values[values.map(lambda v: isinstance(v, str))]
        if len(texts) and texts.str.contains(f"[{CSV_LINE_BREAKS}]", regex=True).any():
            return csv.QUOTE_NONNUMERIC
    return csv.QUOTE_MINIMAL


def write_table_atomic(df, path: str | Path) -> None:
    """Write a pandas DataFrame as CSV (UTF-8, ``\\n`` line ends, no index; texts quoted
    where one holds a line break) or, for a ``.parquet`` path, Parquet, atomically."""
    path = Path(path)
    with atomic_path(path) as tmp:
        if path.suffix == ".parquet":
            df.to_parquet(tmp, index=False)
        else:
            df.to_csv(tmp, index=False, encoding="utf-8", lineterminator="\n", quoting=csv_quoting(df))

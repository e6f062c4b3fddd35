"""Atomic file writing: write to a temporary file beside the target, then rename.

A reader never sees a half-written file, and a failure leaves the previous file (or no
file) in place. The final file gets the usual permissions (0666 less the umask), not the
private 0600 of a temporary file.
"""
from __future__ import annotations

import os
import secrets
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

__all__ = ["atomic_path", "new_temporary", "commit_temporary", "discard_temporary", "write_table_atomic"]


def new_temporary(target: str | Path) -> str:
    """A new, empty temporary file beside ``target`` (hidden, same folder).

    Created with mode 0666 so that the system applies the umask itself: reading the umask
    means setting it, which would briefly change it for every thread of the process.
    """
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    for _ in range(100):
        tmp = target.parent / f".{target.name}.{secrets.token_hex(6)}.tmp"
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


@contextmanager
def atomic_path(target: str | Path) -> Iterator[str]:
    """Yield a temporary path to write; on success it replaces ``target`` atomically.

    Example:
        >>> with atomic_path("out/table.csv") as tmp:   # doctest: +SKIP
        ...     frame.to_csv(tmp)
    """
    tmp = new_temporary(target)
    try:
        yield tmp
        commit_temporary(tmp, target)
    except BaseException:
        discard_temporary(tmp)
        raise


def write_table_atomic(df, path: str | Path) -> None:
    """Write a pandas DataFrame as CSV (UTF-8, ``\\n`` line ends, no index) or, for a
    ``.parquet`` path, Parquet, atomically."""
    path = Path(path)
    with atomic_path(path) as tmp:
        if path.suffix == ".parquet":
            df.to_parquet(tmp, index=False)
        else:
            df.to_csv(tmp, index=False, encoding="utf-8", lineterminator="\n")

"""Hand-coding files (CSV): their rows with the line each came from, so that an error in a
coding names the file and line (the test bed and the frames samples read theirs this way)."""
from __future__ import annotations

import csv
from pathlib import Path
from typing import Iterable

from .errors import AnnotationError

__all__ = ["read_coding_rows"]


def read_coding_rows(path: Path, columns: Iterable[str]) -> list[tuple[int, dict]]:
    """``(line, row)`` for every row of the CSV file ``path`` (UTF-8, header first).

    Raises:
        AnnotationError: the file is missing, or lacks one of ``columns`` (line 1).
    """
    try:
        fh = path.open(encoding="utf-8", newline="")
    except FileNotFoundError:
        raise AnnotationError(path, "no such file") from None
    with fh:
        reader = csv.DictReader(fh)
        missing = [c for c in columns if c not in (reader.fieldnames or ())]
        if missing:
            raise AnnotationError(path, f"missing column(s) {', '.join(missing)}", line=1)
        return [(reader.line_num, row) for row in reader]

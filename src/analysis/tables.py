"""The exported tables: their columns and types, how they are written, how to read them.

Three tables (:data:`TABLES`): ``documents`` (DOCUMENT_COLUMNS and ``day``),
``markers`` (MARKER_COLUMNS) and ``attributions`` (ATTRIBUTION_COLUMNS). Each is written
as CSV and/or Parquet, and both read the same (:func:`read_table`):

* text is kept exactly (offsets index it), including line breaks: in the CSV every text
  field is quoted, so a bare CR or other line separator cannot split a row;
* an empty text is a missing value in both files (an empty CSV field, a Parquet null);
* counts are integers and flags booleans;
* ``day`` is the document's ``date`` as a typed date where that date is one full day
  (``YYYY-MM-DD``, or a date and time: its day); missing for a month, a year or an
  interval. Parquet stores it as a date; the CSV as ``YYYY-MM-DD``.

Spreadsheet programs run a cell that begins with ``=``, ``+``, ``-`` or ``@`` as a
formula. The tables keep such text verbatim (offsets depend on it); the opt-in
``.safe.csv`` copies (:func:`spreadsheet_safe`) are for opening in a spreadsheet.
"""
from __future__ import annotations

import csv
import re
from pathlib import Path

import pandas as pd

from .atomic import commit_temporary, discard_temporary, naming_the_target, new_temporary
from .attribution import ATTRIBUTION_COLUMNS
from .corpus import DOCUMENT_COLUMNS
from .markers import MARKER_COLUMNS

__all__ = ["TABLES", "DTYPES", "FORMATS", "table_frame", "read_table", "spreadsheet_safe",
           "TableSink", "full_day"]

TABLES = {
    "documents": {**DOCUMENT_COLUMNS,
                  "day": "the date as a typed date when `date` is one full day (a date and time "
                         "gives its day); missing for a month, a year or an interval"},
    "markers": MARKER_COLUMNS,
    "attributions": ATTRIBUTION_COLUMNS,
}
#: Columns that are not text. Every other column is text (str; missing where empty).
DTYPES = {
    "documents": {"n_words": "int64", "n_paragraphs": "int64", "n_sentences": "int64",
                  "n_pullquotes": "int64", "n_chrome_lines": "int64", "n_subheads": "int64",
                  "day": "datetime64[s]"},
    "markers": {"start": "int64", "end": "int64", "sentence_id": "int64", "in_pullquote": "bool",
                "in_chrome": "bool"},
    "attributions": {"cue_start": "int64", "cue_end": "int64", "start": "int64", "end": "int64",
                     "sentence_id": "int64"},
}
#: File formats of :func:`pipeline.export`: the file suffix of each.
FORMATS = {"csv": ".csv", "parquet": ".parquet", "safe.csv": ".safe.csv"}

_FULL_DAY_RE = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}(?:$|[T ])"
# Spreadsheet formula triggers (OWASP "CSV injection"), with their full-width forms.
_FORMULA_START_RE = re.compile("^[=+\\-@\t\r\uff1d\uff0b\uff0d\uff20]")


def full_day(dates: pd.Series) -> pd.Series:
    """``datetime64[s]`` of each date that is one full day (``YYYY-MM-DD``, alone or
    followed by a time); NaT for anything else (a month, a year, an interval, no date)."""
    text = dates.astype("object").where(dates.notna(), "").astype(str)
    day = text.str.slice(0, 10).where(text.str.match(_FULL_DAY_RE), None)
    return pd.to_datetime(day, format="%Y-%m-%d", errors="coerce").astype("datetime64[s]")


def _text_columns(name: str) -> list[str]:
    return [c for c in TABLES[name] if c not in DTYPES[name]]


def table_frame(name: str, rows: list[dict]) -> pd.DataFrame:
    """Rows of table ``name`` as a DataFrame with its columns and types (``day`` derived)."""
    columns = list(TABLES[name])
    frame = pd.DataFrame(rows, columns=columns)
    if name == "documents":
        frame["day"] = full_day(frame["date"])
    return frame.astype(DTYPES[name])


def _for_writing(name: str, frame: pd.DataFrame) -> pd.DataFrame:
    """An empty text becomes a missing value, the same in CSV and Parquet."""
    frame = frame.copy()
    for col in _text_columns(name):
        values = frame[col].astype("object")
        frame[col] = values.where(values.notna() & (values != ""), None)
    return frame


def spreadsheet_safe(frame: pd.DataFrame, text_columns: list[str]) -> pd.DataFrame:
    """A copy in which a text cell beginning with a formula character (= + - @, tab, CR
    and their full-width forms) starts with an apostrophe, which spreadsheet programs
    show as text instead of running. Only for reading in a spreadsheet: offsets no longer
    index the changed cells."""
    frame = frame.copy()
    for col in text_columns:
        values = frame[col].astype("object")
        risky = values.map(lambda v: isinstance(v, str) and bool(_FORMULA_START_RE.match(v)))
        frame[col] = values.where(~risky, "'" + values.where(risky, "").astype(str))
    return frame


def _arrow_schema(name: str):
    import pyarrow as pa

    kinds = {"int64": pa.int64(), "bool": pa.bool_(), "datetime64[s]": pa.date32()}
    return pa.schema([(c, kinds[DTYPES[name][c]] if c in DTYPES[name] else pa.string())
                      for c in TABLES[name]])


def read_table(path: str | Path) -> pd.DataFrame:
    """Read an exported table, CSV or Parquet, as the same DataFrame: text as ``str``
    (ids stay text: ``"007"`` is not 7), missing values NA, counts ``int64``, flags
    ``bool``, ``day`` ``datetime64[s]``.

    Plain pandas reads the CSV the same way with
    ``pd.read_csv(path, dtype=str_columns, keep_default_na=False, na_values=[""], parse_dates=["day"])``.
    """
    path = Path(path)
    stem = path.name.split(".", 1)[0]
    if stem not in TABLES:
        raise ValueError(f"{path}: not one of the exported tables ({', '.join(TABLES)})")
    text = _text_columns(stem)
    if path.suffix == ".parquet":
        frame = pd.read_parquet(path)
    else:
        frame = pd.read_csv(path, dtype={c: "str" for c in text}, keep_default_na=False,
                            na_values=[""], encoding="utf-8-sig")
    for col in text:
        frame[col] = frame[col].astype("str")
    if "day" in frame:
        frame["day"] = pd.to_datetime(frame["day"]).astype("datetime64[s]")
    return frame.astype({c: t for c, t in DTYPES[stem].items() if t != "datetime64[s]"})


class TableSink:
    """Streams the rows of one table to temporary files beside the targets, one per
    format (``FORMATS``); :meth:`commit` renames them. Write errors name the target."""

    def __init__(self, name: str, out_dir: Path, formats: tuple[str, ...], chunk_rows: int = 20000):
        self.name, self.out_dir, self.formats = name, Path(out_dir), formats
        self.buffer: list[dict] = []
        self.chunk_rows = chunk_rows
        self.tmp: dict[str, str] = {}
        self.rows = 0
        self._handles: dict[str, object] = {}
        self._parquet = None
        self._schema = _arrow_schema(name) if "parquet" in formats else None
        for fmt in formats:
            self.tmp[fmt] = new_temporary(self.target(fmt))
        for fmt in ("csv", "safe.csv"):
            if fmt in formats:
                # Excel reads a UTF-8 file as UTF-8 only with a byte-order mark.
                encoding = "utf-8-sig" if fmt == "safe.csv" else "utf-8"
                self._handles[fmt] = open(self.tmp[fmt], "w", encoding=encoding, newline="")
                self._write(fmt, lambda fh: csv.writer(fh, quoting=csv.QUOTE_NONNUMERIC, lineterminator="\n")
                            .writerow(list(TABLES[name])))

    def target(self, fmt: str) -> Path:
        return self.out_dir / f"{self.name}{FORMATS[fmt]}"

    def _write(self, fmt: str, action) -> None:
        try:
            action(self._handles[fmt] if fmt in self._handles else None)
        except OSError as exc:
            raise naming_the_target(exc, self.target(fmt)) from None

    def add(self, rows: list[dict]) -> None:
        self.buffer.extend(rows)
        if len(self.buffer) >= self.chunk_rows:
            self.flush()

    def flush(self) -> None:
        if not self.buffer and (self._parquet is not None or "parquet" not in self.formats):
            return  # nothing new (an empty table still gets its Parquet schema, once)
        frame = _for_writing(self.name, table_frame(self.name, self.buffer))
        self.rows += len(self.buffer)
        self.buffer = []
        # Every text field quoted: Python's csv writer otherwise leaves a bare CR (and
        # the other line separators) unquoted, and readers split the row there.
        options = dict(index=False, header=False, lineterminator="\n", quoting=csv.QUOTE_NONNUMERIC,
                       date_format="%Y-%m-%d")
        if "csv" in self._handles:
            self._write("csv", lambda fh: frame.to_csv(fh, **options))
        if "safe.csv" in self._handles:
            safe = spreadsheet_safe(frame, _text_columns(self.name))
            self._write("safe.csv", lambda fh: safe.to_csv(fh, **options))
        if "parquet" in self.formats:
            self._write("parquet", lambda _: self._write_parquet(frame))

    def _write_parquet(self, frame: pd.DataFrame) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        try:
            if self._parquet is None:
                self._parquet = pq.ParquetWriter(self.tmp["parquet"], self._schema)
            table = pa.Table.from_pandas(frame, schema=self._schema, preserve_index=False)
            self._parquet.write_table(table)
        except pa.ArrowException as exc:
            if isinstance(exc, OSError):
                raise
            raise OSError(None, str(exc)) from None

    def finish(self) -> None:
        """Write what is buffered and close the temporary files (the step that can fail
        on a full disk), before any table is renamed."""
        self.flush()
        for fmt, handle in list(self._handles.items()):
            self._write(fmt, lambda fh: fh.close())
        if self._parquet is not None:
            self._write("parquet", lambda _: self._parquet.close())

    def commit(self) -> list[Path]:
        """Rename the finished temporary files to their targets."""
        written = []
        for fmt, tmp in self.tmp.items():
            commit_temporary(tmp, self.target(fmt))
            written.append(self.target(fmt))
        return written

    def abort(self) -> None:
        for handle in [*self._handles.values(), self._parquet]:
            try:
                if handle is not None:
                    handle.close()
            except Exception:  # best effort on the error path (a full disk fails again)
                pass
        for tmp in self.tmp.values():
            discard_temporary(tmp)

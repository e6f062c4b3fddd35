"""Corpus layer: documents, their structure, and tidy tables with raw offsets.

Reads a seeds-style folder (``*.txt`` files plus ``manifest.csv``) or a table corpus
(``.jsonl``, ``.jsonl.gz``, ``.csv``, ``.parquet``) into :class:`Document` records, and
segments each document into paragraphs and sentences whose ``start``/``end`` are
offsets into the raw text. It detects, and marks without deleting, the structure that
distorts counts: page chrome, masthead/byline lines, kicker, headline, standfirst,
section subheads and pull quotes that repeat a body sentence.

Tables (documented once here; tests assert them):

``DOCUMENT_COLUMNS``
    one row per document.
``PARAGRAPH_COLUMNS``
    one row per non-blank line; ``role`` is one of :data:`ROLES`.
``SENTENCE_COLUMNS``
    one row per sentence; ``role`` is inherited from the paragraph.

Nothing here writes to the corpus folder.
"""
from __future__ import annotations

import bisect
import calendar
import csv
import gzip
import hashlib
import io
import json
import math
import operator
import re
import warnings
from dataclasses import dataclass, field
from datetime import datetime, timezone
from functools import cached_property
from pathlib import Path
from typing import Iterable, Iterator, Literal

import pandas as pd

from .errors import (AnalysisError, CorpusError, CorpusWarning, DuplicateDocumentError,
                     EmptyDocumentError, EncodingError, ManifestError)
from .normalize import BIDI_CONTROLS, PRESENTATION_FORM_RE, NormalizedText, find_all, normalize, normalize_text

__all__ = ["Document", "Corpus", "CorpusReport", "read_corpus", "iter_documents",
           "segment", "Structure", "documents_frame", "paragraphs_frame", "sentences_frame",
           "count_words", "DOCUMENT_COLUMNS", "PARAGRAPH_COLUMNS", "SENTENCE_COLUMNS", "ROLES",
           "MANIFEST_NAME", "COUNTED_ROLES"]

MANIFEST_NAME = "manifest.csv"
MANIFEST_REQUIRED = ("doc_id", "outlet")

#: Paragraph roles. ``chrome`` and ``pullquote`` are excluded from body counts; ``byline``
#: is metadata, not text, and is excluded too.
ROLES = ("chrome", "byline", "kicker", "headline", "standfirst", "subhead", "pullquote", "body")
#: Roles whose words count as the outlet's text (rates per 1,000 words use these).
COUNTED_ROLES = frozenset({"kicker", "headline", "standfirst", "subhead", "body"})

DOCUMENT_COLUMNS = {
    "doc_id": "document id (file stem, or the `id` field of a table corpus)",
    "outlet": "outlet name (Latin script)",
    "date": "manifest: ISO date, or ISO interval start/end ('..' for an open end); "
            "table corpus: its date field as given",
    "n_words": "words outside chrome, bylines and pull quotes",
    "n_paragraphs": "non-blank lines (all roles)",
    "n_sentences": "sentences (all roles)",
    "n_pullquotes": "paragraphs marked as pull quotes",
    "n_chrome_lines": "paragraphs marked as page chrome",
    "n_subheads": "paragraphs marked as section subheads",
    "outlet_ar": "outlet name in Arabic (empty if unknown)",
    "outlet_short": "short outlet label for figures",
    "title": "headline (from the manifest or the table corpus)",
    "date_certainty": "found / inferred / unknown",
    "outlet_certainty": "found / inferred / unverified / unknown",
    "source": "file the document was read from",
}
PARAGRAPH_COLUMNS = {
    "doc_id": "document id", "paragraph_id": "0-based index of the non-blank line",
    "line": "1-based line number in the file", "start": "raw start offset",
    "end": "raw end offset (line without its newline and trailing spaces)",
    "role": "one of ROLES", "repeats": "for a pull quote, paragraph_id of the body paragraph it repeats",
    "n_words": "words in the paragraph",
}
SENTENCE_COLUMNS = {
    "doc_id": "document id", "sentence_id": "0-based index within the document",
    "paragraph_id": "paragraph it belongs to", "start": "raw start offset",
    "end": "raw end offset", "role": "role of its paragraph",
}

_WORD_RE = re.compile(r"\w+")
_QUOTATION_MARKS = "«»“”„‘’\""
_PUNCTUATION_MARKS = ":،,.؛;!?؟"
_MARK_TOKENS = _QUOTATION_MARKS + _PUNCTUATION_MARKS  # one-character tokens (none is \w)
_MARK_SET = frozenset(_MARK_TOKENS)
#: Tokens of normalised text: words (``_WORD_RE``), and each quotation mark and
#: punctuation mark on its own. Attribution works on these tokens.
TOKEN_RE = re.compile(f"\\w+|[{re.escape(_QUOTATION_MARKS)}]|[{re.escape(_PUNCTUATION_MARKS)}]")
_TOKEN_SPLIT_RE = re.compile(f"({TOKEN_RE.pattern})")  # split: gaps and tokens, alternating
# Sentence ends: . ! ? ؟ … (runs of them) before whitespace, a closing quote or the end;
# ".." glued to the next word ("وشيكة..ونتذكر") also ends a sentence.
_SENT_END_RE = re.compile(r"(?:[.!?؟…]+[\"'»”’)\]]*(?=\s|$)|\.{2,}(?=\S))")
_SENT_END_CHARS = ".!?؟…"  # the characters a _SENT_END_RE match can begin with
_DATELINE_RE = re.compile(r"^\s*[\u0600-\u06ff]+(?:\s+[\u0600-\u06ff]+)?\s*(?:\([^)]{1,30}\))?\s*[-–—]\s*\S")
_CHROME_PATTERNS = (
    r"^\s*site icon\b", r"^\s*exit mobile version\s*$", r"^\s*skip to (main )?content\s*$",
    r"^\s*(share|print|tweet|facebook|twitter|whatsapp|telegram)(\s*[|/]\s*\w+)*\s*$",
    r"^\s*(اقرأ أيضا|اقرأ أيضاً|شارك|مشاركة|طباعة|تابعونا على)\s*:?\s*$",
)
# One regex for all (each alternative is anchored at the start): one call per line.
_CHROME_RE = re.compile("|".join(f"(?:{p})" for p in _CHROME_PATTERNS), re.IGNORECASE)
_SUSPICIOUS_RE = re.compile("[\ufb50-\ufdff\ufe70-\ufeff" + "".join(sorted(BIDI_CONTROLS)) + "]")
_TERMINAL_PUNCT = tuple(".!?؟:؛…,،\"»”’")


@dataclass(frozen=True)
class Document:
    """One article.

    Attributes:
        doc_id: unique id.
        text: the raw text exactly as read (offsets refer to it).
        meta: outlet, date and other manifest fields (strings).
        source: where it was read from (file, or file:line for table corpora).
    """

    doc_id: str
    text: str
    meta: dict = field(default_factory=dict)
    source: str = ""

    @property
    def outlet(self) -> str:
        return self.meta.get("outlet", "")


@dataclass
class CorpusReport:
    """What reading a corpus skipped, so nothing is dropped silently."""

    n_read: int = 0
    empty: list[str] = field(default_factory=list)
    duplicate_texts: list[tuple[str, str]] = field(default_factory=list)  # (dropped, kept)
    duplicate_ids: list[str] = field(default_factory=list)
    presentation_forms: list[str] = field(default_factory=list)  # kept, noted
    bidi_controls: list[str] = field(default_factory=list)  # kept, noted
    #: every skipped document: (why, doc_id, where it was read: file or file:line)
    skipped: list[tuple[str, str, str]] = field(default_factory=list)

    def summary(self, examples: int = 3) -> str:
        """Counts, and the first skipped documents by name and place."""
        text = (f"{self.n_read} documents read; skipped {len(self.empty)} empty, "
                f"{len(self.duplicate_texts)} duplicate texts, "
                f"{len(self.duplicate_ids)} duplicate ids")
        if self.skipped:
            shown = "; ".join(f"{doc_id!r} at {where} ({why})" for why, doc_id, where in self.skipped[:examples])
            more = f"; and {len(self.skipped) - examples} more" if len(self.skipped) > examples else ""
            text += f" ({shown}{more})"
        return text


@dataclass
class Corpus:
    documents: list[Document]
    report: CorpusReport
    path: str

    def __iter__(self) -> Iterator[Document]:
        return iter(self.documents)

    def __len__(self) -> int:
        return len(self.documents)

    def __getitem__(self, doc_id: str) -> Document:
        for doc in self.documents:
            if doc.doc_id == doc_id:
                return doc
        raise KeyError(doc_id)


# --------------------------------------------------------------------------- reading

def _decode(data: bytes, path: Path | str, line: int | None = None) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        bad_line = data[: exc.start].count(b"\n") + 1 if line is None else line
        hint = ""
        try:
            if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
                hint = " (it is UTF-16: re-save it as UTF-8)"
            elif re.search("[\u0621-\u064a]", data.decode("cp1256")):
                hint = " (it decodes as Windows-1256: re-save it as UTF-8)"
        except UnicodeDecodeError:
            pass
        raise EncodingError(path, f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at byte "
                                  f"offset {exc.start}){hint}", line=bad_line) from None


def _check_text(doc: Document, report: "CorpusReport", per_document: bool) -> None:
    """Note text that is usable but suspicious: a warning per file for folder corpora,
    counts in the report (one warning at the end) for table corpora."""
    text = doc.text
    if not _SUSPICIOUS_RE.search(text):
        return  # the common case: one scan for both kinds of suspicious characters
    pf = PRESENTATION_FORM_RE.search(text)
    if pf:
        report.presentation_forms.append(doc.doc_id)
        if per_document:
            n_pf = len(PRESENTATION_FORM_RE.findall(text))
            warnings.warn(CorpusWarning(
                f"{doc.source}:{text[:pf.start()].count(chr(10)) + 1}: {n_pf} characters in Arabic "
                f"presentation forms (text stored already shaped for display); matching maps "
                f"them to base letters"), stacklevel=3)
    body = text[1:] if text.startswith("\ufeff") else text
    positions = [body.find(c) for c in BIDI_CONTROLS if c in body]
    if positions:
        report.bidi_controls.append(doc.doc_id)
        if per_document:
            n_bidi = sum(body.count(c) for c in BIDI_CONTROLS)
            line = body[:min(positions)].count("\n") + 1
            warnings.warn(CorpusWarning(
                f"{doc.source}:{line}: {n_bidi} bidi/zero-width control characters; matching "
                f"ignores them"), stacklevel=3)


def _text_key(text: str) -> str:
    """Identity of a text for duplicate detection (differences in whitespace ignored)."""
    return hashlib.blake2b(" ".join(text.split()).encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


def csv_records(text: str, path: Path | str, error: type[AnalysisError] = CorpusError
                ) -> tuple[list[str] | None, Iterator[tuple[int, dict]]]:
    """The header of a CSV text and its records as (line where the record starts, row).

    Strict, because a lenient reader loses data silently: an unclosed or stray quotation
    mark (which would swallow the following rows into one field) and a row with more or
    fewer fields than the header (an unquoted comma in a text) are errors naming the line.
    A UTF-8 byte-order mark (Excel's "CSV UTF-8") is dropped; blank lines are skipped.
    The header is read at once (``None`` for an empty text), the records lazily.
    """
    reader = csv.reader(io.StringIO(text.removeprefix("\ufeff"), newline=""), strict=True)
    try:
        header = next(reader, None)
    except csv.Error as exc:
        raise error(path, f"malformed CSV header ({exc})", line=1) from None

    def records() -> Iterator[tuple[int, dict]]:
        end = reader.line_num
        while True:
            start = end + 1
            try:
                row = next(reader, None)
            except csv.Error as exc:
                raise error(path, f"malformed CSV ({exc}): an unclosed or stray quotation mark "
                                  f"in the record starting here?", line=start) from None
            if row is None:
                return
            end = reader.line_num
            if not any(field.strip() for field in row):
                continue  # a blank line, or one of empty fields (",,,," left by spreadsheets)
            if len(row) != len(header):
                why = "an unquoted comma in a field?" if len(row) > len(header) else \
                    "a missing comma, or a line break outside quotation marks?"
                raise error(path, f"{len(row)} fields where the header has {len(header)} ({why})",
                            line=start)
            yield start, dict(zip(header, row))

    return header, (records() if header is not None else iter(()))


_ISO_MONTH_RE = re.compile(r"([0-9]{4})(?:-([0-9]{2}))?")
_ISO_DAY_RE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}(?:$|[T ])")
#: Controlled values of the manifest's certainty columns (see DOCUMENT_COLUMNS).
CERTAINTY_VALUES = {"date_certainty": ("found", "inferred", "unknown"),
                    "outlet_certainty": ("found", "inferred", "unverified", "unknown")}


def _date_range(value: str) -> tuple[datetime, datetime] | None:
    """First and last moment of an ISO 8601 year ``YYYY``, month ``YYYY-MM``, day
    ``YYYY-MM-DD`` or date and time (``2025-11-24T10:30``, as in many table corpora;
    with an offset, in UTC); None if ``value`` is none of these or names no real day.
    Digits are ASCII: ``٢٠٢٥`` is written as given in every table, so it is refused."""
    m = _ISO_MONTH_RE.fullmatch(value)
    if m is not None:
        year, month = int(m[1]), int(m[2] or 0)
        if year < 1 or (m[2] is not None and not 1 <= month <= 12):
            return None
        first, last = (year, month or 1), (year, month or 12)
        days = calendar.monthrange(*last)[1]
        return datetime(*first, 1), datetime(*last, days, 23, 59, 59, 999999)
    if not _ISO_DAY_RE.match(value):
        return None  # fromisoformat would also take compact forms such as 20251124
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    if moment.tzinfo is not None:
        moment = moment.astimezone(timezone.utc).replace(tzinfo=None)
    if len(value) == 10:  # a day: all of it
        return moment, moment.replace(hour=23, minute=59, second=59, microsecond=999999)
    return moment, moment


def _check_manifest_row(path: Path, line: int, doc_id: str, row: dict) -> None:
    """Dates must be ISO dates (an interval must not end before it starts) and the
    certainty columns must use their documented values: a date like "25/11/2025" or a
    typo in "inferred" would otherwise pass into every table without a word.
    ``..`` is an open end (``date_end``, or an empty one) or an open start (``date_start``,
    with a ``date_end``)."""
    def problem(text: str) -> ManifestError:
        return ManifestError(path, f"doc_id {doc_id!r}: {text}", line=line)

    ranges = {}
    for col in ("date", "date_start", "date_end"):
        value = row.get(col, "")
        if value and value != "..":
            ranges[col] = _date_range(value)
            if ranges[col] is None:
                raise problem(f"{col} {value!r} is not an ISO date (YYYY-MM-DD, YYYY-MM, YYYY, "
                              f"or a date and time)")
    if row.get("date") and row.get("date_start") and row["date"] != row["date_start"]:
        raise problem(f"date {row['date']!r} and date_start {row['date_start']!r} disagree "
                      f"(give one of them)")
    start_col = "date_start" if row.get("date_start") else "date"
    start = row.get(start_col, "")
    end = row.get("date_end", "")
    if start == ".." and not ranges.get("date_end"):
        raise problem("an open date_start ('..') needs a date_end")
    if end and not start:
        raise problem(f"date_end {end!r} but no date_start")
    if start_col in ranges and "date_end" in ranges and ranges["date_end"][1] < ranges[start_col][0]:
        raise problem(f"date_end {end!r} is before {start_col} {start!r}")
    for col, allowed in CERTAINTY_VALUES.items():
        value = row.get(col, "")
        if value and value not in allowed:
            raise problem(f"{col} {value!r} is not one of {', '.join(allowed)}")


def _read_manifest(path: Path) -> dict[str, dict]:
    raw = path.read_bytes()
    text = _decode(raw, path)
    header, records = csv_records(text, path, ManifestError)
    if header is None:
        raise ManifestError(path, "the manifest is empty")
    missing = [c for c in MANIFEST_REQUIRED if c not in header]
    if missing:
        raise ManifestError(path, f"missing column(s) {', '.join(missing)}; "
                                  f"found {', '.join(header)}", line=1)
    rows: dict[str, dict] = {}
    for line, row in records:
        doc_id = (row.get("doc_id") or "").strip()
        if not doc_id:
            raise ManifestError(path, "row without a doc_id", line=line)
        if doc_id in rows:
            raise ManifestError(path, f"duplicate doc_id {doc_id!r}", line=line)
        if not (row.get("outlet") or "").strip():
            raise ManifestError(path, f"doc_id {doc_id!r} has no outlet", line=line)
        row = {k: (v or "").strip() for k, v in row.items()}
        _check_manifest_row(path, line, doc_id, row)
        row["_line"] = line
        rows[doc_id] = row
    return rows


def _folder_documents(folder: Path) -> Iterator[Document]:
    manifest_path = folder / MANIFEST_NAME
    files = sorted(p for p in folder.glob("*.txt") if p.is_file())
    if not files:
        raise CorpusError(folder, "no .txt files in this folder")
    if not manifest_path.exists():
        raise ManifestError(manifest_path, "no manifest: a corpus folder needs manifest.csv "
                                           "with at least doc_id and outlet columns")
    manifest = _read_manifest(manifest_path)
    stems = {p.stem: p for p in files}
    for p in files:
        if p.stem not in manifest:
            raise ManifestError(p, f"no row for doc_id {p.stem!r} in {manifest_path}")
    for doc_id, row in manifest.items():
        if doc_id not in stems:
            raise ManifestError(manifest_path, f"doc_id {doc_id!r} has no file {doc_id}.txt "
                                               f"in {folder}", line=row["_line"])
    for p in files:
        text = _decode(p.read_bytes(), p)
        row = manifest[p.stem]
        meta = {k: v for k, v in row.items() if not k.startswith("_")}
        _check_headline(manifest_path, row["_line"], p, text, meta)
        yield Document(p.stem, text, meta, str(p))


def _headline_field(meta: dict) -> str:
    """The metadata field that gives a document's headline: a manifest's ``headline``
    (even when empty: the headline is then detected), else a table corpus's ``title``."""
    return "headline" if "headline" in meta else "title"


def _check_headline(manifest_path: Path, line: int, file: Path, text: str, meta: dict) -> None:
    """A manifest headline must be a line of its file, compared as :func:`segment` compares
    them (normalised, outer spaces ignored): one that is not would silently leave the
    document without a headline and count the real one as body text."""
    column = _headline_field(meta)
    wanted = normalize_text(meta.get(column, "")).strip()
    if not wanted or not text.strip():
        return  # nothing to check; an empty text is reported as such
    if not any(normalize_text(ln).strip() == wanted for ln in text.split("\n")):
        raise ManifestError(manifest_path, f"doc_id {file.stem!r}: the {column} {meta[column]!r} is "
                                           f"not a line of {file} (compared without diacritics, "
                                           f"tatweel and letter variants): correct it, or leave it "
                                           f"empty to have the headline detected", line=line)


_TABLE_FIELDS = ("id", "outlet", "date", "title", "text")
_JSONL_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson", ".json.gz")


def _table_rows(path: Path) -> tuple[list[str] | None, Iterator[tuple[int, dict]]]:
    """The columns of a CSV or Parquet corpus (``None`` for JSONL, whose records may
    differ) and its records as (line or row number, record)."""
    name = path.name.lower()
    if name.endswith(".csv"):
        return csv_records(_decode(path.read_bytes(), path), path)
    if name.endswith(_JSONL_SUFFIXES):
        return None, _jsonl_records(path)
    if name.endswith(".parquet"):
        import pyarrow as pa
        import pyarrow.parquet as pq

        try:
            table = pq.ParquetFile(path)
        except (pa.ArrowException, OSError) as exc:
            if isinstance(exc, FileNotFoundError):
                raise
            raise CorpusError(path, f"not a readable Parquet file ({exc})") from None
        return list(table.schema_arrow.names), _parquet_records(table)
    raise CorpusError(path, "unknown corpus format: give a folder with manifest.csv, or a "
                            ".jsonl, .jsonl.gz, .csv or .parquet file")


def _parquet_records(table) -> Iterator[tuple[int, dict]]:
    row_no = 0
    for batch in table.iter_batches(batch_size=2048):
        for rec in batch.to_pylist():
            row_no += 1
            yield row_no, rec


def _jsonl_records(path: Path) -> Iterator[tuple[int, dict]]:
    opener = gzip.open if path.name.lower().endswith(".gz") else open
    try:
        with opener(path, "rb") as fh:
            for lineno, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                text = _decode(line, path, line=lineno)
                try:
                    obj = json.loads(text)
                except json.JSONDecodeError as exc:
                    raise CorpusError(path, f"not valid JSON ({exc.msg} at column {exc.colno})",
                                      line=lineno) from None
                if not isinstance(obj, dict):
                    raise CorpusError(path, "each line must be a JSON object", line=lineno)
                yield lineno, obj
    except (OSError, EOFError) as exc:
        if isinstance(exc, FileNotFoundError):
            raise
        raise CorpusError(path, f"cannot read compressed data ({exc})") from None


def _check_columns(path: Path, found: Iterable, mapping: dict[str, str], explicit: set[str],
                   line: int | None) -> None:
    """The id and text columns, and every column the user mapped, must exist; a missing
    outlet column is only a warning."""
    found = set(found)
    for f in _TABLE_FIELDS:
        if mapping[f] in found or (f not in explicit and f not in ("id", "text")):
            continue
        hint = (f"found {', '.join(sorted(map(str, found)))}" if f in explicit
                else f"map it with --column {f}=NAME")
        raise CorpusError(path, f"missing column {mapping[f]!r} (the document {f}); {hint}", line=line)
    if mapping["outlet"] not in found:
        warnings.warn(CorpusWarning(f"{path}: no column {mapping['outlet']!r}: documents have no "
                                    f"outlet, so per-outlet counts pool them (map one with "
                                    f"--column outlet=NAME)"), stacklevel=4)


def _table_documents(path: Path, columns: dict[str, str] | None) -> Iterator[Document]:
    mapping = {f: f for f in _TABLE_FIELDS}
    mapping.update(columns or {})
    unknown = set(columns or {}) - set(_TABLE_FIELDS)
    if unknown:
        raise CorpusError(path, f"unknown column mapping key(s) {sorted(unknown)}; "
                                f"use {', '.join(_TABLE_FIELDS)}")
    explicit = set(columns or {})
    id_col, text_col = mapping["id"], mapping["text"]
    header, records = _table_rows(path)
    if header is not None:  # CSV (line 1) and Parquet: checked once, before any record
        _check_columns(path, header, mapping, explicit, 1 if path.name.lower().endswith(".csv") else None)
    first = True
    for lineno, rec in records:
        # JSONL records may differ: the first is checked in full, the others for id and text.
        if header is None and (first or id_col not in rec or text_col not in rec):
            _check_columns(path, rec, mapping, explicit, lineno)
        first = False
        text = rec[text_col]
        if text is None:
            text = ""
        if not isinstance(text, str):
            raise CorpusError(path, f"column {mapping['text']!r} holds a "
                                    f"{type(text).__name__}, not text", line=lineno)
        doc_id = rec[id_col]
        if doc_id is None or isinstance(doc_id, (dict, list)) or not str(doc_id).strip():
            what = f"holds a {type(doc_id).__name__}" if isinstance(doc_id, (dict, list)) else "is empty"
            raise CorpusError(path, f"column {mapping['id']!r} must hold an id; here it {what}",
                              line=lineno)
        meta = {}
        for f in ("outlet", "date", "title"):
            value = rec.get(mapping[f])
            meta[f] = "" if value is None else str(value)
        yield Document(str(doc_id), text, meta, f"{path}:{lineno}")


def iter_documents(path: str | Path, *, columns: dict[str, str] | None = None,
                   on_empty: Literal["error", "skip"] | None = None,
                   on_duplicate: Literal["error", "skip"] | None = None,
                   report: CorpusReport | None = None) -> Iterator[Document]:
    """Stream documents from a corpus folder or file, in bounded memory.

    Args:
        path: a folder of ``.txt`` files with ``manifest.csv``, or a ``.jsonl``,
            ``.jsonl.gz``, ``.csv`` or ``.parquet`` file.
        columns: for table corpora, maps our field names (id, outlet, date, title, text)
            to the file's column names, e.g. ``{"id": "article_id"}``.
        on_empty, on_duplicate: ``"error"`` raises naming the file; ``"skip"`` skips the
            document and records it in ``report`` (with a warning at the end). Defaults:
            ``"error"`` for folders (a curated corpus), ``"skip"`` for table corpora.
        report: filled with what was read and skipped.

    Yields:
        :class:`Document` in file order.
    """
    path = Path(path)
    if not path.exists():
        raise CorpusError(path, "no such file or folder")
    is_folder = path.is_dir()
    on_empty = on_empty or ("error" if is_folder else "skip")
    on_duplicate = on_duplicate or ("error" if is_folder else "skip")
    for option, value in (("on_empty", on_empty), ("on_duplicate", on_duplicate)):
        if value not in ("error", "skip"):
            raise ValueError(f"{option} must be 'error' or 'skip', not {value!r}")
    if is_folder and columns:
        raise CorpusError(path, "column mappings apply to table corpora; a folder's fields are "
                                "the columns of its manifest.csv")
    report = report if report is not None else CorpusReport()
    source_iter = _folder_documents(path) if is_folder else _table_documents(path, columns)
    seen_ids: set[str] = set()
    seen_texts: dict[str, str] = {}
    for doc in source_iter:
        if doc.doc_id in seen_ids:
            if on_duplicate == "error":
                raise DuplicateDocumentError(doc.source, f"duplicate document id {doc.doc_id!r}")
            report.duplicate_ids.append(doc.doc_id)
            same = seen_texts.get(_text_key(doc.text)) == doc.doc_id
            report.skipped.append((f"duplicate id ({'same' if same else 'different'} text)",
                                   doc.doc_id, doc.source))
            continue
        seen_ids.add(doc.doc_id)
        if not doc.text.strip():
            if on_empty == "error":
                raise EmptyDocumentError(doc.source, f"document {doc.doc_id!r} is empty or "
                                                     f"whitespace only")
            report.empty.append(doc.doc_id)
            report.skipped.append(("empty", doc.doc_id, doc.source))
            continue
        key = _text_key(doc.text)
        if key in seen_texts:
            if on_duplicate == "error":
                raise DuplicateDocumentError(doc.source, f"same text as document "
                                                         f"{seen_texts[key]!r}")
            report.duplicate_texts.append((doc.doc_id, seen_texts[key]))
            report.skipped.append((f"same text as {seen_texts[key]!r}", doc.doc_id, doc.source))
            continue
        seen_texts[key] = doc.doc_id
        _check_text(doc, report, per_document=is_folder)
        report.n_read += 1
        yield doc
    if report.skipped:
        warnings.warn(CorpusWarning(f"{path}: {report.summary()}"), stacklevel=2)
    if report.n_read == 0:
        warnings.warn(CorpusWarning(f"{path}: no documents to analyse"), stacklevel=2)
    if not is_folder:
        for ids, what in ((report.presentation_forms, "contain Arabic presentation forms (mapped to base letters)"),
                          (report.bidi_controls, "contain bidi/zero-width controls (ignored by matching)")):
            if ids:
                warnings.warn(CorpusWarning(f"{path}: {len(ids)} documents {what}, e.g. "
                                            f"{', '.join(ids[:3])}"), stacklevel=2)


def read_corpus(path: str | Path, **options) -> Corpus:
    """Read a whole corpus into memory (see :func:`iter_documents` for the options).

    Example:
        >>> corpus = read_corpus("seeds")          # doctest: +SKIP
        >>> len(corpus), corpus.documents[0].outlet  # doctest: +SKIP
        (5, 'Al Arab')
    """
    report = options.pop("report", None) or CorpusReport()
    docs = list(iter_documents(path, report=report, **options))
    return Corpus(docs, report, str(path))


# --------------------------------------------------------------------------- structure

def count_words(text: str) -> int:
    """Words = maximal runs of letters or digits after normalisation (so diacritics and
    tatweel inside a word do not split it)."""
    return len(_WORD_RE.findall(normalize_text(text)))


class Structure:
    """Paragraph and sentence records of one document.

    Plain lists on the hot path (large corpora): ``paragraph_rows`` (dicts) and the
    sentence columns ``sentence_starts``, ``sentence_ends``, ``sentence_paragraphs``
    (raw offsets, paragraph index). ``sentence_rows``, ``paragraphs`` and ``sentences``
    give the same as dicts and tidy tables (PARAGRAPH_COLUMNS, SENTENCE_COLUMNS) on request.
    """

    def __init__(self, paragraph_rows: list[dict], sentence_starts: list[int],
                 sentence_ends: list[int], sentence_paragraphs: list[int], doc_id: str, *,
                 paragraph_pieces: list[list[str]], paragraph_tokens: list[list[str]],
                 paragraph_norm: list[tuple[int, int]], sentence_norm: list[tuple[int, int]]):
        self.paragraph_rows = paragraph_rows
        self.sentence_starts = sentence_starts
        self.sentence_ends = sentence_ends
        self.sentence_paragraphs = sentence_paragraphs
        self.doc_id = doc_id
        # Shared with the extractors, so that a document is split and mapped once:
        # each paragraph's normalised text split by TOKEN_RE ([gap, token, gap, …, gap])
        # and its tokens (``pieces[1::2]``), and the normalised (start, end) of paragraphs
        # and sentences.
        self.paragraph_pieces = paragraph_pieces
        self.paragraph_tokens = paragraph_tokens
        self.paragraph_norm = paragraph_norm
        self.sentence_norm = sentence_norm

    @property
    def n_sentences(self) -> int:
        return len(self.sentence_starts)

    @cached_property
    def sentence_rows(self) -> list[dict]:
        return [{"doc_id": self.doc_id, "sentence_id": k, "paragraph_id": pid, "start": s, "end": e,
                 "role": self.paragraph_rows[pid]["role"]}
                for k, (s, e, pid) in enumerate(zip(self.sentence_starts, self.sentence_ends,
                                                    self.sentence_paragraphs))]

    @cached_property
    def paragraphs(self) -> pd.DataFrame:
        return pd.DataFrame(self.paragraph_rows, columns=list(PARAGRAPH_COLUMNS)).astype(
            {"paragraph_id": "int64", "line": "int64", "start": "int64", "end": "int64",
             "repeats": "int64", "n_words": "int64"})

    @cached_property
    def sentences(self) -> pd.DataFrame:
        return pd.DataFrame(self.sentence_rows, columns=list(SENTENCE_COLUMNS)).astype(
            {"sentence_id": "int64", "paragraph_id": "int64", "start": "int64", "end": "int64"})

    def sentence_at(self, offset: int) -> int:
        """sentence_id of the sentence containing raw ``offset`` (-1 if none)."""
        i = bisect.bisect_right(self.sentence_starts, offset) - 1
        if i < 0 or offset >= self.sentence_ends[i]:
            return -1
        return i

    def sentence_role(self, sentence_id: int) -> str:
        """Role of the paragraph of a sentence."""
        return self.paragraph_rows[self.sentence_paragraphs[sentence_id]]["role"]

    def role_counts(self) -> dict[str, int]:
        counts = dict.fromkeys(ROLES, 0)
        for r in self.paragraph_rows:
            counts[r["role"]] += 1
        return counts

    def counted_words(self) -> int:
        return sum(r["n_words"] for r in self.paragraph_rows if r["role"] in COUNTED_ROLES)


def _lines(text: str) -> list[tuple[int, int, int]]:
    """(line number, start, end) of every non-blank line, end before trailing space."""
    out = []
    pos = 0
    for lineno, line in enumerate(text.split("\n"), 1):
        stripped = line.rstrip()
        lead = len(line) - len(line.lstrip())
        if stripped.strip():
            out.append((lineno, pos + lead, pos + len(stripped)))
        pos += len(line) + 1
    return out


_LSTRIP_WF = operator.methodcaller("lstrip", "وف")
#: A pull quote is set beside the passage it repeats: it is looked for among the body
#: paragraphs at most this many body paragraphs before or after it. This bounds the work
#: per paragraph, so a document of any length takes time in proportion to its length.
#: On SaudiNewsNet (articles of up to 544 paragraphs; pull quotes at most 112 paragraphs
#: from what they repeat) it changes nothing: the roles of all 29,904 articles are those
#: found by comparing every pair.
PULLQUOTE_WINDOW = 250


def _find_pullquotes(paras: list[dict], para_tokens: list[list[str]], nwords: list[int], text: str,
                     first_body: int) -> dict[int, int]:
    """Paragraphs (index → index of the body paragraph repeated) that repeat body text.

    A pull quote is a paragraph of 6 to 80 words at least 80% of whose words occur, in
    the same order, in a longer paragraph within :data:`PULLQUOTE_WINDOW` body paragraphs
    of it; when both have the same length, the one without final punctuation (a display
    line) is the pull quote. Repeats are found ignoring a leading و/ف ("ويتعامل" in the
    body, "يتعامل" in the quote). Each candidate, in order, repeats the paragraph sharing
    most of its word trigrams (at least 40% of them) that passes these tests.

    Fast, with the result of comparing every pair (``tests/test_fast_paths.py``): a bound
    on shared words rules out most candidates at once; a remaining candidate is compared
    only with the paragraphs that share one of its rarest trigrams or words (prefix
    filtering: a paragraph that lacks them all cannot have 40% of the trigrams or 80% of
    the words).
    """
    body = [i for i in range(first_body, len(paras)) if paras[i]["role"] == "body"]
    candidates = [i for i in body if 6 <= nwords[i] <= 80]
    if not candidates or len(body) < 2:
        return {}
    # A cheap necessary condition first, at C speed: 80% of the quote's words must have
    # a partner in the repeated paragraph, equal up to a leading و/ف. Such words are
    # equal once all their leading و/ف letters are stripped, so counting the quote's
    # words whose stripped form occurs in the other paragraph can only overcount: a
    # paragraph that fails this cannot repeat it. Most documents stop here.
    keys = {j: list(map(_LSTRIP_WF, para_tokens[j])) for j in body}
    key_sets = {j: set(keys[j]) for j in body}
    seen: set[str] = set()
    repeated: set[str] = set()  # keys of two paragraphs or more
    for j in body:
        repeated |= seen & key_sets[j]
        seen |= key_sets[j]
    candidates = [i for i in candidates if sum(map(repeated.__contains__, keys[i])) >= 0.8 * nwords[i]]
    if not candidates:
        return {}
    words: dict[int, list[str]] = {}
    trigrams: dict[int, set] = {}

    def trigrams_of(j: int) -> set:
        if j not in trigrams:
            # Words compared in order: marks left out, one leading و/ف dropped from
            # longer words. A pull quote shares most of its word trigrams with the
            # paragraph it repeats (an inserted clause or a changed word breaks few).
            w = words[j] = [t[1:] if len(t) > 3 and t[0] in "وف" else t for t in para_tokens[j] if t not in _MARK_SET]
            trigrams[j] = set(zip(w, w[1:], w[2:]))
        return trigrams[j]

    # In a short document every candidate is compared with every body paragraph; in a
    # long one, only with those that share one of its rarest trigrams or words, found
    # through where each occurs (positions in ``body``, ascending).
    indexed = len(body) > PULLQUOTE_WINDOW + 1
    key_at: dict[str, list[int]] = {}
    trigram_at: dict[tuple, list[int]] = {}
    if indexed:
        for pos, j in enumerate(body):
            for k in key_sets[j]:
                key_at.setdefault(k, []).append(pos)
            for t in trigrams_of(j):
                trigram_at.setdefault(t, []).append(pos)
    position = {j: pos for pos, j in enumerate(body)}
    result: dict[int, int] = {}

    def near(postings: list[int], lo: int, hi: int) -> list[int]:
        return postings[bisect.bisect_left(postings, lo):bisect.bisect_right(postings, hi)]

    for i in candidates:
        keys_i, trigrams_i = keys[i], trigrams_of(i)
        need = 0.8 * nwords[i]
        min_hits = max(1, math.ceil(0.4 * len(trigrams_i)))
        if len(trigrams_i) < min_hits:
            continue
        if indexed:
            lo, hi = position[i] - PULLQUOTE_WINDOW, position[i] + PULLQUOTE_WINDOW
            # The rarest trigrams beyond the 60% another paragraph may lack, and the
            # rarest keys whose occurrences exceed the 20% of the tokens it may lack: a
            # paragraph sharing no entry of either list fails. The shorter list is used.
            rare = sorted(trigrams_i, key=lambda t: (len(trigram_at[t]), t))[:len(trigrams_i) - min_hits + 1]
            by_trigram = [near(trigram_at[t], lo, hi) for t in rare]
            counts: dict[str, int] = {}
            for k in keys_i:
                counts[k] = counts.get(k, 0) + 1
            by_key, missing = [], 0
            for k in sorted(counts, key=lambda k: (len(key_at[k]), k)):
                by_key.append(near(key_at[k], lo, hi))
                missing += counts[k]
                if missing > len(keys_i) - need:
                    break
            nearby = set().union(*(by_trigram if sum(map(len, by_trigram)) <= sum(map(len, by_key)) else by_key))
            others = [body[pos] for pos in sorted(nearby)]
        else:
            others = body
        scored = []
        for j in others:
            if j == i or j in result or nwords[j] < nwords[i] or \
                    sum(map(key_sets[j].__contains__, keys_i)) < need:
                continue
            hits = len(trigrams_i & trigrams_of(j))
            if hits >= min_hits:
                scored.append((hits, j))
        for hits, j in sorted(scored, reverse=True):
            if _ordered_share(words[i], words[j]) < 0.8:
                continue
            if len(words[j]) == len(words[i]) and text[paras[i]["start"]:paras[i]["end"]].endswith(_TERMINAL_PUNCT):
                continue  # equal length: only a display line (no final stop) is the pull quote
            result[i] = j
            break
    return result


def _ordered_share(short: list[str], long: list[str]) -> float:
    """Share of ``short``'s words found in ``long`` in the same order: the length of their
    longest common subsequence over ``len(short)``.

    Bit-parallel (Hyyrö 2004): one bit per word of ``short``, a few integer operations
    per word of ``long``, instead of a ``len(short) × len(long)`` table; the table is
    the reference it is tested against (``tests/test_fast_paths.py``).
    """
    if not short:
        return 0.0
    masks: dict[str, int] = {}
    for k, a in enumerate(short):
        masks[a] = masks.get(a, 0) | (1 << k)
    full = (1 << len(short)) - 1
    v = full
    get = masks.get
    for b in long:
        u = get(b)
        if u is not None:
            u &= v
            v = ((v + u) | (v - u)) & full
    return (len(short) - v.bit_count()) / len(short)


def _sentence_ends(text: str) -> list[int]:
    """End offsets of the sentence-final punctuation of a whole text (``_SENT_END_RE``).

    The same matches as ``_SENT_END_RE.finditer(text)``: a match can only begin at one of
    the punctuation characters, so the regex is tried only there (``str.find`` runs at
    memory speed; scanning every character with the regex engine is many times slower).
    """
    candidates = sorted(q for ch in _SENT_END_CHARS for q in find_all(text, ch))
    ends = []
    pos = 0
    match = _SENT_END_RE.match
    for c in candidates:
        if c < pos:
            continue
        m = match(text, c)
        if m is not None:
            pos = m.end()
            ends.append(pos)
    return ends


def _split_sentences(text: str, start: int, end: int, ends: list[int] | None = None) -> list[tuple[int, int]]:
    """Sentence spans of the paragraph ``text[start:end]`` (leading space excluded).

    ``ends``: the :func:`_sentence_ends` of the whole text, if already computed. Paragraphs
    are lines that start and end with a non-space, so no punctuation match crosses them.
    """
    if ends is None:
        ends = [start + e for e in _sentence_ends(text[start:end])]
    spans = []
    pos = start
    for k in range(bisect.bisect_right(ends, start), bisect.bisect_right(ends, end)):
        s_end = ends[k]
        rest = text[pos:s_end].lstrip()
        if rest.rstrip():
            spans.append((s_end - len(rest), s_end))
        pos = s_end
    rest = text[pos:end].lstrip()
    if rest.rstrip():
        spans.append((end - len(rest), end))
    return spans


def segment(doc: Document, normalized: "NormalizedText | None" = None) -> Structure:
    """Paragraphs and sentences of a document, with structural roles.

    Rules (general, not tuned to one file):
      * chrome: lines matching known page-chrome patterns ("Site icon …", "Exit mobile
        version", share/print buttons), and a short first line that names the outlet
        (masthead, possibly run together with the byline);
      * byline: a short first line containing the manifest's byline;
      * headline: the line equal to the manifest headline (never taken as chrome or a
        byline), else the first short line without final punctuation; kicker: short
        lines before it;
      * standfirst: lines between the headline and a dateline paragraph ("مراكش (المغرب) –");
      * subhead: a short body line (≤ 8 words) without final punctuation;
      * pullquote: see :func:`_find_pullquotes`.
    """
    text = doc.text
    meta = doc.meta
    nt = normalized if normalized is not None else normalize(text)
    lines = _lines(text)
    paras = [{"line": ln, "start": s, "end": e, "role": "body", "repeats": -1} for ln, s, e in lines]
    bounds = nt.to_norm_many([p["start"] for p in paras] + [p["end"] for p in paras])
    segments = [nt.text[a:b] for a, b in zip(bounds[:len(paras)], bounds[len(paras):])]
    norm = [t.strip() for t in segments]
    # One regex pass gives the tokens and, from the lengths of the pieces, their offsets.
    pieces = [_TOKEN_SPLIT_RE.split(t) for t in segments]
    tokens = [p[1::2] for p in pieces]
    # Words are the tokens that are not marks; each mark is one character and one token.
    nwords = [len(t) - sum(map(n.count, _MARK_TOKENS)) if t else 0 for n, t in zip(norm, tokens)]

    wanted = normalize_text(meta.get(_headline_field(meta), "")).strip()
    # The given headline is never page chrome or a byline, even when it names the outlet
    # ("… العرب …" in صحيفة العرب) or the byline's author.
    given = {i for i, n in enumerate(norm) if n == wanted} if wanted else set()
    for i, p in enumerate(paras):
        if i not in given and _CHROME_RE.match(text[p["start"]:p["end"]]):
            p["role"] = "chrome"
    first = next((i for i, p in enumerate(paras) if p["role"] != "chrome"), None)
    if first is not None and first not in given and nwords[first] <= 8 and \
            not norm[first].endswith(_TERMINAL_PUNCT):
        names = [normalize_text(meta.get(k, "")).strip() for k in ("outlet_ar", "outlet")]
        byline = normalize_text(meta.get("byline", "")).strip()
        if any(n and n in norm[first] for n in names):
            paras[first]["role"] = "chrome"
        elif byline and byline in norm[first]:
            paras[first]["role"] = "byline"

    content = [i for i, p in enumerate(paras) if p["role"] == "body"]
    headline_idx = min(given) if given else None
    if headline_idx is None and not wanted and content:
        i = content[0]
        if nwords[i] <= 15 and not norm[i].endswith((".", "!", "؟", "?", "،", ",")):
            # Without a known headline, a short opening line followed by a dateline or a
            # longer paragraph is the headline.
            headline_idx = i if len(content) > 1 and nwords[content[1]] > nwords[i] else None
    body_from = 0
    if headline_idx is not None:
        paras[headline_idx]["role"] = "headline"
        for i in content:
            if i < headline_idx and nwords[i] <= 25:
                paras[i]["role"] = "kicker"
        after = [i for i in content if i > headline_idx]
        dateline = next((i for i in after[:3] if _DATELINE_RE.match(text[paras[i]["start"]:paras[i]["end"]])), None)
        if dateline is not None:
            for i in after:
                if i >= dateline:
                    break
                paras[i]["role"] = "standfirst"
        body_from = headline_idx + 1

    pullquotes = _find_pullquotes(paras, tokens, nwords, text, body_from)
    for i, j in pullquotes.items():
        paras[i]["role"] = "pullquote"
        paras[i]["repeats"] = j
    body_idx = [i for i, p in enumerate(paras) if p["role"] == "body"]
    for i in body_idx:
        if nwords[i] <= 8 and not norm[i].endswith(_TERMINAL_PUNCT) and i != body_idx[-1]:
            paras[i]["role"] = "subhead"

    para_rows = []
    s_starts: list[int] = []
    s_ends: list[int] = []
    s_paras: list[int] = []
    ends = _sentence_ends(text)
    for pid, p in enumerate(paras):
        para_rows.append({"doc_id": doc.doc_id, "paragraph_id": pid, "line": p["line"],
                          "start": p["start"], "end": p["end"], "role": p["role"],
                          "repeats": p["repeats"], "n_words": nwords[pid]})
        for start, end in _split_sentences(text, p["start"], p["end"], ends):
            s_starts.append(start)
            s_ends.append(end)
            s_paras.append(pid)
    n = len(s_starts)
    sent_bounds = nt.to_norm_many(s_starts + s_ends)
    return Structure(para_rows, s_starts, s_ends, s_paras, doc.doc_id, paragraph_pieces=pieces,
                     paragraph_tokens=tokens, paragraph_norm=list(zip(bounds[:len(paras)], bounds[len(paras):])),
                     sentence_norm=list(zip(sent_bounds[:n], sent_bounds[n:])))



# --------------------------------------------------------------------------- tables

def _date_label(meta: dict) -> str:
    start = meta.get("date_start") or meta.get("date", "")
    end = meta.get("date_end", None)
    if end is None or end == start:
        return start
    return f"{start}/{end or '..'}"


def document_row(doc: Document, structure: Structure) -> dict:
    """One row of the documents table (see DOCUMENT_COLUMNS)."""
    roles = structure.role_counts()
    meta = doc.meta
    return {
        "doc_id": doc.doc_id,
        "outlet": meta.get("outlet", ""),
        "date": _date_label(meta),
        "n_words": structure.counted_words(),
        "n_paragraphs": len(structure.paragraph_rows),
        "n_sentences": structure.n_sentences,
        "n_pullquotes": roles["pullquote"],
        "n_chrome_lines": roles["chrome"],
        "n_subheads": roles["subhead"],
        "outlet_ar": meta.get("outlet_ar", ""),
        "outlet_short": meta.get("outlet_short", "") or meta.get("outlet", ""),
        "title": meta.get(_headline_field(meta), ""),
        "date_certainty": meta.get("date_certainty", ""),
        "outlet_certainty": meta.get("outlet_certainty", ""),
        "source": doc.source,
    }


def documents_frame(corpus: Iterable[Document], structures: dict[str, Structure] | None = None) -> pd.DataFrame:
    """The tidy documents table (DOCUMENT_COLUMNS), one row per document."""
    rows = []
    for doc in corpus:
        st = structures[doc.doc_id] if structures else segment(doc)
        rows.append(document_row(doc, st))
    return pd.DataFrame(rows, columns=list(DOCUMENT_COLUMNS))


def paragraphs_frame(corpus: Iterable[Document]) -> pd.DataFrame:
    """All paragraphs of a corpus (PARAGRAPH_COLUMNS)."""
    frames = [segment(doc).paragraphs for doc in corpus]
    return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=list(PARAGRAPH_COLUMNS))


def sentences_frame(corpus: Iterable[Document]) -> pd.DataFrame:
    """All sentences of a corpus (SENTENCE_COLUMNS)."""
    frames = [segment(doc).sentences for doc in corpus]
    return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=list(SENTENCE_COLUMNS))

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
import sys
import warnings
import zlib
from dataclasses import dataclass, field
from datetime import datetime, timezone
from functools import cached_property, partial
from pathlib import Path
from typing import Callable, Iterable, Iterator, Literal

import pandas as pd

from . import kernels
from .errors import (AnalysisError, CorpusError, CorpusWarning, DuplicateDocumentError,
                     EmptyDocumentError, EncodingError, ManifestError)
from .normalize import BIDI_CONTROLS, PRESENTATION_FORM_RE, NormalizedText, find_all, normalize, normalize_text

__all__ = ["Document", "Corpus", "CorpusReport", "read_corpus", "iter_documents",
           "segment", "Structure", "documents_frame", "paragraphs_frame", "sentences_frame",
           "count_words", "DOCUMENT_COLUMNS", "PARAGRAPH_COLUMNS", "SENTENCE_COLUMNS", "ROLES",
           "MANIFEST_NAME", "COUNTED_ROLES", "DEFAULT_MAX_DOCUMENT_MB", "PULLQUOTE_WINDOW"]

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
# Presentation forms, bidi controls and C0 control characters other than \t \n \r \f.
_SUSPICIOUS_RE = re.compile("[\ufb50-\ufdff\ufe70-\ufeff\x00-\x08\x0b\x0e-\x1f" + "".join(sorted(BIDI_CONTROLS)) + "]")
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
    control_characters: list[str] = field(default_factory=list)  # NUL and other C0: kept, noted
    #: table corpora: records without the outlet field that earlier records have,
    #: as (doc_id, file:line)
    missing_outlet: list[tuple[str, str]] = field(default_factory=list)
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

#: Documents larger than this (in MB of UTF-8: a .txt file, a JSONL line, a CSV line or
#: a text cell) are refused with an error naming the file and line, before they are read
#: whole: a runaway file or a decompression bomb must not exhaust memory. The largest
#: SaudiNewsNet article is 60 KB; analysing a 16 MB document took 1.1 GB (benchmarks/
#: bench_size.py), so 20 MB keeps one document under about 1.5 GB. Raise it with
#: ``max_document_mb`` (``--max-document-mb`` on the command line).
DEFAULT_MAX_DOCUMENT_MB = 20.0

_LINE_BREAK_RE = re.compile(r"\r\n|\r|\n")
_LINE_BREAK_BYTES_RE = re.compile(rb"\r\n|\r|\n")
#: C0 control characters other than tab, line feed, carriage return and form feed: not
#: text (NUL is the usual trace of UTF-16 read as UTF-8); reported, and kept.
_CONTROL_CHARS = "".join(chr(c) for c in range(32) if chr(c) not in "\t\n\r\f")
_CONTROL_RE = re.compile(f"[{re.escape(_CONTROL_CHARS)}]")


def _line_at(text: str | bytes, pos: int) -> int:
    """1-based line of offset ``pos``, counting \\r\\n, \\r and \\n as line ends."""
    pattern = _LINE_BREAK_RE if isinstance(text, str) else _LINE_BREAK_BYTES_RE
    return len(pattern.findall(text, 0, pos)) + 1


def _limit_bytes(max_document_mb: float) -> int:
    if not max_document_mb > 0:
        raise ValueError(f"max_document_mb must be above 0, not {max_document_mb!r}")
    return int(max_document_mb * 2 ** 20)


def _over_limit(what: str, max_bytes: int) -> str:
    """The message for a document over the size limit (``what``: what is too large)."""
    mb = f"{max_bytes / 2 ** 20:.3f}".rstrip("0").rstrip(".")
    return (f"{what} over the {mb} MB limit on one document (raise it with --max-document-mb, "
            f"or max_document_mb= in Python)")


def _utf16_without_bom(data: bytes) -> str | None:
    """'UTF-16-LE' or 'UTF-16-BE' when ``data`` looks like UTF-16 without a byte-order
    mark: every other byte is 0x00 or 0x06, the high byte of ASCII and of Arabic letters
    in UTF-16 (such bytes are valid UTF-8, so Arabic UTF-16 decodes as UTF-8 junk)."""
    sample = data[:65536]
    sample = sample[:len(sample) - len(sample) % 2]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    high_even = even.count(0) + even.count(6)
    high_odd = odd.count(0) + odd.count(6)
    n = len(even)
    for high, low, name in ((high_odd, high_even, "UTF-16-LE"), (high_even, high_odd, "UTF-16-BE")):
        if high >= 0.6 * n and low <= 0.05 * n:
            try:
                sample.decode(name.lower())
            except UnicodeDecodeError:
                continue
            return name
    return None


def _encoding_hint(data: bytes, bad: int) -> str:
    """Why bytes are not UTF-8, when it can be told: UTF-16, Windows-1256 Arabic,
    Latin-1/Windows-1252, or a UTF-8 text with a damaged byte (``bad``: its offset)."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return " (it is UTF-16: re-save it as UTF-8)"
    utf16 = _utf16_without_bom(data)
    if utf16:
        return f" (it looks like {utf16} without a byte-order mark: re-save it as UTF-8)"
    sample = data[max(0, bad - 32768):bad + 32768]
    as_utf8 = sample.decode("utf-8", errors="replace")
    damaged = as_utf8.count("\ufffd")
    if sum(ord(c) > 127 for c in as_utf8) - damaged > damaged:
        # Most non-ASCII characters around the bad byte are valid UTF-8: not another
        # encoding, but a damaged byte or a piece pasted from one.
        return " (the text around it is valid UTF-8: a damaged byte, or a passage pasted from another encoding?)"
    non_ascii = [c for c in sample.decode("cp1256", errors="replace") if ord(c) > 127]
    if non_ascii and sum("\u0600" <= c <= "\u06ff" for c in non_ascii) >= 0.8 * len(non_ascii):
        return " (it decodes as Windows-1256 Arabic: re-save it as UTF-8)"
    latin = [c for c in sample.decode("cp1252", errors="replace") if ord(c) > 127]
    if latin and sum(c.isalpha() for c in latin) >= 0.8 * len(latin):
        return " (it looks like Latin-1/Windows-1252: re-save it as UTF-8)"
    return ""


def _decode(data: bytes, path: Path | str, line: int | None = None,
            error: type[AnalysisError] = EncodingError) -> str:
    """``data`` as UTF-8 text, or an error naming the file and line (``line``: the line
    number of ``data`` when it is one line of a file) with a hint at the encoding it is in.
    UTF-16 without a byte-order mark is an error too, though its bytes may be valid UTF-8."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        where = _line_at(data, exc.start) if line is None else line
        raise error(path, f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at byte offset "
                          f"{exc.start}){_encoding_hint(data, exc.start)}", line=where) from None
    if ("\x00" in text or "\x06" in text) and _utf16_without_bom(data):
        raise error(path, f"not UTF-8: it looks like {_utf16_without_bom(data)} without a byte-order "
                          f"mark (every other byte is 0x00 or 0x06); re-save it as UTF-8",
                    line=1 if line is None else line)
    return text


def _check_text(doc: Document, report: "CorpusReport", per_document: bool) -> None:
    """Note text that is usable but suspicious: a warning per file for folder corpora,
    counts in the report (one warning at the end) for table corpora."""
    text = doc.text
    if not _SUSPICIOUS_RE.search(text):
        return  # the common case: one scan for all kinds of suspicious characters
    pf = PRESENTATION_FORM_RE.search(text)
    if pf:
        report.presentation_forms.append(doc.doc_id)
        if per_document:
            _warn_at(doc, text, pf.start(), f"{len(PRESENTATION_FORM_RE.findall(text))} characters in Arabic "
                     f"presentation forms (text stored already shaped for display); matching maps "
                     f"them to base letters")
    body = text[1:] if text.startswith("\ufeff") else text
    positions = [body.find(c) for c in BIDI_CONTROLS if c in body]
    if positions:
        report.bidi_controls.append(doc.doc_id)
        if per_document:
            _warn_at(doc, body, min(positions), f"{sum(body.count(c) for c in BIDI_CONTROLS)} bidi/zero-width "
                     f"control characters; matching ignores them")
    control = _CONTROL_RE.search(text)
    if control:
        report.control_characters.append(doc.doc_id)
        if per_document:
            _warn_at(doc, text, control.start(), f"{len(_CONTROL_RE.findall(text))} control characters "
                     f"(first: U+{ord(control.group()):04X}), kept as they are: binary junk, or text "
                     f"from another encoding?")


def _warn_at(doc, text: str, pos: int, what: str) -> None:
    """A CorpusWarning naming the document's file and the line of ``pos`` in ``text``,
    attributed to the caller of the function that checked the text."""
    warnings.warn(CorpusWarning(f"{doc.source}:{_line_at(text, pos)}: {what}"), stacklevel=4)


def _text_key(text: str) -> str:
    """Identity of a text for duplicate detection (differences in whitespace ignored)."""
    return hashlib.blake2b(" ".join(text.split()).encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


def csv_records(text: str | Iterable[str], path: Path | str, error: type[AnalysisError] = CorpusError, *,
                max_field: int | None = None) -> tuple[list[str] | None, Iterator[tuple[int, dict]]]:
    """The header of a CSV text and its records as (line where the record starts, row).

    ``text``: the whole text, or its lines (each with its line break, as a file gives
    them: the records are then read as the lines come, in bounded memory).
    Strict, because a lenient reader loses data silently: an unclosed or stray quotation
    mark (which would swallow the following rows into one field), a row with more or
    fewer fields than the header (an unquoted comma in a text) and a column named twice
    in the header (the last would win) are errors naming the line. A field may hold up
    to ``max_field`` characters (default: :data:`DEFAULT_MAX_DOCUMENT_MB` of them).
    A UTF-8 byte-order mark (Excel's "CSV UTF-8") is dropped; blank lines are skipped.
    The header is read at once (``None`` for an empty text), the records lazily.
    """
    if isinstance(text, str):
        lines: Iterable[str] = io.StringIO(text.removeprefix("\ufeff"), newline="")
    else:
        lines = _without_bom(text)
    # The csv module's own limit (131,072 characters, for the whole process) is far
    # below a long article; it is only ever raised here.
    max_field = max_field or _limit_bytes(DEFAULT_MAX_DOCUMENT_MB)
    if csv.field_size_limit() < max_field:
        csv.field_size_limit(min(max_field, sys.maxsize))
    reader = csv.reader(lines, strict=True)

    def problem(exc: csv.Error, line: int, what: str) -> AnalysisError:
        if str(exc).startswith("field larger than field limit"):
            return error(path, _over_limit(f"a field of more than {max_field:,} characters (in the "
                                           f"{what} starting here),", max_field), line=line)
        if what == "header":
            return error(path, f"malformed CSV header ({exc})", line=line)
        return error(path, f"malformed CSV ({exc}): an unclosed or stray quotation mark in the "
                           f"record starting here?", line=line)

    try:
        header = next(reader, None)
    except csv.Error as exc:
        raise problem(exc, 1, "header") from None
    if header is not None:
        twice = sorted({name for name in header if header.count(name) > 1})
        if twice:
            raise error(path, f"column(s) {', '.join(map(repr, twice))} named twice in the header "
                              f"(the last would silently win): rename or remove one", line=1)

    def records() -> Iterator[tuple[int, dict]]:
        end = reader.line_num
        while True:
            start = end + 1
            try:
                row = next(reader, None)
            except csv.Error as exc:
                raise problem(exc, start, "record") from None
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


def _without_bom(lines: Iterable[str]) -> Iterator[str]:
    lines = iter(lines)
    first = next(lines, None)
    if first is not None:
        yield first.removeprefix("\ufeff")
        yield from lines


def _open_binary(path: Path, compressed: bool = False):
    """A binary file handle; a file that cannot be opened is an error naming it."""
    try:
        return gzip.open(path, "rb") if compressed else open(path, "rb")
    except PermissionError:
        raise CorpusError(path, "permission denied: this file cannot be read (check its "
                                "permissions)") from None
    except IsADirectoryError:
        raise CorpusError(path, "is a folder, not a corpus file") from None


def _binary_lines(path: Path, max_bytes: int, *, compressed: bool = False,
                  split_cr: bool = False) -> Iterator[tuple[int, bytes]]:
    """(line number, bytes with the line break) of a file, read a line at a time, no line
    longer than ``max_bytes`` (an error naming the line: a runaway line or a
    decompression bomb is never read whole). ``split_cr``: a bare \\r ends a line too."""
    fh = _open_binary(path, compressed)
    lineno = 0
    with fh:
        while True:
            try:
                chunk = fh.readline(max_bytes + 1)
            except (OSError, EOFError, zlib.error) as exc:
                if isinstance(exc, PermissionError):
                    raise CorpusError(path, "permission denied: this file cannot be read") from None
                what = "cannot read compressed data" if compressed else "cannot read the file"
                raise CorpusError(path, f"{what} ({exc})", line=lineno + 1) from None
            if not chunk:
                return
            if len(chunk) > max_bytes and not chunk.endswith(b"\n"):
                raise CorpusError(path, _over_limit("a line", max_bytes), line=lineno + 1)
            if split_cr and b"\r" in chunk.rstrip(b"\r\n"):
                for piece in re.split(rb"(?<=\r)(?!\n)", chunk):
                    if piece:
                        lineno += 1
                        yield lineno, piece
            else:
                lineno += 1
                yield lineno, chunk


def _csv_file_records(path: Path, max_bytes: int) -> tuple[list[str] | None, Iterator[tuple[int, dict]]]:
    """:func:`csv_records` of a CSV file, streamed: one line in memory at a time, each
    decoded on its own (an encoding error names its line)."""
    lines = (_decode(chunk, path, line=lineno) for lineno, chunk in _binary_lines(path, max_bytes, split_cr=True))
    return csv_records(lines, path, max_field=max_bytes)


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


def _folder_documents(folder: Path, max_bytes: int) -> Iterator[Document]:
    manifest_path = folder / MANIFEST_NAME
    files = sorted(p for p in folder.glob("*.txt") if p.is_file())
    if not files:
        raise CorpusError(folder, "no .txt files in this folder")
    # A symbolic link may point anywhere: a corpus that reads files from outside its
    # folder would not be the corpus the folder shows (or could be made to read any file).
    inside = folder.resolve()
    for p in files:
        if p.is_symlink() and inside not in p.resolve().parents:
            raise CorpusError(p, f"is a symbolic link to {p.resolve()}, outside the corpus folder: "
                                 f"copy the file into the folder instead")
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
        size = p.stat().st_size
        if size > max_bytes:
            raise CorpusError(p, _over_limit(f"the file is {size / 2 ** 20:.1f} MB,", max_bytes))
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
    if not wanted or not _has_words(text):
        return  # nothing to check; an empty text is reported as such
    if not any(normalize_text(ln).strip() == wanted for ln in _LINE_BREAK_RE.split(text)):
        raise ManifestError(manifest_path, f"doc_id {file.stem!r}: the {column} {meta[column]!r} is "
                                           f"not a line of {file} (compared without diacritics, "
                                           f"tatweel and letter variants): correct it, or leave it "
                                           f"empty to have the headline detected", line=line)


_TABLE_FIELDS = ("id", "outlet", "date", "title", "text")
_JSONL_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson", ".json.gz")


def _table_rows(path: Path, max_bytes: int, wanted: Iterable[str] | None = None,
                owns: Callable[[int], bool] | None = None
                ) -> tuple[list[str] | None, Iterator[tuple[int, dict]]]:
    """The columns of a CSV or Parquet corpus (``None`` for JSONL, whose records may
    differ) and its records as (line or row number, record), streamed. ``owns``: the
    JSONL lines to parse (see :func:`_jsonl_records`)."""
    name = path.name.lower()
    if name.endswith(".csv"):
        return _csv_file_records(path, max_bytes)
    if name.endswith(_JSONL_SUFFIXES):
        return None, _jsonl_records(path, max_bytes, owns)
    if name.endswith(".parquet"):
        import pyarrow as pa
        import pyarrow.parquet as pq

        try:
            table = pq.ParquetFile(path)
        except (pa.ArrowException, OSError) as exc:
            if isinstance(exc, FileNotFoundError):
                raise
            if isinstance(exc, PermissionError):
                raise CorpusError(path, "permission denied: this file cannot be read") from None
            raise CorpusError(path, f"not a readable Parquet file ({_first_line(exc)})") from None
        names = list(table.schema_arrow.names)
        twice = sorted({n for n in names if names.count(n) > 1})
        if twice:
            raise CorpusError(path, f"column(s) {', '.join(map(repr, twice))} named twice (the last "
                                    f"would silently win): rename or remove one")
        # Only the columns we use are read: a Parquet file streams by row group, and a
        # wide column we do not analyse should cost nothing.
        keep = None if wanted is None else [c for c in names if c in set(wanted)]
        return names, _parquet_records(table, path, keep)
    raise CorpusError(path, "unknown corpus format: give a folder with manifest.csv, or a "
                            ".jsonl, .jsonl.gz, .csv or .parquet file")


def _first_line(exc: BaseException) -> str:
    """The first line of an exception's message (Arrow's run over several)."""
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]


def _parquet_records(table, path: Path, columns: list[str] | None = None) -> Iterator[tuple[int, dict]]:
    import pyarrow as pa

    row_no = 0
    batches = table.iter_batches(batch_size=2048, columns=columns)
    while True:
        try:
            batch = next(batches, None)
            records = [] if batch is None else batch.to_pylist()
        except (pa.ArrowException, OSError, ValueError) as exc:  # a damaged page: also bad UTF-8 in a string
            raise CorpusError(path, f"cannot read the rows after row {row_no}: a damaged page? "
                                    f"({_first_line(exc)})") from None
        if batch is None:
            return
        for rec in records:
            row_no += 1
            yield row_no, rec


class _JsonNumber(str):
    """A JSON number exactly as written in the file (an id keeps its digits: a number is
    never converted, so 5,000 digits or 1e3 stay as they are)."""

    __slots__ = ()


class _JsonProblem(ValueError):
    """A JSON text that parses but must not be read as it would be (see _json_object)."""


def _refuse_constant(name: str):
    raise _JsonProblem(f"{name} is not a JSON value")


def _object_without_repeats(pairs: list[tuple[str, object]]) -> dict:
    obj = dict(pairs)
    if len(obj) != len(pairs):
        seen: set[str] = set()
        twice = next(k for k, _ in pairs if k in seen or seen.add(k))
        raise _JsonProblem(f"key {twice!r} given twice in one object (the last would silently win)")
    return obj


_LONE_SURROGATE_RE = re.compile("[\ud800-\udfff]")


def _json_object(line: bytes, path: Path, lineno: int) -> dict:
    """One JSONL line as a dict, or an error naming the file and line.

    Numbers are kept as written (:class:`_JsonNumber`); NaN and Infinity (not JSON), a
    key given twice in an object, nesting deeper than Python can follow, and an escape
    of half a UTF-16 pair (``\\ud800``: not a character, it could not be written to any
    table) are errors."""
    content = _decode(line, path, line=lineno).rstrip("\r\n")
    try:
        obj = json.loads(content, parse_int=_JsonNumber, parse_float=_JsonNumber,
                         parse_constant=_refuse_constant, object_pairs_hook=_object_without_repeats)
    except json.JSONDecodeError as exc:
        at = "" if exc.msg.endswith(" at") else " at"  # "Unterminated string starting at"
        end = " (the end of the line)" if exc.pos >= len(content) else ""
        raise CorpusError(path, f"not valid JSON ({exc.msg}{at} column {exc.pos + 1}{end})",
                          line=lineno) from None
    except _JsonProblem as exc:
        raise CorpusError(path, f"not valid JSON ({exc})", line=lineno) from None
    except RecursionError:
        raise CorpusError(path, "not readable JSON: values nested too deeply (thousands of "
                                "brackets inside one another)", line=lineno) from None
    if not isinstance(obj, dict):
        raise CorpusError(path, "each line must be a JSON object", line=lineno)
    if b"\\ud" in line or b"\\uD" in line:
        for key, value in obj.items():
            bad = _LONE_SURROGATE_RE.search(value) if isinstance(value, str) else None
            if bad:
                raise CorpusError(path, f"field {key!r} holds \\u{ord(bad.group()):04x}, half of a "
                                        f"UTF-16 pair without its other half: not a character "
                                        f"(a text cut in the middle of an emoji or a rare letter?)",
                                  line=lineno)
    return obj


def _jsonl_records(path: Path, max_bytes: int, owns: Callable[[int], bool] | None = None
                   ) -> Iterator[tuple[int, dict]]:
    """Records of a JSONL file; with ``owns``, only those of the lines it accepts (a
    worker reading its shard). Every line is still read, with the same calls, so that a
    read error or an over-long line surfaces at the same line in every process."""
    compressed = path.name.lower().endswith(".gz")
    for lineno, line in _binary_lines(path, max_bytes, compressed=compressed):
        if line.strip() and (owns is None or owns(lineno)):
            yield lineno, _json_object(line, path, lineno)


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


def _kind(value) -> str:
    """What a cell holds, in the words of the file formats."""
    if isinstance(value, bool):
        return f"a boolean ({str(value).lower()})"
    if isinstance(value, _JsonNumber):
        return f"a number ({value})"
    if isinstance(value, (int, float)):
        return f"a number ({value!r})"
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, (list, tuple)):
        return "a list"
    return f"a {type(value).__name__}"


def _document_id(value, column: str, path: Path, lineno: int) -> str:
    """An id exactly as written: text, or a whole number (JSON numbers keep their digits).
    Anything else would be turned into text that is not what the file says, and is refused:
    booleans, decimal numbers (a column of whole numbers with missing values is stored as
    decimals: 3 becomes 3.0) and NaN."""
    if isinstance(value, float) and value != value:
        why = "is missing (NaN)"
    elif value is None:
        why = "is empty"
    elif isinstance(value, str) or (isinstance(value, int) and not isinstance(value, bool)):
        text = str(value)
        if text.strip():
            return text
        why = "is empty"
    elif isinstance(value, float):
        why = (f"holds a decimal number ({value!r}): ids are kept exactly as written, so they must "
               f"be text or whole numbers (whole numbers with missing values are stored as "
               f"decimals: fill or drop the missing ones)")
    else:
        why = f"holds {_kind(value)}"
    raise CorpusError(path, f"column {column!r} must hold an id; here it {why}", line=lineno)


def _metadata(value, column: str, path: Path, lineno: int) -> str:
    """An outlet, date or title cell as text ("" when missing); a boolean, a list or an
    object is refused rather than written out as Python would print it."""
    if value is None or (isinstance(value, float) and value != value):
        return ""
    if isinstance(value, (bool, dict, list, tuple)):
        raise CorpusError(path, f"column {column!r} holds {_kind(value)}, not text", line=lineno)
    return str(value)


def _column_mapping(path: Path, columns: dict[str, str] | None) -> dict[str, str]:
    """Our field names (id, outlet, date, title, text) to the file's column names."""
    mapping = {f: f for f in _TABLE_FIELDS}
    mapping.update(columns or {})
    unknown = set(columns or {}) - set(_TABLE_FIELDS)
    if unknown:
        raise CorpusError(path, f"unknown column mapping key(s) {sorted(unknown)}; "
                                f"use {', '.join(_TABLE_FIELDS)}")
    return mapping


def _table_documents(path: Path, columns: dict[str, str] | None, max_bytes: int,
                     report: "CorpusReport", *, owns: Callable[[int], bool] | None = None,
                     has_outlet: bool | None = None) -> Iterator[Document]:
    """Documents of a table corpus, in file order. A worker reading a shard of a JSONL
    file passes ``owns`` (the lines it parses) and ``has_outlet`` (whether the file's
    first record has the outlet column: the first record was checked in full by the
    process that started the workers, so no record is treated as the first here)."""
    mapping = _column_mapping(path, columns)
    explicit = set(columns or {})
    id_col, text_col, outlet_col = mapping["id"], mapping["text"], mapping["outlet"]
    required = [id_col, text_col] + [mapping[f] for f in explicit]
    header, records = _table_rows(path, max_bytes, set(mapping.values()), owns)
    if header is not None:  # CSV (line 1) and Parquet: checked once, before any record
        _check_columns(path, header, mapping, explicit, 1 if path.name.lower().endswith(".csv") else None)
    first = has_outlet is None
    has_outlet = bool(has_outlet)
    for lineno, rec in records:
        if header is None:
            # JSONL records may differ: the first is checked in full, the others for the
            # columns that must be there; one without the outlet the first had is noted.
            if first or not all(c in rec for c in required):
                _check_columns(path, rec, mapping, explicit, lineno)
            if first:
                has_outlet = outlet_col in rec
            elif has_outlet and outlet_col not in rec:
                report.missing_outlet.append((str(rec[id_col]), f"{path}:{lineno}"))
        first = False
        text = rec[text_col]
        if text is None:
            text = ""
        if not isinstance(text, str) or isinstance(text, _JsonNumber):
            raise CorpusError(path, f"column {mapping['text']!r} holds {_kind(text)}, not text",
                              line=lineno)
        if len(text) > max_bytes // 4 and len(text.encode("utf-8", "surrogatepass")) > max_bytes:
            raise CorpusError(path, _over_limit(f"the text is {len(text.encode('utf-8', 'surrogatepass')) / 2 ** 20:.1f} MB,",
                                                max_bytes), line=lineno)
        doc_id = _document_id(rec[id_col], mapping["id"], path, lineno)
        meta = {f: _metadata(rec.get(mapping[f]), mapping[f], path, lineno) for f in ("outlet", "date", "title")}
        yield Document(doc_id, text, meta, f"{path}:{lineno}")


# Characters that are a word character once normalised (ASCII letters and digits, the
# Arabic letters but tatweel): finding one settles that a text has a word.
_SURE_WORD_RE = re.compile("[0-9A-Za-z\u0621-\u063a\u0641-\u064a]")


def _has_words(text: str) -> bool:
    """Whether a text has a word (``count_words(text) > 0``): a letter or digit once
    diacritics, tatweel and invisible characters are set aside. Its first Arabic or
    ASCII letter or digit usually settles it; otherwise the text is normalised."""
    return _SURE_WORD_RE.search(text) is not None or _WORD_RE.search(normalize_text(text)) is not None


def iter_documents(path: str | Path, *, columns: dict[str, str] | None = None,
                   on_empty: Literal["error", "skip"] | None = None,
                   on_duplicate: Literal["error", "skip"] | None = None,
                   report: CorpusReport | None = None,
                   max_document_mb: float = DEFAULT_MAX_DOCUMENT_MB) -> Iterator[Document]:
    """Stream documents from a corpus folder or file, in bounded memory.

    Args:
        path: a folder of ``.txt`` files with ``manifest.csv``, or a ``.jsonl``,
            ``.jsonl.gz``, ``.csv`` or ``.parquet`` file.
        columns: for table corpora, maps our field names (id, outlet, date, title, text)
            to the file's column names, e.g. ``{"id": "article_id"}``.
        on_empty, on_duplicate: ``"error"`` raises naming the file; ``"skip"`` skips the
            document and records it in ``report`` (with a warning at the end). Defaults:
            ``"error"`` for folders (a curated corpus), ``"skip"`` for table corpora.
            A document is empty when it has no word: nothing but spaces, invisible
            characters, diacritics, tatweel or punctuation.
        report: filled with what was read and skipped.
        max_document_mb: the largest document read (a .txt file, a JSONL or CSV line,
            a text cell, in MB of UTF-8); a larger one is an error naming its file and
            line, found before it is read whole.

    Yields:
        :class:`Document` in file order.
    """
    path, is_folder, on_empty, on_duplicate, max_bytes = _read_settings(
        path, columns=columns, on_empty=on_empty, on_duplicate=on_duplicate,
        max_document_mb=max_document_mb)
    report = report if report is not None else CorpusReport()
    source_iter = (_folder_documents(path, max_bytes) if is_folder
                   else _table_documents(path, columns, max_bytes, report))
    rule = FirstOfEach(report, on_empty=on_empty, on_duplicate=on_duplicate)
    for doc in source_iter:
        if not rule.keep(doc.doc_id, doc.source, partial(_text_key, doc.text), partial(_has_words, doc.text)):
            continue
        _check_text(doc, report, per_document=is_folder)
        report.n_read += 1
        yield doc
    warn_after_reading(path, report, is_folder)


def _read_settings(path: str | Path, *, columns, on_empty, on_duplicate, max_document_mb
                   ) -> tuple[Path, bool, str, str, int]:
    """The checked options of :func:`iter_documents`: (path, is_folder, on_empty,
    on_duplicate, max_bytes)."""
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
    return path, is_folder, on_empty, on_duplicate, _limit_bytes(max_document_mb)


class FirstOfEach:
    """The rule by which a corpus file keeps a document: the first of each id and of each
    text (whitespace aside), and only documents with a word. What it skips is recorded in
    ``report`` (or is an error, with ``"error"``). One rule, applied in file order,
    whether the documents were read here or by worker processes reading shards."""

    def __init__(self, report: CorpusReport, *, on_empty: str, on_duplicate: str):
        self.report, self.on_empty, self.on_duplicate = report, on_empty, on_duplicate
        self.ids: set[str] = set()
        self.texts: dict[str, str] = {}

    def keep(self, doc_id: str, source: str, text_key: Callable[[], str],
             has_words: Callable[[], bool]) -> bool:
        """Whether to keep the document; ``text_key`` and ``has_words`` are asked only
        when the rule needs them (they cost a pass over the text)."""
        report = self.report
        if doc_id in self.ids:
            if self.on_duplicate == "error":
                raise DuplicateDocumentError(source, f"duplicate document id {doc_id!r}")
            report.duplicate_ids.append(doc_id)
            same = self.texts.get(text_key()) == doc_id
            report.skipped.append((f"duplicate id ({'same' if same else 'different'} text)", doc_id, source))
            return False
        self.ids.add(doc_id)
        if not has_words():
            if self.on_empty == "error":
                raise EmptyDocumentError(source, f"document {doc_id!r} is empty: no word, "
                                                 f"only spaces, invisible characters, "
                                                 f"diacritics, tatweel or punctuation, if anything")
            report.empty.append(doc_id)
            report.skipped.append(("empty", doc_id, source))
            return False
        key = text_key()
        if key in self.texts:
            if self.on_duplicate == "error":
                raise DuplicateDocumentError(source, f"same text as document {self.texts[key]!r}")
            report.duplicate_texts.append((doc_id, self.texts[key]))
            report.skipped.append((f"same text as {self.texts[key]!r}", doc_id, source))
            return False
        self.texts[key] = doc_id
        return True


def warn_after_reading(path: Path, report: CorpusReport, is_folder: bool) -> None:
    """The warnings at the end of a corpus file: what was skipped, and what suspicious
    text table corpora held (a folder warns per document as it reads)."""
    if report.skipped:
        warnings.warn(CorpusWarning(f"{path}: {report.summary()}"), stacklevel=3)
    if report.n_read == 0:
        warnings.warn(CorpusWarning(f"{path}: no documents to analyse"), stacklevel=3)
    if not is_folder:
        for ids, what in ((report.presentation_forms, "contain Arabic presentation forms (mapped to base letters)"),
                          (report.bidi_controls, "contain bidi/zero-width controls (ignored by matching)"),
                          (report.control_characters, "contain NUL or other control characters (kept as "
                                                      "they are: binary junk, or text from another encoding?)")):
            if ids:
                warnings.warn(CorpusWarning(f"{path}: {len(ids)} documents {what}, e.g. "
                                            f"{', '.join(ids[:3])}"), stacklevel=3)
        if report.missing_outlet:
            shown = ", ".join(f"{doc_id!r} at {where}" for doc_id, where in report.missing_outlet[:3])
            warnings.warn(CorpusWarning(
                f"{path}: {len(report.missing_outlet)} records have no outlet field though the first "
                f"has one ({shown}{', …' if len(report.missing_outlet) > 3 else ''}): their documents "
                f"are counted under an empty outlet"), stacklevel=3)


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


# The per-token work: each ``_f_py`` below is the reference, and ``_f`` is the compiled
# kernel of the same signature where the C extension is built (``analysis.kernels``;
# ``tests/test_kernels.py`` holds the two equal), else ``_f_py`` itself.

def _split_tokens_py(text: str) -> tuple[list[str], int]:
    """``text`` split by TOKEN_RE into gaps and tokens, alternating ([gap, token, gap, …,
    gap]), and how many of the tokens are words (not marks)."""
    pieces = _TOKEN_SPLIT_RE.split(text)
    # Each mark is one character and one token (none is part of a word).
    return pieces, len(pieces) // 2 - sum(map(text.count, _MARK_TOKENS))


_split_tokens = kernels.pick("split_tokens", _split_tokens_py)


def _lines_py(text: str) -> list[tuple[int, int, int]]:
    """(line number, start, end) of every non-blank line, end before trailing space.

    Lines end at \n, \r\n or a bare \r (old Mac files, and text pasted from some
    editors): a CR-only file is as many paragraphs as it has lines, not one."""
    out = []
    pos = 0
    if "\r" in text:
        ends = [(m.start(), m.end()) for m in _LINE_BREAK_RE.finditer(text)] + [(len(text), len(text))]
        pieces = []
        for end, after in ends:
            pieces.append((pos, text[pos:end]))
            pos = after
    else:
        pieces = []
        for line in text.split("\n"):
            pieces.append((pos, line))
            pos += len(line) + 1
    for lineno, (start, line) in enumerate(pieces, 1):
        stripped = line.rstrip()
        if stripped.strip():
            lead = len(line) - len(line.lstrip())
            out.append((lineno, start + lead, start + len(stripped)))
    return out


_lines = kernels.pick("lines", _lines_py)


_LSTRIP_WF = operator.methodcaller("lstrip", "وف")


def _shared_keys_py(token_lists: list[list[str]]) -> tuple[list[list[str]], list[int]]:
    """The keys of each list of tokens (each token without its leading و/ف letters), and
    for each list how many of its keys are also keys of another list."""
    keys = [list(map(_LSTRIP_WF, tokens)) for tokens in token_lists]
    seen: set[str] = set()
    repeated: set[str] = set()  # keys of two lists or more
    for key_set in map(set, keys):
        repeated |= seen & key_set
        seen |= key_set
    return keys, [sum(map(repeated.__contains__, k)) for k in keys]


_shared_keys = kernels.pick("shared_keys", _shared_keys_py)

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
    # A cheap necessary condition first: 80% of the quote's words must have a partner in
    # the repeated paragraph, equal up to a leading و/ف. Such words are equal once all
    # their leading و/ف letters are stripped, so counting the quote's words whose
    # stripped form occurs in another paragraph can only overcount: a paragraph that
    # fails this cannot repeat any. Most documents stop here.
    body_keys, shared = _shared_keys([para_tokens[j] for j in body])
    shared_at = dict(zip(body, shared))
    candidates = [i for i in candidates if shared_at[i] >= 0.8 * nwords[i]]
    if not candidates:
        return {}
    keys = dict(zip(body, body_keys))
    key_sets = {j: set(keys[j]) for j in body}
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


def _sentence_ends_py(text: str) -> list[int]:
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


_sentence_ends = kernels.pick("sentence_ends", _sentence_ends_py)


def _split_sentences_py(text: str, start: int, end: int, ends: list[int] | None = None) -> list[tuple[int, int]]:
    """Sentence spans of the paragraph ``text[start:end]`` (leading space excluded).

    ``ends``: the :func:`_sentence_ends` of the whole text, if already computed. Paragraphs
    are lines that start and end with a non-space, so no punctuation match crosses them.
    """
    if ends is None:
        ends = [start + e for e in _sentence_ends_py(text[start:end])]
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


_split_sentences = kernels.pick("split_sentences", _split_sentences_py)


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
    # One pass gives the tokens and, from the lengths of the pieces, their offsets.
    split = [_split_tokens(t) for t in segments]
    pieces = [p for p, _ in split]
    nwords = [n for _, n in split]
    tokens = [p[1::2] for p in pieces]

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

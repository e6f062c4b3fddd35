"""Framing markers: every realisation of a codebook frame, with raw offsets.

:func:`find_markers` runs one document through the codebook; :func:`markers_frame` runs a
corpus. Matching happens on normalised text and every span is mapped back through the
offset map, so ``raw[start:end] == match`` on every row.

Counting rules (see the codebook header): overlapping matches of one frame count once
(the longest wins); adjacent realisations of one frame joined by و or a comma are merged
into one marker; matches in pull quotes and page chrome are kept and flagged.

Example:
    >>> from analysis.corpus import Document
    >>> doc = Document("x", "اعتماد المقاربات الوقائية والاستباقية في مواجهة الإرهاب", {"outlet": "X"})
    >>> find_markers(doc)[["frame", "match"]].values.tolist()
    [['proactive_intelligence', 'الوقائية والاستباقية']]
"""
from __future__ import annotations

import bisect
import re
from functools import lru_cache
from typing import Iterable

import pandas as pd

from .codebook import Codebook, Pattern, load_codebook
from .corpus import Document, Structure, segment
from .normalize import NormalizedText, normalize

__all__ = ["find_markers", "marker_records", "markers_frame", "MARKER_COLUMNS", "kwic", "Concordance"]

MARKER_COLUMNS = {
    "doc_id": "document id",
    "outlet": "outlet (from the manifest)",
    "frame": "frame id (codebook)",
    "pattern_id": "pattern that matched ('a+b' when coordinated realisations were merged)",
    "match": "exact raw surface text: raw[start:end]",
    "start": "raw start offset",
    "end": "raw end offset",
    "sentence_id": "sentence containing the start (corpus.segment)",
    "role": "role of the paragraph (body, headline, pullquote, chrome ...)",
    "in_pullquote": "True if in a pull quote that repeats body text",
    "in_chrome": "True if in scraped page chrome",
    "left": "up to 40 raw characters before the match",
    "right": "up to 40 raw characters after the match",
    "normalized": "the match in normalised form",
}

_CONTEXT_CHARS = 40
# Context columns are one line each: "\r" too (Windows files), since a CSV written with
# "\n" line ends leaves a bare "\r" unquoted and readers then split the row there.
# Character for character, so that the context keeps the raw slice's length.
_LINE_BREAKS_TO_SPACES = str.maketrans("\r\n", "  ")
_MERGE_GAP_RE = re.compile(r"^\s*(?:[،,]\s*)?$")


def _candidate_matches(nt: NormalizedText, patterns: Iterable[Pattern]) -> list[tuple[int, int, Pattern, str]]:
    found = []
    text = nt.text
    seen: dict[str, bool] = {}
    for p in patterns:
        if not p.may_match(text, seen):
            continue
        for m in p.finditer(text):
            found.append((m.start(), m.end(), p, m.group("pro") or ""))
    return found


def _select_longest(matches: list[tuple]) -> list[tuple]:
    """Non-overlapping matches, longest first (ties: earliest), in text order.

    Each match is kept unless it overlaps one kept before. Overlap is looked up in a
    byte per text position (1 inside a kept match, 2 at its first position), so each
    match costs its own length, not the number of matches kept: a document with tens
    of thousands of matches of one frame takes time in proportion to them.
    """
    if not matches:
        return []
    covered = bytearray(max(m[1] for m in matches) + 1)
    chosen: list[tuple] = []
    for m in sorted(matches, key=lambda m: (-(m[1] - m[0]), m[0], m[2].pattern_id)):
        start, end = m[0], m[1]
        if start == end:
            # An empty match (no codebook pattern gives one) is inside a kept match
            # when it falls strictly after that match's first position; it comes last
            # (shortest) and covers nothing.
            if covered[start] != 1:
                chosen.append(m)
        elif covered.find(1, start, end) == -1 and covered.find(2, start, end) == -1:
            covered[start:end] = b"\x02" + b"\x01" * (end - start - 1)
            chosen.append(m)
    return sorted(chosen, key=lambda m: m[0])


def _merge_coordinated(matches: list[tuple], text: str, sentence_of) -> list[tuple[int, int, list[str]]]:
    """Merge adjacent realisations joined by و or a comma (same sentence)."""
    merged: list[list] = []
    for start, end, pattern, pro in matches:
        if merged:
            prev = merged[-1]
            gap = text[prev[1]:start]
            joined = _MERGE_GAP_RE.match(gap) and (pro.startswith("و") or "،" in gap or "," in gap)
            if joined and sentence_of(prev[0]) == sentence_of(start):
                prev[1] = end
                if pattern.pattern_id not in prev[2]:
                    prev[2].append(pattern.pattern_id)
                continue
        merged.append([start, end, [pattern.pattern_id]])
    return [(s, e, ids) for s, e, ids in merged]


def find_markers(doc: Document, codebook: Codebook | None = None, *,
                 structure: Structure | None = None,
                 normalized: NormalizedText | None = None) -> pd.DataFrame:
    """All framing markers of one document (columns: MARKER_COLUMNS).

    Args and rules: see :func:`marker_records`, which returns the same rows as dicts.
    """
    rows = marker_records(doc, codebook, structure=structure, normalized=normalized)
    out = pd.DataFrame(rows, columns=list(MARKER_COLUMNS))
    return out.astype({"start": "int64", "end": "int64", "sentence_id": "int64",
                       "in_pullquote": bool, "in_chrome": bool})


def marker_records(doc: Document, codebook: Codebook | None = None, *,
                   structure: Structure | None = None,
                   normalized: NormalizedText | None = None) -> list[dict]:
    """All framing markers of one document as dicts (keys: MARKER_COLUMNS), by start.

    Args:
        doc: the document.
        codebook: a loaded codebook (default: the packaged one).
        structure: the document's :func:`~analysis.corpus.segment` result, if already
            computed (it is computed only when something matched).
        normalized: the document's :func:`~analysis.normalize.normalize` result, if
            already computed.
    """
    codebook = codebook or _default_codebook()
    nt = normalized or normalize(doc.text)
    candidates = _candidate_matches(nt, codebook.patterns)
    if not candidates:
        return []
    structure = structure or segment(doc, nt)
    bounds = structure.sentence_norm
    starts = [b[0] for b in bounds]

    def sentence_of(norm_pos: int) -> int:
        i = bisect.bisect_right(starts, norm_pos) - 1
        return i if i >= 0 and norm_pos < bounds[i][1] else -1

    # Whether a sentence contains a context (or exclude) list, asked once per sentence
    # and list: a long sentence with many matches is searched once, not once per match.
    found_in_sentence: dict[tuple[int, int], bool] = {}

    def sentence_has(rx, sid: int, cand) -> bool:
        if sid < 0:
            return rx.search(nt.text[cand[0]:cand[1]]) is not None
        key = (sid, id(rx))
        if key not in found_in_sentence:
            found_in_sentence[key] = rx.search(nt.text[bounds[sid][0]:bounds[sid][1]]) is not None
        return found_in_sentence[key]

    kept = []
    for cand in candidates:
        p = cand[2]
        if p.context is not None or p.exclude is not None:
            sid = sentence_of(cand[0])
            if p.context is not None and not sentence_has(p.context, sid, cand):
                continue
            if p.exclude is not None and sentence_has(p.exclude, sid, cand):
                continue
        kept.append(cand)

    rows = []
    raw = doc.text
    by_frame: dict[str, list] = {}
    for cand in kept:
        by_frame.setdefault(cand[2].frame, []).append(cand)
    for frame in (f.id for f in codebook.frames):
        if frame not in by_frame:
            continue
        for ns, ne, ids in _merge_coordinated(_select_longest(by_frame[frame]), nt.text, sentence_of):
            start, end = nt.to_raw_span(ns, ne)
            sid = structure.sentence_at(start)
            role = structure.sentence_role(sid) if sid >= 0 else "body"
            rows.append({
                "doc_id": doc.doc_id, "outlet": doc.outlet, "frame": frame,
                "pattern_id": "+".join(ids), "match": raw[start:end], "start": start, "end": end,
                "sentence_id": sid, "role": role, "in_pullquote": role == "pullquote",
                "in_chrome": role == "chrome",
                "left": raw[max(0, start - _CONTEXT_CHARS):start].translate(_LINE_BREAKS_TO_SPACES),
                "right": raw[end:end + _CONTEXT_CHARS].translate(_LINE_BREAKS_TO_SPACES),
                "normalized": nt.text[ns:ne],
            })
    rows.sort(key=lambda r: (r["start"], r["frame"]))
    return rows


@lru_cache(maxsize=1)
def _default_codebook() -> Codebook:
    """The packaged codebook, loaded once per process."""
    return load_codebook()


def markers_frame(corpus: Iterable[Document], codebook: Codebook | None = None) -> pd.DataFrame:
    """Markers of every document of a corpus, in corpus order (MARKER_COLUMNS)."""
    codebook = codebook or _default_codebook()
    rows = [r for doc in corpus for r in marker_records(doc, codebook)]
    out = pd.DataFrame(rows, columns=list(MARKER_COLUMNS))
    return out.astype({"start": "int64", "end": "int64", "sentence_id": "int64",
                       "in_pullquote": bool, "in_chrome": bool})


class Concordance:
    """A KWIC table that renders right-to-left in JupyterLab, from committed outputs too.

    ``data`` is the plain table (doc_id, outlet, frame, before, match, after). The HTML
    (:class:`analysis.html_tables.HtmlTable`) is ``dir="rtl"`` (in Arabic the text before the
    match stands on its right), its alignment and bold match are inline styles (JupyterLab
    strips ``<style>`` blocks from untrusted notebooks), and the Latin ids are isolated
    left-to-right. The text form is the table itself, so outputs are the same on every run.
    """

    def __init__(self, data: pd.DataFrame, caption: str = ""):
        self.data = data
        self.caption = caption

    def to_html(self) -> str:
        from .html_tables import HtmlTable

        # In a right-to-left table "before" stands right of the match and "after" left of
        # it: each context is aligned towards the match.
        styles = {"before": "text-align:left", "after": "text-align:right",
                  "match": "font-weight:bold;text-align:center"}
        table = HtmlTable(self.data, self.caption, column_styles=styles,
                          nowrap=["doc_id", "before", "match", "after"], direction="rtl")
        return table.to_html()

    def _repr_html_(self) -> str:
        return self.to_html()

    def __repr__(self) -> str:
        head = f"{self.caption}\n" if self.caption else ""
        return head + (self.data.to_string(index=False) if len(self.data) else "(no markers)")

    def __len__(self) -> int:
        return len(self.data)


def kwic(markers: pd.DataFrame, *, frame: str | None = None, width: int = 40) -> Concordance:
    """Keyword-in-context concordance of markers (see :class:`Concordance`)."""
    rows = markers if frame is None else markers[markers["frame"] == frame]
    table = pd.DataFrame({
        "doc_id": rows["doc_id"], "outlet": rows["outlet"], "frame": rows["frame"],
        "before": rows["left"].str[-width:], "match": rows["match"],
        "after": rows["right"].str[:width],
    }).reset_index(drop=True)
    return Concordance(table, frame or "")

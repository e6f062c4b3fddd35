"""Offset-preserving Arabic normalisation.

Matching Arabic news text must see through diacritics (partial tashkeel, tanwin,
shadda), tatweel, the spelling variants of alef, alef maksura and teh marbuta, and
text stored in Arabic presentation forms. Every count in this project must still trace
back to the exact raw characters, so normalisation here returns the normalised text
*and* an offset map back to the raw text.

The per-character mapping is built once from camel-tools' own utilities
(``normalize_unicode`` (NFKC), ``dediac_ar``, ``normalize_alef_ar``,
``normalize_alef_maksura_ar``, ``normalize_teh_marbuta_ar``) applied to single code
points, plus deletions camel-tools leaves to the caller: tatweel, bidi and zero-width
controls, and the combining hamza/madda marks (U+0653..U+0655). Because every step is a
per-code-point mapping, each raw character produces zero, one or several normalised
characters, and the map is exact.

One approximation is documented rather than hidden: NFKC *composition* of a decomposed
sequence (alef + combining hamza) is not performed; the combining mark is dropped, which
gives the same result as alef normalisation for alef and the bare letter otherwise.

Only ``camel_tools.utils`` is imported: camel-tools' morphology and disambiguation
modules download a data catalogue on import and fail offline.

Example
-------
>>> n = normalize("الأمنُ القوميّ")
>>> n.text
'الامن القومي'
>>> start, end = n.to_raw_span(0, 5)
>>> n.raw[start:end]
'الأمنُ'
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

import numpy as np
from camel_tools.utils.dediac import dediac_ar
from camel_tools.utils.normalize import (
    normalize_alef_ar,
    normalize_alef_maksura_ar,
    normalize_teh_marbuta_ar,
    normalize_unicode,
)

__all__ = ["NormalizedText", "normalize", "normalize_text", "find_all", "char_map", "BIDI_CONTROLS",
           "TATWEEL", "PRESENTATION_FORM_RE"]

TATWEEL = "\u0640"
#: Bidi embedding/override/isolate marks and zero-width characters: invisible, and a
#: frequent residue of copy-paste from web pages and word processors.
BIDI_CONTROLS = frozenset(
    "\u061c\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
    "\u2066\u2067\u2068\u2069\ufeff"
)
#: Combining hamza above/below and madda: dropped (see module docstring).
_COMBINING_HAMZA = frozenset("\u0653\u0654\u0655")
_EXTRA_DELETIONS = BIDI_CONTROLS | _COMBINING_HAMZA | {TATWEEL}

#: Arabic Presentation Forms-A and -B: text already "reshaped" for display.
PRESENTATION_FORM_RE = re.compile("[\ufb50-\ufdff\ufe70-\ufefc]")

_MAX_CP = 0x110000


def _normalise_char(ch: str) -> str:
    """The normalised form of one code point (camel-tools' utilities, in order)."""
    if ch in _EXTRA_DELETIONS:
        return ""
    out = normalize_unicode(ch)
    out = dediac_ar(out)
    out = normalize_alef_ar(out)
    out = normalize_alef_maksura_ar(out)
    out = normalize_teh_marbuta_ar(out)
    out = "".join(c for c in out if c not in _EXTRA_DELETIONS)
    # NFKC turns isolated presentation forms of diacritics (e.g. U+FE70) into a space
    # plus the mark; once the mark is gone the space is an artefact, not text.
    if out.isspace() and not ch.isspace():
        return ""
    return out


@lru_cache(maxsize=1)
def char_map() -> tuple[dict[int, str], np.ndarray]:
    """The code points normalisation changes, and the output length of every code point.

    Returns ``(table, lengths)``: ``table`` maps a code point to its replacement (for
    ``str.translate``); ``lengths[cp]`` is the number of normalised characters code
    point ``cp`` produces (0 for a deletion). Built once per process (~0.5 s).
    """
    candidates = set(_EXTRA_DELETIONS)
    candidates |= set("\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0670")  # harakat
    candidates |= set("\u0622\u0623\u0625\u0671\u0649\u0629")  # alef forms, maksura, marbuta
    for cp in range(_MAX_CP):
        ch = chr(cp)
        if unicodedata.normalize("NFKC", ch) != ch:
            candidates.add(ch)
    candidates |= {"\ufdfc", "\ufdfd"}  # camel-tools' own fixes (rial sign, basmala)
    table: dict[int, str] = {}
    lengths = np.ones(_MAX_CP, dtype=np.uint8)
    for ch in candidates:
        if 0xD800 <= ord(ch) <= 0xDFFF:
            continue
        out = _normalise_char(ch)
        if out != ch:
            table[ord(ch)] = out
            lengths[ord(ch)] = min(len(out), 255)
    return table, lengths


@lru_cache(maxsize=1)
def _single_char_map() -> np.ndarray:
    """Code point → code point for every 1-to-1 mapping (identity elsewhere)."""
    table, _ = char_map()
    mapping = np.arange(_MAX_CP, dtype=np.uint32)
    for cp, out in table.items():
        if len(out) == 1:
            mapping[cp] = ord(out)
    return mapping


def _codepoints(text: str) -> np.ndarray:
    return np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)


def _normalise(raw: str) -> tuple[str, np.ndarray | None]:
    """Normalised text and per-character output lengths (None if every character maps
    to exactly one character, so offsets are the identity).

    Vectorised: the common case (deletions and 1-to-1 replacements) is two table
    look-ups over the code points; ``str.translate`` handles the rare expansions
    (ligatures such as U+FEFB lam-alef).
    """
    table, lengths_table = char_map()
    cps = _codepoints(raw)
    lengths = lengths_table[cps]
    if (lengths > 1).any():
        return raw.translate(table), lengths
    mapped = _single_char_map()[cps]
    if (lengths == 1).all():
        # One character for one: offsets are the identity, no map needed.
        if np.array_equal(mapped, cps):
            return raw, None
        return mapped.tobytes().decode("utf-32-le", "surrogatepass"), None
    return mapped[lengths == 1].tobytes().decode("utf-32-le", "surrogatepass"), lengths


# Below this length str.translate with the same table gives the same text more cheaply
# than setting up the vectorised path (titles, names, lexicon words).
_SHORT = 200


def normalize_text(raw: str) -> str:
    """Normalised text only (no offset map): the fast path for counting and search."""
    if len(raw) < _SHORT:
        return raw.translate(char_map()[0])
    return _normalise(raw)[0]


def find_all(text: str, literal: str) -> list[int]:
    """Offsets of every occurrence of ``literal`` in ``text`` (overlapping ones too).

    ``str.find`` runs at memory speed; a regex would try every character of the text."""
    out = []
    q = text.find(literal)
    while q != -1:
        out.append(q)
        q = text.find(literal, q + 1)
    return out


@dataclass(frozen=True)
class NormalizedText:
    """Normalised text with a map back to the raw text.

    Attributes:
        raw: the text as given.
        text: the normalised text.
        lengths: per raw character, how many normalised characters it produced
            (``None`` when every raw character gave exactly one, i.e. offsets are the identity).
    """

    raw: str
    text: str
    lengths: np.ndarray | None = field(default=None, repr=False, compare=False)

    @cached_property
    def _norm_start(self) -> np.ndarray:
        # Normalised offset where each raw character begins, plus the total at the end
        # (length len(raw) + 1); computed once, on first use.
        starts = np.empty(len(self.lengths) + 1, dtype=np.int64)
        starts[0] = 0
        np.cumsum(self.lengths, out=starts[1:])
        return starts

    @property
    def _norm_end(self) -> np.ndarray:
        # End offset (exclusive) in normalised text of each raw character (a view).
        return self._norm_start[1:]

    def to_raw(self, pos: int) -> int:
        """Raw offset of the raw character that produced normalised character ``pos``."""
        if self.lengths is None:
            return pos
        if pos >= len(self.text):
            return len(self.raw)
        return int(self._norm_end.searchsorted(pos, side="right"))

    def to_norm(self, raw_pos: int) -> int:
        """Normalised offset where raw character ``raw_pos`` begins (or would begin)."""
        if self.lengths is None:
            return raw_pos
        if raw_pos <= 0:
            return 0
        return int(self._norm_start[min(raw_pos, len(self.raw))])

    def to_norm_many(self, raw_positions) -> list[int]:
        """:meth:`to_norm` of many raw offsets at once (vectorised; offsets outside the
        text are clipped to it)."""
        if self.lengths is None:
            return [int(p) for p in raw_positions]
        return self._norm_start.take(raw_positions, mode="clip").tolist()

    def to_raw_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a normalised span ``[start, end)`` to raw offsets.

        The raw span starts at the character that produced ``text[start]`` and ends after
        the character that produced ``text[end - 1]``, extended over the diacritics and
        tatweel that follow it (they belong to that letter), so that
        ``raw[raw_start:raw_end]`` is the surface form as printed.
        """
        if not 0 <= start <= end <= len(self.text):
            raise ValueError(f"span ({start}, {end}) is outside the normalised text "
                             f"of length {len(self.text)}")
        if self.lengths is None:
            return start, end
        raw_start = self.to_raw(start)
        if end == start:
            return raw_start, raw_start
        raw_end = self.to_raw(end - 1) + 1
        lengths = self.lengths
        n = len(self.raw)
        while raw_end < n and lengths[raw_end] == 0 and _attaches_to_previous(self.raw[raw_end]):
            raw_end += 1
        return raw_start, raw_end


def _attaches_to_previous(ch: str) -> bool:
    """True for deleted characters that belong to the preceding letter."""
    return ch == TATWEEL or unicodedata.category(ch) == "Mn"


def normalize(raw: str) -> NormalizedText:
    """Normalise Arabic text and keep an offset map back to ``raw``.

    Args:
        raw: any text (Arabic, Latin, digits, punctuation, presentation forms).

    Returns:
        A :class:`NormalizedText`; ``text`` is the normalised string and
        ``to_raw_span`` maps spans found in it back to raw offsets.

    Example:
        >>> normalize("ﻻ").text  # presentation-form lam-alef ligature
        'لا'
    """
    if not isinstance(raw, str):
        raise TypeError(f"normalize() takes a str, not {type(raw).__name__}")
    text, lengths = _normalise(raw)
    return NormalizedText(raw, text, lengths)

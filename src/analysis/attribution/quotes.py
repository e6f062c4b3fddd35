"""Quotations: where attributed words are given in quotation marks.

Input: a normalised text, a paragraph's bounds and the bounds of its sentences (offsets
into the normalised text). Output: spans ``(open, close + 1)`` of the quotations, each
marked as closed or not, and helpers that tell a quotation of speech from a quoted name.

Facts about Arabic news this stage relies on:

* « » and „ have a direction; “ ” ‘ ’ and " are often used both ways (” … ”), so a glyph of
  the family that is open closes it whichever way it faces;
* a quotation rarely crosses a paragraph, and when the marks of a paragraph do not pair
  (an unclosed « or an odd number of ") the pairing goes out of step for the rest of the
  paragraph: the marks are then paired again sentence by sentence, so that one stray mark
  costs one sentence, not the paragraph;
* quotation marks also enclose names and titles: after a noun that introduces a name
  (برنامج «…», صحيفة «…»), glued to the preposition لـ or after عبر/على (لـ«الرياض»،
  عبر «تويتر»), or around one to three words that name a known source. Such a quotation is
  not attributed speech; neither is an empty one.
"""
from __future__ import annotations

import re
from typing import NamedTuple

from .words import function_words as W

__all__ = ["QUOTE_FAMILY", "QUOTE_RE", "Quote", "quote_spans", "paragraph_quotes", "is_name_quote"]

# Quotation glyphs by family.
QUOTE_FAMILY = {"«": "guillemet", "»": "guillemet", "“": "curly", "”": "curly", "„": "curly",
                "‘": "single", "’": "single", '"': "straight"}
QUOTE_RE = re.compile(f"[{re.escape(''.join(QUOTE_FAMILY))}]")
QUOTE_CHARS = "«»“”„‘’\""


# Prepositions standing as words before a quotation (normalised) that govern a party — whom
# one spoke with, between whom, on whose behalf or against whom (مع «الصحيفة»، من قبل «الحرس»)
# — a name in quotation marks, not quoted speech. (Not في، من، إلى، عن، حول: a source's own
# words are often quoted after them, حذر من «خسائر كبيرة».)
_PREPOSITIONS = W["party_prepositions"]


class Quote(NamedTuple):
    start: int  # offset of the opening mark
    end: int  # offset after the closing mark (or the end of the sentence / paragraph)
    closed: bool


def _pair(text: str, start: int, end: int) -> tuple[list[Quote], bool]:
    """Pair the marks of ``text[start:end]``; (quotes, whether every mark paired)."""
    spans: list[Quote] = []
    open_family: str | None = None
    open_at = -1
    depth = 0  # nesting of « » inside an open guillemet quote
    clean = True
    for match in QUOTE_RE.finditer(text, start, end):
        i = match.start()
        ch = text[i]
        family = QUOTE_FAMILY[ch]
        if open_family is None:
            if ch == "’":
                continue  # an apostrophe (Morocco’s)
            if ch == "»":
                clean = False  # a stray closing guillemet
                continue
            open_family, open_at, depth = family, i, 1
            continue
        if family != open_family:
            continue  # an inner quote of another family stays inside the outer one
        if family == "guillemet":
            depth += 1 if ch == "«" else -1
            if depth > 0:
                continue
        spans.append(Quote(open_at, i + 1, True))
        open_family = None
    if open_family is not None:
        spans.append(Quote(open_at, end, False))
        clean = False
    return spans, clean


def quote_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Spans ``(open, close+1)`` of quotations in ``text[start:end]`` (one paragraph).

    Copes with one glyph used both to open and to close; an unclosed quote ends at the end
    of the span. Inner quotes of another family stay inside the outer quote. A lone ’ with
    no ‘ open is an apostrophe, not a quote.

    >>> t = 'قال "نعم" ثم «لا»'
    >>> [t[a:b] for a, b in quote_spans(t)]
    ['"نعم"', '«لا»']
    """
    end = len(text) if end is None else end
    return [(q.start, q.end) for q in _pair(text, start, end)[0]]


def paragraph_quotes(text: str, start: int, end: int, sentences: list[tuple[int, int]]) -> list[Quote]:
    """The quotations of one paragraph; re-paired sentence by sentence when its marks do
    not pair (see the module docstring). ``sentences``: the paragraph's sentence bounds."""
    if QUOTE_RE.search(text, start, end) is None:
        return []
    spans, clean = _pair(text, start, end)
    if clean or len(sentences) < 2:
        return spans
    out: list[Quote] = []
    for s, e in sentences:
        s, e = max(s, start), min(e, end)
        if s < e:
            out.extend(_pair(text, s, e)[0])
    return out


def is_name_quote(text: str, q: Quote, *, name_nouns: frozenset, names: frozenset, para_start: int) -> bool:
    """Whether quotation ``q`` holds a name or title (or nothing), not attributed words.

    ``name_nouns``: nouns that introduce a name (برنامج, صحيفة …), normalised, without
    article; ``names``: normalised names of known sources (gazetteer aliases).
    """
    inner = text[q.start + 1:q.end - (1 if q.closed else 0)]
    words = re.findall(r"\w+", inner)
    if not words:
        return True  # an empty quotation or a stray mark
    before = text[max(para_start, q.start - 30):q.start]
    # لـ"الصحيفة" (normalised: ل"الصحيفة"): a quotation glued to the preposition ل is the
    # name the preposition governs (the outlet spoken to, a platform, a team).
    glued = before.rstrip()
    if glued.endswith("ل") and (len(glued) == 1 or not glued[-2].isalnum()):
        # also لـ "الاقتصادية", with a space. (Not بـ: وصفه بـ«الكارثة» quotes the source.)
        return True
    if len(words) <= 2 and any(w.isdigit() for w in words):
        return True  # a figure or a measure in quotation marks («16 كيلو»; not «خلال 48 ساعة»)
    prev = before.split()
    if prev:
        word = prev[-1].strip(":،,")
        stripped = word[1:] if len(word) > 3 and word[0] in "بلكوف" else word
        cands = {word, stripped, stripped[2:] if stripped.startswith("ال") else stripped,
                 word[2:] if word.startswith("ال") else word}
        # a plural introduces names too (عمليات «…»): its singular is the listed noun
        cands |= {c[:-2] + "ه" for c in cands if len(c) > 4 and c.endswith("ات")}
        if cands & name_nouns:
            return True
        if word in ("عبر", "على", "علي") and len(words) <= 3:
            return True  # عبر «تويتر»، على «يوتيوب»: a platform
        if word in _PREPOSITIONS and len(words) <= 4:
            return True  # مع «الصحيفة»: a party named, not words quoted
    if len(words) <= 3 and " ".join(words) in names:
        return True
    return False

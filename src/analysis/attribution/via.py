"""via: the intermediary through which a source's words reached the paper.

Input: the tokens of a clause around a cue and the document's mention resolver. Output:
the name of the medium (``وكالة الأنباء السعودية``, ``عكاظ``, ``حسابه على تويتر``) or "".

Facts about Arabic news used here:

* the medium a source spoke to is governed by the preposition ل, glued to the outlet's
  noun or to its quoted name: صرّح لوكالة الأنباء، قال لـ«عكاظ»، في حديث لقناة X;
* a statement or post is "published" through a medium: عبر بيان نشرته X، عبر حسابه على
  تويتر، في تغريدة على حسابه;
* an according-to phrase naming an outlet after another act of the same sentence (…، وفقا
  لوكالة X) is that act's via (handled where acts are built, :mod:`.clauses`);
* نقلت صحيفة X عن Y: Y speaks, X passes it on (also in :mod:`.clauses`).
"""
from __future__ import annotations

from .mentions import NP_STOP_COMPLEMENT, Resolver
from .quotes import QUOTE_FAMILY

__all__ = ["via_near_cue", "PLATFORM_NOUNS"]

# Nouns of a channel one publishes through (normalised, no article): حساب "account",
# صفحة "page", موقع "site", منصة "platform", قناة "channel".
PLATFORM_NOUNS = {"حسابه", "حسابها", "حسابهم", "حساب", "صفحته", "صفحتها", "صفحه", "موقعه", "موقعها",
                  "منصه", "قناته", "قناتها"}
_OPENING = {"«", "“", "„", '"', "‘"}
# Nouns of an interview (في حوار مع «الصحيفة»، في مقابلة مع قناة X): the medium follows مع.
INTERVIEW_NOUNS = {"حوار", "حديث", "مقابله", "لقاء", "اتصال"}
# Nouns of a published text (في بيان لها على «تداول»، في تغريدة على «تويتر»): the medium
# follows على.
PUBLISHED_NOUNS = {"بيان", "بيانه", "بيانها", "تغريده", "تغريدته", "تغريدتها", "منشور", "تدوينه", "رساله"}


def _quoted_name(resolver: Resolver, toks: list[str], k: int, stop: int) -> tuple[str, int] | None:
    """A quoted name starting at token ``k`` (an opening mark): (text, end)."""
    if k >= stop or toks[k] not in _OPENING:
        return None
    e = k + 1
    while e < stop and e - k <= 6 and toks[e] not in QUOTE_FAMILY:
        e += 1
    if e >= stop or e == k + 1 or toks[e] not in QUOTE_FAMILY:
        return None
    return resolver.text(toks, k + 1, e), e + 1


def _is_noun(tok: str, nouns: set) -> bool:
    """Whether ``tok`` is one of ``nouns``, with or without و، ف، ب and the article
    (حوار، والحوار، ببيان; بيان itself begins with ب)."""
    forms = {tok}
    if len(tok) > 3 and tok[0] in "وفب":
        forms.add(tok[1:])
    forms |= {f[2:] for f in forms if f.startswith("ال") and len(f) > 4}
    return not forms.isdisjoint(nouns)


def _named_medium(resolver: Resolver, toks: list[str], k: int, stop: int) -> tuple[str, int] | None:
    """A medium starting at token ``k``: a quoted name (« الصحيفة ») or a media mention
    (قناة الجزيرة): (name, end)."""
    q = _quoted_name(resolver, toks, k, stop)
    if q is not None:
        return q
    if k < stop and resolver.role_of(toks[k]) == "media":
        m = resolver.mention_at(toks, k, bare_names=False)
        if m is not None and m.type == "media":
            return m.name, m.end
    return None


def via_near_cue(resolver: Resolver, toks: list[str], start: int, stop: int) -> tuple[str, int, int]:
    """The medium named between token ``start`` (after the cue) and ``stop``:
    (name, first token, end token), or ("", -1, -1).

    The scan stops at the first complement (أن، إلى …), where the reported content begins.
    """
    k = start
    stop = min(stop, start + 14)
    while k < stop:
        t = toks[k]
        if t == "علي" and any(_is_noun(w, PUBLISHED_NOUNS) for w in toks[max(start, k - 3):k]):
            named = _quoted_name(resolver, toks, k + 1, stop)
            if named is not None:
                return named[0], k, named[1]
        if t in NP_STOP_COMPLEMENT or t == ":":
            break
        if t == "ل":  # لـ«عكاظ» (the tatweel is gone after normalisation)
            q = _quoted_name(resolver, toks, k + 1, stop)
            if q is not None:
                return q[0], k, q[1]
        if t[0] == "ل" and len(t) > 3 and resolver.is_medium(toks, k):
            m = resolver.mention_at(toks, k, bare_names=False)
            if m is not None and m.type == "media":
                return m.name, k, m.end
            # a media noun the gazetteer does not name (لوكالة الأنباء الألمانية): the noun
            # phrase it heads, without the ل
            end = resolver._np_end(toks, k)
            return resolver.text(toks, k, end)[1:], k, end
        if t == "مع" and k >= 1 and _is_noun(toks[k - 1], INTERVIEW_NOUNS):
            named = _named_medium(resolver, toks, k + 1, stop)
            if named is not None:
                return named[0], k, named[1]
        if t in ("عبر", "علي") and k + 1 < stop and toks[k + 1] in PLATFORM_NOUNS:
            e = k + 2
            if e < stop and toks[e] == "علي":
                e += 1
            while e < stop and e - k < 6 and toks[e][0].isalnum() and toks[e] not in NP_STOP_COMPLEMENT:
                e += 1
            return resolver.text(toks, k + 1, e), k, e
        if t in QUOTE_FAMILY and t in _OPENING:
            break  # the quoted words begin
        k += 1
    return "", -1, -1

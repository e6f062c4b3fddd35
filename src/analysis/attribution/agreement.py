"""Gender and number agreement of a reporting verb with the speaker it continues.

Arabic verbs and circumstantial participles show the gender and number of their subject:
وأضافت، مضيفةً (feminine: a woman, a feminine noun such as الحكومة or الوزارة, or a plural of
things such as السلطات); وأضاف، مضيفاً (a man or a masculine noun); وأضافوا، مضيفين (a group).
A continuation with no subject of its own (وأضافت، مشيرا إلى) therefore cannot go to a speaker
whose gender or number it contradicts. Features are "" when unknown: only a certain
contradiction counts.
"""
from __future__ import annotations

from functools import lru_cache
from importlib import resources

from ..normalize import normalize_text
from .countries import bare
from .yamlload import safe_load

__all__ = ["verb_features", "speaker_features", "contradicts", "topic_prepositions"]

_PROCLITICS = ("وس", "فس", "ول", "فل", "و", "ف", "ل", "س")
_ENCLITICS = ("هما", "هم", "ها", "ه")


@lru_cache(maxsize=1)
def _lists() -> dict[str, frozenset]:
    ref = resources.files("analysis") / "data" / "continuations.yaml"
    data = safe_load(ref.read_text(encoding="utf-8"), str(ref))
    return {k: frozenset(normalize_text(w) for w in v) for k, v in data.items() if isinstance(v, list)}


def topic_prepositions() -> frozenset:
    """Prepositions "about" that front a topic (وحول، وعن، بشأن), normalised."""
    return _lists()["topic_prepositions"]


def _cores(tok: str) -> list[str]:
    """The token without proclitics, then also without an object pronoun (واتهمته → اتهمت)."""
    out = [tok] + [tok[len(p):] for p in _PROCLITICS if tok.startswith(p) and len(tok) - len(p) >= 3]
    out += [c[:-len(e)] for c in list(out) for e in _ENCLITICS if c.endswith(e) and len(c) - len(e) >= 3]
    return out


def _feminine_perfect(lemma: str) -> str:
    # قال → قالت، أضاف → أضافت; defective دعا → دعت، رأى → رأت
    return lemma[:-1] + "ت" if lemma.endswith(("ا", "ي")) else lemma + "ت"


def verb_features(lex, tok: str, kind: str) -> tuple[str, str]:
    """(gender "m"/"f"/"", number "sg"/"pl"/"") of a cue verb or participle form."""
    if kind == "participle":
        for c in _cores(tok):
            stem = lex.participles.get(c)
            if stem is None:
                continue
            if c in (stem + "ين", stem + "تين") or (stem.endswith("ي") and c == stem[:-1] + "ين"):
                return "", "pl"
            if c == stem + "ه":
                return "f", "sg"
            if c in (stem, stem + "ا"):
                return "m", "sg"
        return "", ""
    if kind != "verb":
        return "", ""
    if tok in lex.plural_verbs or any(c in lex.plural_verbs for c in _cores(tok)):
        return "", "pl"
    for c in _cores(tok):
        entry = lex.verbs.get(c)
        if entry is None:
            continue
        lemma = entry[0]
        if c == _feminine_perfect(lemma):
            return "f", "sg"
        if c[:1] == "ت" and (lex.verbs.get("ي" + c[1:]) or ("",))[0] == lemma:
            return "f", "sg"  # تقول، تضيف (the imperfect's feminine prefix)
        if c == lemma or (c[:1] == "ي" and c not in lex.plural_verbs):
            return "m", "sg"
    return "", ""


def speaker_features(resolver, name: str) -> tuple[str, str]:
    """(gender, number) of a speaker from the head word of its name: الحكومة، نعيمة (ة:
    feminine), السلطات (a plural of things: feminine), المسؤولين (a masculine plural), الوزير
    (a masculine role word); "" when the head tells nothing certain (most names)."""
    words = normalize_text(name).split()
    if not words:
        return "", ""
    lists = _lists()
    head = words[0]
    if head in lists["masculine_heads"]:
        return "m", "sg"
    b = bare(head)
    if head in lists["masculine_ta_marbuta"] or b in lists["masculine_ta_marbuta"] or \
            " ".join(words[:2]) in lists["masculine_ta_marbuta"]:
        return "m", "sg"
    if len(b) >= 5 and b.endswith("ات"):
        return "f", ""  # السلطات قالت / قالوا: either agreement
    if head.startswith("ال") and len(b) >= 6 and b.endswith(("ون", "ين")):
        return "m", "pl"
    raw_head = name.split()[0].rstrip("\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652")
    if len(b) >= 3 and b.endswith("ه") and not b.endswith("الله") and \
            (not raw_head.endswith("ه") or head.startswith("ال")):
        # ة as written, or a definite noun (الحكومه, written undotted): feminine. In a name a
        # written ه is a root letter (وجيه، نبيه) or the end of الله (عبدالله): it says
        # nothing of gender.
        return "f", "sg"
    if head.startswith("ال") and resolver.role_of(head) is not None and not b.endswith(("ان", "ين")):
        return "m", "sg"
    return "", ""


def contradicts(verb: tuple[str, str], speaker: tuple[str, str]) -> bool:
    """Whether the verb's gender or number certainly contradicts the speaker's."""
    vg, vn = verb
    sg, sn = speaker
    if vn == "sg" and sn == "pl":
        return True
    if vn == "pl" and sn == "sg" and sg == "m":
        return True
    return vn == "sg" and bool(vg) and bool(sg) and vg != sg

"""Source attribution: who is quoted or cited, how, and through whom.

A *reporting act* is a cue that introduces what a source said, wrote, judged or
reported: a reporting verb (وقال، أكدت، يرى), a participial continuation (مؤكدا،
مبرزين), a noun cue with its source (شهادة X بأن، دعوة X إلى) or an according-to phrase
(وفق، بحسب). Each act gets a speaker resolved across the document (gazetteer entities,
title-only and surname-only mentions, anaphora such as الخبير ذاته / المتحدث, and
subject-less وأضاف continuing the last speaker), a speaker type, a mode (direct when the
attributed words are in quotation marks, even partly) and the intermediary (via).

Everything lexical comes from ``data/sources.yaml`` (:func:`load_gazetteer`). The rules
here are about Arabic news syntax, not about any one document:

* an explicit subject right after the verb (VSO) wins; then the antecedent of a relative
  pronoun (الأنتربول، الذي بات يعتبر); then, for a clause-initial verb (وأضاف) followed by
  أن/إن/إلى/على/عن, a colon or a quotation, the last speaker; then a source mentioned
  earlier in the same sentence (SVO: "حموشي يدعو …", "هشام معتضد، باحث …، قال إن");
* a cue inside another speaker's quoted words is not an act (nested source);
* verbs with an everyday non-reporting sense need a complement (أن، :، «…»، عن);
* an according-to phrase naming a media outlet after another act in the same sentence is
  that act's ``via``, not an act of its own.

Output columns: :data:`ATTRIBUTION_COLUMNS`; ``raw[cue_start:cue_end] == cue`` always.
"""
from __future__ import annotations

import bisect
import math
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from itertools import accumulate, compress, count
from pathlib import Path
from typing import Iterable

import pandas as pd
import yaml

from .corpus import TOKEN_RE, Document, Structure, segment
from .errors import GazetteerError
from .normalize import NormalizedText, find_all, normalize, normalize_text

__all__ = ["find_attributions", "attribution_records", "attributions_frame", "shannon_entropy", "load_gazetteer", "Gazetteer",
           "quote_spans", "ATTRIBUTION_COLUMNS", "SPEAKER_TYPES"]

SPEAKER_TYPES = ("moroccan_official", "foreign_official", "international_org", "expert",
                 "anonymous", "media", "unknown")

ATTRIBUTION_COLUMNS = {
    "doc_id": "document id",
    "outlet": "outlet",
    "speaker": "fullest name or description of the source in the document",
    "speaker_type": "one of SPEAKER_TYPES",
    "mode": "direct (attributed words in quotation marks, even partly) or indirect",
    "cue": "exact raw text of the cue: raw[cue_start:cue_end]",
    "cue_start": "raw start offset of the cue",
    "cue_end": "raw end offset of the cue",
    "start": "raw start of the clause that carries the act",
    "end": "raw end of the clause that carries the act",
    "quote": "the quoted words in the clause, if any (' … ' between several)",
    "via": "intermediary named as where the words come from (e.g. a website)",
    "cue_kind": "verb, participle, noun or according_to",
    "speaker_id": "gazetteer id, if the speaker is in the gazetteer",
    "resolution": "how the speaker was found: explicit, relative, anaphora, continuation, preceding",
    "sentence_id": "sentence of the cue",
    "role": "paragraph role of the cue (body, headline, pullquote ...)",
}

# Quotation glyphs. « » and „ have a direction; the others are paired by family, and a
# closing-type glyph with nothing open opens a quote (seed 001 uses ” for both).
_QUOTE_FAMILY = {"«": "guillemet", "»": "guillemet", "“": "curly", "”": "curly", "„": "curly",
                 "‘": "single", "’": "single", '"': "straight"}
_OPENERS = {"«", "“", "„", "‘"}
_CLOSERS = {"»", "”", "’"}

_QUOTE_RE = re.compile(f"[{re.escape(''.join(_QUOTE_FAMILY))}]")
_COMPLEMENTS = {"ان", "انه", "انها", "انهم", "انهما", "اننا", "بان", "بانه", "بانها", "بانهم",
                "الي", "علي", "عن", "لان"}
_RELATIVES = {"الذي", "التي", "الذين", "اللذين", "اللتين", "اللواتي"}
_AUX = {"بات", "باتت", "كان", "كانت", "قد", "لا", "لم", "لن", "ما", "فقد", "وقد", "قبل", "سبق", "ظل"}
_DETERMINERS = {"هذا", "هذه", "هؤلاء", "ذلك", "تلك", "اولئك", "كبار", "بعض", "عدد", "من", "احد", "كل"}
_FUNCTION = {"في", "من", "الي", "علي", "عن", "مع", "ان", "بان", "او", "ثم", "كما", "لكن", "هو", "هي",
             "هم", "قد", "لا", "لم", "ما", "حيث", "خلال", "امام", "بين", "ضمن", "عبر", "حول", "منذ",
             "بعد", "قبل", "اليوم", "امس", "ايضا", "كذلك", "له", "لها", "لهم", "التي", "الذي",
             "الذين", "وفق", "حسب", "بحسب", "هذا", "هذه", "ذلك", "تلك", "ان", "اذ", "اذا", "لقد",
             "فقد", "وقد", "كل", "جميع", "عند", "لدي", "سواء", "اما", "الا", "غير", "نحو", "لدى"}
_NP_STOP = _COMPLEMENTS | {"في", "خلال", "امام", "عبر", "حول", "منذ", "بعد", "قبل", "ضمن", "مع",
                           "اليوم", "امس", "ايضا", "حيث", "كما", "الذي", "التي", "الذين", "ل", "له",
                           "لها", "لهم", "خاصه", "مجددا", "كذلك", "بدوره", "بدورها", "قد", "لقد"}
_CLAUSE_OPENERS = {"من جانبه", "من جهته", "من جانبها", "من جهتها", "بدوره", "بدورها"}
_MAX_NP = 12


# --------------------------------------------------------------------------- gazetteer

@dataclass(frozen=True)
class Entity:
    id: str
    name: str
    type: str
    kind: str  # person, institution, media


@dataclass
class Gazetteer:
    """Sources, role words and reporting cues (``data/sources.yaml``), normalised."""

    path: str
    version: str
    default_official_type: str
    aliases: dict[tuple[str, ...], Entity]
    max_alias_len: int
    role_words: dict[str, frozenset[str]]
    moroccan_markers: tuple[tuple[str, ...], ...]
    foreign_markers: tuple[tuple[str, ...], ...]
    anaphora: frozenset[str]
    reflexives: frozenset[str]
    verb_forms: dict[str, tuple[str, bool | str]]  # surface → (lemma, needs complement or word)
    participles: dict[str, str]
    nouns: frozenset[str]
    according_to: dict[tuple[str, ...], str]
    according_to_skip: frozenset[str]
    entities: dict[str, Entity] = field(default_factory=dict)
    # Pre-tests (derived): every surface token that may be a cue, with its clitics, and
    # every first word of an alias.
    cue_tokens: frozenset = frozenset()
    alias_firsts: frozenset = frozenset()
    role_cache: dict = field(default_factory=dict, repr=False)
    # token → what it can be from the lexicon alone; see _Resolver.token_class.
    token_class_cache: dict = field(default_factory=dict, repr=False)
    home_markers: tuple = ()
    home_not_after: tuple = ()
    name_nouns: frozenset = frozenset()
    nationality_tables: tuple = ()
    international_nouns: frozenset = frozenset()
    international_adjectives: frozenset = frozenset()
    # Academic titles (الدكتور …): such a phrase with an official, institution or company
    # word in it is typed by that word, not as an expert.
    academic_titles: frozenset = frozenset()

    def __post_init__(self):
        forms = set()
        for f in self.verb_forms:
            forms |= {f, "و" + f, "ف" + f, "ل" + f, "ول" + f, "فل" + f}
        for f in list(self.participles) + list(self.nouns):
            forms |= {f, "و" + f, "ف" + f, "ب" + f, "وب" + f, "ل" + f, "ول" + f}
        for phrase in self.according_to:
            f = phrase[0]
            forms |= {f, "و" + f, "ف" + f, "ب" + f, "وب" + f}
        self.cue_tokens = frozenset(forms)
        # Multi-word according-to phrases by first word, in gazetteer order.
        self.according_phrases: dict[str, tuple[tuple[str, ...], ...]] = {}
        for phrase in self.according_to:
            if len(phrase) > 1:
                self.according_phrases[phrase[0]] = (*self.according_phrases.get(phrase[0], ()), phrase)
        self.alias_firsts = frozenset(a[0] for a in self.aliases)
        tables = []
        for markers_, kind in ((self.foreign_markers, "foreign_official"),
                               (self.moroccan_markers, "moroccan_official")):
            single = frozenset(w for m in markers_ if len(m) == 1 for w in (m[0], _inflection_base(m[0])))
            multi = tuple((" " + " ".join(m) + " ", " " + " ".join(_inflection_base(x) for x in m) + " ")
                          for m in markers_ if len(m) > 1)
            tables.append((kind, single, multi))
        self.nationality_tables = tuple(tables)
        # Longest first, as a regex alternation would try them.
        self.home_sorted = tuple(sorted(dict.fromkeys(m for m in self.home_markers if m), key=len, reverse=True))

    def mentions_home(self, normalized_text: str) -> bool:
        """Whether a (normalised) document mentions the home country (not as in
        "صلاة المغرب", the sunset prayer: see home_markers_not_after).

        A home marker counts as a whole word sequence (no letter or digit on either
        side). The markers are found with ``str.find`` rather than one regex alternation:
        the regex engine would try every character of the text.
        """
        if not self.home_sorted:
            return True
        text = normalized_text
        starts = {q for marker in self.home_sorted for q in find_all(text, marker)
                  if q == 0 or not _is_word_char(text[q - 1])}
        pos_min = 0
        n = len(text)
        for q in sorted(starts):
            if q < pos_min:
                continue  # inside the previous match, as a scanning regex would skip it
            for marker in self.home_sorted:
                end = q + len(marker)
                if text.startswith(marker, q) and (end == n or not _is_word_char(text[end])):
                    before = text[max(0, q - 12):q].split()
                    if not before or before[-1] not in self.home_not_after:
                        return True
                    pos_min = end
                    break
        return False


def _is_word_char(ch: str) -> bool:
    """What ``\\w`` matches in a str pattern."""
    return ch.isalnum() or ch == "_"


def _norm_tokens(text: str) -> tuple[str, ...]:
    return tuple(TOKEN_RE.findall(normalize_text(text)))


def _verb_surface_forms(perfect: str, imperfect: str) -> set[str]:
    p, i = normalize_text(perfect), normalize_text(imperfect)
    forms = {p, i}
    if p.endswith(("ا", "ي")):  # defective: دعا/دعت/دعوا, ابدى/ابدت/ابدوا
        base = p[:-1]
        forms |= {base + "ت", base + "وا", base + "تا", p + "ت"}
    else:
        forms |= {p + "ت", p + "وا", p + "ا", p + "تا", p + "ن"}
    stem = i[1:]
    forms |= {"ت" + stem}
    if i.endswith(("و", "ي")):  # يدعو/يدعون، يرى/يرون
        forms |= {i[:-1] + "ون", "ت" + stem[:-1] + "ون", i + "ان"}
    else:
        forms |= {i + "ون", i + "ان", "ت" + stem + "ان", i + "ن"}
    return forms


_SECTIONS = {"people": list, "institutions": list, "media": list, "role_words": dict, "cues": dict}
_GAZETTEER_KEYS = {
    "version", "default_official_type", *_SECTIONS,
    "moroccan_markers", "foreign_markers", "home_markers", "home_markers_not_after", "anaphora",
    "reflexives", "name_nouns", "international_nouns", "international_adjectives", "academic_titles"}
_WORD_LISTS = _GAZETTEER_KEYS - {"version", "default_official_type", *_SECTIONS}
_ENTITY_KEYS = {"id", "name", "type", "aliases", "title"}
_CUE_KEYS = {"verbs", "participles", "nouns", "according_to", "according_to_skip", "not_cues"}


def _check_gazetteer_shape(data: dict, path_s: str) -> None:
    """The required sections with their types; unknown keys (a typo such as ``alias:``) and
    a word list given as one string (which would become one alias per letter) are errors,
    not silently ignored."""
    def words(value, where: str) -> None:
        if value is None:
            return
        if not isinstance(value, list) or not all(isinstance(w, str) and w.strip() for w in value):
            raise GazetteerError(path_s, f"{where}: must be a list of words or phrases, "
                                         f"e.g. [كلمة, عبارة أخرى]")

    def known(keys, allowed: set, where: str) -> None:
        unknown = sorted(map(str, set(keys) - allowed))
        if unknown:
            raise GazetteerError(path_s, f"{where}unknown key(s) {', '.join(map(repr, unknown))}; "
                                         f"known: {', '.join(sorted(allowed))}")

    def text(value, where: str, *, required: bool = True) -> None:
        # YAML reads `id: 7` as a number and `name: [a, b]` as a list: each would fail far
        # from here (an id when the tables are written), so the type is checked on load.
        if value is None and not required:
            return
        if isinstance(value, str) and value.strip():
            return
        kind = {bool: "the value", int: "the number", float: "the number", list: "a list",
                dict: "a mapping"}.get(type(value))
        got = "empty" if value is None or isinstance(value, str) else f"{kind or type(value).__name__} {value!r}"
        hint = f' (write it in quotation marks: "{value}")' if isinstance(value, (bool, int, float)) else ""
        raise GazetteerError(path_s, f"{where}: must be one word or phrase, not {got}{hint}")

    for key, kind in _SECTIONS.items():
        if not isinstance(data.get(key), kind):
            raise GazetteerError(path_s, f"missing or malformed section {key!r} "
                                         f"(must be a {'list' if kind is list else 'mapping'})")
    known(data, _GAZETTEER_KEYS, "")
    text(data.get("default_official_type"), "default_official_type", required=False)
    if not isinstance(data.get("version", ""), (str, int, float)):
        raise GazetteerError(path_s, "version: must be text such as \"1.0.0\"")
    for key in sorted(_WORD_LISTS):
        words(data.get(key), key)
    for section in ("people", "institutions", "media"):
        for k, item in enumerate(data[section]):
            if isinstance(item, dict):
                known(item, _ENTITY_KEYS, f"{section}[{k}]: ")
                for key in ("id", "name"):
                    text(item.get(key), f"{section}[{k}].{key}")
                for key in ("type", "title"):
                    text(item.get(key), f"{section}[{k}].{key}", required=False)
                words(item.get("aliases"), f"{section}[{k}].aliases")
    for role, value in data["role_words"].items():
        words(value, f"role_words.{role}")
    known(data["cues"], _CUE_KEYS, "cues: ")
    for key in sorted(_CUE_KEYS - {"verbs"}):
        words(data["cues"].get(key), f"cues.{key}")
    verbs = data["cues"].get("verbs")
    if verbs is not None and not isinstance(verbs, list):
        raise GazetteerError(path_s, "cues.verbs: must be a list of [perfect, imperfect] entries")
    for k, entry in enumerate(verbs or []):
        if isinstance(entry, list):
            for j, form in enumerate(entry):
                text(form, f"cues.verbs[{k}][{j}]")


def load_gazetteer(path: str | Path | None = None) -> Gazetteer:
    """Load and validate the source gazetteer (default: the packaged ``sources.yaml``)."""
    if path is None:
        ref = resources.files("analysis") / "data" / "sources.yaml"
        text, path_s = ref.read_text(encoding="utf-8"), str(ref)
    else:
        path_s = str(path)
        try:
            text = Path(path).read_text(encoding="utf-8")
        except (FileNotFoundError, UnicodeDecodeError) as exc:
            raise GazetteerError(path_s, f"cannot read ({exc.__class__.__name__})") from None
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise GazetteerError(path_s, f"not valid YAML ({getattr(exc, 'problem', exc)})") from None
    if not isinstance(data, dict):
        raise GazetteerError(path_s, "must be a mapping")
    _check_gazetteer_shape(data, path_s)
    default_type = data.get("default_official_type", "moroccan_official")
    if default_type not in SPEAKER_TYPES:
        raise GazetteerError(path_s, f"default_official_type must be one of {SPEAKER_TYPES}")
    aliases: dict[tuple[str, ...], Entity] = {}
    entities: dict[str, Entity] = {}
    for section, kind in (("people", "person"), ("institutions", "institution"), ("media", "media")):
        for k, item in enumerate(data[section]):
            if not isinstance(item, dict) or not item.get("id") or not item.get("name"):
                raise GazetteerError(path_s, f"{section}[{k}]: needs id and name")
            etype = "media" if kind == "media" else item.get("type")
            if etype not in SPEAKER_TYPES:
                raise GazetteerError(path_s, f"{section} {item['id']!r}: field 'type' must be "
                                             f"one of {', '.join(SPEAKER_TYPES[:-1])}, not {etype!r}")
            if item["id"] in entities:
                raise GazetteerError(path_s, f"{section} {item['id']!r}: duplicate id")
            ent = Entity(item["id"], item["name"], etype, kind)
            entities[ent.id] = ent
            for alias in [item["name"], *(item.get("aliases") or [])]:
                toks = _norm_tokens(alias)
                toks = tuple(t for t in toks if t not in _QUOTE_FAMILY)
                if toks:
                    aliases.setdefault(toks, ent)
    roles = {k: frozenset(normalize_text(w) for w in v) for k, v in data["role_words"].items()}
    for needed in ("official", "institution", "expert", "anonymous", "media", "document", "private", "nonstate"):
        roles.setdefault(needed, frozenset())
    cues = data["cues"]
    verb_forms: dict[str, tuple[str, bool]] = {}
    for k, entry in enumerate(cues.get("verbs") or []):
        if not isinstance(entry, list) or len(entry) not in (2, 3):
            raise GazetteerError(path_s, f"cues.verbs[{k}]: must be [perfect, imperfect] or "
                                         f"[perfect, imperfect, complement]")
        lemma = normalize_text(entry[0])
        needs = False if len(entry) == 2 else (True if entry[2] == "complement" else normalize_text(entry[2]))
        for form in _verb_surface_forms(entry[0], entry[1]):
            verb_forms[form] = (lemma, needs)
    participles: dict[str, str] = {}
    for stem in cues.get("participles") or []:
        s = normalize_text(stem)
        for form in (s + "ا", s + "يا", s + "ه", s + "ين", s + "ون", s + "تين", s):
            participles.setdefault(form, s)
    according = {}
    for phrase in cues.get("according_to") or []:
        according[_norm_tokens(phrase)] = normalize_text(phrase)
    return Gazetteer(
        path=path_s, version=str(data.get("version", "")), default_official_type=default_type,
        aliases=aliases, max_alias_len=max((len(a) for a in aliases), default=1), role_words=roles,
        moroccan_markers=tuple(_norm_tokens(w) for w in data.get("moroccan_markers") or []),
        foreign_markers=tuple(_norm_tokens(w) for w in data.get("foreign_markers") or []),
        anaphora=frozenset(normalize_text(w) for w in data.get("anaphora") or []),
        reflexives=frozenset(normalize_text(w) for w in data.get("reflexives") or []),
        verb_forms=verb_forms, participles=participles,
        nouns=frozenset(normalize_text(w) for w in cues.get("nouns") or []),
        according_to=according,
        according_to_skip=frozenset(normalize_text(w) for w in cues.get("according_to_skip") or []),
        entities=entities,
        home_markers=tuple(normalize_text(w) for w in data.get("home_markers") or []),
        home_not_after=tuple(normalize_text(w) for w in data.get("home_markers_not_after") or []),
        name_nouns=frozenset(normalize_text(w) for w in data.get("name_nouns") or []),
        international_nouns=frozenset(normalize_text(w) for w in data.get("international_nouns") or []),
        international_adjectives=frozenset(normalize_text(w) for w in data.get("international_adjectives") or []),
        academic_titles=frozenset(normalize_text(w) for w in data.get("academic_titles") or []))


# --------------------------------------------------------------------------- quotes

def quote_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Spans ``(open, close+1)`` of quotations in ``text[start:end]`` (one paragraph).

    Copes with unbalanced marks (an unclosed quote ends at the paragraph end) and with one
    glyph used both to open and to close. Inner quotes of another family stay inside the
    outer quote. A lone ’ with no ‘ open is an apostrophe, not a quote.
    """
    end = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    open_family: str | None = None
    open_at = -1
    depth = 0  # nesting of « » inside an open guillemet quote
    for match in _QUOTE_RE.finditer(text, start, end):
        i = match.start()
        ch = text[i]
        family = _QUOTE_FAMILY[ch]
        if open_family is None:
            if ch in ("»", "’"):
                continue  # a stray closing guillemet; an apostrophe
            open_family, open_at, depth = family, i, 1
            continue
        if family != open_family:
            continue  # an inner quote of another family stays inside the outer one
        if family == "guillemet":
            depth += 1 if ch == "«" else -1
            if depth > 0:
                continue
        # curly, single and straight quotes: the next glyph of the family closes,
        # whichever way it faces (” … ” and “ … “ both occur).
        spans.append((open_at, i + 1))
        open_family = None
    if open_family is not None:
        spans.append((open_at, end))
    return spans


# --------------------------------------------------------------------------- mentions

@dataclass
class Mention:
    start: int  # token index
    end: int  # token index (exclusive)
    name: str
    type: str
    entity_id: str = ""
    anaphoric: bool = False
    key: frozenset = frozenset()


@lru_cache(maxsize=1 << 16)
def _bare(tok: str) -> str:
    """A token without the conjunction, prepositions and article (for lexicon lookups)."""
    t = tok
    if len(t) > 3 and t[0] in "وف":
        t = t[1:]
    if len(t) > 4 and t.startswith("لل"):
        return t[2:]
    if len(t) > 3 and t[0] in "بلك" and t[1:3] == "ال":
        t = t[1:]
    if len(t) > 3 and t.startswith("ال"):
        t = t[2:]
    return t


@lru_cache(maxsize=1 << 16)
def _clitic_variants(tok: str) -> tuple[str, ...]:
    out = [tok]
    if len(tok) > 2 and tok[0] in "وف":
        out.append(tok[1:])
    for t in list(out):
        if len(t) > 2 and t[0] in "بلك":
            out.append(t[1:])
        if len(t) > 3 and t.startswith("لل"):
            out.append("ال" + t[2:])
    return tuple(out)


@lru_cache(maxsize=1 << 15)
def _inflection_base(word: str) -> str:
    b = _bare(word)  # الأمريكية / الأمريكيين → امريكي
    if len(b) > 4 and b.endswith("ه"):
        return b[:-1]
    if len(b) > 5 and b.endswith(("ين", "ون")):
        return b[:-2]
    return b


def _nationality_of(gz: "Gazetteer", words: tuple[str, ...]) -> str | None:
    tables = gz.nationality_tables
    bases = {_inflection_base(w) for w in words} | set(words)
    for kind, single, multi in tables:
        if bases & single:
            return kind
    joined = " " + " ".join(words) + " "
    joined_bare = " " + " ".join(_inflection_base(w) for w in words) + " "
    for kind, _, multi in tables:
        for phrase, phrase_bare in multi:
            if phrase in joined or phrase_bare in joined_bare:
                return kind
    return None


class _Resolver:
    """Finds source mentions in a token list and keeps the speakers of one document."""

    def __init__(self, gz: Gazetteer, home: bool = True):
        self.gz = gz
        self.home = home  # the document mentions the home country
        self.speakers: list[Mention] = []
        # Set per paragraph: raw surface text of tokens [a, b) (names keep their spelling).
        self.surface = lambda a, b, toks: " ".join(toks[a:b])

    def _text(self, toks: list[str], a: int, b: int) -> str:
        while b > a and not toks[b - 1][0].isalnum():
            b -= 1
        return self.surface(a, b, toks).strip(" \"«»“”„‘’،,")

    # ---- lexicon look-ups
    def alias_at(self, words: list[str], i: int) -> tuple[int, Entity] | None:
        firsts = self.gz.alias_firsts
        for first in _clitic_variants(words[i]):
            if first not in firsts:
                continue
            for n in range(min(self.gz.max_alias_len, len(words) - i), 0, -1):
                key = (first, *words[i + 1:i + n])
                ent = self.gz.aliases.get(key)
                if ent is not None:
                    return i + n, ent
        return None

    def token_class(self, tok: str) -> tuple[bool, bool, bool, bool]:
        """What a token can be, from the lexicon alone (cached per gazetteer):
        (may begin a mention: determiner, alias word or role word; may begin an unknown
        name; may continue one; may begin an alias)."""
        cached = self.gz.token_class_cache.get(tok)
        if cached is None:
            alias_first = any(v in self.gz.alias_firsts for v in _clitic_variants(tok))
            starts_mention = tok in _DETERMINERS or alias_first or self.role_of(tok) is not None
            in_name = tok[0].isalnum() and tok not in _FUNCTION and self.role_of(tok) is None and \
                tok not in self.gz.verb_forms and not tok.isdigit() and tok not in _AUX and \
                not tok.endswith(("ها", "هم", "هما", "نا")) and \
                not tok.startswith(("لل", "بال", "وال", "فال", "كال"))
            starts_name = in_name and not (tok.startswith("ال") or tok[0] in "وف")
            cached = (starts_mention, starts_name, in_name, alias_first)
            if len(self.gz.token_class_cache) < 500_000:
                self.gz.token_class_cache[tok] = cached
        return cached

    def role_of(self, tok: str) -> str | None:
        cache = self.gz.role_cache
        if tok in cache:
            return cache[tok]
        cache[tok] = role = self._role_of(tok)
        return role

    def _role_of(self, tok: str) -> str | None:
        b = _bare(tok)
        for role in ("media", "document", "anonymous", "expert", "official", "institution", "private", "nonstate"):
            if tok in self.gz.role_words[role] or b in self.gz.role_words[role]:
                return role
        return None

    def _nationality(self, words: list[str]) -> str | None:
        """foreign_official / moroccan_official from nationality and place words, or None."""
        return _nationality_of(self.gz, tuple(words))

    # ---- mention parsing
    def mention_at(self, toks: list[str], i: int, *, bare_names: bool = True) -> Mention | None:
        """A source mention starting at token ``i`` (after determiners), or None.

        ``bare_names``: accept an unknown name with no title (only right after a verb;
        when scanning backwards, a title or apposition is required)."""
        n = len(toks)
        j = i
        while j < n and toks[j] in _DETERMINERS and j - i < 3:
            j += 1
        if j >= n or not toks[j][0].isalnum():
            return None
        hit = self.alias_at(toks, j) if self.token_class(toks[j])[3] else None
        if hit is None and self.role_of(toks[j]) is None:
            # Neither a known source nor a role word: an anaphor, an unknown name, or no
            # mention at all (the common case, decided cheaply).
            if toks[j] in self.gz.anaphora or toks[j] in self.gz.reflexives:
                return Mention(i, j + 1, toks[j], "", anaphoric=True)
            return self._name_mention(toks, i, j, bare_names=bare_names)
        np_end = self._np_end(toks, j)
        np_words = [t for t in toks[j:np_end] if t[0].isalnum()]
        if any(t in self.gz.reflexives for t in np_words) or \
                (len(np_words) == 1 and np_words[0] in self.gz.anaphora):
            return Mention(i, np_end, " ".join(np_words), "", anaphoric=True)
        if hit is not None:
            end, ent = hit
            # An alias inside the NP (title + name) extends to the whole NP.
            return self._entity_mention(i, max(end, np_end if np_end > end else end), ent)
        # an alias later in the NP ("الأمين العام للإنتربول فالديسي أوركيزا")
        for k in range(j + 1, np_end):
            if toks[k][0].isalnum() and self.token_class(toks[k])[3]:
                hit2 = self.alias_at(toks, k)
                if hit2 is not None:  # (toks[j] is a role word: no alias begins at j)
                    return self._entity_mention(i, max(hit2[0], np_end), hit2[1])
        role = self.role_of(toks[j])
        if role == "document":
            # A document speaks for its issuer: بلاغ الشرطة الهولندية → the police.
            inner = self.mention_at(toks, j + 1) if j + 1 < n else None
            if inner is not None and not inner.anaphoric:
                inner.start = i
                return inner
            return Mention(i, np_end, self._text(toks, j, np_end), "anonymous", key=self._key(np_words))
        text = self._text(toks, i, np_end)
        if role == "media":
            # The outlet's name follows the head word, often in quotation marks
            # (موقع "مدار 21"، مجلة «دير شبيغل»).
            k, words = j + 1, []
            while k < n and len(words) < 4:
                t = toks[k]
                if t in _QUOTE_FAMILY:
                    k += 1
                    continue
                if not t[0].isalnum() or t in _NP_STOP or t in _FUNCTION:
                    break
                words.append(t)
                k += 1
            end = k
            while end > j + 1 and toks[end - 1] in _QUOTE_FAMILY and toks[end - 1] not in ("»", "”", '"'):
                end -= 1
            for w in range(len(words)):
                hit3 = self.alias_at(words, w)
                if hit3 is not None:
                    return self._entity_mention(i, max(np_end, end), hit3[1])
            name = " ".join(_QUOTE_RE.sub(" ", self._text(toks, j, end)).split())
            return Mention(i, max(np_end, end), name, "media", key=self._key([toks[j], *words]))
        if role in ("private", "nonstate"):
            return Mention(i, np_end, text, "unknown", key=self._key(np_words))
        if role == "anonymous":
            return Mention(i, np_end, text, "anonymous", key=self._key(np_words))
        if role == "expert" and _bare(toks[j]) in self.gz.academic_titles:
            later = [self.role_of(t) for t in np_words[1:]]
            if "private" in later:
                return Mention(i, np_end, text, "unknown", key=self._key(np_words))
            if "official" in later or "institution" in later:
                return Mention(i, np_end, text, self._official_type(np_words), key=self._key(np_words))
        if role == "expert":
            has_name = self._has_name(np_words)
            plural = _bare(toks[j]) in self.gz.role_words["anonymous"]
            return Mention(i, np_end, text, "expert" if has_name and not plural else "anonymous",
                           key=self._key(np_words))
        # official or institution. An indefinite description with no article in its
        # first words and no nationality ("مسؤول أمني", "مسؤول وسيط") is an unnamed source.
        definite = any(t.startswith(("ال", "وال", "بال", "لل", "فال", "كال")) for t in np_words[:3])
        if not definite and (len(np_words) <= 3 or not self._has_name(np_words)) and \
                not self._nationality(np_words):
            return Mention(i, np_end, text, "anonymous", key=self._key(np_words))
        if any(self.role_of(t) in ("private", "nonstate") for t in np_words[1:]):
            return Mention(i, np_end, text, "unknown", key=self._key(np_words))  # a company's officer
        return Mention(i, np_end, text, self._official_type(np_words), key=self._key(np_words))

    def _official_type(self, words: list[str]) -> str:
        for k in range(len(words)):
            hit = self.alias_at(words, k)
            if hit is not None and hit[1].type == "international_org":
                return "international_org"
        bare = {_bare(w) for w in words}
        if bare & self.gz.international_nouns and (bare | set(words)) & self.gz.international_adjectives:
            return "international_org"
        nationality = self._nationality(words)
        if nationality:
            return nationality
        return self.gz.default_official_type if self.home else "foreign_official"

    def _entity_mention(self, i: int, end: int, ent: Entity) -> Mention:
        return Mention(i, end, ent.name, ent.type, entity_id=ent.id, key=frozenset({ent.id}))

    def _np_end(self, toks: list[str], j: int) -> int:
        """End of a noun phrase: stops at complements, prepositions, punctuation, quotes;
        a comma followed by an apposition with a role word continues it."""
        k = j + 1
        n = len(toks)
        while k < n and k - j < _MAX_NP:
            t = toks[k]
            if t in ("،", ","):
                # "هشام معتضد، باحث في …" or "الأمين العام، فالديسي أوركيزا،": continue
                if k + 1 < n and (self.role_of(toks[k + 1]) in ("official", "expert", "institution")
                                  or self.alias_at(toks, k + 1) is not None):
                    k += 1
                    continue
                break
            if not t[0].isalnum() or t in _NP_STOP or t in self.gz.verb_forms or \
                    _bare(t) in self.gz.verb_forms:
                break
            k += 1
        return k

    def _has_name(self, words: list[str]) -> bool:
        for w in words:
            b = _bare(w)
            if w in _FUNCTION or self.role_of(w) is not None or w.startswith(("ال", "لل", "بال", "وال")):
                continue
            if self._nationality([w]) or b in self.gz.anaphora:
                continue
            if len(b) >= 3 and not w.isdigit():
                return True
        return False

    def _name_mention(self, toks: list[str], i: int, j: int, *, bare_names: bool = True) -> Mention | None:
        """An unknown name: up to 4 words of no lexicon class, followed by a complement
        or by a comma and a role apposition ("محمد العلي، أستاذ …")."""
        k = j
        n = len(toks)
        # The first word of a name has no article; later ones may (هشام الكتاني).
        token_class = self.token_class
        while k < n and k - j < 4 and token_class(toks[k])[1 if k == j else 2]:
            k += 1
        if k - j < 2:
            # A lone word is too ambiguous to be a name, unless it is the surname of a
            # speaker already named in this document ("وختم الكتاني").
            b = _bare(toks[j])
            if len(b) >= 3:
                for s in reversed(self.speakers):
                    if not s.entity_id and b in s.key:
                        return Mention(i, j + 1, s.name, s.type, key=frozenset({b}))
            return None
        words = toks[j:k]
        if k < n and toks[k] in ("،", ","):
            end = self._np_end(toks, k - 1)
            appos = [t for t in toks[k:end] if t[0].isalnum()]
            role = next((self.role_of(t) for t in appos if self.role_of(t)), None)
            if role == "expert":
                return Mention(i, end, self._text(toks, j, k), "expert", key=self._key(words))
            if role in ("official", "institution"):
                return Mention(i, end, self._text(toks, j, k), self._official_type(appos), key=self._key(words))
            return None
        if bare_names and k - j <= 3 and k < n and (toks[k] in _COMPLEMENTS or toks[k] in (":",)):
            return Mention(i, k, self._text(toks, j, k), "unknown", key=self._key(words))
        return None

    @staticmethod
    def _key(words: list[str]) -> frozenset:
        return frozenset(_bare(w) for w in words if w[0].isalnum() and len(_bare(w)) >= 3
                         and w not in _DETERMINERS)

    # ---- speakers of the document
    def register(self, m: Mention) -> Mention:
        """The document's speaker this mention refers to (merging title/surname mentions)."""
        for s in reversed(self.speakers):
            if m.entity_id and s.entity_id == m.entity_id:
                return s
            if not m.entity_id and not s.entity_id and m.key and s.key and \
                    (m.key <= s.key or s.key <= m.key) and m.type == s.type:
                if len(m.key) > len(s.key):  # keep the fullest description
                    s.name, s.key = m.name, m.key
                return s
        self.speakers.append(m)
        return m


# --------------------------------------------------------------------------- acts

@dataclass
class _Act:
    tok: int
    cue_ns: int
    cue_ne: int
    kind: str
    speaker: Mention
    resolution: str
    subj_ns: int
    via: str = ""


def _cue_kind(gz: Gazetteer, toks: list[str], i: int) -> tuple[str, bool | str, bool, int] | None:
    """(kind, needs_complement, conjunction, n_tokens) if token i is a cue.

    ``needs_complement`` is False, True (أن/إن, colon, quotation or عن must follow) or a
    word that must follow (عبر عن)."""
    t = toks[i]
    conj = len(t) > 3 and t[0] in "وف"
    for form, has_conj in ((t, False), (t[1:] if conj else None, True)):
        if not form:
            continue
        for phrase in gz.according_phrases.get(form, ()):  # phrases first: "نقلا عن" is not the verb نقلا
            if tuple(toks[i + 1:i + len(phrase)]) == phrase[1:]:
                return "according_to", False, has_conj, len(phrase)
        if form in gz.verb_forms:
            return "verb", gz.verb_forms[form][1], has_conj, 1
        if form.startswith("ل") and form[1:] in gz.verb_forms and form[1] in "يت":
            return "verb", gz.verb_forms[form[1:]][1], has_conj, 1
        if form in gz.participles:
            return "participle", False, has_conj, 1
        if (form,) in gz.according_to:  # one word (phrases were tried above)
            return "according_to", False, has_conj, 1
        if form.startswith("ب") and (form[1:],) in gz.according_to:
            return "according_to", False, has_conj, 1
    bare = t[1:] if conj else t
    for form in (bare, bare[1:] if bare[:1] in "بل" else None):
        if form and form in gz.nouns:
            return "noun", False, conj, 1
    return None


def _names_a_thing(gz: Gazetteer, text: str, lo: int, quote_start: int) -> bool:
    """Whether the quotation opening at ``quote_start`` follows a naming noun (برنامج «…»)."""
    before = text[max(lo, quote_start - 30):quote_start].split()
    if not before:
        return False
    word = before[-1]
    return any(w in gz.name_nouns or _bare(w) in gz.name_nouns
               for w in (word, word[1:] if len(word) > 3 and word[0] in "بلكوف" else word))


def _complement_within(toks: list[str], i: int, limit: int) -> bool:
    for t in toks[i:i + limit]:
        if t in _COMPLEMENTS or t == ":" or t in _QUOTE_FAMILY:
            return True
    return False


def find_attributions(doc: Document, gazetteer: Gazetteer | None = None, *,
                      structure: Structure | None = None,
                      normalized: NormalizedText | None = None) -> pd.DataFrame:
    """All reporting acts of one document (columns: ATTRIBUTION_COLUMNS)."""
    rows = attribution_records(doc, gazetteer, structure=structure, normalized=normalized)
    return pd.DataFrame(rows, columns=list(ATTRIBUTION_COLUMNS)).astype(
        {"cue_start": "int64", "cue_end": "int64", "start": "int64", "end": "int64",
         "sentence_id": "int64"})


def attribution_records(doc: Document, gazetteer: Gazetteer | None = None, *,
                        structure: Structure | None = None,
                        normalized: NormalizedText | None = None) -> list[dict]:
    """All reporting acts of one document as dicts (keys: ATTRIBUTION_COLUMNS)."""
    gz = gazetteer or _default_gazetteer()
    nt = normalized or normalize(doc.text)
    structure = structure or segment(doc, nt)
    raw = doc.text
    ntext = nt.text
    resolver = _Resolver(gz, home=gz.mentions_home(ntext))
    rows: list[dict] = []
    last_speaker: Mention | None = None

    sent_norm = structure.sentence_norm
    sent_starts = [s for s, _ in sent_norm]
    cue_tokens = gz.cue_tokens
    for pid, para in enumerate(structure.paragraph_rows):
        if para["role"] in ("chrome", "byline"):
            continue
        toks = structure.paragraph_tokens[pid]
        # Indices of the cue tokens, found at C speed; the loop below visits only those.
        cue_at = list(compress(count(), map(cue_tokens.__contains__, toks)))
        if not cue_at:
            continue  # no cue word in the paragraph
        p_ns, p_ne = structure.paragraph_norm[pid]
        tok_starts = _token_offsets(structure.paragraph_pieces[pid], p_ns)
        resolver.surface = lambda a, b, _t, _s=tok_starts, _k=toks: \
            raw[slice(*nt.to_raw_span(_s[a], _s[b - 1] + len(_k[b - 1])))] if b > a else ""
        quotes = quote_spans(ntext, p_ns, p_ne)
        q_starts = [q[0] for q in quotes]
        # Quotations that are names (برنامج «…») do not carry attributed words.
        word_quotes = [q for q in quotes if not _names_a_thing(gz, ntext, p_ns, q[0])]

        def in_quote(pos: int) -> bool:
            k = bisect.bisect_right(q_starts, pos) - 1
            return k >= 0 and quotes[k][0] < pos < quotes[k][1]

        def sentence_of(pos: int) -> int:
            return bisect.bisect_right(sent_starts, pos) - 1

        acts: list[_Act] = []
        i = 0
        while i < len(toks):
            if toks[i] not in cue_tokens:
                k = bisect.bisect_left(cue_at, i)
                if k == len(cue_at):
                    break
                i = cue_at[k]
            cue = _cue_kind(gz, toks, i)
            if cue is None or in_quote(tok_starts[i]):
                i += 1
                continue
            kind, needs_comp, conj, width = cue
            pos = tok_starts[i]
            sid = sentence_of(pos)
            s_first = bisect.bisect_left(tok_starts, sent_norm[sid][0]) if sid >= 0 else 0
            prev_tok = toks[i - 1] if i > 0 else ""
            clause_initial = conj or i == s_first or prev_tok in ("،", ",", ":", "؛") or \
                " ".join(toks[max(0, i - 3):i]).replace(" ،", "").strip() in _CLAUSE_OPENERS
            speaker, resolution, subj_tok = None, "", i
            after = i + width
            if kind == "verb" and toks[i].endswith("سلط") and after < len(toks) and toks[after] == "الضوء":
                after += 1
            if kind in ("verb", "noun", "according_to"):
                j = after
                if kind == "according_to":
                    while j < len(toks) and j - after < 4 and (toks[j] in gz.according_to_skip or _bare(toks[j]) in gz.according_to_skip):
                        j += 1
                fwd = resolver.mention_at(toks, j) if j < len(toks) else None
                if fwd is not None and fwd.anaphoric:
                    if last_speaker is not None:
                        speaker, resolution = last_speaker, "anaphora"
                elif fwd is not None and fwd.type:
                    if kind == "according_to" and acts and sentence_of(acts[-1].cue_ns) == sid:
                        prev = acts[-1]
                        if fwd.type == "media":
                            # "قال X …، وفق موقع Y": the site is where the words come from.
                            prev.via = fwd.name
                            i = fwd.end
                            continue
                        if prev.speaker.type == "media":
                            # "ذكر الموقع، نقلا عن X": X speaks, the site passes it on.
                            prev.via, prev.speaker = prev.speaker.name, resolver.register(fwd)
                            prev.resolution = "explicit"
                            last_speaker = prev.speaker
                            i = fwd.end
                            continue
                    speaker, resolution = resolver.register(fwd), "explicit"
            if speaker is None and kind == "verb":
                k = i - 1
                while k >= s_first and toks[k] in _AUX:
                    k -= 1
                if k >= s_first and toks[k] in _RELATIVES:
                    back = _last_mention(resolver, toks, s_first, k)
                    if back is not None:
                        speaker, resolution, subj_tok = resolver.register(back), "relative", back.start
                else:
                    strong_start = conj or i == s_first or \
                        " ".join(toks[max(0, i - 3):i]).replace(" ،", "").strip() in _CLAUSE_OPENERS
                    back = None if strong_start else _last_mention(resolver, toks, s_first, i)
                    if back is not None and acts and sentence_of(acts[-1].cue_ns) == sid and \
                            any(t in _COMPLEMENTS for t in toks[acts[-1].tok:i]):
                        back = None  # the verb sits inside content reported by someone else
                    if back is not None and (not needs_comp or _complement_within(toks, after, 8)):
                        speaker, resolution, subj_tok = resolver.register(back), "preceding", back.start
                    elif clause_initial and _complement_within(toks, after, 3) and last_speaker is not None:
                        speaker, resolution = last_speaker, "continuation"
            if speaker is None and kind == "participle":
                if acts:
                    speaker, resolution = acts[-1].speaker, "continuation"
                elif _complement_within(toks, after, 2):
                    back = _last_mention(resolver, toks, s_first, i)
                    if back is not None:
                        speaker, resolution, subj_tok = resolver.register(back), "preceding", back.start
            if speaker is not None and kind == "verb" and needs_comp:
                window = 8 if resolution == "explicit" else 4
                if isinstance(needs_comp, str):  # a required word: عبر عن
                    if needs_comp not in toks[after:after + window]:
                        speaker = None
                elif not _complement_within(toks, after, window):
                    speaker = None
            if speaker is None:
                i += 1
                continue
            acts.append(_Act(i, pos, tok_starts[i + width - 1] + len(toks[i + width - 1]), kind, speaker,
                             resolution, tok_starts[subj_tok]))
            last_speaker = speaker
            i += width

        for n_act, act in enumerate(acts):
            sid = sentence_of(act.cue_ns)
            clause_start = min(act.subj_ns, act.cue_ns)
            if act.kind == "according_to":
                prev_end = acts[n_act - 1].cue_ne if n_act and sentence_of(acts[n_act - 1].cue_ns) == sid else None
                clause_start = prev_end if prev_end is not None else max(sent_norm[sid][0], p_ns)
            clause_end = sent_norm[sid][1] if sid >= 0 else p_ne
            for qs, qe in word_quotes:  # a quotation opened in the clause runs to its end
                if clause_start <= qs < clause_end < qe:
                    clause_end = qe
            nxt_i = n_act + 1
            if act.kind == "according_to":  # its words may follow its own participles
                while nxt_i < len(acts) and acts[nxt_i].kind == "participle" and \
                        acts[nxt_i].speaker is act.speaker:
                    nxt_i += 1
            if nxt_i < len(acts) and acts[nxt_i].cue_ns < clause_end:
                nxt = acts[nxt_i]
                clause_end = min(clause_end, nxt.subj_ns if nxt.subj_ns > act.cue_ne else nxt.cue_ns)
            clause_end = max(clause_end, act.cue_ne)
            inside = [(max(qs, clause_start), min(qe, clause_end)) for qs, qe in word_quotes
                      if qs < clause_end and qe > clause_start]
            cue_start, cue_end = nt.to_raw_span(act.cue_ns, act.cue_ne)
            start, end = nt.to_raw_span(clause_start, clause_end)
            # An empty pair of quotation marks, or a stray one with no word after it, quotes
            # nothing: such an act is indirect, not direct with an empty quote.
            quoted = [raw[s:e].strip("«»“”„‘’\" ") for s, e in (nt.to_raw_span(a, b) for a, b in inside)]
            quote_text = " … ".join(q for q in quoted if q)
            raw_sid = structure.sentence_at(cue_start)
            rows.append({
                "doc_id": doc.doc_id, "outlet": doc.outlet, "speaker": act.speaker.name,
                "speaker_type": act.speaker.type, "mode": "direct" if quote_text else "indirect",
                "cue": raw[cue_start:cue_end], "cue_start": cue_start, "cue_end": cue_end,
                "start": start, "end": end, "quote": quote_text, "via": act.via,
                "cue_kind": act.kind, "speaker_id": act.speaker.entity_id,
                "resolution": act.resolution, "sentence_id": raw_sid,
                "role": para["role"],
            })
    return rows


def _token_offsets(pieces: list[str], base: int) -> list[int]:
    """Start offsets of the tokens of a text split by TOKEN_RE into ``pieces`` (gap,
    token, gap, …, gap) that begins at offset ``base``: running sums of the pieces'
    lengths, computed at C speed (no match object per token)."""
    return list(accumulate(map(len, pieces), initial=base))[1:len(pieces) - 1:2]


def _last_mention(resolver: _Resolver, toks: list[str], lo: int, hi: int, *, window: int = 20) -> Mention | None:
    """The last source mention that ends at or before token ``hi`` (same sentence,
    within ``window`` tokens), extended to its earliest start (title + name)."""
    lo = max(lo, hi - window)
    k = hi - 1
    while k >= lo:
        m = resolver.mention_at(toks, k, bare_names=False)
        if m is not None and not m.anaphoric and m.type and m.end <= hi:
            best = m
            for back in range(k - 1, max(lo, k - 5) - 1, -1):  # a longer mention ending here
                wider = resolver.mention_at(toks, back, bare_names=False)
                if wider is not None and not wider.anaphoric and wider.type and k < wider.end <= hi \
                        and (wider.type != "unknown" or best.type == "unknown"):
                    best = wider
            return best
        k -= 1
    return None


@lru_cache(maxsize=1)
def _default_gazetteer() -> Gazetteer:
    """The packaged gazetteer, loaded once per process."""
    return load_gazetteer()


def attributions_frame(corpus: Iterable[Document], gazetteer: Gazetteer | None = None) -> pd.DataFrame:
    """Reporting acts of every document of a corpus, in corpus order (ATTRIBUTION_COLUMNS)."""
    gz = gazetteer or _default_gazetteer()
    rows = [r for doc in corpus for r in attribution_records(doc, gz)]
    return pd.DataFrame(rows, columns=list(ATTRIBUTION_COLUMNS)).astype(
        {"cue_start": "int64", "cue_end": "int64", "start": "int64", "end": "int64",
         "sentence_id": "int64"})


def shannon_entropy(counts: Iterable[int]) -> float:
    """Shannon entropy (bits) of a count distribution; 0 for an empty one."""
    counts = [c for c in counts if c > 0]
    total = sum(counts)
    if not total:
        return 0.0
    return max(0.0, -sum(c / total * math.log2(c / total) for c in counts))

"""Mentions: the sources named in a sentence, and the registry of a document's speakers.

Input: the normalised tokens of a paragraph and a position (the word after a cue, or a
span before it). Output: a :class:`Mention` (token span, name as written, type, country)
or None; :class:`Resolver` keeps one document's speakers and merges the mentions that
name the same source (a full name, then a surname; a title with its country, then the title
alone; an institution, then الوزارة or البيان).

Facts about Arabic news used here:

* a source is a name (a gazetteer alias or up to four unknown name words), a description
  headed by a role word (وزير، المتحدث، مصادر، صحيفة …), or a state named by its country or
  capital (قالت القاهرة);
* a title and a name stand side by side with or without a comma (محمد العلي وزير الخارجية،
  وزير الخارجية محمد العلي); a name may begin with ال, و or ف (الحسن، فهد، وليد) when it
  follows the verb;
* a word glued to the preposition ل or ب (لوكالة، لصحيفة) is not a subject: it is the
  addressee or the medium (see :mod:`.via`);
* the spokesman of a body (المتحدث باسم الأمم المتحدة) is a person typed by the body;
* a later, shorter mention (a surname, the title alone, الوزارة, البيان) refers to the
  latest speaker it fits, and inherits that speaker's country.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources

import yaml

from .countries import bare, inflection_base, is_given_name, load_countries
from .cues import SENTENCE_ENDS
from .gazetteer import Entity, Gazetteer
from ..corpus import TOKEN_RE
from ..normalize import normalize_text
from .quotes import QUOTE_FAMILY, QUOTE_RE
from .words import function_words as W
from .yamlload import safe_load

__all__ = ["Mention", "Resolver", "last_mention", "DETERMINERS", "FUNCTION_WORDS", "NP_STOP", "AUX",
           "RELATIVES", "QUANT_STARTS"]

RELATIVES = W["relatives"]
AUX = W["aux"]
DETERMINERS = W["determiners"]
FUNCTION_WORDS = W["function_words"]
NP_STOP = W["np_stop"]  # (with بشأن، حيال، إزاء، تجاه: the topic, not part of the name)
_SO_CALLED_VERBS = W["so_called_verbs"]
# في/من stand inside a description of a source (مصدر في الوزارة); no other function word does.
IN_NAME_PREPOSITIONS = W["in_name_prepositions"]
_MAX_NP = 12
# Quotation marks that open and close a name after its noun (شركة «النور»، وكالة "الأفق").
_OPENING_NAME_MARKS = frozenset({"«", "“", '"'})
_CLOSING_NAME_MARKS = frozenset({"»", "”", '"'})
_ARTICLE = ("ال", "وال", "بال", "لل", "فال", "كال")
_CONTENT_OPENERS = W["that_particles"]  # (أن، إن، بأن …: the reported content begins)
# Prepositions that tell where or before whom something was said (أمام، خلال، في).
_PLACE_PREPOSITIONS = W["place_prepositions"]
_PREPOSITION_CLITICS = ("ل", "ب")


@dataclass
class Mention:
    start: int  # token index
    end: int  # token index (exclusive)
    name: str
    type: str  # official, international_org, expert, anonymous, media, other, unknown (or "")
    entity_id: str = ""
    anaphoric: bool = False
    key: frozenset = frozenset()
    country: str = ""
    prepositional: bool = False  # the first word carries ل or ب: an addressee or medium
    document: bool = False  # a definite document noun alone (البيان، التقرير)
    noun: str = ""  # the document noun of a document's mention (دراسه): links it to its issuer
    courtesy: bool = False  # a doctor's title and a name only (الدكتور الفارس): the office may be told elsewhere


@lru_cache(maxsize=1)
def _subject_ends() -> dict[str, frozenset]:
    """The word lists of ``data/speakers.yaml`` (days, content openers, verbal nouns),
    normalised: what may follow a subject but never belongs to its noun phrase."""
    ref = resources.files("analysis") / "data" / "speakers.yaml"
    data = safe_load(ref.read_text(encoding="utf-8"), str(ref))
    return {k: frozenset(normalize_text(w) for w in v) for k, v in data.items() if isinstance(v, list)}


def _derived_verbal_noun(b: str, *, after_bi: bool) -> bool:
    """Whether ``b`` (no clitic, no article) has the shape of a verbal noun of a derived
    form: استفعال (استمرار، استقرار), and after ب also افتعال / انفعال (بالالتزام، بانعقاد)."""
    if len(b) == 7 and b.startswith("است") and b[5] == "ا":
        return True
    return after_bi and len(b) == 6 and b[0] == "ا" and b[4] == "ا" and (b[2] == "ت" or b[1] == "ن")


@lru_cache(maxsize=1 << 19)  # (a corpus's words: a smaller cache is outgrown in a few thousand articles)
def clitic_variants(tok: str) -> tuple[str, ...]:
    out = [tok]
    if len(tok) > 2 and tok[0] in "وف":
        out.append(tok[1:])
    for t in list(out):
        if len(t) > 2 and t[0] in "بلك":
            out.append(t[1:])
        if len(t) > 3 and t.startswith("لل"):
            out.append("ال" + t[2:])
    return tuple(out)


@lru_cache(maxsize=1 << 19)
def key_form(tok: str) -> str:
    """The form of a word that identifies a source across mentions: without the article and
    prepositions, and without و/ف only before the article (وزير keeps its و; والوزير → وزير)."""
    t = tok[1:] if len(tok) > 4 and tok[0] in "وف" and tok[1:3] in ("ال", "لل") else tok
    return bare(t) if not (t[0] in "وف" and t is tok) else (t[2:] if t.startswith("ال") else t)


# Possessive and object pronouns glued to a noun or a preposition (لزملائه، بحسبهم، بلادنا).
_POSSESSIVES = ("ه", "ها", "هم", "هما", "هن", "كم", "نا")


# The third-person pronouns a verb or preposition carries (longest first: هما before ها).
ATTACHED_PRONOUNS = ("هما", "هم", "هن", "ها", "ه")


@lru_cache(maxsize=1 << 16)  # (speed: asked of the first word at every position parsed as a name)
def _preposition_with_pronoun(tok: str) -> bool:
    """Whether a word is a preposition or adverb of place and time with an attached pronoun
    (خلاله، فيه، عنها، لديهم، بعدها): it points back to something named before (a call, a
    meeting) and is never the subject of the verb it follows."""
    for suffix in ATTACHED_PRONOUNS:
        if tok.endswith(suffix) and len(tok) > len(suffix) + 1:
            stem = tok[:-len(suffix)]
            # (the alif maqsura of علي/الي/لدي turns to ي before a pronoun: عليه، إليه، لديه)
            if stem in FUNCTION_WORDS or stem in NP_STOP:
                return True
    return False


preposition_with_pronoun = _preposition_with_pronoun  # the name other stages import


def _tafil_shape(tok: str) -> bool:
    """Whether a word without article or clitic has the shape تفعيل, the verbal noun of the
    second form (تنظيم، تعليق، تمديد): five letters, ت first and ي fourth."""
    return len(tok) == 5 and tok[0] == "ت" and tok[3] == "ي"


def _given_name_in_ta(tok: str) -> bool:
    """Whether a word ending in ه (the normalised ة) is a man's given name, not a feminine
    noun: a theophoric compound (عبدالله، عبدالاله: «servant of God» ends in الله, not in the
    feminine ending) or a masculine name in ة (continuations.yaml masculine_ta_marbuta:
    أسامة، حمزة). Right after a title such a word is the person's name (العميد عبدالله …),
    not the verb's object."""
    from .agreement import _lists
    return tok.startswith("عبد") or tok.endswith("الله") or tok in _lists()["masculine_ta_marbuta"]


# The packaged lexicons whose words are "known Arabic words" (see :func:`_lexicon_words`).
# Not function_words.yaml: its closed-class words were code, not lexicon, when this list
# was defined; reading them would change which words count as known.
_LEXICON_FILES = ("continuations.yaml", "countries.yaml", "cues.yaml", "frames.yaml", "sources.yaml",
                  "speakers.yaml", "stopwords_ar.txt")


def _yaml_values(node) -> list[str]:
    """The strings of a YAML document that are values (list items, mapping values), not keys,
    at any depth."""
    if isinstance(node, str):
        return [node]
    if isinstance(node, dict):
        return [s for v in node.values() for s in _yaml_values(v)]
    if isinstance(node, list):
        return [s for v in node for s in _yaml_values(v)]
    return []


@lru_cache(maxsize=1)
def _lexicon_words() -> frozenset:
    """Every Arabic word of three letters or more in the values of the packaged lexicons
    (:data:`_LEXICON_FILES`: the words of their lists and mappings, not their keys or
    comments; the stop-word list line by line), normalised, without the article: the words
    the package knows to be Arabic. (Shorter ones are function words or suffixes.) A word
    cited in a comment is an example, not an entry: it does not count."""
    import re
    from pathlib import Path

    words: set[str] = set()
    data = Path(__file__).resolve().parent.parent / "data"
    for name in _LEXICON_FILES:
        path = data / name
        try:
            text = path.read_text(encoding="utf-8")
        except OSError:
            continue
        if name.endswith(".yaml"):
            try:
                values = _yaml_values(safe_load(text, str(path)))
            except yaml.YAMLError:
                continue  # (the loader of that file reports it; here it only adds no words)
        else:
            values = [line for line in text.splitlines() if not line.lstrip().startswith("#")]
        for value in values:
            for w in re.findall(r"[\u0621-\u064A\u0671]{3,}", value):
                w = normalize_text(w)
                w = w[2:] if w.startswith("ال") and len(w) > 4 else w
                if len(w) >= 3:
                    words.add(w)
    return frozenset(words)


def _inflected_stems(w: str) -> set[str]:
    """``w`` and its stem without a regular plural, dual or feminine ending (مواطنين →
    مواطن، المحللون → محلل، حكومات → حكومه)."""
    out = {w}
    if len(w) > 4 and w.endswith(("ين", "ون", "ان")):
        out.add(w[:-2])
    if len(w) > 4 and w.endswith("ات"):
        out |= {w[:-2], w[:-2] + "ه"}
    if len(w) > 3 and w.endswith("ه"):
        out.add(w[:-1])
    return out


def in_lexicon(tok: str, words: frozenset) -> bool:
    """Whether a text word is one of a lexicon's words (listed without article or clitic) under
    one of its readings (:func:`clitic_variants`): لوكالة، والوكالة، للتنمية. A first و/ف is
    dropped only as one reading, so وكالة and فضاء stay themselves."""
    return any(v in words or (v.startswith("ال") and v[2:] in words) for v in clitic_variants(tok))


def name_without_li(name: str, *, lam_word: bool = False) -> str:
    """A name as written without a glued ل (لوزير المالية → وزير المالية، للبنك → البنك;
    للجنة الانتخابات → لجنة الانتخابات when the word itself begins with ل, ``lam_word``)."""
    if name.startswith("لل") and not lam_word:
        return "ال" + name[2:]
    return name[1:].lstrip("ـ") if name.startswith("ل") else name


def _phrase_form(tok: str) -> str:
    """A word as it is compared inside a phrase: without و/ف, a glued ل/ب and the article
    (لكرة القدم → كره قدم)."""
    t = tok[1:] if len(tok) > 3 and tok[0] in "وف" else tok
    if len(t) > 4 and t.startswith("لل"):
        t = t[2:]
    elif len(t) > 3 and t[0] in "بل" and not t.startswith("ال"):
        t = t[1:]
    return bare(t)


def _lexicon_base(word: str) -> str:
    """A lexicon phrase's word as it is compared: without the article and the regular
    feminine or plural ending (المركزية → مركزي), but with every letter of its stem. A
    lexicon word carries no clitic, so its first و or ف is a root letter (الفروسية keeps its
    ف: it must not read as الروسية)."""
    b = word[2:] if len(word) > 3 and word.startswith("ال") else word
    if len(b) > 4 and b.endswith("ه"):
        return b[:-1]
    if len(b) > 5 and b.endswith(("ين", "ون", "ان")) and b[-3] == "ي":
        return b[:-2]
    return b


@lru_cache(maxsize=1 << 16)
def _phrase_bases(tok: str) -> tuple[str, ...]:
    """The lexicon bases a text word may stand for: one per reading of its proclitics
    (:func:`clitic_variants`: والفروسية → الفروسية; لكرة → كرة), each without article and
    inflection. A word's first letter is dropped only as a clitic, and then both readings
    are kept, so a root letter is never lost for good (وزارة → وزاره or زاره)."""
    return tuple(dict.fromkeys(_lexicon_base(v) for v in clitic_variants(tok)))


_KNOWN_WORDS: frozenset | None = None  # _lexicon_words(), held once the first word asks


def _prepositional(tok: str) -> bool:
    """Whether a word carries the preposition ل or ب (لوكالة، للصحيفة، بوزارة). A word the
    lexicons list whole keeps its first letter (بيان، بلاغ، بنك، لجنة: nouns, not ب or ل
    before one)."""
    global _KNOWN_WORDS
    t = tok[1:] if len(tok) > 3 and tok[0] in "وف" else tok
    if not (len(t) > 3 and t[0] in _PREPOSITION_CLITICS and not t.startswith(("ال", "با", "لا"))):
        return False
    if _KNOWN_WORDS is None:
        _KNOWN_WORDS = _lexicon_words()
    return t not in _KNOWN_WORDS


class Resolver:
    """Finds source mentions in a token list and keeps the speakers of one document."""

    def __init__(self, gz: Gazetteer):
        self.gz = gz
        self.countries = load_countries()
        self.speakers: list[Mention] = []
        self.key_words: set[str] = set()  # every word of the speakers' keys (surnames …)
        self.issuers: dict[str, Mention] = {}  # document noun → the speaker who issued the latest one
        self._no_mention: set = set()
        self._document, self._surnames = "", {}
        self._state_heads: frozenset | None = None  # (see _document_state_heads)
        # Set per paragraph: raw surface text of tokens [a, b) (names keep their spelling).
        self.surface = lambda a, b, toks: " ".join(toks[a:b])
        # Set per paragraph: False when its raw text holds no tanwin ً, so that no word needs
        # mapping back to the raw text to look for one (see ends_in_tanwin).
        self.raw_tanwin = True

    def ends_in_tanwin(self, toks: list[str], k: int) -> bool:
        """Whether token ``k`` is written with the accusative tanwin ً at its end (دوماً،
        نمواً), which normalisation removes: only its raw surface tells."""
        return self.raw_tanwin and self.surface(k, k + 1, toks).endswith("\u064b")

    def text(self, toks: list[str], a: int, b: int) -> str:
        while b > a and not toks[b - 1][0].isalnum():
            b -= 1
        s = self.surface(a, b, toks).strip(" \"«»“”„‘’،,")
        if QUOTE_RE.search(s):
            # a name quoted in the span (شركة «النور»، شركة «النور» الأردنية): the marks go
            # always, as for a medium's name, so that one body reads the same wherever its
            # name stands in the span (a closing mark at the end is cut with the punctuation)
            s = " ".join(QUOTE_RE.sub(" ", s).split())
        return s

    # ---- lexicon look-ups
    def alias_at(self, words: list[str], i: int) -> tuple[int, Entity] | None:
        firsts = self.gz.alias_firsts
        for first in clitic_variants(words[i]):
            if first not in firsts:
                continue
            for n in range(min(self.gz.max_alias_len, len(words) - i), 0, -1):
                ent = self.gz.aliases.get((first, *words[i + 1:i + n]))
                if ent is not None:
                    return i + n, ent
        return None

    def token_class(self, tok: str) -> tuple[bool, bool, bool, bool]:
        """What a token can be, from the lexicon alone (cached per gazetteer): (may begin a
        mention, may begin an unknown name, may continue one, may begin an alias)."""
        cached = self.gz.token_class_cache.get(tok)
        if cached is None:
            alias_first = any(v in self.gz.alias_firsts for v in clitic_variants(tok))
            starts_mention = tok in DETERMINERS or tok in _QUANT_STARTS or alias_first or self.role_of(tok) is not None
            in_name = tok[0].isalnum() and tok not in FUNCTION_WORDS and self.role_of(tok) is None and \
                tok not in self.gz.cues.verbs and bare(tok) not in self.gz.cues.verbs and not tok.isdigit() \
                and tok not in AUX and tok not in self.gz.cues.tokens and \
                not tok.endswith(("ها", "هم", "هما", "نا", "ته")) and \
                not tok.startswith(("لل", "بال", "وال", "فال", "كال"))
            starts_name = in_name and not (tok.startswith("ال") or tok[0] in "وف")
            cached = (starts_mention, starts_name, in_name, alias_first)
            if len(self.gz.token_class_cache) < 500_000:
                self.gz.token_class_cache[tok] = cached
        return cached

    def may_begin(self, tok: str) -> bool:
        """Whether a word may begin a mention that is no anaphor, read as
        ``mention_at(..., bare_names=False)`` reads it: a word of no lexicon class (no
        determiner, quantifier, alias, role or given name) that is no known speaker's key word
        begins none. Checked before the full parse by the callers that scan many positions
        and keep only such mentions: most positions hold none, and this test is a few
        cached look-ups."""
        if not tok[0].isalnum():
            return False
        cls = self.token_class(tok)
        return cls[0] or cls[1] or key_form(tok) in self.key_words

    def may_name(self, toks: list[str], i: int) -> bool:
        """Whether a mention of a typed source (not unknown, no anaphor) may begin at token
        ``i`` read after a verb (``bare_names=True``): besides what :meth:`may_begin` admits,
        only the first word of an unknown name with a word after it (a name word, or one
        of the foreign names :meth:`_loose_name_word` and :meth:`_given_name_in_na` admit)
        or a state named by its country or capital. A lone surname after a verb is typed
        unknown, so it needs no test here. A superset of the positions that hold one,
        tested before the full parse."""
        t = toks[i]
        if self.may_begin(t):
            return True
        if not t[0].isalnum():
            return False
        if i + 1 < len(toks) and (self.token_class(t)[2] or t.startswith(("فال", "بال", "كال")) or
                                  t.endswith("نا")):
            return True
        return self.countries.place_at(toks, i) is not None

    def role_of(self, tok: str) -> str | None:
        cache = self.gz.role_cache
        if tok in cache:
            return cache[tok]
        b = bare(tok)
        # Role words are listed in the masculine singular; the feminine (الناشطة) and the
        # dual (خبيران، خبيرين) are recognised from it.
        forms = [tok, b]
        if len(b) > 4 and b.endswith("ه"):
            forms.append(b[:-1])
        elif len(b) > 5 and b.endswith(("ان", "ين")):
            forms.append(b[:-2])
        role = None
        for r in ("media", "document", "anonymous", "expert", "official", "institution", "research", "private",
                  "nonstate"):
            words = self.gz.role_words[r]
            if any(f in words for f in forms):
                role = r
                break
        cache[tok] = role
        return role

    def country_of(self, words: list[str]) -> str:
        return self.countries.country_of(words)

    def np_role(self, tok: str) -> str | None:
        """The role of a word inside a description, also when the preposition ل or ب is
        glued to an indefinite noun (الناطق باسم الجناح العسكري لحزب …، مدير بشركة …)."""
        role = self.role_of(tok)
        if role is None and _prepositional(tok):
            t = tok[1:] if tok[0] in "وف" else tok
            role = self.role_of(t[1:])
        return role

    def is_business(self, words: list[str]) -> bool:
        """Whether a description holds a company word after its head (نائب رئيس شركة …) or
        a business phrase (رئيس مجلس إدارة …، الرئيس التنفيذي لـ …، اتحاد أصحاب العمل)."""
        for w in words:
            b = bare(w)
            if b in self.gz.academic_titles or b in self.gz.courtesy_titles or b in self.gz.honorifics:
                continue  # (معالي، الدكتور … before the office)
            forms = {w, b, w[2:] if w.startswith("ال") else w}  # (bare takes و off وزير)
            if any(f in self.gz.state_heads or (len(f) > 4 and f.endswith("ه") and f[:-1] in self.gz.state_heads)
                   for f in forms):
                return False  # وزير المياه رئيس مجلس أمناء الصندوق: a minister chairs a board in office
            break
        if any(self.np_role(t) in ("private", "nonstate") and not self._served_group(t) and
               not self.state_back_reference(words, k) for k, t in enumerate(words) if k):
            return True
        if self._chamber_of_town(words):
            return True
        return self._has_phrase(words, "private_phrases") or self._has_phrase(words, "sport_phrases")

    def _served_group(self, tok: str) -> bool:
        """Whether a word of a description is a person word of the private class in the
        sound plural (المعلمين، الموظفين، الطلاب is no sound plural): inside an office's title
        it names the people the office serves (مدير شؤون المعلمين، إدارة شؤون الموظفين),
        never a company or club the officer speaks for, as a singular (مدير أعمال اللاعب)
        or a body noun (شركة، نادي) does."""
        b = bare(tok[1:] if tok[0] in "وف" and len(tok) > 4 else tok)
        if len(b) <= 5 or not b.endswith(("ين", "ون")):
            return False
        words = self.gz.role_words["private"]
        return b not in words and b[:-2] in words and b[:-2] in self.gz.served_persons

    def _chamber_of_town(self, words: list[str]) -> bool:
        """Whether a description names a chamber of commerce by its city (غرفة جدة، غرفة
        الرياض، غرفة الشرقية): Gulf news name the chambers so, and a chamber is a business
        association (test bed decisions), not a state body. (A room of a place, غرفة
        العمليات، has no town after it.)"""
        for k in range(len(words) - 1):
            nxt = words[k + 1]
            if bare(words[k]) in ("غرفه", "غرفة") and \
                    (self.countries._town_readings(nxt) or self.countries._town_readings(bare(nxt))):
                return True
        return False

    def is_consultant(self, words: list[str]) -> bool:
        """A consultant in a field (المستشار المالي، مستشار قانوني): an expert, not the adviser
        of an office."""
        # (an adviser in a field to an office, المستشار القانوني للجيش، is the office's adviser:
        # an official)
        return len(words) > 1 and bare(words[0]) in self.gz.consultant_titles and \
            inflection_base(words[1]) in self.gz.consultant_fields and \
            not any(_prepositional(w) or w.startswith("لل") for w in words[2:]
                    if self.np_role(w) in ("official", "institution"))

    def body_type(self, words: list[str]) -> tuple[str, str] | None:
        """(type, country) of a known body named inside a title (رئيس مجموعة اليورو), or None:
        the body types the person, before any word of the title does."""
        for k in range(len(words)):
            if not self.token_class(words[k])[3]:
                continue
            hit = self.alias_at(words, k)
            if hit is not None and hit[1].kind != "person":
                ent = hit[1]
                return ("official" if ent.type == "foreign_official" else ent.type), ent.country
        return None

    def speaker_body(self, words: list[str]) -> tuple[str, str] | None:
        """(type, country) of a body already cited in the document and named inside a title
        (سامر الفارس المتحدث باسم النخيل after «قالت شركة النخيل»; رئيس أركان الائتلاف after
        «أعلن الائتلاف الدولي»): the person speaks for that body. Only bodies typed other,
        international_org, expert or unknown; role words and nationalities do not identify one."""
        names = set()
        for w in words[1:]:
            for v in clitic_variants(w):
                k = key_form(v)
                if len(k) >= 3 and self.role_of(v) not in ("official", "expert", "anonymous") and \
                        not self.country_of([v]) and v not in FUNCTION_WORDS and v != "باسم":
                    names.add(k)
        if not names:
            return None
        for s in reversed(self.speakers):
            # (a body cited by its bare name, type unknown, leaves its spokesman unknown too)
            if s.type in ("other", "international_org", "expert", "unknown") and not s.document and \
                    names & s.key:
                return s.type, s.country
        return None

    def issuer_after(self, toks: list[str], j: int, stop: int) -> Mention | None:
        """The issuer named right after a document noun at ``j`` (دراسة أجرتها شركة X، الدراسة
        التي أعدها الباحثان، تقرير نشرته الوزارة), or None."""
        k = j + 1
        while k < min(stop, len(toks)) and k - j <= 3:
            t = toks[k]
            if t in ("صادر", "الصادر") and k + 2 < len(toks) and toks[k + 1] in ("عن", "من"):
                k += 1  # بيان صادر عن الجمعية: the participle "issued by" names the issuer
                t = toks[k]
                inner = self.mention_at(toks, k + 1, bare_names=True)
                if inner is not None and not inner.anaphoric and inner.type not in ("", "anonymous"):
                    return inner
                return None
            if t in self.gz.issuing_verbs or (t[0] in "وف" and t[1:] in self.gz.issuing_verbs):
                inner = self.mention_at(toks, k + 1, bare_names=True) if k + 1 < len(toks) else None
                if inner is not None and inner.prepositional and inner.end < len(toks):
                    # أعدها لمعهد واشنطن الباحثان: the body it was written for, then the authors
                    after = self.mention_at(toks, inner.end, bare_names=True)
                    inner = after if after is not None and not after.prepositional else inner
                if inner is not None and not inner.anaphoric and inner.type not in ("", "anonymous"):
                    return inner
                return None
            k += 1
        return None

    def mention_after_li(self, toks: list[str], k: int, *,
                         bare_names: bool = True) -> tuple[Mention | None, bool]:
        """The mention at token ``k`` read without its glued ل (لوزير المالية، للبنك الدولي,
        للجنة الانتخابات), and whether ل stood before a word that itself begins with ل.
        للـ is ل + the article (للبنك) or ل before such a word (للجنة = ل + لجنة): both
        readings are tried, the first that names a typed source wins. The words are read
        on a copy: the paragraph's no-mention cache indexes the original ones."""
        t = toks[k]
        m, reading = None, ""
        for reading in ("ال" + t[2:], t[1:]) if t.startswith("لل") else (t[1:],):
            m = self._mention_at([*toks[:k], reading, *toks[k + 1:]], k, bare_names=bare_names)
            if m is not None and m.type:
                break
        return m, reading == t[1:]

    def _author_after(self, toks: list[str], j: int) -> Mention | None:
        """The author a document noun at ``j`` names with ل (تقرير لمؤسسة X، دراسة للبنك
        الدولي، بيان لوزارة الخارجية): news marks whose report it is with that preposition;
        only an identified source counts."""
        k = j + 1
        if k >= len(toks) or len(toks[k]) < 4 or toks[k][0] != "ل":
            return None
        m, lam_word = self.mention_after_li(toks, k, bare_names=False)
        if m is None or m.anaphoric or m.type in ("", "anonymous", "unknown", "media"):
            return None
        m.name = name_without_li(m.name, lam_word=lam_word)
        return m

    def declines_name(self, toks: list[str], start: int, stop: int) -> bool:
        """Whether the words after a description say the source declined to be named
        (مسؤول رفض الكشف عن هويته، محلل فضل عدم ذكر اسمه)."""
        window = toks[start:min(stop, len(toks))]
        for k, t in enumerate(window):
            if t in self.gz.anonymity_verbs or bare(t) in self.gz.anonymity_verbs:
                if any(w in self.gz.anonymity_nouns for w in window[k + 1:k + 5]):
                    return True
        return False

    def set_document(self, ntext: str) -> None:
        """The document's normalised text, read only if a lone surname needs checking."""
        self._document, self._surnames = ntext, {}
        self._state_heads = None

    def _document_state_heads(self) -> frozenset:
        """The head nouns (without the article) of the ``state_phrases`` named in the
        document (المؤسسة العامة لـ … → مؤسسه) that name nothing else in it, found once per
        document. A head noun that also begins the name of another body there (مؤسسة الملك
        خالد الخيرية: the noun without the article in construct with a word) is left out:
        «المؤسسة» alone may then stand for either. (With the article, an adjective after the
        noun may be its own or a preceding noun's: موقع المؤسسة الإلكتروني.)"""
        if self._state_heads is None:
            doc = self._document
            phrases: dict[str, list[tuple[str, ...]]] = {}
            for phrase in self.gz.state_phrases:
                if " ".join(phrase) in doc:
                    phrases.setdefault(phrase[0][2:] if phrase[0].startswith("ال") else phrase[0], []).append(phrase)
            heads = set()
            if phrases:
                words = TOKEN_RE.findall(doc)
                for head, named in phrases.items():
                    for i, w in enumerate(words[:-1]):
                        f = w[1:] if len(w) > 3 and w[0] in "وف" else w
                        pre = next((p for p in ("بال", "لل", "ال", "ب", "ل") if f.startswith(p + head)), "")
                        if f != pre + head:
                            continue
                        nxt = words[i + 1]
                        naming = pre in ("", "ب", "ل") and nxt[0].isalpha() and nxt not in FUNCTION_WORDS
                        if naming and not any(tuple(words[i + 1:i + len(p)]) == p[1:] for p in named):
                            break  # another body named by the same noun
                    else:
                        heads.add(head)
            self._state_heads = frozenset(heads)
        return self._state_heads

    def state_back_reference(self, words: list[str], k: int) -> bool:
        """Whether word ``k`` of a description is the bare definite head noun of a state body
        the document names in full (المؤسسة after «المؤسسة العامة للتدريب …»): news name a
        public corporation in full once, then «the corporation» (مدير عام المؤسسة، المتحدث
        باسم المؤسسة، المدير العام للمؤسسة), and that noun then stands for the state body, not
        for a company, unless the document names another body by the same noun
        (:meth:`_document_state_heads`). A definite adjective after it (المؤسسة الخيرية،
        البنك الأهلي: a nisba or a feminine ending) names another body."""
        heads, w = self._document_state_heads(), words[k]
        if not any(w.startswith(pre) and w[len(pre):] in heads for pre in ("ال", "بال", "لل")):
            return False
        nxt = words[k + 1] if k + 1 < len(words) else ""
        return not (nxt.startswith("ال") and nxt.endswith(("ي", "ه")))

    _TITLES = ("official", "expert", "institution", "private", "nonstate", "research", "media")

    def is_document_surname(self, tok: str) -> bool:
        """Whether ``tok`` ends a titled name elsewhere in the document (الدكتور سامر الفارس،
        سامر الفارس مدير …، الوزير الفارس → الفارس): the title tells a name from a noun and its
        genitive (خطة السلامة). Only the few words around each occurrence of ``tok`` are read
        (str.find at C speed), once per word and document."""
        cache = getattr(self, "_surnames", None)
        if cache is None:
            cache = self._surnames = {}
        if tok in cache:
            return cache[tok]
        text = getattr(self, "_document", "") or ""
        tc, titles = self.token_class, self._TITLES
        found, pos = False, text.find(tok)
        while pos >= 0 and not found:
            end = pos + len(tok)
            if (pos == 0 or not text[pos - 1].isalnum()) and (end >= len(text) or not text[end].isalnum()):
                before = TOKEN_RE.findall(text[max(0, pos - 90):pos])[-6:]
                k = len(before)
                if k and before[-1].startswith("ال") and self.role_of(before[-1]) in titles and \
                        tok.startswith("ال") and not tok.endswith(("ه", "ي", "يه")) and \
                        not self._title_adjective(tok):
                    found = True  # الوزير الفارس: a title, then the surname (not الأمين العام)
                else:
                    s = k
                    while s > 0 and k - s < 3 and before[s - 1][0].isalpha() and tc(before[s - 1])[2]:
                        s -= 1
                    while s < k - 1 and not tc(before[s])[1]:
                        s += 1  # (المدير العام صالح الفارس: the name begins after the title's adjective)
                    if s < k and tc(before[s])[1]:  # a given name (and more) before the word
                        after = TOKEN_RE.findall(text[end:end + 40])[:2]  # (read only here: most words have none)
                        nxt = after[1] if after and after[0] in ("،", ",") and len(after) > 1 else \
                            (after[0] if after else "")
                        found = any(self.role_of(t) in titles or bare(t) in self.gz.honorifics
                                    for t in before[max(0, s - 3):s]) or bool(nxt and self.role_of(nxt) in titles)
            pos = text.find(tok, end)
        cache[tok] = found
        return found

    def _title_adjective(self, tok: str) -> bool:
        """Whether a definite word after a title describes the office (الأمين العام، النائب
        الأول، المدير الجديد، الرئيس السابق) rather than naming its holder: an adjective or
        ordinal of the gazetteer's lists, masculine or feminine (العامة، الأولى), or a
        role word."""
        b = normalize_text(tok[2:] if tok.startswith("ال") else tok)
        forms = {b, b[:-1] if b.endswith("ه") else b}
        gz = self.gz
        return bool(forms & (gz.title_adjectives | gz.source_qualifiers | gz.former_adjectives)) or \
            self.role_of(tok) is not None

    # ---- mention parsing
    def new_paragraph(self) -> None:
        """Forget the positions known to hold no mention (they index the last paragraph)."""
        self._no_mention: set = set()

    def mention_at(self, toks: list[str], i: int, *, bare_names: bool = True) -> Mention | None:
        """A source mention starting at token ``i`` (after determiners), or None.

        ``bare_names``: the position right after a verb, where an unknown name needs no
        title and a state may be named by its country or capital. Positions that hold no
        mention are remembered for the paragraph (the cues of a paragraph scan the same
        words), keyed with the number of known name words, which can only add mentions."""
        key = (i, bare_names, len(self.key_words))
        if key in self._no_mention:
            return None
        m = self._mention_at(toks, i, bare_names=bare_names)
        if m is None:
            self._no_mention.add(key)
        return m

    def _quantified(self, toks: list[str], i: int) -> Mention | None:
        """A collective named by a quantifier (عدد من العائدين، بعض السياسيين، الكثير من
        المواطنين، نحو نصف الآباء، البعض): news cites unnamed groups of people so, and the
        group is one anonymous source. A role word after the quantifier keeps its own reading
        (عدد من المسؤولين الأمريكيين), widened to the quantifier."""
        n = len(toks)
        k = i
        if toks[k] in _APPROXIMATELY and k + 1 < n:
            k += 1
        if toks[k] in _ALONE_COLLECTIVES:
            return Mention(i, k + 1, self.text(toks, i, k + 1), "anonymous", key=frozenset({key_form(toks[k])}))
        if toks[k] not in _QUANTIFIERS:
            return None
        needs_min = toks[k] in _QUANTIFIERS_OF
        k += 1
        if k < n and toks[k] in ("كبير", "كبيرا", "قليل", "محدود"):
            k += 1
        if k < n and toks[k] == "من":
            k += 1
        elif needs_min:
            return None
        if k >= n or not toks[k][0].isalpha() or toks[k] in FUNCTION_WORDS or toks[k] in self.gz.cues.tokens \
                or toks[k] in DETERMINERS or _prepositional(toks[k]):
            return None
        inner = None
        if self.role_of(toks[k]) is not None or self.token_class(toks[k])[3]:
            inner = self._mention_at(toks, k, bare_names=False)
        if inner is not None and not inner.anaphoric and inner.type:
            return replace(inner, start=i, name=self.text(toks, i, inner.end))
        end = self._np_end(toks, k)
        # the group ends before the verb's object, a noun with a pronoun (عدد من الطلاب فرحهم)
        end = next((e for e in range(k + 1, end) if toks[e].endswith(("هم", "ها", "هما", "هن")) and
                    not toks[e].startswith("ال")), end)
        words = [t for t in toks[k:end] if t[0].isalnum()]
        return Mention(i, end, self.text(toks, i, end), "anonymous", key=self._key(words))

    def _mention_at(self, toks: list[str], i: int, *, bare_names: bool = True) -> Mention | None:
        n = len(toks)
        if toks[i] in _QUANT_STARTS:
            q = self._quantified(toks, i)
            if q is not None:
                return q
        j = i
        while j < n and toks[j] in DETERMINERS and j - i < 3:
            j += 1
        if j >= n or not toks[j][0].isalnum():
            return None
        hit = self.alias_at(toks, j) if self.token_class(toks[j])[3] else None
        role = self.role_of(toks[j]) if hit is None else None
        if hit is None and role is None:
            if toks[j] in self.gz.anaphora or toks[j] in self.gz.reflexives:
                return Mention(i, j + 1, toks[j], "", anaphoric=True)
            if bare_names:
                place = self.countries.place_at(toks, j)
                if place is not None and (place[0] >= n or not self.token_class(toks[place[0]])[2]
                                          or toks[place[0]] in NP_STOP):
                    end, code = place
                    return Mention(i, end, self.text(toks, j, end), "official", country=code,
                                   key=frozenset({"country:" + code}))
            m = self._name_mention(toks, i, j, bare_names=bare_names)
            if m is not None and m.type == "official" and self._former(toks, j, m.end):
                m.type = "other"
            return self._with_stated_country(toks, m)
        m = self._described(toks, i, j, hit, role)
        if m is not None and _prepositional(toks[j]):
            m.prepositional = True
        if m is not None and m.type == "official" and not m.entity_id and self._former(toks, j, m.end):
            m.type = "other"
        if m is not None and not m.anaphoric and m.type not in ("media", "") and not m.entity_id and \
                any(t in self.gz.group_quantifiers and not (t == "كل" and toks[q + 1:q + 2] == ["من"])
                    for q, t in enumerate(toks[i:j], start=i)):
            # (not «كل من X وY», "both X and Y": each is named)
            # عدد من الزبائن، بعض السياسيين، أحد المسؤولين: some of a group, unnamed
            m.type, m.country = "anonymous", m.country if m.type == "official" else ""
        if m is not None and not m.anaphoric and m.type not in ("media", "") and \
                self.declines_name(toks, m.end - 2, m.end + 6):
            m.type = "anonymous"
        return self._with_stated_country(toks, m)

    def _with_stated_country(self, toks: list[str], m: Mention | None) -> Mention | None:
        """``m`` with the country its own words state, for a source that is no official: a
        private person, a company, a group, an unnamed source or an expert described by a
        nationality (المطرب اللبناني، الشركة الألمانية، مصادر حكومية أفغانية) or by the
        city of its office (رئيس لجنة الزراعة بالغرفة التجارية بالخرج). The coding rules
        fill a non-official's country when the text states it; an official's country is
        read elsewhere (it may also come from the document), and a medium's is not coded.
        A family name after a given name is no nationality (see countries.is_given_name),
        and a place name that is mostly a common word (العيون "the eyes", ``not_settings``
        of data/countries.yaml) names no place here either."""
        if m is None or m.entity_id or m.type not in ("other", "anonymous", "expert"):
            return m  # (a known entity's country is the gazetteer's)
        common = self.countries.common_word_places
        m.country = self.country_of([t for t in toks[m.start:self._own_words_end(toks, m)]
                                     if t[0].isalnum() and t not in common and bare(t) not in common]) or m.country
        return m

    def _own_words_end(self, toks: list[str], m: Mention) -> int:
        """Where the words that describe the source itself end inside the span read for it:
        before a verbal noun that opens the verb's object (وتوقع محللون ارتفاع أسعار السلع
        الصينية: the goods are Chinese, not the analysts), a function word other than في/من
        (لائحة الاتهام ضد مواطن …: the person the document is against) or the medium the
        words were said to (الخبير … للتلفزيون المصري). A nationality after that point is
        another's, and a stated country must be the source's own."""
        for k in range(m.start + 1, m.end):
            t = toks[k]
            if t in FUNCTION_WORDS and t not in IN_NAME_PREPOSITIONS:
                return k
            if not t.startswith(("ال", "لل")) and self._verbal_noun(t, after_bi=False):
                return k
            if t[0] == "ل" and len(t) > 3 and (self.is_medium(toks, k) or
                                                (t.startswith("لل") and self.role_of("ال" + t[2:]) == "media")):
                return k  # لقناة، للتلفزيون (ل before the article drops its alef)
        return m.end

    def _described(self, toks, i, j, hit, role) -> Mention | None:
        n = len(toks)
        if honorific_pronoun_rank(toks[j]):
            # ودعا معاليه العاملين: a pronoun takes no genitive or adjective, so the word after
            # an honorific pronoun (سموه، معاليه) begins the verb's object
            return Mention(i, j + 1, toks[j], "", anaphoric=True)
        np_end = self._np_end(toks, j)
        np_words = [t for t in toks[j:np_end] if t[0].isalnum()]
        if any(t in self.gz.reflexives for t in np_words) or \
                (len(np_words) == 1 and np_words[0] in self.gz.anaphora):
            return Mention(i, np_end, " ".join(np_words), "", anaphoric=True)
        if hit is not None:
            end, ent = hit
            return self._entity_mention(i, max(end, np_end), ent)
        # an alias later in the NP ("رئيس الهيئة الدكتور سامر الفارس", "المتحدث باسم
        # وكالة النجم")
        for k in range(j + 1, np_end):
            if toks[k][0].isalnum() and self.token_class(toks[k])[3]:
                hit2 = self.alias_at(toks, k)
                if hit2 is not None:
                    ent = hit2[1]
                    if ent.kind == "institution" and role in ("official", "expert", "anonymous"):
                        # a person of the body, typed by the body: the UN spokesman
                        typ = ent.type if role == "official" else ("expert" if role == "expert" else "anonymous")
                        return Mention(i, max(hit2[0], np_end), self.text(toks, i, max(hit2[0], np_end)), typ,
                                       country=ent.country if role == "official" else "",
                                       key=self._key(np_words))
                    return self._entity_mention(i, max(hit2[0], np_end), ent)
        noun = bare(toks[j]) if bare(toks[j]) in self.gz.document_nouns else ""
        if noun and role in ("document", "anonymous"):
            issuer = self.issuer_after(toks, j, np_end + 6) or self._author_after(toks, j)
            if issuer is not None:  # دراسة أجرتها شركة X: the study speaks for the company
                # the mention begins at the document noun, which is no preposition's object
                # (بيان صادر عن وزارة …، تقرير لمؤسسة …: the subject of the verb before it)
                issuer.start, issuer.noun, issuer.prepositional = i, noun, _prepositional(toks[i])
                return issuer
        if role == "document":
            # A document speaks for its issuer: بلاغ الشرطة الهولندية → the police.
            inner = self.mention_at(toks, j + 1, bare_names=False) if j + 1 < n else None
            if inner is not None and not inner.anaphoric and not inner.prepositional:
                inner.start = i
                return inner
            definite = toks[j].startswith(("ال", "وال", "فال"))
            if definite and j + 1 < np_end and toks[j + 1][0].isalpha() and not toks[j + 1].startswith("ال") \
                    and self.role_of(toks[j + 1]) is None and not self.token_class(toks[j + 1])[3] \
                    and not self.country_of([toks[j + 1]]):
                # وشكر البيان أعضاءَ الفرقة: an indefinite noun after the definite document is
                # the verb's object, not part of the document's name
                np_end, np_words = j + 1, np_words[:1]
            return Mention(i, np_end, self.text(toks, j, np_end), "anonymous", key=self._key(np_words),
                           document=definite and len(np_words) == 1, noun=noun)
        text = self.text(toks, i, np_end)
        if role == "media" and self.state_agency(toks, j):
            typ, country = self.official_type(np_words)  # وكالة الفضاء الأمريكية: a state agency
            return Mention(i, np_end, text, typ, country=country, key=self._key(np_words))
        if role == "media":
            # The outlet's name follows the head word, often in quotation marks
            # (موقع "مدار 21"، مجلة «دير شبيغل»).
            k, words = j + 1, []
            while k < n and len(words) < 4:
                t = toks[k]
                if t in QUOTE_FAMILY:
                    k += 1
                    continue
                if not t[0].isalnum() or t in NP_STOP or t in FUNCTION_WORDS or t in self.gz.cues.tokens \
                        or (words and t[0] == "و" and len(t) > 3):
                    break  # a conjunction begins the next clause (فيسبوك وجدت)
                words.append(t)
                k += 1
            end = k
            while end > j + 1 and toks[end - 1] in QUOTE_FAMILY and toks[end - 1] not in ("»", "”", '"'):
                end -= 1
            for w in range(len(words)):
                hit3 = self.alias_at(words, w)
                if hit3 is not None:
                    return self._entity_mention(i, max(np_end, end), hit3[1])
            name = " ".join(QUOTE_RE.sub(" ", self.text(toks, j, end)).split())
            return Mention(i, max(np_end, end), name, "media", key=self._key([toks[j], *words]))
        if role in ("private", "nonstate"):
            typ, country = self.official_type(np_words)
            if typ == "international_org" or self._state_bank(np_words):
                # الائتلاف الدولي، البنك المركزي الإيراني: an international or a state body
                return Mention(i, np_end, text, typ, country=country, key=self._key(np_words))
            if (len(np_words) > 1 or bare(np_words[0]) in self.gz.unnamed_persons) and \
                    not any(t.startswith(_ARTICLE) for t in np_words[:3]) and not self._names_someone(np_words) and \
                    not (np_end < n and toks[np_end] in QUOTE_FAMILY) and \
                    not any(t in _OPENING_NAME_MARKS for t in toks[j + 1:np_end]):
                # شركة أمريكية، جماعة يسارية صغيرة، مواطن سعودي: an unnamed company, group
                # or person is an unnamed source (a name in quotation marks, after it or read
                # into it by _np_end, names it; a bare
                # noun alone, ويتابع مزارع، may stand for the one named before)
                return Mention(i, np_end, text, "anonymous", key=self._key(np_words))
            return Mention(i, np_end, text, "other", key=self._key(np_words))
        if role == "anonymous" and bare(toks[j]) in ("مسؤولون", "مسؤولين") and toks[j].startswith(("ال", "وال")) \
                and len(np_words) > 1 and self.country_of(np_words[1:2]):
            # المسؤولون الإيرانيون: the officials of a named state speak for it (مسؤولون
            # إيرانيون, indefinite, stay unnamed sources)
            return Mention(i, np_end, text, "official", country=self.country_of(np_words[1:2]),
                           key=self._key(np_words))
        if role == "anonymous":
            alone = len(np_words) == 1 and toks[j].startswith(("ال", "وال", "فال"))
            return Mention(i, np_end, text, "anonymous", key=self._key(np_words), noun=noun if alone else "")
        if role == "research":
            return Mention(i, np_end, text, "expert", key=self._key(np_words))
        titled = role == "expert" and self._title_before_name(np_words)
        if titled:
            # (read with a glued ل or ب: المساعد الإداري للمدير العام لشركة …: a company's
            # officer, as in any title)
            later = [self.np_role(t) for t in np_words[1:] if bare(t) not in self.gz.academic_titles]
            if "expert" in later or "research" in later:
                # الدكتور … أستاذ الكيمياء ورئيس قسم …: a professor who heads a department
                # speaks as an academic
                return Mention(i, np_end, text, "expert", key=self._key(np_words))
            if self.is_business(np_words) and not self._has_phrase(np_words, "state_phrases"):
                # (as for any title: a company or club word, a business phrase such as الغرفة
                # التجارية, but not a public corporation, مؤسسة النقد, nor the clients an office
                # serves, مدير شؤون المعلمين)
                return Mention(i, np_end, text, "other", key=self._key(np_words))
            if "official" in later or "institution" in later:
                typ, country = self.official_type(np_words)
                return Mention(i, np_end, text, typ, country=country, key=self._key(np_words))
        if titled and len(np_words) > 1 and \
                all(self.role_of(t) is None and t not in FUNCTION_WORDS and not self.country_of([t])
                    for t in np_words[1:]):
            # الدكتور الفارس: a doctor's title is also a courtesy title of officials; typed as
            # an expert unless the article gives the name an office (see attribution.courtesy)
            return Mention(i, np_end, text, "expert", key=self._key(np_words), courtesy=True)
        if role == "expert":
            has_name = self._has_name(np_words)
            plural = bare(toks[j]) in self.gz.role_words["anonymous"]
            named = self._appositive_name(toks, np_end) if not has_name and not plural else None
            if named is not None:  # الصحافي الكردي …، دياري محمد،: the title, then the name
                return Mention(i, named, text, "expert", key=self._key(np_words) | self._key(toks[np_end + 1:named]))
            # A definite singular expert title (الخبيرة التربوية، الباحث المتخصص في …، الأكاديمي
            # والمتخصص في …) with a person's name after it, before the reported content, is
            # one identified person, named by the paper after the title and its field: an
            # expert. With no name there (وقال الخبير الأمني إن …) it may be one of unnamed
            # experts; an indefinite (باحث), plural or dual title is an unnamed source.
            one_identified = self._definite_singular_expert(toks[j]) and self._name_after_title(toks, np_end)
            return Mention(i, np_end, text, "expert" if (has_name or one_identified) and not plural else "anonymous",
                           key=self._key(np_words))
        if role == "official" and self._performer(np_words):
            return Mention(i, np_end, text, "other", key=self._key(np_words))  # الممثلة الشهيرة …: an actress
        # official or institution. An indefinite description with no article in its
        # first words and no nationality ("مسؤول أمني") is an unnamed source.
        definite = any(t.startswith(("ال", "وال", "بال", "لل", "فال", "كال")) for t in np_words[:3])
        if {np_words[0], bare(np_words[0])} & self.gz.honorifics:  # (bare reads the ف of فضيلة as «and»)
            # سماحة مفتي عام الإقليم، معالي نائب رئيس الديوان، فضيلة إمام المسجد: an honorific of rank
            # names one dignitary, as definite as a name, never an unnamed source
            definite = True
        country = self.country_of(np_words)
        if self.is_consultant(np_words):
            return Mention(i, np_end, text, "expert", key=self._key(np_words))
        if bare(np_words[0]) == "صاحب" and len(np_words) > 1 and bare(np_words[1]) not in self.gz.honorifics:
            return Mention(i, np_end, text, "other", key=self._key(np_words))  # صاحب المبنى: the owner
        body = self.speaker_body(np_words) if role == "official" and not self._state_bank(np_words[1:]) else None
        if body is not None:  # رئيس أركان الائتلاف after «أعلن الائتلاف الدولي»
            return Mention(i, np_end, text, body[0], country=body[1], key=self._key(np_words))
        if any(self.np_role(t) == "research" for t in np_words[1:]):
            return Mention(i, np_end, text, "expert", key=self._key(np_words))  # رئيس المعهد
        if self._international_body(np_words) and not self._has_phrase(np_words, "sport_phrases") and \
                not self._world_charity(np_words):
            # المدير التنفيذي لبرنامج الأغذية العالمي (the international football federation is a sport body)
            return Mention(i, np_end, text, "international_org", key=self._key(np_words))
        named = self._names_someone(np_words)
        if self.is_business(np_words) and not self._state_bank(np_words[1:]):
            if not definite and not named and len(np_words) > 1 and self.np_role(np_words[0]) == "institution" \
                    and not (np_end < n and toks[np_end] in QUOTE_FAMILY):
                # منظمة حقوقية، منظمة غير حكومية: an unnamed non-state body
                return Mention(i, np_end, text, "anonymous", key=self._key(np_words))
            return Mention(i, np_end, text, "other", key=self._key(np_words))  # a company's officer
        if role == "official" and any(self.role_of(t) == "media" for t in np_words[1:3]):
            return Mention(i, np_end, text, "media", key=self._key(np_words))  # مدير قناة X: the outlet speaks
        if not definite and not named and (not country or role == "official") and \
                not (np_end < n and toks[np_end] in QUOTE_FAMILY and len(np_words) > 1 and
                     (bare(np_words[-1]) in self.gz.name_nouns or self.role_of(np_words[-1]) == "institution")):
            # مسؤول أمني، متحدث رسمي سوداني، مسؤولة كبيرة: an unnamed person with no identified
            # office (a nationality does not identify one); حكومة لندن keeps its state;
            # وزيرة ولاية كيرالا، إدارة هولدن name the office by a proper noun, and so does a
            # name in quotation marks after a body's noun (مدير جامعة «النخيل»: that university's;
            # not the words of مسؤول كبير «…», quoted speech)
            return Mention(i, np_end, text, "anonymous", key=self._key(np_words))
        typ, country = self.official_type(np_words)
        return Mention(i, np_end, text, typ, country=country, key=self._key(np_words))

    def official_type(self, words: list[str]) -> tuple[str, str]:
        """(type, country) of an official or institution from its own description."""
        for k in range(len(words)):
            hit = self.alias_at(words, k)
            if hit is not None and hit[1].type == "international_org":
                return "international_org", ""
            if hit is not None and hit[1].type in ("official", "foreign_official") and hit[1].country:
                return "official", hit[1].country
        if self._international_body(words) or self._has_phrase(words, "international_phrases"):
            if self._world_charity(words):
                return "other", ""
            return "international_org", ""
        if self._international_body(words, self.gz.international_ngo_nouns):
            return "other", ""  # المركز الدولي لأبحاث الصحراء: a private body of international reach
        inflected = {inflection_base(w) for w in words}
        if inflected & self.gz.international_nisbas:
            return "international_org", ""
        if len(words) > 1 and self.role_of(words[0]) == "official" and self._international_adjective(words[1]):
            return "international_org", ""  # المبعوث الدولي، المسؤول الأممي: an office of the UN
        return "official", self.country_of(words)

    def _title_before_name(self, np_words: list[str]) -> bool:
        """Whether a description begins with an academic title (الدكتور …) or with a courtesy
        title before a name or an academic title (الأستاذ فهد …، الأستاذ الدكتور …; not the
        rank أستاذ الاقتصاد)."""
        head = bare(np_words[0])
        if head in self.gz.academic_titles:
            return True
        if head not in self.gz.courtesy_titles or len(np_words) < 2:
            return False
        nxt = np_words[1]
        # (a given name may begin with و or ف: فهد، وليد)
        return bare(nxt) in self.gz.academic_titles or (self.token_class(nxt)[2] and not nxt.startswith("ال"))

    def _performer(self, words: list[str]) -> bool:
        """Whether a description headed by the definite الممثل/الممثلة names an actor (see
        ``performer_titles``): no word after it is prepositional, names a body or an office,
        or is an international adjective (الممثل الأممي، الممثل الخاص للأمين العام: a
        representative)."""
        head = words[0][1:] if len(words[0]) > 4 and words[0][0] in "وف" else words[0]
        if not head.startswith("ال") or bare(head) not in self.gz.performer_titles:
            return False
        for w in words[1:]:
            if _prepositional(w) or w.startswith("لل") or w in FUNCTION_WORDS or \
                    self.np_role(w) in ("official", "institution", "media", "private", "nonstate") or \
                    self._international_adjective(w) or inflection_base(w) in self.gz.international_nisbas or \
                    bare(w) in self.gz.title_adjectives:
                return False
        return True

    def _world_charity(self, words: list[str]) -> bool:
        """Whether an international description names a Muslim charity or missionary body
        by its field (الهيئة العالمية للمساجد، لتحفيظ القرآن: ``charity_fields``): such
        «world» bodies are non-state, not intergovernmental."""
        return any(set(_phrase_bases(w)) & self.gz.charity_fields for w in words[1:])

    def _international_adjective(self, w: str) -> bool:
        return bool({w, bare(w), inflection_base(w)} & self.gz.international_adjectives)

    def _international_body(self, words: list[str], nouns: frozenset | None = None) -> bool:
        """Whether an international adjective qualifies an international noun of the
        description: right after it (المنظمة الدولية) or after its genitive (صندوق النقد
        الدولي، مجلس الأمن الدولي). An adjective that follows another noun, after a
        preposition, qualifies that noun (عضو اللجنة العلمية بالمركز الدولي: a centre)."""
        nouns = self.gz.international_nouns if nouns is None else nouns
        for k, w in enumerate(words):
            if bare(w) not in nouns and _phrase_form(w) not in nouns and not in_lexicon(w, nouns):
                continue
            for d in (1, 2):
                if k + d >= len(words):
                    break
                nxt = words[k + d]
                if self._international_adjective(nxt):
                    return True
                if _prepositional(nxt) or nxt.startswith(("لل", "بال")) or nxt in FUNCTION_WORDS:
                    break
        return False

    def _entity_mention(self, i: int, end: int, ent: Entity) -> Mention:
        return Mention(i, end, ent.name, ent.type, entity_id=ent.id, key=frozenset({ent.id}), country=ent.country)

    def _np_end(self, toks: list[str], j: int) -> int:
        """End of a noun phrase: stops at complements, prepositions, punctuation, quotes, a
        cue; a comma followed by an apposition with a role word continues it."""
        k = j + 1
        n = len(toks)
        cue_tokens = self.gz.cues.tokens
        while k < n and (k - j < _MAX_NP or self._name_chain_at(toks, k) or self._titles_before_name(toks, j, k)):
            t = toks[k]
            if t == "." and self._title_abbreviation(toks, k):
                k += 1  # المتحدث باسم الوزارة د. سامر، م. سامر، أ.د. سامر: an abbreviated title, the name follows
                continue
            if t == "في" and self._posting_before_name(toks, k):
                k += 1  # (title, nationality, في + capital, الدكتور + name: the post, then the titled name)
                continue
            if t == "علي" and self._title_before_ali(toks, k):
                k += 1  # المقدم علي بن سامر، المواطن علي سامر العتيبي: the given name Ali
                continue
            if t in ("،", ","):
                if k + 1 < n and (self.role_of(toks[k + 1]) in ("official", "expert", "institution")
                                  or self.alias_at(toks, k + 1) is not None):
                    k += 1
                    continue
                break
            if t == "علي" and toks[k - 1] in ("بن", "ابن", "بنت"):
                k += 1  # عبدالله بن علي: the given name Ali, not the preposition على
                continue
            if t == "علي" and k + 2 < n and toks[k + 1] == "ال" and self.token_class(toks[k + 2])[2] and \
                    not toks[k - 1].startswith("ال") and self.token_class(toks[k - 1])[2] and \
                    self.role_of(toks[k - 1]) is None:
                # سامر علي آل فهد: after a given name and before the family word آل (normalised
                # ال, a word of its own), علي is the father's name Ali, never the preposition
                # على, whose object takes the article glued to it
                k += 1
                continue
            if t == "لدي" and k + 1 < n and any(bare(w) in _subject_ends()["envoy_titles"] for w in toks[j:k]):
                # سفير المملكة لدى تركيا الدكتور سامر الفارس: an envoy's office is "to" a state,
                # which belongs to the title (the name follows it); لدى before anything but a
                # state (لدى وصوله، لدى الجهات) ends the phrase. (The host is not the envoy's
                # country: see countries.country_of.)
                place = self.countries.place_at(toks, k + 1)
                if place is not None:
                    k = place[0]
                    continue
                if toks[k + 1] == "المملكه":
                    k += 2  # سفير فرنسا لدى المملكة: the bare «the Kingdom» is a state too
                    continue
            if t == "ما" and k + 1 < n and toks[k + 1] in _SO_CALLED_VERBS and not toks[k - 1].startswith("ال"):
                k += 2  # المتحدث باسم ما يسمى …، زعيم ما يعرف بـ: "the so-called" is the genitive
                continue  # of an indefinite construct head, inside the name, not the verb's object
            if t in _OPENING_NAME_MARKS:
                q = self._quoted_name_end(toks, k)
                if q is not None:
                    head, k = toks[k - 1], q  # شركة «النور»، لمنظمة "أطباء بلا حدود": the noun's own name
                    if k < n and toks[k][:1].isalnum() and not self._describes_name(toks, k, head) and \
                            not self._person_after_name(toks, k):
                        break  # كشفت شركة «النور» النقاب عن: the verb's object follows the name
                    continue
            if not t[0].isalnum() or t in NP_STOP or (t in cue_tokens and t not in self.gz.cues.name_homographs):
                break  # (a cue form that is also a given name, عزت, goes on inside a name)
            if t in _NOT_NAME_STARTS:
                break  # وقال الوزير بشكل واضح: an adverbial phrase ends the subject
            if t[0] == "ل" and len(t) > 3 and not t.startswith("لل") and self.is_medium(toks, k):
                break  # وزير الصحة لوكالة …: the medium spoken to, not part of the title
            if t.endswith("ا") and len(t) > 3 and not t.startswith("ال") and toks[k - 1].startswith("ال") \
                    and not self.countries.country_of([t]):
                break  # الحكومة مؤخرا: an adverb (accusative tanwin) ends the phrase
            if t.endswith(("ه", "ات")) and len(t) >= 3 and t[0] not in "لب" and not t.startswith("ال") and \
                    toks[k - 1].startswith(("ال", "وال")) and self.role_of(t) is None and t not in self.gz.reflexives and \
                    not self.token_class(t)[3] and not _given_name_in_ta(t):
                break  # أعلنت الحكومة خطة …: an indefinite noun after the definite subject is its object
            if self._group_object(toks, j, k):
                break  # طالب المجلس البلدي الحكومة، دعا الأمير سامر بن فهد المواطنين
            if self._object_after_family_name(toks, j, k) or self._adverb_after_subject(toks, k, tanwin=False):
                break
            if self._ends_subject(toks, k, start=j):
                break
            k += 1
        return k

    def _quoted_name_end(self, toks: list[str], k: int, longest: int = 5) -> int | None:
        """Where a name in quotation marks that opens at ``k`` ends (the token after its
        closing mark), when it names the indefinite body noun before it: a company, an
        organisation, an association, a party (شركة «النور»، دراسة لمؤسسة "الأفق"، منظمة
        «أطباء بلا حدود»: the ``body_name_nouns`` of data/speakers.yaml, with a glued و/ف and
        ل or ب). Arabic news writes a body's proper name so, and the noun and its name are
        one source; cutting at the mark leaves a bare «company». A definite noun (المركز «…»,
        not in the list as such) takes no name so and may be followed by quoted words.
        Not a name but speech: a quotation of more than ``longest`` words, or with a
        particle, an independent pronoun (نحن، أنا), a cue word or an anaphor (the speaker's
        own sentence has these, a body's name has not), or one that ends the sentence of a
        cue verb before it (وقال رئيس جمعية «العمل مستمر».: that verb's content is the
        quotation itself)."""
        n = len(toks)
        if k == 0 or k + 2 >= n:
            return None
        head, names = toks[k - 1], _subject_ends()["body_name_nouns"]
        forms = (head, head[1:]) if len(head) > 3 and head[0] in "وف" else (head,)  # (فندق: ف of the word)
        if not any(f in names or (f[:1] in "لب" and f[1:] in names) for f in forms):
            return None  # (no medium in the list: a medium's quoted name is read by _described)
        m = k + 1
        while m < n and m - k <= longest and toks[m][:1].isalnum() and toks[m] not in FUNCTION_WORDS and \
                toks[m] not in W["personal_pronouns"] and \
                toks[m] not in self.gz.cues.tokens and toks[m] not in self.gz.anaphora:
            m += 1
        if m >= n or toks[m] not in _CLOSING_NAME_MARKS:
            return None  # (an empty «» leaves the noun bare, as its name has no word)
        if (m + 1 >= n or toks[m + 1] in SENTENCE_ENDS) and self._cue_verb_before(toks, k - 1):
            return None  # وقال مدير شركة «الأمور تسير جيدا».: the verb's only content
        return m + 1

    def _cue_verb_before(self, toks: list[str], i: int, reach: int = 6) -> bool:
        """Whether a reporting verb stands before token ``i`` in its clause (within
        ``reach`` words, no punctuation between): the noun at ``i`` is then in its subject."""
        verbs = self.gz.cues.verbs
        for t in reversed(toks[max(0, i - reach):i]):
            if not t[:1].isalnum():
                return False
            if any(v in verbs for v in clitic_variants(t)):
                return True
        return False

    def _describes_name(self, toks: list[str], k: int, head: str) -> bool:
        """Whether the word at ``k``, right after the quoted name of the body noun ``head``
        (شركة «النور» …), goes on describing the body. An adjective agrees with the noun: a
        nisba of its gender (شركة … الأمريكية، مركز … الطبي) or one of the
        ``body_name_adjectives`` of data/speakers.yaml (المعارض، المحدودة). A phrase of
        purpose with ل (للأبحاث، لصناعة السيارات) names the body's trade, but ل before a
        person, a role or a medium (للصحفيين، لرئيس الوزراء، للصحيفة، لمحمد) names whom it
        spoke to, and ل before a word of time (لليوم الثاني: speakers.yaml day_parts) tells
        when. Anything else is the verb's object (الخطة، الحاجة، النقاب) or an adverb
        (الليلة، أمس)."""
        tok, ends = toks[k], _subject_ends()
        if tok.startswith("ال"):
            # (a word of time, اليوم، الليلة، الخميس, has no nisba shape and so is refused)
            if tok in ends["body_name_adjectives"]:
                return True
            return tok.endswith("يه" if head.endswith("ه") else "ي")
        if not (tok.startswith("ل") and len(tok) > 3):
            return False
        noun = "ال" + tok[2:] if tok.startswith("لل") else tok[1:]
        # (لليلة is ل + الليلة, its ل of the stem merged with the article's: both readings)
        nouns = (noun, "ال" + tok[1:]) if tok.startswith("لل") else (noun,)
        if any((w[2:] if w.startswith("ال") else w) in ends["day_parts"] for w in nouns):
            return False  # لليوم الثاني، لليلة الثالثة: a time, not the body's trade
        # (a medium after ل, لرويترز، لوكالة, is left to the medium's own stop in _np_end)
        return self.role_of(noun) is None and not is_given_name(bare(noun))

    def _person_after_name(self, toks: list[str], k: int) -> bool:
        """Whether a person's name begins at ``k``, after a body's quoted name (رئيس شركة
        «النور» سامي الفارس، مدير جمعية «الأمل» الدكتور سامي): the name in apposition to the
        title, which the speaker keeps whole. A given name, or a title of a name."""
        b = bare(toks[k])
        return is_given_name(b) or b in _subject_ends()["name_titles"]

    def _adverb_after_subject(self, toks: list[str], k: int, *, tanwin: bool = True) -> bool:
        """Whether the word at ``k`` is an adverb after the subject rather than a word of its
        name: a circumstantial participle (the ḥāl: وقال سامر الفارس مازحا، speakers.yaml
        hal_adverbs), an adverb of the list that never begins a name (مجددا، مؤخرا، حاليا), or
        any indefinite word written with the accusative tanwin (مبتسماً), which no proper
        name carries (``tanwin``: only where the surface text of ``toks`` is known; a noun
        phrase's end is also sought in other token lists)."""
        t = toks[k]
        if t in _subject_ends()["hal_adverbs"] or t in _NOT_NAME_STARTS:
            return True
        # (``raw_tanwin``: a paragraph whose raw text holds no tanwin has no word to map back)
        return tanwin and self.raw_tanwin and not t.startswith("ال") and len(t) > 3 and \
            self.surface(k, k + 1, toks).endswith(("\u064b", "\u064bا", "ا\u064b"))

    def _object_after_family_name(self, toks: list[str], j: int, k: int) -> bool:
        """Whether the definite word at ``k`` follows the end of a personal name and so begins
        the verb's object (وهنأ الأمير سامر الفارس الفائزين، ولفت الدكتور سامر بن خالد الفارس
        الانتباه، ترأس الأمير سامر بن فهد آل سالم الجلسة). A personal name ends with its
        family name: the word after آل, or a definite word after a given name that follows
        بن or a title (الأمير سامر الفارس). Arabic puts no second definite noun in a name
        after the family name, so such a word is another phrase, unless it is a title or
        office in apposition (المتحدث، الوزير: the lexicon's role words, but not a sound
        plural of people, المواطنين, which one person is not), a tribal nisba in ي or a word
        the document uses as a surname (سامر الفارس الغامدي), a nationality
        (القطري) or the divine name الله of a compound family name (الجار الله)."""
        t = toks[k]
        if k - j < 2 or not t.startswith("ال") or t.startswith("لل") or len(t) < 4 or t == "الله" or \
                (self.role_of(t) is not None and not (len(t) > 6 and t.endswith(("ين", "ون")))) or \
                self.countries.country_of([t]) or \
                bare(t) in _subject_ends()["name_titles"] or t in self.gz.anaphora:
            return False
        if t.endswith("ي"):
            return False  # a nisba after the family name is a tribal name (سامر الفارس الغامدي)
        prev, before = toks[k - 1], toks[k - 2]
        if not prev[0].isalnum() or prev in NP_STOP or self.role_of(prev) is not None or \
                before in _subject_ends()["compound_name_starts"]:
            # (الرئيس العام: a title and its adjective; عبد الله الفارس، أبو الخير الفارس: the
            # second word of a compound given name written apart, then the family name)
            return False
        if before == "ال" and prev != "الله":
            return True  # آل سالم + the object
        if not (prev.startswith("ال") and len(prev) > 3) or before.startswith("ال") or not before[0].isalnum():
            return False
        if k - 3 < j:
            return False
        title = toks[k - 3]
        return title in ("بن", "ابن", "بنت") or \
            (title.startswith("ال") and bare(title) in _subject_ends()["name_titles"] and
             self.role_of(before) is None and not self.countries.country_of([before]))

    def _group_object(self, toks: list[str], j: int, k: int) -> bool:
        """Whether the word at ``k`` is a definite noun of a group or a public body
        (speakers.yaml object_group_nouns: الحكومة، المواطنين، الشباب) that begins the verb's
        object: it follows a definite word (a definite noun heads no construct, and these
        nouns are no adjectives: ودعت البلدية المواطنين) or the given name after بن (a
        name takes no genitive: وطالب الأمير سامر بن خالد الشباب). After an indefinite
        head it is the genitive of a title or a body and stays in the phrase (رئيس الحكومة،
        نادي الشباب)."""
        if toks[k] not in _subject_ends()["object_group_nouns"]:
            return False
        return toks[k - 1].startswith("ال") or toks[j:k][-2:-1] in (["بن"], ["ابن"], ["بنت"])

    def _name_chain_at(self, toks: list[str], k: int) -> bool:
        """Whether token ``k`` continues a personal name chain (سامر بن خالد آل سالم): بن/ابن/آل
        or the word right after one. A chain of descent is one name however long the title
        before it, so the length limit of a phrase never cuts it."""
        chain = W["name_after_nisba"]  # (بن، ابن، بنت، آل; آل is normalised to ال, a word of its own)
        if k < 2 or k >= len(toks):
            return False
        if toks[k - 2] in chain and toks[k - 2] != "ال" and self._family_name(toks[k]):
            return True  # سامر بن ماجد الغيثي: the family name after the father's name ends the chain
        return (toks[k] in chain or toks[k - 1] in chain) and \
            toks[k][0].isalpha() and toks[k] not in NP_STOP and toks[k] not in self.gz.cues.tokens and \
            k + (toks[k] in chain) < len(toks)

    def _family_name(self, tok: str) -> bool:
        """Whether ``tok`` reads as a family name: a definite nisba (الغيثي، الفارس is not
        one) of at least four letters after ال (not المدى، the normalised المدي), that is no
        role, no country or nationality and no stop word. News writes most Gulf family names
        so (ال + a nisba in ي)."""
        return len(tok) > 5 and tok.startswith("ال") and tok.endswith("ي") and tok not in NP_STOP and \
            tok not in FUNCTION_WORDS and self.role_of(tok) is None and not self.country_of([tok]) and \
            tok not in self.gz.cues.tokens

    def _title_abbreviation(self, toks: list[str], k: int) -> bool:
        """Whether the full stop at ``k`` ends a one-letter abbreviation of a title inside a
        subject (د. الدكتور، م. المهندس، أ. الأستاذ، أ.د.), not a sentence: one letter before
        it, and after it a name word, another abbreviation (أ.د.) or the name Ali."""
        n = len(toks)
        if k < 1 or k + 1 >= n or not self._letter_abbreviation(toks, k):
            return False
        nxt = toks[k + 1]
        if len(nxt) == 1 and nxt.isalpha() and k + 2 < n and toks[k + 2] == ".":
            return self._title_abbreviation(toks, k + 2)  # أ.د. سامر
        if nxt == "علي":
            return self._title_before_ali(toks, k + 1)
        return self.token_class(nxt)[1] and nxt not in NP_STOP

    @staticmethod
    def _letter_abbreviation(toks: list[str], k: int) -> bool:
        """Whether the full stop at ``k`` follows a word of one letter (an abbreviation)."""
        return k >= 1 and toks[k] == "." and len(toks[k - 1]) == 1 and toks[k - 1].isalpha()

    def _titles_before_name(self, toks: list[str], j: int, k: int) -> bool:
        """Whether a phrase that has reached the length limit at ``k`` is a stack of offices
        that a titled personal name closes (رئيس المجلس الأعلى للأوقاف عضو لجنة … المشرف على
        المعاهد الشرعية الشيخ فلان): Saudi and Gulf news stack several offices before
        the holder's name, and the name, after a definite title that stands before names
        (speakers.yaml name_titles: الشيخ، المهندس، اللواء), is the point of the phrase. The
        phrase may go on to twice the limit: up to such a title seen ahead with no stop word,
        punctuation or cue before it, then through the name after it (at most four words,
        the usual ends of a phrase still apply)."""
        if k - j >= 2 * _MAX_NP:
            return False
        titles = _subject_ends()["name_titles"]
        for m in range(max(j, k - 4), k):
            if toks[m].startswith("ال") and bare(toks[m]) in titles:
                return True  # inside the titled name
        n = len(toks)
        for m in range(k, min(n - 1, k + 8)):
            t = toks[m]
            if not t[0].isalnum() or t in NP_STOP or t in self.gz.cues.tokens or t in NP_STOP_COMPLEMENT:
                return False
            if (not t.startswith("ال") and self._verbal_noun(t, after_bi=False)) or self._ends_subject(toks, m, start=j):
                return False  # أكد رئيس … دعم المواطن سامر: a verbal noun opens the verb's object
            if t.startswith("ال") and bare(t) in titles and self.token_class(toks[m + 1])[1]:
                return True
        return False

    def _posting_before_name(self, toks: list[str], k: int) -> bool:
        """Whether في at ``k`` opens the place of a post inside a title and nationality (السفير
        السعودي في لندن، القنصل الأردني في جدة) that a titled personal name then completes: في + a
        country or capital + a title that stands before names (speakers.yaml name_titles:
        الدكتور، المهندس، العميد) + a name word. A title names its holder after the place
        of the post; without the titled name after it, في keeps ending the subject (قال
        الوزير في عمان إن: where it was said)."""
        n = len(toks)
        if k + 3 >= n or k < 2 or not self.country_of([toks[k - 1]]) or self.role_of(toks[k - 2]) is None:
            return False  # (a title and the holder's nationality first: the nationality gives the state)
        place = self.countries.place_at(toks, k + 1)
        if place is None:
            return False
        e = place[0]
        return e + 1 < n and bare(toks[e]) in _subject_ends()["name_titles"] and \
            self.token_class(toks[e + 1])[1] and self.role_of(toks[e + 1]) is None

    def _title_before_ali(self, toks: list[str], k: int) -> bool:
        """Whether ``علي`` at ``k`` is the given name Ali: it follows a title that stands before
        names (speakers.yaml name_titles: المقدم، المواطن، الدكتور) and is followed by بن or by
        a name word without the article (see the list's comment)."""
        n = len(toks)
        if k + 1 >= n or k < 1:
            return False
        prev, nxt = toks[k - 1], toks[k + 1]
        lex = _subject_ends()
        if prev == ".":
            if not self._letter_abbreviation(toks, k - 1):
                return False  # (م. علي، د. علي: an abbreviated title; a sentence's end is none)
        elif bare(prev) not in lex["name_titles"] and bare(prev) not in lex["name_titles_common"]:
            return False
        elif k >= 2 and toks[k - 2] in W["name_after_nisba"]:
            return False  # آل الشيخ على، بن سالم على: the title word is a family name, على the preposition
        if nxt in ("بن", "ابن") or nxt in ("،", ",") or nxt in self.gz.cues.tokens:
            return True  # المقدم علي بن …، العميد علي، المتحدث …: على never stands before these
        if self._family_name(nxt):
            return True  # المقدم علي الغيثي
        # علي + a name word + a family name (المواطن علي ماجد الهلالي); على + a noun and its
        # genitive (على أهمية الالتزام، على هامش التدريب، على قرار المحكمة) is the verb's complement
        return k + 2 < n and self.token_class(nxt)[1] and nxt not in NP_STOP and \
            self.role_of(nxt) is None and not self.country_of([nxt]) and \
            not self._verbal_noun(nxt, after_bi=False) and \
            not (nxt.endswith(("ه", "ات")) and not _given_name_in_ta(nxt)) and self._family_name(toks[k + 2])

    def _ends_subject(self, toks: list[str], k: int, *, start: int | None = None) -> bool:
        """Whether token ``k`` (not the first of the phrase) begins what follows a subject
        rather than continuing its noun phrase: an adverb of time (see :meth:`_time_adverb`),
        a word opening the content (فإنه، بما، مما), a verbal noun with ب (طالب الخبراء
        بضرورة، أشاد المدير بدعم: the complement of the verb), or an indefinite verbal noun
        after a definite word (أعلن الجيش مقتل، أكدت الوزارة وجود: a definite noun is not
        followed in its own phrase by an indefinite one, which is the verb's object)."""
        t = toks[k]
        lex = _subject_ends()
        if t in lex["content_openers"]:
            return True
        if t in lex["content_opener_if_definite"] and k + 1 < len(toks) and \
                (toks[k + 1].startswith("ال") or toks[k + 1] in FUNCTION_WORDS or
                 toks[k - 1].startswith("ال") or self.role_of(toks[k - 1]) is not None):
            # بحسب مسؤول فإن الحصيلة، وفقا للجنة الانتخابات فإن نسبة (not فان inside a foreign
            # name, after a given name: لويس فان غال)
            return True
        if self._time_adverb(toks, k):
            return True
        if t[0] == "ب" and len(t) >= 4 and self._verbal_noun(t[3:] if t.startswith("بال") else t[1:], after_bi=True):
            return True
        prev = toks[k - 1]
        if prev.startswith(("ال", "وال", "بال", "لل")) and not t.startswith(("ال", "لل")) and \
                self._verbal_noun(t, after_bi=False):
            return True
        if prev.startswith(("ال", "وال")) and _tafil_shape(t) and t not in lex["tafil_given_names"] and \
                self.role_of(prev) not in ("official", "expert", "research", "anonymous") and \
                bare(prev) not in lex["name_titles"] and bare(prev) not in lex["name_titles_common"] and \
                not (k + 1 < len(toks) and self._family_name(toks[k + 1])):
            # أعلنت الهيئة تنظيم مسابقة، قررت السلطات تعليق …: the verbal noun of the shape
            # تفعيل after a definite body or noun opens the object (a definite noun takes no
            # indefinite word into its phrase). After a person's title it may be a given name
            # of that shape (الوزير توفيق، المهندس تيسير), so a title keeps the word. Only a
            # given name of that shape (speakers.yaml tafil_given_names: المتحدث باسم الهيئة
            # توفيق …، رئيس الجمعية تيسير …) or a word before a family name (… الغامدي) begins
            # the holder's name at the end of a title's construct. (The shape alone cannot
            # tell them apart there: وأعلن وزير الداخلية تعليق الرحلات is the common case.)
            return True
        if k >= 3 and toks[k - 2] in ("بن", "ابن", "بنت") and not t.startswith(("ال", "لل")) and \
                self._verbal_noun(t, after_bi=False):
            # أكد الأمير سامر بن خالد حرص الحكومة: a listed verbal noun after the end of a chain
            # of descent opens the object; a proper name takes no genitive
            return True
        if t.startswith("ال") and not prev.startswith(("ال", "وال", "لل", "بال")) and len(prev) > 4 and \
                prev.endswith(("ون", "ين")) and (self.role_of(prev) is not None or self.country_of([prev])) and \
                not self.country_of([t]) and self.role_of(t) is None and \
                self.surface(k, k + 1, toks).startswith("ال"):  # (not أل: ألمان is normalised to المان)
            # حذر باحثون ألمان الأطفال، قال مسؤولون أمريكيون الاتفاق: a sound plural in ون/ين keeps
            # its ن only outside a construct, and its adjectives are indefinite like it, so a
            # definite word right after it belongs to another phrase (the verb's object)
            return True
        return False

    def _object_start(self, toks: list[str], j: int) -> bool:
        """Whether the word at ``j``, right after a verb, begins its object or an adverb
        rather than a name: a listed verbal noun (وأكد ضرورة أن), ب + a verbal noun or a
        demonstrative (يفيد بوجود، أفاد بذلك), or a word written with the accusative
        tanwin (دوماً، قاطعاً), which no proper name carries."""
        t = toks[j]
        if self._verbal_noun(t, after_bi=False):
            return True
        if t[0] == "ب" and len(t) >= 4:
            rest = t[3:] if t.startswith("بال") else t[1:]
            if rest in ("ذلك", "هذا", "هذه") or self._verbal_noun(rest, after_bi=True):
                return True
        return self.ends_in_tanwin(toks, j)

    def _verbal_noun(self, b: str, *, after_bi: bool) -> bool:
        """Whether ``b`` (no clitic or article) is a verbal noun that opens a verb's object or
        complement: a listed one (speakers.yaml) or a derived shape, never a role word."""
        if len(b) < 3 or self.role_of(b) is not None:
            return False
        return b in _subject_ends()["verbal_nouns"] or _derived_verbal_noun(b, after_bi=after_bi)

    def _time_adverb(self, toks: list[str], k: int) -> bool:
        """Whether token ``k`` is a day of the week used as an adverb of time after the
        subject (قالت الشرطة الجمعة، صرح الوزير يوم الأحد، أعلن الاتحاد الخميس الماضي). A day
        right after a lone given name that follows a title is a family name (رئيس اللجنة
        محمد الخميس)."""
        lex = _subject_ends()
        t, n = toks[k], len(toks)
        if t in lex["day_parts"]:
            return k + 1 < n and toks[k + 1] in lex["weekdays"]
        if t not in lex["weekdays"]:
            return False
        if k + 1 < n and toks[k + 1] in lex["day_adjectives"]:
            return True
        if k < 2:
            return True
        prev, before = toks[k - 1], toks[k - 2]
        tc = self.token_class
        lone_given = tc(prev)[1] and not self.country_of([prev]) and not tc(before)[1] and \
            (before.startswith(("ال", "وال")) or self.role_of(before) is not None)
        return not lone_given

    def _international_after(self, toks: list[str], end: int) -> bool:
        """Whether a title with no state is followed, a few words on, by «في» and an
        international body (رئيس الخبراء …، في البنك الدولي): the office is in that body."""
        for k in range(end, min(end + 6, len(toks) - 1)):
            if toks[k] == "في":
                words = [t for t in toks[k + 1:k + 5] if t[0].isalnum()]
                body = self.body_type(words)
                if body is not None:
                    return body[0] == "international_org"
                return bool(words) and self.role_of(words[0]) is not None and \
                    self.official_type(words[:3])[0] == "international_org"
            if toks[k] in NP_STOP or toks[k] in self.gz.cues.tokens:
                return False
        return False

    def _appositive_name(self, toks: list[str], k: int) -> int | None:
        """The end of a name of two or three words set off by commas after a title at ``k``
        (الخبير الاقتصادي، سامي الراشد، إن …), or None."""
        n = len(toks)
        if k >= n or toks[k] not in ("،", ","):
            return None
        for w in (3, 2):
            e = k + 1 + w
            words = toks[k + 1:e]
            if e < n and len(words) == w and self.token_class(words[0])[1] and \
                    all(self.token_class(t)[2] for t in words[1:]) and \
                    (toks[e] in ("،", ",", ":") or toks[e] in NP_STOP_COMPLEMENT or
                     (toks[e][0] == "ل" and self.is_medium(toks, e))):
                return e
        return None

    def _state_bank(self, words: list[str]) -> bool:
        """Whether the first words of a description hold a phrase in which a company or
        association word heads a state body (البنك المركزي، المصرف الوطني، المؤسسة العامة
        لـ …، مؤسسة النقد; ``state_phrases`` of the gazetteer)."""
        return self._has_phrase(words[:4], "state_phrases")

    def _has_phrase(self, words: list[str], name: str) -> bool:
        """Whether ``words`` hold one of the gazetteer's phrase list ``name``
        (``"state_phrases"``; compared without clitics, article and inflection); each list
        is indexed by its first word once per gazetteer, under its name."""
        index = self.gz.phrase_index.get(name)
        if index is None:
            index = {}
            for phrase in getattr(self.gz, name):
                p = tuple(_lexicon_base(w) for w in phrase)
                index.setdefault(p[0], []).append(p)
            self.gz.phrase_index[name] = index
        bases = [_phrase_bases(w) for w in words]
        for k, readings in enumerate(bases):
            for b in readings:
                for p in index.get(b, ()):
                    if len(p) <= len(bases) - k and all(p[m] in bases[k + m] for m in range(1, len(p))):
                        return True
        return False

    def is_medium(self, toks: list[str], k: int) -> bool:
        """Whether token ``k`` (with its preposition) begins a medium: a media role word or
        the alias of a media source."""
        if self.role_of(toks[k][1:]) == "media":
            return True
        hit = self.alias_at(toks, k) if self.token_class(toks[k])[3] else None
        return hit is not None and hit[1].type == "media"

    def state_agency(self, toks: list[str], j: int) -> bool:
        """Whether the noun وكالة at ``j`` (with its clitics) names a state or
        intergovernmental agency, not a news agency: one of the gazetteer's
        ``agency_fields`` or an international adjective follows it, a nationality
        adjective may stand between (الوكالة الأمريكية للتنمية، وكالة الطاقة الدولية)."""
        if not any(v in ("وكاله", "الوكاله") for v in clitic_variants(toks[j])):
            return False
        for t in toks[j + 1:j + 3]:
            if not t[0].isalnum():
                return False
            if self._international_adjective(t) or in_lexicon(t, self.gz.agency_fields):
                return True
            if not self.country_of([t]):
                return False
        return False

    def _former(self, toks: list[str], j: int, end: int) -> bool:
        """Whether an official's description says the office is a former one (الوزير السابق،
        السفير الأمريكي الأسبق، جون ميلر وزير الدفاع السابق): out of office, a person speaks
        as a private person (`other`, decision H4 of the test bed)."""
        return any(inflection_base(t) in self.gz.former_adjectives for t in toks[j:min(end, j + 10)])

    def _names_someone(self, words: list[str]) -> bool:
        """Whether an indefinite description names the office or body it speaks for with a
        proper noun (وزيرة ولاية كيرالا، إدارة هولدن، مدير جمرك الواحة) rather than
        only qualifying its head: an indefinite nisba (رسمي، أمني، عراقي), a listed qualifier
        (كبير، بارز، سابق: ``source_qualifiers``), a phrase glued to a preposition (بالوزارة)
        or a definite word do not name anyone."""
        feminine = bare(words[0]).endswith("ه") if words else False
        for w in words[1:]:
            if not w[0].isalnum() or w.isdigit() or w in FUNCTION_WORDS or w == "باسم":
                continue
            b = inflection_base(w)
            if feminine and w.endswith("ه") and (b in self.gz.source_qualifiers or self.country_of([w]) or
                                                 (w.endswith("يه") and len(w) >= 5) or
                                                 (w[0] == "م" and len(w) >= 5)):
                continue  # جماعة يسارية صغيرة: an adjective agreeing with a feminine head (a
                # listed qualifier, a nisba in ـية or a participle مـ…ـة); شركة نستله names a company
            if w.startswith(("ال", "لل", "بال", "وال", "فال", "كال")) or \
                    (_prepositional(w) and self.np_role(w) is not None):
                continue  # (بلتون, a name that begins with ب, is no بوزارة)
            b = inflection_base(w)
            if self.role_of(w) is not None or b in self.gz.source_qualifiers or bare(w) in self.gz.source_qualifiers:
                continue
            if (b.endswith("ي") and self.country_of([w])) or bare(w) in self.gz.anaphora:
                continue  # a nationality (عراقي) qualifies; a place's name (ولاية كيرالا، خارجية فرنسا)
                # and any other ي-final word (شركة سوني، شركة هيونداي) names
            if self.country_of([w]) and len(bare(w)) < 3:
                continue
            if len(bare(w)) >= 3:
                return True
        return False

    def _definite_singular_expert(self, tok: str) -> bool:
        """Whether ``tok`` is an expert's title with the article, in the singular (الخبير،
        والباحثة), not the dual (الخبيران) nor a plural."""
        t = tok[1:] if len(tok) > 4 and tok[0] in "وف" else tok
        if not t.startswith("ال"):
            return False
        b, words = t[2:], self.gz.role_words["expert"]
        if b.endswith(("ان", "ين")) and (b[:-2] in words or b[:-3] in words):
            return False
        return b in words  # (the feminine is listed too: باحثه)

    def _raw_word(self, toks: list[str], m: int) -> str:
        """Token ``m`` as the article writes it (normalisation makes the preposition على and
        the name علي one word, and the pronoun ـه and the ending ة one letter)."""
        return self.surface(m, m + 1, toks).strip()

    def _plain_name_word(self, toks: list[str], m: int) -> bool:
        """Whether token ``m`` may be a word of a person's name as such: no function word as
        written (على, the preposition, is never the name علي), no cue or role word, no
        accusative ‑ا (معقبا، مؤخرا: adverbs after a subject). (A word with a pronoun suffix ends the search
        before it: :meth:`_name_after_title`.)"""
        t, raw = toks[m], self._raw_word(toks, m)
        if t in FUNCTION_WORDS or t in self.gz.cues.tokens:
            if not (is_given_name(t) and raw.endswith("ي")):
                return False  # (علي written so is the name; على the preposition)
        elif not self.token_class(t)[2]:
            return False  # (token_class: no role word, digit, cue verb, ال-word with a clitic …)
        return not (t.endswith("ا") or self.ends_in_tanwin(toks, m))

    def _name_at(self, toks: list[str], m: int) -> bool:
        """Whether a person's name of two words at least begins at token ``m``: a listed given
        name and a surname-like word (نورة العمر، خالد بن سامر، محمد خالد), or a word no
        lexicon knows followed by a definite surname the lexicons do not know either (سلافة
        العمر). A word alone, or a word and a common noun (عقب الاجتماع), is not a name."""
        if not self._plain_name_word(toks, m) or m + 1 >= len(toks):
            return False
        t, nxt = toks[m], toks[m + 1]
        definite_surname = nxt.startswith("ال") and self._plain_name_word(toks, m + 1) and not self._known_word(nxt)
        if is_given_name(t):
            return nxt in ("بن", "ابن", "بنت") or definite_surname or \
                (self._plain_name_word(toks, m + 1) and is_given_name(nxt))
        return not self._known_word(t) and definite_surname

    def _ends_name_scan(self, t: str, prev: str) -> bool:
        """Whether a word between an expert's title and the content ends the search for the
        expert's name: what follows it may name another person. A rank or a person's title
        (الرئيس، الأمير، الملك، المقدم، اللاعب: any official, media, private or unnamed-source
        role word or name title: the interviewer, the host, the person met or spoken of), or a noun of a speech,
        an interview or a programme (في حديث مع …، خلال استضافتها في برنامج يقدمه …)."""
        b = bare(t)
        if self.role_of(t) in ("official", "media", "anonymous", "private"):
            return True
        ends = _subject_ends()
        if b in ends["name_titles"] or b in ends["name_titles_common"]:
            return True
        # (after a preposition: في حديث، خلال لقاء; علم الاجتماع is a field; the three lists
        # are tested in turn rather than joined anew for every word)
        return prev in FUNCTION_WORDS and any(
            w in ends["speech_occasions"] or w in W["interview_nouns"] or w in self.gz.name_nouns for w in (t, b))

    def _name_after_title(self, toks: list[str], k: int) -> bool:
        """Whether a person's name (:meth:`_name_at`) follows a title that ends at ``k``,
        before the reported content (أن، إن، a colon or a quotation): right after it
        (الخبيرة التربوية نورة العمر) or after the title's field (في شؤون المياه سامر الفارس,
        after an academic title: الدكتور …), and no office or other title follows the name
        (الدكتورة … مستشارة وزير الصحة: «الدكتور» is also a courtesy title of officials, and
        the office types the speaker). The search stops at a word after
        which the name may be another person's (:meth:`_ends_name_scan`) and at a word with a
        pronoun suffix (في تعليقه على تصريحات …)."""
        for m in range(k, min(k + 10, len(toks))):
            t = toks[m]
            if (not t[0].isalnum() and t not in ("،", ",")) or t in _CONTENT_OPENERS:
                return False
            if bare(t) in self.gz.academic_titles:
                continue
            raw = self._raw_word(toks, m)
            if self._ends_name_scan(t, toks[m - 1] if m else "") or \
                    (len(raw) > 3 and raw.endswith(("ه", "ها", "هم", "هما", "نا", "كم")) and not raw.startswith("ال")):
                return False
            if not self._name_at(toks, m):
                continue
            e = m + 1
            while e < len(toks) and e < m + 5 and self._plain_name_word(toks, e):
                e += 1
            return not (e < len(toks) and self.role_of(toks[e]) not in (None, "expert", "research"))
        return False

    def _has_name(self, words: list[str]) -> bool:
        for w in words:
            b = bare(w)
            if w in FUNCTION_WORDS or self.role_of(w) is not None or w.startswith(("ال", "لل", "بال", "وال")):
                continue
            if self.country_of([w]) or b in self.gz.anaphora:
                continue
            if len(b) >= 3 and not w.isdigit():
                return True
        return False

    def _name_mention(self, toks: list[str], i: int, j: int, *, bare_names: bool = True) -> Mention | None:
        """An unknown name: up to 4 words of no lexicon class, followed by a complement, by
        a title (with or without a comma: "محمد العلي، أستاذ …", "محمد العلي وزير …").

        An adverb after the name (فقال سامر مازحا إن، ودعا المحتجون مجددا) ends it: the name is
        read up to the adverb, with what follows the adverb in the place of what follows a
        name; failing that, as before and then cut before the adverb."""
        if not bare_names and not self._may_be_titled_name(toks, j):
            return None  # (speed: the common case, decided without reading the name word by word)
        m = self._name_mention_at(toks, i, j, bare_names=bare_names, adverb_stop=True)
        # (speed: ``adverb_stop`` only ends the name loop, which reads at most the three
        # words after ``j``; with no adverb among them the second reading is the first one)
        if m is None and any(self._adverb_after_subject(toks, k) for k in range(j + 1, min(len(toks), j + 4))):
            m = self._without_adverb(toks, j, self._name_mention_at(toks, i, j, bare_names=bare_names,
                                                                    adverb_stop=False))
        return m

    def _may_be_titled_name(self, toks: list[str], j: int) -> bool:
        """Whether an unknown name read without ``bare_names`` (not right after a verb) may
        begin at token ``j``: there it is only a known speaker's word read alone (its key form
        in :attr:`key_words`) or a name followed by its title (:meth:`_named`: one of a group,
        a chief, a role word). That title begins two to six tokens after ``j`` (a name of two
        to four words, a comma, an apposition pronoun). A superset of the positions that hold
        such a name, tested before the name is read word by word: most positions hold none,
        and the callers that scan many positions (:func:`last_mention`, the scans of the
        whole document) read them so."""
        if key_form(toks[j]) in self.key_words:
            return True
        return any(map(self._title_word, toks[j + 2:j + 7]))

    def _title_word(self, t: str) -> bool:
        """Whether a word after a name may begin its title in :meth:`_named` (one of a group,
        a chief, a role word), cached per word."""
        cache = self.gz.title_word_cache
        title = cache.get(t)
        if title is None:
            title = t in _subject_ends()["one_of"] or t in self.gz.title_heads or self.role_of(t) in _TITLE_ROLES
            if len(cache) < 500_000:
                cache[t] = title
        return title

    def may_name_typed(self, toks: list[str], i: int) -> bool:
        """Whether ``mention_at(toks, i)`` (with ``bare_names``) may be a typed mention, neither
        anaphoric nor of type unknown: a superset, tested before the full parse by the
        callers that keep only such mentions (:func:`described_elsewhere`). Only an unknown
        name is judged here; any other beginning (a quantifier, a determiner, an alias, a
        role word, an anaphor, no word) may be typed. After a verb an unknown name is typed
        only as a known speaker's word alone, a state named by its country or capital, or a
        name followed within six tokens by its title, the group it is one of or the body
        after من (:meth:`_named`; a body may be a medium there)."""
        t = toks[i]
        if t in _QUANT_STARTS or t in DETERMINERS or not t[0].isalnum() or self.token_class(t)[3] or \
                self.role_of(t) is not None or t in self.gz.anaphora or t in self.gz.reflexives:
            return True
        if key_form(t) in self.key_words or self.countries.place_at(toks, i) is not None:
            return True
        return any(self._title_word(w) or self.role_of(w) == "media" for w in toks[i + 1:i + 7])

    def _name_mention_at(self, toks: list[str], i: int, j: int, *, bare_names: bool,
                         adverb_stop: bool) -> Mention | None:
        if toks[j] in _subject_ends()["weekdays"]:
            return None  # وأكد الاثنين أن: a day after the verb is its time, never a name
        if _preposition_with_pronoun(toks[j]):
            return None  # أعرب خلاله عن …، أكد فيه أن: a preposition with a pronoun, never a name
        k = j
        n = len(toks)
        token_class = self.token_class
        first_ok = token_class(toks[j])[1] or (bare_names and token_class(toks[j])[2] and
                                                 j + 1 < n and (token_class(toks[j + 1])[2] or
                                                                (toks[j + 1] == "علي" and
                                                                 self._title_before_ali(toks, j + 1))))
        if not first_ok and bare_names and j + 1 < n and \
                (self._loose_name_word(toks[j]) or self._given_name_in_na(toks[j])) and \
                token_class(toks[j + 1])[1]:
            first_ok = True  # (invented) وقال فالوريس …، وأعلنت روزانا …: a foreign given name, then a surname
        if first_ok:
            k = j + 1
            one_of = _subject_ends()["one_of"]
            while k < n and k - j < 4 and toks[k] not in self.gz.title_heads and \
                    not (_prepositional(toks[k]) and self.np_role(toks[k])) and \
                    not self._preposition_on_word(toks[k]) and not self._ends_subject(toks, k) and \
                    not (adverb_stop and self._adverb_after_subject(toks, k)) and \
                    not (toks[k] in one_of and self._one_of_follows(toks, j, k, k)) and \
                    (token_class(toks[k])[2] or
                     (toks[k] == "علي" and k + 1 < n and token_class(toks[k + 1])[2]
                      and not toks[k + 1].startswith("ال")) or
                     (toks[k] == "علي" and self._title_before_ali(toks, k)) or
                     (bare_names and self._loose_name_word(toks[k]) and
                      self._name_ends_at(toks, k + 1, complement=False, definite=False))):
                k += 1  # علي inside a name is the given name Ali, not the preposition على
        if bare_names and k - j == 2 and toks[j + 1].startswith("ال") and \
                self.is_document_surname(toks[j]) and not self.is_document_surname(toks[j + 1]):
            k = j + 1  # دعا الفارس الانتقالَ …: a known surname, then the verb's object
        if k - j == 1 and bare_names:
            # After a verb, a lone name word followed by a complement, a title (with or
            # without a comma), an age in brackets or a relative clause is a name (invented
            # examples): وقالت النخيل إن، يقول سامر، صاحب المخبز، كما تقول نادية الممرضة، وقالت ندى (17 عاما).
            m = self._named(toks, i, j, k, one_word=True)
            if m is not None:
                return m
        if k - j < 2:
            # A lone word is too ambiguous to be a name, unless it is the surname of a
            # speaker already named in this document ("وختم الكتاني").
            b = key_form(toks[j])
            if b in self.key_words and len(b) >= 3:
                for s in reversed(self.speakers):
                    if not s.entity_id and b in s.key:
                        return Mention(i, j + 1, s.name, s.type, key=frozenset({b}), country=s.country)
            # (set look-ups before the document-wide surname search)
            if bare_names and len(b) >= 3 and self.role_of(toks[j]) is None and toks[j] not in FUNCTION_WORDS \
                    and toks[j] not in self.gz.cues.tokens and (j + 1 >= len(toks) or not token_class(toks[j + 1])[2]) \
                    and self.is_document_surname(toks[j]) and not self.country_of([toks[j]]):
                # a surname after the verb (وأوضح الفارس أن) names the person the article
                # introduced in full elsewhere, outside any act (… المدير سامر الفارس)
                return Mention(i, j + 1, self.text(toks, j, j + 1), "unknown", key=frozenset({b}))
            return None
        # (A nisba after a given name is a family name in Gulf usage: خالد التركي.)
        return self._named(toks, i, j, k, one_word=False, bare_names=bare_names)

    def _without_adverb(self, toks: list[str], j: int, m: Mention | None) -> Mention | None:
        """An unknown name read up to an adverb after it (وقال سامر هولمن مازحا إن، ودعا
        المحتجون مجددا): the name ends before the adverb (:meth:`_adverb_after_subject`),
        which says how or when the words were said. The mention is found as before, so that
        an adverb only shortens a name it used to run into."""
        if m is None or m.anaphoric:
            return m
        for k in range(j + 1, m.end):
            if self._adverb_after_subject(toks, k):
                return replace(m, end=k, name=self.text(toks, j, k), key=self._key(toks[j:k]))
        return m

    def _named(self, toks: list[str], i: int, j: int, k: int, *, one_word: bool,
               bare_names: bool = True) -> Mention | None:
        """The name toks[j:k] as a mention, from what follows it (see _name_mention)."""
        n = len(toks)
        words = toks[j:k]
        if one_word:
            t = toks[j]
            if len(bare(t)) < 3 or self.country_of([t]) or t in self.gz.cues.tokens:
                return None
            if t[0] in "بل" and t.endswith(("ه", "ها", "هم")):
                return None  # وتابع بقوله: …: a preposition with a pronoun, not a name
        if words[0] in _NOT_NAME_STARTS or words[0] in _subject_ends()["weekdays"]:
            return None  # بشكل مباشر، سابقا مهاجما، الاثنين: adverbs, no name
        if self._object_start(toks, j):
            return None  # وأكد ضرورة أن، يفيد بوجود شخص، يؤكد دوماً على: the object or an adverb
        if words[0] in NP_STOP_COMPLEMENT:
            return None  # (بأنه …: the content begins, no name)
        # (the Arabic semicolon also sets a title off after a name: سامر الفارس؛ مدير …)
        nxt = k + 1 if k < n and toks[k] in ("،", ",", "؛") else k
        if nxt + 1 < n and toks[nxt] in _subject_ends()["apposition_pronouns"]:
            nxt += 1  # سامر الفارس، وهو خبير في الطاقة: the clause gives the role, like a title
        if nxt + 1 < n and toks[nxt] in _subject_ends()["one_of"] and self._one_of_follows(toks, j, k, nxt):
            end = self._np_end(toks, nxt + 1)  # سامر الفارس، أحد سكان الحي: one of a group, named
            group = [t for t in toks[nxt + 1:end] if t[0].isalnum()]
            if bare(group[0]) in ("مسؤولين", "مسؤولون"):
                # one of the officials (listed as unnamed sources) of the body named after في
                stop = end
                while stop < min(n, end + 6) and toks[stop][0].isalnum() and toks[stop] not in NP_STOP_COMPLEMENT:
                    stop += 1
                typ, country = self.official_type([t for t in toks[nxt + 1:stop] if t not in FUNCTION_WORDS])
            else:
                typ, country = self._one_of_type(group)
            return Mention(i, end, self.text(toks, j, k), typ, country=country, key=self._key(words))
        if nxt + 1 < n and toks[nxt] in self.gz.title_heads and \
                (toks[nxt + 1].startswith("ال") or (toks[nxt + 1].endswith("ي") and len(toks[nxt + 1]) > 3)):
            # سامر الفارس كبير المحللين في شركة X، كبير محللي الأسواق: "chief" + a definite
            # plural or a plural in the construct state (محللي، مديري) is a title (an
            # adjective "big" is followed by neither: جهودا كبيرة للارتقاء). A chief analyst or
            # economist speaks as an expert, unless a body or an office in the title makes
            # the person its official (كبير المفاوضين الفلسطينيين)
            end = self._np_end(toks, nxt + 1)
            appos = [t for t in toks[nxt:end] if t[0].isalnum()]
            body = self.body_type(appos)
            role = self._plural_role(toks[nxt + 1])
            if body is None and role in ("official", "institution"):
                body = self.official_type(appos)  # كبير مستشاري الرئيس: the chief of officials
            elif body is None and role == "media":
                body = ("media", "")  # كبير مراسلي قناة X: the chief of its reporters
            typ, country = body if body is not None else ("expert", "")
            return Mention(i, end, self.text(toks, j, k), typ, country=country, key=self._key(words))
        if nxt < n and self.role_of(toks[nxt]) in _TITLE_ROLES:
            end = self._np_end(toks, nxt)
            appos = [t for t in toks[nxt:end] if t[0].isalnum()]
            role = self.role_of(toks[nxt])
            if role == "expert" and not any(self.role_of(t) in ("official", "institution") for t in appos[1:]):
                return Mention(i, end, self.text(toks, j, k), "expert", key=self._key(words))
            body = self.body_type(appos)
            if body is None and not self._state_bank(appos[1:]):  # (a state body is no company cited before)
                body = self.speaker_body(appos)
            if body is not None:  # (invented) سامر الفارس رئيس مجموعة اليورو، المتحدث باسم الشركة
                return Mention(i, end, self.text(toks, j, k), body[0], country=body[1], key=self._key(words))
            if role == "research" or self.is_consultant(appos) or \
                    any(self.np_role(t) == "research" for t in appos[1:]):
                return Mention(i, end, self.text(toks, j, k), "expert", key=self._key(words))
            if (role in ("private", "nonstate") or self.is_business(appos)) and not self._state_bank(appos[1:]):
                return Mention(i, end, self.text(toks, j, k), "other", key=self._key(words))
            typ, country = self.official_type(appos)
            if typ == "official" and not country and self._international_after(toks, end):
                typ = "international_org"  # رئيس الخبراء الاقتصاديين …، في البنك الدولي
            return Mention(i, end, self.text(toks, j, k), typ, country=country, key=self._key(words))
        if k < n and toks[k] in ("،", ","):
            if bare_names and k + 1 < n and (toks[k + 1] in RELATIVES or toks[k + 1] in NP_STOP_COMPLEMENT or
                                             toks[k + 1] in _DESCRIBING_CLAUSE):
                # وقال ماركو فيلدن، الذي قاد …، إن: a name, then a relative clause or the content
                return Mention(i, k, self.text(toks, j, k), "unknown", key=self._key(words))
            return None
        f = k + 1 if k + 1 < n and self._adverb_after_subject(toks, k) else k
        # (وقال سامر مازحا إن: the complement is read past an adverb after the name)
        if bare_names and k - j <= 3 and f < n and (toks[f] in NP_STOP_COMPLEMENT or toks[f] == ":"
                                                     or toks[f].isdigit() or toks[f] in RELATIVES):
            return Mention(i, k, self.text(toks, j, k), "unknown", key=self._key(words))
        if bare_names and not one_word and 2 <= k - j <= 3 and k < n and \
                not any(self._glued_preposition(w) for w in words[1:]) and \
                (toks[k] in _PLACE_PREPOSITIONS or _li_before_quote(toks, k) or
                 (toks[k][0] == "ل" and len(toks[k]) > 3 and (self.is_medium(toks, k) or self._addressee(toks[k])))):
            # وصرح سامر الفارس أمام الطلاب، وقالت نادية العمر لوكالة …: a name, then where or
            # to whom it was said
            return Mention(i, k, self.text(toks, j, k), "unknown", key=self._key(words))
        if bare_names and not one_word and k + 1 < n and toks[k] == "من" and \
                self.role_of(toks[k + 1]) in ("institution", "private", "nonstate", "media"):
            # كارلا فينتر من جماعة …: a person of a body, typed by the body
            role = self.role_of(toks[k + 1])
            typ = "other" if role in ("private", "nonstate") else "media" if role == "media" else "official"
            return Mention(i, k, self.text(toks, j, k), typ, key=self._key(words))
        return None

    def _one_of_follows(self, toks: list[str], j: int, k: int, nxt: int) -> bool:
        """Whether «أحد/إحدى + a group» at ``nxt`` describes the name toks[j:k] (سامر الفارس
        أحد سكان الحي: إن …، نادية العمر، إحدى المشاركات، إن …): a name of two words or
        set off by a comma, beginning with a word that may begin a name; a group that is
        no one's own (أحد أبنائها، أحد مقاتليه: "one of her sons" is the subject itself); and
        after the group, what follows a subject (the content, a comma, a place or a medium).
        Adverbs and objects before أحد (كما رواه يوما أحد الحراس، استوقفني أحد الزوار)
        are no name: no such ending follows their group, or they are one word."""
        n = len(toks)
        g = toks[nxt + 1]
        if not g[0].isalpha() or not self.token_class(toks[j])[2] or toks[j].startswith("ال") or \
                (k - j < 2 and toks[k] not in ("،", ",", "؛")) or \
                (not g.startswith("ال") and g.endswith(("ه", "ها", "هم", "هما", "نا"))):
            return False
        end = self._np_end(toks, nxt + 1)
        if end >= n:
            return False
        t = toks[end]
        return t in NP_STOP_COMPLEMENT or t in (":", "،", ",") or t in _PLACE_PREPOSITIONS or \
            _li_before_quote(toks, end) or (t[0] == "ل" and len(t) > 3 and self.is_medium(toks, end))

    def _one_of_type(self, group: list[str]) -> tuple[str, str]:
        """(type, country) of a named person described as one of a group (سامر الفارس أحد
        سكان الحي، أحد المسؤولين في الوزارة، أحد معدي الدراسة): the group's office types an
        official, its research (a study, a researcher) an expert; residents, traders, citizens
        and any other group make a named private person (`other`). (A place after the group,
        أحد تجار الأقمشة في محافظة الطائف, does not type the person.)"""
        roles = {self.np_role(w) for w in group}
        if roles & {"official", "institution"}:
            return self.official_type(group)
        if roles & {"expert", "research"} or any(bare(w) in self.gz.document_nouns for w in group):
            return "expert", ""
        return "other", ""

    def lone_name_word(self, tok: str) -> bool:
        """Whether ``tok`` may be a one-word name right after a verb (a surname or a foreign
        name: وقال سامر، وأكد الفارس): a word of no lexicon class, no country, no day or
        part of a day, no adverb or verbal noun, no preposition glued to a word, and not a
        definite plural (المشاركون، الأمنيون: a group, never a name). With the article it
        must be no word the package knows (الأوضاع، الأنباء are nouns; الفارس a name)."""
        if len(tok) < 3 or not tok[0].isalpha() or not self.token_class(tok)[2] or self.country_of([tok]):
            return False
        ends = _subject_ends()
        if tok in ends["weekdays"] or tok in ends["day_parts"] or tok in _NOT_NAME_STARTS or \
                tok in NP_STOP_COMPLEMENT or self._verbal_noun(bare(tok), after_bi=False) or \
                self._preposition_on_word(tok):
            return False
        if tok.startswith("ال"):
            return len(tok) > 4 and not tok.endswith(("ون", "ين", "ات")) and not self._known_word(tok)
        return True

    def _known_noun(self, w: str) -> bool:
        """Whether ``w`` may follow the article: a known word that is no verb form and no
        function word (الحرف، التفصيل; not اليري, which is ال + the verb يرى)."""
        if not self._known_word(w):
            return False
        w = normalize_text(w)
        forms = {f for f in _inflected_stems(w)}
        cues = self.gz.cues
        return self.role_of(w) is not None or bool(self.countries.country_of([w])) or \
            any(f in _lexicon_words() and f not in cues.verbs and f not in FUNCTION_WORDS for f in forms)

    def _known_word(self, w: str) -> bool:
        """Whether ``w`` (no proclitic) is a word the package knows as Arabic: a function
        word, a role or cue word, a country or nationality, or any word of the packaged
        lexicons (with or without the article, a regular plural or the feminine ending)."""
        if not w:
            return True
        w = normalize_text(w)
        forms = {w}
        forms |= {f for x in list(forms) for f in _inflected_stems(x)}
        lexicon = _lexicon_words()
        if w.startswith("ال") and len(w) > 4 and self._known_noun(w[2:]):
            return True  # (the article only on a noun)
        return any(f in FUNCTION_WORDS or f in lexicon or f in self.gz.cues.tokens or f in self.gz.cues.verbs
                   for f in forms) or self.role_of(w) is not None or bool(self.countries.country_of([w]))

    def _clitic_split_fails(self, tok: str, clitics: str) -> bool:
        """Whether a word that begins like a proclitic (ب، ل، ف، ك) + a word cannot be that
        word with the proclitic: what is left is no known word and carries no possessive
        pronoun. A transliterated foreign name may begin with such letters (invented:
        فالوريس، بالدورا، لامبرتوس); a preposition on an Arabic noun (بالحرف، لزملائه، بالتفصيل)
        leaves a noun, often with a pronoun or followed by its definite adjective."""
        if len(tok) < 5 or tok[0] not in clitics or not tok[0].isalpha():
            return False
        rest = tok[1:]
        if rest.endswith(_POSSESSIVES) or self._known_word(rest):
            return False
        return not self._known_noun(rest[2:]) if rest.startswith("ال") else True

    def _preposition_on_word(self, tok: str) -> bool:
        """Whether ``tok`` is ل or ب on a known word or on a noun with a pronoun (لزملائه،
        لمحدثيه، بالتفصيل): it ends a name (وقال خالد العلي لزملائه إن). Short words are
        left alone: many given names begin with these letters (بدر، بندر، لؤي)."""
        if len(tok) < 5 or tok[0] not in "بل" or tok.startswith("لل"):
            return False
        rest = tok[1:]
        if self.countries.country_of([rest]):
            return False  # المرشد الأعلى لإيران: ل + a country belongs to the title ("of")
        return (len(rest) >= 5 and rest.endswith(_POSSESSIVES) and not rest.endswith("ه")) or \
            (len(rest) >= 4 and rest.endswith("ه") and rest[-2] in "يئاو") or self._known_word(rest)

    def _addressee(self, tok: str) -> bool:
        """Whether ``tok`` is ل on a person spoken to: a noun with a pronoun (لزملائه،
        لمحدثيه، لمرافقيه) or a role word (لمسؤولين، للصحافيين)."""
        if len(tok) < 5 or tok[0] != "ل":
            return False
        rest = tok[1:]
        return (rest.endswith(_POSSESSIVES) and self._preposition_on_word(tok)) or self.role_of(rest) is not None

    def _loose_name_word(self, tok: str) -> bool:
        """A word that may be a foreign name though it looks like a clitic and an article
        (invented: فالوريس، بالدورا): the split into clitic + article + noun must fail (see
        :meth:`_clitic_split_fails`), and it is accepted inside a name after a verb only
        where what follows confirms a name (see :meth:`_name_ends_at`)."""
        if len(tok) < 5 or not tok[0].isalpha() or tok in FUNCTION_WORDS or tok in self.gz.cues.tokens:
            return False
        return tok.startswith(("فال", "بال", "كال")) and self._clitic_split_fails(tok, "فبك")

    def _given_name_in_na(self, tok: str) -> bool:
        """A given name ending in نا (invented: روزانا، كارينا), which the pronoun نا "our"
        would otherwise exclude: only as the first word of a name right after a verb,
        before a surname with no article. A noun with "our" (بلادنا، حكومتنا، شبابنا) is
        told apart by its stem: a name has ا or ي before نا, and its stem is no known word
        (نا after ت is a feminine noun's: حكومتنا)."""
        if len(tok) < 5 or not tok.endswith("نا") or not tok[0].isalpha() or tok.startswith(("ال", "وال")) \
                or tok in self.gz.cues.tokens or tok in FUNCTION_WORDS or self.role_of(tok) is not None:
            return False
        stem = tok[:-2]
        return stem[-1] in "اي" and not self._known_word(stem) and not self._known_word(stem[:-1])

    def _name_ends_at(self, toks: list[str], k: int, *, complement: bool = True, definite: bool = True) -> bool:
        """Whether a name may end before token ``k``: a complement (unless ``complement`` is
        false: وقال العلي بالمناسبة إن), a comma or colon, a title (role word), a place
        preposition or a further name word follows (with the article only if ``definite``:
        after a preposition and a definite noun comes its definite adjective, بالحرف الواحد)."""
        if k >= len(toks):
            return False
        t = toks[k]
        return (complement and t in NP_STOP_COMPLEMENT) or t in ("،", ",", ":") or t in _PLACE_PREPOSITIONS or \
            self.role_of(t) in ("official", "expert", "institution", "private", "nonstate", "research") or \
            (self.token_class(t)[2] and (definite or not t.startswith("ال")))

    def _glued_preposition(self, w: str) -> bool:
        """Whether a word inside a would-be name carries the preposition ل or ب (بدور، لمدة،
        لوكالة، للصحيفة، لزملائه), as opposed to a long name that begins with ل and leaves
        no known word without it (invented: لامبرتوس)."""
        if w == "بن" or len(w) < 3 or w[0] not in "بل":
            return False
        if w[0] == "ب" or w.startswith("لل") or len(w) < 6:
            return True  # (بدور، لمدة: a preposition on a noun; a name may begin with لا، لو …)
        return bool(self.np_role(w) is not None or self.token_class(w[1:])[3]) or \
            not self._clitic_split_fails(w, "ل")

    @staticmethod
    def _key(words: list[str]) -> frozenset:
        return frozenset(k for w in words if w[0].isalnum() and w not in DETERMINERS
                         for k in (key_form(w),) if len(k) >= 3)

    def _repeats_head(self, m: Mention) -> bool:
        """Whether a mention is a bare definite head noun (البنك، الشركة، المؤسسة): in news it
        repeats the head of a body named in full before."""
        words = m.name.split()
        return len(words) == 1 and len(m.key) == 1 and not m.entity_id and not m.noun and \
            words[0].startswith(("ال", "وال", "فال")) and self.role_of(normalize_text(words[0])) is not None

    def _runs_past(self, s: Mention, m: Mention) -> bool:
        """Whether a longer mention ``m`` of speaker ``s`` is ``s`` followed by words that
        are not part of its description: the verb's object or what follows the subject
        (invented: «أعلن سامر الفارس تدشين …» read as a name «سامر الفارس تدشين» after
        «وقال سامر الفارس»). A phrase that ends in a person's name is complete: after the
        name come only a title (a role word) or a nationality; a lone given name may still
        take its surname, and so may a name before a word the article uses as a surname. Any description continues with no function word, auxiliary, cue,
        verbal noun or ب/ل + a definite noun."""
        old, new = normalize_text(s.name).split(), normalize_text(m.name).split()
        if len(new) <= len(old) or new[:len(old)] != old:
            return False  # (a title or a given name before the name: a fuller description)
        w = new[len(old)]
        if not w[0].isalpha() or w in FUNCTION_WORDS or w in AUX or w in NP_STOP or w in self.gz.cues.tokens \
                or self._verbal_noun(bare(w), after_bi=False) or \
                (w[0] in "بل" and w[1:].startswith("ال") and self.role_of(w[1:]) is None):
            return True
        tc = self.token_class
        last = old[-1]
        ends_in_name = tc(last)[2] and not self.country_of([last]) and any(tc(t)[1] for t in old) and \
            not self._title_adjective(last)
        if not ends_in_name or self.role_of(w) is not None or self.country_of([w]):
            return False
        # تهاني → تهاني عبدالهادي: a lone given name, then the surname; المستشار عبد الكريم →
        # … النقاب: a word the article gives as a titled surname elsewhere
        return not ((len(old) == 1 and tc(w)[1]) or self.is_document_surname(w))

    def _title_of(self, m: Mention, s: Mention) -> bool:
        """Whether ``m``, a definite singular description with no name (الخبير الأمني، الباحث
        الفلكي، المسؤول), repeats the title of a named speaker ``s`` whose description holds
        all its words (m.key < s.key): news introduces a person by title and name, then
        cites the title alone. Alone, such a description is typed as an unnamed source; it is
        that person. (A plural or indefinite description, مصادر، خبراء، مسؤول أمني, names no
        one.)"""
        if m.type != "anonymous" or s.type not in ("expert", "official", "other", "international_org"):
            return False
        words = normalize_text(m.name).split()
        if not words or not words[0].startswith(("ال", "وال", "فال")):
            return False
        head = self.role_of(words[0])
        return head in ("expert", "official") and self._given_name_in(normalize_text(s.name).split())

    def _plural_role(self, tok: str) -> str | None:
        """The role of a plural after كبير (المحللين، محللي، مستشاري، المراسلين) through its
        singular: the sound plural in ين/ون, or its construct form in ي, without the
        article (محللي → محلل، المستشارين → مستشار); the word's own role otherwise."""
        b = tok[2:] if tok.startswith("ال") and len(tok) > 4 else tok
        stems = [b[:-2]] if b.endswith(("ين", "ون")) else [b[:-1]] if b.endswith("ي") else []
        for w in [*stems, tok]:
            role = self.role_of(w) if len(w) >= 3 else None
            if role is not None:
                return role
        return None

    def _new_unnamed(self, m: Mention) -> bool:
        """Whether ``m`` is an indefinite title of one person with only relative adjectives
        after it (خبير أمني، مسؤول عسكري آخر): an indefinite noun brings a new person into the text, it never takes up
        one already named."""
        words = normalize_text(m.name).split()
        return len(words) >= 2 and self.role_of(words[0]) in ("expert", "official") and \
            not any(w.startswith(("ال", "وال", "فال")) for w in words) and \
            all(bare(w).endswith("ي") or w in _NOT_NAMES for w in words[1:])
        # (only a title and its adjectives: وزارة الصحة، أمير منطقة عسير، مفتي مصر are
        # definite by their genitive, and a bare plural names no one person)

    def _given_name_in(self, words: list[str]) -> bool:
        """Whether a description holds a person's name, not only a title and its adjectives:
        "another", "a second" (خبير أمني آخر، مسؤول ثان: another unnamed source) and the
        relative adjective right after a role word (خبير أمني) are no names."""
        kept = [w for k, w in enumerate(words) if w not in _NOT_NAMES and
                not (k > 0 and bare(w).endswith("ي") and self.role_of(words[k - 1]) is not None)]
        return self._has_name(kept)

    # ---- speakers of the document
    def register(self, m: Mention) -> Mention:
        """The document's speaker this mention refers to (see :meth:`_register`). The
        speakers are kept in the order they were last cited, so that a later البيان, a
        surname or a bare head refers to the most recently cited speaker it fits."""
        s = self._register(m)
        speakers = self.speakers
        if speakers and speakers[-1] is not s:
            k = next((k for k in range(len(speakers) - 1, -1, -1) if speakers[k] is s), None)
            if k is not None:
                speakers.append(speakers.pop(k))
        return s

    def _register(self, m: Mention) -> Mention:
        """The document's speaker this mention refers to (merging title/surname mentions;
        a definite document noun alone — البيان — refers to the latest institutional
        speaker)."""
        if m.noun and m.type == "anonymous" and self.issuers:
            # الدراسة after «دراسة أجرتها شركة X»: the company; الاستطلاع, with no survey of
            # its own, the latest document with an issuer
            return self.issuers.get(m.noun) or list(self.issuers.values())[-1]
        if m.noun and m.type != "anonymous":
            s = self._register(replace(m, noun=""))
            self.issuers.pop(m.noun, None)
            self.issuers[m.noun] = s
            return s
        if m.document:
            for s in reversed(self.speakers):
                if s.type in ("official", "international_org", "other", "media", "foreign_official") and \
                        not s.document:
                    return s
        if self._repeats_head(m):
            for s in reversed(self.speakers):
                if not s.entity_id and m.key < s.key and not s.document:
                    return s  # البنك after «البنك المركزي»: the same body, whatever the word alone says
        for s in reversed(self.speakers):
            if m.entity_id and s.entity_id == m.entity_id:
                return s
            if not m.entity_id and not s.entity_id and m.key and s.key and m.key < s.key and \
                    self._title_of(m, s):
                return s  # الخبير الأمني after «الخبير الأمني الدكتور سامر الفارس»: that expert
            if not m.entity_id and not s.entity_id and m.key and s.key and m.key < s.key and \
                    self._new_unnamed(m) and self._given_name_in(normalize_text(s.name).split()):
                continue  # وقال خبير أمني after «الخبير الأمني سامر الفارس»: "an expert" is another one
            if not m.entity_id and not s.entity_id and m.key and s.key and \
                    (m.key <= s.key or s.key <= m.key) and _compatible(m, s):
                if len(m.key) > len(s.key) and not self._runs_past(s, m):  # keep the fullest description
                    s.name, s.key = m.name, m.key
                    self.key_words |= m.key
                if not s.country and m.country:
                    s.country = m.country
                if s.type == "unknown" and m.type != "unknown":
                    s.type = m.type
                return s
        self.speakers.append(m)
        self.key_words |= m.key
        return m


# Quantifiers that name a collective of people as a source (عدد من الطلاب، بعض السياسيين،
# الكثير من المواطنين، غالبية المشاركين، نحو نصف الآباء); those in _QUANTIFIERS_OF need من.
_QUANTIFIERS_OF = W["quantifiers_of"]
_QUANTIFIERS = _QUANTIFIERS_OF | W["quantifiers_more"]
_ALONE_COLLECTIVES = W["alone_collectives"]
# آخر، أخرى، ثان: "another", "a second" after an unnamed source's title, never a name.
_NOT_NAMES = W["other_ordinals"]
_APPROXIMATELY = W["approximately"]
_QUANT_STARTS = QUANT_STARTS = _QUANTIFIERS | _ALONE_COLLECTIVES | _APPROXIMATELY
# Words that never begin a name: adverbial phrases glued to ب (بشكل مباشر، بسبب، بصورة) and
# adverbs in the accusative (كتب سابقا مهاجما …، انتقدتها كثيرا).
_NOT_NAME_STARTS = W["not_name_starts"]
# Words after a name and a comma that open a clause describing the person (وقال سامر
# الفارس، والذي يعمل …، وقال سامر الفارس، وهو نائب …).
_DESCRIBING_CLAUSE = W["describing_clause"]
# What may follow a speaker's name as the complement of the cue: أن and its forms, إلى، على، عن.
NP_STOP_COMPLEMENT = W["that_particles"] | W["complement_prepositions"]


# The roles of a word after a name that make it the name's title (see Resolver._named).
_TITLE_ROLES = ("official", "expert", "institution", "private", "nonstate", "research")


def _li_before_quote(toks: list[str], k: int) -> bool:
    """Whether token ``k`` is the preposition ل written apart before a quoted name (ل «الصحيفة»،
    لـ " النجم "): the medium spoken to, which ends the speaker's name."""
    return toks[k] == "ل" and k + 1 < len(toks) and toks[k + 1] in ("«", "“", '"')


def _compatible(m: Mention, s: Mention) -> bool:
    if m.type != s.type and "unknown" not in (m.type, s.type):
        return False
    return not (m.country and s.country and m.country != s.country)


def last_mention(resolver: Resolver, toks: list[str], lo: int, hi: int, *, window: int = 20) -> Mention | None:
    """The last source mention that ends at or before token ``hi`` (same sentence, within
    ``window`` tokens), extended to its earliest start (title + name). Mentions glued to a
    preposition (لوكالة) are skipped: they are not subjects."""
    lo = max(lo, hi - window)
    k = hi - 1
    may_begin = resolver.may_begin
    while k >= lo:
        if not may_begin(toks[k]):
            k -= 1  # no mention can start here (the common case, decided cheaply)
            continue
        m = resolver.mention_at(toks, k, bare_names=False)
        if m is not None and m.prepositional and m.end < len(toks) and toks[m.end] == "ان":
            m.prepositional = False  # سبق للأمم المتحدة أن عبرت: the subject of سبق لـ … أن
        if m is not None and toks[m.start] in _QUANT_STARTS and m.end < hi:
            m = None  # a collective (عدد من الطلاب) is a subject only right before its verb
        if m is not None and not m.anaphoric and m.type and m.end <= hi and not m.prepositional:
            best = m
            for back in range(k - 1, max(lo, k - 5) - 1, -1):  # a longer mention ending here
                if not may_begin(toks[back]):
                    continue  # (none, or an anaphor, which is not kept)
                wider = resolver.mention_at(toks, back, bare_names=False)
                if wider is not None and not wider.anaphoric and wider.type and k < wider.end <= hi \
                        and not wider.prepositional and (wider.type != "unknown" or best.type == "unknown"):
                    best = wider
            return best
        k -= 1
    return None


@lru_cache(maxsize=1)
def _honorifics() -> tuple[dict[str, str], dict[str, frozenset], tuple[str, ...]]:
    """speakers.yaml ``honorific_pronouns`` (normalised pronoun → rank) and
    ``honorific_ranks`` (rank → normalised words that show it, with and without the
    article), and the ranks in their order of precedence."""
    ref = resources.files("analysis") / "data" / "speakers.yaml"
    data = safe_load(ref.read_text(encoding="utf-8"), str(ref))
    pronouns = {normalize_text(k): v for k, v in data["honorific_pronouns"].items()}
    ranks = {r: frozenset(normalize_text(w) for w in ws) for r, ws in data["honorific_ranks"].items()}
    return pronouns, ranks, tuple(data["honorific_ranks"])


def honorific_pronoun_rank(tok: str) -> str:
    """The rank an honorific pronoun stands for (سموه → prince, معاليه → minister), or ""."""
    return _honorifics()[0].get(tok, "")


def _rank_word(tok: str) -> str:
    """The rank a normalised word shows (الامير → prince), or ""."""
    _, ranks, order = _honorifics()
    forms = (tok, tok[1:]) if len(tok) > 3 and tok[0] in "وف" else (tok,)
    return next((r for r in order if any(f in ranks[r] for f in forms)), "")


def honorific_rank(words: list[str]) -> str:
    """The highest rank a mention's normalised words show (``honorific_ranks`` order):
    وزير الدفاع الأمير فلان is a prince. A rank word right after another one is the
    genitive of that title, not the person's own rank (مستشار خادم الحرمين: an adviser
    of the king, نائب أمير المنطقة: still a prince)."""
    _, _, order = _honorifics()
    found = set()
    for k, w in enumerate(words):
        r = _rank_word(w)
        if r and not (k > 0 and _rank_word(words[k - 1]) and r == "king"):
            found.add(r)
    return next((r for r in order if r in found), "")


def honorific_antecedent(resolver: Resolver, rank: str, spans) -> Mention | None:
    """The nearest person named before an honorific pronoun whose title has the pronoun's
    rank (see speakers.yaml ``honorific_pronouns``). ``spans``: (tokens, end, surface) of
    the text before the pronoun, nearest first (the pronoun's paragraph up to it, then
    the earlier paragraphs). The mention is read around the rank word (a title and name
    may begin up to four words before it: صاحب السمو الملكي الأمير …)."""
    saved = resolver.surface, resolver.raw_tanwin
    try:
        for toks, end, surface in spans:
            if surface is not None:
                # (another paragraph's words: its raw text may hold a tanwin where the
                # current one holds none, so look at each word)
                resolver.surface, resolver.raw_tanwin = surface, True
            # sentence by sentence from the nearest; in a sentence the first person of the
            # rank: the subject comes before the verb's object (استقبل الوزير فلان رئيس
            # الهيئة … وقال معاليه: the minister)
            stops = [k for k in range(end) if toks[k] in SENTENCE_ENDS]
            bounds = list(zip([0] + [k + 1 for k in stops], stops + [end]))
            for a, b in reversed(bounds):
                p = a
                while p < b:
                    m = _ranked_mention(resolver, toks, p, b) if _rank_word(toks[p]) else None
                    if m is None:
                        p += 1
                        continue
                    if honorific_rank([t for t in toks[m.start:m.end] if t[0].isalnum()]) == rank and \
                            not (len(toks[m.start]) > 3 and toks[m.start][0] in "ولب"
                                 and _rank_word(toks[m.start][1:])):
                        # (not a conjunct or an addressee: وسمو ولي العهد، لسمو الأمير)
                        return m
                    p = max(m.end, p + 1)
    finally:
        resolver.surface, resolver.raw_tanwin = saved
    return None


def _ranked_mention(resolver: Resolver, toks: list[str], p: int, end: int) -> Mention | None:
    """The widest person mention over the rank word at ``p`` that ends by ``end`` (a title
    and name may begin up to four words before the rank word)."""
    for q in range(max(0, p - 4), p + 1):
        m = resolver._mention_at(toks, q, bare_names=False)
        if m is not None and not m.anaphoric and not m.prepositional and \
                m.type not in ("", "media") and m.start <= p < m.end <= end and \
                resolver.role_of(toks[m.start]) not in ("institution", "private"):
            # (a body is no person, even with its head named: مجلس الوزراء برئاسة الأمير …)
            return m
    return None

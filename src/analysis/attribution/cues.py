"""Cues: the words that introduce what a source said, generated from a lexicon of lemmas.

Input: the ``cues`` section of a gazetteer (by default ``data/cues.yaml``): verb lemmas
(perfect and imperfect, third person masculine singular), participle stems, verbal and
content nouns, according-to phrases and exclusion patterns. Output: a :class:`CueLexicon`
whose ``tokens`` set holds every surface form with its proclitics, so that the hot path is
one set lookup per normalised token, and :func:`cue_at`, which tells what a token is.

Forms generated for each verb (normalised, so with no diacritics):

* perfect in all persons, genders and numbers (قال، قالت، قالوا، قالا، قالتا، قلن، قلت،
  قلنا، قلتم), with the hollow (قال → قلت), defective (دعا → دعت، دعوا، دعوت; رأى → رأت،
  رأوا، رأيت) and hamzated (قرأ → قرأت) patterns;
* imperfect with every prefix and suffix (يقول، تقول، نقول، أقول، يقولون، يقولان، تقولين،
  يقلن), defective (يدعون، يرون، يدعوان);
* object pronouns on both (وصفها، اعتبره، وصفوه، يعتبرها);
* the proclitics و، ف، ل، س (وقال، فأكد، ليؤكد، وسيؤكد).

Active participles (مؤكدا، مشيرين، مؤكدة) come from the stem given in the lexicon, or for
derived verbs (four letters or more) from the imperfect (يستعرض → مستعرض); the accusative
tanwin (مؤكداً) disappears in normalisation. Exclusions (``يذكر أن``, the paper's own voice;
impersonal ``تبين أن``) cancel a cue when the words after it match.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from itertools import compress, count
from pathlib import Path

import yaml

from ..errors import GazetteerError
from ..normalize import normalize_text
from .quotes import QUOTE_FAMILY
from .words import function_words as W
from .yamlload import safe_load

__all__ = ["CueLexicon", "build_cue_lexicon", "verb_forms", "plural_verb_forms", "participle_forms", "cue_at",
           "noun_cue_at",
           "COMPLEMENTS", "THAT", "complement_within", "content_within", "bi_content"]

# What may follow a verb that needs a complement: أن/إن and its pronoun forms, بأن، إلى،
# على، عن، لأن (normalised).
THAT = W["that_particles"] | W["that_particles_cues_extra"]
COMPLEMENTS = THAT | W["complement_prepositions"]  # (عمّا، عمّن: عن with ما، من)
SENTENCE_ENDS = frozenset({".", "؟", "?", "!"})
# بعد، قبل، منذ before أن make it a conjunction of time, not the content of a verb.
_TEMPORAL_BEFORE_THAT = W["temporal_before_that"]
# Words glued to ب that are no verbal noun (بسبب "because of", بشكل "in a way", بعض
# "some"): they never carry what was promised, threatened or charged (normalised).
_NOT_BI_CONTENT = W["not_bi_content"]
# Object pronouns of the third person and of "us" (second-person objects, تذكرك, are not
# how news reports speech).
_ENCLITICS = ("ه", "ها", "هم", "هما", "هن", "نا")
_BY_MEANS_OF = W["by_means_of"]  # (عن طريق "by way of")
# Words after which a verb opens its clause (قد عزت، كما عزت، فيما عزت).
_VERB_CLAUSE_OPENERS = W["verb_clause_openers"]
# The imperfect's dual ending -ان goes with the prefixes ي and ت only, and its -ين (you, a
# woman: تقولين، تدعين) with ت only: with ن or أ they make no verb, but words (اثنين "two",
# اطمئنان "reassurance" from يطمئن) that must not be read as cues.
_DUAL_PREFIXES = ("ي", "ت")
_VERB_PROCLITICS = ("", "و", "ف", "ل", "ول", "فل", "س", "وس", "فس")
_NOUN_PROCLITICS = ("", "و", "ف", "ب", "وب", "ل", "ول", "ك")


def verb_forms(perfect: str, imperfect: str, *, enclitics: bool = True) -> set[str]:
    """Every normalised surface form of a verb, without proclitics.

    >>> sorted(f for f in verb_forms("قال", "يقول") if f.startswith("ق"))[:6]
    ['قال', 'قالا', 'قالت', 'قالتا', 'قالته', 'قالتها']
    """
    raw_p = perfect.strip()
    p, i = normalize_text(raw_p), normalize_text(imperfect.strip())
    forms: set[str] = set()
    with_objects: set[str] = set()
    # --- perfect
    if raw_p.endswith(("ا", "ى")) and len(p) >= 3:  # defective: دعا، رأى، أبدى
        base = p[:-1]
        weak = "و" if raw_p.endswith("ا") else "ي"
        third = {p, base + "ت", base + "وا", base + "تا"}
        if weak == "ي":
            third.add(p + "ا")
        first = {base + weak + s for s in ("ت", "نا", "تم", "تما", "تن", "ن")}
        with_objects |= {p, base + "ت", base + "و"}
        if weak == "ي":
            with_objects.add(base + "ا")  # رآه → راه
    else:
        hollow = len(p) >= 3 and p[-2] == "ا" and not raw_p.endswith("أ")
        short = p[:-2] + p[-1] if hollow else p  # قال → قل
        # (the dual قالا is left out: p + ا is mostly an accusative noun, طالبا، قائدا)
        third = {p, p + "ت", p + "وا", p + "تا", short + "ن"}
        first = {short + s for s in ("ت", "نا", "تم", "تما", "تن")}
        with_objects |= {p + "ت", p + "و", short + "ت", short + "نا"}
        if not (hollow and len(p) >= 4):
            # أشار + ه would be إشارة, أضاف + ه إضافة: on a hollow verb of four letters the
            # object pronoun gives the verbal noun (إفعالة), so it is not generated.
            with_objects.add(p)
    forms |= third | first
    # --- imperfect
    stem = i[1:] if i[:1] in "يت" else i
    persons = ("ي", "ت", "ن", "ا")
    if i.endswith(("و", "ي")) and len(stem) >= 2:  # defective: يدعو، يرى، ينفي
        for pre in persons:
            forms |= {pre + stem, pre + stem[:-1] + "ون", pre + stem[:-1] + "وا"}
            if pre in _DUAL_PREFIXES:
                forms.add(pre + stem + "ان")
            if pre == "ت":
                forms.add(pre + stem[:-1] + "ين")
            with_objects |= {pre + stem, pre + stem[:-1] + "و"}
    else:
        hollow_i = len(stem) >= 3 and stem[-2] in "وي"
        short_i = stem[:-2] + stem[-1] if hollow_i else stem  # يقول → يقل
        for pre in persons:
            forms |= {pre + stem, pre + stem + "ون", pre + stem + "وا", pre + stem + "ا", pre + short_i + "ن"}
            if pre in _DUAL_PREFIXES:
                forms.add(pre + stem + "ان")
            if pre == "ت":
                forms.add(pre + stem + "ين")
            with_objects |= {pre + stem, pre + stem + "و"}
    if enclitics:
        for w in with_objects:
            forms |= {w + e for e in _ENCLITICS}
    # A geminate verb writes its perfect with two letters (حثّ "urged", the doubled letter
    # under a shadda): that form is kept, while other two-letter strings stay out.
    return {f for f in forms if len(f) >= 3 or (len(p) == 2 and f == p)}


def plural_verb_forms(perfect: str, imperfect: str) -> set[str]:
    """The forms of :func:`verb_forms` whose subject is plural or dual (قالوا، قالتا،
    يقولون، يقولان، أكدوه), without proclitics. Number is read from the inflection of
    the verb's own stem, so a singular verb whose stem ends in ان or ين (أدان، أبان، يدين،
    يبين) is not taken as plural."""
    raw_p = perfect.strip()
    p, i = normalize_text(raw_p), normalize_text(imperfect.strip())
    base = p[:-1] if raw_p.endswith(("ا", "ى")) and len(p) >= 3 else p
    plural = {base + "وا", base + "تا", p + "تا"}
    objects = {base + "و"}
    stem = i[1:] if i[:1] in "يت" else i
    for pre in ("ي", "ت"):
        if i.endswith(("و", "ي")) and len(stem) >= 2:  # defective: يدعون، يدعوان
            plural |= {pre + stem[:-1] + "ون", pre + stem[:-1] + "وا", pre + stem + "ان"}
            objects.add(pre + stem[:-1] + "و")
        else:
            plural |= {pre + stem + "ون", pre + stem + "وا", pre + stem + "ان"}
            objects.add(pre + stem + "و")
    plural |= {w + e for w in objects for e in _ENCLITICS}
    return plural & verb_forms(perfect, imperfect)


def participle_forms(stem: str, defective: bool = True) -> set[str]:
    """Participle forms used as a circumstantial continuation: مؤكدا، مؤكدين، مؤكدة، مؤكدتين
    (the feminine -ة form is checked in context by :func:`cue_at`).

    ``defective``: the verb ends in a weak letter (دعا، نفى، اشتكى), so its stem written
    without the ي takes it back before the accusative ending (داع → داعيا). On a sound stem
    ي + ا is the relative adjective (مرجع → مرجعيا "of reference"), never the participle."""
    s = normalize_text(stem)
    forms = {s + "ا", s + "ين", s + "ه", s + "تين"}
    if s.endswith("ي"):  # مبدي → مبديا، مبدين
        forms |= {s[:-1] + "ين"}
    elif defective:
        forms.add(s + "يا")  # داع → داعيا
    return forms


@dataclass
class CueLexicon:
    """Cue forms (normalised, without proclitics) and what each needs; see the module doc."""

    verbs: dict[str, tuple[str, object]] = field(default_factory=dict)  # form → (lemma, requires)
    participles: dict[str, str] = field(default_factory=dict)  # form → stem
    nouns: frozenset = frozenset()
    according_to: dict[tuple[str, ...], str] = field(default_factory=dict)
    according_to_skip: frozenset = frozenset()
    # Nouns of saying with the speaker's pronoun after an according-to cue (بحسب قوله، حسب
    # وصفها): the source is the one who spoke last (normalised, pronoun included).
    own_words: frozenset = frozenset()
    object_content: frozenset = frozenset()  # lemmas whose object noun is the content (توقع ارتفاع)
    norm_nouns: frozenset = frozenset()  # وفقا للنظام: "in accordance with", no source (bare forms)
    exclusions: dict[str, tuple[tuple[str, ...], ...]] = field(default_factory=dict)
    prepositions: frozenset = frozenset()  # verb forms that are also prepositions (بين، عبر)
    imperfect: frozenset = frozenset()  # imperfect forms (the only ones ل and س attach to)
    source_nouns: frozenset = frozenset()  # noun cues only with a genitive source (توقعات الخبراء)
    plural_verbs: frozenset = frozenset()  # forms with a plural or dual subject (قالوا، يقولان)
    # Support verbs (أطلق، أصدر، جدد) whose object noun is the cue (أطلق تحذيرا، أصدرت بيانا)
    # and those object nouns, as they stand after the verb (accusative, or definite).
    support_verbs: frozenset = frozenset()
    support_nouns: frozenset = frozenset()
    # Verbs of offering (قدّم، رفع، نقل) and the nouns of thanks, condolence and congratulation
    # they take (قدم الوزير شكره، رفع تعازيه، نقل تهاني القيادة): the noun is the cue, and only
    # after such a verb (see cues.yaml).
    offering_verbs: frozenset = frozenset()
    offered_nouns: frozenset = frozenset()
    offered_adjectives: frozenset = frozenset()  # خالص، بالغ، أحر before the offered noun
    governs_bi: frozenset = frozenset()  # lemmas that give their content with ب (نوّه بـ، أشاد بـ)
    carrying: frozenset = frozenset()  # lemmas that mean carrying before إلى with no عن (نقله إلى)
    explicit_only: frozenset = frozenset()  # lemmas that count only with a subject of their own
    # Lemmas that count only with their subject named right after them (ويعتقد محللون أن):
    # after a noun or a relative the same letters are the agentless passive (الذي يُعتقد أنه).
    after_subject_only: frozenset = frozenset()
    # Lemmas that after ما/مما have the event before as subject and mean "led to" (ما دعا
    # الإدارة إلى، مما يدعو السائقين لـ): a cause, not a source's words.
    causal_verbs: frozenset = frozenset()
    # Lemmas whose object comes before their complement (دعا X إلى، انتقد X على): a quoted
    # word after them is the object, not a subject in quotation marks.
    object_then_complement: frozenset = frozenset()
    # Cue forms that are also given names (عزت): no cue right after a given name (محمود عزت)
    # or before punctuation.
    name_homographs: frozenset = frozenset()
    # Words for God: a cue right before one is scripture, a wish or a name (يقول الله تعالى،
    # نصر الله), unless the cue is a verb of praying (prayer_verbs: داعيا الله أن، سائلين المولى
    # أن), whose prayer with content is the praying source's act, as the coders count it.
    god_words: frozenset = frozenset()
    prayer_verbs: frozenset = frozenset()
    never_tokens: frozenset = frozenset()  # whole tokens that are never cues (فقرات: ف + قرأت)
    # Noun cue → words right after it that give it another sense (تصريح عمل "a work permit")
    other_senses: dict[str, frozenset] = field(default_factory=dict)
    tokens: frozenset = frozenset()
    according_phrases: dict[str, tuple[tuple[str, ...], ...]] = field(default_factory=dict)
    # First words of phrases that are no cue alone (على of على لسان) → the words that may
    # follow them: a candidate token so headed is dropped unless its next word fits.
    phrase_heads: dict[str, frozenset] = field(default_factory=dict)

    def __post_init__(self):
        forms: set[str] = set()
        for f in self.verbs:
            forms |= {c + f for c in _VERB_PROCLITICS}
        for f in list(self.participles) + list(self.nouns):
            forms |= {c + f for c in _NOUN_PROCLITICS}
        forms |= self.support_nouns | self.offered_nouns
        for phrase in self.according_to:
            forms |= {c + phrase[0] for c in ("", "و", "ف", "ب", "وب")}
            if len(phrase) > 1:
                self.according_phrases[phrase[0]] = (*self.according_phrases.get(phrase[0], ()), phrase)
        single = set()
        for f in self.verbs:
            single |= {c + f for c in _VERB_PROCLITICS}
        for f in list(self.participles) + list(self.nouns):
            single |= {c + f for c in _NOUN_PROCLITICS}
        for phrase in self.according_to:
            if len(phrase) == 1:
                single |= {c + phrase[0] for c in ("", "و", "ف", "ب", "وب")}
        heads: dict[str, set] = {}
        for phrase in self.according_to:
            if len(phrase) > 1:
                for c in ("", "و", "ف", "ب", "وب"):
                    if c + phrase[0] not in single:
                        heads.setdefault(c + phrase[0], set()).add(phrase[1])
        self.phrase_heads = {k: frozenset(v) for k, v in heads.items()}
        self.tokens = frozenset(forms) - self.never_tokens

    def candidates(self, toks: list[str]) -> list[int]:
        """Indices of the tokens that may be cues: one set lookup per token at C speed, then
        the heads of multi-word phrases kept only before their second word."""
        idx = list(compress(count(), map(self.tokens.__contains__, toks)))
        heads = self.phrase_heads
        if heads:
            n = len(toks)
            idx = [k for k in idx if toks[k] not in heads or (k + 1 < n and toks[k + 1] in heads[toks[k]])]
        return idx


def _norm_tokens(text: str) -> tuple[str, ...]:
    from ..corpus import TOKEN_RE
    return tuple(t for t in TOKEN_RE.findall(normalize_text(text)) if t not in QUOTE_FAMILY)


def _words(value, where: str, path: str) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(w, str) and w.strip() for w in value):
        raise GazetteerError(path, f"{where}: must be a list of words or phrases, e.g. [كلمة, عبارة أخرى]")
    return value


_VERB_KEYS = {"perfect", "imperfect", "requires", "participle", "enclitics", "preposition"}


def build_cue_lexicon(cues: dict, path: str) -> CueLexicon:
    """The cue lexicon from a gazetteer's ``cues`` mapping (see ``data/cues.yaml``).

    A verb is ``[perfect, imperfect]``, ``[perfect, imperfect, requires]`` (``complement``:
    أن، إلى، على، عن، a colon or a quotation must follow; ``that``: أن or a colon or a
    quotation; any other word: that word), or a mapping with keys perfect, imperfect,
    requires, participle (a stem, or ``false``), enclitics (``false`` for no object
    pronouns) and preposition (``true``: the bare form is also a preposition and counts
    only at the head of a clause).
    """
    lex_verbs: dict[str, tuple[str, object]] = {}
    perfect_forms: set[str] = set()
    plural_verbs: set[str] = set()
    participles: dict[str, str] = {}
    prepositions: set[str] = set()
    for k, entry in enumerate(cues.get("verbs") or []):
        if isinstance(entry, list) and len(entry) in (2, 3) and all(isinstance(x, str) for x in entry):
            entry = {"perfect": entry[0], "imperfect": entry[1], **({"requires": entry[2]} if len(entry) == 3 else {})}
        if not isinstance(entry, dict) or not {"perfect", "imperfect"} <= set(entry) or set(entry) - _VERB_KEYS:
            raise GazetteerError(path, f"cues.verbs[{k}]: must be [perfect, imperfect], [perfect, imperfect, "
                                       f"complement] or a mapping with keys {', '.join(sorted(_VERB_KEYS))}")
        lemma = normalize_text(entry["perfect"])
        req = entry.get("requires")
        requires = False if req is None else True if req == "complement" else req if req in ("that", "content") \
            else normalize_text(str(req))
        for form in verb_forms(entry["perfect"], entry["imperfect"], enclitics=entry.get("enclitics", True)):
            # The two-letter perfect of a geminate (حث) is also its verbal noun: it counts
            # only with its content after it (حث الجميع على، حثت اللجنة … بالمشاركة; not حث
            # الخطى "hastened"); its other forms (يحث، تحث، حثت) are verbs only and keep the
            # entry's requirement.
            lex_verbs.setdefault(form, (lemma, "content" if len(form) == 2 and not requires else requires))
        plural_verbs |= plural_verb_forms(entry["perfect"], entry["imperfect"])
        perfect_forms.update(verb_forms(entry["perfect"], entry["perfect"], enclitics=False))
        if entry.get("preposition"):
            prepositions.add(lemma)
        part = entry.get("participle")
        if part is None and len(lemma) >= 4:
            imp = normalize_text(entry["imperfect"])
            part = "م" + imp[1:]  # يستعرض → مستعرض
        if part:
            for form in participle_forms(part, defective=entry["perfect"].strip().endswith(("ا", "ى"))):
                participles.setdefault(form, normalize_text(part))
    for stem in _words(cues.get("participles"), "cues.participles", path):
        # (a listed stem of three letters is فاعل of a defective verb written without its ي:
        # داع، ناف; sound ones have four: قائل، كاشف)
        for form in participle_forms(stem, defective=len(normalize_text(stem)) <= 3):
            participles.setdefault(form, normalize_text(stem))
    according = {_norm_tokens(p): normalize_text(p) for p in _words(cues.get("according_to"), "cues.according_to", path)}
    exclusions: dict[str, tuple[tuple[str, ...], ...]] = {}
    for phrase in _words(cues.get("exclusions"), "cues.exclusions", path):
        toks = _norm_tokens(phrase)
        if len(toks) >= 2:
            exclusions[toks[0]] = (*exclusions.get(toks[0], ()), toks[1:])
    _words(cues.get("not_cues"), "cues.not_cues", path)
    for form in _words(cues.get("homographs"), "cues.homographs", path):
        f = normalize_text(form)
        lex_verbs.pop(f, None)
        participles.pop(f, None)
    # (after the homographs are gone: ليعد، سيبلغ must not reach a verb that is not listed)
    imperfect = {f for f in lex_verbs if f[:1] in "يتنا" and f not in perfect_forms}
    def _support_forms(key: str) -> set[str]:
        out: set[str] = set()
        for k, entry in enumerate(cues.get(key) or []):
            if not (isinstance(entry, list) and len(entry) == 2 and all(isinstance(x, str) for x in entry)):
                raise GazetteerError(path, f"cues.{key}[{k}]: must be [perfect, imperfect]")
            for form in verb_forms(entry[0], entry[1], enclitics=False):
                out |= {c + form for c in ("", "و", "ف", "ل", "ول", "وس")}
        return out
    support_verbs = _support_forms("support_verbs")
    offering_verbs = _support_forms("offering_verbs")
    return CueLexicon(
        governs_bi=frozenset(normalize_text(w) for w in _words(cues.get("governs_bi"), "cues.governs_bi", path)),
        explicit_only=frozenset(normalize_text(w) for w in _words(cues.get("explicit_only"), "cues.explicit_only",
                                                                  path)),
        support_verbs=frozenset(support_verbs),
        offering_verbs=frozenset(offering_verbs),
        offered_nouns=frozenset(normalize_text(w) for w in _words(cues.get("offered_nouns"), "cues.offered_nouns", path)),
        offered_adjectives=frozenset(normalize_text(w) for w in _words(cues.get("offered_adjectives"),
                                                                       "cues.offered_adjectives", path)),
        after_subject_only=frozenset(normalize_text(w) for w in _words(cues.get("after_subject_only"),
                                                                       "cues.after_subject_only", path)),
        other_senses=_other_senses(cues.get("other_senses"), path),
        never_tokens=frozenset(normalize_text(w) for w in _words(cues.get("never_tokens"), "cues.never_tokens", path)),
        causal_verbs=frozenset(normalize_text(w) for w in _words(cues.get("causal_verbs"), "cues.causal_verbs", path)),
        object_then_complement=frozenset(normalize_text(w) for w in _words(
            cues.get("object_then_complement"), "cues.object_then_complement", path)),
        name_homographs=frozenset(normalize_text(w) for w in _words(cues.get("name_homographs"),
                                                                    "cues.name_homographs", path)),
        god_words=frozenset(normalize_text(w) for w in _words(cues.get("god_words"), "cues.god_words", path)),
        prayer_verbs=frozenset(normalize_text(w) for w in _words(cues.get("prayer_verbs"), "cues.prayer_verbs", path)),
        carrying=frozenset(normalize_text(w) for w in _words(cues.get("carrying_verbs"), "cues.carrying_verbs", path)),
        support_nouns=frozenset(normalize_text(w) for w in _words(cues.get("support_nouns"), "cues.support_nouns", path)),
        verbs=lex_verbs, participles=participles,
        nouns=frozenset(normalize_text(w) for w in _words(cues.get("nouns"), "cues.nouns", path)),
        source_nouns=frozenset(normalize_text(w) for w in _words(cues.get("source_nouns"), "cues.source_nouns", path)),
        according_to=according,
        according_to_skip=frozenset(normalize_text(w) for w in _words(cues.get("according_to_skip"),
                                                                      "cues.according_to_skip", path)),
        own_words=frozenset(normalize_text(w) + e for w in _words(cues.get("own_words_nouns"), "cues.own_words_nouns",
                                                                  path) for e in ("ه", "ها", "هم", "هما")),
        object_content=frozenset(normalize_text(w) for w in _words(cues.get("object_content"), "cues.object_content",
                                                                   path)),
        norm_nouns=frozenset(normalize_text(w) for w in _words(cues.get("norm_nouns"), "cues.norm_nouns", path)),
        exclusions=exclusions, prepositions=frozenset(prepositions), imperfect=frozenset(imperfect),
        plural_verbs=frozenset(plural_verbs))


def _other_senses(value, path: str) -> dict[str, frozenset]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise GazetteerError(path, "cues.other_senses: must be a mapping of a noun to a list of words")
    return {normalize_text(k): frozenset(normalize_text(w) for w in _words(v, f"cues.other_senses.{k}", path))
            for k, v in value.items()}


def load_cue_file(path) -> dict:
    """The mapping of a cue lexicon file (``data/cues.yaml``)."""
    try:
        data = safe_load(path.read_text(encoding="utf-8"), str(path))
    except (OSError, UnicodeDecodeError) as exc:
        raise GazetteerError(str(path), f"cannot read ({exc.__class__.__name__})") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = getattr(exc, "line", None) if mark is None else mark.line + 1
        problem = " ".join(str(getattr(exc, "problem", None) or exc).split())
        raise GazetteerError(str(path), f"not valid YAML ({problem})", line=line) from None
    if not isinstance(data, dict):
        raise GazetteerError(str(path), "must be a mapping")
    return data


def complement_within(toks: list[str], i: int, limit: int, *, that_only: bool = False) -> bool:
    """Whether a complement (أن …, إلى, على, عن, a colon or a quotation) begins within
    ``limit`` tokens from ``i``."""
    allowed = THAT if that_only else COMPLEMENTS
    temporal = False
    for k in range(i, min(len(toks), i + limit)):
        t = toks[k]
        if t in allowed and k > 0 and toks[k - 1] in _TEMPORAL_BEFORE_THAT:
            temporal = True  # بعد أن، قبل أن: a conjunction of time, no one's content; the
            continue  # clause it opens runs to a comma, and a complement inside is its verb's
        if temporal and t in ("،", ","):
            temporal = False
            continue
        if temporal and t not in SENTENCE_ENDS:
            continue
        if t in allowed or t == ":" or t in QUOTE_FAMILY:
            return True
        if t in SENTENCE_ENDS:
            return False  # a verb's complement lies in its own sentence
    return False


def content_within(toks: list[str], i: int, limit: int) -> bool:
    """Whether what a verb of promising, threatening or accusing reports begins within
    ``limit`` tokens from ``i``: a complement, or a verbal noun governed by ب (وعد بتعزيز،
    هدد بمقاطعة، اتهمه بالتواطؤ) — in Arabic news these verbs give their content so far
    more often than with أن."""
    if complement_within(toks, i, limit):
        return True
    for t in toks[i:i + limit]:
        if t in SENTENCE_ENDS:
            return False
        if bi_content(t):
            return True
    return False


def bi_content(tok: str) -> bool:
    """Whether a token may be a verbal noun governed by ب (بتعزيز، بالتواطؤ)."""
    return len(tok) >= 4 and tok[0] == "ب" and tok not in _NOT_BI_CONTENT


def _excluded(lex: CueLexicon, form: str, toks: list[str], after: int) -> bool:
    for tail in lex.exclusions.get(form, ()):
        if tuple(toks[after:after + len(tail)]) == tail:
            return True
    return False


def _carries(toks: list[str], after: int, longest: int = 4) -> bool:
    """Whether إلى follows a verb of carrying (نقل) within its object of a few words, with no
    عن before it and no punctuation between (نقله إلى، نقلت الفرق الجرحى إلى): the verb
    then moves someone somewhere. Words passed on name their source with عن first (نقل
    عن الوزير أن، نقلت عنه إلى …), or their content right after the hearers (نقل الموقع إلى
    قرائه أن …)."""
    k, stop = after, min(len(toks), after + longest)
    while k < stop:
        t = toks[k]
        if t == "عن" and k + 1 < len(toks) and toks[k + 1] in _BY_MEANS_OF:
            k, stop = k + 2, min(len(toks), stop + 2)  # نقلت عن طريق سيارة إسعاف إلى: by way of
            continue
        k += 1
        if t == "الي":
            return not any(u in THAT or u == ":" or u in QUOTE_FAMILY for u in toks[k:k + 2])
        if t.startswith("عن") and len(t) <= 5 or not t[:1].isalnum():
            return False  # عن، عنه، عنها، عنهم؛ a comma, a quotation mark, a sentence end
    return False


def _prays(lex: CueLexicon, form: str) -> bool:
    """Whether ``form`` (no و/ف) is a verb of a prayer lemma or its participle (دعا، داعيا،
    سأل، سائلين: ``prayer_verbs`` lists the lemmas and the participle stems)."""
    verb = lex.verbs.get(form)
    if verb is not None:
        return verb[0] in lex.prayer_verbs
    return lex.participles.get(form) in lex.prayer_verbs


def cue_at(lex: CueLexicon, toks: list[str], i: int) -> tuple[str, object, bool, int] | None:
    """``(kind, requires, conjunction, n_tokens)`` if token ``i`` is a cue, else None.

    ``kind``: verb, participle, noun or according_to; ``requires``: False, True (a
    complement must follow), ``"that"`` (أن, a colon or a quotation) or a word that must
    follow (عبر عن); ``conjunction``: the cue carries و or ف.
    """
    t = toks[i]
    # (a three-letter token is و/ف + a two-letter geminate perfect only when that is a
    # listed verb form: وحث "and he urged")
    conj = (len(t) > 3 or (len(t) == 3 and t[1:] in lex.verbs)) and t[0] in "وف"
    nxt = toks[i + 1] if i + 1 < len(toks) else ""
    for form, has_conj in ((t, False), (t[1:] if conj else None, True)):
        if not form:
            continue
        # A verb form that is also a noun counts only where a verb opens its clause: at the
        # start, after punctuation or after a clause opener (قد، كما، حيث). عزت is also a given
        # name (محمود عزت), which its و-form is not; the two-letter perfect of a geminate (حثّ
        # "urged") is also its verbal noun "urging", with و too (بهدف حث الزوار على، وتم حث،
        # توعية وحث الزوار على: in construct, after a preposition or تم, or coordinated with
        # another verbal noun), so there the و-form must open the clause as well.
        two_letter = len(form) == 2 and form in lex.verbs
        if (form in lex.name_homographs or two_letter) and (not nxt[:1].isalnum() or (
                (not has_conj or two_letter) and i > 0 and toks[i - 1][:1].isalnum() and
                toks[i - 1] not in _VERB_CLAUSE_OPENERS)):
            return None  # محمود عزت، الفنان المصري عزت العلايلي: inside a phrase, the given name;
            # the verb "she attributed" opens its clause (وعزت، كما عزت، الشركة قد عزت)
        if nxt in lex.god_words and (form in lex.verbs or form in lex.participles) and not _prays(lex, form):
            return None  # يقول الله تعالى، نصر الله: scripture or a name (a prayer stays an act)
        for phrase in lex.according_phrases.get(form, ()):  # phrases first: "نقلا عن" is not the verb نقل
            if tuple(toks[i + 1:i + len(phrase)]) == phrase[1:]:
                return "according_to", False, has_conj, len(phrase)
        verb = form if form in lex.verbs else None
        if verb is None and form[:1] in "لس" and form[1:] in lex.imperfect and form[1:] in lex.verbs:
            verb = form[1:]  # ليؤكد، سيؤكد (not ستحدث "will happen": س takes the imperfect only)
        if verb is not None:
            if _excluded(lex, verb, toks, i + 1):
                return None
            if lex.verbs[verb][0] in lex.carrying and _carries(toks, i + 1):
                return None  # نقلت الفرق الجرحى إلى المستشفى: carrying, not passing words on
            if verb in lex.prepositions and not has_conj and i > 0 and toks[i - 1] not in ("،", ",", ".", ":", "؛"):
                return None  # بين as a preposition
            return "verb", lex.verbs[verb][1], has_conj, 1
        if form in lex.participles:
            if _excluded(lex, form, toks, i + 1):
                return None  # متحدثا باسم الوزارة: "a spokesman for", a noun
            if form.endswith("ه") and not has_conj and (i == 0 or toks[i - 1] not in ("،", ",")) and \
                    not (i + 1 < len(toks) and (toks[i + 1] in THAT or toks[i + 1] in (":", "الي", "علي"))):
                # مؤكدة: an adjective (مصادر مؤكدة) unless it opens a clause or its content
                # follows at once (… سعادتها بالمنصب موضحة: «…»، مشددة على أن)
                return None
            return "participle", False, has_conj, 1
        if (form,) in lex.according_to:  # one word (phrases were tried above)
            return "according_to", False, has_conj, 1
        if form.startswith("ب") and (form[1:],) in lex.according_to:
            return "according_to", False, has_conj, 1
    return noun_cue_at(lex, toks, i)


def noun_cue_at(lex: CueLexicon, toks: list[str], i: int) -> tuple[str, object, bool, int] | None:
    """The noun reading of token ``i`` (تصريح، دعوة، بيانا), as :func:`cue_at` gives it."""
    t = toks[i]
    conj = len(t) > 3 and t[0] in "وف"
    bare = t[1:] if conj else t
    for form in (bare, bare[1:] if bare[:1] in "بل" else None):
        if form and form in lex.nouns:
            return "noun", False, conj, 1
    if t in lex.support_nouns or t in lex.offered_nouns:
        return "noun", False, False, 1
    return None

"""Source attribution: who is quoted or cited, how, and through whom.

A *reporting act* is a cue that introduces what a source said, wrote, judged or
reported: a reporting verb (وقال، أكدت، يرى), a participial continuation (مؤكدا،
مبرزين), a noun cue with its source (شهادة X بأن، دعوة X إلى) or an according-to phrase
(وفق، بحسب). Each act gets a speaker resolved across the document, a speaker type and
country, a mode (direct when the attributed words are in quotation marks, even partly) and
the intermediary (via).

The work is done by small stages, each a module with its own input and output:

* :mod:`.quotes` — quotation spans, paired per paragraph or per sentence; quoted names;
* :mod:`.cues` — the cue lexicon generated from lemmas (``data/cues.yaml``), exclusions;
* :mod:`.clauses` — the subject of each cue (verb–subject, subject–verb, relative clauses,
  continuations, participles, according-to phrases);
* :mod:`.mentions` — source mentions and the per-document registry of speakers;
* :mod:`.countries` — the country a description gives a source (CLDR names via Babel);
* :mod:`.via` — the medium the words passed through;
* :mod:`.gazetteer` — the YAML gazetteer that holds known sources and role words.

This module assembles them into rows (:data:`ATTRIBUTION_COLUMNS`, with
``raw[cue_start:cue_end] == cue`` always) and types officials against a *home country*
(``home_country``, ISO 3166 alpha-2, default ``"MA"``): ``home_official`` when the text
gives the official that country, ``foreign_official`` when it gives another, ``official``
when it does not tell.
"""
from __future__ import annotations

import bisect
import math
from contextlib import contextmanager
from itertools import accumulate, compress, count, repeat
from typing import Iterable

import pandas as pd

from ..corpus import TOKEN_RE, Document, Structure, segment
from ..normalize import NormalizedText, normalize, normalize_text
from .clauses import find_acts
from .cues import cue_at, noun_cue_at
from .countries import bare, given_names_also_words, is_given_name, load_countries
from .gazetteer import Gazetteer, default_gazetteer, load_gazetteer
from .mentions import FUNCTION_WORDS, NP_STOP, Mention, Resolver, key_form, _subject_ends
from .quotes import QUOTE_CHARS, is_name_quote, paragraph_quotes, quote_spans

__all__ = ["find_attributions", "attribution_records", "attributions_frame", "shannon_entropy", "load_gazetteer",
           "Gazetteer", "quote_spans", "ATTRIBUTION_COLUMNS", "SPEAKER_TYPES", "DEFAULT_HOME_COUNTRY",
           "check_home_country", "speaker_type_labels", "public_type"]

SPEAKER_TYPES = ("home_official", "foreign_official", "official", "international_org", "expert",
                 "anonymous", "media", "other", "unknown")
DEFAULT_HOME_COUNTRY = "MA"

ATTRIBUTION_COLUMNS = {
    "doc_id": "document id",
    "outlet": "outlet",
    "speaker": "fullest name or description of the source in the document",
    "speaker_type": "one of SPEAKER_TYPES (officials typed against the home country)",
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
    "speaker_country": "the speaker's own country as the text gives it (ISO 3166 alpha-2), empty if unknown",
}
_INT_COLUMNS = {"cue_start": "int64", "cue_end": "int64", "start": "int64", "end": "int64", "sentence_id": "int64"}


def check_home_country(home_country: str) -> str:
    """The home country as an upper-case ISO 3166 alpha-2 code; ValueError otherwise."""
    code = str(home_country).strip().upper()
    if len(code) != 2 or not code.isalpha() or not code.isascii():
        raise ValueError(f"home_country must be an ISO 3166 alpha-2 code such as MA or SA, not {home_country!r}")
    if code not in load_countries().names_ar:
        raise ValueError(f"home_country {home_country!r} is not a country CLDR knows")
    return code


def _surname_word(w: str, resolver: Resolver) -> bool:
    """Whether the last word of an official's name is a family name (الجبير، آل فهد's فهد):
    with the article in Gulf usage, not a role, title adjective, nationality or place word."""
    b = bare(w)
    return len(b) >= 3 and w.startswith("ال") and resolver.role_of(w) is None and \
        not resolver.country_of([w]) and w not in FUNCTION_WORDS and b not in resolver.gz.title_adjectives and \
        b not in resolver.gz.source_qualifiers and not resolver.token_class(w)[3]


def _compound_starts() -> frozenset:
    """First parts of compound given names written apart (عبد الله، أبو بكر)."""
    return _subject_ends()["compound_name_starts"]


def named_private_person(speaker, resolver: Resolver) -> bool:
    """Whether a speaker left untyped (``unknown``) once the whole document has been read
    is a person cited by a full name alone (وقال سامر الفارس إن، وأشارت نادية العمر إلى;
    invented): news gives an official, an expert, a journalist or a body's spokesperson
    their office, title or body where it names them (and :func:`described_elsewhere` reads
    that title anywhere in the document), but cites private people (a citizen, a fan, a
    witness, a relative) by their name alone. Such a speaker is a named private person,
    ``other``. Only the shape of an Arab personal name is read so: a given name
    (``data/given_names.yaml``, or the first part of a compound name, عبد/أبو …), name words,
    and last a family name with the article (الفارس) that is no role, nationality or title
    adjective. A noun in the construct state has the same shape (جدول الرحلات), hence the
    list of given names; other untyped readings stay ``unknown``."""
    words = normalize_text(speaker.name).split()
    if not words or not (is_given_name(words[0]) or words[0] in _compound_starts()):
        return False
    if words[0] == "عبد" and len(words) < 3:
        return False  # عبد الرحيم is a given name alone, with no family name
    if words[0] in given_names_also_words() and len(words) < 3 and \
            not (words[-1].startswith("ال") and words[-1].endswith("ي") and len(words[-1]) >= 6):
        return False  # حسن النية، عمر الجسر: a given name that is also a word, before a noun
        # (not before a family name in ي, علي القحطاني, nor in a name of three words)
    if not all(resolver.token_class(w)[2] for w in words[1:-1]):
        return False  # (a cue, a function word or a role word inside is no name)
    return _surname_word(words[-1], resolver)


def public_type(kind: str, country: str, home_country: str) -> str:
    """A mention's type as reported: officials typed against the home country."""
    if kind == "official":
        return "official" if not country else "home_official" if country == home_country else "foreign_official"
    return kind or "unknown"


def speaker_type_labels(home_country: str = DEFAULT_HOME_COUNTRY) -> dict[str, tuple[str, str]]:
    """English and Arabic labels of SPEAKER_TYPES for a home country:
    ``home_official`` → ("Moroccan official", "مسؤول مغربي") for MA, ("Saudi official",
    "مسؤول سعودي") for SA."""
    home_en, home_ar = load_countries().label(check_home_country(home_country))
    return {
        "home_official": (home_en, home_ar),
        "foreign_official": ("Foreign official", "مسؤول أجنبي"),
        "official": ("Official, country not stated", "مسؤول غير محدد البلد"),
        "international_org": ("International org.", "منظمة دولية"),
        "expert": ("Expert", "خبير"),
        "anonymous": ("Anonymous", "مصدر مجهول"),
        "media": ("Media", "وسيلة إعلام"),
        "other": ("Other named source", "مصدر آخر محدد"),
        "unknown": ("Unknown", "غير محدد"),
    }


def _token_offsets(pieces: list[str], base: int) -> list[int]:
    """Start offsets of the tokens of a text split by TOKEN_RE into ``pieces`` (gap,
    token, gap, …, gap) that begins at offset ``base``: running sums of the pieces'
    lengths, computed at C speed (no match object per token)."""
    return list(accumulate(map(len, pieces), initial=base))[1:len(pieces) - 1:2]


def _paragraph_surface(raw: str, nt: NormalizedText, tok_starts: list[int], toks: list[str]):
    """The raw surface of the paragraph's tokens [a, b) (names keep their spelling), as
    ``surface(a, b, toks)`` for :class:`Resolver` (the token list passed is not read).
    Each span is mapped back once: the cues of a paragraph read the same words many times
    (the tanwin tests of every position), and a map back is costly."""
    cache: dict[tuple[int, int], str] = {}

    def surface(a: int, b: int, _t) -> str:
        s = cache.get((a, b))
        if s is None:
            s = raw[slice(*nt.to_raw_span(tok_starts[a], tok_starts[b - 1] + len(toks[b - 1])))] if b > a else ""
            cache[(a, b)] = s
        return s
    return surface


def _ta_marbuta_verb(lex, toks: list[str], k: int, raw: str, nt, tok_starts: list[int]) -> bool:
    """Whether token ``k`` matches a verb form only because normalisation writes ة as ه:
    a word written with ة is a noun (وطالبة "and a female student", دعاة "preachers"), not
    a verb with the object pronoun ه (وطالبه "and he asked him")."""
    if not toks[k].endswith("ه"):
        return False
    a, b = nt.to_raw_span(tok_starts[k], tok_starts[k] + len(toks[k]))
    if not raw[a:b].rstrip("\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652").endswith("ة"):
        return False
    cue = cue_at(lex, toks, k)
    return cue is not None and cue[0] == "verb"


def antecedent_country(ntext: str, speaker, before: int, resolver: Resolver,
                       described: dict | None = None) -> str:
    """The country of an official described without one (الحكومة، الوزارة، وزير الداخلية)
    from an earlier, fuller description of the same office in the document (الحكومة
    الجزائرية، وزارة الداخلية العراقية): the latest one before ``before`` that names a
    country. Only the office's own words are read, never the rest of the sentence.

    ``described`` caches, per head word, the ends and countries of its occurrences that
    name a country, so that a document with many acts reads each occurrence once (a
    backward scan per act is quadratic in the length of the document)."""
    heads = [w for w in speaker.key if not w.startswith("country:")]
    if not heads:
        return ""
    head = min(heads, key=lambda w: ntext.find(w) if w in ntext else len(ntext))
    if described is None:
        described = {}
    if head not in described:
        ends, codes = [], []
        pos = ntext.find(head)
        while pos >= 0:
            words = [w.strip("،,.:؛") or w for w in ntext[pos:pos + 80].split()[:6]]
            if words:
                end = resolver._np_end(words, 0)
                if end + 1 < len(words) and words[end] == "في":
                    end += 2  # محكمة الاستئناف في الكويت: a state body in a place is of its state
                code = resolver.country_of(words[:end])
                if code:
                    ends.append(pos + len(head))
                    codes.append(code)
            pos = ntext.find(head, pos + 1)
        described[head] = (ends, codes)
    ends, codes = described[head]
    k = bisect.bisect_right(ends, before) - 1
    return codes[k] if k >= 0 else ""


def key_occurrences(toks: list[str]):
    """``occurrences(key)``: the indices of the document's tokens whose key form
    (:func:`.mentions.key_form`) is ``key``, found per key on demand and remembered for the
    document. A key form is the end of its word (the article, prepositions and و/ف come off
    its front), so only the words that end with ``key`` are read (str.endswith at C speed),
    not the key form of every word of the document: an act cited by name alone looks up a
    few names, in a text of hundreds of words."""
    found: dict[str, list[int]] = {}

    def occurrences(key: str) -> list[int]:
        hits = found.get(key)
        if hits is None:
            hits = found[key] = [k for k in compress(count(), map(str.endswith, toks, repeat(key)))
                                 if key_form(toks[k]) == key]
        return hits
    return occurrences


def described_elsewhere(toks: list[str], speaker, resolver: Resolver,
                        occurrences=None, *, skip: tuple = ("", "unknown", "anonymous", "media"),
                        reach: int = 8) -> tuple[str, str] | None:
    """(type, country) of a person cited by name alone (وقال الفارس، وأضاف سامر الفارس) from
    a mention elsewhere in the document that gives the name a title (استقبل الرئيس الكيني
    سامر الفارس ضيوفه; invented): news introduces a person with their office once, often outside any
    reporting act, then uses the name. ``toks``: the normalised tokens of the document;
    ``occurrences``: :func:`key_occurrences` of them, when the caller has it.
    The first titled mention wins (its widest reading: the title with its nationality);
    None when there is none. ``skip``: the types that do not count as a title; ``reach``:
    how many words before the name a title may begin (a title that ends right before the
    name, see :func:`_titled_before`, may begin further back).
    Mentions are read before and after the act alike: the title may come first or last."""
    names = {w for w in speaker.key if not w.startswith("country:") and resolver.role_of(w) is None}
    if not names:
        return None
    if occurrences is None:
        occurrences = key_occurrences(toks)
    found = None
    # Cheap tests of a position before each full parse (most positions hold no mention):
    # valid because anaphors are never kept, nor, when skip says so, untyped mentions.
    typed_only = "" in skip and "unknown" in skip
    with _scanning(resolver, speaker):
        for k in sorted(k for name in names for k in occurrences(name)):
            for b in range(max(k - reach, 0), k):  # a title before the name, or the full name first
                for bare_names in (False, True):
                    if not bare_names and not resolver.may_begin(toks[b]):
                        continue  # (no mention but an anaphor, which is not kept, begins here)
                    if bare_names and typed_only and not (resolver.may_name(toks, b) and
                                                          resolver.may_name_typed(toks, b)):
                        continue
                    m = resolver.mention_at(toks, b, bare_names=bare_names)
                    if m is not None and not m.anaphoric and m.start <= b < k < m.end and \
                            m.type not in skip and not m.courtesy:
                        found = (m.type, m.country)
                        break
                if found:
                    break
            if not found:
                found = _titled_before(toks, k, resolver, skip)
            if found:
                break
    return found


# Roles whose head word may be a person's title (وزير، خبير، مدرب); an institution's head
# (الوزارة، الهيئة) is followed by its object, not by a holder's name.
_PERSON_TITLES = ("official", "expert", "private")


def _titled_before(toks: list[str], k: int, resolver: Resolver, skip: tuple,
                   reach: int = 14) -> tuple[str, str] | None:
    """(type, country) of a title whose noun phrase ends right before the name that holds
    token ``k``: a definite title, at most a comma, then one to three name words through
    ``k`` (وزيرة العدل الكينية، نادية العمر،؛ المتحدث باسم الهيئة عبدالله الفارس; invented).
    The title's phrase may stop before the name for reasons of its own (a comma, a given
    name read as an adverb or an object), but a definite title followed by the words of a
    name that the article uses alone as a speaker is that person's title. A title set off
    by a comma is followed by a name closed like an apposition (a comma, أن, a preposition).
    Titles run long in news (رئيس مجلس إدارة جمعية الصيادين بالساحل الشرقي المهندس …), hence the
    wider ``reach``."""
    tc = resolver.token_class
    if not _name_word(toks[k], resolver):
        return None
    s = k
    while s > 0 and k - s < 2 and _name_word(toks[s - 1], resolver):
        s -= 1
    for e in range(s, k + 1):  # where the title ends: before the name or one of its words
        if e == 0 or not tc(toks[e])[1] or resolver._object_start(toks, e):
            continue  # a name begins with a given name, no article (not الخطة التشغيلية)
        comma = toks[e - 1] in ("،", ",")
        if comma and not (k + 1 < len(toks) and (toks[k + 1] in ("،", ",", ":") or toks[k + 1] in NP_STOP)):
            continue
        end = e - 1 if comma else e
        for b in range(max(end - reach, 0), end):
            if resolver.role_of(toks[b]) not in _PERSON_TITLES:
                continue  # the cheap condition of the title first: most words are no title
            m = resolver.mention_at(toks, b, bare_names=False)
            if m is not None and m.start == b and m.end == end and not m.anaphoric and \
                    m.type not in skip and not m.courtesy and not m.prepositional and \
                    resolver.role_of(toks[b]) in _PERSON_TITLES and \
                    any(t.startswith(("ال", "وال", "لل", "بال")) for t in toks[b:end]):
                return m.type, m.country
    return None


def _name_word(tok: str, resolver: Resolver) -> bool:
    """Whether a word may belong to a person's name: a name word of the lexicon classes
    that is no function word, no preposition and no cue."""
    return tok[0].isalpha() and resolver.token_class(tok)[2] and tok not in NP_STOP and \
        tok not in FUNCTION_WORDS


def head_described(toks: list[str], occurrences, speaker, resolver: Resolver,
                   cache: dict | None = None) -> tuple[str, str] | None:
    """(type, country) of a body cited by its bare head noun (وذكر البنك، وقالت الشركة) from
    the first fuller description of that head in the document (خفض البنك المركزي
    الكيني سعر الفائدة): news names a body in full once, often outside any reporting act, then repeats
    its head noun. None when the document holds none. ``cache``: per head word, for the
    document."""
    head = next(iter(speaker.key))
    if cache is not None and head in cache:
        return cache[head]
    found = None
    with _scanning(resolver, speaker):
        for k in occurrences(head):
            m = resolver.mention_at(toks, k, bare_names=False)
            if m is not None and not m.anaphoric and not m.document and len(m.key) > 1 and \
                    m.type not in ("", "unknown", "anonymous", "media"):
                found = (m.type, m.country)
                break
    if cache is not None:
        cache[head] = found
    return found


def _bare_body(speaker, resolver: Resolver):
    """The body of an officer's title when it is a bare definite head noun (مدير الشركة،
    مديرة المؤسسة): a stand-in mention keyed by that noun, or None."""
    words = normalize_text(speaker.name).split()
    if len(words) < 2 or speaker.entity_id or resolver.role_of(words[0]) != "official":
        return None
    head = words[1]
    if not head.startswith("ال") or resolver.role_of(head) not in ("private", "nonstate"):
        return None
    if len(words) > 2 and words[2].startswith(("ال", "لل")):
        return None  # اللجنة العلمية للمركز: the head has its own description
    return Mention(0, 0, head, speaker.type, key=frozenset({key_form(head)}))


def document_issuer(toks: list[str], resolver: Resolver):
    """The issuer of the first document the article names with its issuer, outside any
    reporting act (أصدرت وزارة الداخلية بيانا؛ شملت الدراسة التي أجرتها مؤسسة X …), for a
    later definite mention (وأكد البيان، وأشارت الدراسة): a document and its issuer are one
    source. A Mention, or None."""
    gz = resolver.gz
    with _scanning(resolver, None):
        for k, tok in enumerate(toks):
            if _document_noun(tok, gz):
                m = resolver.issuer_after(toks, k, k + 6)
                if m is not None:
                    return m
            elif tok in gz.issuing_verbs or (tok[0] in "وف" and tok[1:] in gz.issuing_verbs):
                m = resolver.mention_at(toks, k + 1, bare_names=True) if k + 1 < len(toks) else None
                if m is not None and not m.anaphoric and m.type not in ("", "anonymous") and \
                        any(_document_noun(t, gz) for t in toks[m.end:m.end + 3]):
                    return m
    return None


def _document_noun(tok: str, gz: Gazetteer) -> bool:
    """Whether a word is a document noun, also in the indefinite accusative (بيانا، تقريرا)."""
    b = bare(tok)
    return b in gz.document_nouns or (len(b) > 3 and b.endswith("ا") and b[:-1] in gz.document_nouns)


@contextmanager
def _scanning(resolver: Resolver, speaker):
    """The resolver set to parse the whole document's tokens after the acts are found:
    names as normalised words (only types are read), the mention cache cleared (it indexes
    one token list at a time), and without ``speaker`` among the document's speakers (its
    own name must not make its title speak for itself)."""
    saved = resolver.surface, resolver.speakers, resolver.raw_tanwin
    resolver.surface = lambda a, b, t: " ".join(t[a:b])
    resolver.raw_tanwin = True  # (the surface is the words themselves: cheap to read)
    resolver.speakers = [s for s in saved[1] if s is not speaker]
    resolver.new_paragraph()
    try:
        yield
    finally:
        resolver.surface, resolver.speakers, resolver.raw_tanwin = saved
        resolver.new_paragraph()


def _carry_via(acts: list) -> None:
    """The medium a speaker spoke to (قال لـ«الصحيفة») carries the speaker's other acts of
    the document (H1 of the test bed: the interview or statement the words came through).
    A speaker with one medium in the document has it for every act, also those told before
    the medium is named (news often names the interviewer in the second or third
    paragraph); a speaker with several passes each on to the acts that follow it."""
    media: dict[int, set] = {}
    for act in acts:
        if act.via:
            media.setdefault(id(act.speaker), set()).add(act.via)
    last: dict[int, str] = {}
    for act in acts:
        key = id(act.speaker)
        if act.via:
            last[key] = act.via
        elif len(media.get(key, ())) == 1:
            act.via = next(iter(media[key]))
        elif key in last:
            act.via = last[key]


def find_attributions(doc: Document, gazetteer: Gazetteer | None = None, *,
                      structure: Structure | None = None, normalized: NormalizedText | None = None,
                      home_country: str = DEFAULT_HOME_COUNTRY) -> pd.DataFrame:
    """All reporting acts of one document (columns: ATTRIBUTION_COLUMNS).

    >>> from analysis.corpus import Document
    >>> df = find_attributions(Document("d", "وقال وزير الخارجية السعودي إن الاجتماع ناجح.", {}),
    ...                        home_country="SA")
    >>> df[["cue", "speaker_type", "speaker_country"]].values.tolist()
    [['وقال', 'home_official', 'SA']]
    """
    rows = attribution_records(doc, gazetteer, structure=structure, normalized=normalized,
                               home_country=home_country)
    return pd.DataFrame(rows, columns=list(ATTRIBUTION_COLUMNS)).astype(_INT_COLUMNS)


def attribution_records(doc: Document, gazetteer: Gazetteer | None = None, *,
                        structure: Structure | None = None, normalized: NormalizedText | None = None,
                        home_country: str = DEFAULT_HOME_COUNTRY) -> list[dict]:
    """All reporting acts of one document as dicts (keys: ATTRIBUTION_COLUMNS)."""
    home = check_home_country(home_country) if home_country != DEFAULT_HOME_COUNTRY else home_country
    gz = gazetteer or default_gazetteer()
    nt = normalized or normalize(doc.text)
    structure = structure or segment(doc, nt)
    raw = doc.text
    ntext = nt.text
    resolver = Resolver(gz)
    resolver.set_document(ntext)
    rows: list[dict] = []
    state: dict = {}
    sent_norm = structure.sentence_norm
    sent_starts = [s for s, _ in sent_norm]
    cue_tokens = gz.cues.tokens
    acts_by_para = []
    doc_tanwin = "\u064b" in raw  # (see resolver.raw_tanwin below)
    for pid, para in enumerate(structure.paragraph_rows):
        if para["role"] in ("chrome", "byline"):
            continue
        toks = structure.paragraph_tokens[pid]
        candidates = gz.cues.candidates(toks)
        p_ns, p_ne = structure.paragraph_norm[pid]
        tok_starts = _token_offsets(structure.paragraph_pieces[pid], p_ns)
        # a word written with ة is a noun, never a verb: its noun reading (دعوة) or nothing
        ta_marbuta = {k for k in candidates if _ta_marbuta_verb(gz.cues, toks, k, raw, nt, tok_starts)}
        nouns_only = frozenset(k for k in ta_marbuta if noun_cue_at(gz.cues, toks, k) is not None)
        if ta_marbuta:
            candidates = [k for k in candidates if k not in ta_marbuta or k in nouns_only]
        surface = _paragraph_surface(raw, nt, tok_starts, toks)
        if not candidates:
            # (kept for an honorific pronoun later on: its antecedent may be named in a
            # paragraph without a cue, such as the headline)
            state.setdefault("paragraphs", []).append((toks, surface))
            continue
        resolver.new_paragraph()
        resolver.surface = surface
        # (a word's raw span lies inside its paragraph's; most documents hold no tanwin at
        # all, and then no paragraph's span needs mapping back)
        resolver.raw_tanwin = doc_tanwin and "\u064b" in raw[slice(*nt.to_raw_span(p_ns, p_ne))]
        lo = max(bisect.bisect_right(sent_starts, p_ns) - 1, 0)
        hi = bisect.bisect_left(sent_starts, p_ne, lo)
        para_sents = sent_norm[lo:hi]
        quotes = paragraph_quotes(ntext, p_ns, p_ne, para_sents)
        closed = [q for q in quotes if q.closed]
        q_starts = [q.start for q in closed]

        def in_quote(pos: int, _c=closed, _s=q_starts) -> bool:
            k = bisect.bisect_right(_s, pos) - 1
            return k >= 0 and _c[k].start < pos < _c[k].end

        acts = find_acts(resolver, toks, tok_starts, sent_norm, sent_starts, in_quote, state, candidates, nouns_only)
        state.setdefault("paragraphs", []).append((toks, surface))
        if acts:
            # (a quoted subject, وقالت «الشركة» إن, is a name: it makes no act direct)
            subject_quotes = {a.name_quote for a in acts}
            word_quotes = [q for q in quotes if q.start not in subject_quotes and
                           not is_name_quote(ntext, q, name_nouns=gz.name_nouns,
                                             names=gz.alias_names, para_start=p_ns)]
            acts_by_para.append((pid, para, acts, word_quotes, p_ns, p_ne))
    _carry_via([a for _, _, acts, *_ in acts_by_para for a in acts])
    described: dict = {}
    setting = None
    doc_toks = None
    doc_occurrences = None
    elsewhere: dict[int, tuple[str, str] | None] = {}  # id of a speaker → described_elsewhere
    issuer, issuer_found = None, False  # one issuer per document: looked for once
    # bare head noun → the type of its fuller description (head_described). Shared by bare
    # heads and _bare_body and keyed by the head only: a result computed while one speaker is
    # excluded (_scanning) is reused for another speaker of the same head (harmless today).
    heads: dict = {}
    typed_heads: set = set()
    surnames: dict[str, str] = {}  # surname of an official named in full before → country
    for _, _, acts, *_ in acts_by_para:
        for act in acts:
            before = act.speaker.type, act.speaker.country
            if act.speaker.type == "official" and not act.speaker.country and surnames:
                # «وزير الخارجية … عادل الجبير» after «وزير الخارجية المصري»: the surname of an
                # official the article named in full before, with his country, names the same
                # person; his country is not taken from the nearest title of the same office
                for w in act.speaker.name.split():
                    code = surnames.get(w)
                    if code:
                        act.speaker.country = code
                        break
            if act.speaker.noun and act.speaker.type == "anonymous":
                if doc_toks is None:
                    doc_toks = TOKEN_RE.findall(ntext)
                if not issuer_found:
                    issuer, issuer_found = document_issuer(doc_toks, resolver), True
                if issuer is not None:
                    act.speaker.type, act.speaker.country = issuer.type, issuer.country
            if act.speaker.type == "unknown" and not act.speaker.entity_id:
                if doc_toks is None:
                    doc_toks = TOKEN_RE.findall(ntext)
                if doc_occurrences is None:
                    doc_occurrences = key_occurrences(doc_toks)
                # A speaker cited in several acts is looked for once, until some speaker's
                # type or country changes (a title may name that speaker's body).
                if id(act.speaker) not in elsewhere:
                    elsewhere[id(act.speaker)] = described_elsewhere(doc_toks, act.speaker, resolver, doc_occurrences)
                found = elsewhere[id(act.speaker)]
                if found is not None:
                    act.speaker.type, act.speaker.country = found[0], act.speaker.country or found[1]
            if id(act.speaker) not in typed_heads and act.speaker.type not in ("anonymous", "media") and \
                    resolver._repeats_head(act.speaker):
                typed_heads.add(id(act.speaker))
                if doc_toks is None:
                    doc_toks = TOKEN_RE.findall(ntext)
                if doc_occurrences is None:
                    doc_occurrences = key_occurrences(doc_toks)
                found = head_described(doc_toks, doc_occurrences, act.speaker, resolver, heads)
                if found is not None:
                    act.speaker.type, act.speaker.country = found[0], act.speaker.country or found[1]
            if act.speaker.type == "other" and id(act.speaker) not in typed_heads:
                # مدير المؤسسة after «مؤسسة رعاية المسنين بتبوك»: an officer of a body
                # cited by its bare head noun is typed by the body's fuller description
                typed_heads.add(id(act.speaker))
                body = _bare_body(act.speaker, resolver)
                if body is not None:
                    if doc_toks is None:
                        doc_toks = TOKEN_RE.findall(ntext)
                    if doc_occurrences is None:
                        doc_occurrences = key_occurrences(doc_toks)
                    found = head_described(doc_toks, doc_occurrences, body, resolver, heads)
                    if found is not None and found[0] == "official":
                        act.speaker.type, act.speaker.country = found[0], act.speaker.country or found[1]
            if act.speaker.courtesy and act.speaker.type == "expert":
                # الدكتور الفارس: a doctor's title is a courtesy title of officials too; the
                # office the article gives the name elsewhere types it (once per speaker)
                act.speaker.courtesy = False
                if doc_toks is None:
                    doc_toks = TOKEN_RE.findall(ntext)
                if doc_occurrences is None:
                    doc_occurrences = key_occurrences(doc_toks)
                found = described_elsewhere(doc_toks, act.speaker, resolver, doc_occurrences,
                                            skip=("", "unknown", "anonymous", "media", "expert"), reach=14)
                if found is not None:
                    act.speaker.type, act.speaker.country = found
            if act.speaker.type == "official" and not act.speaker.country:
                act.speaker.country = antecedent_country(ntext, act.speaker, act.cue_ns, resolver, described)
            if act.speaker.type == "official" and not act.speaker.country and \
                    not (act.speaker.key and all(k.startswith("country:") for k in act.speaker.key)):
                # A state body named without its state (وزارة الداخلية، الدفاع المدني) acts where
                # the reported events take place, as a dateline would tell.
                if setting is None:
                    doc_toks = doc_toks if doc_toks is not None else TOKEN_RE.findall(ntext)
                    lex = resolver.countries
                    setting = lex.setting(doc_toks, kingdom=lex.the_kingdom(doc_toks))
                act.speaker.country = setting
            if (act.speaker.type, act.speaker.country) != before:
                elsewhere.clear()  # a title elsewhere may name a body typed just now
            if act.speaker.type == "official" and act.speaker.country:
                last = act.speaker.name.split()[-1] if act.speaker.name.split() else ""
                if _surname_word(last, resolver):
                    surnames.setdefault(last, act.speaker.country)
    private: dict[int, str] = {}  # id of an untyped speaker → its reported type (named_private_person)
    for pid, para, acts, word_quotes, p_ns, p_ne in acts_by_para:
        def sentence_of(pos: int) -> int:
            return bisect.bisect_right(sent_starts, pos) - 1

        for n_act, act in enumerate(acts):
            sid = sentence_of(act.cue_ns)
            clause_start = min(act.subj_ns, act.cue_ns)
            if act.kind == "according_to":
                prev_end = acts[n_act - 1].cue_ne if n_act and sentence_of(acts[n_act - 1].cue_ns) == sid else None
                clause_start = prev_end if prev_end is not None else max(sent_norm[sid][0], p_ns)
            clause_end = min(sent_norm[sid][1], p_ne) if sid >= 0 else p_ne
            for q in word_quotes:  # a quotation opened in the clause runs to its end
                if clause_start <= q.start < clause_end < q.end:
                    clause_end = q.end
            nxt_i = n_act + 1
            if act.kind == "according_to":  # its words may follow its own participles
                while nxt_i < len(acts) and acts[nxt_i].kind == "participle" and \
                        acts[nxt_i].speaker is act.speaker:
                    nxt_i += 1
            if nxt_i < len(acts) and acts[nxt_i].cue_ns < clause_end:
                nxt = acts[nxt_i]
                clause_end = min(clause_end, nxt.subj_ns if nxt.subj_ns > act.cue_ne else nxt.cue_ns)
            clause_end = max(clause_end, act.cue_ne)
            inside = [(max(q.start, clause_start), min(q.end, clause_end)) for q in word_quotes
                      if q.start < clause_end and q.end > clause_start]
            cue_start, cue_end = nt.to_raw_span(act.cue_ns, act.cue_ne)
            start, end = nt.to_raw_span(clause_start, clause_end)
            pieces = [raw[s:e].strip(QUOTE_CHARS + " ") for s, e in (nt.to_raw_span(a, b) for a, b in inside)]
            quote_text = " … ".join(p for p in pieces if p)
            speaker = act.speaker
            kind = speaker.type
            if kind == "unknown":
                kind = private.setdefault(id(speaker), "other" if named_private_person(speaker, resolver) else kind)
            rows.append({
                "doc_id": doc.doc_id, "outlet": doc.outlet, "speaker": speaker.name,
                "speaker_type": public_type(kind, speaker.country, home),
                "mode": "direct" if quote_text else "indirect",
                "cue": raw[cue_start:cue_end], "cue_start": cue_start, "cue_end": cue_end,
                "start": start, "end": end, "quote": quote_text, "via": act.via,
                "cue_kind": act.kind, "speaker_id": speaker.entity_id,
                "resolution": act.resolution, "sentence_id": structure.sentence_at(cue_start),
                "role": para["role"], "speaker_country": speaker.country,
            })
    return rows


def attributions_frame(corpus: Iterable[Document], gazetteer: Gazetteer | None = None, *,
                       home_country: str = DEFAULT_HOME_COUNTRY) -> pd.DataFrame:
    """Reporting acts of every document of a corpus, in corpus order (ATTRIBUTION_COLUMNS)."""
    gz = gazetteer or default_gazetteer()
    home = check_home_country(home_country)
    rows = [r for doc in corpus for r in attribution_records(doc, gz, home_country=home)]
    return pd.DataFrame(rows, columns=list(ATTRIBUTION_COLUMNS)).astype(_INT_COLUMNS)


def shannon_entropy(counts: Iterable[int]) -> float:
    """Shannon entropy (bits) of a count distribution; 0 for an empty one."""
    counts = [c for c in counts if c > 0]
    total = sum(counts)
    if not total:
        return 0.0
    return max(0.0, -sum(c / total * math.log2(c / total) for c in counts))

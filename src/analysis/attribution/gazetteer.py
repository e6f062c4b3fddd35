"""Gazetteer: the sources a project knows, the role words that type the others, the cues.

Input: a YAML file (default: the packaged ``data/sources.yaml``, whose cue lexicon is
``data/cues.yaml``). Output: a validated, normalised :class:`Gazetteer`. A malformed file
raises :class:`~analysis.errors.GazetteerError` naming the file and what to fix.

Entity types are country-neutral: ``official`` (with ``country``, an ISO 3166 alpha-2
code), ``international_org``, ``expert``, ``anonymous``, ``media`` or ``other``. The older
``moroccan_official`` is read as ``official`` with country MA; ``foreign_official`` without
a country stays foreign whatever the home country.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

import yaml

from ..corpus import TOKEN_RE
from ..errors import GazetteerError
from ..normalize import normalize_text
from .cues import CueLexicon, build_cue_lexicon, load_cue_file
from .quotes import QUOTE_FAMILY
from .yamlload import safe_load

__all__ = ["Entity", "Gazetteer", "load_gazetteer", "default_gazetteer", "ENTITY_TYPES"]

#: Types a gazetteer entry may have (country-neutral; see the module docstring).
ENTITY_TYPES = ("official", "international_org", "expert", "anonymous", "media", "other")
_LEGACY_TYPES = {"moroccan_official": ("official", "MA"), "foreign_official": ("foreign_official", ""),
                 "unknown": ("other", "")}


@dataclass(frozen=True)
class Entity:
    id: str
    name: str
    type: str
    kind: str  # person, institution, media
    country: str = ""


@dataclass
class Gazetteer:
    """Sources, role words and reporting cues, normalised (see :func:`load_gazetteer`)."""

    path: str
    version: str
    aliases: dict[tuple[str, ...], Entity]
    max_alias_len: int
    role_words: dict[str, frozenset[str]]
    anaphora: frozenset[str]
    reflexives: frozenset[str]
    cues: CueLexicon
    entities: dict[str, Entity] = field(default_factory=dict)
    name_nouns: frozenset = frozenset()
    international_nouns: frozenset = frozenset()
    international_adjectives: frozenset = frozenset()
    international_ngo_nouns: frozenset = frozenset()
    # Academic titles (الدكتور …): such a phrase with an official, institution or company
    # word in it is typed by that word, not as an expert.
    academic_titles: frozenset = frozenset()
    # Titles that are courtesy titles before a personal name and ranks before a field (الأستاذ).
    courtesy_titles: frozenset = frozenset()
    # Fields that after وكالة name a state or intergovernmental agency, not a news agency.
    agency_fields: frozenset = frozenset()
    international_nisbas: frozenset = frozenset()
    # Business phrases in a title (مجلس الإدارة، الرئيس التنفيذي): the source is `other`.
    private_phrases: tuple = ()
    # Phrases whose company or association word heads a state body (البنك المركزي، المؤسسة
    # العامة لـ …، مؤسسة النقد، دار الإفتاء): such a source stays an official.
    state_phrases: tuple = ()
    # Adjectives that qualify an unnamed source without naming it (مسؤول كبير، مصدر مطلع).
    source_qualifiers: frozenset = frozenset()
    former_adjectives: frozenset = frozenset()
    # Quantifiers before a described source (عدد من، بعض، أحد، كبار): some of a group, unnamed.
    group_quantifiers: frozenset = frozenset()
    title_adjectives: frozenset = frozenset()
    title_heads: frozenset = frozenset()
    sport_phrases: tuple = ()
    unnamed_persons: frozenset = frozenset()
    # Persons an office serves, named in its title in the plural (شؤون المعلمين).
    served_persons: frozenset = frozenset()
    # Offices held only in a state (وزير، محافظ): a title stack they head is an official's.
    state_heads: frozenset = frozenset()
    # Intergovernmental bodies named without an international word (صندوق النقد), and the
    # fields of Muslim charities whose names carry one (الهيئة العالمية للمساجد).
    international_phrases: tuple = ()
    charity_fields: frozenset = frozenset()
    # Words for a representative that also mean an actor (الممثل، الممثلة).
    performer_titles: frozenset = frozenset()
    # Consultant titles and the fields that make one an expert (المستشار المالي).
    consultant_titles: frozenset = frozenset()
    consultant_fields: frozenset = frozenset()
    # Declining to be named (رفض الكشف عن هويته): verbs and the nouns they govern.
    anonymity_verbs: frozenset = frozenset()
    anonymity_nouns: frozenset = frozenset()
    # Documents and the verbs that name their issuer (دراسة أجرتها شركة X).
    document_nouns: frozenset = frozenset()
    honorifics: frozenset = frozenset()
    issuing_verbs: frozenset = frozenset()
    # Derived: first words of aliases; normalised alias strings (for quoted names).
    alias_firsts: frozenset = frozenset()
    alias_names: frozenset = frozenset()
    role_cache: dict = field(default_factory=dict, repr=False)
    token_class_cache: dict = field(default_factory=dict, repr=False)
    title_word_cache: dict = field(default_factory=dict, repr=False)  # (see Resolver._may_be_titled_name)
    phrase_index: dict = field(default_factory=dict, repr=False)

    def __post_init__(self):
        self.alias_firsts = frozenset(a[0] for a in self.aliases)
        self.alias_names = frozenset(" ".join(a) for a in self.aliases)

    # Backwards-compatible views of the cue lexicon.
    @property
    def cue_tokens(self) -> frozenset:
        return self.cues.tokens

    @property
    def verb_forms(self) -> dict:
        return self.cues.verbs


def _norm_tokens(text: str) -> tuple[str, ...]:
    return tuple(t for t in TOKEN_RE.findall(normalize_text(text)) if t not in QUOTE_FAMILY)


_SECTIONS = {"people": list, "institutions": list, "media": list, "role_words": dict, "cues": dict}
# Keys of older gazetteers that are read and ignored (typing now uses the country lexicon).
_DEPRECATED = {"default_official_type", "moroccan_markers", "foreign_markers", "home_markers",
               "home_markers_not_after"}
_GAZETTEER_KEYS = {"version", *_SECTIONS, *_DEPRECATED, "anaphora", "reflexives", "name_nouns",
                   "international_nouns", "international_adjectives", "international_ngo_nouns", "international_nisbas", "academic_titles", "courtesy_titles", "agency_fields",
                   "private_phrases", "state_phrases", "source_qualifiers", "former_adjectives", "group_quantifiers", "title_adjectives", "title_heads", "sport_phrases", "unnamed_persons", "served_persons", "state_heads", "international_phrases", "charity_fields", "performer_titles", "consultant_titles", "consultant_fields", "anonymity_verbs", "anonymity_nouns",
                   "document_nouns", "issuing_verbs", "honorifics"}
_WORD_LISTS = _GAZETTEER_KEYS - {"version", "default_official_type", *_SECTIONS}
_ENTITY_KEYS = {"id", "name", "type", "aliases", "title", "country"}
_CUE_KEYS = {"lexicon", "verbs", "participles", "nouns", "according_to", "according_to_skip", "not_cues",
             "exclusions", "homographs", "version", "support_verbs", "support_nouns",
             "governs_bi", "explicit_only", "carrying_verbs", "source_nouns", "own_words_nouns", "norm_nouns",
             "object_content", "causal_verbs", "never_tokens", "other_senses", "god_words", "prayer_verbs",
             "object_then_complement", "name_homographs", "after_subject_only", "offering_verbs", "offered_nouns", "offered_adjectives"}


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
                for key in ("type", "title", "country"):
                    text(item.get(key), f"{section}[{k}].{key}", required=False)
                words(item.get("aliases"), f"{section}[{k}].aliases")
    for role, value in data["role_words"].items():
        words(value, f"role_words.{role}")
    known(data["cues"], _CUE_KEYS, "cues: ")
    for key in ("participles", "nouns", "according_to", "according_to_skip", "not_cues"):
        words(data["cues"].get(key), f"cues.{key}")
    verbs = data["cues"].get("verbs")
    if verbs is not None and not isinstance(verbs, list):
        raise GazetteerError(path_s, "cues.verbs: must be a list of [perfect, imperfect] entries")
    for k, entry in enumerate(verbs or []):
        for j, form in enumerate(entry if isinstance(entry, list) else [entry]):
            text(form, f"cues.verbs[{k}][{j}]")


def _read_yaml(path: Path | None, packaged: str) -> tuple[dict, str]:
    if path is None:
        ref = resources.files("analysis") / "data" / packaged
        text, path_s = ref.read_text(encoding="utf-8"), str(ref)
    else:
        path_s = str(path)
        try:
            text = Path(path).read_text(encoding="utf-8")
        except (FileNotFoundError, IsADirectoryError, UnicodeDecodeError) as exc:
            raise GazetteerError(path_s, f"cannot read ({exc.__class__.__name__})") from None
    try:
        data = safe_load(text, path_s)
    except yaml.YAMLError as exc:
        raise GazetteerError(path_s, f"not valid YAML ({getattr(exc, 'problem', exc)})") from None
    if not isinstance(data, dict):
        raise GazetteerError(path_s, "must be a mapping")
    return data, path_s


def _cue_section(cues: dict, path_s: str, base: Path | None) -> tuple[dict, str]:
    """The cue mapping, read from ``cues.lexicon`` (a file next to the gazetteer, or the
    packaged ``cues.yaml``) when given, with inline entries added."""
    ref = cues.get("lexicon")
    if ref is None:
        return cues, path_s
    if not isinstance(ref, str):
        raise GazetteerError(path_s, "cues.lexicon: must be a file name, e.g. cues.yaml")
    candidate = (base / ref) if base is not None else None
    if candidate is not None and candidate.exists():
        data, where = load_cue_file(candidate), str(candidate)
    elif ref == "cues.yaml":
        packaged = resources.files("analysis") / "data" / "cues.yaml"
        data, where = load_cue_file(packaged), str(packaged)  # (a malformed file: a one-line error)
    else:
        raise GazetteerError(path_s, f"cues.lexicon: {ref!r} not found next to the gazetteer")
    merged = dict(data)
    for key, value in cues.items():
        if key != "lexicon" and isinstance(value, list):
            merged[key] = [*(merged.get(key) or []), *value]
    return merged, where


def load_gazetteer(path: str | Path | None = None) -> Gazetteer:
    """Load and validate the source gazetteer (default: the packaged ``sources.yaml``).

    >>> gz = load_gazetteer()
    >>> gz.entities["interpol"].type
    'international_org'
    """
    data, path_s = _read_yaml(Path(path) if path is not None else None, "sources.yaml")
    _check_gazetteer_shape(data, path_s)
    aliases: dict[tuple[str, ...], Entity] = {}
    entities: dict[str, Entity] = {}
    allowed = ", ".join(ENTITY_TYPES)
    for section, kind in (("people", "person"), ("institutions", "institution"), ("media", "media")):
        for k, item in enumerate(data[section]):
            if not isinstance(item, dict) or not item.get("id") or not item.get("name"):
                raise GazetteerError(path_s, f"{section}[{k}]: needs id and name")
            etype = "media" if kind == "media" else item.get("type")
            country = str(item.get("country") or "").upper()
            if etype in _LEGACY_TYPES:
                etype, legacy_country = _LEGACY_TYPES[etype]
                country = country or legacy_country
            if etype not in ENTITY_TYPES and etype != "foreign_official":
                raise GazetteerError(path_s, f"{section} {item['id']!r}: field 'type' must be "
                                             f"one of {allowed}, not {etype!r}")
            if country and not (len(country) == 2 and country.isalpha()):
                raise GazetteerError(path_s, f"{section} {item['id']!r}: field 'country' must be an "
                                             f"ISO 3166 alpha-2 code such as MA or SA, not {item.get('country')!r}")
            if item["id"] in entities:
                raise GazetteerError(path_s, f"{section} {item['id']!r}: duplicate id")
            ent = Entity(str(item["id"]), str(item["name"]), etype, kind, country)
            entities[ent.id] = ent
            for alias in [item["name"], *(item.get("aliases") or [])]:
                toks = _norm_tokens(str(alias))
                if toks:
                    aliases.setdefault(toks, ent)
    roles = {k: frozenset(normalize_text(w) for w in v) for k, v in data["role_words"].items()}
    for needed in ("official", "institution", "expert", "anonymous", "media", "document", "private", "nonstate",
                   "research"):
        roles.setdefault(needed, frozenset())
    cue_data, cue_path = _cue_section(data["cues"], path_s, Path(path).parent if path is not None else None)
    unknown = sorted(map(str, set(cue_data) - _CUE_KEYS))
    if unknown:
        raise GazetteerError(cue_path, f"cues: unknown key(s) {', '.join(map(repr, unknown))}; "
                                       f"known: {', '.join(sorted(_CUE_KEYS))}")
    cues = build_cue_lexicon(cue_data, cue_path)

    def words(key: str) -> frozenset:
        return frozenset(normalize_text(w) for w in data.get(key) or [])

    return Gazetteer(
        path=path_s, version=str(data.get("version", "")), aliases=aliases,
        max_alias_len=max((len(a) for a in aliases), default=1), role_words=roles,
        anaphora=words("anaphora"), reflexives=words("reflexives"), cues=cues, entities=entities,
        name_nouns=words("name_nouns"), international_nouns=words("international_nouns"),
        international_adjectives=words("international_adjectives"),
        international_ngo_nouns=words("international_ngo_nouns"), academic_titles=words("academic_titles"),
        courtesy_titles=words("courtesy_titles"), agency_fields=words("agency_fields"),
        international_nisbas=words("international_nisbas"),
        private_phrases=tuple(sorted({_norm_tokens(p) for p in data.get("private_phrases") or []} - {()})),
        state_phrases=tuple(sorted({_norm_tokens(p) for p in data.get("state_phrases") or []} - {()})),
        consultant_titles=words("consultant_titles"), consultant_fields=words("consultant_fields"),
        anonymity_verbs=words("anonymity_verbs"), anonymity_nouns=words("anonymity_nouns"),
        document_nouns=words("document_nouns"), issuing_verbs=words("issuing_verbs"),
        honorifics=words("honorifics"), source_qualifiers=words("source_qualifiers"),
        former_adjectives=words("former_adjectives"), title_adjectives=words("title_adjectives"),
        title_heads=words("title_heads"),
        group_quantifiers=words("group_quantifiers"), unnamed_persons=words("unnamed_persons"),
        served_persons=words("served_persons"), state_heads=words("state_heads"),
        charity_fields=words("charity_fields"), performer_titles=words("performer_titles"),
        international_phrases=tuple(sorted({_norm_tokens(p) for p in data.get("international_phrases") or []} - {()})),
        sport_phrases=tuple(sorted({_norm_tokens(p) for p in data.get("sport_phrases") or []} - {()})))


@lru_cache(maxsize=1)
def default_gazetteer() -> Gazetteer:
    """The packaged gazetteer, loaded once per process."""
    return load_gazetteer()

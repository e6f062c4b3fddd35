"""Framing codebook: load, validate, compile, and export as a quanteda dictionary.

The codebook is data (``data/frames.yaml``, the pattern language is documented at the
top of that file). :func:`load_codebook` validates it on load: a malformed codebook gives
a :class:`~analysis.errors.CodebookError` naming the file, the frame and the field.

Example:
    >>> cb = load_codebook()
    >>> cb.version, [f.id for f in cb.frames][:2]
    ('2.0.0', ['security_diplomacy', 'soft_power'])
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from importlib import resources
from pathlib import Path
from typing import Iterable

import yaml

from .errors import CodebookError
from .normalize import find_all, normalize_text

__all__ = ["Codebook", "Frame", "Pattern", "load_codebook", "compile_tokens", "parse_pattern",
           "to_quanteda", "quanteda_dictionary", "quanteda_token_regex", "quanteda_r_script",
           "DEFAULT_CODEBOOK", "REQUIRED_FRAMES"]

DEFAULT_CODEBOOK = "frames.yaml"
#: Frame ids the analyses rely on; a codebook may add more.
REQUIRED_FRAMES = ("security_diplomacy", "soft_power", "proactive_intelligence",
                   "collective_security", "trusted_partner", "moroccan_model")

_ID_RE = re.compile(r"^[a-z][a-z0-9_]*$")
_VERSION_RE = re.compile(r"^\d+\.\d+\.\d+$")
# Proclitics: conjunction و/ف, then preposition ب/ك with the article, the contraction لل
# (ل + ال), or a bare preposition ب/ك/ل.
PROCLITICS = "(?:[وف]?(?:[بك]?ال|لل|[بكل])?)"
_MAX_PROCLITIC = 4  # the longest PROCLITICS match (و + ب + ال)
# Pronoun suffixes (ه ها هم هما هن نا ك كم كن ي).
_PRONOUNS = "(?:ه|ها|هم|هما|هن|نا|ك|كم|كن|ي)"
# Between the tokens of a multiword pattern: spaces, or a comma with optional spaces.
SEPARATOR = r"(?:\s*[،,]\s*|\s+)"
# The same, atomic: it always takes every space and the comma up to the next word.
_SEP_ATOMIC = r"(?>\s*[،,]\s*|\s+)"
_OPTIONAL_WORD = "_?"
#: At most this many optional words (``_?``) in one pattern: a run of them is one bounded
#: repetition, but each run multiplies the ways a text is tried at a place a pattern could
#: begin, so the number is kept small.
MAX_OPTIONAL_WORDS = 4
_MODIFIERS = "~#*^"


@dataclass(frozen=True)
class Pattern:
    """One compiled pattern of a frame."""

    frame: str
    pattern_id: str
    source: str
    regex: re.Pattern[str]
    literals: tuple[str, ...]
    context: re.Pattern[str] | None = None
    exclude: re.Pattern[str] | None = None
    anchors: tuple[str, ...] = ()  # literal stems of the first token's alternatives
    # Stems that must occur: one of each group (a group holds a token's alternatives).
    literal_groups: tuple[tuple[str, ...], ...] = ()
    lead: int = _MAX_PROCLITIC  # most characters a match starts before an anchor

    @cached_property
    def _checks(self) -> tuple[tuple[str, ...], ...]:
        # Literal tests, longest stems first: a long stem is usually rarer, so a text
        # without the pattern fails on the first test.
        # In a group, a stem that contains another member adds nothing to the test
        # (انموذج holds نموذج): only the minimal stems are looked for.
        groups = [(lit,) for lit in self.literals] + [
            tuple(a for a in g if not any(b != a and b in a for b in g)) for g in self.literal_groups]
        return tuple(sorted(groups, key=lambda g: -min(map(len, g))))

    def may_match(self, normalized: str, seen: dict[str, bool] | None = None) -> bool:
        """Cheap pre-test: every literal stem of the pattern occurs in the text (for a
        token with alternatives, the stem of one of them).

        ``seen``: answers for this text already known (stem → occurs), shared by the
        patterns of a codebook so that each stem is looked for once."""
        if seen is None:
            seen = {}
        for group in self._checks:
            for lit in group:
                found = seen.get(lit)
                if found is None:
                    found = seen[lit] = lit in normalized
                if found:
                    break
            else:
                return False
        return True

    def finditer(self, text: str):
        """Non-overlapping matches, as ``regex.finditer`` would give them.

        The regex is tried only where a stem of the first token occurs (``str.find``
        runs at memory speed), starting up to ``lead`` characters earlier for the
        proclitics and a verb's prefixes: much faster than scanning every position of a
        long text.
        """
        if not self.anchors:
            yield from self.regex.finditer(text)
            return
        if len(self.anchors) == 1:
            occurrences = find_all(text, self.anchors[0])
        else:
            occurrences = sorted({q for a in self.anchors for q in find_all(text, a)})
        match = self.regex.match
        pos_min = 0
        for q in occurrences:
            if q < pos_min:
                continue
            # Every pattern starts at a word start ((?<!\w)), at most `lead` characters
            # before the stem: the start of the word holding q is the one place to try.
            start, floor = q, q - self.lead
            while start > floor and start > 0 and _is_word_char(text[start - 1]):
                start -= 1
            if start < pos_min or (start > 0 and _is_word_char(text[start - 1])):
                continue
            m = match(text, start)
            if m is not None and m.end() > q:
                yield m
                pos_min = m.end()


def _is_word_char(ch: str) -> bool:
    """What ``\\w`` matches in a str pattern: a Unicode letter or digit, or the underscore."""
    return ch.isalnum() or ch == "_"


@dataclass(frozen=True)
class Frame:
    id: str
    label_en: str
    label_ar: str
    definition: str
    include: tuple[str, ...]
    exclude: tuple[str, ...]
    patterns: tuple[Pattern, ...]
    examples: dict = field(default_factory=dict, compare=False)


@dataclass(frozen=True)
class Codebook:
    version: str
    name: str
    frames: tuple[Frame, ...]
    path: str
    contexts: dict = field(default_factory=dict, compare=False)
    raw: dict = field(default_factory=dict, compare=False, repr=False)
    synonyms: dict = field(default_factory=dict, compare=False)

    @property
    def patterns(self) -> tuple[Pattern, ...]:
        return tuple(p for f in self.frames for p in f.patterns)

    def frame(self, frame_id: str) -> Frame:
        for f in self.frames:
            if f.id == frame_id:
                return f
        raise KeyError(f"no frame {frame_id!r} in codebook {self.path}; frames are "
                       f"{', '.join(f.id for f in self.frames)}")

    def raw_pattern(self, pattern_id: str) -> dict:
        """The pattern's entry as written in the YAML (pattern, context, exclude …)."""
        for fd in self.raw.get("frames", []):
            for pd_ in fd.get("patterns", []):
                if pd_.get("id") == pattern_id:
                    return pd_
        raise KeyError(f"no pattern {pattern_id!r} in codebook {self.path}")

    def labels(self, lang: str = "en") -> dict[str, str]:
        return {f.id: (f.label_en if lang == "en" else f.label_ar) for f in self.frames}

    def table(self):
        """The codebook as a tidy table: one row per pattern."""
        import pandas as pd

        rows = [{"frame": f.id, "label_en": f.label_en, "label_ar": f.label_ar,
                 "pattern_id": p.pattern_id, "pattern": p.source,
                 "context": "yes" if p.context is not None else "",
                 "exclude": "yes" if p.exclude is not None else ""}
                for f in self.frames for p in {q.pattern_id: q for q in f.patterns}.values()]
        return pd.DataFrame(rows)


# --------------------------------------------------------------------------- compiling

def _split_modifiers(alt: str) -> tuple[str, str]:
    mods = ""
    while alt and alt[-1] in _MODIFIERS:
        mods = alt[-1] + mods
        alt = alt[:-1]
    return alt, mods


def _compile_alternative(alt: str, where: str, path: str) -> tuple[str, str, int]:
    """Regex, literal stem and lead of one alternative (e.g. ``وقائي~``).

    The lead is the most characters the alternative may match before its literal stem
    (a verb's person and future prefixes); proclitics are counted separately."""
    alt, mods = _split_modifiers(alt)
    stem = normalize_text(alt).strip()
    if not stem or re.search(r"[^\w]", stem):
        raise CodebookError(path, f"{where}: token {alt + mods!r} must be one word "
                                  f"(letters, optionally ending in ~ # * or ^)")
    if len(set(mods)) != len(mods):
        raise CodebookError(path, f"{where}: modifier repeated in {alt + mods!r}")
    if "^" in mods:
        if mods != "^":
            raise CodebookError(path, f"{where}: '^' cannot be combined with ~ # or * ({alt + mods!r})")
        if not stem.startswith("ي") or len(stem) < 3:
            raise CodebookError(path, f"{where}: a verb token ({alt + mods!r}) is written in the "
                                      f"third-person imperfect, starting with ي (يحتذي^)")
        # Person prefixes ي ت ن ا (the perfect of the derived forms VIII and X is ا + the
        # imperfect stem once normalised: احتذى → احتذي), the future prefix س, plural and
        # dual endings, and an object pronoun.
        endings = r"(?:ون|ان|ين|وا|ن|ت|تا)?"
        if stem.endswith("ي"):
            # A verb with a weak final letter drops it before some endings (احتذت، يقتدون).
            stems = f"(?:{re.escape(stem[1:])}{endings}|{re.escape(stem[1:-1])}(?:ت|تا|وا|ون|ين))"
        else:
            stems = re.escape(stem[1:]) + endings
        body = r"س?[يتنا]" + stems + _PRONOUNS + "?"
        return body, (stem[1:-1] if stem.endswith("ي") else stem[1:]), 2
    if stem.startswith("ال") and len(stem) > 4:
        stem = stem[2:]  # the article is accepted as a proclitic anyway
    if "*" in mods:
        if len(mods) > 1:
            raise CodebookError(path, f"{where}: '*' cannot be combined with ~ or # ({alt + mods!r})")
        return re.escape(stem) + r"\w*", stem, 0
    fem = stem.endswith("ه")
    base = stem[:-1] if fem else stem
    if "~" in mods:
        body = (re.escape(base) + "(?:ه|ات|تان|تين)") if fem else \
            (re.escape(stem) + "(?:ه|ا|ات|ان|ين|ون|تان|تين)?")
    else:
        body = re.escape(stem) + ("" if stem.endswith(("ه", "ا", "ي")) else "ا?")
    if "#" in mods:
        # With a pronoun suffix teh marbuta is written ت (قوة → قوتها).
        with_pronoun = (re.escape(base) + "ت" + _PRONOUNS) if fem else (re.escape(stem) + _PRONOUNS)
        body = f"(?:{body}|{with_pronoun})"
    return body, (base if fem else stem), 0


def _expand_sets(token: str, synonyms: dict, where: str, path: str) -> list[str]:
    """The alternatives of a token, with ``@name`` replaced by the set's members."""
    out: list[str] = []
    for alt in token.split("|"):
        if not alt:
            raise CodebookError(path, f"{where}: empty alternative in token {token!r}")
        if alt.startswith("@"):
            name = alt[1:]
            if name not in synonyms:
                raise CodebookError(path, f"{where}: unknown synonym set {alt!r}; defined: "
                                          f"{', '.join(sorted(synonyms)) or 'none'}")
            out.extend(synonyms[name])
        else:
            out.append(alt)
    return list(dict.fromkeys(out))


@dataclass(frozen=True)
class _Token:
    """One token of a pattern: alternatives (sets expanded), clitics allowed, optional."""

    alternatives: tuple[str, ...]
    clitics: bool = True
    optional: bool = False      # [token]: an optional modifier slot
    any_word: int = 0           # _? … _?: up to this many arbitrary words (alternatives empty)


def parse_pattern(pattern: str, *, synonyms: dict | None = None, where: str = "pattern",
                  path: str = "<codebook>") -> list[list[_Token]]:
    """Parse a pattern into its coordination members, each a list of tokens.

    ``A + B`` gives two members; ``@name`` is replaced by the members of a synonym set;
    ``[X]`` is an optional token; a run of ``_?`` becomes one slot of up to that many words.
    """
    synonyms = synonyms or {}
    n_optional = pattern.split().count(_OPTIONAL_WORD)
    if n_optional > MAX_OPTIONAL_WORDS:
        raise CodebookError(path, f"{where}: {n_optional} optional words ('_?') in {pattern!r}; at "
                                  f"most {MAX_OPTIONAL_WORDS} in one pattern (each multiplies the ways a "
                                  f"text must be tried): split it into several patterns")
    members = [m.strip() for m in pattern.split(" + ")] if " + " in pattern else [pattern.strip()]
    out = []
    for member in members:
        words = member.split()
        if not words:
            raise CodebookError(path, f"{where}: empty pattern" if len(members) == 1 else
                                f"{where}: empty member of a coordination ('A + B')")
        tokens: list[_Token] = []
        for word in words:
            if word == _OPTIONAL_WORD:
                if tokens and tokens[-1].any_word:
                    tokens[-1] = _Token((), any_word=tokens[-1].any_word + 1)
                else:
                    tokens.append(_Token((), any_word=1))
                continue
            optional = word.startswith("[") and word.endswith("]")
            if optional:
                word = word[1:-1]
            if "[" in word or "]" in word or word in ("+", ""):
                raise CodebookError(path, f"{where}: token {word!r}: an optional token is written "
                                          f"[word] and coordination members are separated by ' + '")
            clitics = not word.startswith("=")
            word = word.lstrip("=")
            tokens.append(_Token(tuple(_expand_sets(word, synonyms, where, path)), clitics, optional))
        for end in (tokens[0], tokens[-1]):
            if end.any_word or end.optional:
                raise CodebookError(path, f"{where}: optional words ('_?', '[word]') must stand "
                                          f"between two tokens")
        out.append(tokens)
    return out


def compile_tokens(pattern: str, *, where: str = "pattern", path: str = "<codebook>",
                   synonyms: dict | None = None) -> tuple[str, tuple[str, ...]]:
    """Regex source (the members of a coordination as alternatives, without the
    ``pro`` group) and literal stems of a pattern; see :func:`_compile_member`.

    Example:
        >>> import re
        >>> rx, lits = compile_tokens("قوه# ناعم~")
        >>> bool(re.search(rx, "وكقوه ناعمه"))
        True
    """
    members = parse_pattern(pattern, synonyms=synonyms, where=where, path=path)
    compiled = [_compile_member(m, where=where, path=path) for m in members]
    if len(compiled) == 1:
        return compiled[0][0], compiled[0][1]
    regex = "|".join("(?:" + c[0].replace("(?P<pro>", "(?:") + ")" for c in compiled)
    return regex, ()


def _compile_member(tokens: list[_Token], *, where: str = "pattern", path: str = "<codebook>"):
    """Compile one member of a pattern to a regex over normalised text.

    Returns ``(regex_source, literals, anchors, literal_groups, lead)``: ``literals`` are
    stems that must all occur in a text for the pattern to match, ``literal_groups`` the
    stems of tokens with alternatives (one of each group must occur), ``anchors`` the
    stems of the first token (where a match can begin) and ``lead`` the most characters a
    match can start before an anchor; all serve as fast pre-tests. The first token's
    proclitics are captured in the group ``pro`` (used to merge coordinated markers).

    Every token is an atomic group that ends at a word boundary and every separator is
    atomic, so a token matches in at most one way from a given position: the only choices
    the regex engine can revisit are the optional slots, a fixed number per pattern, and
    matching runs in time linear in the text.
    """
    parts: list[str] = []
    literals: list[str] = []
    groups: list[tuple[str, ...]] = []
    anchors: tuple[str, ...] = ()
    lead = 0
    last = len(tokens) - 1
    for i, token in enumerate(tokens):
        if token.any_word:
            # Possessive word and atomic separator: each repetition has one way to match.
            parts.append(r"(?:\w++" + _SEP_ATOMIC + "){0,%d}" % token.any_word)
            continue
        compiled = [_compile_alternative(a, where, path) for a in token.alternatives]
        body = compiled[0][0] if len(compiled) == 1 else "(?:" + "|".join(c[0] for c in compiled) + ")"
        stems = tuple(dict.fromkeys(c[1] for c in compiled))
        if not token.optional:
            if len(stems) == 1:
                literals.append(stems[0])
            else:
                groups.append(stems)
        pro = PROCLITICS if token.clitics else ""
        if i == 0:
            anchors = stems
            lead = (_MAX_PROCLITIC if token.clitics else 0) + max(c[2] for c in compiled)
            pro = f"(?P<pro>{pro})"
        atom = "(?>" + pro + body + r"(?!\w))"
        if token.optional:
            parts.append("(?:" + atom + _SEP_ATOMIC + ")?")
        elif i < last:
            parts.append(atom + _SEP_ATOMIC)
        else:
            parts.append(atom)
    regex = r"(?<!\w)" + "".join(parts)
    return regex, tuple(dict.fromkeys(literals)), anchors, tuple(dict.fromkeys(groups)), lead


def _compile_list(items, contexts: dict, where: str, path: str,
                  synonyms: dict | None = None) -> re.Pattern[str] | None:
    """A context or exclusion list: any of its tokens (``@name``: a context list or a
    synonym set) anywhere in the sentence."""
    if items is None:
        return None
    if not isinstance(items, list) or not items:
        raise CodebookError(path, f"{where}: must be a non-empty list of tokens")
    sources = []
    for item in items:
        if not isinstance(item, str) or not item.strip():
            raise CodebookError(path, f"{where}: entries must be non-empty strings, got {item!r}")
        for tok in _list_items(item, contexts, synonyms or {}, where, path):
            sources.append(compile_tokens(tok, where=f"{where} ({item})" if item != tok else where,
                                          path=path, synonyms=synonyms)[0])
    # Named groups would clash inside one alternation; the context test needs none.
    cleaned = [s.replace("(?P<pro>", "(?:") for s in sources]
    return re.compile("|".join(cleaned))


def _list_items(item: str, contexts: dict, synonyms: dict, where: str, path: str) -> list[str]:
    """The tokens an entry of a context list stands for (``@name`` expanded)."""
    if not item.startswith("@"):
        return [item]
    name = item[1:]
    if name in contexts:
        return list(contexts[name])
    if name in synonyms:
        return list(synonyms[name])
    raise CodebookError(path, f"{where}: unknown context list {item!r}; defined: "
                              f"{', '.join(sorted(set(contexts) | set(synonyms))) or 'none'}")


# --------------------------------------------------------------------------- loading

def _require(d: dict, key: str, kind, where: str, path: str, *, optional: bool = False):
    if key not in d or d[key] is None:
        if optional:
            return None
        raise CodebookError(path, f"{where}: missing field {key!r}")
    value = d[key]
    if not isinstance(value, kind):
        kinds = kind.__name__ if isinstance(kind, type) else "/".join(k.__name__ for k in kind)
        raise CodebookError(path, f"{where}: field {key!r} must be {kinds}, "
                                  f"not {type(value).__name__} ({value!r})")
    if isinstance(value, str) and not value.strip():
        raise CodebookError(path, f"{where}: field {key!r} is empty")
    return value


def load_codebook(path: str | Path | None = None) -> Codebook:
    """Load and validate a codebook (default: the one shipped with the package).

    Args:
        path: a YAML codebook; ``None`` for the packaged ``frames.yaml``.

    Raises:
        CodebookError: naming the file, the frame and the field at fault.
    """
    if path is None:
        ref = resources.files("analysis") / "data" / DEFAULT_CODEBOOK
        text = ref.read_text(encoding="utf-8")
        path_s = str(ref)
    else:
        path_s = str(path)
        try:
            text = Path(path).read_text(encoding="utf-8")
        except FileNotFoundError:
            raise CodebookError(path_s, "no such file") from None
        except UnicodeDecodeError as exc:
            raise CodebookError(path_s, f"not valid UTF-8 ({exc.reason})") from None
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise CodebookError(path_s, f"not valid YAML ({getattr(exc, 'problem', exc)})",
                            line=None if mark is None else mark.line + 1) from None
    if not isinstance(data, dict):
        raise CodebookError(path_s, "the codebook must be a mapping with version and frames")
    version = str(_require(data, "version", (str, int, float), "codebook", path_s))
    if not _VERSION_RE.match(version):
        raise CodebookError(path_s, f"codebook: field 'version' must look like 1.2.0, not {version!r}")
    name = _require(data, "name", str, "codebook", path_s, optional=True) or Path(path_s).stem
    contexts = _require(data, "contexts", dict, "codebook", path_s, optional=True) or {}
    for cname, toks in contexts.items():
        if not isinstance(toks, list) or not all(isinstance(t, str) and t.strip() for t in toks):
            raise CodebookError(path_s, f"contexts.{cname}: must be a list of tokens")
    synonyms = _require(data, "synonyms", dict, "codebook", path_s, optional=True) or {}
    for sname, members in synonyms.items():
        if not isinstance(members, list) or not members or \
                not all(isinstance(t, str) and t.strip() for t in members):
            raise CodebookError(path_s, f"synonyms.{sname}: must be a non-empty list of words")
        for t in members:
            if len(t.split()) != 1 or t.startswith(("@", "=", "[")) or "|" in t:
                raise CodebookError(path_s, f"synonyms.{sname}: member {t!r} must be one word "
                                            f"(with ~ # * or ^), not a phrase, set or alternative")
            _compile_alternative(t, f"synonyms.{sname}", path_s)
        if sname in contexts:
            raise CodebookError(path_s, f"synonyms.{sname}: the name is also a context list")
    frames_data = _require(data, "frames", list, "codebook", path_s)
    if not frames_data:
        raise CodebookError(path_s, "codebook: field 'frames' is empty")
    frames, seen_frames, seen_patterns = [], set(), set()
    for k, fd in enumerate(frames_data):
        if not isinstance(fd, dict):
            raise CodebookError(path_s, f"frames[{k}]: must be a mapping")
        fid = _require(fd, "id", str, f"frames[{k}]", path_s)
        where = f"frame {fid!r}"
        if not _ID_RE.match(fid):
            raise CodebookError(path_s, f"{where}: field 'id' must be snake_case ascii")
        if fid in seen_frames:
            raise CodebookError(path_s, f"{where}: duplicate frame id")
        seen_frames.add(fid)
        label_en = _require(fd, "label_en", str, where, path_s)
        label_ar = _require(fd, "label_ar", str, where, path_s)
        definition = _require(fd, "definition", str, where, path_s)
        include = _require(fd, "include", list, where, path_s)
        exclude = _require(fd, "exclude", list, where, path_s, optional=True) or []
        patterns_data = _require(fd, "patterns", list, where, path_s)
        if not patterns_data:
            raise CodebookError(path_s, f"{where}: field 'patterns' is empty")
        patterns = []
        for j, pd_ in enumerate(patterns_data):
            pwhere = f"{where}, patterns[{j}]"
            if not isinstance(pd_, dict):
                raise CodebookError(path_s, f"{pwhere}: must be a mapping with id and pattern")
            pid = _require(pd_, "id", str, pwhere, path_s)
            pwhere = f"{where}, pattern {pid!r}"
            if pid in seen_patterns:
                raise CodebookError(path_s, f"{pwhere}: duplicate pattern id")
            seen_patterns.add(pid)
            unknown = set(pd_) - {"id", "pattern", "context", "exclude", "note"}
            if unknown:
                raise CodebookError(path_s, f"{pwhere}: unknown field(s) {sorted(unknown)}")
            source = _require(pd_, "pattern", str, pwhere, path_s)
            members = parse_pattern(source, synonyms=synonyms, where=f"{pwhere}, field 'pattern'", path=path_s)
            p_context = _compile_list(pd_.get("context"), contexts, f"{pwhere}, field 'context'", path_s, synonyms)
            p_exclude = _compile_list(pd_.get("exclude"), contexts, f"{pwhere}, field 'exclude'", path_s, synonyms)
            # A coordination (A + B) is one pattern whose members are found on their own;
            # adjacent members joined by و or a comma are merged by the counting rules.
            for member in members:
                regex_src, literals, anchors, groups, lead = _compile_member(
                    member, where=f"{pwhere}, field 'pattern'", path=path_s)
                try:
                    regex = re.compile(regex_src)
                except re.error as exc:  # pragma: no cover - the compiler escapes everything
                    raise CodebookError(path_s, f"{pwhere}: field 'pattern' does not compile ({exc})") from None
                patterns.append(Pattern(fid, pid, source, regex, literals, p_context, p_exclude,
                                        anchors, groups, lead))
        examples = _require(fd, "examples", dict, where, path_s, optional=True) or {}
        for kind in ("positive", "negative"):
            for e, ex in enumerate(examples.get(kind) or []):
                if not isinstance(ex, dict) or not isinstance(ex.get("text"), str):
                    raise CodebookError(path_s, f"{where}: field 'examples.{kind}[{e}]' needs a text")
        frames.append(Frame(fid, label_en, label_ar, definition, tuple(include), tuple(exclude),
                            tuple(patterns), examples))
    return Codebook(version, name, tuple(frames), path_s, contexts, data, synonyms)


#: Name of the top-level key of the quanteda export that holds the sentence conditions.
QUANTEDA_CONDITIONS_KEY = "sentence_conditions"
#: Sub-key of a frame in the quanteda export for its patterns without conditions.
QUANTEDA_ALWAYS_KEY = "always"
#: A token regex for the optional word ``_?`` (any token; punctuation is removed first).
QUANTEDA_ANY_TOKEN = "^.+$"


def quanteda_token_regex(alternatives: Iterable[str], *, clitics: bool = True) -> str:
    """One token of a pattern as a regex over a whole quanteda token (anchored ^…$):
    the optional proclitic and article group, then the alternatives with their
    inflection suffixes, as the Python matcher compiles them (ICU and Python syntax)."""
    bodies = [_compile_alternative(a, "quanteda export", "<codebook>")[0] for a in alternatives]
    body = bodies[0] if len(bodies) == 1 else "(?:" + "|".join(bodies) + ")"
    return "^" + (PROCLITICS if clitics else "") + body + "$"


def _member_sequences(tokens: list[_Token]) -> list[str]:
    """The quanteda sequences (space-separated token regexes) a pattern member stands for:
    ``_?`` and ``[word]`` are expanded to the variants with and without the word(s)."""
    variants: list[list[str]] = [[]]
    for token in tokens:
        if token.any_word:
            options = [[QUANTEDA_ANY_TOKEN] * n for n in range(token.any_word + 1)]
        else:
            rx = quanteda_token_regex(token.alternatives, clitics=token.clitics)
            options = [[rx], []] if token.optional else [[rx]]
        variants = [v + o for v in variants for o in options]
    return list(dict.fromkeys(" ".join(v) for v in variants))


def quanteda_dictionary(codebook: Codebook) -> dict:
    """The codebook as a nested quanteda dictionary (plain dict; see :func:`to_quanteda`).

    ``{frame: {"always": [sequences], pattern_id: [sequences], ...}, "sentence_conditions":
    {pattern_id: {"context": [...], "exclude": [...]}}}``: a pattern with a context or an
    exclusion gets its own sub-key, to be counted only in sentences that meet its
    condition.
    """
    out: dict = {}
    conditions: dict = {}
    for frame in codebook.frames:
        keys: dict[str, list[str]] = {}
        for p in frame.patterns:
            conditional = p.context is not None or p.exclude is not None
            key = p.pattern_id if conditional else QUANTEDA_ALWAYS_KEY
            members = parse_pattern(p.source, synonyms=codebook.synonyms)
            for seq in (s for m in members for s in _member_sequences(m)):
                if seq not in keys.setdefault(key, []):
                    keys[key].append(seq)
            if conditional and p.pattern_id not in conditions:
                spec = codebook.raw_pattern(p.pattern_id)
                cond = {}
                for field_name in ("context", "exclude"):
                    if spec.get(field_name):
                        seqs = []
                        for item in spec[field_name]:
                            for tok in _list_items(item, codebook.contexts, codebook.synonyms, "", codebook.path):
                                for m in parse_pattern(tok, synonyms=codebook.synonyms):
                                    seqs.extend(s for s in _member_sequences(m) if s not in seqs)
                        cond[field_name] = seqs
                conditions[p.pattern_id] = cond
        if QUANTEDA_ALWAYS_KEY in keys:  # "always" first, then the conditional keys
            keys = {QUANTEDA_ALWAYS_KEY: keys.pop(QUANTEDA_ALWAYS_KEY), **keys}
        out[frame.id] = keys
    if conditions:
        out[QUANTEDA_CONDITIONS_KEY] = conditions
    return out


QUANTEDA_HEADER = """\
# quanteda dictionary exported from {file}: codebook {name} {version}
# (python -m analysis codebook --quanteda FILE). Load and apply it with the R functions in
# apply_quanteda.R (written beside this file), or by hand:
#
#   1. Normalise the text exactly as the Python matcher does, BEFORE tokenising: Unicode
#      NFKC; delete diacritics (U+064B-U+065F, U+0670), tatweel (U+0640) and bidi and
#      zero-width controls; alef forms (U+0623 U+0625 U+0622 U+0671) -> U+0627; alef
#      maksura U+0649 -> yeh U+064A; teh marbuta U+0629 -> heh U+0647.
#      (normalise_arabic() in apply_quanteda.R.)
#   2. Tokenise without punctuation (a comma may stand between the words of a phrase):
#      toks <- tokens(corpus_reshape(corp, to = "sentences"), remove_punct = TRUE)
#   3. Every value is a regular expression over one whole token (^...$), with the optional
#      proclitics (wa-, fa-, bi-, ka-, li-) and the article, and the inflection suffixes;
#      a value with spaces is a sequence of tokens, one regex each. Use
#      tokens_lookup(toks, dict, valuetype = "regex", levels = 1:2); dfm_lookup() on a dfm
#      cannot see sequences.
#   4. Keys: <frame>.{always} counts wherever it matches. <frame>.<pattern_id> counts only in
#      a sentence that matches {conditions}.<pattern_id>.context (any value)
#      and none of {conditions}.<pattern_id>.exclude: quanteda cannot test a
#      sentence, so apply the conditions per sentence (frame_counts() does), and never count
#      the {conditions} key itself as a frame.
#
# Known differences from the Python matcher (python -m analysis export): adjacent
# realisations of a frame joined by wa- or a comma are one marker there and two here;
# matches in pull quotes and page chrome are excluded from its counts and counted here;
# two matches of one frame that overlap without one holding the other count once there
# and twice here (a match nested in a longer one of the same frame counts once in both,
# when the frame's values are looked up as one key, as frame_counts() does).
"""


def to_quanteda(codebook: Codebook) -> str:
    """The codebook as a quanteda YAML dictionary of regular expressions, with a header
    of comments saying how to load and apply it.

    Example:
        >>> import yaml
        >>> d = yaml.safe_load(to_quanteda(load_codebook()))
        >>> d["soft_power"]["always"][0].split()[0].startswith("^")
        True
    """
    header = QUANTEDA_HEADER.format(file=Path(codebook.path).name, name=codebook.name,
                                    version=codebook.version, always=QUANTEDA_ALWAYS_KEY,
                                    conditions=QUANTEDA_CONDITIONS_KEY)
    body = yaml.safe_dump(quanteda_dictionary(codebook), allow_unicode=True, sort_keys=False,
                          width=1000, default_flow_style=False)
    return header + "\n" + body


#: The R functions that apply the export (shipped in the package, written beside it).
QUANTEDA_R_SCRIPT = "apply_quanteda.R"


def quanteda_r_script() -> str:
    """Text of ``apply_quanteda.R``: normalisation and per-sentence counting in R."""
    return (resources.files("analysis") / "data" / QUANTEDA_R_SCRIPT).read_text(encoding="utf-8")

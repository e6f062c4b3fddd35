"""Framing codebook: load, validate, compile, and export as a quanteda dictionary.

The codebook is data (``data/frames.yaml``, the pattern language is documented at the
top of that file). :func:`load_codebook` validates it on load: a malformed codebook gives
a :class:`~analysis.errors.CodebookError` naming the file, the frame and the field.

Example:
    >>> cb = load_codebook()
    >>> cb.version, [f.id for f in cb.frames][:2]
    ('1.0.0', ['security_diplomacy', 'soft_power'])
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from importlib import resources
from pathlib import Path

import yaml

from .errors import CodebookError
from .normalize import find_all, normalize_text

__all__ = ["Codebook", "Frame", "Pattern", "load_codebook", "compile_tokens", "to_quanteda",
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
# Atomic, like each token (see _compile_tokens): there is only one way to match it.
SEPARATOR = r"(?>\s*[،,]\s*|\s+)"
_OPTIONAL_WORD = "_?"
#: At most this many optional words (``_?``) in one pattern: each can be there or not,
#: so a text may be tried in up to 2 ** n ways at each place a pattern could begin.
MAX_OPTIONAL_WORDS = 4
_MODIFIERS = "~#*"


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

    @cached_property
    def _checks(self) -> tuple[tuple[str, ...], ...]:
        # Literal tests, longest stems first: a long stem is usually rarer, so a text
        # without the pattern fails on the first test.
        groups = [(lit,) for lit in self.literals] + list(self.literal_groups)
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
        runs at memory speed), starting up to four characters earlier for the
        proclitics: much faster than scanning every position of a long text.
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
            for back in range(_MAX_PROCLITIC, -1, -1):  # leftmost start first, as finditer would
                start = q - back
                if start < pos_min:
                    continue
                m = match(text, start)
                if m is not None and m.end() > q:
                    yield m
                    pos_min = m.end()
                    break


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

    @property
    def patterns(self) -> tuple[Pattern, ...]:
        return tuple(p for f in self.frames for p in f.patterns)

    def frame(self, frame_id: str) -> Frame:
        for f in self.frames:
            if f.id == frame_id:
                return f
        raise KeyError(f"no frame {frame_id!r} in codebook {self.path}; frames are "
                       f"{', '.join(f.id for f in self.frames)}")

    def labels(self, lang: str = "en") -> dict[str, str]:
        return {f.id: (f.label_en if lang == "en" else f.label_ar) for f in self.frames}

    def table(self):
        """The codebook as a tidy table: one row per pattern."""
        import pandas as pd

        rows = [{"frame": f.id, "label_en": f.label_en, "label_ar": f.label_ar,
                 "pattern_id": p.pattern_id, "pattern": p.source,
                 "context": "yes" if p.context is not None else ""}
                for f in self.frames for p in f.patterns]
        return pd.DataFrame(rows)


# --------------------------------------------------------------------------- compiling

def _compile_alternative(alt: str, where: str, path: str) -> tuple[str, str]:
    """Regex and literal stem of one alternative (e.g. ``وقائي~``)."""
    mods = ""
    while alt and alt[-1] in _MODIFIERS:
        mods = alt[-1] + mods
        alt = alt[:-1]
    stem = normalize_text(alt).strip()
    if not stem or re.search(r"[^\w]", stem):
        raise CodebookError(path, f"{where}: token {alt + mods!r} must be one word "
                                  f"(letters, optionally ending in ~ # or *)")
    if stem.startswith("ال") and len(stem) > 4:
        stem = stem[2:]  # the article is accepted as a proclitic anyway
    if "*" in mods:
        if len(mods) > 1:
            raise CodebookError(path, f"{where}: '*' cannot be combined with ~ or # ({alt + mods!r})")
        return re.escape(stem) + r"\w*", stem
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
    return body, (base if fem else stem)


def compile_tokens(pattern: str, *, where: str = "pattern", path: str = "<codebook>") -> tuple[str, tuple[str, ...]]:
    regex, literals, _, _ = _compile_tokens(pattern, where=where, path=path)
    return regex, literals


def _compile_tokens(pattern: str, *, where: str = "pattern", path: str = "<codebook>"):
    """Compile a pattern of the codebook language to a regex over normalised text.

    Returns ``(regex_source, literals, anchors, literal_groups)``: ``literals`` are stems
    that must all occur in a text for the pattern to match, ``literal_groups`` the stems
    of tokens with alternatives (one of each group must occur), ``anchors`` the stems of
    the first token (where a match can begin); all three serve as fast pre-tests. The
    first token's proclitics are captured in the group ``pro`` (used to merge
    coordinated markers). :func:`compile_tokens` returns the first two.

    Example:
        >>> import re
        >>> rx, lits = compile_tokens("قوه# ناعم~")
        >>> bool(re.search(rx, "وكقوه ناعمه"))
        True
    """
    tokens = pattern.split()
    if not tokens:
        raise CodebookError(path, f"{where}: empty pattern")
    if tokens[0] == _OPTIONAL_WORD or tokens[-1] == _OPTIONAL_WORD:
        raise CodebookError(path, f"{where}: the optional word '_?' must stand between two tokens")
    n_optional = tokens.count(_OPTIONAL_WORD)
    if n_optional > MAX_OPTIONAL_WORDS:
        raise CodebookError(path, f"{where}: {n_optional} optional words ('_?') in {pattern!r}; at "
                                  f"most {MAX_OPTIONAL_WORDS} in one pattern (each multiplies the ways a "
                                  f"text must be tried): split it into several patterns")
    # Every construct matches in one way only, so that no text makes the regex engine
    # try exponentially many: each token is an atomic group that ends at the end of its
    # word (a token always spans one whole word, so committing to the first way it
    # matches loses nothing), the optional word is possessive, and a run of optional
    # words is one bounded repetition (`_? _?` is "up to two words").
    parts: list[str] = []
    literals: list[str] = []
    groups: list[tuple[str, ...]] = []
    anchors: tuple[str, ...] = ()
    optional_run = 0
    for i, token in enumerate(tokens):
        if token == _OPTIONAL_WORD:
            optional_run += 1
            continue
        if optional_run:
            parts.append(r"(?:\w++" + SEPARATOR + f"){{0,{optional_run}}}")
            optional_run = 0
        clitics = not token.startswith("=")
        token = token.lstrip("=")
        alternatives = [a for a in token.split("|")]
        if any(not a for a in alternatives):
            raise CodebookError(path, f"{where}: empty alternative in token {token!r}")
        compiled = [_compile_alternative(a, where, path) for a in alternatives]
        body = compiled[0][0] if len(compiled) == 1 else "(?:" + "|".join(c[0] for c in compiled) + ")"
        if len(compiled) == 1:
            literals.append(compiled[0][1])
        else:
            groups.append(tuple(dict.fromkeys(c[1] for c in compiled)))
        if i == 0:
            anchors = tuple(dict.fromkeys(c[1] for c in compiled))
        pro = PROCLITICS if clitics else ""
        if i == 0:
            pro = f"(?P<pro>{pro})"
        parts.append(f"(?>{pro}{body}(?!\\w))")
        if i < len(tokens) - 1:
            parts.append(SEPARATOR)
    # An optional word carries its own trailing separator: token SEP (word SEP){0,n} token.
    regex = r"(?<!\w)" + "".join(parts) + r"(?!\w)"
    return regex, tuple(dict.fromkeys(literals)), anchors, tuple(dict.fromkeys(groups))


def _compile_list(items, contexts: dict, where: str, path: str) -> re.Pattern[str] | None:
    if items is None:
        return None
    if not isinstance(items, list) or not items:
        raise CodebookError(path, f"{where}: must be a non-empty list of tokens")
    sources = []
    for item in items:
        if not isinstance(item, str) or not item.strip():
            raise CodebookError(path, f"{where}: entries must be non-empty strings, got {item!r}")
        if item.startswith("@"):
            name = item[1:]
            if name not in contexts:
                raise CodebookError(path, f"{where}: unknown context list {item!r}; defined: "
                                          f"{', '.join(sorted(contexts)) or 'none'}")
            for tok in contexts[name]:
                sources.append(compile_tokens(tok, where=f"{where} ({item})", path=path)[0])
        else:
            sources.append(compile_tokens(item, where=where, path=path)[0])
    # Named groups would clash inside one alternation; the context test needs none.
    cleaned = [s.replace("(?P<pro>", "(?:") for s in sources]
    return re.compile("|".join(cleaned))


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
            regex_src, literals, anchors, groups = _compile_tokens(
                source, where=f"{pwhere}, field 'pattern'", path=path_s)
            try:
                regex = re.compile(regex_src)
            except re.error as exc:  # pragma: no cover - compile_tokens escapes everything
                raise CodebookError(path_s, f"{pwhere}: field 'pattern' does not compile ({exc})") from None
            patterns.append(Pattern(
                fid, pid, source, regex, literals,
                _compile_list(pd_.get("context"), contexts, f"{pwhere}, field 'context'", path_s),
                _compile_list(pd_.get("exclude"), contexts, f"{pwhere}, field 'exclude'", path_s),
                anchors, groups))
        examples = _require(fd, "examples", dict, where, path_s, optional=True) or {}
        for kind in ("positive", "negative"):
            for e, ex in enumerate(examples.get(kind) or []):
                if not isinstance(ex, dict) or not isinstance(ex.get("text"), str):
                    raise CodebookError(path_s, f"{where}: field 'examples.{kind}[{e}]' needs a text")
        frames.append(Frame(fid, label_en, label_ar, definition, tuple(include), tuple(exclude),
                            tuple(patterns), examples))
    return Codebook(version, name, tuple(frames), path_s, contexts, data)


def to_quanteda(codebook: Codebook) -> str:
    """The codebook as a quanteda YAML dictionary (``quanteda::dictionary(file=..., format="YAML")``).

    quanteda matches glob patterns on tokens, so each pattern becomes a glob on the
    normalised form: multiword patterns stay multiword (quanteda's ``phrase``), ``~`` and
    ``*`` become a trailing ``*``, and ``_?`` is dropped. Context conditions cannot be
    expressed in a quanteda dictionary and are listed in a comment.
    """
    lines = [f"# quanteda dictionary exported from {Path(codebook.path).name} "
             f"version {codebook.version}",
             "# Patterns are on normalised Arabic (no diacritics; alef, yaa and teh marbuta "
             "normalised); apply the same normalisation to your tokens."]
    with_context = [p.pattern_id for p in codebook.patterns if p.context is not None]
    if with_context:
        lines.append("# Patterns with a sentence-context condition (not expressible here): "
                     + ", ".join(with_context))
    for frame in codebook.frames:
        lines.append(f"{frame.id}:")
        globs: list[str] = []
        for p in frame.patterns:
            for variant in _expand_alternatives(p.source.split()):
                words = []
                for tok in variant:
                    if tok == _OPTIONAL_WORD:
                        continue
                    tok = tok.lstrip("=")
                    stem = normalize_text(tok.rstrip(_MODIFIERS))
                    if stem.startswith("ال") and len(stem) > 4:
                        stem = stem[2:]
                    words.append(stem + ("*" if any(m in tok for m in "~#*") else ""))
                glob = " ".join(words)
                if glob not in globs:
                    globs.append(glob)
        for g in globs:
            lines.append(f"  - \"{g}\"")
    return "\n".join(lines) + "\n"


def _expand_alternatives(tokens: list[str]) -> list[list[str]]:
    variants: list[list[str]] = [[]]
    for tok in tokens:
        alts = tok.lstrip("=").split("|")
        variants = [v + [a] for v in variants for a in alts]
    return variants

"""The function words of the attribution rules, read from ``data/function_words.yaml``.

The rules compare normalised tokens with small closed classes of words (prepositions,
words of time, continuation particles, relative pronouns …). Those lists are data: they
live in one YAML file, each key a list of words, and :func:`function_words` reads the file
once and returns a mapping from key to frozenset. Each module binds its names from it, so
``mentions.RELATIVES`` or ``cues.THAT`` are frozensets built from named keys.

A malformed file (not a mapping, a key that is not a list of strings, a word listed twice
under one key, a repeated key, a YAML syntax error) raises :class:`GazetteerError` whose
message is one line naming the file and the line.
"""
from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path

import yaml

from ..errors import GazetteerError
from .yamlload import DuplicateKeyError, safe_load

__all__ = ["function_words", "load_function_words", "with_waw", "KEYS_READ"]

# Every key the code reads (filled by :func:`function_words`'s callers through ``W[...]``);
# the tests check that the file has no key outside it and that each one is read.
KEYS_READ: set[str] = set()


def load_function_words(path: str | Path | None = None) -> dict[str, frozenset]:
    """Read a function-word file (default: the package's ``data/function_words.yaml``) and
    return {key: frozenset of words}. Raises :class:`GazetteerError` ("file:line: problem")."""
    if path is None:
        ref = resources.files("analysis") / "data" / "function_words.yaml"
        text, where = ref.read_text(encoding="utf-8"), str(ref)
    else:
        where = str(path)
        text = Path(path).read_text(encoding="utf-8")
    try:
        data = safe_load(text, where)
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except DuplicateKeyError as err:
        raise GazetteerError(where, err.problem.split(" at line")[0], line=err.line) from None
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        problem = " ".join(str(getattr(err, "problem", None) or err).split())
        raise GazetteerError(where, f"not valid YAML: {problem}",
                             line=None if mark is None else mark.line + 1) from None
    if not isinstance(data, dict) or not isinstance(root, yaml.MappingNode):
        raise GazetteerError(where, "expected a mapping of keys to lists of words",
                             line=None if root is None else root.start_mark.line + 1)
    out: dict[str, frozenset] = {}
    for key_node, value_node in root.value:
        key, line = key_node.value, value_node.start_mark.line + 1
        words = data.get(key)
        if not isinstance(words, list) or not words:
            raise GazetteerError(where, f"{key}: expected a non-empty list of words", line=line)
        for item, node in zip(words, value_node.value):
            if not isinstance(item, str) or not item.strip():
                raise GazetteerError(where, f"{key}: {item!r} is not a word", line=node.start_mark.line + 1)
        if len(set(words)) != len(words):
            seen: set = set()
            for item, node in zip(words, value_node.value):
                if item in seen:
                    raise GazetteerError(where, f"{key}: {item!r} is listed twice",
                                         line=node.start_mark.line + 1)
                seen.add(item)
        out[key] = frozenset(words)
    return out


@lru_cache(maxsize=1)
def _package_words() -> dict[str, frozenset]:
    return load_function_words()


class _Words:
    """``W["key"]``: the frozenset of a key of the package's file (read once), recorded in
    :data:`KEYS_READ`; an unknown key is a KeyError naming the file."""

    def __getitem__(self, key: str) -> frozenset:
        words = _package_words()
        if key not in words:
            raise KeyError(f"function_words.yaml has no key {key!r}")
        KEYS_READ.add(key)
        return words[key]

    def keys(self):
        return _package_words().keys()


function_words = _Words()


def with_waw(words) -> frozenset:
    """``words`` with and without the conjunction و glued before them (في، وفي)."""
    return frozenset(f for w in words for f in (w, "و" + w))

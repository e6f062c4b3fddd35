"""YAML for the project's data files (countries.yaml, sources.yaml, cues.yaml).

PyYAML keeps the last of two equal keys in a mapping without a warning, so a second ``LY:``
under ``cities:`` silently drops the first one's cities. :func:`safe_load` is
``yaml.safe_load`` that rejects a duplicate key with one line naming the file and line.
"""
from __future__ import annotations

import yaml

__all__ = ["DuplicateKeyError", "safe_load"]


class DuplicateKeyError(yaml.YAMLError):
    """A mapping of a data file repeats a key."""

    def __init__(self, where: str, line: int, key) -> None:
        self.where, self.line, self.key = where, line, key
        self.problem = f"duplicate key {key!r} at line {line}"
        super().__init__(f"{where}:{line}: duplicate key {key!r}")


class _UniqueKeyLoader(yaml.SafeLoader):
    where = "<yaml>"

    def construct_mapping(self, node, deep=False):
        seen: dict = {}
        if isinstance(node, yaml.MappingNode):
            for key_node, _ in node.value:
                if key_node.tag == "tag:yaml.org,2002:merge":
                    continue
                key = self.construct_object(key_node, deep=True)
                try:
                    first = seen.setdefault(key, key_node.start_mark.line + 1)
                except TypeError:
                    continue  # an unhashable key: the base constructor reports it
                if first != key_node.start_mark.line + 1:
                    raise DuplicateKeyError(self.where, key_node.start_mark.line + 1, key)
        return super().construct_mapping(node, deep=deep)


def safe_load(text: str, where: str = "<yaml>"):
    """``yaml.safe_load`` that raises :class:`DuplicateKeyError` ("file:line: duplicate key
    'LY'") when a mapping repeats a key."""
    loader = _UniqueKeyLoader(text)
    loader.where = str(where)
    try:
        return loader.get_single_data()
    finally:
        loader.dispose()

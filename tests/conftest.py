"""Shared fixtures. Tests that need ../shared/corpora skip, with the reason, when it is absent."""
from __future__ import annotations

import gzip
import json
import os
import shutil
from pathlib import Path

import pytest

os.environ.setdefault("MPLBACKEND", "Agg")

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
VALIDATION = ROOT / "validation"
SHARED_CORPUS = ROOT.parent / "shared" / "corpora" / "saudinewsnet" / "saudinewsnet.jsonl.gz"


@pytest.fixture(scope="session")
def seeds():
    from analysis.corpus import read_corpus

    return read_corpus(SEEDS)


@pytest.fixture(scope="session")
def raw_texts(seeds):
    return {d.doc_id: d.text for d in seeds}


@pytest.fixture
def seeds_copy(tmp_path):
    """A writable copy of the seeds folder, for bad-input tests."""
    target = tmp_path / "corpus"
    shutil.copytree(SEEDS, target)
    return target


@pytest.fixture(scope="session")
def saudinewsnet():
    if not SHARED_CORPUS.exists():
        pytest.skip(f"SaudiNewsNet not found at {SHARED_CORPUS} (only in CI and on the "
                    f"project's machines; a user's clone has no ../shared)")
    return SHARED_CORPUS


def write_jsonl(folder: Path, rows, name: str = "c.jsonl") -> Path:
    """Write ``rows`` (dicts, or raw lines as strings) as a JSONL (``.gz``: gzipped) corpus."""
    path = folder / name
    opener = gzip.open if name.endswith(".gz") else open
    with opener(path, "wt", encoding="utf-8") as fh:
        for r in rows:
            fh.write((r if isinstance(r, str) else json.dumps(r, ensure_ascii=False)) + "\n")
    return path


def profile_events(fn, *args, **kwargs) -> int:
    """How many Python and C function calls and returns ``fn(*args, **kwargs)`` makes: a
    measure of work that does not depend on the machine's speed or load, for tests that
    check how work grows with the input (a quadratic step grows 16-fold when its input
    grows 4-fold, a linear one 4-fold)."""
    import sys

    count = 0

    def count_event(frame, event, arg):
        nonlocal count
        count += 1

    sys.setprofile(count_event)
    try:
        fn(*args, **kwargs)
    finally:
        sys.setprofile(None)
    return count

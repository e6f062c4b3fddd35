"""The held-out frames test sample (validation/frames_test): frozen, without text, and its
released scores reproduced wherever its texts are (``../pages/frames_test/texts``)."""
from __future__ import annotations

import csv
import hashlib
from pathlib import Path

import pandas as pd
import pytest

from analysis.codebook import load_codebook
from analysis.frames_dev import CODING_COLUMNS, DEV_FOLDER, INDEX_COLUMNS, dev_validation

ROOT = Path(__file__).resolve().parents[1]
FOLDER = ROOT / "validation" / "frames_test"
TEXTS = ROOT.parent / "pages" / "frames_test" / "texts"
# SHA-256 of index.csv and frames_coder_a.csv as frozen before the sample was first scored
# (commit eb69d37). A change here is a change of the test sample: document it in its README.
FROZEN = {
    "index.csv": "8f414e5ef39205adcfa0632889a14a318748ead3b1ce3f10f5d2b65cfea71926",
    "frames_coder_a.csv": "1fc509a1de843f99771d7abd50e88330a0962ed5e8ee54b94d76788c2e51bcc0",
}


def _rows(name):
    with (FOLDER / name).open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_sample_is_frozen():
    for name, digest in FROZEN.items():
        assert hashlib.sha256((FOLDER / name).read_bytes()).hexdigest() == digest, name


def test_files_hold_no_text():
    index = _rows("index.csv")
    assert list(index[0]) == list(INDEX_COLUMNS) and len(index) >= 40
    assert {r["source"] for r in index} == {"pages"}
    assert len({r["outlet"] for r in index}) >= 20
    dev_urls = {r["url"] for r in csv.DictReader((DEV_FOLDER / "index.csv").open(encoding="utf-8"))}
    assert not dev_urls & {r["url"] for r in index}            # held out from the development sample
    rows = _rows("frames_coder_a.csv")
    assert list(rows[0]) == list(CODING_COLUMNS)                 # offsets and labels, no text column
    n_chars = {r["doc_id"]: int(r["n_chars"]) for r in index}
    assert all(0 <= int(r["start"]) < int(r["end"]) <= n_chars[r["doc_id"]] for r in rows)
    assert {r["frame"] for r in rows} <= {f.id for f in load_codebook().frames}
    # Notes are the coder's English: no run of Arabic words from the pages.
    assert not any(sum("\u0600" <= ch <= "\u06ff" for ch in r["note"]) > 12 for r in rows)


def test_released_scores_are_reproduced():
    if not TEXTS.exists():
        pytest.skip(f"the test sample's texts are not in {TEXTS} (they are not ours and are not in "
                    f"the repository; rebuild them from the urls, see validation/frames_test/README.md)")
    released = pd.read_csv(FOLDER / "scores.csv")
    for version, path in (("1.1.0", DEV_FOLDER / "frames_1.1.0.yaml"), (load_codebook().version, None)):
        fresh = dev_validation(path, FOLDER, texts=TEXTS)[0].round(3).reset_index(drop=True)
        expected = released[released["codebook"] == version].drop(columns="codebook").reset_index(drop=True)
        pd.testing.assert_frame_equal(fresh, expected, check_dtype=False)


def test_second_coding_holds_no_text_and_covers_its_documents():
    rows = _rows("frames_coder_b.csv")
    assert list(rows[0]) == list(CODING_COLUMNS)
    docs = {r["doc_id"] for r in _rows("coder_b_docs.csv")}
    assert len(docs) >= 20 and {r["doc_id"] for r in rows} <= docs
    assert docs <= {r["doc_id"] for r in _rows("index.csv")}

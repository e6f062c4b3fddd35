"""Robustness on real data: all of SaudiNewsNet (31,030 articles) runs without a crash,
every exported row keeps its offsets, and empty and duplicate texts are reported.
Skipped where ../shared/corpora is absent (a user's clone)."""
import gzip
import json

import pytest

pytestmark = [pytest.mark.corpus, pytest.mark.slow]


def test_whole_corpus(saudinewsnet, tmp_path):
    from analysis.corpus import CorpusReport
    from analysis.pipeline import run

    report = CorpusReport()
    with pytest.warns(Warning):
        tables = run(saudinewsnet, jobs=2, report=report)
    texts = {}
    n_lines = 0
    with gzip.open(saudinewsnet, "rt", encoding="utf-8") as fh:
        for line in fh:
            obj = json.loads(line)
            n_lines += 1
            texts[str(obj["id"])] = obj["text"]
    assert n_lines == 31030
    assert report.n_read + len(report.empty) + len(report.duplicate_texts) + len(report.duplicate_ids) == n_lines
    assert len(report.empty) > 0 and len(report.duplicate_texts) > 0
    assert len(tables["documents"]) == report.n_read
    for r in tables["markers"].itertuples():
        assert texts[r.doc_id][r.start:r.end] == r.match
    for r in tables["attributions"].itertuples():
        assert texts[r.doc_id][r.cue_start:r.cue_end] == r.cue
    assert len(tables["attributions"]) > 10000

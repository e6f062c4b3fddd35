import math

import pandas as pd
import pytest

from analysis import stats
from analysis.attribution import shannon_entropy
from analysis.corpus import Document


def test_frame_counts_include_zeros_and_exclude_pull_quotes():
    docs = pd.DataFrame({"doc_id": ["a", "b"], "outlet": ["A", "B"], "n_words": [1000, 500]})
    markers = pd.DataFrame({"doc_id": ["a", "a", "b"], "outlet": ["A", "A", "B"], "frame": ["f", "f", "f"],
                            "in_pullquote": [False, True, False], "in_chrome": [False, False, False],
                            "role": ["body", "pullquote", "body"]})
    c = stats.frame_counts(markers, docs, ["f", "g"]).set_index(["outlet", "frame"])
    assert c.loc[("A", "f"), "count"] == 1 and c.loc[("A", "f"), "rate_per_1000"] == 1.0
    assert c.loc[("B", "f"), "rate_per_1000"] == 2.0 and c.loc[("B", "g"), "count"] == 0
    c2 = stats.frame_counts(markers, docs, ["f"], include_pullquotes=True).set_index("outlet")
    assert c2.loc["A", "count"] == 2


def test_entropy():
    assert shannon_entropy([5]) == 0.0
    assert shannon_entropy([1, 1]) == pytest.approx(1.0)
    assert shannon_entropy([1, 1, 1, 1]) == pytest.approx(2.0)
    assert shannon_entropy([]) == 0.0


def test_keyness_matches_hand_computation():
    docs = [Document("a", "أمن أمن أمن أمن سلام", {"outlet": "A"}),
            Document("b", "سلام سلام سلام سلام أمن", {"outlet": "B"})]
    k = stats.keyness(docs, min_count=3, stopwords=[]).set_index(["outlet", "word"])
    a, b, n1, n2 = 4, 1, 5, 5
    e1, e2 = n1 * (a + b) / 10, n2 * (a + b) / 10
    g2 = 2 * (a * math.log(a / e1) + b * math.log(b / e2))
    assert k.loc[("A", "امن"), "g2"] == pytest.approx(g2, abs=1e-3)
    assert k.loc[("A", "امن"), "log_ratio"] == pytest.approx(math.log2((4 / 5) / (1 / 5)), abs=1e-3)


def test_attribution_summary_and_top_speakers():
    acts = pd.DataFrame({"outlet": ["A", "A", "A", "B"], "speaker": ["x", "x", "y", "z"],
                         "speaker_type": ["expert", "expert", "anonymous", "media"],
                         "mode": ["direct", "indirect", "indirect", "direct"]})
    s = stats.attribution_summary(acts, ["A", "B"]).set_index("outlet")
    assert s.loc["A", "n_acts"] == 3 and s.loc["A", "n_sources"] == 2
    assert s.loc["A", "share_anonymous"] == pytest.approx(1 / 3, abs=1e-3)
    assert s.loc["B", "diversity_bits"] == 0.0
    top = stats.top_speakers(acts, n=1)
    assert top["speaker"].tolist() == ["x", "z"]


def test_keyness_needs_two_groups():
    docs = [Document("a", "أمن أمن أمن سلام", {"outlet": "A"}), Document("b", "أمن أمن أمن", {"outlet": "A"})]
    assert stats.keyness(docs, min_count=1, stopwords=[]).empty


def test_keyness_shows_surface_forms_and_drops_name_fragments(seeds):
    from analysis.normalize import normalize_text

    labels = {d.doc_id: d.outlet for d in seeds}
    kw = stats.keyness(seeds, labels=labels, min_count=2, top=50, exclude=stats.name_words())
    assert {"surface", "n_tokens"} <= set(kw.columns)
    assert (kw["surface"].map(normalize_text) == kw["word"]).all()   # a raw spelling of the word
    assert "رؤيه" not in set(kw["surface"])                          # as written: رؤية
    assert not {"عبد", "اللطيف", "حموشي"} & set(kw["word"])           # parts of personal names
    with_fragments = stats.keyness(seeds, labels=labels, min_count=2, top=50, exclude=())
    assert "حموشي" in set(with_fragments["word"])                     # the exclusion did it


def test_words_by_role_gives_documents_per_outlet(seeds):
    table = stats.words_by_role(seeds)
    assert (table.groupby("outlet")["n_docs"].nunique() == 1).all()
    assert table.drop_duplicates("outlet")["n_docs"].sum() == len(seeds)


def test_keyness_leaves_out_the_genealogical_connector_and_the_fathers_name():
    # Invented: outlet A names "Khalid son of Faisal" often; "بن" and the father's name are
    # name parts, not what A writes about.
    a = " ".join(["قال خالد بن فيصل إن السوق مستقر."] * 4)
    b = " ".join(["ارتفعت الأسعار في السوق اليوم."] * 4)
    docs = [Document("a", a, {"outlet": "A"}), Document("b", b, {"outlet": "B"})]
    words = set(stats.keyness(docs, min_count=1, top=20, stopwords=[])["word"])
    assert "بن" not in words and "فيصل" not in words
    assert "خالد" in words                                              # the given name stays

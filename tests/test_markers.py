import dataclasses

import pytest

from analysis.codebook import load_codebook
from analysis.corpus import Document
from analysis.markers import MARKER_COLUMNS, _select_longest, find_markers, kwic, markers_frame

from conftest import profile_events

CODEBOOK = load_codebook()
EXAMPLES = [(f.id, kind, ex["text"]) for f in CODEBOOK.frames
            for kind in ("positive", "negative") for ex in f.examples.get(kind) or []]


def _frames_in(text):
    m = find_markers(Document("t", text, {"outlet": "X"}), CODEBOOK)
    return m


@pytest.mark.parametrize("frame,kind,text", EXAMPLES, ids=[f"{f}-{k}-{i}" for i, (f, k, _) in enumerate(EXAMPLES)])
def test_codebook_examples(frame, kind, text):
    m = _frames_in(text)
    assert (frame in set(m["frame"])) is (kind == "positive"), m[["frame", "match"]].values.tolist()


@pytest.mark.parametrize("text,frame,surface", [
    ("وتعتمد المملكة على الدبلوماسيةِ الأمنيةِ في علاقاتها", "security_diplomacy", "الدبلوماسيةِ الأمنيةِ"),
    ("تبنّت الرباط دبلوماسيةً أمنيةً نشطة", "security_diplomacy", "دبلوماسيةً أمنيةً"),
    ("إنها للدبلوماسية الأمنية", "security_diplomacy", "للدبلوماسية الأمنية"),
    ("يعزز المغرب قوّته الناعمة بالأمن", "soft_power", "قوّته الناعمة"),
    ("أصبح المغرب شريكًا موثوقًا", "trusted_partner", "شريكًا موثوقًا"),
    ("أصبح المغرب شريكا موثوقا", "trusted_partner", "شريكا موثوقا"),
    ("بفضل الرصد الاستباقي للخلايا الإرهابية", "proactive_intelligence", "الرصد الاستباقي"),
    ("من أجل الأمـــن الجماعي", "collective_security", "الأمـــن الجماعي"),
    ("تمثل المملكة نموذجًا يحتذى به في التعاون الأمني", "moroccan_model", "نموذجًا يحتذى"),
])
def test_clitics_tanwin_diacritics_tatweel(text, frame, surface):
    m = _frames_in(text)
    row = m[m["frame"] == frame].iloc[0]
    assert row["match"] == surface and text[row["start"]:row["end"]] == surface


def test_coordinated_realisations_are_one_marker():
    text = "يعتمد المغرب المقاربات الوقائية والاستباقية في مواجهة الإرهاب"
    m = _frames_in(text)
    assert m["match"].tolist() == ["الوقائية والاستباقية"]
    assert m["pattern_id"].iloc[0] == "pi_preventive+pi_proactive"
    m = _frames_in("تعتمد الأجهزة الأمنية على الوقاية، والرصد المبكر للتهديدات الإرهابية")
    assert m["match"].tolist() == ["الوقاية، والرصد المبكر"]


def test_longest_match_wins_within_a_frame():
    m = _frames_in("برز الاستخبار الوقائي المغربي في مواجهة الإرهاب")
    assert m["match"].tolist() == ["الاستخبار الوقائي"]
    assert m["pattern_id"].tolist() == ["pi_preventive_intelligence"]


def test_context_conditions():
    assert _frames_in("حملة للوقاية من الأمراض المزمنة")["frame"].tolist() == []
    assert _frames_in("الإجراءات الوقائية ضد الإرهاب")["frame"].tolist() == ["proactive_intelligence"]
    assert _frames_in("منصات دبلوماسية متخصصة للتجارة")["frame"].tolist() == []


def test_seed_markers_keep_offsets_and_flags(seeds, raw_texts):
    m = markers_frame(seeds, CODEBOOK)
    assert list(m.columns) == list(MARKER_COLUMNS)
    assert len(m) > 40
    for r in m.itertuples():
        assert raw_texts[r.doc_id][r.start:r.end] == r.match
    pq = m[m["in_pullquote"]]
    assert pq["doc_id"].unique().tolist() == ["000_507e3ec0494cdcbd"]
    assert set(m["frame"]) == {f.id for f in CODEBOOK.frames}


def test_kwic_is_right_to_left_and_deterministic(seeds):
    m = markers_frame(seeds, CODEBOOK)
    html = kwic(m, frame="soft_power").to_html()
    assert 'dir="rtl"' in html and "القوة الناعمة" in html
    assert html == kwic(m, frame="soft_power").to_html()
    assert "0x" not in repr(kwic(m, frame="soft_power")) and len(kwic(m, frame="soft_power")) == 2


# ---- many matches: work in proportion to them (issue 12, defect 3)

class _Pattern:
    pattern_id = "p"


def test_choosing_the_longest_match_grows_linearly_with_the_matches():
    # n matches and n shorter ones inside them; comparing each with every kept match
    # made the work grow 16-fold for 4 times the matches (8,000 matches: 28 s).
    def matches(n):
        return [(k * 10, k * 10 + 5, _Pattern, "") for k in range(n)] + \
               [(k * 10 + 1, k * 10 + 3, _Pattern, "") for k in range(n)]
    work = [profile_events(_select_longest, matches(n)) for n in (500, 2000)]
    assert work[1] / work[0] < 6, work
    assert _select_longest(matches(3)) == matches(3)[:3]


class _CountingRegex:
    """A compiled regex that counts the characters it is asked to search."""

    def __init__(self, rx):
        self.rx, self.chars = rx, 0

    def search(self, text, *args):
        self.chars += len(text)
        return self.rx.search(text, *args)


def test_a_long_sentence_is_searched_for_its_context_once():
    # One sentence holding n matches of a pattern with a context condition (استباق*
    # counts only in a sentence about security): the sentence used to be searched once
    # per match, n times its length.
    frame = CODEBOOK.frame("proactive_intelligence")
    pattern = next(p for p in frame.patterns if p.source == "استباق*")
    counter = _CountingRegex(pattern.context)
    codebook = dataclasses.replace(CODEBOOK, frames=(dataclasses.replace(
        frame, patterns=(dataclasses.replace(pattern, context=counter),)),))

    def searched(n):
        counter.chars = 0
        text = "في مواجهة الإرهاب" + " خطة استباقية جديدة" * n
        m = find_markers(Document("t", text, {"outlet": "X"}), codebook)
        assert len(m) == n and all(text[r.start:r.end] == r.match for r in m.itertuples())
        return counter.chars

    assert searched(2000) / searched(500) < 6

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


# One invented sentence per pattern of the packaged codebook (none copied from the seeds'
# or the development sample's texts): each pattern's general fact, held on its own.
PATTERN_SENTENCES = {
    "sd_security_diplomacy": "تراهن الرباط على الديبلوماسية الأمنية في علاقاتها",
    "sd_diplomacy_of_security": "يتحدث الباحث عن دبلوماسية الأمن في شمال إفريقيا",
    "sd_security_as_diplomatic_tool": "تستعمل الدولة الأمن ورقة دبلوماسية في المفاوضات",
    "sd_diplomatic_instrument": "صار التعاون الأمني رافعة قوية للعمل الدبلوماسي",
    "sd_foreign_policy_pillar": "أصبح الأمن من ركائز السياسة الخارجية للبلاد",
    "sd_diplomatic_policy_role": "يلعب جهاز الأمن دورا في السياسة الدبلوماسية للدولة",
    "sd_foreign_diplomacy": "برز دور المؤسسة الأمنية في الدبلوماسية الخارجية",
    "sp_soft_power": "تحولت الخبرة الأمنية إلى قوة إقليمية ناعمة",
    "pi_preventive_intelligence": "يعتمد الجهاز على الاستعلام الوقائي",
    "pi_proactive_monitoring": "مكن الرصد الاستباقي من تفكيك الشبكة",
    "pi_proactive": "تتبنى الشرطة مقاربة استباقية",
    "pi_preventive": "اتخذت الأجهزة الأمنية تدابير وقائية",
    "pi_prevention": "تركز الاستراتيجية الأمنية على الوقاية",
    "pi_early_detection": "تعتمد الشرطة على الكشف المبكر",
    "pi_warning_systems": "حدّثت أجهزة الأمن أنظمة الإنذار في الموانئ",
    "pi_foiled_plots": "نجحت السلطات في إفشال هجوم على القطار",
    "pi_averted_threat": "تمنع الشرطة أي تهديد للمدينة",
    "pi_before_execution": "أوقفت الشرطة المتطرفين قبل حدوث أي ضرر",
    "pi_averted_before": "نجحت الأجهزة الأمنية في إفشال مخطط إرهابي جديد قبل تنفيذه",
    "pi_saved_lives": "ساهمت المعلومات الأمنية في إنقاذ مئات الأرواح",
    "cs_collective_security": "دعا الوزير إلى تعزيز الأمن الجماعي في المنطقة",
    "cs_shared_good": "قال الخبير إن الأمن مكسب جماعي للشعوب",
    "cs_no_longer_national": "الأمن لم يعد مسألة وطنية فحسب",
    "cs_joint_structures": "اقترح المسؤول إنشاء آليات أمنية مشتركة",
    "tp_trusted_partner": "باتت المملكة حليفا إقليميا موثوقا",
    "tp_credible_partner": "أصبح المغرب شريكا يتمتع بمصداقية كبيرة",
    "tp_reliable_partner": "يعتبر البلد طرفا جديرا بالثقة",
    "tp_indispensable_partner": "صار المغرب طرفا أساسيا لا غنى عنه",
    "tp_international_trust": "تحظى المؤسسة بالثقة الدولية",
    "tp_growing_trust": "يلقى المغرب ثقة متزايدة من شركائه",
    "tp_renewed_trust": "يمثل الاجتماع تجديد الثقة في المملكة",
    "tp_trust_enjoyed": "تؤكد الزيارة الثقة الكبيرة التي يحظى بها المغرب",
    "tp_object_of_trust": "أصبح المغرب محل ثقة لدى الشركاء",
    "mm_moroccan_model": "يدرس الباحثون المدرسة الأمنية المغربية",
    "mm_model_to_follow": "صارت التجربة مثالا يقتدى به",
    "mm_praised_model": "قدم المغرب نموذجا ناجحا في مكافحة الإرهاب",
    "mm_security_model": "يعتمد المغرب نموذجا أمنيا خاصا به",
    "mm_model_offered": "المغرب يقدم نموذجا للدول الإفريقية",
    "mm_reference_of_security": "باتت الرباط منارة الأمن في القارة",
    "mm_model_in_security": "المغرب نموذج في محاربة الجريمة",
    "mm_best_model": "تعد تجربة المغرب من أنجع النماذج في المنطقة",
    "mm_model_in_morocco_sentence": "يتبنى المغرب نموذجا يقوم على التنسيق بين الأجهزة",
}


@pytest.mark.parametrize("pattern_id,text", PATTERN_SENTENCES.items(), ids=list(PATTERN_SENTENCES))
def test_each_pattern_on_an_invented_sentence(pattern_id, text):
    m = _frames_in(text)
    ids = {i for ids in m["pattern_id"] for i in ids.split("+")}
    assert pattern_id in ids, m[["frame", "pattern_id", "match"]].values.tolist()


def test_every_pattern_has_an_invented_sentence():
    assert {p.pattern_id for p in CODEBOOK.patterns} == set(PATTERN_SENTENCES)


EXCLUSION_SENTENCES = [
    "نقلت الوكالة الخبر عن مصدر موثوق في الوزارة",          # a reliable source, not a partner
    "حضر القائد الجهوي للوقاية المدنية حفل الشرطة",          # civil protection
    "أشاد الوزير بالوقاية الاجتماعية في محاربة التطرف",        # social prevention
    "تتحمل الأسرة والمدرسة مسؤولية مشتركة في التربية",       # a shared duty, not security
    "دخلت المدرسة الابتدائية في المغرب مرحلة جديدة",        # a school, not a model
    "قارن الباحث المغرب بالنموذج الفرنسي في التعليم",        # another country's model
    "أطلق المغرب نموذجا تنمويا جديدا",                       # a non-security model
    "يجب ملء نموذج الطلب قبل السفر إلى المغرب",               # a form to fill in
    "تحدث الوزير عن نموذج إيراني يحتذى به",                  # another state's model
    "أقرت الحكومة خطة لتجنيب البلاد خطر الإفلاس",             # a risk averted, no security actor
    "تربط البلدين علاقات لا غنى عن تطويرها",                 # "indispensable" of no partner
    "نوه الكاتب بالثقة العالية التي تحظى بها المملكة عند شعبها",  # "the kingdom" alone is not Morocco
]


@pytest.mark.parametrize("text", EXCLUSION_SENTENCES)
def test_generalised_patterns_keep_their_exclusions(text):
    assert _frames_in(text)["frame"].tolist() == [], text
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

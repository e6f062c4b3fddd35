"""Unit tests of the round-4 typing fixes, on invented sentences and names. Round 4 was
driven by the system's output on unlabelled SaudiNewsNet articles (outside the test bed),
read by frequency: a fault had to show in several articles before it was fixed."""
import pytest

from analysis.attribution.mentions import _lexicon_base, _phrase_bases
from attribution_cases import acts, one


# ---- 1. a lexicon word's first و or ف is a root letter, not a clitic
# The phrase lists were compared after stripping a first و/ف from both sides, so the sport
# word الفروسية read as the nisba الروسية: every Russian official became a sports body
# (`other`), and الفرنسي، الأوكراني… were exposed to the same collision.
@pytest.mark.parametrize("text, country", [
    ("وأعلنت وزارة الخارجية الروسية مساء السبت أن جولة جديدة من المشاورات ستبدأ بعد العيد.", "RU"),
    ("وقال نائب وزير الطاقة الروسي إن خط الأنابيب سيعمل في الربيع.", "RU"),
    ("وأكد الرئيس الأوكراني أن حكومته ستقدم مشروع الموازنة قريبا.", "UA"),
    ("وأوضح وزير الدفاع الفرنسي أن القوات ستنسحب من القاعدة قبل الصيف.", "FR"),
])
def test_a_nationality_is_not_read_as_a_sport(text, country):
    act = one(text)
    assert (act.speaker_type, act.speaker_country) == ("foreign_official", country)


def test_a_sport_federation_is_still_a_sports_body():
    act = one("وقال رئيس الاتحاد السعودي للفروسية إن البطولة ستقام في موعدها.")
    assert act.speaker_type == "other"


def test_lexicon_words_keep_their_first_letter_and_text_words_read_both_ways():
    assert _lexicon_base("الفروسيه") == "فروسي"
    assert "روسي" in _phrase_bases("الروسيه") and "فروسي" not in _phrase_bases("الروسيه")
    assert "فروسي" in _phrase_bases("والفروسيه")  # و is a conjunction here
    assert "كره" in _phrase_bases("لكره") and "كره" in _phrase_bases("للكره")


# ---- 2. الأستاذ before a name is a courtesy title: the office in the title types the person
@pytest.mark.parametrize("text, typ", [
    ("وقال الأستاذ فهد العلي مساعد المدير العام لشؤون الموظفين إن العمل مستمر.", "official"),
    ("وقال الأستاذ سامر الفارس الرئيس التنفيذي للشركة إن الأرباح ارتفعت.", "other"),
    ("وقال الأستاذ الدكتور سامر الفارس رئيس مجلس إدارة جمعية المزارعين إن الموسم جيد.", "other"),
    # a rank before a field, or a title with no office: an academic speaking as an expert
    ("وقال أستاذ الاقتصاد بجامعة الملك سعود سامر الفارس إن التضخم سينخفض.", "expert"),
    ("وقال الأستاذ الدكتور سامر الفارس إن الموسم جيد.", "expert"),
])
def test_a_courtesy_title_before_a_name(text, typ):
    assert one(text).speaker_type == typ


# ---- 3. وكالة: a news agency, or a state or intergovernmental agency by its field
@pytest.mark.parametrize("text, typ", [
    ("وتوقعت وكالة الطاقة الدولية أن يرتفع استهلاك الغاز هذا الشتاء.", "international_org"),
    ("وقالت وكالة الفضاء الأمريكية إن المسبار أرسل صورا جديدة.", "foreign_official"),
    ("وقالت الوكالة الأمريكية للتنمية الدولية إن المساعدات وصلت إلى الإقليم.", "foreign_official"),
    ("وقالت وكالة وزارة الزراعة لشؤون الثروة السمكية إن موسم الصيد يبدأ غدا.", "official"),
    # news agencies stay media
    ("وقالت وكالة الأنباء الفرنسية إن الطريق أغلق بعد الظهر.", "media"),
    ("وقالت الوكالة الألمانية إن الطريق أغلق بعد الظهر.", "media"),
])
def test_an_agency_is_typed_by_its_field(text, typ):
    assert one(text).speaker_type == typ


def test_a_state_agency_is_no_via_but_a_news_agency_is():
    assert one("وقال مدير المشروع لوكالة التنمية إن العمل بدأ.").via == ""
    assert one("وقال مدير المشروع لوكالة الأنباء الألمانية إن العمل بدأ.").via == "وكالة الأنباء الألمانية"


# ---- 4. states as speakers: names whose first letter reads as a clitic
@pytest.mark.parametrize("text, country", [
    ("وقالت الولايات المتحدة إن المحادثات ستستأنف الشهر المقبل.", "US"),  # و of الولايات
    ("وقالت كوريا الجنوبية إن المحادثات ستستأنف الشهر المقبل.", "KR"),  # ك, not the preposition
    ("وقالت بريطانيا إن المحادثات ستستأنف الشهر المقبل.", "GB"),
    ("وقالت لبنان إن المحادثات ستستأنف الشهر المقبل.", "LB"),
    ("وقالت بغداد إن المحادثات ستستأنف الشهر المقبل.", "IQ"),
])
def test_a_state_named_with_a_clitic_like_letter_speaks(text, country):
    act = one(text)
    assert (act.speaker_type, act.speaker_country) == ("foreign_official", country)


def test_a_preposition_before_a_place_is_still_a_preposition():
    act = one("وقال الوزير بمصر إن المحادثات ستستأنف الشهر المقبل.")
    assert act.speaker.startswith("الوزير")


def test_a_state_named_with_the_article_needs_it():
    # الكاميرون is the state; كاميرون alone is a surname, never the state speaking
    from analysis.attribution.countries import load_countries
    lex = load_countries()
    assert lex.place_at("وقالت الكاميرون ان".split(), 1) == (2, "CM")
    assert lex.place_at("وقال كاميرون ان".split(), 1) is None


# ---- 5. a demonstrative object before the subject: صرح بذلك + the speaker
def test_the_subject_follows_a_demonstrative_object():
    found = acts("ارتفعت درجات الحرارة أمس في المدينة. صرح بذلك المتحدث الرسمي باسم هيئة الأرصاد سامر الفارس.")
    assert len(found) == 1 and found.iloc[0].speaker.startswith("المتحدث الرسمي")
    assert found.iloc[0].speaker_type == "official"


# ---- 6. quotation marks that are not speech: names after prepositions, figures, named houses
@pytest.mark.parametrize("text", [
    "وقال الوزير في لقاء مع «النهار» إن المشروع سيكتمل.",  # the medium after مع
    "وأوضح المدير أن سعر الصندوق يصل إلى «20 ريالا» في الموسم.",  # a figure
    "وذكر تقرير لمؤسسة «نجمة الشرق» أن المبيعات تراجعت.",  # a company named after مؤسسة
    "وقال القائد إن عمليات «درع الجنوب» مستمرة.",  # a plural name noun
])
def test_a_quoted_name_or_figure_is_not_speech(text):
    assert set(acts(text)["mode"]) == {"indirect"}


def test_quoted_words_after_a_verb_or_colon_are_still_speech():
    # a source's own evaluative words after بـ or من stay quoted speech
    assert one("ووصف الوزير القرار بـ«الخطأ الفادح».")["mode"] == "direct"
    assert one("وحذر الخبير من «موجة غلاء قادمة».")["mode"] == "direct"
    assert one("وقال الوزير: «المشروع سيكتمل قبل الصيف».")["mode"] == "direct"
    assert one("وقال الوزير إن «المشروع سيكتمل قبل الصيف».")["mode"] == "direct"


# ---- 7. documents and their authors: a word the lexicons list whole is no ب/ل + noun
@pytest.mark.parametrize("text, speaker, typ", [
    ("وأفاد بيان أصدرته وزارة النقل بأن الطرق ستفتح صباحا.", "وزارة النقل", "official"),
    ("وذكر بيان لوزارة الخارجية الأردنية أن الوفد وصل.", "وزارة الخارجية الأردنية", "foreign_official"),
    ("وذكرت دراسة للبنك الدولي أن النمو سيتباطأ.", "البنك الدولي", "international_org"),
    ("وقالت لجنة الانتخابات إن النتائج تعلن غدا.", "لجنة الانتخابات", "official"),
])
def test_a_document_speaks_for_its_author(text, speaker, typ):
    act = one(text)
    assert (act.speaker, act.speaker_type) == (speaker, typ)


def test_a_noun_after_a_preposition_is_not_the_subject():
    found = acts("أعلنت الشركة أرباحها. وأوضحت في بيان أن المبيعات ارتفعت.")
    assert list(found.speaker) == ["الشركة", "الشركة"]


# ---- 8. review fixes: للـ before a word beginning with ل; فإن after a definite word;
# a written ه in a name says nothing of gender; a quoted phrase with a figure is speech
def test_li_before_a_word_beginning_with_lam():
    act = one("ووفقا للجنة الانتخابات فإن نسبة المشاركة بلغت النصف.")
    assert (act.speaker, act.speaker_type) == ("لجنة الانتخابات", "official")


def test_a_name_ending_in_ha_is_no_feminine_head():
    from analysis.attribution.agreement import speaker_features
    from analysis.attribution.gazetteer import load_gazetteer
    from analysis.attribution.mentions import Resolver
    resolver = Resolver(load_gazetteer())
    assert speaker_features(resolver, "عبدالله الفارس") == ("", "")
    assert speaker_features(resolver, "وجيه الفارس") == ("", "")
    assert speaker_features(resolver, "سلمى الفارسة")[0] != "m"
    assert speaker_features(resolver, "الحكومة") == ("f", "sg")


def test_a_quoted_phrase_holding_a_figure_is_speech():
    assert one("وتعهد الوزير بحل الأزمة «خلال 48 ساعة».")["mode"] == "direct"


def test_li_or_sa_before_a_homograph_is_no_cue_and_no_error():
    # ليعد، سيبلغ: يعد and يبلغ are homographs taken out of the verbs; ل/س before them must
    # not look them up (a KeyError stopped a whole corpus run)
    from analysis.attribution.cues import cue_at
    from analysis.attribution.gazetteer import load_gazetteer
    lex = load_gazetteer().cues
    assert all(f in lex.verbs for f in lex.imperfect)
    assert cue_at(lex, ["ليعد", "الفريق", "خطه"], 0) is None
    acts("وقال المدرب إن اللاعب عاد ليعد نفسه للمباراة، وأضاف أن الفريق جاهز.")

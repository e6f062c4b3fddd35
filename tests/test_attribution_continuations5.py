"""Round 5: continuations and anaphora (invented sentences and names)."""
from analysis.attribution.agreement import contradicts, speaker_features, verb_features
from analysis.attribution.gazetteer import default_gazetteer
from analysis.attribution.mentions import Resolver
from analysis.normalize import normalize_text

from attribution_cases import acts


def _speaker_of(df, cue):
    rows = df[df.cue == cue]
    assert len(rows) == 1, df[["cue", "speaker"]].values.tolist()
    return rows.iloc[0].speaker


# --- gender and number agreement of a subjectless verb with the speaker it continues

def test_features_of_verbs_and_speakers():
    gz = default_gazetteer()
    lex, r = gz.cues, Resolver(gz)
    v = lambda t, k="verb": verb_features(lex, normalize_text(t), k)  # noqa: E731
    assert v("وأضافت") == ("f", "sg") and v("تقول") == ("f", "sg")
    assert v("وأضاف") == ("m", "sg") and v("وأضافوا")[1] == "pl"
    assert v("مشيرة", "participle") == ("f", "sg") and v("مشيرا", "participle") == ("m", "sg")
    assert speaker_features(r, "الهيئة العامة للنقل") == ("f", "sg")
    assert speaker_features(r, "المستثمرين الأجانب") == ("m", "pl")
    assert speaker_features(r, "أسامة الفاضل")[0] == "m"  # a man's name in ة
    assert speaker_features(r, "التوقعات الأولية")[0] == "f"  # a plural of things
    assert contradicts(("m", "sg"), ("f", "sg")) and contradicts(("m", "sg"), ("m", "pl"))
    assert not contradicts(("f", "sg"), ("f", "")) and not contradicts(("m", "sg"), ("", ""))


def test_feminine_continuation_goes_to_the_woman():
    text = ("قالت وزيرة الصحة سلمى الراشد إن المستشفى الجديد سيفتح أبوابه قريبا. "
            "وقال مدير المستشفى كريم العباس إن الأجهزة وصلت من الخارج. "
            "وأضافت أن الكوادر الطبية جاهزة للعمل.")
    assert "سلمى الراشد" in _speaker_of(acts(text), "وأضافت")


def test_masculine_continuation_stays_with_the_man():
    text = ("قالت وزيرة الصحة سلمى الراشد إن المستشفى الجديد سيفتح أبوابه قريبا. "
            "وقال مدير المستشفى كريم العباس إن الأجهزة وصلت من الخارج. "
            "وأضاف أن الكوادر الطبية جاهزة للعمل.")
    assert "كريم العباس" in _speaker_of(acts(text), "وأضاف")


# --- an act inside the content another speaker reports does not become the last speaker

def test_act_inside_reported_content_is_not_continued():
    text = ("وأوضح المجلس البلدي في بيان أنه بعد انتهاء الموسم أكد مسؤول محلي أن الطلب ارتفع على المساكن. "
            "وأضاف أن المشاريع الجديدة ستنطلق في الربيع.")
    assert "المجلس البلدي" in _speaker_of(acts(text), "وأضاف")


def test_coordinated_act_after_the_content_is_continued():
    text = ("وأوضح المجلس البلدي في بيان أن الطلب ارتفع على المساكن، وأكد مسؤول محلي أن الأسعار ستستقر. "
            "وأضاف أن المشاريع الجديدة ستنطلق في الربيع.")
    assert "مسؤول محلي" in _speaker_of(acts(text), "وأضاف")


# --- a phrase "about" fronted before a verb with no subject names the topic

def test_topic_phrase_before_verb_continues_the_speaker():
    text = ("قال التاجر نادر الحربي إن السوق يشهد إقبالا كبيرا هذا الأسبوع. "
            "وحول أسعار الأسماك في موسم الصيد قال لن تنخفض الأسعار قبل دخول الشتاء.")
    df = acts(text)
    assert len(df) == 2 and "نادر الحربي" in df.iloc[1].speaker and df.iloc[1].resolution == "continuation"


def test_topic_phrase_with_its_own_subject():
    text = ("قال التاجر نادر الحربي إن السوق يشهد إقبالا كبيرا هذا الأسبوع. "
            "وحول أسعار الأسماك قال الصياد مرزوق الدهيمي إن الأسعار لن تنخفض.")
    df = acts(text)
    assert list(df.speaker) == ["التاجر نادر الحربي", "الصياد مرزوق الدهيمي"]


# --- a circumstantial participle describes the subject of the verb opening its sentence

def test_participle_after_opening_verb_takes_its_subject():
    text = ("قال مدير البلدية نبيل الراشد إن الطرق الجديدة ستخفف الزحام. "
            "وتفقد وزير النقل هاني السعدون مشروع الطريق الدائري، مؤكدا أن الأشغال تمضي كما خطط لها.")
    assert "هاني السعدون" in _speaker_of(acts(text), "مؤكدا")


def test_participle_after_sentence_opening_with_a_phrase():
    text = ("قال مدير البلدية نبيل الراشد إن الطرق الجديدة ستخفف الزحام. "
            "وفي مشروع الطريق الدائري، تسير الأعمال بسرعة، مؤكدا أن الأشغال تمضي كما خطط لها.")
    assert "نبيل الراشد" in _speaker_of(acts(text), "مؤكدا")

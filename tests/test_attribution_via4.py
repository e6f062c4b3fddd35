"""Via, round 4: general facts of Arabic news about the medium a source's words came
through, found by counting missed vias over unlabelled SaudiNewsNet articles. One fact per
test, each with a case where the rule must not fire; sentences and names are invented."""
from attribution_cases import acts, one


def _via_of(df, cue: str) -> str:
    rows = df[df.cue == cue]
    assert len(rows) == 1, df[["cue", "speaker", "via"]].values.tolist()
    return rows.iloc[0].via


# --- 1. an according-to phrase whose own source spoke to a medium


def test_according_to_a_source_who_spoke_to_a_medium():
    # وفقا لما قاله X لوكالة Y؛ بحسب مصادر تحدثت لـ«Y»: X speaks, Y carried the words
    df = acts("وتأجلت الرحلات إلى الأسبوع المقبل بحسب ما قاله مسؤول في المطار لوكالة النورس للأنباء.")
    assert "النورس" in _via_of(df, "بحسب")
    df = acts("وبحسب مصادر مصرفية تحدثت لـ«الضحى»، فإن البنوك سترفع رسوم التحويل قريبا.")
    assert _via_of(df, "وبحسب") == "الضحى"


def test_according_to_source_keeps_no_medium_of_its_content():
    # far from the source, ل is "of/for" inside the content, and a medium after a comma
    # belongs to the next clause
    df = acts("وارتفعت الصادرات وفقا لمعطيات هيئة التجارة في مجال التصنيف لوسائل الإعلام.")
    assert len(df) == 1
    assert all(v == "" for v in df.via)
    df = acts("وتراجع الطلب حسب ما ذكره مصدر في الغرفة، وذلك قبل أن تنشر صحيفة الضحى أرقامها.")
    assert all(v == "" for v in df.via)


# --- 2. an according-to phrase with a quoted outlet name the lexicon does not know


def test_quoted_name_after_according_to_carries_the_acts_of_its_sentence():
    # fronted: وبحسب «X»، فقد ذكر Y أن …
    df = acts("وبحسب «الضحى»، فقد ذكر وزير المالية نبيل عواد أن العجز تراجع هذا العام.")
    assert _via_of(df, "ذكر") == "الضحى"
    # between the subject and the content: وأوضحت الهيئة بحسب «X» أن …
    df = acts("وأوضحت الهيئة بحسب «الضحى» أن التسجيل سيبدأ مطلع الشهر المقبل.")
    assert _via_of(df, "وأوضحت") == "الضحى"


def test_quoted_name_after_according_to_alone_is_no_media_speaker():
    # with no act in its sentence the quoted name may be any body (بحسب «المنتدى»): it is not
    # made a media speaker
    df = acts("وبحسب «المنتدى»، تراجعت صادرات القمح خلال الربع الأول.")
    assert not (df.speaker_type == "media").any()


# --- 3. a station or a network with ل glued to it is spoken to


def test_a_station_with_a_glued_li_is_the_medium_spoken_to():
    df = acts("وصرح المدرب كرم داوود لمحطة الضحى بأن الفريق جاهز للموسم.")
    assert "الضحى" in _via_of(df, "وصرح")


def test_the_definite_station_after_li_is_no_medium():
    # للمحطة الثانية: a stage of a tour, a power or bus station
    df = acts("واعتبر المحافظ نبيل عواد الافتتاح تتويجا للمحطة الثانية من الجولة.")
    assert all(v == "" for v in df.via)


# --- 4. one of the channels: an unnamed outlet of a named kind


def test_one_of_the_channels_is_a_medium():
    df = acts("وقال المدرب كرم داوود في حديث لإحدى القنوات الفضائية إن الفريق جاهز.")
    assert "القنوات الفضائية" in _via_of(df, "وقال")


def test_some_payment_channels_are_no_medium():
    # an indefinite plural after the quantifier is a construct of another kind (قنوات الدفع)
    df = acts("وأشاد الوزير نبيل عواد بالخدمة الشبيهة لبعض قنوات الدفع الإلكتروني مؤكدا أنها آمنة.")
    assert all(v == "" for v in df.via)

"""Round 9 (speakers): a body's name in quotation marks after its noun, and a person's
name right before quoted words with no colon. All sentences are invented."""
from __future__ import annotations

from analysis.attribution import attribution_records
from analysis.corpus import Document


def _acts(text: str) -> list[tuple[str, str, str]]:
    return [(r["cue"], r["speaker"], r["speaker_type"])
            for r in attribution_records(Document("t", text), home_country="SA")]


def _speaker(text: str, cue: str) -> str:
    return next(s for c, s, _ in _acts(text) if c == cue)


# ---- rule 1: شركة «النور»: the noun and its quoted name are one source

def test_company_keeps_its_quoted_name():
    assert _speaker("وقالت شركة «الواحة الخضراء» إن مبيعاتها ارتفعت هذا الربع.", "وقالت") == \
        "شركة الواحة الخضراء"


def test_group_keeps_its_quoted_name_with_straight_marks():
    assert _speaker('وأعلنت جمعية "أصدقاء البحر" أن حملة التنظيف تبدأ غدا.', "وأعلنت") == \
        "جمعية أصدقاء البحر"


def test_name_after_noun_with_glued_li():
    # the study is named with the company that made it, and the company keeps its name
    assert _speaker("وكشفت دراسة حديثة لشركة «المدار» أن الطلب على الشقق يتراجع.", "وكشفت") == \
        "دراسة حديثة لشركة المدار"


def test_adjective_after_quoted_name_stays_in_the_name():
    assert _speaker("وقالت شركة «المدار» الأردنية إن أرباحها تضاعفت.", "وقالت") == \
        "شركة المدار الأردنية"


def test_object_after_quoted_name_is_not_in_the_name():
    # النقاب is the verb's object (كشف النقاب عن), not a word of the company's name
    assert _speaker("وكشفت شركة «المدار» النقاب عن سيارتها الجديدة في المعرض.", "وكشفت") == \
        "شركة المدار"


def test_quoted_name_makes_the_body_named_not_anonymous():
    # an indefinite body noun alone is an unnamed source; with its quoted name it is named
    acts = _acts("وقالت منظمة «عين الصحراء» إن المساعدات وصلت متأخرة.")
    assert acts[0][1] == "منظمة عين الصحراء" and acts[0][2] != "anonymous"


def test_definite_noun_takes_no_quoted_name():
    # the quotation after a definite noun is the speaker's words, not a name
    assert _speaker("وقال مدير المركز «الوضع ممتاز».", "وقال") == "مدير المركز"


def test_long_quotation_after_body_noun_is_speech():
    # more than five words, or a particle inside: quoted words, not a name
    assert _speaker("وقال رئيس جمعية «إن العمل سيستمر حتى نهاية الشهر».", "وقال") == "رئيس جمعية"


def test_participle_after_quoted_name_finds_the_opening_subject():
    # the quotation marks of the company's name are no quoted words: the participle
    # still describes the subject of the verb that opens the sentence
    acts = _acts("ويرفض نادر الحكيم، المدير العام لمؤسسة «المدار» لتطوير التجارة البحرية، فكرة «بيع» "
                 "الفرع، مشيرا إلى أن الشركة رابحة.")
    assert ("مشيرا", "نادر الحكيم") in [(c, s) for c, s, _ in acts]


def test_purpose_phrase_after_quoted_name_stays_in_the_name():
    assert _speaker("وقالت شركة «المدار» للتأمين إن الأقساط ثابتة.", "وقالت") == "شركة المدار للتأمين"


def test_hotel_noun_with_its_own_fa():
    # فندق begins with ف, which is no conjunction here
    assert _speaker("وقال مدير فندق «الريم» إن الحجوزات كاملة.", "وقال") == "مدير فندق الريم"


def test_unclosed_quotation_is_not_a_name():
    # no closing mark in reach: the speaker's words, not a name
    assert _speaker("وقال رئيس جمعية «العمل مستمر والنتائج ستظهر قريبا جدا للجميع».", "وقال") == \
        "رئيس جمعية"


def test_long_quotation_is_not_a_name():
    # six words, closed: quoted words (a name has at most five)
    assert _speaker("وقال رئيس جمعية «الموسم الجديد يحمل مفاجآت كبيرة للجماهير» في الحفل.", "وقال") == \
        "رئيس جمعية"


def test_named_company_is_not_an_unnamed_source():
    # شركة with a name of no article: named, not «a company» (anonymous)
    acts = _acts("وقالت شركة «دي إف جي» إن الأسعار ستنخفض.")
    assert acts[0][1] == "شركة دي إف جي" and acts[0][2] == "other"


def test_named_organisation_is_not_an_unnamed_source():
    acts = _acts("وقالت منظمة «بيت دافئ» إن المساعدات تأخرت.")
    assert acts[0][1] == "منظمة بيت دافئ" and acts[0][2] != "anonymous"


def test_head_of_named_university_is_no_unnamed_source():
    acts = _acts("وقال مدير جامعة «النخيل» إن التسجيل بدأ أمس.")
    assert acts[0][1] == "مدير جامعة النخيل" and acts[0][2] != "anonymous"


# ---- rule 2: وقال محمد الفارس "…": a name right before the quoted words

def test_given_name_and_surname_before_quote():
    acts = _acts('وقال المدير إن المبنى جاهز. وقال محمد الكناني "الخدمة هنا ممتازة منذ أسابيع".')
    assert acts[1][:2] == ("وقال", "محمد الكناني")


def test_second_word_need_not_be_a_name_word():
    # a surname that is also an ordinary word (صافي "clear", كريم "generous") after a
    # given name
    acts = _acts('وقال المدير إن المبنى جاهز. وقال خالد صافي "الخدمة هنا ممتازة منذ أسابيع".')
    assert acts[1][:2] == ("وقال", "خالد صافي")


def test_noun_and_word_before_quote_is_no_name():
    # two words that do not begin with a given name: the object (a book and its kind)
    text = 'قالت الكاتبة سلمى النجار إن الكتابة علاج. وكتبت رواية قصيرة "البيت الذي لا ينام أبدا".'
    assert all(s != "رواية قصيرة" for _, s, _ in _acts(text))


def test_unknown_word_before_quote_is_no_name():
    # كتبت رواية «…»: a noun that names no one cited opens the object
    text = 'قالت الكاتبة سلمى النجار إن الكتابة علاج. وكتبت رواية "البيت الذي لا ينام أبدا".'
    assert all(s != "رواية" for _, s, _ in _acts(text))


def test_manner_adverb_before_quote_is_no_name():
    text = 'وقال المدرب إن الفريق جاهز. وأضاف ضاحكا "اللاعبون يحبون الفوز كثيرا".'
    assert [s for c, s, _ in _acts(text) if c == "وأضاف"] == ["المدرب"]


def test_short_quoted_term_after_name_is_no_quoted_words():
    # ووصف فلان «الاتفاق» بأنه: a one-word quoted term is the object; the name is not
    # taken from it, and the act goes on to the earlier speaker as before
    text = 'قال المدير سامي الحربي إن الخطة جاهزة. ووصف محمد الكناني «الاتفاق» بأنه تاريخي.'
    assert ("ووصف", "محمد الكناني") not in [(c, s) for c, s, _ in _acts(text)]


def test_quoted_name_of_a_medium_is_read_as_before():
    # a medium's quoted name is the medium's own reading (its adjective is not its name)
    text = "وقال الحارس نادر الحكيم «المباراة كانت صعبة»، في تصريحاته لمجلة «الملعب» الشهرية."
    assert [r["via"] for r in attribution_records(Document("t", text), home_country="SA")] == ["مجلة الملعب"]

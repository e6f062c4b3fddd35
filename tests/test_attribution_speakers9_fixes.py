"""Round 9 (speakers, fixes after review): what follows a body's quoted name (شركة «النور»
…), and when a quotation after a body noun is speech. All sentences are invented."""
from __future__ import annotations

from analysis.attribution import attribution_records
from analysis.corpus import Document
from test_attribution_speakers9 import _acts, _speaker  # (the same readers of the rows)


# ---- a person's name after the body's quoted name is the speaker's own

def test_given_name_after_quoted_name_stays():
    assert _speaker("وقال رئيس شركة «المدار» سامي الحربي إن الأرباح ارتفعت.", "وقال") == \
        "رئيس شركة المدار سامي الحربي"


def test_title_and_name_after_quoted_name_stay():
    assert _speaker("وقال مدير جمعية «الأمل» الدكتور سامي الفارس إن التبرعات زادت.", "وقال") == \
        "مدير جمعية الأمل الدكتور سامي الفارس"


# ---- only an agreeing adjective or a phrase of the body's trade continues it

def test_definite_object_after_quoted_name_is_not_in_the_name():
    assert _speaker("وأكدت منظمة «عين الصحراء» الحاجة إلى المساعدات.", "وأكدت") == "منظمة عين الصحراء"


def test_object_with_its_adjective_is_not_in_the_name():
    acts = _acts("وأعلنت شركة «المدار» الخطة السنوية أمس، وقالت إن الأرباح سترتفع.")
    assert [s for _, s, _ in acts] == ["شركة المدار", "شركة المدار"]


def test_time_word_after_quoted_name_is_not_in_the_name():
    assert _speaker("وقالت شركة «المدار» الليلة الماضية إن الأسعار ثابتة.", "وقالت") == "شركة المدار"


def test_day_after_quoted_name_is_not_in_the_name():
    assert _speaker("وقالت جمعية «الريم» الخميس إن التسجيل مفتوح.", "وقالت") == "جمعية الريم"


def test_addressees_after_quoted_name_are_not_in_the_name():
    assert _speaker("وقالت منظمة «عين الصحراء» للصحفيين إن المساعدات وصلت.", "وقالت") == "منظمة عين الصحراء"
    assert _speaker("وقالت منظمة «عين الصحراء» لرئيس الوزراء إن المساعدات وصلت.", "وقالت") == \
        "منظمة عين الصحراء"


def test_person_addressed_after_quoted_name_is_not_in_the_name():
    assert _speaker("وقالت جمعية «الأمل» لمحمد إن طلبه قبل.", "وقالت") == "جمعية الأمل"


def test_medium_after_quoted_name_is_the_via_not_the_speaker():
    rows = attribution_records(Document("t", "وقال مدير شركة «المدار» للصحيفة إن الطلب ارتفع."),
                               home_country="SA")
    assert (rows[0]["speaker"], rows[0]["via"]) == ("مدير شركة المدار", "الصحيفة")


def test_pronoun_after_li_is_not_in_the_name():
    # لنا: to us, the reporter; a word of the body's trade has a noun after ل
    assert _speaker("وقال مدير شركة «المدار» لنا إن الطلب ارتفع.", "وقال") == "مدير شركة المدار"


def test_time_after_li_is_not_in_the_name():
    assert _speaker("وأكدت جمعية «الأمل» لليوم الثاني أن التبرعات مستمرة.", "وأكدت") == "جمعية الأمل"
    assert _speaker("وأكدت جمعية «الأمل» لليلة الثالثة أن الخيام جاهزة.", "وأكدت") == "جمعية الأمل"


def test_listed_adjective_after_quoted_name_stays():
    # المعارض is no nisba; the list of body adjectives keeps it
    assert _speaker("وقال رئيس حزب «الأمة» المعارض إن الانتخابات نزيهة.", "وقال") == \
        "رئيس حزب الأمة المعارض"


def test_masculine_nisba_after_masculine_noun_stays():
    assert _speaker("وقال مدير مركز «الشفاء» الطبي إن العيادات مفتوحة.", "وقال") == "مدير مركز الشفاء الطبي"


def test_masculine_shape_after_feminine_noun_is_not_its_adjective():
    # الرأي ends in ي but cannot agree with جمعية: the object
    assert _speaker("وأكدت جمعية «النخيل» الرأي نفسه، وقالت إن الحملة نجحت.", "وأكدت") == "جمعية النخيل"


def test_feminine_shape_after_masculine_noun_is_not_its_adjective():
    # القضية ends in ية but cannot agree with حزب: the object
    acts = _acts("وتبنى حزب «الأمة» القضية بالكامل، وقال إن الحكومة مقصرة.")
    assert [s for c, s, _ in acts if c == "وقال"] == ["حزب الأمة"]


# ---- a quotation after an indefinite body noun that is speech, not a name

def test_pronoun_in_quotation_makes_it_speech():
    assert _speaker('وقال رئيس جمعية "نحن مستمرون" في تصريح للصحيفة.', "وقال") == "رئيس جمعية"


def test_quotation_ending_the_sentence_of_a_verb_is_speech():
    assert _speaker("وقال مدير شركة «الأمور تسير جيدا».", "وقال") == "مدير شركة"
    assert _speaker("وقال مدير شركة «الأمور تسير جيدا»", "وقال") == "مدير شركة"  # (no period)


def test_quoted_name_at_sentence_end_of_according_to_stays():
    # بحسب is no verb: the name it introduces may close the sentence
    assert _speaker("وارتفعت الأسعار بحسب شركة «المدار».", "بحسب") == "شركة المدار"


def test_verb_of_an_earlier_clause_does_not_make_a_name_speech():
    # the comma closes the clause of قال: بحسب introduces the company, which ends the sentence
    assert _speaker("وقال إنها ارتفعت، بحسب شركة «المدار».", "بحسب") == "شركة المدار"


def test_particle_in_short_quotation_makes_it_speech():
    assert _speaker("وقال رئيس جمعية «الوضع في تحسن»، مضيفا أن الأعضاء متفائلون.", "وقال") == "رئيس جمعية"


def test_cue_word_in_short_quotation_makes_it_speech():
    assert _speaker("وقال رئيس جمعية «الوضع مقلق وأكد الأعضاء»، مضيفا أن الاجتماع تأجل.", "وقال") == \
        "رئيس جمعية"


def test_anaphor_in_short_quotation_makes_it_speech():
    assert _speaker("وقال رئيس جمعية «المتحدث أخطأ كثيرا»، مضيفا أن الاجتماع تأجل.", "وقال") == "رئيس جمعية"


def test_body_noun_after_conjunction_keeps_its_name():
    assert _speaker("وقالت وزارة التجارة وشركة «المدار» في بيان مشترك إن الأسعار ستنخفض.", "وقالت") == \
        "وزارة التجارة وشركة المدار"


# ---- only bodies: a campaign or a programme is no speaker

def test_given_name_and_comma_before_quote():
    # (rule 2) a comma may stand between the name and the quoted words
    acts = _acts('وقال المدير إن المبنى جاهز. وقال محمد الكناني، "الخدمة هنا ممتازة منذ أسابيع".')
    assert ("وقال", "محمد الكناني") in [(c, s) for c, s, _ in acts]


def test_time_after_li_without_article_is_not_in_the_name():
    assert _speaker("وأكدت جمعية «الأمل» ليوم كامل أن الخيام جاهزة.", "وأكدت") == "جمعية الأمل"


def test_campaign_name_is_not_read_into_the_speaker():
    assert "نبني" not in _speaker("وأشاد الوزير بحملة «معا نبني» الوطنية، وقال إن المشاركة واسعة.", "وقال")


def test_a_text_ending_at_the_names_comma_is_read_without_error():
    # the comma after a name may be the last token of a text (a cut-off caption): nothing
    # follows to open quoted words, so there is no act, and no error
    assert _acts("وقال سامر الفارس،") == []
    assert _acts("وقال سامر،") == []

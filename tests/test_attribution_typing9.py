"""Round 9 (typing): state bodies that news name in full once and then by their head noun
alone; experts introduced by a definite title; on invented sentences and names."""
import pytest

from attribution_cases import acts


# ---- 1. «المؤسسة» after «المؤسسة العامة لـ …» is the public corporation, not a company
PUBLIC = "وافتتحت المؤسسة العامة للنقل البحري مرسى جديدا في الميناء الشرقي. "


@pytest.mark.parametrize("second", [
    "وقال مدير عام المؤسسة سامر الفارس إن المرسى يستقبل عشر سفن.",
    "وأوضح المتحدث باسم المؤسسة سامر الفارس أن المرسى يستقبل عشر سفن.",
    "وأكد نائب محافظ المؤسسة للتشغيل سامر الفارس أن المرسى يستقبل عشر سفن.",
    # a title after the noun begins the name (not an adjective naming another body)
    "وأكد معالي مدير المؤسسة الأستاذ سامر الفارس أن المرسى يستقبل عشر سفن.",
])
def test_the_corporation_named_in_full_before_is_a_state_body(second):
    rows = acts(PUBLIC + second)
    assert rows.iloc[-1].speaker_type in ("official", "home_official", "foreign_official")


def test_the_corporation_alone_as_subject_is_a_state_body():
    rows = acts(PUBLIC + "وأعلنت المؤسسة أن المرسى يستقبل عشر سفن.")
    assert rows.iloc[-1].speaker_type in ("official", "home_official", "foreign_official")


def test_without_the_full_name_the_corporation_stays_a_company():
    # negative: no public corporation is named in the document
    rows = acts("وقال مدير عام المؤسسة سامر الفارس إن المرسى يستقبل عشر سفن.")
    assert rows.iloc[-1].speaker_type == "other"


def test_another_body_named_by_the_same_noun_stays_private():
    # negative: a definite adjective after the noun names another body (a trading firm)
    rows = acts(PUBLIC + "وقال مدير المؤسسة التجارية سامر الفارس إن المرسى يستقبل عشر سفن.")
    assert rows.iloc[-1].speaker_type == "other"


def test_a_bank_with_an_adjective_is_not_the_central_bank():
    # negative: «البنك» after «البنك المركزي», but qualified by a nisba: a commercial bank
    rows = acts("ورفع البنك المركزي سعر الفائدة نصف نقطة. "
                "وقال رئيس البنك التجاري سامر الفارس إن القروض ستتراجع.")
    assert rows.iloc[-1].speaker_type == "other"


def test_the_founder_is_not_the_corporation():
    # negative: المؤسس (the founder) shares the letters of المؤسسة without its ending
    rows = acts(PUBLIC + "وقال المؤسس سامر الفارس إن المرسى يستقبل عشر سفن.")
    assert rows.iloc[-1].speaker_type not in ("official", "home_official", "foreign_official")


# ---- 2. a definite singular expert title with a name after it is one identified expert
@pytest.mark.parametrize("text", [
    "وقالت الخبيرة التربوية نورة العمر: إن الأطفال يحتاجون إلى وقت أطول للعب.",
    "وأوضح الباحث المتخصص في شؤون المياه خالد الفارس أن المخزون يكفي عامين.",
    "وأكد الأكاديمي والمتخصص في علم الاجتماع الدكتور سامر الفارس أن الظاهرة محدودة.",
    # a name right after the title, given name unlisted
    "وقالت الخبيرة التربوية سلافة العمر: إن الأطفال يحتاجون إلى وقت أطول للعب.",
])
def test_a_definite_expert_title_before_a_name_is_an_expert(text):
    assert acts(text).iloc[-1].speaker_type == "expert"


@pytest.mark.parametrize("text", [
    "وترى الباحثة أن المخزون يكفي عامين.",      # no name before the content: may be unnamed
    "وقال الباحث في شؤون المياه إن المخزون يكفي عامين.",
    "وقال باحث إن المخزون يكفي عامين.",          # indefinite: an unnamed source
    # indefinite, and the name after it is another person's
    "وقال باحث في مختبر الدكتور سامر الفارس إن المخزون يكفي عامين.",
    # a given name inside a body's name (a king's) is not the researcher's name
    "وقال الباحث في جامعة الملك خالد إن المخزون يكفي عامين.",
    # a given name in the reported content is not the expert's name
    "وقال الخبير الأمني إن خالد الفارس أخطأ في تقديره.",
    "ويرى الباحثون أن المخزون يكفي عامين.",      # plural: a collective source
    "ويرى الخبيران أن المخزون يكفي عامين.",      # dual: unnamed pair
])
def test_an_indefinite_plural_or_dual_expert_title_stays_anonymous(text):
    assert acts(text).iloc[-1].speaker_type == "anonymous"


def test_a_definite_doctor_without_a_name_stays_an_unnamed_source():
    # negative: the doctor who treated someone in the story, unnamed
    assert acts("وقال الطبيب المعالج إن حالة المريض مستقرة.").iloc[-1].speaker_type == "anonymous"
    # ... while a named doctor is an expert, as before
    assert acts("وقال الطبيب سامر الفارس إن حالة المريض مستقرة.").iloc[-1].speaker_type == "expert"


# ---- 2b. what is not the expert's name (review of round 9): each sentence is blocked by one
# check of mentions.Resolver._name_after_title / _name_at / _plain_name_word
@pytest.mark.parametrize("text", [
    # the preposition على (normalised like the name علي), before «أن» or before a definite noun
    "وشدد الخبير الاقتصادي على أن أسعار الوقود سترتفع قريبا.",
    "وأكد الخبير الاقتصادي على المستوى المحلي أن أسعار الوقود سترتفع.",
    # an interview and the person it was with
    "وقال الباحث في حديث مع أحمد الغامدي إن أسعار الوقود سترتفع.",
    # a rank, then the person met
    "وقال المحلل السياسي عقب لقاء الرئيس محمد خالد إن الوضع صعب.",
    # a person's title, then the person spoken of
    "وقال الخبير الرياضي عن اللاعب خالد الغامدي إن مستواه تراجع.",
    # a word with a pronoun suffix, then its object
    "وقال المحلل عقب استقباله خالد الغامدي في مكتبه إن الوضع صعب.",
    # a king's title inside a body's name, followed by a definite adjective
    "وقال الباحث في مستشفى الملك سامر الجامعي إن النتائج أولية.",
    # a given name after a body's noun names the body
    "وقال الباحث في جامعة محمد الخامس إن النتائج أولية.",
    # a colon opens the content
    "وقال الخبير الأمني: «خالد الغامدي أخطأ في تقديره».",
    # a name title (no office), then the person spoken of
    "وقال الخبير الأمني عن المقدم خالد الغامدي إن الوضع صعب.",
    # a given name and بن after a body's noun: the body's name
    "وقال الباحث في مؤسسة محمد بن راشد إن النتائج أولية.",
    # an unlisted word and a common noun with the article: no name
    "وقال الخبير الاقتصادي عقب الاجتماع إن أسعار الوقود سترتفع.",
    "وقال الخبير الأمني ظهر الثلاثاء إن الوضع صعب.",
    # a bare preposition before an outlet's name
    "وقال المحلل العسكري لـ الخليجية إن الوضع صعب.",
    # the preposition على before a noun no lexicon lists (not the name علي and a surname)
    "وشدد الخبير الاقتصادي على الشفافية في الإنفاق.",
    "وأكدت الباحثة على المصداقية في النشر.",
    # an adverb in the accusative, then the content
    "وقال الخبير الأمني معقبا الأخطر قادم.",
    # the dual: two experts, named after the field
    "ويرى الخبيران في شؤون المياه سامر الفارس ونورة العمر أن المخزون يكفي.",
])
def test_what_follows_an_expert_title_is_not_always_the_experts_name(text):
    assert acts(text).iloc[-1].speaker_type == "anonymous"


@pytest.mark.parametrize("text", [
    "وقال الخبير الاقتصادي علي الغامدي إن أسعار الوقود سترتفع.",   # علي written as the name
    "وقالت الباحثة في شؤون المياه نورة بنت سامر إن المخزون يكفي.",  # a given name and بنت
    "وقال المحلل في الشؤون العسكرية محمد خالد إن الوضع صعب.",       # two given names
])
def test_a_name_after_the_field_makes_an_expert(text):
    assert acts(text).iloc[-1].speaker_type == "expert"


def test_an_office_after_the_name_is_left_to_the_office():
    # «الدكتورة» is also a courtesy title of officials: with an office after the name the
    # rule does not make her an expert; without one she is, as a doctor of any field
    assert acts("وقالت الدكتورة سلافة العمر مستشارة وزير الصحة إن اللقاح متوفر.").iloc[-1].speaker_type != "expert"
    assert acts("وقالت الدكتورة سلافة العمر إن اللقاح متوفر.").iloc[-1].speaker_type == "expert"


# ---- 1b. the noun names the public corporation only when nothing else is named by it
def test_a_private_foundation_named_too_keeps_the_noun_ambiguous():
    rows = acts("وتشرف المؤسسة العامة للتأمينات على صندوق الأيتام. وأطلقت مؤسسة الأمير نايف الخيرية "
                "حملة للأيتام. وقال مدير عام المؤسسة سامر الفارس إن الحملة تشمل ألف يتيم.")
    assert rows.iloc[-1].speaker_type == "other"


def test_another_body_named_after_the_conjunction_keeps_it_ambiguous():
    rows = acts(PUBLIC + "وتعاونت الجمعية ومؤسسة الأمير نايف الخيرية في حملة للأيتام. "
                "وقال مدير عام المؤسسة سامر الفارس إن الحملة تشمل ألف يتيم.")
    assert rows.iloc[-1].speaker_type == "other"


@pytest.mark.parametrize("second", [
    "وقال المدير العام للمؤسسة سامر الفارس إن المرسى يستقبل عشر سفن.",
    "وقال مدير الإعلام بالمؤسسة سامر الفارس إن المرسى يستقبل عشر سفن.",
])
def test_the_corporation_with_a_preposition_is_a_state_body(second):
    rows = acts(PUBLIC + second)
    assert rows.iloc[-1].speaker_type in ("official", "home_official", "foreign_official")

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


def test_a_definite_practitioner_stays_an_unnamed_source():
    # negative: the doctor who treated someone in the story is a participant, not a named expert
    assert acts("وقال الطبيب المعالج إن حالة المريض مستقرة.").iloc[-1].speaker_type == "anonymous"
    # ... while a named doctor is an expert, as before
    assert acts("وقال الطبيب سامر الفارس إن حالة المريض مستقرة.").iloc[-1].speaker_type == "expert"

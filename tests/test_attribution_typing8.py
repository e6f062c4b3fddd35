"""Round 8 (typing): private persons, sport bodies, family names that look like
nationalities, and the stated country of non-official sources, on invented sentences and
names."""
import pytest

from analysis.attribution import named_private_person
from analysis.attribution.countries import given_names, is_given_name, load_countries
from analysis.attribution.gazetteer import default_gazetteer
from analysis.attribution.mentions import Mention, Resolver
from analysis.corpus import TOKEN_RE
from analysis.errors import GazetteerError
from analysis.normalize import normalize_text
from attribution_cases import acts, one


def words(text):
    return TOKEN_RE.findall(normalize_text(text))


# ---- 1. a person cited by a full name alone, with no office anywhere, is a private person
@pytest.mark.parametrize("text", [
    "وقال خالد الفارس: إن الحافلة تأخرت ساعتين.",
    "وأشار عبد الله النخلي إلى أن الطريق مزدحم.",
    "وقالت نورة العمر إن الحافلة تأخرت.",
])
def test_a_full_name_with_no_office_is_a_private_person(text):
    assert one(text).speaker_type == "other"


def test_a_noun_in_the_construct_state_is_no_name():
    # negative: the shape of a name (a bare word, then a definite one) without a given name
    assert one("وأكد جدول الرحلات أن القطار يصل ظهرا.").speaker_type == "unknown"


def test_a_compound_given_name_alone_has_no_family_name():
    # negative: عبد + one word is the given name alone, not a given name and a family name
    assert one("وقال عبد الرحيم إن الطقس حار.").speaker_type == "unknown"


def test_a_name_given_an_office_elsewhere_keeps_the_office():
    # negative: the rule reads only speakers left untyped after the whole document
    df = acts("وكان وزير النقل خالد الفارس قد افتتح الطريق أمس.\n"
              "وقال خالد الفارس إن العمل مستمر في الرياض.")
    assert df.iloc[-1].speaker_type == "home_official"


def test_a_cue_inside_the_words_is_no_name():
    resolver = Resolver(default_gazetteer())
    assert named_private_person(Mention(0, 3, "خالد الفارس", "unknown"), resolver)
    # negative: a verb between the given name and the last word
    assert not named_private_person(Mention(0, 3, "خالد يرى الطريق", "unknown"), resolver)


def test_given_names_are_data_and_a_malformed_file_names_its_line(tmp_path):
    assert is_given_name("خالد") and is_given_name("عبدالرحمن")
    assert not is_given_name("جدول")
    assert "خالد" in given_names()
    bad = tmp_path / "names.yaml"
    bad.write_text("given_names:\n  - خالد\n  - 3\n", encoding="utf-8")
    with pytest.raises(GazetteerError, match=r"names\.yaml.*3"):
        given_names(str(bad))


# ---- 2. a definite nisba after a given name is a family name, not a nationality
def test_a_family_name_after_a_given_name_is_no_nationality():
    r = one("وقال العقيد ماجد اليمني المتحدث باسم شرطة الرياض إن الدوريات انتشرت.")
    assert (r.speaker_type, r.speaker_country) == ("home_official", "SA")
    lex = load_countries()
    assert lex.country_of(words("المواطن ماجد المصري")) == ""


def test_a_family_name_after_a_rank_is_the_officer_named_before():
    df = acts("وقال اللواء ماجد اليمني، المتحدث باسم شرطة الرياض، إن الدوريات انتشرت. "
              "وقال اللواء اليمني إن الوضع مستقر.")
    assert list(df.speaker_country) == ["SA", "SA"]
    assert load_countries().country_of(words("اللواء اليمني")) == ""


def test_a_nisba_after_a_title_is_still_a_nationality():
    # negative: the nisba agrees with a definite noun (وزير الخارجية اليمني)
    r = one("وقال وزير الخارجية اليمني ماجد الفارس إن المحادثات بدأت.")
    assert (r.speaker_type, r.speaker_country) == ("foreign_official", "YE")
    assert load_countries().country_of(words("الوزير المصري")) == "EG"
    # a rank before the name does not make a nationality after the office a family name
    r = one("وقال قائد القوات اليمنية اللواء سامر الفارس إن الوضع مستقر.")
    assert (r.speaker_type, r.speaker_country) == ("foreign_official", "YE")


# ---- 3. «the ball» is football: federations, referees and national teams are sport bodies
@pytest.mark.parametrize("text", [
    "وأعلن اتحاد الكرة أن المباراة تأجلت.",
    "وقال رئيس لجنة الحكام سامر الفارس إن الطاقم محلي.",
    "وأكد مدير المنتخبات الوطنية سامر الفارس أن المعسكر بدأ.",
])
def test_football_bodies_are_not_state_bodies(text):
    assert one(text).speaker_type == "other"


def test_a_committee_of_local_government_stays_official():
    # negative: الحكم (government) is not الحكام (referees)
    r = one("وقال رئيس لجنة الحكم المحلي سامر الفارس إن الانتخابات تأجلت.")
    assert r.speaker_type in ("official", "home_official")


# ---- 4. a non-official source takes the country its own words state
@pytest.mark.parametrize("text, typ, country", [
    ("ونفى المطرب اللبناني سامر الفارس ما تردد عن إلغاء الحفل.", "other", "LB"),
    ("وقالت الشركة الألمانية إن المبيعات ارتفعت.", "other", "DE"),
    ("وقالت مصادر حكومية أفغانية إن الاجتماع تأجل.", "anonymous", "AF"),
    ("ودعا رئيس لجنة التمور بالغرفة التجارية بالخرج سامر الفارس إلى إقامة السوق.", "other", "SA"),
    ("وقال الخبير الاقتصادي السعودي سامر الفارس إن النمو تباطأ.", "expert", "SA"),
])
def test_a_non_official_takes_its_stated_country(text, typ, country):
    r = one(text)
    assert (r.speaker_type, r.speaker_country) == (typ, country)


def test_no_country_is_stated_by_a_family_name_or_for_a_medium():
    # negatives: a family name is no nationality; a medium's country is not coded
    r = one("وقال المواطن ماجد المصري إن الحافلة تأخرت.")
    assert (r.speaker_type, r.speaker_country) == ("other", "")
    r = one("وذكرت الصحيفة البريطانية أن الحكومة ستستقيل.")
    assert (r.speaker_type, r.speaker_country) == ("media", "")


def test_a_common_word_is_no_place_and_an_entity_keeps_its_entry():
    # negatives: العيون ("the eyes") is also a town's name; a gazetteer entity keeps the
    # country of its entry (none for this armed group)
    r = one("وأفادت استشارية طب العيون في الجمعية الدكتورة نادية العمر أن الشمس تضر العين.")
    assert r.speaker_country == ""
    r = one("وقالت جبهة النصرة السورية إن مقاتليها انسحبوا.")
    assert (r.speaker_type, r.speaker_country) == ("other", "")


# ---- 5. an honorific of rank names one dignitary: never an unnamed source
@pytest.mark.parametrize("text", [
    "وبين سماحة مفتي عام الإقليم أن صلاة الجماعة فضلها كبير.",
    "وأوضح معالي نائب رئيس ديوان المظالم أن الجلسة أجلت.",
    "وأكد فضيلة إمام وخطيب الجامع الكبير أن الصدقة واجبة.",
])
def test_an_honorific_title_is_no_unnamed_source(text):
    assert one(text).speaker_type in ("official", "home_official")


def test_an_indefinite_title_without_an_honorific_stays_unnamed():
    # negative: مسؤول كبير names no one
    assert one("وقال مسؤول كبير إن الاتفاقية مهمة.").speaker_type == "anonymous"


# ---- review fixes: a stated country must be the source's own


def test_a_nationality_in_the_verbs_object_is_not_the_sources_country():
    # وتوقع محللون ارتفاع أسعار السلع اليابانية: the goods are Japanese, not the analysts
    r = one("وتوقع محللون ارتفاع أسعار السلع اليابانية خلال العام المقبل.")
    assert r.speaker == "محللون" and r.speaker_country == ""
    # the source's own nationality is still read
    r = one("وتوقع محللون يابانيون أن ترتفع الأسعار خلال العام المقبل.")
    assert r.speaker_country == "JP"


def test_the_medium_spoken_to_lends_no_country_to_the_source():
    r = one("وقال الخبير الاقتصادي سامر الفارس للتلفزيون الأردني إن الأسعار سترتفع.")
    assert r.speaker_type == "expert" and r.speaker_country == ""


def test_a_given_name_that_is_a_nisba_before_a_family_name_is_no_nationality():
    r = one("وقال رئيس الجمعية الخيرية تركي العتيبي إن التبرعات زادت.")
    assert r.speaker_country != "TR"
    # an indefinite nisba that is no name before a family name stays a nationality
    assert load_countries().country_of(words("مسؤول تركي")) == "TR"


def test_a_family_after_al_is_no_state():
    # آل ويمن: the family word آل (ال once normalised) before a name that begins with و
    assert load_countries().country_of(words("الشيخ سامر آل ويمن")) != "YE"


def test_a_nisba_after_a_rank_and_before_a_given_name_is_a_nationality():
    # العميد اليمني خالد …: a given name follows, so the nisba describes the officer
    assert load_countries().country_of(words("العميد اليمني خالد الفارس")) == "YE"
    # at the end of the description it is his family name
    assert load_countries().country_of(words("العميد اليمني")) == ""


def test_given_names_file_without_its_key_names_the_file(tmp_path):
    bad = tmp_path / "given_names.yaml"
    bad.write_text("names:\n  - خالد\n", encoding="utf-8")
    with pytest.raises(GazetteerError, match=r"given_names.yaml:1:"):
        given_names(str(bad))


def test_a_given_name_that_is_also_a_word_before_a_noun_is_no_private_person():
    # حسن النية "good faith", عمر المبنى "the bridge's age": phrases, not names
    r = Resolver(default_gazetteer())
    assert not named_private_person(Mention(0, 2, "حسن النية", "unknown"), r)
    assert not named_private_person(Mention(0, 2, "عمر الجسر", "unknown"), r)
    # before a family name in ي, or in a name of three words, it is a person's name
    assert named_private_person(Mention(0, 2, "علي القحطاني", "unknown"), r)
    assert named_private_person(Mention(0, 3, "عمر سامي الفارس", "unknown"), r)

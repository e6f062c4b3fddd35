"""Round 6 (typing): speaker types and officials' countries, on invented sentences and names."""
from analysis.attribution.countries import load_countries
from analysis.corpus import TOKEN_RE
from analysis.normalize import normalize_text
from attribution_cases import acts, one


def words(text):
    return TOKEN_RE.findall(normalize_text(text))  # (sentence stops are tokens of their own)


# ---- 1. «المملكة» after the kingdom's full name or its monarch's title anywhere before
def test_the_monarchs_title_names_the_kingdom_of_a_later_bare_mention():
    lex = load_countries()
    w = words("رفع الأهالي شكرهم لخادم الحرمين الشريفين. وزار الوفد المعرض. ثم انتهت الجولة مساء. "
              "وتنتشر فروع الهيئة في مناطق المملكة.")
    assert set(lex.the_kingdom(w).values()) == {"SA"}
    text = ("رفع الأهالي امتنانهم لخادم الحرمين الشريفين لدعمه المتواصل. وزار الوفد المعرض أمس. ثم انتهت الجولة.\n"
            "وقالت وزارة الزراعة إن فروعها تنتشر في مناطق المملكة.")
    r = acts(text).iloc[-1]
    assert (r.speaker_type, r.speaker_country) == ("home_official", "SA")


def test_the_full_name_far_before_names_the_kingdom():
    w = words("أعلنت المملكة العربية السعودية الخطة أمس. تابع الزوار العروض. انتهت الفعاليات مساء. "
              "وتنتشر فروع البنك في مناطق المملكة.")
    assert set(load_countries().the_kingdom(w).values()) == {"SA"}
    # after the bare mention, the full name does not reach back
    w = words("وتنتشر فروع البنك في مناطق المملكة. تابع الزوار العروض. انتهت الفعاليات مساء. "
              "أعلنت المملكة العربية السعودية الخطة أمس.")
    assert load_countries().the_kingdom(w) == {}


def test_no_full_name_or_title_leaves_the_kingdom_unresolved():
    # a nationality far before (a visiting delegation) is not the kingdom's full name
    w = words("زار وفد سعودي المعرض. تابع الزوار العروض. انتهت الفعاليات مساء أمس. "
              "وتنتشر فروع البنك في مناطق المملكة.")
    assert load_countries().the_kingdom(w) == {}
    text = ("وزار الوفد المعرض أمس. ثم انتهت الجولة في المساء.\n"
            "وقالت وزارة الزراعة إن فروعها تنتشر في مناطق المملكة.")
    assert acts(text).iloc[-1].speaker_country == ""


def test_an_envoys_kingdom_is_not_the_host_kingdom():
    # سفير المملكة العربية السعودية لدى …: the envoy's state, named after a guest's title,
    # says nothing of which kingdom a later «المملكة» is
    w = words("رحب الوزير بسفير المملكة العربية السعودية لدى عمان. ثم انتهت الجولة. ثم عاد الوفد. "
              "وتنتشر فروع البنك في مناطق المملكة.")
    assert load_countries().the_kingdom(w) == {}


def test_two_kingdoms_named_leave_the_kingdom_unresolved():
    w = words("هنأ خادم الحرمين الشريفين المملكة المغربية بعيدها. تابع الزوار العروض. انتهت الفعاليات مساء. "
              "وتنتشر فروع البنك في مناطق المملكة.")
    assert load_countries().the_kingdom(w) == {}


# ---- 2. a company word glued to ل in a doctor's title
def test_a_doctors_title_naming_a_company_with_li_is_a_companys_officer():
    r = one("قال الدكتور سامر الفارس المساعد الإداري للمدير العام لشركة الواحة إن الشحنة سليمة.")
    assert r.speaker_type == "other"


def test_a_doctors_title_naming_a_ministry_with_bi_stays_official():
    r = one("قال الدكتور سامر الفارس مدير إدارة بوزارة الزراعة إن المياه آمنة.")
    assert r.speaker_type in ("official", "home_official")


# ---- 3. an envoy's title runs through «لدى» and a state to the name
def test_an_envoys_title_reaches_the_name_after_the_host_state():
    df = acts("أكد سفير المملكة العربية السعودية لدى تركيا الدكتور سامر الفارس، أن أبواب السفارة مفتوحة.\n"
              "وأوضح الفارس أن السفارة في خدمة المواطنين.")
    assert df.speaker.tolist()[0].endswith("سامر الفارس")
    assert df.speaker_type.tolist() == ["home_official", "home_official"]
    assert df.speaker_country.tolist() == ["SA", "SA"]


def test_ladaa_before_a_verbal_noun_ends_the_title():
    r = one("وقال السفير لدى وصوله إلى المطار إن الزيارة مهمة.")
    assert r.speaker == "السفير"


# ---- 4. an adviser in a field to an office is the office's adviser
def test_a_field_adviser_of_an_office_is_an_official():
    assert one("وأكد المستشار القانوني للجيش أن الحدود آمنة.").speaker_type in ("official", "home_official")


def test_a_field_adviser_with_a_name_is_an_expert():
    assert one("وأكد المستشار القانوني سامر الفارس أن العقد سليم.").speaker_type == "expert"


# ---- 5. a body's noun followed by its name in quotation marks names the office
def test_a_quoted_name_after_a_bodys_noun_names_the_office():
    r = one("وقال مدير جامعة «ويلمارك» إن التحقيق جار.", home="US")
    assert r.speaker_type != "anonymous"


def test_quoted_speech_after_an_unnamed_official_stays_anonymous():
    r = one("وقال مسؤول ثان «إن التحقيق جار».")
    assert r.speaker_type == "anonymous"


# ---- 6. a definite title alone repeats the title of the person the article named with it
def test_a_title_alone_after_the_titled_name_is_that_person():
    df = acts("كما يؤكد الباحث الاستراتيجي الدكتور سامر الفارس، مبينا أن التهديد مستمر.\n"
              "ودعا الباحث الاستراتيجي إلى مضاعفة الدوريات عند السواحل.")
    assert df.speaker_type.tolist() == ["expert", "expert", "expert"]
    assert df.speaker.iloc[-1] == "الباحث الاستراتيجي الدكتور سامر الفارس"


def test_a_title_alone_after_unnamed_experts_stays_unnamed():
    df = acts("قال خبراء إن الخطر قائم.\nوقال الخبير الأمني إن الرقابة ضرورية.")
    assert df.speaker_type.tolist() == ["anonymous", "anonymous"]


def test_an_indefinite_description_is_not_the_named_official():
    df = acts("وقال المتحدث باسم الشرطة سامر الفارس إن التحقيق جار.\nوقال مسؤول أمني إن الوضع هادئ.")
    assert df.speaker_type.tolist()[-1] == "anonymous"

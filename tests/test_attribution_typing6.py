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


def test_known_words_are_the_values_of_the_lexicons_not_their_comments(tmp_path):
    # a word cited in a comment of a data file (بوجود in cues.yaml) is an example, not an
    # entry: it must not become a "known word" that keeps its ب (so بوجود reads ب + وجود)
    from analysis.attribution.mentions import _LEXICON_FILES, _lexicon_words, _yaml_values
    words = _lexicon_words()
    assert "بوجود" not in words
    assert {"بيان", "بلاغ"} <= words  # list values of the lexicons
    assert "function_words.yaml" not in _LEXICON_FILES
    assert _yaml_values({"a": ["x", {"b": "y"}], "c": "z", "d": 3}) == ["x", "y", "z"]


# --- review of round 6: B5 (a bare title takes up only a named speaker) and its guards


def test_another_unnamed_expert_is_not_the_named_one_taken_up_later():
    # آخر is no name: «الخبير الأمني» after «خبير أمني آخر» stays unnamed (the name guard
    # of _title_of), and the named expert cited first is not that other one
    df = acts("قال خبير أمني آخر إن الخطر قائم.\nوقال الخبير الأمني إن الرقابة ضرورية.")
    assert df.speaker.tolist() == ["خبير أمني آخر", "الخبير الأمني"]
    assert df.speaker_type.tolist()[-1] == "anonymous"
    df = acts("وقال الخبير الأمني الدكتور سامر الفارس إن الرقابة ضرورية. وقال خبير أمني آخر إن الخطر "
              "قائم. وأضاف الخبير الأمني أن الحل في التوعية.")
    assert df.speaker.tolist()[1] == "خبير أمني آخر"


def test_an_indefinite_title_is_a_new_person_not_the_named_one():
    # the definiteness guard of _title_of: «خبير أمني» (indefinite) after the named expert
    # brings in another expert; «الخبير الأمني» (definite) takes the named one up
    df = acts("وقال الخبير الأمني الدكتور سامر الفارس إن الرقابة ضرورية. وقال خبير أمني إن الخطر قائم.")
    assert df.speaker.tolist() == ["الخبير الأمني الدكتور سامر الفارس", "خبير أمني"]
    df = acts("وقال الخبير الأمني الدكتور سامر الفارس إن الرقابة ضرورية. وأضاف الخبير الأمني أن الحل "
              "في التوعية.")
    assert df.speaker.tolist() == ["الخبير الأمني الدكتور سامر الفارس"] * 2


def test_chief_of_a_plural_takes_the_role_of_its_singular():
    # كبير + a plural: the role of the plural's singular (مستشار: an official; مراسل: media;
    # محلل: an expert), in the construct form (مستشاري، مراسلي) or definite (المحللين)
    assert one("وقال سامر الفارس كبير مستشاري الرئيس إن الزيارة ناجحة.").speaker_type == "official"
    assert one("وقال سامر الفارس كبير مراسلي قناة الضحى إن الوضع هادئ.").speaker_type == "media"
    assert one("وقال نادر الصالح كبير المحللين في شركة النورس إن الأسعار ستتراجع.").speaker_type == "expert"
    assert one("وقال سامي فريدمان كبير محللي الأسواق في بنك الضحى إن التداول ضعيف.").speaker_type == "expert"


def test_an_indefinite_unnamed_official_is_not_the_named_one():
    # the definiteness guard of _title_of on an unnamed official: «مسؤول أمني» after «المسؤول
    # الأمني العقيد سامر الفارس» is another official, left unnamed
    df = acts("وقال المسؤول الأمني العقيد سامر الفارس إن التحقيق جار. وقال مسؤول أمني إن الوضع هادئ.")
    assert df.speaker.tolist()[-1] == "مسؤول أمني" and df.speaker_type.tolist()[-1] == "anonymous"

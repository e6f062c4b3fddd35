"""Round 7 (typing): speaker types and officials' countries, on invented sentences and names."""
from analysis.attribution.countries import load_countries
from analysis.corpus import TOKEN_RE
from analysis.normalize import normalize_text
from attribution_cases import acts, one


def words(text):
    return TOKEN_RE.findall(normalize_text(text))


# ---- 1. the people an office serves, in the plural, do not make the office a business
def test_an_office_for_teachers_is_a_state_office_not_a_private_source():
    r = one("وقال مدير شؤون المعلمين بالطائف سامر الفارس إن حركة النقل تبدأ الأسبوع المقبل.")
    assert (r.speaker_type, r.speaker_country) == ("home_official", "SA")
    r = one("وأوضح مساعد مدير شؤون الموظفين بتعليم جدة الدكتور سامر بن خالد الفارس أن المقابلات تبدأ غدا.")
    assert r.speaker_type == "home_official"


def test_a_singular_private_word_still_makes_a_business_title():
    # negative: the agent of one player speaks for no office
    r = one("وقال مدير أعمال اللاعب سامر الفارس إن العرض وصل إلى النادي.")
    assert r.speaker_type == "other"


# ---- 2. a doctor's title before a business title: the business types the person
def test_a_titled_name_heading_a_chamber_of_commerce_is_other():
    r = one("من جانبه، أوضح الدكتور سامر الفارس، رئيس الغرفة التجارية الصناعية بالدمام، أن القطاع ينمو.")
    assert r.speaker_type == "other"


def test_a_titled_name_heading_a_public_corporation_stays_official():
    # negative: مؤسسة النقد is a state body although مؤسسة is a company word
    r = one("وقال الدكتور سامر الفارس محافظ مؤسسة النقد إن السيولة في المصارف جيدة.")
    assert r.speaker_type in ("official", "home_official")


# ---- 3. a chamber of commerce named by its city
def test_a_chamber_named_by_its_city_is_a_business_association():
    for city in ("الدمام", "جدة"):
        r = one(f"وقال أمين عام غرفة {city} سامر الفارس إن المعرض يفتح أبوابه غدا.")
        assert r.speaker_type == "other"


def test_an_operations_room_is_no_chamber():
    # negative: غرفة العمليات is a room of a state body, with no town right after غرفة
    r = one("وأكدت غرفة العمليات بشرطة الدمام أن البلاغ وصل قبل منتصف الليل.")
    assert r.speaker_type == "home_official"


# ---- 4. علي between a given name and the family word آل is the name Ali
def test_ali_before_al_is_part_of_the_name():
    df = acts("وتحدث مدير مستشفى الدمام سامر علي آل فهد عن الأضرار التي لحقت بالمبنى.\n"
              "وأكد آل فهد أنه لم تقع إصابات بين العاملين.")
    assert df.iloc[0].speaker.endswith("آل فهد")
    assert df.iloc[1].speaker_type == "home_official"


# ---- 5. a state named as the place of the events, when no town is named
def test_a_state_named_as_the_place_types_a_local_office():
    r = acts("لقي عشرون شخصا مصرعهم في انفجار بشمال أفغانستان.\n"
             "وقال حاكم الولاية سامر الفارس إن الانتحاري فجر نفسه في السوق.").iloc[-1]
    assert (r.speaker_type, r.speaker_country) == ("foreign_official", "AF")
    lex = load_countries()
    assert lex.setting(words("وقع الانفجار في أفغانستان صباحا")) == "AF"
    assert lex.setting(words("وقع الانفجار بجنوب اليمن صباحا")) == "YE"


def test_a_state_named_otherwise_is_not_the_place():
    lex = load_countries()
    # negative: a nationality, or a state that is the topic (no في, ب or compass word)
    assert lex.setting(words("انتقد الوزير الأفغاني قرار الحكومة الأفغانية")) == ""
    assert lex.setting(words("وقعت أفغانستان اتفاقا مع باكستان")) == ""
    # negative: «بداخله» ("inside it") is no place, though الداخلة is a town's name
    assert lex.setting(words("وضع الجهاز بداخله شريحة صغيرة")) == ""
    # a named town outranks a state named as a place (a visit abroad)
    assert lex.setting(words("عاد الوفد إلى الرياض بعد زيارة في تركيا")) == "SA"


# ---- 6. a title stack headed by a minister or a governor is an official's
def test_a_minister_chairing_a_board_speaks_in_office():
    r = one("وقال وزير المياه رئيس مجلس أمناء صندوق الواحات سامر الفارس إن القروض صرفت.")
    assert r.speaker_type in ("official", "home_official")
    r = one("وقال معالي وزير الثقافة رئيس مجلس إدارة المكتبة الوطنية سامر الفارس إن الكتب وصلت.")
    assert r.speaker_type in ("official", "home_official")


def test_a_board_chair_with_no_state_office_stays_other():
    # negative: a prince (also a businessman) or a plain name chairing a company's board
    r = one("وقال الأمير سامر بن فهد رئيس مجلس شركة النخيل للتقنية إن الأرباح ارتفعت.")
    assert r.speaker_type == "other"
    r = one("وقال سامر الفارس رئيس مجلس إدارة شركة النخيل إن الأرباح ارتفعت.")
    assert r.speaker_type == "other"


# ---- 7. «world» Muslim charities are non-state; the IMF's short name is intergovernmental
def test_a_world_charity_for_mosques_is_not_an_international_org():
    r = one("وقال رئيس الهيئة العالمية للمساجد والجوامع الدكتور سامر الفارس إن الهيئة بنت مئة مسجد.")
    assert r.speaker_type == "other"
    r = one("وأعلنت الهيئة العالمية لتحفيظ القرآن الكريم أن الحلقات زادت هذا العام.")
    assert r.speaker_type == "other"


def test_world_bodies_without_a_charity_field_stay_international():
    # negative: the health organisation has no charity field
    r = one("وقالت منظمة الصحة العالمية إن الوباء انحسر في المنطقة.")
    assert r.speaker_type == "international_org"


def test_the_short_name_of_the_monetary_fund_is_international():
    r = one("وتوقع صندوق النقد في تقرير جديد أن يتباطأ اقتصاد البرتغال.")
    assert r.speaker_type == "international_org"
    # negative: another fund with no international word stays a state body
    r = one("وأعلن صندوق التنمية الزراعية في جدة أن القروض صرفت.")
    assert r.speaker_type == "home_official"


# ---- 8. الممثل/الممثلة with only a name, nationality or adjective of fame is an actor
def test_an_actress_is_a_private_person():
    r = one("وقالت الممثلة الشهيرة نادية العمر إن الدور كان صعبا.")
    assert r.speaker_type == "other"
    r = one("وقال الممثل الكويتي سامر الفارس إن المسلسل انتهى تصويره.")
    assert r.speaker_type == "other"


def test_a_representative_of_an_office_stays_official():
    # negative: a complement with ل, an international adjective or a genitive body
    r = one("وأفاد الممثل الخاص للأمين العام لشؤون المياه سامر الفارس بأن المحادثات مستمرة.")
    assert r.speaker_type != "other"
    r = one("وقال الممثل الأممي سامر الفارس إن المحادثات مستمرة.")
    assert r.speaker_type == "international_org"
    r = one("وقال ممثل الادعاء سامر الفارس إن الأدلة كافية.")
    assert r.speaker_type != "other"


# ---- 9. an official named again by his surname keeps the country he was named with
def test_a_renamed_official_keeps_his_country_not_the_last_same_office():
    df = acts("أوضح وزير الخارجية الأستاذ سامر بن خالد الفارس في جدة أن اللقاء مثمر.\n"
              "ونبه وزير الخارجية المصري إلى أهمية التنسيق.\n"
              "فيما أكد وزير الخارجية الأستاذ سامر الفارس من جانبه أن مصر شريك.")
    assert (df.iloc[-1].speaker_type, df.iloc[-1].speaker_country) == ("home_official", "SA")


def test_another_name_takes_no_earlier_officials_country():
    # negative: a different surname is not the official named before
    df = acts("أوضح وزير الخارجية الأستاذ سامر بن خالد الفارس في جدة أن اللقاء مثمر.\n"
              "ونبه وزير الخارجية المصري إلى أهمية التنسيق.\n"
              "فيما أكد وزير الخارجية الأستاذ نادر العمر من جانبه أن مصر شريك.")
    assert df.iloc[-1].speaker_country != "SA"

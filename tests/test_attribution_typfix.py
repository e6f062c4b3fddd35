"""Unit tests of the round-3 typing review fixes, on invented sentences and names."""
import pytest

from analysis.attribution.countries import load_countries
from analysis.attribution.gazetteer import load_gazetteer
from analysis.attribution.yamlload import DuplicateKeyError, safe_load
from analysis.errors import GazetteerError
from analysis.normalize import normalize_text
from attribution_cases import acts, one


def words(text):
    return normalize_text(text).split()


# ---- 1. duplicate YAML keys
def test_benghazi_is_libya():
    lex = load_countries()
    assert lex.country_of(["بنغازي"]) == "LY"
    assert lex.setting(words("اندلعت اشتباكات في بنغازي وامتدت إلى مصراتة")) == "LY"


def test_a_duplicate_key_is_an_error_naming_file_and_line():
    with pytest.raises(DuplicateKeyError) as err:
        safe_load("cities:\n  LY: [a]\n  TN: [b]\n  LY: [c]\n", "countries.yaml")
    msg = str(err.value)
    assert "\n" not in msg and "countries.yaml:4" in msg and "'LY'" in msg


def test_a_gazetteer_with_a_duplicate_key_is_rejected(tmp_path):
    path = tmp_path / "g.yaml"
    path.write_text("version: '1'\nversion: '2'\n", encoding="utf-8")
    with pytest.raises(GazetteerError, match="line 2"):
        load_gazetteer(path)


# ---- 2. «المملكة» comes from the text, never from --home-country
_UNNAMED = ("ضبطت الجمارك شحنة مهربة عند وصولها إلى المملكة.\n"
            "وقال مدير عام الجمارك سامر الفارس إن التفتيش مستمر.")


def test_the_kingdom_does_not_depend_on_the_home_country():
    countries = {home: acts(_UNNAMED, home).iloc[-1].speaker_country for home in ("MA", "EG", "SA")}
    assert len(set(countries.values())) == 1, countries
    assert countries["SA"] == ""


def test_the_kingdom_named_in_the_sentence_before():
    text = ("أعلنت الجمارك المغربية ضبط شحنة مهربة عند وصولها إلى المملكة.\n"
            "وقال مدير عام الجمارك سامر الفارس إن التفتيش مستمر.")
    for home in ("MA", "EG", "SA"):
        r = acts(text, home).iloc[-1]
        assert r.speaker_country == "MA", home


def test_a_guest_nationality_does_not_make_the_kingdom_jordan():
    text = ("استقبل وزير الخارجية السفير الأردني نادية العمر لدى وصولها إلى المملكة.\n"
            "وقالت وزارة الداخلية إن الإجراءات اكتملت.")
    r = acts(text).iloc[-1]
    assert r.speaker_country != "JO"


def test_a_nationality_far_away_does_not_name_every_kingdom():
    lex = load_countries()
    w = words("زار وفد أردني المعرض. تابع الزوار العروض. انتهت الفعاليات مساء أمس. "
              "وتنتشر فروع البنك في مناطق المملكة.")
    assert lex.the_kingdom(w) == {}


def test_kingdom_clitics_are_derived():
    lex = load_countries()
    w = words("وصلت البعثة السعودية فبالمملكة")
    assert set(lex.the_kingdom(w).values()) == {"SA"}


# ---- 4. risky place entries
@pytest.mark.parametrize("text", ["وقع ذلك في موقف طريف أمس", "نشرت البيانات المجمعة أمس",
                                  "وقعت اشتباكات في مديرية المنصورة أمس"])
def test_ordinary_words_are_no_setting(text):
    assert load_countries().setting(words(text)) == ""


def test_generic_regions_are_no_place():
    lex = load_countries()
    assert lex.country_of(words("أمير المنطقة الشمالية")) == ""
    assert lex.country_of(["كشمير"]) == ""


# ---- 3. over-general rules


def test_a_campaign_is_a_state_body_unless_electoral():
    r = one("وقال قائد الحملة الأمنية العقيد سامر الفارس إن الضبطيات زادت.")
    assert r.speaker_type == "official"
    r = one("وقال المتحدث باسم الحملة الانتخابية للمرشح سامر الفارس إن الأنصار كثر.")
    assert r.speaker_type == "other"


def test_periodic_is_no_sports_league():
    r = one("وقال مدير إدارة الفحص الدوري للسيارات سامر الفارس إن المواعيد متاحة.")
    assert r.speaker_type == "official"
    r = one("وقال رئيس رابطة دوري المحترفين سامر الفارس إن الموسم يبدأ قريبا.")
    assert r.speaker_type == "other"


def test_both_x_and_y_names_its_speakers():
    r = acts("وأكد كل من وزير الخارجية السعودي ونظيره الأردني أن العلاقات قوية.").iloc[0]
    assert (r.speaker_type, r.speaker_country) == ("home_official", "SA")
    r = one("وقال بعض المسؤولين إن العلاقات قوية.")
    assert r.speaker_type == "anonymous"


@pytest.mark.parametrize("name", ["سوني", "هيونداي", "نستله"])
def test_a_company_named_with_a_final_ya_or_ha_is_named(name):
    assert one(f"وقالت شركة {name} إن المبيعات تراجعت.").speaker_type == "other"


def test_a_qualified_unnamed_source_stays_unnamed():
    assert one("وقالت متحدثة رسمية إن الاجتماع انتهى.").speaker_type == "anonymous"
    assert one("وقالت جماعة يسارية متطرفة إن الهجوم وقع.").speaker_type == "anonymous"


def test_about_is_no_part_of_the_speaker():
    r = one("وقال مسؤول بشأن الهجوم إن التحقيق جار.")
    assert (r.speaker, r.speaker_type) == ("مسؤول", "anonymous")
    r = one("وقال وزير الخارجية حيال الأزمة إن الحوار مستمر.")
    assert r.speaker == "وزير الخارجية"


def test_an_annex_is_no_attache():
    assert len(acts("وأوضح الملحق أن الاتفاق يشمل بنودا جديدة.")) == 0


def test_an_intergovernmental_foundation_is_international():
    r = one("وقال رئيس المؤسسة الدولية للتنمية سامر الفارس إن القروض زادت.")
    assert r.speaker_type == "international_org"
    r = one("وقال مدير المركز الدولي للدراسات الرياضية سامر الفارس إن البحث اكتمل.")
    assert r.speaker_type == "other"


def test_national_banks_and_orphanages_are_not_state_by_their_name():
    assert one("وقال رئيس البنك الوطني سامر الفارس إن الأرباح زادت.").speaker_type == "other"
    assert one("وقالت نادية العمر مديرة دار الأيتام إن الأطفال بخير.").speaker_type == "other"
    r = one("وقال محافظ البنك المركزي سامر الفارس إن التضخم تراجع.")
    assert r.speaker_type in ("official", "home_official", "foreign_official")


# ---- 5. one source, one entity
@pytest.mark.parametrize("a,b", [("الحوثيون", "الحوثيين"), ("حلف شمال الأطلسي", "الناتو"),
                                 ("تنظيم داعش", "تنظيم الدولة")])
def test_one_source_has_one_entity(a, b):
    gz = load_gazetteer()
    ids = {gz.aliases[tuple(normalize_text(x).split())].id for x in (a, b)}
    assert len(ids) == 1


def test_phrase_index_is_keyed_by_name():
    from analysis.attribution.gazetteer import default_gazetteer
    gz = default_gazetteer()
    one("وقال رئيس البنك الوطني سامر الفارس إن الأرباح زادت.")
    assert all(isinstance(k, str) for k in gz.phrase_index)

"""Unit tests of speaker typing and speaker country, on invented sentences (one general
fact about Arabic news each)."""
from attribution_cases import acts, one
from analysis.attribution.countries import load_countries
from analysis.normalize import normalize_text


def country(text):
    return load_countries().country_of(normalize_text(text).split())


# ---- countries
def test_a_nationality_whose_name_begins_with_fa_or_wa_is_no_conjunction():
    # فلسطيني، فنلندي: the first letter is part of the name, not the conjunction ف
    assert country("رئيس الوزراء الفلسطيني") == "PS"
    assert country("وزير فلسطيني") == "PS"
    assert country("السلطة الفلسطينية") == "PS"
    r = one("وقال وزير السياحة الفلسطيني سامي ناصر إن الفنادق ممتلئة.")
    assert (r.speaker_type, r.speaker_country) == ("foreign_official", "PS")


def test_for_the_hajj_is_not_the_town_lahij():
    # للحج "for the Hajj" reads as the Yemeni town لحج once its preposition is read off
    assert load_countries().setting(normalize_text("أعدت اللجنة خطة للحج في مكة المكرمة").split()) == "SA"


# ---- state bodies named with a company word
def test_a_company_word_that_heads_a_state_body_keeps_it_official():
    r = one("وقال سامر الفارس المتحدث باسم دار الإفتاء بجدة إن الفتوى صدرت.")
    assert (r.speaker_type, r.speaker_country) == ("home_official", "SA")
    r = one("وأكد رئيس المؤسسة العامة للنقل البحري الكويتية أن الحركة نشطة.")
    assert (r.speaker_type, r.speaker_country) == ("foreign_official", "KW")
    # an ordinary company stays other
    assert one("وقال مدير مؤسسة النور التجارية إن الأسعار مستقرة.").speaker_type == "other"


def test_publishers_and_stock_exchanges_are_companies():
    assert one("وقال مدير دار النشر البريطانية إن الرواية طبعت.").speaker_type == "other"
    assert one("وقال رئيس سوق الأسهم القبرصية إن المؤشر تحسن.").speaker_type == "other"
    assert one("وأعلنت البورصة المصرية أن المؤشر ارتفع.").speaker_type == "other"


# ---- international bodies
def test_an_international_adjective_types_the_noun_it_qualifies():
    # the adjective qualifies the centre, not the board: not an intergovernmental body
    r = one("وقال جون ماير عضو اللجنة العلمية بالمركز الدولي لأبحاث الصحراء إن اللوائح تغيرت.")
    assert r.speaker_type != "international_org"
    # right after the noun or after its genitive, it makes the body international
    assert one("وقال صندوق النقد الدولي إن النمو سيتباطأ.").speaker_type == "international_org"
    assert one("وأكدت المنظمة الدولية للهجرة أن الأعداد تتزايد.").speaker_type == "international_org"


def test_an_envoy_qualified_as_international_is_an_international_official():
    assert one("ودعا المبعوث الدولي الأطراف إلى الحوار.").speaker_type == "international_org"
    r = one("وقال المبعوث الأمريكي الخاص إن المفاوضات مستمرة.")
    assert (r.speaker_type, r.speaker_country) == ("foreign_official", "US")


def test_a_supervisor_holds_an_office():
    r = one("وأوضح المشرف العام على المكتبة المركزية بجامعة تبوك الدكتور سامر الفارس أن الإعارة بدأت.")
    assert (r.speaker_type, r.speaker_country) == ("home_official", "SA")


# ---- academic and courtesy titles
def test_a_professor_who_heads_a_department_speaks_as_an_academic():
    r = one("وقال الدكتور جون بيكر أستاذ الكيمياء ورئيس قسم العلوم في الجامعة إن النتائج مشجعة.")
    assert r.speaker_type == "expert"


def test_a_doctors_title_is_typed_by_the_office_given_elsewhere():
    # الدكتور is also a courtesy title of officials with a doctorate
    text = ("زار الدكتور سامي العتيبي، الأمين العام لجامعة الدول العربية، المعرض أمس.\n"
            "وأكد الدكتور العتيبي أن التعاون مستمر.")
    assert one(text).speaker_type == "international_org"
    # with no office anywhere, a doctor is an expert
    assert one("وأكد الدكتور العتيبي أن التعاون مستمر.").speaker_type == "expert"


# ---- a body named in full once, then by its head noun
def test_a_bare_head_noun_takes_the_type_of_the_fuller_description_outside_any_act():
    text = "خفض البنك المركزي الكيني سعر الفائدة.\nوأشار البنك في نشرته الشهرية إلى أن الأسعار استقرت."
    r = one(text)
    assert (r.speaker_type, r.speaker_country) == ("foreign_official", "KE")


def test_the_head_of_a_state_bank_is_no_spokesman_of_a_company():
    # a bank cited by its head noun before does not make the central bank's governor private
    text = ("خفض البنك المركزي الكيني سعر الفائدة.\nوأشار البنك في نشرته الشهرية إلى أن الأسعار استقرت.\n"
            "وقال جون موانغي رئيس البنك المركزي الكيني إن الاقتصاد يتعافى.")
    df = acts(text)
    assert df["speaker_type"].tolist() == ["foreign_official", "foreign_official"]


# ---- «المملكة» and the setting
def test_the_kingdom_is_the_monarchy_the_text_names():
    lex = load_countries()
    words = normalize_text("ضبطت الجمارك الأردنية شحنة قادمة إلى المملكة").split()
    assert set(lex.the_kingdom(words).values()) == {"JO"}
    assert lex.setting(words, kingdom=lex.the_kingdom(words)) == "JO"
    # unnamed, it stays unresolved: the analyst's home country is not the text's
    words = normalize_text("تنتشر بنوك الدم في مناطق المملكة").split()
    assert lex.the_kingdom(words) == {}
    # المملكة المتحدة names another state
    words = normalize_text("وصل الوفد السعودي إلى المملكة المتحدة").split()
    assert lex.the_kingdom(words) == {} and lex.setting(words, kingdom=lex.the_kingdom(words)) == ""


def test_a_state_body_without_its_state_in_a_text_about_the_kingdom():
    text = ("ضبطت الجمارك السعودية شحنة مهربة عند دخولها إلى المملكة.\n"
            "وقال مدير عام الجمارك إن التفتيش مستمر.")
    r = acts(text).iloc[-1]
    assert (r.speaker_type, r.speaker_country) == ("home_official", "SA")


def test_a_city_name_does_not_inflect_into_a_common_word():
    # الداخلة (a city) must not make داخل "inside" a place of Morocco
    assert load_countries().country_of(["داخل", "السجن"]) == ""


# ---- unnamed sources
def test_an_indefinite_description_with_only_qualifiers_is_unnamed():
    assert one("وقال متحدث رسمي سوداني إن المعبر فتح.").speaker_type == "anonymous"
    assert one("وأكدت مسؤولة كبيرة أن الحملة مستمرة.").speaker_type == "anonymous"
    assert one("وقال دبلوماسي غربي سابق إن المحادثات متعثرة.").speaker_type == "anonymous"


def test_an_indefinite_office_named_by_a_proper_noun_is_identified():
    text = "وصل الرئيس الأمريكي جيمس هولدن إلى نيويورك.\nوتعهدت إدارة هولدن بدعم الخطة."
    r = acts(text).iloc[-1]
    assert r.speaker_type != "anonymous"


def test_an_unnamed_company_group_or_person_is_an_unnamed_source():
    assert one("وأعلنت جماعة بيئية متشددة أنها نظمت الاحتجاج.").speaker_type == "anonymous"
    assert one("وقالت شركة أمريكية إن الصفقة ألغيت.").speaker_type == "anonymous"
    # a company named in quotation marks or by a proper noun is identified
    assert one("وقالت شركة «نجمة» إن الصفقة ألغيت.").speaker_type == "other"
    assert one("وقالت مجموعة بلتون إن الصفقة ألغيت.").speaker_type == "other"


# ---- non-state sources
def test_lawyers_defendants_candidates_and_preachers_are_other():
    assert one("وقال محامي المتهمين سالم الفهد إن الحكم قاس.").speaker_type == "other"
    assert one("وقال المرشح الرئاسي جون ميلر إن حملته قوية.").speaker_type == "other"
    assert one("وأكد الداعية سامي العنزي أن الصيام عبادة.").speaker_type == "other"


def test_judges_and_muftis_hold_an_office():
    r = one("وقال القاضي المصري حسن رفعت إن الجلسة أجلت.")
    assert (r.speaker_type, r.speaker_country) == ("foreign_official", "EG")
    assert one("وأكد مفتي الديار المصرية أن الفتوى واضحة.").speaker_type == "foreign_official"


def test_players_and_champions_are_other():
    assert one("وقال مدافع الفريق سامي الحربي إن المباراة صعبة.").speaker_type == "other"
    assert one("وقال بطل العالم في السباحة جون بيل إن الرقم سيتحطم.").speaker_type == "other"
    assert one("وقال المدير الفني للمنتخب إن اللاعبين جاهزون.").speaker_type == "other"


def test_campaigns_and_rights_charity_and_civic_bodies_are_other():
    assert one("وقالت الناطقة باسم حملة المرشح جون ميلر إن الاستطلاعات مشجعة.").speaker_type == "other"
    assert one("وقالت منظمة حقوقية مصرية بارزة إن المعتقلين أفرج عنهم.").speaker_type == "anonymous"
    assert one("وقالت منظمة الكرامة الحقوقية إن المعتقلين أفرج عنهم.").speaker_type == "other"
    assert one("وأعلنت جمعية البر الخيرية بالواحة أن التبرعات زادت.").speaker_type == "other"
    assert one("وقالت منظمة غير حكومية إن المساعدات وصلت.").speaker_type == "anonymous"


def test_a_body_of_international_reach_that_is_not_intergovernmental_is_other():
    r = one("وقال جون ماير عضو اللجنة العلمية بالمركز الدولي لأبحاث الصحراء إن القضية أغلقت.")
    assert r.speaker_type == "other"
    assert one("وقالت منظمة العفو الدولية إن المحاكمة جائرة.").speaker_type == "other"
    # an executive of an intergovernmental body is not a company's officer
    assert one("وقال المدير التنفيذي لبرنامج الأغذية العالمي إن المساعدات وصلت.").speaker_type == "international_org"


# ---- officers of a body named in full before
def test_an_officer_of_a_body_cited_by_its_head_noun_is_typed_by_the_body():
    text = ("افتتحت المؤسسة العامة للموانئ بجدة رصيفا جديدا.\n"
            "وقالت مديرة المؤسسة إن الرصيف يستقبل السفن.")
    r = acts(text).iloc[-1]
    assert (r.speaker_type, r.speaker_country) == ("home_official", "SA")
    # a company's officer stays other
    text = "افتتحت شركة النخيل فرعا جديدا.\nوقال مدير الشركة إن الفرع يعمل."
    assert acts(text).iloc[-1].speaker_type == "other"


def test_a_state_body_in_a_place_belongs_to_its_state():
    text = ("نظرت محكمة الاستئناف في الكويت، في دعوى شركة للنقل.\n"
            "وقالت المحكمة إن الحكم سيصدر الشهر المقبل.")
    r = acts(text).iloc[-1]
    assert (r.speaker_type, r.speaker_country) == ("foreign_official", "KW")


# ---- groups
def test_part_of_a_group_is_an_unnamed_source():
    assert one("وقال عدد من المتسوقين إن الأسعار مرتفعة.").speaker_type == "anonymous"
    assert one("وأكد أحد مسؤولي الوزارة الكينية أن الخطة جاهزة.").speaker_type == "anonymous"
    assert one("وحذر بعض السياسيين من أن الأزمة ستطول.").speaker_type == "anonymous"


def test_companies_protesters_and_critics_cited_as_a_group_are_unnamed():
    assert one("وتتوقع الشركات أن المبيعات ستتحسن.").speaker_type == "anonymous"
    assert one("ويرى منتقدو المشروع أن كلفته عالية.").speaker_type == "anonymous"
    assert one("وقال المحتجون إن مطالبهم لم تتحقق.").speaker_type == "anonymous"


def test_a_former_official_speaks_as_a_private_person():
    assert one("وقال وزير الدفاع البريطاني السابق جون ستيوارت إن الاتفاق صامد.").speaker_type == "other"
    assert one("وقال جون ميلر وزير الدفاع الأسبق إن الحرب طويلة.").speaker_type == "other"
    # an unnamed former official is an unnamed source
    assert one("وقال دبلوماسي سابق إن المحادثات متعثرة.").speaker_type == "anonymous"


def test_founders_partners_executives_and_the_private_sector_are_other():
    assert one("وقال مؤسس المنصة سامي الحربي إن عدد المستخدمين تضاعف.").speaker_type == "other"
    assert one("وقالت المديرة التنفيذية سارة العلي إن الأرباح زادت.").speaker_type == "other"
    assert one("وطالب القطاع الخاص بتسهيلات جديدة، مؤكدا أن الطلب كبير.").speaker_type == "other"


def test_a_correspondent_reports_for_the_outlet():
    assert one("وقال مراسل قناة الأخبار إن الاشتباكات توقفت.").speaker_type == "media"


def test_an_eyewitness_is_an_unnamed_source():
    assert one("وقال شاهد عيان إن الحريق كان صغيرا.").speaker_type == "anonymous"


def test_a_governor_of_an_armed_group_is_a_non_state_source():
    assert one("وأبلغ والي تنظيم داعش أتباعه أن المعسكر نقل.").speaker_type == "other"


def test_a_cell_is_no_state_body_by_its_word_alone():
    # خلية is also a terrorist cell: the word alone does not make a state body
    r = acts("وأعلنت خلية مسلحة في بيان أن عناصرها نفذوا الهجوم.").iloc[-1]
    assert r.speaker_type == "unknown"


def test_a_chamber_of_commerce_is_a_business_association():
    assert one("وقال رئيس الغرفة التجارية بجدة سامي العلي إن الأسواق نشطة.").speaker_type == "other"


def test_the_european_commission_speaks_as_a_body_of_its_own():
    r = one("وأعلنت المفوضية الأوروبية أن المفاوضات ستستأنف.")
    assert (r.speaker, r.speaker_type) == ("المفوضية الأوروبية", "international_org")


def test_a_state_speaks_through_the_seat_of_its_government():
    r = one("وقال البيت الأبيض إن الوفد سيزور المعرض.")
    assert (r.speaker_type, r.speaker_country) == ("foreign_official", "US")
    r = one("وأعلن الكرملين أن الوفد سيصل الأسبوع المقبل.")
    assert (r.speaker_type, r.speaker_country) == ("foreign_official", "RU")


def test_ministries_named_by_their_adjective_alone():
    r = one("وقالت الخارجية الأمريكية إن المحادثات بناءة.")
    assert (r.speaker_type, r.speaker_country) == ("foreign_official", "US")


def test_officers_and_inspectors_hold_an_office():
    r = one("وقال ضابط الشرطة الكيني جون موانغي إن المشتبه به اعتقل.")
    assert r.speaker_type == "foreign_official"


def test_sport_federations_are_other_even_international_ones():
    assert one("وقال الاتحاد الدولي لكرة القدم إن العقوبة نهائية.").speaker_type == "other"
    assert one("وقال رئيس الاتحاد الآسيوي لكرة القدم أمس إن البطولة ستقام في موعدها.").speaker_type == "other"


def test_an_ordinary_person_alone_is_unnamed_with_a_name_other():
    assert one("وقال مواطن إن الخدمة سيئة.").speaker_type == "anonymous"
    assert one("وقالت إحدى المواطنات إن الخدمة سيئة.").speaker_type == "anonymous"
    assert one("وقال المواطن سعد العتيبي إن الخدمة سيئة.").speaker_type == "other"


def test_a_place_name_identifies_an_indefinite_office_a_nationality_does_not():
    r = one("وقالت وزيرة ولاية كيرالا إن الأمطار غزيرة.")
    assert (r.speaker_type, r.speaker_country) == ("foreign_official", "IN")
    assert one("وقال مسؤول هندي إن الأمطار غزيرة.").speaker_type == "anonymous"


def test_a_border_post_in_a_saudi_town_is_saudi():
    r = one("وقال مدير جمرك الخفجي سالم العنزي إن الشحنة ضبطت.")
    assert (r.speaker_type, r.speaker_country) == ("home_official", "SA")

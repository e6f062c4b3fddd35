"""Round 8, speakers: (1) a subject fronted after أنّ/إنّ or لكنّ stands before its verb, so
the noun after the verb is the object, not the speaker; (2) a definite noun of a group or a
public body (الحكومة، المواطنين، الشباب) right after a definite word or after the name
after بن begins the verb's object and ends the subject. Invented sentences and invented
names; each rule has cases where it must not fire."""
from attribution_cases import acts


def _speaker(text, cue):
    rows = [r for r in acts(text).itertuples() if r.cue == cue]
    assert len(rows) == 1, [(r.cue, r.speaker) for r in acts(text).itertuples()]
    return rows[0]


# ---- (1) the subject between أنّ / لكنّ and the verb

def test_fronted_subject_after_anna_not_the_object_after_the_verb():
    row = _speaker("ومن اللافت أن أحد الموظفين اتهم المشرف بالتقصير في عمله.", "اتهم")
    assert row.speaker == "أحد الموظفين"
    assert row.resolution == "preceding"


def test_fronted_subject_after_lakin():
    row = _speaker("عبر الجمهور عن غضبه من الخسارة. لكن المدرب نفى الأنباء التي تحدثت عن رحيله.", "نفى")
    assert row.speaker == "المدرب"


def test_pluperfect_subject_before_qad_not_a_noun_after_the_verb():
    # وكان X قد أكد خلال مؤتمر صحفي: the journalist's adjective is no speaker
    row = _speaker("وكان المتحدث باسم الهيئة قد أكد خلال مؤتمر صحفي أن العمل مستمر.", "أكد")
    assert row.speaker == "المتحدث باسم الهيئة"


def test_verb_with_an_object_pronoun_keeps_the_subject_after_it():
    # the fronted phrase is the topic that the pronoun takes up; the subject follows the verb
    row = _speaker("وذكر التقرير أن هذه الرواية نفاها المتحدث باسم الشرطة.", "نفاها")
    assert row.speaker == "المتحدث باسم الشرطة"


def test_untyped_fronted_noun_is_no_speaker():
    row = _speaker("وأشار إلى أن الاتفاق رحب به الوزير في كلمته.", "رحب")
    assert row.speaker == "الوزير"


def test_fronted_person_that_the_verb_does_not_agree_with_is_no_subject():
    # masculine phrase, feminine verb: the phrase is the topic, the subject comes after
    row = _speaker("وأشار إلى أن المدير رحبت به إدارة الفندق عند وصوله.", "رحبت")
    assert row.speaker.startswith("إدارة الفندق")


def test_fronted_subject_after_a_negation():
    row = _speaker("والمعروف أن الوزارة لم تطالب النادي بدفع الغرامة.", "تطالب")
    assert row.speaker == "الوزارة"


# ---- (2) a group or body noun after the subject begins the object

def test_citizens_after_a_definite_body():
    row = _speaker("ودعت البلدية المواطنين إلى ترشيد استهلاك المياه.", "ودعت")
    assert row.speaker == "البلدية"


def test_government_after_a_council_named_by_its_province():
    row = _speaker("طالب مجلس محافظة الوادي الحكومة المركزية بوقف القصف على القرى.", "طالب")
    assert row.speaker == "مجلس محافظة الوادي"


def test_youth_after_a_name_after_bin():
    row = _speaker("وطالب الأمير سامر بن خالد الشباب بالمشاركة في أعمال التطوع.", "وطالب")
    assert row.speaker == "الأمير سامر بن خالد"


def test_group_noun_after_an_indefinite_head_stays_in_the_name():
    row = _speaker("وقال رئيس نادي الشباب سامر الفارس إن الفريق جاهز للموسم.", "وقال")
    assert "نادي الشباب" in row.speaker


def test_government_as_genitive_of_a_spokesman_stays_in_the_name():
    row = _speaker("وأكد المتحدث باسم الحكومة أن القرار نهائي.", "وأكد")
    assert row.speaker == "المتحدث باسم الحكومة"


def test_family_name_after_bin_is_kept():
    row = _speaker("وطالب الأمير سامر بن خالد الفارس اللاعبين بالالتزام.", "وطالب")
    assert row.speaker == "الأمير سامر بن خالد الفارس"


# ---- a relative pronoun joined by و ends the name

def test_wa_alladhi_is_not_part_of_the_name():
    row = _speaker("وحضر اللقاء رئيس الجمعية الأستاذ سامر بن خالد الفارس والذي عبر عن شكره للداعمين.", "عبر")
    assert row.speaker == "رئيس الجمعية الأستاذ سامر بن خالد الفارس"


def test_phrase_after_an_earlier_particle_that_does_not_reach_the_verb():
    # the phrase after إن ends at its own verb; the later verb has its subject after it
    row = _speaker("وقال البيان إن الوزير افتتح المبنى الجديد ثم أكد المدير أن العمل مستمر.", "أكد")
    assert row.speaker == "المدير"


def test_verb_with_an_object_pronoun_after_a_person():
    row = _speaker("وذكر التقرير أن الوزير انتقده رئيس اللجنة في الجلسة.", "انتقده")
    assert row.speaker == "رئيس اللجنة"


def test_no_noun_after_the_verb_leaves_nested_content_as_it_was():
    # The rule replaces a noun read after the verb; with none there it does not apply, and an
    # act inside another source's indirect content keeps the earlier reading (how such nested
    # acts are coded is not settled: DECISIONS.md, fresh samples). This pins the scope.
    rows = [(r.cue, r.speaker, r.resolution) for r in acts(
        "وأضاف البيان أن مسؤولين بوزارة المالية قد أكدوا للجنة المراجعة أن الأرقام سليمة.").itertuples()]
    assert ("أكدوا", "البيان", "continuation") in rows


def test_verb_joined_by_wa_is_no_predicate_of_the_phrase_before_it():
    row = _speaker("وقال البيان إن الوزير افتتح المبنى الجديد وأكد المدير أن العمل مستمر.", "وأكد")
    assert row.speaker == "المدير"


def test_phrase_read_on_through_an_unknown_verb_is_no_subject():
    row = _speaker("وذكر التقرير أن البنك حقق أرباحا كبيرة وفي هذا السياق قال المحللون إن النمو سيستمر.", "قال")
    assert row.speaker == "المحللون"


def test_collective_with_min_is_a_fronted_subject():
    row = _speaker("ومن الواضح أن عددا من الموظفين اتهموا المدير بالتقصير.", "اتهموا")
    assert row.speaker == "عددا من الموظفين"


def test_phrase_that_ends_before_a_comma_is_not_the_subject_of_the_next_verb():
    row = _speaker("وذكر التقرير أن البنك سجل أرباحا قياسية، قال المحللون إنها ستستمر.", "قال")
    assert row.speaker == "المحللون"


def test_ma_after_the_name_is_the_object():
    row = _speaker("ونفى المتحدث باسم الشركة سامر الفارس ما تردد عن إغلاق المصنع.", "ونفى")
    assert row.speaker == "المتحدث باسم الشركة سامر الفارس"


def test_according_to_what_the_spokesman_announced_keeps_its_source():
    rows = [(r.cue, r.speaker) for r in acts("وارتفع عدد الزوار بحسب ما أعلنه المتحدث باسم الهيئة سامر الفارس.").itertuples()]
    assert rows and rows[0][1] == "المتحدث باسم الهيئة سامر الفارس"


# ---- review fixes: the fronted subject goes through the checks of any subject before its verb


def test_content_after_a_long_object_and_occasion_of_a_fronted_subject():
    # the content is sought after the object read after the verb, not within ten words of it
    text = ("وكان مدير الهيئة ماهر الصالح ذكر الأربعاء الماضي في جدة خلال لقاء صحافي مع "
            "نظرائه الخليجيين أن الخطة تسير كما رسم لها.")
    row = _speaker(text, "ذكر")
    assert row.speaker.endswith("ماهر الصالح")


def test_act_inside_anothers_content_is_none_whether_or_not_an_object_follows():
    # a verb inside what another source reported is no act of its own, object or not
    for text in ("وقال المدير إن الإدارة رفضت الطلب المقدم أمس.",
                 "وقال المدير إن الإدارة رفضت."):
        assert [r.cue for r in acts(text).itertuples()] == ["وقال"]


def test_a_medium_passes_on_the_fronted_sources_act():
    # كشفت صحيفة X أن Y نبه الزوار: Y speaks, the paper is the via, with or without an object
    for text in ("وكشفت صحيفة الضحى أن إدارة المتحف نبهت الزوار إلى أن القاعة مغلقة.",
                 "وكشفت صحيفة الضحى أن إدارة المتحف نبهت إلى أن القاعة مغلقة."):
        row = _speaker(text, "نبهت")
        assert row.speaker == "إدارة المتحف" and row.via == "صحيفة الضحى"


def test_pronoun_on_the_preposition_after_the_verb_marks_a_topic():
    # أن اللاعب قال عنه المدرب: the fronted phrase is the topic, the subject follows the verb
    row = _speaker("ومن اللافت أن اللاعب الشاب قال عنه المدرب إنه موهوب.", "قال")
    assert row.speaker == "المدرب"


def test_so_called_after_an_indefinite_construct_head_stays_in_the_name():
    row = _speaker("وقال المتحدث باسم ما يسمى حركة النهضة إن المفاوضات توقفت.", "وقال")
    assert row.speaker == "المتحدث باسم ما يسمى حركة النهضة"
    # after a definite subject ما still begins the object
    row = _speaker("وانتقد المتحدث الرسمي ما يسمى بالتسريبات قائلا إنها كاذبة.", "وانتقد")
    assert row.speaker == "المتحدث الرسمي"


def test_fronted_subject_after_lakin_not_the_object():
    # لكنّ governs a noun: the noun after the verb is its object (a test the base fails)
    row = _speaker("غضب الجمهور. لكن المدرب طالب اللاعبين بالهدوء.", "طالب")
    assert row.speaker == "المدرب"

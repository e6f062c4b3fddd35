"""Detection, round 9: missed and false reporting acts counted by hand on unlabelled
SaudiNewsNet articles (a seeded sample of 35, then the whole range 28500-30000). One general
fact of Arabic news per group of tests, each with a case where the rule must not fire;
sentences and names are invented."""
from analysis.attribution import load_gazetteer
from analysis.attribution.cues import verb_forms
from attribution_cases import acts


def _cues(text):
    return [r.cue for r in acts(text).itertuples()]


def _rows(text):
    return [(r.cue, r.speaker, r.resolution) for r in acts(text).itertuples()]


# --- 1. a geminate verb (حثّ "urged") writes its perfect with two letters


def test_geminate_perfect_keeps_its_two_letter_form():
    forms = verb_forms("حث", "يحث")
    assert "حث" in forms and "حثت" in forms and "يحث" in forms
    # other two-letter strings stay out (the imperfect's short forms of other verbs)
    assert not {f for f in verb_forms("قال", "يقول") if len(f) < 3}


def test_urging_verb_with_its_subject_is_an_act():
    rows = _rows("حث الأمير نادر بن فهد أمير المنطقة الشمالية، على تنسيق الجهود بين الدوائر.")
    assert [r[0] for r in rows] == ["حث"]
    assert rows[0][1].startswith("الأمير نادر بن فهد")
    assert _cues("وحثت الهيئة التجار بالالتزام بالأسعار المعلنة.") == ["وحثت"]


def test_urging_verb_joined_by_wa_continues_the_speaker():
    rows = _rows("وقال مدير المستشفى هاني الصالح إن الخدمة تحسنت. وحث الجميع على الانضباط.")
    assert [r[0] for r in rows] == ["وقال", "وحث"]
    assert rows[1][1] == "مدير المستشفى هاني الصالح" and rows[1][2] == "continuation"


def test_urging_participle_is_an_act():
    assert _cues("وأوضح المدير هاني الصالح أن الخطة اكتملت، حاثاً الفرق على الإسراع.") == ["وأوضح", "حاثاً"]


def test_urging_verbal_noun_in_a_list_of_actions_is_no_act():
    # the same letters after another verbal noun, with no على and no ب + noun after the
    # object: "urging" as a noun, one of the actions of a programme
    text = "وقال المدير هاني الصالح إن البرنامج مفيد. وتحدث عن دور الإدارة في توجيه وحث المعلمين للمشاركة."
    assert "وحث" not in _cues(text)
    # and بحث "research" or البحث are never the verb
    assert _cues("وقال المدير هاني الصالح إن البحث انتهى، وبحث الفريق أسبابه.") == ["وقال"]


# --- 2. thanks, condolences and congratulations offered with قدّم / رفع / نقل


def test_offered_thanks_is_the_givers_act():
    rows = _rows("وقدم رئيس الجمعية نادر العتيق شكره للمتطوعين على جهودهم في الحملة.")
    assert rows == [("شكره", "رئيس الجمعية نادر العتيق", "explicit")]


def test_offered_condolences_end_the_giver_before_the_adjective():
    rows = _rows("ورفع المجلس البلدي خالص تعازيه لأسر الضحايا في الحادث المؤلم.")
    assert [(r[0], r[1]) for r in rows] == [("تعازيه", "المجلس البلدي")]


def test_subjectless_offering_continues_the_speaker_not_the_addressee():
    # the name before a subject-less وقدّم is whom the giver thanked, not the giver
    text = ("وقال رئيس النادي هاني الصالح إن الموسم ناجح. وقدم شكره لجميع اللاعبين المشاركين، "
            "وقدم شكره لأسرهم على دعمهم.")
    rows = _rows(text)
    assert [r[0] for r in rows] == ["وقال", "شكره", "شكره"]
    assert {r[1] for r in rows} == {"رئيس النادي هاني الصالح"}


def test_thanks_noun_without_an_offering_verb_is_no_act():
    # أعرب عن شكره is one act, the verb's; a certificate of thanks is nobody's words
    assert _cues("وأعرب المدير هاني الصالح عن شكره للعاملين.") == ["وأعرب"]
    assert _cues("وحصلت الطالبة على شهادة شكر من إدارة المدرسة.") == []
    # a vehicle carrying something is no giver
    assert _cues("نقلت الحافلة تعازي الطلاب المكتوبة إلى المدرسة.") == []


def test_thanks_offered_inside_the_speakers_quotation_is_no_new_act():
    text = "وقال المحافظ في مستهل اللقاء: «كلفني سمو الأمير أن أنقل تعازيه لكم جميعا، فنحن معكم»."
    assert _cues(text) == ["وقال"]
    # also when the quotation runs on into the next paragraph before it closes
    text = ("وقال المحافظ في مستهل اللقاء: «كلفني سمو الأمير بنقل خالص تعازيه لكم جميعا، فنحن معكم.\n"
            "وستبقى المحافظة سندا لكم في كل حين»." )
    assert "تعازيه" not in _cues(text)


def test_offered_noun_lists_are_data():
    lex = load_gazetteer().cues
    assert "تعازيه" in lex.offered_nouns and "شكره" in lex.offered_nouns
    assert "تهاني" not in lex.offered_nouns  # also a woman's given name
    assert "خالص" in lex.offered_adjectives
    assert "وقدم" in lex.offering_verbs and "ورفع" in lex.offering_verbs

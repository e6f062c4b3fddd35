"""Round 7, speakers: an honorific pronoun as the subject (وأكد سموه، وقال معاليه) stands for
the nearest person named before whose title has the honorific's rank (سمو a prince, معالي a
minister or official, سماحة/فضيلة a cleric); and the subject's phrase that ran on into the
verb's object or a circumstantial adverb. Invented sentences and invented names; each rule
has a case where it must not fire."""
from attribution_cases import acts, one


def _speakers(text):
    return [(r.cue, r.speaker) for r in acts(text).itertuples()]


# ---- an honorific pronoun with no speaker before it

def test_his_highness_after_a_prince_who_received_someone():
    row = one("استقبل الأمير سامر بن فهد أمير منطقة الواحات بمقر الإمارة وفدا من رجال الأعمال. "
              "وأكد سموه أن المنطقة تشهد نموا كبيرا.")
    assert row.speaker.startswith("الأمير سامر بن فهد")
    assert row.resolution == "anaphora"


def test_his_excellency_after_a_minister_who_opened_a_hall():
    row = one("افتتح معالي وزير النقل الدكتور فارس المالكي القاعة الجديدة في المطار. "
              "وقال معاليه إن المشروع يخدم المسافرين.")
    assert "فارس المالكي" in row.speaker


def test_his_eminence_after_the_mufti_named_in_the_headline():
    text = "المفتي يزور الجامعة\n\nزار سماحة المفتي الشيخ نادر الحامد كلية الشريعة.\n\n" \
           "وأوضح سماحته أن طلب العلم فريضة."
    row = one(text)
    assert "المفتي" in row.speaker


# ---- the rank chooses between two persons

def test_his_highness_skips_a_minister_named_later():
    rows = _speakers("قال الأمير سامر بن فهد إن الموسم ناجح. والتقى وزير النقل الدكتور فارس المالكي "
                     "رجال الأعمال. وأكد سموه أن التعاون مستمر.")
    assert rows[-1][0] == "وأكد" and rows[-1][1].startswith("الأمير سامر بن فهد")


def test_his_excellency_skips_a_prince_who_spoke_last():
    rows = _speakers("وقال وزير التجارة الدكتور كريم الناصر إن الأسواق مستقرة. "
                     "وشهد الأمير سامر بن فهد الحفل. وقال الأمير سامر إن المعرض مهم. "
                     "وأضاف معاليه أن الأسعار لن ترتفع.")
    assert rows[-1][0] == "وأضاف" and "كريم الناصر" in rows[-1][1]


# ---- negatives: no person of that rank before

def test_no_prince_before_gives_no_speaker_from_another_rank():
    # an engineer is no prince: the pronoun finds no antecedent and, with no speaker
    # before it, no act is made (the behaviour before the rule)
    assert acts("زار المهندس كريم العلي المصنع الجديد. وقال سموه إن العمل مستمر.").empty


def test_no_minister_before_keeps_the_last_speaker():
    rows = _speakers("وقال المهندس كريم العلي إن المصنع جاهز. وأضاف معاليه أن الإنتاج يبدأ قريبا.")
    assert rows[-1][1] == "المهندس كريم العلي"


def test_the_advisor_of_the_king_is_a_prince_not_a_king():
    # مستشار خادم الحرمين: the king is the genitive of the adviser's title, so جلالته
    # does not go back to the prince
    rows = _speakers("قال الأمير سامر بن فهد مستشار خادم الحرمين الشريفين إن الحفل ناجح. "
                     "وأكد سموه أن الجوائز كثيرة.")
    assert rows[-1][1].startswith("الأمير سامر بن فهد")


def test_the_subject_of_the_sentence_before_not_its_object():
    # استقبل الوزير … رئيس الهيئة: both have a title of the rank of معالي; the subject comes first
    row = one("استقبل وزير الإسكان الدكتور كريم الناصر في مكتبه رئيس وأعضاء هيئة المقاولين. "
              "وقال معاليه إن الهيئة شريك مهم.")
    assert "كريم الناصر" in row.speaker


def test_a_conjunct_prince_is_not_the_antecedent():
    # the crown prince is named after و, in what the emir passed on: not the one who speaks
    row = one("سلم الأمير سامر بن فهد أمير المنطقة في الحفل جوائز الملك وسمو ولي العهد للفائزين. "
              "وأكد سموه أن الوطن يفخر بهم.")
    assert row.speaker.startswith("الأمير سامر بن فهد")


def test_the_object_after_his_excellency_is_not_his_name():
    rows = _speakers("وقال وزير النقل الدكتور فارس المالكي إن الطرق جاهزة. ودعا معاليه المقاولين إلى الإسراع.")
    assert rows[-1][0] == "ودعا" and "المقاولين" not in rows[-1][1]


# ---- the subject's phrase ends at the verb's object or an adverb

def test_a_definite_object_after_the_family_name_is_cut():
    row = one("ودعا الأمير سامر الفارس المواطنين إلى التبرع للجمعية.")
    assert row.speaker == "الأمير سامر الفارس"


def test_a_definite_object_after_a_chain_of_descent_is_cut():
    row = one("ولفت الدكتور سامر بن خالد الفارس الانتباه إلى أن المخزون يكفي.")
    assert row.speaker == "الدكتور سامر بن خالد الفارس"


def test_a_definite_object_after_al_and_the_family_is_cut():
    rows = _speakers("ترأس الأمير نادر بن فهد آل سالم الجلسة. وقال سموه إن المشاريع تتقدم.")
    assert rows[-1][1] == "الأمير نادر بن فهد آل سالم"


def test_a_compound_given_name_written_apart_keeps_its_family_name():
    row = one("وقال الدكتور عبد الله السلمي إن النادي أقام أمسيات كثيرة.")
    assert row.speaker == "الدكتور عبد الله السلمي"


def test_a_title_and_its_adjective_after_the_name_are_kept():
    row = one("وأكد الأمير سامر بن فهد الرئيس العام للهيئة أن الموسم ناجح.")
    assert row.speaker.startswith("الأمير سامر بن فهد الرئيس العام")


def test_a_tribal_nisba_after_the_family_name_is_kept():
    row = one("وأوضح الدكتور نادر الخازم الغامدي أن المهرجان يستمر أسبوعا.")
    assert row.speaker == "الدكتور نادر الخازم الغامدي"


def test_a_circumstantial_adverb_ends_a_foreign_name():
    row = one("وقال بيتر هولمن مازحا إن الطقس لا يشبه طقس بلاده.")
    assert row.speaker == "بيتر هولمن"


def test_an_adverb_with_the_tanwin_ends_a_titled_name():
    row = one("وأضاف الوزير سامر مبتسماً أن الحفل بهيج.")
    assert row.speaker == "الوزير سامر"


def test_an_adverb_of_time_after_a_plural_subject():
    row = one("ودعا المحتجون مجددا إلى الإضراب العام.")
    assert "مجددا" not in row.speaker

"""Round 4b, speaker resolution across the document: a name cited alone takes the type of
its titled mention elsewhere, an apposition clause (، وهو خبير …) gives a role, and the
registry keeps a clean span. Invented sentences and invented names; each rule has a case
where it must not fire."""
from attribution_cases import acts, one


def test_a_title_set_off_by_a_comma_types_the_surname_cited_later():
    # وزير …، سامح الورداني، …: the title's phrase ends at the comma, the name follows
    df = acts("وتفقد وزير الزراعة الكيني، سامح الورداني، مزرعة الشاي أمس. "
              "وقال سامح الورداني إن المحصول وفير هذا الموسم.")
    row = df[df.cue == "وقال"].iloc[0]
    assert row.speaker_type == "foreign_official" and row.speaker_country == "KE"


def test_a_title_cut_before_a_given_name_types_the_surname_cited_later():
    # المتحدث باسم الهيئة عبدالله …: a given name in الله is read as the title's object
    df = acts("وزار المتحدث باسم الهيئة الكينية للموانئ عبدالله القرناوي الرصيف الجديد. "
              "وأضاف القرناوي أن العمل ينتهي قريبا.")
    row = df[df.cue == "وأضاف"].iloc[0]
    assert row.speaker_type == "foreign_official" and row.speaker_country == "KE"


def test_an_indefinite_word_before_the_name_gives_no_title():
    # ام لم تقبل، لذلك …: an indefinite word and a clause are no title of the name
    df = acts("سواء قبلت الأسر ام لم تقبل، لذلك فنيروز الشامخ تدير الحوار. "
              "وقالت نيروز الشامخ إن الحوار مستمر.")
    row = df[df.cue == "وقالت"].iloc[0]
    assert row.speaker_type == "unknown"


def test_an_institution_followed_by_its_object_gives_no_title():
    # أعلنت الهيئة خطة …: a body's noun is followed by its object, not a holder's name
    df = acts("وأطلقت الهيئة الكينية خطة الطوارئ الجديدة. وقالت خطة الطوارئ إن الموسم صعب.")
    row = df[df.cue == "وقالت"].iloc[0]
    assert row.speaker_type != "foreign_official"


def test_an_apposition_clause_gives_the_role():
    # سامر الفارس، وهو خبير في الطاقة، إن …
    assert one("وقال سامر الفاروني، وهو خبير في شؤون الطاقة، إن الأسعار سترتفع.").speaker_type == "expert"
    assert one("وقالت ليلى الحمداني وهي مسؤولة في البلدية إن الطريق سيفتح.").speaker_type != "unknown"
    assert one("وقال كريم البستاني، وهو مستثمر في العقار، إن السوق هادئ.").speaker_type == "other"


def test_an_apposition_clause_without_a_role_gives_none():
    # وهو يتحدث …: a clause with a verb, not a role
    assert one("وقال سامر الفاروني، وهو يبتسم، إن الأسعار سترتفع.").speaker_type == "unknown"


def test_the_registry_keeps_a_name_rather_than_a_name_with_the_object():
    # «قال سامر الفاروني» then «كشف سامر الفاروني الستار»: the object is no part of the name
    df = acts("وقال سامر الفاروني إن السوق هادئ. "
              "وكشف سامر الفاروني الستار عن خطة جديدة للتوسع.")
    assert set(df.speaker) == {"سامر الفاروني"}


def test_the_registry_takes_a_fuller_description():
    # مصادر → مصادر قبلية; a given name → given name and surname
    df = acts("وقالت مصادر إن الطريق مغلق. وأضافت مصادر قبلية أن القافلة وصلت.")
    assert set(df.speaker) == {"مصادر قبلية"}

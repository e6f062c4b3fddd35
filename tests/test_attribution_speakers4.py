"""Round 4, speaker identification: where a speaker's noun phrase ends after a reporting
verb. One general fact of Arabic news syntax per test, on invented sentences and invented
names, each with a case where the rule must not fire."""
from attribution_cases import acts, one


def test_a_day_of_the_week_after_the_subject_is_its_time():
    # قال X الثلاثاء / يوم الأحد / الخميس الماضي: an adverb of time, not part of the name
    assert one("وقال وزير الزراعة الماليزي كمال يوسفان الثلاثاء إن المحصول تحسن.").speaker == \
        "وزير الزراعة الماليزي كمال يوسفان"
    assert one("وأعلنت الشرطة الجمعة أن الطريق الساحلي أغلق بالكامل.").speaker == "الشرطة"
    assert one("وذكرت مصادر طبية صباح السبت أن المصابين نقلوا للعلاج.").speaker == "مصادر طبية"
    assert one("وصرحت الهيئة البحرية الخميس الماضي بأن الميناء سيغلق.").speaker == "الهيئة البحرية"
    # a day right after a lone given name that follows a title is his family name
    assert one("وقال مدير فرع الجمعية حمد الخميس إن التسجيل بدأ.").speaker == \
        "مدير فرع الجمعية حمد الخميس"


def test_a_day_after_the_verb_is_never_a_name():
    # وأكد الاثنين أن: the time of the act; the subject is the one spoken of before
    df = acts("وقال رئيس البلدية سامر الفاضل إن الطرق جاهزة. وأكد الاثنين أن الأعمال مستمرة.")
    assert "الاثنين" not in set(df.speaker)


def test_fa_inna_opens_the_content_of_an_according_to_phrase():
    # بحسب X فإن …: the source ends before فإن
    assert one("وبحسب مسؤول محلي فإن الحريق اندلع في المستودع ليلا.").speaker == "مسؤول محلي"
    assert one("وحسب مصادر أمنية فإنه لم يصب أحد في الحادث.").speaker == "مصادر أمنية"


def test_bi_with_a_verbal_noun_begins_the_complement():
    # طالب X بتوفير …، أشاد X بدعم …، رحب X بانضمام …: the complement of the verb, not the subject
    assert one("وطالب رئيس نادي الشروق بتوفير ملعب جديد للفريق.").speaker == "رئيس نادي الشروق"
    assert one("ورحب مجلس الأمناء بانضمام أعضاء جدد إلى الصندوق.").speaker == "مجلس الأمناء"
    assert one("وطالبت النقابة بضرورة مراجعة الأجور هذا العام.").speaker == "النقابة"
    # ب on an institution or a place belongs to the title
    assert one("وقال الناطق الإعلامي بشرطة المنطقة إن البلاغ ورد مساء.").speaker == \
        "الناطق الإعلامي بشرطة المنطقة"


def test_bima_begins_the_complement():
    # أشاد X بما تحقق، حذر X مما يجري: ب/من + ما, a relative clause, begins the object
    assert one("وأشاد رئيس مجموعة النخلة بما تحقق من نمو في الأرباح.").speaker == "رئيس مجموعة النخلة"
    assert one("وحذر رئيس الجمعية الزراعية مما يجري في الأسواق من تلاعب.").speaker == \
        "رئيس الجمعية الزراعية"


def test_an_indefinite_verbal_noun_after_a_definite_subject_is_the_object():
    # أعلن الجيش مقتل …، أكدت الوزارة استمرار …، أكد المسؤول وجود …: a definite noun is not
    # followed in its own phrase by an indefinite one
    assert one("وأعلن الجيش الكيني مقتل خمسة مسلحين في الهجوم.").speaker == "الجيش الكيني"
    assert one("وأكدت الوزارة استمرار العمل بالنظام القديم حتى نهاية العام.").speaker == "الوزارة"
    assert one("ونفى المتحدث الرسمي وجود أي إصابات بين الركاب.").speaker == "المتحدث الرسمي"
    # a name after a definite title is an apposition, not an object
    assert one("وقال المدير خالد السالمي إن العمل مستمر.").speaker == "المدير خالد السالمي"
    # a definite verbal noun after an indefinite head is its genitive (a body's name)
    assert one("وقالت هيئة الاستثمار إن الطلبات زادت.").speaker == "هيئة الاستثمار"


def test_a_word_opening_the_object_after_the_verb_is_no_name():
    # وأكد ضرورة أن، يفيد بوجود …، أفاد بذلك، يؤكد دوماً على: the verb's object or an adverb
    # follows it, the verb continues the last speaker
    text = "وقال مدير المرور نادر السمحان إن الطرق آمنة. وأكد ضرورة أن يلتزم السائقون بالسرعة."
    assert set(acts(text).speaker) == {"مدير المرور نادر السمحان"}
    text = "وقال مدير المرور نادر السمحان إن الطرق آمنة. ويؤكد دوماً على أهمية الحذر في الشتاء."
    assert "دوماً" not in set(acts(text).speaker)
    # (the report, a document with no issuer, is the source: H5; never the object بوجود)
    assert set(acts("وورد بلاغ يفيد بوجود سيارة متروكة قرب الجسر.").speaker) <= {"بلاغ"}
    # a name right after the verb is still a name
    assert one("وأكد سامي الدهان أن المعرض يفتح غدا.").speaker == "سامي الدهان"

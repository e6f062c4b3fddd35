"""Via, round 8: general facts of Arabic news about the medium a source's words came
through, found by reading the system's vias against SaudiNewsNet articles (NOTES_r8_via.md).
One fact per test, each with a case where the rule must not fire; sentences and names are
invented."""
from attribution_cases import acts


def _via_of(df, cue: str) -> str:
    rows = df[df.cue == cue]
    assert len(rows) == 1, df[["cue", "speaker", "via"]].values.tolist()
    return rows.iloc[0].via


# --- 1. after a separate لـ the outlet's name may stand in brackets or between marks of
# either direction


def test_bracketed_outlet_after_separate_li():
    df = acts("وأكد مدير الميناء نادر الصافي لـ(النهار الجديد) أن الأرصفة ستفتح قريبا.")
    assert _via_of(df, "وأكد") == "النهار الجديد"
    df = acts("وصرح مدير الميناء نادر الصافي لـ (الضحى) بأن الأرصفة ستفتح قريبا.")
    assert _via_of(df, "وصرح") == "الضحى"


def test_reversed_marks_after_separate_li():
    df = acts("وقال مدير الميناء نادر الصافي لـ”الضحى” إن الأرصفة ستفتح قريبا.")
    assert _via_of(df, "وقال") == "الضحى"
    df = acts("وقال مدير الميناء نادر الصافي لـ»الضحى« إن الأرصفة ستفتح قريبا.")
    assert _via_of(df, "وقال") == "الضحى"


def test_time_word_inside_a_marked_outlet_name_is_kept():
    # اليوم "today" is a word of the name between the marks, not a time closing the phrase
    df = acts("وقال مدير الميناء نادر الصافي لـ”مرآة اليوم” إن الأرصفة ستفتح قريبا.")
    assert _via_of(df, "وقال") == "مرآة اليوم"
    df = acts("وقال مدير الميناء نادر الصافي لـ(مرآة اليوم) إن الأرصفة ستفتح قريبا.")
    assert _via_of(df, "وقال") == "مرآة اليوم"
    # outside the marks it still closes the phrase
    df = acts("وقال مدير الميناء نادر الصافي لـ«الضحى» اليوم إن الأرصفة ستفتح قريبا.")
    assert _via_of(df, "وقال") == "الضحى"


def test_bracketed_outlet_before_the_subject_is_no_speaker():
    # كشف لـ(X) فلان: the bracketed outlet is whom it was told to, the subject follows
    df = acts("وكشف لـ(الضحى) مدير الميناء نادر الصافي أن الأرصفة ستفتح قريبا.")
    row = df[df.cue == "وكشف"].iloc[0]
    assert row.via == "الضحى"
    assert "الصافي" in row.speaker


def test_brackets_after_li_hold_no_outlet_when_not_a_name():
    # figures in brackets are no outlet; a bracketed name that is a complement of the
    # content (بالنسبة لـ(الخطة)) is not the medium either
    df = acts("وقال مدير الميناء نادر الصافي لـ(12 ساعة) إن الأرصفة ستفتح قريبا.")
    assert all(v == "" for v in df.via)
    df = acts("وقال مدير الميناء نادر الصافي إن الأرصفة مهمة بالنسبة لـ(الخطة) الجديدة.")
    assert all(v == "" for v in df.via)


# --- 2. the medium spoken to closes the description right before the content, so a
# complement inside the description (مطلعة على، the given name Ali normalised like على)
# does not hide it


def test_medium_after_a_complement_in_the_description():
    df = acts("وأكدت مصادر مطلعة على المفاوضات لـ«الضحى» أن الاتفاق سيوقع الأسبوع المقبل.")
    assert _via_of(df, "وأكدت") == "الضحى"
    df = acts("وقال مدير الميناء علي الصافي لـ«الضحى»: الأرصفة ستفتح قريبا.")
    assert _via_of(df, "وقال") == "الضحى"


def test_complement_then_li_without_content_is_no_medium():
    # a ل-phrase after a complement that does not close the description (no أن/إن/colon
    # after it) belongs to the content: دعا إلى تقديم الدعم لـ«الجمعية»
    df = acts("ودعا الوزير إلى تقديم الدعم لـ«الجمعية الخيرية» في المدينة.")
    assert all(v == "" for v in df.via)


def test_complement_rule_stops_at_another_cue():
    # the medium of a later act in the same stretch of words is not the earlier act's
    df = acts("وأشار المدير إلى الخطة الجديدة، وقال المسؤول علي الصافي لـ«الضحى» إن الأرصفة ستفتح.")
    assert _via_of(df, "وأشار") == ""
    assert _via_of(df, "وقال") == "الضحى"


def test_according_source_with_a_long_description_spoke_to_the_medium():
    df = acts("وبحسب مصدر في وزارة النقل البحري لـ«الضحى» فإن الأرصفة ستفتح قريبا.")
    assert _via_of(df, "وبحسب") == "الضحى"
    # a ل-phrase inside the content is not the source's medium
    df = acts("وبحسب مصدر في وزارة النقل البحري فإن الدعم لـ«الضحى» سيستمر.")
    assert _via_of(df, "وبحسب") == ""


# --- 3. an outlet's name ends before a verb, a clause particle, a quotation and an
# indefinite word after its definite adjectives


def test_medium_name_ends_before_a_quotation():
    df = acts('وقال النائب العام وفق ما بثته قناة الجنوب الإخبارية " تمت إحالة الملف إلى القضاء".')
    assert _via_of(df, "وقال") == "قناة الجنوب الإخبارية"


def test_medium_name_ends_before_the_next_phrase():
    df = acts('وأوضح وزير المالية في مقابلة مع وكالة "ريم" الجنوبية للأنباء تفاصيل الموازنة.')
    assert _via_of(df, "وأوضح") == "وكالة ريم الجنوبية للأنباء"
    df = acts("وقالت الجماعة في عدة تغريدات على موقع تويتر نشرتها ذراعها الإعلامية إنها مستعدة.")
    assert _via_of(df, "وقالت") == "موقع تويتر"


def test_medium_name_keeps_its_bracketed_or_quoted_short_name():
    # a bracketed or quoted short name after the definite words belongs to the outlet
    df = acts("وأوضحت الشركة في إفصاح على موقع البورصة الجنوبية (سهم) أنها ربحت.")
    assert _via_of(df, "وأوضحت") == "موقع البورصة الجنوبية سهم"
    df = acts('وأوضحت الشركة في إفصاح على موقع البورصة الجنوبية "سهم" أنها ربحت.')
    assert _via_of(df, "وأوضحت") == "موقع البورصة الجنوبية سهم"


def test_act_kept_past_a_clause_describing_the_medium():
    # لوكالة X بثت نتائجه أمس أن …: the act's content starts after the relative clause
    df = acts("أظهر استطلاع حديث لوكالة رويترز بثت نتائجه أمس أن الإنتاج ارتفع.")
    assert _via_of(df, "أظهر") == "وكالة رويترز"


# --- 4. a medium cited for its own content is the speaker, not its own via


def test_medium_subject_of_a_telling_verb_is_no_via():
    df = acts("وأفادت وكالة الأنباء الجنوبية بأن الموازنة جاهزة.")
    row = df[df.cue == "وأفادت"].iloc[0]
    assert row.speaker_type == "media"
    assert row.via == ""
    # the medium told as the object keeps its via
    df = acts("وأفاد «الضحى» مسؤول في الميناء بأن الأرصفة ستفتح قريبا.")
    assert _via_of(df, "وأفاد") == "الضحى"


# --- 5. نقل + عن: the source after عن speaks, whatever stands before the verb


def test_transmission_verb_with_the_medium_before_it():
    df = acts("وكانت وكالة الأنباء الجنوبية قد نقلت عن وزير المالية قوله إن الموازنة جاهزة.")
    row = df[df.via != ""].iloc[0]
    assert "وزير المالية" in row.speaker
    assert row.via == "وكالة الأنباء الجنوبية"


def test_transmission_verb_without_a_named_source_stays_the_medium_act():
    # نقلت الخبر عن مصادرها: no source named right after عن, the medium stays the speaker
    df = acts("وكانت وكالة الأنباء الجنوبية قد نقلت الخبر عن مصادرها.")
    assert all(v == "" for v in df.via)
    # a person (not a medium) who passes on words is not turned into a via
    df = acts("وكان وزير المالية قد نقل عن الأمير قوله إن الموازنة جاهزة.")
    assert all(v == "" for v in df.via)


def test_medium_name_ends_before_a_clause_particle():
    # …، ووفقا للتلفزيون X فقد تم …: فقد opens the next clause
    df = acts("وقال المحتجون إنهم غاضبون من القرار، ووفقا للتلفزيون الرسمي فقد تم توقيف المتهم.")
    assert _via_of(df, "وقال") == "التلفزيون الرسمي"


def test_transmission_verb_with_its_medium_left_out():
    # the agency named in the sentence before, the verb's time before عن
    df = acts("وذكرت وكالة الأنباء الجنوبية أن الموازنة تأخرت. ونقلت أمس عن وزير المالية قوله إن "
              "الموازنة جاهزة.")
    row = df[df.cue == "قوله"].iloc[0]
    assert "وزير المالية" in row.speaker
    assert row.via == "وكالة الأنباء الجنوبية"


def test_medium_name_ends_before_a_particle_after_a_bare_name():
    # after an indefinite name (no definite adjective before it) only the particle ends it
    df = acts("وقال المحتجون إنهم غاضبون من القرار، ووفقا لوكالة رويترز فقد تم توقيف المتهم.")
    assert _via_of(df, "وقال") == "وكالة رويترز"


def test_time_word_inside_a_quoted_name_after_a_medium_noun():
    df = acts("وقال مدير الميناء نادر الصافي لصحيفة «مرآة اليوم» إن الأرصفة ستفتح قريبا.")
    assert _via_of(df, "وقال") == "صحيفة مرآة اليوم"


def test_lone_name_act_kept_past_a_clause_describing_the_medium():
    # an unknown one-word subject is taken when the medium and then the content follow it;
    # the clause describing the medium (بثت نتائجه) stands between them
    df = acts("أظهر مسح لفرانس برس بثت نتائجه اليوم أن الطلب ارتفع في الربيع.")
    assert _via_of(df, "أظهر") == "فرانس برس"


def test_transmission_verb_with_the_bare_verbal_noun_of_saying():
    # نقلت X عن Y القول إن: القول is Y's noun of saying, the cue; Y ends before it
    df = acts("ونقلت وكالة الأنباء الجنوبية عن مصدر في الوزارة القول إن الموازنة جاهزة.")
    row = df[df.cue == "القول"].iloc[0]
    assert row.speaker == "مصدر في الوزارة" or row.speaker == "مصدر"
    assert row.via == "وكالة الأنباء الجنوبية"


def test_transmission_verb_keeps_an_anaphoric_source_unresolved():
    # عن المصدر نفسه "the same source": no new speaker is made of the anaphor (the mention
    # parse gives it no type, so the act is left as it was)
    df = acts("وقال مصدر في الوزارة إن الموازنة تأخرت. وكانت وكالة الأنباء الجنوبية قد نقلت عن "
              "المصدر نفسه القول إن الموازنة جاهزة.")
    assert not df.speaker.str.contains("نفسه").any()


# --- review fixes


def test_a_platforms_own_name_after_its_description_stays_in_the_via():
    df = acts("وكتب المحافظ في تدوينة مسائية على موقع التواصل الاجتماعي تويتر أن الطريق سيفتح.")
    assert _via_of(df, "وكتب") == "موقع التواصل الاجتماعي تويتر"
    df = acts("وقال الوزير لوكالة الأنباء الفرنسية فرانس برس إن العمل مستمر.")
    assert _via_of(df, "وقال") == "وكالة الأنباء الفرنسية فرانس برس"
    df = acts("وقال الوزير لقناة الضحى news إن العمل مستمر.")
    assert _via_of(df, "وقال") == "قناة الضحى news"


def test_the_verbs_own_complement_then_li_names_no_medium():
    # وعلق الوزير على الانتقادات الموجهة لـ«الهيئة» بأن: the ل-phrase is what the
    # criticism was aimed at, inside the verb's complement, not a medium spoken to
    df = acts("وعلق الوزير على الانتقادات الموجهة لـ«الهيئة» بأن العمل مستمر.")
    assert _via_of(df, "وعلق") == ""
    df = acts("وتحدث الوزير عن الدعم المقدم لـ(جمعية الوفاء) أمس، مؤكدا أن العمل مستمر.")
    assert all(v == "" for v in df.via)


def test_by_way_of_after_naql_is_carrying():
    df = acts("وأصيبت سائقة في التصادم، ونقلت عن طريق سيارة إسعاف إلى مستشفى المدينة.")
    assert df.empty

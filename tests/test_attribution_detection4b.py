"""Cue detection, round 4b: general facts of Arabic news about cue words that are in the
lexicon but were rejected by the context logic, found by listing the rejected cue forms on
unlabelled SaudiNewsNet articles by lemma and reason. One fact per test, each with a case
where the rule must not fire; sentences and names are invented."""
from attribution_cases import acts, one


# --- 1. وفقا / طبقا take their source with a glued ل


def test_according_to_with_glued_li_names_its_source():
    r = one("ووفقا لوزير الزراعة نادر الهاشمي، فإن المحصول تضاعف هذا الموسم.")
    assert r.cue == "ووفقا" and r.speaker == "وزير الزراعة نادر الهاشمي"
    assert r.speaker_type == "official"
    r = one("وتراجعت مبيعات الأقمشة في الربع الأخير، طبقا لوكالة الأنباء الألمانية.")
    assert r.cue == "طبقا" and r.speaker == "وكالة الأنباء الألمانية" and r.speaker_type == "media"


def test_according_to_with_glued_li_before_a_rule_is_no_act():
    # وفقا للنظام، طبقا للمعايير: "in accordance with" a rule or a standard
    assert len(acts("وتجري المعالجة وفقا للنظام الذي تتبعه البلديات.")) == 0
    assert len(acts("وتُنفذ الطرق الجديدة طبقا للمعايير الدولية المعتمدة.")) == 0


# --- 2. the noun of saying inside an according-to phrase is no act of its own (H3)


def test_noun_of_saying_inside_according_to_phrase_is_one_act():
    r = one("وارتفع العجز بحسب تصريحات وزير المالية سامي فريد أمس.")
    assert r.cue == "بحسب" and "سامي فريد" in r.speaker
    r = one("ووفقا لتصريحات وزير النقل كمال العتيبي، فإن الطريق سيفتح قريبا.")
    assert r.cue == "ووفقا" and "كمال العتيبي" in r.speaker


def test_noun_of_saying_alone_is_still_a_cue():
    r = one("وجاء في تصريحات الوزير كمال العتيبي أن الطريق سيفتح قريبا.")
    assert r.cue == "تصريحات"


# --- 3. بحسب قوله، حسب وصفها: the words of the one who spoke last


def test_according_to_own_words_points_back_to_the_last_speaker():
    df = acts("وقال المدرب هاني الزعبي إن الفريق جاهز للموسم. "
              "ولن يغير الفريق خطته في المباريات المقبلة، حسب قوله.")
    assert df.cue.tolist() == ["وقال", "حسب"]
    assert df.speaker.tolist() == ["المدرب هاني الزعبي"] * 2


def test_according_to_own_words_in_the_speakers_sentence_is_the_same_act():
    # قال X إن …، حسب وصفه: one act, the verb's (H3); with no one before, no act
    df = acts("وقال المدرب هاني الزعبي إن الفريق جاهز للموسم حسب وصفه.")
    assert df.cue.tolist() == ["وقال"]
    assert len(acts("ولن يغير الفريق خطته في المباريات المقبلة، حسب قوله.")) == 0


# --- 4. a day or time word between بحسب ما + verb and the subject


def test_time_word_inside_according_to_phrase():
    r = one("وتأجلت الجلسة إلى الشهر المقبل، بحسب ما أعلن الأربعاء المتحدث باسم المحكمة رامي الخطيب.")
    assert r.cue == "بحسب" and "رامي الخطيب" in r.speaker


def test_time_word_after_according_to_is_no_source():
    assert len(acts("وتصرف الرواتب حسب اليوم المحدد لكل موظف.")) == 0


# --- 5. وفق/حسب + a norm, plan or measure: "in accordance with", no source


def test_according_to_a_norm_is_no_act():
    assert len(acts("ويجري توزيع المقاعد حسب الأولوية في كل حي.")) == 0
    assert len(acts("وتُصرف المكافآت وفقا لأحكام المادة الرابعة من اللائحة.")) == 0
    assert len(acts("وتوزعت الجوائز وفق ما يلي: الأول للفريق الأزرق.")) == 0


def test_according_to_a_source_beside_a_norm_word_is_still_an_act():
    r = one("وارتفع الإنتاج خلال العام، بحسب مدير المصنع ماجد الراشد.")
    assert r.cue == "بحسب" and "ماجد الراشد" in r.speaker


# --- 6. a forecast or a finding given as the object noun of توقع، رجح، أظهر


def test_forecast_with_an_object_noun_and_a_named_source():
    r = one("وتوقع وزير التجارة رامز الحلبي ارتفاع الصادرات في الربع المقبل.")
    assert r.cue == "وتوقع" and r.speaker == "وزير التجارة رامز الحلبي"
    r = one("ورجحت الشركة تراجع أرباحها خلال العام الجاري.")
    assert r.cue == "ورجحت" and r.speaker == "الشركة"
    # أظهر + a noun is "showed" (interest, flexibility), not a report: it needs أن
    assert len(acts("وأظهر الوزير اهتماما كبيرا بالمشروع الجديد.")) == 0


def test_forecast_verb_without_a_source_is_no_act():
    # the impersonal يُتوقع and تظهر "appear" take a thing, not a source, as subject
    assert len(acts("كما يتوقع هطول أمطار غزيرة على المرتفعات.")) == 0
    assert len(acts("وتظهر على الشاشة رسالة تطلب كلمة المرور.")) == 0

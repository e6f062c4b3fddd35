import pytest

from analysis.attribution import (ATTRIBUTION_COLUMNS, attributions_frame, find_attributions,
                                  load_gazetteer, quote_spans)
from analysis.corpus import Document
from analysis.errors import GazetteerError


def acts(text, **meta):
    df = find_attributions(Document("t", text, {"outlet": "X", **meta}))
    for r in df.itertuples():
        assert text[r.cue_start:r.cue_end] == r.cue
    return df


def one(text, **kw):
    df = acts(text, **kw)
    assert len(df) == 1, df[["cue", "speaker"]].values.tolist()
    return df.iloc[0]


# ---- cue families
def test_reporting_verb_with_explicit_subject():
    r = one("وقال وزير الداخلية الإسباني إن التعاون مع المغرب ممتاز.")
    assert (r.cue, r.speaker_type, r["mode"], r.resolution) == ("وقال", "foreign_official", "indirect", "explicit")


def test_feminine_and_imperfect_forms():
    assert one("وأكدت الوزارة أن العملية تمت بنجاح.").cue == "وأكدت"
    assert one("ويرى مراقبون أن الحدث غير مسبوق.").speaker_type == "anonymous"


def test_participial_continuation_is_its_own_act():
    df = acts("وقال الأستاذ محمد العلوي إن الأمن أولوية، مؤكدا أن التعاون ضروري، ومشيرا إلى أن النتائج واضحة.")
    assert df["cue"].tolist() == ["وقال", "مؤكدا", "ومشيرا"]
    assert df["speaker"].nunique() == 1 and df["speaker_type"].iloc[0] == "expert"


def test_noun_cue_and_according_to():
    r = one("وجاءت شهادة الأمين العام للإنتربول بأن المغرب «عضو نشيط».")
    assert (r.cue, r.speaker, r.speaker_type, r["mode"]) == ("شهادة", "فالديسي أوركيزا", "international_org", "direct")
    r = one("ويتعين تعزيز التنسيق، بحسب مصادر أمنية مطلعة.")
    assert (r.cue, r.speaker_type) == ("بحسب", "anonymous")


def test_headline_attribution():
    r = one("حموشي يدعو لبنيات أمنية مشتركة")
    assert (r.speaker, r.speaker_type) == ("عبد اللطيف حموشي", "home_official")


# ---- what is not an act
@pytest.mark.parametrize("text", [
    "ويدرك المتابعون أن المغرب لم يصل إلى هذه المكانة بسهولة.",      # knowing
    "ويعتبر التعاون الأمني بين البلدين نموذجاً.",                       # agentless (passive reading)
    "الذي يوصف أحياناً بـ«الإف بي آي المغربي».",                        # agentless passive
    "كل هذه الزيارات تؤكد أن المغرب شريك.",                              # no source as subject
    "بناء على معلومات قدمتها المديرية العامة.",                         # supplied, not said
    "سيعبر الوفد الحدود غدا.",                                           # عبر = cross, not express
])
def test_not_reporting_acts(text):
    assert acts(text).empty


def test_nested_source_inside_quotation_is_not_counted():
    df = acts('وقال حموشي إن "الموقف يرتكز على تعليمات الملك الذي أكد أن الأمن نعمة".')
    assert df["cue"].tolist() == ["وقال"]


# ---- speakers across the text
def test_anaphora_and_continuation():
    text = ("قرأ إحسان الحافظي، أستاذ بكلية العلوم القانونية، في العملية “تأكيدا للتفوق”.\n"
            "وأضاف الخبير الأمني ذاته أن “النموذج ناجح”. وزاد: “هذا مهم”.\n"
            "ومن النقاط المهمة، وفق المصرح نفسه، “الاستمرار في اليقظة”.\n"
            "وشدد على أن التعاون ضروري.")
    df = acts(text)
    assert df["cue"].tolist() == ["قرأ", "وأضاف", "وزاد", "وفق", "وشدد"]
    assert set(df["speaker"]) == {"إحسان الحافظي"}
    assert df["resolution"].tolist() == ["explicit", "anaphora", "continuation", "anaphora", "continuation"]


def test_surname_and_title_resolve_to_the_full_name():
    df = acts("وقال هشام الكتاني، باحث في الشؤون الأمنية، إن الأمر مهم.\nوختم الكتاني بأن التعاون ضروري.")
    assert df["speaker"].tolist() == ["هشام الكتاني", "هشام الكتاني"]
    assert df["speaker_type"].tolist() == ["expert", "expert"]
    df = acts("ووصف رئيس الإنتربول المغرب بأنه أرض الجمال.")
    assert df["speaker"].tolist() == ["أحمد ناصر الريسي"]


def test_each_source_type():
    cases = {
        "وقال المدير العام للأمن الوطني إن العملية ناجحة.": "home_official",
        "وأكد وزير الخارجية الأمريكي أن المغرب شريك.": "foreign_official",
        "وأشار الأمين العام للأمم المتحدة إلى أن السلام ضروري.": "international_org",
        "وقال الباحث عمر الشرقاوي إن المغرب نموذج.": "expert",
        "وقالت مصادر مطلعة إن الاجتماع انتهى.": "anonymous",
        "وذكرت وكالة الأناضول أن الاجتماع انعقد.": "media",
    }
    for text, expected in cases.items():
        assert one(text).speaker_type == expected, text


def test_via_intermediary():
    r = one('وقال سامر الفارس إن "الحديقة ملك للجميع"، وفق موقع "النجم 24" المغربي.')
    # the medium as the text names it (the outlet's noun and name), not the gazetteer's name
    assert (r.via, r["mode"]) == ("موقع النجم 24 المغربي", "direct")


# ---- quotes
def test_quote_pairing_copes_with_one_glyph_both_ways_and_unbalanced_marks():
    text = "تنظيم ”أنتربول”، وقال ”نص مقتبس”. و«مفتوح"
    spans = quote_spans(text)
    assert [text[a:b] for a, b in spans] == ["”أنتربول”", "”نص مقتبس”", "«مفتوح"]
    assert quote_spans("Morocco’s role") == []                 # apostrophe
    assert [("a“b ‘c’ d”"[a:b]) for a, b in quote_spans("a“b ‘c’ d”")] == ["“b ‘c’ d”"]  # inner quote


def test_partly_quoted_is_direct():
    r = one("وسلط الريسي الضوء على المجمع الذي يمثل \"ركيزة أساسية\" في الابتكار.")
    assert r["mode"] == "direct" and r.quote == "ركيزة أساسية"


def test_seed_acts_keep_offsets(seeds, raw_texts):
    df = attributions_frame(seeds)
    assert list(df.columns) == list(ATTRIBUTION_COLUMNS)
    assert len(df) >= 50
    for r in df.itertuples():
        raw = raw_texts[r.doc_id]
        assert raw[r.cue_start:r.cue_end] == r.cue
        assert r.start <= r.cue_start < r.cue_end <= r.end <= len(raw)


def test_malformed_gazetteer(tmp_path):
    path = tmp_path / "g.yaml"
    path.write_text("people: []\ninstitutions: []\nmedia: []\nrole_words: {}\n", encoding="utf-8")
    with pytest.raises(GazetteerError, match="g.yaml: missing or malformed section 'cues'"):
        load_gazetteer(path)
    path.write_text("people: [{id: x, name: س, type: wizard}]\ninstitutions: []\nmedia: []\nrole_words: {}\ncues: {}\n",
                    encoding="utf-8")
    with pytest.raises(GazetteerError, match="people 'x': field 'type' must be one of"):
        load_gazetteer(path)


@pytest.mark.parametrize("change, message", [
    ("aliases: أحمد", r"people\[0\].aliases: must be a list of words"),
    ("alias: [أحمد]", r"people\[0\]: unknown key\(s\) 'alias'"),
])
def test_gazetteer_entries_are_checked(tmp_path, change, message):
    path = tmp_path / "g.yaml"
    path.write_text("people:\n  - id: x\n    name: أحمد العلوي\n    type: expert\n    " + change +
                    "\ninstitutions: []\nmedia: []\nrole_words: {}\ncues: {}\n", encoding="utf-8")
    with pytest.raises(GazetteerError, match=message):
        load_gazetteer(path)


def test_gazetteer_word_lists_and_keys_are_checked(tmp_path):
    base = "people: []\ninstitutions: []\nmedia: []\nrole_words: {expert: [خبير]}\ncues: {verbs: [[قال, يقول]]}\n"
    path = tmp_path / "g.yaml"
    for extra, message in (("anaphora: المتحدث\n", "anaphora: must be a list"),
                           ("reflexive: [ذاته]\n", "unknown key\\(s\\) 'reflexive'"),
                           ("role_words: {expert: خبير}\n", None)):
        text = base.replace("role_words: {expert: [خبير]}\n", "") + extra if extra.startswith("role_words") else base + extra
        path.write_text(text, encoding="utf-8")
        with pytest.raises(GazetteerError, match=message or "role_words.expert: must be a list"):
            load_gazetteer(path)


@pytest.mark.parametrize("entry, cues, message", [
    ("{id: x, name: 123, type: expert}", "", r"g.yaml: people\[0\].name: must be one word or phrase, not the number 123"),
    ("{id: 7, name: أحمد العلوي, type: expert}", "", r"g.yaml: people\[0\].id: must be one word or phrase, not the number 7"),
    ("{id: x, name: [أحمد, العلوي], type: expert}", "", r"g.yaml: people\[0\].name: must be one word or phrase, not a list"),
    ("{id: x, name: أحمد العلوي, type: expert, title: true}", "", r"g.yaml: people\[0\].title: must be one word or phrase, not the value True"),
    ("{id: x, name: أحمد العلوي, type: expert}", "[[[قال], يقول]]", r"g.yaml: cues.verbs\[0\]\[0\]: must be one word or phrase, not a list"),
    ("{id: x, name: أحمد العلوي, type: expert}", "[[قال, 5]]", r"g.yaml: cues.verbs\[0\]\[1\]: must be one word or phrase, not the number 5"),
])
def test_gazetteer_values_of_the_wrong_type_fail_on_load(tmp_path, entry, cues, message):
    # YAML reads `id: 7` as a number and `[قال]` as a list; each used to fail far from the
    # file: a traceback in normalisation, or (an id) when the tables were written.
    path = tmp_path / "g.yaml"
    path.write_text(f"people: [{entry}]\ninstitutions: []\nmedia: []\nrole_words: {{}}\n"
                    f"cues: {{verbs: {cues or '[[قال, يقول]]'}}}\n", encoding="utf-8")
    with pytest.raises(GazetteerError, match=message):
        load_gazetteer(path)


def test_quoted_name_does_not_make_an_act_direct():
    r = one("وقال الوزير إن برنامج «وطن آمن» حقق نتائج جيدة.")
    assert r["mode"] == "indirect" and r.quote == ""


def test_preposition_sense_of_a_cue_word():
    assert acts("وقال الوزير إن التواصل يتم عبر المنصات الرقمية.")["cue"].tolist() == ["وقال"]
    assert one("وعبر الوزير عن ارتياحه للنتائج.").cue == "وعبر"


def test_a_site_citing_a_source_is_the_intermediary():
    r = one("وذكرت صحيفة «عكاظ»، نقلا عن مصادر مطلعة، أن القرار صدر.")
    assert (r.speaker, r.speaker_type, r.via) == ("مصادر مطلعة", "anonymous", "صحيفة عكاظ")


def test_spokesman_of_a_body_is_not_an_anaphor():
    df = acts("قال الباحث عمر الشرقاوي إن المغرب نموذج.\nوقال المتحدث الرسمي باسم وزارة الصحة إن الوضع مستقر.")
    assert df["speaker"].tolist()[1].startswith("المتحدث الرسمي باسم وزارة الصحة")
    df = acts("قال الباحث عمر الشرقاوي إن المغرب نموذج.\nولفت المتحدث إلى أن الوضع مستقر.")
    assert df["speaker"].nunique() == 1 and "الشرقاوي" in df["speaker"].iloc[0]


def test_quoted_name_after_a_cliticised_noun():
    r = one("وقال الوزير لصحيفة «الرياض» إن المشروع اكتمل.")
    assert r["mode"] == "indirect"


def test_a_speaker_named_more_fully_is_found_by_the_new_words():
    # The second mention widens the speaker's name; its new word ("الكتاني") alone then
    # names the speaker before a verb (a surname of a speaker already in the document).
    df = acts("قال كريم الزياني، الخبير الأمني، إن التعاون مهم.\n\n"
              "وأضاف كريم الزياني الكتاني، الخبير الأمني، أن المغرب شريك موثوق.\n\n"
              "وفي السياق نفسه، الكتاني أكد أن الاجتماع ناجح.")
    assert df["cue"].tolist() == ["قال", "وأضاف", "أكد"]
    assert df["resolution"].tolist() == ["explicit", "explicit", "preceding"]
    assert df["speaker"].tolist()[1:] == ["كريم الزياني الكتاني"] * 2
    assert set(df["speaker_type"]) == {"expert"}


@pytest.mark.parametrize("text", [
    "قال الوزير «» إن الأمن مهم.",         # an empty pair of guillemets
    "قال الوزير: \"\" الأمن مهم.",          # an empty pair of straight quotes
    "وقال الوزير إن الأمن مهم \"",          # a stray mark at the end of the paragraph
])
def test_an_empty_or_stray_quotation_mark_does_not_make_an_act_direct(text):
    # "the minister said security matters", with quotation marks that quote nothing.
    r = one(text)
    assert (r["mode"], r.quote) == ("indirect", "")

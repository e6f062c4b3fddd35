import re
import subprocess
import sys

import pytest
import yaml

from analysis.codebook import REQUIRED_FRAMES, compile_tokens, load_codebook, to_quanteda
from analysis.errors import CodebookError


def test_packaged_codebook_has_required_frames():
    cb = load_codebook()
    assert re.match(r"^\d+\.\d+\.\d+$", cb.version)
    ids = [f.id for f in cb.frames]
    assert all(f in ids for f in REQUIRED_FRAMES)
    for frame in cb.frames:
        assert frame.label_ar and frame.label_en and frame.definition and frame.include
        assert frame.examples.get("positive") and frame.examples.get("negative")


@pytest.mark.parametrize("pattern,text,hit", [
    ("قوه# ناعم~", "وكقوة ناعمة", True),
    ("قوه# ناعم~", "لقوتها الناعمة", True),
    ("قوه# ناعم~", "القوة الصلبة", False),
    ("شريك~ _? موثوق*", "شريكا جادا وموثوق فيه", True),
    ("شريك~ _? موثوق*", "شريكاً موثوقاً", True),
    ("وقائي~", "الوقائية", True),
    ("وقائي~", "والوقائيين", True),
    ("=امن", "والامن", False),
    ("امن", "للامن", True),
    ("امن", "امنيه", False),             # a different word: no partial-word matches
    ("نعمه جماعي~ مسؤوليه مشترك~", "نعمة جماعية، ومسؤولية مشتركة", True),
    ("رصد|انذار مبكر~", "الإنذار المبكر", True),
    # verb variants: person prefixes, the perfect of derived forms, endings, pronouns
    ("نموذج~ يحتذي^", "نموذجا يحتذى به", True),
    ("نموذج~ يحتذي^", "نموذجا تحتذي به الدول", True),
    ("نموذج~ يحتذي^", "نموذجا احتذته دول كثيرة", True),
    ("نموذج~ يستلهم^", "نموذجا سيستلهمون منه", True),
    ("نموذج~ يحتذي^", "نموذجا محتذى", False),
    # the optional modifier slot: the token or nothing, never another word
    ("نموذج~ [امني~] مغربي~", "النموذج المغربي", True),
    ("نموذج~ [امني~] مغربي~", "النموذج الأمني المغربي", True),
    ("نموذج~ [امني~] مغربي~", "النموذج الاقتصادي المغربي", False),
    # up to two optional words
    ("اداه _? _? دبلوماسي~", "أداة فعالة جدا دبلوماسية", True),
    ("اداه _? _? دبلوماسي~", "أداة فعالة جدا وقوية دبلوماسية", False),
    # coordination members stand alone
    ("نعمه جماعي~ + مسؤوليه مشترك~", "مسؤولية مشتركة", True),
    ("نعمه جماعي~ + مسؤوليه مشترك~", "نعمة جماعية", True),
    ("نعمه جماعي~ + مسؤوليه مشترك~", "مسؤولية جماعية", False),
    ("امن _? _? جماعي~", "الأمن الجماعي", True),          # a run of optional words: up to that many
    ("امن _? _? جماعي~", "الأمن الإقليمي الجماعي", True),
    ("امن _? _? جماعي~", "الأمن الإقليمي والدولي الجماعي", True),
    ("امن _? _? جماعي~", "الأمن الإقليمي والدولي والعربي الجماعي", False),
    ("امن _? جماعي~ _? مشترك~", "الأمن الجماعي المشترك", True),
])
def test_pattern_language(pattern, text, hit):
    from analysis.normalize import normalize_text

    rx, _ = compile_tokens(pattern)
    assert bool(re.search(rx, normalize_text(text))) is hit


def test_synonym_sets_fill_a_slot(tmp_path):
    data = _minimal()
    data["synonyms"] = {"partner": ["شريك~", "حليف~", "فاعل~"], "trusted": ["موثوق*", "مؤتمن~"]}
    data["frames"][0]["patterns"] = [{"id": "p", "pattern": "@partner _? @trusted"},
                                     {"id": "q", "pattern": "امن", "context": ["@partner"]}]
    cb = load_codebook(_write(tmp_path, data))
    rx = cb.frames[0].patterns[0].regex
    from analysis.normalize import normalize_text

    for text in ("حليفا موثوقا", "فاعلا دوليا مؤتمنا", "والشريك الموثوق"):
        assert rx.search(normalize_text(text)), text
    assert not rx.search(normalize_text("مصدر موثوق"))
    assert cb.frames[0].patterns[1].context.search("الحليف")  # a set serves as a context list too


def test_coordination_members_are_one_pattern_id(tmp_path):
    data = _minimal()
    data["frames"][0]["patterns"] = [{"id": "p", "pattern": "نعمه جماعي~ + مسؤوليه مشترك~"}]
    cb = load_codebook(_write(tmp_path, data))
    assert [p.pattern_id for p in cb.patterns] == ["p", "p"]
    assert cb.table()["pattern_id"].tolist() == ["p"]


def test_matching_is_linear_in_the_text():
    # Each token is atomic and each optional slot a bounded choice: the regex engine does
    # a bounded amount of work per start position. A pattern with many optional words on
    # a long text of near-misses finishes; with nested unbounded choices it would not.
    from analysis.normalize import normalize_text

    rx = re.compile(compile_tokens("شريك~ " + "_? " * 4 + "[موثوق*] [مؤتمن~] [امين] موثوق*")[0])
    text = normalize_text(" ".join(["شريكا موثوقا مؤتمنا امين"] * 3000))
    assert rx.search(text) is not None                 # the pattern does match …
    assert rx.search(text + " x").end() > 0
    near_miss = normalize_text(" ".join(["شريكا مؤتمنا امين"] * 3000))
    assert rx.search(near_miss) is None                # … and a text of near misses is rejected
    src = compile_tokens("شريك~ _? _? موثوق*")[0]
    assert "{0,2}" in src and r"\w++" in src           # consecutive _? are one bounded slot


def _write(tmp_path, data):
    path = tmp_path / "cb.yaml"
    path.write_text(data if isinstance(data, str) else yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def _minimal():
    return {"version": "1.0.0", "frames": [{"id": "f", "label_en": "F", "label_ar": "ف", "definition": "d",
                                            "include": ["x"], "patterns": [{"id": "p", "pattern": "امن"}]}]}


def test_minimal_codebook_loads(tmp_path):
    cb = load_codebook(_write(tmp_path, _minimal()))
    assert cb.frames[0].patterns[0].pattern_id == "p"


@pytest.mark.parametrize("mutate,message", [
    (lambda d: d["frames"][0].pop("label_ar"), r"frame 'f': missing field 'label_ar'"),
    (lambda d: d["frames"][0].update(patterns=[]), r"frame 'f': field 'patterns' is empty"),
    (lambda d: d["frames"][0]["patterns"][0].update(pattern="امن كلمة!"), r"frame 'f', pattern 'p', field 'pattern'"),
    (lambda d: d["frames"][0]["patterns"][0].update(context=["@nowhere"]), r"unknown context list '@nowhere'"),
    (lambda d: d["frames"].append(dict(d["frames"][0])), r"frame 'f': duplicate frame id"),
    (lambda d: d.update(version="one"), r"field 'version' must look like 1.2.0"),
    (lambda d: d["frames"][0]["patterns"][0].update(colour="red"), r"unknown field\(s\) \['colour'\]"),
    (lambda d: d["frames"][0].update(id="Bad Id"), r"must be snake_case"),
    (lambda d: d["frames"][0]["patterns"][0].update(pattern="@nowhere امن"), r"unknown synonym set '@nowhere'"),
    (lambda d: d["frames"][0]["patterns"][0].update(pattern="[امن] امن"), r"must stand between two tokens"),
    (lambda d: d["frames"][0]["patterns"][0].update(pattern="امن _?"), r"must stand between two tokens"),
    (lambda d: d["frames"][0]["patterns"][0].update(pattern="نحتذي^ امن"), r"third-person imperfect"),
    (lambda d: d["frames"][0]["patterns"][0].update(pattern="امن~^"), r"'\^' cannot be combined"),
    (lambda d: d.update(synonyms={"s": ["شريك موثوق"]}), r"synonyms.s: member 'شريك موثوق' must be one word"),
    (lambda d: d.update(synonyms={"s": "شريك"}), r"synonyms.s: must be a non-empty list"),
])
def test_malformed_codebook_names_file_frame_and_field(tmp_path, mutate, message):
    data = _minimal()
    mutate(data)
    path = _write(tmp_path, data)
    with pytest.raises(CodebookError, match=message) as err:
        load_codebook(path)
    assert str(path) in str(err.value)


def test_invalid_yaml_names_line(tmp_path):
    path = _write(tmp_path, "version: 1.0.0\nframes: [\n  - {id: x\n")
    with pytest.raises(CodebookError, match=r"cb.yaml:\d+: not valid YAML"):
        load_codebook(path)


def test_quanteda_export_is_yaml_dictionary():
    text = to_quanteda(load_codebook())
    data = yaml.safe_load(text)
    assert set(REQUIRED_FRAMES) <= set(data)
    soft = data["soft_power"]["always"]
    # "قوه# _? ناعم~": the two-token sequence and the one with any word between.
    assert [len(v.split(" ")) for v in soft] == [2, 3] and soft[1].split(" ")[1] == "^.+$"
    assert re.fullmatch(soft[0].split(" ")[0], "لقوتها") and re.fullmatch(soft[0].split(" ")[1], "الناعمه")
    assert all(isinstance(keys, dict) and all(isinstance(v, list) and v for v in keys.values())
               for k, keys in data.items() if k != "sentence_conditions")


# ---- every pattern runs in linear time (issue 12, defect 4)

def test_too_many_optional_words_are_refused_naming_frame_and_pattern(tmp_path):
    # 30 optional words backtracked exponentially (the run never finished); a pattern
    # may hold at most MAX_OPTIONAL_WORDS of them.
    data = _minimal()
    data["frames"][0]["patterns"][0]["pattern"] = "امن " + "_? " * 30 + "جماعي"
    with pytest.raises(CodebookError, match=r"cb.yaml: frame 'f', pattern 'p', field 'pattern': 30 optional "
                                            r"words .*at most 4 in one pattern"):
        load_codebook(_write(tmp_path, data))
    data["frames"][0]["patterns"][0]["pattern"] = "امن _? _? شامل _? _? جماعي"
    assert load_codebook(_write(tmp_path, data)).frames[0].patterns[0].pattern_id == "p"


_HOSTILE = """
import re, sys
from analysis.codebook import compile_tokens
cases = [
    # 30 tokens each matching a word in two ways (proclitic بال, or the stem's own letters)
    (" ".join(["بال*"] * 30 + ["زز"]), " ".join(["بالبال"] * 30) + " x"),
    # the most optional words allowed, between tokens every word matches
    (" _? ".join(["امن"] * 5) + " زز", " ".join(["امن"] * 40) + " x"),
    (" _? _? _? _? ".join(["امن", "امن"]) + " زز", " ".join(["امن"] * 40) + " x"),
    # alternatives that match the same word
    (" ".join(["امن*|امني~|امن"] * 30 + ["زز"]), " ".join(["امني"] * 30) + " x"),
]
for pattern, text in cases:
    rx = re.compile(compile_tokens(pattern)[0])
    assert rx.search(text * 20) is None
print("ok")
"""


def test_hostile_patterns_finish_at_once():
    # Each case took time exponential in its number of tokens (30 tokens: hours); run
    # in a child process so that a regression fails here instead of hanging the suite.
    proc = subprocess.run([sys.executable, "-c", _HOSTILE], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0 and proc.stdout.strip() == "ok", proc.stderr[-2000:]

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
    assert "قوه* ناعم*" in data["soft_power"]
    assert all(isinstance(v, list) and v for v in data.values())


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

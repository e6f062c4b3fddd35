"""The function words of the attribution rules live in data/function_words.yaml."""
from importlib import resources

import pytest

import analysis.attribution  # noqa: F401  (imports every rule module, which reads its keys)
from analysis.attribution import clauses, countries, cues, mentions, quotes, via
from analysis.attribution.words import KEYS_READ, function_words, load_function_words, with_waw
from analysis.attribution.yamlload import safe_load
from analysis.errors import GazetteerError


def _text():
    return (resources.files("analysis") / "data" / "function_words.yaml").read_text(encoding="utf-8")


def test_the_file_is_packaged_and_loads():
    words = load_function_words()
    assert words and all(isinstance(v, frozenset) and v for v in words.values())
    assert all(isinstance(w, str) and w for v in words.values() for w in v)


def test_no_duplicate_key_and_no_word_twice_under_a_key():
    data = safe_load(_text(), "function_words.yaml")  # raises on a repeated key
    for key, value in data.items():
        assert len(value) == len(set(value)), key


def test_every_key_is_read_by_the_code_and_the_code_reads_no_other():
    assert set(function_words.keys()) == KEYS_READ


def test_the_public_names_are_frozensets_from_the_file():
    w = load_function_words()
    assert mentions.RELATIVES == w["relatives"] == {"الذي", "التي", "الذين", "اللذين", "اللتين", "اللواتي"}
    assert "قد" in mentions.AUX and "كان" in mentions.AUX
    assert cues.THAT == w["that_particles"] | w["that_particles_cues_extra"]
    assert cues.COMPLEMENTS - cues.THAT == {"الي", "علي", "عن", "عما", "عمن"}
    # the mention module's complement stop list lacks انني and وان (kept as it was)
    assert cues.COMPLEMENTS - mentions.NP_STOP_COMPLEMENT == {"انني", "وان"}
    assert {"تويتر", "فيسبوك"} <= via.PLATFORMS and "حسابه" in via.PLATFORM_NOUNS
    assert isinstance(clauses.CLAUSE_OPENERS, frozenset) and "من جانبه" in clauses.CLAUSE_OPENERS


def test_sets_built_from_named_keys():
    # time words: one key of days read by clauses and via; via adds parts of the day and الليله
    assert {"امس", "الخميس"} <= clauses._TIME_WORDS and {"امس", "الخميس"} <= via._TIME_WORDS
    assert {"،", ","} <= clauses._TIME_WORDS and "مساء" not in clauses._TIME_WORDS
    assert "الليله" in via._TIME_WORDS and "الليله" not in clauses._INTERVENING
    assert {"وفي", "في", "وخلال", "خلال", "وبينما"} <= clauses._FRONTED and "بينما" not in clauses._FRONTED
    assert via._FRONT_OPENERS == with_waw(["في", "خلال", "عبر", "من", "علي"])
    assert clauses._OPENING_PARTICLES < clauses._CONTINUATION_BEFORE
    assert clauses._CONTRAST_INNA == clauses._BUT_THAT | {"بل"}
    assert mentions.QUANT_STARTS >= mentions._QUANTIFIERS_OF | mentions._ALONE_COLLECTIVES
    assert "مع" in quotes._PREPOSITIONS and "في" not in quotes._PREPOSITIONS
    assert "تجاه" in countries._HOST_BEFORE


def test_with_waw():
    assert with_waw(["في", "خلال"]) == {"في", "وفي", "خلال", "وخلال"}


@pytest.mark.parametrize("text, line, problem", [
    ("a: [x, y]\nb: [z]\na: [w]\n", 3, "duplicate key 'a'"),
    ("a: [x, y]\nb: z\n", 2, "b: expected a non-empty list of words"),
    ("a: [x, y]\nb: []\n", 2, "b: expected a non-empty list of words"),
    ("a: [x,\n  3]\n", 2, "a: 3 is not a word"),
    ("a:\n  - x\n  - y\n  - x\n", 4, "a: 'x' is listed twice"),
    ("a: [x, y\nb: [z]\n", None, "not valid YAML"),
    ("- x\n- y\n", 1, "expected a mapping"),
])
def test_a_malformed_file_is_one_line_naming_file_and_line(tmp_path, text, line, problem):
    path = tmp_path / "fw.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(GazetteerError) as err:
        load_function_words(path)
    msg = str(err.value)
    assert "\n" not in msg and problem in msg and msg.startswith(str(path) + ":")
    if line is not None:
        assert msg.startswith(f"{path}:{line}: ")
    else:
        assert err.value.line is not None


def test_a_good_file_loads_to_frozensets(tmp_path):
    path = tmp_path / "fw.yaml"
    path.write_text("# comment\nprepositions: [في, خلال]\nclause_openers: [\"من جانبه\"]\n", encoding="utf-8")
    assert load_function_words(path) == {"prepositions": frozenset({"في", "خلال"}),
                                         "clause_openers": frozenset({"من جانبه"})}


def test_an_unknown_key_is_a_key_error():
    with pytest.raises(KeyError, match="no_such_key"):
        function_words["no_such_key"]


def test_every_word_is_written_normalised():
    # the rules compare these words with normalised tokens (and the lemmas of cues.py are
    # normalised too): a word with hamza, alef maqsura or ta marbuta could never match
    from analysis.normalize import normalize_text

    bad = {k: sorted(w for w in ws if normalize_text(w) != w) for k, ws in load_function_words().items()}
    assert {k: ws for k, ws in bad.items() if ws} == {}

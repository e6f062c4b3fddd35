"""Every shortcut taken for speed gives exactly what the plain formulation gives.

Each fast path (``str.find`` instead of a scanning regex, pre-tests that skip work,
offsets found on demand) is compared with the straightforward reference it replaces, on
generated text and on the seeds.
"""
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.attribution import _token_offsets, load_gazetteer
from analysis.attribution.cues import cue_at
from analysis.codebook import load_codebook
from analysis.corpus import (_CHROME_PATTERNS, _CHROME_RE, _MARK_SET, _SENT_END_RE, _TOKEN_SPLIT_RE, TOKEN_RE,
                             Document, _confirm_repeats, _find_pullquotes, _lines, _sentence_ends,
                             _split_sentences, segment)
from analysis.normalize import _normalise, normalize, normalize_text

from test_normalize import ALPHABET

PUNCT_TEXT = st.text(alphabet="ابتوفقال .!?؟…\"'»”’)]\n،,:«“abc0123", max_size=120)


@settings(max_examples=400, deadline=None)
@given(PUNCT_TEXT)
def test_sentence_ends_equal_the_regex_scan(text):
    assert _sentence_ends(text) == [m.end() for m in _SENT_END_RE.finditer(text)]


@settings(max_examples=300, deadline=None)
@given(PUNCT_TEXT)
def test_sentences_of_a_paragraph_equal_the_per_paragraph_split(text):
    ends = _sentence_ends(text)
    for _, start, end in _lines(text):
        assert _split_sentences(text, start, end, ends) == _split_sentences(text, start, end)


@settings(max_examples=300, deadline=None)
@given(PUNCT_TEXT)
def test_sentences_of_a_document_equal_the_per_paragraph_split(text):
    st_ = segment(Document("t", text, {"outlet": "X"}))
    expected = [(s, e, pid) for pid, p in enumerate(st_.paragraph_rows)
                for s, e in _split_sentences(text, p["start"], p["end"])]
    assert list(zip(st_.sentence_starts, st_.sentence_ends, st_.sentence_paragraphs)) == expected


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=150))
def test_short_normalisation_path_equals_the_vectorised_one(text):
    assert normalize_text(text) == _normalise(text)[0]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ابو فقال«»“”\"،,.:؟!x_1-\n", max_size=100), st.integers(0, 10))
def test_token_offsets_from_split_pieces_equal_finditer(text, pos):
    pos = min(pos, len(text))
    pieces = _TOKEN_SPLIT_RE.split(text[pos:])
    assert pieces[1::2] == TOKEN_RE.findall(text, pos)
    assert _token_offsets(pieces, pos) == [m.start() for m in TOKEN_RE.finditer(text, pos)]


_GZ = load_gazetteer()
_CUE_WORDS = sorted({f for f in _GZ.cues.verbs} | set(_GZ.cues.participles) | set(_GZ.cues.nouns))[::7][:300]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["", "و", "ف", "ل", "س", "ب", "وب", "x"]),
                          st.sampled_from(_CUE_WORDS + ["الوزير", "ان", "،", "قال", "عن", "علي", "لسان", "نقلا"])), max_size=8))
def test_cue_pretest_is_sound(words):
    """The hot path calls cue_at only on ``cues.candidates`` (a set lookup per token): every
    token cue_at accepts must be a candidate (else acts would be lost)."""
    toks = [c + w for c, w in words]
    candidates = set(_GZ.cues.candidates(toks))
    for i, t in enumerate(toks):
        if cue_at(_GZ.cues, toks, i) is not None:
            assert i in candidates, t


def _pattern_texts():
    """Texts made of every pattern's stems with clitics, suffixes and separators."""
    cb = load_codebook()
    stems = sorted({s for p in cb.patterns for s in (*p.literals, *p.anchors,
                                                     *(x for g in p.literal_groups for x in g))})
    return cb, st.lists(st.tuples(st.sampled_from(["", "و", "ال", "وال", "بال", "لل", "x", "ف"]),
                                  st.sampled_from(stems),
                                  st.sampled_from(["", "ه", "ا", "ات", "ين", "ها", "ي"]),
                                  st.sampled_from([" ", "، ", ",", "", "  "])), max_size=10)


_CB, _PIECES = _pattern_texts()


@settings(max_examples=500, deadline=None)
@given(_PIECES)
def test_anchored_pattern_search_equals_regex_finditer(pieces):
    text = "".join(a + b + c + d for a, b, c, d in pieces)
    for p in _CB.patterns:
        fast = [(m.start(), m.end()) for m in p.finditer(text)] if p.may_match(text) else []
        assert fast == [(m.start(), m.end()) for m in p.regex.finditer(text)], p.pattern_id


def test_anchored_pattern_search_on_the_seeds(seeds):
    for doc in seeds:
        text = normalize(doc.text).text
        for p in _CB.patterns:
            fast = [(m.start(), m.end()) for m in p.finditer(text)] if p.may_match(text) else []
            assert fast == [(m.start(), m.end()) for m in p.regex.finditer(text)], p.pattern_id


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="sharepintSHARE exitmobvrsonkcwfbl|/: اقرأيضشكطبعونل\t", max_size=40))
def test_one_chrome_regex_equals_the_list(line):
    expected = any(re.search(p, line, re.IGNORECASE) for p in _CHROME_PATTERNS)
    assert bool(_CHROME_RE.match(line)) == expected


# ---- pull quotes: the pre-test never drops a pair the full comparison would accept

def _pullquotes_reference(paras, para_tokens, text, first_body):
    """The detection without its pre-test: every pair goes to the full comparison."""
    nwords = [sum(t not in _MARK_SET for t in toks) for toks in para_tokens]
    body = [i for i in range(first_body, len(paras)) if paras[i]["role"] == "body"]
    candidates = [i for i in body if 6 <= nwords[i] <= 80]
    if not candidates or len(body) < 2:
        return {}
    every_pair = {i: [j for j in body if j != i and nwords[j] >= nwords[i]] for i in candidates}
    return _confirm_repeats(paras, para_tokens, text, candidates, every_pair)


VOCAB = ["وفد", "ووفد", "فوفد", "قال", "وقال", "فقال", "الامن", "والامن", "تعاون", "وتعاون", "في", "و",
         "ف", "المغرب", "دولي", "ودولي", "امن", "فامن", "،", ".", "نموذج", "شراكه", "وشراكه", "مع"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(st.sampled_from(VOCAB), min_size=1, max_size=14), min_size=2, max_size=5),
       st.lists(st.tuples(st.integers(0, 4), st.integers(0, 4), st.booleans()), max_size=3))
def test_pull_quote_pretest_is_sound(paragraphs, copies):
    # Near-repeats: a paragraph copied with a word dropped and و/ف added or removed.
    paragraphs = [list(p) for p in paragraphs]
    for src, drop, add in copies:
        if src < len(paragraphs):
            copy = [w for k, w in enumerate(paragraphs[src]) if k != drop]
            copy = [("و" + w if add and len(w) > 2 else w.lstrip("و")) for w in copy]
            paragraphs.append(copy or ["قال"])
    text = "\n".join(" ".join(p) for p in paragraphs)
    doc = Document("t", text, {"outlet": "X"})
    nt = normalize(text)
    st_ = segment(doc, nt)
    paras = [{"start": r["start"], "end": r["end"], "role": "body"} for r in st_.paragraph_rows]
    toks = st_.paragraph_tokens
    nwords = [r["n_words"] for r in st_.paragraph_rows]
    assert _find_pullquotes(paras, toks, nwords, text, 0) == _pullquotes_reference(paras, toks, text, 0)


def test_pull_quotes_of_the_seeds_unchanged(seeds):
    # Seed 000 has three pull quotes (see test_corpus); the shortcut finds the same.
    for doc in seeds:
        st_ = segment(doc)
        paras = [dict(r) for r in st_.paragraph_rows]
        for p in paras:
            if p["role"] == "pullquote":
                p["role"] = "body"
        nwords = [r["n_words"] for r in st_.paragraph_rows]
        first = next((k + 1 for k, r in enumerate(st_.paragraph_rows) if r["role"] == "headline"), 0)
        assert _find_pullquotes(paras, st_.paragraph_tokens, nwords, doc.text, first) == \
            _pullquotes_reference(paras, st_.paragraph_tokens, doc.text, first)

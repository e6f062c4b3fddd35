"""Every shortcut taken for speed gives exactly what the plain formulation gives.

Each fast path (``str.find`` instead of a scanning regex, pre-tests that skip work,
offsets found on demand) is compared with the straightforward reference it replaces, on
generated text and on the seeds.
"""
import re
from unittest import mock

from hypothesis import given, settings
from hypothesis import strategies as st

from analysis import corpus
from analysis.attribution import _token_offsets, load_gazetteer
from analysis.codebook import load_codebook
from analysis.corpus import (_CHROME_PATTERNS, _CHROME_RE, _MARK_SET, _SENT_END_RE, _TERMINAL_PUNCT,
                             _TOKEN_SPLIT_RE, TOKEN_RE, Document, _find_pullquotes, _lines, _ordered_share,
                             _sentence_ends, _split_sentences, segment)
from analysis.markers import _select_longest
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


def _home_regex(gz):
    markers = "|".join(re.escape(m) for m in sorted(gz.home_markers, key=len, reverse=True))
    return re.compile(f"(?<!\\w)(?:{markers})(?!\\w)")


def _mentions_home_reference(gz, text):
    for m in _home_regex(gz).finditer(text):
        before = text[max(0, m.start() - 12):m.start()].split()
        if not before or before[-1] not in gz.home_not_after:
            return True
    return False


_GZ = load_gazetteer()
HOME_WORDS = ["المغرب", "المغربي", "المغربيه", "المغاربه", "الرباط", "المملكه المغربيه", "صلاه",
              "بعد", "وقت", "والمغرب", "المغربيات", "x", "_", "قال", "1"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(HOME_WORDS), max_size=8), st.lists(st.sampled_from([" ", "", "، ", "\n"]), max_size=8))
def test_home_markers_found_as_the_regex_finds_them(words, seps):
    gz = _GZ
    text = "".join(w + (seps[k] if k < len(seps) else " ") for k, w in enumerate(words))
    assert gz.mentions_home(text) == _mentions_home_reference(gz, text)


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


def _backtracking_twin(rx):
    """The same regex with every atomic group and possessive quantifier made plain: it
    tries every way of matching, as the patterns did before they were made linear."""
    return re.compile(rx.pattern.replace("(?>", "(?:").replace("\\w++", "\\w+"))


@settings(max_examples=150, deadline=None)
@given(_PIECES)
def test_atomic_patterns_match_what_backtracking_matches(pieces):
    # Committing to the first way a token matches loses nothing (a token spans one
    # whole word): the same spans and the same captured proclitics.
    text = "".join(a + b + c + d for a, b, c, d in pieces)
    for p in _CB.patterns:
        for rx in (p.regex, p.context, p.exclude):
            if rx is None:
                continue
            plain = _backtracking_twin(rx)
            assert [(m.span(), m.groupdict()) for m in rx.finditer(text)] == \
                [(m.span(), m.groupdict()) for m in plain.finditer(text)], p.pattern_id


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(["امن", "والامن", "جماعي", "جماعيه", "شامل", "x", "بالبال", "بال"]), max_size=9),
       st.lists(st.sampled_from([" ", "، ", ",", "  ", "-"]), max_size=9),
       st.sampled_from(["امن _? _? جماعي~", "امن _? جماعي~ _? شامل", "بال* بال*", "امن|امن* _? _? _? _? جماعي~"]))
def test_optional_word_runs_match_what_separate_optional_words_match(words, seps, pattern):
    from analysis.codebook import compile_tokens

    text = "".join(w + (seps[k] if k < len(seps) else " ") for k, w in enumerate(words))
    rx = re.compile(compile_tokens(pattern)[0])
    # The plain form: one optional group per _? (each "(?:\w+SEP)?"), nothing atomic.
    plain = _backtracking_twin(rx).pattern
    plain = re.sub(r"\(\?:\\w\+(\(\?:\\s\*\[،,\]\\s\*\|\\s\+\))\)\{0,(\d)\}",
                   lambda m: ("(?:\\w+" + m[1] + ")?") * int(m[2]), plain)
    assert "{0," not in plain
    assert [(m.span(), m.groupdict()) for m in rx.finditer(text)] == \
        [(m.span(), m.groupdict()) for m in re.finditer(plain, text)]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="sharepintSHARE exitmobvrsonkcwfbl|/: اقرأيضشكطبعونل\t", max_size=40))
def test_one_chrome_regex_equals_the_list(line):
    expected = any(re.search(p, line, re.IGNORECASE) for p in _CHROME_PATTERNS)
    assert bool(_CHROME_RE.match(line)) == expected


# ---- pull quotes: the fast detection finds what comparing every pair finds

def _ordered_share_reference(short, long):
    """Longest common subsequence by dynamic programming, over ``len(short)``."""
    if not short:
        return 0.0
    prev = [0] * (len(long) + 1)
    for a in short:
        cur = [0] * (len(long) + 1)
        for k, b in enumerate(long, 1):
            cur[k] = prev[k - 1] + 1 if a == b else max(prev[k], cur[k - 1])
        prev = cur
    return prev[-1] / len(short)


def _pullquotes_reference(paras, para_tokens, text, first_body, window=None):
    """The plain formulation: every candidate against every longer body paragraph (within
    ``window`` body paragraphs), in order, best trigram share first."""
    nwords = [sum(t not in _MARK_SET for t in toks) for toks in para_tokens]
    body = [i for i in range(first_body, len(paras)) if paras[i]["role"] == "body"]
    candidates = [i for i in body if 6 <= nwords[i] <= 80]
    if not candidates or len(body) < 2:
        return {}
    keys = {j: [t.lstrip("وف") for t in para_tokens[j]] for j in body}
    tokens = {j: [t[1:] if len(t) > 3 and t[0] in "وف" else t for t in para_tokens[j] if t not in _MARK_SET]
              for j in body}
    trigrams = {j: set(zip(tokens[j], tokens[j][1:], tokens[j][2:])) for j in body}
    result = {}
    for i in candidates:
        need = 0.8 * nwords[i]
        js = [j for j in body if j != i and nwords[j] >= nwords[i] and j not in result
              and (window is None or abs(body.index(j) - body.index(i)) <= window)
              and sum(k in set(keys[j]) for k in keys[i]) >= need]
        need_t = 0.4 * len(trigrams[i])
        for hits, j in sorted(((len(trigrams[i] & trigrams[j]), j) for j in js), reverse=True):
            if hits < need_t or hits == 0:
                break
            if _ordered_share_reference(tokens[i], tokens[j]) < 0.8:
                continue
            if len(tokens[j]) == len(tokens[i]) and text[paras[i]["start"]:paras[i]["end"]].endswith(_TERMINAL_PUNCT):
                continue
            result[i] = j
            break
    return result


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["a", "b", "c", "d", "e"]), max_size=40),
       st.lists(st.sampled_from(["a", "b", "c", "d", "e", "f"]), max_size=60))
def test_bit_parallel_lcs_equals_the_table(short, long):
    assert _ordered_share(short, long) == _ordered_share_reference(short, long)


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


@settings(max_examples=150, deadline=None)
@given(st.lists(st.lists(st.sampled_from(VOCAB), min_size=5, max_size=12), min_size=1, max_size=4),
       st.lists(st.tuples(st.integers(0, 3), st.sampled_from(["", ".", "،"])), min_size=2, max_size=14))
def test_pull_quotes_among_repeated_paragraphs(pool, picks):
    # Paragraphs drawn from a small pool, so that many are identical or near-identical
    # (with and without a final stop): the grouped detection must pick the same
    # paragraphs as the pairwise one, in the same order.
    lines = [" ".join(pool[k % len(pool)]) + end for k, end in picks]
    text = "\n".join(lines)
    st_ = segment(Document("t", text, {"outlet": "X"}))
    paras = [{"start": r["start"], "end": r["end"], "role": "body"} for r in st_.paragraph_rows]
    toks = st_.paragraph_tokens
    nwords = [r["n_words"] for r in st_.paragraph_rows]
    assert _find_pullquotes(paras, toks, nwords, text, 0) == _pullquotes_reference(paras, toks, text, 0)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.lists(st.sampled_from(VOCAB), min_size=5, max_size=12), min_size=1, max_size=5),
       st.lists(st.tuples(st.integers(0, 4), st.sampled_from(["", ".", "،"]), st.integers(0, 3)),
                min_size=2, max_size=24), st.integers(1, 4))
def test_pull_quotes_of_long_documents_equal_the_windowed_comparison(pool, picks, window):
    # Long documents are searched through the index of words and trigrams, within the
    # window; a small window makes short examples take that path.
    lines = [" ".join(pool[k % len(pool)][drop:]) + end for k, end, drop in picks]
    text = "\n".join(lines)
    st_ = segment(Document("t", text, {"outlet": "X"}))
    paras = [{"start": r["start"], "end": r["end"], "role": "body"} for r in st_.paragraph_rows]
    toks = st_.paragraph_tokens
    nwords = [r["n_words"] for r in st_.paragraph_rows]
    with mock.patch.object(corpus, "PULLQUOTE_WINDOW", window):
        fast = _find_pullquotes(paras, toks, nwords, text, 0)
    assert fast == _pullquotes_reference(paras, toks, text, 0, window)


# ---- the longest of overlapping matches

class _P:
    def __init__(self, pid):
        self.pattern_id = pid


def _select_longest_reference(matches):
    chosen = []
    for m in sorted(matches, key=lambda m: (-(m[1] - m[0]), m[0], m[2].pattern_id)):
        if all(m[1] <= c[0] or m[0] >= c[1] for c in chosen):
            chosen.append(m)
    return sorted(chosen, key=lambda m: m[0])


_PATTERNS = [_P("a"), _P("b"), _P("c")]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 40), st.integers(0, 8), st.integers(0, 2)), max_size=30))
def test_longest_match_selection_equals_comparing_with_every_kept_match(spans):
    matches = [(s, s + n, _PATTERNS[p], "") for s, n, p in spans]
    assert _select_longest(matches) == _select_longest_reference(matches)

import unicodedata

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.normalize import TATWEEL, normalize, normalize_text

ARABIC = "ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأإؤئىة"
DIACRITICS = "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0670"
PRESENTATION = "".join(chr(c) for c in range(0xFE70, 0xFEFD) if unicodedata.name(chr(c), ""))
QUOTES = "«»“”„‘’\"'"
ALPHABET = ARABIC + DIACRITICS + TATWEEL + PRESENTATION + QUOTES + "abcXYZ0123456789٠١٢ .،,:؛\n\u200f\u200e\u202b\u2067\ufeff\u0654\ufefb\ufdf2"


def test_examples_follow_camel_tools():
    assert normalize_text("الأمنُ") == "الامن"
    assert normalize_text("إلى") == "الي"
    assert normalize_text("مدرسة") == "مدرسه"
    assert normalize_text("آمن") == "امن"
    assert normalize_text("الـــقوة") == "القوه"          # tatweel removed
    assert normalize_text("شريكاً") == "شريكا"            # tanwin removed, alif kept
    assert normalize_text("\ufefb") == "لا"               # lam-alef ligature expands
    assert normalize_text("\ufe8d\ufedf\ufee4\ufed0\ufeae\ufe8f") == "المغرب"  # presentation forms
    assert normalize_text("a\u200fb") == "ab"             # bidi mark removed
    assert normalize_text("Morocco 2025 ٪") == "Morocco 2025 ٪"


def test_offsets_include_trailing_diacritics():
    raw = "قال: الأمنُّ القوميّ."
    n = normalize(raw)
    start = n.text.index("الامن")
    s, e = n.to_raw_span(start, start + len("الامن"))
    assert raw[s:e] == "الأمنُّ"


def test_expansion_maps_to_whole_raw_character():
    raw = "x\ufefby"
    n = normalize(raw)
    assert n.text == "xلاy"
    assert n.to_raw_span(1, 2) == (1, 2)   # half of the ligature → the whole raw character
    assert n.to_raw_span(1, 3) == (1, 2)


def test_identity_when_nothing_changes():
    n = normalize("plain text 123")
    assert n.lengths is None and n.to_raw_span(2, 6) == (2, 6) and n.to_norm(5) == 5


def test_bad_span_and_type():
    with pytest.raises(ValueError):
        normalize("abc").to_raw_span(2, 9)
    with pytest.raises(TypeError):
        normalize(b"bytes")


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=80))
def test_map_is_monotone_and_round_trips(raw):
    n = normalize(raw)
    positions = [n.to_raw(i) for i in range(len(n.text))]
    assert positions == sorted(positions)                      # monotone
    assert all(0 <= p < max(1, len(raw)) for p in positions)
    # Every raw character contributes its own normalised form, in order.
    assert "".join(normalize_text(c) for c in raw) == n.text
    for i in range(len(n.text) + 1):
        for j in range(i, min(len(n.text), i + 6) + 1):
            s, e = n.to_raw_span(i, j)
            assert 0 <= s <= e <= len(raw)
            # The normalised span is found again in the normalisation of the raw span.
            assert n.text[i:j] in normalize_text(raw[s:e])


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=60))
def test_to_norm_inverts_on_character_boundaries(raw):
    n = normalize(raw)
    for k in range(len(raw) + 1):
        p = n.to_norm(k)
        assert normalize_text(raw[:k]) == n.text[:p]


def test_lengths_match_codepoints():
    raw = "بِسْمِ اللّٰهِ"
    n = normalize(raw)
    assert len(n.lengths) == len(raw)
    assert int(np.sum(n.lengths)) == len(n.text)


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=60))
def test_to_norm_many_equals_to_norm(raw):
    n = normalize(raw)
    positions = list(range(len(raw) + 1))
    assert n.to_norm_many(positions) == [n.to_norm(p) for p in positions]

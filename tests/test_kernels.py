"""The compiled kernels (``analysis._kernels``) give exactly what their pure-Python
references in ``analysis.corpus`` give.

Three levels (issue 17): each kernel against its reference on invented and hostile
strings, and on every code point; both paths on the seeds (structures and exported
tables); both paths row by row on all of SaudiNewsNet when ``../shared`` is present.
Tests of a kernel skip, saying why, where the extension is not built (no C compiler at
install time); the pure-Python path is then the one all other tests exercise.
"""
from __future__ import annotations

import filecmp
import os
import subprocess
import sys
import sysconfig
import warnings
from contextlib import contextmanager
from pathlib import Path
from unittest import mock

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis import corpus, kernels
from analysis.corpus import _MARK_TOKENS, _SENT_END_CHARS, Document, iter_documents, segment
from analysis.normalize import normalize

from conftest import ROOT, SEEDS

try:
    from analysis import _kernels
except ImportError:
    _kernels = None

needs_kernels = pytest.mark.skipif(_kernels is None, reason="the C extension analysis._kernels is not built "
                                   "(no C compiler or Python headers at install time): pure-Python path only")

#: kernel name → the corpus function that dispatches to it (its reference is name + "_py")
KERNELS = {"split_tokens": "_split_tokens", "lines": "_lines", "sentence_ends": "_sentence_ends",
           "split_sentences": "_split_sentences", "shared_keys": "_shared_keys"}


@contextmanager
def pure_python():
    """Run analysis.corpus on its pure-Python references, in this process."""
    with mock.patch.multiple(corpus, **{f: getattr(corpus, f + "_py") for f in KERNELS.values()}):
        yield


def reference(kernel: str):
    return getattr(corpus, KERNELS[kernel] + "_py")


# Hostile characters: Arabic letters, diacritics (fatha, shadda, sukun, superscript alef),
# tatweel, و and ف (stripped from pull-quote keys), every mark, sentence end and closing
# quote, spaces that are not line breaks (NBSP, U+2028, U+001C, U+0085, U+3000), CR and LF,
# digits (Arabic-Indic too), "_", Latin, and astral characters that are words (a
# mathematical digit, a CJK ideograph) and that are not (an emoji, a musical symbol).
HOSTILE = ("ابتقلمنهويىةأإآءوف" "\u064b\u064e\u0651\u0652\u0670" "\u0640" + _MARK_TOKENS + _SENT_END_CHARS +
           "\"'»”’)]" "  \u00a0\u2028\u001c\u0085\u3000\t\r\n" "0123٠١٢" "_xyzX" "\U0001d7ce\U00020000\U0001f600\U0001d11e")
HOSTILE_TEXT = st.text(alphabet=HOSTILE, max_size=300)
FIXED = ["", " ", "\n", "\r", "\r\n", "\u2028", "...", "..x", "!..x", "؟؟؟", "«»", "ـــ", "\u064e\u0651",
         "وفو", "قال: «نعم».", "وشيكة..ونتذكر", "أ. ب؟» ج… د!!", "a\r\rb\r\n\nc", "\U0001f600.\U00020000",
         "ـقـال" * 3, "x" * 10_000, ("كلمة، " * 5_000) + "!",
         "".join(HOSTILE[i % len(HOSTILE)] * (i % 3 + 1) for i in range(50_000))]


def test_the_dispatch_uses_the_kernels_exactly_when_compiled():
    for kernel, name in KERNELS.items():
        expected = getattr(_kernels, kernel) if kernels.compiled() else reference(kernel)
        assert getattr(corpus, name) is expected, name


@needs_kernels
def test_every_kernel_has_a_reference_and_is_used():
    built = {n for n in dir(_kernels) if callable(getattr(_kernels, n))}
    assert built == set(KERNELS)
    for name in KERNELS.values():
        assert callable(getattr(corpus, name + "_py"))


def _compiler_works(folder: Path) -> bool:
    """Whether the compiler the install would use (``CC`` if set, else Python's configured
    one, as setuptools does) compiles a file that includes Python.h: a probe, since a ``CC``
    that exists may still not compile (``CC=/bin/false``, a missing python3-dev)."""
    import shlex

    compiler = shlex.split(os.environ.get("CC") or sysconfig.get_config_var("CC") or "cc")
    probe = folder / "probe.c"
    probe.write_text("#include <Python.h>\nint probe(void) { return 0; }\n", encoding="utf-8")
    try:
        done = subprocess.run([*compiler, "-c", str(probe), "-o", str(folder / "probe.o"),
                               "-I", sysconfig.get_paths()["include"]], capture_output=True, timeout=120)
    except (OSError, subprocess.TimeoutExpired):
        return False
    return done.returncode == 0


def test_a_c_compiler_builds_the_kernels(tmp_path):
    """Where a working C compiler and the Python headers exist (CI, this machine) the install
    builds the extension; a failed build would otherwise pass unnoticed, on the slower path."""
    headers = Path(sysconfig.get_paths()["include"], "Python.h")
    if not headers.exists() or not _compiler_works(tmp_path):
        pytest.skip("no working C compiler or no Python headers here: the extension is not expected "
                    "(the pure-Python path runs)")
    assert _kernels is not None, "the C extension was not built: rerun `pip install --no-deps -e .` and read its output"


@needs_kernels
def test_the_kernels_character_sets_are_corpus_constants():
    assert _kernels.TOKEN_MARKS == _MARK_TOKENS
    assert _kernels.SENTENCE_ENDERS == _SENT_END_CHARS
    assert set(_kernels.SENTENCE_CLOSERS) == {c for c in map(chr, range(0x3000))
                                              if corpus._SENT_END_RE.fullmatch("." + c) and c not in _SENT_END_CHARS}
    assert _kernels.KEY_PREFIXES == "وف"


def _same(kernel: str, *args):
    assert getattr(_kernels, kernel)(*args) == reference(kernel)(*args), (kernel, args[0][:200])


EVERY_CODE_POINT = [chr(c) for c in range(0x110000)]


@needs_kernels
@pytest.mark.parametrize(("kernel", "template"), [
    ("split_tokens", "a{c}b "),    # a word character, a mark, or neither
    ("sentence_ends", ".{c} "),    # a closing quote, a sentence end, a space, or none
    ("lines", "{c}a{c}\n"),        # a space (stripped) or not
])
def test_kernels_equal_their_references_on_every_code_point(kernel, template):
    """Every code point, in a context that shows its class: the character classes of C
    and those of Python's re and str.strip agree everywhere."""
    _same(kernel, "".join(template.format(c=c) for c in EVERY_CODE_POINT))


def _same_on_text(text: str) -> None:
    """Tokens, lines, sentence ends and each line's sentences agree with the references."""
    _same("split_tokens", text)
    _same("lines", text)
    _same("sentence_ends", text)
    ends = corpus._sentence_ends_py(text)
    for _, start, end in corpus._lines_py(text):
        _same("split_sentences", text, start, end, ends)


@needs_kernels
@pytest.mark.parametrize("text", FIXED, ids=range(len(FIXED)))
def test_kernels_equal_their_references_on_hostile_strings(text):
    _same_on_text(text)
    for _, start, end in corpus._lines_py(text):
        _same("split_sentences", text, start, end)
    tokens = [corpus._split_tokens_py(line)[0][1::2] for line in text.splitlines()]
    _same("shared_keys", tokens)


@needs_kernels
@settings(max_examples=500, deadline=None)
@given(HOSTILE_TEXT)
def test_kernels_equal_their_references_on_generated_text(text):
    _same_on_text(text)


@needs_kernels
@settings(max_examples=500, deadline=None)
@given(st.lists(st.lists(st.text(alphabet="وفاب«.x", max_size=5), max_size=12), max_size=8))
def test_shared_keys_equal_the_reference(token_lists):
    _same("shared_keys", token_lists)


@needs_kernels
@pytest.mark.parametrize("kernel", ["split_tokens", "lines", "sentence_ends"])
def test_a_kernel_refuses_what_its_reference_refuses(kernel):
    with pytest.raises(TypeError):
        reference(kernel)(b"bytes")
    with pytest.raises(TypeError):
        getattr(_kernels, kernel)(b"bytes")


# ------------------------------------------------------------------ both paths, whole documents

def _structure(st_) -> tuple:
    return (st_.paragraph_rows, st_.sentence_starts, st_.sentence_ends, st_.sentence_paragraphs,
            st_.paragraph_pieces, st_.paragraph_tokens, st_.paragraph_norm, st_.sentence_norm)


def _both_paths(doc: Document) -> tuple[tuple, tuple]:
    nt = normalize(doc.text)
    fast = _structure(segment(doc, nt))
    with pure_python():
        slow = _structure(segment(doc, nt))
    return fast, slow


@needs_kernels
def test_both_paths_segment_the_seeds_alike(seeds):
    for doc in seeds:
        fast, slow = _both_paths(doc)
        assert fast == slow, doc.doc_id


@needs_kernels
@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=HOSTILE, max_size=600))
def test_both_paths_segment_generated_documents_alike(text):
    """Pull quotes included: lines that repeat others, with and without a leading و/ف."""
    lines = text.split("\n")
    text = "\n".join(lines + ["و" + line for line in lines[::2]])
    fast, slow = _both_paths(Document("t", text, {"outlet": "X"}))
    assert fast == slow


def _export(out: Path, pure: bool) -> str:
    env = dict(os.environ)
    env.pop(kernels.PURE_PYTHON_VARIABLE, None)
    if pure:
        env[kernels.PURE_PYTHON_VARIABLE] = "1"
    code = ("import sys; from analysis import kernels, cli; print(kernels.compiled()); "
            f"sys.exit(cli.main(['export', '--corpus', {str(SEEDS)!r}, '--out', {str(out)!r}, '--no-progress']))")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout.splitlines()[0]


@pytest.mark.slow
def test_both_paths_export_the_same_tables_from_the_seeds(tmp_path):
    """The environment variable forces the pure-Python path, and the tables do not change."""
    assert _export(tmp_path / "pure", pure=True) == "False"
    on_default = _export(tmp_path / "default", pure=False)
    assert on_default == str(_kernels is not None)
    names = sorted(p.name for p in (tmp_path / "pure").iterdir())
    assert names and names == sorted(p.name for p in (tmp_path / "default").iterdir())
    match, mismatch, errors = filecmp.cmpfiles(tmp_path / "pure", tmp_path / "default", names, shallow=False)
    assert (mismatch, errors) == ([], [])


@needs_kernels
@pytest.mark.corpus
@pytest.mark.slow
def test_both_paths_segment_all_of_saudinewsnet_alike(saudinewsnet):
    """Row by row: paragraphs, sentences, token pieces, tokens and normalised offsets of
    every document (about 40 s: both paths, one after the other)."""
    n = 0
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for doc in iter_documents(saudinewsnet):
            fast, slow = _both_paths(doc)
            assert fast == slow, doc.doc_id
            n += 1
    assert n == 29_904

"""The quanteda export, applied as its header says, finds what the Python matcher finds.

R and quanteda are not part of the test environment, so the export is applied here with
quanteda's token-lookup semantics, reimplemented in a few lines:

* text normalised as the header says (``analysis.normalize``, which the R function
  ``normalise_arabic`` reproduces), split into sentences (``corpus_reshape(to =
  "sentences")``: a break after . ! ? ؟ and at line ends), tokens are runs of word
  characters (``tokens(remove_punct = TRUE)``: punctuation, the Arabic comma included,
  is dropped);
* a value is a sequence of regexes separated by spaces; each token of the sequence must
  match its regex (the values are anchored ^…$; ``valuetype = "regex"``);
* ``nested_scope = "key"``: within one key, a match nested inside a longer one is not
  counted; identical spans count once;
* a conditional sub-key counts only in sentences matching its context and none of its
  exclusions; per sentence, a frame's admitted values form one key, so matches of a
  frame nested in a longer one count once (``frame_counts()`` in apply_quanteda.R).
"""
from __future__ import annotations

import re
from collections import defaultdict

import yaml

from analysis.codebook import (QUANTEDA_ALWAYS_KEY, QUANTEDA_CONDITIONS_KEY, load_codebook,
                               quanteda_r_script, to_quanteda)
from analysis.markers import markers_frame
from analysis.normalize import normalize

_SENTENCE_END = re.compile(r"(?<=[.!?؟])\s+|\n+")
_TOKEN = re.compile(r"\w+")


def _sentences(text: str):
    """(start, end) of quanteda-like sentences of a normalised text."""
    start = 0
    for m in _SENTENCE_END.finditer(text):
        if m.start() > start:
            yield start, m.start()
        start = m.end()
    if start < len(text):
        yield start, len(text)


def _lookup(tokens, values) -> set[tuple[int, int]]:
    """Token spans (i, j) where a sequence of regexes matches, nested ones dropped."""
    spans = set()
    for value in values:
        regexes = [re.compile(r) for r in value.split(" ")]
        n = len(regexes)
        for i in range(len(tokens) - n + 1):
            if all(rx.search(tokens[i + k][2]) for k, rx in enumerate(regexes)):
                spans.add((i, i + n))
    return {s for s in spans
            if not any(o != s and o[0] <= s[0] and s[1] <= o[1] for o in spans)}


def apply_export(export: dict, text: str) -> list[tuple[str, int, int]]:
    """Frame hits (frame, normalised start, normalised end) of the export in one text, as
    ``frame_counts()`` in apply_quanteda.R finds them: per sentence, each frame is one
    key holding its ``always`` values and the values of the conditional patterns whose
    condition the sentence meets."""
    conditions = export.get(QUANTEDA_CONDITIONS_KEY, {})
    hits = []
    for s0, s1 in _sentences(text):
        tokens = [(m.start() + s0, m.end() + s0, m.group()) for m in _TOKEN.finditer(text[s0:s1])]
        met = {QUANTEDA_ALWAYS_KEY}
        for key, rule in conditions.items():
            if ("context" not in rule or _lookup(tokens, rule["context"])) and \
                    ("exclude" not in rule or not _lookup(tokens, rule["exclude"])):
                met.add(key)
        for frame, keys in export.items():
            if frame == QUANTEDA_CONDITIONS_KEY:
                continue
            values = [v for key, vs in keys.items() if key in met for v in vs]
            for i, j in _lookup(tokens, values):
                hits.append((frame, tokens[i][0], tokens[j - 1][1]))
    return hits


def _compare(corpus, codebook):
    """Matcher's counted markers found by the export, per frame; and the export's hits."""
    export = yaml.safe_load(to_quanteda(codebook))
    markers = markers_frame(corpus, codebook)
    counted = markers[~markers["in_pullquote"] & ~markers["in_chrome"]]
    found, n_hits = defaultdict(int), defaultdict(int)
    for doc in corpus:
        nt = normalize(doc.text)
        hits = [(f, *nt.to_raw_span(s, e)) for f, s, e in apply_export(export, nt.text)]
        for f, _, _ in hits:
            n_hits[f] += 1
        for r in counted[counted["doc_id"] == doc.doc_id].itertuples():
            if any(f == r.frame and s < r.end and r.start < e for f, s, e in hits):
                found[r.frame] += 1
    per_frame = {f: (int((counted["frame"] == f).sum()), found[f], n_hits[f])
                 for f in (fr.id for fr in codebook.frames)}
    return per_frame, counted


def test_export_finds_the_matchers_markers_on_the_seeds(seeds, capsys):
    cb = load_codebook()
    per_frame, counted = _compare(seeds, cb)
    total = sum(v[0] for v in per_frame.values())
    found = sum(v[1] for v in per_frame.values())
    with capsys.disabled():
        print("\nquanteda export on the seeds (frame: matcher's counted markers, found by the "
              "export, export hits):")
        for f, (n, k, h) in per_frame.items():
            print(f"  {f}: {n} {k} {h}")
        print(f"  all: {total} {found} {sum(v[2] for v in per_frame.values())}")
    assert total > 40
    assert found / total >= 0.90, per_frame


def test_export_values_are_anchored_regex_sequences():
    export = yaml.safe_load(to_quanteda(load_codebook()))
    values = [v for f, keys in export.items() if f != QUANTEDA_CONDITIONS_KEY
              for vs in keys.values() for v in vs]
    assert values and all(t.startswith("^") and t.endswith("$") for v in values for t in v.split(" "))
    assert any(" " in v for v in values)  # multiword values are sequences
    for v in values:
        for t in v.split(" "):
            re.compile(t)


def test_export_semantics_on_invented_sentences():
    # Proclitics, the article, inflection, a comma between the words, the optional word.
    export = yaml.safe_load(to_quanteda(load_codebook()))
    for text, frame in [("وبالدبلوماسيه الامنيه تعمل الرباط", "security_diplomacy"),
                        ("اصبحت المملكه شريكا، موثوقا", "trusted_partner"),
                        ("اصبحت المملكه شريكا جادا وموثوقا", "trusted_partner"),
                        ("لقوتها الناعمه", "soft_power")]:
        assert frame in {h[0] for h in apply_export(export, text)}, text
    # A conditional pattern needs its context in the same sentence.
    assert not apply_export(export, "حمله للوقايه من الامراض")
    assert apply_export(export, "الاجراءات الوقائيه ضد الارهاب")


def test_header_says_how_to_apply_and_the_r_script_is_shipped(tmp_path):
    text = to_quanteda(load_codebook())
    header = [line for line in text.splitlines() if line.startswith("#")]
    joined = "\n".join(header)
    for needed in ("valuetype = \"regex\"", "remove_punct = TRUE", "NFKC", "apply_quanteda.R",
                   QUANTEDA_CONDITIONS_KEY):
        assert needed in joined
    assert "frame_counts <- function" in quanteda_r_script()
    from analysis.cli import main

    assert main(["codebook", "--quanteda", str(tmp_path / "d.yml")]) == 0
    assert (tmp_path / "apply_quanteda.R").read_text(encoding="utf-8") == quanteda_r_script()
    assert yaml.safe_load((tmp_path / "d.yml").read_text(encoding="utf-8"))

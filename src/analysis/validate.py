"""Validation of the matchers against the project's hand coding.

The hand coding lives in ``validation/`` (rules in ``validation/CODING_RULES.md``):
``frames_coder_a.csv`` (the reference), ``frames_coder_b.csv`` (a second, independent
coding of the same texts) and ``attributions_gold.csv``.

* Markers: a predicted marker and a hand-coded span *match* when they are in the same
  document, have the same frame and overlap by at least one character. Matching is one to
  one (largest overlap first), so a merged prediction cannot count twice. Precision,
  recall and F1 are per frame and micro-averaged.
* Agreement: Krippendorff's alpha (nominal) between two codings, on units = sentence ×
  frame (1 if the coding marks the frame in the sentence, else 0).
* Attribution: an act *is detected* when a predicted cue overlaps a hand-coded cue in the
  same document; it is *correct* when, in addition, the speaker is the same (same
  gazetteer entity, or one name contains the other after normalisation, or they share a
  name word). P/R/F1 are reported for both, plus the accuracy of speaker_type and mode
  over detected acts.
"""
from __future__ import annotations

from pathlib import Path
from typing import Iterable

import numpy as np
import pandas as pd

from .attribution import SPEAKER_TYPES
from .corpus import Document, _decode, csv_records, segment
from .errors import AnnotationError
from .normalize import normalize_text

__all__ = ["load_annotations", "frame_scores", "krippendorff_alpha_nominal",
           "coding_units", "attribution_scores", "marker_disagreements",
           "attribution_disagreements", "FRAME_ANNOTATION_COLUMNS",
           "ATTRIBUTION_ANNOTATION_COLUMNS", "same_speaker"]

FRAME_ANNOTATION_COLUMNS = ("doc_id", "frame", "start", "end", "text")
ATTRIBUTION_ANNOTATION_COLUMNS = ("doc_id", "cue", "cue_start", "cue_end", "speaker",
                                  "speaker_type", "mode", "via")


def load_annotations(path: str | Path, corpus: Iterable[Document], *, kind: str = "frames",
                     frames: Iterable[str] | None = None) -> pd.DataFrame:
    """Read a hand-coding CSV and check every row against the corpus text.

    ``frames``: the codebook's frame ids; a frame annotation with another label is an
    error (a typo would otherwise lower recall silently). Attribution annotations are
    checked against SPEAKER_TYPES and the modes direct / indirect.

    Raises:
        AnnotationError: naming the file and line of a row whose offsets do not give its
            text, whose document is not in the corpus, whose label is unknown, or that
            lacks a column.
    """
    path = Path(path)
    required = FRAME_ANNOTATION_COLUMNS if kind == "frames" else ATTRIBUTION_ANNOTATION_COLUMNS
    text_col, s_col, e_col = ("text", "start", "end") if kind == "frames" else ("cue", "cue_start", "cue_end")
    raws = {d.doc_id: d.text for d in corpus}
    try:
        content = _decode(path.read_bytes(), path, error=AnnotationError)
    except FileNotFoundError:
        raise AnnotationError(path, "no such file") from None
    header, records = csv_records(content, path, AnnotationError)
    missing = [c for c in required if c not in (header or [])]
    if missing:
        raise AnnotationError(path, f"missing column(s) {', '.join(missing)}", line=1)
    if kind == "frames":
        allowed = {"frame": sorted(frames)} if frames is not None else {}
    else:
        allowed = {"speaker_type": list(SPEAKER_TYPES), "mode": ["direct", "indirect"]}
    rows = []
    for line, row in records:
        doc_id = row["doc_id"]
        for column, labels in allowed.items():
            if row[column] not in labels:
                raise AnnotationError(path, f"unknown {column} {row[column]!r}; expected one of "
                                            f"{', '.join(labels)}", line=line)
        if doc_id not in raws:
            raise AnnotationError(path, f"document {doc_id!r} is not in the corpus", line=line)
        try:
            start, end = int(row[s_col]), int(row[e_col])
        except ValueError:
            raise AnnotationError(path, f"{s_col}/{e_col} must be integers", line=line) from None
        if raws[doc_id][start:end] != row[text_col]:
            raise AnnotationError(path, f"{doc_id}[{start}:{end}] is "
                                        f"{raws[doc_id][start:end]!r}, not {row[text_col]!r}", line=line)
        row[s_col], row[e_col] = start, end
        rows.append(row)
    df = pd.DataFrame(rows, columns=header)
    return df.astype({s_col: "int64", e_col: "int64"}) if len(df) else df


def _match_spans(pred: pd.DataFrame, gold: pd.DataFrame, key_cols: list[str],
                 ps: str, pe: str, gs: str, ge: str) -> list[tuple[int, int]]:
    """One-to-one matching of overlapping spans with equal keys (largest overlap first)."""
    pairs = []
    gold_groups = {k: g for k, g in gold.groupby(key_cols)} if len(gold) else {}
    for key, pg in (pred.groupby(key_cols) if len(pred) else []):
        gg = gold_groups.get(key)
        if gg is None:
            continue
        for pi, p in pg.iterrows():
            for gi, g in gg.iterrows():
                overlap = min(p[pe], g[ge]) - max(p[ps], g[gs])
                if overlap > 0:
                    pairs.append((overlap, pi, gi))
    used_p, used_g, matched = set(), set(), []
    for overlap, pi, gi in sorted(pairs, key=lambda t: (-t[0], t[1], t[2])):
        if pi in used_p or gi in used_g:
            continue
        used_p.add(pi)
        used_g.add(gi)
        matched.append((pi, gi))
    return matched


def _prf(tp_p: int, n_pred: int, tp_g: int, n_gold: int) -> tuple[float, float, float]:
    precision = tp_p / n_pred if n_pred else float("nan")
    recall = tp_g / n_gold if n_gold else float("nan")
    f1 = (2 * precision * recall / (precision + recall)
          if n_pred and n_gold and precision + recall > 0 else (0.0 if n_pred and n_gold else float("nan")))
    return precision, recall, f1


def frame_scores(markers: pd.DataFrame, gold: pd.DataFrame, *, frames: Iterable[str] | None = None) -> pd.DataFrame:
    """Per-frame precision, recall and F1 of markers against hand coding.

    Returns a table with columns frame, n_gold, n_pred, tp, precision, recall, f1, and a
    last row ``all`` (micro average).
    """
    pred = markers.reset_index(drop=True)
    gold = gold.reset_index(drop=True)
    matched = _match_spans(pred, gold, ["doc_id", "frame"], "start", "end", "start", "end")
    mp = {pi for pi, _ in matched}
    frames = list(frames) if frames is not None else sorted(set(gold["frame"]) | set(pred["frame"]))
    rows = []
    for frame in frames + ["all"]:
        psel = pred.index if frame == "all" else pred.index[pred["frame"] == frame]
        gsel = gold.index if frame == "all" else gold.index[gold["frame"] == frame]
        tp = sum(1 for i in psel if i in mp)
        p, r, f = _prf(tp, len(psel), tp, len(gsel))
        rows.append({"frame": frame, "n_gold": len(gsel), "n_pred": len(psel), "tp": tp,
                     "precision": p, "recall": r, "f1": f})
    return pd.DataFrame(rows)


def marker_disagreements(markers: pd.DataFrame, gold: pd.DataFrame) -> pd.DataFrame:
    """Markers the matcher found that the coder did not (false_positive) and the reverse
    (false_negative): doc_id, frame, kind, start, end, text."""
    pred = markers.reset_index(drop=True)
    gold = gold.reset_index(drop=True)
    matched = _match_spans(pred, gold, ["doc_id", "frame"], "start", "end", "start", "end")
    mp, mg = {p for p, _ in matched}, {g for _, g in matched}
    fp = pred.loc[[i for i in pred.index if i not in mp], ["doc_id", "frame", "start", "end", "match"]]
    fn = gold.loc[[i for i in gold.index if i not in mg], ["doc_id", "frame", "start", "end", "text"]]
    out = pd.concat([fp.rename(columns={"match": "text"}).assign(kind="false_positive"),
                     fn.assign(kind="false_negative")], ignore_index=True)
    return out[["doc_id", "frame", "kind", "start", "end", "text"]].sort_values(
        ["doc_id", "start", "frame"], kind="stable").reset_index(drop=True)


def coding_units(coding: pd.DataFrame, corpus: Iterable[Document], frames: Iterable[str]) -> pd.DataFrame:
    """Sentence × frame presence table (0/1) of a coding, for agreement statistics."""
    frames = list(frames)
    rows = []
    for doc in corpus:
        st = segment(doc)
        sub = coding[coding["doc_id"] == doc.doc_id]
        present = {(st.sentence_at(int(s)), f) for s, f in zip(sub["start"], sub["frame"])}
        for sent in st.sentence_rows:
            for f in frames:
                rows.append({"doc_id": doc.doc_id, "sentence_id": sent["sentence_id"], "frame": f,
                             "present": int((sent["sentence_id"], f) in present)})
    return pd.DataFrame(rows)


def krippendorff_alpha_nominal(data: np.ndarray) -> float:
    """Krippendorff's alpha for nominal data.

    Args:
        data: coders × units array; ``np.nan`` marks a missing value.

    Returns:
        alpha (1 = perfect agreement, 0 = chance); ``nan`` when there is no variation.

    Example (Krippendorff 2011, "Computing Krippendorff's alpha-reliability", the
    nominal example with four coders):
        >>> import numpy as np
        >>> nan = np.nan
        >>> d = np.array([[1, 2, 3, 3, 2, 1, 4, 1, 2, nan, nan, nan],
        ...               [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, nan, 3],
        ...               [nan, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, nan],
        ...               [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, nan]])
        >>> round(krippendorff_alpha_nominal(d), 3)
        0.743
    """
    data = np.asarray(data, dtype=float)
    values = np.unique(data[~np.isnan(data)])
    index = {v: k for k, v in enumerate(values)}
    coincidence = np.zeros((len(values), len(values)))
    for unit in data.T:
        vals = unit[~np.isnan(unit)]
        m = len(vals)
        if m < 2:
            continue
        for a in range(m):
            for b in range(m):
                if a != b:
                    coincidence[index[vals[a]], index[vals[b]]] += 1.0 / (m - 1)
    n_c = coincidence.sum(axis=1)
    n = n_c.sum()
    if n <= 1:
        return float("nan")
    observed = n - np.trace(coincidence)
    expected = (n * n - (n_c ** 2).sum()) / (n - 1)
    if expected == 0:
        return float("nan")
    return float(1.0 - observed / expected)


def _name_words(name: str) -> set[str]:
    titles = {"الخبير", "الباحث", "الاستاذ", "الدكتور", "اللواء", "السيد", "الامين", "العام", "رئيس",
              "المدير", "وزير", "الوزير"}
    words = set()
    for w in normalize_text(name).replace("،", " ").split():
        w = w.strip("\"'«»“”")
        if len(w) >= 4 and w not in titles:
            words.add(w[2:] if w.startswith("ال") and len(w) > 5 else w)
    return words


def same_speaker(a: str, b: str) -> bool:
    """Whether two speaker strings name the same source (see module docstring)."""
    na = "".join(normalize_text(a).split())
    nb = "".join(normalize_text(b).split())
    if not na or not nb:
        return False
    if na in nb or nb in na:
        return True
    return bool(_name_words(a) & _name_words(b))


def attribution_scores(acts: pd.DataFrame, gold: pd.DataFrame) -> pd.DataFrame:
    """Act detection and speaker P/R/F1, and type/mode accuracy over detected acts."""
    pred = acts.reset_index(drop=True)
    gold = gold.reset_index(drop=True)
    matched = _match_spans(pred, gold, ["doc_id"], "cue_start", "cue_end", "cue_start", "cue_end")
    n_pred, n_gold = len(pred), len(gold)
    det = len(matched)
    right = [(p, g) for p, g in matched if same_speaker(pred.at[p, "speaker"], gold.at[g, "speaker"])]
    rows = []
    for name, tp in (("act detected", det), ("act with right speaker", len(right))):
        p, r, f = _prf(tp, n_pred, tp, n_gold)
        rows.append({"measure": name, "n_gold": n_gold, "n_pred": n_pred, "tp": tp,
                     "precision": p, "recall": r, "f1": f, "accuracy": float("nan")})
    for col in ("speaker_type", "mode"):
        ok = sum(pred.at[p, col] == gold.at[g, col] for p, g in matched)
        rows.append({"measure": f"{col} accuracy (detected acts)", "n_gold": n_gold, "n_pred": n_pred,
                     "tp": ok, "precision": float("nan"), "recall": float("nan"), "f1": float("nan"),
                     "accuracy": ok / det if det else float("nan")})
    return pd.DataFrame(rows)


def attribution_disagreements(acts: pd.DataFrame, gold: pd.DataFrame) -> pd.DataFrame:
    """Acts missed, acts not in the hand coding, and detected acts whose speaker, type or
    mode differ: doc_id, kind, cue_start, cue, predicted, hand_coded."""
    pred = acts.reset_index(drop=True)
    gold = gold.reset_index(drop=True)
    matched = _match_spans(pred, gold, ["doc_id"], "cue_start", "cue_end", "cue_start", "cue_end")
    mp, mg = {p for p, _ in matched}, {g for _, g in matched}
    rows = []
    for i in pred.index.difference(list(mp)):
        r = pred.loc[i]
        rows.append((r.doc_id, "false_positive", r.cue_start, r.cue, f"{r.speaker} ({r.speaker_type}, {r['mode']})", ""))
    for i in gold.index.difference(list(mg)):
        r = gold.loc[i]
        rows.append((r.doc_id, "false_negative", r.cue_start, r.cue, "", f"{r.speaker} ({r.speaker_type}, {r['mode']})"))
    for p, g in matched:
        rp, rg = pred.loc[p], gold.loc[g]
        diffs = []
        if not same_speaker(rp.speaker, rg.speaker):
            diffs.append("speaker")
        if rp.speaker_type != rg.speaker_type:
            diffs.append("type")
        if rp["mode"] != rg["mode"]:
            diffs.append("mode")
        if diffs:
            rows.append((rp.doc_id, "wrong " + "+".join(diffs), rp.cue_start, rp.cue,
                         f"{rp.speaker} ({rp.speaker_type}, {rp['mode']})",
                         f"{rg.speaker} ({rg.speaker_type}, {rg['mode']})"))
    out = pd.DataFrame(rows, columns=["doc_id", "kind", "cue_start", "cue", "predicted", "hand_coded"])
    return out.sort_values(["doc_id", "cue_start"], kind="stable").reset_index(drop=True)

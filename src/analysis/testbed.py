"""The attribution test bed: hand-coded real news, and the scorer that measures attribution on it.

The test bed (``validation/attributions/``) codes SaudiNewsNet articles the rules were not
written on, split into ``dev`` (look at it freely) and ``test`` (frozen; scored to report).
Its files hold offsets and labels only; the strings are read from the corpus here.

Gold tables (after :func:`load_testbed`):

* ``acts``: one row per reporting act — ``doc_id, act, cue_start, cue_end, clause_start,
  clause_end, source, mode, via_start, via_end, coder, note`` plus ``cue``, ``via`` (the raw
  strings), ``speaker``, ``names`` (every string naming the act's source, fullest first),
  ``speaker_type``, ``speaker_country``, ``outlet``.
* ``sources``: one row per source — ``doc_id, source, speaker_start, speaker_end, mentions,
  speaker_type, speaker_country, coder, note``.

Matching rule (written down in the README, tested on invented cases below in the tests):

1. A predicted act and a coded act of the same document are *candidates* when the predicted
   cue overlaps the coded cue (tier 0), or lies inside the coded clause (tier 1).
2. Matching is one to one, greedily: tier 0 before tier 1, then pairs whose speaker names
   the same source first, then the nearest cues.
3. The predicted speaker *names the same source* when, after normalisation (diacritics,
   alef/ya/teh marbuta, a leading conjunction or preposition clitic, punctuation), it equals
   one of the source's coded names, contains one of them as whole words, or is a prefix
   (whole words) of one of them that holds a word other than a bare title.
4. Types compare on a country-neutral typology: ``official`` splits into home, foreign and
   unknown-country officials for the chosen home country (``home_official``,
   ``foreign_official``, ``official``); a prediction ``moroccan_official`` is a home official
   when the home is MA; ``unknown`` predictions stand for ``other`` (identified non-state
   sources), as the system documents it.
5. A predicted via is right when it shares a non-title word with the coded via.

Measures: P/R/F1 of act detection, of detection with the right speaker, and *strict*
(speaker + type + mode all right); speaker-type and mode accuracy over matched acts; via
recall (coded vias found) and precision; broken down by coded type and by outlet.
"""
from __future__ import annotations

import gzip
import hashlib
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable

import pandas as pd

from .coding_files import read_coding_rows
from .errors import AnnotationError
from .normalize import normalize_text

__all__ = ["GOLD_TYPES", "SCORE_COLUMNS", "load_testbed", "load_seed_gold", "names_same_source",
           "type_key", "match_acts", "score_acts", "score_breakdown", "score_country_blind", "disagreements",
           "testbed_documents", "file_digest"]

#: Country-neutral types of the hand coding (validation/CODING_RULES.md).
GOLD_TYPES = ("official", "international_org", "expert", "anonymous", "media", "other")
MODES = ("direct", "indirect")

ACT_FILE_COLUMNS = ("doc_id", "act", "cue_start", "cue_end", "clause_start", "clause_end", "source",
                    "mode", "via_start", "via_end", "coder", "note")
SOURCE_FILE_COLUMNS = ("doc_id", "source", "speaker_start", "speaker_end", "mentions", "speaker_type",
                       "speaker_country", "coder", "note")

SCORE_COLUMNS = {
    "measure": "what is scored",
    "n_gold": "coded acts (or coded acts with a via, for via)",
    "n_pred": "predicted acts (or predicted acts with a via)",
    "tp": "correct ones",
    "precision": "tp / n_pred",
    "recall": "tp / n_gold",
    "f1": "harmonic mean of precision and recall",
    "accuracy": "for type and mode: share right over matched acts (n = matched)",
}

# Words that alone do not name a source: titles and offices (normalised spelling; glosses:
# spokesman, official, minister, director, president/head, secretary, general, expert,
# researcher, professor, doctor, source, sources, ambassador, prince, sheikh, engineer, mister).
_BARE_TITLES = frozenset({
    "المتحدث", "متحدث", "المسوول", "مسوول", "الوزير", "وزير", "المدير", "مدير", "الرييس", "رييس",
    "الامين", "امين", "العام", "عام", "الخبير", "خبير", "الباحث", "باحث", "الاستاذ", "استاذ",
    "الدكتور", "د", "المصدر", "مصدر", "مصادر", "المصادر", "السفير", "سفير", "الامير", "امير",
    "الشيخ", "شيخ", "المهندس", "مهندس", "السيد", "باسم", "الرسمي", "رسمي", "وكاله", "صحيفه",
    "قناه", "موقع",
})
_PUNCT_RE = re.compile(r"[^\w\s]")
_CLITIC_RE = re.compile(r"^(?:[وف](?=\w{3,}$)|[وف]?[لب](?=\w{4,}$))")


def _words(text: str) -> tuple[str, ...]:
    """Normalised words of a name: no punctuation, no leading conjunction or ل/ب clitic."""
    return tuple(_CLITIC_RE.sub("", w) for w in _PUNCT_RE.sub(" ", normalize_text(text)).split())


def _contains(long: tuple[str, ...], short: tuple[str, ...]) -> bool:
    n = len(short)
    return n > 0 and any(long[i:i + n] == short for i in range(len(long) - n + 1))


def names_same_source(predicted: str, names: Iterable[str]) -> bool:
    """Whether a predicted speaker string names the source whose coded names are ``names``.

    >>> names_same_source("وزير الخارجية", ["وزير الخارجية الأمريكي جون كيري", "كيري"])
    True
    >>> names_same_source("الأمم المتحدة", ["المتحدث باسم الأمم المتحدة"])
    False
    """
    p = _words(predicted)
    if not p:
        return False
    for name in names:
        n = _words(name)
        if not n:
            continue
        if p == n or _contains(p, n) or "".join(p) == "".join(n):  # spacing variants: عبد اللطيف / عبداللطيف
            return True
        if len(p) < len(n) and n[:len(p)] == p and any(w not in _BARE_TITLES for w in p):
            return True
    return False


def type_key(label: str, country: str = "", *, home_country: str = "MA") -> str:
    """The comparable type of a coded or predicted label (see the module docstring)."""
    country = (country or "").strip().upper()
    if label in ("official", "home_official", "foreign_official", "moroccan_official"):
        if label == "home_official" or (label == "moroccan_official" and home_country == "MA"):
            return "home_official"
        if label == "foreign_official" or label == "moroccan_official":
            return "foreign_official"
        if not country:
            return "official"
        return "home_official" if country == home_country.upper() else "foreign_official"
    return "other" if label == "unknown" else label


def file_digest(paths: Iterable[Path]) -> str:
    """SHA-256 over the bytes of ``paths`` in the given order (the frozen test split's hash)."""
    h = hashlib.sha256()
    for p in paths:
        h.update(Path(p).read_bytes())
    return h.hexdigest()


def _span(path: Path, line: int, text: str, start: str, end: str, what: str) -> tuple[int, int]:
    try:
        s, e = int(start), int(end)
    except ValueError:
        raise AnnotationError(path, f"{what} offsets {start!r}, {end!r} are not integers", line=line) from None
    if not 0 <= s < e <= len(text) or text[s:e] != text[s:e].strip():
        raise AnnotationError(path, f"{what} span {s}-{e} is empty, out of the text ({len(text)} "
                                    f"characters) or not trimmed", line=line)
    return s, e


def testbed_documents(corpus_path: Path, doc_ids: Iterable[str]) -> dict[str, dict]:
    """``doc_id → {"text", "outlet"}`` for the wanted ids, read from a JSONL(.gz) corpus
    (the first record of each id, as the sample was drawn). Cached per file state: the
    scorer and the tests read the same 86 articles several times."""
    p = Path(corpus_path)
    stat = p.stat()
    return dict(_documents(str(p.resolve()), stat.st_mtime_ns, stat.st_size, frozenset(doc_ids)))


@lru_cache(maxsize=8)
def _documents(corpus_path: str, _mtime: int, _size: int, wanted: frozenset) -> dict[str, dict]:
    out: dict[str, dict] = {}
    opener = gzip.open if str(corpus_path).endswith(".gz") else open
    with opener(corpus_path, "rt", encoding="utf-8") as fh:
        for line in fh:
            if not wanted - out.keys():
                break
            obj = json.loads(line)
            doc = str(obj.get("id"))
            if doc in wanted and doc not in out:
                out[doc] = {"text": obj.get("text") or "", "outlet": obj.get("outlet") or ""}
    return out


@dataclass
class Testbed:
    """A loaded split: gold ``acts`` and ``sources`` (see module docstring) and ``texts``."""
    split: str
    acts: pd.DataFrame
    sources: pd.DataFrame
    texts: dict[str, str]
    outlets: dict[str, str]


def sample_rows(folder: Path) -> list[dict]:
    """The rows (doc_id, outlet, split, …) of every drawn sample in ``folder``: ``sample.csv``
    (the dev and test splits) and the fresh samples drawn later (``sample_fresh*.csv``)."""
    return [r for path in sorted(Path(folder).glob("sample*.csv"))
            for _, r in read_coding_rows(path, ("doc_id", "outlet", "split"))]


def load_testbed(folder: Path, split: str, corpus_path: Path, *, coding: str | None = None) -> Testbed:
    """Read the sample files (:func:`sample_rows`) and ``folder/CODING/{sources,acts}.csv``
    (``CODING`` is the split's name unless given, e.g. ``agreement`` for the second coder's
    files) and check every span against the corpus text. ``split`` ``all`` takes both dev
    and test articles (``sample.csv``).

    Raises:
        AnnotationError: naming the file and line of a row whose span is out of its text or
            not trimmed, whose label is unknown, whose source is undefined, or whose document
            is not in the sample's split.
    """
    folder = Path(folder)
    sample = {r["doc_id"]: r for r in sample_rows(folder)
              if r["split"] == split or (split == "all" and r["split"] in ("dev", "test"))}
    if not sample:
        raise AnnotationError(folder / "sample.csv", f"no article in split {split!r}")
    docs = testbed_documents(corpus_path, sample)
    texts = {d: v["text"] for d, v in docs.items()}
    src_path, act_path = (folder / (coding or split) / name for name in ("sources.csv", "acts.csv"))
    sources, names = [], {}
    for line, r in read_coding_rows(src_path, SOURCE_FILE_COLUMNS):
        doc = r["doc_id"]
        if doc not in sample or doc not in texts:
            raise AnnotationError(src_path, f"document {doc!r} is not in the {split} split", line=line)
        text = texts[doc]
        s, e = _span(src_path, line, text, r["speaker_start"], r["speaker_end"], "speaker")
        if r["speaker_type"] not in GOLD_TYPES:
            raise AnnotationError(src_path, f"unknown speaker_type {r['speaker_type']!r}; expected one of "
                                            f"{', '.join(GOLD_TYPES)}", line=line)
        if r["speaker_country"] and not re.fullmatch(r"[A-Z]{2}", r["speaker_country"]):
            raise AnnotationError(src_path, f"speaker_country {r['speaker_country']!r} is not ISO 3166 "
                                            f"alpha-2", line=line)
        spans = [(s, e)]
        for item in filter(None, (r["mentions"] or "").split(";")):
            a, _, b = item.partition("-")
            spans.append(_span(src_path, line, text, a, b, "mention"))
        key = (doc, r["source"])
        if key in names:
            raise AnnotationError(src_path, f"source {r['source']!r} defined twice in {doc}", line=line)
        names[key] = [text[a:b] for a, b in spans]
        sources.append({**{c: r[c] for c in SOURCE_FILE_COLUMNS}, "speaker_start": s, "speaker_end": e})
    src_by_key = {(r["doc_id"], r["source"]): r for r in sources}
    acts = []
    for line, r in read_coding_rows(act_path, ACT_FILE_COLUMNS):
        doc = r["doc_id"]
        if doc not in sample or doc not in texts:
            raise AnnotationError(act_path, f"document {doc!r} is not in the {split} split", line=line)
        text = texts[doc]
        cs, ce = _span(act_path, line, text, r["cue_start"], r["cue_end"], "cue")
        ls, le = _span(act_path, line, text, r["clause_start"], r["clause_end"], "clause")
        if not ls <= cs < ce <= le:
            raise AnnotationError(act_path, "the cue is not inside the clause", line=line)
        if r["mode"] not in MODES:
            raise AnnotationError(act_path, f"unknown mode {r['mode']!r}", line=line)
        src = src_by_key.get((doc, r["source"]))
        if src is None:
            raise AnnotationError(act_path, f"source {r['source']!r} is not defined for {doc}", line=line)
        via = ""
        if r["via_start"] or r["via_end"]:
            vs, ve = _span(act_path, line, text, r["via_start"], r["via_end"], "via")
            via = text[vs:ve]
        acts.append({**{c: r[c] for c in ACT_FILE_COLUMNS}, "cue_start": cs, "cue_end": ce,
                     "clause_start": ls, "clause_end": le, "cue": text[cs:ce], "via": via,
                     "speaker": names[(doc, r["source"])][0], "names": names[(doc, r["source"])],
                     "speaker_type": src["speaker_type"], "speaker_country": src["speaker_country"],
                     "outlet": sample[doc]["outlet"]})
    acts_df = pd.DataFrame(acts)
    if len(acts_df):
        acts_df = acts_df.sort_values(["doc_id", "cue_start"], kind="stable").reset_index(drop=True)
    return Testbed(split, acts_df, pd.DataFrame(sources), texts,
                   {d: sample[d]["outlet"] for d in sample})


def load_seed_gold(gold: pd.DataFrame, outlets: dict[str, str]) -> pd.DataFrame:
    """The seeds' hand coding (``attributions_gold.csv``, checked by
    :func:`analysis.validate.load_annotations`) in the test bed's shape: no clause (cue
    overlap only), Moroccan officials as officials of MA. It codes one name per act, so its
    speakers are compared with the lenient rule of :func:`analysis.validate.same_speaker`
    (equal, contained, or a shared name word), as in the project's earlier figures."""
    rows = []
    for r in gold.itertuples(index=False):
        typ, country = r.speaker_type, ""
        if typ == "moroccan_official":
            typ, country = "official", "MA"
        elif typ == "foreign_official":
            typ, country = "official", "ZZ"  # foreign, country not coded in the seed coding
        rows.append({"doc_id": r.doc_id, "cue_start": int(r.cue_start), "cue_end": int(r.cue_end),
                     "clause_start": int(r.cue_start), "clause_end": int(r.cue_end), "cue": r.cue,
                     "speaker": r.speaker, "names": [r.speaker], "speaker_type": "other" if typ == "unknown" else typ,
                     "speaker_country": country, "mode": r.mode, "via": r.via if isinstance(r.via, str) else "",
                     "outlet": outlets.get(r.doc_id, ""), "legacy": True})
    return pd.DataFrame(rows)


def _pred_type(row, home_country: str) -> str:
    return type_key(row.get("speaker_type", ""), row.get("speaker_country", "") or "", home_country=home_country)


def _gold_type(row, home_country: str) -> str:
    return type_key(row["speaker_type"], row["speaker_country"], home_country=home_country)


def _via_same(pred: str, gold: str) -> bool:
    p = {w for w in _words(pred) if w not in _BARE_TITLES}
    g = {w for w in _words(gold) if w not in _BARE_TITLES}
    return bool(p & g)


def _same(pred_speaker: str, gold_row) -> bool:
    if gold_row.get("legacy", False):
        from .validate import same_speaker  # the seeds' coding gives one name per act: the lenient rule
        return same_speaker(pred_speaker, gold_row["speaker"])
    return names_same_source(pred_speaker, gold_row["names"])


def match_acts(pred: pd.DataFrame, gold: pd.DataFrame) -> list[tuple[int, int]]:
    """One-to-one (pred index, gold index) pairs by the matching rule of the module docstring."""
    pairs = []
    gold_by_doc = {d: g for d, g in gold.groupby("doc_id")} if len(gold) else {}
    for doc, pg in (pred.groupby("doc_id") if len(pred) else []):
        gg = gold_by_doc.get(doc)
        if gg is None:
            continue
        for pi, p in pg.iterrows():
            ps, pe = int(p["cue_start"]), int(p["cue_end"])
            for gi, g in gg.iterrows():
                if ps < g["cue_end"] and g["cue_start"] < pe:
                    tier = 0
                elif g["clause_start"] <= ps and pe <= g["clause_end"]:
                    tier = 1
                else:
                    continue
                same = _same(str(p.get("speaker", "") or ""), g)
                pairs.append((tier, not same, abs(ps - g["cue_start"]), pi, gi))
    used_p, used_g, matched = set(), set(), []
    for *_, pi, gi in sorted(pairs):
        if pi not in used_p and gi not in used_g:
            used_p.add(pi); used_g.add(gi)
            matched.append((pi, gi))
    return matched


def _prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else float("nan")
    r = tp / n_gold if n_gold else float("nan")
    f = 2 * p * r / (p + r) if n_pred and n_gold and p + r > 0 else (0.0 if n_pred and n_gold else float("nan"))
    return p, r, f


def _judge(pred: pd.DataFrame, gold: pd.DataFrame, home_country: str) -> pd.DataFrame:
    """One row per matched pair with the speaker/type/mode/via judgements."""
    rows = []
    for pi, gi in match_acts(pred, gold):
        p, g = pred.loc[pi], gold.loc[gi]
        pt, gt = _pred_type(p, home_country), _gold_type(g, home_country)
        pvia = str(p.get("via", "") or "")
        rows.append({"pred": pi, "gold": gi, "speaker_ok": _same(str(p.get("speaker", "") or ""), g),
                     "type_ok": pt == gt, "mode_ok": p["mode"] == g["mode"],
                     "via_ok": bool(g["via"]) and bool(pvia) and _via_same(pvia, g["via"]),
                     "pred_type": pt, "gold_type": gt})
    return pd.DataFrame(rows, columns=["pred", "gold", "speaker_ok", "type_ok", "mode_ok", "via_ok",
                                       "pred_type", "gold_type"])


def score_acts(pred: pd.DataFrame, gold: pd.DataFrame, *, home_country: str = "MA") -> pd.DataFrame:
    """The test bed's measures (columns: SCORE_COLUMNS).

    Args:
        pred: attribution rows (``doc_id, cue_start, cue_end, speaker, speaker_type, mode``,
            optional ``via``, ``speaker_country``).
        gold: coded acts as loaded by :func:`load_testbed` or :func:`load_seed_gold`.
        home_country: ISO alpha-2 code that ``home_official`` stands for.
    """
    pred = pred.reset_index(drop=True)
    gold = gold.reset_index(drop=True)
    j = _judge(pred, gold, home_country)
    n_pred, n_gold, det = len(pred), len(gold), len(j)
    speaker = int(j["speaker_ok"].sum()) if det else 0
    strict = int((j["speaker_ok"] & j["type_ok"] & j["mode_ok"]).sum()) if det else 0
    rows = []
    for name, tp in (("act detected", det), ("act with right speaker", speaker),
                     ("strict (speaker + type + mode)", strict)):
        p, r, f = _prf(tp, n_pred, n_gold)
        rows.append({"measure": name, "n_gold": n_gold, "n_pred": n_pred, "tp": tp,
                     "precision": p, "recall": r, "f1": f, "accuracy": float("nan")})
    for col, label in (("type_ok", "speaker type accuracy (matched)"), ("mode_ok", "mode accuracy (matched)")):
        ok = int(j[col].sum()) if det else 0
        rows.append({"measure": label, "n_gold": det, "n_pred": det, "tp": ok, "precision": float("nan"),
                     "recall": float("nan"), "f1": float("nan"), "accuracy": ok / det if det else float("nan")})
    gold_via = int((gold["via"].astype(str) != "").sum()) if n_gold else 0
    pred_via = int((pred["via"].fillna("").astype(str) != "").sum()) if "via" in pred and n_pred else 0
    via_ok = int(j["via_ok"].sum()) if det else 0
    p, r, f = _prf(via_ok, pred_via, gold_via)
    rows.append({"measure": "via", "n_gold": gold_via, "n_pred": pred_via, "tp": via_ok,
                 "precision": p, "recall": r, "f1": f, "accuracy": float("nan")})
    return pd.DataFrame(rows, columns=list(SCORE_COLUMNS))


def score_breakdown(pred: pd.DataFrame, gold: pd.DataFrame, by: str, *, home_country: str = "MA") -> pd.DataFrame:
    """Recall of detection, of detection with the right speaker and strict recall per coded
    ``type`` or per ``outlet`` (with precision too per outlet), with n."""
    pred = pred.reset_index(drop=True)
    gold = gold.reset_index(drop=True)
    j = _judge(pred, gold, home_country).set_index("gold")
    gold = gold.assign(type=[_gold_type(g, home_country) for _, g in gold.iterrows()])
    rows = []
    for key, gg in gold.groupby(by if by == "outlet" else "type"):
        jj = j.loc[j.index.intersection(gg.index)]
        row = {by: key, "n_gold": len(gg),
               "detected": len(jj) / len(gg),
               "right_speaker": float(jj["speaker_ok"].sum()) / len(gg),
               "strict": float((jj["speaker_ok"] & jj["type_ok"] & jj["mode_ok"]).sum()) / len(gg)}
        if by == "outlet":
            n_pred = int((pred["outlet"] == key).sum()) if "outlet" in pred else 0
            row["n_pred"] = n_pred
            row["strict_precision"] = (float((jj["speaker_ok"] & jj["type_ok"] & jj["mode_ok"]).sum()) / n_pred
                                       if n_pred else float("nan"))
        rows.append(row)
    return pd.DataFrame(rows)


def disagreements(pred: pd.DataFrame, gold: pd.DataFrame, texts: dict[str, str], *,
                  home_country: str = "MA") -> pd.DataFrame:
    """Every coded act (matched or missed) and every unmatched prediction, with what differs:
    ``doc_id, kind, gold_cue_start, gold_cue, gold_speaker, gold_type, gold_mode, gold_via,
    pred_cue_start, pred_cue, pred_speaker, pred_type, pred_mode, pred_via``. It holds
    strings of the articles: write it outside the repository."""
    pred = pred.reset_index(drop=True)
    gold = gold.reset_index(drop=True)
    j = _judge(pred, gold, home_country)
    rows = []
    matched_p = set(j["pred"])
    by_gold = {int(r.gold): r for r in j.itertuples()}
    for gi, g in gold.iterrows():
        base = {"doc_id": g["doc_id"], "gold_cue_start": g["cue_start"], "gold_cue": g.get("cue", ""),
                "gold_speaker": g["speaker"], "gold_type": _gold_type(g, home_country),
                "gold_mode": g["mode"], "gold_via": g["via"]}
        m = by_gold.get(gi)
        if m is None:
            rows.append({**base, "kind": "missed"})
            continue
        p = pred.loc[m.pred]
        wrong = [w for w, ok in (("speaker", m.speaker_ok), ("type", m.type_ok), ("mode", m.mode_ok)) if not ok]
        rows.append({**base, "kind": "wrong " + "+".join(wrong) if wrong else "right",
                     "pred_cue_start": p["cue_start"], "pred_cue": p.get("cue", ""), "pred_speaker": p.get("speaker", ""),
                     "pred_type": m.pred_type, "pred_mode": p["mode"], "pred_via": p.get("via", "")})
    for pi, p in pred.iterrows():
        if pi not in matched_p:
            rows.append({"doc_id": p["doc_id"], "kind": "spurious", "pred_cue_start": p["cue_start"],
                         "pred_cue": p.get("cue", ""), "pred_speaker": p.get("speaker", ""),
                         "pred_type": _pred_type(p, home_country), "pred_mode": p["mode"], "pred_via": p.get("via", "")})
    cols = ["doc_id", "kind", "gold_cue_start", "gold_cue", "gold_speaker", "gold_type", "gold_mode", "gold_via",
            "pred_cue_start", "pred_cue", "pred_speaker", "pred_type", "pred_mode", "pred_via"]
    out = pd.DataFrame(rows, columns=cols)
    order = out["gold_cue_start"].fillna(out["pred_cue_start"])
    return out.assign(_o=order).sort_values(["doc_id", "_o"], kind="stable").drop(columns="_o").reset_index(drop=True)


def coder_agreement(a: pd.DataFrame, b: pd.DataFrame, *, home_country: str = "SA") -> pd.DataFrame:
    """Agreement of two independent codings of the same documents (acts as loaded by
    :func:`load_testbed`): F1 of acts and of acts with the same source between coders (B's
    acts matched to A's by the matching rule; a source is the same when either coder's
    fullest name names the other's source), and Krippendorff's alpha (nominal) for type
    (with the home/foreign split for ``home_country``) and mode over matched acts.

    Columns: measure, n_a, n_b, n_units, value.
    """
    from .validate import krippendorff_alpha_nominal

    a = a.reset_index(drop=True)
    b = b.reset_index(drop=True)
    pairs = match_acts(b, a)
    same = [names_same_source(b.at[j, "speaker"], a.at[i, "names"]) or names_same_source(a.at[i, "speaker"], b.at[j, "names"])
            for j, i in pairs]
    n = len(a) + len(b)
    rows = [{"measure": "acts (F1 between coders)", "value": 2 * len(pairs) / n if n else float("nan"),
             "n_units": len(pairs)},
            {"measure": "acts with the same source (F1)", "value": 2 * sum(same) / n if n else float("nan"),
             "n_units": sum(same)}]
    for label, key in (("speaker type (alpha)", lambda r: type_key(r["speaker_type"], r["speaker_country"],
                                                                     home_country=home_country)),
                       ("mode (alpha)", lambda r: r["mode"])):
        codes = sorted({key(a.loc[i]) for _, i in pairs} | {key(b.loc[j]) for j, _ in pairs})
        data = [[codes.index(key(a.loc[i])) for j, i in pairs], [codes.index(key(b.loc[j])) for j, i in pairs]]
        rows.append({"measure": label, "value": krippendorff_alpha_nominal(data) if pairs else float("nan"),
                     "n_units": len(pairs)})
    return pd.DataFrame([{**r, "n_a": len(a), "n_b": len(b)} for r in rows],
                        columns=["measure", "n_a", "n_b", "n_units", "value"])


def agreement_scores(*, folder: Path | None = None, corpus_path: Path | None = None,
                     home_country: str = "SA", fresh: str | None = None) -> pd.DataFrame:
    """Agreement between the first (``agreement/first_coding``) and the second
    (``agreement/``) independent coding of the overlap articles, as made, before adjudication.
    ``fresh``: the name of a fresh sample's split (``fresh``, ``fresh2``): its overlap
    articles instead (``SPLIT/``, restricted to the articles of
    ``SPLIT_agreement/overlap.csv``, against ``SPLIT_agreement/``)."""
    folder = Path(folder or project_root() / "validation" / "attributions")
    corpus_path = Path(corpus_path or default_corpus())
    if fresh:
        overlap = {r["doc_id"] for _, r in read_coding_rows(folder / f"{fresh}_agreement" / "overlap.csv",
                                                               ("doc_id", "coder_a", "coder_b"))}
        first = load_testbed(folder, fresh, corpus_path).acts
        first = first[first["doc_id"].isin(overlap)] if len(first) else first
        second = load_testbed(folder, fresh, corpus_path, coding=f"{fresh}_agreement").acts
        return coder_agreement(first, second, home_country=home_country)
    first = load_testbed(folder, "all", corpus_path, coding="agreement/first_coding").acts
    second = load_testbed(folder, "all", corpus_path, coding="agreement").acts
    return coder_agreement(first, second, home_country=home_country)


def project_root() -> Path:
    """The project this package was installed from (an editable install: src/analysis → root)."""
    return Path(__file__).resolve().parents[2]


def default_corpus() -> Path:
    """SaudiNewsNet beside the project (``../shared/corpora/saudinewsnet``), where CI has it."""
    return project_root().parent / "shared" / "corpora" / "saudinewsnet" / "saudinewsnet.jsonl.gz"


@dataclass
class SplitScores:
    """Scores of one split: ``scores`` (SCORE_COLUMNS), ``by_type``, ``by_outlet``,
    ``disagreements`` (holds article strings: never commit it), and the counts."""
    split: str
    n_documents: int
    n_gold: int
    scores: pd.DataFrame
    by_type: pd.DataFrame
    by_outlet: pd.DataFrame
    disagreements: pd.DataFrame
    country_blind: pd.DataFrame | None = None  # :func:`score_country_blind`


def score_country_blind(pred: pd.DataFrame, gold: pd.DataFrame, *, home_country: str = "MA") -> pd.DataFrame:
    """Strict P/R/F1 with the officials' country not judged: ``home_official``,
    ``foreign_official`` and ``official`` (country unstated) count as one type. A sensitivity
    figure: how much of the strict score turns on whose official a speaker is, which the
    coding can leave open (the text need not say it) while the other types are told by the
    speaker's description. Columns: SCORE_COLUMNS, one row."""
    pred = pred.reset_index(drop=True)
    gold = gold.reset_index(drop=True)
    j = _judge(pred, gold, home_country)
    officials = ("home_official", "foreign_official", "official")
    blind = [pt == gt or (pt in officials and gt in officials) for pt, gt in zip(j["pred_type"], j["gold_type"])]
    tp = int((j["speaker_ok"] & pd.Series(blind, index=j.index, dtype=bool) & j["mode_ok"]).sum()) if len(j) else 0
    p, r, f = _prf(tp, len(pred), len(gold))
    return pd.DataFrame([{"measure": "strict, officials' country not judged", "n_gold": len(gold), "n_pred": len(pred),
                          "tp": tp, "precision": p, "recall": r, "f1": f, "accuracy": float("nan")}],
                        columns=list(SCORE_COLUMNS))


def predict(texts: dict[str, str], outlets: dict[str, str], gazetteer=None, **options) -> pd.DataFrame:
    """The system's attribution rows for the test bed's documents."""
    from .attribution import attributions_frame
    from .corpus import Document

    docs = [Document(d, texts[d], {"outlet": outlets.get(d, "")}) for d in sorted(texts)]
    return attributions_frame(docs, gazetteer, **options)


def score_split(split: str, *, home_country: str = "MA", gazetteer=None, folder: Path | None = None,
                corpus_path: Path | None = None, seeds: Path | None = None) -> SplitScores:
    """Run the attribution on a split (``dev``, ``test``, ``fresh``, ``fresh2`` or ``seeds``) and score it.

    Raises:
        AnnotationError: if the split's coding is malformed or absent.
        FileNotFoundError: if SaudiNewsNet is not at ``corpus_path`` (dev and test only).
    """
    from .attribution import load_gazetteer

    gz = gazetteer if gazetteer is None or not isinstance(gazetteer, (str, Path)) else load_gazetteer(gazetteer)
    root = project_root()
    if split == "seeds":
        from .corpus import read_corpus
        from .validate import load_annotations

        corpus = read_corpus(seeds or root / "seeds")
        outlets = {d.doc_id: d.outlet for d in corpus}
        coded = load_annotations((folder or root / "validation") / "attributions_gold.csv", corpus, kind="attributions")
        gold = load_seed_gold(coded, outlets)
        texts = {d.doc_id: d.text for d in corpus}
    elif split in ("dev", "test", "fresh", "fresh2"):
        corpus_path = Path(corpus_path or default_corpus())
        if not corpus_path.exists():
            raise FileNotFoundError(2, "SaudiNewsNet not found (the test bed's texts live in ../shared, beside "
                                       "the project)", str(corpus_path))
        bed = load_testbed(folder or root / "validation" / "attributions", split, corpus_path)
        gold, texts, outlets = bed.acts, bed.texts, bed.outlets
    else:
        raise ValueError(f"split must be dev, test, fresh, fresh2 or seeds, not {split!r}")
    pred = predict(texts, outlets, gz, home_country=home_country)
    if "outlet" not in pred:
        pred = pred.assign(outlet=pred["doc_id"].map(outlets))
    return SplitScores(split, len(texts), len(gold), score_acts(pred, gold, home_country=home_country),
                       score_breakdown(pred, gold, "type", home_country=home_country),
                       score_breakdown(pred, gold, "outlet", home_country=home_country),
                       disagreements(pred, gold, texts, home_country=home_country),
                       score_country_blind(pred, gold, home_country=home_country))


def format_scores(s: SplitScores) -> str:
    """A plain-text report of one split's scores, with n."""
    fmt = {c: "{:.3f}".format for c in ("precision", "recall", "f1", "accuracy", "detected", "right_speaker",
                                        "strict", "strict_precision")}
    return "\n".join([
        f"Source attribution on the {s.split} split: {s.n_documents} documents, {s.n_gold} coded acts",
        s.scores.to_string(index=False, formatters=fmt, na_rep="-"), "",
        *(["Sensitivity (home, foreign and unstated-country officials counted as one type):",
           s.country_blind.to_string(index=False, header=False, formatters=fmt, na_rep="-"), ""]
          if s.country_blind is not None else []),
        "Recall by coded type:", s.by_type.to_string(index=False, formatters=fmt, na_rep="-"), "",
        "By outlet:", s.by_outlet.to_string(index=False, formatters=fmt, na_rep="-")])


def side_by_side(*, home_country: str = "MA", testbed_home_country: str | None = None,
                 corpus_path: Path | None = None, gazetteer=None) -> pd.DataFrame:
    """In-sample (seeds) and out-of-sample (the test bed's dev and test splits and the fresh
    samples) attribution figures in one table: one row per measure, columns ``seeds``,
    ``dev``, ``test``, ``fresh``, ``fresh2`` (F1 or accuracy) and ``n_seeds`` … (coded acts, or
    matched acts for the accuracies). The splits that cannot be scored (no SaudiNewsNet) are
    left out."""
    out = {}
    for split in ("seeds", "dev", "test", "fresh", "fresh2"):
        home = home_country if split == "seeds" else (testbed_home_country or home_country)
        try:
            s = score_split(split, home_country=home, gazetteer=gazetteer, corpus_path=corpus_path).scores
        except FileNotFoundError:
            continue
        out[split] = s.assign(value=s["f1"].fillna(s["accuracy"]), n=s["n_gold"])[["measure", "value", "n"]]
    table = None
    for split, s in out.items():
        s = s.rename(columns={"value": split, "n": f"n_{split}"})
        table = s if table is None else table.merge(s, on="measure", how="left")
    return table

"""Per-outlet statistics from the tidy tables: frame rates, co-occurrence, source
profiles, diversity and keyness.

Every function takes the tidy tables (documents, markers, attributions) and returns a
tidy table; nothing here reads text except :func:`keyness`, which counts words.

Five documents support description, not inference: rates are per 1,000 body words of
one article per outlet, and keyness statistics describe these texts, not the outlets.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from functools import lru_cache
from typing import Iterable

import pandas as pd

from .attribution import SPEAKER_TYPES, shannon_entropy
from .corpus import COUNTED_ROLES, Document, segment
from .normalize import normalize_text

__all__ = ["counted_markers", "frame_counts", "frame_presence", "frame_cooccurrence",
           "source_counts", "attribution_summary", "top_speakers", "keyness", "name_words",
           "words_by_role", "profiles", "cooccurrence_matrix", "FRAME_COUNT_COLUMNS", "ATTRIBUTION_SUMMARY_COLUMNS"]

FRAME_COUNT_COLUMNS = {
    "outlet": "outlet", "frame": "frame id", "count": "markers (pull quotes and chrome excluded by default)",
    "n_words": "body words of the outlet's documents", "rate_per_1000": "count per 1,000 body words",
    "docs_with_frame": "documents with at least one marker of the frame", "n_docs": "documents of the outlet",
}
ATTRIBUTION_SUMMARY_COLUMNS = {
    "outlet": "outlet", "n_acts": "reporting acts", "n_sources": "distinct speakers",
    "share_named": "share of acts by a named or titled source (not anonymous)",
    "share_anonymous": "share of acts by anonymous sources", "share_direct": "share of direct acts",
    "diversity_bits": "Shannon entropy over speaker types (bits)",
    "evenness": "entropy / log2(number of types): 0 = one type only, 1 = all types equally",
}

_NAMED_TYPES = {"home_official", "foreign_official", "official", "international_org", "expert", "media", "other"}
# Types shown in per-outlet tables only when they occur (the seeds have none of them).
_OPTIONAL_TYPES = {"official", "other", "unknown"}


def counted_markers(markers: pd.DataFrame, *, include_pullquotes: bool = False,
                    include_chrome: bool = False) -> pd.DataFrame:
    """Markers that count: pull quotes (repeats of body text) and page chrome excluded
    unless asked for."""
    keep = pd.Series(True, index=markers.index)
    if not include_pullquotes:
        keep &= ~markers["in_pullquote"].astype(bool)
    if not include_chrome:
        keep &= ~markers["in_chrome"].astype(bool)
    if "role" in markers:
        keep &= markers["role"] != "byline"
    return markers[keep]


def frame_counts(markers: pd.DataFrame, documents: pd.DataFrame, frames: Iterable[str], *,
                 include_pullquotes: bool = False, include_chrome: bool = False) -> pd.DataFrame:
    """Per outlet and frame: count, rate per 1,000 body words, documents with the frame.

    Every outlet × frame pair is present (zero counts included), outlets in the order of
    ``documents``, frames in the given order.
    """
    frames = list(frames)
    m = counted_markers(markers, include_pullquotes=include_pullquotes, include_chrome=include_chrome)
    outlets = list(dict.fromkeys(documents["outlet"]))
    words = documents.groupby("outlet", sort=False)["n_words"].sum()
    ndocs = documents.groupby("outlet", sort=False)["doc_id"].nunique()
    counts = m.groupby(["outlet", "frame"]).size()
    docs_with = m.groupby(["outlet", "frame"])["doc_id"].nunique()
    rows = []
    for outlet in outlets:
        for frame in frames:
            c = int(counts.get((outlet, frame), 0))
            n_words = int(words[outlet])
            rows.append({"outlet": outlet, "frame": frame, "count": c, "n_words": n_words,
                         "rate_per_1000": round(1000 * c / n_words, 3) if n_words else float("nan"),
                         "docs_with_frame": int(docs_with.get((outlet, frame), 0)),
                         "n_docs": int(ndocs[outlet])})
    return pd.DataFrame(rows, columns=list(FRAME_COUNT_COLUMNS))


def frame_presence(markers: pd.DataFrame, documents: pd.DataFrame, frames: Iterable[str], **kw) -> pd.DataFrame:
    """Document × frame table of marker counts (0 = frame absent)."""
    frames = list(frames)
    m = counted_markers(markers, **kw)
    counts = m.groupby(["doc_id", "frame"]).size()
    rows = [{"doc_id": d, "outlet": o, **{f: int(counts.get((d, f), 0)) for f in frames}}
            for d, o in zip(documents["doc_id"], documents["outlet"])]
    return pd.DataFrame(rows)


def frame_cooccurrence(markers: pd.DataFrame, frames: Iterable[str], **kw) -> pd.DataFrame:
    """Number of sentences in which two frames both occur (frame_a < frame_b in codebook
    order), and for frame_a == frame_b the sentences with that frame."""
    frames = list(frames)
    m = counted_markers(markers, **kw)
    by_sentence = m.groupby(["doc_id", "sentence_id"])["frame"].apply(lambda s: sorted(set(s), key=frames.index))
    pairs: Counter = Counter()
    for fs in by_sentence:
        for a_i, a in enumerate(fs):
            pairs[(a, a)] += 1
            for b in fs[a_i + 1:]:
                pairs[(a, b)] += 1
    rows = [{"frame_a": a, "frame_b": b, "n_sentences": pairs.get((a, b), 0)}
            for i, a in enumerate(frames) for b in frames[i:]]
    return pd.DataFrame(rows)


def source_counts(acts: pd.DataFrame, outlets: Iterable[str], *, by: str = "speaker_type") -> pd.DataFrame:
    """Acts per outlet and speaker type (or mode): count and share of the outlet's acts."""
    levels = list(SPEAKER_TYPES) if by == "speaker_type" else sorted(acts[by].unique()) if len(acts) else []
    if by == "mode":
        levels = ["direct", "indirect"]
    counts = acts.groupby(["outlet", by]).size()
    totals = acts.groupby("outlet").size()
    rows = []
    for outlet in outlets:
        for level in levels:
            c = int(counts.get((outlet, level), 0))
            t = int(totals.get(outlet, 0))
            rows.append({"outlet": outlet, by: level, "count": c,
                         "share": round(c / t, 4) if t else 0.0})
    out = pd.DataFrame(rows)
    if by == "speaker_type":  # keep 'official', 'other' and 'unknown' only when they occur
        out = out[~out[by].isin(_OPTIONAL_TYPES) | (out.groupby(by)["count"].transform("sum") > 0)]
    return out.reset_index(drop=True)


def attribution_summary(acts: pd.DataFrame, outlets: Iterable[str]) -> pd.DataFrame:
    """Per outlet: acts, distinct sources, named/anonymous/direct shares, type diversity."""
    rows = []
    n_types = len([t for t in SPEAKER_TYPES if t != "unknown"])  # official kinds count apart
    for outlet in outlets:
        a = acts[acts["outlet"] == outlet]
        n = len(a)
        type_counts = a["speaker_type"].value_counts()
        h = shannon_entropy(type_counts.tolist())
        rows.append({
            "outlet": outlet, "n_acts": n,
            "n_sources": int(a[["speaker", "speaker_type"]].drop_duplicates().shape[0]),
            "share_named": round(a["speaker_type"].isin(_NAMED_TYPES).mean(), 4) if n else float("nan"),
            "share_anonymous": round((a["speaker_type"] == "anonymous").mean(), 4) if n else float("nan"),
            "share_direct": round((a["mode"] == "direct").mean(), 4) if n else float("nan"),
            "diversity_bits": round(h, 4),
            "evenness": round(h / math.log2(n_types), 4),
        })
    return pd.DataFrame(rows, columns=list(ATTRIBUTION_SUMMARY_COLUMNS))


def top_speakers(acts: pd.DataFrame, *, n: int = 5) -> pd.DataFrame:
    """The ``n`` most cited speakers of each outlet (ties broken by name)."""
    counts = (acts.groupby(["outlet", "speaker", "speaker_type"]).size()
              .reset_index(name="n_acts"))
    counts = counts.sort_values(["outlet", "n_acts", "speaker"], ascending=[True, False, True], kind="stable")
    counts["rank"] = counts.groupby("outlet").cumcount() + 1
    order = list(dict.fromkeys(acts["outlet"]))
    counts["outlet"] = pd.Categorical(counts["outlet"], categories=order, ordered=True)
    out = counts[counts["rank"] <= n].sort_values(["outlet", "rank"], kind="stable")
    out["outlet"] = out["outlet"].astype(str)
    return out.reset_index(drop=True)[["outlet", "rank", "speaker", "speaker_type", "n_acts"]]


_WORD_RE = re.compile(r"[^\W\d_]{2,}")
#: First element of theophoric compound names (عبد الله, عبد اللطيف: "servant of" + a
#: divine name), normalised: the word and the one after it are parts of a personal name,
#: not vocabulary, wherever they occur in Arabic news.
_NAME_HEAD = "عبد"  # "servant (of)", head of a compound personal name
#: Words that open the next word as part of a personal name wherever they occur in Arabic
#: news: the compound head عبد and the genealogical connector بن ("son of", written
#: without alif inside a name: محمد بن سلمان); the connector and the father's name are
#: name parts, not vocabulary.
_NAME_OPENERS = frozenset({_NAME_HEAD, "بن"})


def _word_counts(doc: Document, name_words: frozenset[str] = frozenset()) -> tuple[Counter, Counter]:
    """Normalised word counts of the counted text of ``doc``, and counts of each
    (normalised word, raw surface form) pair. Parts of compound names (``عبد`` or the
    connector ``بن`` and the word after it) and the words in ``name_words`` are not counted."""
    from .normalize import normalize

    st = segment(doc)
    counter: Counter = Counter()
    surfaces: Counter = Counter()
    for p in st.paragraph_rows:
        if p["role"] not in COUNTED_ROLES:
            continue
        raw = doc.text[p["start"]:p["end"]]
        nt = normalize(raw)
        skip_next = False
        for m in _WORD_RE.finditer(nt.text):
            word = m.group()
            if skip_next:
                skip_next = False
                continue
            if word in _NAME_OPENERS:
                skip_next = True
                continue
            if word in name_words:
                continue
            counter[word] += 1
            rs, re_ = nt.to_raw_span(m.start(), m.end())
            surfaces[(word, raw[rs:re_])] += 1
    return counter, surfaces


def name_words(gazetteer=None) -> frozenset[str]:
    """Normalised words of the personal names in the source gazetteer (the ``name`` of its
    ``people``), minus role words (titles such as minister or king) and function words:
    the name fragments that keyness leaves out."""
    from .attribution import load_gazetteer

    gaz = gazetteer if gazetteer is not None else load_gazetteer()
    roles = set().union(*gaz.role_words.values()) if gaz.role_words else set()
    names: set[str] = set()
    for entity in {id(e): e for e in gaz.aliases.values()}.values():
        words = _WORD_RE.findall(normalize_text(entity.name))
        if entity.kind != "person" or len(words) > 3:  # longer "names" are titles
            continue
        names.update(w for w in words if w not in roles and w.removeprefix("ال") not in roles)
    return frozenset(names - load_stopwords())


@lru_cache(maxsize=1)
def load_stopwords() -> frozenset[str]:
    """Arabic function words (``data/stopwords_ar.txt``), normalised."""
    from importlib import resources

    text = (resources.files("analysis") / "data" / "stopwords_ar.txt").read_text(encoding="utf-8")
    return frozenset(normalize_text(w) for line in text.splitlines()
                     for w in [line.split("#")[0].strip()] if w)


def keyness(corpus: Iterable[Document], *, group: str = "outlet", min_count: int = 3,
            top: int = 10, labels: dict[str, str] | None = None,
            stopwords: Iterable[str] | None = None,
            exclude: Iterable[str] | None = None) -> pd.DataFrame:
    """Keywords of each group (outlet) against all other groups.

    G² is the log-likelihood statistic (Dunning 1993, Rayson & Garside 2000; one degree of
    freedom, p from the chi-square distribution); Log Ratio is the binary log of the ratio
    of relative frequencies (Hardie 2014), with 0.5 added to a zero count. Words are
    normalised and counted in body text (no chrome or pull quotes). Only positive keywords
    (more frequent in the group) with at least ``min_count`` occurrences are kept, the
    ``top`` highest G² per group. ``labels`` maps a doc_id to its group label (default:
    the document's ``group`` metadata field). Function words (``stopwords``, default
    :func:`load_stopwords`) are left out, and so are name fragments: the two words of a
    compound ``عبد`` name and the normalised words in ``exclude`` (e.g. :func:`name_words`).

    Each row gives the normalised ``word`` and its ``surface``, the most frequent raw
    spelling in the group (ties: the alphabetically first), which is what a reader of
    Arabic expects to see; ``n_tokens`` is the number of words counted in the group.
    """
    stop = frozenset(stopwords) if stopwords is not None else load_stopwords()
    excluded = frozenset(exclude) if exclude is not None else frozenset()
    counts: dict[str, Counter] = {}
    forms: dict[str, Counter] = {}
    for doc in corpus:
        key = labels[doc.doc_id] if labels else (doc.meta.get(group, doc.doc_id) if group != "doc_id" else doc.doc_id)
        words, surfaces = _word_counts(doc, excluded)
        counts.setdefault(key, Counter()).update(words)
        forms.setdefault(key, Counter()).update(surfaces)
    total = Counter()
    for c in counts.values():
        total.update(c)
    n_all = sum(total.values())
    rows = []
    for key, c in counts.items():
        best: dict[str, tuple[int, str]] = {}
        for (word, form), k in forms[key].items():
            if word not in best or (-k, form) < (-best[word][0], best[word][1]):
                best[word] = (k, form)
        n_t = sum(c.values())
        n_r = n_all - n_t
        if n_t == 0 or n_r == 0:
            continue  # keyness needs a reference: at least two groups with words
        for word, a in c.items():
            if a < min_count or word in stop:
                continue
            b = total[word] - a
            e1 = n_t * (a + b) / n_all
            e2 = n_r * (a + b) / n_all
            g2 = 2 * (a * math.log(a / e1) + (b * math.log(b / e2) if b else 0.0))
            rel_t, rel_r = a / n_t, (b if b else 0.5) / n_r
            log_ratio = math.log2(rel_t / rel_r)
            if rel_t <= b / n_r:
                continue
            p = math.erfc(math.sqrt(g2 / 2))
            rows.append({group: key, "word": word, "surface": best[word][1], "count": a, "count_rest": b,
                         "g2": round(g2, 3), "p": p, "log_ratio": round(log_ratio, 3), "n_tokens": n_t})
    out = pd.DataFrame(rows, columns=[group, "word", "surface", "count", "count_rest", "g2", "p",
                                      "log_ratio", "n_tokens"])
    out = out.sort_values([group, "g2", "word"], ascending=[True, False, True], kind="stable")
    out = out.groupby(group, sort=False).head(top)
    order = list(counts)
    out["_o"] = out[group].map({k: i for i, k in enumerate(order)})
    return out.sort_values(["_o", "g2", "word"], ascending=[True, False, True], kind="stable").drop(columns="_o").reset_index(drop=True)


def words_by_role(corpus: Iterable[Document], labels: dict[str, str] | None = None) -> pd.DataFrame:
    """Words per outlet and structural role (rows outlet, role, n_words, n_docs; roles with
    words). ``n_docs`` is the number of documents of the outlet (the n of its bar)."""
    rows = []
    docs: Counter = Counter()
    for doc in corpus:
        outlet = labels[doc.doc_id] if labels else doc.outlet
        docs[outlet] += 1
        for p in segment(doc).paragraph_rows:
            rows.append({"outlet": outlet, "role": p["role"], "n_words": p["n_words"]})
    df = pd.DataFrame(rows, columns=["outlet", "role", "n_words"])
    out = df.groupby(["outlet", "role"], sort=False)["n_words"].sum().reset_index()
    out = out[out["n_words"] > 0].reset_index(drop=True)
    return out.assign(n_docs=out["outlet"].map(docs).astype("int64"))


def profiles(markers: pd.DataFrame, acts: pd.DataFrame, frames: Iterable[str], outlets: Iterable[str],
             **kw) -> pd.DataFrame:
    """Frame and source profiles per outlet: rows outlet, kind ('frame'/'source'),
    category, count, share (of the outlet's counted markers, or of its acts)."""
    frames, outlets = list(frames), list(outlets)
    m = counted_markers(markers, **kw)
    rows = []
    for outlet in outlets:
        fm = m[m["outlet"] == outlet]["frame"].value_counts()
        total = int(fm.sum())
        for f in frames:
            rows.append({"outlet": outlet, "kind": "frame", "category": f, "count": int(fm.get(f, 0)),
                         "share": round(fm.get(f, 0) / total, 4) if total else 0.0})
        sa = acts[acts["outlet"] == outlet]["speaker_type"].value_counts()
        total = int(sa.sum())
        for t in SPEAKER_TYPES:
            if t in _OPTIONAL_TYPES and not (acts["speaker_type"] == t).any():
                continue
            rows.append({"outlet": outlet, "kind": "source", "category": t, "count": int(sa.get(t, 0)),
                         "share": round(sa.get(t, 0) / total, 4) if total else 0.0})
    return pd.DataFrame(rows)


def cooccurrence_matrix(cooccurrence: pd.DataFrame, frames: Iterable[str]) -> pd.DataFrame:
    """The :func:`frame_cooccurrence` table as a symmetric frame × frame matrix of counts."""
    frames = list(frames)
    m = pd.DataFrame(0, index=pd.Index(frames, name="frame"), columns=frames)
    for a, b, n in cooccurrence[["frame_a", "frame_b", "n_sentences"]].itertuples(index=False):
        m.loc[a, b] = m.loc[b, a] = int(n)
    return m

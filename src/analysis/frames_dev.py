"""The frames development sample: texts beyond the seeds, hand coded, kept without their text.

The sample (``validation/frames_dev/``, how it was drawn in its README) is news pages of
the Moroccan and Arab press and SaudiNewsNet articles that mention Morocco. They are not
ours, so the repository keeps only what identifies and checks them and the coding:

* ``index.csv`` (:data:`INDEX_COLUMNS`): one row per text; ``source`` is ``pages`` (a
  file ``<doc_id>.txt`` in the texts folder the user gives, rebuilt from ``url``) or
  ``saudinewsnet`` (the record's ``text`` field in the SaudiNewsNet JSONL); ``sha256`` is
  the SHA-256 of the UTF-8 bytes of that text, so a text that differs is refused;
* ``frames_coder_a.csv`` (the reference) and optionally ``frames_coder_b.csv``
  (:data:`CODING_COLUMNS`): offsets into the raw text, no text column. Loading adds the
  ``text`` column from the text itself (``raw[start:end]``).

Example:
    >>> from analysis.frames_dev import DEV_FOLDER
    >>> DEV_FOLDER.name
    'frames_dev'
"""
from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

import numpy as np
import pandas as pd

from .corpus import Document
from .coding_files import read_coding_rows
from .errors import AnnotationError

__all__ = ["INDEX_COLUMNS", "CODING_COLUMNS", "DEV_FOLDER", "DevSample", "load_dev_sample",
           "default_texts_folder", "default_saudinewsnet", "dev_validation", "build_dev_sample"]

INDEX_COLUMNS = {
    "doc_id": "id of the text (pNNN for pages, the SaudiNewsNet id otherwise)",
    "source": "pages (a .txt file in the texts folder) or saudinewsnet (the corpus record)",
    "url": "where the page was read (empty for SaudiNewsNet)",
    "outlet": "the outlet (web domain, or SaudiNewsNet's source field)",
    "sha256": "SHA-256 of the UTF-8 bytes of the text",
    "n_chars": "length of the text in code points",
    "query": "the search that found the page (empty for SaudiNewsNet)",
}
CODING_COLUMNS = {
    "doc_id": "id of the text (index.csv)",
    "frame": "frame id of the codebook",
    "start": "start offset into the raw text (code points, file read with newline='')",
    "end": "end offset",
    "note": "the coder's note (in English; no quotation of the text)",
}

_ROOT = Path(__file__).resolve().parents[2]
DEV_FOLDER = _ROOT / "validation" / "frames_dev"


def default_texts_folder() -> Path:
    """Where the project's machines keep the page texts (``../pages/texts``)."""
    return _ROOT.parent / "pages" / "texts"


def default_saudinewsnet() -> Path:
    """SaudiNewsNet beside the project (``../shared/corpora/saudinewsnet``)."""
    return _ROOT.parent / "shared" / "corpora" / "saudinewsnet" / "saudinewsnet.jsonl.gz"


def _sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _saudinewsnet_texts(path: Path, ids: set[str]) -> dict[str, str]:
    out: dict[str, str] = {}
    if not ids:
        return out
    opener = gzip.open if str(path).endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            obj = json.loads(line)
            doc = str(obj.get("id"))
            if doc in ids and doc not in out:
                out[doc] = obj.get("text") or ""
                if len(out) == len(ids):
                    break
    return out


@dataclass
class DevSample:
    """A loaded development sample: ``corpus`` (Documents with outlet), ``index`` and the
    codings (``coder_a``, ``coder_b`` or None) with a ``text`` column added."""

    corpus: list[Document]
    index: pd.DataFrame
    coder_a: pd.DataFrame
    coder_b: pd.DataFrame | None


def _load_coding(path: Path, raws: dict[str, str], frames: Iterable[str] | None) -> pd.DataFrame:
    frames = set(frames) if frames is not None else None
    rows = []
    for line, row in read_coding_rows(path, ("doc_id", "frame", "start", "end")):
        doc = row["doc_id"]
        if doc not in raws:
            raise AnnotationError(path, f"document {doc!r} is not in the sample's index", line=line)
        if frames is not None and row["frame"] not in frames:
            raise AnnotationError(path, f"unknown frame {row['frame']!r}; expected one of "
                                        f"{', '.join(sorted(frames))}", line=line)
        try:
            s, e = int(row["start"]), int(row["end"])
        except ValueError:
            raise AnnotationError(path, "start/end must be integers", line=line) from None
        raw = raws[doc]
        if not 0 <= s < e <= len(raw) or raw[s:e] != raw[s:e].strip():
            raise AnnotationError(path, f"span {s}-{e} of {doc} is empty, out of the text "
                                        f"({len(raw)} characters) or not trimmed", line=line)
        rows.append({"doc_id": doc, "frame": row["frame"], "start": s, "end": e,
                     "text": raw[s:e], "note": row.get("note") or ""})
    df = pd.DataFrame(rows, columns=["doc_id", "frame", "start", "end", "text", "note"])
    return df.astype({"start": "int64", "end": "int64"})


def load_dev_sample(folder: str | Path | None = None, *, texts: str | Path | None = None,
                    saudinewsnet: str | Path | None = None,
                    frames: Iterable[str] | None = None) -> DevSample:
    """Read the index and codings of a development sample and the texts they point to.

    Args:
        folder: the sample's folder (default ``validation/frames_dev``).
        texts: folder of the page texts ``<doc_id>.txt`` (default ``../pages/texts``).
        saudinewsnet: the SaudiNewsNet JSONL(.gz) (default ``../shared/corpora/...``).
        frames: the codebook's frame ids; another label in a coding is an error.

    Raises:
        AnnotationError: a text is missing or differs from its SHA-256 (naming the file),
            or a coding row is malformed (naming the file and line).
    """
    folder = Path(folder) if folder is not None else DEV_FOLDER
    texts = Path(texts) if texts is not None else default_texts_folder()
    saudinewsnet = Path(saudinewsnet) if saudinewsnet is not None else default_saudinewsnet()
    index_path = folder / "index.csv"
    index_rows = read_coding_rows(index_path, INDEX_COLUMNS)
    sn_ids = {r["doc_id"] for _, r in index_rows if r["source"] == "saudinewsnet"}
    if sn_ids and not saudinewsnet.exists():
        raise AnnotationError(saudinewsnet, f"SaudiNewsNet is needed for {len(sn_ids)} texts of "
                                            f"{index_path}; give its path (--saudinewsnet)")
    sn_texts = _saudinewsnet_texts(saudinewsnet, sn_ids)
    raws: dict[str, str] = {}
    corpus = []
    for line, row in index_rows:
        doc = row["doc_id"]
        if row["source"] == "pages":
            path = texts / f"{doc}.txt"
            try:
                with path.open(encoding="utf-8", newline="") as fh:
                    raw = fh.read()
            except FileNotFoundError:
                raise AnnotationError(path, f"text of {doc} not found (rebuild it from the url in "
                                            f"{index_path}, see the README there)") from None
            where = path
        elif row["source"] == "saudinewsnet":
            if doc not in sn_texts:
                raise AnnotationError(saudinewsnet, f"no record {doc!r} (index line {line})")
            raw, where = sn_texts[doc], saudinewsnet
        else:
            raise AnnotationError(index_path, f"unknown source {row['source']!r}; expected pages "
                                              f"or saudinewsnet", line=line)
        if _sha256(raw) != row["sha256"]:
            raise AnnotationError(where, f"text of {doc} differs from the one coded (SHA-256 "
                                         f"{_sha256(raw)[:12]}…, index line {line} has "
                                         f"{row['sha256'][:12]}…)")
        raws[doc] = raw
        corpus.append(Document(doc, raw, {"outlet": row["outlet"]}))
    index = pd.DataFrame([r for _, r in index_rows], columns=list(INDEX_COLUMNS))
    coder_a = _load_coding(folder / "frames_coder_a.csv", raws, frames)
    b_path = folder / "frames_coder_b.csv"
    coder_b = _load_coding(b_path, raws, frames) if b_path.exists() else None
    return DevSample(corpus, index, coder_a, coder_b)


def dev_validation(codebook_path: str | Path | None = None, folder: str | Path | None = None, *,
                   texts: str | Path | None = None, saudinewsnet: str | Path | None = None):
    """Frame scores of a codebook on the development sample, and agreement.

    Returns ``(scores, agreement, disagreements, sample)``: per-frame P/R/F1 as
    :func:`analysis.validate.frame_scores`; Krippendorff's alpha (sentence × frame) of
    coder A vs the matcher and, when coder B's file exists, coder A vs coder B on the
    texts coder B coded; the markers missed or added.
    """
    from .codebook import load_codebook
    from .markers import markers_frame
    from .validate import coding_units, frame_scores, krippendorff_alpha_nominal, marker_disagreements

    codebook = load_codebook(codebook_path)
    frames = [f.id for f in codebook.frames]
    sample = load_dev_sample(folder, texts=texts, saudinewsnet=saudinewsnet, frames=frames)
    markers = markers_frame(sample.corpus, codebook)
    scores = frame_scores(markers, sample.coder_a, frames=frames)
    rows = []
    units_a = coding_units(sample.coder_a, sample.corpus, frames)
    units_m = coding_units(markers, sample.corpus, frames)
    rows.append({"comparison": "coder A vs matcher", "units": "sentence × frame", "n_docs": len(sample.corpus),
                 "n_units": len(units_a),
                 "krippendorff_alpha": round(krippendorff_alpha_nominal(
                     np.vstack([units_a["present"], units_m["present"]])), 3)})
    if sample.coder_b is not None:
        coded_by_b = _coded_documents(folder, sample.coder_b)
        part = [d for d in sample.corpus if d.doc_id in coded_by_b]
        ua = coding_units(sample.coder_a, part, frames)
        ub = coding_units(sample.coder_b, part, frames)
        rows.insert(0, {"comparison": "coder A vs coder B", "units": "sentence × frame", "n_docs": len(part),
                        "n_units": len(ua), "krippendorff_alpha": round(krippendorff_alpha_nominal(
                            np.vstack([ua["present"], ub["present"]])), 3)})
    return scores, pd.DataFrame(rows), marker_disagreements(markers, sample.coder_a), sample


def _coded_documents(folder: str | Path | None, coder_b: pd.DataFrame) -> set[str]:
    """Texts coder B coded: listed in ``coder_b_docs.csv`` (texts with no marker count
    too), else those with a row in coder B's file."""
    folder = Path(folder) if folder is not None else DEV_FOLDER
    listing = folder / "coder_b_docs.csv"
    if listing.exists():
        return {r["doc_id"] for _, r in read_coding_rows(listing, ("doc_id",))}
    return set(coder_b["doc_id"])


#: Codebooks compared in the side-by-side table: the one before the development sample
#: (kept in validation/frames_dev/ for this comparison) and the packaged one.
BEFORE_CODEBOOK = DEV_FOLDER / "frames_1.1.0.yaml"
SCORES_FILE = DEV_FOLDER / "scores.csv"
AGREEMENT_FILE = DEV_FOLDER / "agreement.csv"
SCORE_COLUMNS = ("codebook", "sample", "frame", "n_gold", "n_pred", "tp", "precision", "recall", "f1")


def compute_side_by_side(*, texts: str | Path | None = None, saudinewsnet: str | Path | None = None,
                         codebooks: Iterable[str | Path | None] = (BEFORE_CODEBOOK, None)) -> pd.DataFrame:
    """Per-frame scores of each codebook on the seeds (in-sample: the codebook was written
    on them) and on the development sample (columns :data:`SCORE_COLUMNS`)."""
    from .codebook import load_codebook
    from .report import run_validation

    rows = []
    for path in codebooks:
        version = load_codebook(path).version
        seeds = run_validation(_ROOT / "seeds", _ROOT / "validation", path).frame_scores
        dev = dev_validation(path, texts=texts, saudinewsnet=saudinewsnet)[0]
        for sample, table in (("seeds", seeds), ("dev", dev)):
            for r in table.to_dict("records"):
                rows.append({"codebook": version, "sample": sample, **r})
    return pd.DataFrame(rows, columns=list(SCORE_COLUMNS)).round(
        {"precision": 3, "recall": 3, "f1": 3})


def side_by_side(*, texts: str | Path | None = None, saudinewsnet: str | Path | None = None) -> pd.DataFrame:
    """The side-by-side table: computed when the development texts are at hand, else the
    table last computed (``validation/frames_dev/scores.csv``, written by
    ``python -m analysis.frames_dev scores``; a test holds it equal to a fresh computation
    wherever the texts are)."""
    folder = Path(texts) if texts is not None else default_texts_folder()
    if folder.exists():
        return compute_side_by_side(texts=texts, saudinewsnet=saudinewsnet)
    return pd.read_csv(SCORES_FILE, keep_default_na=False, na_values=[""])


def dev_agreement(*, texts: str | Path | None = None, saudinewsnet: str | Path | None = None) -> pd.DataFrame:
    """Krippendorff's alpha on the development sample (coder A vs coder B, coder A vs the
    packaged codebook): computed when the texts are at hand, else as last computed
    (``validation/frames_dev/agreement.csv``)."""
    folder = Path(texts) if texts is not None else default_texts_folder()
    if folder.exists():
        return dev_validation(texts=texts, saudinewsnet=saudinewsnet)[1]
    return pd.read_csv(AGREEMENT_FILE)


def wide_table(scores: pd.DataFrame) -> pd.DataFrame:
    """One row per frame: for each sample, n (hand-coded markers), then P, R, F1 of each
    codebook."""
    parts = []
    for sample in dict.fromkeys(scores["sample"]):
        sub = scores[scores["sample"] == sample]
        first = sub[sub["codebook"] == sub["codebook"].iloc[0]].set_index("frame")
        parts.append(first[["n_gold"]].rename(columns={"n_gold": f"{sample} n"}))
        for cb in dict.fromkeys(sub["codebook"]):
            g = sub[sub["codebook"] == cb].set_index("frame")[["precision", "recall", "f1"]]
            parts.append(g.rename(columns={c: f"{sample} {cb} {c[0].upper() if c != 'f1' else 'F1'}"
                                           for c in g.columns}))
    return pd.concat(parts, axis=1).reset_index()


# --------------------------------------------------------------------------- building

def build_dev_sample(pages: str | Path, out: str | Path, *, saudinewsnet: str | Path | None = None) -> tuple[int, int]:
    """Write ``index.csv`` and the codings without text from a coder's working folder
    (``index.csv``, ``texts/``, ``saudinewsnet_morocco.csv``, ``frames_coder_{a,b}.csv``
    with a ``text`` column), checking every coded span against its text.

    Returns (texts, coded rows of coder A).
    """
    from .atomic import atomic_path

    pages, out = Path(pages), Path(out)
    saudinewsnet = Path(saudinewsnet) if saudinewsnet is not None else default_saudinewsnet()
    index = []
    raws: dict[str, str] = {}
    for _, r in read_coding_rows(pages / "index.csv", ("doc_id", "url", "outlet", "sha256", "n_chars", "query")):
        raw = (pages / "texts" / f"{r['doc_id']}.txt").open(encoding="utf-8", newline="").read()
        if _sha256(raw) != r["sha256"]:
            raise AnnotationError(pages / "texts" / f"{r['doc_id']}.txt", "differs from its SHA-256 in index.csv")
        raws[r["doc_id"]] = raw
        index.append({"doc_id": r["doc_id"], "source": "pages", "url": r["url"], "outlet": r["outlet"],
                      "sha256": r["sha256"], "n_chars": len(raw), "query": r["query"]})
    sn_path = pages / "saudinewsnet_morocco.csv"
    if sn_path.exists():
        sn_rows = read_coding_rows(sn_path, ("doc_id", "outlet"))
        sn_texts = _saudinewsnet_texts(saudinewsnet, {r["doc_id"] for _, r in sn_rows})
        for line, r in sn_rows:
            if r["doc_id"] not in sn_texts:
                raise AnnotationError(sn_path, f"no SaudiNewsNet record {r['doc_id']!r}", line=line)
            raw = sn_texts[r["doc_id"]]
            raws[r["doc_id"]] = raw
            index.append({"doc_id": r["doc_id"], "source": "saudinewsnet", "url": "", "outlet": r["outlet"],
                          "sha256": _sha256(raw), "n_chars": len(raw), "query": ""})
    out.mkdir(parents=True, exist_ok=True)
    with atomic_path(out / "index.csv") as tmp:
        pd.DataFrame(index, columns=list(INDEX_COLUMNS)).to_csv(tmp, index=False, lineterminator="\n")
    n_a = 0
    for coder in ("a", "b"):
        src = pages / f"frames_coder_{coder}.csv"
        if not src.exists():
            continue
        rows = []
        for line, r in read_coding_rows(src, ("doc_id", "frame", "start", "end", "text")):
            raw = raws.get(r["doc_id"])
            if raw is None:
                raise AnnotationError(src, f"document {r['doc_id']!r} is not in the sample", line=line)
            s, e = int(r["start"]), int(r["end"])
            if raw[s:e] != r["text"]:
                raise AnnotationError(src, f"{r['doc_id']}[{s}:{e}] is {raw[s:e]!r}, not {r['text']!r}", line=line)
            rows.append({"doc_id": r["doc_id"], "frame": r["frame"], "start": s, "end": e,
                         "note": _without_quotes(r.get("note") or "", raws.values())})
        rows.sort(key=lambda r: (r["doc_id"], r["start"], r["frame"]))
        with atomic_path(out / f"frames_coder_{coder}.csv") as tmp:
            pd.DataFrame(rows, columns=list(CODING_COLUMNS)).to_csv(tmp, index=False, lineterminator="\n")
        if coder == "a":
            n_a = len(rows)
        docs_src = pages / "coder_b_docs.txt"
        if coder == "b" and docs_src.exists():
            ids = [line.strip() for line in docs_src.read_text(encoding="utf-8").splitlines() if line.strip()]
            unknown = [i for i in ids if i not in raws]
            if unknown:
                raise AnnotationError(docs_src, f"documents not in the sample: {', '.join(unknown)}")
            with atomic_path(out / "coder_b_docs.csv") as tmp:
                pd.DataFrame({"doc_id": ids}).to_csv(tmp, index=False, lineterminator="\n")
    return len(index), n_a


_ARABIC_RUN = re.compile(r"[\u0600-\u06FF]+(?:\s+[\u0600-\u06FF]+){2,}")


def _without_quotes(note: str, texts: Iterable[str]) -> str:
    """A coder's note with every run of three or more Arabic words that is quoted from a
    sample text replaced by «…» (the repository keeps no wording of the texts)."""
    texts = list(texts)
    return _ARABIC_RUN.sub(lambda m: "«…»" if any(m.group() in t for t in texts) else m.group(), note)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m analysis.frames_dev",
                                     description="The frames development sample: build its files, score it.")
    sub = parser.add_subparsers(dest="command", required=True)
    build = sub.add_parser("build", help="rebuild validation/frames_dev from a coder's folder (no text kept)")
    build.add_argument("pages", help="the coder's folder: index.csv, texts/, frames_coder_a.csv …")
    build.add_argument("--out", default=str(DEV_FOLDER))
    build.add_argument("--saudinewsnet", default=None)
    scores = sub.add_parser("scores", help="recompute validation/frames_dev/scores.csv (needs the texts)")
    scores.add_argument("--texts", default=None)
    scores.add_argument("--saudinewsnet", default=None)
    args = parser.parse_args(argv)
    if args.command == "build":
        n_texts, n_rows = build_dev_sample(args.pages, args.out, saudinewsnet=args.saudinewsnet)
        print(f"{n_texts} texts, {n_rows} markers coded by coder A → {args.out}")
        return 0
    from .atomic import write_table_atomic

    table = compute_side_by_side(texts=args.texts, saudinewsnet=args.saudinewsnet)
    write_table_atomic(table, SCORES_FILE)
    write_table_atomic(dev_agreement(texts=args.texts, saudinewsnet=args.saudinewsnet), AGREEMENT_FILE)
    print(wide_table(table).to_string(index=False))
    print(f"→ {SCORES_FILE}")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())

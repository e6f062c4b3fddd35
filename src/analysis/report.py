"""Validation tables in one call (used by the command line and 05_validation.ipynb)."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from .attribution import attributions_frame, check_home_country, load_gazetteer
from .codebook import load_codebook
from .corpus import read_corpus
from .markers import markers_frame
from .validate import (LEGACY_SPEAKER_TYPES, attribution_disagreements, attribution_scores, coding_units,
                       frame_scores, krippendorff_alpha_nominal, load_annotations,
                       marker_disagreements)

__all__ = ["Validation", "run_validation", "validation_report", "Analysis", "analyse",
           "hand_coding_status", "HAND_CODING_FILES"]

#: The files of a hand-coding folder (validation/CODING_RULES.md): the reference coding
#: of the frames is required, the others are used when present.
HAND_CODING_FILES = {"frames_coder_a.csv": "frames, reference coder (required)",
                     "frames_coder_b.csv": "frames, second coder (agreement)",
                     "attributions_gold.csv": "reporting acts"}


def hand_coding_status(corpus_path: str | Path, annotations: str | Path | None) -> tuple[bool, str]:
    """Whether ``annotations`` holds a hand coding of the corpus at ``corpus_path``.

    Returns ``(True, "")`` when it does, else ``(False, message)`` where the message says
    what is missing and what to pass (``-p annotations FOLDER`` to papermill), so the
    validation notebook can run the parts it can on any corpus.
    """
    import csv

    hint = ("pass a folder of hand coding of this corpus as the notebook parameter "
            "`annotations` (papermill: -p annotations FOLDER) with "
            + ", ".join(f"{k} ({v})" for k, v in HAND_CODING_FILES.items())
            + "; the coding rules are validation/CODING_RULES.md")
    if annotations is None:
        return False, f"No hand coding given for {corpus_path}: {hint}."
    folder = Path(annotations)
    reference = folder / "frames_coder_a.csv"
    if not reference.exists():
        return False, f"{reference} not found: {hint}."
    ids = {d.doc_id for d in read_corpus(corpus_path)}
    with reference.open(encoding="utf-8", newline="") as fh:
        coded = {row.get("doc_id", "") for row in csv.DictReader(fh)}
    foreign = sorted(coded - ids)
    if foreign:
        return False, (f"{reference} codes {len(foreign)} document(s) that are not in {corpus_path} "
                       f"(e.g. {foreign[0]!r}): it is the hand coding of another corpus; {hint}.")
    return True, ""


@dataclass
class Validation:
    frame_scores: pd.DataFrame
    agreement: pd.DataFrame
    marker_disagreements: pd.DataFrame
    attribution_scores: pd.DataFrame
    attribution_disagreements: pd.DataFrame
    codebook_version: str


def run_validation(corpus_path: str | Path = "seeds", annotations: str | Path = "validation",
                   codebook_path: str | Path | None = None) -> Validation:
    """Score markers (with the given codebook, default the packaged one) and attribution
    against the hand coding in ``annotations``."""
    corpus = read_corpus(corpus_path)
    codebook = load_codebook(codebook_path)
    frames = [f.id for f in codebook.frames]
    annotations = Path(annotations)
    coder_a = load_annotations(annotations / "frames_coder_a.csv", corpus, frames=frames)
    markers = markers_frame(corpus, codebook)
    scores = frame_scores(markers, coder_a, frames=frames)
    units_a = coding_units(coder_a, corpus, frames)
    agreement_rows = []
    pairs = [("matcher", coding_units(markers, corpus, frames))]
    coder_b_path = annotations / "frames_coder_b.csv"
    if coder_b_path.exists():
        coder_b = load_annotations(coder_b_path, corpus, frames=frames)
        pairs.insert(0, ("coder B", coding_units(coder_b, corpus, frames)))
    for name, units in pairs:
        alpha = krippendorff_alpha_nominal(np.vstack([units_a["present"], units["present"]]))
        agreement_rows.append({"comparison": f"coder A vs {name}", "units": "sentence × frame",
                               "n_units": len(units_a), "krippendorff_alpha": round(alpha, 3)})
    acts_path = annotations / "attributions_gold.csv"
    if acts_path.exists():
        gold_acts = load_annotations(acts_path, corpus, kind="attributions")
        gold_acts = gold_acts.assign(speaker_type=gold_acts["speaker_type"].replace(LEGACY_SPEAKER_TYPES))
        acts = attributions_frame(corpus)
        act_scores, act_disagreements = attribution_scores(acts, gold_acts), attribution_disagreements(acts, gold_acts)
    else:  # a user's own hand coding of the frames only
        act_scores, act_disagreements = pd.DataFrame(), pd.DataFrame()
    return Validation(scores, pd.DataFrame(agreement_rows), marker_disagreements(markers, coder_a),
                      act_scores, act_disagreements, codebook.version)


_FMT = {"precision": "{:.3f}".format, "recall": "{:.3f}".format, "f1": "{:.3f}".format,
        "accuracy": "{:.3f}".format}


def validation_report(corpus_path: str | Path = "seeds", annotations: str | Path = "validation",
                      codebook_path: str | Path | None = None) -> str:
    """The text ``python -m analysis validate`` prints: frame scores of the codebook (default
    the packaged one) against ``frames_coder_a.csv``, agreement, and the attribution scores
    when ``attributions_gold.csv`` is in the annotations folder."""
    v = run_validation(corpus_path, annotations, codebook_path)
    parts = [f"Framing markers (codebook {v.codebook_version}) vs coder A, span overlap "
             f"({Path(corpus_path).name}):",
             v.frame_scores.to_string(index=False, formatters=_FMT, na_rep="-"),
             "", "Agreement:", v.agreement.to_string(index=False)]
    if len(v.attribution_scores):
        parts += ["", "Source attribution vs hand coding:",
                  v.attribution_scores.to_string(index=False, formatters=_FMT, na_rep="-")]
    else:
        parts += ["", f"(no attributions_gold.csv in {annotations}: attribution not scored)"]
    return "\n".join(parts)


def dev_report(codebook_path: str | Path | None = None, folder: str | Path | None = None, *,
               texts: str | Path | None = None, saudinewsnet: str | Path | None = None,
               show_disagreements: bool = False) -> tuple[str, pd.DataFrame]:
    """The frames development sample's report (:func:`analysis.frames_dev.dev_validation`)
    and its score table."""
    from .frames_dev import dev_validation

    scores, agreement, disagreements, sample = dev_validation(codebook_path, folder, texts=texts,
                                                              saudinewsnet=saudinewsnet)
    version = load_codebook(codebook_path).version
    # Any sample folder can be scored (the held-out validation/frames_test too): name it.
    name = "the development sample" if folder is None else f"the sample in {folder}"
    parts = [f"Framing markers (codebook {version}) vs coder A on {name} "
             f"({len(sample.corpus)} texts, {sample.index['outlet'].nunique()} outlets), span overlap:",
             scores.to_string(index=False, formatters=_FMT, na_rep="-"),
             "", "Agreement:", agreement.to_string(index=False)]
    if show_disagreements:
        parts += ["", "Disagreements (quote the texts: keep out of the repository):",
                  disagreements.to_string(index=False)]
    return "\n".join(parts), scores


@dataclass
class Analysis:
    """Everything the notebooks show, computed once from a corpus.

    Tables: ``documents`` (corpus.DOCUMENT_COLUMNS), ``markers`` (markers.MARKER_COLUMNS),
    ``acts`` (attribution.ATTRIBUTION_COLUMNS). ``outlet`` columns hold the short outlet
    label used in figures; ``outlet_ar`` maps it to the Arabic name.
    """

    corpus: object
    codebook: object
    documents: pd.DataFrame
    markers: pd.DataFrame
    acts: pd.DataFrame
    frame_ids: list
    frame_labels: dict
    outlet_ar: dict
    home_country: str = "MA"

    @property
    def outlets(self) -> list:
        return list(dict.fromkeys(self.documents["outlet"]))

    @property
    def outlet_of(self) -> dict:
        """doc_id → outlet label (for keyness)."""
        return dict(zip(self.documents["doc_id"], self.documents["outlet"]))


def analyse(corpus_path: str | Path = "seeds", codebook_path: str | Path | None = None,
            gazetteer_path: str | Path | None = None, *, home_country: str = "MA") -> Analysis:
    """Read a corpus and run both analyses (the first cell of every notebook), with the
    given codebook and source gazetteer (default: the packaged ones); officials of
    ``home_country`` (ISO 3166 alpha-2) are typed home_official."""
    from .pipeline import _frames, process_document

    corpus = read_corpus(corpus_path)
    codebook = load_codebook(codebook_path)
    gazetteer = load_gazetteer(gazetteer_path)
    # One normalisation and segmentation per document for all three tables.
    home_country = check_home_country(home_country)
    tables = _frames(process_document(doc, codebook, gazetteer, home_country=home_country) for doc in corpus)
    documents, markers, acts = tables["documents"], tables["markers"], tables["attributions"]
    short = dict(zip(documents["outlet"], documents["outlet_short"].where(documents["outlet_short"] != "", documents["outlet"])))
    for table in (markers, acts):
        table["outlet"] = table["outlet"].map(short)
    outlet_ar = {short[o]: ar for o, ar in zip(documents["outlet"], documents["outlet_ar"])}
    documents = documents.assign(outlet=documents["outlet"].map(short))
    return Analysis(corpus, codebook, documents, markers, acts, [f.id for f in codebook.frames],
                    {f.id: (f.label_en, f.label_ar) for f in codebook.frames}, outlet_ar, home_country)

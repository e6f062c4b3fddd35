"""Publication figures: one style, bilingual Arabic-aware labels, deterministic export.

Arabic in figures. Matplotlib 3.11 and later lays text out with libraqm: it shapes Arabic
(joins letters) and orders it right-to-left by itself. Feeding it the output of
arabic-reshaper + python-bidi would reverse every word. :func:`mpl_shapes_text` detects
which matplotlib is running, and :func:`prepare_label` applies arabic-reshaper +
python-bidi only where matplotlib does not shape (older versions). :func:`visual_text`
does the same for plain-text renderings (terminals), which never shape.

The font (Amiri, OFL, from the ``fontpkg-amiri`` dependency: Arabic, Latin, digits and
%) is registered on import, so figures look the same on every machine. PDFs embed it as
TrueType (Type 42), SVG draws text as paths, and :func:`save_figure` clears creation
dates and fixes the SVG hash salt, so two runs give byte-identical files.

Every figure function takes a tidy table and returns the Figure; the table it plots is
what :func:`save_figure` writes as CSV next to the figure.
"""
from __future__ import annotations

import os
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Sequence

import matplotlib

matplotlib.use(os.environ.get("MPLBACKEND", "Agg"))

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
from matplotlib import font_manager  # noqa: E402

from .atomic import atomic_path, write_table_atomic  # noqa: E402
from .attribution import speaker_type_labels  # noqa: E402  (labels only: the country lexicon)

__all__ = ["register_fonts", "use_style", "mpl_shapes_text", "prepare_label", "visual_text",
           "bilingual", "save_figure", "FIGURE_WIDTHS", "PALETTE", "SPEAKER_LABELS",
           "frame_heatmap", "frame_presence_plot", "source_type_bars", "mode_bars",
           "named_anonymous_plot", "profile_plot", "keyness_plot", "validation_plot",
           "corpus_structure_plot"]

#: Journal widths in inches: single column and double column.
FIGURE_WIDTHS = {"single": 3.5, "double": 7.2}
#: Okabe & Ito colour-blind-safe palette.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]
FONT_FAMILY = "Amiri"

def speaker_labels(home_country: str = "MA") -> dict[str, tuple[str, str]]:
    """English label and Arabic gloss of each speaker type; the home officials' label names
    the home country ("Moroccan official" for MA, "Saudi official" for SA)."""
    return speaker_type_labels(home_country)


SPEAKER_LABELS = speaker_labels("MA")  # the seeds' labels (home country Morocco)
_MODE_LABELS = {"direct": ("Direct quote", "اقتباس مباشر"), "indirect": ("Indirect", "غير مباشر")}


@lru_cache(maxsize=1)
def register_fonts() -> str:
    """Register the packaged Amiri font with matplotlib (once); returns the family name."""
    import fontpkg_amiri

    for ttf in sorted(Path(fontpkg_amiri.ROOT, "files").glob("*.ttf")):
        font_manager.fontManager.addfont(str(ttf))
    return FONT_FAMILY


def use_style() -> None:
    """Apply the project style (``style/paper.mplstyle``) with the registered font."""
    register_fonts()
    style = resources.files("analysis") / "style" / "paper.mplstyle"
    plt.style.use(str(style))


def mpl_shapes_text() -> bool:
    """True when the running matplotlib shapes complex scripts itself (libraqm, 3.11+)."""
    from matplotlib import ft2font

    major, minor = (int(x) for x in matplotlib.__version__.split(".")[:2])
    return (major, minor) >= (3, 11) and hasattr(ft2font.FT2Font, "_layout")


def visual_text(text: str) -> str:
    """Shaped, visually ordered Arabic for renderers that do neither (terminals, old
    matplotlib): arabic-reshaper joins the letters, python-bidi orders the line."""
    import arabic_reshaper
    from bidi import get_display

    return get_display(arabic_reshaper.reshape(text))


def prepare_label(text: str, *, shaping: bool | None = None) -> str:
    """A label ready for matplotlib: unchanged where matplotlib shapes text itself,
    reshaped and reordered where it does not.

    Args:
        text: logical-order text (as stored), Arabic and/or Latin.
        shaping: whether the renderer shapes; ``None`` detects it (:func:`mpl_shapes_text`).
    """
    if shaping is None:
        shaping = mpl_shapes_text()
    if shaping or not any("\u0600" <= c <= "\u06ff" for c in text):
        return text
    return "\n".join(visual_text(line) for line in text.split("\n"))


def bilingual(english: str, arabic: str, *, sep: str = "\n") -> str:
    """An English label with its Arabic gloss, prepared for the running matplotlib."""
    return prepare_label(f"{english}{sep}{arabic}" if arabic else english)


def _atomic_savefig(fig, path: Path, **kwargs) -> None:
    with atomic_path(path) as tmp:
        fig.savefig(tmp, **kwargs)


def save_figure(fig, name: str, data: pd.DataFrame, out_dir: str | Path = "figures") -> list[Path]:
    """Write ``name``.pdf/.svg/.png (300 dpi) and the plotted data as ``name``.csv.

    Files are written atomically and reproducibly: no creation dates, a fixed SVG hash
    salt, fonts embedded as TrueType in the PDF and as paths in the SVG.
    """
    out_dir = Path(out_dir)
    written = []
    with plt.rc_context({"svg.hashsalt": "arabic-discourse-figures", "pdf.fonttype": 42,
                         "svg.fonttype": "path"}):
        for ext, meta in (("pdf", {"CreationDate": None, "ModDate": None, "Producer": None,
                                   "Creator": None}),
                          ("svg", {"Date": None, "Creator": None}),
                          ("png", {"Software": None})):
            target = out_dir / f"{name}.{ext}"
            _atomic_savefig(fig, target, format=ext, metadata=meta, dpi=300)
            written.append(target)
    csv_path = out_dir / f"{name}.csv"
    write_table_atomic(data, csv_path)
    written.append(csv_path)
    return written


# --------------------------------------------------------------------------- helpers

def _outlet_labels(outlets: Sequence[str], arabic: dict[str, str] | None = None) -> list[str]:
    arabic = arabic or {}
    return [bilingual(o, arabic.get(o, "")) for o in outlets]


def _frame_labels(frames: Sequence[str], labels: dict[str, tuple[str, str]]) -> list[str]:
    return [bilingual(*labels.get(f, (f, ""))) for f in frames]


def _new(width: str, height: float):
    use_style()
    return plt.figure(figsize=(FIGURE_WIDTHS[width], height))


# --------------------------------------------------------------------------- figures

def corpus_structure_plot(structure: pd.DataFrame, *, outlet_ar: dict[str, str] | None = None):
    """Words per document by structural role (stacked bars).

    ``structure``: columns outlet, role, n_words (one row per outlet and role).
    """
    fig = _new("single", 2.6)
    ax = fig.add_subplot()
    pivot = structure.pivot_table(index="outlet", columns="role", values="n_words", aggfunc="sum",
                                  fill_value=0, sort=False)
    roles = [r for r in ("headline", "kicker", "standfirst", "subhead", "body", "pullquote", "chrome", "byline")
             if r in pivot.columns]
    y = np.arange(len(pivot))
    left = np.zeros(len(pivot))
    for k, role in enumerate(roles):
        ax.barh(y, pivot[role].to_numpy(), left=left, color=PALETTE[k % len(PALETTE)], label=role,
                height=0.65, edgecolor="white", linewidth=0.3)
        left += pivot[role].to_numpy()
    ax.set_yticks(y, _outlet_labels(list(pivot.index), outlet_ar))
    ax.invert_yaxis()
    ax.set_xlabel(bilingual("Words", "عدد الكلمات", sep=" / "))
    ax.legend(ncol=4, loc="upper center", bbox_to_anchor=(0.4, -0.28), handlelength=1.0, columnspacing=0.8)
    return fig


def frame_heatmap(counts: pd.DataFrame, labels: dict[str, tuple[str, str]], *,
                  outlet_ar: dict[str, str] | None = None, value: str = "rate_per_1000"):
    """Frame rates per 1,000 body words by outlet (heatmap, values printed in cells).

    ``counts``: :func:`analysis.stats.frame_counts` output.
    """
    frames = list(dict.fromkeys(counts["frame"]))
    outlets = list(dict.fromkeys(counts["outlet"]))
    grid = counts.pivot(index="frame", columns="outlet", values=value).loc[frames, outlets]
    fig = _new("double", 3.4)
    ax = fig.add_subplot()
    im = ax.imshow(grid.to_numpy(), cmap="cividis", aspect="auto")
    ax.set_xticks(range(len(outlets)), _outlet_labels(outlets, outlet_ar))
    ax.set_yticks(range(len(frames)), _frame_labels(frames, labels))
    vmax = np.nanmax(grid.to_numpy()) if grid.size else 1
    for i in range(len(frames)):
        for j in range(len(outlets)):
            v = grid.iat[i, j]
            ax.text(j, i, f"{v:.1f}", ha="center", va="center", fontsize=7,
                    color="black" if v > 0.6 * vmax else "white")
    ax.tick_params(length=0)
    for spine in ax.spines.values():
        spine.set_visible(False)
    cbar = fig.colorbar(im, ax=ax, fraction=0.03, pad=0.02)
    cbar.set_label(bilingual("Markers per 1,000 words", "مؤشرات لكل 1000 كلمة", sep=" / "))
    cbar.outline.set_linewidth(0.4)
    return fig


def frame_presence_plot(presence: pd.DataFrame, labels: dict[str, tuple[str, str]]):
    """Markers of each frame in each document (dot size = count; empty = absent).

    ``presence``: :func:`analysis.stats.frame_presence` output.
    """
    frames = [c for c in presence.columns if c not in ("doc_id", "outlet")]
    fig = _new("double", 2.8)
    ax = fig.add_subplot()
    for j, row in enumerate(presence.itertuples(index=False)):
        values = [getattr(row, f) for f in frames]
        for i, v in enumerate(values):
            if v:
                ax.scatter(j, i, s=25 * v, color=PALETTE[0], alpha=0.85, linewidths=0)
                ax.text(j + 0.18, i, str(v), va="center", fontsize=6.5)
            else:
                ax.scatter(j, i, s=8, facecolors="none", edgecolors="#999999", linewidths=0.5)
    ax.set_xticks(range(len(presence)),
                  [prepare_label(f"{d.split('_', 1)[0]}\n{o}") for d, o in zip(presence["doc_id"], presence["outlet"])])
    ax.set_yticks(range(len(frames)), _frame_labels(frames, labels))
    ax.set_xlim(-0.5, len(presence) - 0.3)
    ax.set_ylim(len(frames) - 0.5, -0.5)
    ax.tick_params(length=0)
    ax.set_xlabel(bilingual("Document (id, outlet)", "الوثيقة", sep=" / "))
    return fig


def _stacked_share(table: pd.DataFrame, level_col: str, levels: Sequence[str],
                   level_labels: dict[str, tuple[str, str]], outlet_ar, xlabel, *, width="double",
                   height=2.6, show="count"):
    outlets = list(dict.fromkeys(table["outlet"]))
    fig = _new(width, height)
    ax = fig.add_subplot()
    left = np.zeros(len(outlets))
    for k, level in enumerate(levels):
        vals = np.array([table[(table["outlet"] == o) & (table[level_col] == level)][show].sum()
                         for o in outlets], dtype=float)
        ax.barh(range(len(outlets)), vals, left=left, color=PALETTE[k % len(PALETTE)],
                label=bilingual(*level_labels.get(level, (level, "")), sep=" / "), height=0.65,
                edgecolor="white", linewidth=0.3)
        for y, (l, v) in enumerate(zip(left, vals)):
            if v and (v >= 2 if show == "count" else v >= 0.08):
                ax.text(l + v / 2, y, f"{int(v)}" if show == "count" else f"{v:.0%}", ha="center",
                        va="center", fontsize=6.5, color="white" if k in (0, 2, 5, 7) else "black")
        left += vals
    ax.set_yticks(range(len(outlets)), _outlet_labels(outlets, outlet_ar))
    ax.invert_yaxis()
    ax.set_xlabel(xlabel)
    ax.legend(ncol=3, loc="upper center", bbox_to_anchor=(0.45, -0.22), handlelength=1.0)
    return fig


def source_type_bars(source_counts: pd.DataFrame, *, outlet_ar: dict[str, str] | None = None,
                     home_country: str = "MA"):
    """Reporting acts by source type per outlet (stacked bars of counts).

    ``source_counts``: :func:`analysis.stats.source_counts` output (by speaker_type);
    ``home_country``: the country the acts were typed against (labels its officials).
    """
    labels = speaker_labels(home_country)
    levels = [t for t in labels if t in set(source_counts["speaker_type"])]
    return _stacked_share(source_counts, "speaker_type", levels, labels, outlet_ar,
                          bilingual("Reporting acts", "أفعال الإسناد", sep=" / "), height=3.0)


def mode_bars(mode_counts: pd.DataFrame, *, outlet_ar: dict[str, str] | None = None):
    """Direct vs indirect attribution per outlet (stacked shares).

    ``mode_counts``: :func:`analysis.stats.source_counts` output with ``by="mode"``.
    """
    fig = _stacked_share(mode_counts, "mode", ["direct", "indirect"], _MODE_LABELS, outlet_ar,
                         bilingual("Share of reporting acts", "نسبة أفعال الإسناد", sep=" / "),
                         width="single", height=2.6, show="share")
    fig.axes[0].xaxis.set_major_formatter(matplotlib.ticker.PercentFormatter(1.0))
    fig.axes[0].legend(ncol=2, loc="upper center", bbox_to_anchor=(0.35, -0.25), handlelength=1.0)
    return fig


def named_anonymous_plot(summary: pd.DataFrame, *, outlet_ar: dict[str, str] | None = None):
    """Share of named sources and source-type diversity (Shannon evenness) per outlet.

    ``summary``: :func:`analysis.stats.attribution_summary` output.
    """
    fig = _new("double", 2.4)
    axes = fig.subplots(1, 2, sharey=True)
    outlets = list(summary["outlet"])
    y = np.arange(len(outlets))
    axes[0].barh(y, summary["share_named"], color=PALETTE[0], height=0.6, label="named")
    axes[0].barh(y, summary["share_anonymous"], left=summary["share_named"], color=PALETTE[1],
                 height=0.6, label="anonymous")
    axes[0].xaxis.set_major_formatter(matplotlib.ticker.PercentFormatter(1.0))
    axes[0].set_title(bilingual("Named vs anonymous", "مسمّى مقابل مجهول", sep=" / "))
    axes[0].legend(ncol=2, loc="upper center", bbox_to_anchor=(0.5, -0.18))
    axes[1].barh(y, summary["evenness"], color=PALETTE[2], height=0.6)
    for yy, (v, h, n) in enumerate(zip(summary["evenness"], summary["diversity_bits"], summary["n_sources"])):
        axes[1].text(v + 0.01, yy, f"{h:.2f} bits, {n} source{'s' if n != 1 else ''}", va="center", fontsize=6.5)
    axes[1].set_xlim(0, 1.15)
    axes[1].set_title(bilingual("Source-type diversity (evenness)", "تنوع المصادر", sep=" / "))
    axes[0].set_yticks(y, _outlet_labels(outlets, outlet_ar))
    axes[0].invert_yaxis()
    return fig


def profile_plot(profile: pd.DataFrame, labels: dict[str, tuple[str, str]], *,
                 outlet_ar: dict[str, str] | None = None, home_country: str = "MA"):
    """Frame profile and source profile side by side for each outlet (shares).

    ``profile``: columns outlet, kind ('frame' or 'source'), category, share;
    ``home_country``: the country the acts were typed against (labels its officials).
    """
    outlets = list(dict.fromkeys(profile["outlet"]))
    fig = _new("double", 3.0)
    axes = fig.subplots(1, 2, sharey=True)
    for ax, kind, names in ((axes[0], "frame", labels), (axes[1], "source", speaker_labels(home_country))):
        sub = profile[profile["kind"] == kind]
        cats = list(dict.fromkeys(sub["category"]))
        left = np.zeros(len(outlets))
        for k, cat in enumerate(cats):
            vals = np.array([sub[(sub["outlet"] == o) & (sub["category"] == cat)]["share"].sum() for o in outlets])
            ax.barh(range(len(outlets)), vals, left=left, color=PALETTE[k % len(PALETTE)], height=0.65,
                    label=bilingual(*names.get(cat, (cat, "")), sep=" / "), edgecolor="white", linewidth=0.3)
            left += vals
        ax.xaxis.set_major_formatter(matplotlib.ticker.PercentFormatter(1.0))
        ax.set_title(bilingual("Frames" if kind == "frame" else "Sources",
                               "الأطر" if kind == "frame" else "المصادر", sep=" / "))
        ax.legend(ncol=2, loc="upper center", bbox_to_anchor=(0.5, -0.12), fontsize=6, handlelength=1.0)
    axes[0].set_yticks(range(len(outlets)), _outlet_labels(outlets, outlet_ar))
    axes[0].invert_yaxis()
    return fig


def keyness_plot(keywords: pd.DataFrame, *, top: int = 5, outlet_ar: dict[str, str] | None = None):
    """Top keywords of each outlet against the others, by log-likelihood G².

    ``keywords``: :func:`analysis.stats.keyness` output (column ``outlet``).
    """
    outlets = list(dict.fromkeys(keywords["outlet"]))
    if not outlets:
        fig = _new("single", 1.0)
        fig.text(0.5, 0.5, "Keyness needs at least two outlets with text", ha="center", va="center")
        return fig
    n_rows = (len(outlets) + 2) // 3
    fig = _new("double", 1.6 * n_rows + 0.5)
    axes = fig.subplots(n_rows, 3, squeeze=False, gridspec_kw={"hspace": 0.75, "wspace": 0.45})
    for ax in axes.flat[len(outlets):]:
        ax.set_visible(False)
    for ax, outlet in zip(axes.flat, outlets):
        sub = keywords[keywords["outlet"] == outlet].head(top)
        y = np.arange(len(sub))
        ax.barh(y, sub["g2"], color=PALETTE[0], height=0.6)
        ax.set_yticks(y, [prepare_label(w) for w in sub["word"]])
        for yy, (g, lr) in enumerate(zip(sub["g2"], sub["log_ratio"])):
            ax.text(g, yy, f" LR {lr:.1f}", va="center", fontsize=6)
        ax.invert_yaxis()
        ax.set_title(bilingual(outlet, (outlet_ar or {}).get(outlet, ""), sep=" / "), fontsize=7.5)
        ax.set_xlim(0, max(sub["g2"].max() * 1.45, 1))
        ax.tick_params(axis="y", labelsize=7)
    fig.supxlabel(bilingual("Log-likelihood G² (one outlet vs the rest); LR = Log Ratio", "الإحصاء G²", sep=" / "),
                  fontsize=7, y=-0.02)
    return fig


def validation_plot(scores: pd.DataFrame, labels: dict[str, tuple[str, str]]):
    """Precision, recall and F1 of the framing matcher per frame (grouped bars).

    ``scores``: :func:`analysis.validate.frame_scores` output.
    """
    frames = [f for f in scores["frame"]]
    names = {**labels, "all": ("All frames", "كل الأطر")}
    fig = _new("double", 2.6)
    ax = fig.add_subplot()
    x = np.arange(len(frames))
    for k, measure in enumerate(("precision", "recall", "f1")):
        vals = scores[measure].to_numpy(dtype=float)
        ax.bar(x + (k - 1) * 0.26, vals, width=0.26, color=PALETTE[k], label=measure.capitalize() if measure != "f1" else "F1")
    ax.set_xticks(x, _frame_labels(frames, names), fontsize=6.5)
    ax.set_ylim(0, 1.05)
    ax.yaxis.grid(True)
    ax.set_axisbelow(True)
    ax.set_ylabel(bilingual("Score", "القيمة", sep=" / "))
    ax.legend(ncol=3, loc="upper center", bbox_to_anchor=(0.5, 1.14))
    return fig


def close(fig) -> None:
    plt.close(fig)


register_fonts()

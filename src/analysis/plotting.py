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

What every figure states (a reviewer's checklist):

* **Size**: exactly 3.5 in (single column) or 7.2 in (double column) wide, drawn with a
  fixed (constrained) layout, never cropped to a tight bounding box; PNGs are RGB at
  300 dpi.
* **n**: the count behind every bar, row or panel is printed (acts, markers, documents,
  words); an outlet with nothing to count says "no acts" / "no markers" instead of
  drawing an empty bar.
* **Scale**: colour scales are capped at the upper Tukey fence (Q3 + 1.5 IQR of the
  non-zero values) when an outlier would flatten the rest; the colour bar says so and
  the capped cells print their values in bold.
* **Size of the corpus**: layouts hold from 1 to 200 documents and 1 to
  :data:`MAX_OUTLETS` outlets; past those limits outlets are aggregated into "other
  outlets" (counts) or the largest are shown (diversity, keyness), and the figure says
  which.
* **Colour**: a category has one colour in every figure (:data:`SPEAKER_STYLES`,
  :func:`frame_colours`); frames and source types never share a colour; empty
  categories are left out of the legends; legends are bilingual.

Every figure function takes a tidy table and returns the Figure; the table it plots is
what :func:`save_figure` writes as CSV next to the figure.
"""
from __future__ import annotations

import io
import math
import os
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Mapping, Sequence

import matplotlib

matplotlib.use(os.environ.get("MPLBACKEND", "Agg"))

import matplotlib.pyplot as plt  # noqa: E402
import matplotlib.ticker  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
from matplotlib import font_manager  # noqa: E402

from .atomic import atomic_path, write_table_atomic  # noqa: E402

__all__ = ["register_fonts", "use_style", "mpl_shapes_text", "prepare_label", "visual_text",
           "bilingual", "save_figure", "show", "FIGURE_WIDTHS", "PALETTE", "SPEAKER_LABELS",
           "SPEAKER_STYLES", "FRAME_PALETTE", "frame_colours", "speaker_styles", "speaker_labels", "MAX_OUTLETS",
           "MAX_DOCUMENT_LABELS", "robust_vmax",
           "frame_heatmap", "frame_presence_plot", "source_type_bars", "mode_bars",
           "named_anonymous_plot", "profile_plot", "keyness_plot", "validation_plot",
           "validation_splits_plot", "corpus_structure_plot"]

#: Journal widths in inches: single column and double column.
FIGURE_WIDTHS = {"single": 3.5, "double": 7.2}
#: Okabe & Ito colour-blind-safe palette (source types and structural roles).
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]
#: Paul Tol's "muted" palette (frames), ordered so the first six are the most distinct;
#: it shares no colour with :data:`PALETTE`, so a frame never looks like a source type.
FRAME_PALETTE = ["#332288", "#DDCC77", "#882255", "#88CCEE", "#999933", "#CC6677", "#44AA99",
                 "#117733", "#AA4499"]
FONT_FAMILY = "Amiri"
#: Outlets drawn one by one; past this they are aggregated (counts) or the largest shown.
MAX_OUTLETS = 30
#: Documents drawn one by one with their id in the frame-presence figure; past this the
#: figure becomes a document × frame matrix grouped by outlet (ids in the CSV).
MAX_DOCUMENT_LABELS = 15
#: Keyness panels (one per outlet); past this the outlets with most words are shown.
MAX_KEYNESS_PANELS = 12

#: Source types: English label and Arabic gloss. The attribution module decides which
#: types exist; a type missing here is drawn with its id and a grey from the fallbacks.
#: :func:`speaker_labels` names the home officials after the home country.
SPEAKER_LABELS = {
    "home_official": ("Home-country official", "مسؤول من البلد"),  # official of the home country
    "moroccan_official": ("Moroccan official", "مسؤول مغربي"),     # Moroccan official
    "official": ("Official (country unstated)", "مسؤول"),           # official
    "foreign_official": ("Foreign official", "مسؤول أجنبي"),        # foreign official
    "international_org": ("International org.", "منظمة دولية"),     # international organisation
    "expert": ("Expert", "خبير"),                                    # expert
    "anonymous": ("Anonymous", "مصدر مجهول"),                        # unnamed source
    "media": ("Media", "وسيلة إعلام"),                               # media outlet
    "other": ("Other", "آخر"),                                       # other
    "unknown": ("Type unknown", "نوع غير محدد"),                     # type not determined
}
#: One colour per source type, in every figure.
SPEAKER_STYLES = {
    "home_official": "#0072B2", "moroccan_official": "#0072B2", "official": "#56B4E9",
    "foreign_official": "#E69F00", "international_org": "#009E73", "expert": "#CC79A7",
    "anonymous": "#D55E00", "media": "#F0E442", "other": "#000000", "unknown": "#BBBBBB",
}
_FALLBACK_GREYS = ["#777777", "#555555", "#999999", "#333333"]
_MODE_LABELS = {"direct": ("Direct quote", "اقتباس مباشر"),   # direct quotation
                "indirect": ("Indirect", "غير مباشر")}         # indirect
_MODE_COLOURS = {"direct": "#4D4D4D", "indirect": "#BDBDBD"}
_ROLE_LABELS = {  # structural roles of paragraphs
    "headline": ("Headline", "العنوان"), "kicker": ("Kicker", "العنوان التمهيدي"),
    "standfirst": ("Standfirst", "المقدمة"), "subhead": ("Subhead", "عنوان فرعي"),
    "body": ("Body", "المتن"), "pullquote": ("Pull quote", "اقتباس بارز"),
    "chrome": ("Page chrome", "عناصر الصفحة"), "byline": ("Byline", "التوقيع"),
}
_ROLE_COLOURS = {"headline": "#000000", "kicker": "#E69F00", "standfirst": "#56B4E9",
                 "subhead": "#009E73", "body": "#0072B2", "pullquote": "#CC79A7",
                 "chrome": "#BBBBBB", "byline": "#D55E00"}
_OTHER_OUTLETS = ("Other outlets", "منابر أخرى")  # other outlets
_NO_DATA = "#EEEEEE"


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


def _save_rgb_png(fig, path: Path, dpi: int) -> None:
    """PNG as journals ask for it: RGB (no alpha channel), ``dpi`` recorded, no metadata."""
    from PIL import Image

    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=dpi, metadata={"Software": None})
    buffer.seek(0)
    with Image.open(buffer) as im:
        rgb = im.convert("RGB")
    with atomic_path(path) as tmp:
        rgb.save(tmp, format="PNG", dpi=(dpi, dpi), optimize=False)


def save_figure(fig, name: str, data: pd.DataFrame, out_dir: str | Path = "figures") -> list[Path]:
    """Write ``name``.pdf/.svg/.png (RGB, 300 dpi) and the plotted data as ``name``.csv.

    Files are written atomically and reproducibly: no creation dates, a fixed SVG hash
    salt, fonts embedded as TrueType in the PDF and as paths in the SVG. The page size is
    the figure size (no tight bounding box), so widths are exactly 3.5 or 7.2 in.
    """
    out_dir = Path(out_dir)
    written = []
    with plt.rc_context({"svg.hashsalt": "arabic-discourse-figures", "pdf.fonttype": 42,
                         "svg.fonttype": "path", "savefig.bbox": None}):
        for ext, meta in (("pdf", {"CreationDate": None, "ModDate": None, "Producer": None,
                                   "Creator": None}),
                          ("svg", {"Date": None, "Creator": None})):
            target = out_dir / f"{name}.{ext}"
            _atomic_savefig(fig, target, format=ext, metadata=meta, dpi=300)
            written.append(target)
        target = out_dir / f"{name}.png"
        _save_rgb_png(fig, target, 300)
        written.append(target)
    csv_path = out_dir / f"{name}.csv"
    write_table_atomic(data, csv_path)
    written.append(csv_path)
    return written


def show(path: str | Path, *, pixels_per_inch: int = 135):
    """The PNG for a notebook, displayed larger than print size so that 7 pt Arabic is
    legible on screen (``pixels_per_inch`` screen pixels per inch of paper)."""
    from IPython.display import Image
    from PIL import Image as PILImage

    with PILImage.open(path) as im:
        width_in = im.size[0] / im.info.get("dpi", (300, 300))[0]
    return Image(filename=str(path), width=int(round(width_in * pixels_per_inch)))


# --------------------------------------------------------------------------- helpers

def robust_vmax(values) -> tuple[float, bool]:
    """Upper end of a colour scale that one outlier cannot flatten.

    Returns ``(vmax, capped)``: the maximum of the finite values, or the upper Tukey fence
    (Q3 + 1.5 IQR of the non-zero values) when the maximum lies beyond it. With fewer
    than four non-zero values no value is called an outlier.
    """
    v = np.asarray(values, dtype=float)
    v = v[np.isfinite(v)]
    top = float(v.max()) if v.size else 0.0
    positive = v[v > 0]
    if positive.size < 4:
        return (top if top > 0 else 1.0), False
    q1, q3 = np.percentile(positive, [25, 75])
    fence = float(q3 + 1.5 * (q3 - q1))
    if top > fence > 0:
        return fence, True
    return (top if top > 0 else 1.0), False


def _ink_on(colour: str) -> str:
    """Black or white, whichever reads better on ``colour`` (relative luminance)."""
    r, g, b = matplotlib.colors.to_rgb(colour)
    lum = 0.2126 * r + 0.7152 * g + 0.0722 * b
    return "black" if lum > 0.45 else "white"


def frame_colours(frames: Sequence[str]) -> dict[str, str]:
    """One colour per frame, by codebook order (:data:`FRAME_PALETTE`, then greys)."""
    pal = FRAME_PALETTE + _FALLBACK_GREYS
    return {f: pal[i % len(pal)] for i, f in enumerate(frames)}


def speaker_labels(home_country: str = "MA") -> dict[str, tuple[str, str]]:
    """English label and Arabic gloss of each source type for a home country: the
    attribution module's labels (its home officials named after the country) where it
    provides them, over the defaults of :data:`SPEAKER_LABELS`."""
    try:
        from .attribution import speaker_type_labels
    except ImportError:  # an attribution module without country labels
        return dict(SPEAKER_LABELS)
    return {**SPEAKER_LABELS, **speaker_type_labels(home_country)}


def speaker_styles(types: Sequence[str], labels: Mapping[str, tuple[str, str]] | None = None
                   ) -> list[tuple[str, tuple[str, str], str]]:
    """(type, (English, Arabic), colour) for the given source types, in the canonical order
    of :data:`SPEAKER_LABELS` (types it does not know come last, in the order given)."""
    names = {**SPEAKER_LABELS, **(labels or {})}
    known = [t for t in SPEAKER_LABELS if t in types]
    extra = [t for t in dict.fromkeys(types) if t not in SPEAKER_LABELS]
    out = []
    for k, t in enumerate(known + extra):
        colour = SPEAKER_STYLES.get(t, _FALLBACK_GREYS[k % len(_FALLBACK_GREYS)])
        out.append((t, names.get(t, (t.replace("_", " ").capitalize(), "")), colour))
    return out


def _n(value: int, unit: str) -> str:
    return f"n = {value:,} {unit}" if value != 1 else f"n = 1 {unit.rstrip('s')}"


def _outlet_labels(outlets: Sequence[str], arabic: Mapping[str, str] | None = None) -> list[str]:
    """Outlet tick labels: English and Arabic on two lines for a few outlets, on one line
    (``English · Arabic``) when there are many."""
    arabic = arabic or {}
    sep = "\n" if len(outlets) <= 8 else " · "
    return [bilingual(o, arabic.get(o, ""), sep=sep) for o in outlets]


def _row_height(n_rows: int) -> float:
    """Inches per outlet row: room for two-line labels up to 8 outlets, one line beyond."""
    return 0.34 if n_rows <= 8 else 0.19


def _cap_outlets(outlets: Sequence[str], weight: Mapping[str, float], limit: int = MAX_OUTLETS
                 ) -> tuple[list[str], dict[str, str], str]:
    """Keep the ``limit - 1`` outlets with the largest ``weight`` and fold the rest into one
    "other outlets" row. Returns (rows, outlet → row, note for the figure)."""
    outlets = list(outlets)
    if len(outlets) <= limit:
        return outlets, {o: o for o in outlets}, ""
    keep = sorted(outlets, key=lambda o: (-weight.get(o, 0), outlets.index(o)))[:limit - 1]
    rest = [o for o in outlets if o not in keep]
    other = f"{_OTHER_OUTLETS[0]} ({len(rest)})"
    rows = [o for o in outlets if o in keep] + [other]
    mapping = {o: (o if o in keep else other) for o in outlets}
    note = (f"{len(outlets)} outlets: the {limit - 1} largest drawn, {len(rest)} summed as "
            f"\u201c{other}\u201d (all outlets in the CSV)")
    return rows, mapping, note


def _outlet_pivot(table: pd.DataFrame, column: str, value: str) -> tuple[list[str], str, pd.DataFrame]:
    """Sum ``value`` per outlet row (outlets past :data:`MAX_OUTLETS` folded by
    :func:`_cap_outlets`, weighted by their total) and per ``column`` category. Returns
    (rows, note, pivot with one row per entry of rows, in order)."""
    order = list(dict.fromkeys(table["outlet"]))
    rows, to_row, note = _cap_outlets(order, table.groupby("outlet", sort=False)[value].sum().to_dict())
    pivot = (table.assign(outlet=table["outlet"].map(to_row))
             .pivot_table(index="outlet", columns=column, values=value, aggfunc="sum", fill_value=0, sort=False)
             .reindex(rows, fill_value=0))
    return rows, note, pivot


def _new(width: str, height: float):
    use_style()
    return plt.figure(figsize=(FIGURE_WIDTHS[width], round(height, 2)), layout="constrained")


def _footnote(fig, text: str) -> None:
    """A small note under the figure (n, scale, aggregation), kept inside the fixed layout."""
    if text:
        fig.supxlabel(prepare_label(text), fontsize=6, color="#333333")


def _legend_handles(items: Sequence[tuple[str, str]]):
    """Patches for a legend from (label, colour) pairs."""
    from matplotlib.patches import Patch

    return [Patch(facecolor=c, edgecolor="white", linewidth=0.3, label=l) for l, c in items]


def _stacked_rows(ax, rows: Sequence[str], series: Sequence[tuple[str, np.ndarray, str]],
                  *, totals: np.ndarray, unit: str, empty_text: str, percent: bool,
                  inside: bool = True, end_labels: Sequence[str] | None = None) -> None:
    """Horizontal stacked bars, one row per outlet, with n at the end of each bar and
    ``empty_text`` (e.g. "no acts") where an outlet has nothing to count. Segments large
    enough carry their value (a share, or a count) when ``inside``."""
    y = np.arange(len(rows))
    left = np.zeros(len(rows))
    font = 6.5 if len(rows) <= 12 else 5.5
    biggest = max(float(totals.max()) if len(totals) else 0.0, 1.0)
    for label, vals, colour in series:
        ax.barh(y, vals, left=left, color=colour, height=0.68, edgecolor="white", linewidth=0.3,
                label=label)
        if inside:
            for yy, (l, v) in enumerate(zip(left, vals)):
                if v > 0 and v >= (0.1 if percent else 0.07 * biggest):
                    ax.text(l + v / 2, yy, f"{v:.0%}" if percent else f"{int(v)}", ha="center",
                            va="center", fontsize=font, color=_ink_on(colour))
        left += vals
    for yy, total in enumerate(totals):
        if total:
            x = 1.0 if percent else left[yy]
            text = end_labels[yy] if end_labels is not None else _n(int(total), unit)
            ax.text(x, yy, f" {text}", va="center", ha="left", fontsize=font)
        else:
            ax.text(0, yy, f" {empty_text}", va="center", ha="left", fontsize=font, color="#555555",
                    style="italic")
    ax.set_ylim(len(rows) - 0.5, -0.5)


# --------------------------------------------------------------------------- figures

def corpus_structure_plot(structure: pd.DataFrame, *, outlet_ar: Mapping[str, str] | None = None):
    """Words per outlet by structural role (stacked bars), documents per outlet at the end.

    ``structure``: :func:`analysis.stats.words_by_role` output (outlet, role, n_words and,
    when present, n_docs).
    """
    order = list(dict.fromkeys(structure["outlet"]))
    words = structure.groupby("outlet", sort=False)["n_words"].sum()
    rows, to_row, note = _cap_outlets(order, words.to_dict())
    s = structure.assign(outlet=structure["outlet"].map(to_row))
    pivot = s.pivot_table(index="outlet", columns="role", values="n_words", aggfunc="sum",
                          fill_value=0, sort=False).reindex(rows, fill_value=0)
    if "n_docs" in s:
        docs = (structure.drop_duplicates("outlet").assign(outlet=lambda d: d["outlet"].map(to_row))
                .groupby("outlet", sort=False)["n_docs"].sum().reindex(rows, fill_value=0))
    else:
        docs = None
    roles = [r for r in _ROLE_LABELS if r in pivot.columns and pivot[r].sum() > 0]
    roles += [r for r in pivot.columns if r not in _ROLE_LABELS and pivot[r].sum() > 0]
    legend_rows = math.ceil(len(roles) / 2)
    fig = _new("single", 1.0 + 0.17 * legend_rows + _row_height(len(rows)) * len(rows))
    ax = fig.add_subplot()
    totals = pivot[roles].sum(axis=1).to_numpy() if roles else np.zeros(len(rows))
    series = [(bilingual(*_ROLE_LABELS.get(r, (r, "")), sep=" / "), pivot[r].to_numpy(dtype=float),
               _ROLE_COLOURS.get(r, _FALLBACK_GREYS[k % 4])) for k, r in enumerate(roles)]
    ax.set_xlim(0, max(totals.max() if len(totals) else 1, 1) * 1.32)
    ends = [f"{int(t):,} words" + (f", {int(d)} doc{'s' if d != 1 else ''}" if docs is not None else "")
            for t, d in zip(totals, docs if docs is not None else totals)]
    _stacked_rows(ax, rows, series, totals=totals, unit="words", empty_text="no text",
                  percent=False, inside=False, end_labels=ends)
    ax.set_yticks(range(len(rows)), _outlet_labels(rows, outlet_ar))
    ax.tick_params(axis="y", length=0)
    ax.xaxis.set_major_formatter(matplotlib.ticker.FuncFormatter(lambda v, _: f"{int(v):,}"))
    ax.set_xlabel(bilingual("Words", "عدد الكلمات", sep=" / "))
    if series:
        ax.legend(handles=_legend_handles([(l, c) for l, _, c in series]), ncol=2,
                  loc="lower center", bbox_to_anchor=(0.4, 1.0), handlelength=1.0,
                  columnspacing=0.8, fontsize=6.5)
    n_docs = int(docs.sum()) if docs is not None else None
    _footnote(fig, "; ".join(x for x in (
        f"n = {n_docs} documents, {int(totals.sum()):,} words" if n_docs is not None else "", note) if x))
    return fig


def frame_heatmap(counts: pd.DataFrame, labels: Mapping[str, tuple[str, str]], *,
                  outlet_ar: Mapping[str, str] | None = None, value: str = "rate_per_1000"):
    """Frame rates per 1,000 body words by outlet (outlets in rows, values in the cells).

    The colour scale is linear and capped at the upper Tukey fence when an outlier would
    flatten the other cells (:func:`robust_vmax`); capped cells print in bold. Outlets
    without body words are drawn as "no data".

    ``counts``: :func:`analysis.stats.frame_counts` output.
    """
    frames = list(dict.fromkeys(counts["frame"]))
    order = list(dict.fromkeys(counts["outlet"]))
    per_outlet = counts.drop_duplicates("outlet").set_index("outlet")
    rows, to_row, note = _cap_outlets(order, per_outlet["n_words"].to_dict())
    c = counts.assign(outlet=counts["outlet"].map(to_row))
    agg = c.groupby(["outlet", "frame"], sort=False).agg(count=("count", "sum")).reset_index()
    words = per_outlet.assign(row=lambda d: d.index.map(to_row)).groupby("row", sort=False)["n_words"].sum()
    ndocs = per_outlet.assign(row=lambda d: d.index.map(to_row)).groupby("row", sort=False)["n_docs"].sum()
    grid = np.full((len(rows), len(frames)), np.nan)
    cnt = np.zeros((len(rows), len(frames)), dtype=int)
    for r in agg.itertuples(index=False):
        i, j = rows.index(r.outlet), frames.index(r.frame)
        cnt[i, j] = r.count
        if words[r.outlet] > 0:
            if value == "rate_per_1000":
                grid[i, j] = 1000 * r.count / words[r.outlet]
            else:
                grid[i, j] = r.count
    vmax, capped = robust_vmax(grid)
    fig = _new("double", 1.45 + _row_height(len(rows)) * len(rows) * 0.95)
    ax = fig.add_subplot()
    cmap = matplotlib.colormaps["cividis"].with_extremes(bad=_NO_DATA)
    im = ax.imshow(np.ma.masked_invalid(grid), cmap=cmap, aspect="auto", vmin=0, vmax=vmax,
                   interpolation="nearest")
    font = 7 if len(rows) <= 12 else 5.5
    for i in range(len(rows)):
        for j in range(len(frames)):
            v = grid[i, j]
            if not np.isfinite(v):
                ax.text(j, i, "no data", ha="center", va="center", fontsize=font - 1, color="#555555",
                        style="italic")
                continue
            rgba = cmap(min(v / vmax, 1.0))
            ax.text(j, i, f"{v:.1f}", ha="center", va="center", fontsize=font,
                    color=_ink_on(matplotlib.colors.to_hex(rgba)),
                    fontweight="bold" if v > vmax else "normal")
    ax.set_xticks(range(len(frames)), [bilingual(*labels.get(f, (f, ""))) for f in frames], fontsize=6.5)
    ax.xaxis.tick_top()
    ylabels = [f"{lab}{' ' if len(rows) > 8 else chr(10)}({int(ndocs[o])} doc{'s' if ndocs[o] != 1 else ''}, "
               f"{int(words[o]):,} words)" for o, lab in zip(rows, _outlet_labels(rows, outlet_ar))]
    ax.set_yticks(range(len(rows)), ylabels, fontsize=6.5 if len(rows) <= 12 else 5.5)
    ax.tick_params(length=0)
    for spine in ax.spines.values():
        spine.set_visible(False)
    cbar = fig.colorbar(im, ax=ax, fraction=0.03, pad=0.02, extend="max" if capped else "neither",
                        shrink=1.0 if len(rows) > 2 else 0.9)
    what = "Markers per 1,000 body words" if value == "rate_per_1000" else "Markers"
    cbar.set_label(bilingual(what, "مؤشرات لكل 1000 كلمة" if value == "rate_per_1000" else "مؤشرات"),
                   fontsize=6.5)
    cbar.outline.set_linewidth(0.4)
    cbar.ax.tick_params(labelsize=6)
    scale = (f"colour linear, capped at {vmax:.1f} (upper Tukey fence, Q3 + 1.5 IQR of non-zero cells); "
             f"bold values lie above the cap" if capped else "colour linear from 0 to the largest value")
    total = int(cnt.sum())
    _footnote(fig, "; ".join(x for x in (
        f"n = {total:,} markers in {int(ndocs.sum())} documents, {int(words.sum()):,} body words", scale, note) if x))
    return fig


def frame_presence_plot(presence: pd.DataFrame, labels: Mapping[str, tuple[str, str]], *,
                        max_labels: int = MAX_DOCUMENT_LABELS):
    """Markers of each frame in each document.

    Up to ``max_labels`` documents: one column per document (id and outlet under it), a
    dot whose area is the count (the size key is in the legend), an open circle for none.
    Beyond: a document × frame matrix, documents grouped by outlet, colour = count on a
    capped scale (:func:`robust_vmax`), ids left to the CSV; the figure says so.

    ``presence``: :func:`analysis.stats.frame_presence` output.
    """
    frames = [c for c in presence.columns if c not in ("doc_id", "outlet")]
    n_docs = len(presence)
    values = presence[frames].to_numpy(dtype=float) if n_docs else np.zeros((0, len(frames)))
    total = int(values.sum())
    names = [bilingual(*labels.get(f, (f, ""))) for f in frames]
    if n_docs == 0:
        fig = _new("double", 1.2)
        fig.text(0.5, 0.5, "No documents", ha="center", va="center")
        return fig
    if n_docs <= max_labels:
        fig = _new("double", 1.2 + 0.3 * len(frames))
        ax = fig.add_subplot()
        vmax = max(values.max(), 1)
        size = lambda v: 14 + 110 * v / vmax  # noqa: E731  (area grows with the count)
        for j in range(n_docs):
            for i in range(len(frames)):
                v = values[j, i]
                if v:
                    ax.scatter(j, i, s=size(v), color=FRAME_PALETTE[0], alpha=0.85, linewidths=0)
                    ax.text(j + 0.2, i, f"{int(v)}", va="center", fontsize=6.5)
                else:
                    ax.scatter(j, i, s=8, facecolors="none", edgecolors="#999999", linewidths=0.5)
        short = [str(d).split("_", 1)[0] if "_" in str(d) else str(d)[:10] for d in presence["doc_id"]]
        ax.set_xticks(range(n_docs), [prepare_label(f"{d}\n{o}") for d, o in zip(short, presence["outlet"])],
                      fontsize=6.5 if n_docs <= 8 else 5.5, rotation=0 if n_docs <= 8 else 90)
        ax.set_yticks(range(len(frames)), names, fontsize=6.5)
        ax.set_xlim(-0.5, n_docs - 0.3)
        ax.set_ylim(len(frames) - 0.5, -0.5)
        ax.tick_params(length=0)
        ax.set_xlabel(bilingual("Document (id, outlet)", "الوثيقة", sep=" / "))
        keys = sorted({1, int(round(vmax / 2)), int(vmax)})
        handles = [ax.scatter([], [], s=size(k), color=FRAME_PALETTE[0], alpha=0.85, linewidths=0,
                              label=f"{k} marker{'s' if k != 1 else ''}") for k in keys if k >= 1]
        handles.append(ax.scatter([], [], s=8, facecolors="none", edgecolors="#999999", linewidths=0.5,
                                  label="none / لا شيء"))
        ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=6.5,
                  title=bilingual("Dot area", "حجم النقطة", sep=" / "), title_fontsize=6.5,
                  labelspacing=1.0)
        _footnote(fig, f"n = {total:,} markers in {n_docs} document{'s' if n_docs != 1 else ''}")
        return fig
    # Many documents: a matrix grouped by outlet.
    order = list(dict.fromkeys(presence["outlet"]))
    idx = sorted(range(n_docs), key=lambda k: (order.index(presence["outlet"].iat[k]), k))
    grid = values[idx].T
    vmax, capped = robust_vmax(grid)
    fig = _new("double", 1.5 + 0.28 * len(frames))
    ax = fig.add_subplot()
    cmap = matplotlib.colormaps["cividis_r"].with_extremes(bad="white")
    shown = np.ma.masked_where(grid == 0, grid)
    im = ax.imshow(shown, cmap=cmap, aspect="auto", vmin=0, vmax=vmax, interpolation="nearest")
    outlets_sorted = [presence["outlet"].iat[k] for k in idx]
    bounds = [0] + [k for k in range(1, n_docs) if outlets_sorted[k] != outlets_sorted[k - 1]] + [n_docs]
    for b in bounds[1:-1]:
        ax.axvline(b - 0.5, color="#666666", linewidth=0.4)
    mids = [(a + b - 1) / 2 for a, b in zip(bounds[:-1], bounds[1:])]
    groups = [outlets_sorted[a] for a in bounds[:-1]]
    widths = [b - a for a, b in zip(bounds[:-1], bounds[1:])]
    room = 7.2 * 0.8 / max(n_docs, 1)  # inches per document column
    ax.set_xticks([m for m, w in zip(mids, widths) if w * room >= 0.12],
                  [prepare_label(f"{g} ({w})") for g, w in zip(groups, widths) if w * room >= 0.12],
                  fontsize=5.5, rotation=90)
    ax.set_yticks(range(len(frames)), names, fontsize=6.5)
    ax.tick_params(length=0)
    ax.set_xlabel(bilingual(f"{n_docs} documents, grouped by outlet (documents per outlet)",
                            "الوثائق حسب المنبر", sep=" / "), fontsize=7)
    cbar = fig.colorbar(im, ax=ax, fraction=0.03, pad=0.02, extend="max" if capped else "neither")
    cbar.set_label(bilingual("Markers in the document", "عدد المؤشرات"), fontsize=6.5)
    cbar.ax.yaxis.set_major_locator(matplotlib.ticker.MaxNLocator(integer=True))
    cbar.ax.tick_params(labelsize=6)
    scale = (f"colour capped at {vmax:.0f} (upper Tukey fence)" if capped else "colour linear")
    _footnote(fig, f"n = {total:,} markers in {n_docs} documents; white = no marker; {scale}; "
                   f"more than {max_labels} documents, so ids are left to the CSV")
    return fig


def source_type_bars(source_counts: pd.DataFrame, *, outlet_ar: Mapping[str, str] | None = None,
                     home_country: str = "MA", type_labels: Mapping[str, tuple[str, str]] | None = None):
    """Reporting acts by source type per outlet (stacked bars of counts, n at the end).

    Types with no act anywhere are left out; outlets without acts say "no acts".
    ``source_counts``: :func:`analysis.stats.source_counts` output (by speaker_type).
    ``home_country``: the country the acts were typed against (names its officials);
    ``type_labels``: (English, Arabic) per type, overriding :func:`speaker_labels`.
    """
    rows, note, pivot = _outlet_pivot(source_counts, "speaker_type", "count")
    present = [c for c in pivot.columns if pivot[c].sum() > 0]
    styles = speaker_styles(present, {**speaker_labels(home_country), **(type_labels or {})})
    totals = pivot[present].sum(axis=1).to_numpy() if present else np.zeros(len(rows))
    fig = _new("double", 1.35 + _row_height(len(rows)) * len(rows))
    ax = fig.add_subplot()
    ax.set_xlim(0, max(totals.max() if len(totals) else 0, 1) * 1.15)
    series = [(bilingual(*lab, sep=" / "), pivot[tp].to_numpy(dtype=float), col) for tp, lab, col in styles]
    _stacked_rows(ax, rows, series, totals=totals, unit="acts", empty_text="no acts", percent=False)
    ax.set_yticks(range(len(rows)), _outlet_labels(rows, outlet_ar))
    ax.tick_params(axis="y", length=0)
    ax.xaxis.set_major_locator(matplotlib.ticker.MaxNLocator(integer=True))
    ax.set_xlabel(bilingual("Reporting acts", "أفعال الإسناد", sep=" / "))
    if series:
        ax.legend(handles=_legend_handles([(l, c) for l, _, c in series]), ncol=min(4, len(series)),
                  loc="lower center", bbox_to_anchor=(0.5, 1.0), handlelength=1.0, fontsize=6.5)
    _footnote(fig, "; ".join(x for x in (f"n = {int(totals.sum()):,} reporting acts", note) if x))
    return fig


def mode_bars(mode_counts: pd.DataFrame, *, outlet_ar: Mapping[str, str] | None = None):
    """Direct vs indirect attribution per outlet (stacked shares, n per outlet; an outlet
    without acts says "no acts" instead of a 0 % bar).

    ``mode_counts``: :func:`analysis.stats.source_counts` output with ``by="mode"``.
    """
    rows, note, pivot = _outlet_pivot(mode_counts, "mode", "count")
    modes = [m for m in _MODE_LABELS if m in pivot.columns and pivot[m].sum() > 0]
    modes += [m for m in pivot.columns if m not in _MODE_LABELS and pivot[m].sum() > 0]
    totals = pivot[modes].sum(axis=1).to_numpy() if modes else np.zeros(len(rows))
    safe = np.where(totals > 0, totals, 1)
    fig = _new("single", 1.5 + _row_height(len(rows)) * len(rows))
    ax = fig.add_subplot()
    series = [(bilingual(*_MODE_LABELS.get(m, (m, "")), sep=" / "), pivot[m].to_numpy() / safe,
               _MODE_COLOURS.get(m, _FALLBACK_GREYS[k % 4])) for k, m in enumerate(modes)]
    _stacked_rows(ax, rows, series, totals=totals, unit="acts", empty_text="no acts", percent=True)
    ax.set_xlim(0, 1.38)
    ax.set_xticks([0, 0.25, 0.5, 0.75, 1.0])
    ax.spines["bottom"].set_bounds(0, 1)
    ax.xaxis.set_major_formatter(matplotlib.ticker.PercentFormatter(1.0))
    ax.set_yticks(range(len(rows)), _outlet_labels(rows, outlet_ar))
    ax.tick_params(axis="y", length=0)
    ax.set_xlabel(bilingual("Share of reporting acts", "نسبة أفعال الإسناد", sep=" / "))
    if series:
        ax.legend(handles=_legend_handles([(l, c) for l, _, c in series]), ncol=2, loc="lower center",
                  bbox_to_anchor=(0.4, 1.0), handlelength=1.0, fontsize=6.5)
    _footnote(fig, "; ".join(x for x in (f"n = {int(totals.sum()):,} reporting acts", note) if x))
    return fig


def named_anonymous_plot(summary: pd.DataFrame, *, outlet_ar: Mapping[str, str] | None = None,
                         max_outlets: int = MAX_OUTLETS):
    """Who speaks (named, anonymous, type unknown: shares of acts) and how even the mix of
    source types is (Shannon evenness, 0 to 1; the entropy in bits is printed beside it).

    ``summary``: :func:`analysis.stats.attribution_summary` output. The acts whose type is
    unknown are neither named nor anonymous: they are the rest of the bar, named as such.
    Past ``max_outlets`` the outlets with most acts are drawn (diversity cannot be summed).
    """
    s = summary.reset_index(drop=True)
    note = ""
    if len(s) > max_outlets:
        keep = s.sort_values("n_acts", ascending=False, kind="stable").index[:max_outlets]
        note = f"{len(s)} outlets: the {max_outlets} with most acts drawn (all in the CSV)"
        s = s.loc[sorted(keep)].reset_index(drop=True)
    rows = list(s["outlet"])
    n = s["n_acts"].to_numpy()
    named = s["share_named"].fillna(0).to_numpy(dtype=float)
    anon = s["share_anonymous"].fillna(0).to_numpy(dtype=float)
    unknown = np.where(n > 0, np.clip(1 - named - anon, 0, 1), 0)
    unknown[np.abs(unknown) < 1e-9] = 0
    fig = _new("double", 1.4 + _row_height(len(rows)) * len(rows))
    axes = fig.subplots(1, 2, sharey=True, gridspec_kw={"width_ratios": [1.15, 1]})
    series = [(bilingual("Named", "مسمّى", sep=" / "), named, "#4D4D4D"),
              (bilingual("Anonymous", "مجهول", sep=" / "), anon, SPEAKER_STYLES["anonymous"]),
              (bilingual("Type unknown", "نوع غير محدد", sep=" / "), unknown, SPEAKER_STYLES["unknown"])]
    series = [x for x in series if x[1].sum() > 0]
    _stacked_rows(axes[0], rows, series, totals=n, unit="acts", empty_text="no acts", percent=True)
    axes[0].set_xlim(0, 1.42)
    axes[0].set_xticks([0, 0.5, 1.0])
    axes[0].spines["bottom"].set_bounds(0, 1)
    axes[0].xaxis.set_major_formatter(matplotlib.ticker.PercentFormatter(1.0))
    axes[0].set_title(bilingual("Share of acts", "نسبة أفعال الإسناد", sep=" / "), fontsize=8)
    if series:
        axes[0].legend(handles=_legend_handles([(l, c) for l, _, c in series]), ncol=len(series),
                       loc="upper center", bbox_to_anchor=(0.42, -0.08 if len(rows) > 3 else -0.2),
                       handlelength=1.0, fontsize=6.5, columnspacing=0.8)
    ev = axes[1]
    font = 6.5 if len(rows) <= 12 else 5.5
    for yy, (e, h, k, na) in enumerate(zip(s["evenness"], s["diversity_bits"], s["n_sources"], n)):
        if na == 0:
            ev.text(0, yy, " no acts", va="center", fontsize=font, color="#555555", style="italic")
            continue
        ev.barh(yy, e, color="#332288", height=0.6)
        ev.text(e + 0.01, yy, f"J = {e:.2f}  (H = {h:.2f} bits; {int(k)} source{'s' if k != 1 else ''})",
                va="center", fontsize=font)
    ev.set_xlim(0, 1.75)
    ev.set_xticks([0, 0.5, 1.0])
    ev.spines["bottom"].set_bounds(0, 1)
    ev.set_title(bilingual("Evenness of source types J = H / H max", "تكافؤ أنواع المصادر", sep=" / "),
                 fontsize=8)
    ev.tick_params(axis="y", length=0)
    axes[0].set_yticks(range(len(rows)), _outlet_labels(rows, outlet_ar))
    axes[0].tick_params(axis="y", length=0)
    _footnote(fig, "; ".join(x for x in (
        f"n = {int(n.sum()):,} reporting acts; J: 0 = one type only, 1 = all types equally often; "
        f"H: Shannon entropy over source types", note) if x))
    return fig


def profile_plot(profile: pd.DataFrame, labels: Mapping[str, tuple[str, str]], *,
                 outlet_ar: Mapping[str, str] | None = None, home_country: str = "MA",
                 type_labels: Mapping[str, tuple[str, str]] | None = None):
    """Frame profile and source profile side by side for each outlet (shares, n per bar).

    Frames and source types have separate palettes (:data:`FRAME_PALETTE`,
    :data:`SPEAKER_STYLES`): no colour means two things. Categories absent from every
    outlet are left out of the bars and the legends.

    ``profile``: :func:`analysis.stats.profiles` output (outlet, kind, category, count, share).
    ``home_country`` and ``type_labels`` label the source types as in :func:`source_type_bars`.
    """
    order = list(dict.fromkeys(profile["outlet"]))
    weight = profile.groupby("outlet", sort=False)["count"].sum().to_dict()
    rows, to_row, note = _cap_outlets(order, weight)
    p = profile.assign(outlet=profile["outlet"].map(to_row))
    fig = _new("double", 1.75 + _row_height(len(rows)) * len(rows))
    axes = fig.subplots(1, 2, sharey=True)
    frame_ids = list(dict.fromkeys(profile.loc[profile["kind"] == "frame", "category"]))
    fcol = frame_colours(frame_ids)
    totals_text = []
    for ax, kind in ((axes[0], "frame"), (axes[1], "source")):
        sub = p[p["kind"] == kind]
        pivot = sub.pivot_table(index="outlet", columns="category", values="count", aggfunc="sum",
                                fill_value=0, sort=False).reindex(rows, fill_value=0)
        cats = [c for c in dict.fromkeys(sub["category"]) if c in pivot.columns and pivot[c].sum() > 0]
        totals = pivot[cats].sum(axis=1).to_numpy() if cats else np.zeros(len(rows))
        safe = np.where(totals > 0, totals, 1)
        if kind == "frame":
            styled = [(c, labels.get(c, (c, "")), fcol[c]) for c in cats]
            unit, empty = "markers", "no markers"
        else:
            styled = speaker_styles(cats, {**speaker_labels(home_country), **(type_labels or {})})
            unit, empty = "acts", "no acts"
        series = [(bilingual(*lab, sep=" / "), pivot[c].to_numpy() / safe, col) for c, lab, col in styled]
        _stacked_rows(ax, rows, series, totals=totals, unit=unit, empty_text=empty, percent=True)
        ax.set_xlim(0, 1.4)
        ax.set_xticks([0, 0.5, 1.0])
        ax.spines["bottom"].set_bounds(0, 1)
        ax.xaxis.set_major_formatter(matplotlib.ticker.PercentFormatter(1.0))
        ax.set_title(bilingual("Frames (share of markers)" if kind == "frame" else "Sources (share of acts)",
                               "الأطر" if kind == "frame" else "المصادر", sep=" / "), fontsize=8)
        ax.tick_params(axis="y", length=0)
        if series:
            ax.legend(handles=_legend_handles([(l, c) for l, _, c in series]), ncol=2, loc="upper center",
                      bbox_to_anchor=(0.42, -0.1 if len(rows) > 3 else -0.22), fontsize=6,
                      handlelength=1.0, columnspacing=0.6)
        totals_text.append(f"{int(totals.sum()):,} {unit}")
    axes[0].set_yticks(range(len(rows)), _outlet_labels(rows, outlet_ar))
    _footnote(fig, "; ".join(x for x in (f"n = {totals_text[0]} and {totals_text[1]}", note) if x))
    return fig


def keyness_plot(keywords: pd.DataFrame, *, top: int = 5, outlet_ar: Mapping[str, str] | None = None,
                 max_panels: int = MAX_KEYNESS_PANELS, outlets: Sequence[str] | None = None):
    """Top keywords of each outlet against the others, by log-likelihood G².

    Words are shown as written (column ``surface``: the most frequent raw spelling of the
    normalised word) when the table has it. One panel per outlet; past ``max_panels`` the
    outlets with most words are drawn and the figure says so.

    ``keywords``: :func:`analysis.stats.keyness` output (column ``outlet``).
    ``outlets``: every outlet of the corpus; one without keywords gets a panel saying so
    (default: the outlets of ``keywords``).
    """
    found = list(dict.fromkeys(keywords["outlet"]))
    outlets = list(outlets) if outlets is not None else found
    if not found:
        fig = _new("single", 1.0)
        fig.text(0.5, 0.5, "No keywords: keyness needs at least two outlets with text\n"
                           "and words above the minimum count", ha="center", va="center", fontsize=7)
        return fig
    note = ""
    if len(outlets) > max_panels:
        size = keywords.drop_duplicates("outlet").set_index("outlet")["n_tokens"] \
            if "n_tokens" in keywords else pd.Series({o: 0 for o in outlets})
        keep = sorted(outlets, key=lambda o: (-size.get(o, 0), outlets.index(o)))[:max_panels]
        note = (f"{len(outlets)} outlets: the {max_panels} with most words drawn (all in the CSV)")
        outlets = [o for o in outlets if o in keep]
    n_rows = (len(outlets) + 2) // 3
    fig = _new("double", 0.35 + 1.45 * n_rows + (0.15 if note else 0))
    axes = fig.subplots(n_rows, 3, squeeze=False)
    for ax in axes.flat[len(outlets):]:
        ax.set_visible(False)
    word_col = "surface" if "surface" in keywords else "word"
    for ax, outlet in zip(axes.flat, outlets):
        sub = keywords[keywords["outlet"] == outlet].head(top)
        if not len(sub):
            ax.set_axis_off()
            ax.set_title(bilingual(outlet, (outlet_ar or {}).get(outlet, ""), sep=" / "), fontsize=7)
            ax.text(0.5, 0.5, "no word reaches the minimum count\n(or no other outlet to compare with)",
                    ha="center", va="center", fontsize=6, style="italic", color="#555555",
                    transform=ax.transAxes)
            continue
        y = np.arange(len(sub))
        ax.barh(y, sub["g2"], color="#332288", height=0.6)
        ax.set_yticks(y, [prepare_label(w) for w in sub[word_col]])
        for yy, (g, lr, cnt) in enumerate(zip(sub["g2"], sub["log_ratio"], sub["count"])):
            ax.text(g, yy, f" {int(cnt)}×, LR {lr:.1f}", va="center", fontsize=5.5)
        ax.set_ylim(max(len(sub), top) - 0.5, -0.5)
        n_tok = f"{int(sub['n_tokens'].iat[0]):,} words" if "n_tokens" in sub and len(sub) else ""
        ax.set_title(bilingual(outlet, (outlet_ar or {}).get(outlet, ""), sep=" / ")
                     + (f"\n{n_tok}" if n_tok else ""), fontsize=7)
        ax.set_xlim(0, max(sub["g2"].max() * 1.75, 1))
        ax.tick_params(axis="y", labelsize=7.5, length=0)
        ax.tick_params(axis="x", labelsize=6)
    # The note (which outlets are drawn) follows the bilingual label, not inside its English half.
    fig.supxlabel(bilingual("Log-likelihood G² (one outlet vs the rest); n× = occurrences in the outlet; "
                            "LR = Log Ratio", "الإحصاء G²", sep=" / ") + (f"\n{note}" if note else ""),
                  fontsize=6.5)
    return fig


def validation_plot(scores: pd.DataFrame, labels: Mapping[str, tuple[str, str]]):
    """Precision, recall and F1 of the framing matcher per frame (grouped bars), with the
    number of hand-coded and found markers under each frame; a measure that cannot be
    computed (nothing coded, nothing found) is marked "n/a", not drawn as 0.

    ``scores``: :func:`analysis.validate.frame_scores` output.
    """
    frames = list(scores["frame"])
    names = {**labels, "all": ("All frames", "كل الأطر")}  # all frames
    fig = _new("double", 2.9)
    ax = fig.add_subplot()
    x = np.arange(len(frames), dtype=float)
    if "all" in frames:
        x[frames.index("all")] += 0.35  # the micro average stands apart
    measures = (("precision", ("Precision", "الدقة"), "#332288"),   # precision
                ("recall", ("Recall", "الاستدعاء"), "#88CCEE"),      # recall
                ("f1", ("F1", "F1"), "#999933"))
    for k, (measure, lab, colour) in enumerate(measures):
        vals = scores[measure].to_numpy(dtype=float)
        pos = x + (k - 1) * 0.26
        ax.bar(pos, np.nan_to_num(vals), width=0.26, color=colour, label=bilingual(*lab, sep=" / "))
        for xx, v in zip(pos, vals):
            if not np.isfinite(v):
                ax.text(xx, 0.02, "n/a", rotation=90, ha="center", va="bottom", fontsize=5.5, color="#555555")
    ticks = [f"{bilingual(*names.get(f, (f, '')))}\ncoded {int(g)} · found {int(p)}"
             for f, g, p in zip(frames, scores["n_gold"], scores["n_pred"])]
    ax.set_xticks(x, ticks, fontsize=6)
    ax.set_ylim(0, 1.0)
    ax.yaxis.grid(True)
    ax.set_axisbelow(True)
    ax.tick_params(axis="x", length=0)
    ax.set_ylabel(bilingual("Score", "القيمة", sep=" / "))
    ax.legend(ncol=3, loc="lower center", bbox_to_anchor=(0.5, 1.0))
    total = scores.loc[scores["frame"] == "all", "n_gold"]
    n_gold = int(total.iat[0]) if len(total) else int(scores["n_gold"].sum())
    _footnote(fig, f"n = {n_gold:,} hand-coded markers (coder A); span overlap, one to one; "
                   f"n/a = not computable (nothing coded or nothing found)")
    return fig


_SPLIT_STYLES = {"seeds": (("In-sample (seeds)", "داخل العينة"), "#BBBBBB"),   # inside the sample
                 "dev": (("Out-of-sample dev", "خارج العينة: تطوير"), "#88CCEE"),  # outside: development
                 "test": (("Out-of-sample test", "خارج العينة: اختبار"), "#332288"),  # outside: test
                 # fresh samples coded later: the first became development material after one
                 # scoring; the second is unseen by the rules
                 "fresh": (("Fresh sample 1 (dev since round 3)", "عينة جديدة 1: تطوير"), "#44AA99"),
                 "fresh2": (("Fresh sample 2 (unseen)", "عينة جديدة 2: خارج العينة"), "#882255")}


def validation_splits_plot(table: pd.DataFrame):
    """In-sample and out-of-sample attribution scores side by side (one row per measure,
    one bar per split, n printed at each bar; splits that could not be scored are
    absent and the figure says which).

    ``table``: :func:`analysis.testbed.side_by_side` output (measure, seeds, dev, test, fresh,
    fresh2 and their n_ columns; any of the splits may be missing).
    """
    splits = [s for s in _SPLIT_STYLES if s in table.columns]
    measures = list(table["measure"]) if len(table) else []
    fig = _new("double", 1.2 + 0.1 * len(splits) * max(len(measures), 1))
    ax = fig.add_subplot()
    if not measures or not splits:
        ax.set_axis_off()
        ax.text(0.5, 0.5, "No scored splits", ha="center", va="center", transform=ax.transAxes)
        return fig
    h = 0.8 / len(splits)
    for k, split in enumerate(splits):
        (lab, colour) = _SPLIT_STYLES[split]
        vals = table[split].to_numpy(dtype=float)
        ns = table.get(f"n_{split}", pd.Series([np.nan] * len(table))).to_numpy(dtype=float)
        y = np.arange(len(measures)) + (k - (len(splits) - 1) / 2) * h
        ax.barh(y, np.nan_to_num(vals), height=h * 0.92, color=colour, label=bilingual(*lab, sep=" / "))
        for yy, v, n in zip(y, vals, ns):
            txt = "n/a" if not np.isfinite(v) else f"{v:.2f}"
            if np.isfinite(n):
                txt += f" (n = {int(n)})"
            ax.text(0 if not np.isfinite(v) else v, yy, " " + txt, va="center", fontsize=5.5)
    ax.set_yticks(range(len(measures)), [prepare_label(str(m)) for m in measures], fontsize=6.5)
    ax.set_ylim(len(measures) - 0.5, -0.5)
    ax.set_xlim(0, 1.25)
    ax.set_xticks([0, 0.25, 0.5, 0.75, 1.0])
    ax.spines["bottom"].set_bounds(0, 1)
    ax.xaxis.grid(True)
    ax.set_axisbelow(True)
    ax.tick_params(axis="y", length=0)
    ax.set_xlabel(bilingual("F1 or accuracy", "القيمة", sep=" / "))
    ax.legend(ncol=min(len(splits), 2), loc="lower center", bbox_to_anchor=(0.45, 1.0))
    missing = [s for s in _SPLIT_STYLES if s not in splits]
    _footnote(fig, "n = hand-coded acts (accuracies: matched acts)"
                   + (f"; not scored here: {', '.join(missing)} (needs ../shared)" if missing else ""))
    return fig


def close(fig) -> None:
    plt.close(fig)


register_fonts()

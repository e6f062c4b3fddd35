"""Figures hold from 1 to 200 documents and 1 to 30+ outlets, state n, and print right.

Synthetic tidy tables (the figure functions' inputs) of every size a user may bring; the
checks read the saved files: exact journal widths, RGB at 300 dpi, and the words a
reader needs (n, "no acts", the aggregation note) in the figure's text.
"""
import numpy as np
import pandas as pd
import pytest
from PIL import Image

from analysis import plotting

FRAMES = ["a", "b", "c"]
LABELS = {"a": ("Frame A", "إطار أ"), "b": ("Frame B", "إطار ب"), "c": ("Frame C", "إطار ج")}


def _texts(fig):
    return " ".join(t.get_text() for t in fig.findobj(match=lambda a: hasattr(a, "get_text")))


def _outlets(n):
    return [f"Outlet {k:02d}" for k in range(n)]


def _source_counts(n_outlets, *, empty=()):
    rows = []
    for k, o in enumerate(_outlets(n_outlets)):
        for t, c in (("foreign_official", 3 + k % 4), ("anonymous", k % 3), ("media", 0), ("unknown", k % 2)):
            rows.append({"outlet": o, "speaker_type": t, "count": 0 if o in empty else c})
    return pd.DataFrame(rows)


def _frame_counts(n_outlets):
    rows = []
    for k, o in enumerate(_outlets(n_outlets)):
        for j, f in enumerate(FRAMES):
            count = (k + j) % 4 + (40 if (k, j) == (0, 0) else 0)  # one outlier cell
            rows.append({"outlet": o, "frame": f, "count": count, "n_words": 0 if k == 1 else 1000,
                         "rate_per_1000": count, "docs_with_frame": 1, "n_docs": 2})
    return pd.DataFrame(rows)


@pytest.mark.parametrize("n_outlets", [1, 5, 30, 45])
def test_source_bars_any_number_of_outlets(tmp_path, n_outlets):
    data = _source_counts(n_outlets, empty={"Outlet 00"} if n_outlets > 1 else ())
    fig = plotting.source_type_bars(data)
    text = _texts(fig)
    assert "n = " in text and "Media" not in text                # empty category left out
    if 1 < n_outlets <= plotting.MAX_OUTLETS:                  # (past the limit it is in "other")
        assert "no acts" in text
    if n_outlets > plotting.MAX_OUTLETS:
        assert "Other outlets (16)" in text and "summed" in text
        assert len(fig.axes[0].get_yticks()) == plotting.MAX_OUTLETS
    paths = plotting.save_figure(fig, "f", data, tmp_path)
    plotting.close(fig)
    with Image.open(paths[2]) as im:
        assert im.mode == "RGB" and im.size[0] == 2160 and round(im.info["dpi"][0]) == 300
        assert im.size[1] / 300 < 9.5                               # fits a journal page


def test_heatmap_caps_an_outlier_and_marks_no_data(tmp_path):
    fig = plotting.frame_heatmap(_frame_counts(6), LABELS)
    text = _texts(fig)
    assert "Tukey" in text and "no data" in text and "n = " in text
    image = fig.axes[0].images[0]
    assert image.norm.vmax < 40                                  # the outlier does not set the scale
    plotting.close(fig)


@pytest.mark.parametrize("n_docs", [1, 15, 16, 200])
def test_presence_holds_from_one_to_two_hundred_documents(tmp_path, n_docs):
    rng = np.random.default_rng(0)
    data = pd.DataFrame({"doc_id": [f"{k:03d}_x" for k in range(n_docs)],
                         "outlet": [f"Outlet {k % 12:02d}" for k in range(n_docs)],
                         **{f: rng.poisson(1.0, n_docs) for f in FRAMES}})
    fig = plotting.frame_presence_plot(data, LABELS)
    text = _texts(fig)
    assert f"in {n_docs} document" in text
    if n_docs > plotting.MAX_DOCUMENT_LABELS:
        assert "ids are left to the CSV" in text
    else:
        assert "Dot area" in text                                # the size key
    paths = plotting.save_figure(fig, "p", data, tmp_path)
    plotting.close(fig)
    with Image.open(paths[2]) as im:
        assert im.size[0] == 2160


def test_mode_and_diversity_say_no_acts_instead_of_zero_shares(tmp_path):
    modes = pd.DataFrame({"outlet": ["A", "A", "B", "B"], "mode": ["direct", "indirect"] * 2,
                          "count": [1, 0, 0, 0], "share": [1.0, 0.0, 0.0, 0.0]})
    fig = plotting.mode_bars(modes)
    text = _texts(fig)
    assert "no acts" in text and "n = 1 act" in text and "Indirect" not in text
    paths = plotting.save_figure(fig, "m", modes, tmp_path)
    plotting.close(fig)
    with Image.open(paths[2]) as im:
        assert im.size[0] == 1050                                # 3.5 in at 300 dpi
    summary = pd.DataFrame({"outlet": ["A", "B"], "n_acts": [4, 0], "n_sources": [3, 0],
                            "share_named": [0.5, np.nan], "share_anonymous": [0.25, np.nan],
                            "share_direct": [0.5, np.nan], "diversity_bits": [1.5, 0.0],
                            "evenness": [0.58, 0.0]})
    fig = plotting.named_anonymous_plot(summary)
    text = _texts(fig)
    assert "Type unknown" in text                                # the 25 % not named, not anonymous
    assert "no acts" in text and "H = 1.50 bits" in text and "J = 0.58" in text
    plotting.close(fig)


def test_profile_colours_never_mean_a_frame_and_a_source():
    assert not set(plotting.FRAME_PALETTE) & set(plotting.SPEAKER_STYLES.values())
    rows = []
    for o in ("A", "B"):
        for f in FRAMES:
            rows.append({"outlet": o, "kind": "frame", "category": f, "count": 1, "share": 1 / 3})
        for t in ("foreign_official", "expert", "media"):
            rows.append({"outlet": o, "kind": "source", "category": t, "count": 0 if t == "media" else 2,
                         "share": 0.0 if t == "media" else 0.5})
    fig = plotting.profile_plot(pd.DataFrame(rows), LABELS)
    colours = [set(p.get_facecolor() for p in ax.patches) for ax in fig.axes]
    assert not colours[0] & colours[1]
    assert "Media" not in _texts(fig)
    plotting.close(fig)


def test_new_source_types_get_labels_and_colours_from_the_mapping():
    styles = plotting.speaker_styles(["home_official", "official", "brand_new_type"],
                                     {"home_official": ("Saudi official", "مسؤول سعودي")})
    assert styles[0][1] == ("Saudi official", "مسؤول سعودي")
    assert styles[2][1][0] == "Brand new type" and styles[2][2].startswith("#")
    assert len({s[2] for s in styles}) == 3


def test_keyness_panels_are_capped_and_say_so():
    rows = [{"outlet": o, "word": "w", "surface": "كلمة", "count": 3, "count_rest": 0, "g2": 5.0,
             "p": 0.01, "log_ratio": 2.0, "n_tokens": 100 + k} for k, o in enumerate(_outlets(20))]
    fig = plotting.keyness_plot(pd.DataFrame(rows))
    assert "the 12 with most words drawn" in _texts(fig)
    assert sum(ax.get_visible() for ax in fig.axes) == 12
    plotting.close(fig)


def test_keyness_outlet_without_keywords_says_so():
    rows = [{"outlet": "A", "word": "w", "surface": "كلمة", "count": 3, "count_rest": 0, "g2": 5.0,
             "p": 0.01, "log_ratio": 2.0, "n_tokens": 100}]
    fig = plotting.keyness_plot(pd.DataFrame(rows), outlets=["A", "B"])
    assert "no word reaches the minimum count" in _texts(fig)
    plotting.close(fig)

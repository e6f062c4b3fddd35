"""Image regression tests of the paper figures (pytest-mpl; baselines in tests/baseline).

nbval compares the notebooks' text outputs only; these tests compare the figures
themselves. Regenerate baselines after an intended change with
``pytest tests/test_figures.py --mpl-generate-path=tests/baseline`` and look at them.
"""
import pytest

from analysis import plotting, stats
from analysis.report import analyse, run_validation

from conftest import SEEDS, VALIDATION

TOL = 2  # RMS on a 0-255 scale: the same font and FreeType give identical pixels


@pytest.fixture(scope="module")
def a():
    return analyse(SEEDS)


def _compare(**kw):
    # style="default": the figure functions apply the project style on top of the defaults,
    # as in the notebooks (pytest-mpl would otherwise start from the "classic" style).
    return pytest.mark.mpl_image_compare(tolerance=TOL, style="default", savefig_kwargs={"dpi": 100}, **kw)


@_compare(filename="fig01_corpus_structure.png")
def test_fig01(a):
    return plotting.corpus_structure_plot(stats.words_by_role(a.corpus, a.outlet_of), outlet_ar=a.outlet_ar)


@_compare(filename="fig02_frame_rates.png")
def test_fig02(a):
    return plotting.frame_heatmap(stats.frame_counts(a.markers, a.documents, a.frame_ids), a.frame_labels,
                                  outlet_ar=a.outlet_ar)


@_compare(filename="fig03_frame_presence.png")
def test_fig03(a):
    return plotting.frame_presence_plot(stats.frame_presence(a.markers, a.documents, a.frame_ids), a.frame_labels)


@_compare(filename="fig04_source_types.png")
def test_fig04(a):
    return plotting.source_type_bars(stats.source_counts(a.acts, a.outlets), outlet_ar=a.outlet_ar)


@_compare(filename="fig05_direct_indirect.png")
def test_fig05(a):
    return plotting.mode_bars(stats.source_counts(a.acts, a.outlets, by="mode"), outlet_ar=a.outlet_ar)


@_compare(filename="fig06_named_diversity.png")
def test_fig06(a):
    return plotting.named_anonymous_plot(stats.attribution_summary(a.acts, a.outlets), outlet_ar=a.outlet_ar)


@_compare(filename="fig07_profiles.png")
def test_fig07(a):
    return plotting.profile_plot(stats.profiles(a.markers, a.acts, a.frame_ids, a.outlets), a.frame_labels,
                                 outlet_ar=a.outlet_ar)


@_compare(filename="fig08_keyness.png")
def test_fig08(a):
    return plotting.keyness_plot(stats.keyness(a.corpus, labels=a.outlet_of, min_count=3, top=8,
                                               exclude=stats.name_words()), top=5, outlet_ar=a.outlet_ar)


@_compare(filename="fig09_validation.png")
def test_fig09(a):
    return plotting.validation_plot(run_validation(SEEDS, VALIDATION).frame_scores, a.frame_labels)


@_compare(filename="fig10_validation_splits.png")
def test_fig10():
    # A fixed table in the shape of testbed.side_by_side() (the real one needs ../shared).
    import pandas as pd

    table = pd.DataFrame({"measure": ["act detected", "act with right speaker", "via"],
                          "seeds": [0.97, 0.95, 1.0], "n_seeds": [60, 60, 1],
                          "dev": [0.67, 0.42, float("nan")], "n_dev": [524, 524, 0]})
    return plotting.validation_splits_plot(table)

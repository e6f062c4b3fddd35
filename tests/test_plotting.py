import hashlib

import arabic_reshaper
import matplotlib
import pandas as pd
from bidi import get_display
from matplotlib import font_manager

from analysis import plotting


def test_font_is_registered_and_has_the_glyphs():
    path = font_manager.findfont("Amiri", fallback_to_default=False)
    assert "Amiri" in path
    from matplotlib.ft2font import FT2Font

    font = FT2Font(path)
    for ch in "اب%0123456789٪Aa":
        assert font.get_char_index(ord(ch)) != 0, ch


def test_shaping_detection_matches_the_running_matplotlib():
    major, minor = (int(x) for x in matplotlib.__version__.split(".")[:2])
    assert plotting.mpl_shapes_text() is ((major, minor) >= (3, 11))


def test_labels_untouched_where_matplotlib_shapes():
    text = "الأمن الجماعي"
    assert plotting.prepare_label(text, shaping=True) == text


def test_labels_reshaped_and_reordered_where_it_does_not():
    text = "الأمن الجماعي"
    out = plotting.prepare_label(text, shaping=False)
    assert out == get_display(arabic_reshaper.reshape(text))
    assert out != text and any("\ufe70" <= c <= "\ufeff" for c in out)      # presentation forms
    assert plotting.prepare_label("Latin only 50%", shaping=False) == "Latin only 50%"
    two = plotting.prepare_label("Soft power\nالقوة الناعمة", shaping=False)
    assert two.split("\n")[0] == "Soft power"


def _digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_exports_are_deterministic_and_print_ready(tmp_path):
    data = pd.DataFrame({"outlet": ["A", "B"], "role": ["body", "body"], "n_words": [10, 20]})
    paths = []
    for k in range(2):
        fig = plotting.corpus_structure_plot(data, outlet_ar={"A": "أ", "B": "ب"})
        paths.append(plotting.save_figure(fig, "f", data, tmp_path / str(k)))
        plotting.close(fig)
    for a, b in zip(*paths):
        assert _digest(a) == _digest(b), a.name
    pdf = (tmp_path / "0" / "f.pdf").read_bytes()
    assert b"/FontFile2" in pdf and b"Amiri" in pdf          # TrueType (Type 42) embedded
    assert b"CreationDate" not in pdf
    svg = (tmp_path / "0" / "f.svg").read_text(encoding="utf-8")
    assert "<text" not in svg and "<dc:date>" not in svg      # text as paths, no date
    assert not list((tmp_path / "0").glob(".*"))              # no temporary files left
    assert pd.read_csv(tmp_path / "0" / "f.csv").equals(data)


def test_source_type_labels_follow_the_home_country():
    import pandas as pd

    from analysis import plotting

    counts = pd.DataFrame({"outlet": ["A", "A"], "speaker_type": ["home_official", "foreign_official"],
                           "count": [3, 1], "share": [0.75, 0.25]})
    fig = plotting.source_type_bars(counts, home_country="SA")
    labels = [t.get_text() for t in fig.axes[0].get_legend().get_texts()]
    assert any(lab.startswith("Saudi official") for lab in labels), labels
    fig = plotting.source_type_bars(counts)
    labels = [t.get_text() for t in fig.axes[0].get_legend().get_texts()]
    assert any(lab.startswith("Moroccan official") for lab in labels), labels
    plotting.close(fig)

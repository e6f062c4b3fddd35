"""Stylesheet-free, direction-aware HTML tables (analysis.html_tables)."""
import re

import pandas as pd
import pytest

from analysis.markers import kwic
from analysis.html_tables import HtmlTable, starts_arabic


def test_arabic_cells_are_rtl_and_latin_cells_isolated_ltr():
    df = pd.DataFrame({"doc_id": ["001_unknown"], "pattern": ["استباق*"], "n": [3]})
    out = HtmlTable(df).to_html()
    assert "<style" not in out and "class=" not in out           # nothing a sanitiser drops
    assert '<td dir="rtl"' in out and "استباق*</td>" in out        # wildcard stays at the word's end
    assert '<bdi dir="ltr">001_unknown</bdi>' in out
    assert out.startswith('<div dir="ltr" style="overflow-x:auto"><table dir="ltr"')


def test_direction_follows_the_columns_or_the_caller():
    ar = pd.DataFrame({"a": ["نص"], "b": ["كلمة"], "id": ["x1"]})
    assert HtmlTable(ar).rtl and not HtmlTable(ar, direction="ltr").rtl
    with pytest.raises(ValueError, match="direction"):
        HtmlTable(ar, direction="up")


def test_arabic_text_is_mostly_arabic_letters_and_not_a_url():
    assert starts_arabic("«الأمن» قال")
    assert not starts_arabic("https://example.org/الأمن-الجماعي-في-المنطقة")
    assert not starts_arabic("'اليوم' is quoted in an English note")
    assert starts_arabic("12 نوفمبر")                          # digits are weak


def test_text_align_values_survive_jupyterlab_sanitiser():
    out = HtmlTable(pd.DataFrame({"a": ["x"], "b": ["نص"]})).to_html()
    assert set(re.findall(r"text-align:(\w+)", out)) <= {"left", "right", "center"}


def test_kwic_html_is_rtl_with_inline_styles(seeds):
    from analysis.markers import markers_frame

    html = kwic(markers_frame(seeds), frame="soft_power").to_html()
    assert '<table dir="rtl"' in html and "<style" not in html
    assert "font-weight:bold" in html
    assert re.search(r'<td style="[^"]*"><bdi dir="ltr">000_', html)


def test_show_keeps_notebooks_small_and_says_how_many_rows_are_left():
    from analysis.html_tables import show

    table = show(pd.DataFrame({"n": range(250)}))
    assert table.to_html().count("<tr>") == 201 and "50 more rows" in table.to_html()
    assert repr(table).endswith("… 50 more rows")

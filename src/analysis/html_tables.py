"""Tables that read right in JupyterLab and in the replication report.

JupyterLab drops ``<style>`` blocks from untrusted output (a notebook a user opens from
the repository is untrusted), so a table that relies on CSS loses its alignment and bold
the moment it is opened. The HTML here needs no stylesheet: every style is an inline
``style`` attribute, and direction is plain HTML:

* a table whose columns are mostly Arabic text is ``dir="rtl"`` (its first column stands on
  the right; ``direction=`` decides otherwise, as the KWIC table does);
* a cell whose text starts in Arabic is ``dir="rtl"``, so a wildcard or punctuation at the
  end of a word stays at its (left) end (``استباق*``, not ``*استباق``);
* any other cell (ids, outlet names, numbers, English notes, URLs) is wrapped in
  ``<bdi dir="ltr">``, isolated from the Arabic around it, so ``001_unknown`` reads left
  to right; short values (no space) never wrap.

The text form (``repr``) is the plain table, so notebook outputs compare the same on
every run (nbval).
"""
from __future__ import annotations

import html
import re
from typing import Iterable, Mapping

import pandas as pd

__all__ = ["HtmlTable", "show", "has_arabic", "starts_arabic", "CELL_STYLE", "HEAD_STYLE"]

_ARABIC = re.compile(r"[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]")
CELL_STYLE = "padding:2px 8px;border-bottom:1px solid #ddd;vertical-align:top;white-space:normal;word-break:normal;overflow-wrap:normal"
HEAD_STYLE = "padding:2px 8px;border-bottom:2px solid #444;white-space:nowrap"


def has_arabic(value) -> bool:
    """True when the value's text contains an Arabic letter."""
    return bool(_ARABIC.search(str(value)))


def starts_arabic(value) -> bool:
    """True when the value is Arabic text: more Arabic letters than Latin ones, and not a
    URL. Such a cell is a right-to-left paragraph; an English note quoting an Arabic word,
    or a URL with an Arabic slug, stays left-to-right."""
    import unicodedata

    text = str(value)
    if re.match(r"^[a-z][a-z0-9+.-]*://", text, re.IGNORECASE):
        return False
    arabic = latin = 0
    for ch in text:
        kind = unicodedata.bidirectional(ch)
        if kind in ("R", "AL"):
            arabic += 1
        elif kind == "L":
            latin += 1
    return arabic > latin


def _format(value) -> str:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    if isinstance(value, float):
        if value == int(value):
            return f"{int(value)}"
        if abs(value) < 0.001:
            return f"{value:.2g}"
        return f"{value:.3f}".rstrip("0").rstrip(".")
    return str(value)


class HtmlTable:
    """A DataFrame rendered as stylesheet-free, direction-aware HTML (see module docstring).

    Args:
        data: the table.
        caption: shown above the table.
        column_styles: extra inline CSS per column (e.g. ``{"match": "font-weight:bold"}``).
        nowrap: columns whose cells never wrap (short ids, contexts).
        max_rows: rows shown in HTML (the rest counted in a last line); ``None``: all.
        direction: ``"rtl"`` or ``"ltr"``; ``None`` decides from the columns (:attr:`rtl`).
    """

    def __init__(self, data: pd.DataFrame, caption: str = "", *,
                 column_styles: Mapping[str, str] | None = None, nowrap: Iterable[str] = (),
                 max_rows: int | None = None, direction: str | None = None):
        if direction not in (None, "rtl", "ltr"):
            raise ValueError(f"direction must be 'rtl', 'ltr' or None, not {direction!r}")
        self.direction = direction
        self.data = data
        self.caption = caption
        self.column_styles = dict(column_styles or {})
        self.nowrap = set(nowrap)
        self.max_rows = max_rows

    @property
    def rtl(self) -> bool:
        """Right-to-left when more than half of the columns hold text that starts in Arabic
        (or ``direction`` says so)."""
        if self.direction is not None:
            return self.direction == "rtl"
        arabic = sum(bool(self.data[c].map(starts_arabic).any()) for c in self.data.columns
                     if not pd.api.types.is_numeric_dtype(self.data[c]))
        return arabic * 2 > len(self.data.columns)

    def _cell(self, tag: str, value, column: str, base: str, rtl: bool) -> str:
        text = _format(value)
        arabic = starts_arabic(text)
        short = len(text) <= 40 and " " not in text  # ids, dates, numbers, URLs: never broken
        style = base + (";white-space:nowrap" if column in self.nowrap or short else "")
        # Explicit left/right: JupyterLab's sanitiser keeps text-align only with these values.
        style += f";text-align:{'right' if (arabic or rtl) else 'left'}"
        extra = self.column_styles.get(column, "") if tag == "td" else ""
        style = f"{style};{extra}" if extra else style
        if arabic:
            return f'<{tag} dir="rtl" style="{style}">{html.escape(text)}</{tag}>'
        inner = f'<bdi dir="ltr">{html.escape(text)}</bdi>' if text else ""
        return f'<{tag} style="{style}">{inner}</{tag}>'

    def to_html(self) -> str:
        direction = "rtl" if self.rtl else "ltr"
        rtl = direction == "rtl"
        # The scroll box takes the table's direction, so a wide right-to-left table overflows
        # on its left and its first column (on the right) stays in view.
        parts = [f'<div dir="{direction}" style="overflow-x:auto"><table dir="{direction}" style="border-collapse:collapse;font-size:0.9em;margin:0">']
        if self.caption:
            parts.append(f'<caption style="text-align:start;font-weight:bold;padding:2px 0">'
                         f'{html.escape(self.caption)}</caption>')
        parts.append("<thead><tr>" + "".join(self._cell("th", c, c, HEAD_STYLE, rtl) for c in self.data.columns)
                     + "</tr></thead><tbody>")
        rows = self.data if self.max_rows is None else self.data.head(self.max_rows)
        for row in rows.itertuples(index=False):
            parts.append("<tr>" + "".join(self._cell("td", v, c, CELL_STYLE, rtl)
                                          for c, v in zip(self.data.columns, row)) + "</tr>")
        parts.append("</tbody></table></div>")
        if self.max_rows is not None and len(self.data) > self.max_rows:
            parts.append(f"<p><bdi dir=\"ltr\">… {len(self.data) - self.max_rows} more rows</bdi></p>")
        if not len(self.data):
            parts.append("<p><em>(no rows)</em></p>")
        return "".join(parts)

    def _repr_html_(self) -> str:
        return self.to_html()

    def __repr__(self) -> str:
        head = f"{self.caption}\n" if self.caption else ""
        if not len(self.data):
            return head + "(no rows)"
        rows = self.data if self.max_rows is None else self.data.head(self.max_rows)
        more = len(self.data) - len(rows)
        return head + rows.to_string(index=False) + (f"\n… {more} more rows" if more else "")

    def __len__(self) -> int:
        return len(self.data)


def show(data: pd.DataFrame, caption: str = "", *, max_rows: int | None = 200, **options) -> HtmlTable:
    """The table for a notebook cell: ``show(df)`` displays it right in JupyterLab (the
    first ``max_rows`` rows, so a notebook run on a large corpus stays small; the whole
    table is the DataFrame itself). See :class:`HtmlTable` for the options."""
    return HtmlTable(data, caption, max_rows=max_rows, **options)

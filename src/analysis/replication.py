"""The replication report (``make report``): one self-contained HTML page for a reviewer.

``python -m analysis.replication [--out report/index.html]`` builds, from the executed
notebooks and the project's data, a page that needs no Jupyter and no network:

* the corpus table with its provenance (manifest: dates, their certainty and evidence,
  URLs, outlet certainty), and the size of every document;
* every figure of the notebooks, taken from their committed outputs, with its heading;
* the validation in-sample (the seeds' hand coding) and out-of-sample (the attribution
  test bed's dev and test splits, :func:`analysis.testbed.side_by_side`, when the
  SaudiNewsNet corpus is present next to the project), each with n;
* the versions of the codebook and the gazetteer (with the SHA-256 of their files) and of
  every pinned package, and the commands that reproduce everything.

Images are embedded as ``data:`` URIs and the Amiri font as an ``@font-face`` data URI,
so Arabic is shaped and laid out right-to-left in any browser, with or without Arabic
system fonts. Nothing in the page depends on the time or the machine (no dates, no
paths), so two builds give the same bytes.
"""
from __future__ import annotations

import argparse
import base64
import hashlib
import html
import json
import platform
import re
import sys
from importlib import metadata, resources
from pathlib import Path

import pandas as pd

from .atomic import atomic_path
from .html_tables import HtmlTable

__all__ = ["build_report", "notebook_figures", "corpus_table", "package_versions", "main"]

ROOT = Path(__file__).resolve().parents[2]
_FIGURE_HEADING = re.compile(r"^#+\s*(Figure\s+\d+.*)$", re.MULTILINE)
_PROVENANCE = ["doc_id", "outlet", "outlet_ar", "date_start", "date_end", "date_certainty",
               "date_evidence", "outlet_certainty", "outlet_evidence", "url"]
_PAGE_STYLE = """
@font-face { font-family: "Amiri"; src: url(data:font/ttf;base64,{font}) format("truetype"); }
body { font-family: "Amiri", serif; max-width: 1100px; margin: 2em auto; padding: 0 1em; line-height: 1.45; }
h1, h2, h3 { font-weight: bold; }
figure { margin: 1.5em 0; }
figure img { max-width: 100%; height: auto; border: 1px solid #eee; }
figcaption { font-size: 0.95em; color: #333; }
pre, code { font-family: monospace; font-size: 0.9em; }
pre { background: #f6f6f6; padding: 0.6em; overflow-x: auto; }
.note { color: #444; font-size: 0.95em; }
"""


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def notebook_figures(notebooks_dir: Path) -> list[dict]:
    """The figures of the executed notebooks, in order: ``notebook``, ``heading`` (the
    closest "Figure N · …" heading above the cell), ``text`` (the markdown under that
    heading) and ``png`` (bytes of the committed output)."""
    out = []
    for path in sorted(Path(notebooks_dir).glob("[0-9]*.ipynb")):
        nb = json.loads(path.read_text(encoding="utf-8"))
        heading, text = "", ""
        for cell in nb.get("cells", []):
            source = "".join(cell.get("source", []))
            if cell.get("cell_type") == "markdown":
                m = _FIGURE_HEADING.search(source)
                if m:
                    heading = m.group(1).strip()
                    text = source[m.end():].strip()
                continue
            for output in cell.get("outputs", []):
                png = output.get("data", {}).get("image/png")
                if png:
                    png = "".join(png) if isinstance(png, list) else png
                    out.append({"notebook": path.name, "heading": heading or path.stem,
                                "text": text, "png": base64.b64decode(png)})
    return out


def corpus_table(corpus_path: Path) -> pd.DataFrame:
    """One row per document: provenance from the manifest (when the corpus is a folder
    with one) and size from the corpus layer."""
    from .report import analyse

    a = analyse(corpus_path)
    docs = a.documents[["doc_id", "n_words", "n_paragraphs", "n_sentences"]]
    manifest = Path(corpus_path) / "manifest.csv"
    if manifest.exists():
        meta = pd.read_csv(manifest, dtype=str, keep_default_na=False)
        meta = meta[[c for c in _PROVENANCE if c in meta.columns]]
        return meta.merge(docs, on="doc_id", how="left")
    return a.documents[[c for c in ("doc_id", "outlet", "outlet_ar", "date", "date_certainty", "n_words")
                        if c in a.documents.columns]]


def package_versions() -> pd.DataFrame:
    """Python and the packages pinned in requirements/direct.txt (as installed)."""
    rows = [{"package": "python", "version": platform.python_version()}]
    direct = ROOT / "requirements" / "direct.txt"
    names = []
    if direct.exists():
        for line in direct.read_text(encoding="utf-8").splitlines():
            line = line.split("#")[0].strip()
            if line:
                names.append(re.split(r"[=<>!~ ]", line, maxsplit=1)[0])
    names += ["camel-tools", "playwright"]
    for name in dict.fromkeys(names):
        try:
            rows.append({"package": name, "version": metadata.version(name)})
        except metadata.PackageNotFoundError:
            rows.append({"package": name, "version": "not installed"})
    return pd.DataFrame(rows)


def _data_versions() -> pd.DataFrame:
    import yaml

    rows = []
    for name, what in (("frames.yaml", "codebook"), ("sources.yaml", "gazetteer")):
        path = Path(str(resources.files("analysis") / "data" / name))
        version = yaml.safe_load(path.read_text(encoding="utf-8")).get("version", "")
        rows.append({"file": f"src/analysis/data/{name}", "what": what, "version": str(version),
                     "sha256": _sha256(path)})
    return pd.DataFrame(rows)


def _markdown_inline(text: str) -> str:
    """A notebook's markdown paragraph as HTML: escaped, with `code`, **bold** and *italic*."""
    out = html.escape(" ".join(text.split()))
    out = re.sub(r"`([^`]+)`", r"<code>\1</code>", out)
    out = re.sub(r"\*\*([^*]+)\*\*", r"<b>\1</b>", out)
    return re.sub(r"(?<![\w*])\*([^*\s][^*]*)\*(?![\w*])", r"<i>\1</i>", out)


def _img(png: bytes, alt: str, pixels_per_inch: int = 135) -> str:
    """The PNG as a data URI, shown at ``pixels_per_inch`` per inch of paper (as in the
    notebooks): a single-column figure stays half as wide as a double-column one."""
    import io

    from PIL import Image

    with Image.open(io.BytesIO(png)) as im:
        inches = im.size[0] / (im.info.get("dpi", (300, 300))[0] or 300)
    width = int(round(inches * pixels_per_inch))
    return (f'<img src="data:image/png;base64,{_b64(png)}" alt="{html.escape(alt)}" '
            f'style="width:{width}px">')


def _validation_sections(corpus_path: Path, annotations: Path) -> list[str]:
    from .errors import AnnotationError
    from .report import hand_coding_status, run_validation

    parts = ["<h2>Validation</h2>",
             "<p class=\"note\">In-sample: the seeds, on which the codebook and the attribution rules "
             "were written (optimistic). Out-of-sample: the attribution test bed, SaudiNewsNet articles "
             "coded by written rules, never used to write them (dev: looked at; test: frozen).</p>"]
    coded, why = hand_coding_status(corpus_path, annotations)
    if coded:
        v = run_validation(corpus_path, annotations)
        parts.append(f"<h3>In-sample: framing markers (codebook {html.escape(v.codebook_version)})</h3>")
        parts.append(HtmlTable(v.frame_scores).to_html())
        parts.append("<h3>In-sample: agreement</h3>" + HtmlTable(v.agreement).to_html())
        if len(v.attribution_scores):
            parts.append("<h3>In-sample: source attribution</h3>" + HtmlTable(v.attribution_scores).to_html())
    else:
        parts.append(f"<p>{html.escape(why)}</p>")
    parts.append("<h3>Attribution in-sample and out-of-sample, side by side</h3>")
    try:
        from .testbed import side_by_side

        table = side_by_side()
    except (FileNotFoundError, AnnotationError, ImportError) as err:
        table = None
        reason = str(err)
    else:
        reason = "no split could be scored"
    if table is None or not len(table):
        parts.append(f"<p class=\"note\">Not available in this build: {html.escape(reason)}. "
                     f"The test bed needs the SaudiNewsNet corpus at ../shared/corpora/saudinewsnet "
                     f"and its coding in validation/attributions/.</p>")
    else:
        parts.append("<p class=\"note\">F1 (detection, speaker, strict) and accuracies over matched acts "
                     "(type, mode); n = coded acts (matched acts for the accuracies). Figure 10 above draws "
                     "this table.</p>")
        parts.append(HtmlTable(table).to_html())
    return parts


def build_report(out: str | Path = "report/index.html", *, corpus_path: str | Path | None = None,
                 annotations: str | Path | None = None, notebooks_dir: str | Path | None = None) -> Path:
    """Write the replication report to ``out`` (atomically) and return its path."""
    import fontpkg_amiri

    corpus_path = Path(corpus_path) if corpus_path else ROOT / "seeds"
    annotations = Path(annotations) if annotations else ROOT / "validation"
    notebooks_dir = Path(notebooks_dir) if notebooks_dir else ROOT / "notebooks"
    font = Path(fontpkg_amiri.ROOT, "files", "Amiri-Regular.ttf").read_bytes()
    parts = ["<!DOCTYPE html>", '<html lang="en" dir="ltr"><head><meta charset="utf-8">',
             "<title>Replication report · Arabic media discourse analysis</title>",
             "<style>" + _PAGE_STYLE.replace("{font}", _b64(font)) + "</style></head><body>",
             "<h1>Replication report</h1>",
             '<p>Framing markers and source attribution in Arabic news: the corpus, every figure of the '
             'notebooks, the validation in and out of sample, and how to reproduce them. '
             '<span lang="ar" dir="rtl">تقرير إعادة الإنتاج: المدوّنة والأشكال والتحقق.</span></p>']
    # Corpus
    corpus = corpus_table(corpus_path)
    parts.append("<h2>Corpus</h2>")
    parts.append(f"<p>{len(corpus)} documents from <bdi dir=\"ltr\">{html.escape(corpus_path.name)}/</bdi>; "
                 "dates are ISO 8601 with their certainty (found, inferred, unknown) and the evidence.</p>")
    parts.append(HtmlTable(corpus).to_html())
    # Figures
    parts.append("<h2>Figures</h2>")
    figures = notebook_figures(notebooks_dir)
    for f in figures:
        caption = html.escape(f["heading"]) + (f" — {_markdown_inline(f['text'])}" if f["text"] else "")
        parts.append(f"<figure>{_img(f['png'], f['heading'])}<figcaption>{caption} "
                     f"<span class=\"note\">(<bdi dir=\"ltr\">{html.escape(f['notebook'])}</bdi>)</span>"
                     f"</figcaption></figure>")
    if not figures:
        parts.append("<p>No figures: run <code>make figures</code> first.</p>")
    # Validation
    parts += _validation_sections(corpus_path, annotations)
    # Versions and commands
    parts.append("<h2>Versions</h2><h3>Codebook and gazetteer</h3>" + HtmlTable(_data_versions()).to_html())
    parts.append("<h3>Packages</h3>" + HtmlTable(package_versions()).to_html())
    parts.append("<h2>Reproduce</h2><pre>"
                 "git clone &lt;this repository&gt; &amp;&amp; cd &lt;it&gt;\n"
                 "make figures   # creates .venv from requirements/lock.txt, executes notebooks/*.ipynb, writes figures/\n"
                 "make report    # this page: report/index.html\n"
                 "make test      # unit, notebook (nbval), image (pytest-mpl) and browser tests\n"
                 "# another corpus, one notebook at a time (papermill parameters):\n"
                 ".venv/bin/papermill notebooks/02_framing.ipynb out.ipynb -p corpus MY_CORPUS -p figures_dir MY_FIGURES\n"
                 ".venv/bin/papermill notebooks/05_validation.ipynb out.ipynb -p corpus MY_CORPUS "
                 "-p annotations MY_CODING -p figures_dir MY_FIGURES"
                 "</pre>")
    parts.append("</body></html>\n")
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    with atomic_path(out) as tmp:
        Path(tmp).write_text("\n".join(parts), encoding="utf-8")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m analysis.replication",
                                     description="Build the self-contained replication report.")
    parser.add_argument("--out", type=Path, default=Path("report/index.html"))
    args = parser.parse_args(argv)
    path = build_report(args.out)
    print(f"wrote {path} ({path.stat().st_size:,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

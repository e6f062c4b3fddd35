"""The notebooks run on another corpus through their papermill parameters, without
touching the project's own figures; 05_validation, given no hand coding of that corpus,
says what to pass and runs the parts it can."""
import json

import pytest

from conftest import ROOT

pytestmark = pytest.mark.slow

# Invented sentences (written for this test), two outlets.
DOCS = [
    {"id": "t1", "outlet": "Desert Daily", "text": "قال وزير الخارجية إن الدبلوماسية الأمنية للمملكة تقوم على التعاون.\nوأضاف أن الشراكة مع الدول الصديقة متينة."},
    {"id": "t2", "outlet": "Desert Daily", "text": "أكد مصدر مطلع أن الاجتماع سيعقد الأسبوع المقبل.\nوقال الخبير إن الأمن الجماعي مسؤولية مشتركة."},
    {"id": "t3", "outlet": "Gulf Evening", "text": "ذكرت الصحيفة أن المؤتمر ناقش القوة الناعمة.\nوقال المتحدث: \"نحن شريك موثوق\"."},
]


@pytest.fixture(scope="module")
def other_corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("elsewhere")
    path = folder / "mine.jsonl"
    path.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in DOCS), encoding="utf-8")
    return path


def _run(notebook, out, **parameters):
    papermill = pytest.importorskip("papermill")
    return papermill.execute_notebook(str(ROOT / "notebooks" / notebook), str(out), parameters=parameters,
                                      cwd=str(ROOT / "notebooks"), kernel_name="python3", progress_bar=False)


def _text(nb):
    parts = []
    for cell in nb["cells"]:
        for o in cell.get("outputs", []):
            parts.append("".join(o.get("text", "")) + "".join(o.get("data", {}).get("text/plain", "")))
    return "\n".join(parts)


def test_validation_notebook_says_what_to_pass(other_corpus, tmp_path):
    before = {p.name: p.stat().st_mtime_ns for p in (ROOT / "figures").iterdir()}
    nb = _run("05_validation.ipynb", tmp_path / "05.ipynb", corpus=str(other_corpus),
              annotations=str(ROOT / "validation"), figures_dir=str(tmp_path))
    text = _text(nb)
    assert "-p annotations FOLDER" in text and "not in" in text
    assert "3 documents" in text and "markers found" in text and "acts found" in text
    assert "Figure 9 not drawn" in text
    assert {p.name: p.stat().st_mtime_ns for p in (ROOT / "figures").iterdir()} == before


def test_framing_notebook_runs_on_another_corpus(other_corpus, tmp_path):
    nb = _run("02_framing.ipynb", tmp_path / "02.ipynb", corpus=str(other_corpus), figures_dir=str(tmp_path))
    assert "3 documents" in _text(nb)
    assert (tmp_path / "fig02_frame_rates.png").exists() and (tmp_path / "fig03_frame_presence.png").exists()

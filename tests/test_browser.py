"""The report and the notebooks as readers see them: in a real browser.

Playwright drives Debian's chromium (``/usr/bin/chromium``, installed by ``make test``
when missing and root; never a downloaded browser) headless, to check

* the replication report: every figure loads, Arabic cells are laid out right-to-left
  and drawn in the embedded Amiri font;
* JupyterLab (the pinned version, started on a free local port with a token, on a copy of
  a committed notebook): the KWIC table is right-to-left and its Latin doc ids read
  left-to-right, from the committed outputs (the notebook is untrusted, so no ``<style>``).

Screenshots are written to the test's temporary folder (printed at the end of each test).
Where chromium or Playwright is missing the tests skip and say why.
"""
from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from conftest import ROOT

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]

# JavaScript: is the text of ``el`` drawn right-to-left? Compares the screen position of
# its first and last characters (logical order). Returns {first, last, dir}.
_VISUAL_ORDER = """el => {
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  const node = walker.nextNode();
  const text = node.textContent;
  let a = 0, b = text.length - 1;
  while (a < b && /\\s/.test(text[a])) a++;
  while (b > a && /\\s/.test(text[b])) b--;
  const rect = i => { const r = document.createRange(); r.setStart(node, i); r.setEnd(node, i + 1);
                      return r.getBoundingClientRect(); };
  return {first: rect(a).left, last: rect(b).left, dir: getComputedStyle(el).direction,
          text: text.trim()};
}"""


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} not found: `make test` installs Debian's chromium when run as root "
                    f"(apt-get); install it with `sudo apt-get install chromium` to run the browser tests")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed "
                                   "(requirements/lock.txt pins it; `make test` installs it)")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        yield b
        b.close()


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    from analysis.replication import build_report

    return build_report(tmp_path_factory.mktemp("report") / "index.html")


def test_report_figures_load_and_arabic_is_right_to_left(browser, report, tmp_path):
    page = browser.new_page(viewport={"width": 1200, "height": 900})
    page.goto(report.as_uri())
    page.wait_for_load_state("load")
    images = page.eval_on_selector_all(
        "img", "els => els.map(e => ({ok: e.complete && e.naturalWidth > 0, w: e.naturalWidth, alt: e.alt}))")
    assert len(images) >= 9, images
    assert all(i["ok"] for i in images), [i for i in images if not i["ok"]]
    assert page.evaluate("document.fonts.check('16px Amiri', 'مسؤول')")
    cell = page.locator("td[dir=rtl]").first
    order = cell.evaluate(_VISUAL_ORDER)
    assert order["dir"] == "rtl"
    assert order["first"] > order["last"], order          # first letter drawn rightmost
    ltr = page.locator("td bdi[dir=ltr]").first.evaluate(_VISUAL_ORDER)
    assert ltr["dir"] == "ltr" and ltr["first"] < ltr["last"], ltr
    page.screenshot(path=str(tmp_path / "report_top.png"))
    page.locator("figure").nth(1).scroll_into_view_if_needed()
    page.screenshot(path=str(tmp_path / "report_figure.png"))
    page.close()
    print(f"screenshots: {tmp_path}")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def jupyterlab(tmp_path_factory):
    """JupyterLab on a free local port with a token, serving a copy of 02_framing.ipynb."""
    work = tmp_path_factory.mktemp("lab")
    shutil.copy(ROOT / "notebooks" / "02_framing.ipynb", work / "02_framing.ipynb")
    # No news or update pop-up over the page (and no network call for them).
    settings = work / ".settings" / "@jupyterlab" / "apputils-extension"
    settings.mkdir(parents=True)
    (settings / "notification.jupyterlab-settings").write_text(
        '{"fetchNews": "false", "checkForUpdates": false}', encoding="utf-8")
    port, token = _free_port(), "kwic-browser-test"
    env = {**os.environ, "JUPYTER_CONFIG_DIR": str(work / ".cfg"), "JUPYTER_RUNTIME_DIR": str(work / ".run"),
           "JUPYTERLAB_WORKSPACES_DIR": str(work / ".ws"), "JUPYTERLAB_SETTINGS_DIR": str(work / ".settings")}
    cmd = [sys.executable, "-m", "jupyterlab", "--no-browser", "--allow-root", f"--port={port}",
           "--ip=127.0.0.1", f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={work}",
           "--ServerApp.port_retries=0", "--LabApp.news_url=", "--LabServerApp.extension_manager=readonly"]
    log = (work / "lab.log").open("w")
    proc = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, env=env, cwd=work)
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(120):
            if proc.poll() is not None:
                pytest.fail(f"JupyterLab exited: {(work / 'lab.log').read_text()[-2000:]}")
            try:
                urllib.request.urlopen(f"{url}/api/status?token={token}", timeout=1)
                break
            except OSError:
                time.sleep(0.5)
        else:
            pytest.fail("JupyterLab did not start within 60 s")
        yield url, token
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()


def test_jupyterlab_kwic_is_right_to_left_with_ids_left_to_right(browser, jupyterlab, tmp_path):
    url, token = jupyterlab
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.goto(f"{url}/lab/tree/02_framing.ipynb?token={token}&reset")
    table = page.locator(".jp-OutputArea-output table[dir=rtl]").filter(has_text="security_diplomacy").first
    table.wait_for(state="attached", timeout=60_000)
    table.scroll_into_view_if_needed()
    page.wait_for_timeout(500)
    assert table.evaluate("t => getComputedStyle(t).direction") == "rtl"
    # The first column (doc_id) stands on the right in a right-to-left table.
    first_col = table.locator("thead th").nth(0).bounding_box()
    last_col = table.locator("thead th").last.bounding_box()
    assert first_col["x"] > last_col["x"], (first_col, last_col)
    doc_id = table.locator("tbody tr td bdi[dir=ltr]").first
    order = doc_id.evaluate(_VISUAL_ORDER)
    assert order["dir"] == "ltr" and order["first"] < order["last"], order
    assert "_" in order["text"]                                # a whole id, e.g. 000_507e…
    match = table.locator("tbody tr td").nth(4)                # the match: bold, from an inline style
    assert int(match.evaluate("e => getComputedStyle(e).fontWeight")) >= 600
    context = table.locator("tbody tr td").nth(3).evaluate(_VISUAL_ORDER)
    assert context["dir"] == "rtl" and context["first"] > context["last"], context
    page.screenshot(path=str(tmp_path / "jupyterlab_kwic.png"))
    table.screenshot(path=str(tmp_path / "jupyterlab_kwic_table.png"))
    # The codebook table: a wildcard pattern keeps its * at the (left) end of the word.
    wildcard = page.locator(".jp-OutputArea-output td[dir=rtl]").filter(has_text=re.compile(r"^\s*\S+\*\s*$")).first
    wildcard.scroll_into_view_if_needed()
    star = wildcard.evaluate(_VISUAL_ORDER)
    assert star["text"].endswith("*") and star["first"] > star["last"], star
    page.screenshot(path=str(tmp_path / "jupyterlab_codebook.png"))
    page.close()
    print(f"screenshots: {tmp_path}")


def test_report_is_self_contained_and_byte_identical_on_rebuild(report, tmp_path):
    from analysis.replication import build_report, notebook_figures

    text = report.read_text(encoding="utf-8")
    for section in ("<h2>Corpus</h2>", "<h2>Figures</h2>", "<h2>Validation</h2>", "<h2>Versions</h2>",
                    "<h2>Reproduce</h2>", "frames.yaml", "sources.yaml", "matplotlib", "make report"):
        assert section in text, section
    assert text.count('<img src="data:image/png;base64,') == len(notebook_figures(ROOT / "notebooks")) >= 10
    assert 'src="http' not in text and "<link" not in text and "<script" not in text   # nothing fetched
    assert str(ROOT) not in text and str(tmp_path) not in text                         # no machine paths
    again = build_report(tmp_path / "again.html")
    assert again.read_bytes() == report.read_bytes()

"""Hostile inputs: the cases of issue 12, on every corpus format, as a table of outcomes.

    python tests/hostile_inputs.py            # `make hostile`: full sizes
    python tests/hostile_inputs.py --quick    # small sizes, as tests/test_hostile.py runs it
    python tests/hostile_inputs.py --only 13  # the cases whose label starts with "13"

Each case builds its input in a temporary folder, in each corpus format it applies to
(folder + manifest.csv, .jsonl, .jsonl.gz, .csv, .parquet; ``-`` where the format does
not matter), runs the command line (in this process, or in a subprocess where the case
needs a signal, a time or memory limit, or a file size limit), and compares what happened
with what the issue expects. It prints one row per case and format:

    case | format | expected | outcome | OK/FAIL

and exits with status 1 if any row is FAIL. The texts are sentences written for this
script; nothing comes from a real article.
"""
from __future__ import annotations

import argparse
import contextlib
import csv
import gzip
import io
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import textwrap
import time
import warnings
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
VALIDATION = ROOT / "validation"
FORMATS = ("folder", "jsonl", "jsonl.gz", "csv", "parquet")
TABLE_FILES = sorted(f"{t}.{x}" for t in ("documents", "markers", "attributions") for x in ("csv", "parquet"))

# Sentences written for this script: "the minister said that security cooperation with
# Morocco is excellent", "the spokesman added that the meeting discussed terrorism", "the
# expert considered that the agency plays a central role".
SENTENCES = ("قال وزير الداخلية إن التعاون الأمني مع المغرب ممتاز.",
             "وأضاف المتحدث أن الاجتماع ناقش مكافحة الإرهاب والجريمة المنظمة.",
             "واعتبر الخبير الأمني أن الوكالة تلعب دورا محوريا في المنطقة.")


def article(k: int, sentences: int = 6, sep: str = "\n") -> str:
    return sep.join(f"{SENTENCES[(k + j) % 3]} ({k}-{j})" for j in range(sentences))


def rows(n: int, **overrides) -> list[dict]:
    return [{"id": f"a{k:04d}", "outlet": f"Outlet {k % 3}", "date": f"2025-11-{1 + k % 28:02d}",
             "title": f"عنوان {k}", "text": article(k), **overrides} for k in range(n)]  # "title k"


# --------------------------------------------------------------------------- corpora

def write_corpus(folder: Path, fmt: str, records: list[dict], *, name: str = "corpus",
                 encoding: str = "utf-8", raw: bytes | None = None) -> Path:
    """``records`` (id, outlet, date, title, text and any other field) as a corpus of
    format ``fmt`` in ``folder``; ``raw`` replaces the encoded file (one-file formats)."""
    folder.mkdir(parents=True, exist_ok=True)
    if fmt == "folder":
        corpus = folder / name
        corpus.mkdir()
        with open(corpus / "manifest.csv", "w", encoding="utf-8", newline="") as fh:
            writer = csv.writer(fh)
            writer.writerow(["doc_id", "outlet"])
            for r in records:
                writer.writerow([r["id"], r["outlet"]])
        for r in records:
            (corpus / f"{r['id']}.txt").write_bytes(r["text"].encode(encoding, "surrogatepass"))
        return corpus
    path = folder / f"{name}.{fmt}"
    if fmt == "parquet":
        import pandas as pd

        pd.DataFrame(records).to_parquet(path, index=False)
        return path
    if raw is None:
        if fmt.startswith("jsonl"):
            text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
        else:
            buffer = io.StringIO(newline="")
            # Every field quoted: the csv module leaves a bare CR unquoted otherwise.
            writer = csv.DictWriter(buffer, fieldnames=list(records[0]), lineterminator="\n",
                                    quoting=csv.QUOTE_ALL)
            writer.writeheader()
            writer.writerows(records)
            text = buffer.getvalue()
        raw = text.encode(encoding, "surrogatepass")
    path.write_bytes(gzip.compress(raw, 1) if fmt.endswith(".gz") else raw)
    return path


def listing(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir()) if folder.is_dir() else []


# --------------------------------------------------------------------------- running

@dataclass
class Run:
    rc: int | None  # None: timed out (killed)
    out: str = ""
    err: str = ""
    seconds: float = 0.0
    error: str = ""  # an exception that escaped (a traceback the user would see)

    @property
    def lines(self) -> list[str]:
        return self.err.splitlines()

    def one_line_error(self, *needles: str) -> bool:
        """Status 2, one line on stderr starting with "error:", holding every needle."""
        return (self.rc == 2 and len(self.lines) == 1 and self.lines[0].startswith("error:")
                and "Traceback" not in self.err and all(n in self.err for n in needles))

    def summary(self) -> str:
        if self.error:
            return f"traceback: {self.error}"
        if self.rc is None:
            return f"still running after {self.seconds:.0f} s (killed)"
        first = self.lines[-1] if self.rc and self.lines else (self.lines[0] if self.lines else "")
        more = f" (+{len(self.lines) - 1} lines)" if len(self.lines) > 1 else ""
        return f"status {self.rc}: {first}{more}" if first else f"status {self.rc}"


def cli(*args, env_warnings: bool = True) -> Run:
    """The command line in this process (``analysis.cli.main``), output captured."""
    from analysis.cli import main

    out, err = io.StringIO(), io.StringIO()
    t0 = time.perf_counter()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err), warnings.catch_warnings():
        warnings.simplefilter("always")  # a fresh process shows every warning
        try:
            rc = main([str(a) for a in args])
        except SystemExit as exc:  # argparse
            rc = exc.code if isinstance(exc.code, int) else 2
        except BaseException as exc:  # what would be a traceback
            return Run(1, out.getvalue(), err.getvalue(), time.perf_counter() - t0,
                       f"{type(exc).__name__}: {str(exc)[:120]}")
    return Run(rc, out.getvalue(), err.getvalue(), time.perf_counter() - t0)


def subprocess_cli(*args, timeout: float = 120, preexec=None, code: str | None = None,
                   **popen) -> Run:
    """The command line (or ``code``) in a new process, killed after ``timeout`` s."""
    command = [sys.executable, "-c", code] if code else [sys.executable, "-m", "analysis", *map(str, args)]
    t0 = time.perf_counter()
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            preexec_fn=preexec, start_new_session=True, **popen)
    try:
        out, err = proc.communicate(timeout=timeout)
        return Run(proc.returncode, out, err, time.perf_counter() - t0)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        out, err = proc.communicate()
        return Run(None, out, err, time.perf_counter() - t0)


def _limits(fsize: int | None = None, memory: int | None = None, user: bool = False):
    def preexec():
        import resource

        if fsize is not None:
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # EFBIG instead of a kill
            resource.setrlimit(resource.RLIMIT_FSIZE, (fsize, fsize))
        if memory is not None:
            resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
        if user and os.geteuid() == 0:  # root reads every file: become nobody
            os.setgid(65534)
            os.setuid(65534)
    return preexec


def export(corpus, out, *extra) -> Run:
    return cli("export", "--corpus", corpus, "--out", out, "--no-progress", *extra)


def read(out: Path, table: str):
    from analysis.tables import read_table

    return read_table(out / table)


# --------------------------------------------------------------------------- cases

@dataclass
class Outcome:
    ok: bool | None  # None: not applicable here (skipped)
    text: str


@dataclass
class Case:
    label: str  # "defect number  short name"
    expected: str
    check: Callable[[Path, str, "Sizes"], Outcome]
    formats: tuple[str, ...] = FORMATS
    owner: str | dict = "12b"  # the half of issue 12 that fixes it: 12a input readers, 12b output
                               # (a dict: per format)
    separate: bool = False  # run in a thread of its own (subprocesses, waiting)
    quick: bool = True  # part of the --quick run


@dataclass
class Sizes:
    quick: bool

    @property
    def scale(self) -> float:
        return 0.25 if self.quick else 1.0


CASES: list[Case] = []


def case(label, expected, formats=FORMATS, owner="12b", separate=False, quick=True):
    def register(fn):
        CASES.append(Case(label, expected, fn, tuple(formats), owner, separate, quick))
        return fn
    return register


def _unchanged(path: Path, before) -> bool:
    return (listing(path) if path.is_dir() else path.read_bytes()) == before


def _snapshot(path: Path):
    return listing(path) if path.is_dir() else path.read_bytes()


# ---- 1: a corpus path holding [ ] * ? is a path, never a pattern
@case("1  corpus path with [ ] as its own --out", "refused or written beside it; corpus unchanged")
def bracketed_path(work, fmt, sizes):
    if fmt == "folder":
        corpus = write_corpus(work, fmt, rows(3), name="press[2025]")
        out = corpus
    else:
        corpus = write_corpus(work / "d[1]", fmt, rows(3), name="documents")
        out = corpus.parent
    before = _snapshot(corpus)
    run = export(corpus, out, "--format", "csv,parquet")
    replaces = fmt in ("folder", "csv", "parquet")  # documents.csv/.parquet, or inside a folder
    if not _unchanged(corpus, before):
        return Outcome(False, f"CORPUS CHANGED; {run.summary()}")
    if replaces:
        return Outcome(run.one_line_error("corpus"), run.summary())
    return Outcome(run.rc == 0 and "documents.csv" in listing(out), "written beside; corpus unchanged")


# ---- 2: line separators inside text fields
@case("2  bare CR (and U+2028, VT, FF) in text fields", "CSV rows = Parquet rows (csv module, pandas)")
def bare_cr(work, fmt, sizes):
    import pandas as pd

    seps = ["\r", "\u2028", "\x0b", "\x0c", "\x85"]
    records = [dict(r, title=f"عنوان\r{k}", text=article(k, sep=seps[k % len(seps)]))  # "title"
               for k, r in enumerate(rows(len(seps) * 2))]
    for k, r in enumerate(records):
        r["id"] = f"id\r{k}"  # a folder's ids are file names: "id\r0.txt"
    corpus = write_corpus(work, fmt, records)
    run = export(corpus, work / "out")
    if run.rc != 0:
        return Outcome(False, run.summary())
    problems = []
    for table in ("documents", "markers", "attributions"):
        n = len(pd.read_parquet(work / "out" / f"{table}.parquet"))
        with open(work / "out" / f"{table}.csv", encoding="utf-8", newline="") as fh:
            n_csv = len(list(csv.reader(fh))) - 1
        n_pandas = len(pd.read_csv(work / "out" / f"{table}.csv", dtype=str, keep_default_na=False))
        if not n_csv == n_pandas == n:
            problems.append(f"{table}: csv {n_csv}, pandas {n_pandas}, parquet {n}")
    return Outcome(not problems, "; ".join(problems) or "all three tables: same rows")


# ---- 3: near-linear time in document size
def _ratio_code(build: str, small: int, large: int) -> str:
    return textwrap.dedent(f"""
        import time
        from analysis.corpus import Document
        from analysis.pipeline import Analyzer
        analyzer = Analyzer()
        analyzer(Document("warm", "قال الوزير إن الأمن مهم.", {{}}))  # "the minister said security matters"
        S = {SENTENCES!r}
        def build(n):
            {build}
        times = []
        for n in ({small}, {large}):
            text = build(n)
            # CPU time of this process, best of three: the ratio is about the work, and on a
            # shared machine wall time of a 0.05 s run varies more than the ratio measured
            best = None
            for _ in range(3):
                t0 = time.process_time()
                analyzer(Document("x", text, {{"outlet": "A"}}))
                spent = time.process_time() - t0
                best = spent if best is None else min(best, spent)
            times.append(best)
        print(f"{{times[0]:.4f}} {{times[1]:.4f}} {{len(build({large})) / 1e6:.2f}}")
    """)


def _ratio(run: Run, limit: float = 8.0) -> Outcome:
    if run.rc != 0 or not run.out.strip():
        return Outcome(False, run.summary())
    small, large, mb = map(float, run.out.split())
    ratio = large / max(small, 1e-3)
    return Outcome(ratio < limit, f"4x the size: {ratio:.1f}x the time ({small:.2f} s, {large:.2f} s for {mb:.2f} MB)")


@case("3  pull quotes: time in article size", "4x the size, < 8x the time (quadratic: 16x)",
      formats=("-",), owner="12a", separate=True)
def pull_quote_time(work, fmt, sizes):
    # Distinct paragraphs that all look alike: every one a pull-quote candidate of every other.
    build = "return '\\n'.join(f'{S[k % 3]} {S[(k + 1) % 3]} {k}' for k in range(n))"
    # Each paragraph is compared with those within PULLQUOTE_WINDOW (250) body paragraphs
    # of it: time grows as n x min(n, window), so both sizes lie beyond twice the window
    # (below it, any windowed comparison grows as n squared by design).
    n = 600 if sizes.quick else 1250  # about 0.12 / 0.5 MB quick, 0.25 / 1 MB full
    # The timeout only stops a run that hangs; the ratio is the test. The quick run costs
    # about 20 CPU-s (six analyses, each with attribution), so on a loaded 2-core machine a
    # tighter limit kills a linear run.
    return _ratio(subprocess_cli(code=_ratio_code(build, n, 4 * n), timeout=150 if sizes.quick else 600))


@case("3  longest overlapping marker: time in matches", "4x the matches, < 8x the time (quadratic: 16x)",
      formats=("-",), owner="12a", separate=True)
def marker_overlap_time(work, fmt, sizes):
    # "الدبلوماسية الأمنية" (security diplomacy), a marker of the packaged codebook, n times.
    build = "return '. '.join(['الدبلوماسية الأمنية'] * n)"
    n = 600 if sizes.quick else 2000
    return _ratio(subprocess_cli(code=_ratio_code(build, n, 4 * n), timeout=40 if sizes.quick else 300))


# ---- 4: a codebook pattern cannot hang the run
@case("4  codebook pattern of 30 `_?` tokens", "refused on load naming frame and pattern, or linear",
      formats=("-",), owner="12a", separate=True)
def optional_tokens(work, fmt, sizes):
    import yaml

    from analysis.codebook import load_codebook

    data = yaml.safe_load(Path(load_codebook().path).read_text(encoding="utf-8"))
    frame = data["frames"][0]
    # "security", 30 optional words, "diplomatic"
    frame["patterns"].append({"id": "hostile_optional", "pattern": "امن " + "_? " * 30 + "دبلوماسي~"})
    codebook = work / "frames.yaml"
    codebook.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    # "security", 40 times "word", then "diplomacy" out of reach: every way to skip is tried.
    corpus = write_corpus(work, "jsonl", [dict(rows(1)[0], text="الأمن " + " ".join(["كلمة"] * 40) + " الدبلوماسية.")])
    limit = 10 if sizes.quick else 30
    run = subprocess_cli("export", "--corpus", corpus, "--out", work / "out", "--codebook", codebook,
                         timeout=limit)
    ok = run.one_line_error(frame["id"]) or (run.rc == 0 and run.seconds < limit)
    return Outcome(ok, run.summary())


# ---- 5: encodings and control characters
@case("5  UTF-16 without a byte-order mark", "one line naming the file and UTF-16 (or decoded right)",
      formats=("folder", "jsonl", "jsonl.gz", "csv"), owner="12a")
def utf16(work, fmt, sizes):
    records = rows(2)
    good = export(write_corpus(work / "utf8", fmt, records), work / "out8")
    corpus = write_corpus(work / "utf16", fmt, records, encoding="utf-16-le")
    run = export(corpus, work / "out16")
    if run.rc == 0:
        same = good.rc == 0 and read(work / "out8", "documents.csv")["n_words"].tolist() == \
            read(work / "out16", "documents.csv")["n_words"].tolist()
        return Outcome(same, "decoded as the UTF-8 copy" if same else f"read as junk: {run.summary()}")
    return Outcome(run.one_line_error("UTF-16"), run.summary())


@case("5  NUL and C0 control characters in text", "reported, naming the file (and line)", owner="12a")
def control_characters(work, fmt, sizes):
    records = rows(2)
    records[1]["text"] = records[1]["text"].replace("المتحدث", "المت\x00حدث\x07")  # "the spokesman"
    corpus = write_corpus(work, fmt, records)
    run = export(corpus, work / "out")
    named = corpus.name in run.err and re.search(r"control|NUL|\\x00|U\+0000", run.err, re.I)
    return Outcome(bool(named) and "Traceback" not in run.err, run.summary())


# ---- 6: long CSV fields
@case("6  CSV article over 131,072 characters", "read whole, exported", formats=("csv",), owner="12a")
def long_csv_field(work, fmt, sizes):
    records = rows(2)
    records[1]["text"] = "\n".join(article(k) for k in range(600))  # about 200,000 characters
    corpus = write_corpus(work, fmt, records)
    run = export(corpus, work / "out")
    ok = run.rc == 0 and len(read(work / "out", "documents.csv")) == 2
    return Outcome(ok, f"{len(records[1]['text']):,} characters: " + run.summary())


# ---- 7 and 9: write failures
def _write_failure(work: Path, extra: tuple, fsize: int = 12_000) -> Outcome:
    out = work / "new" / "out"
    run = subprocess_cli("export", "--corpus", SEEDS, "--out", out, "--no-progress", *extra,
                         preexec=_limits(fsize=fsize), timeout=300)
    named = run.one_line_error(f"{out}/")
    left = listing(out) if out.exists() else "no folder"
    ok = named and not (work / "new").exists()
    return Outcome(ok, f"{run.summary()}; left: {left}")


@case("7  --dask export, a table cannot be written", "one line naming it; no table published, folders removed",
      formats=("folder",), separate=True, quick=False)  # a LocalCluster: slow; tests/test_pipeline.py has it
def dask_atomic(work, fmt, sizes):
    return _write_failure(work, ("--dask", "local", "--jobs", "1"))


@case("9  full disk", "one line naming the table; nothing left", formats=("folder",), separate=True)
def full_disk(work, fmt, sizes):
    # A 64 KB tmpfs gives the real "No space left on device" (root only); elsewhere a file
    # size limit gives EFBIG, the same kind of error: an OSError without a file name.
    mount = work / "small"
    mount.mkdir()
    if os.geteuid() != 0 or subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(mount)],
                                           capture_output=True).returncode != 0:
        return _write_failure(work, ())
    try:
        out = mount / "out"
        run = subprocess_cli("export", "--corpus", SEEDS, "--out", out, "--no-progress", timeout=300)
        ok = run.one_line_error(f"{out}/", "No space left on device") and not out.exists()
        return Outcome(ok, f"tmpfs: {run.summary()}; left: {listing(mount) or 'nothing'}")
    finally:
        subprocess.run(["umount", str(mount)], capture_output=True)


# ---- 8: one line, not a traceback
@case("8  JSON nested 100,000 deep", "one line naming file:line", formats=("jsonl", "jsonl.gz"), owner="12a")
def deep_json(work, fmt, sizes):
    line = '{"id": "x", "outlet": "A", "text": "' + SENTENCES[0] + '", "meta": ' + "[" * 100_000 + "]" * 100_000 + "}"
    good = json.dumps(rows(1)[0], ensure_ascii=False)
    corpus = write_corpus(work, fmt, [], raw=(good + "\n" + line + "\n").encode("utf-8"))
    run = export(corpus, work / "out")
    return Outcome(run.one_line_error(f"{corpus.name}:2"), run.summary())


def _gazetteer(work: Path, old: str, new: str) -> Path:
    from analysis.attribution import load_gazetteer

    text = Path(load_gazetteer().path).read_text(encoding="utf-8")
    assert old in text
    path = work / "sources.yaml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


@case("8  gazetteer `name: 123`", "one line naming the gazetteer; no folder created", formats=("-",))
def gazetteer_name(work, fmt, sizes):
    gazetteer = _gazetteer(work, "    name: عبد اللطيف حموشي\n", "    name: 123\n")  # the first person's name
    run = export(SEEDS, work / "out", "--gazetteer", gazetteer)
    return Outcome(run.one_line_error("sources.yaml", "name") and not (work / "out").exists(), run.summary())


@case("8  gazetteer cue given as a list", "one line naming the gazetteer", formats=("-",))
def gazetteer_cue(work, fmt, sizes):
    # The packaged gazetteer takes its cues from cues.yaml; inline verbs are added to them.
    gazetteer = _gazetteer(work, "  lexicon: cues.yaml\n", "  lexicon: cues.yaml\n  verbs:\n    - [[قال], يقول]\n")  # "said, says"
    run = export(SEEDS, work / "out", "--gazetteer", gazetteer)
    return Outcome(run.one_line_error("sources.yaml", "cues.verbs"), run.summary())


@case("8  --dask with a pattern that matches no file", "one line (with and without --glob)", formats=("-",))
def dask_no_match(work, fmt, sizes):
    pattern = work / "nothing" / "*.jsonl"
    plain = export(pattern, work / "out", "--dask", "local")
    globbed = export(pattern, work / "out", "--dask", "local", "--glob")
    ok = plain.one_line_error("no such file") and globbed.one_line_error("matches no corpus file") \
        and not (work / "out").exists()
    return Outcome(ok, f"{plain.summary()} | --glob: {globbed.summary()}")


def _long_corpus(work: Path, n: int) -> Path:
    return write_corpus(work, "jsonl", [dict(r, text=article(k, 12)) for k, r in enumerate(rows(n))], name="long")


def _start(work: Path, corpus: Path, out: Path, *extra, workers: int = 0) -> tuple[subprocess.Popen, list[int]]:
    import psutil

    proc = subprocess.Popen([sys.executable, "-m", "analysis", "export", "--corpus", str(corpus), "--out",
                             str(out), "--no-progress", *map(str, extra)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, start_new_session=True)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        children = psutil.Process(proc.pid).children()
        if listing(out) and len(children) >= workers:
            time.sleep(0.5)
            return proc, [c.pid for c in children]
        time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGKILL)
    raise RuntimeError(f"the export did not start: {proc.communicate()}")


def _gone(pids: list[int], timeout: float = 10) -> bool:
    import psutil

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        alive = [p for p in pids if psutil.pid_exists(p) and psutil.Process(p).status() != psutil.STATUS_ZOMBIE]
        if not alive:
            return True
        time.sleep(0.1)
    return False


@case("8  kill -9 of the parent of a --jobs 2 run", "workers end quietly", formats=("-",), separate=True)
def kill_parent(work, fmt, sizes):
    out = work / "out"
    proc, workers = _start(work, _long_corpus(work, 4000), out, "--jobs", 2, workers=2)
    proc.kill()
    _, err = proc.communicate(timeout=60)
    gone = _gone(workers)
    lines = len(err.splitlines())
    return Outcome(gone and lines == 0, f"{lines} lines on stderr; workers {'gone' if gone else 'STILL RUNNING'}")


@case("8  Ctrl-C of a --dask local run", "one line; the cluster's workers end quietly; nothing left",
      formats=("-",), separate=True, quick=False)  # a LocalCluster: slow
def dask_interrupt(work, fmt, sizes):
    import psutil

    out = work / "new" / "out"
    corpus = _long_corpus(work, 20000)
    proc = subprocess.Popen([sys.executable, "-m", "analysis", "export", "--corpus", str(corpus), "--out",
                             str(out), "--dask", "local", "--jobs", "2"], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, start_new_session=True)
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline and proc.poll() is None and not listing(out):
        time.sleep(0.2)  # the cluster is up once the export holds its folder
    time.sleep(3)  # the cluster computing
    workers = [c.pid for c in psutil.Process(proc.pid).children(recursive=True)] if proc.poll() is None else []
    os.killpg(proc.pid, signal.SIGINT)
    _, err = proc.communicate(timeout=120)
    ok = proc.returncode == 130 and len(err.splitlines()) == 1 and _gone(workers) and not (work / "new").exists()
    return Outcome(ok, f"status {proc.returncode}, {len(err.splitlines())} lines: {err.strip()[-80:]}")


# ---- 9: errors name the file and line
@case("9  JSONL id of 5,000 digits", "kept exactly as written, or one line naming file:line",
      formats=("jsonl", "jsonl.gz"), owner="12a")
def huge_number_id(work, fmt, sizes):
    good = json.dumps(rows(1)[0], ensure_ascii=False)
    bad = '{"id": ' + "7" * 5000 + ', "outlet": "A", "text": "' + SENTENCES[1] + '"}'
    corpus = write_corpus(work, fmt, [], raw=(good + "\n" + bad + "\n").encode("utf-8"))
    run = export(corpus, work / "out")
    if run.rc == 0:  # kept: the id must be the 5,000 digits, not a float or a truncation
        import pandas as pd

        ids = pd.read_parquet(work / "out" / "documents.parquet")["doc_id"].tolist()
        return Outcome("7" * 5000 in ids, f"status 0; id kept with its {len(max(ids, key=len))} digits")
    return Outcome(run.one_line_error(f"{corpus.name}:2"), run.summary())


@case("9  lone surrogate escape in JSON text", "one line naming file:line, before any table",
      formats=("jsonl", "jsonl.gz"), owner="12a")
def lone_surrogate(work, fmt, sizes):
    good = json.dumps(rows(1)[0], ensure_ascii=False)
    bad = '{"id": "s1", "outlet": "A", "text": "' + SENTENCES[1] + ' \\ud800"}'
    corpus = write_corpus(work, fmt, [], raw=(good + "\n" + bad + "\n").encode("utf-8"))
    run = export(corpus, work / "out")
    return Outcome(run.one_line_error(f"{corpus.name}:2") and not (work / "out").exists(), run.summary())


@case("9  corrupt Parquet page", "one line naming the file", formats=("parquet",), owner="12a")
def corrupt_parquet(work, fmt, sizes):
    import pandas as pd

    path = work / "corpus.parquet"
    pd.DataFrame(rows(50)).to_parquet(path, index=False, compression=None)
    data = bytearray(path.read_bytes())
    start = data.find(SENTENCES[0].encode("utf-8"))  # inside a data page of `text`
    data[start:start + 400] = os.urandom(400)
    path.write_bytes(bytes(data))
    run = export(path, work / "out")
    return Outcome(run.one_line_error(path.name), run.summary())


@case("9  gazetteer `id: 7`", "one line naming the gazetteer, on load", formats=("-",))
def gazetteer_id(work, fmt, sizes):
    gazetteer = _gazetteer(work, "  - id: hammouchi\n", "  - id: 7\n")
    run = export(SEEDS, work / "out", "--gazetteer", gazetteer)
    return Outcome(run.one_line_error("sources.yaml", "id") and not (work / "out").exists(), run.summary())


@case("9  validate: hand coding not UTF-8", "one line naming the file", formats=("-",), owner="12a")
def validate_encoding(work, fmt, sizes):
    annotations = work / "validation"
    shutil.copytree(VALIDATION, annotations)
    coded = annotations / "frames_coder_a.csv"
    coded.write_bytes(coded.read_text(encoding="utf-8").encode("cp1256", "replace"))
    run = cli("validate", "--corpus", SEEDS, "--annotations", annotations)
    return Outcome(run.one_line_error("frames_coder_a.csv"), run.summary())


# ---- 10: leftovers and races
@case("10 SIGTERM to an export", "status 143, one line; no temporary, no created folder",
      formats=("-",), separate=True)
def sigterm(work, fmt, sizes):
    out = work / "new" / "out"
    proc, workers = _start(work, _long_corpus(work, 4000), out, "--jobs", 2, workers=2)
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=60)
    ok = proc.returncode == 143 and len(err.splitlines()) == 1 and not (work / "new").exists() and _gone(workers)
    return Outcome(ok, f"status {proc.returncode}: {err.strip()}; left: {listing(out) or 'nothing'}")


@case("10 kill -9, then the next run into --out", "the next run removes the stale lock and temporaries",
      formats=("-",), separate=True)
def kill_then_rerun(work, fmt, sizes):
    out = work / "out"
    proc, _ = _start(work, _long_corpus(work, 4000), out)
    proc.kill()
    proc.communicate(timeout=60)
    left = listing(out)
    run = subprocess_cli("export", "--corpus", SEEDS, "--out", out, timeout=300)
    ok = run.rc == 0 and listing(out) == TABLE_FILES and any(n.endswith(".tmp") for n in left)
    return Outcome(ok, f"after kill: {len(left)} files; after the next run: {listing(out)}")


@case("10 two exports into one --out", "the second is refused in one line; tables not mixed",
      formats=("-",), separate=True)
def two_exports(work, fmt, sizes):
    # The first export reads a named pipe: it holds the folder until this case writes
    # its one document, however slow or fast the machine.
    out = work / "out"
    pipe = work / "held.jsonl"
    os.mkfifo(pipe)
    first = subprocess.Popen([sys.executable, "-m", "analysis", "export", "--corpus", str(pipe), "--out",
                              str(out), "--no-progress"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             text=True, start_new_session=True)
    try:
        deadline = time.monotonic() + 120
        while not (out / ".arabic-discourse.lock").exists() and first.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        second = subprocess_cli("export", "--corpus", SEEDS, "--out", out, timeout=300)
        with open(pipe, "w", encoding="utf-8") as fh:
            fh.write(json.dumps(dict(rows(1)[0], id="first"), ensure_ascii=False) + "\n")
        first.communicate(timeout=120)
    finally:
        if first.poll() is None:
            os.killpg(first.pid, signal.SIGKILL)
    ids = read(out, "documents.csv")["doc_id"].tolist() if (out / "documents.csv").exists() else []
    ok = second.one_line_error("another export") and first.returncode == 0 and ids == ["first"]
    return Outcome(ok, f"{second.summary()}; the first wrote {ids}")


# ---- 11: accepted without a word
@case("11 document of only invisible marks", "reported as empty, named", owner="12a")
def invisible_document(work, fmt, sizes):
    records = rows(2)
    records[1]["text"] = "\u200c\u064e\u0640\u0640\u200f \u0651"  # ZWNJ, fatha, tatweel, RLM, shadda
    corpus = write_corpus(work, fmt, records)
    run = export(corpus, work / "out")
    if run.rc == 0:
        docs = read(work / "out", "documents.csv")
        ok = "a0001" in run.err and "empty" in run.err and "a0001" not in set(docs["doc_id"])
        return Outcome(ok, run.summary())
    return Outcome(run.one_line_error("a0001", "empty"), run.summary())


@case("11 a column named twice", "one line naming file:1", formats=("folder", "csv"), owner="12a")
def duplicate_column(work, fmt, sizes):
    corpus = write_corpus(work, fmt, rows(2))
    if fmt == "folder":
        target, name = corpus / "manifest.csv", "manifest.csv:1"
        target.write_text("doc_id,outlet,outlet\na0000,Outlet 0,Other\na0001,Outlet 1,Other\n", encoding="utf-8")
    else:
        target, name = corpus, f"{corpus.name}:1"
        header, rest = corpus.read_text(encoding="utf-8").split("\n", 1)
        corpus.write_text(header.replace('"title"', '"text"') + "\n" + rest, encoding="utf-8")
    run = export(corpus, work / "out")
    return Outcome(run.one_line_error(name), run.summary())


@case("11 a later JSONL record without outlet", "reported, naming file:line", formats=("jsonl", "jsonl.gz"),
      owner="12a")
def missing_outlet(work, fmt, sizes):
    records = rows(3)
    del records[2]["outlet"]
    corpus = write_corpus(work, fmt, records)
    run = export(corpus, work / "out")
    return Outcome(f"{corpus.name}:3" in run.err and "Traceback" not in run.err, run.summary())


@case("11 ids true / NaN / Infinity", "refused or reported, naming file:line", formats=("jsonl", "jsonl.gz", "parquet"),
      owner="12a")
def coerced_ids(work, fmt, sizes):
    if fmt == "parquet":
        import pandas as pd

        path = work / "corpus.parquet"
        frame = pd.DataFrame(rows(3))
        frame["id"] = [1.0, float("nan"), float("inf")]
        frame.to_parquet(path, index=False)
        corpus, needles = path, [":1", ":2", ":3"]
    else:
        lines = [json.dumps(dict(r, id=v), ensure_ascii=False) for r, v in zip(rows(3), [True, 0, 0])]
        lines[1] = lines[1].replace('"id": 0', '"id": NaN')
        lines[2] = lines[2].replace('"id": 0', '"id": Infinity')
        corpus = write_corpus(work, fmt, [], raw=("\n".join(lines) + "\n").encode("utf-8"))
        needles = [":1"]
    run = export(corpus, work / "out")
    named = any(f"{corpus.name}{n}" in run.err for n in needles) and "Traceback" not in run.err
    return Outcome(named, run.summary())


@case("11 .txt symlink to a file outside the folder", "refused or reported, naming the link",
      formats=("folder",), owner="12a")
def symlink_outside(work, fmt, sizes):
    corpus = write_corpus(work, fmt, rows(2))
    secret = work / "elsewhere.txt"
    secret.write_text(SENTENCES[2], encoding="utf-8")
    (corpus / "a0001.txt").unlink()
    (corpus / "a0001.txt").symlink_to(secret)
    run = export(corpus, work / "out")
    return Outcome("a0001.txt" in run.err and "Traceback" not in run.err, run.summary())


@case("11 empty or stray quotation mark", "the act is indirect, not direct with an empty quote")
def empty_quote(work, fmt, sizes):
    # "the minister said security matters", with quotation marks that quote nothing
    texts = ["قال الوزير «» إن الأمن مهم.", "قال الوزير: \"\" الأمن مهم.", "وقال الوزير إن الأمن مهم \""]
    corpus = write_corpus(work, fmt, [dict(r, text=t) for r, t in zip(rows(3), texts)])
    run = export(corpus, work / "out")
    if run.rc != 0:
        return Outcome(False, run.summary())
    acts = read(work / "out", "attributions.parquet")
    empty_direct = int(((acts["mode"] == "direct") & acts["quote"].isna()).sum())
    return Outcome(empty_direct == 0 and len(acts) == 3, f"{len(acts)} acts, {empty_direct} direct with an empty quote")


@case("11 CR-only line ends", "one paragraph per line", owner="12a")
def cr_only(work, fmt, sizes):
    records = [dict(r, text=article(k, 4, sep="\r")) for k, r in enumerate(rows(2))]
    corpus = write_corpus(work, fmt, records)
    run = export(corpus, work / "out")
    if run.rc != 0:
        return Outcome(False, run.summary())
    paragraphs = read(work / "out", "documents.csv")["n_paragraphs"].tolist()
    return Outcome(paragraphs == [4, 4], f"paragraphs per document: {paragraphs}")


# ---- 12: wording
@case("12 UTF-8 with one bad byte; Latin-1", "one line naming file:line, no Windows-1256 hint",
      formats=("folder", "jsonl", "jsonl.gz", "csv"), owner="12a")
def wrong_hint(work, fmt, sizes):
    results = []
    # One bad byte in place of "cooperation", and a French text in Latin-1.
    for label, encoding, mangle in (("bad byte", "utf-8", lambda b: b.replace("التعاون".encode(), b"\xff", 1)),
                                    ("Latin-1", "latin-1", None)):
        records = rows(2)
        if encoding == "latin-1":
            records[1]["text"] = "Le ministre a déclaré que la coopération était excellente."
        folder = work / label.replace(" ", "_")
        if fmt == "folder":
            corpus = write_corpus(folder, fmt, records)
            target = corpus / "a0001.txt"
            target.write_bytes(mangle(target.read_bytes()) if mangle else records[1]["text"].encode(encoding))
            name = "a0001.txt"
        else:
            text = write_corpus(folder, "jsonl" if fmt.startswith("jsonl") else fmt, records).read_bytes()
            raw = mangle(text) if mangle else text.decode("utf-8").encode(encoding, "replace")
            corpus = write_corpus(folder / "bad", fmt, [], raw=raw)
            name = corpus.name
        run = export(corpus, folder / "out")
        results.append((label, run, run.one_line_error(name) and "1256" not in run.err))
    return Outcome(all(ok for *_, ok in results), " | ".join(f"{label}: {run.summary()}" for label, run, _ in results))


@case("12 JSON error wording and column", "no 'at at'; the column where the line ends, not 1",
      formats=("jsonl", "jsonl.gz"), owner="12a")
def json_wording(work, fmt, sizes):
    good = json.dumps(rows(1)[0], ensure_ascii=False)
    unterminated = '{"id": "u1", "outlet": "A", "text": "' + SENTENCES[1]
    unclosed = '{"id": "u2", "outlet": "A", "text": "' + SENTENCES[2] + '"'
    outcomes = []
    for k, bad in enumerate((unterminated, unclosed)):
        corpus = write_corpus(work / str(k), fmt, [], raw=(good + "\n" + bad + "\n").encode("utf-8"))
        run = export(corpus, work / str(k) / "out")
        column = re.search(r"column (\d+)", run.err)
        right = run.one_line_error(f"{corpus.name}:2") and "at at" not in run.err and \
            column is not None and int(column.group(1)) > 1
        outcomes.append((right, run.summary()))
    return Outcome(all(ok for ok, _ in outcomes), " | ".join(text for _, text in outcomes))


@case("12 unreadable plain .jsonl (permission; a socket as root)", "one line naming the file; not 'compressed data'",
      formats=("jsonl", "jsonl.gz"), owner="12a")
def unreadable(work, fmt, sizes):
    import socket

    path = work / f"corpus.{fmt}"
    if os.geteuid() == 0:  # root reads any file: a socket fails to open as well (ENXIO)
        server = socket.socket(socket.AF_UNIX)
        server.bind(str(path))
    else:
        server = None
        write_corpus(work, fmt, rows(2)).chmod(0o000)
    try:
        run = export(path, work / "out")
    finally:
        if server is not None:
            server.close()
    wrong = "compressed" in run.err and not fmt.endswith(".gz")
    return Outcome(run.one_line_error(path.name) and not wrong, run.summary())


# ---- 13: memory
def _peak_rss_code(corpus: Path, out: Path) -> str:
    return textwrap.dedent(f"""
        import resource, sys
        from analysis.cli import main
        rc = main(["export", "--corpus", {str(corpus)!r}, "--out", {str(out)!r}, "--no-progress"])
        print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024, file=sys.stdout)
        sys.exit(rc)
    """)


def _traced_peaks_code(corpora: list[Path], outs: list[Path]) -> str:
    # Python's own allocations (tracemalloc), not the resident size: the resident size
    # also moves with the allocator's fragmentation, which hides what reading holds.
    return textwrap.dedent(f"""
        import tracemalloc
        from analysis.pipeline import Analyzer, export
        analyzer = Analyzer()
        analyzer.codebook, analyzer.gazetteer
        tracemalloc.start()
        for corpus, out in zip({list(map(str, corpora))!r}, {list(map(str, outs))!r}):
            tracemalloc.reset_peak()
            export(corpus, out, analyzer=analyzer, formats=("csv",))
            print(tracemalloc.get_traced_memory()[1] // 2**20)
    """)


@case("13 streaming: peak memory in corpus size", "a 16x larger corpus: memory grows < 0.5x the added bytes",
      formats=("jsonl", "jsonl.gz", "csv", "parquet"), owner="12a", separate=True)
def streaming_memory(work, fmt, sizes):
    # Few documents with a large column that is not analysed: reading costs the bytes,
    # analysis almost nothing. "The weather is mild today in the city": no cue and no
    # marker, so that the tables (buffered in chunks) stay small.
    def corpus(n_rows, name):
        records = [dict(r, text=f"الطقس معتدل اليوم في المدينة رقم {k}.", notes="x" * 40_000)
                   for k, r in enumerate(rows(n_rows))]
        return write_corpus(work / name, fmt, records)

    small_rows = 20 if sizes.quick else 100
    corpora = [corpus(small_rows, "small"), corpus(16 * small_rows, "large")]
    run = subprocess_cli(code=_traced_peaks_code(corpora, [work / "small" / "out", work / "large" / "out"]),
                         timeout=300, preexec=_limits(memory=4 << 30))
    if run.rc != 0:
        return Outcome(False, run.summary())
    peaks = [int(x) for x in run.out.split()[-2:]]
    grown = peaks[1] - peaks[0]
    mb = 15 * small_rows * 40_000 / 2**20  # the bytes the larger corpus adds
    return Outcome(grown < 0.5 * mb, f"+{mb:.0f} MB of corpus: +{grown} MB at the peak ({peaks[0]} -> {peaks[1]} MB)")


@case("13 gzip bomb: one line of 1 GB", "one line naming file:line (size limit); memory bounded",
      formats=("jsonl.gz",), owner="12a", separate=True, quick=False)
def gzip_bomb(work, fmt, sizes):
    size = 1 << 30
    path = work / "bomb.jsonl.gz"
    with gzip.open(path, "wb", compresslevel=9) as fh:
        fh.write(b'{"id": "b", "outlet": "A", "text": "')
        block = b"a" * (1 << 20)
        for _ in range(size >> 20):
            fh.write(block)
        fh.write(b'"}\n')
    run = subprocess_cli(code=_peak_rss_code(path, work / "out"), timeout=300, preexec=_limits(memory=3 << 30))
    peak = int(run.out.split()[-1]) if run.out.strip() else None
    ok = run.one_line_error("bomb.jsonl.gz:1") and peak is not None and peak < 400
    return Outcome(ok, f"{path.stat().st_size // 1024} KB file; {run.summary()}; peak {peak} MB")


# ---- 14: spreadsheets
@case("14 text beginning with = + - @", "tables keep it exactly; --csv-safe copies defuse it")
def formulas(work, fmt, sizes):
    records = rows(2)
    records[0].update(title="=1+1", text="@" + records[0]["text"])
    records[1].update(outlet="+Outlet", text="-" + records[1]["text"])
    if fmt != "folder":
        records[1]["id"] = "=HYPERLINK(\"x\")"
    corpus = write_corpus(work, fmt, records)
    run = export(corpus, work / "out", "--csv-safe")
    if run.rc != 0:
        return Outcome(False, run.summary())
    docs = read(work / "out", "documents.csv")
    acts = read(work / "out", "attributions.csv")
    texts = {r["id"]: r["text"] for r in records}
    exact = set(docs["outlet"]) >= {"+Outlet"} and all(
        texts[r.doc_id][r.cue_start:r.cue_end] == r.cue for r in acts.itertuples())
    with open(work / "out" / "documents.safe.csv", encoding="utf-8-sig", newline="") as fh:
        safe = list(csv.DictReader(fh))
    defused = "'+Outlet" in {r["outlet"] for r in safe} and all(
        not v or v[0] not in "=+-@" for r in safe for v in r.values())
    return Outcome(exact and defused, f"exact text in the tables: {exact}; safe copies defused: {defused}")


# ---- the command line a researcher expects
@case("CLI --version, help examples, no reST", "arabic-discourse X.Y.Z; examples in every help", formats=("-",))
def cli_help(work, fmt, sizes):
    version = cli("--version")
    helps = [cli(*command, "--help").out for command in ([], ["export"], ["validate"], ["codebook"])]
    ok = re.fullmatch(r"arabic-discourse \d+\.\d+\.\d+\n", version.out) is not None and all(
        "examples:" in h and "``" not in h and h.startswith("usage: arabic-discourse") for h in helps)
    return Outcome(ok, f"{version.out.strip()}; {sum('examples:' in h for h in helps)}/4 helps with examples")


@case("CLI mistyped option (--job 2)", "unknown option, with a suggestion", formats=("-",))
def cli_typo(work, fmt, sizes):
    run = cli("export", "--corpus", SEEDS, "--out", work / "out", "--job", "2")
    ok = run.rc == 2 and "unknown option --job; did you mean --jobs?" in run.err and not (work / "out").exists()
    return Outcome(ok, run.lines[-1] if run.lines else run.summary())


@case("CLI progress bar", "a total and a time left; warnings above the bar",
      owner={"*": "12b", "csv": "12a"})  # a CSV's position needs the streaming CSV reader (13)
def cli_progress(work, fmt, sizes):
    records = rows(30)
    records[20]["text"] += "\u200f"  # a stray right-to-left mark: a warning while the bar runs
    corpus = write_corpus(work, fmt, records)
    run = cli("export", "--corpus", corpus, "--out", work / "out", "--progress")
    if run.rc != 0:
        return Outcome(False, run.summary())
    bar = run.err.replace("\r", "\n").strip().splitlines()
    last = bar[-1] if bar else ""
    total = re.search(r"100%\|.*\| .*\[\d\d:\d\d<\d\d:\d\d", last) is not None
    above = "warning: " in run.err and re.search(r"[^\r\n]warning: ", run.err) is None
    return Outcome(total and above, f"{last.strip()[:60]}; warning above the bar: {above}")


@case("CLI CSV and Parquet read the same", "equal frames: missing values, ids as text, typed days")
def csv_equals_parquet(work, fmt, sizes):
    import pandas as pd

    records = rows(3)
    records[0].update(id="007", title="")
    records[1].update(date="2025-11")
    if fmt == "folder":
        for r in records:
            r["id"] = r["id"].replace("007", "a007")
    corpus = write_corpus(work, fmt, records)
    run = export(corpus, work / "out")
    if run.rc != 0:
        return Outcome(False, run.summary())
    different = []
    for table in ("documents", "markers", "attributions"):
        try:
            pd.testing.assert_frame_equal(read(work / "out", f"{table}.csv"), read(work / "out", f"{table}.parquet"))
        except AssertionError as exc:
            different.append(f"{table}: {str(exc).splitlines()[0]}")
    docs = read(work / "out", "documents.parquet")
    typed = str(docs["day"].dtype).startswith("datetime64")
    return Outcome(not different and typed, "; ".join(different) or f"equal; day {docs['day'].dtype}")


# --------------------------------------------------------------------------- the table

@dataclass
class Row:
    case: Case
    fmt: str
    outcome: Outcome = field(default_factory=lambda: Outcome(None, "not run"))
    seconds: float = 0.0

    @property
    def id(self) -> str:
        return f"{self.case.label.split()[0]}-{self.case.check.__name__}-{'any' if self.fmt == '-' else self.fmt}"

    @property
    def owner(self) -> str:
        owner = self.case.owner
        return owner.get(self.fmt, owner["*"]) if isinstance(owner, dict) else owner

    @property
    def status(self) -> str:
        return {True: "OK", False: "FAIL", None: "SKIP"}[self.outcome.ok]


def planned(quick: bool, only: str | None = None) -> list[Row]:
    return [Row(c, fmt) for c in CASES for fmt in c.formats
            if (not quick or c.quick) and (only is None or c.label.startswith(only))]


def run_row(row: Row, sizes: Sizes) -> Row:
    work = Path(tempfile.mkdtemp(prefix="hostile-"))
    t0 = time.perf_counter()
    try:
        row.outcome = row.case.check(work, row.fmt, sizes)
    except Exception as exc:  # the case itself broke: shown, never hidden
        row.outcome = Outcome(False, f"case error: {type(exc).__name__}: {str(exc)[:150]}")
    finally:
        row.seconds = time.perf_counter() - t0
        for path in work.rglob("*"):  # chmod 000 files of the permission case
            with contextlib.suppress(OSError):
                path.chmod(0o700 if path.is_dir() else 0o600)
        shutil.rmtree(work, ignore_errors=True)
    return row


def run_all(quick: bool = False, only: str | None = None, parallel: int = 3) -> list[Row]:
    """Every planned row: the in-process ones here, one after the other; those that wait
    for subprocesses in ``parallel`` threads meanwhile."""
    sizes = Sizes(quick)
    rows_ = planned(quick, only)
    with ThreadPoolExecutor(max_workers=parallel) as pool:
        futures = [pool.submit(run_row, r, sizes) for r in rows_ if r.case.separate]
        for r in rows_:
            if not r.case.separate:
                run_row(r, sizes)
        for f in futures:
            f.result()
    return rows_


def table(rows_: list[Row]) -> str:
    head = ("case", "format", "expected", "outcome", "OK/FAIL")
    body = [(f"{r.case.label} [{r.owner}]", r.fmt, r.case.expected,
             (r.outcome.text if len(r.outcome.text) <= 90 else r.outcome.text[:87] + "..."), r.status)
            for r in rows_]
    widths = [max(len(str(x[i])) for x in [head, *body]) for i in range(5)]
    line = lambda cells: " | ".join(str(c).ljust(w) for c, w in zip(cells, widths)).rstrip()  # noqa: E731
    return "\n".join([line(head), "-+-".join("-" * w for w in widths), *map(line, body)])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], allow_abbrev=False)
    parser.add_argument("--quick", action="store_true", help="small sizes (the pytest run)")
    parser.add_argument("--only", help="cases whose label starts with this (e.g. 13, CLI)")
    args = parser.parse_args(argv)
    t0 = time.perf_counter()
    rows_ = run_all(args.quick, args.only)
    print(table(rows_))
    by_status = {s: [r for r in rows_ if r.status == s] for s in ("OK", "FAIL", "SKIP")}
    owners = sorted({r.owner for r in by_status["FAIL"]})
    print(f"\n{len(by_status['OK'])} OK, {len(by_status['FAIL'])} FAIL, {len(by_status['SKIP'])} skipped "
          f"in {time.perf_counter() - t0:.0f} s" + (f"; FAIL rows belong to {', '.join(owners)}" if owners else ""))
    return 1 if by_status["FAIL"] else 0


if __name__ == "__main__":
    sys.exit(main())

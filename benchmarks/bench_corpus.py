"""Benchmark the analysis pipeline against the plain-read floor.

Usage:
    python benchmarks/bench_corpus.py --corpus ../shared/corpora/saudinewsnet/saudinewsnet.jsonl.gz [--jobs 2]

Measures, in one run:
  floor        reading the corpus (decompress, parse) and splitting every text on whitespace;
  stages       per-stage throughput on one core, streaming every document through
               normalisation, structure (segmentation), markers and attribution;
  aggregation  the per-outlet tables (frame counts, source counts, summaries);
  total        the real pipeline (pipeline.run: read, all stages, tables) on --jobs processes.
Prints seconds and words/s for each (and the CPU seconds of each stage), the CPU seconds
the total used (main process and workers, also in units of the floor's CPU seconds), the
peak resident memory of this process and of the worker processes, and a last line
``total/floor ratio: X.XX``. With ``--repeat N`` the floor and the total are measured N
times, alternately, and the ratio uses their medians.
Words are whitespace-separated tokens of the non-empty texts (the floor's count).

Both paths of the kernels (``analysis.kernels``): where the C extension is built, all of
the above is measured first on the pure-Python path (a subprocess with
``ANALYSIS_PURE_PYTHON=1``, its lines prefixed ``python |``), then on the compiled path;
the last line is the compiled path's ratio. The time to build the extension as the
install does is printed first (C needs no compile when the package runs).
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PURE_PYTHON = "ANALYSIS_PURE_PYTHON"  # analysis.kernels.PURE_PYTHON_VARIABLE


def _open(path: Path):
    return gzip.open(path, "rt", encoding="utf-8") if path.suffix == ".gz" else open(path, encoding="utf-8")


def floor(path: Path) -> tuple[float, int, int, float]:
    """Wall seconds, words, documents, and CPU seconds of the plain read."""
    t0, c0 = time.perf_counter(), time.process_time()
    words = docs = 0
    with _open(path) as fh:
        for line in fh:
            if line.strip():
                words += len(json.loads(line).get("text", "").split())
                docs += 1
    return time.perf_counter() - t0, words, docs, time.process_time() - c0


def stages(path: Path):
    from analysis.attribution import attribution_records, load_gazetteer
    from analysis.codebook import load_codebook
    from analysis.corpus import document_row, iter_documents, segment
    from analysis.markers import marker_records
    from analysis.normalize import normalize

    codebook, gazetteer = load_codebook(), load_gazetteer()
    normalize("warm up the character tables")
    names = ("normalisation", "structure", "markers", "attribution")
    spent = dict.fromkeys(names, 0.0)  # wall seconds
    cpu = dict.fromkeys(names, 0.0)  # CPU seconds of this process
    markers, acts, documents = [], [], []

    def clock() -> tuple[float, float]:
        return time.perf_counter(), time.process_time()

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for doc in iter_documents(path):
            t0 = clock()
            nt = normalize(doc.text)
            t1 = clock()
            st = segment(doc, nt)
            t2 = clock()
            markers.extend(marker_records(doc, codebook, structure=st, normalized=nt))
            t3 = clock()
            acts.extend(attribution_records(doc, gazetteer, structure=st, normalized=nt))
            t4 = clock()
            documents.append(document_row(doc, st))
            for name, (a, b) in zip(names, [(t0, t1), (t1, t2), (t2, t3), (t3, t4)]):
                spent[name] += b[0] - a[0]
                cpu[name] += b[1] - a[1]
    return spent, cpu, documents, markers, acts, codebook


def aggregation(documents, markers, acts, codebook) -> float:
    import pandas as pd

    from analysis import stats
    from analysis.attribution import ATTRIBUTION_COLUMNS
    from analysis.corpus import DOCUMENT_COLUMNS
    from analysis.markers import MARKER_COLUMNS

    t0 = time.perf_counter()
    docs = pd.DataFrame(documents, columns=list(DOCUMENT_COLUMNS))
    m = pd.DataFrame(markers, columns=list(MARKER_COLUMNS))
    a = pd.DataFrame(acts, columns=list(ATTRIBUTION_COLUMNS))
    outlets = list(dict.fromkeys(docs["outlet"]))
    stats.frame_counts(m, docs, [f.id for f in codebook.frames])
    stats.source_counts(a, outlets)
    stats.source_counts(a, outlets, by="mode")
    stats.attribution_summary(a, outlets)
    stats.top_speakers(a)
    return time.perf_counter() - t0


def _cpu_seconds(who) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def total(path: Path, jobs: int):
    """Wall seconds of ``pipeline.run``, its tables, and the CPU seconds it used in this
    process and in its worker processes (reaped when the pool closes)."""
    from analysis.pipeline import run

    cpu0 = _cpu_seconds(resource.RUSAGE_SELF), _cpu_seconds(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        tables = run(path, jobs=jobs)
    wall = time.perf_counter() - t0
    cpu = (_cpu_seconds(resource.RUSAGE_SELF) - cpu0[0], _cpu_seconds(resource.RUSAGE_CHILDREN) - cpu0[1])
    return wall, tables, cpu


def _rss_mb(who) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # Linux: kilobytes


def build_seconds() -> float | None:
    """Seconds to compile the C kernels as the install does (setuptools, into a temporary
    folder), or None when they cannot be built here (no compiler or headers)."""
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "setup.py", "-q", "build_ext", "--build-lib", tmp, "--build-temp", tmp],
                       cwd=ROOT, capture_output=True)
        seconds = time.perf_counter() - t0
        return seconds if any(Path(tmp).rglob("_kernels*")) else None


def path_run(argv: list[str], *, pure: bool, prefix: str = "") -> float:
    """Measure one path of the kernels in a subprocess (they are chosen at import, and the
    peak memory of a process's children cannot be reset: the build and the other path
    must not count); print its lines with ``prefix`` and return its total/floor ratio."""
    env = {**os.environ, PURE_PYTHON: "1"} if pure else os.environ
    proc = subprocess.run([sys.executable, __file__, *argv, "--this-path-only"], env=env,
                          capture_output=True, text=True)
    lines = proc.stdout.splitlines()
    for text in lines:
        print(prefix + text)
    if proc.returncode != 0 or not lines:
        raise RuntimeError(f"the benchmark of one path failed:\n{proc.stderr}")
    return float(lines[-1].rsplit(" ", 1)[1])


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", required=True, type=Path)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--skip-stages", action="store_true", help="measure only floor and total")
    parser.add_argument("--repeat", type=int, default=1,
                        help="measure floor and total this many times, alternately, and use the "
                             "medians (steadier on a shared machine)")
    parser.add_argument("--this-path-only", action="store_true",
                        help="measure only the kernels this process uses (compiled, or pure Python "
                             f"when {PURE_PYTHON}=1 or the extension is not built)")
    argv = sys.argv[1:] if argv is None else list(argv)
    args = parser.parse_args(argv)
    if not args.corpus.exists():
        print(f"error: {args.corpus}: no such file", file=sys.stderr)
        return 2
    if args.repeat < 1:
        print("error: --repeat must be at least 1", file=sys.stderr)
        return 2
    from analysis import kernels

    if args.this_path_only:
        return measure(args, "compiled (C extension analysis._kernels)" if kernels.compiled() else "pure Python")
    build = build_seconds()
    print("kernel build at install: " + (f"{build:.2f} s (setuptools, C; no compile when the package runs)"
                                          if build is not None else "not possible here (no C compiler or headers)"))
    if not kernels.compiled():
        why = f"{PURE_PYTHON} is set" if os.environ.get(PURE_PYTHON, "") not in ("", "0") else "the C extension is not built"
        print(f"{why}: only the pure-Python path is measured")
        ratio = path_run(argv, pure=True)
    else:
        python_ratio = path_run(argv, pure=True, prefix="python | ")
        ratio = path_run(argv, pure=False)
        print(f"total/floor ratio of the pure-Python path: {python_ratio:.2f}; compiled: {ratio:.2f}")
    print(f"total/floor ratio: {ratio:.2f}")
    return 0


def measure(args, path: str) -> int:
    """Measure floor, stages and total with the kernels of this process; the last line
    printed is the ratio."""

    def line(name, seconds, words, cpu=None):
        print(f"{name:<24} {seconds:8.2f} s {words / seconds:12,.0f} words/s"
              + (f" {cpu:8.2f} cpu-s" if cpu is not None else ""))

    print(f"corpus: {args.corpus}  cores: {os.cpu_count()}  jobs: {args.jobs}  kernels: {path}")
    t_floor, words, n_docs, cpu_floor = floor(args.corpus)
    print(f"documents: {n_docs:,}  words: {words:,}")
    line("floor", t_floor, words)
    if not args.skip_stages:
        spent, cpu_spent, documents, markers, acts, codebook = stages(args.corpus)
        for name, seconds in spent.items():
            line(name, seconds, words, cpu_spent[name])
        line("aggregation", aggregation(documents, markers, acts, codebook), words)
        print(f"(one core: {sum(spent.values()):.2f} s for all stages; {len(markers):,} markers, "
              f"{len(acts):,} reporting acts)")
        del documents, markers, acts
    t_total, tables, cpu = total(args.corpus, args.jobs)
    cpus = [cpu]
    if args.repeat > 1:
        floors, totals, floor_cpus = [t_floor], [t_total], [cpu_floor]
        for _ in range(args.repeat - 1):
            t, _, _, c = floor(args.corpus)
            floors.append(t)
            floor_cpus.append(c)
            t, _, cpu = total(args.corpus, args.jobs)
            totals.append(t)
            cpus.append(cpu)
        print("floor runs:  " + "  ".join(f"{t:.2f}" for t in floors))
        print("total runs:  " + "  ".join(f"{t:.2f}" for t in totals))
        t_floor, t_total = statistics.median(floors), statistics.median(totals)
        cpu_floor = statistics.median(floor_cpus)
        line("floor (median)", t_floor, words)
    line(f"total (jobs={args.jobs})" + (" (median)" if args.repeat > 1 else ""), t_total, words)
    cpu_main = statistics.median(c[0] for c in cpus)
    cpu_workers = statistics.median(c[1] for c in cpus)
    cores = min(args.jobs, os.cpu_count() or 1) if args.jobs > 1 else 1
    # With every core busy the wall time cannot fall below the CPU time over the cores:
    # this shows how much of the gap to the floor is work and how much is waiting.
    print(f"cpu during total{' (median)' if args.repeat > 1 else ''}: {cpu_main:.2f} s main process + "
          f"{cpu_workers:.2f} s workers = {cpu_main + cpu_workers:.2f} s; "
          f"over {cores} core(s): {(cpu_main + cpu_workers) / cores:.2f} s")
    # CPU seconds do not grow when other programs share the cores, wall seconds do: on a
    # busy machine these floor-units are the steadier measure of what each process costs.
    cpu_floor = max(cpu_floor, 1e-6)  # a tiny corpus may read in less than the clock's step
    print(f"cpu in floor-units (floor: {cpu_floor:.2f} cpu-s{' median' if args.repeat > 1 else ''}): "
          f"main process {cpu_main / cpu_floor:.2f}, workers {cpu_workers / cpu_floor:.2f}, "
          f"all {(cpu_main + cpu_workers) / cpu_floor:.2f}")
    print(f"rows: {len(tables['documents']):,} documents, {len(tables['markers']):,} markers, "
          f"{len(tables['attributions']):,} reporting acts")
    print(f"peak RSS: {_rss_mb(resource.RUSAGE_SELF):,.0f} MB (this process), "
          f"{_rss_mb(resource.RUSAGE_CHILDREN):,.0f} MB (largest worker)")
    print(f"total/floor ratio: {t_total / t_floor:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

import pandas as pd
import pytest

from analysis.errors import CorpusError, CorpusWarning
from analysis.pipeline import export, run, run_dask

from conftest import SEEDS


def test_results_identical_whatever_the_number_of_jobs():
    one = run(SEEDS, jobs=1)
    two = run(SEEDS, jobs=2)
    for name in one:
        pd.testing.assert_frame_equal(one[name], two[name])
    assert len(one["documents"]) == 5 and len(one["markers"]) > 40 and len(one["attributions"]) > 50


def test_export_writes_csv_and_parquet_atomically(tmp_path, raw_texts):
    summary = export(SEEDS, tmp_path, jobs=1)
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == ["attributions.csv", "attributions.parquet", "documents.csv", "documents.parquet",
                     "markers.csv", "markers.parquet"]
    for table in ("documents", "markers", "attributions"):
        csv = pd.read_csv(tmp_path / f"{table}.csv", keep_default_na=False)
        parquet = pd.read_parquet(tmp_path / f"{table}.parquet")
        assert len(csv) == len(parquet)
    markers = pd.read_csv(tmp_path / "markers.csv", keep_default_na=False)
    assert {"doc_id", "outlet", "frame", "pattern_id", "match", "start", "end", "in_pullquote"} <= set(markers)
    raws = raw_texts
    assert all(raws[r.doc_id][r.start:r.end] == r.match for r in markers.itertuples())
    acts = pd.read_csv(tmp_path / "attributions.csv", keep_default_na=False)
    assert all(raws[r.doc_id][r.cue_start:r.cue_end] == r.cue for r in acts.itertuples())
    assert summary.n_documents == 5


def test_failed_export_leaves_no_partial_files(tmp_path, seeds_copy):
    bad = seeds_copy / "004_3e7dfff35e5a38e4.txt"
    bad.write_bytes(bad.read_text(encoding="utf-8").encode("cp1256"))
    with pytest.raises(CorpusError, match="004_3e7dfff35e5a38e4.txt"):
        export(seeds_copy, tmp_path / "out" / "run1")
    assert not (tmp_path / "out").exists()  # the folders it created are gone again
    # An existing folder keeps what the user had, and only that.
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "notes.txt").write_text("keep", encoding="utf-8")
    with pytest.raises(CorpusError):
        export(seeds_copy, tmp_path / "mine")
    assert [p.name for p in (tmp_path / "mine").iterdir()] == ["notes.txt"]


def test_export_never_writes_over_the_corpus(tmp_path, seeds_copy):
    with pytest.raises(CorpusError, match="inside the corpus folder"):
        export(seeds_copy, seeds_copy)
    with pytest.raises(CorpusError, match="inside the corpus folder"):
        export(seeds_copy, seeds_copy / "out")
    table = tmp_path / "documents.csv"
    table.write_text("id,outlet,text\nx1,A,قال الوزير إن الأمن مهم\n", encoding="utf-8")
    before = table.read_bytes()
    with pytest.raises(CorpusError, match="would replace the corpus file"):
        export(table, tmp_path, formats=("csv",))
    assert table.read_bytes() == before
    export(table, tmp_path, formats=("parquet",))  # other names: allowed
    assert table.read_bytes() == before and (tmp_path / "documents.parquet").exists()


def test_crlf_text_gives_one_line_context_columns(tmp_path, seeds_copy):
    import csv

    for path in seeds_copy.glob("*.txt"):
        path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    export(seeds_copy, tmp_path / "out", formats=("csv",))
    with open(tmp_path / "out" / "markers.csv", encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    assert len(rows) > 50 and {len(r) for r in rows} == {len(rows[0])}
    raws = {p.stem: p.read_bytes().decode("utf-8") for p in seeds_copy.glob("*.txt")}
    header = rows[0]
    for r in rows[1:]:
        rec = dict(zip(header, r))
        assert raws[rec["doc_id"]][int(rec["start"]):int(rec["end"])] == rec["match"]


def test_dask_local_cluster_equals_single_process():
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster, distributed.Client(cluster) as client:
        assert len(client.scheduler_info()["workers"]) == 2
        dask_tables = run_dask(SEEDS, client=client, npartitions=3)
    single = run(SEEDS, jobs=1)
    for name in single:
        pd.testing.assert_frame_equal(dask_tables[name], single[name])


def test_exported_files_have_ordinary_permissions(tmp_path):
    import os
    import stat

    export(SEEDS, tmp_path, formats=("csv",))
    mask = os.umask(0)
    os.umask(mask)
    mode = stat.S_IMODE(os.stat(tmp_path / "markers.csv").st_mode)
    assert mode == 0o666 & ~mask


# ---- runs that are stopped, killed, short of disk, or running at the same time

import os  # noqa: E402
import signal  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402

from conftest import synthetic_rows, write_jsonl  # noqa: E402

TABLE_FILES = ["attributions.csv", "attributions.parquet", "documents.csv", "documents.parquet",
               "markers.csv", "markers.parquet"]


def _cli(*args, **kwargs):
    return subprocess.Popen([sys.executable, "-m", "analysis", *map(str, args)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, **kwargs)


@pytest.fixture(scope="module")
def long_corpus(tmp_path_factory):
    """A corpus that takes far longer than these tests wait before they stop the run."""
    return write_jsonl(tmp_path_factory.mktemp("long"), synthetic_rows(8000), "long.jsonl")


def _started(out, proc, workers=0, timeout=60):
    """Wait until the export holds ``out`` and its ``workers`` are running; their pids."""
    import psutil

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert proc.poll() is None, proc.communicate()
        children = psutil.Process(proc.pid).children()
        if out.is_dir() and any(out.iterdir()) and len(children) >= workers:  # its lock or temporaries
            time.sleep(1.0)  # well into the documents
            return [c.pid for c in children]
        time.sleep(0.1)
    raise AssertionError("the export did not start")


def _gone(pids, timeout=10):
    import psutil

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not any(psutil.pid_exists(p) and psutil.Process(p).status() != psutil.STATUS_ZOMBIE for p in pids):
            return True
        time.sleep(0.1)
    return False


def test_killing_the_parent_of_a_two_job_run_ends_its_workers_quietly(tmp_path, long_corpus):
    # kill -9 of the parent used to leave both workers printing a BrokenPipeError
    # traceback each (68 lines); the next run into the folder then cleans what is left.
    out = tmp_path / "out"
    proc = _cli("export", "--corpus", long_corpus, "--out", out, "--jobs", 2, "--no-progress")
    workers = _started(out, proc, workers=2)
    proc.kill()
    _, stderr = proc.communicate(timeout=30)
    assert _gone(workers), "workers outlived their parent"
    assert stderr == ""
    left = sorted(p.name for p in out.iterdir())
    assert ".arabic-discourse.lock" in left and all(n.endswith(".tmp") for n in left if n != ".arabic-discourse.lock")
    proc = _cli("export", "--corpus", SEEDS, "--out", out)
    assert proc.wait(timeout=300) == 0, proc.communicate()
    assert sorted(p.name for p in out.iterdir()) == TABLE_FILES  # the stale lock and temporaries are gone


@pytest.mark.parametrize("how, status, message", [
    ("SIGTERM", 143, "stopped by SIGTERM: nothing was written\n"),
    ("SIGINT", 130, "interrupted: nothing was written\n"),  # Ctrl-C: the whole process group
])
def test_a_stopped_run_leaves_nothing(tmp_path, long_corpus, how, status, message):
    out = tmp_path / "new" / "out"
    proc = _cli("export", "--corpus", long_corpus, "--out", out, "--jobs", 2, "--no-progress",
                start_new_session=True)
    workers = _started(out, proc, workers=2)
    if how == "SIGINT":
        os.killpg(proc.pid, signal.SIGINT)
    else:
        proc.send_signal(signal.SIGTERM)
    _, stderr = proc.communicate(timeout=60)
    assert (proc.returncode, stderr) == (status, message)
    assert _gone(workers)
    assert not (tmp_path / "new").exists()  # temporaries, lock and the folders it created


def test_two_exports_into_one_folder_do_not_mix_tables(tmp_path):
    # The first export reads a named pipe, so it holds the folder until we write to it.
    import json

    out = tmp_path / "out"
    pipe = tmp_path / "first.jsonl"
    os.mkfifo(pipe)
    first = _cli("export", "--corpus", pipe, "--out", out, "--no-progress")
    try:
        deadline = time.monotonic() + 120
        while not (out.is_dir() and any(out.iterdir())):  # its lock (or temporaries) are there
            assert first.poll() is None and time.monotonic() < deadline, first.communicate()
            time.sleep(0.05)
        second = _cli("export", "--corpus", SEEDS, "--out", out)
        _, stderr = second.communicate(timeout=300)
        assert second.returncode == 2 and stderr.count("\n") == 1
        assert f"error: {out}: another export (process {first.pid} " in stderr
        with open(pipe, "w", encoding="utf-8") as fh:
            fh.write(json.dumps(dict(next(synthetic_rows(1)), id="first"), ensure_ascii=False) + "\n")
        assert first.wait(timeout=120) == 0
    finally:
        if first.poll() is None:
            first.kill()
        first.communicate()
    docs = pd.read_csv(out / "documents.csv", dtype=str)
    assert docs["doc_id"].tolist() == ["first"] and sorted(p.name for p in out.iterdir()) == TABLE_FILES


def _file_size_limit(limit):
    import resource

    def preexec():
        # A write past the limit fails with EFBIG, as a full disk fails with ENOSPC: an
        # OSError without a file name. (SIGXFSZ would kill the process instead.)
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    return preexec


@pytest.mark.parametrize("extra", [[], ["--dask", "local", "--jobs", "1"]])
def test_a_failed_write_names_the_table_and_publishes_nothing(tmp_path, extra):
    # 12 KB: the documents tables fit, the markers and attributions tables do not. The
    # error used to be "error: File too large" without a path, and with --dask the
    # documents tables were published without the others.
    out = tmp_path / "new" / "out"
    proc = _cli("export", "--corpus", SEEDS, "--out", out, *extra, preexec_fn=_file_size_limit(12_000))
    _, stderr = proc.communicate(timeout=300)
    assert proc.returncode == 2, stderr
    assert stderr.startswith(f"error: {out}/") and stderr.endswith(": File too large\n")
    assert "Traceback" not in stderr and stderr.count("\n") == 1
    assert not (tmp_path / "new").exists()


def test_dask_takes_a_bracketed_path_literally(tmp_path):
    folder = tmp_path / "d[1]"
    folder.mkdir()
    path = write_jsonl(folder, synthetic_rows(3), "documents.jsonl")
    tables = run_dask(str(path), npartitions=2)
    pd.testing.assert_frame_equal(tables["markers"], run(path)["markers"])
    assert len(tables["documents"]) == 3


@pytest.mark.parametrize("glob_flag", [[], ["--glob"]])
def test_dask_with_a_pattern_that_matches_nothing_is_one_line(tmp_path, glob_flag):
    proc = _cli("export", "--corpus", tmp_path / "nothing" / "*.jsonl", *glob_flag, "--out", tmp_path / "out",
                "--dask", "local")
    _, stderr = proc.communicate(timeout=300)
    assert proc.returncode == 2 and stderr.count("\n") == 1 and "Traceback" not in stderr
    assert ("matches no corpus file" if glob_flag else "no such file or folder") in stderr
    assert not (tmp_path / "out").exists()


def test_glob_exports_several_files_as_one_corpus(tmp_path):
    from analysis.output import expand_pattern

    rows = list(synthetic_rows(6))
    write_jsonl(tmp_path, rows[:4], "part1.jsonl")
    write_jsonl(tmp_path, rows[3:], "part2.jsonl")  # a03 in both: skipped in the second
    with pytest.warns(CorpusWarning, match="1 document repeats an id or a text of an earlier file"):
        summary = export(expand_pattern(tmp_path / "part*.jsonl"), tmp_path / "out", formats=("csv",))
    assert summary.n_documents == 6 and summary.report.duplicate_ids == ["a000003"]
    proc = _cli("export", "--corpus", tmp_path / "part*.jsonl", "--glob", "--out", tmp_path / "out2")
    stdout, stderr = proc.communicate(timeout=300)
    assert proc.returncode == 0 and stdout.startswith("6 documents"), stderr

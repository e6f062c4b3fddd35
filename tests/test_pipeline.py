import pandas as pd
import pytest

from analysis.errors import CorpusError
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

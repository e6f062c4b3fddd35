import pandas as pd
import pytest

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
    with pytest.raises(Exception):
        export(seeds_copy, tmp_path / "out")
    assert list((tmp_path / "out").iterdir()) == []


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

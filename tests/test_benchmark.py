"""The benchmark runs on any JSONL corpus and ends with the ratio line."""
import re
import sys

from conftest import ROOT, write_jsonl

sys.path.insert(0, str(ROOT / "benchmarks"))
import bench_corpus  # noqa: E402


def _corpus(tmp_path, seeds):
    rows = [{"id": d.doc_id, "outlet": d.outlet, "text": d.text} for d in seeds]
    return write_jsonl(tmp_path, rows, "seeds.jsonl.gz")


def test_benchmark_prints_stages_and_ratio(tmp_path, seeds, capsys):
    path = _corpus(tmp_path, seeds)
    assert bench_corpus.main(["--corpus", str(path), "--jobs", "1", "--repeat", "2"]) == 0
    out = capsys.readouterr().out.splitlines()
    for stage in ("floor", "normalisation", "structure", "markers", "attribution", "aggregation"):
        assert any(line.startswith(stage) for line in out), stage
    assert any(line.startswith("floor runs:") for line in out)
    assert "rows: 5 documents" in "\n".join(out)
    cpu = next(line for line in out if line.startswith("cpu during total"))
    assert re.search(r"(\d+\.\d\d) s main process \+ (\d+\.\d\d) s workers = \d+\.\d\d s; over 1 core", cpu)
    assert re.fullmatch(r"total/floor ratio: \d+\.\d\d", out[-1])
    assert re.fullmatch(r"structure\s+\d+\.\d\d s\s+[\d,]+ words/s\s+\d+\.\d\d cpu-s",
                        next(line for line in out if line.startswith("structure")))
    assert out[0].startswith("kernel build at install: ")


def test_benchmark_measures_both_kernel_paths(tmp_path, seeds, capsys):
    """Where the extension is built, the pure-Python path is measured too (a subprocess)
    and both ratios are printed; the last line is the compiled path's."""
    from analysis import kernels

    path = _corpus(tmp_path, seeds)
    assert bench_corpus.main(["--corpus", str(path), "--jobs", "1", "--skip-stages"]) == 0
    out = capsys.readouterr().out.splitlines()
    kinds = [line.split("kernels: ")[1] for line in out if "kernels: " in line]
    if not kernels.compiled():
        assert kinds == ["pure Python"]
        return
    assert kinds == ["pure Python", "compiled (C extension analysis._kernels)"]
    python_lines = [line for line in out if line.startswith("python |")]
    assert re.fullmatch(r"python \| total/floor ratio: \d+\.\d\d", python_lines[-1])
    both = re.fullmatch(r"total/floor ratio of the pure-Python path: (\d+\.\d\d); compiled: (\d+\.\d\d)", out[-2])
    assert both and out[-1] == f"total/floor ratio: {both[2]}"


def test_benchmark_rejects_bad_arguments(tmp_path, capsys):
    assert bench_corpus.main(["--corpus", str(tmp_path / "missing.jsonl")]) == 2
    assert bench_corpus.main(["--corpus", str(tmp_path), "--repeat", "0"]) == 2


def test_size_benchmark_prints_seconds_per_mb(capsys):
    import bench_size

    assert bench_size.main(["--sizes", "0.02,0.04"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("0.02 MB: ") and "pull quotes" in out[0]
    table = out[out.index(next(line for line in out if line.startswith("CPU s/MB by size:"))):]
    for stage in bench_size.STAGES:
        assert re.fullmatch(rf"s/MB {stage:<13}\s+\d+\.\d{{3}}\s+\d+\.\d{{3}}", next(
            line for line in table if line.startswith(f"s/MB {stage}"))), stage
    assert bench_size.main(["--sizes", "0,1"]) == 2


def test_synthetic_articles_are_invented_and_sized():
    import bench_size

    text = bench_size.synthetic_article(50_000)
    assert 50_000 <= len(text.encode("utf-8")) < 52_000
    assert text == bench_size.synthetic_article(50_000)  # the same article on every run
    assert len(set(text.split("\n"))) > 50

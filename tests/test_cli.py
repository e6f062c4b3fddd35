"""The command line a researcher expects: a version, help with examples, no silent
abbreviations, a progress bar with a total and warnings above it."""
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from analysis.cli import main

from conftest import SEEDS, synthetic_rows, write_jsonl

SUBCOMMANDS = ("export", "validate", "codebook")


def _run(*args):
    return subprocess.run([sys.executable, "-m", "analysis", *map(str, args)], capture_output=True, text=True)


def test_version(capsys):
    from analysis import __version__

    with pytest.raises(SystemExit) as info:
        main(["--version"])
    assert info.value.code == 0
    assert capsys.readouterr().out == f"arabic-discourse {__version__}\n"


@pytest.mark.parametrize("command", [None, *SUBCOMMANDS])
def test_help_has_examples_and_no_markup(capsys, command):
    with pytest.raises(SystemExit):
        main(([command] if command else []) + ["--help"])
    text = capsys.readouterr().out
    assert text.startswith("usage: arabic-discourse" + (f" {command}" if command else ""))
    examples = text.split("examples:\n", 1)[1]
    assert f"arabic-discourse {command or 'export'} " in examples
    assert "``" not in text and ":func:" not in text and ".. " not in text  # no reStructuredText


def test_every_export_option_is_documented(capsys):
    with pytest.raises(SystemExit):
        main(["export", "--help"])
    text = capsys.readouterr().out
    options = re.findall(r"^  (--[a-z-]+)", text, flags=re.M)
    assert {"--no-progress", "--progress", "--glob", "--csv-safe", "--jobs", "--dask"} <= set(options)
    assert "never show the progress bar" in text


def test_the_console_script_names_itself():
    # pyproject's [project.scripts] installs `arabic-discourse`; its usage line says so,
    # and `python -m analysis` says that.
    script = sys.executable.rsplit("/", 1)[0] + "/arabic-discourse"
    proc = subprocess.run([script, "export"], capture_output=True, text=True)
    assert proc.stderr.startswith("usage: arabic-discourse export")
    assert _run("export").stderr.startswith("usage: python -m analysis export")


@pytest.mark.parametrize("typo, suggestion", [
    (["--job", "2"], "unknown option --job; did you mean --jobs?"),
    (["--job=2"], "unknown option --job; did you mean --jobs?"),
    (["--no-progres"], "unknown option --no-progres; did you mean --no-progress?"),
    (["--colum", "id=x"], "unknown option --colum; did you mean --column?"),
    (["--zzz"], "unknown option --zzz; see arabic-discourse export --help"),
])
def test_a_mistyped_option_is_unknown_not_abbreviated(tmp_path, capsys, typo, suggestion):
    # `--job 2` used to pass for `--jobs 2` (argparse's abbreviations).
    with pytest.raises(SystemExit) as info:
        main(["export", "--corpus", str(SEEDS), "--out", str(tmp_path / "out"), *typo])
    assert info.value.code == 2
    assert capsys.readouterr().err.endswith(f"arabic-discourse export: error: {suggestion}\n")
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("kind", ["jsonl", "jsonl.gz", "folder", "parquet"])
def test_the_progress_bar_has_a_total_and_time_left(tmp_path, capsys, kind):
    if kind == "folder":
        corpus = SEEDS
    elif kind == "parquet":
        import pandas as pd

        corpus = tmp_path / "c.parquet"
        pd.DataFrame(list(synthetic_rows(40))).to_parquet(corpus)
    else:
        corpus = write_jsonl(tmp_path, synthetic_rows(40), f"c.{kind}")
    assert main(["export", "--corpus", str(corpus), "--out", str(tmp_path / "out"), "--progress"]) == 0
    bar = capsys.readouterr().err.replace("\r", "\n").strip().splitlines()[-1]
    assert re.search(r"100%\|.*\| .*\[\d\d:\d\d<\d\d:\d\d", bar), bar  # a percentage and a time left
    if kind.startswith("jsonl"):
        size = corpus.stat().st_size
        assert "B/" in bar and "40 articles" in bar and size > 0
    else:
        assert re.search(r"\b(5/5|40/40)\b", bar), bar


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the position of an open file: Linux")
def test_the_position_of_a_stream_is_the_bytes_read(tmp_path):
    import os

    from analysis.progress import _stream_position

    path = tmp_path / "c.jsonl"
    path.write_bytes(b"x" * 10000)
    fd = os.open(path, os.O_RDONLY)
    try:
        os.read(fd, 4096)
        assert _stream_position(str(path)) == 4096
    finally:
        os.close(fd)
    assert _stream_position(str(path)) is None


def test_without_a_read_position_the_bar_counts_documents(tmp_path, capsys, monkeypatch):
    # A reader that does not keep the file open (or a system that does not report the
    # position) gives no position: the bar counts articles instead of sitting at 0%.
    import analysis.progress

    monkeypatch.setattr(analysis.progress, "_stream_position", lambda path: None)
    corpus = write_jsonl(tmp_path, synthetic_rows(12))
    assert main(["export", "--corpus", str(corpus), "--out", str(tmp_path / "out"), "--progress"]) == 0
    bar = capsys.readouterr().err.replace("\r", "\n").strip().splitlines()[-1]
    assert re.match(r"12 articles \[\d\d:\d\d, ", bar) and "%" not in bar, bar


def test_warnings_print_above_the_bar_not_onto_it(tmp_path, capsys):
    rows = list(synthetic_rows(30))
    rows[20] = dict(rows[5], id="dup")  # the same text twice: skipped with a warning
    corpus = write_jsonl(tmp_path, rows)
    assert main(["export", "--corpus", str(corpus), "--out", str(tmp_path / "out"), "--progress"]) == 0
    err = capsys.readouterr().err
    assert "warning: " in err and "same text as 'a000005'" in err
    # Each warning starts a line of its own: nothing of the bar just before it.
    assert not re.search(r"[^\r\n]warning: ", err)
    assert re.search(r"\nwarning: .*\n", err.replace("\r", "\n"))


def test_no_progress_prints_only_the_summary(tmp_path):
    proc = _run("export", "--corpus", SEEDS, "--out", tmp_path / "out", "--no-progress")
    assert proc.returncode == 0 and proc.stderr == ""
    assert proc.stdout.startswith("5 documents, ")


@pytest.mark.parametrize("name", ["function_words.yaml", "cues.yaml"])
def test_a_malformed_data_file_is_a_one_line_error(tmp_path, name):
    # the attribution modules read their data files on import, which checking --home does
    # while the options are parsed: a malformed file must still be the CLI's one-line error
    import shutil

    import analysis

    pkg = tmp_path / "src" / "analysis"
    shutil.copytree(Path(analysis.__file__).parent, pkg, ignore=shutil.ignore_patterns("__pycache__"))
    data = pkg / "data" / name
    lines = data.read_text(encoding="utf-8").count("\n")
    with data.open("a", encoding="utf-8") as fh:
        fh.write("broken: [a, : b\n")
    corpus = tmp_path / "c.jsonl"
    corpus.write_text('{"id": "a", "text": "قال الوزير إن الخطة جاهزة."}\n', encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "analysis", "export", "--corpus", str(corpus),
                           "--out", str(tmp_path / "out"), "--home-country", "SA"], capture_output=True, text=True,
                          cwd=tmp_path, env={**os.environ, "PYTHONPATH": str(tmp_path / "src")})
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    err = proc.stderr.strip().splitlines()
    assert len(err) == 1 and err[0].startswith(f"error: {data}:")
    assert int(err[0].split(f"{data}:")[1].split(":")[0]) > lines  # the line of the fault

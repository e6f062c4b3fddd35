"""Workers reading their own shards of a JSONL(.gz) file (issue 17, item 1): the same
tables, report, warnings and errors as one process reading the file, for any --jobs.

The corpora are invented here (hostile_inputs' sentences); blocks are BLOCK_LINES lines,
so a corpus of a few hundred lines spans many blocks and every worker."""
import gzip
import hashlib
import json
import warnings

import pytest

import hostile_inputs as hostile
from analysis.cli import main as cli_main
from analysis.corpus import CorpusReport
from analysis.errors import CorpusError
from analysis.pipeline import export, run
from analysis.shards import BLOCK_LINES, shardable

FORMATS = ("jsonl", "jsonl.gz")


def _write(path, lines: list[str]):
    raw = "".join(line + "\n" for line in lines).encode("utf-8")
    path.write_bytes(gzip.compress(raw, 1) if path.name.endswith(".gz") else raw)
    return path


def _lines(n: int) -> list[str]:
    return [json.dumps(r, ensure_ascii=False) for r in hostile.rows(n)]


def _with_repeats(n: int) -> list[str]:
    """Records whose duplicates cross block (and so worker) boundaries, both ways the
    rule can skip them, plus an empty document and blank lines."""
    records = hostile.rows(n)
    records[BLOCK_LINES + 3] = dict(records[2])  # the same id and text, in the next block
    records[2 * BLOCK_LINES + 1] = dict(records[5], id="other-id")  # the same text, another id
    records[3 * BLOCK_LINES] = dict(records[7], text=records[9]["text"])  # an earlier id, another text
    # The first copy of a text skipped for its id: the next copy of that text is kept.
    records[4 * BLOCK_LINES] = dict(records[11], text="نص لم يرد من قبل في هذه المدونة.")
    records[5 * BLOCK_LINES + 2] = dict(records[12], id="kept-copy", text="نص لم يرد من قبل في هذه المدونة.")
    records[6 * BLOCK_LINES - 1] = dict(records[13], id="empty", text="... ،")
    lines = [json.dumps(r, ensure_ascii=False) for r in records]
    lines[40:40] = ["", "   "]
    return lines


def _digests(folder) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


def _run_recorded(path, jobs: int, **options):
    report = CorpusReport()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        tables = run(path, jobs=jobs, report=report, **options)
    return tables, report, [str(w.message) for w in caught]


@pytest.mark.parametrize("fmt", FORMATS)
def test_sharded_export_writes_the_same_bytes_as_one_process(tmp_path, fmt):
    corpus = _write(tmp_path / f"c.{fmt}", _with_repeats(8 * BLOCK_LINES + 5))
    assert shardable(corpus, 2)
    digests = []
    for jobs in (1, 2, 3):
        out = tmp_path / f"out{jobs}"
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            summary = export(corpus, out, jobs=jobs)
        digests.append(_digests(out))
        assert summary.n_documents == 8 * BLOCK_LINES + 5 - 5
    assert digests[0] == digests[1] == digests[2]


@pytest.mark.parametrize("fmt", FORMATS)
def test_sharded_report_and_warnings_are_those_of_one_process(tmp_path, fmt):
    lines = _with_repeats(7 * BLOCK_LINES)
    records = [json.loads(x) if x.strip() else None for x in lines]
    lines[50] = json.dumps({k: v for k, v in records[50].items() if k != "outlet"}, ensure_ascii=False)
    lines[70] = json.dumps(dict(records[70], text=records[70]["text"] + "\u200f"), ensure_ascii=False)
    corpus = _write(tmp_path / f"c.{fmt}", lines)
    one, report_one, warned_one = _run_recorded(corpus, 1)
    two, report_two, warned_two = _run_recorded(corpus, 2)
    for name in one:
        assert one[name].equals(two[name])
    assert report_one == report_two and warned_one == warned_two
    assert report_one.missing_outlet and report_one.bidi_controls and report_one.duplicate_texts


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_malformed_line_in_the_second_shard_is_one_error_naming_it(tmp_path, fmt, capsys):
    lines = _lines(4 * BLOCK_LINES)
    bad = BLOCK_LINES + 6  # 1-based line in the second block: the second worker's
    lines[bad - 1] = lines[bad - 1][:-9]
    corpus = _write(tmp_path / f"c.{fmt}", lines)
    errors = []
    for jobs in (1, 2):
        with pytest.raises(CorpusError) as raised:
            run(corpus, jobs=jobs)
        errors.append(str(raised.value))
    assert errors[0] == errors[1] and f"c.{fmt}:{bad}: not valid JSON" in errors[0]
    capsys.readouterr()
    assert cli_main(["export", "--corpus", str(corpus), "--out", str(tmp_path / "out"), "--jobs", "2",
                     "--no-progress"]) == 2
    err = capsys.readouterr().err
    assert err == f"error: {errors[0]}\n" and not (tmp_path / "out").exists()


@pytest.mark.parametrize("fmt", FORMATS)
def test_an_over_long_line_is_the_same_error_from_the_worker_that_does_not_own_it(tmp_path, fmt):
    lines = _lines(3 * BLOCK_LINES)
    lines[2 * BLOCK_LINES + 4] = json.dumps(dict(hostile.rows(1)[0], id="long", text="كلمة " * 60_000),
                                            ensure_ascii=False)
    corpus = _write(tmp_path / f"c.{fmt}", lines)
    errors = []
    for jobs in (1, 2, 3):
        with pytest.raises(CorpusError) as raised:
            run(corpus, jobs=jobs, max_document_mb=0.1)
        errors.append(str(raised.value))
    assert len(set(errors)) == 1 and f"c.{fmt}:{2 * BLOCK_LINES + 5}:" in errors[0]


@pytest.mark.parametrize("fmt", FORMATS)
def test_an_empty_file_is_the_same_warning_and_empty_tables(tmp_path, fmt):
    corpus = _write(tmp_path / f"c.{fmt}", [])
    one, report_one, warned_one = _run_recorded(corpus, 1)
    two, report_two, warned_two = _run_recorded(corpus, 2)
    assert all(one[name].equals(two[name]) and two[name].empty for name in one)
    assert report_one == report_two and warned_one == warned_two == [f"{corpus}: no documents to analyse"]


def test_the_files_of_a_list_are_sharded_and_deduplicated_across_them(tmp_path):
    lines = _lines(3 * BLOCK_LINES)
    first = _write(tmp_path / "a.jsonl", lines[:2 * BLOCK_LINES])
    second = _write(tmp_path / "b.jsonl.gz", lines[BLOCK_LINES:])  # repeats a block of the first
    one, report_one, warned_one = _run_recorded([first, second], 1)
    two, report_two, warned_two = _run_recorded([first, second], 2)
    for name in one:
        assert one[name].equals(two[name])
    assert report_one == report_two and warned_one == warned_two and len(report_one.duplicate_ids) == BLOCK_LINES


def test_a_pipe_is_read_once_by_this_process(tmp_path):
    import os

    pipe = tmp_path / "held.jsonl"
    os.mkfifo(pipe)
    assert not shardable(pipe, 2) and not shardable(tmp_path / "missing.jsonl", 2)
    assert not shardable(_write(tmp_path / "c.jsonl", _lines(2)), 1)


def test_the_progress_bar_follows_the_workers_position_in_the_file(tmp_path, capsys):
    # The workers hold the file open (the main process does not): the bar takes the
    # slowest worker's position, so it still shows bytes out of the file's size.
    n = 20 * BLOCK_LINES
    corpus = _write(tmp_path / "c.jsonl.gz", _lines(n))
    summary = export(corpus, tmp_path / "out", jobs=2, progress=True)
    bar = capsys.readouterr().err.replace("\r", "\n").strip().splitlines()[-1]
    assert summary.n_documents == n
    assert "100%" in bar and f"B, {n:,} articles" in bar, bar

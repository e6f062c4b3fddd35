"""The output folder: never the corpus (whatever characters its path holds), one export at
a time, and what a killed run left behind is taken over by the next."""
import json
import os
import subprocess
import sys
import time

import pytest

from analysis.errors import CorpusError, OutputError
from analysis.output import LOCK_NAME, OutputLock, check_output, expand_pattern
from analysis.pipeline import export

from conftest import SEEDS

TABLE = "id,outlet,text\nx1,A,قال الوزير إن الأمن مهم\n"  # "the minister said security matters"


@pytest.mark.parametrize("folder", ["d[1]", "press*", "what?", "[abc]"])
def test_a_corpus_file_whose_path_looks_like_a_pattern_is_never_overwritten(tmp_path, folder):
    # The guard used to take such a path for a glob: it matched nothing, nothing was
    # checked, and the export replaced the corpus with the documents table.
    (tmp_path / folder).mkdir()
    corpus = tmp_path / folder / "documents.csv"
    corpus.write_text(TABLE, encoding="utf-8")
    with pytest.raises(OutputError, match=r"would replace the corpus file"):
        export(str(corpus), str(tmp_path / folder), formats=("csv",))
    assert corpus.read_text(encoding="utf-8") == TABLE
    assert sorted(p.name for p in (tmp_path / folder).iterdir()) == ["documents.csv"]


def test_a_corpus_folder_whose_name_looks_like_a_pattern_gets_no_tables(tmp_path):
    corpus = tmp_path / "press[2025]"
    import shutil

    shutil.copytree(SEEDS, corpus)
    before = sorted(p.name for p in corpus.iterdir())
    for out in (corpus, corpus / "out"):
        with pytest.raises(OutputError, match="is inside the corpus folder"):
            export(str(corpus), str(out))
    assert sorted(p.name for p in corpus.iterdir()) == before


def test_the_cli_refuses_a_bracketed_corpus_path(tmp_path):
    (tmp_path / "d[1]").mkdir()
    corpus = tmp_path / "d[1]" / "documents.csv"
    corpus.write_text(TABLE, encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "analysis", "export", "--corpus", str(corpus),
                           "--out", str(tmp_path / "d[1]"), "--format", "csv"],
                          capture_output=True, text=True)
    assert proc.returncode == 2 and proc.stderr.count("\n") == 1
    assert "would replace the corpus file" in proc.stderr
    assert corpus.read_text(encoding="utf-8") == TABLE


def test_check_output_catches_links_and_files(tmp_path):
    corpus = tmp_path / "c.csv"
    corpus.write_text(TABLE, encoding="utf-8")
    (tmp_path / "out").mkdir()
    os.link(corpus, tmp_path / "out" / "markers.csv")  # a hard link: another name, same file
    with pytest.raises(OutputError, match="would replace the corpus file"):
        check_output(corpus, tmp_path / "out", ["markers.csv"])
    with pytest.raises(OutputError, match="is a file, not a folder"):
        check_output(SEEDS, corpus, ["markers.csv"])


def test_patterns_are_expanded_only_when_asked(tmp_path):
    for name in ("a.jsonl", "b.jsonl", "c.csv"):
        (tmp_path / name).write_text("", encoding="utf-8")
    assert expand_pattern(tmp_path / "*.jsonl") == [str(tmp_path / "a.jsonl"), str(tmp_path / "b.jsonl")]
    with pytest.raises(CorpusError, match=r"\*.parquet: the pattern matches no corpus file"):
        expand_pattern(tmp_path / "*.parquet")


# ---- one export at a time

def test_a_second_export_into_a_held_folder_is_refused(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    with OutputLock(out, corpus="first.jsonl"):
        with pytest.raises(OutputError, match=r"another export \(process \d+ since .*\) from first.jsonl "
                                              r"is writing here; wait for it to finish or choose another --out"):
            export(SEEDS, out)
        assert sorted(p.name for p in out.iterdir()) == [LOCK_NAME]  # nothing of the second run
    assert list(out.iterdir()) == []  # released: the lock file is gone
    export(SEEDS, out, formats=("csv",))
    assert sorted(p.name for p in out.iterdir()) == ["attributions.csv", "documents.csv", "markers.csv"]


def test_a_held_folder_is_refused_across_processes(tmp_path):
    # A second process holds the lock (as a second export would) until told to stop.
    out = tmp_path / "out"
    out.mkdir()
    holder = subprocess.Popen([sys.executable, "-c", "import sys, time; from analysis.output import OutputLock\n"
                               f"with OutputLock({str(out)!r}, corpus='other.csv'):\n"
                               "    print('held', flush=True); sys.stdin.read()"],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        with pytest.raises(OutputError, match=rf"another export \(process {holder.pid} .*other.csv"):
            export(SEEDS, out)
    finally:
        holder.stdin.close()
        holder.wait(timeout=30)
    export(SEEDS, out, formats=("csv",))
    assert len(list(out.iterdir())) == 3


def test_a_stale_lock_is_taken_over_with_the_folders_its_run_created(tmp_path):
    # What `kill -9` of an export leaves: the lock file naming a dead process, the
    # folders it created and its temporaries. The next run takes the lock over, removes
    # the temporaries, and if it fails too it removes the dead run's folders as well.
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True).stdout.strip()
    from analysis.atomic import HOST_ID

    parent = tmp_path / "runs"
    out = parent / "run1"
    out.mkdir(parents=True)
    elsewhere = tmp_path / "elsewhere"  # empty, but not on the way to the output: kept
    elsewhere.mkdir()
    (out / LOCK_NAME).write_text(json.dumps({"pid": int(dead), "host_id": HOST_ID, "started": time.time(),
                                             "created": [str(out), str(parent), str(elsewhere)]}),
                                 encoding="utf-8")
    stale = out / f".markers.csv.{dead}.{HOST_ID}.0123456789ab.tmp"
    stale.write_text("half a table", encoding="utf-8")
    bad = tmp_path / "bad.csv"
    bad.write_text('id,outlet,text\nx1,A,"unclosed\n', encoding="utf-8")
    with pytest.raises(CorpusError, match="bad.csv:2"):
        export(bad, out)
    assert not parent.exists()  # both folders the dead run created are gone again
    assert elsewhere.exists()


def test_a_stale_lock_is_taken_over_by_a_successful_run(tmp_path):
    from analysis.atomic import HOST_ID

    out = tmp_path / "out"
    out.mkdir()
    (out / LOCK_NAME).write_text(json.dumps({"pid": 2 ** 22 + 17, "host_id": HOST_ID}), encoding="utf-8")
    stale = out / f".documents.csv.{2 ** 22 + 17}.{HOST_ID}.0123456789ab.tmp"
    stale.write_text("half a table", encoding="utf-8")
    export(SEEDS, out, formats=("csv",))
    assert sorted(p.name for p in out.iterdir()) == ["attributions.csv", "documents.csv", "markers.csv"]

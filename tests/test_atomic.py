import os
import stat

import pandas as pd
import pytest

from analysis.atomic import atomic_path, write_table_atomic


@pytest.fixture
def umask_027():
    previous = os.umask(0o027)
    try:
        yield 0o027
    finally:
        os.umask(previous)


def test_written_file_gets_mode_0666_less_the_umask(tmp_path, umask_027):
    target = tmp_path / "t.csv"
    write_table_atomic(pd.DataFrame({"a": [1]}), target)
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o640
    assert target.read_text(encoding="utf-8") == "a\n1\n"


def test_writing_never_changes_the_umask(tmp_path, monkeypatch):
    # Reading the umask means setting it, which races with other threads: never done.
    def no_umask(*args):
        raise AssertionError("os.umask called")

    monkeypatch.setattr(os, "umask", no_umask)
    write_table_atomic(pd.DataFrame({"a": [1]}), tmp_path / "t.csv")
    assert (tmp_path / "t.csv").exists()


def test_failure_keeps_the_previous_file_and_leaves_no_temporary(tmp_path):
    target = tmp_path / "t.csv"
    target.write_text("old\n", encoding="utf-8")
    with pytest.raises(RuntimeError):
        with atomic_path(target) as tmp:
            with open(tmp, "w", encoding="utf-8") as fh:
                fh.write("half")
            raise RuntimeError("interrupted")
    assert target.read_text(encoding="utf-8") == "old\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["t.csv"]


def test_a_folder_that_cannot_be_written_is_named(tmp_path, monkeypatch):
    import errno

    def read_only(*args, **kwargs):
        raise OSError(errno.EROFS, "Read-only file system", str(args[0]))

    monkeypatch.setattr(os, "open", read_only)
    with pytest.raises(OSError) as info:
        write_table_atomic(pd.DataFrame({"a": [1]}), tmp_path / "t.csv")
    assert info.value.filename == str(tmp_path) and info.value.strerror == "Read-only file system"


def test_a_bare_cr_in_a_text_cell_is_quoted(tmp_path):
    import csv

    frame = pd.DataFrame({"label": ["a\rb", "c\u2028d", "plain"], "n": [1, 2, 3]})
    write_table_atomic(frame, tmp_path / "t.csv")
    with open(tmp_path / "t.csv", encoding="utf-8", newline="") as fh:
        assert list(csv.reader(fh)) == [["label", "n"], ["a\rb", "1"], ["c\u2028d", "2"], ["plain", "3"]]
    pd.testing.assert_frame_equal(pd.read_csv(tmp_path / "t.csv"), frame, check_dtype=False)
    # A table without such characters is written as before (figure data stays byte-identical).
    write_table_atomic(pd.DataFrame({"label": ["x"], "n": [1]}), tmp_path / "u.csv")
    assert (tmp_path / "u.csv").read_text(encoding="utf-8") == "label,n\nx,1\n"


def test_temporaries_are_named_by_their_process_and_stale_ones_are_removed(tmp_path):
    import subprocess
    import sys

    from analysis.atomic import HOST_ID, new_temporary, remove_stale_temporaries

    tmp = new_temporary(tmp_path / "markers.csv")
    assert os.path.basename(tmp).startswith(f".markers.csv.{os.getpid()}.{HOST_ID}.")
    dead = int(subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                              capture_output=True, text=True).stdout)
    stale = tmp_path / f".markers.csv.{dead}.{HOST_ID}.0123456789ab.tmp"
    other_host = tmp_path / f".markers.csv.{dead}.ffffff.0123456789ab.tmp"
    unrelated = tmp_path / ".markers.csv.notes.tmp"
    for path in (stale, other_host, unrelated):
        path.write_text("x", encoding="utf-8")
    assert remove_stale_temporaries(tmp_path) == [stale]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        [os.path.basename(tmp), other_host.name, unrelated.name])
    # The next atomic write of that target removes its stale temporaries itself.
    stale.write_text("x", encoding="utf-8")
    write_table_atomic(pd.DataFrame({"a": [1]}), tmp_path / "markers.csv")
    assert not stale.exists()


def test_a_write_error_names_the_target_not_the_temporary(tmp_path, monkeypatch):
    import errno

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")  # as the system gives it: no name

    monkeypatch.setattr(pd.DataFrame, "to_csv", full)
    with pytest.raises(OSError) as info:
        write_table_atomic(pd.DataFrame({"a": [1]}), tmp_path / "t.csv")
    assert info.value.filename == str(tmp_path / "t.csv") and info.value.errno == errno.ENOSPC
    assert list(tmp_path.iterdir()) == []

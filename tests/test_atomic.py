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

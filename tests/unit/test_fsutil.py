from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from glosador.fsutil import write_atomic


def test_writes_new_file_and_reports_change(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    assert write_atomic(path, b"hola") is True
    assert path.read_bytes() == b"hola"


def test_unchanged_content_leaves_file_and_mtime_alone(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"hola")
    os.utime(path, ns=(1_000_000_000, 1_000_000_000))
    assert write_atomic(path, b"hola") is False
    assert path.stat().st_mtime_ns == 1_000_000_000


def test_keeps_permission_bits(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"x")
    path.chmod(0o640)
    write_atomic(path, b"y")
    assert stat.S_IMODE(path.stat().st_mode) == 0o640


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write anywhere")
def test_unwritable_folder_raises_and_leaves_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    (folder / "a.txt").write_bytes(b"old")
    folder.chmod(0o500)
    try:
        with pytest.raises(OSError):
            write_atomic(folder / "a.txt", b"new")
    finally:
        folder.chmod(0o700)
    assert (folder / "a.txt").read_bytes() == b"old"
    assert os.listdir(folder) == ["a.txt"]


def test_read_only_file_raises_and_is_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"old")
    path.chmod(0o444)
    with pytest.raises(PermissionError):
        write_atomic(path, b"new")
    assert path.read_bytes() == b"old"
    assert os.listdir(tmp_path) == ["a.txt"]

"""write_atomically: the key file is replaced whole or not at all, readable by its owner only."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from crypto.atomic_file import write_atomically

posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")


def test_writes_the_content(tmp_path: Path) -> None:
    target = tmp_path / "vault.keys"
    write_atomically(target, b"first")
    assert target.read_bytes() == b"first"
    write_atomically(target, "第二".encode())
    assert target.read_bytes() == "第二".encode()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["vault.keys"]  # no temp file left


@posix_only
def test_mode_is_0600_even_with_a_permissive_umask(tmp_path: Path) -> None:
    target = tmp_path / "vault.keys"
    old_umask = os.umask(0)
    try:
        write_atomically(target, b"secret")
    finally:
        os.umask(old_umask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


@posix_only
def test_replacing_a_world_readable_file_gives_0600(tmp_path: Path) -> None:
    target = tmp_path / "vault.keys"
    target.write_bytes(b"old")
    target.chmod(0o644)
    write_atomically(target, b"new")
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_a_failed_rename_leaves_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "vault.keys"
    write_atomically(target, b"old content")

    def failing_replace(src: object, dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", failing_replace)
    with pytest.raises(OSError, match="No space left"):
        write_atomically(target, b"new content")
    monkeypatch.undo()
    assert target.read_bytes() == b"old content"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["vault.keys"]


def test_a_failed_write_leaves_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "vault.keys"
    write_atomically(target, b"old content")

    def failing_fsync(fd: int) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(os, "fsync", failing_fsync)
    with pytest.raises(OSError, match="Input/output"):
        write_atomically(target, b"new content")
    monkeypatch.undo()
    assert target.read_bytes() == b"old content"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["vault.keys"]


def test_a_failure_on_a_new_file_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "vault.keys"

    def failing_replace(src: object, dst: object) -> None:
        raise OSError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", failing_replace)
    with pytest.raises(OSError):
        write_atomically(target, b"content")
    monkeypatch.undo()
    assert list(tmp_path.iterdir()) == []

"""The recovery key through the real command line: printed once by ``init`` in 8 groups,
``recover`` resets a forgotten administrator password with it, and it is audited."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.e2e.cli import folder_digest, run

KEY = re.compile(r"\b(?:[0-9A-HJKMNP-TV-Z]{5}-){7}[0-9A-HJKMNP-TV-Z]{5}\b")
ADMIN_PASSWORD = "admin-pass-1"
NEW_PASSWORD = "new-admin-pass-2"


def init(path: Path) -> str:
    """``liandang init``; returns the recovery key as printed."""
    result = run("--password-stdin", "init", str(path), "--admin", "admin", stdin=ADMIN_PASSWORD)
    assert result.code == 0, result.err
    keys = KEY.findall(result.out)
    assert len(keys) == 1, result.out
    assert "保险柜" in result.out and "safe" in result.out
    return str(keys[0])


def as_user(path: Path, user: str, stdin: str, *args: str) -> tuple[int, str, str]:
    result = run("--vault", str(path), "--user", user, "--password-stdin", *args, stdin=stdin)
    return result.code, result.out, result.err


@pytest.fixture
def vault(tmp_path: Path) -> tuple[Path, str]:
    path = tmp_path / "vault"
    key = init(path)
    for name, role, password in (
        ("aud1", "auditor", "auditor-pass-3"),
        ("clerk1", "clerk", "clerk-pass-4"),
    ):
        code, _out, err = as_user(
            path, "admin", f"{ADMIN_PASSWORD}\n{password}\n", "user", "add", name, "--role", role
        )
        assert code == 0, err
    return path, key


def test_init_prints_the_key_once_and_json_has_it(tmp_path: Path) -> None:
    key = init(tmp_path / "a")
    groups = key.split("-")
    assert len(groups) == 8 and all(len(g) == 5 for g in groups)
    result = run(
        "--password-stdin",
        "--json",
        "init",
        str(tmp_path / "b"),
        "--admin",
        "admin",
        stdin=ADMIN_PASSWORD,
    )
    assert result.code == 0, result.err
    data = json.loads(result.out)
    assert KEY.fullmatch(data["recovery_key"])
    assert data["recovery_key"] != key
    # Never written to the vault folder in the clear.
    for file in (tmp_path / "a").iterdir():
        raw = file.read_bytes()
        assert key.encode() not in raw and key.replace("-", "").encode() not in raw


def test_recover_resets_the_forgotten_administrator_password(vault: tuple[Path, str]) -> None:
    path, key = vault
    typed = key.lower().replace("-", " ")  # as someone copies it off paper
    result = run(
        "--user", "admin", "--password-stdin", "recover", str(path),
        stdin=f"{typed}\n{NEW_PASSWORD}\n",
    )  # fmt: skip
    assert result.code == 0, result.err
    assert result.err == ""
    assert "admin" in result.out
    code, _out, _err = as_user(path, "admin", ADMIN_PASSWORD, "user", "list")
    assert code == 3
    code, out, err = as_user(path, "admin", NEW_PASSWORD, "user", "list")
    assert code == 0, err
    code, out, err = as_user(path, "aud1", "auditor-pass-3", "audit", "list", "--json")
    assert code == 0, err
    assert "recovery.used" in out and "~recovery" in out


def test_a_wrong_key_is_refused_and_changes_nothing(
    vault: tuple[Path, str], tmp_path: Path
) -> None:
    path, _key = vault
    other_key = init(tmp_path / "other")
    before = folder_digest(path)
    result = run(
        "--user", "admin", "--password-stdin", "recover", str(path),
        stdin=f"{other_key}\n{NEW_PASSWORD}\n",
    )  # fmt: skip
    assert result.code == 3
    assert result.err.count("\n") == 1 and "恢复密钥不正确" in result.err
    after = folder_digest(path)
    assert after["vault.db"] == before["vault.db"]
    assert after["vault.keys"] == before["vault.keys"]


def test_a_typo_names_the_group(vault: tuple[Path, str]) -> None:
    path, key = vault
    chars = list(key)
    chars[7] = "Z" if chars[7] != "Z" else "Y"  # second group
    before = folder_digest(path)
    result = run(
        "--user", "admin", "--password-stdin", "recover", str(path),
        stdin="".join(chars) + f"\n{NEW_PASSWORD}\n",
    )  # fmt: skip
    assert result.code == 2
    assert "第2组" in result.err and "group 2" in result.err
    assert folder_digest(path) == before


def test_only_administrators_can_be_recovered(vault: tuple[Path, str]) -> None:
    path, key = vault
    result = run(
        "--user", "clerk1", "--password-stdin", "recover", str(path),
        stdin=f"{key}\n{NEW_PASSWORD}\n",
    )  # fmt: skip
    assert result.code == 3
    assert "不是管理员" in result.err
    code, _out, err = as_user(path, "clerk1", "clerk-pass-4", "official", "list")
    assert code == 0, err


def test_recover_needs_the_user(vault: tuple[Path, str]) -> None:
    path, key = vault
    result = run("--password-stdin", "recover", str(path), stdin=f"{key}\n{NEW_PASSWORD}\n")
    assert result.code == 2
    assert "--user" in result.err

"""Bad input: one line in Chinese and English, the documented exit code, nothing written."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from records.vault import unlock_vault
from records.vault_state import load_state
from tests.e2e.cli import PASSWORDS, CliVault, folder_digest, liandang_command, run
from tests.records.support import audit_rows, business_snapshot

OFFICIAL = ("--name", "测试人", "--unit", "某局", "--position", "科员", "--rank", "一级科员")


def _one_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert "Traceback" not in err
    assert " / " in lines[0]  # Chinese / English
    return lines[0]


def _as(vault: CliVault, user: str, *args: str) -> tuple[str, ...]:
    return ("--vault", str(vault.path), "--user", user, "--password-stdin", *args)


CASES = {
    "wrong password": (("clerk1", "official", "list"), "not-the-password\n", 3, "密码"),
    "invalid ID number": (
        ("clerk1", "official", "add", "--id-number", "110105198003150013", *OFFICIAL),
        None,
        2,
        "公民身份号码",
    ),
    "birth date contradicts ID": (
        (
            "clerk1",
            "official",
            "add",
            "--id-number",
            "110105198003150020",
            "--birth-date",
            "1980-03-16",
            *OFFICIAL,
        ),
        None,
        2,
        "出生日期",
    ),
    "unknown record type": (
        ("clerk1", "record", "add", "1", "--type", "gossip", "--date", "2025-01-01"),
        None,
        2,
        "记录类型",
    ),
    "unknown user": (("nobody", "official", "list"), "whatever-pw\n", 3, "用户名或密码错误"),
}


@pytest.mark.parametrize("case", CASES)
def test_bad_input_changes_nothing(cli_vault: CliVault, case: str) -> None:
    (user, *args), stdin, code, names = CASES[case]
    data, trail = _data_and_trail(cli_vault.path)
    before = folder_digest(cli_vault.path)
    failures = load_state(cli_vault.path).login_record(user).failures
    result = run(*_as(cli_vault, user, *args), stdin=stdin or PASSWORDS[user] + "\n")
    assert result.code == code, result.err
    assert names in _one_line(result.err)
    after = folder_digest(cli_vault.path)
    assert after["vault.keys"] == before["vault.keys"]
    if code == 3:  # refused before the database opens (failures are counted in vault.state)
        assert after["vault.db"] == before["vault.db"]
        # ... and vault.state counts the failure (docs/decisions/0006-vault-state-file.md).
        state = load_state(cli_vault.path)
        assert state.login_record(user).failures == failures + 1
        event = state.pending_events[-1]
        assert (event.user_name, event.action, event.outcome) == (user, "login", "failed")
    else:
        # The login succeeded and is audited (docs/decisions/0008); nothing else changed.
        data_after, trail_after = _data_and_trail(cli_vault.path)
        assert data_after == data
        assert trail_after[: len(trail)] == trail
        assert [row[3] for row in trail_after[len(trail) :]] == ["login", "login"]


def _data_and_trail(path: Path) -> tuple[object, list[tuple[object, ...]]]:
    """Every business row and the audit trail, read as clerk1 (whose own login is logged)."""
    with unlock_vault(path, "clerk1", PASSWORDS["clerk1"]) as session:
        return business_snapshot(session.conn), audit_rows(session.conn)


def test_missing_vault_option(tmp_path: Path) -> None:
    result = run("--user", "x", "--password-stdin", "official", "list", stdin="pw\n")
    assert result.code == 2
    assert "--vault" in _one_line(result.err)


def test_vault_path_that_does_not_exist(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere"
    result = run(
        "--vault", str(missing), "--user", "x", "--password-stdin", "official", "list", stdin="pw\n"
    )
    assert result.code == 2
    assert "档案库不存在" in _one_line(result.err)
    assert not missing.exists()


def test_path_that_is_not_a_vault(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("hello")
    before = folder_digest(tmp_path)
    result = run(
        "--vault",
        str(tmp_path),
        "--user",
        "x",
        "--password-stdin",
        "official",
        "list",
        stdin="pw\n",
    )
    assert result.code == 2
    assert "不是廉档档案库" in _one_line(result.err)
    assert folder_digest(tmp_path) == before


def test_file_that_is_not_a_pdf(tmp_path: Path, cli_vault: CliVault) -> None:
    bogus = tmp_path / "letter.pdf"
    bogus.write_text("这不是PDF")
    result = run("verify", str(bogus), "--trust", str(cli_vault.root_pem))
    assert result.code == 2
    assert "PDF" in _one_line(result.err)


def test_role_that_may_not_act_changes_no_data(cli_vault: CliVault, tmp_path: Path) -> None:
    """A refusal is security-relevant: it is audited, and nothing else changes.

    The audit entry is the only write (docs/decisions/0005-refusals-are-audited.md).
    """
    out = tmp_path / "should-not-exist.pdf"
    result = run(
        *_as(
            cli_vault, "clerk1", "export", "dossier", str(cli_vault.official_id), "--out", str(out)
        ),
        stdin=PASSWORDS["clerk1"] + "\n",
    )
    assert result.code == 3
    assert "权限不足" in _one_line(result.err)
    assert not out.exists()

    listing = run(
        *_as(cli_vault, "clerk1", "official", "list", "--json"), stdin=PASSWORDS["clerk1"] + "\n"
    )
    assert [o["name"] for o in json.loads(listing.out)] == ["欧阳明远"]


def test_administrator_cannot_read_dossiers(cli_vault: CliVault) -> None:
    result = run(
        *_as(cli_vault, "admin", "official", "show", str(cli_vault.official_id)),
        stdin=PASSWORDS["admin"] + "\n",
    )
    assert result.code == 3
    assert "系统管理员" in _one_line(result.err)
    assert "欧阳明远" not in result.out


def test_a_reader_that_stops_early_gets_no_error_message(tmp_path: Path) -> None:
    """`liandang … | head`: the closed pipe is the reader's choice, not an internal error.

    The listing must exceed the pipe buffer (64 KiB) for the writer to hit the closed pipe.
    """
    vault = tmp_path / "demo"
    assert run("demo", str(vault), "--officials", "200").code == 0
    proc = subprocess.Popen(
        [*liandang_command(), "--vault", str(vault), "--user", "clerk", "--password-stdin",
         "official", "list", "--json"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )  # fmt: skip
    assert proc.stdin and proc.stdout and proc.stderr
    proc.stdin.write(b"demo-clerk-2026\n")
    proc.stdin.close()
    assert proc.stdout.read(100)
    proc.stdout.close()
    err = proc.stderr.read().decode("utf-8")
    proc.wait(timeout=60)
    assert "内部错误" not in err and "Traceback" not in err

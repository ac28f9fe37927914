"""Lockout and the security policy through the real ``liandang`` command.

Each test builds its own vault: locking an account of the shared e2e vault would break the
other tests.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from records.vault_layout import DB_FILE, KEY_FILE
from records.vault_state import load_state
from tests.e2e.cli import PASSWORDS, Result, run

SEC = "sec"


def one_line(result: Result) -> str:
    lines = result.err.strip().splitlines()
    assert len(lines) == 1, result.err
    assert "Traceback" not in result.err and " / " in lines[0]
    return lines[0]


def as_user(vault: Path, user: str, *args: str, password: str | None = None) -> Result:
    secret = PASSWORDS[user] if password is None else password
    return run(
        "--vault", str(vault), "--user", user, "--password-stdin", *args, stdin=secret + "\n"
    )


def crypto_files(vault: Path) -> tuple[bytes, bytes]:
    return (vault / DB_FILE).read_bytes(), (vault / KEY_FILE).read_bytes()


@pytest.fixture
def vault(tmp_path: Path) -> Path:
    path = tmp_path / "vault"
    init = run("--password-stdin", "init", str(path), "--admin", "admin", stdin="admin-pass-1\n")
    assert init.code == 0, init.err
    added = run(
        "--vault", str(path), "--user", "admin", "--password-stdin",
        "user", "add", SEC, "--role", "secadmin",
        stdin=f"{PASSWORDS['admin']}\n{PASSWORDS[SEC]}\n",
    )  # fmt: skip
    assert added.code == 0, added.err
    return path


def test_five_wrong_passwords_lock_the_account(vault: Path) -> None:
    files = crypto_files(vault)
    for attempt in range(1, 6):
        wrong = as_user(vault, "admin", "user", "list", password=f"not-it-{attempt}")
        assert wrong.code == 3
        assert "用户名或密码错误" in one_line(wrong)
        assert crypto_files(vault) == files
        assert load_state(vault).login_record("admin").failures == attempt

    right = as_user(vault, "admin", "user", "list")
    assert right.code == 3
    line = one_line(right)
    assert line.startswith("账户已锁定,请于 15 分钟后再试")
    assert right.out == ""
    assert crypto_files(vault) == files
    actions = [(e.action, e.outcome) for e in load_state(vault).pending_events]
    assert actions == [("login", "failed")] * 5 + [("account.locked", "ok"), ("login", "refused")]

    # Another account still opens the vault, and its login moves the events into the trail.
    other = as_user(vault, SEC, "policy", "show")
    assert other.code == 0, other.err
    assert load_state(vault).pending_events == ()
    assert load_state(vault).login_record("admin").locked_at


def test_an_unknown_name_locks_with_the_same_message(vault: Path) -> None:
    for _ in range(5):
        assert as_user(vault, "nobody", "user", "list", password="guess-it").code == 3
    result = as_user(vault, "nobody", "user", "list", password="guess-it")
    assert result.code == 3
    assert one_line(result).startswith("账户已锁定")


def test_policy_show_and_set(vault: Path) -> None:
    shown = as_user(vault, SEC, "policy", "show", "--json")
    assert shown.code == 0, shown.err
    assert json.loads(shown.out) == {
        "max_failures": 5,
        "lockout_minutes": 15,
        "auto_lock_minutes": 10,
        "allow_remember": False,
        "allow_combined_roles": False,
        "attachment_max_mb": 50,
        "change_report_days": 30,
        "check_sample_percent": 10,
    }
    text = as_user(vault, "admin", "policy", "show")
    assert text.code == 0 and "登录失败次数上限" in text.out

    changed = as_user(vault, SEC, "policy", "set", "max_failures=2", "lockout_minutes=30")
    assert changed.code == 0, changed.err
    assert "max_failures: 5→2" in changed.out and "lockout_minutes: 15→30" in changed.out
    assert load_state(vault).policy["max_failures"] == 2

    for _ in range(2):
        assert as_user(vault, "admin", "user", "list", password="not-it-at-all").code == 3
    locked = as_user(vault, "admin", "user", "list")
    assert locked.code == 3
    assert one_line(locked).startswith("账户已锁定,请于 30 分钟后再试")


def test_only_the_security_officer_sets_the_policy(vault: Path) -> None:
    files = crypto_files(vault)
    refused = as_user(vault, "admin", "policy", "set", "max_failures=100")
    assert refused.code == 3
    assert "权限不足" in one_line(refused)
    assert (vault / KEY_FILE).read_bytes() == files[1]
    assert load_state(vault).policy.get("max_failures", 5) == 5


@pytest.mark.parametrize(
    ("setting", "words"),
    [
        ("max_failures=0", "登录失败次数上限"),
        ("colour=blue", "不是安全策略项"),
        ("max_failures", "KEY=VALUE"),
        ("=3", "KEY=VALUE"),
    ],
)
def test_bad_settings_change_nothing(vault: Path, setting: str, words: str) -> None:
    before = {p.name: p.read_bytes() for p in vault.iterdir()}
    result = as_user(vault, SEC, "policy", "set", setting)
    assert result.code == 2
    assert words in one_line(result)
    if words == "KEY=VALUE":
        # Malformed: refused before unlocking, so not a byte changes.
        assert {p.name: p.read_bytes() for p in vault.iterdir()} == before
    shown = as_user(vault, SEC, "policy", "show", "--json")
    assert json.loads(shown.out)["max_failures"] == 5
    assert "colour" not in json.loads(shown.out)

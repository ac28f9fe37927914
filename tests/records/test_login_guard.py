"""Login protection: counting, lockout, expiry, clock changes, and the events recorded while
locked ending up in the audit trail (docs/decisions/0009-login-protection.md).

Real vaults (SQLCipher, Argon2id at FAST_COST) and a clock the tests move by hand: nothing
sleeps, and nothing depends on today's date.
"""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from records import audit, login_guard
from records.errors import AccountDisabledError, AccountLockedError, WrongPasswordError
from records.policy import SecurityPolicy
from records.roles import Role
from records.services.policy import PolicyService
from records.services.users import UserService
from records.session import Session
from records.vault import unlock_vault
from records.vault_layout import DB_FILE, KEY_FILE
from records.vault_state import (
    STATE_FILE,
    LoginRecord,
    RecordedHead,
    VaultState,
    load_state,
    save_state,
)
from tests.records.support import ADMIN, NOW, PASSWORDS

ROOT = Path(__file__).resolve().parents[2]
SEC = "sec1"


class MovableClock:
    """The tests' wall clock: set or advanced by hand, like an administrator would."""

    def __init__(self, now: datetime = NOW) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


@pytest.fixture
def clock() -> MovableClock:
    return MovableClock()


@pytest.fixture
def vault(vault_path: Path) -> Path:
    """The administrator plus a security officer (who may change the policy)."""
    with unlock_vault(vault_path, ADMIN, PASSWORDS[ADMIN], clock=MovableClock()) as session:
        UserService(session).add(SEC, Role.SECADMIN, PASSWORDS[SEC])
    return vault_path


def attempt(vault: Path, clock: MovableClock, user: str = ADMIN, password: str = "") -> Session:
    return unlock_vault(vault, user, password or PASSWORDS[user], clock=clock)


def fail(vault: Path, clock: MovableClock, user: str = ADMIN, times: int = 1) -> None:
    for _ in range(times):
        with pytest.raises(WrongPasswordError):
            attempt(vault, clock, user, "wrong-password-0")


def crypto_files(vault: Path) -> tuple[bytes, bytes]:
    return (vault / DB_FILE).read_bytes(), (vault / KEY_FILE).read_bytes()


def set_policy(vault: Path, **changes: int | bool) -> None:
    with unlock_vault(vault, SEC, PASSWORDS[SEC], clock=MovableClock()) as session:
        PolicyService(session).set(**changes)


def pending(vault: Path) -> list[tuple[str, str, str, str]]:
    return [(e.user_name, e.action, e.outcome, e.detail) for e in load_state(vault).pending_events]


# ---- counting and locking ------------------------------------------------------------------


def test_each_failure_is_counted_and_recorded(vault: Path, clock: MovableClock) -> None:
    files = crypto_files(vault)
    fail(vault, clock)
    clock.advance(seconds=30)
    fail(vault, clock)
    state = load_state(vault)
    assert state.login_record(ADMIN) == LoginRecord(2, "")
    assert [(e.at, e.outcome) for e in state.pending_events] == [
        (NOW.isoformat(), "failed"),
        ((NOW + timedelta(seconds=30)).isoformat(), "failed"),
    ]
    assert state.clock_high_water == clock.now.isoformat()
    assert crypto_files(vault) == files


def test_the_account_locks_at_the_fifth_failure_and_refuses_the_right_password(
    vault: Path, clock: MovableClock
) -> None:
    files = crypto_files(vault)
    fail(vault, clock, times=4)
    assert not load_state(vault).login_record(ADMIN).locked_at
    fail(vault, clock)
    assert load_state(vault).login_record(ADMIN) == LoginRecord(5, NOW.isoformat())
    assert pending(vault)[-1] == (
        ADMIN,
        "account.locked",
        "ok",
        "after 5 failed logins, for 15 minutes",
    )

    clock.advance(minutes=1)
    with pytest.raises(AccountLockedError) as caught:
        attempt(vault, clock)  # the right password
    assert caught.value.zh == "账户已锁定,请于 14 分钟后再试"
    assert caught.value.en == "account is locked: try again in 14 minutes"
    assert caught.value.minutes_left == 14
    assert pending(vault)[-1] == (ADMIN, "login", "refused", "locked")
    assert crypto_files(vault) == files
    # Other accounts are not affected.
    attempt(vault, clock, SEC).close()


def test_minutes_left_round_up(vault: Path, clock: MovableClock) -> None:
    fail(vault, clock, times=5)
    clock.advance(minutes=14, seconds=59)
    with pytest.raises(AccountLockedError) as caught:
        attempt(vault, clock)
    assert caught.value.minutes_left == 1


def test_the_lock_survives_a_new_process(vault: Path, clock: MovableClock) -> None:
    """Nothing is remembered in memory: another process reads the lock from the folder."""
    fail(vault, clock, times=5)
    script = (
        "import sys\n"
        "from datetime import datetime\n"
        "from records.errors import AccountLockedError\n"
        "from records.vault import unlock_vault\n"
        "now = datetime.fromisoformat(sys.argv[2])\n"
        "try:\n"
        "    unlock_vault(__import__('pathlib').Path(sys.argv[1]), 'admin', sys.argv[3],"
        " clock=lambda: now).close()\n"
        "    print('opened')\n"
        "except AccountLockedError as error:\n"
        "    print(error.minutes_left)\n"
    )
    at = (NOW + timedelta(minutes=5)).isoformat()
    completed = subprocess.run(
        [sys.executable, "-c", script, str(vault), at, PASSWORDS[ADMIN]],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
        check=True,
    )
    assert completed.stdout.strip() == "10"


def test_the_lock_ends_after_its_duration_and_the_count_starts_again(
    vault: Path, clock: MovableClock
) -> None:
    fail(vault, clock, times=5)
    clock.advance(minutes=15)
    attempt(vault, clock).close()
    assert ADMIN not in load_state(vault).login
    # A fresh count: four more failures do not lock.
    fail(vault, clock, times=4)
    attempt(vault, clock).close()


def test_a_failure_after_an_expired_lock_starts_a_new_count(
    vault: Path, clock: MovableClock
) -> None:
    fail(vault, clock, times=5)
    clock.advance(minutes=20)
    fail(vault, clock)
    assert load_state(vault).login_record(ADMIN) == LoginRecord(1, "")


def test_success_resets_the_count(vault: Path, clock: MovableClock) -> None:
    fail(vault, clock, times=4)
    attempt(vault, clock).close()
    assert ADMIN not in load_state(vault).login
    fail(vault, clock, times=4)
    attempt(vault, clock).close()


# ---- the clock ----------------------------------------------------------------------------


def test_a_clock_set_back_does_not_end_a_lock_early(vault: Path, clock: MovableClock) -> None:
    fail(vault, clock, times=5)
    clock.advance(minutes=5)
    with pytest.raises(AccountLockedError):
        attempt(vault, clock)  # the refusal moves the high-water mark to NOW + 5 min
    clock.now = NOW - timedelta(days=1)
    with pytest.raises(AccountLockedError) as caught:
        attempt(vault, clock)
    assert caught.value.minutes_left == 10  # judged at the high-water mark
    clock.now = NOW + timedelta(minutes=15)
    attempt(vault, clock).close()


def test_a_clock_set_back_before_the_failures_still_locks(vault: Path, clock: MovableClock) -> None:
    fail(vault, clock, times=2)
    clock.now = NOW - timedelta(hours=3)
    fail(vault, clock, times=3)
    record = load_state(vault).login_record(ADMIN)
    assert record == LoginRecord(5, NOW.isoformat())  # locked at the high-water mark
    clock.now = NOW - timedelta(hours=2)
    with pytest.raises(AccountLockedError) as caught:
        attempt(vault, clock)
    assert caught.value.minutes_left == 15


def test_moving_the_clock_forward_shortens_a_lock(vault: Path, clock: MovableClock) -> None:
    """Documented, not prevented: only an OS administrator can set the clock."""
    fail(vault, clock, times=5)
    clock.advance(hours=1)
    attempt(vault, clock).close()


# ---- unknown names ------------------------------------------------------------------------


def test_unknown_names_are_counted_and_locked_alike(vault: Path, clock: MovableClock) -> None:
    fail(vault, clock, "ghost", times=5)
    fail(vault, clock, ADMIN, times=5)
    with pytest.raises(AccountLockedError) as ghost:
        attempt(vault, clock, "ghost", "whatever-password")
    with pytest.raises(AccountLockedError) as admin:
        attempt(vault, clock)
    assert str(ghost.value) == str(admin.value)
    assert "ghost" not in str(ghost.value)
    assert load_state(vault).login_record("ghost") == LoginRecord(5, NOW.isoformat())


def test_typed_names_are_cleaned_before_they_are_kept() -> None:
    assert login_guard.state_key("a\x1b[31mb\n") == "a?[31mb?"
    assert len(login_guard.state_key("x" * 500)) == login_guard.MAX_NAME_CHARS


def test_a_flood_of_invented_names_cannot_reset_the_real_counters() -> None:
    state = VaultState()
    for _ in range(3):
        state = login_guard.with_failure(state, ADMIN, NOW, keep={ADMIN})
    for number in range(login_guard.MAX_LOGIN_RECORDS + 50):
        state = login_guard.with_failure(state, f"fake{number}", NOW, keep={ADMIN})
    assert len(state.login) == login_guard.MAX_LOGIN_RECORDS
    assert state.login_record(ADMIN).failures == 3
    assert len(state.to_bytes()) < 1024 * 1024


# ---- disabled accounts --------------------------------------------------------------------


def test_a_disabled_account_is_refused_and_recorded_but_not_counted(
    vault: Path, clock: MovableClock
) -> None:
    with attempt(vault, clock) as session, session.transaction() as conn:
        conn.execute("UPDATE users SET enabled = 0 WHERE name = ?", (SEC,))
    with pytest.raises(AccountDisabledError):
        attempt(vault, clock, SEC)
    assert SEC not in load_state(vault).login
    assert pending(vault) == [(SEC, "login", "refused", "disabled")]


# ---- the audit trail -----------------------------------------------------------------------


def test_events_recorded_while_locked_reach_the_audit_trail_with_their_times(
    vault: Path, clock: MovableClock
) -> None:
    fail(vault, clock, "ghost")
    clock.advance(minutes=1)
    fail(vault, clock, times=5)
    clock.advance(minutes=2)
    with pytest.raises(AccountLockedError):
        attempt(vault, clock)
    expected = [
        (NOW, "ghost", "login", "failed"),
        *[(NOW + timedelta(minutes=1), ADMIN, "login", "failed")] * 5,
        (NOW + timedelta(minutes=1), ADMIN, "account.locked", "ok"),
        (NOW + timedelta(minutes=3), ADMIN, "login", "refused"),
    ]

    clock.advance(minutes=10)
    with attempt(vault, clock, SEC) as session:
        entries = audit.entries(session.conn)
        assert session.verify_audit_chain().ok
    flushed = [e for e in entries if e.detail.endswith(login_guard.FLUSH_NOTE)]
    assert [(e.at, e.user_name, e.action, e.outcome) for e in flushed] == expected
    assert all(e.role == "" and e.object == e.user_name for e in flushed)
    assert flushed[-1].detail == "locked; recorded outside the database"
    # They come before the login that moved them, in sequence order.
    seqs = [e.seq for e in flushed]
    assert seqs == sorted(seqs)
    assert max(seqs) < max(e.seq for e in entries)
    state = load_state(vault)
    assert state.pending_events == ()
    assert state.login_record(ADMIN).locked_at  # another user's login leaves the lock alone
    assert "ghost" in state.login


def test_a_second_unlock_does_not_write_the_events_again(vault: Path, clock: MovableClock) -> None:
    fail(vault, clock, times=2)
    attempt(vault, clock, SEC).close()
    with attempt(vault, clock, SEC) as session:
        failed = [e for e in audit.entries(session.conn) if e.outcome == "failed"]
    assert len(failed) == 2


# ---- policy -------------------------------------------------------------------------------


def test_policy_changes_take_effect(vault: Path, clock: MovableClock) -> None:
    set_policy(vault, max_failures=2, lockout_minutes=30)
    assert login_guard.policy_of(load_state(vault)).max_failures == 2
    fail(vault, clock, times=2)
    with pytest.raises(AccountLockedError) as caught:
        attempt(vault, clock)
    assert caught.value.minutes_left == 30
    # A shorter duration applies to a lock already running.
    set_policy(vault, lockout_minutes=5)
    clock.advance(minutes=5)
    attempt(vault, clock).close()


def test_a_damaged_state_file_means_defaults_until_the_next_unlock(
    vault: Path, clock: MovableClock
) -> None:
    set_policy(vault, max_failures=2)
    (vault / STATE_FILE).write_bytes(b'{"format": "liandang-state", "version": 1, "login": [')
    assert load_state(vault) == VaultState()
    fail(vault, clock, times=2)
    assert not load_state(vault).login_record(ADMIN).locked_at  # the default N = 5 applies
    attempt(vault, clock, SEC).close()  # the unlock copies the policy back from the database
    assert login_guard.policy_of(load_state(vault)).max_failures == 2


def test_an_edited_policy_copy_is_put_right_by_the_next_unlock(
    vault: Path, clock: MovableClock
) -> None:
    state = load_state(vault)
    save_state(vault, replace(state, policy={**state.policy, "max_failures": 100}))
    attempt(vault, clock).close()
    assert login_guard.policy_of(load_state(vault)) == SecurityPolicy()


# ---- the state file -----------------------------------------------------------------------


def test_other_sections_of_the_state_are_kept(vault: Path, clock: MovableClock) -> None:
    head = RecordedHead(7, "ab" * 32, "cd" * 32)
    save_state(vault, replace(load_state(vault), audit_head=head))
    fail(vault, clock, times=5)
    with pytest.raises(AccountLockedError):
        attempt(vault, clock)
    assert load_state(vault).audit_head == head
    document = json.loads((vault / STATE_FILE).read_bytes())
    assert document["audit_head"]["seq"] == 7


def test_a_state_that_cannot_be_written_still_refuses_the_password(
    vault: Path, clock: MovableClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    def read_only(_vault: Path, _state: VaultState) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(login_guard, "save_state", read_only)
    fail(vault, clock)  # WrongPasswordError, not an OSError
    attempt(vault, clock).close()


def test_a_naive_clock_is_read_as_local_time(vault: Path) -> None:
    naive = MovableClock(datetime(2026, 11, 22, 10, 0))
    fail(vault, naive, times=5)
    naive.advance(minutes=1)
    with pytest.raises(AccountLockedError) as caught:
        attempt(vault, naive)
    assert caught.value.minutes_left == 14

"""The security policy service: anyone reads, the security officer changes, every change is
audited and copied into ``vault.state``."""

from __future__ import annotations

import json
from dataclasses import fields
from pathlib import Path

import pytest

from records import login_guard
from records.errors import PermissionDeniedError, ValidationError
from records.policy import SecurityPolicy, parse_policy_value, policy_limits
from records.roles import Role
from records.services.policy import PolicyService
from records.session import Session
from records.vault_state import LoginRecord, PendingEvent, load_state, save_state
from tests.records.support import USER_OF_ROLE, Opener, audit_rows, business_snapshot


@pytest.fixture
def officer(open_populated: Opener) -> Session:
    return open_populated(USER_OF_ROLE[Role.SECADMIN])


def stored(session: Session) -> dict[str, object]:
    return {
        str(key): json.loads(value)
        for key, value in session.conn.execute("SELECT key, value FROM security_policy")
    }


@pytest.mark.parametrize("role", list(Role))
def test_every_role_reads_the_policy(open_populated: Opener, role: Role) -> None:
    session = open_populated(USER_OF_ROLE[role])
    trail = audit_rows(session.conn)
    assert PolicyService(session).get() == SecurityPolicy()
    assert audit_rows(session.conn) == trail  # reading is not an audited event


def test_a_change_is_stored_audited_and_copied(officer: Session, populated_path: Path) -> None:
    trail = audit_rows(officer.conn)
    change = PolicyService(officer).set(max_failures=3, lockout_minutes=30)
    assert change.changed == {"max_failures": (5, 3), "lockout_minutes": (15, 30)}
    assert change.before == SecurityPolicy()
    assert change.after == SecurityPolicy(max_failures=3, lockout_minutes=30)
    assert PolicyService(officer).get() == change.after
    assert stored(officer) == {"max_failures": 3, "lockout_minutes": 30}
    [entry] = audit_rows(officer.conn)[len(trail) :]
    assert entry[1:] == (
        "sec1",
        "secadmin",
        "policy.set",
        "security_policy",
        "ok",
        "max_failures: 5→3, lockout_minutes: 15→30",
    )
    assert officer.verify_audit_chain().ok
    assert login_guard.policy_of(load_state(populated_path)) == change.after


def test_text_values_are_parsed_like_the_command_line(officer: Session) -> None:
    change = PolicyService(officer).set_values(
        {"allow_combined_roles": "yes", "auto_lock_minutes": "5"}
    )
    assert change.after.allow_combined_roles is True
    assert change.after.auto_lock_minutes == 5
    assert change.describe() == "auto_lock_minutes: 10→5, allow_combined_roles: false→true"
    assert stored(officer) == {"allow_combined_roles": True, "auto_lock_minutes": 5}


def test_setting_the_current_value_writes_nothing(officer: Session) -> None:
    trail = audit_rows(officer.conn)
    change = PolicyService(officer).set(max_failures=5)
    assert change.changed == {}
    assert audit_rows(officer.conn) == trail
    assert stored(officer) == {}


@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({"max_failures": "0"}, "max_failures"),
        ({"lockout_minutes": "1441"}, "lockout_minutes"),
        ({"auto_lock_minutes": "ten"}, "auto_lock_minutes"),
        ({"allow_remember": "maybe"}, "allow_remember"),
        ({"password_length": "12"}, "password_length"),
        # All or none: the valid first setting is not applied either.
        ({"max_failures": "3", "lockout_minutes": "0"}, "lockout_minutes"),
    ],
)
def test_bad_values_change_nothing(
    officer: Session, populated_path: Path, values: dict[str, str], field: str
) -> None:
    before, trail = business_snapshot(officer.conn), audit_rows(officer.conn)
    state = load_state(populated_path)
    with pytest.raises(ValidationError) as caught:
        PolicyService(officer).set_values(values)
    assert caught.value.field == field
    assert business_snapshot(officer.conn) == before
    assert audit_rows(officer.conn) == trail
    assert load_state(populated_path).policy == state.policy


@pytest.mark.parametrize("changes", [{"max_failures": True}, {"allow_remember": 1}])
def test_typed_values_must_have_the_right_type(
    officer: Session, changes: dict[str, object]
) -> None:
    with pytest.raises(ValidationError):
        PolicyService(officer).set(**changes)  # type: ignore[arg-type]
    assert stored(officer) == {}


@pytest.mark.parametrize("role", [r for r in Role if r is not Role.SECADMIN])
def test_only_the_security_officer_changes_it(
    open_populated: Opener, populated_path: Path, role: Role
) -> None:
    session = open_populated(USER_OF_ROLE[role])
    state = load_state(populated_path)
    with pytest.raises(PermissionDeniedError):
        PolicyService(session).set_values({"max_failures": "100"})
    assert stored(session) == {}
    assert load_state(populated_path).policy == state.policy
    assert audit_rows(session.conn)[-1][3:6] == ("policy.set", "security_policy", "refused")


def test_the_copy_keeps_the_rest_of_the_state(officer: Session, populated_path: Path) -> None:
    event = PendingEvent("2026-11-22T09:00:00+08:00", "ghost", "login", "failed")
    before = load_state(populated_path).with_login("ghost", LoginRecord(2, "")).with_event(event)
    save_state(populated_path, before)
    PolicyService(officer).set(auto_lock_minutes=3)
    state = load_state(populated_path)
    assert state.policy["auto_lock_minutes"] == 3
    assert (state.login, state.pending_events) == (before.login, before.pending_events)


def test_a_damaged_stored_value_keeps_its_default(officer: Session) -> None:
    PolicyService(officer).set(max_failures=3, lockout_minutes=20)
    with officer.transaction() as conn:
        conn.execute("UPDATE security_policy SET value = '{oops' WHERE key = 'max_failures'")
    assert PolicyService(officer).get() == SecurityPolicy(lockout_minutes=20)


@pytest.mark.parametrize("name", [f.name for f in fields(SecurityPolicy)])
def test_the_limits_a_form_offers_are_the_ones_the_parser_enforces(name: str) -> None:
    limits = policy_limits(name)
    if isinstance(getattr(SecurityPolicy(), name), bool):
        assert limits is None
        return
    assert limits is not None
    low, high = limits
    assert parse_policy_value(name, str(low)) == low
    assert parse_policy_value(name, str(high)) == high
    for outside in (low - 1, high + 1):
        with pytest.raises(ValidationError):
            parse_policy_value(name, str(outside))

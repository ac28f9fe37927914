"""The recovery key: issued once at vault creation, resets an administrator's password when
every administrator has forgotten theirs, audited, and good for nothing else."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from crypto.kdf import FAST_COST
from crypto.keyfile import RECOVERY_ACCOUNT, KeyFile
from crypto.recovery_key import RecoveryKey
from records import audit, login_guard, recovery
from records.errors import (
    AccountLockedError,
    NoRecoveryKeyError,
    NotFoundError,
    RecoveryTargetError,
    ValidationError,
    WrongPasswordError,
    WrongRecoveryKeyError,
)
from records.recovery import RECOVERY_ACTION, parse_recovery_key, recover_account
from records.roles import Role
from records.rotation import rotate_data_key
from records.services.account_admin import AccountAdminService
from records.services.users import UserService
from records.vault import create_vault, unlock_vault
from records.vault_layout import DB_FILE, KEY_FILE
from records.vault_state import load_state
from tests.records.support import ADMIN, PASSWORDS, fixed_clock, folder_bytes

GROUPS = re.compile(r"^([0-9A-HJKMNP-TV-Z]{5}-){7}[0-9A-HJKMNP-TV-Z]{5}$")
NEW_PASSWORD = "brand-new-password-9"


@dataclass(frozen=True)
class RecoverableVault:
    path: Path
    recovery_key: str


@pytest.fixture
def vault(tmp_path: Path) -> RecoverableVault:
    """admin (sysadmin), sec1 (secadmin), clerk1 (clerk), and the recovery key."""
    path = tmp_path / "vault"
    with create_vault(
        path, ADMIN, PASSWORDS[ADMIN], kdf_cost=FAST_COST, clock=fixed_clock
    ) as session:
        key = session.recovery_key_once
        assert key is not None
        users = UserService(session)
        users.add("sec1", Role.SECADMIN, PASSWORDS["sec1"])
        users.add("clerk1", Role.CLERK, PASSWORDS["clerk1"])
    return RecoverableVault(path, key)


def trail(path: Path) -> list[audit.AuditEntry]:
    with unlock_vault(path, "sec1", PASSWORDS["sec1"], clock=fixed_clock) as session:
        return audit.entries(session.conn)


def recovery_entries(path: Path) -> list[audit.AuditEntry]:
    return [e for e in trail(path) if e.action == RECOVERY_ACTION]


# ---- issuing the key ----------------------------------------------------------------------


def test_create_vault_issues_a_recovery_key_once(tmp_path: Path) -> None:
    session = create_vault(
        tmp_path / "v", ADMIN, PASSWORDS[ADMIN], kdf_cost=FAST_COST, clock=fixed_clock
    )
    key = session.recovery_key_once
    assert key is not None and GROUPS.match(key), key
    raw = (tmp_path / "v" / KEY_FILE).read_bytes()
    assert key.encode() not in raw and key.replace("-", "").encode() not in raw
    keyfile = KeyFile.from_bytes(raw)
    assert RECOVERY_ACCOUNT in keyfile.accounts
    assert RECOVERY_ACCOUNT in keyfile.generation(1).seals
    session.close()
    assert session.recovery_key_once is None
    # An unlocked session never carries it.
    with unlock_vault(tmp_path / "v", ADMIN, PASSWORDS[ADMIN], clock=fixed_clock) as again:
        assert again.recovery_key_once is None


def test_every_vault_gets_its_own_key(tmp_path: Path) -> None:
    keys = set()
    for name in ("a", "b"):
        with create_vault(tmp_path / name, ADMIN, PASSWORDS[ADMIN], kdf_cost=FAST_COST) as s:
            keys.add(s.recovery_key_once)
    assert len(keys) == 2


def test_nobody_logs_in_as_recovery(vault: RecoverableVault) -> None:
    key = parse_recovery_key(vault.recovery_key)
    for password in (vault.recovery_key, key.kdf_input):
        with pytest.raises(WrongPasswordError):
            unlock_vault(vault.path, RECOVERY_ACCOUNT, password, clock=fixed_clock)


# ---- reading it as typed -------------------------------------------------------------------


def test_parse_tolerates_how_people_type(vault: RecoverableVault) -> None:
    key = parse_recovery_key(vault.recovery_key)
    for typed in (
        vault.recovery_key.lower(),
        vault.recovery_key.replace("-", " "),
        vault.recovery_key.replace("-", ""),
        " " + vault.recovery_key + " \n",
    ):
        assert parse_recovery_key(typed) == key


def test_a_typo_names_its_group(vault: RecoverableVault) -> None:
    chars = list(vault.recovery_key)
    position = 2 * 6 + 1  # second character of group 3 ("XXXXX-" is 6 wide)
    chars[position] = "7" if chars[position] != "7" else "8"
    with pytest.raises(ValidationError) as caught:
        parse_recovery_key("".join(chars))
    assert caught.value.field == "recovery_key"
    assert "第3组" in caught.value.zh and "group 3" in caught.value.en


@pytest.mark.parametrize(
    ("typed", "zh"),
    [("ABCDE-FGHJK", "8组"), ("U" * 40, "“U”"), ("", "8组")],
)
def test_malformed_keys(typed: str, zh: str) -> None:
    with pytest.raises(ValidationError) as caught:
        parse_recovery_key(typed)
    assert zh in caught.value.zh


# ---- using it ------------------------------------------------------------------------------


def test_recover_resets_the_administrator(vault: RecoverableVault) -> None:
    user = recover_account(vault.path, vault.recovery_key, ADMIN, NEW_PASSWORD, clock=fixed_clock)
    assert user.name == ADMIN and user.enabled
    with pytest.raises(WrongPasswordError):
        unlock_vault(vault.path, ADMIN, PASSWORDS[ADMIN], clock=fixed_clock)
    with unlock_vault(vault.path, ADMIN, NEW_PASSWORD, clock=fixed_clock) as session:
        assert session.user.roles == frozenset({Role.SYSADMIN})
        assert [u.name for u in UserService(session).list()] == [ADMIN, "sec1", "clerk1"]
    # Other accounts are untouched.
    unlock_vault(vault.path, "clerk1", PASSWORDS["clerk1"], clock=fixed_clock).close()

    entries = trail(vault.path)
    used = [e for e in entries if e.action == RECOVERY_ACTION]
    assert len(used) == 1
    assert (used[0].user_name, used[0].object, used[0].outcome) == (
        RECOVERY_ACCOUNT,
        ADMIN,
        audit.Outcome.OK,
    )
    assert "recovery key" in used[0].detail
    with unlock_vault(vault.path, "sec1", PASSWORDS["sec1"], clock=fixed_clock) as session:
        assert session.verify_audit_chain().ok


def test_the_key_works_again_and_for_another_administrator(vault: RecoverableVault) -> None:
    recover_account(vault.path, vault.recovery_key, ADMIN, NEW_PASSWORD, clock=fixed_clock)
    recover_account(vault.path, vault.recovery_key, "sec1", "another-new-pass-2", clock=fixed_clock)
    unlock_vault(vault.path, "sec1", "another-new-pass-2", clock=fixed_clock).close()
    unlock_vault(vault.path, ADMIN, NEW_PASSWORD, clock=fixed_clock).close()


def test_the_key_still_works_after_a_key_rotation(vault: RecoverableVault) -> None:
    with unlock_vault(vault.path, "sec1", PASSWORDS["sec1"], clock=fixed_clock) as session:
        rotate_data_key(session)
        keyfile = session.keyfile
        assert RECOVERY_ACCOUNT in keyfile.generation(keyfile.newest_generation).seals
    recover_account(vault.path, vault.recovery_key, ADMIN, NEW_PASSWORD, clock=fixed_clock)
    unlock_vault(vault.path, ADMIN, NEW_PASSWORD, clock=fixed_clock).close()


def test_recover_re_enables_a_disabled_administrator(vault: RecoverableVault) -> None:
    with unlock_vault(vault.path, ADMIN, PASSWORDS[ADMIN], clock=fixed_clock) as session:
        # A second sysadmin, so the first can be disabled (the last one never can).
        UserService(session).add("admin2", Role.SYSADMIN, "admin-two-password")
    with unlock_vault(vault.path, "admin2", "admin-two-password", clock=fixed_clock) as session:
        AccountAdminService(session).disable(ADMIN)
    recover_account(vault.path, vault.recovery_key, ADMIN, NEW_PASSWORD, clock=fixed_clock)
    with unlock_vault(vault.path, ADMIN, NEW_PASSWORD, clock=fixed_clock) as session:
        assert session.user.enabled
    assert "re-enabled" in recovery_entries(vault.path)[-1].detail


def test_recover_ends_a_lockout(vault: RecoverableVault) -> None:
    for _ in range(5):
        login_guard.record_failure(vault.path, ADMIN, clock=fixed_clock)
    with pytest.raises(AccountLockedError):
        unlock_vault(vault.path, ADMIN, PASSWORDS[ADMIN], clock=fixed_clock)
    recover_account(vault.path, vault.recovery_key, ADMIN, NEW_PASSWORD, clock=fixed_clock)
    unlock_vault(vault.path, ADMIN, NEW_PASSWORD, clock=fixed_clock).close()


def test_wrong_key_changes_nothing_but_is_recorded(vault: RecoverableVault) -> None:
    before = folder_bytes(vault.path)
    with pytest.raises(WrongRecoveryKeyError) as caught:
        recover_account(
            vault.path, RecoveryKey.generate().formatted, ADMIN, NEW_PASSWORD, clock=fixed_clock
        )
    assert "恢复密钥不正确" in caught.value.zh
    after = folder_bytes(vault.path)
    assert after[DB_FILE] == before[DB_FILE] and after[KEY_FILE] == before[KEY_FILE]
    events = load_state(vault.path).pending_events
    assert [(e.user_name, e.action, e.outcome) for e in events][-1] == (
        RECOVERY_ACCOUNT,
        RECOVERY_ACTION,
        audit.Outcome.FAILED,
    )
    unlock_vault(vault.path, ADMIN, PASSWORDS[ADMIN], clock=fixed_clock).close()
    # …and the next unlock moved it into the audit trail.
    assert any(
        e.action == RECOVERY_ACTION and e.outcome == audit.Outcome.FAILED for e in trail(vault.path)
    )


@pytest.mark.parametrize("new_password", ["short", " padded-password "])
def test_bad_input_changes_nothing_at_all(vault: RecoverableVault, new_password: str) -> None:
    before = folder_bytes(vault.path)
    with pytest.raises(ValidationError):
        recover_account(vault.path, vault.recovery_key, ADMIN, new_password, clock=fixed_clock)
    typo = vault.recovery_key[:-1] + ("0" if vault.recovery_key[-1] != "0" else "1")
    with pytest.raises(ValidationError):
        recover_account(vault.path, typo, ADMIN, NEW_PASSWORD, clock=fixed_clock)
    assert folder_bytes(vault.path) == before


def test_a_business_account_is_refused_and_the_refusal_audited(vault: RecoverableVault) -> None:
    keys_before = (vault.path / KEY_FILE).read_bytes()
    with pytest.raises(RecoveryTargetError) as caught:
        recover_account(vault.path, vault.recovery_key, "clerk1", NEW_PASSWORD, clock=fixed_clock)
    assert "不是管理员" in caught.value.zh
    assert (vault.path / KEY_FILE).read_bytes() == keys_before
    unlock_vault(vault.path, "clerk1", PASSWORDS["clerk1"], clock=fixed_clock).close()
    last = recovery_entries(vault.path)[-1]
    assert (last.object, last.outcome) == ("clerk1", audit.Outcome.REFUSED)


def test_an_unknown_account_is_reported_and_audited(vault: RecoverableVault) -> None:
    keys_before = (vault.path / KEY_FILE).read_bytes()
    with pytest.raises(NotFoundError):
        recover_account(vault.path, vault.recovery_key, "nobody", NEW_PASSWORD, clock=fixed_clock)
    assert (vault.path / KEY_FILE).read_bytes() == keys_before
    last = recovery_entries(vault.path)[-1]
    assert (last.object, last.outcome) == ("nobody", audit.Outcome.FAILED)


def test_a_vault_without_recovery_slot(vault: RecoverableVault) -> None:
    document = json.loads((vault.path / KEY_FILE).read_bytes())
    del document["accounts"][RECOVERY_ACCOUNT]
    for generation in document["generations"]:
        del generation["seals"][RECOVERY_ACCOUNT]
    (vault.path / KEY_FILE).write_text(json.dumps(document))
    with pytest.raises(NoRecoveryKeyError):
        recover_account(vault.path, vault.recovery_key, ADMIN, NEW_PASSWORD, clock=fixed_clock)


def test_a_failed_database_step_puts_the_key_file_back(
    vault: RecoverableVault, monkeypatch: pytest.MonkeyPatch
) -> None:
    keys_before = (vault.path / KEY_FILE).read_bytes()

    original_log = recovery.Session.log

    def failing_log(self: recovery.Session, action: str, obj: str, **kwargs: str) -> object:
        if action == RECOVERY_ACTION and kwargs.get("outcome", audit.Outcome.OK) == "ok":
            raise OSError("disk full")
        return original_log(self, action, obj, **kwargs)

    monkeypatch.setattr(recovery.Session, "log", failing_log)
    with pytest.raises(OSError):
        recover_account(vault.path, vault.recovery_key, ADMIN, NEW_PASSWORD, clock=fixed_clock)
    monkeypatch.undo()
    assert (vault.path / KEY_FILE).read_bytes() == keys_before
    unlock_vault(vault.path, ADMIN, PASSWORDS[ADMIN], clock=fixed_clock).close()

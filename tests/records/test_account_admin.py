"""Disabling, enabling, resetting and granting roles: the key file and the database agree."""

from __future__ import annotations

from pathlib import Path

import pytest

from records.errors import (
    AccountDisabledError,
    ConflictError,
    NotFoundError,
    SeparationOfDutiesError,
    WrongPasswordError,
)
from records.roles import Role
from records.services.account_admin import AccountAdminService
from records.services.officials import OfficialService
from records.services.users import UserService
from records.vault import unlock_vault
from tests.records.support import PASSWORDS, Opener, audit_rows, fixed_clock, folder_bytes


def _set_policy(opener: Opener, **values: object) -> None:
    import json

    session = opener("sec1")
    with session.transaction() as conn:
        for key, value in values.items():
            conn.execute(
                "INSERT OR REPLACE INTO security_policy (key, value) VALUES (?, ?)",
                (key, json.dumps(value)),
            )


def test_a_disabled_account_cannot_unlock_and_can_be_enabled_again(
    open_populated: Opener, populated_path: Path
) -> None:
    admin = AccountAdminService(open_populated("admin"))
    user = admin.disable("clerk1")
    assert not user.enabled
    with pytest.raises(AccountDisabledError):
        unlock_vault(populated_path, "clerk1", PASSWORDS["clerk1"], clock=fixed_clock)
    trail = audit_rows(open_populated("aud1").conn)
    assert ("admin", "user.disable", "clerk1") in [(r[1], r[3], r[4]) for r in trail]

    assert admin.enable("clerk1").enabled
    with unlock_vault(populated_path, "clerk1", PASSWORDS["clerk1"], clock=fixed_clock) as s:
        assert OfficialService(s).list()


def test_disabling_removes_every_seal_of_the_account(open_populated: Opener) -> None:
    session = open_populated("admin")
    AccountAdminService(session).disable("vet1")
    assert all("vet1" not in g.seals for g in session.keyfile.generations)
    assert "vet1" in session.keyfile.accounts  # the slot stays, so enabling needs no password


@pytest.mark.parametrize(
    ("target", "error"),
    [("admin", ConflictError), ("nobody", NotFoundError)],
    ids=["yourself", "unknown account"],
)
def test_what_cannot_be_disabled(open_populated: Opener, target: str, error: type) -> None:
    with pytest.raises(error):
        AccountAdminService(open_populated("admin")).disable(target)


def test_the_last_security_officer_cannot_be_disabled(open_populated: Opener) -> None:
    with pytest.raises(ConflictError, match="最后一个"):
        AccountAdminService(open_populated("admin")).disable("sec1")


def test_a_failed_disable_leaves_key_file_and_database_unchanged(
    open_populated: Opener, populated_path: Path
) -> None:
    session = open_populated("admin")
    before = folder_bytes(populated_path)
    with pytest.raises(ConflictError):
        AccountAdminService(session).disable("sec1")
    assert folder_bytes(populated_path) == before


def test_password_reset_replaces_the_key_pair(open_populated: Opener, populated_path: Path) -> None:
    session = open_populated("admin")
    AccountAdminService(session).reset_password("clerk1", "brand-new-pass")
    with pytest.raises(WrongPasswordError):
        unlock_vault(populated_path, "clerk1", PASSWORDS["clerk1"], clock=fixed_clock)
    with unlock_vault(populated_path, "clerk1", "brand-new-pass", clock=fixed_clock) as s:
        assert s.user.name == "clerk1"
    trail = audit_rows(session.conn)
    assert ("admin", "user.password_reset", "clerk1") in [(r[1], r[3], r[4]) for r in trail]


def test_roles_are_granted_and_revoked_by_the_security_officer(open_populated: Opener) -> None:
    admin = AccountAdminService(open_populated("sec1"))
    assert admin.grant_role("clerk1", "vetting").roles == {Role.CLERK, Role.VETTING}
    assert admin.revoke_role("clerk1", "clerk").roles == {Role.VETTING}
    with pytest.raises(ConflictError):
        admin.revoke_role("clerk1", "vetting")  # the last role stays


@pytest.mark.parametrize(
    ("user", "role"),
    [("clerk1", "auditor"), ("aud1", "secadmin"), ("admin", "vetting")],
    ids=["business + administrator", "two administrators", "administrator + business"],
)
def test_separation_of_duties_is_strict_by_default(
    open_populated: Opener, user: str, role: str
) -> None:
    session = open_populated("sec1")
    before = audit_rows(session.conn)
    with pytest.raises(SeparationOfDutiesError, match="三员分立"):
        AccountAdminService(session).grant_role(user, role)
    assert audit_rows(session.conn) == before


def test_the_small_unit_switch_allows_combining_and_every_use_is_audited(
    open_populated: Opener,
) -> None:
    _set_policy(open_populated, allow_combined_roles=True)
    session = open_populated("sec1")
    user = AccountAdminService(session).grant_role("aud1", "sysadmin")
    assert user.roles == {Role.AUDITOR, Role.SYSADMIN}
    assert "三员分立例外" in audit_rows(session.conn)[-1][6]


def test_a_combined_account_acts_with_the_union_of_its_roles(
    open_populated: Opener, populated_path: Path
) -> None:
    AccountAdminService(open_populated("sec1")).grant_role("clerk1", "vetting")
    with unlock_vault(populated_path, "clerk1", PASSWORDS["clerk1"], clock=fixed_clock) as s:
        assert s.user.roles_text == "clerk+vetting"
        official_id = OfficialService(s).list()[0].id
        assert OfficialService(s).dossier(official_id).official.id == official_id
        with pytest.raises(Exception, match="权限不足"):
            UserService(s).add("x1", "clerk", "password-123")

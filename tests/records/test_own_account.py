"""Changing one's own password, and declaring relations that make the user recuse."""

from __future__ import annotations

from pathlib import Path

import pytest

from records.errors import (
    ConflictError,
    RecusalError,
    ValidationError,
    WrongPasswordError,
)
from records.services.dossier_records import RecordService
from records.services.export_grants import dossier_export_grant
from records.services.officials import OfficialService
from records.services.own_account import OwnAccountService
from records.vault import unlock_vault
from records.vault_layout import DB_FILE
from records.vault_state import load_state
from tests.records.support import PASSWORDS, Opener, audit_rows, business_snapshot, fixed_clock


def _official_id(opener: Opener) -> int:
    return OfficialService(opener("clerk1")).list()[0].id


def test_a_password_change_leaves_the_database_byte_for_byte_unchanged(
    open_populated: Opener, populated_path: Path
) -> None:
    session = open_populated("clerk1")
    db_before = (populated_path / DB_FILE).read_bytes()
    OwnAccountService(session).change_password(PASSWORDS["clerk1"], "a-new-password")
    assert (populated_path / DB_FILE).read_bytes() == db_before
    with pytest.raises(WrongPasswordError):
        unlock_vault(populated_path, "clerk1", PASSWORDS["clerk1"], clock=fixed_clock)
    # Recorded outside the database until the next unlock moves it into the audit trail.
    pending = load_state(populated_path).pending_events
    assert ("clerk1", "user.password_change") in [(e.user_name, e.action) for e in pending]
    with unlock_vault(populated_path, "clerk1", "a-new-password", clock=fixed_clock) as s:
        trail = [(row[1], row[3]) for row in audit_rows(s.conn)]
        assert ("clerk1", "user.password_change") in trail


@pytest.mark.parametrize(
    ("old", "new", "error"),
    [
        ("wrong-old-password", "a-new-password", WrongPasswordError),
        (PASSWORDS["clerk1"], "short", ValidationError),
        (PASSWORDS["clerk1"], PASSWORDS["clerk1"], ValidationError),
    ],
    ids=["wrong old password", "too short", "unchanged"],
)
def test_a_refused_password_change_changes_nothing(
    open_populated: Opener, populated_path: Path, old: str, new: str, error: type
) -> None:
    session = open_populated("clerk1")
    keys_before = session.keyfile.to_bytes()
    with pytest.raises(error):
        OwnAccountService(session).change_password(old, new)
    assert session.keyfile.to_bytes() == keys_before


def test_a_declared_relation_recuses_the_user_everywhere(open_populated: Opener) -> None:
    official_id = _official_id(open_populated)
    vetting = open_populated("vet1")
    OwnAccountService(vetting).declare_relation(official_id, "表兄弟")
    attempts = {
        "official.read": lambda: OfficialService(vetting).dossier(official_id),
        "record.list": lambda: RecordService(vetting).list(official_id),
        "dossier.export": lambda: dossier_export_grant(vetting, official_id).__enter__(),
    }
    for action, attempt in attempts.items():
        before = business_snapshot(vetting.conn)
        with pytest.raises(RecusalError, match="回避"):
            attempt()
        last = audit_rows(vetting.conn)[-1]
        assert (last[3], last[5]) == (action, "refused")
        assert "recusal" in last[6]
        assert business_snapshot(vetting.conn) == before


def test_a_recused_clerk_cannot_edit_the_dossier(open_populated: Opener) -> None:
    official_id = _official_id(open_populated)
    clerk = open_populated("clerk1")
    OwnAccountService(clerk).declare_relation(official_id, "配偶")
    with pytest.raises(RecusalError):
        RecordService(clerk).add(
            official_id, "major_matter", "2026-01-01", {"kind": "其他", "title": "x"}
        )
    with pytest.raises(RecusalError):
        OfficialService(clerk).add_family_member(official_id, {"relation": "子", "name": "某"})
    # Others are not affected.
    assert OfficialService(open_populated("vet1")).dossier(official_id)


def test_relations_are_listed_and_cannot_be_declared_twice(open_populated: Opener) -> None:
    official_id = _official_id(open_populated)
    service = OwnAccountService(open_populated("vet1"))
    service.declare_relation(official_id, "同学")
    with pytest.raises(ConflictError):
        service.declare_relation(official_id, "同学")
    assert [(r.official_id, r.relation) for r in service.relations()] == [(official_id, "同学")]


@pytest.mark.parametrize("relation", ["", " ", "关" * 21])
def test_a_relation_must_be_named(open_populated: Opener, relation: str) -> None:
    with pytest.raises(ValidationError) as caught:
        OwnAccountService(open_populated("vet1")).declare_relation(
            _official_id(open_populated), relation
        )
    assert caught.value.field == "relation"

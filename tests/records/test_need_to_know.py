"""A clue's content is for its custodian and the vetting role; others see that it exists."""

from __future__ import annotations

from pathlib import Path

import pytest

from records.errors import ValidationError
from records.services.account_admin import AccountAdminService
from records.services.dossier_records import RecordService
from records.services.officials import OfficialService
from records.services.users import UserService
from records.vault import unlock_vault
from tests.records.support import Opener, fixed_clock

CLUE = {"summary": "群众反映其配偶在辖区内经营企业", "custodian": "clerk1", "status": "处置中"}


def _file_clue(opener: Opener, custodian: str = "clerk1") -> int:
    clerk = opener("clerk1")
    official_id = OfficialService(clerk).list()[0].id
    RecordService(clerk).add(
        official_id, "clue", "2026-10-01", {**CLUE, "custodian": custodian}, source="petition"
    )
    return official_id


def test_custodian_and_vetting_read_the_content(open_populated: Opener) -> None:
    official_id = _file_clue(open_populated)
    for user in ("clerk1", "vet1"):
        clues = RecordService(open_populated(user)).list(official_id, type_code="clue")
        assert clues[0].fields["summary"] == CLUE["summary"]
        assert not clues[0].content_hidden


def test_another_clerk_sees_only_that_a_clue_exists(
    open_populated: Opener, populated_path: Path
) -> None:
    UserService(open_populated("admin")).add("clerk2", "clerk", "clerk-two-pass")
    official_id = _file_clue(open_populated)
    with unlock_vault(populated_path, "clerk2", "clerk-two-pass", clock=fixed_clock) as other:
        [clue] = RecordService(other).list(official_id, type_code="clue")
        assert clue.content_hidden and clue.fields == {}
        assert clue.type == "clue" and str(clue.record_date) == "2026-10-01"
        dossier = OfficialService(other).dossier(official_id)
        hidden = [r for r in dossier.records if r.type == "clue"]
        assert hidden and all(r.content_hidden and not r.fields for r in hidden)
        # Ordinary records stay readable.
        assert any(r.fields for r in dossier.records if r.type == "major_matter")


@pytest.mark.parametrize("custodian", ["nobody", "sec1", "aud1"])
def test_the_custodian_must_be_a_business_account(open_populated: Opener, custodian: str) -> None:
    with pytest.raises(ValidationError) as caught:
        _file_clue(open_populated, custodian)
    assert caught.value.field == "custodian"


def test_a_disabled_account_cannot_be_custodian(open_populated: Opener) -> None:
    AccountAdminService(open_populated("admin")).disable("vet1")
    with pytest.raises(ValidationError):
        _file_clue(open_populated, "vet1")

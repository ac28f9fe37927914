"""History, never deletion: edits are versions, withdrawals keep the record; informants apart."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from records import audit
from records.errors import ConflictError, NotFoundError, PermissionDeniedError, ValidationError
from records.model import Disclosure, Source
from records.record_history import FieldChange, VersionEvent
from records.services.clue_informants import ClueInformantService
from records.services.dossier_records import RecordService
from records.services.officials import OfficialService
from records.services.record_access import NotCustodianError
from records.services.users import UserService
from records.session import Session
from records.vault import unlock_vault
from tests.records.support import (
    NOW,
    Opener,
    audit_rows,
    business_snapshot,
    count,
    fixed_clock,
)

MATTER = {"kind": "操办婚丧喜庆", "title": "操办婚礼", "guests": "80"}
CLUE = {"summary": "群众反映其配偶经商", "custodian": "vet1", "status": "待处置"}
INFORMANT = ("张举报", "13800000000")


def _official_id(session: Session) -> int:
    return OfficialService(session).list()[0].id


@pytest.fixture
def clerk(open_populated: Opener) -> Session:
    return open_populated("clerk1")


@pytest.fixture
def matter_id(clerk: Session) -> int:
    return RecordService(clerk).add(_official_id(clerk), "major_matter", "2026-05-02", MATTER).id


def _row_counts(session: Session) -> tuple[int, int, int]:
    conn = session.conn
    return count(conn, "records"), count(conn, "record_history"), count(conn, "clue_informants")


def test_an_edit_is_a_new_version_and_the_old_one_is_kept(clerk: Session, matter_id: int) -> None:
    service = RecordService(clerk)
    edited = service.edit(
        matter_id,
        fields={"guests": "120", "detail": "女儿结婚"},
        source="self",
        disclosure="secret",
    )
    assert edited.version == 2
    assert edited.fields == {**MATTER, "guests": 120, "detail": "女儿结婚"}
    assert (edited.source, edited.disclosure) == (Source.SELF, Disclosure.SECRET)
    assert (edited.updated_by, edited.updated_at) == ("clerk1", NOW)
    assert edited.created_by == "clerk1"
    stored = clerk.conn.execute(
        "SELECT version, fields_json, source, changed_by FROM record_history WHERE record_id = ?",
        (matter_id,),
    ).fetchall()
    assert [(v, json.loads(f), s, b) for v, f, s, b in stored] == [
        (1, {**MATTER, "guests": 80}, "organization", "clerk1")
    ]
    last = audit.entries(clerk.conn)[-1]
    assert (last.action, last.object, last.detail) == (
        "record.edit",
        f"record:{matter_id}",
        "version:2",
    )


def test_history_shows_who_changed_what_and_when(clerk: Session, matter_id: int) -> None:
    service = RecordService(clerk)
    service.edit(matter_id, fields={"guests": "120"})
    service.edit(matter_id, fields={"scale": "12桌", "guests": ""}, record_date="2026-05-01")
    history = service.history(matter_id)
    assert [(v.version, v.event) for v in history] == [
        (1, VersionEvent.CREATED),
        (2, VersionEvent.EDITED),
        (3, VersionEvent.EDITED),
    ]
    assert all((v.changed_by, v.changed_at) == ("clerk1", NOW) for v in history)
    assert history[0].changes == ()
    assert history[1].changes == (FieldChange("guests", "宾客人数", 80, 120),)
    assert history[2].changes == (
        FieldChange("record_date", "日期", history[1].record_date, history[2].record_date),
        FieldChange("scale", "规模", None, "12桌"),
        FieldChange("guests", "宾客人数", 120, None),
    )
    assert audit.entries(clerk.conn)[-1].action == "record.history"


def test_editing_validates_the_whole_record_and_saves_nothing_on_error(
    clerk: Session, matter_id: int
) -> None:
    service = RecordService(clerk)
    before, trail = business_snapshot(clerk.conn), audit_rows(clerk.conn)
    cases: list[tuple[dict[str, object], str]] = [
        ({"fields": {"title": ""}}, "title"),
        ({"fields": {"trip_start": "2026-05-02", "trip_end": "2026-05-01"}}, "trip_end"),
        ({"fields": {"nonsense": "x"}}, "nonsense"),
        ({"record_date": "2027-01-01"}, "date"),
        ({"source": "rumour"}, "source"),
        ({"fields": {"guests": "80"}}, "fields"),  # nothing changed
    ]
    for change, field in cases:
        with pytest.raises(ValidationError) as caught:
            service.edit(matter_id, **change)  # type: ignore[arg-type]
        assert caught.value.field == field
    assert business_snapshot(clerk.conn) == before
    assert audit_rows(clerk.conn) == trail
    with pytest.raises(NotFoundError):
        service.edit(404, fields={"title": "x"})


def test_withdrawal_keeps_the_record_with_its_reason(clerk: Session, matter_id: int) -> None:
    service = RecordService(clerk)
    official_id = _official_id(clerk)
    counts = _row_counts(clerk)
    with pytest.raises(ValidationError) as caught:
        service.withdraw(matter_id, "  ")
    assert caught.value.field == "reason"
    withdrawn = service.withdraw(matter_id, "重复录入")
    assert withdrawn.withdrawn and withdrawn.withdraw_reason == "重复录入"
    assert (withdrawn.withdrawn_by, withdrawn.withdrawn_at) == ("clerk1", NOW)
    assert withdrawn.fields == {**MATTER, "guests": 80}  # content untouched
    assert _row_counts(clerk) == counts  # nothing removed, nothing added
    assert matter_id in [r.id for r in service.list(official_id)]
    assert matter_id not in [r.id for r in service.list(official_id, include_withdrawn=False)]
    assert service.get(matter_id) == withdrawn
    history = service.history(matter_id)
    assert history[-1].event is VersionEvent.WITHDRAWN
    assert history[-1].reason == "重复录入"
    assert audit.entries(clerk.conn)[-1].action == "record.history"


def test_a_withdrawn_record_cannot_be_edited_or_withdrawn_again(
    clerk: Session, matter_id: int
) -> None:
    service = RecordService(clerk)
    service.withdraw(matter_id, "录入错误")
    before = business_snapshot(clerk.conn)
    with pytest.raises(ConflictError):
        service.edit(matter_id, fields={"title": "更正"})
    with pytest.raises(ConflictError):
        service.withdraw(matter_id, "再次撤销")
    assert business_snapshot(clerk.conn) == before


def test_row_counts_only_grow(clerk: Session, matter_id: int) -> None:
    service = RecordService(clerk)
    seen = [_row_counts(clerk)]
    service.edit(matter_id, fields={"guests": "81"})
    seen.append(_row_counts(clerk))
    service.edit(matter_id, fields={"guests": "82"})
    seen.append(_row_counts(clerk))
    service.withdraw(matter_id, "录入错误")
    seen.append(_row_counts(clerk))
    assert seen == sorted(seen)
    assert seen[-1][1] == seen[0][1] + 2  # two versions kept


def test_need_to_know_applies_to_get_history_and_edit(open_populated: Opener) -> None:
    clerk = open_populated("clerk1")
    clue = RecordService(clerk).add(_official_id(clerk), "clue", "2026-10-01", CLUE)
    vet = open_populated("vet1")
    assert RecordService(vet).get(clue.id).fields == clue.fields
    hidden = RecordService(clerk).get(clue.id)
    assert hidden.content_hidden and hidden.fields == {}
    assert all(v.content_hidden and not v.fields for v in RecordService(clerk).history(clue.id))
    before = business_snapshot(clerk.conn)
    attempts: list[Callable[[], object]] = [
        lambda: RecordService(clerk).edit(clue.id, fields={"status": "处置中"}),
        lambda: RecordService(clerk).withdraw(clue.id, "误录"),
    ]
    for attempt in attempts:
        with pytest.raises(NotCustodianError):
            attempt()
        assert audit.entries(clerk.conn)[-1].outcome == audit.Outcome.REFUSED
    assert business_snapshot(clerk.conn) == before


def test_informant_is_stored_apart_and_read_only_by_custodian_and_vetting(
    open_populated: Opener,
) -> None:
    clerk = open_populated("clerk1")
    official_id = _official_id(clerk)
    clue = RecordService(clerk).add(
        official_id,
        "clue",
        "2026-10-01",
        {**CLUE, "custodian": "clerk1"},
        informant_name=INFORMANT[0],
        informant_contact=INFORMANT[1],
    )
    assert "informant_name" not in clue.fields
    stored = clerk.conn.execute(
        "SELECT fields_json FROM records WHERE id = ?", (clue.id,)
    ).fetchone()[0]
    assert INFORMANT[0] not in stored and INFORMANT[1] not in stored
    assert INFORMANT[0] not in json.dumps([e.detail for e in audit.entries(clerk.conn)])
    dossier = OfficialService(clerk).dossier(official_id)
    assert INFORMANT[0] not in repr(dossier)

    for reader in (clerk, open_populated("vet1")):
        informant = ClueInformantService(reader).read(clue.id)
        assert (informant.name, informant.contact) == INFORMANT
        last = audit.entries(reader.conn)[-1]
        assert (last.action, last.object) == ("informant.read", f"record:{clue.id}")


def test_another_clerk_may_not_read_the_informant(
    open_populated: Opener, populated_path: Path
) -> None:
    clerk = open_populated("clerk1")
    clue = RecordService(clerk).add(
        _official_id(clerk), "clue", "2026-10-01", CLUE, informant_name=INFORMANT[0]
    )
    UserService(open_populated("admin")).add("clerk2", "clerk", "clerk-two-pass")
    with unlock_vault(populated_path, "clerk2", "clerk-two-pass", clock=fixed_clock) as other:
        with pytest.raises(PermissionDeniedError):
            ClueInformantService(other).read(clue.id)
        last = audit.entries(other.conn)[-1]
        assert (last.action, last.outcome) == ("informant.read", audit.Outcome.REFUSED)
    # Clerk1 filed it but vet1 is the custodian: the filing clerk may not read it either.
    with pytest.raises(NotCustodianError):
        ClueInformantService(clerk).read(clue.id)
    assert ClueInformantService(open_populated("vet1")).read(clue.id).name == INFORMANT[0]


def test_informant_only_for_clues(clerk: Session) -> None:
    with pytest.raises(ValidationError) as caught:
        RecordService(clerk).add(
            _official_id(clerk), "major_matter", "2026-05-01", MATTER, informant_name="某人"
        )
    assert caught.value.field == "informant_name"

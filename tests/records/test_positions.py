"""Position history (任职经历): dates validated, ends recorded, never deleted."""

from __future__ import annotations

from datetime import date

import pytest

from records import audit
from records.errors import ConflictError, RecusalError, ValidationError
from records.services.own_account import OwnAccountService
from records.services.positions import PositionService
from tests.records.attachment_support import first_official
from tests.records.support import Opener, audit_rows, count


def test_add_list_and_end(open_populated: Opener) -> None:
    clerk = open_populated("clerk1")
    oid = first_official(clerk)
    service = PositionService(clerk)
    later = service.add(oid, "青山县财政局", "局长", "正科级", "2021-06-01", note="县委任命")
    earlier = service.add(oid, "青山县审计局", "副局长", "副科级", "2016-01-10", "2021-05-31")
    assert later.is_current and not earlier.is_current
    listed = PositionService(open_populated("vet1")).list(oid)
    assert [p.unit for p in listed] == ["青山县审计局", "青山县财政局"]
    assert listed[1].note == "县委任命" and listed[1].created_by == "clerk1"
    ended = service.end(later.id, "2026-09-30")
    assert ended.end_date == date(2026, 9, 30)
    actions = [e.action for e in audit.entries(clerk.conn) if e.action.startswith("position")]
    assert actions == ["position.add", "position.add", "position.list", "position.end"]


@pytest.mark.parametrize(
    ("args", "field"),
    [
        (("", "局长", "", "2020-01-01", None), "unit"),
        (("财政局", " ", "", "2020-01-01", None), "position"),
        (("财政局", "局长", "", "2020-13-01", None), "start_date"),
        (("财政局", "局长", "", "2027-01-01", None), "start_date"),  # after the fixed today
        (("财政局", "局长", "", "2020-01-01", "2019-12-31"), "end_date"),
        (("财政局", "局长", "", "2020-01-01", "2027-01-01"), "end_date"),
    ],
)
def test_bad_input_names_the_field_and_saves_nothing(
    open_populated: Opener, args: tuple[str, str, str, str, str | None], field: str
) -> None:
    clerk = open_populated("clerk1")
    trail = audit_rows(clerk.conn)
    with pytest.raises(ValidationError) as caught:
        PositionService(clerk).add(first_official(clerk), *args)
    assert caught.value.field == field
    assert count(clerk.conn, "position_history") == 0 and audit_rows(clerk.conn) == trail


def test_the_same_open_post_twice_is_refused_but_concurrent_posts_are_not(
    open_populated: Opener,
) -> None:
    clerk = open_populated("clerk1")
    oid = first_official(clerk)
    service = PositionService(clerk)
    service.add(oid, "青山县财政局", "局长", "", "2021-06-01")
    service.add(oid, "青山县国资办", "主任", "", "2022-01-01")  # 兼任
    with pytest.raises(ConflictError):
        service.add(oid, "青山县财政局", "局长", "", "2023-01-01")


def test_end_rules(open_populated: Opener) -> None:
    clerk = open_populated("clerk1")
    service = PositionService(clerk)
    position = service.add(first_official(clerk), "财政局", "局长", "", "2021-06-01")
    with pytest.raises(ValidationError):
        service.end(position.id, "2021-05-01")
    service.end(position.id, "2022-05-01")
    with pytest.raises(ConflictError):
        service.end(position.id, "2022-06-01")


def test_recusal_applies(open_populated: Opener) -> None:
    vetting = open_populated("vet1")
    oid = first_official(vetting)
    OwnAccountService(vetting).declare_relation(oid, "同学")
    with pytest.raises(RecusalError):
        PositionService(vetting).list(oid)

"""Deadlines (DOMAIN §4) on a real vault, for injected dates around 1月31日 and leap days."""

from __future__ import annotations

from datetime import date

import pytest

from records.annual_report import change_report_due
from records.deadlines import DueItem, DueKind, add_years, counts_by_unit, due_items
from records.errors import PermissionDeniedError, ValidationError
from records.services.annual_reports import AnnualReportService
from records.services.deadlines import DeadlineService
from records.services.dossier_records import RecordService
from records.services.officials import OfficialService
from records.services.own_account import OwnAccountService
from records.session import Session
from tests.records.support import ID_FEMALE, TODAY, Opener, audit_rows, make_id, official_values

LONG_AGO = "2025-06-01T09:00:00+08:00"


@pytest.fixture
def clerk(open_populated: Opener) -> Session:
    return open_populated("clerk1")


def first_official(session: Session) -> int:
    return int(session.conn.execute("SELECT min(id) FROM officials").fetchone()[0])


def backdate(session: Session, official_id: int, when: str = LONG_AGO) -> None:
    """Test setup: the official was filed long ago (the service files at the fixed clock)."""
    with session.transaction() as conn:
        conn.execute("UPDATE officials SET created_at = ? WHERE id = ?", (when, official_id))


def submit_report(session: Session, official_id: int, year: int) -> None:
    service = AnnualReportService(session)
    report = service.start(official_id, year, prefill_from_previous=False)
    service.set_item(report.id, "marriage", [{"status": "已婚"}])
    service.set_item(report.id, "salary", [{"amount": "150000"}])
    for answer in service.get(report.id).items:
        if not answer.answered:
            service.set_item(report.id, answer.code, [], nothing_to_report=True)
    service.submit(report.id, TODAY)


def of_kind(items: list[DueItem], kind: DueKind, official_id: int | None = None) -> list[DueItem]:
    return [i for i in items if i.kind is kind and official_id in (None, i.official_id)]


def test_the_annual_report_falls_due_on_31_january(clerk: Session) -> None:
    oid = first_official(clerk)
    backdate(clerk, oid)
    submit_report(clerk, oid, 2024)  # owed from the year before filing
    submit_report(clerk, oid, 2025)  # last year's is done; the 2026 report is the one due

    def annual(today: date, days: int = 30) -> list[DueItem]:
        return of_kind(due_items(clerk.conn, today, horizon_days=days), DueKind.ANNUAL_REPORT)

    assert annual(date(2026, 12, 31)) == []  # 31 Jan is 31 days away: beyond the horizon
    assert annual(date(2026, 12, 31), days=31)[0].due_date == date(2027, 1, 31)
    [soon] = annual(date(2027, 1, 1))
    assert (soon.due_date, soon.overdue, soon.detail) == (
        date(2027, 1, 31),
        False,
        "2026年度报告未报告",
    )
    assert (soon.official_name, soon.unit) == ("欧阳明远", "青山县财政局")
    [last_day] = annual(date(2027, 1, 31))
    assert not last_day.overdue
    [late] = annual(date(2027, 2, 1))
    assert late.overdue
    AnnualReportService(clerk).start(oid, 2026)
    [draft] = annual(date(2027, 2, 1))
    assert draft.detail == "2026年度报告草稿未报告"


def test_a_newly_filed_official_has_30_days(clerk: Session) -> None:
    oid = first_official(clerk)  # filed on the fixed clock's day, 2026-11-22
    [first] = of_kind(due_items(clerk.conn, TODAY), DueKind.ANNUAL_REPORT, oid)
    assert (first.due_date, first.overdue, first.detail) == (
        date(2026, 12, 22), False, "2025年度报告未报告",
    )  # fmt: skip
    [late] = of_kind(due_items(clerk.conn, date(2026, 12, 23)), DueKind.ANNUAL_REPORT, oid)
    assert late.overdue
    submit_report(clerk, oid, 2025)
    assert of_kind(due_items(clerk.conn, date(2026, 12, 23)), DueKind.ANNUAL_REPORT) == []


def test_only_officials_in_service_owe_reports_and_talks(clerk: Session) -> None:
    retired = OfficialService(clerk).add(
        official_values(id_number=ID_FEMALE, name="林晓燕", status="retired", is_dual_role="是")
    )
    items = due_items(clerk.conn, date(2027, 3, 1))
    assert of_kind(items, DueKind.ANNUAL_REPORT, retired.id) == []
    assert of_kind(items, DueKind.INTEGRITY_TALK, retired.id) == []


def test_the_yearly_integrity_talk_of_one_who_holds_both_top_posts(clerk: Session) -> None:
    official = OfficialService(clerk).add(
        official_values(id_number=ID_FEMALE, name="林晓燕", unit="青山镇", is_dual_role="是")
    )
    backdate(clerk, official.id)
    records = RecordService(clerk)

    def talks(today: date) -> list[DueItem]:
        return of_kind(due_items(clerk.conn, today), DueKind.INTEGRITY_TALK, official.id)

    [never] = talks(TODAY)  # filed 2025-06-01, never talked to
    assert never.overdue and never.due_date == date(2026, 6, 1)
    assert "建档以来未谈话" in never.detail
    records.add(official.id, "talk", "2026-01-10", {"kind": "廉政谈话", "talker": "县纪委书记"})
    records.add(official.id, "talk", "2026-06-10", {"kind": "函询"})  # not a talk
    assert talks(date(2026, 12, 10)) == []
    [soon] = talks(date(2026, 12, 11))
    assert (soon.due_date, soon.overdue) == (date(2027, 1, 10), False)
    assert "上次谈话:2026-01-10" in soon.detail
    # A leap-day talk falls due on 28 February of the next year.
    leap = records.add(official.id, "talk", "2024-02-29", {"kind": "提醒谈话"})
    assert talks(date(2026, 12, 11))[0].due_date == date(2027, 1, 10)  # the latest talk counts
    records.withdraw(
        int(clerk.conn.execute(
            "SELECT id FROM records WHERE record_date = '2026-01-10'").fetchone()[0]),
        "录入错误",
    )  # fmt: skip
    assert talks(date(2025, 2, 28))[0].due_date == date(2025, 2, 28)
    assert not talks(date(2025, 2, 28))[0].overdue
    assert talks(date(2025, 3, 1))[0].overdue
    assert leap.record_date == date(2024, 2, 29)
    # Not 一肩挑: no yearly-talk reminder.
    assert (
        of_kind(due_items(clerk.conn, TODAY), DueKind.INTEGRITY_TALK, first_official(clerk)) == []
    )


def test_rectification_deadlines(clerk: Session) -> None:
    oid = first_official(clerk)
    records = RecordService(clerk)
    records.add(
        oid,
        "inspection_finding",
        "2026-09-01",
        {
            "body": "巡察",
            "finding": "公务接待超标准",
            "rectification_deadline": "2026-12-01",
            "rectification_status": "整改中",
        },
    )
    records.add(
        oid,
        "inspection_finding",
        "2026-09-02",
        {
            "body": "审计",
            "finding": "专项资金滞留",
            "rectification_deadline": "2026-10-01",
            "rectification_status": "已整改",
        },
    )
    records.add(
        oid,
        "democratic_meeting",
        "2026-03-01",
        {"topic": "年度民主生活会", "rectification_deadline": "2026-12-22"},
    )
    records.add(oid, "democratic_meeting", "2026-03-02", {"topic": "无整改期限"})  # fmt: skip

    def rectifications(today: date) -> list[DueItem]:
        return of_kind(due_items(clerk.conn, today), DueKind.RECTIFICATION)

    found = rectifications(TODAY)
    assert [(i.due_date, i.overdue) for i in found] == [
        (date(2026, 12, 1), False), (date(2026, 12, 22), False),
    ]  # fmt: skip
    assert found[0].detail.startswith("巡察/审计发现") and found[0].detail.endswith("整改中")
    assert found[1].detail.endswith("未整改")
    assert [i.overdue for i in rectifications(date(2026, 12, 2))] == [True, False]


def test_late_change_reports_are_listed_for_follow_up(clerk: Session) -> None:
    oid = first_official(clerk)
    submit_report(clerk, oid, 2025)
    service = AnnualReportService(clerk)
    emigration = [{"person": "欧阳小明", "relation": "子女", "situation": "移居国(境)外",
                   "country": "加拿大"}]  # fmt: skip
    service.add_change(oid, "family_emigration", "2026-09-01", "2026-10-01", emigration)  # on time
    service.add_change(oid, "family_emigration", "2026-09-01", "2026-11-01", emigration)
    [late] = of_kind(due_items(clerk.conn, TODAY), DueKind.CHANGE_REPORT)
    assert (late.due_date, late.overdue) == (date(2026, 10, 1), True)
    assert late.detail == "配偶子女移居国(境)外:变化于2026-09-01,2026-11-01报告,逾期31天"
    # Filed more than the horizon ago: no longer on the list.
    assert of_kind(due_items(clerk.conn, date(2026, 12, 2)), DueKind.CHANGE_REPORT) == []


def test_date_arithmetic_across_leap_years() -> None:
    assert add_years(date(2028, 2, 29), 1) == date(2029, 2, 28)
    assert add_years(date(2028, 2, 29), 4) == date(2032, 2, 29)
    assert change_report_due(date(2028, 1, 30), 30) == date(2028, 2, 29)
    assert change_report_due(date(2027, 1, 30), 30) == date(2027, 3, 1)


def test_counts_by_unit_and_order(clerk: Session) -> None:
    other = OfficialService(clerk).add(
        official_values(id_number=ID_FEMALE, name="林晓燕", unit="青山镇")
    )
    third = OfficialService(clerk).add(
        official_values(id_number=make_id("11010519850101003"), name="王强", unit="青山镇")
    )
    for oid in (first_official(clerk), other.id, third.id):
        backdate(clerk, oid)
    for oid in (first_official(clerk), other.id, third.id):
        submit_report(clerk, oid, 2024)
    submit_report(clerk, third.id, 2025)
    items = due_items(clerk.conn, date(2027, 1, 10))
    # 2025 missing for two (overdue), 2026 due on 31 Jan for all three.
    assert [i.overdue for i in items] == [True, True, False, False, False]
    counts = counts_by_unit(items)
    assert [(c.unit, c.overdue, c.upcoming) for c in counts] == [
        ("青山镇", 1, 2),
        ("青山县财政局", 1, 1),
    ]  # fmt: skip  (the busiest unit first)


def test_the_service_checks_roles_and_leaves_out_recused_officials(
    open_populated: Opener,
) -> None:
    clerk = open_populated("clerk1")
    other = OfficialService(clerk).add(official_values(id_number=ID_FEMALE, name="林晓燕"))
    items = DeadlineService(clerk).due()  # the session clock's today
    assert {i.official_id for i in items} == {first_official(clerk), other.id}
    assert audit_rows(clerk.conn)[-1][3:5] == ("due.list", "deadlines")
    OwnAccountService(clerk).declare_relation(other.id, "配偶")
    assert {i.official_id for i in DeadlineService(clerk).due()} == {first_official(clerk)}
    assert DeadlineService(open_populated("vet1")).due(date(2026, 12, 23), horizon_days=0)
    with pytest.raises(ValidationError):
        DeadlineService(clerk).due(horizon_days=400)
    with pytest.raises(PermissionDeniedError):
        DeadlineService(open_populated("admin")).due()


def test_influence_periods_ending_soon(clerk: Session) -> None:
    influence = pytest.importorskip("records.influence")
    oid = first_official(clerk)
    RecordService(clerk).add(
        oid, "sanction", "2025-12-10",
        {"system": "党纪处分", "kind": "警告", "decision_number": "青纪发〔2025〕12号"},
    )  # fmt: skip
    [period] = influence.influence_periods(clerk.conn, official_id=oid)
    end = period.end
    before = of_kind(due_items(clerk.conn, end.replace(day=1) if end.day > 1 else end),
                     DueKind.INFLUENCE_END)  # fmt: skip
    assert [(i.due_date, i.overdue) for i in before] == [(end, False)]
    assert before[0].detail.endswith(f"影响期于{end.isoformat()}届满")
    assert of_kind(due_items(clerk.conn, date(end.year + 1, 1, 1)), DueKind.INFLUENCE_END) == []

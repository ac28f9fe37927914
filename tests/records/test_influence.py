"""Influence periods (影响期): the DOMAIN.md §4 tables, month arithmetic, every boundary."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

import pytest

from records.influence import (
    DEFAULT_RULES,
    InfluenceRule,
    add_months,
    in_influence_period,
    influence_periods,
    officials_in_influence_period,
    record_influence_periods,
)
from records.services.dossier_records import RecordService
from records.services.officials import OfficialService
from records.session import Session
from tests.records.support import ID_FEMALE, Opener, official_values


@pytest.mark.parametrize(
    ("start", "months", "end"),
    [
        (date(2024, 2, 29), 12, date(2025, 2, 28)),  # leap day → no 29th next year
        (date(2024, 2, 29), 48, date(2028, 2, 29)),  # … but four years on there is one
        (date(2023, 2, 28), 12, date(2024, 2, 28)),
        (date(2025, 1, 31), 1, date(2025, 2, 28)),
        (date(2024, 1, 31), 1, date(2024, 2, 29)),
        (date(2025, 8, 31), 6, date(2026, 2, 28)),
        (date(2025, 3, 31), 18, date(2026, 9, 30)),
        (date(2025, 12, 15), 1, date(2026, 1, 15)),
        (date(2025, 7, 1), 0, date(2025, 7, 1)),
    ],
)
def test_add_months_clamps_to_the_end_of_a_shorter_month(
    start: date, months: int, end: date
) -> None:
    assert add_months(start, months) == end


def test_the_default_tables_are_domain_section_4() -> None:
    months = {key: rule.months for key, rule in DEFAULT_RULES.items()}
    party = {k[2]: m for k, m in months.items() if k[1] == "党纪处分"}
    assert party == {"警告": 12, "严重警告": 18, "撤销党内职务": 24, "留党察看": 24, "开除党籍": 60}
    government = {k[2]: m for k, m in months.items() if k[1] == "政务处分"}
    assert government == {"警告": 6, "记过": 12, "记大过": 18, "降级": 24, "撤职": 24, "开除": None}
    organisational = {k[2]: m for k, m in months.items() if k[1] == "组织处理"}
    assert organisational == {"调整职务": 12, "责令辞职": 12, "免职": 12, "降职": 24}
    assert months[("talk", "", "诫勉")] == 6
    assert all(rule.rule_zh for rule in DEFAULT_RULES.values())


@pytest.fixture
def clerk(open_populated: Opener) -> Iterator[Session]:
    yield open_populated("clerk1")


@pytest.fixture
def official_id(clerk: Session) -> int:
    return (
        OfficialService(clerk)
        .add(official_values(name="林静", id_number=ID_FEMALE, unit="临河县教育局"))
        .id
    )


def _sanction(
    clerk: Session, official_id: int, when: str, system: str, kind: str, **extra: object
) -> int:
    fields: dict[str, object] = {"system": system, "kind": kind, "decision_number": "纪〔2025〕9号"}
    fields.update(extra)
    return RecordService(clerk).add(official_id, "sanction", when, fields).id


def _covered(clerk: Session, official_id: int, day: date) -> bool:
    return in_influence_period(clerk.conn, official_id, day)


@pytest.mark.parametrize(
    ("system", "kind", "extra", "end"),
    [
        ("党纪处分", "警告", {}, date(2025, 2, 28)),
        ("党纪处分", "严重警告", {}, date(2025, 8, 29)),
        ("党纪处分", "撤销党内职务", {}, date(2026, 2, 28)),
        ("党纪处分", "留党察看", {"probation_years": 1}, date(2027, 2, 28)),
        ("党纪处分", "留党察看", {"probation_years": 2}, date(2028, 2, 29)),
        ("党纪处分", "开除党籍", {}, date(2029, 2, 28)),
        ("政务处分", "警告", {}, date(2024, 8, 29)),
        ("政务处分", "记过", {}, date(2025, 2, 28)),
        ("政务处分", "记大过", {}, date(2025, 8, 29)),
        ("政务处分", "降级", {}, date(2026, 2, 28)),
        ("政务处分", "撤职", {}, date(2026, 2, 28)),
        ("组织处理", "免职", {}, date(2025, 2, 28)),
        ("组织处理", "降职", {}, date(2026, 2, 28)),
    ],
)
def test_each_kind_ends_on_its_day_from_a_leap_day(
    clerk: Session, official_id: int, system: str, kind: str, extra: dict[str, object], end: date
) -> None:
    record_id = _sanction(clerk, official_id, "2024-02-29", system, kind, **extra)
    [period] = influence_periods(clerk.conn, official_id=official_id)
    assert (period.record_id, period.start, period.end) == (record_id, date(2024, 2, 29), end)
    assert period.source_label_zh == f"{system}:{kind}"
    assert _covered(clerk, official_id, end - timedelta(days=1))  # the day before: not over
    assert not _covered(clerk, official_id, end)  # the end day itself: over
    assert not _covered(clerk, official_id, end + timedelta(days=1))


def test_expulsion_from_public_office_is_permanent(clerk: Session, official_id: int) -> None:
    _sanction(clerk, official_id, "2020-01-31", "政务处分", "开除")
    [period] = influence_periods(clerk.conn, official_id=official_id)
    assert period.end is None
    assert _covered(clerk, official_id, date(2099, 12, 31))


def test_admonishment_talk_counts_and_other_talks_do_not(clerk: Session, official_id: int) -> None:
    records = RecordService(clerk)
    records.add(official_id, "talk", "2025-08-31", {"kind": "提醒谈话"})
    records.add(official_id, "talk", "2025-08-31", {"kind": "诫勉"})
    [period] = influence_periods(clerk.conn, official_id=official_id)
    assert (period.source_label_zh, period.end) == ("诫勉", date(2026, 2, 28))
    assert _covered(clerk, official_id, date(2026, 2, 27))
    assert not _covered(clerk, official_id, date(2026, 2, 28))


def test_latest_end_wins_and_withdrawn_records_do_not_count(
    clerk: Session, official_id: int
) -> None:
    long_one = _sanction(clerk, official_id, "2025-01-10", "党纪处分", "严重警告")  # → 2026-07-10
    _sanction(clerk, official_id, "2025-06-01", "政务处分", "警告")  # → 2025-12-01
    assert len(record_influence_periods(clerk.conn, official_id=official_id)) == 2
    [winner] = influence_periods(clerk.conn, official_id=official_id)
    assert (winner.record_id, winner.end) == (long_one, date(2026, 7, 10))
    RecordService(clerk).withdraw(long_one, "决定已撤销")
    [winner] = influence_periods(clerk.conn, official_id=official_id)
    assert winner.end == date(2025, 12, 1)
    assert not _covered(clerk, official_id, date(2025, 12, 1))


def test_a_permanent_period_beats_any_date(clerk: Session, official_id: int) -> None:
    _sanction(clerk, official_id, "2010-01-01", "政务处分", "开除")
    _sanction(clerk, official_id, "2025-01-01", "党纪处分", "开除党籍")
    [winner] = influence_periods(clerk.conn, official_id=official_id)
    assert winner.end is None


def test_no_record_no_period_and_unknown_kinds_ignored(clerk: Session, official_id: int) -> None:
    assert not _covered(clerk, official_id, date(2026, 1, 1))
    _sanction(clerk, official_id, "2025-01-01", "组织处理", "停职检查")  # no rule: no period
    assert influence_periods(clerk.conn, official_id=official_id) == []


def test_rules_are_data_the_caller_may_replace(clerk: Session, official_id: int) -> None:
    _sanction(clerk, official_id, "2025-01-31", "党纪处分", "警告")
    edited = dict(DEFAULT_RULES)
    edited[("sanction", "党纪处分", "警告")] = InfluenceRule(1, "本地规定")
    [period] = influence_periods(clerk.conn, official_id=official_id, rules=edited)
    assert period.end == date(2025, 2, 28)
    assert officials_in_influence_period(clerk.conn, date(2025, 2, 27), rules=edited) == {
        official_id
    }
    assert officials_in_influence_period(clerk.conn, date(2025, 2, 28), rules=edited) == set()

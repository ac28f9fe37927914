"""What is overdue and what falls due soon (DOMAIN §4 "Deadlines and reminders").

Computed from the vault on demand, for a given ``today`` (injected; never the system date
here), so the home screen, ``liandang due`` and the tests agree:

- **annual report** (``annual_report``): the report on year *Y* is due 1月31日 of *Y+1*
  from every official in service; a newly filed official (filed during *Y+1*) has until
  30 days after being filed if that is later. Owed from the year before filing onwards
  (at most the last ``ANNUAL_LOOKBACK_YEARS``), the current year's once its deadline is
  within the horizon. A missing report stays overdue; drafts do not count.
- **change report filed late** (``change_report``): a 事项变化报告 filed after
  ``change_report_days`` (policy, default 30) — the software only learns of a change when
  it is reported, so it lists late filings of the last ``horizon_days`` for follow-up.
- **integrity talk** (``integrity_talk``): an official in service who is 一肩挑 needs a
  廉政谈话 or 提醒谈话 at least once a year: due one year after the last one (after filing
  if there was none).
- **rectification** (``rectification``): 巡察/审计 findings and 民主生活会 records with a
  rectification deadline whose status is not 已整改.
- **influence period ending** (``influence_end``): an official in service whose influence
  period (影响期, records/influence.py) ends within the horizon — a reminder, never overdue.

Withdrawn records and change reports are left out. An item is *overdue* when its date is
before ``today``; it is listed when its date is at most ``today + horizon_days``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum

from records.annual_report import annual_report_due, change_report_due
from records.database import Connection
from records.influence import influence_periods
from records.policy import load_policy
from records.report_schema import ReportSchemaError, load_schema

DEFAULT_HORIZON_DAYS = 30
#: A newly filed official's first report is due this many days after filing (DOMAIN §4).
NEW_OFFICIAL_DAYS = 30
#: How many report years back a missing report is still listed (older ones are history).
ANNUAL_LOOKBACK_YEARS = 5
TALK_KINDS = ("廉政谈话", "提醒谈话")
RECTIFICATION_TYPES = {"inspection_finding": "巡察/审计发现", "democratic_meeting": "民主生活会"}
RECTIFIED = "已整改"


class DueKind(StrEnum):
    ANNUAL_REPORT = "annual_report"
    CHANGE_REPORT = "change_report"
    INTEGRITY_TALK = "integrity_talk"
    RECTIFICATION = "rectification"
    INFLUENCE_END = "influence_end"

    @property
    def label_zh(self) -> str:
        return _KIND_LABELS_ZH[self]


_KIND_LABELS_ZH = {
    DueKind.ANNUAL_REPORT: "个人有关事项年度报告",
    DueKind.CHANGE_REPORT: "事项变化报告逾期",
    DueKind.INTEGRITY_TALK: "年度廉政谈话",
    DueKind.RECTIFICATION: "整改期限",
    DueKind.INFLUENCE_END: "影响期届满",
}


@dataclass(frozen=True)
class DueItem:
    official_id: int
    official_name: str
    unit: str
    kind: DueKind
    due_date: date
    overdue: bool
    detail: str


@dataclass(frozen=True)
class UnitCount:
    unit: str
    overdue: int
    upcoming: int


@dataclass(frozen=True)
class _Person:
    id: int
    name: str
    unit: str
    serving: bool
    dual_role: bool
    filed: date


def add_years(day: date, years: int) -> date:
    """The same day ``years`` later; 29 February becomes 28 February in a common year."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def due_items(
    conn: Connection,
    today: date,
    *,
    horizon_days: int = DEFAULT_HORIZON_DAYS,
    change_report_days: int | None = None,
) -> list[DueItem]:
    """Everything overdue or due by ``today + horizon_days``, overdue first, then by date."""
    if horizon_days < 0:
        raise ValueError("horizon_days must not be negative")
    days = change_report_days or load_policy(conn).change_report_days
    until = today + timedelta(days=horizon_days)
    people = {p.id: p for p in _people(conn)}
    found: list[DueItem] = []
    for generator in (
        _annual_reports(conn, people, today, until),
        _late_change_reports(conn, people, today, horizon_days, days),
        _integrity_talks(conn, people, until),
        _rectifications(conn, people, until),
        _influence_ends(conn, people, today, until),
    ):
        for person, kind, due, detail in generator:
            found.append(
                DueItem(person.id, person.name, person.unit, kind, due, due < today, detail)
            )
    return sorted(found, key=lambda i: (not i.overdue, i.due_date, i.unit, i.official_name))


def counts_by_unit(items: Iterable[DueItem]) -> list[UnitCount]:
    """Overdue and upcoming counts per unit, the busiest units first."""
    counts: dict[str, list[int]] = {}
    for item in items:
        pair = counts.setdefault(item.unit, [0, 0])
        pair[0 if item.overdue else 1] += 1
    rows = [UnitCount(unit, o, u) for unit, (o, u) in counts.items()]
    return sorted(rows, key=lambda c: (-c.overdue, -c.upcoming, c.unit))


# ---- the rules -------------------------------------------------------------------------------

_Found = Iterator[tuple[_Person, DueKind, date, str]]


def _people(conn: Connection) -> Iterator[_Person]:
    for row in conn.execute(
        "SELECT id, name, unit, status, is_dual_role, created_at FROM officials"
    ):
        yield _Person(
            int(row[0]), str(row[1]), str(row[2]), row[3] == "serving", bool(row[4]),
            datetime.fromisoformat(str(row[5])).date(),
        )  # fmt: skip


def _annual_reports(
    conn: Connection, people: dict[int, _Person], today: date, until: date
) -> _Found:
    reports = {
        (int(oid), int(year)): str(status)
        for oid, year, status in conn.execute(
            "SELECT official_id, year, status FROM annual_reports"
        )
    }
    last = today.year if annual_report_due(today.year) <= until else today.year - 1
    for person in people.values():
        if not person.serving:
            continue
        first = max(person.filed.year - 1, last - ANNUAL_LOOKBACK_YEARS + 1)
        for year in range(first, last + 1):
            due = annual_report_due(year)
            if person.filed.year > due.year:
                continue  # not yet filed when this report fell due
            if person.filed.year == due.year:
                due = max(due, person.filed + timedelta(days=NEW_OFFICIAL_DAYS))
            status = reports.get((person.id, year))
            if status == "submitted" or due > until:
                continue
            state = "草稿未报告" if status == "draft" else "未报告"
            yield person, DueKind.ANNUAL_REPORT, due, f"{year}年度报告{state}"


def _late_change_reports(
    conn: Connection, people: dict[int, _Person], today: date, horizon: int, days: int
) -> _Found:
    since = today - timedelta(days=horizon)
    for oid, code, changed, reported, version in conn.execute(
        "SELECT c.official_id, c.item_code, c.change_date, c.reported_date, r.schema_version"
        " FROM change_reports c JOIN annual_reports r ON r.id = c.report_id"
        " WHERE c.withdrawn_at IS NULL AND c.reported_date >= ?",
        (since.isoformat(),),
    ):
        due = change_report_due(date.fromisoformat(changed), days)
        filed = date.fromisoformat(reported)
        person = people.get(int(oid))
        if person is None or filed <= due:
            continue
        label = _item_label(str(version), str(code))
        detail = f"{label}:变化于{changed},{filed.isoformat()}报告,逾期{(filed - due).days}天"
        yield person, DueKind.CHANGE_REPORT, due, detail


def _integrity_talks(conn: Connection, people: dict[int, _Person], until: date) -> _Found:
    last: dict[int, date] = {}
    for oid, day, fields in conn.execute(
        "SELECT official_id, record_date, fields_json FROM records"
        " WHERE type = 'talk' AND withdrawn_at IS NULL"
    ):
        if _fields(fields).get("kind") in TALK_KINDS:
            when = date.fromisoformat(str(day))
            last[int(oid)] = max(when, last.get(int(oid), when))
    for person in people.values():
        if not (person.serving and person.dual_role):
            continue
        previous = last.get(person.id)
        due = add_years(previous or person.filed, 1)
        if due <= until:
            detail = f"上次谈话:{previous.isoformat()}" if previous else "建档以来未谈话"
            yield person, DueKind.INTEGRITY_TALK, due, "一肩挑,每年至少一次;" + detail


def _rectifications(conn: Connection, people: dict[int, _Person], until: date) -> _Found:
    marks = ", ".join("?" for _ in RECTIFICATION_TYPES)
    for record_id, oid, rtype, fields_json in conn.execute(
        "SELECT id, official_id, type, fields_json FROM records"
        f" WHERE type IN ({marks}) AND withdrawn_at IS NULL",
        tuple(RECTIFICATION_TYPES),
    ):
        fields = _fields(fields_json)
        deadline, status = fields.get("rectification_deadline"), fields.get("rectification_status")
        person = people.get(int(oid))
        if person is None or not isinstance(deadline, str) or status == RECTIFIED:
            continue
        try:
            due = date.fromisoformat(deadline)
        except ValueError:
            continue
        if due <= until:
            state = status if isinstance(status, str) and status else "未整改"
            yield (
                person,
                DueKind.RECTIFICATION,
                due,
                (f"{RECTIFICATION_TYPES[str(rtype)]}(记录{record_id}):{state}"),
            )


def _influence_ends(
    conn: Connection, people: dict[int, _Person], today: date, until: date
) -> _Found:
    # One period per official, the latest end winning (records/influence.py); ``end`` is
    # the first day the period is over, so it is listed from the horizon up to that day.
    for period in influence_periods(conn):
        person = people.get(period.official_id)
        end = period.end
        if person is None or not person.serving or end is None:
            continue  # a permanent period never ends
        if today <= end <= until:
            yield (
                person,
                DueKind.INFLUENCE_END,
                end,
                (f"{period.source_label_zh}影响期于{end.isoformat()}届满"),
            )


def _fields(text: object) -> dict[str, object]:
    try:
        data = json.loads(str(text))
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}


def _item_label(version: str, code: str) -> str:
    try:
        item = load_schema(version).item(code)
    except ReportSchemaError:
        item = None
    return item.short_zh if item else code

"""The annual personal-matters report and its change reports, as the services return them.

Years: a report's ``year`` is the calendar year whose matters it reports; it is due on
1月31日 of the following year (DOMAIN §3 #1). A change report (事项变化报告) is due
``SecurityPolicy.change_report_days`` (default 30) days after the change.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum
from typing import Any

Entry = dict[str, object]

#: Month and day of the yearly deadline (DOMAIN §3 #1: 1月31日).
ANNUAL_DUE_MONTH, ANNUAL_DUE_DAY = 1, 31


def annual_report_due(year: int) -> date:
    """The deadline of the report on ``year``'s matters: 31 January of ``year + 1``."""
    return date(year + 1, ANNUAL_DUE_MONTH, ANNUAL_DUE_DAY)


def change_report_due(change_date: date, days: int) -> date:
    return change_date + timedelta(days=days)


class ReportStatus(StrEnum):
    DRAFT = "draft"
    SUBMITTED = "submitted"

    @property
    def label_zh(self) -> str:
        return {"draft": "草稿", "submitted": "已报告"}[self.value]


@dataclass(frozen=True)
class ChangeReport:
    """A 事项变化报告 attached to one item of a submitted annual report.

    Corrected by withdrawal, never deleted (DOMAIN §3): a withdrawn change report stays
    attached, marked with who withdrew it, when and why, and no rule counts it.

    :param due_date: ``change_date`` plus the security policy's current ``change_report_days``.
    :param note: 说明, what changed in the filer's words (``""``: none given).
    """

    id: int
    official_id: int
    report_id: int
    item_code: str
    change_date: date
    reported_date: date
    due_date: date
    entries: tuple[Entry, ...]
    created_by: str
    created_at: datetime
    withdrawn: bool = False
    withdrawn_by: str = ""
    withdrawn_at: datetime | None = None
    withdraw_reason: str = ""
    note: str = ""

    @property
    def late(self) -> bool:
        return self.reported_date > self.due_date

    @property
    def days_late(self) -> int:
        return max(0, (self.reported_date - self.due_date).days)


@dataclass(frozen=True)
class ItemAnswer:
    """One item of a report: its entries, or 无此情况, or not yet answered."""

    code: str
    position: int
    entries: tuple[Entry, ...]
    nothing_to_report: bool
    changes: tuple[ChangeReport, ...] = ()

    @property
    def answered(self) -> bool:
        return self.nothing_to_report or bool(self.entries)


@dataclass(frozen=True)
class AnnualReport:
    id: int
    official_id: int
    year: int
    schema_version: str
    status: ReportStatus
    submitted_date: date | None
    prefilled_from: int | None
    created_by: str
    created_at: datetime
    items: tuple[ItemAnswer, ...]

    @property
    def due_date(self) -> date:
        return annual_report_due(self.year)

    def item(self, code: str) -> ItemAnswer | None:
        return next((i for i in self.items if i.code == code), None)


# ---- rows --------------------------------------------------------------------------------

REPORT_COLUMNS = (
    "id, official_id, year, schema_version, status, submitted_date, prefilled_from,"
    " created_by, created_at"
)
CHANGE_COLUMNS = (
    "id, official_id, report_id, item_code, change_date, reported_date, entries_json,"
    " created_by, created_at, withdrawn_at, withdrawn_by, withdraw_reason, note"
)


def entries_from_json(text: str) -> tuple[Entry, ...]:
    data = json.loads(text)
    return tuple(dict(e) for e in data) if isinstance(data, list) else ()


def entries_to_json(entries: list[Entry] | tuple[Entry, ...]) -> str:
    return json.dumps(list(entries), ensure_ascii=False, sort_keys=True)


def change_from_row(row: tuple[Any, ...], days: int) -> ChangeReport:
    change_date = date.fromisoformat(row[4])
    return ChangeReport(
        id=row[0],
        official_id=row[1],
        report_id=row[2],
        item_code=row[3],
        change_date=change_date,
        reported_date=date.fromisoformat(row[5]),
        due_date=change_report_due(change_date, days),
        entries=entries_from_json(row[6]),
        created_by=row[7],
        created_at=datetime.fromisoformat(row[8]),
        withdrawn=row[9] is not None,
        withdrawn_by=row[10] or "",
        withdrawn_at=None if row[9] is None else datetime.fromisoformat(row[9]),
        withdraw_reason=row[11] or "",
        note=row[12] or "",
    )


def report_from_row(row: tuple[Any, ...], items: tuple[ItemAnswer, ...]) -> AnnualReport:
    return AnnualReport(
        id=row[0],
        official_id=row[1],
        year=row[2],
        schema_version=row[3],
        status=ReportStatus(row[4]),
        submitted_date=None if row[5] is None else date.fromisoformat(row[5]),
        prefilled_from=row[6],
        created_by=row[7],
        created_at=datetime.fromisoformat(row[8]),
        items=items,
    )

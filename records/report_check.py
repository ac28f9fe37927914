"""查核: checks of a year's personal-matters report, as the services return them.

A check (DOMAIN.md §3 #7) is of one official's submitted report for one year, either drawn
at random (随机抽查) or targeted (重点抽查, every promotion candidate: 凡提必查). The clerk
records the verified facts item by item, in the report's own entry structure; each recorded
item is classified by :mod:`records.check_rules` and the finding is stored with the declared
entries it was compared with, so a completed check keeps the evidence it rests on. A
completed check then gets a handling decision (the latest decision counts; earlier ones stay).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from records.annual_report import Entry, entries_from_json
from records.check_rules import Finding


class CheckKind(StrEnum):
    RANDOM = "random"
    TARGETED = "targeted"

    @property
    def label_zh(self) -> str:
        return {"random": "随机抽查", "targeted": "重点抽查"}[self.value]


class CheckStatus(StrEnum):
    OPEN = "open"
    COMPLETED = "completed"

    @property
    def label_zh(self) -> str:
        return {"open": "查核中", "completed": "已完成"}[self.value]


#: Built into every decision on a check that found 瞒报 (2014 practice, DOMAIN.md §4),
#: whatever handling was chosen from the configurable ladder.
CONCEALED_CONSEQUENCES: tuple[str, ...] = ("不得提拔使用", "不得列为后备干部人选")


@dataclass(frozen=True)
class CheckItem:
    """One verified item.

    :param declared: the entries of the report (and its change reports) it was compared with.
    :param verified: what the check found; empty = verified that there is nothing (无此情况).
    """

    code: str
    label_zh: str
    declared: tuple[Entry, ...]
    verified: tuple[Entry, ...]
    finding: Finding
    reason_zh: str
    recorded_by: str
    recorded_at: datetime


@dataclass(frozen=True)
class CheckDecision:
    """A handling decision (处理决定): chosen from the ladder, plus the built-in consequences.

    :param builtin: :data:`CONCEALED_CONSEQUENCES` when the check found 瞒报, else empty.
    """

    id: int
    handling: tuple[str, ...]
    builtin: tuple[str, ...]
    note: str
    decided_date: date
    decided_by: str
    decided_at: datetime

    @property
    def text_zh(self) -> str:
        return "、".join((*self.handling, *self.builtin))


@dataclass(frozen=True)
class Check:
    """One check with its verified items (in schema order) and its current decision.

    :param unverified: item codes of the report with no verified facts recorded yet.
    :param sample_seed: the seed of the random draw that created it (``None``: made by hand).
    """

    id: int
    official_id: int
    report_id: int
    year: int
    kind: CheckKind
    reason: str
    sample_seed: str | None
    status: CheckStatus
    opened_date: date
    completed_date: date | None
    created_by: str
    created_at: datetime
    items: tuple[CheckItem, ...]
    unverified: tuple[str, ...]
    decision: CheckDecision | None = None

    @property
    def finding(self) -> Finding:
        """The worst finding of the verified items (一致 when none is recorded yet)."""
        return max(
            (i.finding for i in self.items), key=lambda f: f.severity, default=Finding.CONSISTENT
        )

    @property
    def blocks_promotion(self) -> bool:
        """瞒报 found: not promotable, not listed as reserve (built in, DOMAIN.md §4)."""
        return self.status is CheckStatus.COMPLETED and self.finding is Finding.CONCEALED

    def item(self, code: str) -> CheckItem | None:
        return next((i for i in self.items if i.code == code), None)


@dataclass(frozen=True)
class CheckFindingSummary:
    """One item's finding, as the vetting workflow lists them for an official.

    :param handling: the current decision's text (``""`` while none is recorded).
    :param completed: the check is completed (an open check's findings may still change).
    """

    check_id: int
    year: int
    kind: CheckKind
    item_code: str
    item_label_zh: str
    finding: Finding
    reason_zh: str
    handling: str
    completed: bool
    blocks_promotion: bool


@dataclass(frozen=True)
class SampleResult:
    """A random draw (随机抽查) of the officials due a check for ``year``.

    :param population: the officials due a check, by id (in service, report submitted, not
        yet checked for that year).
    :param population_digest: SHA-256 of the population ids, recorded in the audit trail so
        anyone can re-run the draw from the seed and compare.
    :param drawn: the officials drawn, by id.
    :param check_ids: the 随机抽查 checks created (empty on a dry run).
    """

    year: int
    percent: int
    seed: str
    population: tuple[int, ...]
    population_digest: str
    drawn: tuple[int, ...]
    check_ids: tuple[int, ...]
    dry_run: bool


# ---- rows --------------------------------------------------------------------------------

CHECK_COLUMNS = (
    "id, official_id, report_id, year, kind, reason, sample_seed, status, opened_date,"
    " completed_date, created_by, created_at"
)
ITEM_COLUMNS = "item_code, declared_json, verified_json, finding, reason, recorded_by, recorded_at"
DECISION_COLUMNS = "id, handling_json, builtin_json, note, decided_date, decided_by, decided_at"


def _date(text: Any) -> date | None:
    return None if text is None else date.fromisoformat(str(text))


def item_from_row(row: tuple[Any, ...], label_zh: str) -> CheckItem:
    return CheckItem(
        code=str(row[0]),
        label_zh=label_zh,
        declared=entries_from_json(row[1]),
        verified=entries_from_json(row[2]),
        finding=Finding(row[3]),
        reason_zh=str(row[4]),
        recorded_by=str(row[5]),
        recorded_at=datetime.fromisoformat(str(row[6])),
    )


def decision_from_row(row: tuple[Any, ...]) -> CheckDecision:
    decided = _date(row[4])
    assert decided is not None  # NOT NULL column
    return CheckDecision(
        id=int(row[0]),
        handling=tuple(str(h) for h in json_list(row[1])),
        builtin=tuple(str(h) for h in json_list(row[2])),
        note=str(row[3]),
        decided_date=decided,
        decided_by=str(row[5]),
        decided_at=datetime.fromisoformat(str(row[6])),
    )


def json_list(text: Any) -> list[object]:
    data = json.loads(str(text))
    return list(data) if isinstance(data, list) else []


def check_from_row(
    row: tuple[Any, ...],
    items: tuple[CheckItem, ...],
    unverified: tuple[str, ...],
    decision: CheckDecision | None,
) -> Check:
    opened = _date(row[8])
    assert opened is not None  # NOT NULL column
    return Check(
        id=int(row[0]),
        official_id=int(row[1]),
        report_id=int(row[2]),
        year=int(row[3]),
        kind=CheckKind(row[4]),
        reason=str(row[5]),
        sample_seed=None if row[6] is None else str(row[6]),
        status=CheckStatus(row[7]),
        opened_date=opened,
        completed_date=_date(row[9]),
        created_by=str(row[10]),
        created_at=datetime.fromisoformat(str(row[11])),
        items=items,
        unverified=unverified,
        decision=decision,
    )

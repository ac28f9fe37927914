"""The demo vault's content as plain data: what the clerk (or the vetting officer) does, and
on which day of the vault's clock.

:mod:`records.synthetic_dossiers` writes a :class:`DemoPlan`; ``ui/demo_vault.py`` carries
it out through the real services, setting the vault clock to each step's day first, so
every record is entered on or after the day it happened and the audit trail reads in order.
Nothing here touches a vault. Officials are named by their place in the plan (``who``), and
records that a later step edits by a plan-local ``key``.

The calendar (:class:`DemoCalendar`) is relative to the day the demo is built, so it shows
overdue and soon-due items whenever it is built: the dossiers were filed early in the year
after the last report year whose 1月31日 deadline is well past, which makes that year's
report the one they owe.
"""

from __future__ import annotations

import random
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta

from records.influence import add_months

Fields = Mapping[str, object]
Entries = tuple[Fields, ...]

#: Days after 1月31日 before the demo treats that deadline as past (a missing report, and
#: one filed 30 days after the dossier, are overdue by then).
_DEADLINE_MARGIN = timedelta(days=20)


@dataclass(frozen=True)
class FileOfficial:
    who: int
    values: Fields
    family: Entries = ()


@dataclass(frozen=True)
class AddPosition:
    who: int
    unit: str
    position: str
    rank: str
    start: date
    end: date | None = None
    note: str = ""


@dataclass(frozen=True)
class AddRecord:
    """A dossier record; ``key`` names it for a later :class:`EditRecord`."""

    who: int
    type_code: str
    record_date: date
    fields: Fields
    source: str = "organization"
    disclosure: str = "internal"
    informant: tuple[str, str] | None = None
    key: str = ""


@dataclass(frozen=True)
class EditRecord:
    """A new version of the record filed as ``key`` (fields merged over the current ones)."""

    key: str
    fields: Fields


@dataclass(frozen=True)
class WithdrawRecord:
    key: str
    reason: str


@dataclass(frozen=True)
class FileReport:
    """An annual report: started (pre-filled from the last submitted one), its items
    answered (``()`` = 无此情况; items left out stay as pre-filled or unanswered), and
    submitted on ``submitted`` — or left as a draft when that is ``None``."""

    who: int
    year: int
    items: Mapping[str, Entries]
    submitted: date | None


@dataclass(frozen=True)
class FileChange:
    """A 事项变化报告 on the latest submitted report."""

    who: int
    item_code: str
    change_date: date
    reported_date: date
    entries: Entries


@dataclass(frozen=True)
class OpenCheck:
    who: int
    year: int
    kind: str
    reason: str
    opened: date


@dataclass(frozen=True)
class VerifyItem:
    who: int
    year: int
    item_code: str
    entries: Entries


@dataclass(frozen=True)
class CompleteCheck:
    who: int
    year: int
    completed: date


@dataclass(frozen=True)
class DecideCheck:
    who: int
    year: int
    handling: tuple[str, ...]
    note: str
    decided: date


@dataclass(frozen=True)
class VettingLetter:
    """A 来函 registered by the vetting officer and left as 草稿 for the user to work on."""

    number: str
    letter_date: date
    unit: str
    purpose: str
    candidates: tuple[int, ...]
    due: date


Op = (
    FileOfficial | AddPosition | AddRecord | EditRecord | WithdrawRecord | FileReport
    | FileChange | OpenCheck | VerifyItem | CompleteCheck | DecideCheck | VettingLetter
)  # fmt: skip

CLERK = "clerk"
VETTING = "vetting"


@dataclass(frozen=True)
class Step:
    """``op`` done by ``account`` on ``day`` (the vault clock's date at that moment)."""

    day: date
    op: Op
    account: str = CLERK


@dataclass(frozen=True)
class DemoPlan:
    """Every step, in the order to carry them out (by day; causes before effects)."""

    steps: tuple[Step, ...]
    #: The vault went into use on this day: accounts and certificate, before any dossier.
    opened: date


@dataclass(frozen=True)
class DemoCalendar:
    """The demo's dates, relative to ``today`` (the vault clock's date when it is built).

    :param report_year: the latest year whose annual report is overdue when missing.
    :param filed: when the dossiers were filed (the first days of ``report_year + 1``).
    """

    today: date

    @property
    def report_year(self) -> int:
        past = date(self.today.year, 1, 31) + _DEADLINE_MARGIN <= self.today
        return self.today.year - 1 if past else self.today.year - 2

    @property
    def filed(self) -> date:
        return date(self.report_year + 1, 1, 5)

    @property
    def opened(self) -> date:
        return self.filed - timedelta(days=3)

    @property
    def report_years(self) -> tuple[int, ...]:
        """Every year the dossiers owe a report on: the report year, and in January and
        early February also the year just ended (due 1月31日, soon or just past)."""
        return tuple(range(self.report_year, self.today.year))

    def ago(self, days: int) -> date:
        return self.today - timedelta(days=days)

    def months_ago(self, months: int, days: int = 0) -> date:
        return add_months(self.today, -months) - timedelta(days=days)

    def not_after_today(self, day: date) -> date:
        return min(day, self.today)

    def between(self, rng: random.Random, first: date, last: date) -> date:
        """A day in ``[first, last]``, ``last`` capped at today (``first`` if it is later)."""
        last = min(last, self.today)
        if last <= first:
            return min(first, self.today)
        return first + timedelta(days=rng.randint(0, (last - first).days))


@dataclass
class PlanBuilder:
    """Collects steps; an official's steps are entered no earlier than their filing day."""

    calendar: DemoCalendar
    steps: list[Step] = field(default_factory=list)
    filed: dict[int, date] = field(default_factory=dict)

    def entered(self, who: int, day: date) -> date:
        """The day a record dated ``day`` is entered: not before the dossier exists."""
        return self.calendar.not_after_today(max(day, self.filed.get(who, day)))

    def file(self, op: FileOfficial, day: date) -> None:
        self.filed[op.who] = day
        self.steps.append(Step(day, op))

    def add(self, who: int, day: date, op: Op, account: str = CLERK) -> None:
        """``op`` on ``who``'s dossier, happening on ``day`` (entered on :meth:`entered`)."""
        self.steps.append(Step(self.entered(who, day), op, account))

    def plan(self) -> DemoPlan:
        # sorted() is stable: steps of one day keep the order they were added in, which is
        # cause before effect (a clue before its disposal, a report before its check).
        ordered = sorted(self.steps, key=lambda s: s.day)
        return DemoPlan(tuple(ordered), self.calendar.opened)

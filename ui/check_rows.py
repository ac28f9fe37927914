"""What the 查核 tab shows of one check: a row per report item, declared beside verified.

A check stores, for each verified item, the declared entries it was compared with; items
not verified yet have no stored comparison, so their declared side is read from the report
itself — the annual report's entries followed by those of its change reports not withdrawn,
the same sources :class:`records.services.checks.CheckService` compares with when the item
is recorded (a change reported in time counts as reported).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from records.annual_report import AnnualReport, Entry
from records.check_rules import Finding
from records.report_check import Check
from records.report_schema import ReportItem, ReportSchema
from ui.i18n import tr
from ui.report_display import entry_summary, item_title, kind_text

#: A finding's colour in the tables: the worse, the warmer.
FINDING_COLOURS: Mapping[Finding, str] = {
    Finding.CONSISTENT: "#2e7d32",
    Finding.UNDER_REPORTED: "#e65100",
    Finding.CONCEALED: "#c62828",
}
UNVERIFIED_ZH = "未核实"


@dataclass(frozen=True)
class CheckItemRow:
    """One report item of a check.

    :param verified: ``None`` while no verified facts are recorded; ``()`` = 查实无此情况.
    :param finding: ``None`` while unverified.
    """

    item: ReportItem
    declared: tuple[Entry, ...]
    verified: tuple[Entry, ...] | None
    finding: Finding | None
    reason_zh: str

    @property
    def code(self) -> str:
        return self.item.code

    @property
    def title(self) -> str:
        return item_title(self.item)


def declared_entries(report: AnnualReport, code: str) -> tuple[Entry, ...]:
    """The item as reported: the annual report, then its change reports not withdrawn."""
    answer = report.item(code)
    if answer is None:
        return ()
    entries = [dict(e) for e in answer.entries]
    for change in answer.changes:
        if not change.withdrawn:
            entries.extend(dict(e) for e in change.entries)
    return tuple(entries)


def item_rows(check: Check, report: AnnualReport, schema: ReportSchema) -> list[CheckItemRow]:
    """Every item of the report's schema in its order; a verified item carries the
    comparison the check stored (what its finding rests on)."""
    rows = []
    for item in schema.items:
        recorded = check.item(item.code)
        if recorded is None:
            rows.append(CheckItemRow(item, declared_entries(report, item.code), None, None, ""))
        else:
            rows.append(
                CheckItemRow(
                    item, recorded.declared, recorded.verified, recorded.finding, recorded.reason_zh
                )
            )
    return rows


def entries_text(item: ReportItem, entries: Sequence[Mapping[str, object]] | None) -> str:
    """``1. 类别 …;2. …`` — one line per cell; ``无`` for nothing, 未核实 for ``None``."""
    if entries is None:
        return tr(UNVERIFIED_ZH)
    if not entries:
        return tr("无")
    several = len(item.kinds) > 1
    parts = []
    for n, entry in enumerate(entries, start=1):
        text = entry_summary(item, entry)
        if several:
            text = f"{kind_text(item, entry)}:{text}"
        parts.append(f"{n}. {text}" if len(entries) > 1 else text)
    return ";".join(parts)


def finding_text(row: CheckItemRow) -> str:
    return tr(UNVERIFIED_ZH) if row.finding is None else tr(row.finding.value)


def finding_counts(check: Check) -> dict[Finding, int]:
    """How many verified items came out 一致, 漏报 and 瞒报."""
    counts = dict.fromkeys(Finding, 0)
    for item in check.items:
        counts[item.finding] += 1
    return counts


def decision_text(check: Check) -> str:
    """The handling in force, ``待处理`` for a completed check without one, else ``""``."""
    if check.decision is not None:
        return check.decision.text_zh
    return tr("待处理") if check.completed_date is not None else ""

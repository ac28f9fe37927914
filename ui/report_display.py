"""How the annual report and its change reports read on screen.

Everything here is derived from the schema (:mod:`records.report_schema`), never from a
list of items written into the GUI: a new schema version shows without a code change.
Field labels and choice values come from the schema file and are shown as they are.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from records.annual_report import AnnualReport, ChangeReport, ItemAnswer
from records.report_schema import KIND_KEY, EntryKind, ReportItem
from ui.i18n import tr

#: A cell holding several fields is cut here; the tooltip shows it whole.
SUMMARY_LIMIT = 120


def item_title(item: ReportItem) -> str:
    """``家产3 房产`` — group and number as the form numbers them."""
    return f"{item.group}{item.number} {item.short_zh}"


def entry_kind_of(item: ReportItem, entry: Mapping[str, object]) -> EntryKind | None:
    """The kind an entry names (an item with one kind needs no ``kind`` key)."""
    if len(item.kinds) == 1:
        return item.kinds[0]
    return item.kind(str(entry.get(KIND_KEY, "")))


def value_text(value: object) -> str:
    return "" if value is None else str(value)


def entry_summary(item: ReportItem, entry: Mapping[str, object]) -> str:
    """``证件号码 E1234567;签发日期 2019-03-01`` — the filled fields, in schema order."""
    kind = entry_kind_of(item, entry)
    if kind is None:  # an entry of a kind this schema no longer knows: show it raw
        return ";".join(f"{k} {value_text(v)}" for k, v in entry.items() if k != KIND_KEY)
    parts = [
        f"{field.spec.label_zh} {value_text(entry[field.name])}"
        for field in kind.fields
        if value_text(entry.get(field.name)).strip()
    ]
    text = ";".join(parts)
    return text if len(text) <= SUMMARY_LIMIT else text[: SUMMARY_LIMIT - 1] + "…"


def kind_text(item: ReportItem, entry: Mapping[str, object]) -> str:
    kind = entry_kind_of(item, entry)
    return kind.label_zh if kind is not None else value_text(entry.get(KIND_KEY))


def answer_text(answer: ItemAnswer | None) -> str:
    """未填写 / 无此类情况 / 3条 (the state of one item)."""
    if answer is None or not answer.answered:
        return tr("未填写")
    if answer.nothing_to_report:
        return tr("无此类情况")
    return tr("{n}条").format(n=len(answer.entries))


def report_timeliness(report: AnnualReport, today: date) -> str:
    """Whether the report came (or is) late against its 1月31日 deadline."""
    due = report.due_date
    if report.submitted_date is not None:
        late = (report.submitted_date - due).days
        return tr("逾期{n}天").format(n=late) if late > 0 else tr("按时")
    if today > due:
        return tr("已逾期{n}天未报").format(n=(today - due).days)
    return tr("未到期")


def is_late(report: AnnualReport, today: date) -> bool:
    if report.submitted_date is not None:
        return report.submitted_date > report.due_date
    return today > report.due_date


def change_timeliness(change: ChangeReport) -> str:
    if change.late:
        return tr("逾期{n}天").format(n=change.days_late)
    return tr("按时")


def changes_text(report: AnnualReport) -> str:
    """``2份(逾期1份)`` — the change reports attached to a report, ``""`` for none."""
    changes = [c for answer in report.items for c in answer.changes if not c.withdrawn]
    if not changes:
        return ""
    late = sum(1 for c in changes if c.late)
    text = tr("{n}份").format(n=len(changes))
    return text + tr("(逾期{n}份)").format(n=late) if late else text


def current_entries(answer: ItemAnswer) -> list[dict[str, object]]:
    """The item's situation now: the latest change report's entries, else the report's."""
    changes = [c for c in answer.changes if not c.withdrawn]
    source = changes[-1].entries if changes else answer.entries
    return [dict(entry) for entry in source]

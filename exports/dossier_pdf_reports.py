"""The dossier PDF's sections on the 个人有关事项年度报告 and the 事项变化报告.

Each submitted report prints by year with every item of its schema version (8 家事 + 6 家产
in 2017) and their entries, ``无`` where the official reported nothing. A draft is listed by
year, marked 草稿, without its content: until it is submitted it is not what the official
declared, and printing half-filled items would read as a declaration. Change reports print in
one table, oldest change first, each with the report it amends, its deadline and how late it
came. Everything is derived from the schema (:mod:`records.report_schema`): a new schema
version prints without a code change.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer

from exports.dossier_pdf_parts import (
    Styles,
    cell,
    column_table,
    label_table,
    lines_cell,
    section,
)
from exports.pdf_text import NONE_FILED, format_date, format_field, markup
from records.annual_report import AnnualReport, ChangeReport, Entry, ReportStatus
from records.fields import FieldKind
from records.report_schema import KIND_KEY, ReportItem, ReportSchema

REPORTS_TITLE = "个人有关事项年度报告"
CHANGES_TITLE = "事项变化报告"
DRAFT_MARK = "草稿"
NOT_ANSWERED = "未填写"
WITHDRAWN_CHANGE = "【已撤销】"


def item_title(item: ReportItem) -> str:
    """``家产3 房产`` — group and number as the form numbers them."""
    return f"{item.group}{item.number} {item.short_zh}"


def _value(value: object, kind: FieldKind, label: str) -> str:
    # The schema's money labels say 元 already (``交易价格(元)``): print the amount alone.
    text = format_field(value, kind)
    return text.removesuffix(" 元") if kind is FieldKind.MONEY and "元" in label else text


def entry_text(item: ReportItem | None, entry: Mapping[str, object]) -> str:
    """``【普通护照】证件号码 E1234567;签发日期 2019-03-01`` — filled fields in schema order.

    An entry of a kind (or item) the schema does not know prints its raw keys and values.
    """
    many = item is not None and len(item.kinds) > 1
    kind = None
    if item is not None:
        kind = item.kind(str(entry.get(KIND_KEY, ""))) if many else item.kinds[0]
    if kind is None:
        return ";".join(f"{k} {v}" for k, v in entry.items() if k != KIND_KEY and v != "")
    parts = [
        f"{f.spec.label_zh} {_value(entry[f.name], f.spec.kind, f.spec.label_zh)}"
        for f in kind.fields
        if str(entry.get(f.name) or "").strip()
    ]
    text = ";".join(parts) or NONE_FILED
    return f"【{kind.label_zh}】{text}" if many else text


def entry_lines(item: ReportItem | None, entries: Sequence[Entry]) -> list[str]:
    """One line per entry, numbered when there are several; ``无`` for none."""
    if not entries:
        return [NONE_FILED]
    if len(entries) == 1:
        return [entry_text(item, entries[0])]
    return [f"{n}. {entry_text(item, e)}" for n, e in enumerate(entries, start=1)]


def _timeliness(report: AnnualReport) -> str:
    if report.submitted_date is None:
        return ""
    late = (report.submitted_date - report.due_date).days
    return f"逾期{late}天" if late > 0 else "按时"


def _report_heading(index: int, report: AnnualReport, schema: ReportSchema | None) -> str:
    if report.status is ReportStatus.DRAFT:
        return f"{index}. {report.year}年度    【{DRAFT_MARK}】尚未报告,内容不列入"
    version = schema.version if schema is not None else report.schema_version
    return (
        f"{index}. {report.year}年度    报告日期:{format_date(report.submitted_date)}"
        f"({_timeliness(report)},时限 {format_date(report.due_date)})    事项版本:{version}"
    )


def _report_block(
    index: int, report: AnnualReport, schema: ReportSchema | None, styles: Styles
) -> Flowable:
    heading = Paragraph(markup(_report_heading(index, report, schema)), styles.record_heading)
    if report.status is ReportStatus.DRAFT:
        return heading
    rows: list[tuple[str, Paragraph | str]] = []
    for answer in report.items:
        item = schema.item(answer.code) if schema is not None else None
        if answer.nothing_to_report:
            lines = [NONE_FILED]
        elif answer.entries:
            lines = entry_lines(item, answer.entries)
        else:
            lines = [NOT_ANSWERED]
        changes = sum(1 for c in answer.changes if not c.withdrawn)
        if changes:
            lines.append(f"(其后报告事项变化 {changes} 份,见“{CHANGES_TITLE}”)")
        rows.append((item_title(item) if item else answer.code, lines_cell(lines, styles.cell)))
    # The heading is the table's first row, repeated on each page a report spans: a report
    # may start low on a page without leaving its heading behind or the page half empty.
    return label_table(rows or [("事项", NONE_FILED)], styles, label_width=50 * mm, heading=heading)


def report_sections(
    reports: Sequence[AnnualReport],
    schemas: Mapping[int, ReportSchema],
    styles: Styles,
    *,
    number: int,
) -> list[Flowable]:
    """The section of annual reports, oldest year first.

    :param schemas: the schema of each report, by report id.
    """
    if not reports:
        return [section(number, REPORTS_TITLE, styles), Paragraph(NONE_FILED, styles.body)]
    flowables: list[Flowable] = [section(number, REPORTS_TITLE, styles, f"{len(reports)} 份")]
    for index, report in enumerate(reports, start=1):
        flowables += [
            _report_block(index, report, schemas.get(report.id), styles),
            Spacer(1, 2 * mm),
        ]
    return flowables


def _change_timeliness(change: ChangeReport) -> str:
    shown = f"逾期{change.days_late}天" if change.late else "按时"
    return f"{shown}(时限 {format_date(change.due_date)})"


def change_sections(
    reports: Sequence[AnnualReport],
    schemas: Mapping[int, ReportSchema],
    styles: Styles,
    *,
    number: int,
) -> list[Flowable]:
    """The section of change reports, in one table, oldest change first."""
    found: list[tuple[AnnualReport, ChangeReport]] = [
        (report, change)
        for report in reports
        for answer in report.items
        for change in answer.changes
    ]
    if not found:
        return [section(number, CHANGES_TITLE, styles), Paragraph(NONE_FILED, styles.body)]
    found.sort(key=lambda pair: (pair[1].change_date, pair[1].id))
    rows = []
    for report, change in found:
        schema = schemas.get(report.id)
        item = schema.item(change.item_code) if schema is not None else None
        lines = entry_lines(item, change.entries)
        if change.note:
            lines.append(f"说明:{change.note}")
        if change.withdrawn:
            lines[0] = WITHDRAWN_CHANGE + lines[0]
            lines.append(
                f"撤销理由:{change.withdraw_reason}({change.withdrawn_by}"
                f"{'' if change.withdrawn_at is None else ' ' + format_date(change.withdrawn_at)})"
            )
        # A withdrawn change no longer counts, so its lateness is not flagged either.
        late_style = styles.flagged if change.late and not change.withdrawn else styles.cell
        rows.append(
            [
                cell(f"{report.year}年度", styles.cell),
                cell(item_title(item) if item else change.item_code, styles.cell),
                cell(format_date(change.change_date), styles.cell),
                cell(format_date(change.reported_date), styles.cell),
                cell(_change_timeliness(change), late_style),
                lines_cell(lines, styles.small_cell),
            ]
        )
    header = ("所属报告", "事项", "变化日期", "报告日期", "是否按时", "变化后的情况")
    return [
        section(number, CHANGES_TITLE, styles, _count_text(found)),
        column_table(header, rows, (1.1, 1.9, 1.3, 1.3, 1.6, 2.8), styles),
    ]


def _count_text(found: Sequence[tuple[AnnualReport, ChangeReport]]) -> str:
    withdrawn = sum(change.withdrawn for _report, change in found)
    counted = len(found) - withdrawn
    return f"{counted} 份" + (f"(另有已撤销 {withdrawn} 份)" if withdrawn else "")

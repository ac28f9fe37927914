"""The dossier PDF's section on the 查核 of the personal-matters reports.

One block per check, oldest year first: how it came about (随机抽查 with its seed, or 重点抽查
with its reason), where it stands, the overall finding, the handling decision; then each
verified item with its finding (一致 / 漏报 / 瞒报, the latter two in red), the reason the rules
gave and the verified facts. What the official declared is in the annual report's section.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer

from exports.dossier_pdf_parts import Styles, cell, column_table, label_table, lines_cell, section
from exports.dossier_pdf_reports import entry_lines, item_title
from exports.pdf_text import NONE_FILED, format_date, markup
from records.check_rules import Finding
from records.report_check import Check, CheckDecision, CheckStatus
from records.report_schema import ReportSchema

CHECKS_TITLE = "个人有关事项报告查核"
NO_DECISION = "尚未作出处理决定"


def _heading(index: int, check: Check) -> str:
    text = (
        f"{index}. {check.year}年度报告    {check.kind.label_zh}    {check.status.label_zh}"
        f"    查核日期:{format_date(check.opened_date)}"
    )
    if check.completed_date is not None:
        text += f"    完成日期:{format_date(check.completed_date)}"
    return text


def _tally(check: Check) -> str:
    """``瞒报(查核 14 项:一致 12 项、漏报 1 项、瞒报 1 项)`` — the worst finding first."""
    if not check.items:
        return "尚未登记查实情况"
    counts = {f: sum(1 for i in check.items if i.finding is f) for f in Finding}
    shown = "、".join(f"{f.value} {n} 项" for f, n in counts.items() if n)
    return f"{check.finding.value}(查核 {len(check.items)} 项:{shown})"


def _decision_text(decision: CheckDecision | None) -> str:
    if decision is None:
        return NO_DECISION
    text = f"{decision.text_zh}({format_date(decision.decided_date)},{decision.decided_by})"
    return f"{text}\n说明:{decision.note}" if decision.note.strip() else text


def _check_block(
    index: int, check: Check, schema: ReportSchema | None, styles: Styles
) -> list[Flowable]:
    heading = Paragraph(markup(_heading(index, check)), styles.record_heading)
    summary_style = _finding_style(check.finding, styles) if check.items else styles.cell
    rows: list[tuple[str, Paragraph | str]] = []
    if check.reason.strip():
        rows.append(("查核事由", check.reason))
    if check.sample_seed is not None:
        rows.append(("随机种子", check.sample_seed))
    rows.append(("查核结论", cell(_tally(check), summary_style)))
    if check.unverified and check.status is CheckStatus.OPEN:
        names = [_item_name(schema, code) for code in check.unverified]
        rows.append(("尚未查核", "、".join(names)))
    rows.append(("处理决定", _decision_text(check.decision)))
    # The heading keeps with the check's summary (its style says so); the item table may
    # split, its header row repeated on the next page.
    parts: list[Flowable] = [heading, label_table(rows, styles)]
    if check.items:
        item_rows = [
            [
                cell(_item_name(schema, item.code), styles.cell),
                cell(item.finding.value, _finding_style(item.finding, styles)),
                cell(item.reason_zh, styles.cell),
                lines_cell(
                    entry_lines(schema.item(item.code) if schema else None, item.verified),
                    styles.small_cell,
                ),
            ]
            for item in check.items
        ]
        parts += [
            Spacer(1, 1.5 * mm),
            column_table(("事项", "结论", "认定理由", "查实情况"), item_rows,
                         (1.6, 0.6, 2.4, 3.4), styles),
        ]  # fmt: skip
    return [*parts, Spacer(1, 2 * mm)]


def _item_name(schema: ReportSchema | None, code: str) -> str:
    item = schema.item(code) if schema is not None else None
    return item_title(item) if item is not None else code


def _finding_style(finding: Finding, styles: Styles) -> ParagraphStyle:
    return styles.cell if finding is Finding.CONSISTENT else styles.flagged


def check_sections(
    checks: Sequence[Check],
    schemas: Mapping[int, ReportSchema],
    styles: Styles,
    *,
    number: int,
) -> list[Flowable]:
    """The section of checks.

    :param schemas: the schema of each check's report, by report id (labels and entries).
    """
    if not checks:
        return [section(number, CHECKS_TITLE, styles), Paragraph(NONE_FILED, styles.body)]
    flowables: list[Flowable] = [section(number, CHECKS_TITLE, styles, f"{len(checks)} 次")]
    for index, check in enumerate(checks, start=1):
        flowables += _check_block(index, check, schemas.get(check.report_id), styles)
    return flowables

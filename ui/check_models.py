"""The 查核 tab's two tables: the official's checks, and the items of the selected one.

Both are thin models over immutable rows (:class:`records.report_check.Check`,
:class:`ui.check_rows.CheckItemRow`), replaced wholesale with what a service returned;
the only addition to :class:`ui.row_table_model.RowTableModel` is the finding's colour.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QBrush, QColor

from records.check_rules import Finding
from records.report_check import Check
from ui.check_rows import (
    FINDING_COLOURS,
    CheckItemRow,
    decision_text,
    entries_text,
    finding_counts,
    finding_text,
)
from ui.i18n import tr
from ui.row_table_model import AnyIndex, Column, RowTableModel

UNVERIFIED_COLOUR = "#9e9e9e"


def _count(finding: Finding) -> Column:
    return Column(tr(finding.value), lambda c: str(finding_counts(c)[finding]))


def check_columns() -> list[Column]:
    return [
        Column(tr("年度"), lambda c: str(c.year)),
        Column(tr("查核方式"), lambda c: tr(c.kind.label_zh)),
        Column(tr("状态"), lambda c: tr(c.status.label_zh)),
        _count(Finding.CONSISTENT),
        _count(Finding.UNDER_REPORTED),
        _count(Finding.CONCEALED),
        Column(tr("未核实"), lambda c: str(len(c.unverified))),
        Column(tr("处理决定"), decision_text),
    ]


#: Where the counts of 漏报 and 瞒报 sit in :func:`check_columns` (they get the colour).
_COUNT_COLUMNS = {4: Finding.UNDER_REPORTED, 5: Finding.CONCEALED}


class CheckListModel(RowTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(check_columns(), parent)

    def row_of(self, check_id: int) -> int | None:
        return next((n for n, c in enumerate(self.rows()) if c.id == check_id), None)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and index.isValid():
            finding = _COUNT_COLUMNS.get(index.column())
            check: Check = self.row_at(index.row())
            if finding is not None and finding_counts(check)[finding]:
                return QBrush(QColor(FINDING_COLOURS[finding]))
            return None
        return super().data(index, role)


#: The column of :func:`item_columns` that shows the finding.
FINDING_COLUMN = 3


def item_columns() -> list[Column]:
    return [
        Column(tr("报告事项"), lambda r: r.title),
        Column(tr("报告情况"), lambda r: entries_text(r.item, r.declared)),
        Column(tr("查实情况"), lambda r: entries_text(r.item, r.verified)),
        Column(tr("结论"), finding_text),
        Column(tr("说明"), lambda r: r.reason_zh),
    ]


class CheckItemModel(RowTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(item_columns(), parent)

    def row_of(self, code: str) -> int | None:
        return next((n for n, r in enumerate(self.rows()) if r.code == code), None)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and index.isValid():
            if index.column() != FINDING_COLUMN:
                return None
            row: CheckItemRow = self.row_at(index.row())
            colour = UNVERIFIED_COLOUR if row.finding is None else FINDING_COLOURS[row.finding]
            return QBrush(QColor(colour))
        return super().data(index, role)

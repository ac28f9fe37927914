"""The change reports of one report item, as a table.

A withdrawn change report stays listed (history, never deletion): greyed and struck through,
its 状态 column saying 已撤销 and why. The late ones say by how many days, withdrawn or not.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QBrush, QFont

from records.annual_report import ChangeReport
from records.report_schema import ReportItem
from ui.display_text import date_text
from ui.i18n import tr
from ui.record_columns import WITHDRAWN_ZH
from ui.record_table_model import WITHDRAWN_COLOR
from ui.report_display import SUMMARY_LIMIT, change_timeliness, entry_summary
from ui.row_table_model import AnyIndex, Column, RowTableModel

#: Where the situation after the change is shown (it takes the spare width).
CHANGED_COLUMN = 4
NOTE_COLUMN = 5


def changed_text(item: ReportItem, change: ChangeReport) -> str:
    """The item's situation after the change, one entry after the other."""
    return " / ".join(entry_summary(item, entry) for entry in change.entries)


def withdrawal_text(change: ChangeReport) -> str:
    """``已撤销:重复登记`` (``""`` for a change report that counts)."""
    if not change.withdrawn:
        return ""
    reason = change.withdraw_reason
    return tr(WITHDRAWN_ZH) + (f":{reason}" if reason else "")


def _cut(text: str) -> str:
    return text if len(text) <= SUMMARY_LIMIT else text[: SUMMARY_LIMIT - 1] + "…"


class ChangeTableModel(RowTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        self._item: ReportItem | None = None
        super().__init__(
            [
                Column(tr("变化日期"), lambda c: date_text(c.change_date)),
                Column(tr("报告日期"), lambda c: date_text(c.reported_date)),
                Column(tr("应报日期"), lambda c: date_text(c.due_date)),
                Column(tr("时限"), change_timeliness),
                Column(tr("变化后情况"), self._changed),
                Column(tr("说明"), lambda c: _cut(c.note)),
                Column(tr("登记人"), lambda c: c.created_by),
                Column(tr("状态"), lambda c: _cut(withdrawal_text(c))),
            ],
            parent,
        )
        self._status_column = self.columnCount() - 1

    def show(self, item: ReportItem | None, changes: Sequence[ChangeReport]) -> None:
        self._item = item
        self.set_rows(changes)

    def row_of(self, change_id: int) -> int | None:
        return next((i for i, c in enumerate(self.rows()) if c.id == change_id), None)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= self.rowCount():
            return None
        change: ChangeReport = self.row_at(index.row())
        if role == Qt.ItemDataRole.ToolTipRole:  # the cut texts, whole
            if index.column() == self._status_column:
                return withdrawal_text(change) or None
            if index.column() == NOTE_COLUMN:
                return change.note or None
        if change.withdrawn:
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(WITHDRAWN_COLOR)
            if role == Qt.ItemDataRole.FontRole and index.column() != self._status_column:
                font = QFont()
                font.setStrikeOut(True)
                return font
        return super().data(index, role)

    def _changed(self, change: ChangeReport) -> str:
        return "" if self._item is None else changed_text(self._item, change)

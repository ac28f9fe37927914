"""The dossier's record table: columns that follow the chosen section, withdrawn rows
greyed and struck through (they stay listed: history, never deletion)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from records.model import Record
from ui.i18n import tr
from ui.record_columns import WITHDRAWN_ZH, all_columns
from ui.row_table_model import AnyIndex, Column, RowTableModel

WITHDRAWN_COLOR = QColor("#9e9e9e")


class RecordTableModel(RowTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(all_columns(), parent)

    def show(self, records: Sequence[Record], columns: Sequence[Column]) -> None:
        """Replace rows and columns in one reset (a section change changes both)."""
        self.beginResetModel()
        self._columns = tuple(columns)
        self._rows = tuple(records)
        self.endResetModel()

    def row_of(self, record_id: int) -> int | None:
        return next((i for i, r in enumerate(self.rows()) if r.id == record_id), None)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= self.rowCount():
            return None
        record: Record = self.row_at(index.row())
        if record.withdrawn:
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(WITHDRAWN_COLOR)
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setStrikeOut(True)
                return font
            if role == Qt.ItemDataRole.ToolTipRole:
                reason = record.withdraw_reason
                return tr(WITHDRAWN_ZH) + (f":{reason}" if reason else "")
        return super().data(index, role)

"""The sections of the 记录 tab: 全部, then one per record type with its count.

A clerk looks for "the talks" or "the gifts", not for a date: picking a section filters
the table and gives it that type's own columns.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from records.model import Record
from records.record_types import RECORD_TYPES
from ui.i18n import tr

#: The section code of 全部 (every other section's code is its record type's).
ALL_SECTION = ""
_EMPTY_COLOR = QColor("#9e9e9e")


class RecordSections(QListWidget):
    #: The chosen section's code (:data:`ALL_SECTION` or a record type).
    sectionChanged = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("record_sections")
        self._labels = {ALL_SECTION: tr("全部")} | {
            code: record_type.label_zh for code, record_type in RECORD_TYPES.items()
        }
        for code in self._labels:
            item = QListWidgetItem(self)
            item.setData(Qt.ItemDataRole.UserRole, code)
        self.set_counts(())
        self.setCurrentRow(0)
        self.setMaximumWidth(self.sizeHintForColumn(0) + 48)  # room for "(123)"
        self.currentRowChanged.connect(self._row_changed)

    def set_counts(self, records: Iterable[Record]) -> None:
        """Label each section with how many of ``records`` it lists (withdrawn included)."""
        counts = Counter(record.type for record in records)
        counts[ALL_SECTION] = sum(counts.values())
        for row in range(self.count()):
            item = self.item(row)
            code = self.code_at(row)
            item.setText(f"{self._labels[code]} ({counts[code]})")
            # Empty sections stay pickable (to file the first one) but recede.
            item.setForeground(QBrush(_EMPTY_COLOR) if counts[code] == 0 else QBrush())

    def code_at(self, row: int) -> str:
        return str(self.item(row).data(Qt.ItemDataRole.UserRole))

    def current_code(self) -> str:
        row = self.currentRow()
        return ALL_SECTION if row < 0 else self.code_at(row)

    def select(self, code: str) -> None:
        for row in range(self.count()):
            if self.code_at(row) == code:
                self.setCurrentRow(row)
                return

    def section_text(self, code: str) -> str:
        """The section's label as shown, with its count ("谈话/函询/诫勉 (3)")."""
        for row in range(self.count()):
            if self.code_at(row) == code:
                return self.item(row).text()
        raise KeyError(code)

    def _row_changed(self, row: int) -> None:
        if row >= 0:
            self.sectionChanged.emit(self.code_at(row))

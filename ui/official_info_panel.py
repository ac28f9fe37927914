"""基本信息: an official's fields as label/value pairs, two pairs per row like the paper form.

Built from ``OFFICIAL_FIELDS``, so a field added there shows here without a change.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QWidget

from records.model import Official
from records.official_fields import OFFICIAL_FIELDS
from ui.display_text import field_text, official_choice_labels

PAIRS_PER_ROW = 2


class OfficialInfoPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._values: dict[str, QLabel] = {}
        grid = QGridLayout(self)
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(8)
        for number, spec in enumerate(OFFICIAL_FIELDS):
            row, pair = divmod(number, PAIRS_PER_ROW)
            label = QLabel(spec.label_zh + ":", self)
            label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            label.setStyleSheet("color: #555;")
            value = QLabel(self)
            value.setObjectName(f"value_{spec.name}")
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            grid.addWidget(label, row, pair * 2)
            grid.addWidget(value, row, pair * 2 + 1)
            self._values[spec.name] = value
        for pair in range(PAIRS_PER_ROW):
            grid.setColumnStretch(pair * 2 + 1, 1)
        grid.setRowStretch(grid.rowCount(), 1)

    def show_official(self, official: Official) -> None:
        labels = official_choice_labels()
        for spec in OFFICIAL_FIELDS:
            self._values[spec.name].setText(field_text(spec, getattr(official, spec.name), labels))

    def clear(self) -> None:
        for value in self._values.values():
            value.clear()

    def value_text(self, name: str) -> str:
        return self._values[name].text()

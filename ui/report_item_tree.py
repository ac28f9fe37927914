"""The items of one report, grouped as the schema groups them (家事, 家产), with their state.

The groups, their order and the items come from the report's schema version, never from
a list written here. An unanswered item of a draft stands out: it blocks submitting.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QHeaderView, QTreeWidget, QTreeWidgetItem, QWidget

from records.annual_report import AnnualReport, ReportStatus
from records.report_schema import ReportSchema
from ui.i18n import tr
from ui.report_display import answer_text

_MISSING_COLOR = QColor("#c62828")
_CODE_ROLE = Qt.ItemDataRole.UserRole


class ReportItemTree(QTreeWidget):
    #: The chosen item's code, or ``""`` when a group or nothing is chosen.
    itemChosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("report_items")
        self.setColumnCount(3)
        self.setHeaderLabels([tr("报告事项"), tr("填报情况"), tr("变化")])
        self.setRootIsDecorated(False)
        self.setUniformRowHeights(True)
        header = self.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        self.currentItemChanged.connect(lambda current, _previous: self._chosen(current))

    def show_report(
        self, report: AnnualReport, schema: ReportSchema, *, prefer: str | None = None
    ) -> None:
        """List ``report``'s items and choose ``prefer``, else the item chosen before, if
        listed (the same item, year after year), else where the work is."""
        keep = prefer or self.current_code()
        self.blockSignals(True)
        self.clear()
        groups: dict[str, QTreeWidgetItem] = {}
        draft = report.status is ReportStatus.DRAFT
        for item in schema.items:
            group = groups.get(item.group)
            if group is None:
                group = QTreeWidgetItem(self, [item.group, "", ""])
                group.setFlags(Qt.ItemFlag.ItemIsEnabled)  # a heading, not a choice
                font = group.font(0)
                font.setBold(True)
                group.setFont(0, font)
                groups[item.group] = group
            answer = report.item(item.code)
            changes = [] if answer is None else [c for c in answer.changes if not c.withdrawn]
            changed = tr("{n}份").format(n=len(changes)) if changes else ""
            title = f"{item.number} {item.short_zh}"
            row = QTreeWidgetItem(group, [title, answer_text(answer), changed])
            row.setData(0, _CODE_ROLE, item.code)
            row.setToolTip(0, item.label_zh)
            if draft and (answer is None or not answer.answered):
                row.setForeground(1, QBrush(_MISSING_COLOR))
        self.expandAll()
        self.blockSignals(False)
        if not (keep and self.select(keep)):
            first = self._first_code(report)
            if first is not None:
                self.select(first)
        self._chosen(self.currentItem())

    def select(self, code: str) -> bool:
        for row in self._rows():
            if row.data(0, _CODE_ROLE) == code:
                self.setCurrentItem(row)
                return True
        return False

    def current_code(self) -> str:
        current = self.currentItem()
        code = None if current is None else current.data(0, _CODE_ROLE)
        return str(code) if code else ""

    def codes(self) -> list[str]:
        return [str(row.data(0, _CODE_ROLE)) for row in self._rows()]

    def state_text(self, code: str, column: int = 1) -> str:
        """The 填报情况 (or another ``column``'s) cell of item ``code`` as shown."""
        for row in self._rows():
            if row.data(0, _CODE_ROLE) == code:
                return row.text(column)
        raise KeyError(code)

    def group_titles(self) -> list[str]:
        return [group.text(0) for group in self._groups()]

    def _groups(self) -> list[QTreeWidgetItem]:
        groups = (self.topLevelItem(n) for n in range(self.topLevelItemCount()))
        return [group for group in groups if group is not None]

    def _rows(self) -> list[QTreeWidgetItem]:
        rows = (group.child(n) for group in self._groups() for n in range(group.childCount()))
        return [row for row in rows if row is not None]

    def _first_code(self, report: AnnualReport) -> str | None:
        # A draft opens where work remains; a submitted report at its first item.
        codes = self.codes()
        if report.status is ReportStatus.DRAFT:
            for code in codes:
                answer = report.item(code)
                if answer is None or not answer.answered:
                    return code
        return codes[0] if codes else None

    def _chosen(self, current: QTreeWidgetItem | None) -> None:
        code = None if current is None else current.data(0, _CODE_ROLE)
        self.itemChosen.emit(str(code) if code else "")

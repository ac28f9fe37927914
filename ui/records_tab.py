"""The 记录 tab of a dossier: sections per record type, the table, the selected record.

Read-only like the rest of the dossier view: the actions that change a record (修改,
撤销, 修改历史) belong to the main window, which hands them over with
:meth:`RecordsTab.set_actions` to show on the tab's tool bar and context menu.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QItemSelection, QModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QScrollArea,
    QSplitter,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from records.model import Record
from ui.field_form import ERROR_STYLE
from ui.i18n import tr
from ui.record_columns import all_columns, record_details, type_columns
from ui.record_sections import ALL_SECTION, RecordSections
from ui.record_table_model import RecordTableModel

#: The column that takes the spare width: the summary of 全部, a type's last key field.
_ALL_STRETCH = 2


class RecordsTab(QSplitter):
    #: The selected record (``None`` when nothing is selected).
    recordSelected = Signal(object)
    #: A record was double-clicked or had Enter pressed on it (the main window edits it).
    recordActivated = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self._records: tuple[Record, ...] = ()
        self.sections = RecordSections(self)
        self.sections.sectionChanged.connect(lambda _code: self._fill())

        middle = QWidget(self)
        column = QVBoxLayout(middle)
        column.setContentsMargins(0, 0, 0, 0)
        self.toolbar = QToolBar(middle)
        self.toolbar.setObjectName("record_toolbar")
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.toolbar.hide()  # until the main window hands over its actions
        column.addWidget(self.toolbar)
        self.model = RecordTableModel(self)
        self.table = QTableView(middle)
        self.table.setObjectName("record_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.table.activated.connect(self._activated)
        column.addWidget(self.table, 1)

        self.detail = QGroupBox(tr("记录详情"))
        self._detail_form = QFormLayout(self.detail)
        detail_scroll = QScrollArea(self)
        detail_scroll.setWidgetResizable(True)
        detail_scroll.setWidget(self.detail)
        self.addWidget(self.sections)
        self.addWidget(middle)
        self.addWidget(detail_scroll)
        self.setStretchFactor(1, 1)
        self.setSizes([150, 460, 300])
        self._fit_columns(_ALL_STRETCH)
        self._show_detail(None)

    # ---- content -------------------------------------------------------------------------

    def show_records(self, records: Sequence[Record], *, keep_place: bool) -> None:
        """Show ``records``; ``keep_place`` (the same dossier again, after a change) keeps
        the section and re-selects the record that was selected, if it is still listed."""
        selected = self.current_record()
        self._records = tuple(records)
        self.sections.set_counts(self._records)
        if not keep_place:
            self.sections.blockSignals(True)
            self.sections.select(ALL_SECTION)
            self.sections.blockSignals(False)
        self._fill()
        if keep_place and selected is not None:
            self.select_record(selected.id)

    def clear(self) -> None:
        self.show_records((), keep_place=False)

    def current_record(self) -> Record | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def current_section(self) -> str:
        return self.sections.current_code()

    def select_record(self, record_id: int) -> bool:
        """Select the record (switching to 全部 if its section does not list it)."""
        row = self.model.row_of(record_id)
        if row is None and any(r.id == record_id for r in self._records):
            self.sections.select(ALL_SECTION)
            row = self.model.row_of(record_id)
        if row is None:
            return False
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0))
        return True

    def set_actions(self, actions: Sequence[QAction], *, withdraw: QAction) -> None:
        """Offer ``actions`` on the tab's tool bar and the table's context menu; the
        Delete key on the table triggers ``withdraw`` (asks for a reason first).

        Delete is bound to the table alone: anywhere else (the search box, a form) it
        keeps its ordinary meaning.
        """
        for action in actions:
            self.toolbar.addAction(action)
            self.table.addAction(action)
        self.toolbar.show()
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        delete = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.table)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(lambda: _trigger_if_enabled(withdraw))

    # ---- plumbing ------------------------------------------------------------------------

    def _fill(self) -> None:
        code = self.sections.current_code()
        if code == ALL_SECTION:
            self.model.show(self._records, all_columns())
            self._fit_columns(_ALL_STRETCH)
        else:
            columns = type_columns(code)
            self.model.show([r for r in self._records if r.type == code], columns)
            self._fit_columns(len(columns) - 2)  # the last key field, before 状态
        self._show_detail(None)
        self.recordSelected.emit(None)

    def _fit_columns(self, stretch: int) -> None:
        # Set after every reset: the columns (and their count) change with the section.
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        if 0 <= stretch < self.model.columnCount():
            header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        record = self.current_record()
        self._show_detail(record)
        self.recordSelected.emit(record)

    def _activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.recordActivated.emit(self.model.row_at(index.row()))

    def _show_detail(self, record: Record | None) -> None:
        while self._detail_form.rowCount():
            self._detail_form.removeRow(0)
        if record is None:
            self._detail_form.addRow(QLabel(tr("选择一条记录查看全部内容"), self.detail))
            return
        for row, (label, text) in enumerate(record_details(record)):
            value = QLabel(text, self.detail)
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            if record.withdrawn and row == 0:  # record_details puts 状态: 已撤销 first
                value.setStyleSheet(ERROR_STYLE)
            self._detail_form.addRow(label + ":", value)


def _trigger_if_enabled(action: QAction) -> None:
    if action.isEnabled():
        action.trigger()

"""The sub-records (entries) of one report item: a table whose columns follow the schema,
with 添加/修改/删除 buttons.

An item with one kind of entry (房产) gets one column per field; an item with several
kinds (普通护照 and 因私出国 under 家事2) gets 类别 and a one-line summary, since the kinds
share no columns. The widget edits nothing itself: it asks, through its signals, and the
owner decides whether the change goes to the vault (a draft) or stays local (a change
report being written).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import partial

from PySide6.QtCore import QModelIndex, Signal, SignalInstance
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from records.report_schema import ReportItem
from ui.dossier_view import make_table
from ui.i18n import tr
from ui.report_display import entry_summary, kind_text, value_text
from ui.row_table_model import Column, RowTableModel

Entry = Mapping[str, object]


def _field_text(name: str, entry: Entry) -> str:
    return value_text(entry.get(name))


def entry_columns(item: ReportItem) -> list[Column]:
    if len(item.kinds) == 1:
        return [
            Column(field.spec.label_zh, partial(_field_text, field.name))
            for field in item.kinds[0].fields
        ]
    return [
        Column(tr("类别"), lambda e: kind_text(item, e)),
        Column(tr("内容"), lambda e: entry_summary(item, e)),
    ]


class EntryListEditor(QWidget):
    """Shows an item's entries; emits requests to add, edit (row) or remove (row) one."""

    addRequested = Signal()
    editRequested = Signal(int)
    removeRequested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._editable = False
        self._item: ReportItem | None = None
        self.model = RowTableModel([], self)
        self.table = make_table(self, self.model)
        # activated: a double click, or Enter on the selected entry (the keyboard's way in).
        self.table.activated.connect(self._activated)
        self.add_button = QPushButton(tr("添加…"), self)
        self.add_button.clicked.connect(self.addRequested)
        self.edit_button = QPushButton(tr("修改…"), self)
        self.edit_button.clicked.connect(lambda: self._request(self.editRequested))
        self.remove_button = QPushButton(tr("删除"), self)
        self.remove_button.clicked.connect(lambda: self._request(self.removeRequested))
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self._update_buttons()

    def set_entries(self, item: ReportItem, entries: Sequence[Entry]) -> None:
        if item is not self._item:
            # Columns belong to the item: a new model rather than a reset one.
            self._item = item
            self._set_model(entry_columns(item))
        self.model.set_rows(list(entries))
        self._update_buttons()

    def clear(self) -> None:
        self._item = None
        self._set_model([])
        self._update_buttons()

    def _set_model(self, columns: list[Column]) -> None:
        old, old_selection = self.model, self.table.selectionModel()
        self.model = RowTableModel(columns, self)
        self.table.setModel(self.model)
        # A new model comes with a new selection model: listen to that one.
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        # setModel deletes neither: one pair per item shown would pile up under the widget.
        old.deleteLater()
        old_selection.deleteLater()

    def entries(self) -> list[dict[str, object]]:
        return [dict(entry) for entry in self.model.rows()]

    def set_editable(self, editable: bool) -> None:
        self._editable = editable
        for button in (self.add_button, self.edit_button, self.remove_button):
            button.setVisible(editable)
        self._update_buttons()

    def current_row(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else None

    def select_row(self, row: int) -> None:
        self.table.selectRow(row)

    def _request(self, signal: SignalInstance) -> None:
        row = self.current_row()
        if row is not None and self._editable:
            signal.emit(row)

    def _activated(self, index: QModelIndex) -> None:
        if index.isValid() and self._editable:
            self.editRequested.emit(index.row())

    def _update_buttons(self) -> None:
        has_item = self._item is not None
        selected = self.current_row() is not None
        self.add_button.setEnabled(self._editable and has_item)
        self.edit_button.setEnabled(self._editable and selected)
        self.remove_button.setEnabled(self._editable and selected)

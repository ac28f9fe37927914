"""修改历史: every version of one record — who, when, what changed (old → new) — and its
withdrawal with the reason. Read through ``RecordService.history`` (an audited read,
masked by need-to-know like the record itself)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from records.model import Record
from records.record_history import FieldChange, RecordVersion, VersionEvent
from records.record_types import RECORD_TYPES
from records.services.dossier_records import RecordService
from ui.display_text import EMPTY, date_text, field_text, one_line
from ui.error_messages import UserError, message_for
from ui.field_form import ERROR_STYLE
from ui.i18n import tr
from ui.record_columns import HIDDEN_CONTENT_ZH, record_type_label
from ui.vault_worker import VaultWorker

#: Columns of the tree: a version's row, and under it one row per changed field.
HEADERS = ("版本", "操作", "操作人", "时间", "内容")


def value_text(type_code: str, change: FieldChange, value: object) -> str:
    """One side of a change, as the record's forms and detail pane show it."""
    if value is None:
        return EMPTY
    record_type = RECORD_TYPES.get(type_code)
    try:
        spec = record_type.field(change.name) if record_type else None
    except KeyError:
        spec = None  # a common property (date, source, disclosure) or a retired field
    if spec is not None:
        return one_line(field_text(spec, value), limit=80)
    if isinstance(value, date):
        return date_text(value)
    return one_line(str(value), limit=80)


def change_text(type_code: str, change: FieldChange) -> str:
    old, new = value_text(type_code, change, change.old), value_text(type_code, change, change.new)
    return f"{old} → {new}"


def version_note(version: RecordVersion) -> str:
    if version.event is VersionEvent.WITHDRAWN:
        return tr("撤销理由:") + (version.reason or EMPTY)
    if version.event is VersionEvent.EDITED:
        return tr("修改了{n}项").format(n=len(version.changes))
    return ""


class RecordHistoryDialog(QDialog):
    #: The history is on screen (the number of entries); tests wait on it.
    loaded = Signal(int)

    def __init__(self, worker: VaultWorker, record: Record, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._type = record.type
        self.setWindowTitle(tr("修改历史"))
        layout = QVBoxLayout(self)
        heading = tr("{type}({date}),记录编号 {id}").format(
            type=record_type_label(record), date=date_text(record.record_date), id=record.id
        )
        layout.addWidget(QLabel(heading, self))
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("record_history")
        self.tree.setHeaderLabels([tr(h) for h in HEADERS])
        self.tree.setRootIsDecorated(True)
        self.tree.setAlternatingRowColors(True)
        header = self.tree.header()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        layout.addWidget(self.tree, 1)
        self.status = QLabel(tr("正在读取修改历史…"), self)
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(tr("关闭"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(720, 460)
        record_id = record.id
        worker.submit(
            lambda session: RecordService(session).history(record_id), self._show, self._failed
        )

    def entries(self) -> list[list[str]]:
        """The versions' rows as shown: 版本, 操作, 操作人, 时间, 内容."""
        return [_texts(self._entry(i)) for i in range(self.tree.topLevelItemCount())]

    def changes(self, entry: int) -> list[list[str]]:
        """The change rows under entry ``entry``: field label and "old → new"."""
        item = self._entry(entry)
        children = (item.child(i) for i in range(item.childCount()))
        return [[child.text(1), child.text(4)] for child in children if child is not None]

    def _entry(self, index: int) -> QTreeWidgetItem:
        item = self.tree.topLevelItem(index)
        if item is None:
            raise IndexError(index)
        return item

    def _show(self, versions: list[RecordVersion]) -> None:
        self.tree.clear()
        for version in versions:
            # A withdrawal is not a version: it marks the last one.
            withdrawal = version.event is VersionEvent.WITHDRAWN
            item = QTreeWidgetItem(
                [
                    "" if withdrawal else tr("第{n}版").format(n=version.version),
                    tr(version.event.label_zh),
                    version.changed_by,
                    date_text(version.changed_at),
                    version_note(version),
                ]
            )
            for change in version.changes:
                item.addChild(
                    QTreeWidgetItem(["", change.label_zh, "", "", change_text(self._type, change)])
                )
            self.tree.addTopLevelItem(item)
        self.tree.expandAll()
        hidden = any(v.content_hidden for v in versions)
        count = tr("共{n}条").format(n=len(versions))
        self.status.setText(count + ("  " + tr(HIDDEN_CONTENT_ZH) if hidden else ""))
        self.loaded.emit(len(versions))

    def _failed(self, error: UserError) -> None:
        self.status.setText(message_for(error))
        self.status.setStyleSheet(ERROR_STYLE)
        self.loaded.emit(0)


def _texts(item: QTreeWidgetItem) -> list[str]:
    return [item.text(column) for column in range(item.columnCount())]

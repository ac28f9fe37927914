"""The list of accounts (用户名, 显示名, 角色, 状态) shared by the administrators' panels.

Read through ``UserService.list`` on the vault worker (not an audited read: it shows no
dossier content) and replaced wholesale after every change, so it always shows the vault.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, Signal
from PySide6.QtWidgets import QLabel, QTableView, QVBoxLayout, QWidget

from records.model import User
from records.roles import Role
from records.services.users import UserService
from ui.dossier_view import make_table
from ui.error_messages import UserError, message_for
from ui.i18n import tr
from ui.row_table_model import Column, RowTableModel
from ui.vault_worker import VaultWorker


def roles_text(user: User) -> str:
    return "、".join(tr(role.label_zh) for role in Role if role in user.roles)


def status_text(user: User) -> str:
    return tr("启用") if user.enabled else tr("停用")


def account_columns() -> list[Column]:
    return [
        Column(tr("用户名"), lambda u: u.name),
        Column(tr("显示名"), lambda u: u.display_name),
        Column(tr("角色"), roles_text),
        Column(tr("状态"), status_text),
    ]


class AccountList(QWidget):
    #: The list was (re)loaded: the number of accounts shown.
    refreshed = Signal(int)
    #: The selected account changed (read it with :meth:`selected`).
    selectionChanged = Signal()

    def __init__(self, worker: VaultWorker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._worker = worker
        self._sequence = 0
        self.model = RowTableModel(account_columns(), self)
        # The last column (状态) takes the spare width, so a row reads without a gap.
        self.table: QTableView = make_table(self, self.model)
        self.table.horizontalHeader().setMinimumSectionSize(110)
        self.count_label = QLabel(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count_label)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)

    def refresh(self, *, select_name: str | None = None) -> None:
        """Reload from the vault; keep (or move) the selection to ``select_name``."""
        current = self.selected()
        keep = select_name or (current.name if current is not None else None)
        self._sequence += 1
        sequence = self._sequence
        self._worker.submit(
            lambda session: UserService(session).list(),
            lambda users: self._show(sequence, users, keep),
            lambda error: self._failed(sequence, error),
        )

    def clear(self) -> None:
        """Forget every account shown (the window is being locked)."""
        self._sequence += 1  # a listing still under way must not refill the table
        self.model.clear()
        self.count_label.clear()
        self.selectionChanged.emit()

    def accounts(self) -> tuple[User, ...]:
        return self.model.rows()

    def selected(self) -> User | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        user: User = self.model.row_at(rows[0].row())
        return user

    def select_name(self, name: str) -> bool:
        for row, user in enumerate(self.model.rows()):
            if user.name == name:
                self.table.selectRow(row)
                return True
        return False

    def _show(self, sequence: int, users: list[User], keep: str | None) -> None:
        if sequence != self._sequence:
            return
        self.model.set_rows(users)
        enabled = sum(1 for user in users if user.enabled)
        self.count_label.setText(
            tr("共 {n} 个账户,{enabled} 个启用").format(n=len(users), enabled=enabled)
        )
        if keep is None or not self.select_name(keep):
            self.selectionChanged.emit()  # the reset dropped the selection
        self.refreshed.emit(len(users))

    def _failed(self, sequence: int, error: UserError) -> None:
        if sequence != self._sequence:
            return
        self.model.clear()
        self.count_label.setText(message_for(error))
        self.selectionChanged.emit()
        self.refreshed.emit(0)

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self.selectionChanged.emit()

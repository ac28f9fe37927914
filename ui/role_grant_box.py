"""角色授权 (安全保密管理员): grant or revoke one role of the selected account.

三员分立 is the service's rule (``records.separation``): a grant that would break it is
refused with :class:`SeparationOfDutiesError`, shown here in Chinese; with the small-unit
policy on it is allowed and marked in the audit trail.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from records.model import User
from records.roles import Role
from records.services.account_admin import AccountAdminService
from records.session import Session
from ui.account_list import AccountList
from ui.error_messages import UserError, message_for
from ui.i18n import tr
from ui.notices import Notices
from ui.vault_worker import VaultWorker


class RoleGrantBox(QGroupBox):
    #: A short report for the window's status bar.
    message = Signal(str)
    #: An account's roles changed (the :class:`User` as the vault now has it).
    rolesChanged = Signal(object)

    def __init__(
        self, worker: VaultWorker, notices: Notices, parent: QWidget | None = None
    ) -> None:
        super().__init__(tr("角色授权"), parent)
        self._worker = worker
        self._notices = notices
        self._busy = False

        hint = QLabel(
            tr(
                "三员分立:系统管理员、安全保密管理员、安全审计员互不兼任,"
                "也不兼任录入员或审核员(小单位策略放开时除外)。"
            ),
            self,
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #666;")
        self.accounts = AccountList(worker, self)
        self.role_combo = QComboBox(self)
        for role in Role:
            self.role_combo.addItem(tr(role.label_zh), role.value)
        self.grant_button = QPushButton(tr("授予角色"), self)
        self.revoke_button = QPushButton(tr("撤销角色"), self)
        row = QHBoxLayout()
        row.addWidget(QLabel(tr("角色:"), self))
        row.addWidget(self.role_combo)
        row.addWidget(self.grant_button)
        row.addWidget(self.revoke_button)
        row.addStretch(1)

        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.accounts, 1)
        layout.addLayout(row)

        self.grant_button.clicked.connect(self.grant)
        self.revoke_button.clicked.connect(self.revoke)
        self.accounts.selectionChanged.connect(self._update_buttons)
        self.role_combo.currentIndexChanged.connect(self._update_buttons)
        self._update_buttons()

    def selected_role(self) -> Role:
        return Role(str(self.role_combo.currentData()))

    def select_role(self, role: Role) -> None:
        self.role_combo.setCurrentIndex(self.role_combo.findData(role.value))

    # ---- actions -------------------------------------------------------------------------

    def refresh(self, *, select_name: str | None = None) -> None:
        self.accounts.refresh(select_name=select_name)

    def grant(self) -> None:
        user, role = self.accounts.selected(), self.selected_role()
        if user is None:
            return
        name = user.name
        self._run(
            lambda session: AccountAdminService(session).grant_role(name, role.value),
            tr("已授予 {name} 角色:{role}").format(name=name, role=tr(role.label_zh)),
        )

    def revoke(self) -> None:
        user, role = self.accounts.selected(), self.selected_role()
        if user is None:
            return
        name = user.name
        self._run(
            lambda session: AccountAdminService(session).revoke_role(name, role.value),
            tr("已撤销 {name} 的角色:{role}").format(name=name, role=tr(role.label_zh)),
        )

    def clear(self) -> None:
        self._busy = False
        self.accounts.clear()

    # ---- results -------------------------------------------------------------------------

    def _run(self, job: Callable[[Session], User], done_text: str) -> None:
        self._busy = True
        self._update_buttons()
        self._worker.submit(job, lambda user: self._changed(user, done_text), self._failed)

    def _changed(self, user: User, text: str) -> None:
        self._busy = False
        self.message.emit(text)
        self.rolesChanged.emit(user)
        self.refresh(select_name=user.name)

    def _failed(self, error: UserError) -> None:
        self._busy = False
        self._update_buttons()
        self._notices.error(self, tr("角色授权"), message_for(error))

    def _update_buttons(self) -> None:
        user = None if self._busy else self.accounts.selected()
        holds = user is not None and self.selected_role() in user.roles
        self.grant_button.setEnabled(user is not None and not holds)
        self.revoke_button.setEnabled(holds)

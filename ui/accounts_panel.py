"""账户 (系统管理员): add, disable, enable accounts and reset forgotten passwords.

Every button is one service call on the vault worker (role-checked and audited there);
afterwards the list is read again from the vault. Refusals — the last enabled holder of an
administrator role, one's own account — come back as typed errors, shown in Chinese.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from records.model import User
from records.services.account_admin import AccountAdminService
from records.session import Session
from ui.account_dialog import NewAccountDialog
from ui.account_list import AccountList
from ui.confirmations import Confirmations
from ui.error_messages import UserError, message_for
from ui.i18n import tr
from ui.notices import Notices
from ui.password_dialogs import ResetPasswordDialog
from ui.vault_worker import VaultWorker


class AccountsPanel(QWidget):
    #: A short report for the window's status bar ("已停用账户:…").
    message = Signal(str)
    #: An account was added or changed (the :class:`User` as the vault now has it).
    accountChanged = Signal(object)

    def __init__(
        self,
        worker: VaultWorker,
        user: User,
        notices: Notices,
        confirmations: Confirmations,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._worker = worker
        self._own_name = user.name
        self._notices = notices
        self._confirmations = confirmations
        self._busy = False

        self.add_button = QPushButton(tr("新增账户…"), self)
        self.disable_button = QPushButton(tr("停用"), self)
        self.enable_button = QPushButton(tr("启用"), self)
        self.reset_button = QPushButton(tr("重置密码…"), self)
        self.disable_button.setToolTip(tr("停用后该账户不能解锁档案库;记录和审计日志保留"))
        self.reset_button.setToolTip(tr("为忘记密码的用户设置新密码(不需要原密码)"))
        buttons = QHBoxLayout()
        for button in (self.add_button, self.disable_button, self.enable_button, self.reset_button):
            buttons.addWidget(button)
        buttons.addStretch(1)

        self.accounts = AccountList(worker, self)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.accounts, 1)

        self.add_button.clicked.connect(self.add_account)
        self.disable_button.clicked.connect(self.disable_selected)
        self.enable_button.clicked.connect(self.enable_selected)
        self.reset_button.clicked.connect(self.reset_selected)
        self.accounts.selectionChanged.connect(self._update_buttons)
        self._update_buttons()

    # ---- actions -------------------------------------------------------------------------

    def refresh(self, *, select_name: str | None = None) -> None:
        self.accounts.refresh(select_name=select_name)

    def add_account(self) -> None:
        dialog = NewAccountDialog(self._worker, self)
        dialog.saved.connect(lambda user: self._changed(user, tr("已新增账户:{name}")))
        self._open(dialog)

    def disable_selected(self) -> None:
        user = self.accounts.selected()
        if user is None or not user.enabled:
            return
        name = user.name
        self._confirmations.ask(
            self,
            tr("停用账户"),
            tr(
                "停用 {display}({name})?\n\n停用后该账户不能再解锁档案库,它的记录和审计"
                "日志都会保留;下次轮换数据密钥后,它留下的旧密钥文件副本也随之失效。"
                "需要时可以重新启用。"
            ).format(display=user.display_name, name=name),
            tr("停用"),
            lambda: self._run(
                tr("停用账户"),
                lambda session: AccountAdminService(session).disable(name),
                tr("已停用账户:{name}"),
            ),
        )

    def enable_selected(self) -> None:
        user = self.accounts.selected()
        if user is None or user.enabled:
            return
        name = user.name
        self._run(
            tr("启用账户"),
            lambda session: AccountAdminService(session).enable(name),
            tr("已启用账户:{name}"),
        )

    def reset_selected(self) -> None:
        user = self.accounts.selected()
        if user is None:
            return
        dialog = ResetPasswordDialog(self._worker, user, self)
        dialog.saved.connect(lambda changed: self._changed(changed, tr("已重置密码:{name}")))
        self._open(dialog)

    def clear(self) -> None:
        """Forget every account shown (the window is being locked)."""
        self._busy = False
        self.accounts.clear()

    # ---- results -------------------------------------------------------------------------

    def _run(self, title: str, job: Callable[[Session], User], done_text: str) -> None:
        self._busy = True
        self._update_buttons()
        self._worker.submit(
            job,
            lambda user: self._changed(user, done_text),
            lambda error: self._failed(title, error),
        )

    def _changed(self, user: User, text: str) -> None:
        self._busy = False
        self.message.emit(text.format(name=user.name))
        self.accountChanged.emit(user)
        self.refresh(select_name=user.name)

    def _failed(self, title: str, error: UserError) -> None:
        self._busy = False
        self._update_buttons()
        self._notices.error(self, title, message_for(error))

    def _open(self, dialog: QDialog) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def _update_buttons(self) -> None:
        user = None if self._busy else self.accounts.selected()
        # One's own account is refused by the service too; here the buttons say so first.
        other = user is not None and user.name != self._own_name
        enabled = user is not None and user.enabled
        self.add_button.setEnabled(not self._busy)
        self.disable_button.setEnabled(other and enabled)
        self.enable_button.setEnabled(user is not None and not enabled)
        self.reset_button.setEnabled(other and enabled)

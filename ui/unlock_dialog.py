"""解锁档案库: vault folder, user name and password; the unlock runs on the worker.

Argon2id takes a noticeable fraction of a second, so the inputs are disabled and a busy
bar runs meanwhile; the GUI thread never derives a key.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from records.device_unlock import has_remembered_login, remember_offered
from records.errors import AuthenticationError
from records.model import User
from ui.error_messages import UserError, message_for
from ui.field_form import ERROR_STYLE
from ui.file_dialogs import FileDialogs
from ui.i18n import tr
from ui.vault_worker import RememberOutcome, VaultWorker


class UnlockDialog(QDialog):
    #: Emitted with the unlocked user and the vault folder, before the dialog closes.
    unlocked = Signal(object, object)

    def __init__(
        self,
        worker: VaultWorker,
        file_dialogs: FileDialogs,
        *,
        vault: Path | None = None,
        user: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._worker = worker
        self._file_dialogs = file_dialogs
        self._busy = False
        self.setWindowTitle(tr("廉档 — 解锁档案库"))

        self.vault_edit = QLineEdit(str(vault) if vault else "", self)
        self.vault_edit.setPlaceholderText(tr("档案库所在文件夹"))
        self.browse_button = QPushButton(tr("浏览…"), self)
        self.browse_button.clicked.connect(self._browse)
        vault_row = QHBoxLayout()
        vault_row.addWidget(self.vault_edit, 1)
        vault_row.addWidget(self.browse_button)
        self.user_edit = QLineEdit(user or "", self)
        self.password_edit = QLineEdit(self)
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        # Shown only with a usable OS key store and a policy that allows it (records.
        # device_unlock); checked when this computer already remembers the account.
        self.remember_check = QCheckBox(tr("在此计算机上记住"), self)
        self.remember_check.setToolTip(
            tr("下次在本机打开时无需输入密码;修改密码后需重新勾选。公用计算机上请勿勾选。")
        )
        #: Why the 「记住」 choice could not be applied at the last unlock ("" if it was).
        self.remember_problem = ""
        self.vault_edit.editingFinished.connect(self._refresh_remember)
        self.user_edit.editingFinished.connect(self._refresh_remember)

        form = QFormLayout()
        form.addRow(tr("档案库:"), vault_row)
        form.addRow(tr("用户名:"), self.user_edit)
        form.addRow(tr("密码:"), self.password_edit)
        form.addRow("", self.remember_check)

        self.message = QLabel(self)
        self.message.setObjectName("unlock_message")
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setWordWrap(True)
        self.message.hide()
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)
        self.progress.setTextVisible(False)
        self.progress.setMaximumHeight(6)
        self.progress.hide()

        self.buttons = QDialogButtonBox(self)
        self.unlock_button = self.buttons.addButton(
            tr("解锁"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.unlock_button.setDefault(True)
        self.buttons.addButton(tr("退出"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.unlock)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.progress)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)
        self._focus_first_empty()
        self._refresh_remember()

    # ---- flow ----------------------------------------------------------------------------

    def unlock(self) -> None:
        if self._busy:
            return
        vault = self.vault_edit.text().strip()
        user = self.user_edit.text().strip()
        password = self.password_edit.text()
        for edit, value, prompt in (
            (self.vault_edit, vault, tr("请选择档案库文件夹")),
            (self.user_edit, user, tr("请输入用户名")),
            (self.password_edit, password, tr("请输入密码")),
        ):
            if not value:
                self._show_message(prompt, focus=edit)
                return
        self._set_busy(True)
        self.message.hide()
        if self.remember_offered:
            self._worker.unlock_and_choose(
                Path(vault),
                user,
                password,
                self.remember_check.isChecked(),
                lambda outcome: self._chosen(outcome, Path(vault)),
                self._failed,
            )
            return
        self._worker.unlock(
            Path(vault), user, password, lambda u: self._unlocked(u, Path(vault)), self._failed
        )

    @property
    def remember_offered(self) -> bool:
        return not self.remember_check.isHidden()

    def show_notice(self, text: str) -> None:
        """Say why the password is needed (e.g. a remembered login that no longer works)."""
        self._show_message(text, focus=self.password_edit)

    def _refresh_remember(self) -> None:
        vault, user = self.vault_edit.text().strip(), self.user_edit.text().strip()
        offered = bool(vault) and remember_offered(Path(vault))
        self.remember_check.setVisible(offered)
        self.remember_check.setChecked(offered and has_remembered_login(Path(vault), user))

    def _chosen(self, outcome: RememberOutcome, vault: Path) -> None:
        self.remember_problem = outcome.problem
        self._unlocked(outcome.user, vault)

    def reject(self) -> None:
        if not self._busy:  # the key derivation cannot be interrupted; let it finish
            super().reject()

    def _unlocked(self, user: User, vault: Path) -> None:
        self._set_busy(False)
        self.password_edit.clear()
        # Emitted before accept(): the main window is shown while this dialog is still up,
        # so the application never has zero windows in between.
        self.unlocked.emit(user, vault)
        self.accept()

    def _failed(self, error: UserError) -> None:
        self._set_busy(False)
        self.password_edit.clear()
        # A refused login is retried in the password field; anything else is about the folder.
        target = self.password_edit if isinstance(error, AuthenticationError) else self.vault_edit
        self._show_message(message_for(error), focus=target)

    def _browse(self) -> None:
        start = Path(self.vault_edit.text()) if self.vault_edit.text().strip() else None
        chosen = self._file_dialogs.vault_folder(self, start)
        if chosen is not None:
            self.vault_edit.setText(str(chosen))
            self._refresh_remember()
            self._focus_first_empty()

    # ---- widgets -------------------------------------------------------------------------

    def _show_message(self, text: str, *, focus: QLineEdit) -> None:
        self.message.setText(text)
        self.message.show()
        focus.setFocus(Qt.FocusReason.OtherFocusReason)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        for widget in (self.vault_edit, self.browse_button, self.user_edit, self.password_edit):
            widget.setEnabled(not busy)
        self.remember_check.setEnabled(not busy)
        self.buttons.setEnabled(not busy)
        self.progress.setVisible(busy)
        if busy:
            self.setCursor(Qt.CursorShape.BusyCursor)
        else:
            self.unsetCursor()

    def _focus_first_empty(self) -> None:
        for edit in (self.vault_edit, self.user_edit, self.password_edit):
            if not edit.text():
                edit.setFocus()
                return
        self.password_edit.setFocus()

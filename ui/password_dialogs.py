"""Password forms: one's own change (修改密码…) and an administrator's reset (重置密码…).

The password rules live in :mod:`records.accounts`; the forms only add the second entry
("type it again"), checked before the service is called, and put every error under the
field it concerns.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from records.errors import ValidationError, WrongPasswordError
from records.fields import FieldSpec
from records.model import User
from records.services.account_admin import AccountAdminService
from records.services.own_account import OwnAccountService
from records.session import Session
from ui.field_form import FieldForm
from ui.i18n import tr
from ui.notices import Notices
from ui.service_form_dialog import ServiceFormDialog
from ui.vault_worker import VaultWorker

#: Long enough for any pass phrase; the rules themselves are the service's.
PASSWORD_MAX_LENGTH = 128


def password_spec(name: str, label: str) -> FieldSpec:
    return FieldSpec(name, label, name, required=True, max_length=PASSWORD_MAX_LENGTH)


def hide_typing(form: FieldForm, *names: str) -> None:
    """Show dots instead of the characters typed into the password fields."""
    for name in names:
        widget = form.editor(name).widget
        if isinstance(widget, QLineEdit):
            widget.setEchoMode(QLineEdit.EchoMode.Password)


def failing_job(error: ValidationError) -> Callable[[Session], object]:
    """A job that only reports ``error``: the form shows it like a service's own."""

    def job(_session: Session) -> object:
        raise error

    return job


def mismatch(field: str, label: str) -> ValidationError:
    return ValidationError(
        field, label, tr("两次输入的密码不一致"), "does not match the password above"
    )


def hint_label(text: str, parent: QWidget) -> QLabel:
    hint = QLabel(text, parent)
    hint.setWordWrap(True)
    hint.setStyleSheet("color: #666;")
    return hint


class ChangePasswordDialog(ServiceFormDialog):
    """修改密码: re-wraps the user's own key; emits :attr:`saved` with ``None``."""

    def __init__(self, worker: VaultWorker, parent: QWidget | None = None) -> None:
        super().__init__(worker, tr("修改密码"), parent)
        self.body.addWidget(
            hint_label(
                tr("新密码至少 8 个字符。修改后,本机记住的登录失效,下次解锁请使用新密码。"),
                self,
            )
        )
        self.form = FieldForm(
            [
                password_spec("old_password", tr("当前密码")),
                password_spec("new_password", tr("新密码")),
                password_spec("new_password_confirm", tr("确认新密码")),
            ],
            self,
        )
        hide_typing(self.form, "old_password", "new_password", "new_password_confirm")
        self.body.addWidget(self.form)
        self.save_button.setText(tr("修改"))
        self.resize(420, self.sizeHint().height())

    def forms(self) -> list[FieldForm]:
        return [self.form]

    def make_job(self) -> Callable[[Session], object]:
        values = self.form.values()
        old, new = str(values["old_password"]), str(values["new_password"])
        if new != values["new_password_confirm"]:
            return failing_job(mismatch("new_password_confirm", tr("确认新密码")))
        wrong = ValidationError("old_password", tr("当前密码"), tr("不正确"), "wrong password")

        def job(session: Session) -> object:
            try:
                OwnAccountService(session).change_password(old, new)
            except WrongPasswordError:
                raise wrong from None
            return None

        return job


class ResetPasswordDialog(ServiceFormDialog):
    """重置密码: an administrator gives ``user`` a new password (and key pair).

    Emits :attr:`saved` with the :class:`User`.
    """

    def __init__(self, worker: VaultWorker, user: User, parent: QWidget | None = None) -> None:
        super().__init__(worker, tr("重置密码 — {name}").format(name=user.name), parent)
        self._name = user.name
        self.body.addWidget(
            hint_label(
                tr(
                    "为 {display}({name})设置新密码。原密码立即失效,该账户在各计算机上"
                    "记住的登录也随之失效。请将新密码当面告知本人,并提醒其尽快修改。"
                ).format(display=user.display_name, name=user.name),
                self,
            )
        )
        self.form = FieldForm(
            [
                password_spec("password", tr("新密码")),
                password_spec("password_confirm", tr("确认新密码")),
            ],
            self,
        )
        hide_typing(self.form, "password", "password_confirm")
        self.body.addWidget(self.form)
        self.save_button.setText(tr("重置"))
        self.resize(440, self.sizeHint().height())

    def forms(self) -> list[FieldForm]:
        return [self.form]

    def make_job(self) -> Callable[[Session], object]:
        values = self.form.values()
        name, password = self._name, str(values["password"])
        if password != values["password_confirm"]:
            return failing_job(mismatch("password_confirm", tr("确认新密码")))
        return lambda session: AccountAdminService(session).reset_password(name, password)


def open_change_password(
    worker: VaultWorker, notices: Notices, parent: QWidget
) -> ChangePasswordDialog:
    """修改密码… from any window: the dialog, and a notice once the password is changed."""
    dialog = ChangePasswordDialog(worker, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.saved.connect(
        lambda _none: notices.info(parent, tr("修改密码"), tr("密码已修改。下次解锁请使用新密码。"))
    )
    dialog.open()
    return dialog

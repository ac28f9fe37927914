"""新增账户: name, display name, role and initial password, for the system administrator.

The new account gets its own key slot from the service; the administrator types the first
password and passes it on, and the account's owner changes it (修改密码).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from records.fields import FieldKind, FieldSpec
from records.roles import Role
from records.services.users import UserService
from records.session import Session
from ui.field_form import FieldForm
from ui.i18n import tr
from ui.password_dialogs import failing_job, hide_typing, hint_label, mismatch, password_spec
from ui.service_form_dialog import ServiceFormDialog
from ui.vault_worker import VaultWorker


def account_specs() -> list[FieldSpec]:
    """The form's fields; ``name``, ``role`` and ``password`` match the service's errors."""
    return [
        FieldSpec("name", tr("用户名"), "user name", required=True, max_length=32),
        FieldSpec("display_name", tr("显示名"), "display name", max_length=40),
        FieldSpec(
            "role",
            tr("角色"),
            "role",
            kind=FieldKind.CHOICE,
            required=True,
            choices=tuple(role.value for role in Role),
        ),
        password_spec("password", tr("初始密码")),
        password_spec("password_confirm", tr("确认密码")),
    ]


class NewAccountDialog(ServiceFormDialog):
    """Emits :attr:`saved` with the new :class:`records.model.User`."""

    def __init__(self, worker: VaultWorker, parent: QWidget | None = None) -> None:
        super().__init__(worker, tr("新增账户"), parent)
        self.body.addWidget(
            hint_label(
                tr(
                    "用户名为 2–32 位字母、数字、点、下划线或连字符,以字母开头;"
                    "初始密码至少 8 个字符,请当面告知本人并提醒其修改。"
                    "管理员角色不能兼任其他角色(三员分立)。"
                ),
                self,
            )
        )
        self.form = FieldForm(
            account_specs(),
            self,
            choice_labels={"role": {role.value: tr(role.label_zh) for role in Role}},
        )
        self.form.set_values({"role": Role.CLERK.value})
        hide_typing(self.form, "password", "password_confirm")
        self.body.addWidget(self.form)
        self.resize(460, self.sizeHint().height())

    def forms(self) -> list[FieldForm]:
        return [self.form]

    def make_job(self) -> Callable[[Session], object]:
        values = self.form.values()
        name, display_name = str(values["name"]).strip(), str(values["display_name"])
        role, password = str(values["role"]), str(values["password"])
        if password != values["password_confirm"]:
            return failing_job(mismatch("password_confirm", tr("确认密码")))
        return lambda session: UserService(session).add(
            name, role, password, display_name=display_name
        )

"""账户 (系统管理员): add, disable, enable, reset, on a real vault through the worker."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from records.errors import AccountDisabledError, WrongPasswordError
from records.model import User
from records.services.users import UserService
from records.vault import unlock_vault
from tests.ui.conftest import WAIT_MS, AnsweringConfirmations, RecordingNotices, Vault
from ui.account_dialog import NewAccountDialog
from ui.accounts_panel import AccountsPanel
from ui.admin_window import AdminWindow
from ui.password_dialogs import ResetPasswordDialog
from ui.vault_worker import VaultWorker

ACCOUNTS = 5  # admin, clerk1, vetting1, secadmin1, auditor1


@pytest.fixture
def window(
    qtbot: QtBot,
    worker: VaultWorker,
    unlock_as: Callable[[str], User],
    file_dialogs,
    notices: RecordingNotices,
    confirmations: AnsweringConfirmations,
) -> AdminWindow:
    admin = AdminWindow(
        worker,
        unlock_as("admin"),
        file_dialogs=file_dialogs,
        notices=notices,
        confirmations=confirmations,
    )
    qtbot.addWidget(admin)
    admin.show()
    return admin


@pytest.fixture
def panel(qtbot: QtBot, window: AdminWindow) -> AccountsPanel:
    assert window.tab_keys() == ["accounts"] and window.accounts_panel is not None
    panel = window.accounts_panel
    qtbot.waitUntil(lambda: panel.accounts.model.rowCount() == ACCOUNTS, timeout=WAIT_MS)
    return panel


def row_of(panel: AccountsPanel, name: str) -> tuple[str, ...]:
    model = panel.accounts.model
    for row in range(model.rowCount()):
        if model.data(model.index(row, 0)) == name:
            return tuple(model.data(model.index(row, column)) for column in range(4))
    raise AssertionError(f"{name} not listed")


def select(panel: AccountsPanel, name: str) -> None:
    assert panel.accounts.select_name(name)
    selected = panel.accounts.selected()
    assert selected is not None and selected.name == name


def vault_names(qtbot: QtBot, worker: VaultWorker) -> list[str]:
    outcome: list[object] = []
    worker.submit(lambda s: [u.name for u in UserService(s).list()], outcome.append)
    qtbot.waitUntil(lambda: bool(outcome))
    assert isinstance(outcome[0], list)
    return outcome[0]


def open_new_account(panel: AccountsPanel) -> NewAccountDialog:
    panel.add_button.click()
    dialog = panel.findChild(NewAccountDialog)
    assert dialog is not None and dialog.isVisible()
    return dialog


def test_the_list_shows_every_account_in_chinese(panel: AccountsPanel) -> None:
    model = panel.accounts.model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(4)]
    assert headers == ["用户名", "显示名", "角色", "状态"]
    assert row_of(panel, "secadmin1") == ("secadmin1", "钱安全", "安全保密管理员", "启用")
    assert row_of(panel, "clerk1") == ("clerk1", "李录入", "录入员", "启用")
    assert panel.accounts.count_label.text() == "共 5 个账户,5 个启用"


def test_add_an_account_through_the_dialog(
    qtbot: QtBot, panel: AccountsPanel, vault: Vault
) -> None:
    dialog = open_new_account(panel)
    form = dialog.form
    for name in ("password", "password_confirm"):
        edit = form.editor(name).widget
        assert isinstance(edit, QLineEdit) and edit.echoMode() == QLineEdit.EchoMode.Password
    combo_labels = [
        form.editor("role").combo.itemText(i)  # type: ignore[attr-defined]
        for i in range(form.editor("role").combo.count())  # type: ignore[attr-defined]
    ]
    assert combo_labels == ["录入员", "审核员", "系统管理员", "安全保密管理员", "安全审计员"]
    form.set_values(
        {
            "name": "vetting2",
            "display_name": "周审核",  # setText, never keyClicks, for Chinese
            "role": "vetting",
            "password": "vetting-pass-2",
            "password_confirm": "vetting-pass-2",
        }
    )
    with qtbot.waitSignal(panel.accounts.refreshed, timeout=WAIT_MS):
        dialog.save_button.click()
    assert row_of(panel, "vetting2") == ("vetting2", "周审核", "审核员", "启用")
    selected = panel.accounts.selected()
    assert selected is not None and selected.name == "vetting2"  # the new one is selected
    unlock_vault(vault.path, "vetting2", "vetting-pass-2").close()  # and it can log in


@pytest.mark.parametrize(
    ("values", "field", "message"),
    [
        ({"name": "1bad"}, "name", "应为2–32位字母、数字、点、下划线或连字符,并以字母开头"),
        ({"name": "clerk1"}, "name", "已存在"),
        ({"password": "short", "password_confirm": "short"}, "password", "至少8个字符"),
        ({"password_confirm": "another-pass-1"}, "password_confirm", "两次输入的密码不一致"),
    ],
)
def test_invalid_input_shows_under_its_field_and_adds_nothing(
    qtbot: QtBot,
    panel: AccountsPanel,
    worker: VaultWorker,
    values: dict[str, str],
    field: str,
    message: str,
) -> None:
    dialog = open_new_account(panel)
    form = dialog.form
    form.set_values(
        {"name": "clerk2", "password": "clerk-pass-2", "password_confirm": "clerk-pass-2", **values}
    )
    dialog.save_button.click()
    error = form.error_label(field)
    qtbot.waitUntil(error.isVisible, timeout=WAIT_MS)
    assert error.text() == message
    assert dialog.isVisible()  # stays open to be corrected
    assert panel.accounts.model.rowCount() == ACCOUNTS
    assert len(vault_names(qtbot, worker)) == ACCOUNTS


def test_disable_and_enable_change_the_status(
    qtbot: QtBot,
    panel: AccountsPanel,
    vault: Vault,
    confirmations: AnsweringConfirmations,
) -> None:
    select(panel, "clerk1")
    assert panel.disable_button.isEnabled() and not panel.enable_button.isEnabled()
    with qtbot.waitSignal(panel.accounts.refreshed, timeout=WAIT_MS):
        panel.disable_button.click()
    assert "停用 李录入(clerk1)?" in confirmations.asked[0]
    assert row_of(panel, "clerk1")[3] == "停用"
    assert panel.enable_button.isEnabled() and not panel.disable_button.isEnabled()
    assert not panel.reset_button.isEnabled()  # enable first
    with pytest.raises(AccountDisabledError):
        unlock_vault(vault.path, "clerk1", vault.password("clerk1")).close()

    with qtbot.waitSignal(panel.accounts.refreshed, timeout=WAIT_MS):
        panel.enable_button.click()
    assert row_of(panel, "clerk1")[3] == "启用"
    unlock_vault(vault.path, "clerk1", vault.password("clerk1")).close()


def test_a_declined_confirmation_disables_nothing(
    qtbot: QtBot, panel: AccountsPanel, confirmations: AnsweringConfirmations
) -> None:
    confirmations.answer = False
    select(panel, "clerk1")
    panel.disable_button.click()
    qtbot.wait(100)
    assert len(confirmations.asked) == 1
    assert row_of(panel, "clerk1")[3] == "启用"


def test_the_last_enabled_security_officer_cannot_be_disabled(
    qtbot: QtBot, panel: AccountsPanel, notices: RecordingNotices
) -> None:
    select(panel, "secadmin1")
    panel.disable_button.click()
    qtbot.waitUntil(lambda: bool(notices.errors), timeout=WAIT_MS)
    assert notices.errors == ["secadmin1 是最后一个启用的安全保密管理员,不能停用或撤销"]
    assert row_of(panel, "secadmin1")[3] == "启用"
    assert panel.disable_button.isEnabled()  # ready again


def test_ones_own_account_offers_neither_disable_nor_reset(panel: AccountsPanel) -> None:
    select(panel, "admin")
    assert not panel.disable_button.isEnabled()
    assert not panel.reset_button.isEnabled()
    assert panel.add_button.isEnabled()


def test_reset_a_forgotten_password(qtbot: QtBot, panel: AccountsPanel, vault: Vault) -> None:
    select(panel, "vetting1")
    panel.reset_button.click()
    dialog = panel.findChild(ResetPasswordDialog)
    assert dialog is not None and dialog.isVisible()
    assert dialog.windowTitle() == "重置密码 — vetting1"
    dialog.form.set_values({"password": "fresh-pass-9", "password_confirm": "fresh-pass-8"})
    dialog.save_button.click()
    qtbot.waitUntil(dialog.form.error_label("password_confirm").isVisible, timeout=WAIT_MS)

    dialog.form.set_values({"password_confirm": "fresh-pass-9"})
    with qtbot.waitSignal(dialog.saved, timeout=WAIT_MS):
        dialog.save_button.click()
    unlock_vault(vault.path, "vetting1", "fresh-pass-9").close()
    with pytest.raises(WrongPasswordError):
        unlock_vault(vault.path, "vetting1", vault.password("vetting1")).close()

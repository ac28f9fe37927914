"""The administration window in the application's flow: which window each account gets,
locking (menu and idle), 系统管理… beside the dossier window, 修改密码."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from records.errors import WrongPasswordError
from records.model import User
from records.roles import Role
from records.services.account_admin import AccountAdminService
from records.services.policy import PolicyService
from records.vault import unlock_vault
from tests.ui.conftest import WAIT_MS, AnsweringConfirmations, RecordingNotices, Vault
from ui.admin_window import ADMIN_WINDOW_TITLE, AdminWindow, opens_admin_window
from ui.app_controller import AppController
from ui.main_window import MainWindow
from ui.password_dialogs import ChangePasswordDialog
from ui.unlock_dialog import UnlockDialog
from ui.vault_worker import VaultWorker

SETUP_MS = 60_000
IDLE_MS = 50


@pytest.fixture
def controller(
    qtbot: QtBot,
    worker: VaultWorker,
    vault: Vault,
    file_dialogs,
    notices: RecordingNotices,
    confirmations: AnsweringConfirmations,
) -> Iterator[AppController]:
    app = AppController(
        worker,
        vault=vault.path,
        user="admin",
        file_dialogs=file_dialogs,
        notices=notices,
        confirmations=confirmations,
        auto_lock_ms=SETUP_MS,
    )
    app.start()
    yield app
    app.auto_lock.disarm()
    for widget in (app.window, app.admin_window, app.unlock_dialog):
        if widget is not None:
            widget.hide()
            widget.deleteLater()


def unlock(qtbot: QtBot, controller: AppController, vault: Vault, user: str):
    dialog = controller.unlock_dialog
    assert isinstance(dialog, UnlockDialog)
    qtbot.waitUntil(dialog.isVisible)
    dialog.user_edit.setText(user)
    dialog.password_edit.setText(vault.password(user))
    qtbot.mouseClick(dialog.unlock_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: controller.window is not None and controller.window.isVisible())
    return controller.window


def as_secadmin(vault: Vault, **policy: bool) -> None:
    with unlock_vault(vault.path, "secadmin1", vault.password("secadmin1")) as session:
        PolicyService(session).set(**policy)


def grant(vault: Vault, name: str, role: Role) -> None:
    with unlock_vault(vault.path, "secadmin1", vault.password("secadmin1")) as session:
        AccountAdminService(session).grant_role(name, role.value)


# ---- which window ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("roles", "admin_window"),
    [
        ({Role.SYSADMIN}, True),
        ({Role.SECADMIN}, True),
        ({Role.AUDITOR}, True),
        ({Role.SYSADMIN, Role.SECADMIN}, True),
        ({Role.CLERK}, False),
        ({Role.CLERK, Role.VETTING}, False),
        ({Role.SYSADMIN, Role.CLERK}, False),  # both kinds: the dossier window + 系统管理…
    ],
)
def test_only_administrator_roles_open_the_admin_window(
    roles: set[Role], admin_window: bool
) -> None:
    user = User(1, "x", frozenset(roles), "x", True, None)  # type: ignore[arg-type]
    assert opens_admin_window(user) is admin_window


@pytest.mark.parametrize(
    ("name", "tab", "label"),
    [
        ("admin", "accounts", "账户"),
        ("secadmin1", "security", "安全"),
        ("auditor1", "audit", "审计"),
    ],
)
def test_each_administrator_gets_the_admin_window_with_only_their_tab(
    qtbot: QtBot, controller: AppController, vault: Vault, name: str, tab: str, label: str
) -> None:
    window = unlock(qtbot, controller, vault, name)
    assert isinstance(window, AdminWindow)
    assert window.windowTitle() == ADMIN_WINDOW_TITLE
    assert window.tab_keys() == [tab]
    assert window.tabs.tabText(0) == label
    assert window.user_label.text().startswith("当前用户:")
    assert window.lock_action.shortcut().toString() == "Ctrl+L"
    assert controller.auto_lock.watcher.is_active


def test_the_auditor_window_lists_the_trail(
    qtbot: QtBot, controller: AppController, vault: Vault
) -> None:
    window = unlock(qtbot, controller, vault, "auditor1")
    assert isinstance(window, AdminWindow) and window.audit_view is not None
    view = window.audit_view
    qtbot.waitUntil(lambda: view.model.rowCount() > 0, timeout=WAIT_MS)
    actions = {entry.action for entry in view.entries()}
    assert {"login", "user.add", "official.add"} <= actions


def test_a_clerk_gets_the_dossier_window_and_no_administration(
    qtbot: QtBot, controller: AppController, vault: Vault
) -> None:
    window = unlock(qtbot, controller, vault, "clerk1")
    assert isinstance(window, MainWindow)
    action = window.menu_actions.administration
    assert not action.isVisible() and not action.isEnabled()
    window.administrationRequested.emit()  # even if asked: the controller refuses
    qtbot.wait(50)
    assert controller.admin_window is None
    assert window.menu_actions.change_password.isEnabled()  # every user changes their own


def test_clerk_plus_vetting_still_gets_the_dossier_window(
    qtbot: QtBot, controller: AppController, vault: Vault
) -> None:
    grant(vault, "clerk1", Role.VETTING)
    window = unlock(qtbot, controller, vault, "clerk1")
    assert isinstance(window, MainWindow)
    assert window.user.roles == {Role.CLERK, Role.VETTING}
    assert not window.menu_actions.administration.isVisible()
    qtbot.waitUntil(lambda: window.search.model.rowCount() == 3)


# ---- locking --------------------------------------------------------------------------------


def test_lock_clears_the_tables_and_returns_to_the_unlock_dialog(
    qtbot: QtBot, controller: AppController, vault: Vault, worker: VaultWorker
) -> None:
    window = unlock(qtbot, controller, vault, "admin")
    assert isinstance(window, AdminWindow) and window.accounts_panel is not None
    accounts = window.accounts_panel.accounts
    qtbot.waitUntil(lambda: accounts.model.rowCount() == 5, timeout=WAIT_MS)
    accounts.select_name("clerk1")
    seen: list[tuple[int, str, bool]] = []
    window.lockRequested.connect(
        lambda: seen.append(
            (accounts.model.rowCount(), accounts.count_label.text(), accounts.selected() is None)
        )
    )
    window.lock_action.trigger()
    assert seen == [(0, "", True)]
    assert controller.window is None
    dialog = controller.unlock_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.user_edit.text() == "admin" and dialog.password_edit.text() == ""
    outcome: list[object] = []
    worker.submit(lambda s: s.user, outcome.append, outcome.append)
    qtbot.waitUntil(lambda: bool(outcome))
    assert getattr(outcome[0], "zh", "") == "档案库已锁定,请重新解锁"


def test_the_security_officers_lock_clears_every_part(
    qtbot: QtBot, controller: AppController, vault: Vault
) -> None:
    window = unlock(qtbot, controller, vault, "secadmin1")
    assert isinstance(window, AdminWindow) and window.security_panel is not None
    panel = window.security_panel
    qtbot.waitUntil(lambda: panel.roles.accounts.model.rowCount() == 5, timeout=WAIT_MS)
    qtbot.waitUntil(panel.policy.save_button.isEnabled, timeout=WAIT_MS)
    seen: list[tuple[int, bool, str]] = []
    window.lockRequested.connect(
        lambda: seen.append(
            (
                panel.roles.accounts.model.rowCount(),
                panel.policy.save_button.isEnabled(),
                panel.keys.identity_label.text(),
            )
        )
    )
    window.lock()
    assert seen == [(0, False, "")]
    assert controller.window is None and controller.unlock_dialog is not None


def test_idle_locks_the_admin_window_and_unlocking_returns_to_the_same_tab(
    qtbot: QtBot, controller: AppController, vault: Vault
) -> None:
    as_secadmin(vault, allow_combined_roles=True)
    grant(vault, "admin", Role.SECADMIN)  # a small unit's one administrator
    window = unlock(qtbot, controller, vault, "admin")
    assert isinstance(window, AdminWindow)
    assert window.tab_keys() == ["accounts", "security"]
    assert window.show_tab("security")
    controller.auto_lock.watcher.start(IDLE_MS)  # the administrator walks away
    qtbot.waitUntil(lambda: controller.window is None, timeout=5_000)

    window = unlock(qtbot, controller, vault, "admin")
    assert isinstance(window, AdminWindow)
    assert window.current_tab() == "security"
    assert controller.auto_lock.watcher.is_active


def test_saving_a_policy_rearms_the_auto_lock_at_once(
    qtbot: QtBot, worker: VaultWorker, vault: Vault, file_dialogs, notices, confirmations
) -> None:
    app = AppController(
        worker,
        vault=vault.path,
        user="secadmin1",
        file_dialogs=file_dialogs,
        notices=notices,
        confirmations=confirmations,
    )
    app.start()
    try:
        window = unlock(qtbot, app, vault, "secadmin1")
        assert isinstance(window, AdminWindow) and window.security_panel is not None
        policy = window.security_panel.policy
        qtbot.waitUntil(policy.save_button.isEnabled, timeout=WAIT_MS)
        policy.spin_boxes["auto_lock_minutes"].setValue(4)
        policy.save_button.click()
        qtbot.waitUntil(lambda: app.auto_lock.watcher.interval_ms == 4 * 60_000, timeout=WAIT_MS)
    finally:
        app.auto_lock.disarm()
        for widget in (app.window, app.unlock_dialog):
            if widget is not None:
                widget.hide()


# ---- an account holding both kinds ----------------------------------------------------------


def test_both_kinds_get_the_dossier_window_and_open_administration_beside_it(
    qtbot: QtBot, controller: AppController, vault: Vault
) -> None:
    as_secadmin(vault, allow_combined_roles=True)
    grant(vault, "admin", Role.CLERK)
    window = unlock(qtbot, controller, vault, "admin")
    assert isinstance(window, MainWindow)
    action = window.menu_actions.administration
    assert action.isVisible() and action.isEnabled() and action.text() == "系统管理…"
    action.trigger()
    admin = controller.admin_window
    assert isinstance(admin, AdminWindow) and admin.isVisible()
    assert admin.tab_keys() == ["accounts"]
    assert admin.quit_action.text() == "关闭窗口"
    action.trigger()  # a second time: the same window, not another
    assert controller.admin_window is admin
    assert admin.accounts_panel is not None
    qtbot.waitUntil(lambda: admin.accounts_panel.accounts.model.rowCount() == 5)

    # Locking from the administration window locks everything.
    listed = admin.accounts_panel.accounts.model
    seen: list[int] = []
    window.lockRequested.connect(lambda: seen.append(listed.rowCount()))
    admin.lock_action.trigger()
    assert seen == [0]
    assert controller.window is None and controller.admin_window is None
    assert controller.unlock_dialog is not None

    # Closing the administration window leaves the dossier window (and the session) open.
    window = unlock(qtbot, controller, vault, "admin")
    assert isinstance(window, MainWindow)
    window.menu_actions.administration.trigger()
    admin = controller.admin_window
    assert admin is not None
    admin.close()
    assert controller.admin_window is None
    assert controller.window is window and window.isVisible()
    qtbot.waitUntil(lambda: window.search.model.rowCount() == 3)


# ---- 修改密码 ---------------------------------------------------------------------------------


def test_change_own_password_from_the_admin_window(
    qtbot: QtBot, controller: AppController, vault: Vault, notices: RecordingNotices
) -> None:
    window = unlock(qtbot, controller, vault, "auditor1")
    assert isinstance(window, AdminWindow)
    window.change_password_action.trigger()
    dialog = window.findChild(ChangePasswordDialog)
    assert dialog is not None and dialog.isVisible()
    form = dialog.form
    for name in ("old_password", "new_password", "new_password_confirm"):
        edit = form.editor(name).widget
        assert isinstance(edit, QLineEdit) and edit.echoMode() == QLineEdit.EchoMode.Password

    def fill(old: str, new: str, repeat: str) -> None:
        form.set_values({"old_password": old, "new_password": new, "new_password_confirm": repeat})
        dialog.save_button.click()

    fill(vault.password("auditor1"), "new-auditor-pass", "new-auditor-typo")
    qtbot.waitUntil(form.error_label("new_password_confirm").isVisible)
    assert form.error_label("new_password_confirm").text() == "两次输入的密码不一致"
    fill("not-my-password", "new-auditor-pass", "new-auditor-pass")
    qtbot.waitUntil(form.error_label("old_password").isVisible, timeout=WAIT_MS)
    assert form.error_label("old_password").text() == "不正确"
    fill(vault.password("auditor1"), "short", "short")
    qtbot.waitUntil(form.error_label("new_password").isVisible, timeout=WAIT_MS)
    assert "至少8个字符" in form.error_label("new_password").text()

    with qtbot.waitSignal(dialog.saved, timeout=WAIT_MS):
        fill(vault.password("auditor1"), "new-auditor-pass", "new-auditor-pass")
    qtbot.waitUntil(lambda: window.findChild(ChangePasswordDialog) is None)
    assert notices.infos == ["密码已修改。下次解锁请使用新密码。"]
    unlock_vault(vault.path, "auditor1", "new-auditor-pass").close()
    with pytest.raises(WrongPasswordError):
        unlock_vault(vault.path, "auditor1", vault.password("auditor1")).close()


def test_the_dossier_window_offers_change_password_too(
    qtbot: QtBot, controller: AppController, vault: Vault
) -> None:
    window = unlock(qtbot, controller, vault, "vetting1")
    assert isinstance(window, MainWindow)
    window.menu_actions.change_password.trigger()
    dialog = window.findChild(ChangePasswordDialog)
    assert dialog is not None and dialog.isVisible()
    window.lock()  # locking closes it unanswered
    assert not dialog.isVisible()

"""「在此计算机上记住」 in the unlock dialog, and the start that needs no password.

The OS key store is the in-memory one of tests/memory_keyring.py; without it every test
runs with keyring's "no backend" (tests/conftest.py), where the option must not show.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from records.device_unlock import SERVICE, has_remembered_login
from records.services.policy import PolicyService
from records.vault import unlock_vault
from tests.memory_keyring import MemoryKeyring, use_memory_keyring
from ui.app_controller import AppController
from ui.main_window import MainWindow
from ui.unlock_dialog import UnlockDialog
from ui.vault_worker import VaultWorker

CLERK_PASSWORD = "clerk-pass-1"


def allow_remember(vault, allowed: bool = True) -> None:
    with unlock_vault(vault.path, "secadmin1", vault.password("secadmin1")) as session:
        PolicyService(session).set(allow_remember=allowed)


@pytest.fixture
def store() -> MemoryKeyring:
    return use_memory_keyring()


@pytest.fixture
def start(
    qtbot: QtBot, worker: VaultWorker, vault, file_dialogs, notices
) -> Iterator[Callable[[], AppController]]:
    """Start the app on the test vault as clerk1 (as ``liandang --vault V --user clerk1``)."""
    started: list[AppController] = []

    def make() -> AppController:
        app = AppController(
            worker, vault=vault.path, user="clerk1", file_dialogs=file_dialogs, notices=notices
        )
        app.start()
        started.append(app)
        return app

    yield make
    for app in started:
        app.auto_lock.disarm()
        for widget in (app.window, app.unlock_dialog):
            if widget is not None:
                widget.hide()
                widget.deleteLater()


def dialog_of(qtbot: QtBot, app: AppController) -> UnlockDialog:
    qtbot.waitUntil(lambda: app.unlock_dialog is not None and app.unlock_dialog.isVisible())
    assert app.unlock_dialog is not None
    return app.unlock_dialog


def unlock(qtbot: QtBot, app: AppController, *, remember: bool | None) -> MainWindow:
    dialog = dialog_of(qtbot, app)
    if remember is not None:
        assert dialog.remember_check.isVisible()
        dialog.remember_check.setChecked(remember)
    dialog.password_edit.setText(CLERK_PASSWORD)
    qtbot.mouseClick(dialog.unlock_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: app.window is not None and app.window.isVisible())
    assert app.window is not None
    return app.window


def close_window(qtbot: QtBot, app: AppController) -> None:
    window = app.window
    assert window is not None
    window.close()
    qtbot.waitUntil(lambda: app.window is None)


# ---- when the option shows --------------------------------------------------------------------


def test_hidden_without_a_usable_key_store(qtbot: QtBot, start, vault) -> None:
    allow_remember(vault)
    dialog = dialog_of(qtbot, start())
    assert dialog.remember_check.isHidden()
    assert not dialog.remember_offered


def test_hidden_when_policy_forbids(qtbot: QtBot, start, store: MemoryKeyring) -> None:
    dialog = dialog_of(qtbot, start())
    assert dialog.remember_check.isHidden()


def test_shown_with_key_store_and_policy(
    qtbot: QtBot, start, vault, store: MemoryKeyring, tmp_path
) -> None:
    allow_remember(vault)
    dialog = dialog_of(qtbot, start())
    assert dialog.remember_check.isVisible()
    assert dialog.remember_check.text() == "在此计算机上记住"
    assert not dialog.remember_check.isChecked()
    # Another folder (no policy allowing it): hidden again once the field is left.
    dialog.vault_edit.setText(str(tmp_path))
    dialog.vault_edit.editingFinished.emit()
    assert dialog.remember_check.isHidden()


# ---- remember, then start without the password ------------------------------------------------


def test_remembered_login_opens_without_the_password(
    qtbot: QtBot, start, vault, store: MemoryKeyring, notices
) -> None:
    allow_remember(vault)
    first = start()
    unlock(qtbot, first, remember=True)
    assert has_remembered_login(vault.path, "clerk1")
    assert notices.errors == []
    close_window(qtbot, first)

    second = start()
    qtbot.waitUntil(lambda: second.window is not None and second.window.isVisible())
    assert second.unlock_dialog is None  # no password asked

    # Locking always asks for the password, with the box still ticked.
    assert second.window is not None
    second.window.menu_actions.lock.trigger()
    dialog = dialog_of(qtbot, second)
    assert dialog.remember_check.isChecked()
    qtbot.wait(200)
    assert second.window is None


def test_unticking_forgets_this_computer(qtbot: QtBot, start, vault, store: MemoryKeyring) -> None:
    allow_remember(vault)
    app = start()
    unlock(qtbot, app, remember=True)
    close_window(qtbot, app)
    again = start()
    qtbot.waitUntil(lambda: again.window is not None)
    assert again.window is not None
    again.window.menu_actions.lock.trigger()
    unlock(qtbot, again, remember=False)
    assert store.entries == {}
    assert not has_remembered_login(vault.path, "clerk1")


def test_stale_entry_falls_back_to_the_password_with_a_chinese_message(
    qtbot: QtBot, start, vault, store: MemoryKeyring
) -> None:
    allow_remember(vault)
    app = start()
    unlock(qtbot, app, remember=True)
    close_window(qtbot, app)
    ((service, user),) = store.entries
    assert service == SERVICE
    store.entries[(service, user)] = "damaged entry"

    again = start()
    dialog = dialog_of(qtbot, again)
    assert again.window is None
    assert dialog.message.isVisible()
    assert dialog.message.text() == "本机记住的登录已失效,请输入密码"
    assert store.entries == {}  # the stale entry is gone
    assert not dialog.remember_check.isChecked()
    unlock(qtbot, again, remember=None)  # and the password works


def test_a_failed_remember_does_not_stop_the_unlock(
    qtbot: QtBot, start, vault, store: MemoryKeyring, notices, monkeypatch
) -> None:
    allow_remember(vault)

    def refuse(service: str, username: str, password: str) -> None:
        raise RuntimeError("collection locked")

    monkeypatch.setattr(store, "set_password", refuse)
    app = start()
    unlock(qtbot, app, remember=True)
    qtbot.waitUntil(lambda: bool(notices.errors))
    assert notices.errors == ["本机没有可用的系统密钥库,无法记住登录"]

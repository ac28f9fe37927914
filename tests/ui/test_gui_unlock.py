"""Unlocking through the dialog, and the unlock → main window → lock cycle."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from records.services.officials import OfficialService
from ui.app_controller import AppController
from ui.main_window import MainWindow
from ui.unlock_dialog import UnlockDialog
from ui.vault_worker import VaultWorker


@pytest.fixture
def controller(
    qtbot: QtBot, worker: VaultWorker, vault, file_dialogs, notices
) -> Iterator[AppController]:
    app = AppController(
        worker, vault=vault.path, user="clerk1", file_dialogs=file_dialogs, notices=notices
    )
    app.start()
    yield app
    for widget in (app.window, app.unlock_dialog):
        if widget is not None:
            widget.hide()
            widget.deleteLater()


def _dialog(controller: AppController) -> UnlockDialog:
    dialog = controller.unlock_dialog
    assert dialog is not None
    return dialog


def _unlock(qtbot: QtBot, controller: AppController, password: str) -> MainWindow:
    dialog = _dialog(controller)
    dialog.password_edit.setText(password)
    qtbot.mouseClick(dialog.unlock_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: controller.window is not None and controller.window.isVisible())
    assert controller.window is not None
    return controller.window


def test_dialog_is_prefilled_and_asks_for_the_password(controller: AppController, vault) -> None:
    dialog = _dialog(controller)
    assert dialog.isVisible()
    assert dialog.vault_edit.text() == str(vault.path)
    assert dialog.user_edit.text() == "clerk1"
    assert dialog.password_edit.echoMode() == dialog.password_edit.EchoMode.Password
    assert dialog.focusWidget() is dialog.password_edit


def test_wrong_password_shows_chinese_message_and_stays(
    qtbot: QtBot, controller: AppController
) -> None:
    dialog = _dialog(controller)
    dialog.password_edit.setText("not-the-password")
    qtbot.mouseClick(dialog.unlock_button, Qt.MouseButton.LeftButton)
    # While the key is derived on the worker the inputs are disabled and a busy bar runs.
    assert not dialog.password_edit.isEnabled() and not dialog.user_edit.isEnabled()
    assert dialog.progress.isVisible()
    qtbot.waitUntil(lambda: dialog.message.isVisible())
    assert dialog.message.text() == "用户名或密码错误"
    assert dialog.isVisible() and controller.window is None
    assert dialog.password_edit.isEnabled() and dialog.password_edit.text() == ""
    assert dialog.focusWidget() is dialog.password_edit
    assert not dialog.progress.isVisible()


def test_missing_vault_folder_is_reported_in_the_dialog(
    qtbot: QtBot, controller: AppController, tmp_path
) -> None:
    dialog = _dialog(controller)
    dialog.vault_edit.setText(str(tmp_path / "nowhere"))
    dialog.password_edit.setText("clerk-pass-1")
    qtbot.mouseClick(dialog.unlock_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.message.isVisible())
    assert dialog.message.text().startswith("档案库不存在")
    assert dialog.focusWidget() is dialog.vault_edit


def test_browse_fills_the_vault_folder(controller: AppController, file_dialogs, tmp_path) -> None:
    file_dialogs.answer = tmp_path
    dialog = _dialog(controller)
    dialog.vault_edit.clear()
    dialog.browse_button.click()
    assert dialog.vault_edit.text() == str(tmp_path)


def test_correct_password_opens_the_main_window_listing_officials(
    qtbot: QtBot, controller: AppController
) -> None:
    window = _unlock(qtbot, controller, "clerk-pass-1")
    assert window.windowTitle() == "廉档 — 电子廉政档案"
    qtbot.waitUntil(lambda: window.search.model.rowCount() == 3)
    names = {window.search.model.official_at(r).name for r in range(3)}
    assert names == {"张建国", "李秀英", "王伟"}
    assert "李录入" in window.user_label.text() and "录入员" in window.user_label.text()
    assert not _dialog_visible(controller)


def _dialog_visible(controller: AppController) -> bool:
    return controller.unlock_dialog is not None and controller.unlock_dialog.isVisible()


def test_lock_clears_the_dossier_and_returns_to_the_unlock_dialog(
    qtbot: QtBot, controller: AppController, worker: VaultWorker, vault
) -> None:
    window = _unlock(qtbot, controller, "clerk-pass-1")
    qtbot.waitUntil(lambda: window.search.model.rowCount() == 3)
    window.search.select_row(window.search.model.row_of(vault.official_ids["张建国"]))
    qtbot.waitUntil(lambda: not window.dossier_view.is_empty())
    assert window.dossier_view.title.text() == "张建国"

    window.menu_actions.lock.trigger()

    # Cleared synchronously, before the session even closes.
    assert window.dossier_view.is_empty()
    assert window.dossier_view.title.text() == ""
    assert window.dossier_view.info.value_text("name") == ""
    assert window.search.model.rowCount() == 0
    assert not window.isVisible()
    qtbot.waitUntil(lambda: _dialog_visible(controller))
    dialog = _dialog(controller)
    assert dialog.user_edit.text() == "clerk1" and dialog.password_edit.text() == ""
    assert controller.window is None

    outcome: list[object] = []
    worker.submit(lambda s: OfficialService(s).list(), outcome.append, outcome.append)
    qtbot.waitUntil(lambda: bool(outcome))
    assert getattr(outcome[0], "zh", "") == "档案库已锁定,请重新解锁"

    # And the vault opens again.
    window = _unlock(qtbot, controller, "clerk-pass-1")
    qtbot.waitUntil(lambda: window.search.model.rowCount() == 3)


def test_empty_password_is_asked_for_without_trying(
    qtbot: QtBot, controller: AppController
) -> None:
    dialog = _dialog(controller)
    qtbot.mouseClick(dialog.unlock_button, Qt.MouseButton.LeftButton)
    assert dialog.message.text() == "请输入密码"
    assert dialog.password_edit.isEnabled()  # nothing was submitted to the worker

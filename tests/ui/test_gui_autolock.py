"""Auto-lock: an idle application locks itself, clears every widget, and the same user's
next unlock returns to the same search and official (issue 3, login protection).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from records.errors import WrongPasswordError
from records.roles import Role
from records.services.officials import OfficialService
from records.services.policy import PolicyService
from records.vault import unlock_vault
from ui.app_controller import AppController
from ui.idle_watcher import IdleWatcher, minutes_to_ms
from ui.main_window import MainWindow
from ui.unlock_dialog import UnlockDialog
from ui.vault_worker import VaultWorker

#: Long enough that setting a test up never trips it; tests shorten it to 50 ms on purpose.
SETUP_MS = 60_000
IDLE_MS = 50


def make_controller(worker: VaultWorker, vault, file_dialogs, notices, **kwargs) -> AppController:
    app = AppController(
        worker,
        vault=vault.path,
        user="clerk1",
        file_dialogs=file_dialogs,
        notices=notices,
        **kwargs,
    )
    app.start()
    return app


@pytest.fixture
def controller(
    qtbot: QtBot, worker: VaultWorker, vault, file_dialogs, notices
) -> Iterator[AppController]:
    app = make_controller(worker, vault, file_dialogs, notices, auto_lock_ms=SETUP_MS)
    yield app
    app.auto_lock.disarm()
    for widget in (app.window, app.unlock_dialog):
        if widget is not None:
            widget.hide()
            widget.deleteLater()


def dialog_of(controller: AppController) -> UnlockDialog:
    assert controller.unlock_dialog is not None
    return controller.unlock_dialog


def unlock(qtbot: QtBot, controller: AppController, user: str, password: str) -> MainWindow:
    dialog = dialog_of(controller)
    dialog.user_edit.setText(user)
    dialog.password_edit.setText(password)
    qtbot.mouseClick(dialog.unlock_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: controller.window is not None and controller.window.isVisible())
    assert controller.window is not None
    return controller.window


def open_dossier(qtbot: QtBot, window: MainWindow, search: str, official_id: int) -> None:
    window.search.search_edit.setText(search)  # setText: keyClicks cannot type Chinese
    qtbot.waitUntil(lambda: window.search.model.row_of(official_id) is not None)
    qtbot.waitUntil(lambda: window.search.model.rowCount() == 1)
    with qtbot.waitSignal(window.dossierShown, timeout=10_000):
        window.search.select_row(window.search.model.row_of(official_id) or 0)


@dataclass
class Snapshot:
    """What the window showed the moment it was locked (it is deleted soon after)."""

    search_text: str
    undo_available: bool
    list_rows: int
    count_label: str
    dossier_empty: bool
    title: str
    subtitle: str
    info_name: str
    records: int
    family: int
    tab_texts: tuple[str, str]
    labels_with_name: list[str]


def snapshot(window: MainWindow, name: str) -> Snapshot:
    view = window.dossier_view
    return Snapshot(
        window.search.search_edit.text(),
        window.search.search_edit.isUndoAvailable(),
        window.search.model.rowCount(),
        window.search.count_label.text(),
        view.is_empty(),
        view.title.text(),
        view.subtitle.text(),
        view.info.value_text("name"),
        view.record_model.rowCount(),
        view.family_model.rowCount(),
        (view.tabs.tabText(0), view.tabs.tabText(1)),
        [label.text() for label in window.findChildren(QLabel) if name in label.text()],
    )


# ---- the watcher ------------------------------------------------------------------------


def test_the_watcher_fires_after_the_interval(qtbot: QtBot) -> None:
    watcher = IdleWatcher()
    with qtbot.waitSignal(watcher.idle, timeout=2_000):
        watcher.start(IDLE_MS)
    assert not watcher.is_active  # single shot: it fires once


def test_input_restarts_the_countdown_and_other_events_do_not(qtbot: QtBot) -> None:
    target = QLabel("x")
    qtbot.addWidget(target)
    watcher = IdleWatcher()
    watcher.start(10_000)
    qtbot.wait(300)
    QApplication.sendEvent(target, QEvent(QEvent.Type.UpdateRequest))
    assert watcher.remaining_ms() < 9_800
    QApplication.sendEvent(
        target, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_A, Qt.KeyboardModifier.NoModifier, "a")
    )
    assert watcher.remaining_ms() > 9_900
    watcher.stop()
    assert watcher.remaining_ms() == -1


def test_a_stopped_watcher_ignores_input(qtbot: QtBot) -> None:
    target = QLabel("x")
    qtbot.addWidget(target)
    watcher = IdleWatcher()
    watcher.start(IDLE_MS)
    watcher.stop()
    QApplication.sendEvent(
        target, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_A, Qt.KeyboardModifier.NoModifier, "a")
    )
    assert not watcher.is_active
    qtbot.wait(3 * IDLE_MS)  # and it does not fire


# ---- the application ------------------------------------------------------------------------


def test_auto_lock_clears_every_widget_closes_the_session_and_asks_to_unlock(
    qtbot: QtBot, controller: AppController, worker: VaultWorker, vault
) -> None:
    window = unlock(qtbot, controller, "clerk1", vault.password("clerk1"))
    official_id = vault.official_ids["张建国"]
    open_dossier(qtbot, window, "财政", official_id)
    assert window.dossier_view.title.text() == "张建国"
    assert window.dossier_view.tabs.tabText(0).startswith("记录(")

    seen: list[Snapshot] = []
    window.lockRequested.connect(lambda: seen.append(snapshot(window, "张建国")))
    controller.auto_lock.watcher.start(IDLE_MS)  # the user walks away
    qtbot.waitUntil(lambda: bool(seen), timeout=5_000)

    [shown] = seen
    assert shown == Snapshot(
        search_text="",
        undo_available=False,  # Ctrl+Z cannot bring the search text back
        list_rows=0,
        count_label="",
        dossier_empty=True,
        title="",
        subtitle="",
        info_name="",
        records=0,
        family=0,
        tab_texts=("记录", "家庭成员及主要社会关系"),
        labels_with_name=[],
    )
    qtbot.waitUntil(lambda: controller.unlock_dialog is not None)
    dialog = dialog_of(controller)
    qtbot.waitUntil(dialog.isVisible)
    assert controller.window is None
    assert dialog.user_edit.text() == "clerk1" and dialog.password_edit.text() == ""
    assert not controller.auto_lock.watcher.is_active

    outcome: list[object] = []
    worker.submit(lambda s: OfficialService(s).list(), outcome.append, outcome.append)
    qtbot.waitUntil(lambda: bool(outcome))
    assert getattr(outcome[0], "zh", "") == "档案库已锁定,请重新解锁"


def test_the_interval_given_to_the_controller_locks_without_help(
    qtbot: QtBot, worker: VaultWorker, vault, file_dialogs, notices
) -> None:
    app = make_controller(worker, vault, file_dialogs, notices, auto_lock_ms=IDLE_MS)
    try:
        unlock(qtbot, app, "clerk1", vault.password("clerk1"))
        qtbot.waitUntil(lambda: app.window is None and app.unlock_dialog is not None, timeout=5_000)
        qtbot.waitUntil(dialog_of(app).isVisible)
    finally:
        app.auto_lock.disarm()
        if app.unlock_dialog is not None:
            app.unlock_dialog.hide()


def test_unlocking_again_returns_to_the_same_search_and_official(
    qtbot: QtBot, controller: AppController, vault
) -> None:
    window = unlock(qtbot, controller, "clerk1", vault.password("clerk1"))
    official_id = vault.official_ids["李秀英"]
    open_dossier(qtbot, window, "教育", official_id)
    controller.auto_lock.watcher.start(IDLE_MS)
    qtbot.waitUntil(lambda: controller.window is None, timeout=5_000)

    window = unlock(qtbot, controller, "clerk1", vault.password("clerk1"))
    qtbot.waitUntil(lambda: window.dossier_view.current_official_id() == official_id)
    assert window.search.search_edit.text() == "教育"
    assert window.search.model.rowCount() == 1
    selected = window.search.selected_official()
    assert selected is not None and selected.id == official_id
    assert window.dossier_view.title.text() == "李秀英"
    assert controller.auto_lock.watcher.is_active  # armed again


def test_unlocking_again_keeps_the_search_filters(
    qtbot: QtBot, controller: AppController, vault
) -> None:
    window = unlock(qtbot, controller, "clerk1", vault.password("clerk1"))
    official_id = vault.official_ids["李秀英"]
    window.search.filter_bar.unit_edit.setText("青山县教育")
    open_dossier(qtbot, window, "", official_id)
    controller.auto_lock.watcher.start(IDLE_MS)
    qtbot.waitUntil(lambda: controller.window is None, timeout=5_000)

    window = unlock(qtbot, controller, "clerk1", vault.password("clerk1"))
    qtbot.waitUntil(lambda: window.dossier_view.current_official_id() == official_id)
    assert window.search.filter_bar.unit_edit.text() == "青山县教育"
    assert window.search.filter_bar.clear_button.isEnabled()
    assert window.search.model.rowCount() == 1


def test_the_menu_lock_returns_there_too(qtbot: QtBot, controller: AppController, vault) -> None:
    window = unlock(qtbot, controller, "clerk1", vault.password("clerk1"))
    official_id = vault.official_ids["王伟"]
    open_dossier(qtbot, window, "医院", official_id)
    window.menu_actions.lock.trigger()
    window = unlock(qtbot, controller, "clerk1", vault.password("clerk1"))
    qtbot.waitUntil(lambda: window.dossier_view.current_official_id() == official_id)
    assert window.search.search_edit.text() == "医院"


def test_another_user_gets_a_fresh_window(qtbot: QtBot, controller: AppController, vault) -> None:
    window = unlock(qtbot, controller, "clerk1", vault.password("clerk1"))
    open_dossier(qtbot, window, "教育", vault.official_ids["李秀英"])
    controller.auto_lock.watcher.start(IDLE_MS)
    qtbot.waitUntil(lambda: controller.window is None, timeout=5_000)

    window = unlock(qtbot, controller, "vetting1", vault.password("vetting1"))
    qtbot.waitUntil(lambda: window.search.model.rowCount() == 3)
    assert window.search.search_edit.text() == ""
    assert window.search.selected_official() is None
    assert window.dossier_view.is_empty()

    # And the first user's place is forgotten, not kept for later.
    window.menu_actions.lock.trigger()
    window = unlock(qtbot, controller, "clerk1", vault.password("clerk1"))
    qtbot.waitUntil(lambda: window.search.model.rowCount() == 3)
    assert window.search.search_edit.text() == ""
    assert window.dossier_view.is_empty()


def test_the_interval_comes_from_the_policy(
    qtbot: QtBot, worker: VaultWorker, vault, file_dialogs, notices
) -> None:
    with unlock_vault(vault.path, "secadmin1", vault.password("secadmin1")) as session:
        assert Role.SECADMIN in session.user.roles
        PolicyService(session).set(auto_lock_minutes=3)
    app = make_controller(worker, vault, file_dialogs, notices)
    try:
        unlock(qtbot, app, "clerk1", vault.password("clerk1"))
        watcher = app.auto_lock.watcher
        qtbot.waitUntil(lambda: watcher.interval_ms == minutes_to_ms(3))
        assert watcher.is_active
    finally:
        app.auto_lock.disarm()
        for widget in (app.window, app.unlock_dialog):
            if widget is not None:
                widget.hide()


def test_a_locked_account_is_told_so_in_chinese(
    qtbot: QtBot, controller: AppController, vault
) -> None:
    for _ in range(5):
        with pytest.raises(WrongPasswordError):
            unlock_vault(vault.path, "clerk1", "not-the-password").close()
    dialog = dialog_of(controller)
    dialog.password_edit.setText(vault.password("clerk1"))
    qtbot.mouseClick(dialog.unlock_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dialog.message.isVisible)
    assert dialog.message.text() == "账户已锁定,请于 15 分钟后再试"
    assert controller.window is None
    assert dialog.focusWidget() is dialog.password_edit

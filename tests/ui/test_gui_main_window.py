"""The main window as a clerk: search, read a dossier, file officials, records and family."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from records.model import User
from records.services.officials import OfficialService
from ui.dossier_view import FAMILY_TAB, RECORDS_TAB
from ui.family_dialog import FamilyMemberDialog
from ui.main_window import MainWindow
from ui.official_dialog import OfficialDialog
from ui.record_dialog import RecordDialog
from ui.vault_worker import VaultWorker

NEW_ID = "11010819900214123"  # first 17 digits; the check character is added below


@pytest.fixture
def window(
    qtbot: QtBot, worker: VaultWorker, unlock_as: Callable[[str], User], file_dialogs, notices
) -> MainWindow:
    user = unlock_as("clerk1")
    main = MainWindow(worker, user, file_dialogs=file_dialogs, notices=notices)
    qtbot.addWidget(main)
    main.show()
    qtbot.waitUntil(lambda: main.search.model.rowCount() == 3)
    return main


def _names(window: MainWindow) -> list[str]:
    model = window.search.model
    return [model.official_at(row).name for row in range(model.rowCount())]


def _select(qtbot: QtBot, window: MainWindow, official_id: int) -> None:
    row = window.search.model.row_of(official_id)
    assert row is not None
    window.search.select_row(row)
    qtbot.waitUntil(lambda: window.dossier_view.current_official_id() == official_id)


def _count_in_vault(qtbot: QtBot, worker: VaultWorker) -> int:
    outcome: list[object] = []
    worker.submit(lambda s: len(OfficialService(s).list()), outcome.append, outcome.append)
    qtbot.waitUntil(lambda: bool(outcome))
    assert isinstance(outcome[0], int)
    return outcome[0]


def _valid_id(first17: str) -> str:
    from records.id_number import check_character

    return first17 + check_character(first17)


def test_search_filters_the_list(qtbot: QtBot, window: MainWindow) -> None:
    assert window.search.search_edit.placeholderText() == "搜索姓名、单位、职务或身份证号"
    window.search.search_edit.setText("教育")  # setText: keyClicks cannot type Chinese
    qtbot.waitUntil(lambda: _names(window) == ["李秀英"])
    window.search.search_edit.clear()
    qtbot.waitUntil(lambda: window.search.model.rowCount() == 3)
    qtbot.keyClicks(window.search.search_edit, "110105")  # ID prefix, ASCII
    qtbot.waitUntil(lambda: _names(window) == ["王伟"])
    assert window.search.count_label.text() == "共 1 人"


def test_selecting_an_official_shows_the_dossier(qtbot: QtBot, window: MainWindow, vault) -> None:
    view = window.dossier_view
    assert view.is_empty() and not window.menu_actions.add_record.isEnabled()
    _select(qtbot, window, vault.official_ids["张建国"])
    assert view.title.text() == "张建国"
    assert view.isVisibleTo(window) and view.title.isVisibleTo(window)
    assert "青山县财政局" in view.subtitle.text()
    assert view.info.value_text("name") == "张建国"
    assert view.info.value_text("gender") == "男"  # derived from the ID number
    assert view.info.value_text("birth_date") == "1968-03-12"
    assert view.info.value_text("category") == "公务员及参照公务员法管理的人员"
    assert view.info.value_text("is_leading") == "是"
    assert view.info.value_text("is_reserve") == "否"
    assert view.info.value_text("status") == "在职"
    assert view.info_box.title() == "基本信息"
    assert view.tabs.tabText(FAMILY_TAB) == "家庭成员及主要社会关系(0)"
    assert view.tabs.tabText(RECORDS_TAB) == "记录(0)"
    assert window.menu_actions.add_record.isEnabled()
    assert not window.menu_actions.export_pdf.isEnabled()  # a clerk does not sign exports


def test_invalid_id_number_is_shown_beside_the_field_and_nothing_is_saved(
    qtbot: QtBot, window: MainWindow, worker: VaultWorker
) -> None:
    window.menu_actions.new_official.trigger()
    dialog = window.findChild(OfficialDialog)
    assert dialog is not None and dialog.isVisible()
    valid = _valid_id(NEW_ID)
    wrong = valid[:-1] + ("0" if valid[-1] != "0" else "1")
    form = dialog.form
    form.set_values(
        {
            "name": "赵新",
            "id_number": wrong,
            "unit": "青山县民政局",
            "position": "科员",
            "rank": "一级科员",
        }
    )
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    error = form.error_label("id_number")
    qtbot.waitUntil(error.isVisible)
    assert error.text() == "校验位错误"
    editor = form.editor("id_number").widget
    # Directly under the field it is about, in the same cell of the form.
    assert error.parentWidget() is editor.parentWidget()
    assert error.geometry().top() >= editor.geometry().bottom()
    assert abs(error.geometry().left() - editor.geometry().left()) < 4
    assert dialog.focusWidget() is editor
    assert dialog.isVisible()
    assert not form.error_label("name").isVisible()
    assert _count_in_vault(qtbot, worker) == 3


def test_valid_official_is_added_and_selected(qtbot: QtBot, window: MainWindow) -> None:
    window.search.search_edit.setText("教育")
    qtbot.waitUntil(lambda: window.search.model.rowCount() == 1)
    window.menu_actions.new_official.trigger()
    dialog = window.findChild(OfficialDialog)
    assert dialog is not None
    dialog.form.set_values(
        {
            "name": "赵新",
            "id_number": _valid_id(NEW_ID),
            "unit": "青山县民政局",
            "position": "科员",
            "rank": "一级科员",
            "status": "serving",
            "is_reserve": True,
        }
    )
    with qtbot.waitSignal(dialog.saved):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "赵新" in _names(window) and window.search.model.rowCount() == 4)
    qtbot.waitUntil(lambda: window.dossier_view.title.text() == "赵新")
    assert window.dossier_view.info.value_text("is_reserve") == "是"
    assert window.dossier_view.info.value_text("gender") == "男"
    qtbot.waitUntil(lambda: window.findChild(OfficialDialog) is None)  # closed and deleted


def test_required_record_field_error_and_then_a_major_matter_is_filed(
    qtbot: QtBot, window: MainWindow, vault
) -> None:
    _select(qtbot, window, vault.official_ids["李秀英"])
    window.menu_actions.add_record.trigger()
    dialog = window.findChild(RecordDialog)
    assert dialog is not None
    assert dialog.type_code() == "major_matter"
    assert dialog.common.editor("source").widget.currentText() == "组织部门"
    assert dialog.common.editor("disclosure").widget.currentText() == "内部"

    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dialog.type_fields.error_label("title").isVisible)
    assert dialog.type_fields.error_label("title").text() == "不能为空"

    dialog.common.set_values({"date": "2025-10-01", "source": "self"})
    dialog.type_fields.set_values(
        {"title": "操办女儿婚礼", "detail": "宴请亲友12桌,未收受管理服务对象礼金。"}
    )
    with qtbot.waitSignal(dialog.saved):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    view = window.dossier_view
    qtbot.waitUntil(lambda: view.record_model.rowCount() == 1)
    model = view.record_model
    cells = [model.data(model.index(0, c)) for c in range(model.columnCount())]
    assert cells == ["2025-10-01", "重大事项报告", "操办女儿婚礼", "本人报告", "内部"]
    qtbot.waitUntil(lambda: view.tabs.currentIndex() == RECORDS_TAB)
    assert view.tabs.tabText(RECORDS_TAB) == "记录(1)"

    view.record_table.selectRow(0)
    texts = [label.text() for label in view.record_detail.findChildren(QLabel)]
    assert "宴请亲友12桌,未收受管理服务对象礼金。" in texts
    assert "clerk1" in texts


def test_record_date_in_the_future_is_refused_under_the_date(
    qtbot: QtBot, window: MainWindow, vault
) -> None:
    _select(qtbot, window, vault.official_ids["王伟"])
    window.menu_actions.add_record.trigger()
    dialog = window.findChild(RecordDialog)
    assert dialog is not None
    dialog.common.set_values({"date": "2999-01-01"})
    dialog.type_fields.set_values({"title": "因私出国"})
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dialog.common.error_label("date").isVisible)
    assert dialog.common.error_label("date").text() == "不能晚于今天"
    assert window.dossier_view.record_model.rowCount() == 0


def test_family_member_is_added_to_the_family_table(
    qtbot: QtBot, window: MainWindow, vault
) -> None:
    _select(qtbot, window, vault.official_ids["张建国"])
    window.menu_actions.add_family.trigger()
    dialog = window.findChild(FamilyMemberDialog)
    assert dialog is not None
    dialog.form.set_values({"relation": "配偶", "name": "刘芳", "employer": "青山县第一中学"})
    with qtbot.waitSignal(dialog.saved):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    model = window.dossier_view.family_model
    qtbot.waitUntil(lambda: model.rowCount() == 1)
    assert model.data(model.index(0, 0)) == "配偶"
    assert model.data(model.index(0, 1)) == "刘芳"
    assert model.headerData(0, Qt.Orientation.Horizontal) == "称谓"
    assert window.dossier_view.tabs.currentIndex() == FAMILY_TAB


def test_shortcuts(window: MainWindow) -> None:
    actions = window.menu_actions
    assert actions.new_official.shortcut().toString() == "Ctrl+N"
    assert actions.add_record.shortcut().toString() == "Ctrl+R"
    assert actions.export_pdf.shortcut().toString() == "Ctrl+E"
    assert actions.lock.shortcut().toString() == "Ctrl+L"

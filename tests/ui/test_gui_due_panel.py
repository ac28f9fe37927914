"""The deadline list on the main window's home page (no dossier selected)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from records.model import User
from records.services.annual_reports import AnnualReportService
from records.vault import unlock_vault
from tests.ui.conftest import PASSWORDS, WAIT_MS, Vault
from ui.main_window import MainWindow
from ui.vault_worker import VaultWorker

AS_OF = date(2026, 1, 20)


@pytest.fixture
def dated_vault(vault: Vault) -> Vault:
    """All three officials filed on 2025-06-01; 张建国 has reported on 2024."""
    with unlock_vault(vault.path, "clerk1", PASSWORDS["clerk1"]) as session:
        with session.transaction() as conn:
            conn.execute("UPDATE officials SET created_at = '2025-06-01T09:00:00+08:00'")
        service = AnnualReportService(session)
        report = service.start(vault.official_ids["张建国"], 2024, prefill_from_previous=False)
        service.set_item(report.id, "marriage", [{"status": "已婚"}])
        service.set_item(report.id, "salary", [{"amount": "160000"}])
        for answer in service.get(report.id).items:
            if not answer.answered:
                service.set_item(report.id, answer.code, [], nothing_to_report=True)
        service.submit(report.id, "2025-01-20")
    return vault


def open_window(
    qtbot: QtBot, worker: VaultWorker, unlock_as: Callable[[str], User], user: str
) -> MainWindow:
    window = MainWindow(worker, unlock_as(user))
    qtbot.addWidget(window)
    window.show()
    panel = window.due_panel
    panel.today = AS_OF
    with qtbot.waitSignal(panel.refreshed, timeout=WAIT_MS):
        panel.refresh()
    return window


def texts(model: object, column: int) -> list[str]:
    from ui.row_table_model import RowTableModel

    assert isinstance(model, RowTableModel)
    return [str(model.data(model.index(r, column))) for r in range(model.rowCount())]


def test_the_home_page_lists_overdue_and_upcoming_with_counts(
    qtbot: QtBot, worker: VaultWorker, unlock_as: Callable[[str], User], dated_vault: Vault
) -> None:
    window = open_window(qtbot, worker, unlock_as, "clerk1")
    panel = window.due_panel
    assert window.dossier_view.currentWidget() is panel
    assert panel.isVisible()
    assert sorted(texts(panel.overdue_model, 1)) == ["李秀英", "王伟"]  # 2024, due 2025-07-01
    assert set(texts(panel.overdue_model, 0)) == {"2025-07-01"}
    assert texts(panel.overdue_model, 3) == ["个人有关事项年度报告"] * 2
    assert sorted(texts(panel.upcoming_model, 1)) == ["张建国", "李秀英", "王伟"]
    assert set(texts(panel.upcoming_model, 0)) == {"2026-01-31"}
    assert panel.overdue_box.title() == "已逾期(2)"
    assert panel.upcoming_box.title() == "30日内到期(3)"
    assert sorted(zip(texts(panel.unit_model, 0), texts(panel.unit_model, 1), strict=True)) == [
        ("青山县人民医院", "1"),
        ("青山县教育局", "1"),
        ("青山县财政局", "0"),
    ]
    assert "2026-01-20" in panel.title.text()


def test_double_clicking_a_row_opens_the_dossier(
    qtbot: QtBot, worker: VaultWorker, unlock_as: Callable[[str], User], dated_vault: Vault
) -> None:
    window = open_window(qtbot, worker, unlock_as, "vetting1")
    panel = window.due_panel
    window.search.search_edit.setText("张")  # the official is not in the current list
    qtbot.waitUntil(lambda: window.search.model.rowCount() == 1, timeout=WAIT_MS)
    row = texts(panel.overdue_model, 1).index("王伟")
    index = panel.overdue_model.index(row, 1)
    rect = panel.overdue_table.visualRect(index)
    assert rect.isValid()
    viewport = panel.overdue_table.viewport()
    with qtbot.waitSignal(window.dossierShown, timeout=WAIT_MS) as shown:
        # A press first: a view only reports a double click on the index it was pressed on.
        qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())
    assert shown.args == [dated_vault.official_ids["王伟"]]
    assert window.dossier_view.currentWidget() is not panel
    assert window.search.search_edit.text() == ""


def test_locking_clears_the_list(
    qtbot: QtBot, worker: VaultWorker, unlock_as: Callable[[str], User], dated_vault: Vault
) -> None:
    window = open_window(qtbot, worker, unlock_as, "clerk1")
    panel = window.due_panel
    window.clear_data()
    assert panel.overdue_model.rowCount() == panel.upcoming_model.rowCount() == 0
    assert panel.unit_model.rowCount() == 0
    assert panel.overdue_box.title() == "已逾期(0)"

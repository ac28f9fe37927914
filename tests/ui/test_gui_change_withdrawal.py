"""撤销事项变化报告 in the 个人有关事项 tab, on a real vault: the clerk chooses a change
report, 撤销… asks for the reason (the button waits for one), the row stays listed marked
已撤销 with the reason, and the vault — read through the real AnnualReportService — holds
exactly that. A 说明 typed when filing a change report is stored and shown. The record's
撤销记录 dialog shares the reason form."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any, TypeVar

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QFont
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from records.annual_report import ChangeReport
from records.model import User
from records.services.annual_reports import AnnualReportService
from records.services.dossier_records import RecordService
from records.session import Session
from records.vault import unlock_vault
from tests.ui.conftest import WAIT_MS, AnsweringConfirmations, Vault
from ui.change_report_dialog import ChangeReportDialog
from ui.change_table_model import NOTE_COLUMN
from ui.change_withdraw_dialog import ChangeWithdrawDialog
from ui.record_table_model import WITHDRAWN_COLOR
from ui.report_tab import ReportTab
from ui.vault_worker import VaultWorker
from ui.withdraw_dialog import WithdrawDialog

T = TypeVar("T")

CODE = "family_employment"
SON = {"person": "张明", "relation": "子女", "employer": "青山县某建设公司"}
DAUGHTER = {"person": "张丽", "relation": "子女", "employer": "青山县人民医院"}
STATUS = 7  # the 状态 column of the change table


def run(qtbot: QtBot, worker: VaultWorker, job: Callable[[Session], T]) -> T:
    """Run ``job`` on the worker's session (the GUI's own) and wait for its result."""
    outcome: list[Any] = []
    worker.submit(job, outcome.append, outcome.append)
    qtbot.waitUntil(lambda: bool(outcome), timeout=WAIT_MS)
    return outcome[0]  # type: ignore[no-any-return]


def changes_in_vault(qtbot: QtBot, worker: VaultWorker, report_id: int) -> list[ChangeReport]:
    report = run(qtbot, worker, lambda s: AnnualReportService(s).get(report_id))
    answer = report.item(CODE)
    assert answer is not None
    return list(answer.changes)


def submitted_with_changes(vault: Vault, official_id: int) -> tuple[int, list[ChangeReport]]:
    """Last year's report, submitted, with two change reports on 家事7 (the first late)."""
    today = date.today()
    with unlock_vault(vault.path, "clerk1", vault.password("clerk1")) as session:
        service = AnnualReportService(session)
        report = service.start(official_id, today.year - 1)
        service.set_item(report.id, "marriage", [{"status": "已婚", "spouse_name": "林静"}])
        service.set_item(report.id, "salary", [{"amount": "186000"}])
        for answer in service.get(report.id).items:
            if not answer.answered:
                service.set_item(report.id, answer.code, [], nothing_to_report=True)
        service.submit(report.id, today)
        late = service.add_change(
            official_id, CODE, today - timedelta(days=40), today, [SON], note="误录"
        )
        on_time = service.add_change(
            official_id, CODE, today - timedelta(days=5), today, [DAUGHTER]
        )
    return report.id, [late, on_time]


def open_tab(qtbot: QtBot, worker: VaultWorker, user: User, official_id: int) -> ReportTab:
    tab = ReportTab(worker, user, AnsweringConfirmations())
    qtbot.addWidget(tab)
    tab.resize(1100, 760)
    tab.show()
    with qtbot.waitSignal(tab.loaded, timeout=WAIT_MS):
        tab.show_official(official_id)
    return tab


def opened(qtbot: QtBot, tab: ReportTab, action: Callable[[], None]) -> Any:
    with qtbot.waitSignal(tab.dialogOpened, timeout=WAIT_MS) as signal:
        action()
    return signal.args[0]


def cell(tab: ReportTab, row: int, column: int, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
    model = tab.item_panel.change_model
    return model.data(model.index(row, column), role)


@pytest.fixture
def official_id(vault: Vault) -> int:
    return vault.official_ids["张建国"]


def test_a_change_report_is_withdrawn_with_a_reason_and_stays_listed(
    qtbot: QtBot,
    worker: VaultWorker,
    vault: Vault,
    unlock_as: Callable[[str], User],
    official_id: int,
) -> None:
    report_id, (late, on_time) = submitted_with_changes(vault, official_id)
    tab = open_tab(qtbot, worker, unlock_as("clerk1"), official_id)
    panel = tab.item_panel
    assert tab.select_report(report_id) and tab.select_item(CODE)
    assert panel.change_model.rowCount() == 2
    assert cell(tab, 0, 3) == "逾期10天" and cell(tab, 0, NOTE_COLUMN) == "误录"
    assert cell(tab, 0, STATUS) == "" and cell(tab, 1, STATUS) == ""
    assert tab.model.data(tab.model.index(0, 6)) == "2份(逾期1份)"
    assert panel.withdraw_button.isVisible()
    assert not panel.withdraw_button.isEnabled()  # nothing chosen yet

    assert panel.select_change(late.id)
    assert panel.withdraw_button.isEnabled()
    dialog = opened(qtbot, tab, panel.withdraw_button.click)
    assert isinstance(dialog, ChangeWithdrawDialog)
    assert dialog.windowTitle() == "撤销事项变化报告"
    assert not dialog.save_button.isEnabled()  # a reason first
    dialog.set_reason("   ")
    assert not dialog.save_button.isEnabled()
    dialog.set_reason("重复登记,已另行报告")  # setText: Chinese cannot be typed with keyClicks
    assert dialog.save_button.isEnabled()
    with (
        qtbot.waitSignal(tab.loaded, timeout=WAIT_MS),
        qtbot.waitSignal(dialog.saved, timeout=WAIT_MS),
    ):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    # Still listed, on the same item, marked with the reason, greyed and struck through.
    assert tab.current_report().id == report_id  # type: ignore[union-attr]
    assert tab.items.current_code() == CODE
    assert panel.change_model.rowCount() == 2
    row = panel.change_model.row_of(late.id)
    assert row is not None
    assert cell(tab, row, STATUS) == "已撤销:重复登记,已另行报告"
    assert cell(tab, row, 4, Qt.ItemDataRole.ForegroundRole) == QBrush(WITHDRAWN_COLOR)
    font = cell(tab, row, 4, Qt.ItemDataRole.FontRole)
    assert isinstance(font, QFont) and font.strikeOut()
    other = panel.change_model.row_of(on_time.id)
    assert other is not None and cell(tab, other, STATUS) == ""
    # It no longer counts: one change report left, none late.
    assert tab.model.data(tab.model.index(0, 6)) == "1份"
    assert tab.items.state_text(CODE, column=2) == "1份"
    # A withdrawn one cannot be withdrawn again; the one still counting can.
    assert panel.select_change(late.id) and not panel.withdraw_button.isEnabled()
    assert panel.select_change(on_time.id) and panel.withdraw_button.isEnabled()

    stored = {c.id: c for c in changes_in_vault(qtbot, worker, report_id)}
    assert stored[late.id].withdrawn and stored[late.id].withdrawn_by == "clerk1"
    assert stored[late.id].withdraw_reason == "重复登记,已另行报告"
    assert stored[late.id].entries == (SON,)  # kept as filed
    assert not stored[on_time.id].withdrawn


def test_a_refused_withdrawal_stays_in_the_dialog(
    qtbot: QtBot,
    worker: VaultWorker,
    vault: Vault,
    unlock_as: Callable[[str], User],
    official_id: int,
) -> None:
    report_id, (late, _on_time) = submitted_with_changes(vault, official_id)
    tab = open_tab(qtbot, worker, unlock_as("clerk1"), official_id)
    assert tab.select_report(report_id) and tab.select_item(CODE)
    assert tab.item_panel.select_change(late.id)
    dialog = opened(qtbot, tab, tab.item_panel.withdraw_button.click)
    assert isinstance(dialog, ChangeWithdrawDialog)
    # Meanwhile someone withdrew it: the service refuses, the dialog says so and stays.
    run(qtbot, worker, lambda s: AnnualReportService(s).withdraw_change(late.id, "先撤销"))
    dialog.set_reason("重复登记")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dialog.error_line.isVisible, timeout=WAIT_MS)
    assert dialog.error_line.text() == f"事项变化报告已撤销:{late.id}"
    assert dialog.isVisible()
    [first, _second] = changes_in_vault(qtbot, worker, report_id)
    assert first.withdraw_reason == "先撤销"


def test_a_change_report_takes_a_note(
    qtbot: QtBot,
    worker: VaultWorker,
    vault: Vault,
    unlock_as: Callable[[str], User],
    official_id: int,
) -> None:
    report_id, _changes = submitted_with_changes(vault, official_id)
    tab = open_tab(qtbot, worker, unlock_as("clerk1"), official_id)
    panel = tab.item_panel
    assert tab.select_report(report_id) and tab.select_item(CODE)
    dialog = opened(qtbot, tab, panel.change_button.click)
    assert isinstance(dialog, ChangeReportDialog)
    assert dialog.entries.model.rowCount() == 1  # the latest change's situation, to edit
    dialog.form.set_values({"change_date": (date.today() - timedelta(days=1)).isoformat()})
    dialog.note_form.set_values({"note": "女儿调往市人民医院"})
    with (
        qtbot.waitSignal(tab.loaded, timeout=WAIT_MS),
        qtbot.waitSignal(dialog.saved, timeout=WAIT_MS),
    ):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert panel.change_model.rowCount() == 3
    notes = [cell(tab, row, NOTE_COLUMN) for row in range(3)]
    assert "女儿调往市人民医院" in notes
    *_, filed = changes_in_vault(qtbot, worker, report_id)
    assert filed.note == "女儿调往市人民医院" and filed.entries == (DAUGHTER,)


def test_a_vetting_officer_sees_the_withdrawal_but_cannot_withdraw(
    qtbot: QtBot,
    worker: VaultWorker,
    vault: Vault,
    unlock_as: Callable[[str], User],
    official_id: int,
) -> None:
    report_id, (late, _on_time) = submitted_with_changes(vault, official_id)
    with unlock_vault(vault.path, "clerk1", vault.password("clerk1")) as session:
        AnnualReportService(session).withdraw_change(late.id, "重复登记")
    tab = open_tab(qtbot, worker, unlock_as("vetting1"), official_id)
    panel = tab.item_panel
    assert tab.select_report(report_id) and tab.select_item(CODE)
    assert panel.change_model.rowCount() == 2
    row = panel.change_model.row_of(late.id)
    assert row is not None and cell(tab, row, STATUS) == "已撤销:重复登记"
    assert not panel.withdraw_button.isVisibleTo(tab)
    assert panel.select_change(late.id)
    panel.withdraw_button.click()  # hidden, and refused even if pressed
    assert not panel.withdraw_button.isEnabled()


def test_the_record_withdrawal_dialog_shares_the_reason_form(
    qtbot: QtBot,
    worker: VaultWorker,
    vault: Vault,
    unlock_as: Callable[[str], User],
    official_id: int,
) -> None:
    unlock_as("clerk1")
    record = run(
        qtbot,
        worker,
        lambda s: RecordService(s).add(
            official_id, "major_matter", date.today(), {"kind": "其他", "title": "因私出国(境)"}
        ),
    )
    parent = QWidget()
    qtbot.addWidget(parent)
    dialog = WithdrawDialog(worker, record, parent)
    dialog.show()
    assert dialog.windowTitle() == "撤销记录" and dialog.save_button.text() == "撤销记录"
    assert not dialog.save_button.isEnabled()
    dialog.set_reason("重复登记")
    with qtbot.waitSignal(dialog.saved, timeout=WAIT_MS) as saved:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    withdrawn = saved.args[0]
    assert withdrawn.id == record.id and withdrawn.withdraw_reason == "重复登记"

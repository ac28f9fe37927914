"""The 个人有关事项 tab on a real vault: a clerk starts a year's report, answers its items
through the entry dialog (bad input refused beside the field, nothing stored), submits it,
starts the next year pre-filled, and files a change report — and the vault, read through
the real AnnualReportService, holds exactly that."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any, TypeVar

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot
from shiboken6 import isValid

from records.annual_report import AnnualReport, ReportStatus
from records.errors import ValidationError
from records.model import User
from records.report_entries import validate_entry
from records.report_schema import load_schema
from records.services.annual_reports import AnnualReportService
from records.session import Session
from records.vault import unlock_vault
from tests.ui.conftest import WAIT_MS, AnsweringConfirmations, Vault
from ui.change_report_dialog import ChangeReportDialog
from ui.main_window import MainWindow
from ui.report_entry_dialog import EntryDialog
from ui.report_tab import ReportTab
from ui.report_year_dialogs import StartReportDialog, SubmitReportDialog
from ui.vault_worker import VaultWorker

T = TypeVar("T")

FLAT = {"owner": "共同", "address": "青山县城关镇幸福路8号3栋2单元501室", "use": "住宅"}
SCHEMA = load_schema()
#: The items that cannot be answered 无 (the schema says so), with an entry for each.
MUST_ANSWER = {
    "marriage": {"status": "已婚", "spouse_name": "林静"},
    "salary": {"amount": "186000"},
}


def run(qtbot: QtBot, worker: VaultWorker, job: Callable[[Session], T]) -> T:
    """Run ``job`` on the worker's session (the GUI's own) and wait for its result."""
    outcome: list[Any] = []
    worker.submit(job, outcome.append, outcome.append)
    qtbot.waitUntil(lambda: bool(outcome), timeout=WAIT_MS)
    assert not isinstance(outcome[0], Exception), outcome[0]
    return outcome[0]  # type: ignore[no-any-return]


def reports_in_vault(qtbot: QtBot, worker: VaultWorker, official_id: int) -> list[AnnualReport]:
    return run(qtbot, worker, lambda s: AnnualReportService(s).for_official(official_id))


@pytest.fixture
def clerk_tab(
    qtbot: QtBot,
    worker: VaultWorker,
    unlock_as: Callable[[str], User],
    confirmations: AnsweringConfirmations,
    vault: Vault,
) -> ReportTab:
    tab = ReportTab(worker, unlock_as("clerk1"), confirmations)
    qtbot.addWidget(tab)
    tab.resize(1000, 700)
    tab.show()
    with qtbot.waitSignal(tab.loaded, timeout=WAIT_MS):
        tab.show_official(vault.official_ids["张建国"])
    return tab


def activate(qtbot: QtBot, window: QWidget) -> None:
    """Make ``window`` the active one: its shortcuts (Ctrl+S) work only then."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=WAIT_MS)


def leave(qtbot: QtBot, widget: QWidget) -> None:
    """Focus ``widget``, then Tab out of it (a field is checked when the user leaves it)."""
    widget.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is widget, timeout=WAIT_MS)
    qtbot.keyClick(widget, Qt.Key.Key_Tab)


def opened(qtbot: QtBot, tab: ReportTab | ChangeReportDialog, action: Callable[[], None]) -> Any:
    """Do ``action`` and return the dialog it opened."""
    with qtbot.waitSignal(tab.dialogOpened, timeout=WAIT_MS) as signal:
        action()
    return signal.args[0]


def saved_through(qtbot: QtBot, tab: ReportTab, press: Callable[[], None]) -> None:
    """Press and wait until the panel has the service's answer on screen."""
    with qtbot.waitSignal(tab.item_panel.reportChanged, timeout=WAIT_MS):
        press()


def start(qtbot: QtBot, tab: ReportTab, year: int, *, prefill: bool | None = None) -> None:
    dialog = opened(qtbot, tab, tab.start_button.click)
    assert isinstance(dialog, StartReportDialog)
    dialog.form.set_values({"year": str(year)})
    if prefill is not None:
        dialog.prefill_box.setChecked(prefill)
    count = tab.model.rowCount()
    with qtbot.waitSignal(dialog.saved, timeout=WAIT_MS):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.model.rowCount() == count + 1, timeout=WAIT_MS)


def add_entry(qtbot: QtBot, tab: ReportTab, code: str, values: dict[str, str]) -> None:
    assert tab.select_item(code)
    dialog = opened(qtbot, tab, tab.item_panel.entries.add_button.click)
    assert isinstance(dialog, EntryDialog)
    dialog.fields.set_values(values)  # setText: Chinese cannot be typed with keyClicks
    saved_through(qtbot, tab, dialog.ok_button.click)


def answer_the_rest_nothing(qtbot: QtBot, tab: ReportTab) -> None:
    for code in tab.items.codes():
        report = tab.current_report()
        assert report is not None
        answer = report.item(code)
        if answer is not None and answer.answered:
            continue
        if code in MUST_ANSWER:
            add_entry(qtbot, tab, code, MUST_ANSWER[code])
            continue
        assert tab.select_item(code)
        box = tab.item_panel.nothing_box
        assert box.isVisible() and box.isEnabled()
        saved_through(qtbot, tab, box.click)
        assert tab.items.state_text(code) == "无此类情况"


def test_a_year_is_answered_submitted_prefilled_and_changed(
    qtbot: QtBot, worker: VaultWorker, vault: Vault, clerk_tab: ReportTab
) -> None:
    tab, official_id, today = clerk_tab, vault.official_ids["张建国"], date.today()
    first, second = today.year - 2, today.year - 1
    assert tab.heading.text() == "尚无个人有关事项报告"
    assert not tab.submit_button.isEnabled()

    # ---- start: nothing submitted yet, so nothing to pre-fill from
    dialog = opened(qtbot, tab, tab.start_button.click)
    assert isinstance(dialog, StartReportDialog)
    assert dialog.form.values()["year"] == str(second)  # last year's matters, due 31 January
    dialog.form.set_values({"year": str(first)})
    assert not dialog.prefill_box.isEnabled()
    with qtbot.waitSignal(dialog.saved, timeout=WAIT_MS):
        qtbot.keyClick(dialog.form.editor("year").widget, Qt.Key.Key_Return)  # Enter saves
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1, timeout=WAIT_MS)
    assert tab.model.data(tab.model.index(0, 0)) == f"{first}年度"
    assert tab.model.data(tab.model.index(0, 1)) == "草稿"

    # ---- the items, grouped as the schema groups them
    assert tab.items.group_titles() == ["家事", "家产"]
    assert tab.items.codes() == list(SCHEMA.codes)
    assert tab.items.current_code() == SCHEMA.codes[0]  # a draft opens at the first open item

    # ---- 房产 through the entry dialog: a negative area is refused beside 面积
    assert tab.select_item("real_estate")
    panel = tab.item_panel
    assert panel.title.text() == "家产3 房产"
    dialog = opened(qtbot, tab, panel.entries.add_button.click)
    assert isinstance(dialog, EntryDialog)
    dialog.fields.set_values({**FLAT, "area": "-50"})
    area = dialog.fields.editor("area").widget
    area.setFocus()
    qtbot.keyClick(area, Qt.Key.Key_Return)  # done with the field: checked at once
    error = dialog.fields.error_label("area")
    assert error.isVisible()
    real_estate = SCHEMA.item("real_estate")
    assert real_estate is not None
    with pytest.raises(ValidationError) as expected:
        validate_entry(real_estate, 1, {**FLAT, "area": "-50"})
    assert error.text() == expected.value.zh  # the service's own words
    assert "面积" in error.text()
    assert not dialog.ok_button.isEnabled()
    activate(qtbot, dialog)
    qtbot.keyClick(area, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)  # nor by shortcut
    assert dialog.isVisible()
    report = reports_in_vault(qtbot, worker, official_id)[0]
    assert report.item("real_estate").entries == ()  # type: ignore[union-attr]

    dialog.fields.set_values({"area": "120.5", "acquired_date": "2015-06-01"})
    assert not error.isVisible() and dialog.ok_button.isEnabled()  # fixed: the error goes
    saved_through(qtbot, tab, lambda: qtbot.keyClick(area, Qt.Key.Key_Return))
    qtbot.waitUntil(lambda: not isValid(dialog) or not dialog.isVisible())  # closed (and gone)
    assert panel.entries.model.rowCount() == 1
    assert tab.items.state_text("real_estate") == "1条"
    report = reports_in_vault(qtbot, worker, official_id)[0]
    flat = report.item("real_estate")
    assert flat is not None and not flat.nothing_to_report
    assert flat.entries == ({**FLAT, "area": "120.50", "acquired_date": "2015-06-01"},)

    # ---- every other item: 无, or (marriage, salary) an entry
    answer_the_rest_nothing(qtbot, tab)
    report = reports_in_vault(qtbot, worker, official_id)[0]
    assert all(a.answered for a in report.items)
    assert [a.code for a in report.items if a.nothing_to_report] == [
        c for c in SCHEMA.codes if c not in {"real_estate", *MUST_ANSWER}
    ]

    # ---- submit with the date: read-only from then on
    assert tab.submit_button.isEnabled()
    dialog = opened(qtbot, tab, tab.submit_button.click)
    assert isinstance(dialog, SubmitReportDialog)
    assert not dialog.missing_label.isVisibleTo(dialog)
    assert dialog.form.values()["submitted_date"] == today.isoformat()
    activate(qtbot, dialog)
    with qtbot.waitSignal(dialog.saved, timeout=WAIT_MS):
        qtbot.keyClick(dialog, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: tab.model.data(tab.model.index(0, 1)) == "已报告", timeout=WAIT_MS)
    assert tab.model.data(tab.model.index(0, 2)) == today.isoformat()
    late = (today - date(first + 1, 1, 31)).days
    assert tab.model.data(tab.model.index(0, 4)) == f"逾期{late}天"
    assert "不能再修改" in tab.heading.text()
    assert not tab.submit_button.isEnabled()
    assert tab.select_item("real_estate")
    assert not panel.is_editable()
    assert not panel.entries.add_button.isVisible()
    assert not panel.nothing_box.isEnabled()
    assert not panel.change_button.isVisible()  # 家产 items take no change report
    assert tab.select_item("service_income")
    assert panel.nothing_box.isChecked() and not panel.nothing_box.isEnabled()
    submitted = reports_in_vault(qtbot, worker, official_id)[0]
    assert (submitted.status, submitted.submitted_date) == (ReportStatus.SUBMITTED, today)

    # ---- the next year, pre-filled from the submitted one: the flat is there
    dialog = opened(qtbot, tab, tab.start_button.click)
    assert isinstance(dialog, StartReportDialog)
    assert dialog.form.values()["year"] == str(second)
    assert dialog.prefill_box.isEnabled() and dialog.prefill_box.isChecked()
    assert dialog.prefill_box.text() == f"从{first}年度报告预填"
    with qtbot.waitSignal(dialog.saved, timeout=WAIT_MS):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.model.rowCount() == 2, timeout=WAIT_MS)
    current = tab.current_report()
    assert current is not None and current.year == second
    assert tab.model.data(tab.model.index(0, 5)) == f"{first}年度"  # 预填自
    assert tab.select_item("real_estate")
    assert panel.is_editable()
    assert panel.entries.model.rowCount() == 1
    assert FLAT["address"] in panel.entries.model.data(panel.entries.model.index(0, 1))
    draft, old = reports_in_vault(qtbot, worker, official_id)
    assert (draft.year, draft.prefilled_from, old.id) == (second, old.id, submitted.id)
    assert draft.item("real_estate").entries == flat.entries  # type: ignore[union-attr]
    assert tab.select_item("family_employment")
    assert not panel.change_button.isVisible()  # changes attach to the submitted report

    # ---- a change report on 家事7, filed 40 days after the change: 10 days late
    assert tab.select_report(submitted.id)
    assert tab.select_item("family_employment")
    assert panel.change_button.isVisible() and panel.change_button.isEnabled()
    change = opened(qtbot, tab, panel.change_button.click)
    assert isinstance(change, ChangeReportDialog)
    assert change.form.values()["reported_date"] == today.isoformat()
    change.form.set_values({"change_date": (today - timedelta(days=40)).isoformat()})
    entry = opened(qtbot, change, change.entries.add_button.click)
    assert isinstance(entry, EntryDialog)
    entry.fields.set_values({"person": "张明", "relation": "子女", "employer": "青山县某建设公司"})
    entry.ok_button.click()
    assert change.entries.model.rowCount() == 1
    with (
        qtbot.waitSignal(tab.loaded, timeout=WAIT_MS),
        qtbot.waitSignal(change.saved, timeout=WAIT_MS),
    ):
        qtbot.mouseClick(change.save_button, Qt.MouseButton.LeftButton)
    shown = tab.current_report()
    assert shown is not None and shown.id == submitted.id
    assert tab.items.current_code() == "family_employment"
    assert panel.change_model.rowCount() == 1
    assert panel.change_model.data(panel.change_model.index(0, 3)) == "逾期10天"
    assert "张明" in panel.change_model.data(panel.change_model.index(0, 4))
    assert tab.items.state_text("family_employment", column=2) == "1份"
    row = next(r for r in range(tab.model.rowCount()) if tab.model.row_at(r).id == submitted.id)
    assert tab.model.data(tab.model.index(row, 6)) == "1份(逾期1份)"
    filed = reports_in_vault(qtbot, worker, official_id)[1].item("family_employment")
    assert filed is not None and len(filed.changes) == 1
    stored = filed.changes[0]
    assert (stored.late, stored.days_late, stored.reported_date) == (True, 10, today)
    assert stored.entries == (
        {"person": "张明", "relation": "子女", "employer": "青山县某建设公司"},
    )


def test_submitting_an_unfinished_report_is_refused_in_chinese(
    qtbot: QtBot, worker: VaultWorker, vault: Vault, clerk_tab: ReportTab
) -> None:
    tab, year = clerk_tab, date.today().year - 1
    start(qtbot, tab, year)
    dialog = opened(qtbot, tab, tab.submit_button.click)
    assert isinstance(dialog, SubmitReportDialog)
    assert dialog.missing_label.text().startswith("尚有14项未填写:婚姻、")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dialog.error_line.isVisible, timeout=WAIT_MS)
    assert dialog.error_line.text() == "婚姻:尚未填写(没有此类情况请报“无”)"
    assert dialog.isVisible()
    # the same year again: the service's conflict, in Chinese, in the dialog
    dialog.reject()
    again = opened(qtbot, tab, tab.start_button.click)
    assert isinstance(again, StartReportDialog)
    again.form.set_values({"year": str(year)})
    qtbot.mouseClick(again.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(again.error_line.isVisible, timeout=WAIT_MS)
    assert again.error_line.text() == f"该人员{year}年度的个人有关事项报告已存在"
    official_id = vault.official_ids["张建国"]
    (report,) = reports_in_vault(qtbot, worker, official_id)
    assert report.status is ReportStatus.DRAFT


def test_an_entry_is_removed_after_confirmation(
    qtbot: QtBot,
    worker: VaultWorker,
    vault: Vault,
    clerk_tab: ReportTab,
    confirmations: AnsweringConfirmations,
) -> None:
    tab = clerk_tab
    start(qtbot, tab, date.today().year - 1)
    add_entry(qtbot, tab, "real_estate", {**FLAT, "area": "88"})
    panel = tab.item_panel
    assert not panel.nothing_box.isEnabled()  # 无 is offered only while there is no entry
    panel.entries.select_row(0)
    # Enter on the entry opens it for correction; Esc leaves it as it was.
    table = panel.entries.table
    table.setCurrentIndex(panel.entries.model.index(0, 0))
    activate(qtbot, tab)
    table.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is table, timeout=WAIT_MS)
    dialog = opened(qtbot, tab, lambda: qtbot.keyClick(table, Qt.Key.Key_Return))
    assert isinstance(dialog, EntryDialog)
    assert dialog.fields.values()["area"] == "88.00"
    dialog.reject()
    saved_through(qtbot, tab, panel.entries.remove_button.click)
    assert "删除“房产”的第1条" in confirmations.asked[-1]
    assert panel.entries.model.rowCount() == 0 and panel.nothing_box.isEnabled()
    (report,) = reports_in_vault(qtbot, worker, vault.official_ids["张建国"])
    assert report.item("real_estate").entries == ()  # type: ignore[union-attr]


def test_the_entry_dialog_follows_the_kind_and_checks_dates(qtbot: QtBot) -> None:
    item = SCHEMA.item("passport_private_travel")
    assert item is not None
    parent = QWidget()
    qtbot.addWidget(parent)
    dialog = EntryDialog(item, parent, index=2)
    dialog.show()
    assert dialog.kind_form is not None
    assert dialog.kind().code == "passport" and dialog.fields.has_field("number")
    dialog.kind_form.editor("kind").set_value("trip")
    assert dialog.fields.has_field("destination") and not dialog.fields.has_field("number")
    dialog.fields.set_values(
        {"start_date": "2025-05-10", "end_date": "2025-05-01", "destination": "新加坡"}
    )
    activate(qtbot, dialog)
    leave(qtbot, dialog.fields.editor("end_date").widget)
    assert (
        dialog.fields.error_label("end_date").text()
        == "护照及因私出国入境日期:不能早于出境日期(第2条)"
    )
    assert not dialog.ok_button.isEnabled()
    # Correcting the start date clears the end date's error too.
    dialog.fields.set_values({"start_date": "2025-04-28"})
    leave(qtbot, dialog.fields.editor("start_date").widget)
    assert dialog.fields.error_label("end_date").isHidden() and dialog.ok_button.isEnabled()
    assert dialog.isVisible()
    with qtbot.waitSignal(dialog.entryAccepted) as accepted:
        qtbot.keyClick(dialog, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    trip = {"start_date": "2025-04-28", "end_date": "2025-05-01", "destination": "新加坡"}
    assert accepted.args[0] == {"kind": "trip", **trip}
    assert dialog.entry() == accepted.args[0]

    # A correction: the kind is fixed; Tab goes field by field, then 确定, 取消; Esc cancels.
    again = EntryDialog(item, parent, entry=accepted.args[0])
    again.show()
    assert again.kind_form is not None and not again.kind_form.editor("kind").widget.isEnabled()
    activate(qtbot, again)
    chain = [*again.fields.focus_chain(), again.ok_button, again.cancel_button]
    start_at, rest = chain[0], chain[1:]
    qtbot.waitUntil(lambda: QApplication.focusWidget() is start_at)  # a correction starts there
    visited = []
    for _ in rest:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        visited.append(QApplication.focusWidget())
    assert visited == rest
    assert again.fields.values()["destination"] == "新加坡"
    qtbot.keyClick(again, Qt.Key.Key_Escape)
    assert not again.isVisible() and again.entry() is None


def test_a_vetting_officer_reads_but_does_not_file(
    qtbot: QtBot, worker: VaultWorker, vault: Vault, unlock_as: Callable[[str], User]
) -> None:
    official_id = vault.official_ids["李秀英"]
    with unlock_vault(vault.path, "clerk1", vault.password("clerk1")) as session:
        report = AnnualReportService(session).start(official_id, date.today().year - 1)
        AnnualReportService(session).set_item(report.id, "real_estate", [{**FLAT, "area": "60"}])
    tab = ReportTab(worker, unlock_as("vetting1"))
    qtbot.addWidget(tab)
    with qtbot.waitSignal(tab.loaded, timeout=WAIT_MS):
        tab.show_official(official_id)
    assert not tab.start_button.isVisibleTo(tab) and not tab.submit_button.isVisibleTo(tab)
    assert tab.select_item("real_estate")
    assert not tab.item_panel.is_editable()
    assert not tab.item_panel.entries.add_button.isVisibleTo(tab)
    assert tab.item_panel.entries.model.rowCount() == 1
    tab.clear()  # locking forgets everything
    assert tab.model.rowCount() == 0 and tab.item_panel.entries.model.rowCount() == 0


def test_the_main_window_hosts_the_tab(
    qtbot: QtBot, worker: VaultWorker, vault: Vault, unlock_as: Callable[[str], User]
) -> None:
    window = MainWindow(worker, unlock_as("clerk1"))
    qtbot.addWidget(window)
    official_id = vault.official_ids["王伟"]
    tabs = window.dossier_view.tabs
    index = tabs.indexOf(window.report_tab)
    assert index >= 0 and tabs.tabText(index) == "个人有关事项"
    with qtbot.waitSignal(window.report_tab.loaded, timeout=WAIT_MS):
        window.show_official(official_id)
    assert window.report_tab.start_button.isEnabled()
    window.clear_data()
    assert window.report_tab.reports() == ()

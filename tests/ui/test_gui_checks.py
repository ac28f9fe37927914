"""查核, 能否作为考察对象 and 随机抽查 in the main window, on a real vault.

Dates follow the real clock (the worker's session uses it): the report checked is last
year's, filed on 1 January of this year; the sanction is a month old.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from records.influence import add_months
from records.model import User
from records.report_check import CheckKind
from records.services.checks import CheckService
from records.services.dossier_records import RecordService
from records.vault import unlock_vault
from tests.records.check_support import (
    FLAT,
    FLAT2,
    HK_PERMIT,
    add_official,
    file_report,
    insert_report,
)
from tests.ui.conftest import WAIT_MS, AnsweringConfirmations, RecordingNotices, Vault
from ui.check_decision_dialog import CheckDecisionDialog
from ui.check_item_dialog import CheckItemDialog
from ui.check_models import FINDING_COLUMN
from ui.check_new_dialog import CheckNewDialog
from ui.check_panel import ChecksPanel
from ui.dossier_view import RECORDS_TAB
from ui.main_window import MainWindow
from ui.report_entry_dialog import EntryDialog
from ui.sampling_dialog import SampleOutcome, SamplingDialog
from ui.vault_worker import VaultWorker

TODAY = date.today()
YEAR = TODAY.year - 1  # the report most recently due
FILED = date(TODAY.year, 1, 1).isoformat()


@pytest.fixture
def reported(vault: Vault) -> Vault:
    """张建国 reported one flat (no permit) on last year; 李秀英 has a running sanction
    and a 基本称职 appraisal of last year."""
    with unlock_vault(vault.path, "clerk1", vault.password("clerk1")) as clerk:
        file_report(clerk, vault.official_ids["张建国"], YEAR, {"real_estate": [FLAT]}, FILED)
        records = RecordService(clerk)
        official = vault.official_ids["李秀英"]
        records.add(
            official, "sanction", (TODAY - timedelta(days=30)).isoformat(),
            {"system": "党纪处分", "kind": "警告", "decision_number": "青纪〔2026〕3号"},
        )  # fmt: skip
        records.add(official, "appraisal", FILED, {"year": YEAR, "grade": "基本称职"})
    return vault


def open_window(
    qtbot: QtBot,
    worker: VaultWorker,
    unlock_as: Callable[[str], User],
    user: str,
    notices: RecordingNotices,
    confirmations: AnsweringConfirmations,
) -> MainWindow:
    window = MainWindow(worker, unlock_as(user), notices=notices)
    window.check_screens.set_confirmations(confirmations)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.search.model.rowCount() >= 3, timeout=WAIT_MS)
    return window


@pytest.fixture
def clerk_window(
    qtbot: QtBot,
    worker: VaultWorker,
    unlock_as: Callable[[str], User],
    reported: Vault,
    notices: RecordingNotices,
    confirmations: AnsweringConfirmations,
) -> MainWindow:
    return open_window(qtbot, worker, unlock_as, "clerk1", notices, confirmations)


def show_dossier(qtbot: QtBot, window: MainWindow, official_id: int) -> ChecksPanel:
    panel = window.check_screens.checks_panel
    row = window.search.model.row_of(official_id)
    assert row is not None
    signals = [panel.loaded, window.check_screens.eligibility.assessed]
    with qtbot.waitSignals(signals, timeout=WAIT_MS):
        window.search.select_row(row)
    window.dossier_view.tabs.setCurrentWidget(panel)
    return panel


def cells(model: object, column: int) -> list[str]:
    from ui.row_table_model import RowTableModel

    assert isinstance(model, RowTableModel)
    return [str(model.data(model.index(r, column))) for r in range(model.rowCount())]


def open_item(qtbot: QtBot, panel: ChecksPanel, code: str) -> CheckItemDialog:
    assert panel.select_item(code)
    with qtbot.waitSignal(panel.dialogOpened, timeout=WAIT_MS) as opened:
        panel.verify_button.click()
    dialog = opened.args[0]
    assert isinstance(dialog, CheckItemDialog)
    return dialog


def add_entry(
    qtbot: QtBot, dialog: CheckItemDialog, values: dict[str, object], kind: str | None = None
) -> EntryDialog:
    with qtbot.waitSignal(dialog.entryDialogOpened, timeout=WAIT_MS) as opened:
        dialog.verified.add_button.click()
    entry = opened.args[0]
    assert isinstance(entry, EntryDialog)
    if kind is not None:
        assert entry.kind_form is not None
        entry.kind_form.set_values({"kind": kind})  # rebuilds the kind's fields
    entry.fields.set_values({k: v for k, v in values.items() if k != "kind"})  # setText: CJK
    return entry


def save_item(qtbot: QtBot, panel: ChecksPanel, dialog: CheckItemDialog) -> None:
    with qtbot.waitSignal(panel.checkShown, timeout=WAIT_MS):
        dialog.save_button.click()
    qtbot.waitUntil(lambda: not dialog.isVisible())


def create_check(qtbot: QtBot, panel: ChecksPanel) -> None:
    with qtbot.waitSignal(panel.dialogOpened, timeout=WAIT_MS) as opened:
        panel.new_button.click()
    dialog = opened.args[0]
    assert isinstance(dialog, CheckNewDialog)
    assert dialog.form.values()["year"] == str(YEAR)
    dialog.form.set_values({"reason": "拟提拔为副县级领导干部人选"})
    with qtbot.waitSignal(panel.checkShown, timeout=WAIT_MS):
        dialog.save_button.click()
    qtbot.waitUntil(lambda: panel.item_model.rowCount() == 14, timeout=WAIT_MS)


# ---- the check, item by item ------------------------------------------------------------


def test_a_check_finds_concealment_and_under_reporting_then_is_completed_and_decided(
    qtbot: QtBot,
    clerk_window: MainWindow,
    reported: Vault,
    confirmations: AnsweringConfirmations,
) -> None:
    panel = show_dossier(qtbot, clerk_window, reported.official_ids["张建国"])
    assert panel.model.rowCount() == 0 and panel.empty_label.isVisible()
    assert clerk_window.check_screens.eligibility.verdict.text() == "可以"
    create_check(qtbot, panel)
    assert cells(panel.model, 0) == [str(YEAR)]
    assert cells(panel.model, 1) == ["重点抽查"] and cells(panel.model, 2) == ["查核中"]
    assert "查核事由:拟提拔为副县级领导干部人选" in panel.summary.text()
    items = panel.item_model
    row = items.row_of("real_estate")
    assert row is not None
    assert cells(items, 0)[row] == "家产3 房产"
    assert "青山县幸福路8号3栋501室" in cells(items, 1)[row]
    assert set(cells(items, 2)) == {"未核实"}

    # 房产: a second flat the report does not name → 瞒报.
    dialog = open_item(qtbot, panel, "real_estate")
    dialog.copy_button.click()
    assert dialog.verified.model.rowCount() == 1
    entry = add_entry(qtbot, dialog, FLAT2)
    entry.ok_button.click()
    assert dialog.verified.model.rowCount() == 2
    save_item(qtbot, panel, dialog)
    row = items.row_of("real_estate")
    assert row is not None
    assert cells(items, FINDING_COLUMN)[row] == "瞒报"
    assert cells(items, 4)[row] == "未报告房产1套(青山县和平路2号1201室)"
    colour = items.data(items.index(row, FINDING_COLUMN), Qt.ItemDataRole.ForegroundRole)
    assert colour.color().name() == "#c62828"

    # 港澳台通行证: a permit nobody reported → 漏报 (DOMAIN.md §4).
    dialog = open_item(qtbot, panel, "hk_macao_taiwan")
    entry = add_entry(qtbot, dialog, HK_PERMIT, kind="permit")
    entry.ok_button.click()
    save_item(qtbot, panel, dialog)
    row = items.row_of("hk_macao_taiwan")
    assert row is not None
    assert cells(items, FINDING_COLUMN)[row] == "漏报"
    assert "往来港澳通行证 C1234567" in cells(items, 4)[row]
    assert "往来港澳通行证" in cells(items, 2)[row] and cells(items, 1)[row] == "无"

    # 婚姻 as reported → 一致.
    dialog = open_item(qtbot, panel, "marriage")
    dialog.copy_button.click()
    save_item(qtbot, panel, dialog)
    assert [cells(panel.model, c) for c in (3, 4, 5, 6)] == [["1"], ["1"], ["1"], ["11"]]

    with qtbot.waitSignal(panel.checkShown, timeout=WAIT_MS) as shown:
        panel.complete_button.click()
    assert "尚有11项未登记查实情况" in confirmations.asked[-1]
    assert shown.args[0].completed_date == TODAY
    assert cells(panel.model, 2) == ["已完成"] and cells(panel.model, 7) == ["待处理"]
    assert not panel.verify_button.isEnabled() and panel.decide_button.isEnabled()

    with qtbot.waitSignal(panel.dialogOpened, timeout=WAIT_MS) as opened:
        panel.decide_button.click()
    decision = opened.args[0]
    assert isinstance(decision, CheckDecisionDialog)
    qtbot.waitUntil(lambda: decision.measures.count() > 0, timeout=WAIT_MS)
    assert decision.findChild(QLabel, "builtin_consequences") is not None  # 瞒报 found
    decision.save_button.click()  # nothing chosen: said under the list, nothing sent
    assert decision.handling_error.isVisible() and decision.isVisible()
    decision.choose("批评教育", "诫勉")
    decision.form.set_values({"note": "经党委研究决定"})
    with qtbot.waitSignal(panel.checkShown, timeout=WAIT_MS):
        decision.save_button.click()
    handling = "批评教育、诫勉、不得提拔使用、不得列为后备干部人选"
    assert cells(panel.model, 7) == [handling]
    assert f"处理决定:{handling}" in panel.summary.text()

    # The completed check found 瞒报: the official is not promotable now.
    box = clerk_window.check_screens.eligibility
    qtbot.waitUntil(lambda: box.verdict.text() == "不可以", timeout=WAIT_MS)
    assert f"{YEAR}年度个人有关事项报告查核认定瞒报,不得提拔使用" in box.reasons.text()
    assert 'href="check:' in box.reasons.text()

    with unlock_vault(reported.path, "clerk1", reported.password("clerk1")) as fresh:
        [stored] = CheckService(fresh).list(reported.official_ids["张建国"])
    assert stored.decision is not None and stored.decision.note == "经党委研究决定"
    assert {i.code: i.finding.value for i in stored.items} == {
        "marriage": "一致", "hk_macao_taiwan": "漏报", "real_estate": "瞒报",
    }  # fmt: skip


def test_a_bad_entry_is_refused_under_its_field_and_nothing_is_saved(
    qtbot: QtBot, clerk_window: MainWindow, reported: Vault
) -> None:
    panel = show_dossier(qtbot, clerk_window, reported.official_ids["张建国"])
    create_check(qtbot, panel)
    dialog = open_item(qtbot, panel, "real_estate")
    entry = add_entry(qtbot, dialog, {**FLAT2, "area": "-5"})
    entry.ok_button.click()
    error = entry.fields.error_label("area")
    assert error.isVisible() and error.text() == "房产面积:必须为正数(第1条)"
    assert entry.isVisible() and dialog.verified.model.rowCount() == 0
    entry.reject()
    dialog.reject()
    with unlock_vault(reported.path, "clerk1", reported.password("clerk1")) as fresh:
        [stored] = CheckService(fresh).list(reported.official_ids["张建国"])
    assert stored.items == ()


def test_a_year_without_a_submitted_report_is_refused_under_the_year(
    qtbot: QtBot, clerk_window: MainWindow, reported: Vault
) -> None:
    panel = show_dossier(qtbot, clerk_window, reported.official_ids["王伟"])
    with qtbot.waitSignal(panel.dialogOpened, timeout=WAIT_MS) as opened:
        panel.new_button.click()
    dialog = opened.args[0]
    assert isinstance(dialog, CheckNewDialog)
    dialog.save_button.click()
    error = dialog.form.error_label("year")
    qtbot.waitUntil(error.isVisible, timeout=WAIT_MS)
    assert str(YEAR) in error.text() and error.text().endswith("不能查核")
    assert dialog.isVisible() and panel.model.rowCount() == 0


def test_the_vetting_officer_reads_checks_but_changes_nothing(
    qtbot: QtBot,
    worker: VaultWorker,
    unlock_as: Callable[[str], User],
    reported: Vault,
    notices: RecordingNotices,
    confirmations: AnsweringConfirmations,
) -> None:
    with unlock_vault(reported.path, "clerk1", reported.password("clerk1")) as clerk:
        service = CheckService(clerk)
        check = service.new(reported.official_ids["张建国"], YEAR, CheckKind.RANDOM)
        service.record_verified(check.id, "real_estate", [FLAT, FLAT2])
    window = open_window(qtbot, worker, unlock_as, "vetting1", notices, confirmations)
    assert not window.menu_actions.sample_checks.isVisible()
    panel = show_dossier(qtbot, window, reported.official_ids["张建国"])
    qtbot.waitUntil(lambda: panel.item_model.rowCount() == 14, timeout=WAIT_MS)
    assert cells(panel.model, 5) == ["1"]  # one 瞒报, not final while the check is open
    for button in (panel.new_button, panel.verify_button, panel.complete_button):
        assert not button.isVisible()
    assert panel.select_item("real_estate")
    panel.item_table.doubleClicked.emit(panel.item_table.currentIndex())
    assert window.findChild(CheckItemDialog) is None


# ---- eligibility ----------------------------------------------------------------------------


def test_the_eligibility_box_gives_each_reason_with_the_records_it_rests_on(
    qtbot: QtBot, clerk_window: MainWindow, reported: Vault
) -> None:
    show_dossier(qtbot, clerk_window, reported.official_ids["李秀英"])
    box = clerk_window.check_screens.eligibility
    assert box.title() == "能否作为考察对象" and box.isVisible()
    assert box.verdict.text() == "不可以"
    start = TODAY - timedelta(days=30)
    end = add_months(start, 12)
    text = box.reasons.text()
    assert f"处于影响期内(党纪处分:警告,至{end.isoformat()}止)" in text
    assert f"处分/组织处理 {start.isoformat()} 党纪处分 警告 青纪〔2026〕3号" in text
    assert f"{YEAR}年度考核为基本称职" in text
    records = clerk_window.dossier_view.records.model.rows()
    sanction = next(r for r in records if r.type == "sanction")
    assert f'href="record:{sanction.id}"' in text

    box.reasons.linkActivated.emit(f"record:{sanction.id}")  # the user follows the link
    view = clerk_window.dossier_view
    assert view.tabs.currentIndex() == RECORDS_TAB
    current = view.current_record()
    assert current is not None and current.id == sanction.id

    show_dossier(qtbot, clerk_window, reported.official_ids["王伟"])
    assert box.verdict.text() == "可以" and not box.reasons.isVisible()


# ---- 随机抽查 -------------------------------------------------------------------------------


def test_sampling_with_a_fixed_seed_draws_the_same_officials_every_time(
    qtbot: QtBot,
    clerk_window: MainWindow,
    reported: Vault,
    confirmations: AnsweringConfirmations,
) -> None:
    with unlock_vault(reported.path, "clerk1", reported.password("clerk1")) as clerk:
        for name in ("李秀英", "王伟"):
            insert_report(clerk, reported.official_ids[name], YEAR)
        for n in range(101, 111):
            insert_report(clerk, add_official(clerk, n), YEAR)
    with qtbot.waitSignal(clerk_window.check_screens.samplingOpened, timeout=WAIT_MS) as opened:
        clerk_window.menu_actions.sample_checks.trigger()
    dialog = opened.args[0]
    assert isinstance(dialog, SamplingDialog)
    qtbot.waitUntil(dialog.preview_button.isEnabled, timeout=WAIT_MS)
    values = dialog.form.values()
    assert values["percent"] == "10" and values["year"] == str(YEAR)  # the policy's share
    assert len(str(values["seed"])) == 12
    dialog.form.set_values({"seed": "青山2026", "percent": "25"})

    def preview() -> SampleOutcome:
        with qtbot.waitSignal(dialog.sampled, timeout=WAIT_MS) as sampled:
            dialog.preview_button.click()
        outcome = sampled.args[0]
        assert isinstance(outcome, SampleOutcome) and outcome.result.dry_run
        return outcome

    first, second = preview(), preview()
    assert len(first.result.population) == 13 and len(first.result.drawn) == 4  # ⌈13 × 25%⌉
    assert first.result.drawn == second.result.drawn
    names = [o.name for o in first.officials]
    assert cells(dialog.model, 0) == names and len(set(names)) == 4
    assert "此为预览,尚未建立查核" in dialog.result_label.text()

    with qtbot.waitSignal(dialog.drawn, timeout=WAIT_MS) as drawn:
        dialog.draw_button.click()
    result = drawn.args[0]
    assert result.drawn == first.result.drawn and len(result.check_ids) == 4
    assert "已建立4项随机抽查" in dialog.result_label.text()
    assert not dialog.draw_button.isEnabled() and dialog.preview_button.isEnabled()
    assert "每个年度只能正式抽取一次" in confirmations.asked[-1]
    with unlock_vault(reported.path, "clerk1", reported.password("clerk1")) as fresh:
        checks = CheckService(fresh).list(year=YEAR)
    assert sorted(c.official_id for c in checks) == sorted(result.drawn)
    assert {(c.kind, c.sample_seed) for c in checks} == {(CheckKind.RANDOM, "青山2026")}


def test_a_bad_share_is_shown_under_its_field_and_nothing_is_drawn(
    qtbot: QtBot, clerk_window: MainWindow, reported: Vault
) -> None:
    dialog = clerk_window.check_screens.open_sampling()
    qtbot.waitUntil(dialog.preview_button.isEnabled, timeout=WAIT_MS)
    dialog.form.set_values({"percent": "0"})
    dialog.draw_button.click()
    error = dialog.form.error_label("percent")
    qtbot.waitUntil(error.isVisible, timeout=WAIT_MS)
    assert error.text() == "应在1到100之间"
    with unlock_vault(reported.path, "clerk1", reported.password("clerk1")) as fresh:
        assert CheckService(fresh).list(year=YEAR) == []

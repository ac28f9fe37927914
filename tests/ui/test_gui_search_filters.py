"""The 筛选 rows of the official list: every filter, combined with text and sort, and the keys.

A real vault (SQLCipher, through the real services) with four officials who differ in
category, rank, flags and unit; 张三 has an open clue (王五's is closed), 赵爽 a sanction
in its influence period (李四's is over), and for last year only 张三 submitted an annual
report (李四's is a draft). The vault's clock is the real one, so the dates here are
relative to today. 张三 (zhang san) and 赵爽 (zhao shuang) share the initials "zs".
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from crypto.kdf import FAST_COST
from records.model import User
from records.roles import Role
from records.services.annual_reports import AnnualReportService
from records.services.dossier_records import RecordService
from records.services.officials import OfficialService
from records.services.users import UserService
from records.vault import create_vault, unlock_vault
from tests.ui.conftest import PASSWORDS, WAIT_MS, Vault, id_number
from ui.main_window import MainWindow
from ui.official_search_panel import OfficialSearchPanel
from ui.vault_worker import VaultWorker

TODAY = date.today()
REPORT_YEAR = TODAY.year - 1
EVERYONE = ["李四", "王五", "张三", "赵爽"]  # pinyin order: li, wang, zhang, zhao

PEOPLE: tuple[dict[str, object], ...] = (
    {
        "name": "张三",
        "id_number": id_number("110101", "19700101", "011"),
        "unit": "青山县财政局",
        "position": "局长",
        "rank": "正科级",
        "category": "1",
        "is_leading": True,
    },
    {
        "name": "赵爽",
        "id_number": id_number("110102", "19800202", "022"),
        "unit": "青山县国资公司",
        "position": "总经理",
        "rank": "副科级",
        "category": "3",
        "is_reserve": True,
    },
    {
        "name": "李四",
        "id_number": id_number("310104", "19750303", "033"),
        "unit": "白水县教育局",
        "position": "局长",
        "rank": "正科级",
        "category": "1",
        "is_leading": True,
        "is_top_leader": True,
    },
    {
        "name": "王五",
        "id_number": id_number("310105", "19850404", "044"),
        "unit": "白水县人民医院",
        "position": "副院长",
        "rank": "一级主任科员",
        "category": "4",
        "is_dual_role": True,
    },
)


def _fill_report(reports: AnnualReportService, report_id: int) -> None:
    """Answer every item: the two that cannot be 无 get an entry, the rest 无此情况."""
    reports.set_item(report_id, "marriage", [{"status": "已婚", "spouse_name": "林静"}])
    reports.set_item(report_id, "salary", [{"amount": "186000"}])
    for answer in reports.get(report_id).items:
        if not answer.answered:
            reports.set_item(report_id, answer.code, [], nothing_to_report=True)


@pytest.fixture
def vault(tmp_path: Path) -> Vault:
    """Replaces the conftest vault (``unlock_as`` opens this one)."""
    path = tmp_path / "vault"
    with create_vault(path, "admin", PASSWORDS["admin"], kdf_cost=FAST_COST) as session:
        UserService(session).add("clerk1", Role.CLERK, PASSWORDS["clerk1"])
    with unlock_vault(path, "clerk1", PASSWORDS["clerk1"]) as session:
        ids = {str(p["name"]): OfficialService(session).add(p).id for p in PEOPLE}
        records = RecordService(session)
        for name, status in (("张三", "待处置"), ("王五", "已了结")):
            clue = {"summary": "反映问题", "custodian": "clerk1", "status": status}
            records.add(ids[name], "clue", TODAY - timedelta(days=10), clue)
        sanction = {"system": "党纪处分", "kind": "警告", "decision_number": "青纪〔1〕1号"}
        # 党纪警告: 12 months. 赵爽's began a month ago, 李四's ended a year ago.
        records.add(ids["赵爽"], "sanction", TODAY - timedelta(days=30), sanction)
        records.add(ids["李四"], "sanction", TODAY - timedelta(days=2 * 366), sanction)
        reports = AnnualReportService(session)
        submitted = reports.start(ids["张三"], REPORT_YEAR)
        _fill_report(reports, submitted.id)
        reports.submit(submitted.id, TODAY)
        reports.start(ids["李四"], REPORT_YEAR)  # a draft is not a report
    return Vault(path, ids)


@pytest.fixture
def panel(
    qtbot: QtBot, worker: VaultWorker, unlock_as: Callable[[str], User]
) -> OfficialSearchPanel:
    unlock_as("clerk1")
    search = OfficialSearchPanel(worker)
    qtbot.addWidget(search)
    search.resize(520, 600)
    search.show()
    search.refresh()
    qtbot.waitUntil(lambda: _names(search) == EVERYONE, timeout=WAIT_MS)
    return search


def _names(panel: OfficialSearchPanel) -> list[str]:
    return [panel.model.official_at(row).name for row in range(panel.model.rowCount())]


def _shows(qtbot: QtBot, panel: OfficialSearchPanel, expected: list[str]) -> None:
    """Wait until the list is ``expected`` (in this order) and no search is pending."""
    qtbot.waitUntil(lambda: not panel.is_searching(), timeout=WAIT_MS)
    assert _names(panel) == expected


def _choose_category(panel: OfficialSearchPanel, category: int | None) -> None:
    combo = panel.filter_bar.category_combo
    combo.setCurrentIndex(combo.findData(category))


def test_every_filter_narrows_the_list(qtbot: QtBot, panel: OfficialSearchPanel) -> None:
    bar = panel.filter_bar
    assert bar.category_combo.count() == 7  # 全部 + the six of 监察法 Art. 15
    assert bar.category_combo.itemData(3, Qt.ItemDataRole.ToolTipRole) == "国有企业管理人员"

    for category, expected in ((1, ["李四", "张三"]), (3, ["赵爽"]), (4, ["王五"]), (2, [])):
        _choose_category(panel, category)
        _shows(qtbot, panel, expected)
    _choose_category(panel, None)
    _shows(qtbot, panel, EVERYONE)

    bar.rank_edit.setText("正科级")
    _shows(qtbot, panel, ["李四", "张三"])
    bar.rank_edit.setText("正科")  # a rank is matched whole, not as a prefix
    _shows(qtbot, panel, [])
    bar.rank_edit.setText("")
    _shows(qtbot, panel, EVERYONE)

    for flag, expected in (
        ("is_leading", ["李四", "张三"]),
        ("is_reserve", ["赵爽"]),
        ("is_top_leader", ["李四"]),
        ("is_dual_role", ["王五"]),
    ):
        bar.flag_boxes[flag].setChecked(True)
        _shows(qtbot, panel, expected)
        bar.flag_boxes[flag].setChecked(False)
        _shows(qtbot, panel, EVERYONE)
    assert [box.text() for box in bar.flag_boxes.values()] == [
        "领导干部", "后备干部", "一把手", "一肩挑",
    ]  # fmt: skip

    bar.unit_edit.setText("青山县")  # a unit and everything under it
    _shows(qtbot, panel, ["张三", "赵爽"])
    bar.unit_edit.setText("白水县教育")
    _shows(qtbot, panel, ["李四"])
    bar.unit_edit.setText("")
    _shows(qtbot, panel, EVERYONE)

    bar.open_clue_box.setChecked(True)  # 王五's clue is 已了结
    _shows(qtbot, panel, ["张三"])
    bar.open_clue_box.setChecked(False)
    bar.influence_box.setChecked(True)  # 李四's period is over
    _shows(qtbot, panel, ["赵爽"])
    bar.influence_box.setChecked(False)
    _shows(qtbot, panel, EVERYONE)

    bar.report_year_spin.setValue(REPORT_YEAR)
    bar.report_missing_box.setChecked(True)  # 李四's draft does not count
    _shows(qtbot, panel, ["李四", "王五", "赵爽"])
    assert panel.count_label.text() == "符合 1 项筛选条件的共 3 人"
    bar.report_year_spin.setValue(REPORT_YEAR - 1)  # nobody reported that year
    _shows(qtbot, panel, EVERYONE)


def test_filters_combine_with_each_other_and_with_text(
    qtbot: QtBot, panel: OfficialSearchPanel
) -> None:
    bar = panel.filter_bar
    qtbot.keyClicks(panel.search_edit, "zs")  # initials, ASCII
    _shows(qtbot, panel, ["张三", "赵爽"])
    _choose_category(panel, 1)
    _shows(qtbot, panel, ["张三"])
    _choose_category(panel, None)
    bar.influence_box.setChecked(True)
    _shows(qtbot, panel, ["赵爽"])
    bar.influence_box.setChecked(False)
    panel.search_edit.setText("zhangsan")  # full pinyin
    _shows(qtbot, panel, ["张三"])
    bar.open_clue_box.setChecked(True)
    _shows(qtbot, panel, ["张三"])
    panel.search_edit.setText("局长")  # position, Chinese through setText
    _shows(qtbot, panel, ["张三"])
    bar.open_clue_box.setChecked(False)
    _shows(qtbot, panel, ["李四", "张三"])
    panel.search_edit.setText("3101")  # ID prefix
    bar.flag_boxes["is_leading"].setChecked(True)
    bar.rank_edit.setText("正科级")
    _shows(qtbot, panel, ["李四"])
    bar.flag_boxes["is_dual_role"].setChecked(True)  # both flags: nobody has both
    _shows(qtbot, panel, [])
    assert panel.count_label.text() == "符合 3 项筛选条件的共 0 人"
    assert panel.filter_toggle.text() == "筛选(3)"


def test_clearing_restores_the_list_and_keeps_the_text(
    qtbot: QtBot, panel: OfficialSearchPanel
) -> None:
    bar = panel.filter_bar
    assert not bar.clear_button.isEnabled()  # nothing to clear yet
    panel.search_edit.setText("zs")
    _choose_category(panel, 3)
    bar.unit_edit.setText("青山县")
    bar.report_missing_box.setChecked(True)
    _shows(qtbot, panel, ["赵爽"])
    assert bar.clear_button.isEnabled()
    qtbot.mouseClick(bar.clear_button, Qt.MouseButton.LeftButton)
    _shows(qtbot, panel, ["张三", "赵爽"])  # the text still applies
    assert (bar.category_combo.currentIndex(), bar.unit_edit.text()) == (0, "")
    assert not bar.report_missing_box.isChecked() and not bar.clear_button.isEnabled()
    assert panel.count_label.text() == "共 2 人"
    assert panel.filter_toggle.text() == "筛选"

    bar.open_clue_box.setChecked(True)
    _shows(qtbot, panel, ["张三"])
    panel.clear()  # what locking does: text, filters and list all go, no search runs
    assert _names(panel) == [] and bar.active_count() == 0 and not bar.open_clue_box.isChecked()
    assert not panel.is_searching()
    panel.refresh()
    _shows(qtbot, panel, EVERYONE)


def test_sorting_survives_a_filter_change(qtbot: QtBot, panel: OfficialSearchPanel) -> None:
    panel.sort_by(3, Qt.SortOrder.DescendingOrder)  # 工作单位, 青… > 白…
    _shows(qtbot, panel, ["张三", "赵爽", "李四", "王五"])
    panel.filter_bar.report_missing_box.setChecked(True)
    panel.filter_bar.report_year_spin.setValue(REPORT_YEAR)
    _shows(qtbot, panel, ["赵爽", "李四", "王五"])
    header = panel.table.horizontalHeader()
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (
        3,
        Qt.SortOrder.DescendingOrder,
    )
    panel.sort_by(0, Qt.SortOrder.AscendingOrder)  # and the filter survives a sort
    _shows(qtbot, panel, ["李四", "王五", "赵爽"])


def test_collapsing_hides_the_rows_but_keeps_the_filters(
    qtbot: QtBot, panel: OfficialSearchPanel
) -> None:
    panel.filter_bar.flag_boxes["is_leading"].setChecked(True)
    _shows(qtbot, panel, ["李四", "张三"])
    qtbot.mouseClick(panel.filter_toggle, Qt.MouseButton.LeftButton)
    assert not panel.filter_bar.isVisible()
    assert panel.filter_toggle.text() == "筛选(1)"
    panel.refresh()
    _shows(qtbot, panel, ["李四", "张三"])
    qtbot.mouseClick(panel.filter_toggle, Qt.MouseButton.LeftButton)
    assert panel.filter_bar.isVisible()


def test_ranks_seen_in_the_list_are_offered_as_completions(panel: OfficialSearchPanel) -> None:
    model = panel.filter_bar.rank_edit.completer().model()
    ranks = [model.index(row, 0).data() for row in range(model.rowCount())]
    assert sorted(ranks) == sorted({"正科级", "副科级", "一级主任科员"})
    panel.clear()
    assert panel.filter_bar.rank_edit.completer().model().rowCount() == 0


def _focus(qtbot: QtBot, widget: QWidget) -> None:
    widget.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is widget)


def test_escape_clears_the_search_box_and_tab_goes_search_filters_list(
    qtbot: QtBot, panel: OfficialSearchPanel
) -> None:
    panel.activateWindow()
    qtbot.waitUntil(panel.isActiveWindow)
    _focus(qtbot, panel.search_edit)
    qtbot.keyClicks(panel.search_edit, "zs")
    _shows(qtbot, panel, ["张三", "赵爽"])
    qtbot.keyClick(panel.search_edit, Qt.Key.Key_Escape)
    assert panel.search_edit.text() == ""
    _shows(qtbot, panel, EVERYONE)

    panel.filter_bar.influence_box.setChecked(True)  # so 清除筛选 is enabled and visited
    _shows(qtbot, panel, ["赵爽"])
    _focus(qtbot, panel.search_edit)
    bar = panel.filter_bar
    expected = [panel.filter_toggle, *bar.tab_order(), panel.table]
    visited = []
    for _ in expected:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        visited.append(QApplication.focusWidget())
    assert visited == expected


def test_ctrl_f_in_the_main_window_focuses_the_search_box(
    qtbot: QtBot, worker: VaultWorker, unlock_as: Callable[[str], User]
) -> None:
    window = MainWindow(worker, unlock_as("clerk1"))
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.waitUntil(lambda: _names(window.search) == EVERYONE, timeout=WAIT_MS)
    window.search.table.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.search.table)
    qtbot.keyClick(window.search.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.search.search_edit)

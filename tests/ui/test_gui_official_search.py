"""The search panel: pinyin typed as you go, and sorting by clicking a column header."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot

from records.model import User
from ui.official_search_panel import OfficialSearchPanel
from ui.vault_worker import VaultWorker


def _names(panel: OfficialSearchPanel) -> list[str]:
    return [panel.model.official_at(row).name for row in range(panel.model.rowCount())]


def _click_header(qtbot: QtBot, panel: OfficialSearchPanel, column: int) -> None:
    header = panel.table.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))


def test_pinyin_search_and_header_sorting(
    qtbot: QtBot, worker: VaultWorker, unlock_as: Callable[[str], User]
) -> None:
    unlock_as("clerk1")
    panel = OfficialSearchPanel(worker)
    qtbot.addWidget(panel)
    panel.show()
    panel.refresh()
    # Names sort in pinyin order: li, wang, zhang.
    qtbot.waitUntil(lambda: _names(panel) == ["李秀英", "王伟", "张建国"])

    _click_header(qtbot, panel, 3)  # 工作单位: 人民医院 < 教育局 < 财政局 (code points)
    qtbot.waitUntil(lambda: _names(panel) == ["王伟", "李秀英", "张建国"])
    _click_header(qtbot, panel, 3)  # again: descending
    qtbot.waitUntil(lambda: _names(panel) == ["张建国", "李秀英", "王伟"])
    _click_header(qtbot, panel, 1)  # 性别 cannot be sorted by the service: nothing changes
    header = panel.table.horizontalHeader()
    assert header.sortIndicatorSection() == 3
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder

    panel.sort_by(0, Qt.SortOrder.AscendingOrder)
    qtbot.keyClicks(panel.search_edit, "zjg")  # initials, ASCII
    qtbot.waitUntil(lambda: _names(panel) == ["张建国"])
    panel.search_edit.setText("wangw")  # full pinyin prefix
    qtbot.waitUntil(lambda: _names(panel) == ["王伟"])

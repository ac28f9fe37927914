"""The table models pass Qt's model tester and show the expected text."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from records.model import Official
from ui.official_list_model import OfficialListModel


def _official(official_id: int, name: str, unit: str = "青山县财政局") -> Official:
    return Official(
        id=official_id,
        name=name,
        id_number="110101196803121135",
        gender="男",
        birth_date=date(1968, 3, 12),
        unit=unit,
        position="局长",
        rank="一级调研员",
    )


def test_official_list_model_passes_the_model_tester(qtmodeltester) -> None:
    model = OfficialListModel()
    qtmodeltester.check(model)
    model.set_officials([_official(1, "张建国"), _official(2, "李秀英", unit="")])
    qtmodeltester.check(model)
    model.clear()
    qtmodeltester.check(model)


def test_official_list_model_columns_and_cells() -> None:
    model = OfficialListModel()
    model.set_officials([_official(1, "张建国"), _official(7, "李秀英", unit="")])
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers == ["姓名", "性别", "出生日期", "工作单位", "职务", "职级"]
    row = [model.data(model.index(0, c)) for c in range(model.columnCount())]
    assert row == ["张建国", "男", "1968-03-12", "青山县财政局", "局长", "一级调研员"]
    assert model.data(model.index(1, 3)) == "—"  # blank unit shows a dash, not nothing
    assert model.row_of(7) == 1
    assert model.official_at(1).name == "李秀英"

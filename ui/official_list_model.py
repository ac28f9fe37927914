"""The official list: one row per :class:`records.model.Official` from a search."""

from __future__ import annotations

from PySide6.QtCore import QObject

from records.model import Official
from ui.display_text import EMPTY, date_text
from ui.i18n import tr
from ui.row_table_model import Column, RowTableModel


def _or_empty(text: str) -> str:
    return text or EMPTY


class OfficialListModel(RowTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            [
                Column(tr("姓名"), lambda o: o.name),
                Column(tr("性别"), lambda o: _or_empty(o.gender)),
                Column(tr("出生日期"), lambda o: date_text(o.birth_date)),
                Column(tr("工作单位"), lambda o: _or_empty(o.unit)),
                Column(tr("职务"), lambda o: _or_empty(o.position)),
                Column(tr("职级"), lambda o: _or_empty(o.rank)),
            ],
            parent,
        )

    def set_officials(self, officials: list[Official]) -> None:
        self.set_rows(officials)

    def official_at(self, row: int) -> Official:
        official = self.row_at(row)
        assert isinstance(official, Official)
        return official

    def row_of(self, official_id: int) -> int | None:
        for row, official in enumerate(self.rows()):
            if official.id == official_id:
                return row
        return None

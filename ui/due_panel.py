"""The home page of the main window (no dossier selected): what is overdue, what falls due.

Two tables — 已逾期 and N日内到期 — and the counts by unit, from
:class:`records.services.deadlines.DeadlineService` on the vault worker. Double-clicking a
row asks the window to open that official's dossier (:attr:`DuePanel.officialActivated`).
:meth:`DuePanel.clear` blanks everything, which locking relies on.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from records.deadlines import DEFAULT_HORIZON_DAYS, DueItem, UnitCount, counts_by_unit
from records.model import User
from records.roles import Action, may
from records.services.deadlines import DeadlineService
from ui.display_text import date_text
from ui.dossier_view import make_table
from ui.error_messages import UserError, message_for
from ui.i18n import tr
from ui.row_table_model import Column, RowTableModel
from ui.vault_worker import VaultWorker

HINT_ZH = "请在左侧选择一名人员查看档案"


def _item_columns() -> list[Column]:
    return [
        Column(tr("日期"), lambda i: date_text(i.due_date)),
        Column(tr("姓名"), lambda i: i.official_name),
        Column(tr("单位"), lambda i: i.unit),
        Column(tr("事项"), lambda i: i.kind.label_zh),
        Column(tr("说明"), lambda i: i.detail),
    ]


class DuePanel(QWidget):
    #: The user double-clicked a row: open this official's dossier.
    officialActivated = Signal(int)
    #: A deadline list is on screen (its number of items); tests wait on it.
    refreshed = Signal(int)

    def __init__(
        self,
        worker: VaultWorker,
        user: User,
        parent: QWidget | None = None,
        *,
        horizon_days: int = DEFAULT_HORIZON_DAYS,
    ) -> None:
        super().__init__(parent)
        self._worker = worker
        self._sequence = 0
        self.horizon_days = horizon_days
        #: "As of" this day instead of the vault's clock (a seam for tests; ``None`` = today).
        self.today: date | None = None
        self.allowed = may(user.roles, Action.DUE_LIST)

        hint = QLabel(tr(HINT_ZH), self)
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        hint.setStyleSheet("color: #888; font-size: 15px;")
        self.title = QLabel(self)
        self.title.setStyleSheet("font-size: 16px; font-weight: bold;")
        self.refresh_button = QPushButton(tr("刷新"), self)
        self.refresh_button.clicked.connect(self.refresh)
        header = QHBoxLayout()
        header.addWidget(self.title, 1)
        header.addWidget(self.refresh_button)

        self.overdue_model = RowTableModel(_item_columns(), self)
        self.upcoming_model = RowTableModel(_item_columns(), self)
        self.unit_model = RowTableModel(
            [
                Column(tr("单位"), lambda c: c.unit),
                Column(tr("已逾期"), lambda c: str(c.overdue)),
                Column(tr("即将到期"), lambda c: str(c.upcoming)),
            ],
            self,
        )
        sections = QSplitter(Qt.Orientation.Vertical, self)
        self.overdue_box, self.overdue_table = self._box(sections, self.overdue_model)
        self.upcoming_box, self.upcoming_table = self._box(sections, self.upcoming_model)
        self.unit_box, self.unit_table = self._box(sections, self.unit_model, stretch=0)

        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        self.status = QLabel(self)
        self.status.setStyleSheet("color: #a00;")
        if self.allowed:
            layout.addLayout(header)
            layout.addWidget(self.status)
            layout.addWidget(sections, 1)
        else:  # a role without the deadline list sees the hint only
            for widget in (self.title, self.refresh_button, self.status, sections):
                widget.hide()
            layout.addStretch(1)
        self.clear()

    def _box(
        self, parent: QSplitter, model: RowTableModel, *, stretch: int | None = 4
    ) -> tuple[QGroupBox, QTableView]:
        box = QGroupBox(parent)
        table = make_table(box, model, stretch_column=stretch)
        table.doubleClicked.connect(lambda index: self._activated(model, index))
        QVBoxLayout(box).addWidget(table)
        parent.addWidget(box)
        return box, table

    # ---- content -----------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the deadline list again (dropped if a newer refresh or a lock overtakes it)."""
        if not self.allowed:
            return
        self._sequence += 1
        sequence, today, days = self._sequence, self.today, self.horizon_days
        self.status.setText(tr("正在读取到期事项…"))
        self._worker.submit(
            lambda session: DeadlineService(session).due(today, horizon_days=days),
            lambda items: self._show(sequence, items),
            lambda error: self._failed(sequence, error),
        )

    def clear(self) -> None:
        """Forget every item: names and what they owe are dossier content."""
        self._sequence += 1
        for model in (self.overdue_model, self.upcoming_model, self.unit_model):
            model.clear()
        self.title.setText(tr("到期提醒"))
        self.status.clear()
        self._set_counts(0, 0)

    def _show(self, sequence: int, items: list[DueItem]) -> None:
        if sequence != self._sequence:
            return
        overdue = [i for i in items if i.overdue]
        upcoming = [i for i in items if not i.overdue]
        self.overdue_model.set_rows(overdue)
        self.upcoming_model.set_rows(upcoming)
        units: list[UnitCount] = counts_by_unit(items)
        self.unit_model.set_rows(units)
        as_of = date_text(self.today) if self.today is not None else tr("今天")
        self.title.setText(tr("到期提醒(截至{day})").format(day=as_of))
        self.status.clear()
        self._set_counts(len(overdue), len(upcoming))
        self.refreshed.emit(len(items))

    def _failed(self, sequence: int, error: UserError) -> None:
        if sequence == self._sequence:
            self.status.setText(message_for(error))

    def _set_counts(self, overdue: int, upcoming: int) -> None:
        self.overdue_box.setTitle(tr("已逾期({n})").format(n=overdue))
        self.upcoming_box.setTitle(
            tr("{days}日内到期({n})").format(days=self.horizon_days, n=upcoming)
        )
        self.unit_box.setTitle(tr("按单位统计"))

    def _activated(self, model: RowTableModel, index: QModelIndex) -> None:
        if model is self.unit_model or not index.isValid():
            return
        item: DueItem = model.row_at(index.row())
        self.officialActivated.emit(item.official_id)

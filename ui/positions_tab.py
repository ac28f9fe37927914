"""The 任职经历 tab of a dossier: position history with dates, earliest first."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from records.services.positions import Position, PositionService
from ui.display_text import date_text
from ui.error_messages import UserError, message_for
from ui.i18n import tr
from ui.row_table_model import Column, RowTableModel
from ui.vault_worker import VaultWorker

COLUMNS = (
    Column("任职单位", lambda p: p.unit),
    Column("职务", lambda p: p.position),
    Column("职级", lambda p: p.rank),
    Column("任职时间", lambda p: date_text(p.start_date)),
    Column("免职时间", lambda p: tr("至今") if p.end_date is None else date_text(p.end_date)),
    Column("备注", lambda p: p.note),
)


class PositionsTab(QWidget):
    #: The positions on screen changed (tests wait on it).
    loaded = Signal(object)
    #: A short report for the window's status bar.
    message = Signal(str)

    def __init__(self, worker: VaultWorker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._worker = worker
        self._sequence = 0
        from ui.dossier_view import make_table  # the shared table look (avoids an import cycle)

        self.model = RowTableModel([Column(tr(c.title), c.text) for c in COLUMNS], self)
        self.table = make_table(self, self.model, stretch_column=5)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)

    def show_official(self, official_id: int) -> None:
        self._sequence += 1
        sequence = self._sequence
        self._worker.submit(
            lambda session: PositionService(session).list(official_id),
            lambda rows: self._loaded(sequence, rows),
            lambda error: self._failed(sequence, error),
        )

    def clear(self) -> None:
        self._sequence += 1
        self.model.clear()

    def _loaded(self, sequence: int, rows: list[Position]) -> None:
        if sequence == self._sequence:
            self.model.set_rows(rows)
            self.loaded.emit(rows)

    def _failed(self, sequence: int, error: UserError) -> None:
        if sequence == self._sequence:
            self.model.clear()
            self.message.emit(message_for(error))

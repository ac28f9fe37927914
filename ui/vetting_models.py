"""The vetting screen's tables: thin models over the immutable rows the service returns.

Requests (:class:`VettingRequest`), one request's candidates (:class:`CandidateView`), a
candidate's reasons (:class:`Reason`) and 凡提四必 checklist (:class:`ChecklistItem`). Like
every table of the GUI they are replaced wholesale after each service call; the only thing
added to :class:`RowTableModel` is colour for what needs the officer's attention.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QBrush, QColor

from records.vetting_checklist import ChecklistItem
from records.vetting_model import CandidateView, VettingRequest
from ui.display_text import EMPTY, date_text, one_line
from ui.i18n import tr
from ui.row_table_model import AnyIndex, Column, RowTableModel
from ui.vetting_text import (
    category_text,
    citations,
    decided_category_text,
    decision_text,
    done_text,
    file_review_text,
    purpose_text,
    stale_text,
    state_text,
)

WARNING_COLOR = "#c62828"
#: Column of :class:`RequestListModel` holding the state (tests and the window read it).
REQUEST_STATE_COLUMN = 1
DONE_COLOR = "#2e7d32"

#: Columns of :class:`CandidateTableModel`: the reasons (cut to one line, whole in the
#: tool tip) and 方式 (red while undecided).
REASONS_COLUMN = 3
DECISION_COLUMN = 5


class RequestListModel(RowTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            [
                # The state and the count first: the list pane is narrow, and they are what
                # the officer scans for.
                Column(tr("来函文号"), lambda r: r.number),
                Column(tr("状态"), lambda r: state_text(r.state)),
                Column(tr("人选数"), lambda r: str(len(r.candidate_ids))),
                Column(tr("来函单位"), lambda r: r.requesting_unit),
                Column(tr("来函日期"), lambda r: date_text(r.letter_date)),
                Column(tr("事由"), lambda r: purpose_text(r.purpose)),
                Column(tr("回复期限"), lambda r: date_text(r.due_date)),
            ],
            parent,
        )

    def request_at(self, row: int) -> VettingRequest:
        request = self.row_at(row)
        assert isinstance(request, VettingRequest)
        return request

    def row_of(self, request_id: int) -> int | None:
        return next((i for i, r in enumerate(self.rows()) if r.id == request_id), None)


class CandidateTableModel(RowTableModel):
    """One row per candidate: the proposal, the decision, and a red marker when stale."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            [
                Column(tr("姓名"), lambda v: v.official.name),
                Column(tr("工作单位及职务"), _unit_and_position),
                Column(tr("系统建议"), lambda v: category_text(v.proposal.category)),
                Column(tr("建议理由"), lambda v: one_line(v.proposal.text_zh, 80)),
                Column(tr("确定意见"), decided_category_text),
                Column(tr("方式"), lambda v: decision_text(v.decision)),
                Column(tr("干部档案"), file_review_text),
                Column(tr("提示"), stale_text),
            ],
            parent,
        )

    def candidate_at(self, row: int) -> CandidateView:
        view = self.row_at(row)
        assert isinstance(view, CandidateView)
        return view

    def row_of(self, official_id: int) -> int | None:
        return next((i for i, v in enumerate(self.rows()) if v.official.id == official_id), None)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and _valid(self, index):
            view = self.candidate_at(index.row())
            if view.stale or (view.decision is None and index.column() == DECISION_COLUMN):
                return QBrush(QColor(WARNING_COLOR))
            return None
        tooltip = role == Qt.ItemDataRole.ToolTipRole
        if tooltip and _valid(self, index) and index.column() == REASONS_COLUMN:
            return self.candidate_at(index.row()).proposal.text_zh
        return super().data(index, role)


class ReasonTableModel(RowTableModel):
    """A proposal's reasons, most severe first, with the records they cite."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            [
                Column(tr("类别"), lambda r: tr("第{n}类").format(n=int(r.category))),
                Column(tr("理由"), lambda r: r.text_zh),
                Column(tr("依据"), lambda r: citations(r.record_ids, r.check_ids)),
            ],
            parent,
        )


class ChecklistModel(RowTableModel):
    """The four items of 凡提四必, green when done, red when not."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            [
                Column(tr("事项"), lambda i: tr(i.label_zh)),
                Column(tr("情况"), lambda i: done_text(i.done)),
                Column(tr("依据"), lambda i: i.evidence_zh),
            ],
            parent,
        )

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and _valid(self, index):
            if index.column() != 1:
                return None
            item = self.row_at(index.row())
            assert isinstance(item, ChecklistItem)
            return QBrush(QColor(DONE_COLOR if item.done else WARNING_COLOR))
        return super().data(index, role)


def _unit_and_position(view: CandidateView) -> str:
    parts = [p for p in (view.official.unit, view.official.position) if p]
    return " ".join(parts) if parts else EMPTY


def _valid(model: RowTableModel, index: AnyIndex) -> bool:
    return index.isValid() and index.row() < model.rowCount()

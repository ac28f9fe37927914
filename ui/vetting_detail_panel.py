"""One request on screen: its letter and state, its candidates, and for the candidate
selected, the reasons of the proposal and the 凡提四必 checklist with their evidence.

Read-only: the actions belong to the window. The panel shows a
:class:`records.vetting_model.RequestDetail` as the service returned it and keeps the
selected candidate across a reload, so the officer stays where they were after a decision.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, Qt, Signal
from PySide6.QtWidgets import QGroupBox, QHeaderView, QLabel, QSplitter, QVBoxLayout, QWidget

from records.vetting_model import CandidateView, RequestDetail
from records.vetting_terms import RequestState
from ui.display_text import date_text
from ui.dossier_view import make_table
from ui.field_form import ERROR_STYLE
from ui.i18n import tr
from ui.vetting_models import CandidateTableModel, ChecklistModel, ReasonTableModel
from ui.vetting_text import category_text, request_heading, state_hint, state_text

_STATE_STYLE = {
    RequestState.DRAFT: "color: #6d4c00; background: #fff3cd;",
    RequestState.REVIEWING: "color: #0d47a1; background: #e3f2fd;",
    RequestState.REPLIED: "color: #1b5e20; background: #e8f5e9;",
}


#: Width of the long-text columns of the candidate table (pixels).
_ELIDED_WIDTH = 140

class VettingDetailPanel(QWidget):
    #: The selected candidate (``None`` when none is selected).
    candidateSelected = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._detail: RequestDetail | None = None
        self._restoring = False

        self.heading = QLabel(self)
        self.heading.setObjectName("vetting_heading")
        self.heading.setStyleSheet("font-size: 15px; font-weight: bold;")
        self.heading.setWordWrap(True)
        self.state_label = QLabel(self)
        self.state_label.setObjectName("vetting_state")
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #555;")

        self.candidate_model = CandidateTableModel(self)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        candidates_box = QGroupBox(tr("人选"), splitter)
        self.candidate_table = make_table(candidates_box, self.candidate_model, stretch_column=3)
        self.candidate_table.setObjectName("vetting_candidates")
        # Category labels run to 30 characters, units and posts to 40: fixed widths, elided,
        # whole in the tooltip, so the reasons column keeps room in a window of 1280 pixels.
        header = self.candidate_table.horizontalHeader()
        for column in (1, 2, 4):  # 工作单位及职务, 系统建议, 确定意见
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, _ELIDED_WIDTH)
        self.candidate_table.selectionModel().selectionChanged.connect(self._selection_changed)
        QVBoxLayout(candidates_box).addWidget(self.candidate_table)

        lower = QSplitter(Qt.Orientation.Horizontal, splitter)
        self.reasons_box = QGroupBox(tr("建议理由"), lower)
        self.reason_model = ReasonTableModel(self)
        self.reason_table = make_table(self.reasons_box, self.reason_model, stretch_column=1)
        self.reason_table.setWordWrap(True)
        self.decision_label = QLabel(self.reasons_box)
        self.decision_label.setObjectName("vetting_decision")
        self.decision_label.setWordWrap(True)
        self.decision_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        reasons_layout = QVBoxLayout(self.reasons_box)
        reasons_layout.addWidget(self.reason_table, 1)
        reasons_layout.addWidget(self.decision_label)
        self.checklist_box = QGroupBox(tr("凡提四必"), lower)
        self.checklist_model = ChecklistModel(self)
        self.checklist_table = make_table(
            self.checklist_box, self.checklist_model, stretch_column=2
        )
        self.checklist_table.setObjectName("vetting_checklist")
        self.checklist_table.setWordWrap(True)
        QVBoxLayout(self.checklist_box).addWidget(self.checklist_table)
        lower.addWidget(self.reasons_box)
        lower.addWidget(self.checklist_box)
        splitter.addWidget(candidates_box)
        splitter.addWidget(lower)
        # A letter names a handful of candidates: the reasons and the checklist need the room.
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.state_label)
        layout.addWidget(self.hint)
        layout.addWidget(splitter, 1)
        self.clear()

    # ---- content -------------------------------------------------------------------------

    def detail(self) -> RequestDetail | None:
        return self._detail

    def current_candidate(self) -> CandidateView | None:
        rows = self.candidate_table.selectionModel().selectedRows()
        return self.candidate_model.candidate_at(rows[0].row()) if rows else None

    def select_candidate(self, official_id: int) -> None:
        row = self.candidate_model.row_of(official_id)
        if row is not None:
            self.candidate_table.selectRow(row)

    def show_detail(self, detail: RequestDetail) -> None:
        """Show ``detail``; the candidate selected before stays selected (else the first)."""
        previous = self.current_candidate()
        keep = previous.official.id if previous is not None else None
        same_request = self._detail is not None and self._detail.request.id == detail.request.id
        self._detail = detail
        request = detail.request
        self.heading.setText(request_heading(request))
        self.state_label.setText(tr("状态:{state}").format(state=state_text(request.state)))
        self.state_label.setStyleSheet(
            "font-weight: bold; padding: 2px 6px; " + _STATE_STYLE[request.state]
        )
        self.state_label.show()
        self.hint.setText(state_hint(request))
        # The reset and the reselection each change the selection: one signal for both.
        self._restoring = True
        self.candidate_model.set_rows(detail.candidates)
        row = self.candidate_model.row_of(keep) if keep is not None and same_request else None
        if row is None and detail.candidates:
            row = 0
        if row is not None:
            self.candidate_table.selectRow(row)
        self._restoring = False
        self._show_candidate(self.current_candidate())
        self.candidateSelected.emit(self.current_candidate())

    def clear(self) -> None:
        """Forget the request: reasons and checklist are dossier content."""
        self._detail = None
        self.heading.setText(tr("请在左侧选择一份来函"))
        self.state_label.clear()
        self.state_label.hide()
        self.hint.clear()
        self._restoring = True
        self.candidate_model.clear()
        self._restoring = False
        self._show_candidate(None)

    # ---- the selected candidate ----------------------------------------------------------

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        if self._restoring:
            return
        candidate = self.current_candidate()
        self._show_candidate(candidate)
        self.candidateSelected.emit(candidate)

    def _show_candidate(self, candidate: CandidateView | None) -> None:
        if candidate is None:
            self.reason_model.clear()
            self.checklist_model.clear()
            self.reasons_box.setTitle(tr("建议理由"))
            self.checklist_box.setTitle(tr("凡提四必"))
            self.decision_label.clear()
            return
        name = candidate.official.name
        self.reasons_box.setTitle(
            tr("{name}:系统建议 {category}").format(
                name=name, category=category_text(candidate.proposal.category)
            )
        )
        self.checklist_box.setTitle(tr("{name}:凡提四必").format(name=name))
        self.reason_model.set_rows(candidate.proposal.reasons)
        self.checklist_model.set_rows(candidate.checklist)
        self.reason_table.resizeRowsToContents()
        self.checklist_table.resizeRowsToContents()
        self.decision_label.setText(_decision_text(candidate))
        self.decision_label.setStyleSheet(ERROR_STYLE if candidate.stale else "")


def _decision_text(candidate: CandidateView) -> str:
    decision = candidate.decision
    if decision is None:
        return tr("尚未确定意见:请确认系统建议,或改定类别并说明理由。")
    text = tr("确定意见:{category}({how},{by},{at})").format(
        category=category_text(decision.category),
        how=tr(decision.decision.label_zh),
        by=decision.decided_by,
        at=date_text(decision.decided_at),
    )
    if decision.justification:
        text += "\n" + tr("理由:{text}").format(text=decision.justification)
    if candidate.stale:
        text += "\n" + tr(
            "确定意见后档案有变化(系统建议或理由已不同),请重新确认或改定,才能提交或签发。"
        )
    return text

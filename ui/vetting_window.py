"""党风廉政意见回复: the vetting officer's window — letters on the left, the selected one on
the right, and the steps 草稿 → 审核中 → 已回复 on the tool bar.

Every step is one call of :class:`records.services.vetting.VettingService` (or
:func:`exports.vetting_reply.save_signed_reply`) on the vault worker; afterwards the window
reads the list and the request again rather than patching what it shows, so the state, the
stale markers and the checklist are always the service's.

The window is a dialog child of the main window on purpose: locking (or closing) the main
window closes every dialog it owns before the session closes, and this one forgets
everything it shows when it closes, like any other dialog holding dossier content.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QItemSelection, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QGroupBox,
    QLabel,
    QSplitter,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from records.model import User
from records.roles import Action, may
from records.services.vetting import VettingService
from records.session import Session
from records.vetting_model import RequestDetail, VettingRequest
from ui.confirmations import Confirmations
from ui.dossier_view import make_table
from ui.error_messages import UserError, message_for
from ui.field_form import ERROR_STYLE
from ui.file_dialogs import FileDialogs
from ui.i18n import tr
from ui.notices import Notices
from ui.vault_worker import VaultWorker
from ui.vetting_actions import allowed_steps, create_actions
from ui.vetting_attest_dialog import AttestDialog
from ui.vetting_detail_panel import VettingDetailPanel
from ui.vetting_models import RequestListModel
from ui.vetting_override_dialog import OverrideDialog
from ui.vetting_reply_flow import ReplyFlow
from ui.vetting_request_dialog import NewRequestDialog

WINDOW_TITLE = "党风廉政意见回复"


class VettingWindow(QDialog):
    #: The request list is on screen (its number of requests); tests wait on it.
    requestsShown = Signal(int)
    #: A request's detail is on screen (its id); tests wait on it.
    detailShown = Signal(int)
    #: A step finished (its message, ``""`` if it failed); tests wait on it.
    stepFinished = Signal(str)

    def __init__(
        self,
        worker: VaultWorker,
        user: User,
        *,
        file_dialogs: FileDialogs | None = None,
        notices: Notices | None = None,
        confirmations: Confirmations | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("vetting_window")
        self.setWindowTitle(tr(WINDOW_TITLE))
        # A working window, not a question: it can be maximised and stays beside the main one.
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self.setWindowFlag(Qt.WindowType.WindowMinimizeButtonHint, True)
        self.setModal(False)
        self._worker = worker
        self._user = user
        self._notices = notices or Notices()
        self._generation = 0  # bumped when the window forgets everything (closing, locking)
        self._list_sequence = 0
        self._detail_sequence = 0
        self._detail_loading = False
        self._acting = False
        self._restoring = False
        self._select_after: int | None = None

        self.toolbar = QToolBar(self)
        self.toolbar.setObjectName("vetting_toolbar")
        self.step_actions = create_actions(self, self.toolbar)
        self.reply_flow = ReplyFlow(
            worker,
            file_dialogs or FileDialogs(),
            self._notices,
            confirmations or Confirmations(),
            self,
        )
        self.reply_flow.busyChanged.connect(self._reply_busy)
        self.reply_flow.replied.connect(lambda _saved: self.refresh())

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.requests_box = QGroupBox(tr("来函"), splitter)
        self.request_model = RequestListModel(self)
        self.request_table = make_table(self.requests_box, self.request_model, stretch_column=3)
        self.request_table.setObjectName("vetting_requests")
        self.request_table.selectionModel().selectionChanged.connect(self._request_selected)
        QVBoxLayout(self.requests_box).addWidget(self.request_table)
        self.detail_panel = VettingDetailPanel(splitter)
        self.detail_panel.candidateSelected.connect(lambda _c: self._update_actions())
        splitter.addWidget(self.requests_box)
        splitter.addWidget(self.detail_panel)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 5)
        splitter.setSizes([520, 920])

        self.status = QLabel(self)
        self.status.setObjectName("vetting_status")
        self.status.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.toolbar)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.status)

        self.step_actions.new_request.triggered.connect(self.new_request)
        self.step_actions.refresh.triggered.connect(lambda: self.refresh())
        self.step_actions.confirm.triggered.connect(self.confirm_proposal)
        self.step_actions.override.triggered.connect(self.override_category)
        self.step_actions.attest.triggered.connect(self.attest_file_review)
        self.step_actions.submit.triggered.connect(self.submit_request)
        self.step_actions.reply.triggered.connect(self.issue_reply)
        self.step_actions.save_copy.triggered.connect(self.issue_reply)
        self.finished.connect(lambda _result: self._forget())
        self._update_actions()
        self.resize(1440, 820)

    # ---- reading -------------------------------------------------------------------------

    def refresh(self, *, select_id: int | None = None) -> None:
        """Read the requests again; the selected one (or ``select_id``) is read again too."""
        self._list_sequence += 1
        sequence, generation = self._list_sequence, self._generation
        self._select_after = select_id
        self._worker.submit(
            lambda session: VettingService(session).requests(),
            lambda requests: self._if_current(generation, self._show_requests, sequence, requests),
            lambda error: self._if_current(generation, self._list_failed, sequence, error),
        )

    def current_request(self) -> VettingRequest | None:
        rows = self.request_table.selectionModel().selectedRows()
        return self.request_model.request_at(rows[0].row()) if rows else None

    def select_request(self, request_id: int) -> None:
        row = self.request_model.row_of(request_id)
        if row is not None:
            self.request_table.selectRow(row)

    def load_detail(self, request_id: int) -> None:
        """Read one request with every candidate's proposal (an audited read)."""
        self._detail_sequence += 1
        sequence, generation = self._detail_sequence, self._generation
        self._detail_loading = True
        self._update_actions()
        self._worker.submit(
            lambda session: VettingService(session).detail(request_id),
            lambda detail: self._if_current(generation, self._show_detail, sequence, detail),
            lambda error: self._if_current(generation, self._detail_failed, sequence, error),
        )

    def _show_requests(self, sequence: int, requests: list[VettingRequest]) -> None:
        if sequence != self._list_sequence:
            return
        current = self.current_request()
        keep = self._select_after or (current.id if current is not None else None)
        self._select_after = None
        self._restoring = True  # the reset and the reselection are not the user's choice
        self.request_model.set_rows(requests)
        row = self.request_model.row_of(keep) if keep is not None else None
        if row is not None:
            self.request_table.selectRow(row)
            self.request_table.scrollTo(self.request_model.index(row, 0))
        self._restoring = False
        self.requests_box.setTitle(tr("来函({n})").format(n=len(requests)))
        if row is not None and keep is not None:
            self.load_detail(keep)
        else:
            self._detail_sequence += 1
            self._detail_loading = False
            self.detail_panel.clear()
            self._update_actions()
        self.requestsShown.emit(len(requests))

    def _list_failed(self, sequence: int, error: UserError) -> None:
        if sequence == self._list_sequence:
            self._show_status(message_for(error), error=True)

    def _request_selected(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        if self._restoring:
            return
        request = self.current_request()
        if request is None:
            self._detail_sequence += 1
            self._detail_loading = False
            self.detail_panel.clear()
            self._update_actions()
        else:
            self.load_detail(request.id)

    def _show_detail(self, sequence: int, detail: RequestDetail) -> None:
        if sequence != self._detail_sequence:
            return  # the officer has moved on to another letter
        self._detail_loading = False
        self.detail_panel.show_detail(detail)
        self._update_actions()
        self.detailShown.emit(detail.request.id)

    def _detail_failed(self, sequence: int, error: UserError) -> None:
        if sequence != self._detail_sequence:
            return
        self._detail_loading = False
        self.detail_panel.clear()
        self._update_actions()
        self._show_status(message_for(error), error=True)

    # ---- steps ---------------------------------------------------------------------------

    def new_request(self) -> None:
        if not self.step_actions.new_request.isEnabled():
            return
        dialog = NewRequestDialog(self._worker, self)
        dialog.saved.connect(self._request_added)
        self._open(dialog)

    def confirm_proposal(self) -> None:
        target = self._target()
        if target is None or not self.step_actions.confirm.isEnabled():
            return
        request_id, official_id, name = target
        self._run(
            lambda session: VettingService(session).decide(request_id, official_id, confirm=True),
            tr("已确认{name}的系统建议").format(name=name),
            tr("确认建议"),
        )

    def override_category(self) -> None:
        candidate = self.detail_panel.current_candidate()
        request = self._shown_request()
        if candidate is None or request is None or not self.step_actions.override.isEnabled():
            return
        dialog = OverrideDialog(self._worker, request.id, candidate, self)
        name = candidate.official.name
        dialog.saved.connect(
            lambda _d: self._step_done(tr("已改定{name}的意见类别").format(name=name))
        )
        self._open(dialog)

    def attest_file_review(self) -> None:
        candidate = self.detail_panel.current_candidate()
        request = self._shown_request()
        if candidate is None or request is None or not self.step_actions.attest.isEnabled():
            return
        dialog = AttestDialog(self._worker, request.id, candidate, self)
        name = candidate.official.name
        dialog.saved.connect(
            lambda _n: self._step_done(tr("已确认审核{name}的干部人事档案").format(name=name))
        )
        self._open(dialog)

    def submit_request(self) -> None:
        request = self._shown_request()
        if request is None or not self.step_actions.submit.isEnabled():
            return
        request_id = request.id
        self._run(
            lambda session: VettingService(session).submit(request_id),
            tr("已提交审核:{number}").format(number=request.number),
            tr("提交审核"),
        )

    def issue_reply(self) -> None:
        request = self._shown_request()
        steps = allowed_steps(request.state if request is not None else None)
        if request is not None and (steps.reply or steps.save_copy):
            self.reply_flow.start(request)

    def _request_added(self, request: VettingRequest) -> None:
        self._show_status(tr("已登记来函:{number}").format(number=request.number))
        self.refresh(select_id=request.id)

    def _target(self) -> tuple[int, int, str] | None:
        candidate = self.detail_panel.current_candidate()
        request = self._shown_request()
        if candidate is None or request is None:
            return None
        return request.id, candidate.official.id, candidate.official.name

    def _run(self, job: Callable[[Session], object], message: str, title: str) -> None:
        if self._acting:
            return
        self._acting = True
        self._update_actions()
        generation = self._generation
        self._worker.submit(
            job,
            lambda _result: self._if_current(generation, self._step_done, message),
            lambda error: self._if_current(generation, self._step_failed, title, error),
        )

    def _step_done(self, message: str) -> None:
        self._acting = False
        self._show_status(message)
        self.refresh()  # the state, the checklist and the markers all come from the vault
        self.stepFinished.emit(message)

    def _step_failed(self, title: str, error: UserError) -> None:
        self._acting = False
        self._update_actions()
        text = message_for(error)
        self._show_status(text, error=True)
        self._notices.error(self, title, text)
        self.stepFinished.emit("")

    def _reply_busy(self, busy: bool) -> None:
        self._show_status(tr("正在生成并签章党风廉政意见回复…") if busy else "")
        self._update_actions()

    # ---- state ---------------------------------------------------------------------------

    def _shown_request(self) -> VettingRequest | None:
        """The request whose detail is on screen, as of its last reading (None while the
        detail of another selection is still on its way)."""
        detail = self.detail_panel.detail()
        if detail is None or self._detail_loading:
            return None
        return detail.request

    def _update_actions(self) -> None:
        request = self._shown_request()
        steps = allowed_steps(request.state if request is not None else None)
        idle = not self._acting and not self.reply_flow.is_busy
        has_candidate = self.detail_panel.current_candidate() is not None
        for action in self.step_actions.candidate_actions():
            action.setEnabled(steps.decide and has_candidate and idle)
        self.step_actions.submit.setEnabled(steps.submit and idle)
        self.step_actions.reply.setEnabled(steps.reply and idle)
        self.step_actions.save_copy.setEnabled(steps.save_copy and idle)
        self.step_actions.new_request.setEnabled(may(self._user.roles, Action.VETTING_CREATE))

    def _show_status(self, text: str, *, error: bool = False) -> None:
        self.status.setStyleSheet(ERROR_STYLE if error else "")
        self.status.setText(text)

    def _open(self, dialog: QDialog) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def _if_current(self, generation: int, callback: Callable[..., None], *args: Any) -> None:
        # A result read before the window forgot everything must not refill it.
        if generation == self._generation:
            callback(*args)

    def reject(self) -> None:
        # While the letter is being signed its outcome must still be shown (was it filed?).
        if self.reply_flow.is_busy:
            self._show_status(tr("正在签发回复,请稍候…"))
            return
        super().reject()

    def _forget(self) -> None:
        """Closed (by the officer, or by the main window locking): drop what is shown."""
        self._generation += 1
        self._acting = False
        self.reply_flow.abandon()
        self.request_model.clear()
        self.detail_panel.clear()
        self.status.clear()
        self.deleteLater()


def open_vetting_window(
    parent: QWidget,
    worker: VaultWorker,
    user: User,
    *,
    file_dialogs: FileDialogs | None = None,
    notices: Notices | None = None,
    confirmations: Confirmations | None = None,
) -> VettingWindow:
    """Show the vetting window of ``parent`` (the main window), opening it if needed."""
    for window in parent.findChildren(VettingWindow):
        if window.isVisible():
            window.raise_()
            window.activateWindow()
            return window
    window = VettingWindow(
        worker,
        user,
        file_dialogs=file_dialogs,
        notices=notices,
        confirmations=confirmations,
        parent=parent,
    )
    window.show()
    window.refresh()
    return window

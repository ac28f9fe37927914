"""签发回复: confirm, ask where, sign on the worker, say where the letter was saved.

Signing is irrevocable (the request becomes 已回复 and every candidate's dossier gets its
copy), so it is confirmed first. Rendering and signing run on the vault worker — the
signing key never leaves it — while the window shows a busy cursor and stays usable. For a
request already replied, the same flow writes the stored letter again
(:func:`exports.vetting_reply.save_signed_reply` never signs twice), without the question.
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from exports.vetting_reply import SavedReply, save_signed_reply
from records.vetting_model import VettingRequest
from records.vetting_terms import RequestState
from ui.confirmations import Confirmations
from ui.error_messages import UserError, message_for
from ui.file_dialogs import FileDialogs, documents_folder
from ui.i18n import tr
from ui.notices import Notices
from ui.vault_worker import VaultWorker

#: Characters no file name may hold on Windows (a 文号 may contain a slash).
_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]')

CONFIRM_ZH = (
    "签发后,来函“{number}”将标为已回复,意见不能再修改;回复以本单位签章证书签章,"
    "并在{n}名人选的档案中各归档一份。确定签发吗?"
)


def suggested_file_name(request: VettingRequest) -> str:
    name = tr("党风廉政意见回复-{unit}-{number}.pdf").format(
        unit=request.requesting_unit, number=request.number
    )
    return _UNSAFE.sub("_", name)


class ReplyFlow(QObject):
    #: ``True`` while a reply is being signed or written.
    busyChanged = Signal(bool)
    #: The :class:`SavedReply`, once the file is written.
    replied = Signal(object)

    def __init__(
        self,
        worker: VaultWorker,
        file_dialogs: FileDialogs,
        notices: Notices,
        confirmations: Confirmations,
        window: QWidget,
    ) -> None:
        super().__init__(window)
        self._worker = worker
        self._file_dialogs = file_dialogs
        self._notices = notices
        self._confirmations = confirmations
        self._window = window
        self._busy = False
        self._sequence = 0  # a result that arrives after abandon() is not shown
        self._folder: Path | None = None

    @property
    def is_busy(self) -> bool:
        return self._busy

    def start(self, request: VettingRequest) -> None:
        """Sign the reply of a request under review, or save a copy of a replied one."""
        if self._busy:
            return
        if request.state is RequestState.REPLIED:
            self._ask_path(request)
            return
        self._confirmations.ask(
            self._window,
            tr("签发党风廉政意见回复"),
            tr(CONFIRM_ZH).format(number=request.number, n=len(request.candidate_ids)),
            tr("签发"),
            lambda: self._ask_path(request),
        )

    def _ask_path(self, request: VettingRequest) -> None:
        if self._busy:  # a second confirmation box answered meanwhile
            return
        title = (
            tr("另存党风廉政意见回复")
            if request.state is RequestState.REPLIED
            else tr("签发党风廉政意见回复")
        )
        folder = self._folder or documents_folder()
        path = self._file_dialogs.save_path(
            self._window,
            title,
            folder / suggested_file_name(request),
            tr("PDF 文件 (*.pdf)"),
            ".pdf",
        )
        if path is None:
            return
        self._folder = path.parent
        request_id, sequence = request.id, self._sequence
        self._set_busy(True)
        self._worker.submit(
            lambda session: save_signed_reply(session, request_id, path),
            lambda saved: self._done(sequence, saved),
            lambda error: self._failed(sequence, error),
        )

    def _done(self, sequence: int, saved: SavedReply) -> None:
        if sequence != self._sequence:
            return
        self._set_busy(False)
        self.replied.emit(saved)
        if saved.reissued:
            text = tr("已另存党风廉政意见回复(与签发件相同)。\n文号:{number}\n保存位置:{path}")
        else:
            text = tr(
                "已签发党风廉政意见回复,并在{n}名人选的档案中归档。\n文号:{number}\n保存位置:{path}"
            )
        self._notices.info(
            self._window,
            tr("签发完成") if not saved.reissued else tr("另存完成"),
            text.format(number=saved.document_number, path=saved.path, n=len(saved.record_ids)),
        )

    def _failed(self, sequence: int, error: UserError) -> None:
        if sequence != self._sequence:
            return
        self._set_busy(False)
        self._notices.error(self._window, tr("签发失败"), message_for(error))

    def _set_busy(self, busy: bool) -> None:
        if busy == self._busy:
            return
        self._busy = busy
        if busy:
            QGuiApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
        else:
            QGuiApplication.restoreOverrideCursor()
        self.busyChanged.emit(busy)

    def abandon(self) -> None:
        """Stop waiting for a running reply (the window is closing or locking); the worker
        still finishes it, in order, before the session closes."""
        self._sequence += 1
        self._set_busy(False)

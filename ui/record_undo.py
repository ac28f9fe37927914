"""The main window's undo history of record steps (see :mod:`ui.record_commands`).

One per unlocked session: the main window is built anew for each unlock and clears this
on lock, so nobody can undo a step of a previous session (or of another user).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from records.model import Record
from ui.error_messages import UserError, message_for
from ui.record_commands import AddRecordCommand, EditRecordCommand, Job, RecordIds
from ui.vault_worker import VaultWorker


class RecordUndo(QObject):
    #: A step was undone or redone: the record as it is now, and what to tell the user.
    applied = Signal(object, str)
    #: A step could not be undone or redone: the message. The history has been cleared.
    failed = Signal(str)

    def __init__(self, worker: VaultWorker, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._worker = worker
        self.stack = QUndoStack(self)
        self._ids = RecordIds()

    def record_added(self, record: Record) -> None:
        self.stack.push(AddRecordCommand(self, self._ids, record))

    def record_edited(self, before: Record, after: Record) -> None:
        self.stack.push(EditRecordCommand(self, self._ids, before, after))

    def clear(self) -> None:
        self.stack.clear()
        self._ids = RecordIds()

    def run(self, job: Job, done_text: str) -> None:
        self._worker.submit(job, lambda record: self.applied.emit(record, done_text), self._failed)

    def _failed(self, error: UserError) -> None:
        # The stack has already moved past the step, the vault has not. Rather than leave
        # the two out of step, forget the history: nothing more is undone by mistake.
        self.clear()
        self.failed.emit(message_for(error))

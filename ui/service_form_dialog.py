"""Base of the dialogs that save a form through a service on the vault worker.

The dialog stays open until the service has accepted the input: a ValidationError is
shown under the field it names (focused), anything else in the dialog's own error line,
and nothing is saved — each service call is one transaction.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from records.errors import ValidationError
from records.session import Session
from ui.error_messages import UserError, message_for
from ui.field_form import ERROR_STYLE, FieldForm
from ui.i18n import tr
from ui.vault_worker import VaultWorker


class ServiceFormDialog(QDialog):
    """Subclasses add their widgets to :attr:`body` and implement the two hooks."""

    #: Emitted with what the service returned, just before the dialog closes.
    saved = Signal(object)

    def __init__(self, worker: VaultWorker, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._worker = worker
        self._busy = False
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        self.body = QVBoxLayout()
        layout.addLayout(self.body, 1)
        self.error_line = QLabel(self)
        self.error_line.setObjectName("dialog_error")
        self.error_line.setStyleSheet(ERROR_STYLE)
        self.error_line.setWordWrap(True)
        self.error_line.hide()
        layout.addWidget(self.error_line)
        self._progress = QProgressBar(self)
        self._progress.setRange(0, 0)  # indeterminate: a service call has no steps to count
        self._progress.setMaximumHeight(6)
        self._progress.setTextVisible(False)
        self._progress.hide()
        layout.addWidget(self._progress)
        self.buttons = QDialogButtonBox(self)
        self.save_button: QPushButton = self.buttons.addButton(
            tr("保存"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.addButton(tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        self.save_button.setDefault(True)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    # ---- hooks ---------------------------------------------------------------------------

    def forms(self) -> list[FieldForm]:
        """The forms a ValidationError's field is looked up in, in order."""
        raise NotImplementedError

    def make_job(self) -> Callable[[Session], object]:
        """The service call for the current input (values captured now, on the GUI thread)."""
        raise NotImplementedError

    def reveal(self, widget: QWidget) -> None:
        """Make a field that has just been marked visible (scrolling dialogs override)."""

    # ---- flow ----------------------------------------------------------------------------

    def save(self) -> None:
        if self._busy:
            return
        self._clear_errors()
        job = self.make_job()
        self._set_busy(True)
        self._worker.submit(job, self._on_saved, self._on_failed)

    def reject(self) -> None:
        # While a save is under way its outcome must still be shown: closing now would
        # hide whether the record was stored.
        if not self._busy:
            super().reject()

    def _on_saved(self, result: object) -> None:
        self._set_busy(False)
        self.saved.emit(result)
        self.accept()

    def _on_failed(self, error: UserError) -> None:
        self._set_busy(False)
        if isinstance(error, ValidationError):
            for form in self.forms():
                if form.show_error(error.field, error.reason_zh):
                    self.reveal(form.editor(error.field).widget)
                    return
        self.error_line.setText(message_for(error))
        self.error_line.show()

    def _clear_errors(self) -> None:
        for form in self.forms():
            form.clear_errors()
        self.error_line.clear()
        self.error_line.hide()

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self._progress.setVisible(busy)
        self.buttons.setEnabled(not busy)
        for form in self.forms():
            form.set_enabled(not busy)

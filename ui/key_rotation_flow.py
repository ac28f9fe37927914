"""轮换数据密钥: re-encrypt the vault under a new data key, with progress, never blocking.

The rotation runs on the vault worker (it owns the session); the window shows a modal
progress dialog with the current step and no cancel button — a rekey cannot be stopped
half-way safely, and the rotation itself decides whether it completed
(docs/decisions/0007-key-rotation.md). The result comes back through :class:`Notices`.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QProgressDialog, QWidget

from records.rotation import RotationResult, RotationStep, rotate_data_key
from ui.error_messages import UserError, message_for
from ui.i18n import tr
from ui.notices import Notices
from ui.vault_worker import VaultWorker


def step_text(step: str) -> str:
    """The Chinese label of a rotation step (``RotationStep`` value)."""
    texts = {
        RotationStep.CHECKING: "正在核对档案库内容…",
        RotationStep.SEALING: "正在为各账户封装新密钥…",
        RotationStep.REKEYING: "正在用新密钥重新加密档案库…",
        RotationStep.VERIFYING: "正在校验重新加密的档案库…",
        RotationStep.FINISHING: "正在记录审计日志并删除旧密钥…",
    }
    return tr(texts.get(RotationStep(step), "正在轮换数据密钥…"))


class RotationProgressDialog(QProgressDialog):
    """Indeterminate, window-modal, and impossible to dismiss until :meth:`finish`."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(tr("正在轮换数据密钥…"), "", 0, 0, parent)
        self.setWindowTitle(tr("轮换数据密钥"))
        self.setCancelButton(None)  # no button: nothing may cancel a rekey
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumDuration(0)
        self.setAutoClose(False)
        self.setAutoReset(False)
        self._finished = False

    def finish(self) -> None:
        self._finished = True
        self.close()
        self.deleteLater()

    def reject(self) -> None:
        # Escape would hide the dialog while the rekey goes on: ignore it.
        if self._finished:
            super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._finished:
            super().closeEvent(event)
        else:
            event.ignore()


class KeyRotationFlow(QObject):
    #: ``True`` while a rotation runs (the window disables its action meanwhile).
    busyChanged = Signal(bool)
    #: The step the rotation has reached (a ``RotationStep`` value), on the GUI thread.
    stepChanged = Signal(str)
    #: Emitted with the :class:`RotationResult` once the new key is in use.
    rotated = Signal(object)

    # Emitted on the worker thread; Qt queues it to this object's (the GUI) thread.
    _stepReached = Signal(str)

    def __init__(self, worker: VaultWorker, notices: Notices, window: QWidget) -> None:
        super().__init__(window)
        self._worker = worker
        self._notices = notices
        self._window = window
        self._dialog: RotationProgressDialog | None = None
        self._stepReached.connect(self._on_step, Qt.ConnectionType.QueuedConnection)

    @property
    def is_busy(self) -> bool:
        return self._dialog is not None

    @property
    def dialog(self) -> QProgressDialog | None:
        return self._dialog

    def start(self) -> None:
        """Rotate now (the caller has asked the security officer to confirm)."""
        if self._dialog is not None:
            return
        self._dialog = RotationProgressDialog(self._window)
        self._dialog.show()
        self.busyChanged.emit(True)
        report = self._stepReached.emit
        self._worker.submit(
            lambda session: rotate_data_key(session, progress=lambda step: report(step.value)),
            self._done,
            self._failed,
        )

    def _on_step(self, step: str) -> None:
        if self._dialog is not None:
            self._dialog.setLabelText(step_text(step))
        self.stepChanged.emit(step)

    def _finish(self) -> None:
        if self._dialog is not None:
            self._dialog.finish()
            self._dialog = None
        self.busyChanged.emit(False)

    def _done(self, result: RotationResult) -> None:
        self._finish()
        self.rotated.emit(result)
        self._notices.info(
            self._window,
            tr("密钥轮换完成"),
            tr(
                "数据密钥已轮换为第 {generation} 代,{accounts} 个账户可以解锁。用时 {seconds} 秒。"
            ).format(
                generation=result.generation,
                accounts=result.accounts_sealed,
                seconds=f"{result.seconds:.1f}",
            ),
        )

    def _failed(self, error: UserError) -> None:
        self._finish()
        self._notices.error(self._window, tr("密钥轮换失败"), message_for(error))

    def abandon(self) -> None:
        """Stop waiting (the window is being locked).

        The worker finishes the rotation before it closes the session — jobs run in order —
        only its result is no longer shown.
        """
        if self._dialog is not None:
            self._finish()

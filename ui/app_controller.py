"""The application's flow: unlock dialog → main window → (lock) → unlock dialog → …

Owns nothing but the switch between the two; the worker owns the session, the window
owns the data on screen. Locking clears the window before the session closes, so no
dossier data outlives the session in a widget.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal

from records.model import User
from ui.file_dialogs import FileDialogs
from ui.main_window import MainWindow
from ui.notices import Notices
from ui.unlock_dialog import UnlockDialog
from ui.vault_worker import VaultWorker


class AppController(QObject):
    #: The user quit (closed the main window or left the unlock dialog).
    finished = Signal()

    def __init__(
        self,
        worker: VaultWorker,
        *,
        vault: Path | None = None,
        user: str | None = None,
        file_dialogs: FileDialogs | None = None,
        notices: Notices | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._worker = worker
        self._vault = vault
        self._user_name = user
        self._file_dialogs = file_dialogs or FileDialogs()
        self._notices = notices or Notices()
        self.unlock_dialog: UnlockDialog | None = None
        self.window: MainWindow | None = None

    def start(self) -> None:
        self._show_unlock()

    # ---- unlock ----------------------------------------------------------------------------

    def _show_unlock(self) -> None:
        dialog = UnlockDialog(
            self._worker, self._file_dialogs, vault=self._vault, user=self._user_name
        )
        dialog.unlocked.connect(self._unlocked)
        dialog.rejected.connect(self.finished)
        self.unlock_dialog = dialog
        dialog.open()

    def _unlocked(self, user: User, vault: Path) -> None:
        # Remembered for the next unlock after a lock; the password is not.
        self._vault, self._user_name = vault, user.name
        window = MainWindow(
            self._worker, user, file_dialogs=self._file_dialogs, notices=self._notices
        )
        window.lockRequested.connect(self._lock)
        window.closed.connect(self._window_closed)
        self.window = window
        window.show()
        if self.unlock_dialog is not None:
            self.unlock_dialog.deleteLater()
            self.unlock_dialog = None

    # ---- lock and quit ---------------------------------------------------------------------

    def _lock(self) -> None:
        self._worker.lock()
        self._show_unlock()  # first, so the application always has a window
        self._drop_window()

    def _window_closed(self) -> None:
        self._drop_window()
        self._worker.lock()
        self.finished.emit()

    def _drop_window(self) -> None:
        window, self.window = self.window, None
        if window is not None:
            window.closed.disconnect(self._window_closed)
            window.hide()
            window.deleteLater()

"""The application's flow: unlock dialog → main window → (lock) → unlock dialog → …

Owns nothing but the switch between them; the worker owns the session, the window owns
the data on screen. Locking clears the window before the session closes, so no dossier
data outlives the session in a widget. An account with administrator roles only gets the
administration window instead of the dossier window; one that holds both kinds (small-unit
policy) gets the dossier window, whose 系统管理… opens the administration window beside it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal

from records.device_unlock import remember_offered
from records.errors import NoRememberedLoginError
from records.model import User
from ui.admin_window import AdminWindow, may_administer, opens_admin_window
from ui.auto_lock import AutoLock
from ui.confirmations import Confirmations
from ui.error_messages import UserError, message_for
from ui.file_dialogs import FileDialogs
from ui.i18n import tr
from ui.main_window import MainWindow
from ui.notices import Notices
from ui.resume_point import AdminResumePoint, Bookmark, ResumePoint
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
        confirmations: Confirmations | None = None,
        auto_lock_ms: int | None = None,
        parent: QObject | None = None,
    ) -> None:
        """
        :param auto_lock_ms: idle time before locking, instead of the security policy's
            (a test seam: a few milliseconds).
        """
        super().__init__(parent)
        self._worker = worker
        self._vault = vault
        self._user_name = user
        self._file_dialogs = file_dialogs or FileDialogs()
        self._notices = notices or Notices()
        self._confirmations = confirmations or Confirmations()
        self.unlock_dialog: UnlockDialog | None = None
        self.window: MainWindow | AdminWindow | None = None
        #: The administration window opened beside the dossier window (系统管理…).
        self.admin_window: AdminWindow | None = None
        # Where the user was at the last lock: restored only for the same user and vault.
        self._bookmark: Bookmark | None = None
        self.auto_lock = AutoLock(worker, interval_ms=auto_lock_ms, parent=self)
        self.auto_lock.idle.connect(self._idle)

    def start(self) -> None:
        # 「在此计算机上记住」: only at start, never after a lock (a lock must need the
        # password). Without an offer (no key store, policy) the dialog shows at once.
        if self._vault is not None and self._user_name and remember_offered(self._vault):
            vault = self._vault
            self._worker.unlock_remembered(
                vault, self._user_name, lambda u: self._unlocked(u, vault), self._not_remembered
            )
            return
        self._show_unlock()

    def _not_remembered(self, error: UserError) -> None:
        """Back to the password; say why unless simply nothing was remembered."""
        self._show_unlock()
        if self.unlock_dialog is not None and not isinstance(error, NoRememberedLoginError):
            self.unlock_dialog.show_notice(message_for(error))

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
        window = self._make_window(user)
        window.lockRequested.connect(self._lock)
        window.closed.connect(self._window_closed)
        self.window = window
        window.show()
        bookmark, self._bookmark = self._bookmark, None
        if bookmark is not None and bookmark.belongs_to(vault, user.name):
            _resume(window, bookmark.point)
        self.auto_lock.arm()
        if self.unlock_dialog is not None:
            problem = self.unlock_dialog.remember_problem
            if problem:  # unlocked, but the 「记住」 choice failed: say why
                self._notices.error(window, tr("在此计算机上记住"), problem)
            self.unlock_dialog.deleteLater()
            self.unlock_dialog = None

    def _make_window(self, user: User) -> MainWindow | AdminWindow:
        if opens_admin_window(user):
            return self._make_admin_window(user, standalone=True)
        window = MainWindow(
            self._worker, user, file_dialogs=self._file_dialogs, notices=self._notices
        )
        window.administrationRequested.connect(self._open_administration)
        return window

    def _make_admin_window(self, user: User, *, standalone: bool) -> AdminWindow:
        window = AdminWindow(
            self._worker,
            user,
            file_dialogs=self._file_dialogs,
            notices=self._notices,
            confirmations=self._confirmations,
            standalone=standalone,
        )
        # A shorter (or longer) auto-lock applies at once, not from the next unlock.
        window.policyChanged.connect(lambda _policy: self.auto_lock.arm())
        return window

    # ---- 系统管理… beside the dossier window ----------------------------------------------

    def _open_administration(self) -> None:
        main = self.window
        if not isinstance(main, MainWindow) or not may_administer(main.user):
            return
        if self.admin_window is not None:
            self.admin_window.raise_()
            self.admin_window.activateWindow()
            return
        admin = self._make_admin_window(main.user, standalone=False)
        # One lock for both windows: the dossier window's path, which also drops this one.
        admin.lockRequested.connect(main.lock)
        admin.closed.connect(self._administration_closed)
        self.admin_window = admin
        admin.show()

    def _administration_closed(self) -> None:
        admin, self.admin_window = self.admin_window, None
        if admin is not None:
            admin.deleteLater()

    def _drop_administration(self) -> None:
        admin, self.admin_window = self.admin_window, None
        if admin is not None:
            admin.closed.disconnect(self._administration_closed)
            admin.clear_data()
            admin.hide()
            admin.deleteLater()

    # ---- lock and quit ---------------------------------------------------------------------

    def _idle(self) -> None:
        if self.window is not None:
            self.window.lock()  # the same path as the menu: clear, then _lock

    def _lock(self) -> None:
        self.auto_lock.disarm()
        point = self.window.resume_point if self.window is not None else None
        if point is not None and self._vault is not None and self._user_name is not None:
            self._bookmark = Bookmark(self._vault, self._user_name, point)
        self._drop_administration()  # cleared before the session closes, like the window
        self._worker.lock()
        self._show_unlock()  # first, so the application always has a window
        self._drop_window()

    def _window_closed(self) -> None:
        self.auto_lock.disarm()
        self._drop_administration()
        self._drop_window()
        self._worker.lock()
        self.finished.emit()

    def _drop_window(self) -> None:
        window, self.window = self.window, None
        if window is not None:
            window.closed.disconnect(self._window_closed)
            window.hide()
            window.deleteLater()


def _resume(window: MainWindow | AdminWindow, point: ResumePoint | AdminResumePoint) -> None:
    """Return to ``point`` if it was taken in the same kind of window (roles may have
    changed while the vault was locked)."""
    if isinstance(point, ResumePoint):
        if isinstance(window, MainWindow):
            point.restore(window)
    elif isinstance(window, AdminWindow):
        point.restore(window)

"""The idle timeout of an unlocked vault: armed after unlock, disarmed on lock.

The interval is the security policy's ``auto_lock_minutes``, read through the vault worker
once the vault is open. Until that answer arrives (or if reading it fails) the strict
default applies, so there is never an unlocked window without a timeout.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from records.policy import SecurityPolicy
from records.services.policy import PolicyService
from ui.error_messages import UserError
from ui.idle_watcher import IdleWatcher, minutes_to_ms
from ui.vault_worker import VaultWorker

DEFAULT_INTERVAL_MS = minutes_to_ms(SecurityPolicy().auto_lock_minutes)


class AutoLock(QObject):
    #: The application has been idle for the policy's interval: lock now.
    idle = Signal()

    def __init__(
        self,
        worker: VaultWorker,
        *,
        interval_ms: int | None = None,
        parent: QObject | None = None,
    ) -> None:
        """:param interval_ms: a fixed interval instead of the policy's (tests use a few
        milliseconds); ``None`` reads the policy on every unlock.
        """
        super().__init__(parent)
        self._worker = worker
        self._fixed_ms = interval_ms
        self.watcher = IdleWatcher(self)
        self.watcher.idle.connect(self._fire)

    def arm(self) -> None:
        """Start counting idle time for the session just unlocked."""
        if self._fixed_ms is not None:
            self.watcher.start(self._fixed_ms)
            return
        self.watcher.start(DEFAULT_INTERVAL_MS)
        # A lock before the answer drops this callback (VaultWorker.lock), so a late reply
        # cannot re-arm a locked application.
        self._worker.submit(
            lambda session: PolicyService(session).get().auto_lock_minutes,
            self._policy_loaded,
            self._policy_failed,
        )

    def disarm(self) -> None:
        self.watcher.stop()

    def _policy_loaded(self, minutes: int) -> None:
        if self.watcher.is_active:
            self.watcher.start(minutes_to_ms(minutes))

    def _policy_failed(self, _error: UserError) -> None:
        pass  # the default interval stays armed

    def _fire(self) -> None:
        self.watcher.stop()
        self.idle.emit()

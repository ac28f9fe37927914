"""The thread that owns the unlocked vault.

A :class:`records.session.Session` is not thread-safe and its calls can be slow (Argon2id
on unlock, signing on export), so one worker thread holds it and runs every service call;
the GUI thread only submits jobs and receives results. This is the single place where
threads meet: widgets never see a ``Session``, only what a job returns.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot

from records.device_unlock import apply_remember_choice, unlock_with_device
from records.errors import LianDangError
from records.model import User
from records.session import Session, SessionClosedError
from records.vault import unlock_vault
from ui.error_messages import InternalError, UserError, is_user_error, log_unexpected

T = TypeVar("T")

log = logging.getLogger("liandang.ui.worker")

#: Receives a typed, user-facing error (its ``zh`` is what to show).
ErrorHandler = Callable[[UserError], None]


@dataclass(frozen=True)
class RememberOutcome:
    """An unlock with a 「在此计算机上记住」 choice.

    :param problem: why the choice could not be applied (Chinese), ``""`` when it was.
    """

    user: User
    problem: str


def _scrubbed(error: BaseException) -> BaseException:
    """Drop the traceback and chained exceptions before the error leaves the worker.

    Their frames hold locals such as the password given to ``unlock_vault``; an error kept
    by a dialog must not keep those alive on the GUI side.
    """
    error.__traceback__ = None
    error.__context__ = None
    error.__cause__ = None
    return error


class _SessionHost(QObject):
    """Lives on the worker thread; the only object that touches the session."""

    finished = Signal(int, object)
    failed = Signal(int, object)

    def __init__(self) -> None:
        super().__init__()  # no parent: a parent cannot live on another thread
        self._session: Session | None = None

    def session(self) -> Session:
        if self._session is None or not self._session.is_open:
            raise SessionClosedError()
        return self._session

    def open(self, path: Path, user_name: str, password: str) -> User:
        self.close()
        self._session = unlock_vault(path, user_name, password)
        return self._session.user

    def open_remembered(self, path: Path, user_name: str) -> User:
        """Unlock with the login this computer remembered (no password)."""
        self.close()
        self._session = unlock_with_device(path, user_name)
        return self._session.user

    def open_and_choose(
        self, path: Path, user_name: str, password: str, remember: bool
    ) -> RememberOutcome:
        """Unlock, then apply the 「在此计算机上记住」 choice; a failed choice does not undo
        the unlock, it comes back as ``problem`` (the Chinese message to show)."""
        user = self.open(path, user_name, password)
        try:
            apply_remember_choice(self.session(), password, remember=remember)
        except LianDangError as error:
            return RememberOutcome(user, error.zh)
        return RememberOutcome(user, "")

    @Slot()
    def close(self) -> None:
        if self._session is not None:
            session, self._session = self._session, None
            session.close()

    @Slot(int, object)
    def run(self, job_id: int, job: Callable[[_SessionHost], object]) -> None:
        try:
            result = job(self)
        except Exception as error:  # every failure must come back as a message, never a crash
            if is_user_error(error):
                self.failed.emit(job_id, _scrubbed(error))
            else:
                log_unexpected(error, where="a vault job")
                self.failed.emit(job_id, InternalError())
        else:
            self.finished.emit(job_id, result)


@dataclass(frozen=True)
class _Pending:
    on_done: Callable[[Any], None]
    on_error: ErrorHandler | None


class VaultWorker(QObject):
    """GUI-side handle of the worker thread: submit jobs, get callbacks on the GUI thread.

    Jobs run one at a time, in submission order. Callbacks of jobs submitted before
    :meth:`lock` are dropped, so a late result cannot refill a locked window.
    """

    busyChanged = Signal(bool)

    _jobPosted = Signal(int, object)
    _closeRequested = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._next_id = 0
        self._pending: dict[int, _Pending] = {}
        self._in_flight = 0
        self._thread = QThread(self)
        self._thread.setObjectName("liandang-vault")
        self._host = _SessionHost()
        self._host.moveToThread(self._thread)
        self._jobPosted.connect(self._host.run)
        # Blocking, so shutdown() returns only once the database is closed.
        self._closeRequested.connect(self._host.close, Qt.ConnectionType.BlockingQueuedConnection)
        self._host.finished.connect(self._on_finished)
        self._host.failed.connect(self._on_failed)
        self._thread.finished.connect(self._host.deleteLater)
        self._thread.start()

    # ---- jobs --------------------------------------------------------------------------

    def submit(
        self,
        job: Callable[[Session], T],
        on_done: Callable[[T], None],
        on_error: ErrorHandler | None = None,
    ) -> None:
        """Run ``job(session)`` on the worker; ``on_done``/``on_error`` run on the GUI thread.

        Without a session the job fails with the "vault is locked" error.
        """
        self._post(lambda host: job(host.session()), on_done, on_error)

    def unlock(
        self,
        path: Path,
        user_name: str,
        password: str,
        on_done: Callable[[User], None],
        on_error: ErrorHandler,
    ) -> None:
        """Unlock ``path`` as ``user_name`` (replacing any open session)."""
        self._post(lambda host: host.open(path, user_name, password), on_done, on_error)

    def unlock_and_choose(
        self,
        path: Path,
        user_name: str,
        password: str,
        remember: bool,
        on_done: Callable[[RememberOutcome], None],
        on_error: ErrorHandler,
    ) -> None:
        """:meth:`unlock`, then remember (or forget) the login on this computer."""
        self._post(
            lambda host: host.open_and_choose(path, user_name, password, remember),
            on_done,
            on_error,
        )

    def unlock_remembered(
        self,
        path: Path,
        user_name: str,
        on_done: Callable[[User], None],
        on_error: ErrorHandler,
    ) -> None:
        """Unlock with this computer's remembered login; any failure means "ask for the
        password" (``NoRememberedLoginError`` when nothing was remembered)."""
        self._post(lambda host: host.open_remembered(path, user_name), on_done, on_error)

    def lock(self, on_done: Callable[[None], None] | None = None) -> None:
        """Close the session; results of earlier jobs are discarded from now on."""
        self._pending.clear()
        self._post(lambda host: host.close(), on_done or (lambda _none: None), None)

    @property
    def is_busy(self) -> bool:
        return self._in_flight > 0

    def shutdown(self) -> None:
        """Close the session and stop the thread (idempotent; call before the app exits)."""
        if not self._thread.isRunning():
            return
        self._pending.clear()
        self._closeRequested.emit()
        self._thread.quit()
        self._thread.wait()

    # ---- plumbing ----------------------------------------------------------------------

    def _post(
        self,
        job: Callable[[_SessionHost], Any],
        on_done: Callable[[Any], None],
        on_error: ErrorHandler | None,
    ) -> None:
        if not self._thread.isRunning():
            raise RuntimeError("vault worker is shut down")
        self._next_id += 1
        self._pending[self._next_id] = _Pending(on_done, on_error)
        self._set_in_flight(self._in_flight + 1)
        self._jobPosted.emit(self._next_id, job)

    def _set_in_flight(self, count: int) -> None:
        was_busy = self.is_busy
        self._in_flight = count
        if was_busy != self.is_busy:
            self.busyChanged.emit(self.is_busy)

    @Slot(int, object)
    def _on_finished(self, job_id: int, result: object) -> None:
        self._set_in_flight(self._in_flight - 1)
        pending = self._pending.pop(job_id, None)
        if pending is not None:
            pending.on_done(result)

    @Slot(int, object)
    def _on_failed(self, job_id: int, error: UserError) -> None:
        self._set_in_flight(self._in_flight - 1)
        pending = self._pending.pop(job_id, None)
        if pending is None:
            return
        if pending.on_error is not None:
            pending.on_error(error)
        else:
            # A job without an error handler is fire-and-forget (lock); still leave a trace.
            log.warning("vault job failed: %s", type(error).__qualname__)

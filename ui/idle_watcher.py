"""Auto-lock: notices when nobody has touched the application for a while.

An application-wide event filter sees every input event (mouse, keyboard, wheel, touch,
tablet) before any widget does, whichever window has the focus, and restarts a single-shot
timer; when the timer runs out, :attr:`IdleWatcher.idle` is emitted and the owner locks.
Only input counts: a repaint, a timer or a finished vault job is not a person at the desk.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal

_INPUT_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.KeyRelease,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonRelease,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TouchUpdate,
        QEvent.Type.TabletPress,
        QEvent.Type.TabletMove,
        QEvent.Type.InputMethod,
        QEvent.Type.ShortcutOverride,
    }
)


def minutes_to_ms(minutes: int) -> int:
    return minutes * 60 * 1000


class IdleWatcher(QObject):
    """Emits :attr:`idle` once no input has arrived for :attr:`interval_ms`.

    Stopped, it costs a set lookup per event and never fires; :meth:`start` arms it.
    """

    #: Nobody has used the application for the interval: lock now.
    idle = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        # One timer, restarted on input: precision costs nothing here, and a coarse timer
        # may fire up to 5 % late (30 s on ten minutes).
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self.idle)
        self._installed_on: QCoreApplication | None = None

    @property
    def interval_ms(self) -> int:
        return self._timer.interval()

    @property
    def is_active(self) -> bool:
        return self._timer.isActive()

    def remaining_ms(self) -> int:
        """Time left before :attr:`idle` (``-1`` when stopped)."""
        return self._timer.remainingTime()

    def start(self, interval_ms: int) -> None:
        """Arm (or re-arm) the watcher with a new interval, counting from now."""
        app = QCoreApplication.instance()
        if app is not None and self._installed_on is not app:
            app.installEventFilter(self)
            self._installed_on = app
        self._timer.start(max(1, interval_ms))

    def stop(self) -> None:
        """Disarm: while the vault is locked there is nothing to lock."""
        self._timer.stop()
        if self._installed_on is not None:
            self._installed_on.removeEventFilter(self)
            self._installed_on = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self._timer.isActive() and event.type() in _INPUT_EVENTS:
            self._timer.start()  # restart with the same interval
        return False  # only watching: every event goes on to its widget

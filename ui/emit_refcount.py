"""A guard against a reference-count bug of PySide6 6.12 on CPython 3.11.

``SignalInstance.emit()`` returns ``True`` without giving the caller a reference of its
own, so every ``emit()`` made from Python takes one reference away from ``True``. On
CPython 3.12 and later ``True`` is immortal and nothing happens; on 3.11 (Debian 12's
Python) the count drains by one per emit, and after some ten thousand emits the
interpreter aborts with "Fatal Python error: bool_dealloc" — mid-session, or at exit.

``True`` and ``False`` are never freed while the interpreter runs, so the fix is to make
them immortal the way CPython 3.12 does: raise their reference counts far beyond anything
a session can take away. It is applied only where the bug shows: a probe emits one signal
and watches the count.
"""

from __future__ import annotations

import ctypes
import sys

from PySide6.QtCore import QObject, Signal

#: Half of CPython 3.12's immortal count: no session emits 2**61 signals.
_FAR_AWAY = 1 << 61


class _Probe(QObject):
    fired = Signal()


def emit_takes_a_reference() -> bool:
    """Whether one ``emit()`` lowers the reference count of ``True`` (the bug)."""
    probe = _Probe()
    before = sys.getrefcount(True)
    probe.fired.emit()
    return sys.getrefcount(True) < before


def guard_booleans() -> bool:
    """Make ``True`` and ``False`` effectively immortal if this PySide6 needs it.

    :return: whether the guard was applied.
    """
    if sys.implementation.name != "cpython" or sys.version_info >= (3, 12):
        return False  # immortal already
    if not emit_takes_a_reference():
        return False
    for flag in (True, False):
        # ob_refcnt is the first field of every CPython object (Py_ssize_t).
        count = ctypes.c_ssize_t.from_address(id(flag))
        if count.value < _FAR_AWAY:
            count.value += _FAR_AWAY
    return True

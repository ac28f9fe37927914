"""Injected time. Rules depend on dates, so nothing below the UI calls ``datetime.now()``."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

Clock = Callable[[], datetime]


def system_clock() -> datetime:
    """Local time, timezone-aware, to the second."""
    return datetime.now().astimezone().replace(microsecond=0)

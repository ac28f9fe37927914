"""``KEY=VALUE`` arguments (``policy set``, ``policy influence set``) as a dictionary."""

from __future__ import annotations

from ui.cli.usage_error import UsageError


def parse_settings(settings: list[str]) -> dict[str, str]:
    """``["max_failures=3", ...]`` as a dictionary; a key given twice is a usage error."""
    values: dict[str, str] = {}
    for item in settings:
        name, sep, raw = item.partition("=")
        name = name.strip()
        if not sep or not name:
            raise UsageError("KEY=VALUE", f"应为 KEY=VALUE:{item}", f"expected KEY=VALUE: {item}")
        if name in values:
            raise UsageError(name, f"重复的设置项:{name}", f"setting given twice: {name}")
        values[name] = raw.strip()
    return values

"""Errors in how the command was called (not in what it was asked to do)."""

from __future__ import annotations

from records.errors import ValidationError


class UsageError(ValidationError):
    """A missing or malformed option; exits with code 2 like any validation error."""

    def __init__(self, option: str, reason_zh: str, reason_en: str) -> None:
        super().__init__(option, option, reason_zh, reason_en)

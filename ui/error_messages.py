"""The one place that turns errors into the messages users see.

Typed errors of :mod:`records` and :mod:`exports` carry a complete sentence in Chinese
(``zh``) and in English (``en``); the GUI shows the one of its language. Anything else is
a bug, and its text (which may quote data or code) never reaches the screen.
"""

from __future__ import annotations

import logging
import traceback

from records.errors import LianDangError
from ui.i18n import tr

#: What a user sees for anything that is not a typed error.
INTERNAL_ERROR_ZH = "发生内部错误,请联系系统管理员"

#: Errors whose ``zh`` is meant for users (``exports.errors.ExportError`` is one too).
UserError = LianDangError

log = logging.getLogger("liandang.ui")


class InternalError(LianDangError):
    """Stands in for an unexpected exception once it has been logged."""

    def __init__(self) -> None:
        super().__init__(INTERNAL_ERROR_ZH, "internal error: contact the system administrator")


def is_user_error(error: BaseException) -> bool:
    return isinstance(error, LianDangError)


def message_for(error: BaseException) -> str:
    """The message for ``error`` in the GUI's language (the generic one for anything
    untyped); Chinese unless the English translation is installed."""
    if is_user_error(error):
        english = tr(INTERNAL_ERROR_ZH) != INTERNAL_ERROR_ZH
        text = getattr(error, "en" if english else "zh", "") or getattr(error, "zh", "")
        if isinstance(text, str) and text.strip():
            return text
    return tr(INTERNAL_ERROR_ZH)


def log_unexpected(error: BaseException, *, where: str) -> None:
    """Log a bug: its type and stack locate it.

    The message is left out on purpose: it may quote dossier content or SQL parameters,
    and log files are not encrypted.
    """
    stack = "".join(traceback.format_tb(error.__traceback__))
    log.error("unexpected %s in %s\n%s", type(error).__qualname__, where, stack)

"""Turning domain values into the text and markup printed in an export.

reportlab's ``Paragraph`` parses an XML-like markup, so every value typed by a user goes
through :func:`markup` before it reaches a paragraph: an unescaped ``<`` or ``&`` in a
record would otherwise break the export or inject formatting.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from xml.sax.saxutils import escape

from records.fields import FieldKind

EMPTY = "—"
"""Printed for a value that is unknown or blank."""

NONE_FILED = "无"
"""Printed for a section with nothing in it."""

# C0 controls other than tab and newline have no glyph and are invalid in reportlab markup.
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")

_DIGITS = "零一二三四五六七八九"
_MONEY_LIMIT = Decimal(10) ** 15


def markup(text: str) -> str:
    """Escape ``text`` for a reportlab ``Paragraph``, keeping its line breaks."""
    cleaned = _CONTROL_CHARS.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    return escape(cleaned).replace("\t", "    ").replace("\n", "<br/>")


def format_date(value: date | None) -> str:
    """``2026-11-22``, or :data:`EMPTY`."""
    if value is None:
        return EMPTY
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    return value.isoformat()


def format_flag(value: bool) -> str:
    return "是" if value else "否"


def format_field(value: object, kind: FieldKind | None) -> str:
    """Format one record field for print.

    :param value: the stored value (``str``, ``date``, number, ``bool`` or ``None``).
    :param kind: the field's kind from the record type, ``None`` for a field the type does
        not declare (printed as plain text).
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return EMPTY
    if isinstance(value, bool):
        return format_flag(value)
    if isinstance(value, date):
        return format_date(value)
    if kind is FieldKind.MONEY:
        try:
            amount = Decimal(str(value))
        except InvalidOperation:
            return str(value)  # keep a malformed amount visible rather than fail the export
        # An absurd exponent ("1e999999") would expand to a million digits; print as is.
        if amount.is_finite() and abs(amount) < _MONEY_LIMIT:
            return f"{amount:,.2f} 元"
    return str(value)


def chinese_ordinal(number: int) -> str:
    """Section numbering: 1 → ``一``, 12 → ``十二``, 40 → ``四十``; arabic from 100 on."""
    if not 1 <= number <= 99:
        return str(number)
    tens, units = divmod(number, 10)
    if tens == 0:
        return _DIGITS[units]
    prefix = "十" if tens == 1 else _DIGITS[tens] + "十"
    return prefix + (_DIGITS[units] if units else "")

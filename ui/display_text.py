"""How stored values read on screen: dates, 是/否, Chinese names of coded choices.

Coded choices (status ``serving``, category ``1``, source ``organization`` …) are stored as
codes; this module holds the one mapping from code to Chinese label, shared by the forms'
combo boxes and the read-only views.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

from records.fields import FieldKind, FieldSpec
from records.model import Disclosure, OfficialStatus, Source
from records.official_fields import SUPERVISION_CATEGORIES
from records.record_types import RECORD_TYPES
from ui.i18n import tr

#: Shown for an unknown or blank value.
EMPTY = "—"

ChoiceLabels = Mapping[str, Mapping[str, str]]
"""Field name → {stored code → label}. Fields not listed show their codes as they are."""


def official_choice_labels() -> ChoiceLabels:
    return {
        "status": {s.value: s.label_zh for s in OfficialStatus},
        "category": {str(n): name for n, name in SUPERVISION_CATEGORIES.items()},
    }


def record_choice_labels() -> ChoiceLabels:
    """Labels of the fields every record has (type, source, disclosure)."""
    return {
        "type": {code: t.label_zh for code, t in RECORD_TYPES.items()},
        "source": {s.value: s.label_zh for s in Source},
        "disclosure": {d.value: d.label_zh for d in Disclosure},
    }


def flag_text(value: bool) -> str:
    return tr("是") if value else tr("否")


def date_text(value: date | None) -> str:
    if value is None:
        return EMPTY
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    return value.isoformat()


def field_text(spec: FieldSpec, value: object, labels: ChoiceLabels | None = None) -> str:
    """``value`` of the field ``spec`` as one would read it on a form."""
    if isinstance(value, bool) or spec.kind is FieldKind.BOOLEAN:
        return flag_text(bool(value))
    if value is None or (isinstance(value, str) and not value.strip()):
        return EMPTY
    if isinstance(value, date):
        return date_text(value)
    if spec.kind is FieldKind.CHOICE and labels is not None:
        return labels.get(spec.name, {}).get(str(value), str(value))
    if spec.kind is FieldKind.MONEY:
        try:
            return f"{Decimal(str(value)):,.2f} 元"
        except InvalidOperation:
            return str(value)  # a malformed amount stays visible rather than hidden
    return str(value)


def one_line(text: str, limit: int = 60) -> str:
    """``text`` on one line, cut at ``limit`` characters (for table cells)."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"

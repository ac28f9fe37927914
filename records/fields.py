"""Field specifications and the one place that turns user input into typed values.

Forms, the CLI and the services share these specs, so a rule (required, length, date
format, positive amount) is written once and every error names the field the same way.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from enum import StrEnum

from records.errors import ValidationError


class FieldKind(StrEnum):
    TEXT = "text"  # one line
    LONG_TEXT = "long_text"  # paragraphs
    DATE = "date"  # YYYY-MM-DD
    MONEY = "money"  # yuan, ≥ 0, two decimals, kept as a string
    DECIMAL = "decimal"  # a quantity with its unit in the label (面积, 数量), ≥ 0, as a string
    INTEGER = "integer"
    BOOLEAN = "boolean"
    CHOICE = "choice"  # one of ``choices``


@dataclass(frozen=True)
class FieldSpec:
    name: str
    label_zh: str
    label_en: str
    kind: FieldKind = FieldKind.TEXT
    required: bool = False
    max_length: int = 200
    choices: tuple[str, ...] = ()

    def invalid(self, reason_zh: str, reason_en: str) -> ValidationError:
        return ValidationError(self.name, self.label_zh, reason_zh, reason_en)


Value = str | date | bool | int | None

_TRUE = {"1", "true", "yes", "y", "是", "on"}
_FALSE = {"0", "false", "no", "n", "否", "off", ""}


_TEXT_KINDS = frozenset({FieldKind.TEXT, FieldKind.LONG_TEXT, FieldKind.CHOICE})


def parse_for_storage(spec: FieldSpec, raw: object) -> Value:
    """Like :func:`parse_value`, but an empty text field is ``""`` (NOT NULL columns)."""
    value = parse_value(spec, raw)
    if value is None and spec.kind in _TEXT_KINDS:
        return ""
    return value


def parse_date(spec: FieldSpec, raw: object) -> date:
    if isinstance(raw, date):
        return raw
    text = str(raw).strip()
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise spec.invalid("日期格式应为 YYYY-MM-DD", "date must be YYYY-MM-DD") from None


def parse_value(spec: FieldSpec, raw: object) -> Value:
    """Validate one raw value (text from a form or the command line) against ``spec``.

    Empty input gives ``None`` (or ``False`` for a flag) unless the field is required.

    :raises ValidationError: naming the field and the rule it breaks.
    """
    if spec.kind is FieldKind.BOOLEAN:
        if isinstance(raw, bool):
            return raw
        text = "" if raw is None else str(raw).strip().lower()
        if text in _TRUE:
            return True
        if text in _FALSE:
            return False
        raise spec.invalid("应为“是”或“否”", "must be yes or no")
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        if spec.required:
            raise spec.invalid("不能为空", "is required")
        return None
    if spec.kind is FieldKind.DATE:
        return parse_date(spec, raw)
    if spec.kind is FieldKind.INTEGER:
        try:
            return int(str(raw).strip())
        except ValueError:
            raise spec.invalid("应为整数", "must be a whole number") from None
    text = str(raw).strip()
    if spec.kind in (FieldKind.MONEY, FieldKind.DECIMAL):
        try:
            amount = Decimal(text)
        except InvalidOperation:
            if spec.kind is FieldKind.MONEY:
                raise spec.invalid("应为金额(元)", "must be an amount in yuan") from None
            raise spec.invalid("应为数值", "must be a number") from None
        if not amount.is_finite() or amount < 0:
            what = "金额" if spec.kind is FieldKind.MONEY else "数值"
            raise spec.invalid(f"{what}不能为负数", "must not be negative")
        return f"{amount.quantize(Decimal('0.01'))}"
    if spec.kind is FieldKind.CHOICE:
        if text not in spec.choices:
            raise spec.invalid(
                "应为以下之一:" + "、".join(spec.choices),
                "must be one of " + ", ".join(spec.choices),
            )
        return text
    if len(text) > spec.max_length:
        raise spec.invalid(
            f"不能超过{spec.max_length}个字", f"must be at most {spec.max_length} characters"
        )
    if "\x00" in text:
        raise spec.invalid("含有非法字符", "contains a NUL character")
    return text

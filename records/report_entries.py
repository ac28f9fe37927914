"""Validating the sub-records (entries) of one report item against its schema.

Errors name the entry the way the CLI and forms show it: field ``real_estate[2].area``
(entries count from 1), label 房产面积, reason 必须为正数(第2条).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from decimal import Decimal, InvalidOperation

from records.errors import ValidationError
from records.fields import parse_value
from records.report_schema import KIND_KEY, EntryKind, ReportField, ReportItem

#: A report item holds at most this many entries (a sanity bound, not a rule of the form).
MAX_ENTRIES = 200

Entry = dict[str, object]


def entry_path(item: ReportItem, index: int, name: str | None = None) -> str:
    """``real_estate[2].area`` — ``index`` counts from 1."""
    base = f"{item.code}[{index}]"
    return base if name is None else f"{base}.{name}"


def _invalid(
    item: ReportItem, index: int, name: str, label: str, reason_zh: str, reason_en: str
) -> ValidationError:
    return ValidationError(
        entry_path(item, index, name),
        f"{item.short_zh}{label}",
        f"{reason_zh}(第{index}条)",
        f"{reason_en} (entry {index})",
    )


def entry_kind(item: ReportItem, index: int, entry: Mapping[str, object]) -> EntryKind:
    """The kind an entry names; an item with one kind needs no ``kind`` key."""
    raw = entry.get(KIND_KEY)
    if raw in (None, "") and len(item.kinds) == 1:
        return item.kinds[0]
    found = item.kind(str(raw)) if raw is not None else None
    if found is None:
        codes = "、".join(f"{k.code}({k.label_zh})" for k in item.kinds)
        raise _invalid(
            item, index, KIND_KEY, "类别", f"应为以下之一:{codes}",
            "must be one of " + ", ".join(k.code for k in item.kinds),
        )  # fmt: skip
    return found


def validate_entry(item: ReportItem, index: int, entry: Mapping[str, object]) -> Entry:
    """One entry, cleaned: dates as ISO text, amounts as two-decimal text, blanks dropped.

    :raises ValidationError: naming ``item[index].field``.
    """
    if not isinstance(entry, Mapping):
        raise _invalid(item, index, "", "", "应为字段集合", "must be a set of fields")
    kind = entry_kind(item, index, entry)
    for key in entry:
        if key != KIND_KEY and kind.field(str(key)) is None:
            raise _invalid(
                item, index, str(key), str(key), f"不是“{kind.label_zh}”的字段",
                f"is not a field of {item.code}/{kind.code}",
            )  # fmt: skip
    cleaned: Entry = {}
    if len(item.kinds) > 1:
        cleaned[KIND_KEY] = kind.code
    parsed: dict[str, object] = {}
    for field in kind.fields:
        value = _parse(item, index, field, entry.get(field.name))
        if value is None:
            continue
        parsed[field.name] = value
        cleaned[field.name] = value.isoformat() if isinstance(value, date) else value
    for field in kind.fields:
        _check_order(item, index, kind, field, parsed)
    return cleaned


def validate_entries(item: ReportItem, entries: Sequence[Mapping[str, object]]) -> list[Entry]:
    if len(entries) > MAX_ENTRIES:
        raise ValidationError(
            item.code, item.short_zh, f"最多{MAX_ENTRIES}条", f"at most {MAX_ENTRIES} entries"
        )
    return [validate_entry(item, n, entry) for n, entry in enumerate(entries, start=1)]


def _parse(item: ReportItem, index: int, field: ReportField, raw: object) -> object:
    spec = field.spec
    if field.positive and _negative_number(raw):
        # Say the rule of the field (面积必须为正数), not the generic one of its kind.
        raise _invalid(item, index, spec.name, spec.label_zh, "必须为正数", "must be positive")
    try:
        value = parse_value(spec, raw)
    except ValidationError as exc:
        raise _invalid(
            item, index, spec.name, spec.label_zh, exc.reason_zh, exc.reason_en
        ) from None
    if field.positive and value is not None and Decimal(str(value)) <= 0:
        raise _invalid(item, index, spec.name, spec.label_zh, "必须为正数", "must be positive")
    return value


def _negative_number(raw: object) -> bool:
    try:
        return Decimal(str(raw).strip()) < 0
    except InvalidOperation:
        return False


def _check_order(
    item: ReportItem, index: int, kind: EntryKind, field: ReportField, parsed: Mapping[str, object]
) -> None:
    if field.not_before is None:
        return
    later, earlier = parsed.get(field.name), parsed.get(field.not_before)
    if isinstance(later, date) and isinstance(earlier, date) and later < earlier:
        other = kind.field(field.not_before)
        other_label = other.spec.label_zh if other else field.not_before
        raise _invalid(
            item, index, field.name, field.spec.label_zh, f"不能早于{other_label}",
            f"must not be before {field.not_before}",
        )  # fmt: skip

"""Turning what a form or the command line gives into a record's stored values.

Shared by adding and editing, so both apply the same field specs and cross-field rules
(:mod:`records.record_rules`) and name the offending field the same way.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import TypeVar

from records.errors import ValidationError
from records.fields import FieldKind, FieldSpec, parse_date, parse_value
from records.model import Disclosure, Source
from records.record_rules import check_record
from records.record_types import NEED_TO_KNOW_TYPES, RECORD_TYPES, RecordType
from records.roles import Role
from records.session import Session

E = TypeVar("E", Source, Disclosure)

DATE_SPEC = FieldSpec("date", "日期", "date", FieldKind.DATE, required=True)


def record_type(code: str) -> RecordType:
    try:
        return RECORD_TYPES[code]
    except KeyError:
        raise ValidationError(
            "type",
            "记录类型",
            "未知类型,可用:" + "、".join(f"{t.code}({t.label_zh})" for t in RECORD_TYPES.values()),
            "unknown record type; known: " + ", ".join(RECORD_TYPES),
        ) from None


def enum_value(kind: type[E], raw: str, field: str, label: str) -> E:
    try:
        return kind(raw)
    except ValueError:
        raise ValidationError(
            field,
            label,
            "应为 " + "、".join(f"{m.value}({m.label_zh})" for m in kind),
            "must be one of " + ", ".join(m.value for m in kind),
        ) from None


def parse_source(raw: object) -> Source:
    return enum_value(Source, str(raw), "source", "来源")


def parse_disclosure(raw: object) -> Disclosure:
    return enum_value(Disclosure, str(raw), "disclosure", "密级")


def record_date(session: Session, raw: object) -> date:
    """The record's own date: a valid date, not after today."""
    when = parse_date(DATE_SPEC, raw)
    if when > session.now().date():
        raise DATE_SPEC.invalid("不能晚于今天", "must not be in the future")
    return when


def validate_record_fields(
    rtype: RecordType, values: Mapping[str, object], when: date | None = None
) -> dict[str, object]:
    """Each field by its spec, then (given the record's date) the type's cross-field rules.

    Empty optional fields are left out of the result.
    """
    known = {spec.name for spec in rtype.fields}
    for key in values:
        if key not in known:
            raise ValidationError(
                key, key, f"不是“{rtype.label_zh}”的字段", f"is not a field of {rtype.code}"
            )
    cleaned: dict[str, object] = {}
    for spec in rtype.fields:
        value = parse_value(spec, values.get(spec.name))
        if value is None or (spec.kind is FieldKind.BOOLEAN and value is False):
            continue  # an unticked flag is the same as no flag
        cleaned[spec.name] = value.isoformat() if isinstance(value, date) else value
    if when is not None:
        check_record(rtype.code, cleaned, when)
    return cleaned


def check_custodian(session: Session, rtype: RecordType, cleaned: Mapping[str, object]) -> None:
    """A clue's custodian is an enabled account that may work on dossiers."""
    if rtype.code not in NEED_TO_KNOW_TYPES:
        return
    row = session.conn.execute(
        "SELECT 1 FROM users u JOIN user_roles r ON r.user_id = u.id"
        " WHERE u.name = ? AND u.enabled = 1 AND r.role IN (?, ?)",
        (str(cleaned["custodian"]), Role.CLERK, Role.VETTING),
    ).fetchone()
    if row is None:
        raise ValidationError(
            "custodian",
            "承办人",
            "应为已启用的录入员或审核员账户",
            "must be an enabled clerk or vetting account",
        )

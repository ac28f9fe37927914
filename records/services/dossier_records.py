"""Records of a dossier (issue 2: ``major_matter``; the registry grows with issue 4)."""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import date
from typing import TypeVar

from records.errors import ValidationError
from records.fields import FieldKind, FieldSpec, parse_date, parse_value
from records.model import Disclosure, Record, Source
from records.need_to_know import as_seen_by
from records.record_types import NEED_TO_KNOW_TYPES, RECORD_TYPES, RecordType
from records.roles import Action, Role
from records.rows import RECORD_COLUMNS, record_from_row
from records.services.officials import OfficialService, official_object
from records.session import Session

E = TypeVar("E", Source, Disclosure)

_DATE_SPEC = FieldSpec("date", "日期", "date", FieldKind.DATE, required=True)


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


def _enum_value(kind: type[E], raw: str, field: str, label: str) -> E:
    try:
        return kind(raw)
    except ValueError:
        raise ValidationError(
            field,
            label,
            "应为 " + "、".join(f"{m.value}({m.label_zh})" for m in kind),
            "must be one of " + ", ".join(m.value for m in kind),
        ) from None


def validate_record_fields(rtype: RecordType, values: Mapping[str, object]) -> dict[str, object]:
    known = {spec.name for spec in rtype.fields}
    for key in values:
        if key not in known:
            raise ValidationError(
                key, key, f"不是“{rtype.label_zh}”的字段", f"is not a field of {rtype.code}"
            )
    cleaned: dict[str, object] = {}
    for spec in rtype.fields:
        value = parse_value(spec, values.get(spec.name))
        if value is not None:
            cleaned[spec.name] = value.isoformat() if isinstance(value, date) else value
    return cleaned


def _check_custodian(session: Session, name: str) -> None:
    """A clue's custodian is an enabled account that may work on dossiers."""
    row = session.conn.execute(
        "SELECT 1 FROM users u JOIN user_roles r ON r.user_id = u.id"
        " WHERE u.name = ? AND u.enabled = 1 AND r.role IN (?, ?)",
        (name, Role.CLERK, Role.VETTING),
    ).fetchone()
    if row is None:
        raise ValidationError(
            "custodian",
            "承办人",
            "应为已启用的录入员或审核员账户",
            "must be an enabled clerk or vetting account",
        )


class RecordService:
    def __init__(self, session: Session) -> None:
        self._session = session
        self._officials = OfficialService(session)

    def add(
        self,
        official_id: int,
        type_code: str,
        record_date: date | str,
        fields: Mapping[str, object],
        *,
        source: str = Source.ORGANIZATION,
        disclosure: str = Disclosure.INTERNAL,
    ) -> Record:
        session = self._session
        session.require(Action.RECORD_ADD, official_object(official_id))
        rtype = record_type(type_code)
        when = parse_date(_DATE_SPEC, record_date)
        if when > session.now().date():
            raise _DATE_SPEC.invalid("不能晚于今天", "must not be in the future")
        cleaned = validate_record_fields(rtype, fields)
        if rtype.code in NEED_TO_KNOW_TYPES:
            _check_custodian(session, str(cleaned["custodian"]))
        parsed_source = _enum_value(Source, str(source), "source", "来源")
        parsed_disclosure = _enum_value(Disclosure, str(disclosure), "disclosure", "密级")
        self._officials._load(official_id)
        session.require_not_recused(official_id, Action.RECORD_ADD)
        with session.transaction() as conn:
            cursor = conn.execute(
                "INSERT INTO records (official_id, type, record_date, fields_json, source,"
                " disclosure, created_by, created_at) VALUES (?,?,?,?,?,?,?,?)",
                (
                    official_id,
                    rtype.code,
                    when.isoformat(),
                    json.dumps(cleaned, ensure_ascii=False, sort_keys=True),
                    parsed_source,
                    parsed_disclosure,
                    session.user.name,
                    session.now().isoformat(),
                ),
            )
            record_id = int(cursor.lastrowid or 0)
            session.log("record.add", official_object(official_id), detail=f"record:{record_id}")
        row = session.conn.execute(
            f"SELECT {RECORD_COLUMNS} FROM records WHERE id = ?", (record_id,)
        ).fetchone()
        return record_from_row(row)

    def list(self, official_id: int, *, type_code: str | None = None) -> list[Record]:
        session = self._session
        session.require(Action.RECORD_LIST, official_object(official_id))
        if type_code is not None:
            record_type(type_code)
        self._officials._load(official_id)
        session.require_not_recused(official_id, Action.RECORD_LIST)
        sql = f"SELECT {RECORD_COLUMNS} FROM records WHERE official_id = ?"
        params: list[object] = [official_id]
        if type_code is not None:
            sql += " AND type = ?"
            params.append(type_code)
        with session.transaction() as conn:
            rows = conn.execute(sql + " ORDER BY record_date, id", params).fetchall()
            session.log("record.list", official_object(official_id))
        return [as_seen_by(record_from_row(row), session.user) for row in rows]

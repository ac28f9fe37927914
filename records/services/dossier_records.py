"""Records of a dossier: filing, listing, reading, correcting and withdrawing them.

History, never deletion (DOMAIN.md §3): an edit copies the current version into
``record_history`` and bumps ``version``; a withdrawal marks the row with who, when and
why. No code path deletes a record row.
"""

from __future__ import annotations

import builtins
import json
from collections.abc import Mapping
from datetime import date

from records.errors import ConflictError, ValidationError
from records.fields import FieldKind, FieldSpec, parse_value
from records.model import Disclosure, Record, Source
from records.need_to_know import as_seen_by, may_read_content
from records.record_history import RecordVersion, versions
from records.roles import Action
from records.rows import RECORD_COLUMNS, record_from_row
from records.services.clue_informants import clean_informant, store_informant
from records.services.officials import OfficialService, official_object
from records.services.record_access import (
    load_record,
    record_object,
    require_content_access,
)
from records.services.record_input import (
    check_custodian,
    parse_disclosure,
    parse_source,
    record_type,
    validate_record_fields,
)
from records.services.record_input import record_date as parse_record_date
from records.session import Session

__all__ = ["RecordService", "record_type", "validate_record_fields"]

REASON_SPEC = FieldSpec(
    "reason", "撤销理由", "Reason", FieldKind.LONG_TEXT, required=True, max_length=500
)


def _fields_json(fields: Mapping[str, object]) -> str:
    return json.dumps(fields, ensure_ascii=False, sort_keys=True)


class RecordService:
    def __init__(self, session: Session) -> None:
        self._session = session
        self._officials = OfficialService(session)

    def _reload(self, record_id: int) -> Record:
        row = self._session.conn.execute(
            f"SELECT {RECORD_COLUMNS} FROM records WHERE id = ?", (record_id,)
        ).fetchone()
        return record_from_row(row)

    def add(
        self,
        official_id: int,
        type_code: str,
        record_date: date | str,
        fields: Mapping[str, object],
        *,
        source: str = Source.ORGANIZATION,
        disclosure: str = Disclosure.INTERNAL,
        informant_name: str = "",
        informant_contact: str = "",
    ) -> Record:
        """File a record. For a clue, the informant (if given) is stored apart from it."""
        session = self._session
        session.require(Action.RECORD_ADD, official_object(official_id))
        rtype = record_type(type_code)
        when = parse_record_date(session, record_date)
        cleaned = validate_record_fields(rtype, fields, when)
        check_custodian(session, rtype, cleaned)
        informant = clean_informant(rtype.code, informant_name, informant_contact)
        parsed_source, parsed_disclosure = parse_source(source), parse_disclosure(disclosure)
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
                    _fields_json(cleaned),
                    parsed_source,
                    parsed_disclosure,
                    session.user.name,
                    session.now().isoformat(),
                ),
            )
            record_id = int(cursor.lastrowid or 0)
            if informant is not None:
                store_informant(conn, record_id, informant)
            session.log("record.add", official_object(official_id), detail=f"record:{record_id}")
        return self._reload(record_id)

    def list(
        self,
        official_id: int,
        *,
        type_code: str | None = None,
        include_withdrawn: bool = True,
    ) -> list[Record]:
        """The dossier's records by date; withdrawn ones are included (marked) by default."""
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
        if not include_withdrawn:
            sql += " AND withdrawn_at IS NULL"
        with session.transaction() as conn:
            rows = conn.execute(sql + " ORDER BY record_date, id", params).fetchall()
            session.log("record.list", official_object(official_id))
        return [as_seen_by(record_from_row(row), session.user) for row in rows]

    def get(self, record_id: int) -> Record:
        """One record as the user may see it (audited, ``record.show``)."""
        session = self._session
        session.require(Action.RECORD_LIST, record_object(record_id))
        record = load_record(session, record_id, Action.RECORD_LIST)
        with session.transaction():
            session.log("record.show", record_object(record_id))
        return as_seen_by(record, session.user)

    def history(self, record_id: int) -> builtins.list[RecordVersion]:
        """Every version, oldest first, with who changed what and when; then the withdrawal.

        Audited as ``record.history``; need-to-know masks the content as in :meth:`get`.
        """
        session = self._session
        session.require(Action.RECORD_LIST, record_object(record_id))
        record = load_record(session, record_id, Action.RECORD_LIST)
        hide = not may_read_content(record, session.user)
        with session.transaction() as conn:
            result = versions(conn, record, hide_content=hide)
            session.log("record.history", record_object(record_id))
        return result

    def edit(
        self,
        record_id: int,
        *,
        fields: Mapping[str, object] | None = None,
        record_date: date | str | None = None,
        source: str | None = None,
        disclosure: str | None = None,
    ) -> Record:
        """A new version: ``fields`` are merged over the current ones (an empty value
        clears an optional field); the whole record is validated again.

        :raises ConflictError: the record is withdrawn.
        :raises ValidationError: a field breaks a rule, or nothing would change.
        """
        session = self._session
        session.require(Action.RECORD_EDIT, record_object(record_id))
        current = load_record(session, record_id, Action.RECORD_EDIT)
        require_content_access(session, current, Action.RECORD_EDIT)
        if current.withdrawn:
            raise ConflictError(
                f"记录已撤销,不能修改:{record_id}", f"record {record_id} is withdrawn"
            )
        rtype = record_type(current.type)
        when = (
            current.record_date if record_date is None else parse_record_date(session, record_date)
        )
        merged = {**current.fields, **(fields or {})}
        cleaned = validate_record_fields(rtype, merged, when)
        check_custodian(session, rtype, cleaned)
        new_source = current.source if source is None else parse_source(source)
        new_disclosure = current.disclosure if disclosure is None else parse_disclosure(disclosure)
        if (cleaned, when, new_source, new_disclosure) == (
            current.fields,
            current.record_date,
            current.source,
            current.disclosure,
        ):
            raise ValidationError("fields", "记录", "没有任何修改", "nothing changed")
        now = session.now().isoformat()
        with session.transaction() as conn:
            conn.execute(
                "INSERT INTO record_history (record_id, version, record_date, fields_json,"
                " source, disclosure, changed_by, changed_at) VALUES (?,?,?,?,?,?,?,?)",
                (
                    record_id,
                    current.version,
                    current.record_date.isoformat(),
                    _fields_json(current.fields),
                    current.source,
                    current.disclosure,
                    current.updated_by or current.created_by,
                    (current.updated_at or current.created_at).isoformat(),
                ),
            )
            conn.execute(
                "UPDATE records SET record_date = ?, fields_json = ?, source = ?,"
                " disclosure = ?, version = version + 1, updated_by = ?, updated_at = ?"
                " WHERE id = ?",
                (
                    when.isoformat(),
                    _fields_json(cleaned),
                    new_source,
                    new_disclosure,
                    session.user.name,
                    now,
                    record_id,
                ),
            )
            session.log(
                "record.edit",
                record_object(record_id),
                detail=f"version:{current.version + 1}",
            )
        return self._reload(record_id)

    def withdraw(self, record_id: int, reason: str) -> Record:
        """Mark the record withdrawn with ``reason``; it stays in the dossier and its history.

        :raises ValidationError: no reason given.
        :raises ConflictError: already withdrawn.
        """
        session = self._session
        session.require(Action.RECORD_WITHDRAW, record_object(record_id))
        current = load_record(session, record_id, Action.RECORD_WITHDRAW)
        require_content_access(session, current, Action.RECORD_WITHDRAW)
        text = str(parse_value(REASON_SPEC, reason))
        if current.withdrawn:
            raise ConflictError(
                f"记录已撤销:{record_id}", f"record {record_id} is already withdrawn"
            )
        with session.transaction() as conn:
            conn.execute(
                "UPDATE records SET withdrawn_at = ?, withdrawn_by = ?, withdraw_reason = ?"
                " WHERE id = ?",
                (session.now().isoformat(), session.user.name, text, record_id),
            )
            session.log("record.withdraw", record_object(record_id))
        return self._reload(record_id)

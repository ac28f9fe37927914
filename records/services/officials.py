"""Dossiers: filing officials, their family, and reading a whole dossier (always audited)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace

from records.errors import NotFoundError, ValidationError
from records.fields import parse_for_storage
from records.id_number import InvalidIdNumber, parse_id_number
from records.model import Dossier, FamilyMember, Official
from records.need_to_know import as_seen_by
from records.official_fields import FAMILY_FIELDS
from records.official_validation import validate_official
from records.roles import Action
from records.rows import (
    FAMILY_COLUMNS,
    OFFICIAL_COLUMNS,
    RECORD_COLUMNS,
    family_from_row,
    official_from_row,
    record_from_row,
    to_sql,
)
from records.search import OfficialQuery, search_officials
from records.search_index import fill_pinyin
from records.session import Session

DEFAULT_LIST_LIMIT = 500


def official_object(official_id: int) -> str:
    """How an official is named in the audit trail."""
    return f"official:{official_id}"


class OfficialService:
    def __init__(self, session: Session) -> None:
        self._session = session

    def add(self, values: Mapping[str, object]) -> Official:
        """File a new official (一人一档: one dossier per ID number)."""
        session = self._session
        session.require(Action.OFFICIAL_ADD)
        cleaned = validate_official(values, today=session.now().date())
        if session.conn.execute(
            "SELECT 1 FROM officials WHERE id_number = ?", (cleaned["id_number"],)
        ).fetchone():
            raise ValidationError("id_number", "公民身份号码", "已建档", "already has a dossier")
        columns = [*cleaned, "created_at", "created_by"]
        params = [to_sql(v) for v in cleaned.values()]
        params += [session.now().isoformat(), session.user.name]
        with session.transaction() as conn:
            cursor = conn.execute(
                f"INSERT INTO officials ({', '.join(columns)})"
                f" VALUES ({', '.join('?' for _ in columns)})",
                params,
            )
            official_id = int(cursor.lastrowid or 0)
            fill_pinyin(conn, official_id, str(cleaned["name"]))
            session.log("official.add", official_object(official_id))
        return self._load(official_id)

    def add_family_member(self, official_id: int, values: Mapping[str, object]) -> FamilyMember:
        session = self._session
        session.require(Action.RECORD_ADD, official_object(official_id))
        self._load(official_id)
        session.require_not_recused(official_id, Action.RECORD_ADD)
        known = {spec.name for spec in FAMILY_FIELDS}
        for key in values:
            if key not in known:
                raise ValidationError(key, key, "不是家庭成员字段", "is not a family-member field")
        cleaned = {
            spec.name: parse_for_storage(spec, values.get(spec.name)) for spec in FAMILY_FIELDS
        }
        if cleaned["id_number"]:
            try:
                cleaned["id_number"] = parse_id_number(
                    str(cleaned["id_number"]), today=session.now().date()
                ).number
            except InvalidIdNumber as exc:
                raise ValidationError(
                    "id_number", "公民身份号码", exc.reason_zh, exc.reason_en
                ) from None
        columns = ["official_id", *cleaned]
        with session.transaction() as conn:
            cursor = conn.execute(
                f"INSERT INTO family_members ({', '.join(columns)})"
                f" VALUES ({', '.join('?' for _ in columns)})",
                [official_id, *(to_sql(v) for v in cleaned.values())],
            )
            member_id = int(cursor.lastrowid or 0)
            session.log("family.add", official_object(official_id), detail=f"member:{member_id}")
        row = session.conn.execute(
            f"SELECT {FAMILY_COLUMNS} FROM family_members WHERE id = ?", (member_id,)
        ).fetchone()
        return family_from_row(row)

    def search(self, query: OfficialQuery) -> list[Official]:
        """Officials matching ``query`` (:mod:`records.search`), sorted as it asks."""
        session = self._session
        session.require(Action.OFFICIAL_LIST)
        return search_officials(session.conn, query, session.now().date())

    def by_ids(self, official_ids: Sequence[int]) -> list[Official]:
        """The officials of ``official_ids`` in that order, as a listing shows them (what
        :meth:`search` returns, for ids another service gave, e.g. a random draw).

        :raises NotFoundError: an id has no dossier.
        """
        self._session.require(Action.OFFICIAL_LIST)
        return [self._load(official_id) for official_id in official_ids]

    def list(self, search: str = "", *, limit: int = DEFAULT_LIST_LIMIT) -> list[Official]:
        """Officials matching ``search`` (name, pinyin, initials, ID prefix, unit, position),
        in pinyin order of their names."""
        return self.search(OfficialQuery(text=search, limit=limit))

    def dossier(self, official_id: int) -> Dossier:
        """The whole dossier; the read itself is written to the audit trail."""
        session = self._session
        session.require(Action.OFFICIAL_READ, official_object(official_id))
        session.require_not_recused(official_id, Action.OFFICIAL_READ)
        with session.transaction():
            dossier = self._dossier_unaudited(official_id)
            session.log("official.read", official_object(official_id))
        return replace(dossier, records=tuple(as_seen_by(r, session.user) for r in dossier.records))

    # ---- shared with other services of this package --------------------------------------

    def _load(self, official_id: int) -> Official:
        row = self._session.conn.execute(
            f"SELECT {OFFICIAL_COLUMNS} FROM officials WHERE id = ?", (official_id,)
        ).fetchone()
        if row is None:
            raise NotFoundError("人员档案", "official", official_id)
        return official_from_row(row)

    def _dossier_unaudited(self, official_id: int) -> Dossier:
        conn = self._session.conn
        official = self._load(official_id)
        family = tuple(
            family_from_row(row)
            for row in conn.execute(
                f"SELECT {FAMILY_COLUMNS} FROM family_members WHERE official_id = ? ORDER BY id",
                (official_id,),
            )
        )
        records = tuple(
            record_from_row(row)
            for row in conn.execute(
                f"SELECT {RECORD_COLUMNS} FROM records WHERE official_id = ?"
                " ORDER BY record_date, id",
                (official_id,),
            )
        )
        return Dossier(official, family, records)

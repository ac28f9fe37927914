"""Mapping database rows to the frozen model objects."""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any

from records.model import Disclosure, FamilyMember, Official, OfficialStatus, Record, Source

OFFICIAL_COLUMNS = (
    "id, name, id_number, gender, birth_date, unit, position, rank, ethnicity, native_place,"
    " upbringing_place, political_status, party_join_date, education, appointed_date,"
    " management_level, category, is_leading, is_reserve, is_top_leader, is_dual_role,"
    " status, created_at"
)

FAMILY_COLUMNS = (
    "id, official_id, relation, name, birth_date, id_number, employer, post,"
    " political_status, abroad_status"
)

RECORD_COLUMNS = (
    "id, official_id, type, record_date, fields_json, source, disclosure, created_by, created_at,"
    " version, withdrawn_at, withdrawn_by, withdraw_reason, updated_by, updated_at"
)


def _date(text: Any) -> date | None:
    return None if text is None else date.fromisoformat(str(text))


def _datetime(text: Any) -> datetime | None:
    return None if text is None else datetime.fromisoformat(str(text))


def official_from_row(row: tuple[Any, ...]) -> Official:
    birth = _date(row[4])
    assert birth is not None  # NOT NULL column
    return Official(
        id=row[0],
        name=row[1],
        id_number=row[2],
        gender=row[3],
        birth_date=birth,
        unit=row[5],
        position=row[6],
        rank=row[7],
        ethnicity=row[8],
        native_place=row[9],
        upbringing_place=row[10],
        political_status=row[11],
        party_join_date=_date(row[12]),
        education=row[13],
        appointed_date=_date(row[14]),
        management_level=row[15],
        category=row[16],
        is_leading=bool(row[17]),
        is_reserve=bool(row[18]),
        is_top_leader=bool(row[19]),
        is_dual_role=bool(row[20]),
        status=OfficialStatus(row[21]),
        created_at=datetime.fromisoformat(row[22]),
    )


def family_from_row(row: tuple[Any, ...]) -> FamilyMember:
    return FamilyMember(
        id=row[0],
        official_id=row[1],
        relation=row[2],
        name=row[3],
        birth_date=_date(row[4]),
        id_number=row[5],
        employer=row[6],
        post=row[7],
        political_status=row[8],
        abroad_status=row[9],
    )


def record_from_row(row: tuple[Any, ...]) -> Record:
    record_date = _date(row[3])
    assert record_date is not None  # NOT NULL column
    return Record(
        id=row[0],
        official_id=row[1],
        type=row[2],
        record_date=record_date,
        fields=json.loads(row[4]),
        source=Source(row[5]),
        disclosure=Disclosure(row[6]),
        created_by=row[7],
        created_at=datetime.fromisoformat(row[8]),
        version=int(row[9]),
        withdrawn=row[10] is not None,
        withdrawn_at=_datetime(row[10]),
        withdrawn_by=row[11] or "",
        withdraw_reason=row[12] or "",
        updated_by=row[13] or "",
        updated_at=_datetime(row[14]),
    )


def to_sql(value: object) -> object:
    """Dates as ISO text, flags as 0/1; everything else as it is."""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, date):
        return value.isoformat()
    return value

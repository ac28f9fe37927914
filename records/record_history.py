"""A record's versions and what changed between them ("history, never deletion").

The ``records`` row is the current version; every earlier one is a ``record_history`` row
written by the edit that replaced it. :func:`versions` puts them back in order and adds
the field-level differences between consecutive versions, and the withdrawal, if any, as
a last entry.
"""

from __future__ import annotations

import itertools
import json
from dataclasses import dataclass, replace
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from records.database import Connection
from records.model import Disclosure, Record, Source
from records.record_types import labelled_fields


class VersionEvent(StrEnum):
    CREATED = "created"
    EDITED = "edited"
    WITHDRAWN = "withdrawn"

    @property
    def label_zh(self) -> str:
        return {"created": "登记", "edited": "修改", "withdrawn": "撤销"}[self.value]


@dataclass(frozen=True)
class FieldChange:
    """One value that differs from the previous version (``None``: absent there)."""

    name: str
    label_zh: str
    old: object
    new: object


@dataclass(frozen=True)
class RecordVersion:
    """A state of a record, who made it, when, and how it differs from the one before."""

    version: int
    event: VersionEvent
    record_date: date
    fields: dict[str, Any]
    source: Source
    disclosure: Disclosure
    changed_by: str
    changed_at: datetime
    changes: tuple[FieldChange, ...] = ()
    reason: str = ""  # of a withdrawal
    content_hidden: bool = False


#: Properties every record has, compared like fields (labels as the forms show them).
_COMMON = (("record_date", "日期"), ("source", "来源"), ("disclosure", "密级"))


def _common_value(version: RecordVersion, name: str) -> object:
    value = getattr(version, name)
    return value.label_zh if isinstance(value, Source | Disclosure) else value


def diff(type_code: str, old: RecordVersion, new: RecordVersion) -> tuple[FieldChange, ...]:
    """Common properties first, then the type's fields in their declared order."""
    changes = [
        FieldChange(name, label, _common_value(old, name), _common_value(new, name))
        for name, label in _COMMON
        if getattr(old, name) != getattr(new, name)
    ]
    union = {**old.fields, **new.fields}
    for shown in labelled_fields(type_code, union):
        name = shown.spec.name if shown.spec else shown.label_zh
        before, after = old.fields.get(name), new.fields.get(name)
        if before != after:
            changes.append(FieldChange(name, shown.label_zh, before, after))
    return tuple(changes)


def _stored_versions(conn: Connection, record: Record) -> list[RecordVersion]:
    earlier = [
        RecordVersion(
            version=int(row[0]),
            event=VersionEvent.CREATED if row[0] == 1 else VersionEvent.EDITED,
            record_date=date.fromisoformat(row[1]),
            fields=json.loads(row[2]),
            source=Source(row[3]),
            disclosure=Disclosure(row[4]),
            changed_by=row[5],
            changed_at=datetime.fromisoformat(row[6]),
        )
        for row in conn.execute(
            "SELECT version, record_date, fields_json, source, disclosure, changed_by,"
            " changed_at FROM record_history WHERE record_id = ? ORDER BY version",
            (record.id,),
        )
    ]
    current = RecordVersion(
        version=record.version,
        event=VersionEvent.CREATED if record.version == 1 else VersionEvent.EDITED,
        record_date=record.record_date,
        fields=record.fields,
        source=record.source,
        disclosure=record.disclosure,
        changed_by=record.updated_by or record.created_by,
        changed_at=record.updated_at or record.created_at,
    )
    return [*earlier, current]


def versions(conn: Connection, record: Record, *, hide_content: bool) -> list[RecordVersion]:
    """Every version of ``record`` (unmasked, as stored), oldest first, then its withdrawal.

    :param hide_content: the reader may not read the content (need-to-know): fields and
        field changes are left out; dates, source and disclosure stay.
    """
    stored = _stored_versions(conn, record)
    result: list[RecordVersion] = [stored[0]]
    for old, new in itertools.pairwise(stored):
        result.append(replace(new, changes=diff(record.type, old, new)))
    if record.withdrawn and record.withdrawn_at is not None:
        last = result[-1]
        result.append(
            replace(
                last,
                event=VersionEvent.WITHDRAWN,
                changed_by=record.withdrawn_by,
                changed_at=record.withdrawn_at,
                changes=(),
                reason=record.withdraw_reason,
            )
        )
    if hide_content:
        common = {name for name, _ in _COMMON}
        result = [
            replace(
                v,
                fields={},
                changes=tuple(c for c in v.changes if c.name in common),
                reason="",
                content_hidden=True,
            )
            for v in result
        ]
    return result

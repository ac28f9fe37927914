"""Record types and their fields, as data (the types themselves: record_type_catalog.py).

Each type lists its fields with a Chinese label, a kind (used for validation and for
choosing an editor) and whether it is required. Services, the CLI (``record types``), the
GUI editors and the PDF all read this one table.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from records.fields import FieldSpec
from records.record_type_catalog import CATALOG, CLUE, MAJOR_MATTER, RecordType

__all__ = [
    "CLUE",
    "MAJOR_MATTER",
    "NEED_TO_KNOW_TYPES",
    "RECORD_TYPES",
    "LabelledValue",
    "RecordType",
    "labelled_fields",
    "type_label_zh",
]


#: Types whose content only their custodian and the vetting role may read.
NEED_TO_KNOW_TYPES = frozenset({CLUE.code})

RECORD_TYPES: dict[str, RecordType] = {t.code: t for t in CATALOG}


@dataclass(frozen=True)
class LabelledValue:
    """A record field ready to show: its label, its spec (``None`` if undeclared), its value."""

    label_zh: str
    spec: FieldSpec | None
    value: object


def labelled_fields(type_code: str, fields: Mapping[str, object]) -> list[LabelledValue]:
    """``fields`` in the type's declared order, then any the type does not declare.

    Undeclared fields come from a newer or retired version of a type; they are shown under
    their code name rather than silently dropped.
    """
    rtype = RECORD_TYPES.get(type_code)
    specs = rtype.fields if rtype else ()
    shown = [LabelledValue(s.label_zh, s, fields[s.name]) for s in specs if s.name in fields]
    declared = {s.name for s in specs}
    shown += [LabelledValue(n, None, fields[n]) for n in sorted(set(fields) - declared)]
    return shown


def type_label_zh(type_code: str) -> str:
    rtype = RECORD_TYPES.get(type_code)
    return rtype.label_zh if rtype else type_code

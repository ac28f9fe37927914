"""Record types and their fields, as data.

Each type lists its fields with a Chinese label, a kind (used for validation and for
choosing an editor) and whether it is required. Services, the CLI (``record types``), the
GUI editors and the PDF all read this one table.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from records.fields import FieldKind, FieldSpec


@dataclass(frozen=True)
class RecordType:
    code: str
    label_zh: str
    label_en: str
    fields: tuple[FieldSpec, ...]

    def field(self, name: str) -> FieldSpec:
        for spec in self.fields:
            if spec.name == name:
                return spec
        raise KeyError(name)


MAJOR_MATTER = RecordType(
    code="major_matter",
    label_zh="重大事项报告",
    label_en="Major matter report",
    fields=(
        FieldSpec("title", "事项", "Matter", FieldKind.TEXT, required=True, max_length=100),
        FieldSpec("detail", "具体情况", "Details", FieldKind.LONG_TEXT, max_length=5000),
    ),
)

CLUE = RecordType(
    code="clue",
    label_zh="问题线索",
    label_en="Clue or petition",
    fields=(
        FieldSpec(
            "summary", "线索摘要", "Summary", FieldKind.LONG_TEXT, required=True, max_length=5000
        ),
        # 专人负责、专人管理 (003:97): the one user who may read the content besides vetting.
        FieldSpec(
            "custodian", "承办人", "Custodian", FieldKind.TEXT, required=True, max_length=32
        ),
        FieldSpec(
            "disposal", "处置方式", "Disposal", FieldKind.CHOICE,
            choices=("谈话函询", "初步核实", "暂存待查", "予以了结"),
        ),
        FieldSpec(
            "status", "办理状态", "Status", FieldKind.CHOICE, required=True,
            choices=("待处置", "处置中", "已了结"),
        ),
        FieldSpec(
            "conclusion", "核查结论", "Conclusion", FieldKind.CHOICE,
            choices=("属实", "部分属实", "不属实"),
        ),
    ),
)  # fmt: skip

#: Types whose content only their custodian and the vetting role may read.
NEED_TO_KNOW_TYPES = frozenset({CLUE.code})

RECORD_TYPES: dict[str, RecordType] = {t.code: t for t in (MAJOR_MATTER, CLUE)}


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

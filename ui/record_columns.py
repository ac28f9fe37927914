"""How a record reads in the dossier's table and detail pane.

The 全部 section lists every type with one generic summary; a type's own section shows
that type's key fields in columns, since records of one type differ in exactly those.
A withdrawn record stays listed and says so (history, never deletion).
"""

from __future__ import annotations

from collections.abc import Callable

from records.fields import FieldSpec
from records.model import Record
from records.record_types import RECORD_TYPES, labelled_fields
from ui.display_text import EMPTY, date_text, field_text, one_line
from ui.i18n import tr
from ui.row_table_model import Column

#: Shown for a clue whose content the reader may not see (need-to-know, 003:97).
HIDDEN_CONTENT_ZH = "(内容仅承办人和审核员可见)"
WITHDRAWN_ZH = "已撤销"
#: How many of a type's fields its section shows as columns.
KEY_FIELD_COUNT = 3
#: Types whose first fields are not the telling ones: 留党察看期 is empty for every
#: sanction but one kind, while the decision number identifies each sanction.
_KEY_FIELDS: dict[str, tuple[str, ...]] = {"sanction": ("system", "kind", "decision_number")}


def record_type_label(record: Record) -> str:
    record_type = RECORD_TYPES.get(record.type)
    return record_type.label_zh if record_type is not None else record.type


def _cell(record: Record, spec: FieldSpec) -> str:
    return one_line(field_text(spec, record.fields.get(spec.name)))


def record_summary(record: Record) -> str:
    """The type's summary field on one line: enough to tell records of a type apart."""
    record_type = RECORD_TYPES.get(record.type)
    if record_type is None or not record_type.fields:
        return EMPTY
    if record.content_hidden:
        return tr(HIDDEN_CONTENT_ZH)
    return _cell(record, record_type.summary_field)


def key_fields(type_code: str) -> tuple[FieldSpec, ...]:
    """The fields a type's section shows as columns, in the type's declared order."""
    record_type = RECORD_TYPES[type_code]
    names = _KEY_FIELDS.get(type_code)
    if names is None:
        return record_type.fields[:KEY_FIELD_COUNT]
    return tuple(record_type.field(name) for name in names)


def record_status(record: Record) -> str:
    if record.withdrawn:
        return tr(WITHDRAWN_ZH)
    if record.version > 1:
        return tr("第{n}版").format(n=record.version)
    return ""


def all_columns() -> list[Column]:
    """Columns of the 全部 section; a withdrawn record's summary starts with 〔已撤销〕."""

    def summary(record: Record) -> str:
        marker = f"〔{tr(WITHDRAWN_ZH)}〕" if record.withdrawn else ""
        return marker + record_summary(record)

    return [
        Column(tr("日期"), lambda r: date_text(r.record_date)),
        Column(tr("类型"), record_type_label),
        Column(tr("摘要"), summary),
        Column(tr("来源"), lambda r: r.source.label_zh),
        Column(tr("密级"), lambda r: r.disclosure.label_zh),
    ]


def type_columns(type_code: str) -> list[Column]:
    """Columns of one type's section: date, its key fields, status."""
    columns = [Column(tr("日期"), lambda r: date_text(r.record_date))]
    for index, spec in enumerate(key_fields(type_code)):
        columns.append(Column(spec.label_zh, _key_cell(spec, first=index == 0)))
    columns.append(Column(tr("状态"), record_status))
    return columns


def _key_cell(spec: FieldSpec, *, first: bool) -> Callable[[Record], str]:
    def text(record: Record) -> str:
        if record.content_hidden:
            return tr(HIDDEN_CONTENT_ZH) if first else EMPTY
        return _cell(record, spec)

    return text


def record_details(record: Record) -> list[tuple[str, str]]:
    """Every property of ``record`` as (label, text) rows, the withdrawal first."""
    rows: list[tuple[str, str]] = []
    if record.withdrawn:
        rows += [
            (tr("状态"), tr(WITHDRAWN_ZH)),
            (tr("撤销理由"), record.withdraw_reason or EMPTY),
            (tr("撤销人"), record.withdrawn_by),
            (tr("撤销时间"), date_text(record.withdrawn_at)),
        ]
    rows += [
        (tr("日期"), date_text(record.record_date)),
        (tr("类型"), record_type_label(record)),
        (tr("来源"), record.source.label_zh),
        (tr("密级"), record.disclosure.label_zh),
    ]
    if record.content_hidden:
        rows.append((tr("内容"), tr(HIDDEN_CONTENT_ZH)))
    for field in labelled_fields(record.type, record.fields):
        text = field_text(field.spec, field.value) if field.spec else str(field.value)
        rows.append((field.label_zh, text))
    rows.append((tr("登记人"), record.created_by))
    rows.append((tr("登记时间"), date_text(record.created_at)))
    if record.version > 1:
        rows.append((tr("版本"), tr("第{n}版").format(n=record.version)))
        rows.append((tr("最后修改人"), record.updated_by))
        rows.append((tr("最后修改时间"), date_text(record.updated_at)))
    return rows

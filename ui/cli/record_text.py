"""Plain-text views of records for ``liandang record show|types`` (JSON goes via jsonable)."""

from __future__ import annotations

from typing import Any

from records.fields import FieldSpec
from records.model import Record
from records.record_history import RecordVersion
from records.record_types import RecordType, labelled_fields, type_label_zh

HIDDEN_NOTE = "(内容仅承办人和审核员可见 / content restricted to the custodian)"


def _shown(value: object) -> str:
    if value is None or value == "":
        return "—"
    if value is True:
        return "是"
    return str(value)


def record_text(record: Record) -> str:
    lines = [
        f"#{record.id} {type_label_zh(record.type)}  日期 {record.record_date}"
        f"  [{record.source.label_zh} · {record.disclosure.label_zh}]  第{record.version}版",
        f"  登记:{record.created_by} {record.created_at:%Y-%m-%d %H:%M}",
    ]
    if record.updated_at is not None:
        lines.append(f"  修改:{record.updated_by} {record.updated_at:%Y-%m-%d %H:%M}")
    if record.withdrawn and record.withdrawn_at is not None:
        reason = f",理由:{record.withdraw_reason}" if record.withdraw_reason else ""
        lines.append(f"  已撤销:{record.withdrawn_by} {record.withdrawn_at:%Y-%m-%d %H:%M}{reason}")
    if record.content_hidden:
        lines.append("  " + HIDDEN_NOTE)
    shown = labelled_fields(record.type, record.fields)
    lines += [f"  {f.label_zh}:{_shown(f.value)}" for f in shown]
    return "\n".join(lines)


def history_text(history: list[RecordVersion]) -> str:
    lines = ["【修改历史】"]
    for version in history:
        head = (
            f"  第{version.version}版 {version.event.label_zh}"
            f"  {version.changed_by} {version.changed_at:%Y-%m-%d %H:%M}"
        )
        if version.reason:
            head += f"  理由:{version.reason}"
        lines.append(head)
        lines += [f"      {c.label_zh}:{_shown(c.old)} → {_shown(c.new)}" for c in version.changes]
        if version.content_hidden:
            lines.append("      " + HIDDEN_NOTE)
    return "\n".join(lines)


def spec_json(spec: FieldSpec) -> dict[str, Any]:
    return {
        "name": spec.name,
        "label_zh": spec.label_zh,
        "label_en": spec.label_en,
        "kind": spec.kind.value,
        "required": spec.required,
        "choices": list(spec.choices),
        "max_length": spec.max_length,
    }


def types_json(types: list[RecordType]) -> list[dict[str, Any]]:
    return [
        {
            "code": t.code,
            "label_zh": t.label_zh,
            "label_en": t.label_en,
            "fields": [spec_json(s) for s in t.fields],
        }
        for t in types
    ]


def types_text(types: list[RecordType]) -> str:
    lines: list[str] = []
    for rtype in types:
        lines.append(f"{rtype.code}  {rtype.label_zh} / {rtype.label_en}")
        for spec in rtype.fields:
            mark = "*" if spec.required else " "
            choices = " (" + "、".join(spec.choices) + ")" if spec.choices else ""
            lines.append(f"  {mark}{spec.name}  {spec.label_zh}  [{spec.kind.value}]{choices}")
    return "\n".join(lines)

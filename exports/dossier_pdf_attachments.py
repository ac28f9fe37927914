"""The dossier PDF's list of attachments (附件目录): what is attached, never the content.

Each attachment prints its name, type, size, the record it belongs to and when it was added,
then its SHA-256 on a line of its own (so the 64 digits stay together and can be compared
with the file kept elsewhere). A withdrawn attachment stays in the list, marked 已撤回 with
its reason, as withdrawn records do. Which attachments go in is the profile's decision
(:func:`exports.export_profiles.apply_sections_profile`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from reportlab.platypus import Flowable, Paragraph

from exports.dossier_pdf_parts import Styles, cell, column_table, section
from exports.pdf_text import NONE_FILED, format_date
from records.model import Record
from records.record_types import RECORD_TYPES
from records.services.attachments import PHOTO, Attachment

ATTACHMENTS_TITLE = "附件目录"
ATTACHMENTS_NOTE = "本目录仅列附件的名称、类型、大小和 SHA-256 校验值,不含附件内容。"
WITHDRAWN_ATTACHMENT = "已撤回"
_KB = 1024


def size_text(size: int) -> str:
    """``512 字节``, ``12.3 KB``, ``4.5 MB``."""
    if size < _KB:
        return f"{size} 字节"
    if size < _KB * _KB:
        return f"{size / _KB:.1f} KB"
    return f"{size / (_KB * _KB):.1f} MB"


def _owner(attachment: Attachment, records: Mapping[int, Record]) -> str:
    if attachment.record_id is None:
        return "本人照片" if attachment.purpose == PHOTO else "整个档案"
    record = records.get(attachment.record_id)
    if record is None:
        return f"记录 {attachment.record_id}"
    record_type = RECORD_TYPES.get(record.type)
    label = record_type.label_zh if record_type is not None else record.type
    return f"{label} {format_date(record.record_date)}"


def _type_label(attachment: Attachment) -> str:
    try:
        return attachment.kind.label_zh
    except KeyError:  # a media type this version does not know: print it as stored
        return attachment.media_type


def _withdrawal(attachment: Attachment) -> str:
    when = format_date(attachment.withdrawn_at.date()) if attachment.withdrawn_at else ""
    who = " ".join(part for part in (attachment.withdrawn_by, when) if part)
    text = f"【{WITHDRAWN_ATTACHMENT}】撤回原因:{attachment.withdraw_reason.strip() or NONE_FILED}"
    return f"{text}({who} 撤回)" if who else text


def _kept_with_next(paragraph: Paragraph) -> Paragraph:
    # The note sits between the heading and the table; it must not break their chain.
    paragraph.keepWithNext = 1
    return paragraph


def attachment_sections(
    attachments: Sequence[Attachment],
    records: Mapping[int, Record],
    styles: Styles,
    *,
    number: int,
) -> list[Flowable]:
    """The list of attachments, in the order they were added.

    :param records: the records the profile kept, by id (to name an attachment's record).
    """
    if not attachments:
        return [section(number, ATTACHMENTS_TITLE, styles), Paragraph(NONE_FILED, styles.body)]
    rows: list[list[Paragraph]] = []
    spans: list[tuple[object, ...]] = []
    for index, attachment in enumerate(attachments, start=1):
        first = len(rows) + 1  # the header is row 0
        rows.append(
            [
                cell(str(index), styles.cell),
                cell(attachment.file_name, styles.cell),
                cell(_type_label(attachment), styles.cell),
                cell(size_text(attachment.size), styles.cell),
                cell(_owner(attachment, records), styles.cell),
                cell(format_date(attachment.added_at.date()), styles.cell),
            ]
        )
        lines = [cell(f"SHA-256:{attachment.sha256}", styles.small_cell)]
        if attachment.withdrawn:
            lines.append(cell(_withdrawal(attachment), styles.withdrawn))
        for line in lines:
            # One cell across the columns after the number (the rest are covered by the span).
            rows.append([cell("", styles.cell), line, *([cell("", styles.cell)] * 4)])
            spans.append(("SPAN", (1, len(rows)), (-1, len(rows))))
        # The number spans the attachment's rows, so each attachment reads as one block.
        spans.append(("SPAN", (0, first), (0, len(rows))))
    header = ("序号", "文件名", "类型", "大小", "所属记录", "添加日期")
    return [
        section(number, ATTACHMENTS_TITLE, styles, f"{len(attachments)} 个"),
        _kept_with_next(Paragraph(ATTACHMENTS_NOTE, styles.cell)),
        column_table(header, rows, (0.5, 3.0, 0.7, 0.9, 2.2, 1.2), styles, extra=spans),
    ]

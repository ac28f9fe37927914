"""The audit trail (or a filtered part of it) as an unsigned PDF.

A heading block (who exported, when, the filters, how many entries, the chain head) and one
table row per entry, oldest first, with the first 12 hex digits of each entry's hash so a
paper copy can be matched line by line against the trail. The page furniture is the one of
every export (:mod:`exports.page_furniture`): classification, number, page X / Y,
watermark, and the chain head in the footer.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.lib.colors import Color
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from exports.fonts import cjk_font_name
from exports.page_furniture import (
    MARGIN_LEFT,
    MARGIN_RIGHT,
    PAGE_SIZE,
)
from exports.pdf_document import build_pdf
from exports.pdf_text import NONE_FILED, markup
from exports.stamp import ExportStamp
from records.audit import AuditEntry

TITLE = "审计日志"
HASH_DIGITS = 12

_CONTENT_WIDTH = PAGE_SIZE[0] - MARGIN_LEFT - MARGIN_RIGHT
_GRID_COLOR = Color(0.55, 0.55, 0.55)
_HEADER_BACKGROUND = Color(0.93, 0.93, 0.93)
_OUTCOME_ZH = {"ok": "成功", "refused": "拒绝", "failed": "失败"}

# (title, relative width); the widths add up to the content width of an A4 page.
_COLUMNS: tuple[tuple[str, float], ...] = (
    ("序号", 11),
    ("时间", 25),
    ("用户", 17),
    ("角色", 15),
    ("操作", 22),
    ("对象", 22),
    ("结果", 10),
    ("说明", 27),
    ("哈希(前12位)", 21),
)


def outcome_label(outcome: str) -> str:
    return _OUTCOME_ZH.get(outcome, outcome)


def _row(entry: AuditEntry) -> list[str]:
    return [
        str(entry.seq),
        entry.at.strftime("%Y-%m-%d %H:%M:%S"),
        entry.user_name,
        entry.role,
        entry.action,
        entry.object,
        outcome_label(entry.outcome),
        entry.detail,
        entry.entry_hash[:HASH_DIGITS],
    ]


def render_audit_pdf(entries: Sequence[AuditEntry], stamp: ExportStamp, *, filters: str) -> bytes:
    """Render ``entries`` (in the order given) as an A4 PDF with the export's page marks.

    :param filters: the selection as text (``user=clerk1 limit=1000``), printed in the head.
    :raises ExportError: the font is missing or the layout fails.
    """
    font = cjk_font_name()
    base = ParagraphStyle("base", fontName=font, fontSize=10, leading=14, wordWrap="CJK")
    title = ParagraphStyle("title", parent=base, fontSize=20, leading=28, alignment=TA_CENTER)
    # CJK wrapping also breaks hashes and ISO times (no spaces) instead of overflowing.
    cell = ParagraphStyle("cell", parent=base, fontSize=7, leading=9)

    head = [
        ("导出人", stamp.exported_by),
        ("导出时间", stamp.exported_at.isoformat()),
        ("筛选条件", filters or "全部"),
        ("条目数", str(len(entries))),
        ("审计链头", stamp.audit_head),
    ]
    story: list[Flowable] = [
        Paragraph(TITLE, title),
        Spacer(1, 4 * mm),
        _grid(
            [[Paragraph(markup(k), cell), Paragraph(markup(v), cell)] for k, v in head],
            [24 * mm, _CONTENT_WIDTH - 24 * mm],
            font,
            header=False,
        ),
        Spacer(1, 5 * mm),
    ]
    if entries:
        total = sum(width for _title, width in _COLUMNS)
        widths = [width / total * _CONTENT_WIDTH for _title, width in _COLUMNS]
        rows = [[Paragraph(markup(t), cell) for t, _width in _COLUMNS]]
        rows += [[Paragraph(markup(text), cell) for text in _row(e)] for e in entries]
        story.append(_grid(rows, widths, font, header=True))
    else:
        story.append(Paragraph(NONE_FILED, base))

    return build_pdf(story, stamp, title=TITLE)


def _grid(rows: list[list[Paragraph]], widths: list[float], font: str, *, header: bool) -> Table:
    commands: list[tuple[Any, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), font),  # keep Helvetica (not embedded) out of the PDF
        ("GRID", (0, 0), (-1, -1), 0.5, _GRID_COLOR),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 2),
        ("RIGHTPADDING", (0, 0), (-1, -1), 2),
    ]
    if header:
        commands.append(("BACKGROUND", (0, 0), (-1, 0), _HEADER_BACKGROUND))
    else:
        commands.append(("BACKGROUND", (0, 0), (0, -1), _HEADER_BACKGROUND))
    return Table(
        rows,
        colWidths=widths,
        style=TableStyle(commands),
        repeatRows=1 if header else 0,
        splitInRow=1,
    )

"""The reply letter "关于××等×名同志党风廉政意见的反馈" as an unsigned PDF.

Layout: the title; the requesting unit as addressee; one paragraph citing the request (来函
number, date, unit, purpose); a table with each candidate's category, the reasons with the
records they rest on, and who decided it and how (失察失误追究制: the opinion names its
author, DOMAIN.md §4); the signing officer, the unit, the date and the area for the unit's
seal. The page furniture (classification, document number, page X / Y, watermark, audit
head) is that of every export (:mod:`exports.page_furniture`).

The reasons cite clues by record number, disposal and status only; they never carry a
clue's summary (:mod:`records.vetting_proposal`).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from reportlab.lib.colors import Color
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from exports.fonts import cjk_font_name
from exports.page_furniture import MARGIN_LEFT, MARGIN_RIGHT, PAGE_SIZE
from exports.pdf_document import build_pdf
from exports.pdf_text import markup
from exports.stamp import ExportStamp
from records.services.vetting_reply_grant import ReplyCandidate, ReplyGrant
from records.vetting_terms import Decision

SEAL_TEXT = "(单位印章)"
CLOSING = "特此反馈。"

_CONTENT_WIDTH = PAGE_SIZE[0] - MARGIN_LEFT - MARGIN_RIGHT
_GRID = Color(0.55, 0.55, 0.55)
_HEADER_BACKGROUND = Color(0.93, 0.93, 0.93)
_SEAL_COLOR = Color(0.75, 0.1, 0.1)
_SEAL_DIAMETER = 42 * mm


def reply_title(names: Sequence[str]) -> str:
    """``关于张三等3名同志党风廉政意见的反馈``; ``关于张三同志党风廉政意见的反馈`` for one."""
    if not names:
        raise ValueError("a reply names at least one candidate")
    if len(names) == 1:
        return f"关于{names[0]}同志党风廉政意见的反馈"
    return f"关于{names[0]}等{len(names)}名同志党风廉政意见的反馈"


def chinese_date(day: date) -> str:
    """``2026年11月22日``, as official letters print dates."""
    return f"{day.year}年{day.month}月{day.day}日"


class SealArea(Flowable):  # type: ignore[misc]  # reportlab ships no type hints
    """A dashed circle at the right margin where the unit's seal is pressed on paper."""

    def wrap(self, available_width: float, _available_height: float) -> tuple[float, float]:
        self._width = available_width
        return available_width, _SEAL_DIAMETER

    def draw(self) -> None:
        canvas: Any = self.canv
        radius = _SEAL_DIAMETER / 2
        x = self._width - radius - 8 * mm
        canvas.saveState()
        canvas.setStrokeColor(_SEAL_COLOR)
        canvas.setDash(3, 2)
        canvas.circle(x, radius, radius - 1, stroke=1, fill=0)
        canvas.setFillColor(_SEAL_COLOR)
        canvas.setFont(cjk_font_name(), 9)
        canvas.drawCentredString(x, radius - 3, SEAL_TEXT)
        canvas.restoreState()


def _styles(font: str) -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("base", fontName=font, fontSize=11, leading=18, wordWrap="CJK")
    return {
        "title": ParagraphStyle("title", parent=base, fontSize=18, leading=28,
                                alignment=TA_CENTER, spaceAfter=12),
        "body": ParagraphStyle("body", parent=base, firstLineIndent=22, spaceAfter=6),
        "addressee": ParagraphStyle("addressee", parent=base, spaceAfter=4),
        "cell": ParagraphStyle("cell", parent=base, fontSize=9, leading=13),
        "head": ParagraphStyle("head", parent=base, fontSize=9, leading=13, alignment=TA_CENTER),
        "sign": ParagraphStyle("sign", parent=base, alignment=TA_RIGHT),
        "note": ParagraphStyle("note", parent=base, fontSize=8, leading=12),
    }  # fmt: skip


def _opinion_cell(candidate: ReplyCandidate) -> str:
    category = candidate.decision.category
    return f"第{category.value}类\n{category.label_zh}"


def _reasons_cell(candidate: ReplyCandidate) -> str:
    decision = candidate.decision
    text = "\n".join(f"{i}. {r.text_zh}" for i, r in enumerate(decision.reasons, start=1))
    if decision.decision is Decision.OVERRIDDEN:
        text += (
            f"\n【改定】系统建议第{decision.proposed.value}类,"
            f"审核人改定为第{decision.category.value}类。理由:{decision.justification}"
        )
    return text


def _decided_cell(candidate: ReplyCandidate) -> str:
    decision = candidate.decision
    return (
        f"{candidate.decided_by}\n{decision.decision.label_zh}\n"
        f"{decision.decided_at:%Y-%m-%d}"
    )


def _table(grant: ReplyGrant, styles: dict[str, ParagraphStyle]) -> Table:
    headers = ["序号", "姓名", "工作单位及职务", "意见类别", "理由及依据", "决定人"]
    rows: list[list[Paragraph]] = [[Paragraph(h, styles["head"]) for h in headers]]
    for index, candidate in enumerate(grant.candidates, start=1):
        official = candidate.official
        cells = [
            str(index),
            official.name,
            f"{official.unit}{official.position}",
            _opinion_cell(candidate),
            _reasons_cell(candidate),
            _decided_cell(candidate),
        ]
        rows.append([Paragraph(markup(c), styles["cell"]) for c in cells])
    widths = [0.5, 1.1, 2.2, 2.0, 5.4, 1.8]
    total = sum(widths)
    return Table(
        rows,
        colWidths=[w / total * _CONTENT_WIDTH for w in widths],
        repeatRows=1,
        splitInRow=1,
        style=TableStyle(
            [
                # Cells are Paragraphs, but the table still selects its own font on the
                # canvas (Helvetica, not embedded) unless told otherwise.
                ("FONTNAME", (0, 0), (-1, -1), styles["cell"].fontName),
                ("GRID", (0, 0), (-1, -1), 0.5, _GRID),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("BACKGROUND", (0, 0), (-1, 0), _HEADER_BACKGROUND),
                ("LEFTPADDING", (0, 0), (-1, -1), 3),
                ("RIGHTPADDING", (0, 0), (-1, -1), 3),
            ]
        ),
    )


def render_reply_pdf(grant: ReplyGrant, stamp: ExportStamp) -> bytes:
    """The letter for ``grant`` as an A4 PDF, every page marked with ``stamp``; unsigned
    (pass it to :func:`exports.signing.sign_pdf`).

    :raises ExportError: the font is missing or the layout failed.
    """
    styles = _styles(cjk_font_name())
    request = grant.request
    names = [c.official.name for c in grant.candidates]
    title = reply_title(names)
    reference = (
        f"你单位{chinese_date(request.letter_date)}来函(文号:{request.number})"
        f"就{request.purpose.label_zh}人选征求党风廉政意见,收悉。经查阅廉政档案、"
        f"信访举报和问题线索处置等情况,现将{len(names)}名同志的党风廉政意见反馈如下:"
    )
    signature = [
        Paragraph(markup(f"审核签发人:{grant.signed_by}"), styles["sign"]),
        Paragraph(markup(grant.identity.unit), styles["sign"]),
        Paragraph(chinese_date(grant.signed_at.date()), styles["sign"]),
        SealArea(),
    ]
    story: list[Flowable] = [
        Paragraph(markup(title), styles["title"]),
        Paragraph(markup(f"{request.requesting_unit}:"), styles["addressee"]),
        Paragraph(markup(reference), styles["body"]),
        _table(grant, styles),
        Spacer(1, 4 * mm),
        Paragraph(CLOSING, styles["body"]),
        Spacer(1, 6 * mm),
        # The signing officer, unit, date and seal stay on one page.
        KeepTogether(signature),
        Spacer(1, 4 * mm),
        Paragraph(
            markup(
                f"回复文号:{grant.document_number}。本件经数字签章,"
                "可用“liandang verify”核验。"
            ),
            styles["note"],
        ),
    ]
    return build_pdf(story, stamp, title=title)

"""What every page of an export carries besides its content.

- the classification mark in a box at the top right (e.g. ``涉密 ★``),
- the document number at the top left,
- ``第 X 页 / 共 Y 页`` at the bottom, and the audit-chain head when there is one,
- a light diagonal watermark naming who exported the document and when.

The total page count is only known once the whole document has been laid out, so the
footer is drawn by :class:`NumberedCanvas`, which holds every page back until ``save``.
The watermark and header are drawn when a page begins (:func:`draw_page_marks`), so the
watermark lies *under* the page content instead of over it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from reportlab.lib.colors import Color
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from exports.fonts import cjk_font_name
from exports.stamp import ExportStamp

PAGE_SIZE = A4
MARGIN_LEFT = MARGIN_RIGHT = 20 * mm
MARGIN_TOP = 28 * mm  # leaves room for the header band
MARGIN_BOTTOM = 22 * mm  # leaves room for the footer band

_MARK_COLOR = Color(0.70, 0.0, 0.0)
_TEXT_COLOR = Color(0.25, 0.25, 0.25)
_WATERMARK_COLOR = Color(0.5, 0.5, 0.5, alpha=0.3)
# "公开" documents carry no secrecy star; every other label is a restricted marking.
_UNRESTRICTED_LABELS = frozenset({"公开"})


def classification_mark(classification: str) -> str:
    """The text of the classification box, e.g. ``"涉密 ★"`` or ``"公开"``."""
    if classification in _UNRESTRICTED_LABELS:
        return classification
    return f"{classification} ★"


def page_number_text(page: int, total: int) -> str:
    """``"第 1 页 / 共 3 页"``."""
    return f"第 {page} 页 / 共 {total} 页"


def draw_page_marks(canvas: Any, stamp: ExportStamp) -> None:
    """Draw the watermark, document number and classification mark of the current page.

    Meant as a platypus ``onPage`` callback (called before the page's flowables).

    :param canvas: the reportlab canvas of the page being started.
    :param stamp: the export being drawn.
    """
    font = cjk_font_name()
    width, height = PAGE_SIZE
    canvas.saveState()
    _draw_watermark(canvas, font, stamp.watermark_text)

    header_y = height - 15 * mm
    canvas.setFillColor(_TEXT_COLOR)
    canvas.setFont(font, 9)
    canvas.drawString(MARGIN_LEFT, header_y, f"编号:{stamp.document_number}")

    mark = classification_mark(stamp.classification)
    size = 13
    pad = 2 * mm
    text_width = stringWidth(mark, font, size)
    box_x = width - MARGIN_RIGHT - text_width - 2 * pad
    canvas.setStrokeColor(_MARK_COLOR)
    canvas.setFillColor(_MARK_COLOR)
    canvas.setLineWidth(1.2)
    canvas.rect(box_x, header_y - pad, text_width + 2 * pad, size + 2 * pad, stroke=1, fill=0)
    canvas.setFont(font, size)
    canvas.drawString(box_x + pad, header_y + 0.5, mark)

    canvas.setStrokeColor(_TEXT_COLOR)
    canvas.setLineWidth(0.4)
    rule_y = header_y - pad - 2 * mm
    canvas.line(MARGIN_LEFT, rule_y, width - MARGIN_RIGHT, rule_y)
    canvas.restoreState()


def _draw_watermark(canvas: Any, font: str, text: str) -> None:
    width, height = PAGE_SIZE
    # Fit the text to about three quarters of the page diagonal, capped for short names.
    diagonal = (width**2 + height**2) ** 0.5
    size = min(34.0, 0.75 * diagonal / max(stringWidth(text, font, 1), 1.0))
    canvas.saveState()
    canvas.setFillColor(_WATERMARK_COLOR)
    canvas.setFont(font, size)
    canvas.translate(width / 2, height / 2)
    canvas.rotate(54.7)  # the A4 diagonal
    canvas.drawCentredString(0, -size / 3, text)
    canvas.restoreState()


def _draw_footer(canvas: Any, stamp: ExportStamp, page: int, total: int) -> None:
    font = cjk_font_name()
    width, _ = PAGE_SIZE
    footer_y = 12 * mm
    canvas.saveState()
    canvas.setStrokeColor(_TEXT_COLOR)
    canvas.setLineWidth(0.4)
    canvas.line(MARGIN_LEFT, footer_y + 5 * mm, width - MARGIN_RIGHT, footer_y + 5 * mm)
    canvas.setFillColor(_TEXT_COLOR)
    canvas.setFont(font, 9)
    canvas.drawCentredString(width / 2, footer_y, page_number_text(page, total))
    canvas.setFont(font, 7)
    canvas.drawString(MARGIN_LEFT, footer_y - 4.5 * mm, stamp.watermark_text)
    if stamp.audit_head:
        canvas.drawRightString(
            width - MARGIN_RIGHT, footer_y - 4.5 * mm, f"审计链:{stamp.audit_head}"
        )
    canvas.restoreState()


class NumberedCanvas(Canvas):  # type: ignore[misc]  # reportlab ships no type hints
    """A canvas that defers each page until the page count is known, then adds the footer.

    Build it through :func:`numbered_canvas_maker`, which binds the stamp.
    """

    def __init__(self, *args: Any, stamp: ExportStamp, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._stamp = stamp
        self._page_states: list[dict[str, Any]] = []

    def showPage(self) -> None:
        # Keep the finished page's state instead of emitting it; save() replays it.
        self._page_states.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._page_states)
        for number, state in enumerate(self._page_states, start=1):
            self.__dict__.update(state)
            _draw_footer(self, self._stamp, number, total)
            super().showPage()
        super().save()


def numbered_canvas_maker(stamp: ExportStamp) -> Callable[..., Canvas]:
    """Return a ``canvasmaker`` for ``doc.build`` that numbers pages and prints ``stamp``."""

    def make(*args: Any, **kwargs: Any) -> Canvas:
        return NumberedCanvas(*args, stamp=stamp, **kwargs)

    return make

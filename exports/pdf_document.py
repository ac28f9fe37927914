"""Lay out a story of flowables as one of our PDFs: A4, CJK font, the marks on every page.

Every export (dossier, audit trail, and the vetting replies to come) is built here, so page
furniture, metadata and error handling stay the same everywhere.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any

from reportlab.platypus import Flowable, SimpleDocTemplate

from exports.errors import ExportError
from exports.fonts import cjk_font_name
from exports.page_furniture import (
    MARGIN_BOTTOM,
    MARGIN_LEFT,
    MARGIN_RIGHT,
    MARGIN_TOP,
    PAGE_SIZE,
    draw_page_marks,
    numbered_canvas_maker,
)
from exports.stamp import ExportStamp


def build_pdf(story: Sequence[Flowable], stamp: ExportStamp, *, title: str) -> bytes:
    """The unsigned PDF of ``story``, every page marked with ``stamp``.

    :raises ExportError: the layout failed (reportlab's own message is kept out of it).
    """
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=PAGE_SIZE,
        leftMargin=MARGIN_LEFT,
        rightMargin=MARGIN_RIGHT,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        title=title,
        author=stamp.exported_by,
        subject=stamp.document_number,
        creator="廉档 LianDang",
        initialFontName=cjk_font_name(),
    )

    def on_page(canvas: Any, _doc: Any) -> None:
        draw_page_marks(canvas, stamp)

    try:
        doc.build(
            list(story),
            onFirstPage=on_page,
            onLaterPages=on_page,
            canvasmaker=numbered_canvas_maker(stamp),
        )
    except ExportError:
        raise
    except Exception as exc:
        # reportlab reports layout trouble (e.g. LayoutError) with plain exceptions whose
        # text quotes document content; keep that out of the message.
        raise ExportError("生成 PDF 失败", "PDF layout failed") from exc
    return buffer.getvalue()

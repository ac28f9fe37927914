"""Lay out a story of flowables as one of our PDFs: A4, CJK font, the marks on every page.

Every export (dossier, audit trail, and the vetting replies to come) is built here, so page
furniture, metadata and error handling stay the same everywhere.

A story that holds a :class:`TableOfContents` is laid out in several passes (reportlab's
``multiBuild``): each :class:`SectionHeading` reports its page as it is placed, and the
table is redrawn with those page numbers until they no longer change.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate
from reportlab.platypus.tableofcontents import TableOfContents

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


class SectionHeading(Paragraph):  # type: ignore[misc]  # reportlab ships no type hints
    """A heading that is listed, with its page, in the story's :class:`TableOfContents`.

    :param text: the heading as Paragraph markup (already escaped).
    :param toc_text: the entry as Paragraph markup; defaults to ``text``.
    :param level: 0 for a section, 1 for a subsection.
    """

    def __init__(
        self, text: str, style: ParagraphStyle, *, toc_text: str | None = None, level: int = 0
    ) -> None:
        super().__init__(text, style)
        self.toc_entry = (level, toc_text if toc_text is not None else text)


class _Document(SimpleDocTemplate):  # type: ignore[misc]  # reportlab ships no type hints
    def afterFlowable(self, flowable: Flowable) -> None:
        if isinstance(flowable, SectionHeading):
            level, text = flowable.toc_entry
            self.notify("TOCEntry", (level, text, self.page))


def build_pdf(story: Sequence[Flowable], stamp: ExportStamp, *, title: str) -> bytes:
    """The unsigned PDF of ``story``, every page marked with ``stamp``.

    :raises ExportError: the layout failed (reportlab's own message is kept out of it).
    """
    buffer = io.BytesIO()
    doc = _Document(
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

    # Only the last pass of multiBuild writes to the buffer.
    build = doc.multiBuild if any(isinstance(f, TableOfContents) for f in story) else doc.build
    try:
        build(
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

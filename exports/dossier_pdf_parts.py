"""The building blocks every section of the dossier PDF is made of: styles, numbered
section headings (listed in the table of contents), cells and the grid of the tables.

Shared by :mod:`exports.dossier_pdf` and the modules of its other sections
(:mod:`exports.dossier_pdf_reports`, :mod:`exports.dossier_pdf_checks`,
:mod:`exports.dossier_pdf_positions`, :mod:`exports.dossier_pdf_attachments`), so that every
section has the same fonts, grid and headings.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from reportlab.lib.colors import Color, red
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Table, TableStyle

from exports.page_furniture import MARGIN_LEFT, MARGIN_RIGHT, PAGE_SIZE
from exports.pdf_document import SectionHeading
from exports.pdf_text import chinese_ordinal, markup

CONTENT_WIDTH = PAGE_SIZE[0] - MARGIN_LEFT - MARGIN_RIGHT
GRID_COLOR = Color(0.55, 0.55, 0.55)
LABEL_BACKGROUND = Color(0.93, 0.93, 0.93)


@dataclass(frozen=True)
class Styles:
    title: ParagraphStyle
    subtitle: ParagraphStyle
    heading: ParagraphStyle
    record_heading: ParagraphStyle
    toc_title: ParagraphStyle
    toc_entry: ParagraphStyle
    withdrawn: ParagraphStyle
    label: ParagraphStyle
    cell: ParagraphStyle
    small_cell: ParagraphStyle
    flagged: ParagraphStyle
    body: ParagraphStyle


def make_styles(font: str) -> Styles:
    # wordWrap="CJK" lets lines break between any two Chinese characters; without it
    # reportlab only breaks at spaces and a Chinese paragraph runs off the page.
    base = ParagraphStyle("base", fontName=font, fontSize=10, leading=14, wordWrap="CJK")
    return Styles(
        title=ParagraphStyle(
            "title", parent=base, fontSize=22, leading=30, alignment=TA_CENTER, spaceAfter=4
        ),
        subtitle=ParagraphStyle(
            "subtitle", parent=base, fontSize=15, leading=22, alignment=TA_CENTER, spaceAfter=10
        ),
        heading=ParagraphStyle(
            # keepWithNext: a section title never sits alone at the foot of a page.
            "heading",
            parent=base,
            fontSize=13,
            leading=19,
            spaceBefore=10,
            spaceAfter=5,
            keepWithNext=1,
        ),
        # keepWithNext here too: the layout then keeps a section heading, a record's heading
        # and the start of its table together as one chain. A KeepTogether around the record
        # would break that chain (reportlab never keeps a flowable with a container), and
        # the section heading could be left alone at the foot of a page.
        record_heading=ParagraphStyle(
            "record_heading",
            parent=base,
            fontSize=10,
            leading=14,
            spaceBefore=6,
            spaceAfter=3,
            keepWithNext=1,
        ),
        toc_title=ParagraphStyle(
            "toc_title", parent=base, fontSize=13, leading=19, alignment=TA_CENTER, spaceAfter=4
        ),
        toc_entry=ParagraphStyle("toc_entry", parent=base, fontSize=11, leading=18),
        withdrawn=ParagraphStyle(
            "withdrawn", parent=base, fontSize=9, leading=13, textColor=red, keepWithNext=1
        ),
        label=ParagraphStyle("label", parent=base, fontSize=9, leading=13),
        cell=ParagraphStyle("cell", parent=base, fontSize=9, leading=13),
        small_cell=ParagraphStyle("small_cell", parent=base, fontSize=8, leading=11),
        # A finding of 漏报 / 瞒报 in a table: the same cell, in the colour of a warning.
        flagged=ParagraphStyle("flagged", parent=base, fontSize=9, leading=13, textColor=red),
        body=base,
    )


def section(number: int, title: str, styles: Styles, count: str | None = None) -> Flowable:
    """A numbered section heading, listed in the table of contents.

    :param count: how many entries the section has, with its measure word (``"3 条"``);
        printed after the heading, not in the table of contents.
    """
    heading = f"{chinese_ordinal(number)}、{markup(title)}"
    shown = heading if count is None else f"{heading}({markup(count)})"
    return SectionHeading(shown, styles.heading, toc_text=heading)


def cell(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(markup(text), style)


def lines_cell(lines: Sequence[str], style: ParagraphStyle) -> Paragraph:
    """One cell holding several lines (each escaped on its own)."""
    return Paragraph("<br/>".join(markup(line) for line in lines), style)


def grid_style(
    font: str,
    label_columns: Sequence[int] = (),
    header_row: bool = False,
    extra: Sequence[tuple[Any, ...]] = (),
) -> TableStyle:
    commands: list[tuple[Any, ...]] = [
        # Cells hold Paragraphs with their own font, but the table still selects its cell
        # font (Helvetica by default) on the canvas, which would add a non-embedded font.
        ("FONTNAME", (0, 0), (-1, -1), font),
        ("GRID", (0, 0), (-1, -1), 0.5, GRID_COLOR),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
    ]
    for column in label_columns:
        commands.append(("BACKGROUND", (column, 0), (column, -1), LABEL_BACKGROUND))
    if header_row:
        commands.append(("BACKGROUND", (0, 0), (-1, 0), LABEL_BACKGROUND))
    commands.extend(extra)
    return TableStyle(commands)


def label_table(
    rows: Sequence[tuple[str, Paragraph | str]],
    styles: Styles,
    label_width: float = 28 * mm,
    heading: Paragraph | None = None,
) -> Table:
    """Label / value rows (a value given as text is escaped and wrapped).

    :param heading: a first row across both columns, repeated on every page the table
        spans (a long report then says on each page which report it is).
    """
    data = [
        [cell(label, styles.label), value if isinstance(value, Paragraph) else
         cell(value, styles.cell)]
        for label, value in rows
    ]  # fmt: skip
    extra: list[tuple[Any, ...]] = []
    if heading is not None:
        data.insert(0, [heading, ""])
        extra = [("SPAN", (0, 0), (-1, 0)), ("BACKGROUND", (0, 0), (-1, 0), LABEL_BACKGROUND)]
    return Table(
        data,
        colWidths=[label_width, CONTENT_WIDTH - label_width],
        style=grid_style(styles.body.fontName, label_columns=(0,), extra=extra),
        repeatRows=1 if heading is not None else 0,
        splitInRow=1,
    )


def column_table(
    header: Sequence[str],
    rows: Sequence[Sequence[Paragraph]],
    weights: Sequence[float],
    styles: Styles,
    extra: Sequence[tuple[Any, ...]] = (),
) -> Table:
    """A table with a header row (repeated on every page it spans) and relative widths."""
    total = sum(weights)
    return Table(
        [[cell(text, styles.label) for text in header], *rows],
        colWidths=[w / total * CONTENT_WIDTH for w in weights],
        style=grid_style(styles.body.fontName, header_row=True, extra=extra),
        repeatRows=1,
        splitInRow=1,
    )

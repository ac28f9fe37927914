"""The dossier of one official (干部廉政档案) as an unsigned PDF.

Layout: title and name; 基本信息; 家庭成员及主要社会关系; then one section per record type,
in the order of :data:`records.record_types.RECORD_TYPES` (unknown types last, titled by
their code). Every value is wrapped in a ``Paragraph`` so long text wraps, and tables may
split inside a row so a 5,000-character record cannot overflow a page. The page furniture
(classification, number, page X / Y, watermark) comes from :mod:`exports.page_furniture`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from reportlab.lib.colors import Color
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from exports.fonts import cjk_font_name
from exports.page_furniture import (
    MARGIN_LEFT,
    MARGIN_RIGHT,
    PAGE_SIZE,
)
from exports.pdf_document import build_pdf
from exports.pdf_text import (
    NONE_FILED,
    chinese_ordinal,
    format_date,
    format_field,
    markup,
)
from exports.stamp import ExportStamp
from records.fields import FieldSpec
from records.model import Dossier, FamilyMember, Official, OfficialStatus, Record
from records.official_fields import FAMILY_FIELDS, OFFICIAL_FIELDS, SUPERVISION_CATEGORIES
from records.record_types import RECORD_TYPES, labelled_fields

TITLE = "干部廉政档案"

_CONTENT_WIDTH = PAGE_SIZE[0] - MARGIN_LEFT - MARGIN_RIGHT
_GRID_COLOR = Color(0.55, 0.55, 0.55)
_LABEL_BACKGROUND = Color(0.93, 0.93, 0.93)


@dataclass(frozen=True)
class _Styles:
    title: ParagraphStyle
    subtitle: ParagraphStyle
    heading: ParagraphStyle
    record_heading: ParagraphStyle
    label: ParagraphStyle
    cell: ParagraphStyle
    small_cell: ParagraphStyle
    body: ParagraphStyle


def _styles(font: str) -> _Styles:
    # wordWrap="CJK" lets lines break between any two Chinese characters; without it
    # reportlab only breaks at spaces and a Chinese paragraph runs off the page.
    base = ParagraphStyle("base", fontName=font, fontSize=10, leading=14, wordWrap="CJK")
    return _Styles(
        title=ParagraphStyle(
            "title", parent=base, fontSize=22, leading=30, alignment=TA_CENTER, spaceAfter=4
        ),
        subtitle=ParagraphStyle(
            "subtitle", parent=base, fontSize=15, leading=22, alignment=TA_CENTER, spaceAfter=10
        ),
        heading=ParagraphStyle(
            "heading", parent=base, fontSize=13, leading=19, spaceBefore=10, spaceAfter=5
        ),
        record_heading=ParagraphStyle(
            "record_heading", parent=base, fontSize=10, leading=14, spaceBefore=6, spaceAfter=3
        ),
        label=ParagraphStyle("label", parent=base, fontSize=9, leading=13),
        cell=ParagraphStyle("cell", parent=base, fontSize=9, leading=13),
        small_cell=ParagraphStyle("small_cell", parent=base, fontSize=8, leading=11),
        body=base,
    )


def render_dossier_pdf(dossier: Dossier, stamp: ExportStamp) -> bytes:
    """Render ``dossier`` as an A4 PDF set in the embedded CJK font.

    Every page carries the marks of ``stamp`` (see :mod:`exports.page_furniture`). The
    result is unsigned; pass it to :func:`exports.signing.sign_pdf`.

    :param dossier: the snapshot to print; printed as given (filtering records by
        disclosure is the caller's decision).
    :param stamp: number, classification, exporting user and time of this export.
    :return: the PDF file.
    :raises ExportError: if the font is missing or the layout fails.
    """
    font = cjk_font_name()
    styles = _styles(font)
    official = dossier.official
    story: list[Flowable] = [
        Paragraph(TITLE, styles.title),
        Paragraph(markup(official.name), styles.subtitle),
        Paragraph(f"{chinese_ordinal(1)}、基本信息", styles.heading),
        _official_table(official, styles),
        Paragraph(f"{chinese_ordinal(2)}、家庭成员及主要社会关系", styles.heading),
        _family_table(dossier.family, styles),
    ]
    story.extend(_record_sections(dossier.records, styles, first_number=3))

    return build_pdf(story, stamp, title=f"{TITLE} — {official.name}")


def _cell(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(markup(text), style)


def _grid_style(
    font: str, label_columns: Sequence[int] = (), header_row: bool = False
) -> TableStyle:
    commands: list[tuple[Any, ...]] = [
        # Cells hold Paragraphs with their own font, but the table still selects its cell
        # font (Helvetica by default) on the canvas, which would add a non-embedded font.
        ("FONTNAME", (0, 0), (-1, -1), font),
        ("GRID", (0, 0), (-1, -1), 0.5, _GRID_COLOR),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
    ]
    for column in label_columns:
        commands.append(("BACKGROUND", (column, 0), (column, -1), _LABEL_BACKGROUND))
    if header_row:
        commands.append(("BACKGROUND", (0, 0), (-1, 0), _LABEL_BACKGROUND))
    return TableStyle(commands)


def _official_value(official: Official, spec: FieldSpec) -> str:
    value = getattr(official, spec.name, None)
    if spec.name == "category" and isinstance(value, int):
        label = SUPERVISION_CATEGORIES.get(value)
        return f"第{value}类 {label}" if label else f"第{value}类"
    if isinstance(value, OfficialStatus):
        return value.label_zh
    return format_field(value, spec.kind)


def _official_fields(official: Official) -> list[tuple[str, str]]:
    """基本信息 in the order and with the labels of :data:`OFFICIAL_FIELDS`."""
    return [(spec.label_zh, _official_value(official, spec)) for spec in OFFICIAL_FIELDS]


def _official_table(official: Official, styles: _Styles) -> Table:
    # Two label/value pairs per row, as on the paper forms.
    pairs = _official_fields(official)
    if len(pairs) % 2:
        pairs.append(("", ""))
    rows = [
        [
            _cell(pairs[i][0], styles.label),
            _cell(pairs[i][1], styles.cell),
            _cell(pairs[i + 1][0], styles.label),
            _cell(pairs[i + 1][1], styles.cell),
        ]
        for i in range(0, len(pairs), 2)
    ]
    label_width = 26 * mm
    value_width = _CONTENT_WIDTH / 2 - label_width
    return Table(
        rows,
        colWidths=[label_width, value_width, label_width, value_width],
        style=_grid_style(styles.body.fontName, label_columns=(0, 2)),
        splitInRow=1,
    )


# Relative column widths of the family table; a field added to FAMILY_FIELDS later gets
# the default share instead of breaking the export.
_FAMILY_WIDTHS = {
    "relation": 0.8,
    "name": 1.0,
    "birth_date": 1.15,
    "id_number": 1.9,
    "employer": 1.7,
    "post": 1.2,
    "political_status": 1.0,
    "abroad_status": 1.25,
}
_DEFAULT_FAMILY_WIDTH = 1.2


def _family_table(family: Sequence[FamilyMember], styles: _Styles) -> Flowable:
    if not family:
        return Paragraph(NONE_FILED, styles.body)
    weights = [_FAMILY_WIDTHS.get(spec.name, _DEFAULT_FAMILY_WIDTH) for spec in FAMILY_FIELDS]
    total = sum(weights)
    header = [_cell(spec.label_zh, styles.label) for spec in FAMILY_FIELDS]
    rows = [
        [
            _cell(format_field(getattr(member, spec.name, None), spec.kind), styles.small_cell)
            for spec in FAMILY_FIELDS
        ]
        for member in family
    ]
    return Table(
        [header, *rows],
        colWidths=[w / total * _CONTENT_WIDTH for w in weights],
        style=_grid_style(styles.body.fontName, header_row=True),
        repeatRows=1,
        splitInRow=1,
    )


def _record_sections(
    records: Sequence[Record], styles: _Styles, *, first_number: int
) -> list[Flowable]:
    """One section per record type; ``无`` under a single heading when there are none."""
    if not records:
        return [
            Paragraph(f"{chinese_ordinal(first_number)}、档案记录", styles.heading),
            Paragraph(NONE_FILED, styles.body),
        ]
    by_type: dict[str, list[Record]] = {}
    for record in records:
        by_type.setdefault(record.type, []).append(record)
    known = [code for code in RECORD_TYPES if code in by_type]
    unknown = sorted(code for code in by_type if code not in RECORD_TYPES)

    flowables: list[Flowable] = []
    for number, code in enumerate([*known, *unknown], start=first_number):
        record_type = RECORD_TYPES.get(code)
        title = record_type.label_zh if record_type is not None else code
        group = sorted(by_type[code], key=lambda r: (r.record_date, r.id))
        flowables.append(
            Paragraph(
                f"{chinese_ordinal(number)}、{markup(title)}({len(group)} 条)", styles.heading
            )
        )
        for index, record in enumerate(group, start=1):
            flowables.append(_record_block(index, record, styles))
    return flowables


def _record_fields(record: Record) -> list[tuple[str, str]]:
    """The record's fields in the type's order, then any the type does not declare."""
    return [
        (field.label_zh, format_field(field.value, field.spec.kind if field.spec else None))
        for field in labelled_fields(record.type, record.fields)
    ]


def _record_block(index: int, record: Record, styles: _Styles) -> Flowable:
    heading = Paragraph(
        markup(
            f"{index}. {format_date(record.record_date)}    "
            f"来源:{record.source.label_zh}    密级:{record.disclosure.label_zh}"
        ),
        styles.record_heading,
    )
    fields = _record_fields(record) or [("内容", NONE_FILED)]
    label_width = 28 * mm
    table = Table(
        [[_cell(label, styles.label), _cell(value, styles.cell)] for label, value in fields],
        colWidths=[label_width, _CONTENT_WIDTH - label_width],
        style=_grid_style(styles.body.fontName, label_columns=(0,)),
        splitInRow=1,
    )
    # Keep the heading with (the start of) its table; a table taller than a page still
    # splits, KeepTogether only avoids an orphaned heading.
    return KeepTogether([heading, table, Spacer(1, 2 * mm)])

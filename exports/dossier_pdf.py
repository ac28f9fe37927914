"""The dossier of one official (干部廉政档案) as an unsigned PDF.

Layout: title, name and export profile; 目录 (table of contents with page numbers);
基本信息; 家庭成员及主要社会关系; then one section per record type present, in the order of
:data:`records.record_types.RECORD_TYPES` (unknown types last, titled by their code). Each
record prints generically from its type's field table, so a new record type needs no code
here. Every value is wrapped in a ``Paragraph`` so long text wraps, and tables may split
inside a row so a 5,000-character record cannot overflow a page. The page furniture
(classification, number, page X / Y, watermark) comes from :mod:`exports.page_furniture`.

What goes in is decided by the :class:`~exports.export_profiles.ExportProfile`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from reportlab.lib.colors import Color, red
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
from reportlab.platypus.tableofcontents import TableOfContents

from exports.export_profiles import (
    FAMILY_OMITTED,
    FULL,
    ExportProfile,
    apply_profile,
    masked_official_values,
)
from exports.fonts import cjk_font_name
from exports.page_furniture import (
    MARGIN_LEFT,
    MARGIN_RIGHT,
    PAGE_SIZE,
)
from exports.pdf_document import SectionHeading, build_pdf
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
TOC_TITLE = "目录"
WITHDRAWN_MARK = "已撤销"
HIDDEN_CONTENT = "(内容仅承办人及审核员可见)"

_CONTENT_WIDTH = PAGE_SIZE[0] - MARGIN_LEFT - MARGIN_RIGHT
_GRID_COLOR = Color(0.55, 0.55, 0.55)
_LABEL_BACKGROUND = Color(0.93, 0.93, 0.93)


@dataclass(frozen=True)
class _Styles:
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
            # keepWithNext: a section title never sits alone at the foot of a page.
            "heading",
            parent=base,
            fontSize=13,
            leading=19,
            spaceBefore=10,
            spaceAfter=5,
            keepWithNext=1,
        ),
        record_heading=ParagraphStyle(
            "record_heading", parent=base, fontSize=10, leading=14, spaceBefore=6, spaceAfter=3
        ),
        toc_title=ParagraphStyle(
            "toc_title", parent=base, fontSize=13, leading=19, alignment=TA_CENTER, spaceAfter=4
        ),
        toc_entry=ParagraphStyle("toc_entry", parent=base, fontSize=11, leading=18),
        withdrawn=ParagraphStyle("withdrawn", parent=base, fontSize=9, leading=13, textColor=red),
        label=ParagraphStyle("label", parent=base, fontSize=9, leading=13),
        cell=ParagraphStyle("cell", parent=base, fontSize=9, leading=13),
        small_cell=ParagraphStyle("small_cell", parent=base, fontSize=8, leading=11),
        body=base,
    )


def render_dossier_pdf(
    dossier: Dossier, stamp: ExportStamp, profile: ExportProfile = FULL
) -> bytes:
    """Render the part of ``dossier`` that ``profile`` exports as an A4 PDF.

    Every page carries the marks of ``stamp`` (see :mod:`exports.page_furniture`). The
    result is unsigned; pass it to :func:`exports.signing.sign_pdf`.

    :param dossier: the snapshot to print.
    :param stamp: number, classification, exporting user and time of this export (the
        caller sets the classification from ``profile``).
    :param profile: which records go in and what is masked; the full dossier by default.
    :return: the PDF file.
    :raises ExportError: if the font is missing or the layout fails.
    """
    font = cjk_font_name()
    styles = _styles(font)
    dossier = apply_profile(dossier, profile)
    official = dossier.official
    story: list[Flowable] = [
        Paragraph(TITLE, styles.title),
        Paragraph(markup(official.name), styles.subtitle),
        Paragraph(markup(profile.label_zh), styles.subtitle),
        Paragraph(TOC_TITLE, styles.toc_title),
        _table_of_contents(styles),
        _section(1, "基本信息", styles),
        _official_table(official, styles, masked_official_values(official, profile)),
        _section(2, "家庭成员及主要社会关系", styles),
        _family_table(dossier.family, styles)
        if profile.family_detail
        else Paragraph(FAMILY_OMITTED, styles.body),
    ]
    story.extend(_record_sections(dossier.records, styles, first_number=3))

    return build_pdf(story, stamp, title=f"{TITLE} — {official.name}")


def _section(number: int, title: str, styles: _Styles, count: int | None = None) -> Flowable:
    """A numbered section heading, listed in the table of contents."""
    heading = f"{chinese_ordinal(number)}、{markup(title)}"
    shown = heading if count is None else f"{heading}({count} 条)"
    return SectionHeading(shown, styles.heading, toc_text=heading)


def _table_of_contents(styles: _Styles) -> TableOfContents:
    toc = TableOfContents(
        levelStyles=[styles.toc_entry],
        # Dots from level 0 on: every section gets a dotted leader to its page number.
        dotsMinLevel=0,
        # The entries' table would otherwise select Helvetica (not embedded) on the canvas.
        tableStyle=TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), styles.body.fontName),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ]
        ),
    )
    return toc


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


def _official_fields(official: Official, masked: dict[str, str]) -> list[tuple[str, str]]:
    """基本信息 in the order and with the labels of :data:`OFFICIAL_FIELDS`.

    :param masked: printed replacements by field name (the profile's masking).
    """
    return [
        (spec.label_zh, masked.get(spec.name) or _official_value(official, spec))
        for spec in OFFICIAL_FIELDS
    ]


def _official_table(official: Official, styles: _Styles, masked: dict[str, str]) -> Table:
    # Two label/value pairs per row, as on the paper forms.
    pairs = _official_fields(official, masked)
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
        return [_section(first_number, "档案记录", styles), Paragraph(NONE_FILED, styles.body)]
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
        flowables.append(_section(number, title, styles, count=len(group)))
        for index, record in enumerate(group, start=1):
            flowables.append(_record_block(index, record, styles))
    return flowables


def _record_fields(record: Record) -> list[tuple[str, str]]:
    """The record's fields in the type's order, then any the type does not declare."""
    if record.content_hidden:
        return [("内容", HIDDEN_CONTENT)]
    return [
        (field.label_zh, format_field(field.value, field.spec.kind if field.spec else None))
        for field in labelled_fields(record.type, record.fields)
    ]


def withdrawal_text(record: Record) -> str:
    """``【已撤销】撤销原因:…(clerk1 2026-11-20 撤销)``."""
    text = f"【{WITHDRAWN_MARK}】撤销原因:{record.withdraw_reason.strip() or NONE_FILED}"
    when = format_date(record.withdrawn_at.date()) if record.withdrawn_at else ""
    who = " ".join(part for part in (record.withdrawn_by, when) if part)
    return f"{text}({who} 撤销)" if who else text


def _record_block(index: int, record: Record, styles: _Styles) -> Flowable:
    heading = Paragraph(
        markup(
            f"{index}. {format_date(record.record_date)}    "
            f"来源:{record.source.label_zh}    密级:{record.disclosure.label_zh}"
            # A corrected record says so; earlier versions are in its history.
            + (f"    第 {record.version} 版" if record.version > 1 else "")
        ),
        styles.record_heading,
    )
    fields = _record_fields(record) or [("内容", NONE_FILED)]
    parts: list[Flowable] = [heading]
    if record.withdrawn:
        # Withdrawn records stay in the dossier (never deleted) but must not be read as
        # current: the mark and the reason come before the content.
        parts.append(Paragraph(markup(withdrawal_text(record)), styles.withdrawn))
    label_width = 28 * mm
    table = Table(
        [[_cell(label, styles.label), _cell(value, styles.cell)] for label, value in fields],
        colWidths=[label_width, _CONTENT_WIDTH - label_width],
        style=_grid_style(styles.body.fontName, label_columns=(0,)),
        splitInRow=1,
    )
    # Keep the heading with (the start of) its table; a table taller than a page still
    # splits, KeepTogether only avoids an orphaned heading.
    return KeepTogether([*parts, table, Spacer(1, 2 * mm)])

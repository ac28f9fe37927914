"""The dossier of one official (干部廉政档案) as an unsigned PDF.

Layout: title, name and export profile; 目录 (table of contents with page numbers);
基本信息; 家庭成员及主要社会关系; then, when the caller gathered them
(:class:`~records.services.dossier_sections.DossierSections`), 任职经历,
个人有关事项年度报告, 事项变化报告 and 个人有关事项报告查核; then one section per record type
present, in the order of :data:`records.record_types.RECORD_TYPES` (unknown types last,
titled by their code); last, when gathered, the 附件目录. Each record prints generically from
its type's field table, so a new record type needs no code here; the reports print from
their schema in the same way. Every value is wrapped in a ``Paragraph`` so long text wraps,
and tables may split inside a row so a 5,000-character record cannot overflow a page. The
page furniture (classification, number, page X / Y, watermark) comes from
:mod:`exports.page_furniture`; fonts, headings and grids from :mod:`exports.dossier_pdf_parts`.

What goes in is decided by the :class:`~exports.export_profiles.ExportProfile`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from reportlab.lib.units import mm
from reportlab.platypus import (
    Flowable,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.tableofcontents import TableOfContents

from exports.dossier_pdf_attachments import attachment_sections
from exports.dossier_pdf_checks import check_sections
from exports.dossier_pdf_parts import (
    CONTENT_WIDTH,
    Styles,
    cell,
    grid_style,
    make_styles,
    section,
)
from exports.dossier_pdf_positions import position_sections
from exports.dossier_pdf_reports import change_sections, report_sections
from exports.export_profiles import (
    FAMILY_OMITTED,
    FULL,
    ExportProfile,
    apply_profile,
    apply_sections_profile,
    masked_official_values,
)
from exports.fonts import cjk_font_name
from exports.pdf_document import SectionHeading, build_pdf
from exports.pdf_text import (
    NONE_FILED,
    format_date,
    format_field,
    markup,
)
from exports.stamp import ExportStamp
from records.fields import FieldSpec
from records.model import Dossier, FamilyMember, Official, OfficialStatus, Record
from records.official_fields import FAMILY_FIELDS, OFFICIAL_FIELDS, SUPERVISION_CATEGORIES
from records.record_types import RECORD_TYPES, labelled_fields
from records.services.dossier_sections import DossierSections

TITLE = "干部廉政档案"
TOC_TITLE = "目录"
WITHDRAWN_MARK = "已撤销"
HIDDEN_CONTENT = "(内容仅承办人及审核员可见)"


def render_dossier_pdf(
    dossier: Dossier,
    stamp: ExportStamp,
    profile: ExportProfile = FULL,
    sections: DossierSections | None = None,
) -> bytes:
    """Render the part of ``dossier`` that ``profile`` exports as an A4 PDF.

    Every page carries the marks of ``stamp`` (see :mod:`exports.page_furniture`). The
    result is unsigned; pass it to :func:`exports.signing.sign_pdf`.

    :param dossier: the snapshot to print.
    :param stamp: number, classification, exporting user and time of this export (the
        caller sets the classification from ``profile``).
    :param profile: which records go in and what is masked; the full dossier by default.
    :param sections: the reports, positions, checks and attachments of the official; with
        ``None`` (nothing gathered) those sections are left out rather than printed as
        ``无``, which would claim that nothing is on file.
    :return: the PDF file.
    :raises ExportError: if the font is missing or the layout fails.
    """
    font = cjk_font_name()
    styles = make_styles(font)
    dossier = apply_profile(dossier, profile)
    official = dossier.official
    contents = _table_of_contents(styles)
    story: list[Flowable] = [
        Paragraph(TITLE, styles.title),
        Paragraph(markup(official.name), styles.subtitle),
        Paragraph(markup(profile.label_zh), styles.subtitle),
        Paragraph(TOC_TITLE, styles.toc_title),
        contents,
        section(1, "基本信息", styles),
        _official_table(official, styles, masked_official_values(official, profile)),
        section(2, "家庭成员及主要社会关系", styles),
        _family_table(dossier.family, styles)
        if profile.family_detail
        else Paragraph(FAMILY_OMITTED, styles.body),
    ]
    kept = None if sections is None else apply_sections_profile(sections, dossier, profile)
    if kept is not None:
        story += _sections_before_records(kept, profile, styles, number=_next_number(story))
    story += _record_sections(dossier.records, styles, first_number=_next_number(story))
    if kept is not None:
        by_id = {record.id: record for record in dossier.records}
        story += attachment_sections(kept.attachments, by_id, styles, number=_next_number(story))

    _seed_contents(contents, story)
    return build_pdf(story, stamp, title=f"{TITLE} — {official.name}")


def _next_number(story: Sequence[Flowable]) -> int:
    """The number of the next section: one more than the headings in ``story``."""
    return 1 + sum(1 for flowable in story if isinstance(flowable, SectionHeading))


def _sections_before_records(
    kept: DossierSections, profile: ExportProfile, styles: Styles, *, number: int
) -> list[Flowable]:
    """任职经历 (every profile), then the reports, change reports and checks where the
    profile carries them; ``kept`` is what the profile left of the gathered sections."""
    # One builder per section, each given its number.
    builders: list[Callable[[int], list[Flowable]]] = [
        lambda n: position_sections(kept.positions, styles, number=n, notes=profile.position_notes)
    ]
    if profile.reports:
        builders += [
            lambda n: report_sections(kept.reports, kept.schemas, styles, number=n),
            lambda n: change_sections(kept.reports, kept.schemas, styles, number=n),
        ]
    if profile.checks:
        builders.append(lambda n: check_sections(kept.checks, kept.schemas, styles, number=n))
    flowables: list[Flowable] = []
    for offset, build in enumerate(builders):
        flowables += build(number + offset)
    return flowables


def _seed_contents(contents: TableOfContents, story: Sequence[Flowable]) -> None:
    """Give the table of contents its entries before the first pass, pages still unknown.

    The contents are laid out in passes until their page numbers stop changing. Started
    empty, the first pass lays out a one-line placeholder, so every page number moves in
    the second and a third pass is needed to confirm them; started with every entry (page
    0 for now), the first pass already has the contents' final height, and the second
    confirms: two passes instead of three, a third less time for every dossier.
    """
    for flowable in story:
        if isinstance(flowable, SectionHeading):
            level, text = flowable.toc_entry
            contents.addEntry(level, text, 0)


def _table_of_contents(styles: Styles) -> TableOfContents:
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


def _official_table(official: Official, styles: Styles, masked: dict[str, str]) -> Table:
    # Two label/value pairs per row, as on the paper forms.
    pairs = _official_fields(official, masked)
    if len(pairs) % 2:
        pairs.append(("", ""))
    rows = [
        [
            cell(pairs[i][0], styles.label),
            cell(pairs[i][1], styles.cell),
            cell(pairs[i + 1][0], styles.label),
            cell(pairs[i + 1][1], styles.cell),
        ]
        for i in range(0, len(pairs), 2)
    ]
    label_width = 26 * mm
    value_width = CONTENT_WIDTH / 2 - label_width
    return Table(
        rows,
        colWidths=[label_width, value_width, label_width, value_width],
        style=grid_style(styles.body.fontName, label_columns=(0, 2)),
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


def _family_table(family: Sequence[FamilyMember], styles: Styles) -> Flowable:
    if not family:
        return Paragraph(NONE_FILED, styles.body)
    weights = [_FAMILY_WIDTHS.get(spec.name, _DEFAULT_FAMILY_WIDTH) for spec in FAMILY_FIELDS]
    total = sum(weights)
    header = [cell(spec.label_zh, styles.label) for spec in FAMILY_FIELDS]
    rows = [
        [
            cell(format_field(getattr(member, spec.name, None), spec.kind), styles.small_cell)
            for spec in FAMILY_FIELDS
        ]
        for member in family
    ]
    return Table(
        [header, *rows],
        colWidths=[w / total * CONTENT_WIDTH for w in weights],
        style=grid_style(styles.body.fontName, header_row=True),
        repeatRows=1,
        splitInRow=1,
    )


def _record_sections(
    records: Sequence[Record], styles: Styles, *, first_number: int
) -> list[Flowable]:
    """One section per record type; ``无`` under a single heading when there are none."""
    if not records:
        return [section(first_number, "档案记录", styles), Paragraph(NONE_FILED, styles.body)]
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
        flowables.append(section(number, title, styles, count=f"{len(group)} 条"))
        for index, record in enumerate(group, start=1):
            flowables += _record_block(index, record, styles)
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


def _record_block(index: int, record: Record, styles: Styles) -> list[Flowable]:
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
        [[cell(label, styles.label), cell(value, styles.cell)] for label, value in fields],
        colWidths=[label_width, CONTENT_WIDTH - label_width],
        style=grid_style(styles.body.fontName, label_columns=(0,)),
        splitInRow=1,
    )
    # The headings keep with the next flowable (their styles say so), so the record's
    # heading stays with the start of its table; a table taller than a page still splits.
    return [*parts, table, Spacer(1, 2 * mm)]

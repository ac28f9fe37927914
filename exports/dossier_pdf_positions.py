"""The dossier PDF's section on the position history (任职经历): the résumé a 任前公示 shows.

One row per post, earliest start first, ``至今`` for a post still held. Concurrent posts
(兼任) overlap and print as they were filed. The 备注 column is left out when the profile
leaves the notes out (:attr:`~exports.export_profiles.ExportProfile.position_notes`).
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.platypus import Flowable, Paragraph

from exports.dossier_pdf_parts import Styles, cell, column_table, section
from exports.pdf_text import EMPTY, NONE_FILED, format_date
from records.services.positions import Position

POSITIONS_TITLE = "任职经历"
STILL_HELD = "至今"


def term_text(position: Position) -> str:
    """``2015-03-01 至 2019-06-30``, or ``2019-07-01 至今``."""
    start = format_date(position.start_date)
    if position.end_date is None:
        return f"{start} {STILL_HELD}"
    return f"{start} 至 {format_date(position.end_date)}"


def position_sections(
    positions: Sequence[Position], styles: Styles, *, number: int, notes: bool
) -> list[Flowable]:
    if not positions:
        return [section(number, POSITIONS_TITLE, styles), Paragraph(NONE_FILED, styles.body)]
    header = ["任职时间", "任职单位", "职务", "职级"]
    weights = [2.2, 2.4, 1.6, 1.1]
    if notes:
        header.append("备注")
        weights.append(1.6)
    rows = []
    for position in positions:
        row = [
            cell(term_text(position), styles.cell),
            cell(position.unit, styles.cell),
            cell(position.position, styles.cell),
            cell(position.rank or EMPTY, styles.cell),
        ]
        if notes:
            row.append(cell(position.note or EMPTY, styles.cell))
        rows.append(row)
    return [
        section(number, POSITIONS_TITLE, styles, f"{len(positions)} 项"),
        column_table(header, rows, weights, styles),
    ]

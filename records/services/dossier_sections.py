"""What a dossier export prints besides the :class:`~records.model.Dossier` itself: the
annual personal-matters reports (with their change reports), the position history, the
checks of the reports and the list of attachments.

Callers have checked the role and recusal already; nothing here is audited on its own: the
export that needs it writes the one audit entry of the user's action
(:func:`records.services.export_grants.dossier_export_grant`). Hence the services' unaudited
readers (``_read``, ``_load``), as :mod:`records.services.vetting_evidence` reads checks —
their audited ``get``/``list`` would add one entry, and one commit, per read.

Need-to-know (003:97) works as it does for the records: an attachment is seen through
:class:`~records.services.attachments.AttachmentService` as the exporter sees it, and one the
exporter may only know exists (a scan of a clue it may not read) is left out altogether: a
list of attachments without name or hash says nothing worth printing.

Whistle-blower protection (004:89): the informant's identity is kept apart from the clue and
no section reads it for printing. A file name is typed by a clerk, though, and a scan of a
report letter is easily named after its writer; so the file name of a clue's attachment has
that clue's informant's name and contact masked before it leaves this module.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from records.annual_report import AnnualReport
from records.report_check import Check
from records.report_schema import ReportSchema
from records.services.annual_reports import AnnualReportService
from records.services.attachments import Attachment, AttachmentService
from records.services.checks import CheckService
from records.services.positions import Position, PositionService
from records.session import Session

#: Printed in place of an informant's name or contact found in a file name.
INFORMANT_MASK = "***"


@dataclass(frozen=True)
class DossierSections:
    """The parts of a dossier export kept outside the ``records`` table.

    :param reports: every annual report, drafts included, oldest year first; each item
        carries its change reports (withdrawn ones included, marked).
    :param schemas: the schema each report was filed under, by report id (its checks
        verify the items of that schema).
    :param positions: the position history, earliest start first.
    :param checks: every check of a report, oldest year first, with its current decision.
    :param attachments: metadata only (never the content), in the order they were added,
        withdrawn ones included; only those the exporter may read.
    """

    reports: tuple[AnnualReport, ...] = ()
    schemas: dict[int, ReportSchema] = field(default_factory=dict)
    positions: tuple[Position, ...] = ()
    checks: tuple[Check, ...] = ()
    attachments: tuple[Attachment, ...] = ()


def _ids(session: Session, sql: str, official_id: int) -> list[int]:
    return [int(row[0]) for row in session.conn.execute(sql, (official_id,))]


def _reports(session: Session, official_id: int) -> tuple[AnnualReport, ...]:
    service = AnnualReportService(session)
    ids = _ids(
        session,
        "SELECT id FROM annual_reports WHERE official_id = ? ORDER BY year, id",
        official_id,
    )
    return tuple(service._read(report_id) for report_id in ids)


def _checks(session: Session, official_id: int) -> tuple[Check, ...]:
    service = CheckService(session)
    ids = _ids(
        session, "SELECT id FROM checks WHERE official_id = ? ORDER BY year, id", official_id
    )
    return tuple(service._read(check_id) for check_id in ids)


def _positions(session: Session, official_id: int) -> tuple[Position, ...]:
    service = PositionService(session)
    ids = _ids(
        session,
        "SELECT id FROM position_history WHERE official_id = ? ORDER BY start_date, id",
        official_id,
    )
    return tuple(service._load(position_id) for position_id in ids)


def _informants(session: Session, official_id: int) -> dict[int, tuple[str, ...]]:
    """Name and contact of every informant of the official's clues, by clue record id."""
    rows = session.conn.execute(
        "SELECT i.record_id, i.name, i.contact FROM clue_informants i"
        " JOIN records r ON r.id = i.record_id WHERE r.official_id = ?",
        (official_id,),
    )
    return {
        int(record_id): tuple(text for text in (str(name), str(contact)) if text.strip())
        for record_id, name, contact in rows
    }


def mask_informant(file_name: str, identity: tuple[str, ...]) -> str:
    """``file_name`` with every occurrence of the informant's name or contact masked."""
    # Longest first: a contact that contains the name is masked whole.
    for text in sorted(identity, key=len, reverse=True):
        file_name = file_name.replace(text.strip(), INFORMANT_MASK)
    return file_name


def _attachments(session: Session, official_id: int) -> tuple[Attachment, ...]:
    service = AttachmentService(session)
    ids = _ids(session, "SELECT id FROM attachments WHERE official_id = ? ORDER BY id", official_id)
    seen = [service._as_seen(service._load(attachment_id)) for attachment_id in ids]
    informants = _informants(session, official_id) if seen else {}
    readable: list[Attachment] = []
    for attachment in seen:
        if attachment.content_hidden:
            continue
        identity = informants.get(attachment.record_id) if attachment.record_id else None
        if identity:
            attachment = replace(
                attachment, file_name=mask_informant(attachment.file_name, identity)
            )
        readable.append(attachment)
    return tuple(readable)


def gather_sections(session: Session, official_id: int) -> DossierSections:
    """Everything of the official that :class:`DossierSections` holds, read unaudited.

    Call it inside the transaction of the action that audits the read.
    """
    reports = _reports(session, official_id)
    service = AnnualReportService(session)
    return DossierSections(
        reports=reports,
        schemas={report.id: service.schema(report.schema_version) for report in reports},
        positions=_positions(session, official_id),
        checks=_checks(session, official_id),
        attachments=_attachments(session, official_id),
    )

"""Permission to export a signed dossier, and what the export needs from the vault.

The grant is a context manager: the audit entry is written first, the caller renders,
signs and writes the PDF inside the same transaction, and if any of that fails the entry
is rolled back with it, so the trail never claims an export that did not happen. The chain
head printed into the PDF includes the export's own entry, anchoring the trail outside the
vault.

Everything the PDF prints is read inside that one audited action, unaudited on its own: the
dossier, and the :class:`~records.services.dossier_sections.DossierSections` (annual and
change reports, positions, checks, attachments' metadata). The records are seen as the
exporter sees them (need-to-know, :func:`records.need_to_know.as_seen_by`), as the attachments
are; which of it a profile prints is decided in ``exports``.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import datetime

from records.audit import ChainHead
from records.model import Dossier
from records.need_to_know import as_seen_by
from records.roles import Action
from records.services.dossier_sections import DossierSections, gather_sections
from records.services.officials import OfficialService, official_object
from records.services.signing_identity import StoredIdentity, load_identity_for_signing
from records.session import Session


@dataclass(frozen=True)
class DossierExportGrant:
    dossier: Dossier
    identity: StoredIdentity
    document_number: str
    audit_head: ChainHead
    exported_by: str
    exported_at: datetime
    sections: DossierSections = field(default_factory=DossierSections)


@contextmanager
def dossier_export_grant(
    session: Session, official_id: int, *, profile: str = "secret"
) -> Iterator[DossierExportGrant]:
    """Check the role, log the export and yield what the PDF needs, in one transaction.

    :param profile: code of the export profile (``secret``, ``internal``, ``public``); the
        audit entry records it, so the trail shows which version of the dossier left.

    :raises PermissionDeniedError: the acting role may not export (refusal audited).
    :raises NotFoundError: no such official, or no signing certificate installed.
    """
    session.require(Action.DOSSIER_EXPORT, official_object(official_id))
    session.require_not_recused(official_id, Action.DOSSIER_EXPORT)
    officials = OfficialService(session)
    identity = load_identity_for_signing(session)
    now = session.now()
    with session.transaction():
        dossier = officials._dossier_unaudited(official_id)
        # Exporting is for the vetting role, who may read every clue; the check keeps a
        # clue's content out should the export ever be granted to another role.
        seen = tuple(as_seen_by(record, session.user) for record in dossier.records)
        sections = gather_sections(session, official_id)
        number = f"LD-{now:%Y%m%d}-{session.audit_head().seq + 1:06d}"
        detail = f"{number} profile={profile}"
        head = session.log("dossier.export", official_object(official_id), detail=detail)
        user = session.user
        yield DossierExportGrant(
            dossier=replace(dossier, records=seen),
            identity=identity,
            document_number=number,
            audit_head=head,
            exported_by=f"{user.display_name} ({user.name})",
            exported_at=now,
            sections=sections,
        )

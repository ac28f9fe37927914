"""Permission to export the audit trail, and what the export needs from the vault.

Like :mod:`records.services.export_grants`: a context manager that checks the role, writes
the ``audit.export`` entry and yields the selected entries inside one transaction; the
caller writes the file inside it, and a failure rolls the entry back with it.

Signing: the unit's signing key is otherwise read only for a vetting officer's dossier
export. A *signed* audit export is the auditor's own act (DOMAIN.md §1: the auditor
"reads and verifies the audit trail, exports it"), so this grant — and only it, after the
``AUDIT_EXPORT`` check and inside the audited transaction — loads the same identity. The
key stays on the worker thread / in the command's process and is never written anywhere
(docs/decisions/0008-audit-trail-complete.md).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime

from records.audit import AuditEntry, ChainHead
from records.roles import Action
from records.services.audit_trail import AUDIT_OBJECT, AuditQuery, select_entries
from records.services.signing_identity import StoredIdentity, load_identity_for_signing
from records.session import Session


@dataclass(frozen=True)
class AuditExportGrant:
    """What one export of the trail prints.

    :param entries: the selection, oldest first (a printed log reads top-down in time, and
        each line's previous-hash is the line above).
    :param identity: the signing identity, ``None`` for an unsigned (CSV) export.
    :param audit_head: the head including this export's own entry.
    """

    entries: tuple[AuditEntry, ...]
    query: AuditQuery
    identity: StoredIdentity | None
    document_number: str
    audit_head: ChainHead
    exported_by: str
    exported_at: datetime


@contextmanager
def audit_export_grant(
    session: Session, query: AuditQuery, *, file_format: str, signed: bool
) -> Iterator[AuditExportGrant]:
    """Check the role, log the export and yield the entries, in one transaction.

    :param file_format: ``csv`` or ``pdf``, recorded in the entry.
    :param signed: load the unit's signing identity for a signed PDF.
    :raises PermissionDeniedError: not the security auditor (refusal audited).
    :raises NotFoundError: ``signed`` and no signing certificate is installed.
    """
    session.require(Action.AUDIT_EXPORT, AUDIT_OBJECT)
    identity = load_identity_for_signing(session) if signed else None
    now = session.now()
    with session.transaction():
        entries = tuple(reversed(select_entries(session, query)))
        number = f"LD-AUDIT-{now:%Y%m%d}-{session.audit_head().seq + 1:06d}"
        head = session.log(
            Action.AUDIT_EXPORT,
            AUDIT_OBJECT,
            detail=f"{number} format={file_format} entries={len(entries)} {query.describe()}",
        )
        user = session.user
        yield AuditExportGrant(
            entries=entries,
            query=query,
            identity=identity,
            document_number=number,
            audit_head=head,
            exported_by=f"{user.display_name} ({user.name})",
            exported_at=now,
        )

"""The audit trail from the vault to a file (CSV, or a signed PDF), as one audited action.

Used by ``liandang audit export`` and the auditor's GUI view alike. The format follows the
file name: ``.csv`` or ``.pdf``.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from crypto.atomic_file import write_atomically
from exports.audit_csv import audit_csv
from exports.audit_pdf import render_audit_pdf
from exports.certificates import identity_from_vault
from exports.errors import ExportError
from exports.signing import sign_pdf
from exports.stamp import ExportStamp
from records.model import Disclosure
from records.services.audit_export_grant import AuditExportGrant, audit_export_grant
from records.services.audit_trail import AuditQuery
from records.session import Session

#: The trail names people and dossiers but holds no dossier content.
AUDIT_CLASSIFICATION = Disclosure.INTERNAL.label_zh
AUDIT_SIGNING_REASON = (
    "审计日志导出 (离线签章,无时间戳) / audit trail export, offline signature without timestamp"
)
FORMATS = ("csv", "pdf")


@dataclass(frozen=True)
class SavedAuditExport:
    path: Path
    file_format: str
    document_number: str
    entries: int
    audit_head: str
    sha256: str


def export_format(path: Path) -> str:
    """``csv`` or ``pdf`` from the file name.

    :raises ExportError: any other suffix.
    """
    suffix = path.suffix.lower().lstrip(".")
    if suffix not in FORMATS:
        raise ExportError(
            f"导出文件名应以 .csv 或 .pdf 结尾:{path.name}",
            f"the export file name must end in .csv or .pdf: {path.name}",
        )
    return suffix


def save_audit_export(session: Session, query: AuditQuery, out_path: Path) -> SavedAuditExport:
    """Write the entries matching ``query`` to ``out_path`` (CSV, or PDF signed by the unit).

    The file appears complete or not at all, and the ``audit.export`` entry is committed
    only after it is written.

    :raises PermissionDeniedError: not the security auditor (refusal audited).
    :raises NotFoundError: a PDF was asked for and no signing certificate is installed.
    :raises ExportError: bad file name, rendering, signing or writing failed.
    """
    file_format = export_format(out_path)
    if out_path.is_dir():
        raise ExportError(f"输出路径是文件夹:{out_path}", f"output path is a folder: {out_path}")
    signed = file_format == "pdf"
    with audit_export_grant(session, query, file_format=file_format, signed=signed) as grant:
        data = _signed_pdf(grant) if signed else audit_csv(grant.entries)
        try:
            write_atomically(out_path, data, mode=0o644)
        except OSError as exc:
            raise ExportError(
                f"无法写入文件:{out_path}({exc.strerror})",
                f"cannot write {out_path}: {exc.strerror}",
            ) from None
    return SavedAuditExport(
        out_path,
        file_format,
        grant.document_number,
        len(grant.entries),
        str(grant.audit_head),
        hashlib.sha256(data).hexdigest(),
    )


def _signed_pdf(grant: AuditExportGrant) -> bytes:
    stamp = ExportStamp(
        document_number=grant.document_number,
        classification=AUDIT_CLASSIFICATION,
        exported_by=grant.exported_by,
        exported_at=grant.exported_at,
        audit_head=str(grant.audit_head),
    )
    stored = grant.identity
    if stored is None:  # the grant loads it for every signed export
        raise ExportError("缺少签章证书", "no signing identity")
    identity = identity_from_vault(stored)
    pdf = render_audit_pdf(grant.entries, stamp, filters=grant.query.describe())
    return sign_pdf(pdf, identity, signer_name=grant.exported_by, reason=AUDIT_SIGNING_REASON)

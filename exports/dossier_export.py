"""A signed dossier PDF from the vault to a file, as one audited action.

Used by ``liandang export dossier`` and the GUI's export action alike. The PDF carries the
dossier and its other sections (positions, annual and change reports, checks, the list of
attachments), all read inside the one audited export; the profile decides what is printed.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from crypto.atomic_file import write_atomically
from exports.certificates import identity_from_vault
from exports.dossier_pdf import render_dossier_pdf
from exports.errors import ExportError
from exports.export_profiles import DEFAULT_PROFILE, PROFILES
from exports.signing import sign_pdf
from exports.stamp import ExportStamp
from records.services.export_grants import dossier_export_grant
from records.session import Session


@dataclass(frozen=True)
class SavedExport:
    path: Path
    document_number: str
    sha256: str
    profile: str = DEFAULT_PROFILE


def save_signed_dossier(
    session: Session, official_id: int, out_path: Path, *, profile: str = DEFAULT_PROFILE
) -> SavedExport:
    """Render, sign and write the dossier of ``official_id`` to ``out_path``.

    The file appears complete or not at all (atomic replace), and the audit entry (which
    names the profile) is committed only after the file is written.

    :param profile: code of an :mod:`export profile <exports.export_profiles>`: it decides
        the classification mark and which records and sections go in (``secret`` by
        default).
    :raises ExportError: unknown profile (before anything is logged).
    :raises PermissionDeniedError: the acting role may not export.
    :raises NotFoundError: no such official or no signing certificate.
    :raises ExportError: rendering, signing or writing failed.
    """
    chosen = PROFILES.get(profile)
    if chosen is None:
        raise ExportError(
            f"未知的导出版本:{profile}(可选:{'、'.join(PROFILES)})",
            f"unknown export profile: {profile} (choose from {', '.join(PROFILES)})",
        )
    if out_path.is_dir():
        raise ExportError(f"输出路径是文件夹:{out_path}", f"output path is a folder: {out_path}")
    with dossier_export_grant(session, official_id, profile=chosen.code) as grant:
        stamp = ExportStamp(
            document_number=grant.document_number,
            classification=chosen.classification_label,
            exported_by=grant.exported_by,
            exported_at=grant.exported_at,
            audit_head=str(grant.audit_head),
        )
        stored = grant.identity
        identity = identity_from_vault(stored)
        signed = sign_pdf(
            render_dossier_pdf(grant.dossier, stamp, chosen, grant.sections),
            identity,
            signer_name=grant.exported_by,
        )
        try:
            write_atomically(out_path, signed, mode=0o644)
        except OSError as exc:
            raise ExportError(
                f"无法写入文件:{out_path}({exc.strerror})",
                f"cannot write {out_path}: {exc.strerror}",
            ) from None
    digest = hashlib.sha256(signed).hexdigest()
    return SavedExport(out_path, grant.document_number, digest, chosen.code)

"""The signed 党风廉政意见回复 from the vault to a file, as one audited action.

Used by ``liandang vetting reply`` (and the GUI to come). The first call on a request under
review renders, certifies (PAdES, DocMDP "no changes") and files the letter, moving the
request to 已回复; a later call on the replied request writes the very same signed file
again, never a new signature, so there is only ever one letter per request.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from crypto.atomic_file import write_atomically
from exports.certificates import identity_from_vault
from exports.errors import ExportError
from exports.signing import sign_pdf
from exports.stamp import ExportStamp
from exports.vetting_reply_pdf import render_reply_pdf
from records.model import Disclosure
from records.services.vetting_reply_grant import stored_reply_grant, vetting_reply_grant
from records.session import Session
from records.vetting_terms import RequestState

REPLY_REASON = (
    "党风廉政意见回复 (离线签章,无时间戳) / integrity opinion reply, offline signature"
    " without timestamp"
)


@dataclass(frozen=True)
class SavedReply:
    """A written reply.

    :param record_ids: the copies filed in the candidates' dossiers (empty for a re-issued
        copy: they were filed with the original).
    :param reissued: the file is the stored letter written again, not a new signature.
    """

    path: Path
    document_number: str
    sha256: str
    record_ids: tuple[int, ...] = ()
    reissued: bool = False


def _write(out_path: Path, data: bytes) -> None:
    try:
        write_atomically(out_path, data, mode=0o644)
    except OSError as exc:
        raise ExportError(
            f"无法写入文件:{out_path}({exc.strerror})", f"cannot write {out_path}: {exc.strerror}"
        ) from None


def save_signed_reply(session: Session, request_id: int, out_path: Path) -> SavedReply:
    """Sign and file the reply of ``request_id`` (or re-issue it) and write it to
    ``out_path``; the file appears complete or not at all, and the vault changes only if
    it was written.

    :raises PermissionDeniedError: not a vetting officer, or recused from a candidate.
    :raises NotFoundError: no such request, or no signing certificate.
    :raises ConflictError: the request is a draft, or a decision is missing or stale.
    :raises ExportError: rendering, signing or writing failed.
    """
    if out_path.is_dir():
        raise ExportError(f"输出路径是文件夹:{out_path}", f"output path is a folder: {out_path}")
    if _state(session, request_id) == RequestState.REPLIED:
        with stored_reply_grant(session, request_id) as stored:
            _write(out_path, stored.content)
        return SavedReply(
            out_path,
            stored.request.reply_document_number,
            stored.request.reply_sha256,
            reissued=True,
        )
    with vetting_reply_grant(session, request_id) as grant:
        stamp = ExportStamp(
            document_number=grant.document_number,
            classification=Disclosure.INTERNAL.label_zh,
            exported_by=grant.signed_by,
            exported_at=grant.signed_at,
            audit_head=str(grant.audit_head),
        )
        signed = sign_pdf(
            render_reply_pdf(grant, stamp),
            identity_from_vault(grant.identity),
            signer_name=grant.signed_by,
            reason=REPLY_REASON,
        )
        record_ids = grant.file(signed)
        _write(out_path, signed)
    return SavedReply(
        out_path, grant.document_number, hashlib.sha256(signed).hexdigest(), record_ids
    )


def _state(session: Session, request_id: int) -> str | None:
    # Only to choose between signing and re-issuing; the grants do every check themselves
    # (role first), so an unknown id or a refused role is reported by them.
    row = session.conn.execute(
        "SELECT state FROM vetting_requests WHERE id = ?", (request_id,)
    ).fetchone()
    return None if row is None else str(row[0])

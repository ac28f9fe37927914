"""Saving an attachment's original out of the vault: an explicit, audited act.

The only place an attachment's plaintext reaches the disk, and only where the user chose.
The file is written atomically inside the export grant's transaction: if writing fails,
the ``attachment.export`` entry is rolled back with it, so the trail never claims a copy
that does not exist.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from crypto.atomic_file import write_atomically
from exports.errors import ExportError
from records.services.attachments import AttachmentService
from records.session import Session


@dataclass(frozen=True)
class SavedAttachment:
    path: Path
    attachment_id: int
    sha256: str
    size: int


def save_attachment(session: Session, attachment_id: int, out_path: Path) -> SavedAttachment:
    """Write the verified original of ``attachment_id`` to ``out_path``.

    :raises PermissionDeniedError: role, recusal or need-to-know refuses it (audited).
    :raises NotFoundError: no such attachment.
    :raises AttachmentCorruptError: the stored content fails its SHA-256 check.
    :raises ExportError: the file could not be written (nothing is audited then).
    """
    if out_path.is_dir():
        raise ExportError(f"输出路径是文件夹:{out_path}", f"output path is a folder: {out_path}")
    with AttachmentService(session).export_grant(attachment_id) as grant:
        try:
            write_atomically(out_path, grant.content, mode=0o600)
        except OSError as exc:
            raise ExportError(
                f"无法写入文件:{out_path}({exc.strerror})",
                f"cannot write {out_path}: {exc.strerror}",
            ) from None
    attachment = grant.attachment
    return SavedAttachment(out_path, attachment.id, attachment.sha256, attachment.size)

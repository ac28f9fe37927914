"""Attachments of a dossier: scans (PDF, JPEG, PNG) and the official's photo.

The content is a BLOB in the encrypted database (written in the same transaction as its
audit entry) with its SHA-256, checked again on every read. Nothing here writes a file:
saving an original out of the vault is :func:`exports.attachment_export.save_attachment`,
which runs inside :func:`attachment_export_grant` so the audit entry and the file stand or
fall together. Attachments are withdrawn, never deleted.

Need-to-know (003:97): an attachment of a clue follows the clue — readers who see only that
the clue exists see only that the attachment exists (no name, no hash, no content).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import datetime

from records import audit
from records.attachment_types import MediaType, identify, media_type
from records.errors import (
    ConflictError,
    LianDangError,
    NotFoundError,
    PermissionDeniedError,
    ValidationError,
    VaultCorruptError,
)
from records.need_to_know import may_read_content
from records.policy import load_policy
from records.roles import Action
from records.rows import RECORD_COLUMNS, record_from_row
from records.services.officials import OfficialService, official_object
from records.session import Session

SCAN, PHOTO = "scan", "photo"

_COLUMNS = (
    "id, official_id, record_id, purpose, file_name, media_type, size, sha256, added_by,"
    " added_at, withdrawn_at, withdrawn_by, withdraw_reason"
)


@dataclass(frozen=True)
class Attachment:
    """An attachment's metadata (the content is fetched on its own, audited).

    :param record_id: the record it belongs to, ``None`` for the dossier as a whole.
    :param purpose: ``scan`` or ``photo``.
    :param content_hidden: the reader may know it exists, nothing more (a clue's scan):
        ``file_name`` and ``sha256`` are blank then.
    """

    id: int
    official_id: int
    record_id: int | None
    purpose: str
    file_name: str
    media_type: str
    size: int
    sha256: str
    added_by: str
    added_at: datetime
    withdrawn_at: datetime | None = None
    withdrawn_by: str = ""
    withdraw_reason: str = ""
    content_hidden: bool = False

    @property
    def withdrawn(self) -> bool:
        return self.withdrawn_at is not None

    @property
    def kind(self) -> MediaType:
        return media_type(self.media_type)


def attachment_object(attachment_id: int) -> str:
    """How an attachment is named in the audit trail."""
    return f"attachment:{attachment_id}"


def _from_row(row: tuple[object, ...]) -> Attachment:
    return Attachment(
        id=int(str(row[0])),
        official_id=int(str(row[1])),
        record_id=None if row[2] is None else int(str(row[2])),
        purpose=str(row[3]),
        file_name=str(row[4]),
        media_type=str(row[5]),
        size=int(str(row[6])),
        sha256=str(row[7]),
        added_by=str(row[8]),
        added_at=datetime.fromisoformat(str(row[9])),
        withdrawn_at=None if row[10] is None else datetime.fromisoformat(str(row[10])),
        withdrawn_by=str(row[11] or ""),
        withdraw_reason=str(row[12] or ""),
    )


class AttachmentRestrictedError(PermissionDeniedError):
    """The attachment belongs to a clue the reader may not read (need-to-know)."""

    def __init__(self, attachment_id: int) -> None:
        LianDangError.__init__(
            self,
            f"附件{attachment_id}属于问题线索,仅承办人和审核员可以查看",
            f"attachment {attachment_id} belongs to a clue: only its custodian and vetting"
            " officers may read it",
        )


class AttachmentCorruptError(VaultCorruptError):
    """The stored content no longer matches the SHA-256 taken when it was added."""

    def __init__(self, attachment_id: int) -> None:
        super().__init__(
            f"附件{attachment_id}的内容与登记的 SHA-256 不符",
            f"attachment {attachment_id} does not match its recorded SHA-256",
        )


@dataclass(frozen=True)
class AttachmentExportGrant:
    """What saving an original needs: its metadata and its verified content."""

    attachment: Attachment
    content: bytes


class AttachmentService:
    def __init__(self, session: Session) -> None:
        self._session = session
        self._officials = OfficialService(session)

    # ---- adding ------------------------------------------------------------------------------

    def check(self, file_name: str, content: bytes) -> MediaType:
        """Validate a file against the type rules and the policy's size cap, writing nothing.

        The CLI checks every ``--attach`` file before the record is added, so bad input
        changes nothing.

        :raises ValidationError:
        """
        return identify(file_name, content, max_mb=self.max_mb())

    def max_mb(self) -> int:
        """The policy's size cap (``attachment_max_mb``)."""
        return load_policy(self._session.conn).attachment_max_mb

    def add(
        self, official_id: int, file_name: str, content: bytes, *, record_id: int | None = None
    ) -> Attachment:
        """Attach one file to a dossier (or to one of its records).

        :raises PermissionDeniedError: not a clerk, or recused (refusal audited).
        :raises ValidationError: too large, not PDF/JPEG/PNG, or not what its name claims.
        """
        return self.add_many(official_id, [(file_name, content)], record_id=record_id)[0]

    def add_many(
        self,
        official_id: int,
        files: Sequence[tuple[str, bytes]],
        *,
        record_id: int | None = None,
    ) -> list[Attachment]:
        """Attach several files in one transaction: all of them or none."""
        session = self._session
        session.require(Action.ATTACHMENT_ADD, official_object(official_id))
        if not files:
            raise ValidationError("file", "附件", "未选择文件", "no file given")
        kinds = [self.check(name, content) for name, content in files]
        self._officials._load(official_id)
        if record_id is not None:
            self._record_of(official_id, record_id)
        session.require_not_recused(official_id, Action.ATTACHMENT_ADD)
        with session.transaction():
            ids = [
                self._insert(official_id, record_id, SCAN, name, content, kind)
                for (name, content), kind in zip(files, kinds, strict=True)
            ]
        return [self._load(i) for i in ids]

    def set_photo(self, official_id: int, file_name: str, content: bytes) -> Attachment:
        """Store a JPEG or PNG as the official's photo (an earlier photo stays, unused).

        :raises ValidationError: not a JPEG/PNG image, too large, or a mismatched name.
        """
        session = self._session
        session.require(Action.ATTACHMENT_ADD, official_object(official_id))
        kind = self.check(file_name, content)
        if not kind.is_image:
            raise ValidationError(
                "photo", "照片", "应为 JPEG 或 PNG 图片", "must be a JPEG or PNG image"
            )
        self._officials._load(official_id)
        session.require_not_recused(official_id, Action.ATTACHMENT_ADD)
        with session.transaction() as conn:
            new_id = self._insert(official_id, None, PHOTO, file_name, content, kind, log=False)
            conn.execute(
                "UPDATE officials SET photo_attachment_id = ? WHERE id = ?", (new_id, official_id)
            )
            session.log(
                "official.photo", official_object(official_id), detail=attachment_object(new_id)
            )
        return self._load(new_id)

    def _insert(
        self,
        official_id: int,
        record_id: int | None,
        purpose: str,
        file_name: str,
        content: bytes,
        kind: MediaType,
        *,
        log: bool = True,
    ) -> int:
        session = self._session
        digest = hashlib.sha256(content).hexdigest()
        cursor = session.conn.execute(
            "INSERT INTO attachments (official_id, record_id, purpose, file_name, media_type,"
            " size, sha256, content, added_by, added_at) VALUES (?,?,?,?,?,?,?,?,?,?)",
            (
                official_id,
                record_id,
                purpose,
                file_name.replace("\\", "/").rsplit("/", 1)[-1],
                kind.mime,
                len(content),
                digest,
                content,
                session.user.name,
                session.now().isoformat(),
            ),
        )
        new_id = int(cursor.lastrowid or 0)
        if log:
            record = f" record:{record_id}" if record_id is not None else ""
            session.log(
                "attachment.add",
                official_object(official_id),
                detail=f"{attachment_object(new_id)}{record} sha256:{digest}",
            )
        return new_id

    # ---- reading -----------------------------------------------------------------------------

    def list(self, official_id: int, record_id: int | None = None) -> list[Attachment]:
        """Metadata of a dossier's attachments (withdrawn ones included, marked); audited."""
        session = self._session
        session.require(Action.ATTACHMENT_LIST, official_object(official_id))
        self._officials._load(official_id)
        session.require_not_recused(official_id, Action.ATTACHMENT_LIST)
        sql = f"SELECT {_COLUMNS} FROM attachments WHERE official_id = ?"
        params: list[object] = [official_id]
        if record_id is not None:
            sql += " AND record_id = ?"
            params.append(record_id)
        with session.transaction() as conn:
            rows = conn.execute(sql + " ORDER BY id", params).fetchall()
            session.log("attachment.list", official_object(official_id))
        return [self._as_seen(_from_row(row)) for row in rows]

    def content(self, attachment_id: int) -> bytes:
        """The verified content of one attachment; the read is audited.

        :raises AttachmentRestrictedError: a clue's attachment the reader may not read.
        :raises AttachmentCorruptError: the content does not match its SHA-256.
        """
        session = self._session
        attachment, content = self._readable(Action.ATTACHMENT_READ, attachment_id)
        with session.transaction():
            session.log(
                "attachment.read",
                official_object(attachment.official_id),
                detail=attachment_object(attachment_id),
            )
        return content

    def photo(self, official_id: int) -> tuple[Attachment, bytes] | None:
        """The official's photo and its content (``None`` if none is set); audited."""
        session = self._session
        session.require(Action.ATTACHMENT_READ, official_object(official_id))
        self._officials._load(official_id)
        session.require_not_recused(official_id, Action.ATTACHMENT_READ)
        row = session.conn.execute(
            "SELECT photo_attachment_id FROM officials WHERE id = ?", (official_id,)
        ).fetchone()
        if row[0] is None:
            return None
        attachment_id = int(row[0])
        return self._load(attachment_id), self.content(attachment_id)

    @contextmanager
    def export_grant(self, attachment_id: int) -> Iterator[AttachmentExportGrant]:
        """Permission to save an original elsewhere: logs ``attachment.export`` and yields
        the content inside one transaction, so a failed write rolls the entry back."""
        session = self._session
        attachment, content = self._readable(Action.ATTACHMENT_EXPORT, attachment_id)
        with session.transaction():
            session.log(
                "attachment.export",
                official_object(attachment.official_id),
                detail=f"{attachment_object(attachment_id)} sha256:{attachment.sha256}",
            )
            yield AttachmentExportGrant(attachment, content)

    # ---- withdrawing -------------------------------------------------------------------------

    def withdraw(self, attachment_id: int, reason: str) -> Attachment:
        """Mark an attachment withdrawn (kept, never deleted); a withdrawn photo is unset.

        :raises ValidationError: no reason given.
        :raises ConflictError: already withdrawn.
        """
        session = self._session
        session.require(Action.ATTACHMENT_WITHDRAW, attachment_object(attachment_id))
        attachment = self._load(attachment_id)
        obj = official_object(attachment.official_id)
        text = reason.strip()
        if not text:
            raise ValidationError("reason", "撤回原因", "不能为空", "must not be empty")
        session.require_not_recused(attachment.official_id, Action.ATTACHMENT_WITHDRAW)
        if attachment.withdrawn:
            raise ConflictError(
                f"附件{attachment_id}已撤回", f"attachment {attachment_id} is already withdrawn"
            )
        with session.transaction() as conn:
            conn.execute(
                "UPDATE attachments SET withdrawn_at = ?, withdrawn_by = ?, withdraw_reason = ?"
                " WHERE id = ?",
                (session.now().isoformat(), session.user.name, text, attachment_id),
            )
            conn.execute(
                "UPDATE officials SET photo_attachment_id = NULL WHERE photo_attachment_id = ?",
                (attachment_id,),
            )
            session.log("attachment.withdraw", obj, detail=f"{attachment_object(attachment_id)}")
        return self._load(attachment_id)

    # ---- shared ------------------------------------------------------------------------------

    def _load(self, attachment_id: int) -> Attachment:
        row = self._session.conn.execute(
            f"SELECT {_COLUMNS} FROM attachments WHERE id = ?", (attachment_id,)
        ).fetchone()
        if row is None:
            raise NotFoundError("附件", "attachment", attachment_id)
        return _from_row(row)

    def _record_of(self, official_id: int, record_id: int) -> None:
        row = self._session.conn.execute(
            "SELECT withdrawn_at FROM records WHERE id = ? AND official_id = ?",
            (record_id, official_id),
        ).fetchone()
        if row is None:
            raise NotFoundError("该人员的记录", "record of this official", record_id)
        if row[0] is not None:
            # A withdrawn record is kept as it was; a scan added later would change it.
            raise ConflictError(
                f"记录已撤销,不能添加附件:{record_id}", f"record {record_id} is withdrawn"
            )

    def _may_read(self, attachment: Attachment) -> bool:
        if attachment.record_id is None:
            return True
        row = self._session.conn.execute(
            f"SELECT {RECORD_COLUMNS} FROM records WHERE id = ?", (attachment.record_id,)
        ).fetchone()
        return row is None or may_read_content(record_from_row(row), self._session.user)

    def _as_seen(self, attachment: Attachment) -> Attachment:
        if self._may_read(attachment):
            return attachment
        return replace(attachment, file_name="", sha256="", content_hidden=True)

    def _readable(self, action: Action, attachment_id: int) -> tuple[Attachment, bytes]:
        """Role, existence, recusal and need-to-know checks, then the verified content."""
        session = self._session
        session.require(action, attachment_object(attachment_id))
        attachment = self._load(attachment_id)
        session.require_not_recused(attachment.official_id, action)
        if not self._may_read(attachment):
            with session.transaction():
                session.log(
                    action,
                    attachment_object(attachment_id),
                    outcome=audit.Outcome.REFUSED,
                    detail="need-to-know",
                )
            raise AttachmentRestrictedError(attachment_id)
        row = session.conn.execute(
            "SELECT content FROM attachments WHERE id = ?", (attachment_id,)
        ).fetchone()
        content = bytes(row[0])
        if hashlib.sha256(content).hexdigest() != attachment.sha256:
            raise AttachmentCorruptError(attachment_id)
        return attachment, content

"""Signing off a request: what the reply letter needs, and filing its copies, in one action.

:func:`vetting_reply_grant` is a context manager like the dossier export grant: the
``vetting.reply`` audit entry is written first (its chain head is printed in the letter),
the caller renders and signs the letter, hands the signed bytes to :meth:`ReplyGrant.file`
— which files a 党风廉政意见回复 record in every candidate's dossier and moves the request
to 已回复 — and writes the file, all inside one transaction: if anything fails, nothing of
it remains, not even the audit entry.

Each candidate's dossier gets a record (DOMAIN.md §3 #13) holding *that candidate's* row of
the letter — category, reasons, who decided and how — with the letter's document number and
the SHA-256 of the signed file. The signed letter itself is kept once, with the request:
a letter names every candidate, and a copy in each dossier would show one candidate's
opinion to a reader who may open only another's dossier (recusal, need-to-know). The
record's disclosure is 内部, so the 公开 export profile leaves it out.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime

from records.audit import ChainHead
from records.errors import ConflictError, VaultCorruptError
from records.model import Disclosure, Official, Source
from records.record_type_catalog import LONG, VETTING_REPLY
from records.roles import Action
from records.services.officials import OfficialService
from records.services.record_input import validate_record_fields
from records.services.signing_identity import StoredIdentity, load_identity_for_signing
from records.services.vetting import VettingService
from records.services.vetting_store import load_request, request_object
from records.session import Session
from records.vetting_model import CandidateDecision, VettingRequest
from records.vetting_terms import RequestState


@dataclass(frozen=True)
class ReplyCandidate:
    """One row of the letter.

    :param decided_by: who decided, as printed (``王审核 (vet1)``).
    """

    official: Official
    decision: CandidateDecision
    decided_by: str

    @property
    def reasons_zh(self) -> str:
        return ";".join(r.text_zh for r in self.decision.reasons)


@dataclass
class ReplyGrant:
    """What the letter prints, and the one way to complete the reply (:meth:`file`)."""

    request: VettingRequest
    candidates: tuple[ReplyCandidate, ...]
    identity: StoredIdentity
    document_number: str
    audit_head: ChainHead
    signed_by: str
    signed_at: datetime
    _session: Session = field(repr=False)
    record_ids: tuple[int, ...] = ()

    def file(self, signed_pdf: bytes) -> tuple[int, ...]:
        """Keep the signed letter with the request, file each candidate's copy, and mark the
        request 已回复. Returns the new record ids, in the letter's order."""
        if self.record_ids:
            raise ConflictError("回复已归档", "the reply is filed already")
        session = self._session
        digest = hashlib.sha256(signed_pdf).hexdigest()
        ids = tuple(self._file_copy(candidate, digest) for candidate in self.candidates)
        session.conn.execute(
            "UPDATE vetting_requests SET state = ?, replied_by = ?, replied_at = ?,"
            " reply_document_number = ?, reply_sha256 = ?, reply_pdf = ? WHERE id = ?",
            (
                RequestState.REPLIED,
                session.user.name,
                self.signed_at.isoformat(),
                self.document_number,
                digest,
                signed_pdf,
                self.request.id,
            ),
        )
        self.record_ids = ids
        return ids

    def _file_copy(self, candidate: ReplyCandidate, digest: str) -> int:
        session, request, decision = self._session, self.request, candidate.decision
        when = self.signed_at.date()
        values = {
            "category": decision.category.numbered_zh,
            "request_number": request.number,
            "request_date": request.letter_date.isoformat(),
            "requesting_unit": request.requesting_unit,
            "purpose": request.purpose.label_zh,
            "reasons": _clip(candidate.reasons_zh),
            "decision": decision.decision.label_zh,
            "justification": _clip(decision.justification),
            "decided_by": candidate.decided_by[:100],
            "document_number": self.document_number,
            "signed_sha256": digest,
        }
        cleaned = validate_record_fields(VETTING_REPLY, values, when)
        cursor = session.conn.execute(
            "INSERT INTO records (official_id, type, record_date, fields_json, source,"
            " disclosure, created_by, created_at) VALUES (?,?,?,?,?,?,?,?)",
            (
                candidate.official.id,
                VETTING_REPLY.code,
                when.isoformat(),
                json.dumps(cleaned, ensure_ascii=False, sort_keys=True),
                Source.DISCIPLINE,
                Disclosure.INTERNAL,
                session.user.name,
                session.now().isoformat(),
            ),
        )
        record_id = int(cursor.lastrowid or 0)
        session.conn.execute(
            "UPDATE vetting_candidates SET reply_record_id = ? WHERE request_id = ?"
            " AND official_id = ?",
            (record_id, request.id, candidate.official.id),
        )
        # No audit entry of its own: the reply is one action, and its ``vetting.reply``
        # entry names the request, whose candidates and copies are linked here.
        return record_id


def _clip(text: str) -> str:
    return text if len(text) <= LONG else text[: LONG - 1] + "…"


def user_label(session: Session, name: str) -> str:
    """``王审核 (vet1)``: how a decider or signer is named in the letter."""
    row = session.conn.execute("SELECT display_name FROM users WHERE name = ?", (name,)).fetchone()
    shown = str(row[0]) if row and row[0] else name
    return f"{shown} ({name})"


@contextmanager
def vetting_reply_grant(session: Session, request_id: int) -> Iterator[ReplyGrant]:
    """Check everything, log ``vetting.reply`` and yield what the letter needs, in one
    transaction that commits only once the caller has called :meth:`ReplyGrant.file`.

    :raises PermissionDeniedError: not a vetting officer, or recused from a candidate.
    :raises NotFoundError: no such request, or no signing certificate installed.
    :raises ConflictError: the request is not 审核中, or a decision is missing or stale.
    """
    service = VettingService(session)
    request = service.open_request(request_id, Action.VETTING_REPLY)
    if request.state is not RequestState.REVIEWING:
        raise ConflictError(
            f"来函{request_id}当前为{request.state.label_zh},只有审核中的来函可以签发回复"
            + ("(请先执行 vetting submit)" if request.state is RequestState.DRAFT else ""),
            f"request {request_id} is {request.state.value}: only a request under review"
            " can be replied to",
        )
    decisions = service.require_decided(request)
    officials = OfficialService(session)
    candidates = tuple(
        ReplyCandidate(officials._load(oid), d, user_label(session, d.decided_by))
        for oid, d in zip(request.candidate_ids, decisions, strict=True)
    )
    identity = load_identity_for_signing(session)
    now = session.now()
    with session.transaction():
        number = f"LD-VET-{now:%Y%m%d}-{session.audit_head().seq + 1:06d}"
        head = session.log(
            "vetting.reply",
            request_object(request_id),
            detail=f"{number} candidates:{len(candidates)}",
        )
        grant = ReplyGrant(
            request=request,
            candidates=candidates,
            identity=identity,
            document_number=number,
            audit_head=head,
            signed_by=user_label(session, session.user.name),
            signed_at=now,
            _session=session,
        )
        yield grant
        if not grant.record_ids:
            # A grant left without filing must not leave an audit entry claiming a reply.
            raise ConflictError("回复未归档,已撤销", "the reply was not filed: rolled back")


@dataclass(frozen=True)
class StoredReply:
    request: VettingRequest
    content: bytes


@contextmanager
def stored_reply_grant(session: Session, request_id: int) -> Iterator[StoredReply]:
    """The signed letter of a replied request, again (audited ``vetting.copy``); a failed
    write by the caller rolls the entry back.

    :raises ConflictError: the request is not replied yet.
    :raises VaultCorruptError: the stored letter does not match its SHA-256.
    """
    request = VettingService(session).open_request(request_id, Action.VETTING_REPLY)
    if request.state is not RequestState.REPLIED:
        raise ConflictError(
            f"来函{request_id}尚未回复", f"request {request_id} has not been replied to yet"
        )
    row = session.conn.execute(
        "SELECT reply_pdf FROM vetting_requests WHERE id = ?", (request_id,)
    ).fetchone()
    content = bytes(row[0])
    if hashlib.sha256(content).hexdigest() != request.reply_sha256:
        raise VaultCorruptError(
            f"来函{request_id}的回复文件与登记的 SHA-256 不符",
            f"the reply of request {request_id} does not match its SHA-256",
        )
    with session.transaction():
        session.log(
            "vetting.copy", request_object(request_id), detail=request.reply_document_number
        )
        yield StoredReply(load_request(session.conn, request_id), content)

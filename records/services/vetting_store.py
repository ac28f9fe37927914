"""Reading the vetting tables into :mod:`records.vetting_model` rows (no checks, no audit).

The verbs in :mod:`records.services.vetting` check roles, recusal and state first.
"""

from __future__ import annotations

from datetime import date, datetime

from records.database import Connection
from records.errors import NotFoundError
from records.vetting_checklist import Attestation
from records.vetting_model import CandidateDecision, VettingRequest, proposal_from_json
from records.vetting_terms import Category, Decision, Purpose, RequestState

_REQUEST_COLUMNS = (
    "id, number, letter_date, requesting_unit, purpose, due_date, state, created_by,"
    " created_at, submitted_by, submitted_at, replied_by, replied_at, reply_document_number,"
    " reply_sha256"
)


def request_object(request_id: int) -> str:
    """How a request is named in the audit trail."""
    return f"vetting:{request_id}"


def _when(text: object) -> datetime | None:
    return None if text is None else datetime.fromisoformat(str(text))


def candidate_ids(conn: Connection, request_id: int) -> tuple[int, ...]:
    return tuple(
        int(row[0])
        for row in conn.execute(
            "SELECT official_id FROM vetting_candidates WHERE request_id = ? ORDER BY position",
            (request_id,),
        )
    )


def _request(conn: Connection, row: tuple[object, ...]) -> VettingRequest:
    request_id = int(str(row[0]))
    created = _when(row[8])
    assert created is not None  # NOT NULL column
    return VettingRequest(
        id=request_id,
        number=str(row[1]),
        letter_date=date.fromisoformat(str(row[2])),
        requesting_unit=str(row[3]),
        purpose=Purpose(str(row[4])),
        due_date=None if row[5] is None else date.fromisoformat(str(row[5])),
        state=RequestState(str(row[6])),
        created_by=str(row[7]),
        created_at=created,
        candidate_ids=candidate_ids(conn, request_id),
        submitted_by=str(row[9] or ""),
        submitted_at=_when(row[10]),
        replied_by=str(row[11] or ""),
        replied_at=_when(row[12]),
        reply_document_number=str(row[13] or ""),
        reply_sha256=str(row[14] or ""),
    )


def load_request(conn: Connection, request_id: int) -> VettingRequest:
    """:raises NotFoundError:"""
    row = conn.execute(
        f"SELECT {_REQUEST_COLUMNS} FROM vetting_requests WHERE id = ?", (request_id,)
    ).fetchone()
    if row is None:
        raise NotFoundError("党风廉政意见来函", "vetting request", request_id)
    return _request(conn, tuple(row))


def all_requests(conn: Connection) -> list[VettingRequest]:
    rows = conn.execute(f"SELECT {_REQUEST_COLUMNS} FROM vetting_requests ORDER BY id DESC")
    return [_request(conn, tuple(row)) for row in rows.fetchall()]


def latest_decision(
    conn: Connection, request_id: int, official_id: int
) -> CandidateDecision | None:
    row = conn.execute(
        "SELECT category, proposed_category, overridden, justification, decided_by, decided_at,"
        " proposal_json FROM vetting_decisions WHERE request_id = ? AND official_id = ?"
        " ORDER BY id DESC LIMIT 1",
        (request_id, official_id),
    ).fetchone()
    if row is None:
        return None
    decided_at = _when(row[5])
    assert decided_at is not None
    return CandidateDecision(
        category=Category(int(row[0])),
        proposed=Category(int(row[1])),
        decision=Decision.OVERRIDDEN if row[2] else Decision.CONFIRMED,
        justification=str(row[3]),
        decided_by=str(row[4]),
        decided_at=decided_at,
        reasons=proposal_from_json(str(row[6])).reasons,
    )


def file_review(conn: Connection, request_id: int, official_id: int) -> Attestation | None:
    row = conn.execute(
        "SELECT file_reviewed_by, file_reviewed_at, file_review_note FROM vetting_candidates"
        " WHERE request_id = ? AND official_id = ?",
        (request_id, official_id),
    ).fetchone()
    at = _when(row[1]) if row else None
    if row is None or at is None:
        return None
    return Attestation(str(row[0]), at, str(row[2]))


def reply_record_id(conn: Connection, request_id: int, official_id: int) -> int | None:
    row = conn.execute(
        "SELECT reply_record_id FROM vetting_candidates WHERE request_id = ? AND official_id = ?",
        (request_id, official_id),
    ).fetchone()
    return None if row is None or row[0] is None else int(row[0])

"""Vetting requests put straight into a test vault (no audit entry), for tests that exercise
one later step of the workflow — the permission matrix above all, where a step's own audit
entry must be the only one."""

from __future__ import annotations

import hashlib

from records.roles import Action, may
from records.services.vetting_evidence import gather_evidence
from records.session import Session
from records.vetting_model import proposal_to_json
from records.vetting_proposal import propose
from records.vetting_terms import RequestState

#: A PDF-looking placeholder for the stored letter (the records layer never parses it).
STORED_LETTER = b"%PDF-1.7\n% a signed letter\n%%EOF\n"


def stored_request(
    session: Session,
    action: Action,
    *,
    state: RequestState = RequestState.DRAFT,
    decided: bool = False,
) -> int:
    """A request about the vault's first official, for a user who may do ``action``.

    For a user who may not, nothing is stored and a made-up id is returned: the role
    check comes first, so a refused user must find everything unchanged.
    """
    if not may(session.user.roles, action):
        return 1
    official_id = int(session.conn.execute("SELECT min(id) FROM officials").fetchone()[0])
    now = session.now()
    replied = state is RequestState.REPLIED
    with session.transaction() as conn:
        request_id = int(
            conn.execute(
                "INSERT INTO vetting_requests (number, letter_date, requesting_unit, purpose,"
                " state, created_by, created_at, reply_document_number, reply_sha256,"
                " reply_pdf) VALUES ('测试函1号', '2026-11-01', '中共青山县委组织部',"
                " 'promotion', ?, 'vet1', ?, ?, ?, ?)",
                (
                    state,
                    now.isoformat(),
                    "LD-VET-20261122-000001" if replied else None,
                    hashlib.sha256(STORED_LETTER).hexdigest() if replied else None,
                    STORED_LETTER if replied else None,
                ),
            ).lastrowid
            or 0
        )
        conn.execute(
            "INSERT INTO vetting_candidates (request_id, official_id, position) VALUES (?,?,0)",
            (request_id, official_id),
        )
        if decided:
            proposal = propose(gather_evidence(session, official_id, now.date()), now.date())
            conn.execute(
                "INSERT INTO vetting_decisions (request_id, official_id, proposed_category,"
                " proposal_json, category, overridden, decided_by, decided_at)"
                " VALUES (?,?,?,?,?,0,'vet1',?)",
                (
                    request_id,
                    official_id,
                    int(proposal.category),
                    proposal_to_json(proposal),
                    int(proposal.category),
                    now.isoformat(),
                ),
            )
    return request_id

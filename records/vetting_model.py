"""Immutable rows of the vetting workflow, as :class:`records.services.vetting.VettingService`
returns them, and the stored form of a proposal.

A decision keeps the proposal it was taken on (``proposal_json``): the reply prints exactly
the reasons the officer saw, and a proposal that has changed since (a new clue, a period
that ended) marks the decision *stale* until it is taken again.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime

from records.model import Official
from records.vetting_checklist import Attestation, ChecklistItem
from records.vetting_proposal import Proposal, Reason
from records.vetting_terms import Category, Decision, Purpose, RequestState


@dataclass(frozen=True)
class VettingRequest:
    """A request (来函) for 党风廉政意见 and where it stands.

    :param number: the letter's reference number (来函文号).
    :param letter_date: the letter's date.
    :param due_date: the reply is asked for by this day, ``None`` if the letter sets none.
    :param candidate_ids: the officials asked about, in the letter's order.
    """

    id: int
    number: str
    letter_date: date
    requesting_unit: str
    purpose: Purpose
    due_date: date | None
    state: RequestState
    created_by: str
    created_at: datetime
    candidate_ids: tuple[int, ...]
    submitted_by: str = ""
    submitted_at: datetime | None = None
    replied_by: str = ""
    replied_at: datetime | None = None
    reply_document_number: str = ""
    reply_sha256: str = ""


@dataclass(frozen=True)
class CandidateDecision:
    """The vetting officer's latest decision on one candidate.

    :param proposed: the category the software proposed when the decision was taken.
    :param reasons: that proposal's reasons (what the reply prints).
    :param justification: required for an override, optional for a confirmation.
    """

    category: Category
    proposed: Category
    decision: Decision
    justification: str
    decided_by: str
    decided_at: datetime
    reasons: tuple[Reason, ...]


@dataclass(frozen=True)
class CandidateView:
    """One candidate of a request as the vetting screen shows them.

    :param proposal: the proposal as of today.
    :param stale: a decision exists but was taken on a proposal that differs from today's.
    :param reply_record_id: the copy of the reply filed in the dossier, once replied.
    """

    official: Official
    proposal: Proposal
    decision: CandidateDecision | None
    stale: bool
    checklist: tuple[ChecklistItem, ...]
    file_review: Attestation | None
    reply_record_id: int | None = None


@dataclass(frozen=True)
class RequestDetail:
    request: VettingRequest
    candidates: tuple[CandidateView, ...]


# ---- stored proposals --------------------------------------------------------------------


def proposal_to_json(proposal: Proposal) -> str:
    return json.dumps(
        {
            "category": int(proposal.category),
            "reasons": [
                {
                    "code": r.code,
                    "category": int(r.category),
                    "zh": r.text_zh,
                    "en": r.text_en,
                    "records": list(r.record_ids),
                    "checks": list(r.check_ids),
                }
                for r in proposal.reasons
            ],
        },
        ensure_ascii=False,
        sort_keys=True,
    )


def proposal_from_json(text: str) -> Proposal:
    data = json.loads(text)
    return Proposal(
        Category(int(data["category"])),
        tuple(
            Reason(
                str(r["code"]),
                Category(int(r["category"])),
                str(r["zh"]),
                str(r["en"]),
                tuple(int(i) for i in r["records"]),
                tuple(int(i) for i in r["checks"]),
            )
            for r in data["reasons"]
        ),
    )

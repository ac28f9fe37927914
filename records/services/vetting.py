"""党风廉政意见回复: a request (来函) from registration to the decision on every candidate.

States (:class:`~records.vetting_terms.RequestState`): a request is created as 草稿 (draft);
the vetting officer confirms or overrides the proposed category of each candidate (an
override needs a written justification) and attests the 干部档案必审 item of the checklist;
:meth:`VettingService.submit` moves it to 审核中 (reviewing) once every candidate is
decided; the signed reply (:mod:`records.services.vetting_reply_grant`) moves it to 已回复
(replied), after which nothing changes. Decisions may still be revised while reviewing.

Every verb checks the role first, then the request and its candidates exist, then recusal
(a user who declared a relation to any candidate may not open the request), then the input,
and writes nothing — not even its audit entry — unless all of that passed. Refusals of
role and recusal are audited as everywhere else.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from records.errors import ConflictError, NotFoundError, ValidationError
from records.fields import FieldKind, FieldSpec, parse_date, parse_value
from records.roles import Action
from records.services.checks import CheckService
from records.services.officials import OfficialService, official_object
from records.services.vetting_evidence import gather_evidence
from records.services.vetting_store import (
    all_requests,
    file_review,
    latest_decision,
    load_request,
    reply_record_id,
    request_object,
)
from records.session import Session
from records.vetting_checklist import Settled, checklist
from records.vetting_model import (
    CandidateDecision,
    CandidateView,
    RequestDetail,
    VettingRequest,
    proposal_to_json,
)
from records.vetting_proposal import Proposal, propose
from records.vetting_terms import Decision, Purpose, RequestState, parse_category, parse_purpose

#: A letter names a handful of candidates; 200 is far beyond any real one (and the reply
#: table would run to dozens of pages).
MAX_CANDIDATES = 200

NUMBER_SPEC = FieldSpec("number", "来函文号", "number", FieldKind.TEXT, required=True,
                        max_length=100)  # fmt: skip
UNIT_SPEC = FieldSpec("unit", "来函单位", "unit", FieldKind.TEXT, required=True, max_length=100)
LETTER_DATE_SPEC = FieldSpec("date", "来函日期", "date", FieldKind.DATE, required=True)
DUE_SPEC = FieldSpec("due", "回复期限", "due", FieldKind.DATE)
JUSTIFICATION_SPEC = FieldSpec("justification", "改定理由", "justification",
                               FieldKind.LONG_TEXT, max_length=1000)  # fmt: skip
NOTE_SPEC = FieldSpec("note", "审核说明", "note", FieldKind.LONG_TEXT, required=True,
                      max_length=1000)  # fmt: skip


@dataclass(frozen=True)
class LetterFields:
    """A request's letter as validated input."""

    number: str
    letter_date: date
    requesting_unit: str
    purpose: str
    due_date: date | None


def _candidates_invalid(reason_zh: str, reason_en: str) -> ValidationError:
    return ValidationError("candidate", "人选", reason_zh, reason_en)


def _digest(text: str) -> str:
    """A short SHA-256 of a justification: the audit trail binds the text without holding
    dossier content, which the security auditor may not read."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


class VettingService:
    def __init__(self, session: Session) -> None:
        self._session = session
        self._officials = OfficialService(session)

    # ---- registering a letter ----------------------------------------------------------------

    def _letter(
        self, number: str, letter_date: object, unit: str, purpose: object, due: object
    ) -> LetterFields:
        today = self._session.now().date()
        when = parse_date(LETTER_DATE_SPEC, letter_date)
        if when > today:
            raise LETTER_DATE_SPEC.invalid("不能晚于今天", "must not be in the future")
        due_date = None if due in (None, "") else parse_date(DUE_SPEC, due)
        if due_date is not None and due_date < when:
            raise DUE_SPEC.invalid("不能早于来函日期", "must not be before the letter's date")
        return LetterFields(
            number=str(parse_value(NUMBER_SPEC, number)),
            letter_date=when,
            requesting_unit=str(parse_value(UNIT_SPEC, unit)),
            purpose=parse_purpose(purpose).value,
            due_date=due_date,
        )

    def create(
        self,
        number: str,
        letter_date: date | str,
        requesting_unit: str,
        purpose: str,
        candidate_ids: Sequence[int],
        *,
        due_date: date | str | None = None,
    ) -> VettingRequest:
        """Register a letter and its candidates, as 草稿.

        :raises PermissionDeniedError: not a vetting officer, or recused from a candidate.
        :raises ValidationError: a field is missing or malformed, the dates are out of order
            (letter after today, reply due before the letter), no candidate or one twice.
        :raises NotFoundError: a candidate has no dossier.
        :raises ConflictError: the unit's letter with this number is registered already.
        """
        session = self._session
        session.require(Action.VETTING_CREATE)
        letter = self._letter(number, letter_date, requesting_unit, purpose, due_date)
        ids = list(candidate_ids)
        if not ids:
            raise _candidates_invalid("至少需要一名人选", "at least one candidate is required")
        if len(ids) > MAX_CANDIDATES:
            raise _candidates_invalid(
                f"一次来函最多{MAX_CANDIDATES}名人选", f"at most {MAX_CANDIDATES} candidates"
            )
        twice = sorted({i for i in ids if ids.count(i) > 1})
        if twice:
            raise _candidates_invalid(
                f"重复的人选:{'、'.join(map(str, twice))}", f"listed twice: {twice}"
            )
        for official_id in ids:
            self._officials._load(official_id)  # NotFoundError names the id
        for official_id in ids:
            session.require_not_recused(official_id, Action.VETTING_CREATE)
        if session.conn.execute(
            "SELECT 1 FROM vetting_requests WHERE requesting_unit = ? AND number = ?",
            (letter.requesting_unit, letter.number),
        ).fetchone():
            raise ConflictError(
                f"该单位的来函已登记:{letter.requesting_unit} {letter.number}",
                f"this letter is registered already: {letter.requesting_unit} {letter.number}",
            )
        with session.transaction() as conn:
            cursor = conn.execute(
                "INSERT INTO vetting_requests (number, letter_date, requesting_unit, purpose,"
                " due_date, created_by, created_at) VALUES (?,?,?,?,?,?,?)",
                (
                    letter.number,
                    letter.letter_date.isoformat(),
                    letter.requesting_unit,
                    letter.purpose,
                    None if letter.due_date is None else letter.due_date.isoformat(),
                    session.user.name,
                    session.now().isoformat(),
                ),
            )
            request_id = int(cursor.lastrowid or 0)
            for position, oid in enumerate(ids):
                conn.execute(
                    "INSERT INTO vetting_candidates (request_id, official_id, position)"
                    " VALUES (?,?,?)",
                    (request_id, oid, position),
                )
            session.log(
                "vetting.create",
                request_object(request_id),
                detail="candidates:" + ",".join(map(str, ids)),
            )
            if Purpose(letter.purpose).needs_report_check:
                checks = CheckService(session)
                for official_id in ids:
                    checks.open_for_candidate(official_id, f"凡提必查:{letter.number}")
        return load_request(session.conn, request_id)

    # ---- reading -----------------------------------------------------------------------------

    def requests(self) -> list[VettingRequest]:
        """Every request, newest first (letters and states only, no candidate's dossier)."""
        self._session.require(Action.VETTING_READ)
        return all_requests(self._session.conn)

    def open_request(self, request_id: int, action: Action) -> VettingRequest:
        """The request, after role, existence and recusal (every candidate), in that order.

        :raises PermissionDeniedError:
        :raises NotFoundError:
        """
        session = self._session
        session.require(action, request_object(request_id))
        request = load_request(session.conn, request_id)
        for official_id in request.candidate_ids:
            session.require_not_recused(official_id, action)
        return request

    def _proposal(self, official_id: int) -> Proposal:
        today = self._session.now().date()
        return propose(gather_evidence(self._session, official_id, today), today)

    def _view(self, request: VettingRequest, official_id: int) -> CandidateView:
        conn = self._session.conn
        today = self._session.now().date()
        evidence = gather_evidence(self._session, official_id, today)
        proposal = propose(evidence, today)
        decision = latest_decision(conn, request.id, official_id)
        settled = (
            None
            if decision is None
            else Settled(decision.category, decision.decision, decision.decided_by,
                         decision.decided_at)
        )  # fmt: skip
        attested = file_review(conn, request.id, official_id)
        return CandidateView(
            official=self._officials._load(official_id),
            proposal=proposal,
            decision=decision,
            stale=decision is not None and is_stale(decision, proposal),
            checklist=checklist(evidence, settled, attested),
            file_review=attested,
            reply_record_id=reply_record_id(conn, request.id, official_id),
        )

    def detail(self, request_id: int) -> RequestDetail:
        """The request with every candidate's proposal, decision and 凡提四必 checklist.

        Audited (``vetting.read``): it shows what the dossiers hold.
        """
        session = self._session
        request = self.open_request(request_id, Action.VETTING_READ)
        views = tuple(self._view(request, oid) for oid in request.candidate_ids)
        with session.transaction():
            session.log("vetting.read", request_object(request_id))
        return RequestDetail(request, views)

    # ---- deciding ----------------------------------------------------------------------------

    def _candidate(self, request: VettingRequest, official_id: int) -> None:
        if official_id not in request.candidate_ids:
            raise NotFoundError("该来函的人选", "candidate of this request", official_id)

    @staticmethod
    def _not_replied(request: VettingRequest) -> None:
        if request.state is RequestState.REPLIED:
            raise ConflictError(
                f"来函{request.id}已回复,不能再修改", f"request {request.id} is replied already"
            )

    def decide(
        self,
        request_id: int,
        official_id: int,
        *,
        confirm: bool = False,
        category: object = None,
        justification: str = "",
    ) -> CandidateDecision:
        """Confirm the proposed category (``confirm=True``) or set one (``category``) with
        a written ``justification``. A category equal to today's proposal is stored as a
        confirmation (with its justification). Every decision is kept; the latest counts.

        Everything the caller gave is validated before the dossier is read, so bad input
        leaves no trace at all.

        :raises ValidationError: both or neither of confirm/category, an unknown category,
            an override without justification.
        :raises ConflictError: the request is replied already.
        :raises NotFoundError: no such request, or the official is not one of its candidates.
        """
        session = self._session
        request = self.open_request(request_id, Action.VETTING_DECIDE)
        self._candidate(request, official_id)
        self._not_replied(request)
        if confirm == (category is not None):
            raise ValidationError(
                "category",
                "意见类别",
                "请确认系统建议,或指定类别并说明理由(二者选一)",
                "give either confirm or a category with a justification",
            )
        chosen = None if category is None else parse_category(category)
        text = str(parse_value(JUSTIFICATION_SPEC, justification) or "")
        if chosen is not None and not text:
            raise JUSTIFICATION_SPEC.invalid(
                "改定系统建议的类别须书面说明理由",
                "is required to override the proposed category",
            )
        proposal = self._proposal(official_id)
        overridden = chosen is not None and chosen != proposal.category
        final = chosen if overridden and chosen is not None else proposal.category
        kind = Decision.OVERRIDDEN if overridden else Decision.CONFIRMED
        now = session.now()
        with session.transaction() as conn:
            conn.execute(
                "INSERT INTO vetting_decisions (request_id, official_id, proposed_category,"
                " proposal_json, category, overridden, justification, decided_by, decided_at)"
                " VALUES (?,?,?,?,?,?,?,?,?)",
                (
                    request_id,
                    official_id,
                    int(proposal.category),
                    proposal_to_json(proposal),
                    int(final),
                    int(overridden),
                    text,
                    session.user.name,
                    now.isoformat(),
                ),
            )
            detail = (
                f"{request_object(request_id)} {kind.value} category:{int(final)}"
                f" proposed:{int(proposal.category)}"
            )
            if text:
                detail += f" justification-sha256:{_digest(text)}"
            session.log("vetting.decide", official_object(official_id), detail=detail)
        decision = latest_decision(session.conn, request_id, official_id)
        assert decision is not None
        return decision

    def attest_file_review(self, request_id: int, official_id: int, note: str) -> None:
        """Record that the candidate's personnel file (干部人事档案, kept outside the vault)
        was reviewed: the 干部档案必审 item of 凡提四必.

        :raises ValidationError: no note.
        """
        session = self._session
        request = self.open_request(request_id, Action.VETTING_DECIDE)
        self._candidate(request, official_id)
        self._not_replied(request)
        text = str(parse_value(NOTE_SPEC, note))
        with session.transaction() as conn:
            conn.execute(
                "UPDATE vetting_candidates SET file_reviewed_by = ?, file_reviewed_at = ?,"
                " file_review_note = ? WHERE request_id = ? AND official_id = ?",
                (session.user.name, session.now().isoformat(), text, request_id, official_id),
            )
            session.log(
                "vetting.attest",
                official_object(official_id),
                detail=f"{request_object(request_id)} personnel_file",
            )

    def submit(self, request_id: int) -> VettingRequest:
        """草稿 → 审核中, once every candidate has a current decision.

        :raises ConflictError: not a draft, a candidate undecided, or a decision stale.
        """
        session = self._session
        request = self.open_request(request_id, Action.VETTING_SUBMIT)
        if request.state is not RequestState.DRAFT:
            raise ConflictError(
                f"来函{request_id}不是草稿(当前:{request.state.label_zh}),不能提交",
                f"request {request_id} is not a draft (it is {request.state.value})",
            )
        self.require_decided(request)
        with session.transaction() as conn:
            conn.execute(
                "UPDATE vetting_requests SET state = ?, submitted_by = ?, submitted_at = ?"
                " WHERE id = ?",
                (RequestState.REVIEWING, session.user.name, session.now().isoformat(), request_id),
            )
            session.log("vetting.submit", request_object(request_id))
        return load_request(session.conn, request_id)

    def require_decided(self, request: VettingRequest) -> list[CandidateDecision]:
        """Every candidate's current decision, in the letter's order.

        :raises ConflictError: naming the undecided candidates, or those whose proposal
            changed since their decision (decide them again).
        """
        conn = self._session.conn
        undecided: list[str] = []
        stale: list[str] = []
        decisions: list[CandidateDecision] = []
        for official_id in request.candidate_ids:
            name = self._officials._load(official_id).name
            decision = latest_decision(conn, request.id, official_id)
            if decision is None:
                undecided.append(name)
                continue
            if is_stale(decision, self._proposal(official_id)):
                stale.append(name)
            decisions.append(decision)
        if undecided:
            raise ConflictError(
                f"尚有{len(undecided)}名人选未确定意见:{'、'.join(undecided)}",
                f"{len(undecided)} candidate(s) not decided yet: {', '.join(undecided)}",
            )
        if stale:
            raise ConflictError(
                f"以下人选的档案在确定意见后有变化,请重新确定:{'、'.join(stale)}",
                f"the dossier changed after the decision, decide again: {', '.join(stale)}",
            )
        return decisions


def is_stale(decision: CandidateDecision, proposal: Proposal) -> bool:
    """The proposal today is not the one the decision was taken on."""
    return decision.proposed != proposal.category or decision.reasons != proposal.reasons


"""How ``liandang vetting`` prints a request: JSON for scripts, plain text for people.

The JSON is built field by field rather than dumped from the rows: a candidate's
:class:`~records.model.Official` carries the whole basic-information record, and the
vetting screen needs only who the candidate is (id, name, unit, post).
"""

from __future__ import annotations

from collections.abc import Sequence

from records.vetting_checklist import ChecklistItem
from records.vetting_model import CandidateDecision, CandidateView, RequestDetail, VettingRequest
from records.vetting_proposal import Proposal, Reason
from records.vetting_terms import Category
from ui.cli.formatting import jsonable, table


def request_json(request: VettingRequest) -> dict[str, object]:
    data: dict[str, object] = jsonable(request)
    data["purpose_zh"] = request.purpose.label_zh
    data["state_zh"] = request.state.label_zh
    return data


def _category_json(category: Category) -> dict[str, object]:
    return {"category": int(category), "category_zh": category.numbered_zh}


def _reason_json(reason: Reason) -> dict[str, object]:
    return {**jsonable(reason), "category_zh": reason.category.numbered_zh}


def proposal_json(proposal: Proposal) -> dict[str, object]:
    return {
        **_category_json(proposal.category),
        "reasons": [_reason_json(r) for r in proposal.reasons],
    }


def decision_json(decision: CandidateDecision) -> dict[str, object]:
    return {
        **_category_json(decision.category),
        "proposed": int(decision.proposed),
        "decision": decision.decision.value,
        "decision_zh": decision.decision.label_zh,
        "justification": decision.justification,
        "decided_by": decision.decided_by,
        "decided_at": decision.decided_at.isoformat(),
        "reasons": [_reason_json(r) for r in decision.reasons],
    }


def _checklist_json(item: ChecklistItem) -> dict[str, object]:
    return {**jsonable(item), "label_zh": item.label_zh, "label_en": item.code.label_en}


def candidate_json(view: CandidateView) -> dict[str, object]:
    official = view.official
    return {
        "official": {
            "id": official.id,
            "name": official.name,
            "unit": official.unit,
            "position": official.position,
            "rank": official.rank,
        },
        "proposal": proposal_json(view.proposal),
        "decision": None if view.decision is None else decision_json(view.decision),
        "stale": view.stale,
        "checklist": [_checklist_json(i) for i in view.checklist],
        "file_review": jsonable(view.file_review),
        "reply_record_id": view.reply_record_id,
    }


def detail_json(detail: RequestDetail) -> dict[str, object]:
    return {
        "request": request_json(detail.request),
        "candidates": [candidate_json(c) for c in detail.candidates],
    }


# ---- text ---------------------------------------------------------------------------------


def requests_table(requests: Sequence[VettingRequest]) -> str:
    rows = [
        (
            r.id,
            r.number,
            r.requesting_unit,
            r.purpose.label_zh,
            r.letter_date,
            r.due_date or "",
            len(r.candidate_ids),
            r.state.label_zh,
            r.reply_document_number,
        )
        for r in requests
    ]
    headers = ["ID", "来函文号", "来函单位", "事由", "来函日期", "回复期限", "人数", "状态"]
    headers.append("回复文号")
    return table(headers, rows)


def request_line(request: VettingRequest) -> str:
    due = f"  回复期限 {request.due_date}" if request.due_date else ""
    line = (
        f"来函 #{request.id}  {request.number}  {request.requesting_unit}"
        f"  {request.purpose.label_zh}  来函日期 {request.letter_date}{due}"
        f"  状态 {request.state.label_zh}"
    )
    if request.reply_document_number:
        line += f"  回复文号 {request.reply_document_number}"
    return line


def _cited(reason: Reason) -> str:
    """The reason's sentence, plus the records and checks it rests on that the sentence
    does not already name (an Art. 24 reason, for one, names none)."""
    cites = [f"记录#{i}" for i in reason.record_ids if f"记录#{i}" not in reason.text_zh]
    cites += [f"查核#{i}" for i in reason.check_ids if f"查核#{i}" not in reason.text_zh]
    return reason.text_zh + (f"(依据:{'、'.join(cites)})" if cites else "")


def _decision_lines(view: CandidateView) -> list[str]:
    decision = view.decision
    if decision is None:
        return ["  意见:尚未确定 / not decided"]
    lines = [
        f"  意见:{decision.category.numbered_zh}"
        f"({decision.decision.label_zh},{decision.decided_by} {decision.decided_at:%Y-%m-%d %H:%M})"
    ]
    if decision.justification:
        lines.append(f"    理由:{decision.justification}")
    if view.stale:
        lines.append(
            "  !! 档案在确定意见后有变化,请重新确定 / stale: the dossier changed, decide again"
        )
    return lines


def candidate_text(index: int, count: int, view: CandidateView) -> str:
    official = view.official
    post = " ".join(p for p in (official.unit, official.position) if p)
    lines = [
        f"人选 {index}/{count}:{official.name}(ID {official.id}){post}",
        f"  系统建议:{view.proposal.category.numbered_zh}",
    ]
    lines += [f"    - [第{int(r.category)}类] {_cited(r)}" for r in view.proposal.reasons]
    lines += _decision_lines(view)
    lines.append("  凡提四必:")
    lines += [
        f"    [{'✓' if item.done else ' '}] {item.label_zh}:{item.evidence_zh}"
        for item in view.checklist
    ]
    if view.reply_record_id is not None:
        lines.append(f"  回复存档:记录#{view.reply_record_id}")
    return "\n".join(lines)


def detail_text(detail: RequestDetail) -> str:
    count = len(detail.candidates)
    parts = [request_line(detail.request)]
    parts += [candidate_text(i, count, c) for i, c in enumerate(detail.candidates, start=1)]
    return "\n\n".join(parts)

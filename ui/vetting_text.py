"""How the words of the 党风廉政意见回复 workflow read on screen.

The records layer holds the Chinese labels once (:mod:`records.vetting_terms`,
:mod:`records.vetting_checklist`); this module puts them through the translation hook at
display time and adds the few phrases only the screen needs (a decision not taken yet, a
decision whose proposal has changed since).
"""

from __future__ import annotations

from collections.abc import Sequence

from records.vetting_model import CandidateDecision, CandidateView, VettingRequest
from records.vetting_terms import Category, Purpose, RequestState
from ui.display_text import EMPTY, date_text
from ui.i18n import tr

#: A decision whose proposal differs from today's (a new clue, a period that ended):
#: submitting and replying are refused until it is taken again.
STALE_ZH = "档案已变化,需重新确定"
UNDECIDED_ZH = "待确定"


def category_text(category: Category) -> str:
    """``第3类:收到线索,……`` as the reply letter numbers the categories."""
    return tr("第{n}类:{label}").format(n=int(category), label=tr(category.label_zh))


def category_labels() -> dict[str, str]:
    """Category code (``"1"`` … ``"6"``) → its numbered label, for a choice field."""
    return {str(int(c)): category_text(c) for c in Category}


def purpose_text(purpose: Purpose) -> str:
    return tr(purpose.label_zh)


def purpose_labels() -> dict[str, str]:
    return {p.value: purpose_text(p) for p in Purpose}


def state_text(state: RequestState) -> str:
    return tr(state.label_zh)


def decision_text(decision: CandidateDecision | None) -> str:
    """确认系统建议 / 改定, or 待确定 when nothing has been decided."""
    return tr(UNDECIDED_ZH) if decision is None else tr(decision.decision.label_zh)


def decided_category_text(view: CandidateView) -> str:
    return EMPTY if view.decision is None else category_text(view.decision.category)


def stale_text(view: CandidateView) -> str:
    return tr(STALE_ZH) if view.stale else ""


def file_review_text(view: CandidateView) -> str:
    return tr("已审") if view.file_review is not None else tr("未审")


def citations(record_ids: Sequence[int], check_ids: Sequence[int] = ()) -> str:
    """``记录#3、查核#7``: what a reason or a checklist item rests on."""
    cited = [tr("记录#{id}").format(id=i) for i in record_ids]
    cited += [tr("查核#{id}").format(id=i) for i in check_ids]
    return "、".join(cited) if cited else EMPTY


def done_text(done: bool) -> str:
    return tr("已完成") if done else tr("未完成")


def request_heading(request: VettingRequest) -> str:
    """One line naming the letter: unit, number, date, purpose."""
    return tr("{unit} {number}({date},{purpose})").format(
        unit=request.requesting_unit,
        number=request.number,
        date=date_text(request.letter_date),
        purpose=purpose_text(request.purpose),
    )


def state_hint(request: VettingRequest) -> str:
    """What the officer can do next in this state, or who replied and how."""
    if request.state is RequestState.DRAFT:
        return tr("草稿:请逐一确认或改定每名人选的意见,审核干部人事档案后确认,然后提交审核。")
    if request.state is RequestState.REVIEWING:
        return tr("审核中:可签发回复(签发前仍可修改意见)。提交人:{by},{at}").format(
            by=request.submitted_by or EMPTY, at=date_text(request.submitted_at)
        )
    return tr("已回复:文号 {number},{by} 于 {at} 签发。回复已签发,不能再修改。").format(
        number=request.reply_document_number or EMPTY,
        by=request.replied_by or EMPTY,
        at=date_text(request.replied_at),
    )

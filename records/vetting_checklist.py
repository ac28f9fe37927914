"""凡提四必: the four things every promotion needs, each with the evidence for it.

DOMAIN.md §4: "the personnel file is reviewed, the personal-matters report is checked, the
discipline commission's opinion is heard, and specific petitions are investigated". A pure
function of the candidate's evidence, their decision in this request and the officer's
attestation; the checklist informs, it does not block the reply (the opinion this request
produces is itself one of the four, and the other three are the requesting unit's duty).

- 干部档案必审 (``personnel_file``): the personnel file lives outside this software, so
  only the vetting officer can say it was reviewed; done once attested (who, when, note).
- 个人有关事项报告必查 (``personal_report``): done when a completed check (查核) of the
  candidate's report exists; every check is cited, open ones marked 查核中.
- 纪检监察机关意见必听 (``discipline_opinion``): done when the candidate's category has been
  decided (confirmed or overridden) in this request.
- 信访举报必核 (``petitions``): done when every clue on file is closed; the open ones are
  cited (by record number only — need-to-know).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from records.vetting_proposal import CandidateEvidence
from records.vetting_terms import Category, Decision


class ChecklistCode(StrEnum):
    PERSONNEL_FILE = "personnel_file"
    PERSONAL_REPORT = "personal_report"
    DISCIPLINE_OPINION = "discipline_opinion"
    PETITIONS = "petitions"

    @property
    def label_zh(self) -> str:
        return _LABELS[self][0]

    @property
    def label_en(self) -> str:
        return _LABELS[self][1]


_LABELS = {
    ChecklistCode.PERSONNEL_FILE: ("干部档案必审", "personnel file reviewed"),
    ChecklistCode.PERSONAL_REPORT: ("个人有关事项报告必查", "personal-matters report checked"),
    ChecklistCode.DISCIPLINE_OPINION: (
        "纪检监察机关意见必听",
        "discipline commission's opinion heard",
    ),
    ChecklistCode.PETITIONS: (
        "线索具体的信访举报必核",
        "specific petitions investigated",
    ),
}


@dataclass(frozen=True)
class Attestation:
    """The vetting officer's word that something outside the vault was done."""

    by: str
    at: datetime
    note: str


@dataclass(frozen=True)
class Settled:
    """A candidate's decided category (what the checklist needs of the decision)."""

    category: Category
    decision: Decision
    by: str
    at: datetime


@dataclass(frozen=True)
class ChecklistItem:
    code: ChecklistCode
    done: bool
    evidence_zh: str
    evidence_en: str
    record_ids: tuple[int, ...] = ()
    check_ids: tuple[int, ...] = ()

    @property
    def label_zh(self) -> str:
        return self.code.label_zh


def _ids(ids: tuple[int, ...], prefix: str = "记录#") -> str:
    return "、".join(f"{prefix}{i}" for i in ids)


def _personnel_file(attested: Attestation | None) -> ChecklistItem:
    code = ChecklistCode.PERSONNEL_FILE
    if attested is None:
        return ChecklistItem(
            code, False, "尚未确认已审核干部人事档案", "not yet attested by the vetting officer"
        )
    when = f"{attested.at:%Y-%m-%d}"
    return ChecklistItem(
        code,
        True,
        f"{attested.by} 于 {when} 确认已审核:{attested.note}",
        f"attested by {attested.by} on {when}: {attested.note}",
    )


def _personal_report(evidence: CandidateEvidence) -> ChecklistItem:
    code = ChecklistCode.PERSONAL_REPORT
    checks: dict[int, tuple[int, bool]] = {
        f.check_id: (f.year, f.completed) for f in evidence.findings
    } | {c.check_id: (c.year, c.completed) for c in evidence.checks}
    if not checks:
        return ChecklistItem(
            code,
            False,
            "未查核个人有关事项报告(凡提必查:可要求重点抽查)",
            "no check of the personal-matters report (request a targeted check)",
        )
    ids = tuple(sorted(checks))
    listed = "、".join(
        f"查核#{i}({checks[i][0]}年度,{'已完成' if checks[i][1] else '查核中'})" for i in ids
    )
    listed_en = ", ".join(
        f"check #{i} ({checks[i][0]}, {'completed' if checks[i][1] else 'open'})" for i in ids
    )
    done = any(completed for _year, completed in checks.values())
    return ChecklistItem(
        code,
        done,
        ("已查核:" if done else "查核尚未完成:") + listed,
        ("checked: " if done else "check not completed: ") + listed_en,
        check_ids=ids,
    )


def _discipline_opinion(settled: Settled | None) -> ChecklistItem:
    code = ChecklistCode.DISCIPLINE_OPINION
    if settled is None:
        return ChecklistItem(code, False, "本次意见尚未确定", "the opinion is not decided yet")
    when = f"{settled.at:%Y-%m-%d}"
    return ChecklistItem(
        code,
        True,
        f"{settled.category.numbered_zh}({settled.by} 于 {when} {settled.decision.label_zh})",
        f"category {settled.category.value} ({settled.decision.value} by {settled.by} on {when})",
    )


def _petitions(evidence: CandidateEvidence) -> ChecklistItem:
    code = ChecklistCode.PETITIONS
    if not evidence.clues:
        return ChecklistItem(code, True, "无信访举报线索", "no petition or clue on file")
    open_ids = tuple(c.record_id for c in evidence.clues if not c.closed)
    all_ids = tuple(c.record_id for c in evidence.clues)
    if open_ids:
        return ChecklistItem(
            code,
            False,
            f"尚有{len(open_ids)}条线索未办结:{_ids(open_ids)}",
            f"{len(open_ids)} clue(s) still open: " + ", ".join(f"#{i}" for i in open_ids),
            record_ids=open_ids,
        )
    return ChecklistItem(
        code,
        True,
        f"{len(all_ids)}条线索均已办结:{_ids(all_ids)}",
        f"all {len(all_ids)} clue(s) closed",
        record_ids=all_ids,
    )


def checklist(
    evidence: CandidateEvidence, settled: Settled | None, attested: Attestation | None
) -> tuple[ChecklistItem, ...]:
    """The four items, in the order of the 凡提四必."""
    return (
        _personnel_file(attested),
        _personal_report(evidence),
        _discipline_opinion(settled),
        _petitions(evidence),
    )

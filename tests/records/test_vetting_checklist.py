"""凡提四必: each of the four items, open and done, with the evidence it cites."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from records.vetting_checklist import Attestation, ChecklistCode, Settled, checklist
from records.vetting_proposal import CandidateEvidence, ClueEvidence, FindingEvidence
from records.vetting_terms import Category, Decision

AT = datetime(2026, 11, 22, 10, 0, tzinfo=timezone(timedelta(hours=8)))


def items(
    evidence: CandidateEvidence,
    settled: Settled | None = None,
    attested: Attestation | None = None,
) -> dict[ChecklistCode, tuple[bool, str]]:
    return {i.code: (i.done, i.evidence_zh) for i in checklist(evidence, settled, attested)}


def test_nothing_done_yet() -> None:
    evidence = CandidateEvidence(
        7, clues=(ClueEvidence(11, date(2026, 3, 1), "初步核实", "处置中"),)
    )
    result = checklist(evidence, None, None)
    assert [i.code for i in result] == list(ChecklistCode)
    assert [i.label_zh for i in result] == [
        "干部档案必审",
        "个人有关事项报告必查",
        "纪检监察机关意见必听",
        "线索具体的信访举报必核",
    ]
    assert not any(i.done for i in result)
    petitions = result[3]
    assert petitions.record_ids == (11,) and "记录#11" in petitions.evidence_zh


def test_everything_done_with_its_evidence() -> None:
    evidence = CandidateEvidence(
        7,
        clues=(ClueEvidence(11, date(2026, 3, 1), "谈话函询", "已了结", "不属实"),),
        findings=(
            FindingEvidence(31, 2025, "房产", "一致"),
            FindingEvidence(31, 2025, "股票", "一致"),
            FindingEvidence(30, 2024, "房产", "漏报", "批评教育"),
        ),
    )
    settled = Settled(Category.CLUE_CLOSED, Decision.CONFIRMED, "王审核 (vet1)", AT)
    attested = Attestation("王审核 (vet1)", AT, "已查阅干部人事档案,无异常")
    result = checklist(evidence, settled, attested)
    assert all(i.done for i in result)
    found = {i.code: i for i in result}
    assert "已查阅干部人事档案" in found[ChecklistCode.PERSONNEL_FILE].evidence_zh
    report = found[ChecklistCode.PERSONAL_REPORT]
    assert report.check_ids == (30, 31)
    assert "查核#30(2024年度,已完成)" in report.evidence_zh
    opinion = found[ChecklistCode.DISCIPLINE_OPINION].evidence_zh
    assert "第2类" in opinion and "确认系统建议" in opinion and "2026-11-22" in opinion
    assert found[ChecklistCode.PETITIONS].evidence_zh == "1条线索均已办结:记录#11"


def test_no_clue_means_nothing_to_investigate() -> None:
    result = items(CandidateEvidence(7))
    assert result[ChecklistCode.PETITIONS] == (True, "无信访举报线索")
    assert result[ChecklistCode.PERSONAL_REPORT][0] is False


def test_an_open_check_does_not_count_yet() -> None:
    evidence = CandidateEvidence(7, findings=(FindingEvidence(31, 2025, "房产", "一致",
                                                              completed=False),))
    done, text = items(evidence)[ChecklistCode.PERSONAL_REPORT]
    assert not done and "查核#31(2025年度,查核中)" in text

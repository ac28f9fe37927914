"""The proposed 党风廉政意见 category: every reason code, every category, the most severe wins.

Pure data in, pure data out: no vault. The expected categories are written out here from
DOMAIN.md §4 rather than read from ``REASONS``, so a change to either fails a test.
"""

from __future__ import annotations

from dataclasses import fields
from datetime import date

import pytest

from records.vetting_proposal import (
    REASONS,
    CandidateEvidence,
    ClueEvidence,
    FindingEvidence,
    IneligibilityEvidence,
    InfluenceEvidence,
    propose,
)
from records.vetting_terms import Category

TODAY = date(2026, 11, 22)
RECEIVED = date(2026, 3, 1)


def clue(disposal: str, status: str, conclusion: str = "", record_id: int = 11) -> ClueEvidence:
    return ClueEvidence(record_id, RECEIVED, disposal, status, conclusion)


def period(system: str, kind: str, start: date, end: date | None, record_id: int = 21) -> (
    InfluenceEvidence
):
    return InfluenceEvidence(record_id, system, kind, start, end)


def finding(kind: str, handling: str = "", check_id: int = 31) -> FindingEvidence:
    return FindingEvidence(check_id, 2025, "房产", kind, handling)


def only(**parts: object) -> CandidateEvidence:
    return CandidateEvidence(official_id=7, **parts)  # type: ignore[arg-type]


INELIGIBLE = IneligibilityEvidence(
    "spouse_emigrated", "配偶已移居国(境)外", "the spouse has emigrated", (41,)
)

#: (reason code, evidence holding exactly one reason of that code, expected category,
#:  words of its Chinese text, cited record ids, cited check ids)
CASES: list[tuple[str, CandidateEvidence, Category, tuple[str, ...], tuple[int, ...],
                  tuple[int, ...]]] = [
    ("concealment", only(findings=(finding("瞒报"),), clues=(clue("予以了结", "已了结"),)),
     Category.NOT_SUITABLE, ("2025年度", "查核#31", "瞒报", "房产"), (), (31,)),
    ("expulsion", only(influence=(period("党纪处分", "开除党籍", date(2024, 1, 5),
                                         date(2029, 1, 5)),), clues=(clue("", "已了结"),)),
     Category.NOT_SUITABLE, ("党纪处分:开除党籍", "记录#21"), (21,), ()),
    ("permanent_influence", only(influence=(period("某处分", "永久", date(2020, 1, 1), None),),
                                 clues=(clue("", "已了结"),)),
     Category.NOT_SUITABLE, ("影响期无期限", "记录#21"), (21,), ()),
    ("clue_preliminary_verification", only(clues=(clue("初步核实", "处置中"),)),
     Category.DEFER_USE, ("记录#11", "2026-03-01", "初步核实"), (11,), ()),
    ("influence_running", only(influence=(period("党纪处分", "警告", date(2026, 1, 10),
                                                 date(2027, 1, 10)),), clues=(clue("", "已了结"),)),
     Category.DEFER_USE, ("党纪处分:警告", "2027-01-10", "尚未届满"), (21,), ()),
    ("ineligible", only(ineligibility=(INELIGIBLE,), clues=(clue("", "已了结"),)),
     Category.DEFER_USE, ("不得列为考察对象", "配偶已移居"), (41,), ()),
    ("clue_talk_inquiry", only(clues=(clue("谈话函询", "处置中"),)),
     Category.BEING_HANDLED, ("记录#11", "谈话函询"), (11,), ()),
    ("clue_stored", only(clues=(clue("暂存待查", "处置中"),)),
     Category.BEING_HANDLED, ("记录#11", "暂存待查"), (11,), ()),
    ("clue_pending", only(clues=(clue("", "待处置"),)),
     Category.BEING_HANDLED, ("记录#11", "尚待处置"), (11,), ()),
    ("omission_unhandled", only(findings=(finding("漏报"),), clues=(clue("", "已了结"),)),
     Category.BEING_HANDLED, ("漏报", "尚未处理"), (), (31,)),
    ("check_open", only(findings=(FindingEvidence(31, 2025, "房产", "瞒报", completed=False),),
                        clues=(clue("", "已了结"),)),
     Category.BEING_HANDLED, ("查核#31", "尚未完成", "瞒报", "房产"), (), (31,)),
    ("clue_substantiated", only(clues=(clue("谈话函询", "已了结", "部分属实"),)),
     Category.HANDLED, ("记录#11", "部分属实", "已了结"), (11,), ()),
    ("influence_over", only(influence=(period("", "诫勉", date(2025, 1, 10),
                                              date(2025, 7, 10)),), clues=(clue("", "已了结"),)),
     Category.HANDLED, ("诫勉", "已于2025-07-10届满"), (21,), ()),
    ("omission_handled", only(findings=(finding("漏报", "批评教育"),), clues=(clue("", "已了结"),)),
     Category.HANDLED, ("漏报", "已处理:批评教育"), (), (31,)),
    ("clue_closed", only(clues=(clue("初步核实", "已了结", "不属实"),)),
     Category.CLUE_CLOSED, ("记录#11", "不属实", "已了结"), (11,), ()),
    ("no_clue", only(), Category.NO_CLUE, ("未收到反映其问题的线索",), (), ()),
]  # fmt: skip


def test_every_reason_code_is_covered_and_has_the_documented_category() -> None:
    assert [c[0] for c in CASES] == list(REASONS)
    for code, _evidence, category, *_ in CASES:
        assert REASONS[code].category is category


@pytest.mark.parametrize(
    ("code", "evidence", "category", "words", "records", "checks"), CASES, ids=[c[0] for c in CASES]
)
def test_each_reason(
    code: str,
    evidence: CandidateEvidence,
    category: Category,
    words: tuple[str, ...],
    records: tuple[int, ...],
    checks: tuple[int, ...],
) -> None:
    proposal = propose(evidence, TODAY)
    matching = [r for r in proposal.reasons if r.code == code]
    assert len(matching) == 1, proposal.reasons
    [reason] = matching
    assert reason.category is category
    assert proposal.category is category  # every other reason here is milder
    for word in words:
        assert word in reason.text_zh
    assert reason.text_en and "{" not in reason.text_en and "{" not in reason.text_zh
    assert (reason.record_ids, reason.check_ids) == (records, checks)


@pytest.mark.parametrize(
    ("evidence", "category"),
    [
        (only(), Category.NO_CLUE),
        (only(clues=(clue("予以了结", "处置中"),)), Category.CLUE_CLOSED),  # 予以了结 closes
        (only(clues=(clue("", "已了结", "属实"),)), Category.HANDLED),
        (only(clues=(clue("谈话函询", "处置中", "属实"),)), Category.BEING_HANDLED),  # not closed
        (only(clues=(clue("初步核实", "处置中"), clue("谈话函询", "已了结", "不属实", 12))),
         Category.DEFER_USE),
        (only(findings=(finding("一致"),)), Category.NO_CLUE),  # a clean check is no reason
        (only(influence=(period("政务处分", "开除", date(2010, 1, 1), None),)),
         Category.NOT_SUITABLE),
        # The period ends on its end date: over on that day, running the day before.
        (only(influence=(period("", "诫勉", date(2026, 5, 22), TODAY),)), Category.HANDLED),
        (only(influence=(period("", "诫勉", date(2026, 5, 23), date(2026, 11, 23)),)),
         Category.DEFER_USE),
        # A decided sanction whose effective date is ahead counts already.
        (only(influence=(period("党纪处分", "警告", date(2026, 12, 1), date(2027, 12, 1)),)),
         Category.DEFER_USE),
    ],
)  # fmt: skip
def test_category_of_combinations(evidence: CandidateEvidence, category: Category) -> None:
    assert propose(evidence, TODAY).category is category


def test_the_most_severe_wins_and_every_reason_is_listed_most_severe_first() -> None:
    evidence = only(
        clues=(clue("谈话函询", "已了结", "不属实", 11), clue("初步核实", "处置中", "", 12)),
        influence=(period("", "诫勉", date(2024, 1, 1), date(2024, 7, 1)),),
        findings=(finding("瞒报"), finding("漏报", "", 32), finding("一致", "", 33)),
        ineligibility=(INELIGIBLE,),
    )
    proposal = propose(evidence, TODAY)
    assert proposal.category is Category.NOT_SUITABLE
    assert [r.code for r in proposal.reasons] == [
        "concealment",
        "ineligible",
        "clue_preliminary_verification",
        "omission_unhandled",
        "influence_over",
        "clue_closed",
    ]
    assert [r.category for r in proposal.reasons] == sorted(
        (r.category for r in proposal.reasons), reverse=True
    )
    assert proposal.text_zh.count(";") == len(proposal.reasons) - 1


def test_no_clue_is_listed_beside_other_reasons_when_there_is_no_clue() -> None:
    evidence = only(influence=(period("", "诫勉", date(2024, 1, 1), date(2024, 7, 1)),))
    proposal = propose(evidence, TODAY)
    assert proposal.category is Category.HANDLED
    assert [r.code for r in proposal.reasons] == ["influence_over", "no_clue"]


def test_the_evidence_carries_no_clue_content() -> None:
    """Need-to-know: a proposal cannot leak a clue's summary, it never receives one."""
    assert {f.name for f in fields(ClueEvidence)} == {
        "record_id",
        "received",
        "disposal",
        "status",
        "conclusion",
    }


def test_the_category_labels_are_the_template() -> None:
    assert [c.value for c in Category] == [1, 2, 3, 4, 5, 6]
    assert Category.NOT_SUITABLE.label_zh == "建议不宜使用"
    assert Category.HANDLED.numbered_zh.startswith("第3类:收到线索,已谈话提醒")
    assert all(c.label_en for c in Category)

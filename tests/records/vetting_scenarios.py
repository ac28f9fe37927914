"""Synthetic appointment candidates and the outcome DOMAIN.md §4 expects for each.

One row of :data:`SCENARIOS` per candidate: a key (the test id), a short description, the
dossier facts (filed through the real services by :meth:`Fact.file`) and, next to them,
the expected outcome: the proposed 党风廉政意见 category (1–6), the reason codes of the
proposal in the order it lists them (most severe first; within a category: check findings,
influence periods, Art. 24 items, clues, then ``no_clue``), and the Art. 24 eligibility —
the codes of every reason the candidate may not be a 考察对象 (none: eligible), with the
end of the influence period where one counts.

The clock is fixed at ``tests.records.support.NOW`` (2026-11-22), so "last year" is 2025
and every date below is chosen against that day: a period that ends on 2026-11-22 is over
today (the end date is the first free day), one that ends on 2026-11-23 runs until tomorrow,
one that ended on 2026-11-21 has been over since yesterday.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from records.services.checks import CheckService
from records.services.dossier_records import RecordService
from records.services.officials import OfficialService
from records.session import Session
from records.vetting_terms import Category
from tests.records.check_support import FLAT, FLAT2, GARAGE, HK_PERMIT, file_report

PARTY, GOV, ORG = "党纪处分", "政务处分", "组织处理"
Entries = Sequence[Mapping[str, Any]]

HOLDING = {"owner": "配偶", "category": "股票", "name": "青山股份600123", "amount": "56000"}
DIVORCED = {"status": "离婚"}
WIDOWED = {"status": "丧偶"}


def emigrant(person: str, relation: str, situation: str = "移居国(境)外") -> dict[str, str]:
    """An entry of report item 6 (配偶、子女移居国(境)外)."""
    return {"person": person, "relation": relation, "situation": situation, "country": "加拿大"}


#: The security officer's local edits of the influence table, applied to the scenario vault
#: before any dossier is read (DOMAIN.md §4 **[configurable]**). 停职检查 has no default
#: period; this unit bars a suspended cadre until the suspension record is withdrawn.
LOCAL_RULES = {"组织处理:停职检查": "永久"}


# ---- dossier facts -----------------------------------------------------------------------


class Fact:
    def file(self, clerk: Session, official_id: int) -> None:
        raise NotImplementedError


@dataclass(frozen=True)
class Clue(Fact):
    """A 问题线索; ``disposal`` / ``conclusion`` ``""`` = not decided yet."""

    disposal: str
    status: str
    conclusion: str = ""
    received: str = "2026-03-01"

    def file(self, clerk: Session, official_id: int) -> None:
        fields = {
            "summary": "来信反映其违规问题(合成数据)",
            "custodian": "clerk1",
            "disposal": self.disposal,
            "status": self.status,
            "conclusion": self.conclusion,
        }
        RecordService(clerk).add(
            official_id, "clue", self.received, {k: v for k, v in fields.items() if v}
        )  # fmt: skip


@dataclass(frozen=True)
class Sanction(Fact):
    """A 党纪 / 政务 sanction or 组织处理 effective on ``effective``."""

    system: str
    kind: str
    effective: str
    probation_years: int | None = None
    withdrawn: bool = False

    def file(self, clerk: Session, official_id: int) -> None:
        fields: dict[str, object] = {"system": self.system, "kind": self.kind,
                                     "decision_number": "青纪发〔合成〕1号"}  # fmt: skip
        if self.probation_years is not None:
            fields["probation_years"] = self.probation_years
        records = RecordService(clerk)
        record = records.add(official_id, "sanction", self.effective, fields)
        if self.withdrawn:
            records.withdraw(record.id, "录入错误:处分决定已被撤销")


@dataclass(frozen=True)
class Admonishment(Fact):
    """诫勉 (a talk record of kind 诫勉), given on ``given``."""

    given: str

    def file(self, clerk: Session, official_id: int) -> None:
        RecordService(clerk).add(
            official_id, "talk", self.given, {"kind": "诫勉", "talker": "县纪委监委"}
        )


@dataclass(frozen=True)
class Appraisal(Fact):
    """The annual appraisal of ``year``, recorded in January after it."""

    year: int
    grade: str

    def file(self, clerk: Session, official_id: int) -> None:
        RecordService(clerk).add(
            official_id, "appraisal", f"{self.year + 1}-01-15",
            {"year": self.year, "grade": self.grade},
        )  # fmt: skip


@dataclass(frozen=True)
class Relative(Fact):
    """A row of the family table; ``abroad`` is its free-text 出国(境)情况."""

    relation: str
    name: str
    abroad: str = ""

    def file(self, clerk: Session, official_id: int) -> None:
        values = {"relation": self.relation, "name": self.name, "abroad_status": self.abroad}
        OfficialService(clerk).add_family_member(
            official_id, {k: v for k, v in values.items() if v}
        )


@dataclass(frozen=True)
class Report(Fact):
    """The submitted 2025 annual report: ``answers`` by item code; marriage 已婚 and a salary
    unless given, 无 for every other item (:func:`tests.records.check_support.file_report`)."""

    answers: Mapping[str, Entries] = field(default_factory=dict)
    year: int = 2025

    def file(self, clerk: Session, official_id: int) -> None:
        file_report(clerk, official_id, self.year, self.answers)


@dataclass(frozen=True)
class Check(Fact):
    """A targeted check (凡提必查) of the ``year`` report: ``verified`` facts by item code,
    completed unless ``completed`` is false, with a handling decision if ``handling``."""

    verified: Mapping[str, Entries]
    completed: bool = True
    handling: str = ""
    year: int = 2025

    def file(self, clerk: Session, official_id: int) -> None:
        checks = CheckService(clerk)
        check = checks.new(official_id, self.year, "targeted", reason="凡提必查")
        for item_code, entries in self.verified.items():
            checks.record_verified(check.id, item_code, entries)
        if self.completed:
            checks.complete(check.id)
        if self.handling:
            checks.decide(check.id, self.handling)


# ---- the table ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Scenario:
    """One candidate and the expected outcome.

    :param reasons: the proposal's reason codes, in the order it lists them.
    :param ineligible: the Art. 24 reason codes in the order assessed; ``()`` = eligible.
    :param until: the influence period's end as the eligibility reason states it
        (``YYYY-MM-DD`` or ``永久``), when ``influence_period`` is one of the reasons.
    """

    key: str
    zh: str
    facts: tuple[Fact, ...]
    category: Category
    reasons: tuple[str, ...]
    ineligible: tuple[str, ...] = ()
    until: str = ""

    @property
    def eligible(self) -> bool:
        return not self.ineligible


def S(key: str, zh: str, facts: Sequence[Fact], category: int, reasons: str,
      ineligible: str = "", *, until: str = "") -> Scenario:  # fmt: skip
    """A row, with the codes given as space-separated words."""
    return Scenario(
        key, zh, tuple(facts), Category(category), tuple(reasons.split()),
        tuple(ineligible.split()), until,
    )  # fmt: skip


# Reading of the eligibility rows: "influence_period" is 选拔任用条例 Art. 24 (六), "appraisal"
# Art. 24 (三) (上一年年度考核结果为基本称职以下等次), the two family codes Art. 24 (五);
# "check_concealed" is the 2014 practice (瞒报 → not promotable) kept as DOMAIN.md §4's one
# built-in consequence of a check.
SCENARIOS: tuple[Scenario, ...] = (
    # ---- 第1类 未收到反映其问题的线索 -------------------------------------------------
    S("clean", "无线索、无处分,2025年度考核称职", [Appraisal(2025, "称职")],
      1, "no_clue"),
    S("excellent", "2025年度考核优秀", [Appraisal(2025, "优秀")],
      1, "no_clue"),
    # Art. 24 (三) looks at the year before only.
    S("old_low_grade", "2024年度不称职,2025年度称职:只看上一年度",
      [Appraisal(2024, "不称职"), Appraisal(2025, "称职")],
      1, "no_clue"),
    S("check_consistent", "2025年度报告经重点抽查,查核一致(一致不是理由)",
      [Report({"real_estate": [FLAT]}), Check({"real_estate": [FLAT]})],
      1, "no_clue"),
    S("some_children", "离婚无配偶,两名子女中只有一名移居国外",
      [Report({"marriage": [DIVORCED]}), Relative("儿子", "王一", "已移居加拿大"),
       Relative("女儿", "王二", "在国内工作")],
      1, "no_clue"),
    # Art. 24 (五) bars 移居 only; a year or more abroad is reported under the same item.
    S("spouse_abroad", "配偶连续在国外工作生活一年以上,未移居",
      [Report({"family_emigration": [emigrant("林静", "配偶", "连续在国(境)外工作生活一年以上")]})],
      1, "no_clue"),
    # The report's marital status wins over a stale family table: an ex-spouse is no spouse.
    S("ex_spouse_emigrated", "已离婚,前配偶已移居(家庭成员表未更新)",
      [Report({"marriage": [DIVORCED]}), Relative("妻子", "林静", "已移居澳大利亚")],
      1, "no_clue"),
    S("withdrawn_sanction", "党纪警告录入有误,记录已撤销",
      [Sanction(PARTY, "警告", "2026-06-01", withdrawn=True)],
      1, "no_clue"),
    # ---- 第2类 收到线索,已了结,不持异议 -----------------------------------------------
    S("clue_untrue", "线索经初步核实不属实,已了结", [Clue("初步核实", "已了结", "不属实")],
      2, "clue_closed"),
    S("clue_dismissed", "线索予以了结(办理状态仍为处置中)", [Clue("予以了结", "处置中")],
      2, "clue_closed"),
    S("inquiry_closed", "线索经谈话函询后了结,未认定属实", [Clue("谈话函询", "已了结")],
      2, "clue_closed"),
    # ---- 第3类 已谈话提醒、批评教育,或已处分且已过影响期 --------------------------------
    S("clue_substantiated", "线索部分属实,谈话提醒后了结",
      [Clue("谈话函询", "已了结", "部分属实")],
      3, "clue_substantiated"),
    S("party_warning_ends_today", "党纪警告(12个月),影响期今天届满",
      [Sanction(PARTY, "警告", "2025-11-22")],
      3, "influence_over no_clue"),
    S("admonished_ended_yesterday", "诫勉(6个月),影响期昨天已届满",
      [Admonishment("2026-05-21")],
      3, "influence_over no_clue"),
    S("probation_1y_ends_today", "留党察看一年(察看期+24个月=36个月),今天届满",
      [Sanction(PARTY, "留党察看", "2023-11-22", probation_years=1)],
      3, "influence_over no_clue"),
    S("gov_dismissal_ends_today", "政务撤职(24个月),今天届满",
      [Sanction(GOV, "撤职", "2024-11-22")],
      3, "influence_over no_clue"),
    S("gov_demerit_over", "政务记过(12个月),已于2026-10-01届满",
      [Sanction(GOV, "记过", "2025-10-01")],
      3, "influence_over no_clue"),
    S("omission_handled", "查核发现漏报车库,已批评教育",
      [Report({"real_estate": [FLAT]}),
       Check({"real_estate": [FLAT, GARAGE]}, handling="批评教育")],
      3, "omission_handled no_clue"),
    # ---- 第4类 尚在处置中,暂缓提出意见 ------------------------------------------------
    S("clue_inquiry", "线索正在谈话函询", [Clue("谈话函询", "处置中")],
      4, "clue_talk_inquiry"),
    S("clue_stored", "线索暂存待查", [Clue("暂存待查", "处置中")],
      4, "clue_stored"),
    S("clue_pending", "线索尚待处置", [Clue("", "待处置")],
      4, "clue_pending"),
    S("omission_unhandled", "查核发现漏报港澳通行证,尚未处理",
      [Report(), Check({"hk_macao_taiwan": [HK_PERMIT]})],
      4, "omission_unhandled no_clue"),
    # An open check's findings may still change: they defer the opinion, and Art. 24 waits
    # for the completed check.
    S("check_open", "查核尚未完成,已发现未报告房产1套",
      [Report({"real_estate": [FLAT]}), Check({"real_estate": [FLAT, FLAT2]}, completed=False)],
      4, "check_open no_clue"),
    # ---- 第5类 建议暂缓使用 -----------------------------------------------------------
    # Being under investigation (Art. 24 (七) and the like) is not in the data: the vetting
    # officer answers it; the data bars nothing.
    S("clue_preliminary", "线索正在初步核实", [Clue("初步核实", "处置中")],
      5, "clue_preliminary_verification"),
    S("admonished_ends_tomorrow", "诫勉(6个月),影响期明天届满",
      [Admonishment("2026-05-23")],
      5, "influence_running no_clue", "influence_period", until="2026-11-23"),
    S("party_warning_ends_tomorrow", "党纪警告(12个月),影响期明天届满",
      [Sanction(PARTY, "警告", "2025-11-23")],
      5, "influence_running no_clue", "influence_period", until="2026-11-23"),
    S("party_serious_warning", "党纪严重警告(18个月)未满",
      [Sanction(PARTY, "严重警告", "2025-09-01")],
      5, "influence_running no_clue", "influence_period", until="2027-03-01"),
    S("party_post_removed", "撤销党内职务(24个月)未满",
      [Sanction(PARTY, "撤销党内职务", "2025-02-10")],
      5, "influence_running no_clue", "influence_period", until="2027-02-10"),
    S("probation_1y_ends_tomorrow", "留党察看一年(36个月),影响期明天届满",
      [Sanction(PARTY, "留党察看", "2023-11-23", probation_years=1)],
      5, "influence_running no_clue", "influence_period", until="2026-11-23"),
    # With one year of probation it would have ended on 2026-06-01.
    S("probation_2y", "留党察看二年(察看期+24个月=48个月)未满",
      [Sanction(PARTY, "留党察看", "2023-06-01", probation_years=2)],
      5, "influence_running no_clue", "influence_period", until="2027-06-01"),
    S("gov_warning", "政务警告(6个月)未满", [Sanction(GOV, "警告", "2026-06-01")],
      5, "influence_running no_clue", "influence_period", until="2026-12-01"),
    S("gov_demerit", "政务记过(12个月)未满", [Sanction(GOV, "记过", "2026-01-15")],
      5, "influence_running no_clue", "influence_period", until="2027-01-15"),
    S("gov_major_demerit", "政务记大过(18个月)未满", [Sanction(GOV, "记大过", "2025-06-01")],
      5, "influence_running no_clue", "influence_period", until="2026-12-01"),
    S("gov_demotion", "政务降级(24个月)未满", [Sanction(GOV, "降级", "2025-03-01")],
      5, "influence_running no_clue", "influence_period", until="2027-03-01"),
    S("org_removal", "组织处理免职(12个月)未满", [Sanction(ORG, "免职", "2026-03-01")],
      5, "influence_running no_clue", "influence_period", until="2027-03-01"),
    S("spouse_emigrated", "配偶已移居国外(家庭成员表)",
      [Relative("妻子", "林静", "已移居加拿大")],
      5, "ineligible no_clue", "spouse_emigrated"),
    S("spouse_emigrated_reported", "配偶移居国外(年度报告第6项)",
      [Report({"family_emigration": [emigrant("林静", "配偶")]})],
      5, "ineligible no_clue", "spouse_emigrated"),
    S("children_emigrated", "丧偶无配偶,两名子女均已移居国外(年度报告第6项)",
      [Report({"marriage": [WIDOWED],
               "family_emigration": [emigrant("王一", "子女"), emigrant("王二", "子女")]}),
       Relative("儿子", "王一"), Relative("女儿", "王二")],
      5, "ineligible no_clue", "children_emigrated"),
    S("only_child_settled", "未婚无配偶(未报告),独女已定居国外(家庭成员表)",
      [Relative("独女", "王芳", "定居新西兰")],
      5, "ineligible no_clue", "children_emigrated"),
    S("appraisal_basic", "2025年度考核基本称职", [Appraisal(2025, "基本称职")],
      5, "ineligible no_clue", "appraisal"),
    S("appraisal_incompetent", "2025年度考核不称职", [Appraisal(2025, "不称职")],
      5, "ineligible no_clue", "appraisal"),
    # ---- 第6类 建议不宜使用 -----------------------------------------------------------
    S("concealed_flat", "查核发现未报告房产1套(瞒报)",
      [Report({"real_estate": [FLAT]}), Check({"real_estate": [FLAT, FLAT2]})],
      6, "concealment no_clue", "check_concealed"),
    S("concealed_shares_handled", "查核发现配偶持股未报告(瞒报),已责令作出检查",
      [Report(), Check({"securities": [HOLDING]}, handling="责令作出检查")],
      6, "concealment no_clue", "check_concealed"),
    S("party_expelled", "开除党籍,未满5年", [Sanction(PARTY, "开除党籍", "2024-05-01")],
      6, "expulsion no_clue", "influence_period", until="2029-05-01"),
    # DOMAIN.md §4 gives 开除党籍 the 5 years before one may rejoin: that is the Art. 24
    # period. The opinion stays 不宜使用 whatever the date (党风廉政"一票否决").
    S("party_expelled_long_ago", "开除党籍已逾5年:资格不再受影响期限制,意见仍为不宜使用",
      [Sanction(PARTY, "开除党籍", "2021-01-10")],
      6, "expulsion no_clue"),
    S("gov_expelled", "政务开除(无期限)", [Sanction(GOV, "开除", "2019-04-01")],
      6, "expulsion no_clue", "influence_period", until="永久"),
    S("suspended_permanent", "停职检查,本单位将其影响期设为永久",
      [Sanction(ORG, "停职检查", "2026-09-01")],
      6, "permanent_influence no_clue", "influence_period", until="永久"),
    # ---- combinations ------------------------------------------------------------------
    S("latest_end_wins", "党纪警告已届满+政务记大过未满:以最晚的届满日为准",
      [Sanction(PARTY, "警告", "2025-06-01"), Sanction(GOV, "记大过", "2025-08-01")],
      5, "influence_running influence_over no_clue", "influence_period", until="2027-02-01"),
    S("earlier_start_later_end", "撤销党内职务(先受)+政务警告(后受):先受的届满更晚",
      [Sanction(PARTY, "撤销党内职务", "2025-03-10"), Sanction(GOV, "警告", "2026-08-01")],
      5, "influence_running influence_running no_clue", "influence_period", until="2027-03-10"),
    S("preliminary_and_expired", "线索初核中+处分已过影响期:取较严的第5类",
      [Clue("初步核实", "处置中"), Sanction(GOV, "警告", "2025-01-10")],
      5, "clue_preliminary_verification influence_over"),
    S("substantiated_admonished", "线索属实已了结并诫勉,诫勉影响期未满",
      [Clue("初步核实", "已了结", "属实"), Admonishment("2026-08-10")],
      5, "influence_running clue_substantiated", "influence_period", until="2027-02-10"),
    S("two_clues", "两条线索:一条不属实已了结,一条尚待处置",
      [Clue("初步核实", "已了结", "不属实", received="2025-05-01"),
       Clue("", "待处置", received="2026-09-01")],
      4, "clue_pending clue_closed"),
    S("inquiry_and_handled_omission", "线索谈话函询中+漏报已批评教育",
      [Clue("谈话函询", "处置中"), Report({"real_estate": [FLAT]}),
       Check({"real_estate": [FLAT, GARAGE]}, handling="批评教育")],
      4, "clue_talk_inquiry omission_handled"),
    S("concealed_emigrated_low_grade", "瞒报+配偶移居+考核基本称职:第6类,资格理由三项并列",
      [Report({"family_emigration": [emigrant("林静", "配偶")]}),
       Check({"securities": [HOLDING]}), Appraisal(2025, "基本称职")],
      6, "concealment ineligible ineligible no_clue",
      "spouse_emigrated appraisal check_concealed"),
    S("admonition_over_incompetent", "诫勉已届满+2025年度不称职",
      [Admonishment("2025-12-01"), Appraisal(2025, "不称职")],
      5, "ineligible influence_over no_clue", "appraisal"),
)  # fmt: skip

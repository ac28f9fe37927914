"""The category the software proposes for one candidate, and every reason for it.

A pure function of plain data (:class:`CandidateEvidence`, gathered from the vault by
:mod:`records.services.vetting_evidence`) and the day of the proposal. Each piece of
evidence is classified into one *reason code*; :data:`REASONS` (the table) gives each code
its category and its sentence; the proposal is the most severe category among the reasons.
The vetting officer confirms or overrides it (:mod:`records.services.vetting`).

The rules, most severe first (DOMAIN.md §4, docs/decisions/0018-vetting-workflow.md):

====  ===============================  ==============================================
cat.  reason code                       when
====  ===============================  ==============================================
6     ``concealment``                   a report check found 瞒报 (2014 practice: whoever
                                        concealed is not promotable, not a reserve cadre)
6     ``expulsion``                     a sanction 开除党籍 or (政务) 开除
6     ``permanent_influence``           a sanction whose influence period never ends
5     ``clue_preliminary_verification`` a clue is in 初步核实 (not yet closed)
5     ``influence_running``             an influence period (处分, 组织处理, 诫勉) not over
5     ``ineligible``                    not eligible as 考察对象 (选拔任用条例 Art. 24)
4     ``clue_talk_inquiry``             a clue is being handled by 谈话函询
4     ``clue_stored``                   a clue is 暂存待查 (stored, still open)
4     ``clue_pending``                  a clue has no disposal yet (待处置)
4     ``omission_unhandled``            a check found 漏报 and no handling is recorded
4     ``check_open``                    a check still open has found 漏报 or 瞒报 so far
3     ``clue_substantiated``            a clue closed as 属实 / 部分属实
3     ``influence_over``                an influence period that is over
3     ``omission_handled``              a check found 漏报 and it was handled
2     ``clue_closed``                   a clue closed as 不属实, or 予以了结
1     ``no_clue``                       no clue was ever received
====  ===============================  ==============================================

A clue counts as closed when its status is 已了结 or its disposal is 予以了结. Withdrawn
records are not evidence (the gatherer leaves them out). The purpose of the request
(拟提拔, 后备干部, 评先评优 …) does not change the rules: an influence period blocks a
commendation as much as a promotion, and 瞒报 bars reserve listing too.

Need-to-know (003:97): a reason cites a clue by record number, date, disposal, status and
conclusion — never its summary, which the evidence does not even carry. The reply letter
leaves the vault; the summary must not.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from records.vetting_terms import Category

# Field values of the clue record type (records.record_type_catalog.CLUE).
DISPOSAL_TALK_INQUIRY = "谈话函询"
DISPOSAL_PRELIMINARY = "初步核实"
DISPOSAL_STORED = "暂存待查"
DISPOSAL_CLOSE = "予以了结"
STATUS_CLOSED = "已了结"
SUBSTANTIATED = frozenset({"属实", "部分属实"})

# Check findings (records.check_rules.Finding values).
FINDING_OMISSION = "漏报"
FINDING_CONCEALMENT = "瞒报"

#: Sanctions that make a candidate unsuitable whatever their period: expulsion.
EXPULSIONS = frozenset({("党纪处分", "开除党籍"), ("政务处分", "开除")})


# ---- evidence (plain data) ---------------------------------------------------------------


@dataclass(frozen=True)
class ClueEvidence:
    """A clue as the proposal sees it (no summary: see the module documentation).

    :param disposal: 谈话函询 / 初步核实 / 暂存待查 / 予以了结, ``""`` if not decided.
    :param conclusion: 属实 / 部分属实 / 不属实, ``""`` if none yet.
    """

    record_id: int
    received: date
    disposal: str
    status: str
    conclusion: str = ""

    @property
    def closed(self) -> bool:
        return self.status == STATUS_CLOSED or self.disposal == DISPOSAL_CLOSE


@dataclass(frozen=True)
class InfluenceEvidence:
    """One sanction or 诫勉 with its influence period (:mod:`records.influence`).

    :param system: 党纪处分 / 政务处分 / 组织处理, ``""`` for a 诫勉 talk.
    :param end: the first day the period is over; ``None`` = permanent.
    """

    record_id: int
    system: str
    kind: str
    start: date
    end: date | None

    @property
    def label_zh(self) -> str:
        return f"{self.system}:{self.kind}" if self.system else self.kind


@dataclass(frozen=True)
class FindingEvidence:
    """One item of a personal-matters report check (查核) and its finding.

    :param finding: 一致 / 漏报 / 瞒报.
    :param handling: the handling decided on the finding, ``""`` if none yet.
    :param completed: the check is completed; an open check's findings may still change, so
        they defer the opinion rather than decide it.
    """

    check_id: int
    year: int
    item_label_zh: str
    finding: str
    handling: str = ""
    completed: bool = True


@dataclass(frozen=True)
class IneligibilityEvidence:
    """One reason the candidate may not be a 考察对象 (Art. 24), as assessed elsewhere."""

    code: str
    text_zh: str
    text_en: str
    record_ids: tuple[int, ...] = ()


@dataclass(frozen=True)
class CheckEvidence:
    """A check (查核) of the candidate's report, whatever it has found so far: a check just
    opened (凡提必查) has no finding yet but still shows on the 凡提四必 checklist."""

    check_id: int
    year: int
    completed: bool


@dataclass(frozen=True)
class CandidateEvidence:
    """Everything the proposal looks at for one candidate.

    :param checks: every check of the candidate's reports (the findings are in ``findings``).
    """

    official_id: int
    clues: tuple[ClueEvidence, ...] = ()
    influence: tuple[InfluenceEvidence, ...] = ()
    findings: tuple[FindingEvidence, ...] = ()
    ineligibility: tuple[IneligibilityEvidence, ...] = ()
    checks: tuple[CheckEvidence, ...] = ()


# ---- reasons and the table ---------------------------------------------------------------


@dataclass(frozen=True)
class Reason:
    """One reason for a category, citing the records (and checks) it rests on."""

    code: str
    category: Category
    text_zh: str
    text_en: str
    record_ids: tuple[int, ...] = ()
    check_ids: tuple[int, ...] = ()


@dataclass(frozen=True)
class Proposal:
    """The proposed category and its reasons, most severe first."""

    category: Category
    reasons: tuple[Reason, ...]

    @property
    def text_zh(self) -> str:
        return ";".join(r.text_zh for r in self.reasons)


@dataclass(frozen=True)
class ReasonRule:
    """A row of :data:`REASONS`: the category a reason code leads to and its sentence.

    The templates are ``str.format`` strings over the fields the classifier passes.
    """

    category: Category
    zh: str
    en: str


C = Category
REASONS: dict[str, ReasonRule] = {
    "concealment": ReasonRule(
        C.NOT_SUITABLE,
        "{year}年度个人有关事项报告查核(查核#{check})发现瞒报:{item}",
        "the {year} personal-matters report check (check #{check}) found concealment: {item}",
    ),
    "expulsion": ReasonRule(
        C.NOT_SUITABLE,
        "受{label}(记录#{record},{start})",
        "{label} (record #{record}, {start})",
    ),
    "permanent_influence": ReasonRule(
        C.NOT_SUITABLE,
        "受{label}(记录#{record},{start}),影响期无期限",
        "{label} (record #{record}, {start}), influence period without end",
    ),
    "clue_preliminary_verification": ReasonRule(
        C.DEFER_USE,
        "问题线索(记录#{record},{received}收到)正在初步核实",
        "clue (record #{record}, received {received}) under preliminary verification",
    ),
    "influence_running": ReasonRule(
        C.DEFER_USE,
        "受{label}(记录#{record},{start}),影响期至{end}尚未届满",
        "{label} (record #{record}, {start}): influence period runs until {end}",
    ),
    "ineligible": ReasonRule(
        C.DEFER_USE,
        "不得列为考察对象:{text_zh}",
        "may not be a candidate for inspection: {text_en}",
    ),
    "clue_talk_inquiry": ReasonRule(
        C.BEING_HANDLED,
        "问题线索(记录#{record},{received}收到)正在谈话函询",
        "clue (record #{record}, received {received}) being handled by talk or letter inquiry",
    ),
    "clue_stored": ReasonRule(
        C.BEING_HANDLED,
        "问题线索(记录#{record},{received}收到)暂存待查",
        "clue (record #{record}, received {received}) stored for later investigation",
    ),
    "clue_pending": ReasonRule(
        C.BEING_HANDLED,
        "问题线索(记录#{record},{received}收到)尚待处置",
        "clue (record #{record}, received {received}) awaiting disposal",
    ),
    "omission_unhandled": ReasonRule(
        C.BEING_HANDLED,
        "{year}年度个人有关事项报告查核(查核#{check})发现漏报:{item},尚未处理",
        "the {year} report check (check #{check}) found an omission: {item}, not yet handled",
    ),
    "check_open": ReasonRule(
        C.BEING_HANDLED,
        "{year}年度个人有关事项报告查核(查核#{check})尚未完成,目前发现{finding}:{item}",
        "the {year} report check (check #{check}) is not completed; so far it found"
        " {finding_en}: {item}",
    ),
    "clue_substantiated": ReasonRule(
        C.HANDLED,
        "问题线索(记录#{record},{received}收到)经核查{conclusion},已了结",
        "clue (record #{record}, received {received}) found {conclusion_en}, closed",
    ),
    "influence_over": ReasonRule(
        C.HANDLED,
        "受{label}(记录#{record},{start}),影响期已于{end}届满",
        "{label} (record #{record}, {start}): influence period ended {end}",
    ),
    "omission_handled": ReasonRule(
        C.HANDLED,
        "{year}年度个人有关事项报告查核(查核#{check})发现漏报:{item},已处理:{handling}",
        "the {year} report check (check #{check}) found an omission: {item}, handled: "
        "{handling}",
    ),
    "clue_closed": ReasonRule(
        C.CLUE_CLOSED,
        "问题线索(记录#{record},{received}收到){outcome},已了结",
        "clue (record #{record}, received {received}) {outcome_en}, closed",
    ),
    "no_clue": ReasonRule(
        C.NO_CLUE,
        "未收到反映其问题的线索",
        "no clue about the candidate has been received",
    ),
}

_CONCLUSION_EN = {"属实": "substantiated", "部分属实": "partly substantiated"}
_FINDING_EN = {FINDING_OMISSION: "under-reporting", FINDING_CONCEALMENT: "concealment"}


def _reason(
    code: str,
    values: Mapping[str, object] | None = None,
    *,
    records: Sequence[int] = (),
    checks: Sequence[int] = (),
) -> Reason:
    rule = REASONS[code]
    fill = values or {}
    return Reason(
        code, rule.category, rule.zh.format(**fill), rule.en.format(**fill), tuple(records),
        tuple(checks),
    )  # fmt: skip


# ---- classifiers: one piece of evidence → one reason -------------------------------------


def clue_reason(clue: ClueEvidence) -> Reason:
    values: dict[str, object] = {"record": clue.record_id, "received": clue.received}
    if clue.closed:
        if clue.conclusion in SUBSTANTIATED:
            values |= {
                "conclusion": clue.conclusion,
                "conclusion_en": _CONCLUSION_EN[clue.conclusion],
            }
            return _reason("clue_substantiated", values, records=[clue.record_id])
        untrue = clue.conclusion == "不属实"
        values |= {
            "outcome": "经核查不属实" if untrue else "予以了结",
            "outcome_en": "found untrue" if untrue else "disposed of without further action",
        }
        return _reason("clue_closed", values, records=[clue.record_id])
    code = {
        DISPOSAL_PRELIMINARY: "clue_preliminary_verification",
        DISPOSAL_TALK_INQUIRY: "clue_talk_inquiry",
        DISPOSAL_STORED: "clue_stored",
    }.get(clue.disposal, "clue_pending")
    return _reason(code, values, records=[clue.record_id])


def influence_reason(period: InfluenceEvidence, today: date) -> Reason:
    values: dict[str, object] = {
        "record": period.record_id,
        "label": period.label_zh,
        "start": period.start,
        "end": period.end,
    }
    if (period.system, period.kind) in EXPULSIONS:
        code = "expulsion"
    elif period.end is None:
        code = "permanent_influence"
    elif today < period.end:
        code = "influence_running"
    else:
        code = "influence_over"
    return _reason(code, values, records=[period.record_id])


def finding_reason(finding: FindingEvidence) -> Reason | None:
    """``None`` for 一致: a clean check is no reason for anything."""
    values: dict[str, object] = {
        "check": finding.check_id,
        "year": finding.year,
        "item": finding.item_label_zh,
        "handling": finding.handling,
        "finding": finding.finding,
        "finding_en": _FINDING_EN.get(finding.finding, finding.finding),
    }
    if finding.finding not in _FINDING_EN:
        return None
    if not finding.completed:
        code = "check_open"
    elif finding.finding == FINDING_CONCEALMENT:
        code = "concealment"
    else:
        code = "omission_handled" if finding.handling.strip() else "omission_unhandled"
    return _reason(code, values, checks=[finding.check_id])


def ineligibility_reason(item: IneligibilityEvidence) -> Reason:
    values = {"text_zh": item.text_zh, "text_en": item.text_en}
    return _reason("ineligible", values, records=item.record_ids)


Classifier = Callable[[CandidateEvidence, date], list[Reason]]

#: Every evidence kind and how it turns into reasons, in the order reasons are listed
#: within one category.
CLASSIFIERS: tuple[Classifier, ...] = (
    lambda e, _today: [r for f in e.findings if (r := finding_reason(f)) is not None],
    lambda e, today: [influence_reason(p, today) for p in e.influence],
    lambda e, _today: [ineligibility_reason(i) for i in e.ineligibility],
    lambda e, _today: [clue_reason(c) for c in e.clues],
    lambda e, _today: [] if e.clues else [_reason("no_clue")],
)


def propose(evidence: CandidateEvidence, today: date) -> Proposal:
    """The most severe category any reason leads to, with every reason, most severe first."""
    reasons = [reason for classify in CLASSIFIERS for reason in classify(evidence, today)]
    # sorted() is stable: within a category, reasons keep the classifiers' order.
    ordered = tuple(sorted(reasons, key=lambda r: -r.category))
    category = max((r.category for r in ordered), default=Category.NO_CLUE)
    return Proposal(category, ordered)

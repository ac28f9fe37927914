"""The cases that make the demo worth opening: clues in every state, sanctions whose influence
periods run or are over, an admonishment, checks that found 瞒报 and 漏报, rectifications
overdue and due soon, and the 来函 the vetting officer is to answer.

Each case is a function of one dossier (:class:`Dossier`) that adds its steps to the plan;
:data:`CASES` names them. Dates count back from the day the demo is built. Clues are kept
by the clerk account (专人负责), their informants stored apart from them.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from records.influence import add_months
from records.synthetic import synthetic_name
from records.synthetic_plan import (
    VETTING,
    AddRecord,
    CompleteCheck,
    DecideCheck,
    EditRecord,
    Entries,
    Fields,
    FileChange,
    OpenCheck,
    PlanBuilder,
    Step,
    VerifyItem,
    VettingLetter,
    WithdrawRecord,
)
from records.synthetic_reports import Household, concealed_flat, understated_premises
from records.synthetic_routine import Talker, democratic_meeting, talk

CUSTODIAN = "clerk"
REQUESTING_UNIT = "中共青山县委组织部"
DISCIPLINE_BODY = "中共青山县纪律检查委员会"
SUPERVISION_BODY = "青山县监察委员会"
#: The items a check verifies with other agencies (民政, 公安, 不动产登记, 证券, 市场监管).
CHECKED_ITEMS = (
    "marriage", "passport_private_travel", "hk_macao_taiwan", "family_emigration",
    "family_employment", "real_estate", "securities", "business",
)  # fmt: skip


@dataclass(frozen=True)
class Dossier:
    """One official as the cases see them.

    :param reports: the items of each submitted report, by year.
    :param submitted: the day each of those was submitted.
    """

    who: int
    unit: str
    house: Household
    reports: Mapping[int, Mapping[str, Entries]]
    submitted: Mapping[int, date]
    talker: Talker

    @property
    def last_report(self) -> int:
        return max(self.submitted)


Case = Callable[[PlanBuilder, random.Random, Dossier], None]


# ---- clues -------------------------------------------------------------------------------


def _clue(
    b: PlanBuilder,
    who: int,
    received: date,
    summary: str,
    source: str,
    *,
    informant: tuple[str, str] | None = None,
) -> str:
    key = f"clue-{who}-{received.isoformat()}"
    fields = {"summary": summary, "custodian": CUSTODIAN, "status": "待处置"}
    b.add(
        who,
        received,
        AddRecord(
            who,
            "clue",
            received,
            fields,
            source=source,
            disclosure="secret",
            informant=informant,
            key=key,
        ),
    )
    return key


def _dispose(b: PlanBuilder, who: int, key: str, day: date, **fields: str) -> None:
    b.add(who, day, EditRecord(key, fields))


def _informant(rng: random.Random) -> tuple[str, str]:
    return synthetic_name(rng, rng.choice(("男", "女"))), f"1390000{rng.randint(1000, 9999)}"


def clue_untrue(b: PlanBuilder, rng: random.Random, d: Dossier) -> None:
    """A petition checked by 初步核实 and found untrue: closed (意见第2类)."""
    received = b.calendar.months_ago(9)
    key = _clue(
        b,
        d.who,
        received,
        f"来信反映其在{d.unit}工作期间违规插手工程项目招投标。",
        "petition",
        informant=_informant(rng),
    )
    _dispose(b, d.who, key, received + timedelta(days=12), disposal="初步核实", status="处置中")
    _dispose(b, d.who, key, received + timedelta(days=75), status="已了结", conclusion="不属实")


def clue_verifying(b: PlanBuilder, rng: random.Random, d: Dossier) -> None:
    """A clue under 初步核实 right now (意见第5类: defer the appointment)."""
    received = b.calendar.ago(45)
    key = _clue(
        b, d.who, received, "反映其配偶经营的企业承接本单位业务,涉嫌利益输送。", "discipline"
    )
    _dispose(b, d.who, key, received + timedelta(days=9), disposal="初步核实", status="处置中")


def clue_inquiry(b: PlanBuilder, rng: random.Random, d: Dossier) -> None:
    """A clue handled by 谈话函询: the letter sent, the reply in, not yet closed (第4类)."""
    received = b.calendar.ago(50)
    key = _clue(
        b,
        d.who,
        received,
        "反映其中秋节期间收受下属单位月饼礼盒等节日礼品。",
        "petition",
        informant=_informant(rng),
    )
    _dispose(b, d.who, key, received + timedelta(days=8), disposal="谈话函询", status="处置中")
    asked = received + timedelta(days=14)
    letter = {
        "kind": "函询",
        "talker": d.talker.title,
        "summary": "就群众反映其收受节日礼品问题发函询问,要求十五个工作日内书面说明。",
    }
    b.add(
        d.who,
        asked,
        AddRecord(d.who, "talk", asked, letter, source="discipline", key=f"inquiry-{d.who}"),
    )
    reply = "本人书面说明:所收月饼礼盒两盒已于节后退还,附退还凭证及证明人。"
    b.add(d.who, asked + timedelta(days=12), EditRecord(f"inquiry-{d.who}", {"reply": reply}))


def clue_stored(b: PlanBuilder, rng: random.Random, d: Dossier) -> None:
    received = b.calendar.months_ago(4)
    key = _clue(
        b, d.who, received, "反映其在征地拆迁中优亲厚友,线索较笼统,暂不具备核查条件。", "inspection"
    )
    _dispose(b, d.who, key, received + timedelta(days=10), disposal="暂存待查", status="处置中")


def clue_new(b: PlanBuilder, rng: random.Random, d: Dossier) -> None:
    """Received a few days ago, not yet disposed of (待处置); the informant gave a name."""
    _clue(
        b,
        d.who,
        b.calendar.ago(4),
        "来信反映其为子女操办婚礼时大操大办,收受管理服务对象礼金。",
        "petition",
        informant=_informant(rng),
    )


def clue_dismissed(b: PlanBuilder, rng: random.Random, d: Dossier) -> None:
    received = b.calendar.months_ago(6)
    key = _clue(
        b, d.who, received, "匿名反映其工作作风问题,内容笼统,无具体事实和线索。", "petition"
    )
    _dispose(b, d.who, key, received + timedelta(days=15), disposal="予以了结", status="已了结")


# ---- sanctions and admonishment ---------------------------------------------------------------

#: (system, kind, reason) of the sanctions the cases file.
_CAR_MISUSE = ("党纪处分", "警告", "违反中央八项规定精神,公车私用,给予党内警告处分。")
_ALLOWANCES = (
    "党纪处分", "严重警告", "违规发放津贴补贴,负有主要领导责任,给予党内严重警告处分。"
)  # fmt: skip
_REPOSTED = ("组织处理", "调整职务", "因受党内严重警告处分,调整其现任职务。")
_LAX_SUPERVISION = ("政务处分", "警告", "履行监管职责不力,造成不良影响,给予政务警告处分。")
_IRREGULAR_APPROVAL = ("政务处分", "记过", "违规审批项目资金,给予记过处分。")
_ADMONISHMENT = "对其履行全面从严治党主体责任不力、单位发生违规吃喝问题进行诫勉谈话。"


def _sanction(
    b: PlanBuilder, rng: random.Random, who: int, day: date, system: str, kind: str, reason: str
) -> None:
    if system == "党纪处分":
        number, body = f"青纪发〔{day.year}〕{rng.randint(3, 60)}号", DISCIPLINE_BODY
    elif system == "政务处分":
        number, body = f"青监发〔{day.year}〕{rng.randint(3, 60)}号", SUPERVISION_BODY
    else:
        number, body = f"青组通〔{day.year}〕{rng.randint(3, 60)}号", "中共青山县委组织部"
    fields = {
        "system": system,
        "kind": kind,
        "decision_number": number,
        "decision_body": body,
        "reason": reason,
    }
    b.add(who, day, AddRecord(who, "sanction", day, fields, source="discipline"))


def sanction_over(b: PlanBuilder, rng: random.Random, d: Dossier) -> None:
    """A substantiated clue and a Party warning whose 12 months are over (第3类)."""
    sanctioned = b.calendar.months_ago(20)
    received = sanctioned - timedelta(days=120)
    key = _clue(b, d.who, received, "巡察移交:反映其多次使用公务用车办理私事。", "inspection")
    _dispose(b, d.who, key, received + timedelta(days=10), disposal="初步核实", status="处置中")
    _dispose(b, d.who, key, sanctioned - timedelta(days=20), status="已了结", conclusion="属实")
    _sanction(b, rng, d.who, sanctioned, *_CAR_MISUSE)


def sanction_running(b: PlanBuilder, rng: random.Random, d: Dossier) -> None:
    """A Party 严重警告 (18 months) and a change of post (12 months), both still running."""
    sanctioned = b.calendar.months_ago(7)
    received = sanctioned - timedelta(days=90)
    key = _clue(b, d.who, received, "反映其所在单位违规发放津贴补贴。", "discipline")
    _dispose(b, d.who, key, received + timedelta(days=7), disposal="初步核实", status="处置中")
    _dispose(b, d.who, key, sanctioned - timedelta(days=10), status="已了结", conclusion="属实")
    _sanction(b, rng, d.who, sanctioned, *_ALLOWANCES)
    _sanction(b, rng, d.who, sanctioned + timedelta(days=5), *_REPOSTED)


def influence_ending(b: PlanBuilder, rng: random.Random, d: Dossier) -> None:
    """A 政务警告 (6 months) that ends in about two weeks: a reminder on the home screen."""
    sanctioned = add_months(b.calendar.ago(-12), -6)
    _sanction(b, rng, d.who, sanctioned, *_LAX_SUPERVISION)


def sanction_old(b: PlanBuilder, rng: random.Random, d: Dossier) -> None:
    _sanction(b, rng, d.who, b.calendar.months_ago(38), *_IRREGULAR_APPROVAL)


def admonished(b: PlanBuilder, rng: random.Random, d: Dossier) -> None:
    """诫勉 (blocks promotion for 6 months) after a letter inquiry that did not satisfy."""
    day = b.calendar.ago(75)
    talk(b, d.who, day, d.talker, "诫勉", _ADMONISHMENT)


# ---- checks of the report (查核) ---------------------------------------------------------------


def _check(
    b: PlanBuilder,
    d: Dossier,
    kind: str,
    reason: str,
    found: Mapping[str, Entries],
    *,
    handling: tuple[str, ...] = (),
    note: str = "",
    complete: bool = True,
) -> None:
    """A check of the last submitted report: opened, the items verified (as declared, except
    ``found``), completed and decided, spread over the time since the report."""
    year = d.last_report
    since = d.submitted[year]
    span = max((b.calendar.today - since).days, 0)

    def at(share: float) -> date:
        return since + timedelta(days=int(span * share))

    b.add(d.who, at(0.35), OpenCheck(d.who, year, kind, reason, at(0.35)))
    declared = d.reports[year]
    items = CHECKED_ITEMS if complete else CHECKED_ITEMS[:3]
    for n, code in enumerate(items):
        verified = found.get(code, declared.get(code, ()))
        b.add(d.who, at(0.4 + 0.03 * n), VerifyItem(d.who, year, code, verified))
    if not complete:
        return
    b.add(d.who, at(0.7), CompleteCheck(d.who, year, at(0.7)))
    b.add(d.who, at(0.8), DecideCheck(d.who, year, handling, note, at(0.8)))


def concealed(b: PlanBuilder, rng: random.Random, d: Dossier) -> None:
    """凡提必查 found a flat never reported: 瞒报 (意见第6类)."""
    declared = d.reports[d.last_report]["real_estate"]
    flat = concealed_flat(rng, d.house, d.last_report)
    _check(
        b,
        d,
        "targeted",
        "拟提拔考察人选,凡提必查",
        {"real_estate": (*declared, flat)},
        handling=("批评教育", "责令作出检查"),
        note="经查,其配偶名下一套住房未如实报告,认定为瞒报。",
    )


def omission(b: PlanBuilder, rng: random.Random, d: Dossier) -> None:
    """A random check found the home larger than reported and its parking space left out:
    漏报, handled by 批评教育 (意见第3类)."""
    declared = d.reports[d.last_report]["real_estate"]
    _check(
        b,
        d,
        "random",
        "年度随机抽查",
        {"real_estate": understated_premises(declared)},
        handling=("批评教育",),
        note="本人说明系按合同面积填报、遗漏车位,已作出补充报告。",
    )


def check_open(b: PlanBuilder, rng: random.Random, d: Dossier) -> None:
    _check(b, d, "random", "年度随机抽查", {}, complete=False)


# ---- rectifications, meetings, talks, reports ------------------------------------------------


#: (found by, finding, category, rectification) of the inspection and audit findings.
_RECEPTIONS = (
    "巡察", "县委第三巡察组反馈:单位公务接待管理不规范,存在超标准接待问题。",
    "违反中央八项规定精神", "制定公务接待管理办法,清退超标准接待费用。",
)  # fmt: skip
_FUNDS = (
    "审计", "经济责任审计发现:专项资金未按规定用途使用,涉及金额23.6万元。",
    "财务管理", "追回违规使用资金,完善专项资金管理制度。",
)  # fmt: skip
_APPOINTMENTS = (
    "巡察", "县委第一巡察组反馈:干部选拔任用程序不规范,个别岗位长期未轮岗。",
    "选人用人", "完善干部选任工作规程,对重点岗位人员实行轮岗交流。",
)  # fmt: skip
_VILLAGE_TALK = "对村党组织书记、村委会主任“一肩挑”人员开展年度廉政谈话。"


def _finding(
    b: PlanBuilder,
    who: int,
    day: date,
    what: tuple[str, str, str, str],
    deadline: date,
    status: str,
) -> None:
    body, finding, category, fix = what
    fields = {
        "body": body,
        "finding": finding,
        "category": category,
        "rectification": fix,
        "rectification_deadline": deadline.isoformat(),
        "rectification_status": status,
    }
    source = "inspection" if body == "巡察" else "audit"
    b.add(who, day, AddRecord(who, "inspection_finding", day, fields, source=source))  # fmt: skip


def rectify_overdue(b: PlanBuilder, rng: random.Random, d: Dossier) -> None:
    _finding(b, d.who, b.calendar.ago(110), _RECEPTIONS, b.calendar.ago(18), "整改中")


def rectify_soon(b: PlanBuilder, rng: random.Random, d: Dossier) -> None:
    _finding(b, d.who, b.calendar.ago(60), _FUNDS, b.calendar.ago(-12), "未整改")
    democratic_meeting(b, rng, d.who, deadline_in=20)


def rectified(b: PlanBuilder, rng: random.Random, d: Dossier) -> None:
    _finding(b, d.who, b.calendar.ago(320), _APPOINTMENTS, b.calendar.ago(200), "已整改")
    democratic_meeting(b, rng, d.who, deadline_in=-10)


def village_head(b: PlanBuilder, rng: random.Random, d: Dossier) -> None:
    """一肩挑: the yearly integrity talk falls due in three weeks."""
    talk(b, d.who, b.calendar.ago(345), d.talker, "廉政谈话", _VILLAGE_TALK)


def village_overdue(b: PlanBuilder, rng: random.Random, d: Dossier) -> None:
    """一肩挑 whose yearly talk is overdue."""
    talk(b, d.who, b.calendar.ago(400), d.talker, "廉政谈话", _VILLAGE_TALK)


def change_on_time(b: PlanBuilder, rng: random.Random, d: Dossier) -> None:
    """The spouse changed jobs after the report, later a permit was issued; both reported
    within 30 days."""
    spouse = d.house.spouse
    if spouse is None:
        return
    since = d.submitted[d.last_report]
    changed = b.calendar.between(rng, since + timedelta(days=3), b.calendar.ago(30))
    reported = b.calendar.not_after_today(changed + timedelta(days=rng.randint(6, 20)))
    entries: list[Fields] = [
        {**e, "employer": "县融媒体中心", "post": "编辑", "sector": "事业单位"}
        if e.get("relation") == "配偶"
        else e
        for e in d.reports[d.last_report]["family_employment"]
    ]
    if not any(e.get("relation") == "配偶" for e in entries):
        entries.append(
            {
                "person": spouse.name,
                "relation": "配偶",
                "employer": "县融媒体中心",
                "post": "编辑",
                "sector": "事业单位",
            }
        )
    b.add(
        d.who, reported, FileChange(d.who, "family_employment", changed, reported, tuple(entries))
    )
    # Later, a permit for Hong Kong and Macao (held by the organisation department).
    issued = b.calendar.between(rng, reported + timedelta(days=5), b.calendar.ago(3))
    permit = {
        "kind": "permit",
        "permit_kind": "往来港澳通行证",
        "number": f"C{rng.randint(10**7, 10**8 - 1)}",
        "issued_date": issued.isoformat(),
        "custody": "由组织部门集中保管",
    }
    told = b.calendar.not_after_today(issued + timedelta(days=rng.randint(3, 12)))
    b.add(d.who, told, FileChange(d.who, "hk_macao_taiwan", issued, told, (permit,)))


def change_late(b: PlanBuilder, rng: random.Random, d: Dossier) -> None:
    """A new passport, reported some 45 days after it was issued: a late change report."""
    reported = b.calendar.ago(rng.randint(4, 12))
    changed = min(max(reported - timedelta(days=46), date(d.last_report + 1, 1, 2)), reported)
    passport = {
        "kind": "passport",
        "number": f"E{rng.randint(10**7, 10**8 - 1)}",
        "issued_date": changed.isoformat(),
        "expiry_date": (changed.replace(day=1) + timedelta(days=3650)).isoformat(),
        "custody": "由组织部门集中保管",
    }
    change = FileChange(d.who, "passport_private_travel", changed, reported, (passport,))
    b.add(d.who, reported, change)


def corrections(b: PlanBuilder, rng: random.Random, d: Dossier) -> None:
    """A gift whose value was corrected (a second version) and a record filed twice, the
    copy withdrawn: history, never deletion."""
    day = b.calendar.ago(200)
    gift = {
        "kind": "实物",
        "description": "白酒两瓶",
        "value": 600,
        "giver": "某供货商",
        "handling": "上交",
    }
    b.add(d.who, day, AddRecord(d.who, "gift", day, gift, source="self", key=f"gift-{d.who}"))
    b.add(d.who, day + timedelta(days=3), EditRecord(f"gift-{d.who}", {"value": 1160}))
    honour = {"title": "优秀公务员", "body": "青山县人民政府", "level": "县级"}
    for n in (1, 2):
        b.add(
            d.who,
            day,
            AddRecord(
                d.who, "commendation", day, honour, disclosure="public", key=f"honour-{d.who}-{n}"
            ),
        )
    b.add(d.who, day + timedelta(days=1), WithdrawRecord(f"honour-{d.who}-2", "重复录入"))


CASES: dict[str, Case] = {
    "clue_untrue": clue_untrue, "clue_verifying": clue_verifying, "clue_inquiry": clue_inquiry,
    "clue_stored": clue_stored, "clue_new": clue_new, "clue_dismissed": clue_dismissed,
    "sanction_over": sanction_over, "sanction_running": sanction_running,
    "influence_ending": influence_ending, "sanction_old": sanction_old, "admonished": admonished,
    "concealed": concealed, "omission": omission, "check_open": check_open,
    "rectify_overdue": rectify_overdue, "rectify_soon": rectify_soon, "rectified": rectified,
    "village_head": village_head, "village_overdue": village_overdue,
    "change_on_time": change_on_time, "change_late": change_late, "corrections": corrections,
}  # fmt: skip


def vetting_letter(b: PlanBuilder, rng: random.Random, candidates: tuple[int, ...]) -> None:
    """The organisation department's letter asking for the candidates' 党风廉政意见, as the
    vetting officer registered it today (the last step): a 草稿 for the user to decide and
    answer."""
    if not candidates:
        return
    today = b.calendar.today
    letter = VettingLetter(
        number=f"青组函〔{today.year}〕{rng.randint(101, 199)}号",
        letter_date=b.calendar.ago(2),
        unit=REQUESTING_UNIT,
        purpose="拟提拔",
        candidates=candidates,
        due=b.calendar.ago(-5),
    )
    b.steps.append(Step(today, letter, VETTING))

"""The ordinary records of an invented dossier: posts held, appraisals, pledges and year-end
reports, integrity talks, gifts handed in, commendations, democratic-life meetings, the
党风廉政意见 given on paper when they were promoted, and the major matters of
:mod:`records.synthetic`. Nothing here bars anyone from promotion: the cases that do are
:mod:`records.synthetic_cases`.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from datetime import date, timedelta

from records.synthetic import SyntheticOfficial, synthetic_name
from records.synthetic_plan import AddPosition, AddRecord, Fields, PlanBuilder
from records.synthetic_reports import Household
from records.vetting_terms import Category, Purpose

_DEPARTMENTS = (
    "财政局", "教育局", "自然资源局", "住房和城乡建设局", "交通运输局", "卫生健康局",
    "审计局", "市场监督管理局", "发展和改革局", "水利局", "农业农村局", "民政局",
)  # fmt: skip
_EARLIER_POSTS = (
    ("科员", "一级科员"), ("副主任科员", "四级主任科员"), ("办公室副主任", "三级主任科员"),
    ("股长", "二级主任科员"), ("副科长", "二级主任科员"), ("乡镇副镇长", "副科级"),
)  # fmt: skip
_GIFTS = (
    ("支付凭证", "超市购物卡", 1000, "上交"), ("现金", "春节红包", 2000, "上交"),
    ("实物", "茶叶两盒", 680, "退还"), ("有价证券", "商场代金券", 800, "上交"),
    ("实物", "月饼礼盒", 398, "折价归还"), ("支付凭证", "加油卡", 500, "上交"),
)  # fmt: skip
_GIVERS = ("某工程建设公司负责人", "某房地产开发企业", "辖区某企业", "某供货商", "某培训机构")
_HONOURS = (
    ("优秀共产党员", "中共青山县委", "县级"), ("优秀公务员", "青山县人民政府", "县级"),
    ("全县脱贫攻坚先进个人", "中共青山县委、青山县人民政府", "县级"),
    ("全市优秀党务工作者", "中共江州市委", "市级"), ("嘉奖", "青山县人民政府", "县级"),
    ("全县防汛抢险先进个人", "青山县人民政府", "县级"),
)  # fmt: skip
_PLEDGE = (
    "严格遵守中央八项规定及其实施细则精神,认真履行“一岗双责”,不利用职务便利为本人"
    "及亲属谋取利益,不收受礼品礼金,按时如实报告个人有关事项,自觉接受监督。"
)
_REPORT = (
    "全年履行党风廉政建设责任,组织专题学习{n}次,开展廉政谈话{m}人次;本人严格执行"
    "廉洁自律规定,无违规收受礼品礼金、违规操办婚丧喜庆事宜等情况。"
)
_MATTER_KINDS = {
    "操办婚礼": "操办婚丧喜庆",
    "操办丧事": "操办婚丧喜庆",
    "因私出国(境)": "因私出国(境)",
}
LEADING_POSTS = ("局长", "副局长", "党组书记", "党组成员")


@dataclass(frozen=True)
class Talker:
    """Who holds the integrity talks (an invented member of the discipline commission)."""

    name: str

    @property
    def title(self) -> str:
        return f"县纪委常委 {self.name}"


def talker(rng: random.Random) -> Talker:
    return Talker(synthetic_name(rng, rng.choice(("男", "女"))))


def positions(
    b: PlanBuilder, rng: random.Random, who: int, values: Fields, left: date | None = None
) -> None:
    """The current post (held until ``left``, if given) and one or two earlier ones."""
    appointed = date.fromisoformat(str(values["appointed_date"]))
    id_number = str(values["id_number"])
    # Nobody held a post before the age of 22.
    first_job = date(int(id_number[6:10]) + 22, int(id_number[10:12]), 1)
    county = str(values["unit"])[:3]
    start = appointed
    steps: list[AddPosition] = []
    for post, rank in rng.sample(_EARLIER_POSTS, rng.randint(1, 2)):
        end = start - timedelta(days=1)
        start = max(end - timedelta(days=rng.randint(2 * 365, 6 * 365)), first_job)
        if start >= end:
            break
        steps.append(AddPosition(who, county + rng.choice(_DEPARTMENTS), post, rank, start, end))
    for step in reversed(steps):
        b.add(who, step.end or step.start, step)
    current = AddPosition(
        who, str(values["unit"]), str(values["position"]), str(values["rank"]), appointed, left
    )
    b.add(who, left or appointed, current)


def appraisals(b: PlanBuilder, rng: random.Random, who: int, grades: tuple[str, ...] = ()) -> None:
    """The two last annual appraisals (recorded in late January), ``grades`` oldest first
    when given, else 优秀 or 称职."""
    today = b.calendar.today
    for n, year in enumerate((today.year - 2, today.year - 1)):
        day = date(year + 1, 1, rng.randint(15, 25))
        if day > today:
            continue
        grade = grades[n] if n < len(grades) else rng.choices(("优秀", "称职"), (2, 8))[0]
        total = rng.randint(28, 65)
        against = 0 if grade == "优秀" else rng.randint(0, 2)
        if grade in ("基本称职", "不称职"):
            against = total // 3 + rng.randint(1, 4)
        fields = {"year": year, "grade": grade, "votes_total": total, "votes_incompetent": against}
        b.add(who, day, AddRecord(who, "appraisal", day, fields))


def pledges_and_reports(b: PlanBuilder, rng: random.Random, who: int) -> None:
    """廉政承诺 at the start of each year, 述责述廉 after its end (leading cadres)."""
    today = b.calendar.today
    for year in (today.year - 1, today.year):
        signed = date(year, 2, rng.randint(10, 28))
        if signed <= today:
            pledge = AddRecord(
                who, "pledge", signed, {"year": year, "content": _PLEDGE}, source="self"
            )
            b.add(who, signed, pledge)
    year = today.year - 1
    told = date(year + 1, 1, rng.randint(8, 26))
    if told <= today:
        text = _REPORT.format(n=rng.randint(4, 12), m=rng.randint(6, 30))
        b.add(
            who,
            told,
            AddRecord(
                who, "integrity_report", told, {"year": year, "summary": text}, source="self"
            ),
        )


def paper_reply(b: PlanBuilder, rng: random.Random, who: int, appointed: date) -> None:
    """The 党风廉政意见回复 given before the promotion, filed from the paper letter."""
    replied = appointed - timedelta(days=rng.randint(15, 40))
    asked = replied - timedelta(days=rng.randint(3, 10))
    fields = {
        "category": Category.NO_CLUE.numbered_zh,
        "request_number": f"青组函〔{asked.year}〕{rng.randint(5, 90)}号",
        "request_date": asked.isoformat(),
        "requesting_unit": "中共青山县委组织部",
        "purpose": Purpose.PROMOTION.label_zh,
        "reasons": "经查阅廉政档案、信访举报和问题线索台账,未收到反映该同志问题的线索。",
        "document_number": f"青纪函〔{replied.year}〕{rng.randint(5, 90)}号",
    }
    b.add(who, replied, AddRecord(who, "vetting_reply", replied, fields, source="discipline"))


def talk(b: PlanBuilder, who: int, day: date, by: Talker, kind: str, summary: str) -> None:
    fields = {"kind": kind, "talker": by.title, "summary": summary}
    b.add(who, day, AddRecord(who, "talk", day, fields, source="discipline"))


def gifts(b: PlanBuilder, rng: random.Random, who: int) -> None:
    for kind, description, value, handling in rng.sample(_GIFTS, rng.randint(1, 2)):
        day = b.calendar.ago(rng.randint(15, 700))
        withheld = rng.random() < 0.3
        fields: dict[str, object] = {
            "kind": kind,
            "description": description,
            "value": value,
            "handling": handling,
        }
        if withheld:
            fields["giver_withheld"] = True
        else:
            fields["giver"] = rng.choice(_GIVERS)
        b.add(who, day, AddRecord(who, "gift", day, fields, source="self"))


def commendation(b: PlanBuilder, rng: random.Random, who: int) -> None:
    title, body, level = rng.choice(_HONOURS)
    day = b.calendar.ago(rng.randint(30, 900))
    fields = {"title": title, "body": body, "level": level}
    b.add(who, day, AddRecord(who, "commendation", day, fields, disclosure="public"))


def democratic_meeting(
    b: PlanBuilder, rng: random.Random, who: int, *, deadline_in: int | None = None
) -> None:
    """The unit leadership's year-end 民主生活会 and its rectification list; ``deadline_in``
    days from today (negative: overdue, not yet rectified) instead of a past, done one."""
    today = b.calendar.today
    year = today.year - 1 if date(today.year, 1, 28) <= today else today.year - 2
    held = date(year + 1, 1, rng.randint(10, 27))
    deadline = held + timedelta(days=120) if deadline_in is None else b.calendar.ago(-deadline_in)
    deadline = max(deadline, held)
    done = deadline_in is None and deadline < today
    fields = {
        "topic": f"{year}年度领导班子民主生活会",
        "summary": "班子成员逐一对照检查,开展批评与自我批评,查摆问题4条。",
        "rectification": "落实“三重一大”集体决策制度;规范公务接待;加强干部日常监督。",
        "rectification_deadline": deadline.isoformat(),
        "rectification_status": "已整改" if done else rng.choice(("整改中", "未整改")),
    }
    b.add(who, held, AddRecord(who, "democratic_meeting", held, fields))


def major_matters(b: PlanBuilder, who: int, person: SyntheticOfficial, house: Household) -> None:
    """The matters :mod:`records.synthetic` invented, with the structured fields filled
    (a child's wedding only for an official with a grown-up child)."""
    eldest = min((c.birth for c in house.children), default=None)
    for matter in person.matters:
        if matter.title == "操办婚礼" and (
            eldest is None or (matter.record_date - eldest).days < 22 * 365
        ):
            continue
        found = re.search(r"\d+", matter.detail)
        n = int(found.group()) if found else 5
        fields: dict[str, object] = {
            "kind": _MATTER_KINDS.get(matter.title, "其他"),
            "title": matter.title,
            "detail": matter.detail,
        }
        if matter.title in ("操办婚礼", "操办丧事"):
            fields |= {"scale": f"{n}桌", "guests": n * 10}
            if matter.title == "操办婚礼":
                fields |= {"gift_money": n * 3000, "gift_handling": "亲友礼金,已如实登记"}
        elif matter.title == "因私出国(境)":
            start = matter.record_date + timedelta(days=7)
            fields |= {
                "trip_start": start.isoformat(),
                "trip_end": (start + timedelta(days=n)).isoformat(),
                "destination": "新加坡",
                "purpose": "探亲",
            }
        b.add(
            who,
            matter.record_date,
            AddRecord(who, "major_matter", matter.record_date, fields, source="self"),
        )

"""The demo vault's dossiers: :func:`demo_plan` turns the invented officials of
:mod:`records.synthetic` into everything a clerk would have filed about them.

Every official gets a household and the reports on it (:mod:`records.synthetic_reports`)
and ordinary records (:mod:`records.synthetic_routine`); the first ones, in :data:`CAST`
order, also carry one case each (:mod:`records.synthetic_cases`) — the first seven are the
candidates of the vetting officer's open 来函, one for each opinion category. The profile
(supervision category, unit, flags, status) is reworked here so that all six categories of
监察法 Art. 15 and every flag occur; names and ID numbers stay the generator's.
"""

from __future__ import annotations

import random
from collections.abc import Iterable
from datetime import date, timedelta

from records.synthetic import SyntheticOfficial
from records.synthetic_cases import CASES, Dossier, vetting_letter
from records.synthetic_plan import (
    DemoCalendar,
    DemoPlan,
    Entries,
    Fields,
    FileOfficial,
    FileReport,
    PlanBuilder,
)
from records.synthetic_reports import (
    Household,
    household,
    report_items,
    with_child_abroad,
    with_criminal_case,
    with_foreign_marriage,
    with_spouse,
    with_spouse_emigrated,
    without_parking,
)
from records.synthetic_routine import (
    LEADING_POSTS,
    appraisals,
    commendation,
    democratic_meeting,
    gifts,
    major_matters,
    paper_reply,
    pledges_and_reports,
    positions,
    talk,
    talker,
)

#: One case per official, in order; officials after these are background.
CAST: tuple[str, ...] = (
    # The vetting candidates, proposed categories 1, 2, 6, 5, 4, 3, 3.
    "clean", "clue_untrue", "concealed", "clue_verifying", "clue_inquiry", "sanction_over",
    "omission",
    "sanction_running", "influence_ending", "sanction_old", "admonished",
    "clue_stored", "clue_new", "clue_dismissed",
    "weak_appraisal", "rectify_overdue", "rectify_soon", "rectified",
    "village_head", "no_report", "no_report", "draft_report",
    "left", "retired", "change_on_time", "change_late", "long_tenure",
    "spouse_emigrated", "child_abroad", "check_open", "village_overdue",
    "foreign_marriage", "criminal_case", "corrections",
)  # fmt: skip
CANDIDATES = 7
#: The last officials of a vault larger than the cast were filed days ago: their first
#: report is due 30 days after filing.
NEWCOMERS = 2
NO_REPORTS = frozenset({"no_report", "left", "retired", "newcomer"})

#: Supervision category of the cast members who are not civil servants (default 1).
_CATEGORY = {
    "concealed": 3, "omission": 2, "clue_inquiry": 4, "influence_ending": 3, "admonished": 4,
    "clue_new": 6, "clue_dismissed": 2, "village_head": 5, "village_overdue": 5,
    "check_open": 3, "foreign_marriage": 4, "draft_report": 6,
}  # fmt: skip
#: (unit, head's post, deputy's post, head's rank, deputy's rank, managed by) by category.
_UNITS: dict[int, tuple[tuple[str, str, str, str, str, str], ...]] = {
    2: (("青山县住房公积金管理中心", "主任", "副主任", "正科级", "副科级", "县委组织部管理"),
        ("青山县不动产登记中心", "主任", "副主任", "正科级", "副科级", "县委组织部管理")),
    3: (("青山县城市建设投资集团有限公司", "董事长", "副总经理", "企业正职", "企业副职",
         "县国资委党委管理"),
        ("青山县水务集团有限公司", "总经理", "副总经理", "企业正职", "企业副职",
         "县国资委党委管理")),
    4: (("青山县第一中学", "校长", "副校长", "正科级", "副科级", "县委教育工委管理"),
        ("青山县人民医院", "院长", "副院长", "正科级", "副科级", "县卫生健康局党组管理")),
    5: (("青山县城关镇东关村", "党支部书记、村委会主任", "村委会副主任", "村干部", "村干部",
         "城关镇党委管理"),
        ("青山县河口镇柳树村", "党支部书记、村委会主任", "村委会副主任", "村干部", "村干部",
         "河口镇党委管理")),
    6: (("青山县人民法院", "人民陪审员", "人民陪审员", "无", "无", "县人民法院管理"),
        ("青山县第五次经济普查办公室", "普查指导员", "普查员", "无", "无", "县统计局管理")),
}  # fmt: skip
HOME_COUNTY = "青山县"
#: The latest birth year of a cadre who has held one post for eleven years.
_VETERAN_BORN = 1976
_BACKGROUND_CATEGORIES = (1,) * 12 + (2, 3, 3, 4, 4, 5, 6)
_TOP_POSTS = ("局长", "党组书记")
_ON_APPOINTMENT = "任前廉政谈话:提出廉洁从政要求,签订廉政承诺书。"
_YEARLY = "对“一肩挑”人员开展年度廉政谈话。"
_REMINDER = "针对其分管领域工作作风问题进行提醒谈话。"


def _profile(
    rng: random.Random, values: Fields, role: str, calendar: DemoCalendar
) -> dict[str, object]:
    """``values`` reworked for the official's category, role and flags."""
    v = dict(values)
    # One county's cadres: the demo is 青山县委组织部's (the generator spreads them).
    v["unit"] = HOME_COUNTY + str(v["unit"])[len(HOME_COUNTY) :]
    background = role == "background"
    category = _CATEGORY.get(role) or (rng.choice(_BACKGROUND_CATEGORIES) if background else 1)
    v["category"] = str(category)
    head = role in ("village_head", "village_overdue") or rng.random() < 0.4
    if category in _UNITS:
        unit, top, deputy, top_rank, deputy_rank, managed = rng.choice(_UNITS[category])
        v |= {
            "unit": unit,
            "position": top if head else deputy,
            "rank": top_rank if head else deputy_rank,
            "management_level": managed,
            "is_leading": category in (2, 3, 4),
            "is_top_leader": head,
        }
    else:
        head = str(v["position"]) in _TOP_POSTS
        v["is_leading"] = str(v["position"]) in LEADING_POSTS
        v["is_top_leader"] = head
    v["is_dual_role"] = (category == 5 and head) or (head and bool(v["is_dual_role"]))
    if role == "long_tenure":
        v |= {
            "unit": "青山县财政局",
            "position": "局长",
            "rank": "正科级",
            "is_leading": True,
            "is_top_leader": True,
            "appointed_date": calendar.months_ago(11 * 12 + 2).isoformat(),
        }
    elif role == "newcomer":
        v |= {
            "position": "副局长",
            "rank": "副科级",
            "is_leading": True,
            "is_top_leader": False,
            "appointed_date": calendar.ago(20).isoformat(),
        }
    if role == "concealed":
        v["is_reserve"] = False
    elif role in ("clean", "clue_untrue"):
        v["is_reserve"] = True
    if role in ("left", "retired"):
        v["status"] = role
    return v


def _household(
    rng: random.Random,
    person: SyntheticOfficial,
    values: Fields,
    role: str,
    calendar: DemoCalendar,
) -> Household:
    house = household(rng, values, person.spouse_name, calendar.today)
    year = calendar.report_year
    if role in ("change_on_time", "spouse_emigrated"):
        # The generator's spouse name is of the other gender than the official.
        male = int(str(values["id_number"])[16]) % 2 == 1
        spouse_birth = date(_born(person), 11, 3)
        house = with_spouse(house, rng, person.spouse_name, "女" if male else "男", spouse_birth)
    if role == "omission":
        house = without_parking(house)
    elif role == "spouse_emigrated":
        house = with_spouse_emigrated(house, "加拿大", date(year - 3, 8, 1))
    elif role == "child_abroad":
        house = with_child_abroad(house, "英国", date(year - 2, 9, 1), rng.randint(6, 15) * 10000)
    elif role == "foreign_marriage":
        house = with_foreign_marriage(house, date(year - 2, 10, 1))
    elif role == "criminal_case":
        house = with_criminal_case(house, date(year, 5, 12))
    return house


def _reports(
    b: PlanBuilder, rng: random.Random, who: int, role: str, house: Household
) -> tuple[dict[int, dict[str, Entries]], dict[int, date]]:
    """File the reports the official owes (a third also the year before, from paper)."""
    calendar = b.calendar
    reports: dict[int, dict[str, Entries]] = {}
    submitted: dict[int, date] = {}
    if role in NO_REPORTS:
        return reports, submitted
    years = list(calendar.report_years)
    if rng.random() < 0.35:
        years.insert(0, years[0] - 1)
    for year in years:
        items = report_items(rng, house, year)
        if role == "draft_report" and year == calendar.report_year:
            started = date(year + 1, 1, 20)
            partial = {code: items[code] for code in list(items)[:6]}
            b.add(who, started, FileReport(who, year, partial, None))
            break
        first, last = (8, 12) if role in CAST else (6, 28)
        day = date(year + 1, 1, rng.randint(first, last))
        if role not in CAST and rng.random() < 0.05:
            day = date(year + 1, 2, rng.randint(2, 12))  # a few report late
        if day > calendar.today:
            continue  # not yet: due 1月31日
        b.add(who, day, FileReport(who, year, items, day))
        reports[year], submitted[year] = items, day
    return reports, submitted


def _routine(
    b: PlanBuilder,
    rng: random.Random,
    who: int,
    role: str,
    values: Fields,
    person: SyntheticOfficial,
    dossier: Dossier,
) -> None:
    calendar = b.calendar
    if role == "left":
        appointed = date.fromisoformat(str(values["appointed_date"]))
        positions(b, rng, who, values, max(calendar.ago(100), appointed))
    elif role == "long_tenure" or rng.random() < 0.5:
        positions(b, rng, who, values)
    appraisals(b, rng, who, ("称职", "基本称职") if role == "weak_appraisal" else ())
    if values.get("is_leading"):
        pledges_and_reports(b, rng, who)
    appointed = date.fromisoformat(str(values["appointed_date"]))
    promoted = values.get("is_leading") and appointed >= calendar.ago(3 * 365)
    if role == "newcomer" or (promoted and rng.random() < 0.4):
        paper_reply(b, rng, who, appointed)
    by = dossier.talker
    if appointed >= calendar.ago(3 * 365):
        day = calendar.not_after_today(appointed + timedelta(days=rng.randint(2, 10)))
        talk(b, who, day, by, "廉政谈话", _ON_APPOINTMENT)
    if values.get("is_dual_role") and role not in ("village_head", "village_overdue"):
        talk(b, who, calendar.ago(rng.randint(30, 300)), by, "廉政谈话", _YEARLY)
    elif role not in CAST[:CANDIDATES] and rng.random() < 0.08:
        talk(b, who, calendar.ago(rng.randint(20, 500)), by, "提醒谈话", _REMINDER)
    if rng.random() < 0.3:
        gifts(b, rng, who)
    if rng.random() < 0.18:
        commendation(b, rng, who)
    own_meeting = role in ("rectify_soon", "rectified")
    if values.get("is_top_leader") and not own_meeting and rng.random() < 0.6:
        democratic_meeting(b, rng, who)
    major_matters(b, who, person, dossier.house)


def _born(person: SyntheticOfficial) -> int:
    return int(str(person.values["id_number"])[6:10])


def _cast(everyone: list[SyntheticOfficial]) -> dict[int, str]:
    """Each official's case by place; eleven years in one post needs someone born early
    enough, found among the background officials if the one in line is too young."""
    cast = dict(enumerate(CAST[: len(everyone)]))
    if len(everyone) > len(CAST) + NEWCOMERS:
        cast |= {len(everyone) - n: "newcomer" for n in range(1, NEWCOMERS + 1)}
    veteran = next((n for n, role in cast.items() if role == "long_tenure"), None)
    if veteran is not None and _born(everyone[veteran]) > _VETERAN_BORN:
        older = next(
            (n for n in range(len(everyone))
             if n not in cast and _born(everyone[n]) <= _VETERAN_BORN),
            None,
        )  # fmt: skip
        if older is not None:
            cast[older] = cast.pop(veteran)
    return cast


def demo_plan(people: Iterable[SyntheticOfficial], today: date, *, seed: int = 2026) -> DemoPlan:
    """Everything to file about ``people`` for a demo built on ``today``."""
    calendar = DemoCalendar(today)
    b = PlanBuilder(calendar)
    rng = random.Random(seed)
    everyone = list(people)
    cast = _cast(everyone)
    for who, person in enumerate(everyone):
        role = cast.get(who, "background")
        values = _profile(rng, person.values, role, calendar)
        house = _household(rng, person, values, role, calendar)
        filed = (
            calendar.ago(12)
            if role == "newcomer"
            else calendar.filed + timedelta(days=min(who // 12, 4))
        )
        if date.fromisoformat(str(values["appointed_date"])) > filed:
            # Filed with the post held then: nobody changes post in the demo's year.
            values["appointed_date"] = (filed - timedelta(days=rng.randint(30, 700))).isoformat()
        family = tuple(m.family_row(rng, today) for m in house.members)
        b.file(FileOfficial(who, values, family), filed)
        reports, submitted = _reports(b, rng, who, role, house)
        dossier = Dossier(who, str(values["unit"]), house, reports, submitted, talker(rng))
        _routine(b, rng, who, role, values, person, dossier)
        case = CASES.get(role)
        if case is not None:
            case(b, rng, dossier)
    vetting_letter(b, rng, tuple(n for n in range(CANDIDATES) if n < len(everyone)))
    return b.plan()

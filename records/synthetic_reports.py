"""Invented households and their personal-matters reports (2017 schema), for the demo.

A :class:`Household` is what an official's reports describe — marriage, family and their
work, passports and permits, flats, holdings, businesses — drawn once per official;
:func:`report_items` turns it into the 14 items of one year's report (trips and amounts
vary by year). Entries use the schema's field names; a family member's name is the same in
the family table and in every item, so the dossier reads as one person's.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from decimal import Decimal

from records.synthetic import synthetic_id_number, synthetic_name
from records.synthetic_plan import Entries, Fields

_ROADS = ("幸福路", "人民路", "滨河路", "文化路", "建设路", "府前街", "新华路", "青年路")
_TRIPS = (
    ("日本", "旅游"), ("泰国", "旅游"), ("新加坡", "探亲"), ("法国", "旅游"),
    ("澳大利亚", "看望在外读书的子女"), ("英国", "看望在外读书的子女"), ("韩国", "旅游"),
)  # fmt: skip
_HMT_TRIPS = (("香港", "旅游"), ("澳门", "旅游"), ("香港", "探亲"), ("台湾", "旅游"))
_WORK = (
    ("县第二中学", "教师", "事业单位"), ("县人民医院", "护士长", "事业单位"),
    ("县供电公司", "会计", "国有企业"), ("县农村信用合作联社", "柜员", "国有企业"),
    ("县自然资源局", "科员", "党政机关"), ("某商贸有限公司", "销售经理", "民营企业"),
    ("某建筑工程有限公司", "技术员", "民营企业"), ("某外资电子有限公司", "工程师", "外资企业"),
    ("县妇幼保健院", "医生", "事业单位"), ("某律师事务所", "律师", "自由职业"),
)  # fmt: skip
_HOLDINGS = (
    ("股票", "沪市A股(账户持仓合计)"), ("股票", "深市A股(账户持仓合计)"),
    ("基金", "偏股混合型基金"), ("基金", "债券型基金"), ("基金", "货币市场基金"),
    ("投资型保险", "分红型年金保险"), ("投资型保险", "万能型终身寿险"),
)  # fmt: skip
_SHOPS = (
    ("惠民副食店", "个体工商户", "食品、日用品零售"),
    ("晨光图文设计工作室", "个体工商户", "图文设计、打印复印"),
    ("绿源农业科技有限公司", "有限责任公司", "农业技术推广、农产品销售"),
    ("安康大药房", "个人独资企业", "药品零售"),
    ("鑫达汽车维修部", "个体工商户", "机动车维修"),
)  # fmt: skip
#: Annual salary (yuan) by the start of the rank's name.
_SALARY = {
    "正科": 138000, "副科": 121000, "一级": 108000, "二级": 99000, "企业正职": 216000,
    "企业副职": 172000, "村干部": 54000,
}  # fmt: skip
CUSTODY = "由组织部门集中保管"


@dataclass(frozen=True)
class Member:
    """A spouse or child as the family table and the reports name them."""

    relation: str  # 配偶 / 子女
    name: str
    gender: str
    birth: date
    employer: str = ""
    post: str = ""
    sector: str = ""
    abroad: str = ""  # the family table's 出国(境)情况
    abroad_since: date | None = None
    emigrated: bool = False

    def family_row(self, rng: random.Random, today: date) -> Fields:
        adult = (today - self.birth).days >= 18 * 366
        return {
            "relation": self.relation,
            "name": self.name,
            "birth_date": self.birth.isoformat(),
            "id_number": synthetic_id_number(rng, self.birth, self.gender) if adult else "",
            "employer": self.employer or ("" if adult else "在读"),
            "post": self.post,
            "political_status": "中共党员" if self.sector == "党政机关" else "群众",
            "abroad_status": self.abroad,
        }


@dataclass(frozen=True)
class Household:
    marital_status: str  # 已婚 / 离婚 / 丧偶
    members: tuple[Member, ...]
    county: str
    salary: int
    passport: tuple[str, date] | None = None
    permit: tuple[str, str, date] | None = None
    flats: Entries = ()
    holdings: tuple[tuple[str, str, str, int], ...] = ()  # owner, category, name, amount
    businesses: Entries = ()
    overseas: Entries = ()
    criminal: Entries = ()
    lectures: bool = False
    extra: dict[str, Entries] = field(default_factory=dict)

    @property
    def spouse(self) -> Member | None:
        return next((m for m in self.members if m.relation == "配偶"), None)

    @property
    def children(self) -> tuple[Member, ...]:
        return tuple(m for m in self.members if m.relation == "子女")


def _day(rng: random.Random, first_year: int, last_year: int) -> date:
    return date(rng.randint(first_year, last_year), rng.randint(1, 12), rng.randint(1, 28))


def _money(value: int | Decimal) -> str:
    return f"{Decimal(value).quantize(Decimal('0.01'))}"


def _flat(rng: random.Random, county: str, owner: str, use: str, area: int, year: int) -> Fields:
    building = (
        f"{rng.randint(1, 18)}栋{rng.randint(1, 3)}单元{rng.randint(1, 26)}0{rng.randint(1, 4)}"
    )
    address = f"{county}{rng.choice(_ROADS)}{rng.randint(1, 300)}号{building}"
    if use != "住宅":
        address += f"({use}{rng.randint(1, 400)}号)"
    price = area * rng.randint(35, 90) * 100 if use == "住宅" else rng.randint(60, 150) * 1000
    return {
        "owner": owner,
        "address": address,
        "use": use,
        "area": _money(area),
        "acquired_date": _day(rng, year, year).isoformat(),
        "price": _money(price),
        "source": "购买",
    }


def household(rng: random.Random, values: Fields, spouse_name: str, today: date) -> Household:
    """One official's household, consistent with their gender, age and rank."""
    id_number = str(values["id_number"])
    born = date(int(id_number[6:10]), int(id_number[10:12]), int(id_number[12:14]))
    gender = "男" if int(id_number[16]) % 2 else "女"
    status = rng.choices(("已婚", "离婚", "丧偶"), weights=(92, 6, 2))[0]
    members: list[Member] = []
    if status == "已婚":
        employer, post, sector = rng.choice(_WORK)
        spouse_birth = born + timedelta(days=rng.randint(-1500, 1500))
        members.append(
            Member(
                "配偶",
                spouse_name,
                "女" if gender == "男" else "男",
                spouse_birth,
                employer,
                post,
                sector,
            )
        )
    first_child = born + timedelta(days=rng.randint(24 * 365, 32 * 365))
    # Children carry their father's surname (the generator's given names, by gender).
    surname = str(values["name"])[0] if gender == "男" else spouse_name[0]
    genders = [rng.choice(("男", "女"))] + (["女"] if rng.random() < 0.2 else [])
    children = [(synthetic_name(rng, g), g) for g in genders]
    for n, (name, child_gender) in enumerate(children):
        child_birth = min(first_child + timedelta(days=n * rng.randint(700, 2000)), today)
        age = (today - child_birth).days // 365
        employer, post, sector = rng.choice(_WORK) if age >= 23 else ("", "", "")
        child = Member(
            "子女", surname + name[1:], child_gender, child_birth, employer, post, sector
        )
        members.append(child)
    county = str(values.get("unit", "青山县"))[:3]
    rank = str(values.get("rank", ""))
    salary = next((v for k, v in _SALARY.items() if rank.startswith(k)), 96000)
    salary += rng.randint(-6, 12) * 1000
    home = _flat(rng, county, "共同", "住宅", rng.randint(86, 146), rng.randint(2006, 2019))
    flats: list[Fields] = [home]
    if rng.random() < 0.45:
        flats.append(
            {
                **home,
                "use": "车位",
                "area": _money(rng.randint(12, 16)),
                "address": str(home["address"]) + "(地下车位)",
                "price": _money(rng.randint(8, 15) * 10000),
            }
        )
    if rng.random() < 0.3:
        second = _flat(
            rng,
            "江州市",
            rng.choice(("本人", "配偶")),
            "住宅",
            rng.randint(60, 120),
            rng.randint(2012, 2022),
        )
        flats.append(second if rng.random() < 0.7 else {**second, "source": "继承"})
    if rng.random() < 0.15:
        flats.append(_flat(rng, county, "共同", "储藏间", rng.randint(6, 12), 2015))
    holdings = tuple(
        (rng.choice(("本人", "配偶")), category, name, rng.randint(2, 60) * 5000)
        for category, name in rng.sample(_HOLDINGS, rng.choice((0, 0, 1, 1, 2, 3)))
    )
    businesses: tuple[Fields, ...] = ()
    spouse = next((m for m in members if m.relation == "配偶"), None)
    if spouse is not None and rng.random() < 0.12:
        shop, form, scope = rng.choice(_SHOPS)
        businesses = (
            {
                "owner": "配偶",
                "name": county + shop,
                "form": form,
                "role": "经营者",
                "capital": _money(rng.randint(3, 50) * 10000),
                "scope": scope,
            },
        )
    passport = None
    if rng.random() < 0.45:
        passport = (f"E{rng.randint(10**7, 10**8 - 1)}", _day(rng, 2016, 2022))
    permit = None
    if rng.random() < 0.55:
        permit = ("往来港澳通行证", f"C{rng.randint(10**7, 10**8 - 1)}", _day(rng, 2017, 2023))
    return Household(
        marital_status=status,
        members=tuple(members),
        county=county,
        salary=salary,
        passport=passport,
        permit=permit,
        flats=tuple(flats),
        holdings=holdings,
        businesses=businesses,
        lectures=rng.random() < 0.12,
    )


def with_child_abroad(house: Household, country: str, since: date, deposit: int) -> Household:
    """The first child has lived abroad a year or more (study), with a deposit there."""
    child = house.children[0]
    abroad = replace(
        child, employer="", post="", sector="", abroad=f"在{country}留学", abroad_since=since
    )
    members = tuple(abroad if m is child else m for m in house.members)
    overseas = (
        {
            "owner": "子女",
            "category": "存款",
            "country": country,
            "currency": "英镑",
            "institution": "当地银行",
            "amount": _money(deposit),
        },
    )
    return replace(house, members=members, overseas=overseas)


def with_spouse_emigrated(house: Household, country: str, since: date) -> Household:
    spouse = house.spouse
    if spouse is None:
        return house
    gone = replace(
        spouse,
        employer="",
        post="",
        sector="",
        abroad=f"已移居{country}",
        abroad_since=since,
        emigrated=True,
    )
    return replace(house, members=tuple(gone if m is spouse else m for m in house.members))


def with_spouse(
    house: Household, rng: random.Random, name: str, gender: str, birth: date
) -> Household:
    """Married (for the cases about a spouse), the spouse working."""
    if house.spouse is not None:
        return house
    employer, post, sector = rng.choice(_WORK)
    spouse = Member("配偶", name, gender, birth, employer, post, sector)
    return replace(house, marital_status="已婚", members=(spouse, *house.members))


def without_parking(house: Household) -> Household:
    return replace(house, flats=tuple(f for f in house.flats if f["use"] == "住宅"))


def with_foreign_marriage(house: Household, when: date) -> Household:
    """The first child married a foreign national (item 4: reported, not a bar)."""
    child = house.children[0]
    entry = {
        "child_name": child.name,
        "spouse_name": "Olivia Martin",
        "spouse_nationality": "加拿大",
        "spouse_employer": "某外资企业职员",
        "marriage_date": when.isoformat(),
    }
    return replace(house, extra={**house.extra, "child_foreign_marriage": (entry,)})


def with_criminal_case(house: Household, when: date) -> Household:
    child = house.children[0]
    case = {
        "person": child.name,
        "relation": "子女",
        "date": when.isoformat(),
        "authority": "县人民法院",
        "charge": "危险驾驶罪",
        "outcome": "判处拘役二个月,缓刑三个月",
    }
    return replace(house, criminal=(case,))


def _trip(rng: random.Random, year: int, places: tuple[tuple[str, str], ...]) -> Fields:
    start = date(year, rng.randint(1, 12), rng.randint(1, 20))
    destination, purpose = rng.choice(places)
    end = start + timedelta(days=rng.randint(3, 9))
    return {
        "kind": "trip",
        "start_date": start.isoformat(),
        "end_date": end.isoformat(),
        "destination": destination,
        "purpose": purpose,
    }


def report_items(rng: random.Random, house: Household, year: int) -> dict[str, Entries]:
    """The 14 items of the report on ``year``'s matters (``()``: 无此情况)."""
    spouse = house.spouse
    marriage: Fields = {"kind": "status", "status": house.marital_status}
    if spouse is not None:
        marriage = {**marriage, "spouse_name": spouse.name}
    travel: list[Fields] = []
    if house.passport is not None and house.passport[1].year <= year:
        number, issued = house.passport
        expiry = issued.replace(year=issued.year + 10) - timedelta(days=1)
        travel.append(
            {
                "kind": "passport",
                "number": number,
                "issued_date": issued.isoformat(),
                "expiry_date": expiry.isoformat(),
                "custody": CUSTODY,
            }
        )
        if rng.random() < 0.5:
            travel.append(_trip(rng, year, _TRIPS))
    hmt: list[Fields] = []
    if house.permit is not None and house.permit[2].year <= year:
        kind, number, issued = house.permit
        expiry = issued.replace(year=issued.year + 10) - timedelta(days=1)
        hmt.append(
            {
                "kind": "permit",
                "permit_kind": kind,
                "number": number,
                "issued_date": issued.isoformat(),
                "expiry_date": expiry.isoformat(),
                "custody": CUSTODY,
            }
        )
        if rng.random() < 0.4:
            hmt.append(_trip(rng, year, _HMT_TRIPS))
    emigration = tuple(
        {
            "person": m.name,
            "relation": m.relation,
            "country": m.abroad.removeprefix("已移居").removeprefix("在").removesuffix("留学"),
            "situation": "移居国(境)外" if m.emigrated else "连续在国(境)外工作生活一年以上",
            "since": m.abroad_since.isoformat(),
        }
        for m in house.members
        if m.abroad_since is not None and m.abroad_since.year < year
    )
    employment = tuple(
        {
            "person": m.name,
            "relation": m.relation,
            "employer": m.employer,
            "post": m.post,
            "sector": m.sector,
        }
        for m in house.members
        if m.employer
    )
    growth = Decimal(1) + Decimal(rng.randint(-8, 15)) / 100
    holdings = tuple(
        {
            "owner": owner,
            "category": category,
            "name": name,
            "amount": _money((Decimal(amount) * growth).quantize(Decimal(100))),
        }
        for owner, category, name, amount in house.holdings
    )
    lectures: Entries = ()
    if house.lectures:
        lectures = ({"source": "县委党校专题授课", "amount": _money(rng.randint(4, 16) * 200)},)
    items: dict[str, Entries] = {
        "marriage": (marriage,),
        "passport_private_travel": tuple(travel),
        "hk_macao_taiwan": tuple(hmt),
        "child_foreign_marriage": (),
        "child_hmt_marriage": (),
        "family_emigration": emigration,
        "family_employment": employment,
        "family_criminal": tuple(c for c in house.criminal if str(c["date"])[:4] <= str(year)),
        "salary": (
            {
                "amount": _money(house.salary + (year - 2020) * 2400),
                "note": "含基本工资、津贴补贴及年终绩效奖",
            },
        ),
        "service_income": lectures,
        "real_estate": tuple(f for f in house.flats if str(f["acquired_date"])[:4] <= str(year)),
        "securities": holdings,
        "business": house.businesses,
        "overseas_assets": house.overseas,
    }
    items.update(house.extra)
    return items


# ---- what a check finds (查核) ---------------------------------------------------------------


def concealed_flat(rng: random.Random, house: Household, year: int) -> Fields:
    """A flat the official never reported (瞒报): bought by the spouse in another county."""
    return _flat(rng, "临河县", "配偶", "住宅", rng.randint(96, 132), year - 1)


def understated_premises(declared: Entries) -> Entries:
    """The verified 房产 where the home is larger than reported and its parking space was
    left out (漏报 twice)."""
    home = declared[0]
    bigger = {**home, "area": _money(Decimal(str(home["area"])) + Decimal("12.4"))}
    space = {
        **home,
        "use": "车位",
        "area": _money(14),
        "price": _money(120000),
        "address": str(home["address"]) + "(地下车位)",
    }
    rest = tuple(f for f in declared[1:] if f.get("use") != "车位")
    return (bigger, space, *rest)

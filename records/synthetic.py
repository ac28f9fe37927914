"""Synthetic officials for the demo vault, tests and benchmarks. Every person is invented.

Deterministic for a given seed, so benchmark figures and screenshots are reproducible.
ID numbers are valid (GB 11643 check digit) but use invented sequence numbers.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from records.id_number import check_character

_SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏"
    "魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵"
)
# Given-name characters by the gender the ID number encodes, so names read plausibly.
_GIVEN = {
    "男": "伟强磊军洋勇杰涛明超平刚华鹏辉建国志文海波宁浩宇思远峰斌",
    "女": "芳娜敏静丽艳娟秀霞桂英玉兰萍红晨欣怡涵雪婷颖佳慧琳",
}
_AREAS = ("110105", "310104", "440305", "510107", "330106", "420106", "320102", "370102", "610113")
_COUNTIES = ("青山县", "临河县", "松林县", "白水县", "安平县", "东城区", "西湖区", "南岭县")
_DEPARTMENTS = (
    "财政局", "教育局", "自然资源局", "住房和城乡建设局", "交通运输局", "卫生健康局", "审计局",
    "市场监督管理局", "发展和改革局", "水利局", "农业农村局", "人民政府办公室",
)  # fmt: skip
_POSTS = (
    ("局长", "正科级"), ("副局长", "副科级"), ("党组书记", "正科级"), ("党组成员", "副科级"),
    ("办公室主任", "一级主任科员"), ("科长", "一级主任科员"), ("副科长", "二级主任科员"),
)  # fmt: skip
_ETHNICITIES = ("汉族",) * 9 + ("回族", "满族", "壮族")
_EDUCATION = ("大学本科", "硕士研究生", "大学专科", "博士研究生")
_POLITICAL = ("中共党员",) * 8 + ("群众", "民盟盟员")
_MATTERS = (
    ("操办婚礼", "本人子女结婚,宴请亲友约{n}桌,收受礼金已按规定登记。"),
    ("因私出国(境)", "赴新加坡探亲,{n}日,证照由组织部门集中保管,按期交回。"),
    ("操办丧事", "父亲病故,丧事从简,宴请{n}桌,未收受管理服务对象礼金。"),
    ("配偶从业变化", "配偶调入本县某国有企业从事财务工作,任职{n}个月。"),
)


@dataclass(frozen=True)
class SyntheticMatter:
    record_date: date
    title: str
    detail: str


@dataclass(frozen=True)
class SyntheticOfficial:
    values: dict[str, object]
    spouse_name: str
    child_name: str
    matters: tuple[SyntheticMatter, ...]


def synthetic_id_number(rng: random.Random, birth: date, gender: str) -> str:
    sequence = rng.randrange(0, 500) * 2 + (1 if gender == "男" else 0)
    first17 = f"{rng.choice(_AREAS)}{birth:%Y%m%d}{sequence:03d}"
    return first17 + check_character(first17)


def synthetic_name(rng: random.Random, gender: str) -> str:
    given = _GIVEN[gender]
    return rng.choice(_SURNAMES) + "".join(rng.choice(given) for _ in range(rng.choice((1, 2))))


def synthetic_officials(
    count: int, *, seed: int = 2026, today: date
) -> Iterator[SyntheticOfficial]:
    """``count`` invented officials with unique ID numbers."""
    rng = random.Random(seed)
    seen: set[str] = set()
    produced = 0
    while produced < count:
        gender = rng.choice(("男", "男", "女"))
        birth = date(rng.randint(1966, 1992), rng.randint(1, 12), rng.randint(1, 28))
        id_number = synthetic_id_number(rng, birth, gender)
        if id_number in seen:
            continue
        seen.add(id_number)
        position, rank = rng.choice(_POSTS)
        appointed = today - timedelta(days=rng.randint(60, 3000))
        political = rng.choice(_POLITICAL)
        values: dict[str, object] = {
            "name": synthetic_name(rng, gender),
            "id_number": id_number,
            "ethnicity": rng.choice(_ETHNICITIES),
            "native_place": rng.choice(_COUNTIES),
            "upbringing_place": rng.choice(_COUNTIES),
            "political_status": political,
            "party_join_date": (
                date(birth.year + rng.randint(20, 30), rng.randint(1, 12), 1).isoformat()
                if political == "中共党员"
                else None
            ),
            "education": rng.choice(_EDUCATION),
            "unit": rng.choice(_COUNTIES) + rng.choice(_DEPARTMENTS),
            "position": position,
            "rank": rank,
            "appointed_date": max(appointed, birth + timedelta(days=366 * 22)).isoformat(),
            "management_level": rng.choice(("县委管理", "县委组织部管理", "市委管理")),
            "category": str(rng.choice((1, 1, 1, 3, 4))),
            "is_leading": position in ("局长", "副局长", "党组书记", "党组成员"),
            "is_reserve": rng.random() < 0.15,
            "is_top_leader": position in ("局长", "党组书记"),
            "is_dual_role": rng.random() < 0.05,
        }
        matters = tuple(
            SyntheticMatter(
                today - timedelta(days=rng.randint(5, 900)),
                title,
                detail.format(n=rng.randint(3, 15)),
            )
            for title, detail in rng.sample(_MATTERS, rng.randint(0, 3))
        )
        spouse = synthetic_name(rng, "女" if gender == "男" else "男")
        child = synthetic_name(rng, rng.choice(("男", "女")))
        yield SyntheticOfficial(values, spouse, child, matters)
        produced += 1

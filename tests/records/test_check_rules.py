"""一致 / 漏报 / 瞒报: every case of DOMAIN.md §4 (查核结果处理办法 2017 Arts. 3–4), as a table.

Each row: the item, what the official declared, what the check verified, the expected
finding and a fragment of the reason. Entries are in the report schema's structure (as the
service stores them after validation).
"""

from __future__ import annotations

from typing import Any

import pytest

from records.check_rules import RULES, Finding, classify, general_rule, norm, worst
from records.report_schema import load_schema

E = dict[str, Any]

OK, LOU, MAN = Finding.CONSISTENT, Finding.UNDER_REPORTED, Finding.CONCEALED

MARRIED: E = {"status": "已婚", "spouse_name": "林静"}
PASSPORT: E = {"kind": "passport", "number": "E12345678", "issued_date": "2019-03-01"}
TRIP: E = {"kind": "trip", "start_date": "2025-07-01", "end_date": "2025-07-08",
           "destination": "新加坡"}  # fmt: skip
HK_PERMIT: E = {"kind": "permit", "permit_kind": "往来港澳通行证", "number": "C1234567",
                "issued_date": "2018-05-01"}  # fmt: skip
TW_PERMIT: E = {**HK_PERMIT, "permit_kind": "往来台湾通行证", "number": "T7654321"}
HK_TRIP: E = {"kind": "trip", "start_date": "2025-02-01", "end_date": "2025-02-04",
              "destination": "香港"}  # fmt: skip
FOREIGN_MARRIAGE: E = {"child_name": "欧阳小明", "spouse_name": "John Smith",
                       "spouse_nationality": "美国"}  # fmt: skip
HMT_MARRIAGE: E = {"child_name": "欧阳小红", "spouse_name": "陈大文", "spouse_region": "香港"}
EMIGRATED: E = {"person": "欧阳小明", "relation": "子女", "situation": "移居国(境)外",
                "country": "加拿大"}  # fmt: skip
ABROAD_YEAR: E = {**EMIGRATED, "situation": "连续在国(境)外工作生活一年以上"}
JOB: E = {"person": "林静", "relation": "配偶", "employer": "青山县第一中学"}
CASE: E = {"person": "欧阳小明", "relation": "子女", "date": "2024-03-01", "charge": "危险驾驶罪"}
FLAT: E = {"owner": "共同", "address": "青山县幸福路8号3栋501室", "use": "住宅", "area": "120.50"}
FLAT2: E = {**FLAT, "address": "青山县和平路2号1201室", "area": "89.00"}
GARAGE: E = {"owner": "本人", "address": "青山县幸福路8号地下车库", "use": "车库", "area": "30.00"}
PARKING: E = {**GARAGE, "use": "车位", "area": "12.50"}
STORAGE: E = {**FLAT, "use": "储藏间", "area": "6.00"}
SHARES: E = {"owner": "配偶", "category": "股票", "name": "600519", "amount": "150000.00"}
FUND: E = {"owner": "本人", "category": "基金", "name": "华夏成长", "amount": "20000.00"}
INSURANCE: E = {"owner": "本人", "category": "投资型保险", "name": "平安万能险",
                "amount": "50000.00"}  # fmt: skip
SHOP: E = {"owner": "配偶", "name": "青山县静好商贸有限公司", "form": "有限责任公司",
           "capital": "500000.00"}  # fmt: skip
SHOP2: E = {**SHOP, "name": "青山县小明奶茶店", "form": "个体工商户", "capital": "80000.00"}


def more(entry: E, **changes: object) -> E:
    return {**entry, **changes}


CASES: list[tuple[str, str, list[E], list[E], Finding, str]] = [
    # ---- 一致 ------------------------------------------------------------------------------
    ("same facts", "real_estate", [FLAT, GARAGE], [FLAT, GARAGE], OK, "一致"),
    ("over-reporting is no finding", "real_estate", [FLAT, FLAT2], [FLAT], OK, "一致"),
    ("spacing and full-width digits do not matter", "real_estate",
     [more(FLAT, address="青山县 幸福路８号3栋501室")], [FLAT], OK, "一致"),
    ("nothing declared, nothing verified", "business", [], [], OK, "一致"),
    ("same marriage", "marriage", [MARRIED], [MARRIED], OK, "一致"),
    ("larger declared amount", "securities", [more(SHARES, amount="160000.00")], [SHARES],
     OK, "一致"),
    # ---- 漏报 (reported, but less than verified) ------------------------------------------
    ("HK/Macao permit missing", "hk_macao_taiwan", [], [HK_PERMIT], LOU, "港澳台通行证1本"),
    ("Taiwan permit missing beside a reported one", "hk_macao_taiwan", [HK_PERMIT],
     [HK_PERMIT, TW_PERMIT], LOU, "T7654321"),
    ("HK/Macao/Taiwan trip missing", "hk_macao_taiwan", [HK_PERMIT], [HK_PERMIT, HK_TRIP],
     LOU, "因私往来港澳台1次"),
    ("area under-reported", "real_estate", [more(FLAT, area="100.00")], [FLAT], LOU,
     "房产面积少报"),
    ("garage missing", "real_estate", [FLAT], [FLAT, GARAGE], LOU, "车库、车位或储藏间1处"),
    ("parking space missing", "real_estate", [FLAT], [FLAT, PARKING], LOU, "车库、车位或储藏间"),
    ("storage room missing at the flat's address", "real_estate", [FLAT], [FLAT, STORAGE], LOU,
     "车库、车位或储藏间1处"),
    ("garage area under-reported", "real_estate", [FLAT, more(GARAGE, area="20.00")],
     [FLAT, GARAGE], LOU, "车库、车位或储藏间面积少报"),
    ("share amount under-reported", "securities", [more(SHARES, amount="100000")], [SHARES],
     LOU, "金额少报"),
    ("fund amount under-reported", "securities", [more(FUND, amount="1")], [FUND], LOU,
     "报告1.00,查实20000.00"),
    ("insurance amount under-reported", "securities", [more(INSURANCE, amount="100")],
     [INSURANCE], LOU, "金额少报"),
    ("business investment under-reported", "business", [more(SHOP, capital="100000")], [SHOP],
     LOU, "出资额少报"),
    # ---- 瞒报 (not reported at all) --------------------------------------------------------
    ("marriage not reported", "marriage", [{"status": "未婚"}], [MARRIED], MAN,
     "报告为未婚,查实为已婚"),
    ("divorce not reported", "marriage", [MARRIED], [{"status": "离婚"}], MAN, "查实为离婚"),
    ("remarriage not reported", "marriage", [MARRIED], [more(MARRIED, spouse_name="王芳")],
     MAN, "配偶报告为林静"),
    ("passport not reported", "passport_private_travel", [], [PASSPORT], MAN, "普通护照1本"),
    ("private trip abroad not reported", "passport_private_travel", [PASSPORT],
     [PASSPORT, TRIP], MAN, "因私出国1次(2025-07-01)"),
    ("child's foreign marriage not reported", "child_foreign_marriage", [], [FOREIGN_MARRIAGE],
     MAN, "子女与外国人"),
    ("child's HK/Macao/Taiwan marriage not reported", "child_hmt_marriage", [], [HMT_MARRIAGE],
     MAN, "港澳台居民通婚1起"),
    ("emigration not reported", "family_emigration", [], [EMIGRATED], MAN, "移居"),
    ("a year abroad not reported", "family_emigration", [], [ABROAD_YEAR], MAN, "一年以上"),
    ("emigration reported as a year abroad", "family_emigration", [ABROAD_YEAR], [EMIGRATED],
     MAN, "移居国(境)外"),
    ("employment not reported", "family_employment", [], [JOB], MAN, "青山县第一中学"),
    ("criminal liability not reported", "family_criminal", [], [CASE], MAN, "刑事责任1起"),
    ("the one flat not reported", "real_estate", [], [FLAT], MAN, "未报告房产1套"),
    ("one of two flats not reported", "real_estate", [FLAT], [FLAT, FLAT2], MAN,
     "和平路2号1201室"),
    ("two flats not reported", "real_estate", [], [FLAT, FLAT2], MAN, "未报告房产1套"),
    ("shares not reported", "securities", [], [SHARES], MAN, "600519"),
    ("a fund not reported beside reported shares", "securities", [SHARES], [SHARES, FUND], MAN,
     "华夏成长"),
    ("investment insurance not reported", "securities", [FUND], [FUND, INSURANCE], MAN,
     "平安万能险"),
    ("the one business not reported", "business", [], [SHOP], MAN, "经商办企业1个"),
    ("one of two businesses not reported", "business", [SHOP], [SHOP, SHOP2], MAN, "奶茶店"),
    # ---- the worst part wins, every reason kept -------------------------------------------
    ("flat concealed and garage missing", "real_estate", [FLAT], [FLAT, FLAT2, GARAGE], MAN,
     "车库"),
    ("holding concealed and another under-reported", "securities",
     [more(SHARES, amount="1")], [SHARES, FUND], MAN, "金额少报"),
    # ---- items the articles do not name: the general definitions ---------------------------
    ("salary under-reported", "salary", [{"amount": "150000.00"}], [{"amount": "186000.00"}],
     LOU, "金额少报"),
    ("assets abroad not reported", "overseas_assets", [],
     [{"owner": "本人", "category": "存款", "country": "新加坡", "amount": "10000.00"}], MAN,
     "未报告"),
    ("service income: an entry missing", "service_income", [{"source": "讲课", "amount": "1"}],
     [{"source": "讲课", "amount": "1"}, {"source": "审稿", "amount": "2"}], LOU, "报告1项"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("item", "declared", "verified", "finding", "reason"),
    [pytest.param(*case[1:], id=case[0]) for case in CASES],
)
def test_classification(
    item: str, declared: list[E], verified: list[E], finding: Finding, reason: str
) -> None:
    got, why = classify(item, declared, verified)
    assert got is finding, why
    assert reason in why


def test_finding_values_and_order() -> None:
    assert [f.value for f in Finding] == ["一致", "漏报", "瞒报"]
    assert [f.label_en for f in Finding] == ["consistent", "under-reported", "concealed"]
    assert worst([(OK, "a"), (LOU, "b"), (MAN, "c"), (LOU, "d")]) == (MAN, "b;c;d")
    assert worst([]) == (OK, "报告与查实情况一致")


def test_every_item_of_the_2017_schema_has_a_rule() -> None:
    codes = set(load_schema("2017").codes)
    named = set(RULES)
    assert named <= codes
    # Only the three items the articles do not name fall back to the general rule.
    assert codes - named == {"salary", "service_income", "overseas_assets"}
    assert classify("an_item_of_2030", [], [{"amount": "1"}])[0] is MAN
    assert classify("an_item_of_2030", [], []) == general_rule([], [])


def test_norm_folds_width_case_and_spaces() -> None:
    assert norm(" 幸福路８号 Ａ座 ") == norm("幸福路8号a座")
    assert norm(None) == ""

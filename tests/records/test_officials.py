"""OfficialService: filing officials and family members, searching, reading dossiers."""

from __future__ import annotations

from datetime import date

import pytest

from records import audit
from records.errors import NotFoundError, ValidationError
from records.id_number import check_character
from records.model import OfficialStatus
from records.services.officials import OfficialService
from records.services.users import UserService
from records.session import Session
from tests.records.support import (
    ADMIN,
    ID_FEMALE,
    ID_MALE,
    NOW,
    OFFICIAL_NAME,
    OFFICIAL_UNIT,
    PASSWORDS,
    Opener,
    audit_rows,
    business_snapshot,
    make_id,
    official_values,
)


@pytest.fixture
def clerk(open_vault: Opener) -> Session:
    UserService(open_vault(ADMIN)).add("clerk1", "clerk", PASSWORDS["clerk1"])
    return open_vault("clerk1")


def x_id_number() -> str:
    for sequence in range(1, 1000):
        first17 = f"44030519850704{sequence:03d}"
        if check_character(first17) == "X":
            return first17 + "X"
    raise AssertionError("no X check character found")


# ---- add ----------------------------------------------------------------------------------


def test_add_derives_gender_and_birth_date_and_audits(clerk: Session) -> None:
    official = OfficialService(clerk).add(official_values())
    assert official.id > 0
    assert official.name == OFFICIAL_NAME
    assert official.id_number == ID_MALE
    assert official.gender == "男"
    assert official.birth_date == date(1980, 3, 15)
    assert (official.unit, official.position, official.rank) == (OFFICIAL_UNIT, "局长", "正科级")
    assert official.status is OfficialStatus.SERVING
    assert official.party_join_date is None
    assert official.category is None
    assert official.created_at == NOW
    created_by = clerk.conn.execute(
        "SELECT created_by FROM officials WHERE id = ?", (official.id,)
    ).fetchone()[0]
    assert created_by == "clerk1"
    last = audit.entries(clerk.conn)[-1]
    assert (last.action, last.object, last.outcome, last.user_name, last.role) == (
        "official.add",
        f"official:{official.id}",
        "ok",
        "clerk1",
        "clerk",
    )
    assert last.at == NOW


def test_add_with_every_field(clerk: Session) -> None:
    official = OfficialService(clerk).add(
        official_values(
            id_number=ID_FEMALE,
            name="  林晓燕 ",
            gender="女",
            birth_date="1975-11-02",
            ethnicity="回族",
            native_place="松林县",
            upbringing_place="白水县",
            political_status="中共党员",
            party_join_date="1998-07-01",
            education="硕士研究生",
            appointed_date=date(2024, 1, 15),
            management_level="县委管理",
            category="3",
            is_leading="是",
            is_reserve="no",
            is_top_leader=True,
            is_dual_role="1",
            status="retired",
        )
    )
    assert official.name == "林晓燕"
    assert (official.gender, official.birth_date) == ("女", date(1975, 11, 2))
    assert official.party_join_date == date(1998, 7, 1)
    assert official.appointed_date == date(2024, 1, 15)
    assert official.category == 3
    assert (official.is_leading, official.is_reserve) == (True, False)
    assert (official.is_top_leader, official.is_dual_role) == (True, True)
    assert official.status is OfficialStatus.RETIRED
    assert (official.ethnicity, official.education) == ("回族", "硕士研究生")


def test_lower_case_x_is_stored_upper_case(clerk: Session) -> None:
    number = x_id_number()
    official = OfficialService(clerk).add(official_values(id_number=number.lower()))
    assert official.id_number == number


# ---- validation ---------------------------------------------------------------------------

WRONG_CHECK = ID_MALE[:17] + ("1" if ID_MALE[17] != "1" else "2")
FEB_30 = "11010519800230001" + check_character("11010519800230001")
BORN_TOMORROW = make_id("11010520261123001")

VALIDATION_CASES: list[tuple[dict[str, object], str, str]] = [
    (official_values(id_number=WRONG_CHECK), "id_number", "校验位"),
    (official_values(id_number=FEB_30), "id_number", "出生日期"),
    (official_values(id_number=BORN_TOMORROW), "id_number", "出生日期"),
    (official_values(id_number="1101051980031500"), "id_number", "18"),
    (official_values(id_number="ABCDEFGHIJKLMNOPQR"), "id_number", "数字"),
    (official_values(birth_date="1980-03-16"), "birth_date", "不符"),
    (official_values(birth_date="15/03/1980"), "birth_date", "YYYY-MM-DD"),
    (official_values(gender="女"), "gender", "不符"),
    (official_values(gender="M"), "gender", "男、女"),
    (official_values(name=None), "name", "不能为空"),
    (official_values(name="   "), "name", "不能为空"),
    (official_values(id_number=None), "id_number", "不能为空"),
    (official_values(unit=None), "unit", "不能为空"),
    (official_values(position=""), "position", "不能为空"),
    (official_values(rank=None), "rank", "不能为空"),
    (official_values(name="名" * 51), "name", "50"),
    (official_values(unit="x\x00y"), "unit", "非法字符"),
    (official_values(nickname="老欧"), "nickname", "不是人员信息字段"),
    (official_values(party_join_date="1979-01-01"), "party_join_date", "晚于出生日期"),
    (official_values(party_join_date="1980-03-15"), "party_join_date", "晚于出生日期"),
    (official_values(party_join_date="2026-11-23"), "party_join_date", "不晚于今天"),
    (official_values(appointed_date="2027-01-01"), "appointed_date", "不晚于今天"),
    (official_values(category="7"), "category", "应为以下之一"),
    (official_values(status="dead"), "status", "应为以下之一"),
    (official_values(is_leading="maybe"), "is_leading", "是"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("values", "field", "reason"),
    VALIDATION_CASES,
    ids=[f"{field}-{i}" for i, (_, field, _) in enumerate(VALIDATION_CASES)],
)
def test_validation_names_the_field_and_changes_nothing(
    clerk: Session, values: dict[str, object], field: str, reason: str
) -> None:
    officials = OfficialService(clerk)
    officials.add(official_values(id_number=ID_FEMALE, name="已有档案"))  # not empty before
    before, trail = business_snapshot(clerk.conn), audit_rows(clerk.conn)
    with pytest.raises(ValidationError) as caught:
        officials.add(values)
    assert caught.value.field == field
    assert reason in caught.value.zh
    assert caught.value.en.startswith(f"{field}: ")
    assert business_snapshot(clerk.conn) == before
    assert audit_rows(clerk.conn) == trail


def test_party_join_date_on_the_day_after_birth_and_today_are_fine(clerk: Session) -> None:
    officials = OfficialService(clerk)
    a = officials.add(official_values(party_join_date="1980-03-16"))
    b = officials.add(official_values(id_number=ID_FEMALE, party_join_date=NOW.date()))
    assert a.party_join_date == date(1980, 3, 16)
    assert b.party_join_date == NOW.date()


def test_duplicate_id_number(clerk: Session) -> None:
    officials = OfficialService(clerk)
    number = x_id_number()
    officials.add(official_values(id_number=number))
    before, trail = business_snapshot(clerk.conn), audit_rows(clerk.conn)
    for spelling in (number, number.lower(), f" {number} "):
        with pytest.raises(ValidationError) as caught:
            officials.add(official_values(id_number=spelling, name="另一个人"))
        assert caught.value.field == "id_number"
        assert "已建档" in caught.value.zh
    assert business_snapshot(clerk.conn) == before
    assert audit_rows(clerk.conn) == trail


# ---- list and search ----------------------------------------------------------------------


@pytest.fixture
def three(clerk: Session) -> Session:
    officials = OfficialService(clerk)
    officials.add(official_values())  # 欧阳明远, 青山县财政局, 局长, 110105...
    officials.add(
        official_values(name="林晓燕", id_number=ID_FEMALE, unit="临河县审计局", position="副局长")
    )
    officials.add(
        official_values(
            name="欧阳丽",
            id_number=make_id("51010719900808002"),
            unit="青山县教育局",
            position="科长",
            rank="一级主任科员",
        )
    )
    return clerk


@pytest.mark.parametrize(
    ("search", "names"),
    [
        ("", ["林晓燕", "欧阳丽", "欧阳明远"]),
        ("  ", ["林晓燕", "欧阳丽", "欧阳明远"]),
        ("欧阳", ["欧阳丽", "欧阳明远"]),
        ("阳明", ["欧阳明远"]),  # a 2-character substring inside the name
        ("晓", ["林晓燕"]),  # a single character
        ("青山县", ["欧阳丽", "欧阳明远"]),  # unit
        ("审计局", ["林晓燕"]),
        ("副局长", ["林晓燕"]),  # position
        ("110105", ["欧阳明远"]),  # ID prefix
        ("5101071990", ["欧阳丽"]),
        (ID_FEMALE, ["林晓燕"]),
        ("19800315", []),  # the ID matches by prefix only
        ("%", []),  # LIKE wildcards are taken literally
        ("_", []),
        ("张三", []),
    ],
)
def test_search(three: Session, search: str, names: list[str]) -> None:
    assert [o.name for o in OfficialService(three).list(search)] == names


def test_list_limit(three: Session) -> None:
    assert len(OfficialService(three).list(limit=2)) == 2


# ---- dossier --------------------------------------------------------------------------------


def test_reading_a_dossier_is_audited(three: Session) -> None:
    officials = OfficialService(three)
    target = officials.list("林晓燕")[0]
    before = audit_rows(three.conn)
    dossier = officials.dossier(target.id)
    assert dossier.official == target
    assert dossier.family == ()
    assert dossier.records == ()
    after = audit_rows(three.conn)
    assert after[:-1] == before
    assert after[-1] == (
        before[-1][0] + 1,
        "clerk1",
        "clerk",
        "official.read",
        f"official:{target.id}",
        "ok",
        "",
    )
    assert three.verify_audit_chain().ok
    officials.dossier(target.id)
    assert len(audit_rows(three.conn)) == len(after) + 1  # every read, not only the first


def test_listing_is_not_a_dossier_read(three: Session) -> None:
    before = audit_rows(three.conn)
    OfficialService(three).list("欧阳")
    assert audit_rows(three.conn) == before


def test_reading_an_unknown_official(three: Session) -> None:
    before, trail = business_snapshot(three.conn), audit_rows(three.conn)
    with pytest.raises(NotFoundError):
        OfficialService(three).dossier(999)
    assert business_snapshot(three.conn) == before
    assert audit_rows(three.conn) == trail


# ---- family members ---------------------------------------------------------------------------


def test_add_family_members(clerk: Session) -> None:
    officials = OfficialService(clerk)
    official = officials.add(official_values())
    spouse_id = make_id("11010519820601002")
    spouse = officials.add_family_member(
        official.id,
        {
            "relation": "妻子",
            "name": "林静",
            "birth_date": "1982-06-01",
            "id_number": spouse_id[:17] + spouse_id[17].lower(),
            "employer": "青山县人民医院",
            "post": "护士长",
            "political_status": "群众",
            "abroad_status": "无",
        },
    )
    child = officials.add_family_member(official.id, {"relation": "儿子", "name": "欧阳小明"})
    assert spouse.official_id == official.id
    assert (spouse.relation, spouse.name, spouse.birth_date) == ("妻子", "林静", date(1982, 6, 1))
    assert spouse.id_number == spouse_id
    assert (spouse.employer, spouse.post) == ("青山县人民医院", "护士长")
    assert (child.birth_date, child.id_number, child.employer) == (None, "", "")
    dossier = officials.dossier(official.id)
    assert dossier.family == (spouse, child)
    adds = [e for e in audit.entries(clerk.conn) if e.action == "family.add"]
    assert [(e.object, e.detail) for e in adds] == [
        (f"official:{official.id}", f"member:{spouse.id}"),
        (f"official:{official.id}", f"member:{child.id}"),
    ]


@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({"name": "林静"}, "relation"),
        ({"relation": "妻子"}, "name"),
        ({"relation": "妻子", "name": "林静", "id_number": "123"}, "id_number"),
        ({"relation": "妻子", "name": "林静", "birth_date": "1982-02-30"}, "birth_date"),
        ({"relation": "妻子", "name": "林静", "salary": "100"}, "salary"),
    ],
)
def test_family_member_validation_changes_nothing(
    clerk: Session, values: dict[str, object], field: str
) -> None:
    officials = OfficialService(clerk)
    official = officials.add(official_values())
    before, trail = business_snapshot(clerk.conn), audit_rows(clerk.conn)
    with pytest.raises(ValidationError) as caught:
        officials.add_family_member(official.id, values)
    assert caught.value.field == field
    assert business_snapshot(clerk.conn) == before
    assert audit_rows(clerk.conn) == trail


def test_family_member_of_an_unknown_official(clerk: Session) -> None:
    before = business_snapshot(clerk.conn)
    with pytest.raises(NotFoundError):
        OfficialService(clerk).add_family_member(42, {"relation": "妻子", "name": "林静"})
    assert business_snapshot(clerk.conn) == before


def test_by_ids_lists_in_the_given_order_unaudited(clerk: Session) -> None:
    service = OfficialService(clerk)
    first = service.add(official_values()).id
    second = service.add(official_values(name="林晓燕", id_number=ID_FEMALE)).id
    trail = audit_rows(clerk.conn)
    assert [o.id for o in service.by_ids([second, first])] == [second, first]
    assert service.by_ids([]) == []
    assert audit_rows(clerk.conn) == trail  # a listing, like search
    with pytest.raises(NotFoundError):
        service.by_ids([first, 999])

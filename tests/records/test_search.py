"""Search as you type: name, pinyin, initials, ID prefix, unit, position; filters; sort.

One vault with 300 synthetic officials and a few hand-made ones is shared by the module
(filled through the real services); tests that write use their own copy.
"""

from __future__ import annotations

import random
import shutil
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from crypto.kdf import FAST_COST
from records import search
from records.errors import PermissionDeniedError, ValidationError
from records.model import Official
from records.pinyin_keys import name_keys
from records.search import OfficialQuery, search_officials
from records.search_text import parse_search_text
from records.services.dossier_records import RecordService
from records.services.officials import OfficialService
from records.services.users import UserService
from records.session import Session
from records.synthetic import synthetic_officials
from records.vault import create_vault, unlock_vault
from tests.records.support import ADMIN, PASSWORDS, TODAY, fixed_clock, make_id

CLERK = "clerk1"
SYNTHETIC = 300
#: Hand-made officials: name → (ID first 17, unit, position, extra values).
PEOPLE: dict[str, tuple[str, str, str, dict[str, object]]] = {
    "张三": ("35020319850101001", "北塔镇审计所", "科长", {"category": "3", "rank": "正科级"}),
    "单军": ("35020319860202003", "北塔镇审计所", "副科长", {"is_reserve": True}),
    "曾国藩": ("35020319870303005", "西岭乡统计站", "站长", {"is_top_leader": True}),
    "欧阳明远": ("35020319880404007", "北塔镇统计站办公室", "主任", {}),
    "李张三": ("35020319890505009", "南岭县档案馆", "馆长", {"appointed_date": "2020-01-01"}),
}


def _unlock(path: Path, user: str = CLERK) -> Session:
    return unlock_vault(path, user, PASSWORDS[user], clock=fixed_clock)


@pytest.fixture(scope="module")
def search_vault(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("search") / "vault"
    with create_vault(path, ADMIN, PASSWORDS[ADMIN], kdf_cost=FAST_COST, clock=fixed_clock) as s:
        UserService(s).add(CLERK, "clerk", PASSWORDS[CLERK])
        UserService(s).add("vet1", "vetting", PASSWORDS["vet1"])
        UserService(s).add("aud1", "auditor", PASSWORDS["aud1"])
    with _unlock(path) as session:
        service = OfficialService(session)
        for person in synthetic_officials(SYNTHETIC, seed=11, today=TODAY):
            service.add(person.values)
        for name, (first17, unit, position, extra) in PEOPLE.items():
            values: dict[str, object] = {"name": name, "id_number": make_id(first17)}
            values |= {"unit": unit, "position": position, "rank": "一级主任科员"} | extra
            service.add(values)
    return path


@pytest.fixture(scope="module")
def session(search_vault: Path) -> Iterator[Session]:
    with _unlock(search_vault) as opened:
        yield opened


@pytest.fixture
def own_vault(search_vault: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "vault"
    shutil.copytree(search_vault, copy)
    return copy


def everyone(session: Session) -> list[Official]:
    return search_officials(session.conn, OfficialQuery(limit=100_000), TODAY)


def names(officials: list[Official]) -> set[str]:
    return {o.name for o in officials}


def find(session: Session, text: str = "", **kw: object) -> list[Official]:
    kw.setdefault("limit", 100_000)
    return OfficialService(session).search(OfficialQuery(text=text, **kw))  # type: ignore[arg-type]


# ---- pinyin keys ---------------------------------------------------------------------------


def test_pinyin_keys_read_surnames_as_surnames_and_keep_other_readings() -> None:
    assert name_keys("张三") == name_keys(" 张三 ")
    assert (name_keys("张三").pinyin, name_keys("张三").initials) == ("zhangsan", "zs")
    assert name_keys("单军").pinyin.split()[:2] == ["shanjun", "danjun"]
    assert name_keys("单军").initials.split()[:2] == ["sj", "dj"]
    assert name_keys("曾国藩").pinyin == "zengguofan cengguofan"
    assert name_keys("尉迟恭").pinyin == "yuchigong"
    assert name_keys("欧阳明远").initials == "oymy"
    assert name_keys("·").pinyin  # never empty: empty means "not filled yet"


# ---- text ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("zhangsan", {"张三"}),
        ("zhang san", {"张三"}),
        ("ZS", {"张三"}),
        ("shanjun", {"单军"}),
        ("danjun", {"单军"}),  # the other reading of 单
        ("dj", {"单军"}),
        ("zengguo", {"曾国藩"}),
        ("oymy", {"欧阳明远"}),
        ("ouyang", {"欧阳明远"}),
    ],
)
def test_pinyin_and_initials_find_the_name(session: Session, text: str, expected: set[str]) -> None:
    assert expected <= names(find(session, text))
    # Every hit really has a reading or initials starting with the text.
    key = text.replace(" ", "").lower()
    for official in find(session, text):
        keys = name_keys(official.name)
        assert any(k.startswith(key) for k in (*keys.pinyin.split(), *keys.initials.split()))


def test_pinyin_is_a_prefix_not_a_substring(session: Session) -> None:
    assert "张三" not in names(find(session, "san"))


def test_id_number_prefix(session: Session) -> None:
    full = make_id("35020319850101001")
    assert names(find(session, full)) == {"张三"}
    assert names(find(session, "3502031985")) == {"张三"}
    assert names(find(session, "350203")) == set(PEOPLE)
    if full.endswith("X"):
        assert names(find(session, full.lower())) == {"张三"}


def test_unit_position_and_name_substrings_of_any_length(session: Session) -> None:
    assert names(find(session, "审计所")) == {"张三", "单军"}
    assert names(find(session, "北塔镇审计")) == {"张三", "单军"}
    assert names(find(session, "统计")) == {"曾国藩", "欧阳明远"}
    assert names(find(session, "馆长")) == {"李张三"}
    assert names(find(session, "档")) == {"李张三"}
    assert names(find(session, "张三")) == {"张三", "李张三"}  # inside a name, not only prefix
    assert names(find(session, "三")) >= {"张三", "李张三"}
    assert names(find(session, "明远")) == {"欧阳明远"}


def test_several_words_must_all_match(session: Session) -> None:
    assert names(find(session, "张三 审计")) == {"张三"}
    assert names(find(session, "统计 主任")) == {"欧阳明远"}
    assert names(find(session, "zs 350203")) == {"张三"}


def test_punctuation_only_finds_nothing_and_empty_finds_everyone(session: Session) -> None:
    assert find(session, "(),。") == []
    assert len(find(session, "")) == SYNTHETIC + len(PEOPLE)
    assert len(find(session, "  ")) == SYNTHETIC + len(PEOPLE)


def _brute_force(everybody: list[Official], text: str) -> set[int]:
    chars = "".join(ch for ch in text.lower() if ch.isalnum())
    return {
        o.id
        for o in everybody
        if any(chars in field.lower() for field in (o.name, o.unit, o.position))
    }


@pytest.mark.parametrize("sparse_limit", [search.SPARSE_LIMIT, 3])
def test_substring_search_agrees_with_a_brute_force_scan(
    session: Session, monkeypatch: pytest.MonkeyPatch, sparse_limit: int
) -> None:
    """Random 1–4 character pieces of names, units and positions, on both query plans."""
    monkeypatch.setattr(search, "SPARSE_LIMIT", sparse_limit)
    everybody = everyone(session)
    rng = random.Random(5)
    for _ in range(60):
        source = rng.choice(everybody)
        field = rng.choice((source.name, source.unit, source.position))
        size = rng.randint(1, min(4, len(field)))
        start = rng.randint(0, len(field) - size)
        text = field[start : start + size]
        got = {o.id for o in find(session, text)}
        assert got == _brute_force(everybody, text), text


@pytest.mark.parametrize("sparse_limit", [search.SPARSE_LIMIT, 3])
def test_pinyin_search_agrees_with_the_stored_keys(
    session: Session, monkeypatch: pytest.MonkeyPatch, sparse_limit: int
) -> None:
    monkeypatch.setattr(search, "SPARSE_LIMIT", sparse_limit)
    everybody = everyone(session)
    for text in ("z", "zh", "w", "li", "wang", "zw", "hj", "x"):
        expected = set()
        for o in everybody:
            keys = name_keys(o.name)
            if any(k.startswith(text) for k in (*keys.pinyin.split(), *keys.initials.split())):
                expected.add(o.id)
        assert {o.id for o in find(session, text)} == expected, text


# ---- filters ---------------------------------------------------------------------------------


def test_filters_on_basic_information(session: Session) -> None:
    everybody = everyone(session)
    assert {o.id for o in find(session, category=3)} == {o.id for o in everybody if o.category == 3}
    assert {o.id for o in find(session, rank="正科级")} == {
        o.id for o in everybody if o.rank == "正科级"
    }
    reserve = {o.id for o in everybody if o.is_reserve}
    assert {o.id for o in find(session, flags=frozenset({"is_reserve"}))} == reserve
    assert {o.id for o in find(session, flags=frozenset({"后备干部"}))} == reserve
    both = {o.id for o in everybody if o.is_reserve and o.is_leading}
    assert {o.id for o in find(session, flags=frozenset({"后备干部", "领导干部"}))} == both
    assert names(find(session, unit="北塔镇审计所")) == {"张三", "单军"}
    starts = {o.id for o in everybody if o.unit.startswith("白水县")}
    assert {o.id for o in find(session, unit="白水县")} == starts
    assert names(find(session, "zs", unit="北塔镇")) == {"张三"}


def test_bad_queries_name_the_field(session: Session) -> None:
    for query, field in (
        (OfficialQuery(sort="rank"), "sort"),
        (OfficialQuery(flags=frozenset({"党员"})), "flag"),
        (OfficialQuery(limit=0), "limit"),
        (OfficialQuery(category=7), "category"),
    ):
        with pytest.raises(ValidationError) as caught:
            OfficialService(session).search(query)
        assert caught.value.field == field


def _id_of(session: Session, name: str) -> int:
    return next(o.id for o in find(session, name) if o.name == name)


def test_open_clue_filter_skips_closed_and_withdrawn_clues(own_vault: Path) -> None:
    with _unlock(own_vault) as session:
        records = RecordService(session)
        ids = {name: _id_of(session, name) for name in ("张三", "单军", "曾国藩", "李张三")}

        def clue(name: str, status: str) -> int:
            fields = {"summary": "反映问题", "custodian": CLERK, "status": status}
            return records.add(ids[name], "clue", "2026-01-05", fields).id

        clue("张三", "待处置")
        clue("单军", "处置中")
        clue("曾国藩", "已了结")
        records.withdraw(clue("李张三", "待处置"), "录入错误")
        assert names(find(session, has_open_clue=True)) == {"张三", "单军"}
        without = names(find(session, has_open_clue=False))
        assert {"曾国藩", "李张三", "欧阳明远"} <= without
        assert not {"张三", "单军"} & without
        assert names(find(session, "审计", has_open_clue=True)) == {"张三", "单军"}


def test_influence_filter(own_vault: Path) -> None:
    with _unlock(own_vault) as session:
        records = RecordService(session)
        zhang, shan, zeng = (_id_of(session, n) for n in ("张三", "单军", "曾国藩"))
        sanction = {"system": "党纪处分", "kind": "警告", "decision_number": "青纪〔2026〕1号"}
        records.add(zhang, "sanction", "2026-03-01", sanction)  # ends 2027-03-01: in
        records.add(shan, "sanction", "2025-03-01", sanction)  # ended 2026-03-01: over
        records.add(zeng, "talk", "2026-09-01", {"kind": "诫勉"})  # ends 2027-03-01: in
        assert names(find(session, in_influence_period=True)) == {"张三", "曾国藩"}
        assert "单军" in names(find(session, in_influence_period=False))
        assert "张三" not in names(find(session, in_influence_period=False))


ANNUAL_REPORTS_DDL = (
    "CREATE TABLE annual_reports (id INTEGER PRIMARY KEY,"
    " official_id INTEGER NOT NULL REFERENCES officials(id), year INTEGER NOT NULL,"
    " schema_version TEXT NOT NULL, status TEXT NOT NULL, submitted_date TEXT,"
    " created_by TEXT NOT NULL, created_at TEXT NOT NULL, UNIQUE (official_id, year))"
)


def test_report_missing_filter(own_vault: Path) -> None:
    with _unlock(own_vault) as session:
        total = SYNTHETIC + len(PEOPLE)
        if not search.annual_reports_exist(session.conn):
            # Before schema v5 nobody has submitted anything.
            assert len(find(session, annual_report_missing_year=2025)) == total
            session.conn.execute(ANNUAL_REPORTS_DDL)
        zhang, shan = _id_of(session, "张三"), _id_of(session, "单军")
        for official_id, year, status in ((zhang, 2025, "submitted"), (shan, 2025, "draft")):
            session.conn.execute(
                "INSERT INTO annual_reports (official_id, year, schema_version, status,"
                " created_by, created_at) VALUES (?, ?, '2017', ?, 'clerk1', '2026-01-10')",
                (official_id, year, status),
            )
        missing = {o.id for o in find(session, annual_report_missing_year=2025)}
        assert zhang not in missing and shan in missing
        assert len(find(session, annual_report_missing_year=2024)) == total
        assert len(missing) == total - 1


# ---- sort and limit --------------------------------------------------------------------------


@pytest.mark.parametrize("sort", sorted(search.SORTS))
@pytest.mark.parametrize("descending", [False, True])
def test_sorts(session: Session, sort: str, descending: bool) -> None:
    def key(o: Official) -> tuple[object, int]:
        value = {
            "name": name_keys(o.name).pinyin,
            "unit": o.unit,
            "birth_date": o.birth_date.isoformat(),
            "appointed_date": o.appointed_date.isoformat() if o.appointed_date else "",
        }[sort]
        return value, o.id

    got = find(session, sort=sort, descending=descending)
    # NULL appointment dates sort first ascending, as SQLite does.
    assert [o.id for o in got] == [o.id for o in sorted(got, key=key, reverse=descending)]
    assert len(got) == SYNTHETIC + len(PEOPLE)
    first = find(session, sort=sort, descending=descending, limit=7)
    assert [o.id for o in first] == [o.id for o in got[:7]]


def test_name_sort_is_pinyin_order(session: Session) -> None:
    found = [o.name for o in find(session, "350203")]
    assert found == ["李张三", "欧阳明远", "单军", "曾国藩", "张三"]


def test_limit_applies_after_sorting_dense_matches(
    session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    whole = find(session, "局", sort="unit", descending=True)
    monkeypatch.setattr(search, "SPARSE_LIMIT", 3)
    assert [o.id for o in find(session, "局", sort="unit", descending=True, limit=10)] == [
        o.id for o in whole[:10]
    ]


# ---- the service and the index ---------------------------------------------------------------


def test_list_keeps_working_and_searching_needs_the_list_permission(search_vault: Path) -> None:
    with _unlock(search_vault) as session:
        assert names(OfficialService(session).list("zhangsan")) == {"张三"}
        assert len(OfficialService(session).list("", limit=5)) == 5
    with _unlock(search_vault, "aud1") as auditor, pytest.raises(PermissionDeniedError):
        OfficialService(auditor).search(OfficialQuery(text="张三"))


def test_the_index_follows_any_change_to_officials(own_vault: Path) -> None:
    with _unlock(own_vault) as session:
        conn = session.conn
        zhang = _id_of(session, "张三")
        conn.execute(
            "UPDATE officials SET unit = '临河县水务局', position = '所长' WHERE id = ?", (zhang,)
        )
        assert names(find(session, "水务")) == {"张三"}
        assert "张三" not in names(find(session, "审计"))
        assert names(find(session, "所长")) == {"张三"}


def test_a_vault_without_index_or_pinyin_gets_them_at_unlock(own_vault: Path) -> None:
    with _unlock(own_vault) as session:
        conn = session.conn
        conn.execute("DROP TABLE official_search")
        for trigger in ("insert", "delete", "update"):
            conn.execute(f"DROP TRIGGER official_search_{trigger}")
        conn.execute("DELETE FROM vault_meta WHERE key = 'search_index'")
        conn.execute("UPDATE officials SET name_pinyin = '', name_initials = ''")
    with _unlock(own_vault) as session:
        assert names(find(session, "zhangsan")) == {"张三"}
        assert names(find(session, "审计所")) == {"张三", "单军"}
        empty = session.conn.execute("SELECT count(*) FROM officials WHERE name_pinyin = ''")
        assert empty.fetchone()[0] == 0
        # Only the pinyin missing (e.g. rows written by an older program): filled at unlock.
        session.conn.execute("UPDATE officials SET name_pinyin = '', name_initials = ''")
    with _unlock(own_vault) as session:
        assert names(find(session, "zhangsan")) == {"张三"}


def test_a_new_official_is_found_at_once(own_vault: Path) -> None:
    with _unlock(own_vault) as session:
        OfficialService(session).add(
            {"name": "单于夫", "id_number": make_id("35020319900606011"), "unit": "松林县水利局",
             "position": "科员", "rank": "四级主任科员"}
        )  # fmt: skip
        for text in ("chanyu", "cyf", "单于", "水利局", "35020319900606"):
            assert "单于夫" in names(find(session, text)), text


def test_parse_search_text_classifies_terms() -> None:
    assert parse_search_text("110105").id_prefixes == ("110105",)
    assert parse_search_text("11010519800315001x").id_prefixes == ("11010519800315001X",)
    assert parse_search_text("zs").fts.startswith("({pinyin initials}")
    assert parse_search_text("张").fts == '({name unit position} : "张"*)'
    assert parse_search_text("财政局").fts == '({name unit position} : "财政 政局")'
    assert parse_search_text('"').empty
    assert replace(parse_search_text(""), fts="") == parse_search_text("")


def test_report_missing_filter_before_the_annual_report_table_exists(own_vault: Path) -> None:
    with _unlock(own_vault) as session:
        for table in ("change_reports", "report_items", "annual_reports"):
            session.conn.execute(f"DROP TABLE IF EXISTS {table}")
        assert not search.annual_reports_exist(session.conn)
        assert len(find(session, annual_report_missing_year=2025)) == SYNTHETIC + len(PEOPLE)

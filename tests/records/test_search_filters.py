"""The official-list filters give the same answer on every query plan (docs/decisions/0021).

One vault (SQLCipher, real services for the officials) with clues open, closed and
withdrawn, sanctions and talks in, before and after their influence periods (also on the
boundary days, withdrawn, permanent, 留党察看 with odd probation values), and annual
reports submitted, drafted or missing. Every query is checked against a brute force over
the rows, with each plan forced in turn; influence periods against records.influence.
"""

from __future__ import annotations

import json
import random
import shutil
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest

from crypto.kdf import FAST_COST
from records import search
from records.influence import add_months, officials_in_influence_period
from records.model import Official
from records.pinyin_keys import name_keys
from records.record_type_catalog import SANCTION_KINDS
from records.search import OfficialQuery, search_officials
from records.services.officials import OfficialService
from records.services.users import UserService
from records.session import Session
from records.synthetic import synthetic_officials
from records.vault import create_vault, unlock_vault
from tests.records.support import ADMIN, PASSWORDS, TODAY, fixed_clock

CLERK = "clerk1"
PEOPLE = 240
REPORT_YEAR = TODAY.year - 1
CREATED = "2026-11-22T10:00:00+08:00"
TALK_KINDS = ("诫勉", "廉政谈话", "提醒谈话", "函询")
CLUE_STATUSES = ("待处置", "处置中", "已了结", None)
PROBATION = (1, 2, None, 0, "1", "x", 3)
#: Overrides: a shorter, a permanent, a new and a longer period, a second talk rule.
OVERRIDES = (
    ("sanction", "党纪处分", "警告", 0),
    ("sanction", "政务处分", "记过", None),
    ("sanction", "组织处理", "停职检查", 3),
    ("sanction", "党纪处分", "留党察看", 6),
    ("talk", "", "诫勉", 13),
    ("talk", "", "提醒谈话", 2),
)


def _unlock(path: Path) -> Session:
    return unlock_vault(path, CLERK, PASSWORDS[CLERK], clock=fixed_clock)


def _record_day(rng: random.Random) -> date:
    """Mostly days near an influence period's end (a month count back, ± a day or two)."""
    if rng.random() < 0.3:
        return TODAY - timedelta(days=rng.randint(-60, 2500))
    months = rng.choice((0, 1, 3, 6, 12, 13, 18, 24, 36, 48, 60))
    return add_months(TODAY, -months) + timedelta(days=rng.randint(-2, 2))


def _insert_record(
    session: Session,
    rng: random.Random,
    official_id: int,
    type_code: str,
    fields: dict[str, object],
) -> None:
    day = _record_day(rng)
    withdrawn = CREATED if rng.random() < 0.15 else None
    session.conn.execute(
        "INSERT INTO records (official_id, type, record_date, fields_json, source, disclosure,"
        " created_by, created_at, withdrawn_at, withdrawn_by, withdraw_reason)"
        " VALUES (?, ?, ?, ?, 'discipline', 'internal', ?, ?, ?, ?, ?)",
        (official_id, type_code, day.isoformat(), json.dumps(fields, ensure_ascii=False), CLERK,
         CREATED, withdrawn, CLERK if withdrawn else None, "录入错误" if withdrawn else None),
    )  # fmt: skip


@pytest.fixture(scope="module")
def filter_vault(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("filters") / "vault"
    with create_vault(path, ADMIN, PASSWORDS[ADMIN], kdf_cost=FAST_COST, clock=fixed_clock) as s:
        UserService(s).add(CLERK, "clerk", PASSWORDS[CLERK])
    rng = random.Random(21)
    with _unlock(path) as session:
        service = OfficialService(session)
        ids = []
        for person in synthetic_officials(PEOPLE, seed=4, today=TODAY):
            values = person.values | {"category": str(rng.randint(1, 6))}
            ids.append(service.add(values).id)
        # Dossier rows written in bulk, as any writer may: the filters must agree on them.
        session.conn.execute("BEGIN")
        for official_id in ids:
            for _ in range(rng.choice((0, 0, 1, 2))):
                status = rng.choice(CLUE_STATUSES)
                fields: dict[str, object] = {"summary": "反映问题", "custodian": CLERK}
                if status:
                    fields["status"] = status
                _insert_record(session, rng, official_id, "clue", fields)
            for _ in range(rng.choice((0, 0, 1, 2))):
                system = rng.choice(tuple(SANCTION_KINDS))
                kind = rng.choice(SANCTION_KINDS[system])
                fields = {"system": system, "kind": kind, "decision_number": "纪〔2026〕1号"}
                if kind == "留党察看":
                    years = rng.choice(PROBATION)
                    if years is not None:
                        fields["probation_years"] = years
                _insert_record(session, rng, official_id, "sanction", fields)
            for _ in range(rng.choice((0, 1, 1, 2))):
                fields = {"kind": rng.choice(TALK_KINDS)}
                _insert_record(session, rng, official_id, "talk", fields)
            for year in (REPORT_YEAR - 1, REPORT_YEAR):
                status = rng.choice(("submitted", "submitted", "draft", None))
                if status:
                    session.conn.execute(
                        "INSERT INTO annual_reports (official_id, year, schema_version, status,"
                        " created_by, created_at) VALUES (?, ?, '2017', ?, ?, ?)",
                        (official_id, year, status, CLERK, CREATED),
                    )
        session.conn.execute("COMMIT")
    return path


@pytest.fixture(scope="module")
def session(filter_vault: Path) -> Iterator[Session]:
    with _unlock(filter_vault) as opened:
        yield opened


@pytest.fixture
def with_overrides(filter_vault: Path, tmp_path: Path) -> Iterator[Session]:
    copy = tmp_path / "vault"
    shutil.copytree(filter_vault, copy)
    with _unlock(copy) as opened:
        for record_type, system, kind, months in OVERRIDES:
            opened.conn.execute(
                "INSERT INTO influence_rules VALUES (?, ?, ?, ?, 'sec1', ?)",
                (record_type, system, kind, months, CREATED),
            )
        yield opened


# ---- influence periods -----------------------------------------------------------------------


def _days_to_try(rng: random.Random) -> list[date]:
    fixed = [TODAY, date(2028, 2, 29), date(2027, 2, 28), date(2026, 12, 31), date(2026, 3, 31)]
    return fixed + [TODAY + timedelta(days=rng.randint(-900, 900)) for _ in range(25)]


def test_influence_ids_are_exactly_those_of_records_influence(session: Session) -> None:
    reference = officials_in_influence_period(session.conn, TODAY)
    assert reference  # the vault has officials in a period, and others out of it
    for day in _days_to_try(random.Random(2)):
        expected = officials_in_influence_period(session.conn, day)
        assert search.influence_period_ids(session.conn, day) == expected, day


def test_influence_ids_follow_the_security_officers_overrides(with_overrides: Session) -> None:
    conn = with_overrides.conn
    for day in _days_to_try(random.Random(3)):
        assert search.influence_period_ids(conn, day) == officials_in_influence_period(conn, day)


def test_a_rule_sql_cannot_match_exactly_falls_back_to_records_influence(
    with_overrides: Session,
) -> None:
    conn = with_overrides.conn
    official_id = int(conn.execute("SELECT min(id) FROM officials").fetchone()[0])
    # A kind that is also what Python prints for the JSON number 1.
    conn.execute(
        "INSERT INTO influence_rules VALUES ('sanction', '党纪处分', '1', 12, 'sec1', ?)",
        (CREATED,),
    )
    conn.execute(
        "INSERT INTO records (official_id, type, record_date, fields_json, source, disclosure,"
        " created_by, created_at) VALUES (?, 'sanction', ?, ?, 'discipline', 'internal', ?, ?)",
        (official_id, TODAY.isoformat(), '{"system": "党纪处分", "kind": 1}', CLERK, CREATED),
    )
    expected = officials_in_influence_period(conn, TODAY)
    assert official_id in expected
    assert search.influence_period_ids(conn, TODAY) == expected


@pytest.mark.parametrize("text", ["警告", "留党察看", "诫勉"])
def test_ordinary_kinds_can_be_matched_in_sql(text: str) -> None:
    assert search._sql_matchable(text)


@pytest.mark.parametrize("text", ["", "1", "1.5", "-2", "nan", "True", "False", "[1]", "{}"])
def test_texts_a_json_value_could_also_print_as_are_not_matched_in_sql(text: str) -> None:
    assert not search._sql_matchable(text)


def test_the_last_ended_start_is_exact_around_month_ends() -> None:
    days = [date(2024, 2, 29), date(2025, 2, 28), date(2026, 3, 31), date(2026, 1, 31), TODAY]
    days += [date(2026, 1, 1) + timedelta(days=n) for n in range(0, 400, 7)]
    for today in days:
        for months in (0, 1, 2, 6, 12, 18, 24, 60, 240):
            last = search._last_ended_start(today, months)
            for offset in range(-40, 41):
                start = last + timedelta(days=offset)
                assert (add_months(start, months) <= today) == (start <= last), (today, months)


# ---- every plan gives the brute-force answer --------------------------------------------------


def _truth(session: Session, everybody: list[Official]) -> dict[str, set[int]]:
    conn = session.conn
    open_clue = {
        int(r[0])
        for r in conn.execute(
            "SELECT official_id, fields_json FROM records WHERE type = 'clue'"
            " AND withdrawn_at IS NULL"
        )
        if json.loads(r[1]).get("status", "") != "已了结"
    }
    submitted = {
        int(r[0])
        for r in conn.execute(
            "SELECT official_id FROM annual_reports WHERE year = ? AND status = 'submitted'",
            (REPORT_YEAR,),
        )
    }
    return {
        "open_clue": open_clue,
        "influence": officials_in_influence_period(conn, TODAY),
        "missing": {o.id for o in everybody} - submitted,
    }


def _text_matches(official: Official, text: str) -> bool:
    if not text:
        return True
    if text.isdigit():
        return official.id_number.startswith(text)
    if text.isascii():
        keys = name_keys(official.name)
        return any(k.startswith(text) for k in (*keys.pinyin.split(), *keys.initials.split()))
    return any(text in field for field in (official.name, official.unit, official.position))


def _expected(everybody: list[Official], truth: dict[str, set[int]], q: OfficialQuery) -> list[int]:
    def keep(o: Official) -> bool:
        return (
            _text_matches(o, q.text)
            and (q.category is None or o.category == q.category)
            and (q.rank is None or o.rank == q.rank)
            and all(getattr(o, flag) for flag in q.flags)
            and (q.unit is None or o.unit.startswith(q.unit))
            and (q.has_open_clue is None or (o.id in truth["open_clue"]) == q.has_open_clue)
            and (
                q.in_influence_period is None
                or (o.id in truth["influence"]) == q.in_influence_period
            )
            and (q.annual_report_missing_year is None or o.id in truth["missing"])
        )

    def key(o: Official) -> tuple[str, int]:
        value = {
            "name": name_keys(o.name).pinyin,
            "unit": o.unit,
            "birth_date": o.birth_date.isoformat(),
            "appointed_date": o.appointed_date.isoformat() if o.appointed_date else "",
        }[q.sort]
        return value, o.id

    found = sorted((o for o in everybody if keep(o)), key=key, reverse=q.descending)
    return [o.id for o in found[: q.limit]]


def _random_query(rng: random.Random, everybody: list[Official]) -> OfficialQuery:
    someone = rng.choice(everybody)
    text = rng.choice(
        (
            "",
            "",
            someone.name[: rng.randint(1, 2)],
            someone.unit[rng.randint(0, 3) :][:2],
            name_keys(someone.name).pinyin[:1],
            someone.id_number[:6],
        )
    )
    flags = frozenset(rng.sample(sorted(search.FLAGS), rng.choice((0, 0, 1, 2))))
    return OfficialQuery(
        text=text,
        category=rng.choice((None, None, rng.randint(1, 6))),
        rank=rng.choice((None, None, someone.rank)),
        flags=flags,
        unit=rng.choice((None, None, someone.unit[:3], someone.unit)),
        has_open_clue=rng.choice((None, None, True, False)),
        in_influence_period=rng.choice((None, None, True, False)),
        annual_report_missing_year=rng.choice((None, None, REPORT_YEAR)),
        sort=rng.choice(("name", "unit", "birth_date", "appointed_date")),
        descending=rng.random() < 0.3,
        limit=rng.choice((7, 500)),
    )


#: Each plan forced in turn: (SPARSE_LIMIT, REPORT_SET_LIMIT, walk the filter sort indexes).
PLANS = {
    "as tuned": (search.SPARSE_LIMIT, search.REPORT_SET_LIMIT, True),
    "walk a filter sort index, reports probed": (0, 0, True),
    "walk a filter sort index, missing reports as a set": (0, 100_000, True),
    "walk the plain sort index": (0, 0, False),
    "text or unit look-up, filters per row": (100_000, 0, True),
    "look-up, missing reports as a set": (100_000, 100_000, False),
}


def _force(monkeypatch: pytest.MonkeyPatch, plan: str) -> None:
    sparse, report_set, filter_indexes = PLANS[plan]
    monkeypatch.setattr(search, "SPARSE_LIMIT", sparse)
    monkeypatch.setattr(search, "REPORT_SET_LIMIT", report_set)
    indexes = dict(search.FILTER_SORT_INDEXES) if filter_indexes else {}
    monkeypatch.setattr(search, "FILTER_SORT_INDEXES", indexes)


@pytest.mark.parametrize("plan", sorted(PLANS))
def test_every_plan_gives_the_brute_force_answer(
    session: Session, monkeypatch: pytest.MonkeyPatch, plan: str
) -> None:
    everybody = search_officials(session.conn, OfficialQuery(limit=100_000), TODAY)
    truth = _truth(session, everybody)
    _force(monkeypatch, plan)
    rng = random.Random(plan)
    nonempty = 0
    for _ in range(150):
        query = _random_query(rng, everybody)
        got = [o.id for o in OfficialService(session).search(query)]
        assert got == _expected(everybody, truth, query), query
        nonempty += bool(got)
    assert nonempty > 50  # the queries find something, not only empty lists


@pytest.mark.parametrize("plan", sorted(PLANS))
def test_each_filter_alone_on_every_plan(
    session: Session, monkeypatch: pytest.MonkeyPatch, plan: str
) -> None:
    everybody = search_officials(session.conn, OfficialQuery(limit=100_000), TODAY)
    truth = _truth(session, everybody)
    _force(monkeypatch, plan)
    queries = [
        OfficialQuery(has_open_clue=True),
        OfficialQuery(has_open_clue=False),
        OfficialQuery(in_influence_period=True),
        OfficialQuery(in_influence_period=False),
        OfficialQuery(annual_report_missing_year=REPORT_YEAR),
        OfficialQuery(annual_report_missing_year=REPORT_YEAR, sort="unit", descending=True),
        OfficialQuery(flags=frozenset({"is_leading", "is_reserve"}), category=1),
        OfficialQuery(unit=everybody[0].unit[:3], sort="unit", limit=5),
    ]
    for query in queries:
        got = [o.id for o in OfficialService(session).search(query)]
        assert got == _expected(everybody, truth, query), query
        assert got  # every one of these finds someone in this vault


# ---- the indexes are what the filters read --------------------------------------------------


@pytest.mark.parametrize(
    ("sql", "index"),
    [
        (
            "SELECT r.official_id FROM records r WHERE r.type = 'clue' AND r.withdrawn_at IS NULL"
            " AND IFNULL(json_extract(r.fields_json, '$.status'), '') != '已了结'",
            "COVERING INDEX records_clues",
        ),
        (
            "SELECT official_id, record_date, json_extract(fields_json, '$.kind') FROM records"
            " WHERE type IN ('sanction', 'talk') AND type = 'talk' AND withdrawn_at IS NULL"
            " AND record_date >= '2026-01-01'",
            "COVERING INDEX records_influence",
        ),
        (
            "SELECT id, official_id, type, record_date, fields_json FROM records"
            " WHERE type IN ('sanction', 'talk') AND withdrawn_at IS NULL",
            "COVERING INDEX records_influence",
        ),
        (
            "SELECT id FROM officials INDEXED BY officials_ids EXCEPT SELECT a.official_id"
            " FROM annual_reports a WHERE a.year = 2025 AND a.status = 'submitted' ORDER BY 1",
            "COVERING INDEX annual_reports_year",
        ),
        (
            "SELECT id FROM officials INDEXED BY officials_ids EXCEPT SELECT a.official_id"
            " FROM annual_reports a WHERE a.year = 2025 AND a.status = 'submitted' ORDER BY 1",
            "COVERING INDEX officials_ids",
        ),
        (
            "SELECT 1 FROM officials o WHERE NOT EXISTS (SELECT 1 FROM annual_reports a"
            " INDEXED BY annual_reports_year WHERE a.year = 2025 AND a.status = 'submitted'"
            " AND a.official_id = o.id)",
            "COVERING INDEX annual_reports_year",
        ),
    ],
)
def test_the_filter_queries_read_covering_indexes(session: Session, sql: str, index: str) -> None:
    """No table row is read for a filter (the figures are in docs/performance.md)."""
    plan = " ".join(str(row[3]) for row in session.conn.execute("EXPLAIN QUERY PLAN " + sql))
    assert index in plan


@pytest.mark.parametrize("sort", ["name", "unit"])
def test_a_walk_with_filters_needs_no_sorting(session: Session, sort: str) -> None:
    """The filter sort indexes give the list's order (name or unit, then id) as walked."""
    seen: list[str] = []

    def trace(sql: str) -> None:
        if sql.startswith("SELECT") and "INDEXED BY officials_by_" in sql:
            seen.append(sql)

    session.conn.set_trace_callback(trace)  # type: ignore[attr-defined]
    try:
        query = OfficialQuery(category=1, flags=frozenset({"is_leading"}), sort=sort)
        OfficialService(session).search(query)
    finally:
        session.conn.set_trace_callback(None)  # type: ignore[attr-defined]
    [sql] = seen
    plan = " ".join(str(row[3]) for row in session.conn.execute("EXPLAIN QUERY PLAN " + sql))
    assert f"SCAN o USING INDEX officials_by_{sort}" in plan
    assert "TEMP B-TREE" not in plan

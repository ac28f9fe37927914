"""Build a benchmark vault at a chosen scale (reference: 100,000 officials, 2,000,000 records).

The services write one audited transaction per action, which is right for users and far
too slow for two million rows; this loader writes the same schema in bulk through the same
encrypted connection. Usage::

    python -m bench.generate OUT_FOLDER --officials 100000 --records-per-official 20

Besides the routine records (matters, gifts, pledges, appraisals) it fills what the
official-list filters look for, at the rates below (bench/bench_filters.py): supervision
categories, clues open, closed and withdrawn, sanctions and 诫勉 in and out of their
influence periods, other talks, and annual reports with their items, mostly submitted.
"""

from __future__ import annotations

import argparse
import json
import random
import time
from datetime import date, datetime, timedelta
from pathlib import Path

from crypto.kdf import FAST_COST
from exports.certificates import create_unit_identity, identity_for_vault
from records.database import Connection
from records.pinyin_keys import name_keys
from records.report_schema import load_schema
from records.services.signing_identity import SigningIdentityService
from records.services.users import UserService
from records.synthetic import synthetic_officials
from records.vault import create_vault, unlock_vault

CLERK = ("clerk", "bench-clerk-1")
SECADMIN = ("sec", "bench-sec-123")
VETTING = ("vetting", "bench-vet-1")
TODAY = date(2026, 11, 22)

_OFFICIAL_COLUMNS = (
    "name, id_number, gender, birth_date, ethnicity, native_place, upbringing_place,"
    " political_status, party_join_date, education, unit, position, rank, appointed_date,"
    " management_level, category, is_leading, is_reserve, is_top_leader, is_dual_role, status,"
    " created_at, created_by, name_pinyin, name_initials"
)


def _official_row(values: dict[str, object], created_at: str) -> tuple[object, ...]:
    id_number = str(values["id_number"])
    # The search keys the service would fill (the FTS index fills itself by trigger).
    keys = name_keys(str(values["name"]))
    birth = f"{id_number[6:10]}-{id_number[10:12]}-{id_number[12:14]}"
    gender = "男" if int(id_number[16]) % 2 else "女"
    return (
        values["name"], id_number, gender, birth, values["ethnicity"], values["native_place"],
        values["upbringing_place"], values["political_status"], values["party_join_date"],
        values["education"], values["unit"], values["position"], values["rank"],
        values["appointed_date"], values["management_level"], int(str(values["category"])),
        int(bool(values["is_leading"])), int(bool(values["is_reserve"])),
        int(bool(values["is_top_leader"])), int(bool(values["is_dual_role"])), "serving",
        created_at, "bench", keys.pinyin, keys.initials,
    )  # fmt: skip


#: Rates of what the official-list filters look for (bench/bench_filters.py), per official,
#: at the scale of a province: supervision categories as in the demo vault (mostly 1).
CATEGORIES = (1,) * 12 + (2, 3, 3, 4, 4, 5, 6)
CLUE_RATE = 0.05  # has a clue (one in seven of them two)
CLUE_STATUSES = ("待处置",) * 3 + ("处置中",) * 5 + ("已了结",) * 12  # 40 % still open
SANCTION_RATE = 0.03  # sanctioned in the last six years: ≈ 1 in 3 still in its period
ADMONISHMENT_RATE = 0.01  # 诫勉 in the last three years (six months' period)
TALK_RATE = 0.25  # 廉政谈话 / 提醒谈话 / 函询: talks that set no period
WITHDRAWN_RATE = 0.03  # of clues and sanctions: withdrawn (录入错误), no longer counted
#: Annual reports on last year: submitted, draft, none (the rest); on earlier years nearly
#: everyone has handed theirs in by now.
REPORT_SUBMITTED = 0.96
REPORT_DRAFT = 0.02
EARLIER_SUBMITTED = 0.996
EARLIER_DRAFT = 0.002
_SANCTIONS = (
    ("党纪处分", "警告", 6), ("党纪处分", "严重警告", 4), ("党纪处分", "撤销党内职务", 1),
    ("党纪处分", "留党察看", 1), ("政务处分", "警告", 4), ("政务处分", "记过", 3),
    ("政务处分", "记大过", 1), ("政务处分", "降级", 1), ("组织处理", "调整职务", 2),
    ("组织处理", "免职", 1), ("组织处理", "降职", 1),
)  # fmt: skip
_RECORD_COLUMNS = (
    "official_id, type, record_date, fields_json, source, disclosure, created_by, created_at,"
    " withdrawn_at, withdrawn_by, withdraw_reason"
)


def _record(
    official_id: int,
    type_code: str,
    day: date,
    fields: dict[str, object],
    source: str,
    created_at: str,
    *,
    disclosure: str = "internal",
    withdrawn: bool = False,
) -> tuple[object, ...]:
    withdrawal = (created_at, "bench", "录入错误") if withdrawn else (None, None, None)
    return (
        official_id, type_code, day.isoformat(), json.dumps(fields, ensure_ascii=False), source,
        disclosure, "bench", created_at, *withdrawal,
    )  # fmt: skip


def _case_records(
    rng: random.Random, official_id: int, created_at: str
) -> list[tuple[object, ...]]:
    """The clues, sanctions and talks of one official (most have none)."""
    out = []
    if rng.random() < CLUE_RATE:
        for _ in range(2 if rng.random() < 1 / 7 else 1):
            status = rng.choice(CLUE_STATUSES)
            fields: dict[str, object] = {
                "summary": "来信反映其违规插手工程项目招投标。", "custodian": "clerk",
                "status": status,
            }  # fmt: skip
            if status != "待处置":
                fields["disposal"] = rng.choice(("谈话函询", "初步核实"))
            if status == "已了结":
                fields["conclusion"] = rng.choice(("属实", "部分属实", "不属实"))
            day = TODAY - timedelta(days=rng.randint(1, 1095))
            out.append(_record(
                official_id, "clue", day, fields, "petition", created_at, disclosure="secret",
                withdrawn=rng.random() < WITHDRAWN_RATE,
            ))  # fmt: skip
    if rng.random() < SANCTION_RATE:
        system, kind, _ = rng.choices(_SANCTIONS, weights=[w for *_, w in _SANCTIONS])[0]
        day = TODAY - timedelta(days=rng.randint(1, 2190))
        fields = {
            "system": system, "kind": kind,
            "decision_number": f"纪发〔{day.year}〕{rng.randint(3, 60)}号",
            "reason": "违反中央八项规定精神,公车私用。",
        }  # fmt: skip
        if kind == "留党察看":
            fields["probation_years"] = rng.choice((1, 2))
        out.append(_record(
            official_id, "sanction", day, fields, "discipline", created_at,
            withdrawn=rng.random() < WITHDRAWN_RATE,
        ))  # fmt: skip
    if rng.random() < ADMONISHMENT_RATE:
        day = TODAY - timedelta(days=rng.randint(1, 1095))
        fields = {"kind": "诫勉", "summary": "对其履行主体责任不力进行诫勉谈话。"}
        out.append(_record(official_id, "talk", day, fields, "discipline", created_at))
    if rng.random() < TALK_RATE:
        day = TODAY - timedelta(days=rng.randint(1, 1825))
        fields = {"kind": rng.choice(("廉政谈话", "提醒谈话", "函询")), "summary": "谈话提醒。"}
        out.append(_record(official_id, "talk", day, fields, "discipline", created_at))
    return out


def _routine_record(rng: random.Random, official_id: int, created_at: str) -> tuple[object, ...]:
    """One of the records every dossier accumulates (matters, gifts, pledges, appraisals)."""
    day = TODAY - timedelta(days=rng.randint(1, 3650))
    kind = rng.random()
    if kind < 0.6:
        fields: dict[str, object] = {
            "title": "因私出国(境)", "kind": "因私出国(境)",
            "detail": f"赴新加坡探亲{rng.randint(3, 20)}日。",
        }  # fmt: skip
        return _record(official_id, "major_matter", day, fields, "self", created_at)
    if kind < 0.7:
        fields = {"kind": "实物", "description": "土特产一箱", "value": f"{rng.randint(1, 9)}00.00",
                  "handling": "上交"}  # fmt: skip
        return _record(official_id, "gift", day, fields, "self", created_at)
    if kind < 0.85:
        fields = {"year": day.year, "content": "严守政治纪律,廉洁从政。"}
        return _record(official_id, "pledge", day, fields, "self", created_at)
    fields = {"year": day.year, "grade": rng.choice(("优秀", "称职", "称职", "称职"))}
    return _record(official_id, "appraisal", day, fields, "organization", created_at)


def _load_records(
    conn: Connection, rng: random.Random, officials: int, per_official: int, created_at: str
) -> None:
    sql = f"INSERT INTO records ({_RECORD_COLUMNS}) VALUES ({','.join('?' * 11)})"
    records: list[tuple[object, ...]] = []
    for official_id in range(1, officials + 1):
        own = _case_records(rng, official_id, created_at)[:per_official]
        own += [
            _routine_record(rng, official_id, created_at) for _ in range(per_official - len(own))
        ]
        records += own
        if len(records) >= 50000:
            conn.executemany(sql, records)  # type: ignore[attr-defined]
            records.clear()
    if records:
        conn.executemany(sql, records)  # type: ignore[attr-defined]


def _load_annual_reports(
    conn: Connection, rng: random.Random, officials: int, years: int, created_at: str
) -> None:
    """Reports on the last ``years`` years, with every item of the current schema
    answered (drafts half answered), as the annual-report service would leave them."""
    schema = load_schema()
    reports: list[tuple[object, ...]] = []
    items: list[tuple[object, ...]] = []
    report_id = 0
    for official_id in range(1, officials + 1):
        previous = None
        for year in range(TODAY.year - years, TODAY.year):
            draw = rng.random()
            last = year == TODAY.year - 1
            submitted_rate = REPORT_SUBMITTED if last else EARLIER_SUBMITTED
            if draw >= submitted_rate + (REPORT_DRAFT if last else EARLIER_DRAFT):
                previous = None
                continue
            report_id += 1
            submitted = draw < submitted_rate
            day = date(year + 1, 1, rng.randint(3, 31)) if submitted else None
            reports.append((
                report_id, official_id, year, schema.version,
                "submitted" if submitted else "draft", day.isoformat() if day else None,
                previous, "bench", created_at,
            ))  # fmt: skip
            if submitted:
                previous = report_id  # what the next year's report is pre-filled from
            for position, item in enumerate(schema.items, start=1):
                if not submitted and position % 2:
                    items.append((report_id, item.code, position, "[]", 0))  # unanswered
                elif item.code == "marriage":
                    entry = [{"kind": "status", "status": "已婚"}]
                    items.append((report_id, item.code, position, json.dumps(entry), 0))
                elif item.code == "salary":
                    entry = [{"amount": f"{rng.randint(90, 160)}000.00"}]
                    items.append((report_id, item.code, position, json.dumps(entry), 0))
                else:
                    items.append((report_id, item.code, position, "[]", 1))
        if len(items) >= 50000:
            _insert_reports(conn, reports, items)
    _insert_reports(conn, reports, items)


def _insert_reports(
    conn: Connection, reports: list[tuple[object, ...]], items: list[tuple[object, ...]]
) -> None:
    conn.executemany(  # type: ignore[attr-defined]
        "INSERT INTO annual_reports (id, official_id, year, schema_version, status,"
        " submitted_date, prefilled_from, created_by, created_at) VALUES (?,?,?,?,?,?,?,?,?)",
        reports,
    )
    conn.executemany(  # type: ignore[attr-defined]
        "INSERT INTO report_items (report_id, item_code, position, entries_json,"
        " nothing_to_report) VALUES (?,?,?,?,?)",
        items,
    )
    reports.clear()
    items.clear()


def generate(
    out: Path, officials: int, records_per_official: int, *, report_years: int = 2, seed: int = 7
) -> float:
    """Create the vault at ``out``; return the seconds spent loading data."""
    session = create_vault(out, "admin", "bench-admin-1", kdf_cost=FAST_COST)
    UserService(session).add(CLERK[0], "clerk", CLERK[1])
    UserService(session).add(VETTING[0], "vetting", VETTING[1])
    UserService(session).add(SECADMIN[0], "secadmin", SECADMIN[1])
    with unlock_vault(out, *SECADMIN) as security_officer:
        identity = create_unit_identity("基准测试单位")
        SigningIdentityService(security_officer).install(identity_for_vault(identity))
    rng = random.Random(seed)
    created_at = datetime(2026, 11, 22, 9, 0).astimezone().isoformat()
    started = time.perf_counter()
    conn = session.conn
    conn.execute("BEGIN IMMEDIATE")
    batch: list[tuple[object, ...]] = []
    insert = f"INSERT INTO officials ({_OFFICIAL_COLUMNS}) VALUES ({','.join('?' * 25)})"
    for person in synthetic_officials(officials, seed=seed, today=TODAY):
        values = person.values | {"category": rng.choice(CATEGORIES)}
        batch.append(_official_row(values, created_at))
        if len(batch) == 5000:
            conn.executemany(insert, batch)  # type: ignore[attr-defined]
            batch.clear()
    if batch:
        conn.executemany(insert, batch)  # type: ignore[attr-defined]
    _load_records(conn, rng, officials, records_per_official, created_at)
    _load_annual_reports(conn, rng, officials, report_years, created_at)
    conn.execute("COMMIT")
    elapsed = time.perf_counter() - started
    session.close()
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", type=Path)
    parser.add_argument("--officials", type=int, default=100_000)
    parser.add_argument("--records-per-official", type=int, default=20)
    parser.add_argument("--report-years", type=int, default=2, help="annual reports per official")
    args = parser.parse_args()
    seconds = generate(
        args.out, args.officials, args.records_per_official, report_years=args.report_years
    )
    size = (args.out / "vault.db").stat().st_size / 1e6
    print(f"loaded {args.officials} officials, {args.officials * args.records_per_official}"
          f" records in {seconds:.1f} s; vault.db {size:.0f} MB")  # fmt: skip


if __name__ == "__main__":
    main()

"""Setup for the check and eligibility tests: officials and submitted reports.

The main flows file reports through :class:`AnnualReportService`; the sampling tests need a
dozen submitted reports, so :func:`insert_report` writes those rows directly (setup only).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from records.annual_report import entries_to_json
from records.report_schema import load_schema
from records.services.annual_reports import AnnualReportService
from records.services.officials import OfficialService
from records.session import Session
from tests.records.support import make_id, official_values

Entries = Sequence[Mapping[str, Any]]

FLAT = {"owner": "共同", "address": "青山县幸福路8号3栋501室", "use": "住宅", "area": "120.5"}
FLAT2 = {"owner": "本人", "address": "青山县和平路2号1201室", "use": "住宅", "area": "89"}
GARAGE = {"owner": "本人", "address": "青山县幸福路8号地下车库", "use": "车库", "area": "30"}
HK_PERMIT = {"kind": "permit", "permit_kind": "往来港澳通行证", "number": "C1234567",
             "issued_date": "2018-05-01"}  # fmt: skip
MARRIED = {"status": "已婚", "spouse_name": "林静"}


def first_official(session: Session) -> int:
    return int(session.conn.execute("SELECT min(id) FROM officials").fetchone()[0])


def add_official(clerk: Session, n: int, **overrides: object) -> int:
    """A new official with a valid, distinct ID number (``n`` from 100 to 999)."""
    values = official_values(
        name=f"测试{n}", id_number=make_id(f"11010519800315{n:03d}"), **overrides
    )
    return OfficialService(clerk).add(values).id


def file_report(
    clerk: Session,
    official_id: int,
    year: int,
    answers: Mapping[str, Entries],
    submitted: str = "2026-01-20",
) -> int:
    """A report through the real service: ``answers``, marriage and salary, 无 elsewhere."""
    service = AnnualReportService(clerk)
    report = service.start(official_id, year, prefill_from_previous=False)
    given = {"marriage": [MARRIED], "salary": [{"amount": "186000"}], **answers}
    for answer in report.items:
        entries = list(given.get(answer.code, []))
        service.set_item(report.id, answer.code, entries, nothing_to_report=not entries)
    service.submit(report.id, submitted)
    return report.id


def insert_report(
    session: Session, official_id: int, year: int, *, status: str = "submitted"
) -> int:
    """A report row with every item answered 无 (marriage 已婚), written directly."""
    schema = load_schema()
    with session.transaction() as conn:
        cursor = conn.execute(
            "INSERT INTO annual_reports (official_id, year, schema_version, status,"
            " submitted_date, created_by, created_at) VALUES (?, ?, ?, ?, ?, 'clerk1',"
            " '2026-01-20T09:00:00+08:00')",
            (official_id, year, schema.version, status,
             "2026-01-20" if status == "submitted" else None),
        )  # fmt: skip
        report_id = int(cursor.lastrowid or 0)
        for position, item in enumerate(schema.items, start=1):
            entries = [MARRIED] if item.code == "marriage" else []
            conn.execute(
                "INSERT INTO report_items (report_id, item_code, position, entries_json,"
                " nothing_to_report) VALUES (?, ?, ?, ?, ?)",
                (report_id, item.code, position, entries_to_json(entries), int(not entries)),
            )
    return report_id


def insert_change(
    session: Session,
    report_id: int,
    item_code: str,
    entries: Entries,
    *,
    change_date: str = "2026-10-01",
    reported_date: str = "2026-10-15",
) -> int:
    """A change report row on ``report_id``, written directly (setup only, unaudited)."""
    with session.transaction() as conn:
        cursor = conn.execute(
            "INSERT INTO change_reports (official_id, report_id, item_code, change_date,"
            " reported_date, entries_json, created_by, created_at)"
            " SELECT official_id, id, ?, ?, ?, ?, 'clerk1', '2026-10-15T09:00:00+08:00'"
            " FROM annual_reports WHERE id = ?",
            (item_code, change_date, reported_date, entries_to_json(list(entries)), report_id),
        )
    return int(cursor.lastrowid or 0)

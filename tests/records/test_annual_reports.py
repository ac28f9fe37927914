"""个人有关事项年度报告 and 事项变化报告 through the real service on a real vault."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from records.annual_report import ReportStatus, annual_report_due
from records.errors import ConflictError, RecusalError, ValidationError
from records.report_schema import SCHEMA_DIR
from records.services.annual_reports import AnnualReportService
from records.services.own_account import OwnAccountService
from records.services.policy import PolicyService
from records.session import Session
from tests.records.support import Opener, audit_rows

FLAT = {
    "owner": "共同",
    "address": "青山县城关镇幸福路8号3栋2单元501室",
    "use": "住宅",
    "area": "120.5",
    "acquired_date": "2015-06-01",
    "price": "680000",
}
PARKING = {"owner": "本人", "address": "青山县城关镇幸福路8号地下车库", "use": "车位", "area": "0"}


def official_id(session: Session) -> int:
    return int(session.conn.execute("SELECT min(id) FROM officials").fetchone()[0])


def rows(session: Session, table: str) -> list[tuple[Any, ...]]:
    return [tuple(r) for r in session.conn.execute(f"SELECT * FROM {table} ORDER BY id")]


@pytest.fixture
def clerk(open_populated: Opener) -> Session:
    return open_populated("clerk1")


def fill_all(service: AnnualReportService, report_id: int) -> None:
    """Answer every item: the two that cannot be 无 get an entry, the rest 无此情况."""
    service.set_item(report_id, "marriage", [{"status": "已婚", "spouse_name": "林静"}])
    service.set_item(report_id, "salary", [{"amount": "186000"}])
    report = service.get(report_id)
    for answer in report.items:
        if not answer.answered:
            service.set_item(report_id, answer.code, [], nothing_to_report=True)


def test_a_new_report_has_every_item_unanswered(clerk: Session) -> None:
    service = AnnualReportService(clerk)
    report = service.start(official_id(clerk), 2025)
    assert (report.year, report.schema_version, report.status) == (2025, "2017", ReportStatus.DRAFT)
    assert report.due_date == date(2026, 1, 31) == annual_report_due(2025)
    assert [a.position for a in report.items] == list(range(1, 15))
    assert not any(a.answered for a in report.items)
    assert report.prefilled_from is None
    assert audit_rows(clerk.conn)[-1][3:5] == ("report.start", f"official:{official_id(clerk)}")
    with pytest.raises(ConflictError):
        service.start(official_id(clerk), 2025)
    with pytest.raises(ValidationError) as caught:
        service.start(official_id(clerk), 2027)  # the fixed clock says 2026
    assert caught.value.field == "year"


def test_entries_are_validated_and_errors_name_the_entry_and_field(clerk: Session) -> None:
    service = AnnualReportService(clerk)
    report = service.start(official_id(clerk), 2025)
    before = rows(clerk, "report_items")
    with pytest.raises(ValidationError) as caught:
        service.set_item(report.id, "real_estate", [FLAT, PARKING])
    error = caught.value
    assert (error.field, error.label_zh) == ("real_estate[2].area", "房产面积")
    assert "必须为正数" in error.zh and "第2条" in error.zh
    assert rows(clerk, "report_items") == before  # nothing saved

    cases: list[tuple[str, list[dict[str, object]], str]] = [
        ("real_estate", [{**FLAT, "colour": "red"}], "real_estate[1].colour"),
        ("real_estate", [{**FLAT, "owner": "邻居"}], "real_estate[1].owner"),
        ("real_estate", [{**FLAT, "price": "-1"}], "real_estate[1].price"),
        ("real_estate", [{k: v for k, v in FLAT.items() if k != "address"}],
         "real_estate[1].address"),
        ("passport_private_travel", [{"number": "E1234"}], "passport_private_travel[1].kind"),
        ("passport_private_travel",
         [{"kind": "trip", "start_date": "2025-05-10", "end_date": "2025-05-01",
           "destination": "新加坡"}], "passport_private_travel[1].end_date"),
        ("business", [{"owner": "本人", "name": "某公司", "form": "有限责任公司"}],
         "business[1].owner"),
    ]  # fmt: skip
    for code, entries, field in cases:
        with pytest.raises(ValidationError) as caught:
            service.set_item(report.id, code, entries)
        assert caught.value.field == field, code
    with pytest.raises(ValidationError) as caught:
        service.set_item(report.id, "pets", [])
    assert caught.value.field == "item_code"
    assert rows(clerk, "report_items") == before

    saved = service.set_item(report.id, "real_estate", [FLAT, {**PARKING, "area": "12.5"}])
    answer = saved.item("real_estate")
    assert answer is not None and answer.answered
    assert (
        answer.entries[0]["area"] == "120.50" and answer.entries[0]["acquired_date"] == "2015-06-01"
    )
    assert answer.entries[1]["use"] == "车位"
    passport = service.set_item(
        report.id,
        "passport_private_travel",
        [{"kind": "passport", "number": "E12345678", "issued_date": "2019-03-01",
          "custody": "县委组织部集中保管"},
         {"kind": "trip", "start_date": "2025-07-01", "end_date": "2025-07-08",
          "destination": "新加坡", "purpose": "探亲"}],
    )  # fmt: skip
    item = passport.item("passport_private_travel")
    assert item is not None and [e["kind"] for e in item.entries] == ["passport", "trip"]


def test_nothing_to_report_rules(clerk: Session) -> None:
    service = AnnualReportService(clerk)
    report = service.start(official_id(clerk), 2025)
    with pytest.raises(ValidationError) as caught:
        service.set_item(report.id, "marriage", [], nothing_to_report=True)
    assert caught.value.field == "marriage"
    with pytest.raises(ValidationError):
        service.set_item(report.id, "business", [{"owner": "配偶"}], nothing_to_report=True)
    answer = service.set_item(report.id, "business", [], nothing_to_report=True).item("business")
    assert answer is not None and answer.answered and answer.nothing_to_report


def test_submit_needs_every_item_and_then_fixes_the_report(clerk: Session) -> None:
    service = AnnualReportService(clerk)
    report = service.start(official_id(clerk), 2025)
    service.set_item(report.id, "marriage", [{"status": "已婚"}])
    with pytest.raises(ValidationError) as caught:
        service.submit(report.id, "2026-01-20")
    assert (caught.value.field, caught.value.label_zh) == (
        "passport_private_travel",
        "护照及因私出国",
    )
    fill_all(service, report.id)
    with pytest.raises(ValidationError):
        service.submit(report.id, "2026-11-23")  # after the fixed clock's today
    submitted = service.submit(report.id, "2026-01-20")
    assert (submitted.status, submitted.submitted_date) == (
        ReportStatus.SUBMITTED,
        date(2026, 1, 20),
    )
    with pytest.raises(ConflictError):
        service.set_item(report.id, "business", [], nothing_to_report=True)
    with pytest.raises(ConflictError):
        service.submit(report.id, "2026-01-21")


def test_a_new_year_starts_from_the_last_submitted_report(clerk: Session) -> None:
    service = AnnualReportService(clerk)
    oid = official_id(clerk)
    first = service.start(oid, 2024)
    fill_all(service, first.id)
    service.set_item(first.id, "real_estate", [FLAT])
    service.submit(first.id, "2025-01-15")

    second = service.start(oid, 2025)
    assert second.prefilled_from == first.id
    answer = second.item("real_estate")
    assert answer is not None and answer.entries[0]["address"] == FLAT["address"]
    business = second.item("business")
    assert business is not None and business.nothing_to_report
    assert all(a.answered for a in second.items)
    # The copy is a draft of its own: changing it leaves last year's report alone.
    service.set_item(second.id, "real_estate", [FLAT, {**PARKING, "area": "13"}])
    again = service.get(first.id).item("real_estate")
    assert again is not None and len(again.entries) == 1

    blank = service.start(oid, 2023, prefill_from_previous=False)
    assert blank.prefilled_from is None and not any(a.answered for a in blank.items)
    listed = service.for_official(oid)
    assert [r.year for r in listed] == [2025, 2024, 2023]


def test_change_reports_attach_to_the_latest_report_and_can_be_late(
    clerk: Session, open_populated: Opener
) -> None:
    service = AnnualReportService(clerk)
    oid = official_id(clerk)
    change = [{"person": "欧阳小明", "relation": "子女", "employer": "青山县第一中学"}]
    with pytest.raises(ConflictError):
        service.add_change(oid, "family_employment", "2026-02-01", "2026-02-10", change)
    old = service.start(oid, 2024)
    fill_all(service, old.id)
    service.submit(old.id, "2025-01-10")
    latest = service.start(oid, 2025)
    service.submit(latest.id, "2026-01-10")

    on_time = service.add_change(oid, "family_employment", "2026-01-30", "2026-03-01", change)
    assert on_time.report_id == latest.id
    assert on_time.due_date == date(2026, 3, 1) and not on_time.late
    late = service.add_change(oid, "family_employment", "2026-01-30", "2026-03-02", change)
    assert late.late and late.days_late == 1
    assert audit_rows(clerk.conn)[-1][6].endswith("late:1d")
    answer = service.get(latest.id).item("family_employment")
    assert answer is not None and [c.id for c in answer.changes] == [on_time.id, late.id]
    old_answer = service.get(old.id).item("family_employment")
    assert old_answer is not None and old_answer.changes == ()

    with pytest.raises(ValidationError) as caught:
        service.add_change(
            oid,
            "family_employment",
            "2026-01-30",
            "2026-03-02",
            [{"person": "欧阳小明", "relation": "朋友", "employer": "x"}],
        )
    assert caught.value.field == "family_employment[1].relation"
    with pytest.raises(ValidationError) as caught:
        service.add_change(oid, "salary", "2026-01-30", "2026-03-02", [{"amount": "1"}])
    assert caught.value.field == "item_code"
    with pytest.raises(ValidationError) as caught:
        service.add_change(oid, "family_employment", "2026-03-03", "2026-03-02", change)
    assert caught.value.field == "reported_date"
    with pytest.raises(ValidationError):
        service.add_change(oid, "family_employment", "2026-03-01", "2026-03-02", [])

    # The deadline is the security officer's policy (DOMAIN §3 #2 [configurable]).
    PolicyService(open_populated("sec1")).set(change_report_days=60)
    refreshed = service.get(latest.id).item("family_employment")
    assert refreshed is not None and not any(c.late for c in refreshed.changes)


def test_a_related_clerk_is_recused(clerk: Session) -> None:
    OwnAccountService(clerk).declare_relation(official_id(clerk), "表兄")
    with pytest.raises(RecusalError):
        AnnualReportService(clerk).start(official_id(clerk), 2025)
    assert audit_rows(clerk.conn)[-1][5:] == ("refused", "recusal: 表兄")


def test_a_second_schema_version_is_used_for_new_reports_without_code_changes(
    clerk: Session, tmp_path: Path
) -> None:
    schemas = tmp_path / "schemas"
    schemas.mkdir()
    shutil.copy(SCHEMA_DIR / "2017.json", schemas / "2017.json")
    old = AnnualReportService(clerk, schema_dir=schemas).start(official_id(clerk), 2024)
    fill_all(AnnualReportService(clerk, schema_dir=schemas), old.id)
    AnnualReportService(clerk, schema_dir=schemas).submit(old.id, "2025-01-10")
    draft = AnnualReportService(clerk, schema_dir=schemas).start(official_id(clerk), 2023)

    data = json.loads((SCHEMA_DIR / "2017.json").read_text(encoding="utf-8"))
    data["version"] = "2024"
    data["items"].append(
        {
            "code": "crypto_assets", "group": "家产", "number": 7,
            "label_zh": "虚拟货币持有情况", "short_zh": "虚拟货币", "label_en": "Crypto assets",
            "entry_kinds": [{"code": "holding", "label_zh": "持有", "label_en": "Holding",
                             "fields": [
                {"name": "owner", "label_zh": "持有人", "label_en": "owner", "kind": "choice",
                 "required": True, "choices": "owner"},
                {"name": "amount", "label_zh": "金额", "label_en": "amount", "kind": "money",
                 "required": True, "positive": True},
            ]}],
        }
    )  # fmt: skip
    (schemas / "2024.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")

    service = AnnualReportService(clerk, schema_dir=schemas)
    new = service.start(official_id(clerk), 2025)
    assert new.schema_version == "2024" and len(new.items) == 15
    added = new.item("crypto_assets")
    assert added is not None and not added.answered  # nothing to carry over from 2017
    business = new.item("business")
    assert business is not None and business.nothing_to_report  # carried over
    with pytest.raises(ValidationError) as caught:
        service.set_item(new.id, "crypto_assets", [{"owner": "本人", "amount": "0"}])
    assert (caught.value.field, caught.value.label_zh) == (
        "crypto_assets[1].amount",
        "虚拟货币金额",
    )
    service.set_item(new.id, "crypto_assets", [{"owner": "本人", "amount": "5000"}])
    assert service.get(old.id).schema_version == "2017"  # an old report keeps its version
    with pytest.raises(ValidationError) as caught:
        service.set_item(draft.id, "crypto_assets", [])  # a 2017 draft has no such item
    assert caught.value.field == "item_code"

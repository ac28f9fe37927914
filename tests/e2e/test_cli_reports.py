"""``liandang report …`` and ``liandang due`` through the real console script."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from records.services.annual_reports import AnnualReportService
from records.vault import unlock_vault
from tests.e2e.cli import PASSWORDS, CliVault, Result, run
from tests.records.support import business_snapshot


@pytest.fixture
def vault(cli_vault: CliVault, tmp_path: Path) -> CliVault:
    """A private copy of the shared e2e vault (these tests write to it)."""
    path = tmp_path / "vault"
    shutil.copytree(cli_vault.path, path)
    return CliVault(path, cli_vault.root_pem, cli_vault.official_id, cli_vault.pdf)


def data(vault: CliVault) -> object:
    """Every business row (a login is audited, so the file itself changes)."""
    with unlock_vault(vault.path, "clerk1", PASSWORDS["clerk1"]) as session:
        return business_snapshot(session.conn)


def act(vault: CliVault, user: str, *args: str) -> Result:
    return run(*vault.as_user(user, *args), stdin=PASSWORDS[user] + "\n")


def ok(vault: CliVault, user: str, *args: str) -> str:
    result = act(vault, user, *args)
    assert result.code == 0, result.err
    return result.out


def test_a_report_from_start_to_submit(vault: CliVault, tmp_path: Path) -> None:
    oid = str(vault.official_id)
    started = json.loads(ok(vault, "clerk1", "report", "start", oid, "--year", "2024", "--json"))
    rid = str(started["id"])
    assert started["due_date"] == "2025-01-31" and len(started["unanswered"]) == 14

    before = data(vault)
    bad = act(vault, "clerk1", "report", "item", rid, "real_estate",
              "--entry", "owner=本人,address=幸福路8号,use=住宅,area=120",
              "--entry", "owner=本人,address=幸福路8号车库,use=车位,area=0")  # fmt: skip
    assert bad.code == 2
    assert "房产面积" in bad.err and "real_estate[2].area" in bad.err
    assert len(bad.err.strip().splitlines()) == 1
    assert data(vault) == before  # a failed command writes nothing

    ok(
        vault,
        "clerk1",
        "report",
        "item",
        rid,
        "marriage",
        "--entry",
        "status=已婚,spouse_name=林静",
    )
    ok(vault, "clerk1", "report", "item", rid, "salary", "--entry", "amount=186000")
    entries = tmp_path / "passport.json"
    entries.write_text(
        json.dumps(
            [
                {"kind": "passport", "number": "E12345678", "issued_date": "2019-03-01",
                 "custody": "县委组织部集中保管,2019年起"},
                {"kind": "trip", "start_date": "2024-07-01", "end_date": "2024-07-08",
                 "destination": "新加坡"},
            ],
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )  # fmt: skip
    out = ok(vault, "clerk1", "report", "item", rid, "passport_private_travel",
             "--json-file", str(entries))  # fmt: skip
    assert out.strip() == "passport_private_travel: 2条"
    early = act(vault, "clerk1", "report", "submit", rid, "--date", "2025-01-20")
    assert early.code == 2 and "hk_macao_taiwan" in early.err  # still unanswered
    ok(vault, "clerk1", "report", "item", rid, "business", "--none")
    # The other items the same way, in-process: one unlock instead of ten CLI runs.
    with unlock_vault(vault.path, "clerk1", PASSWORDS["clerk1"]) as session:
        service = AnnualReportService(session)
        for answer in service.get(int(rid)).items:
            if not answer.answered:
                service.set_item(int(rid), answer.code, [], nothing_to_report=True)
    ok(vault, "clerk1", "report", "submit", rid, "--date", "2025-01-20")

    shown = json.loads(ok(vault, "vet1", "report", "show", rid, "--json"))
    assert shown["status"] == "submitted" and shown["submitted_date"] == "2025-01-20"
    passport = next(i for i in shown["items"] if i["code"] == "passport_private_travel")
    assert passport["entries"][0]["custody"] == "县委组织部集中保管,2019年起"
    text = ok(vault, "vet1", "report", "show", rid)
    assert "家事2 护照及因私出国" in text and "已报告" in text

    change = json.loads(ok(vault, "clerk1", "report", "change", oid, "family_employment",
                           "--changed", "2025-03-01", "--reported", "2025-04-15",
                           "--entry", "person=欧阳小明,relation=子女,employer=青山县第一中学",
                           "--json"))  # fmt: skip
    assert change["late"] is True and change["report_id"] == int(rid)
    refused = act(vault, "vet1", "report", "start", oid, "--year", "2025")
    assert refused.code == 3  # the vetting role reads reports, the clerk files them


def test_report_usage_errors_write_nothing(vault: CliVault) -> None:
    before = data(vault)
    for args in (
        ("report", "item", "1", "marriage"),
        ("report", "item", "1", "marriage", "--entry", "status"),
        ("report", "item", "1", "marriage", "--none", "--entry", "status=已婚"),
        ("report", "start", str(vault.official_id), "--year", "二〇二四"),
    ):
        result = act(vault, "clerk1", *args)
        assert result.code == 2, args
        assert len(result.err.strip().splitlines()) == 1
    assert data(vault) == before


def test_report_items_lists_the_schema() -> None:
    result = run("report", "items", "--json")
    assert result.code == 0, result.err
    data = json.loads(result.out)
    assert data["version"] == "2017" and len(data["items"]) == 14
    text = run("report", "items").out
    assert "real_estate" in text and "area*(面积)" in text


def test_due_lists_overdue_and_upcoming_with_counts(vault: CliVault) -> None:
    # The official was filed "today" by the e2e fixture; as of a later date, its first
    # report (on the year before filing) is overdue 30 days after filing.
    result = json.loads(ok(vault, "vet1", "due", "--today", "2099-12-31", "--json"))
    assert result["today"] == "2099-12-31" and result["days"] == 30
    assert result["overdue"] and all(i["overdue"] for i in result["overdue"])
    kinds = {i["kind"] for i in result["overdue"]}
    assert kinds == {"annual_report"}
    assert result["by_unit"][0]["unit"] == "青山县财政局"
    text = ok(vault, "vet1", "due", "--today", "2099-12-31", "--days", "60")
    assert text.startswith("已逾期(") and "60日内到期" in text and "按单位统计" in text
    assert act(vault, "vet1", "due", "--days", "999").code == 2
    assert act(vault, "vet1", "due", "--today", "2099-13-01").code == 2
    assert act(vault, "admin", "due").code == 3


def test_a_change_report_is_withdrawn_not_deleted(vault: CliVault) -> None:
    oid = str(vault.official_id)
    # A submitted 2024 report, in-process: one unlock instead of fifteen CLI runs.
    with unlock_vault(vault.path, "clerk1", PASSWORDS["clerk1"]) as session:
        service = AnnualReportService(session)
        report = service.start(vault.official_id, 2024)
        service.set_item(report.id, "marriage", [{"status": "已婚", "spouse_name": "林静"}])
        service.set_item(report.id, "salary", [{"amount": "186000"}])
        for answer in service.get(report.id).items:
            if not answer.answered:
                service.set_item(report.id, answer.code, [], nothing_to_report=True)
        service.submit(report.id, "2025-01-20")
    rid = str(report.id)
    change = json.loads(ok(vault, "clerk1", "report", "change", oid, "family_employment",
                           "--changed", "2025-03-01", "--reported", "2025-04-15",
                           "--entry", "person=欧阳小明,relation=子女,employer=青山县第一中学",
                           "--note", "子女大学毕业后参加工作", "--json"))  # fmt: skip
    cid = str(change["id"])
    assert change["late"] is True and change["note"] == "子女大学毕业后参加工作"

    def late_changes() -> list[dict[str, object]]:
        due = json.loads(ok(vault, "vet1", "due", "--today", "2025-04-20", "--json"))
        return [i for i in due["overdue"] if i["kind"] == "change_report"]

    assert len(late_changes()) == 1

    before = data(vault)
    for args, code in (
        (("report", "withdraw-change", cid, "--reason", "  "), 2),  # a reason is required
        (("report", "withdraw-change", str(int(cid) + 99), "--reason", "重复登记"), 1),
    ):
        result = act(vault, "clerk1", *args)
        assert result.code == code, result.err
        assert len(result.err.strip().splitlines()) == 1
    assert "撤销理由" in act(vault, "clerk1", "report", "withdraw-change", cid, "--reason", "").err
    refused = act(vault, "vet1", "report", "withdraw-change", cid, "--reason", "重复登记")
    assert refused.code == 3  # the vetting role reads reports, the clerk corrects them
    assert data(vault) == before  # a failed command writes nothing

    out = ok(vault, "clerk1", "report", "withdraw-change", cid, "--reason", "重复登记")
    assert out.strip() == f"{cid} 已撤销"
    again = act(vault, "clerk1", "report", "withdraw-change", cid, "--reason", "再次撤销")
    assert again.code == 1 and "已撤销" in again.err
    assert late_changes() == []  # no longer counted as late

    shown = json.loads(ok(vault, "vet1", "report", "show", rid, "--json"))
    employment = next(i for i in shown["items"] if i["code"] == "family_employment")
    [kept] = employment["changes"]
    assert (kept["id"], kept["withdrawn"], kept["withdraw_reason"], kept["withdrawn_by"]) == (
        int(cid), True, "重复登记", "clerk1",
    )  # fmt: skip
    assert kept["note"] == "子女大学毕业后参加工作" and kept["entries"][0]["person"] == "欧阳小明"
    text = ok(vault, "vet1", "report", "show", rid)
    assert "已撤销:重复登记" in text and "子女大学毕业后参加工作" in text
    assert "0份(已撤销1份)" in text
    [listed] = json.loads(ok(vault, "vet1", "report", "list", oid, "--json"))
    assert listed["changes"] == [
        {"id": int(cid), "item_code": "family_employment", "change_date": "2025-03-01",
         "reported_date": "2025-04-15", "late": True, "withdrawn": True,
         "withdraw_reason": "重复登记"},
    ]  # fmt: skip
    assert "已撤销1份" in ok(vault, "vet1", "report", "list", oid)

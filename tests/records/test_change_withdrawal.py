"""Withdrawing a 事项变化报告 through the real service on a real vault: the row is kept with
who, when and why, the step is audited without content, and no rule counts it any more —
not the deadline list, not eligibility, not the declared side of a check."""

from __future__ import annotations

import pytest

from records import audit
from records.check_rules import Finding
from records.deadlines import DueKind, due_items
from records.eligibility import SPOUSE_EMIGRATED
from records.errors import (
    ConflictError,
    NotFoundError,
    PermissionDeniedError,
    RecusalError,
    ValidationError,
)
from records.roles import Role
from records.services.annual_reports import AnnualReportService
from records.services.checks import CheckService
from records.services.eligibility import EligibilityService
from records.services.own_account import OwnAccountService
from records.session import Session
from tests.records.check_support import file_report, first_official
from tests.records.support import NOW, TODAY, USER_OF_ROLE, Opener, audit_rows, business_snapshot

EMPLOYMENT = {"person": "欧阳小明", "relation": "子女", "employer": "青山县第一中学"}
SPOUSE_EMIGRATED_ENTRY = {
    "person": "林静",
    "relation": "配偶",
    "situation": "移居国(境)外",
    "country": "加拿大",
}
REASON = "录入错误:误将他人情况登记在此"


@pytest.fixture
def clerk(open_populated: Opener) -> Session:
    return open_populated("clerk1")


@pytest.fixture
def report_id(clerk: Session) -> int:
    """The official's submitted 2025 report (marriage 已婚, the rest 无)."""
    return file_report(clerk, first_official(clerk), 2025, {})


def change_rows(session: Session) -> list[dict[str, object]]:
    cursor = session.conn.execute("SELECT * FROM change_reports ORDER BY id")
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor]


def test_withdrawal_keeps_the_change_report_with_its_reason(clerk: Session, report_id: int) -> None:
    service = AnnualReportService(clerk)
    oid = first_official(clerk)
    filed = service.add_change(
        oid, "family_employment", "2026-10-01", "2026-10-15", [EMPLOYMENT], note="子女参加工作"
    )
    assert (filed.note, filed.withdrawn) == ("子女参加工作", False)
    before = change_rows(clerk)

    withdrawn = service.withdraw_change(filed.id, f"  {REASON} ")
    assert withdrawn.withdrawn and withdrawn.withdraw_reason == REASON
    assert (withdrawn.withdrawn_by, withdrawn.withdrawn_at) == ("clerk1", NOW)
    # Content untouched, nothing removed or added: only the withdrawal columns are filled.
    assert (withdrawn.entries, withdrawn.note, withdrawn.change_date) == (
        filed.entries,
        filed.note,
        filed.change_date,
    )
    after = change_rows(clerk)
    assert len(after) == len(before) == 1
    assert {k: v for k, v in after[0].items() if before[0][k] != v} == {
        "withdrawn_at": NOW.isoformat(),
        "withdrawn_by": "clerk1",
        "withdraw_reason": REASON,
    }

    # Still attached to its item, marked, where every reader finds it.
    answer = service.get(report_id).item("family_employment")
    assert answer is not None and answer.changes == (withdrawn,)
    [listed] = service.for_official(oid)
    assert listed.item("family_employment").changes == (withdrawn,)  # type: ignore[union-attr]

    # One audit entry for the step: ids and the item code, never the reason or the entries.
    entries = audit.entries(clerk.conn)
    step = next(e for e in reversed(entries) if e.action == "report.change_withdraw")
    assert (step.object, step.user_name, step.outcome, step.at) == (
        f"official:{oid}",
        "clerk1",
        "ok",
        NOW,
    )
    assert step.detail == f"report:{report_id} item:family_employment change:{filed.id}"
    assert not any(REASON in e.detail or "欧阳小明" in e.detail for e in entries)
    assert clerk.verify_audit_chain().ok


def test_a_reason_is_required_and_a_second_withdrawal_is_refused(
    clerk: Session, report_id: int
) -> None:
    service = AnnualReportService(clerk)
    change = service.add_change(
        first_official(clerk), "family_employment", "2026-10-01", "2026-10-15", [EMPLOYMENT]
    )
    before, trail = business_snapshot(clerk.conn), audit_rows(clerk.conn)
    for reason in ("", "  \n "):
        with pytest.raises(ValidationError) as caught:
            service.withdraw_change(change.id, reason)
        assert (caught.value.field, caught.value.label_zh) == ("reason", "撤销理由")
        assert "撤销理由" in caught.value.zh
    with pytest.raises(ValidationError) as caught:
        service.withdraw_change(change.id, "理" * 501)
    assert caught.value.field == "reason"
    with pytest.raises(NotFoundError):
        service.withdraw_change(change.id + 100, REASON)
    assert business_snapshot(clerk.conn) == before  # a refused step writes nothing
    assert audit_rows(clerk.conn) == trail

    service.withdraw_change(change.id, REASON)
    withdrawn = business_snapshot(clerk.conn)
    with pytest.raises(ConflictError) as conflict:
        service.withdraw_change(change.id, "再次撤销")
    assert "已撤销" in conflict.value.zh
    assert business_snapshot(clerk.conn) == withdrawn
    [stored] = change_rows(clerk)
    assert stored["withdraw_reason"] == REASON  # the first reason stays


def test_a_withdrawn_emigration_change_no_longer_bars_the_official(
    clerk: Session, report_id: int
) -> None:
    oid = first_official(clerk)
    eligibility = EligibilityService(clerk)
    baseline = eligibility.assess(oid)
    assert SPOUSE_EMIGRATED not in [r.code for r in baseline.reasons]

    service = AnnualReportService(clerk)
    change = service.add_change(
        oid, "family_emigration", "2026-10-01", "2026-10-15", [SPOUSE_EMIGRATED_ENTRY]
    )
    barred = eligibility.assess(oid)
    assert not barred.eligible
    [reason] = [r for r in barred.reasons if r.code == SPOUSE_EMIGRATED]
    assert f"change_report:{change.id}" in reason.evidence

    service.withdraw_change(change.id, REASON)
    cleared = eligibility.assess(oid)
    assert cleared == baseline
    assert SPOUSE_EMIGRATED not in [r.code for r in cleared.reasons]


def test_a_withdrawn_late_change_is_no_longer_listed_as_late(
    clerk: Session, report_id: int
) -> None:
    service = AnnualReportService(clerk)
    oid = first_official(clerk)
    emigration = {**SPOUSE_EMIGRATED_ENTRY, "person": "欧阳小明", "relation": "子女"}
    on_time = service.add_change(oid, "family_emigration", "2026-09-01", "2026-10-01", [emigration])
    late = service.add_change(oid, "family_emigration", "2026-09-01", "2026-11-01", [emigration])
    assert late.late and not on_time.late

    def late_ones() -> list[str]:
        return [i.detail for i in due_items(clerk.conn, TODAY) if i.kind is DueKind.CHANGE_REPORT]

    assert late_ones() == ["配偶子女移居国(境)外:变化于2026-09-01,2026-11-01报告,逾期31天"]
    service.withdraw_change(late.id, REASON)
    assert late_ones() == []
    assert service.withdraw_change(on_time.id, REASON).late is False  # nothing to list either
    assert late_ones() == []


def test_a_withdrawn_change_is_not_declared_in_a_check(clerk: Session, report_id: int) -> None:
    oid = first_official(clerk)
    change = AnnualReportService(clerk).add_change(
        oid, "family_employment", "2026-10-01", "2026-10-15", [EMPLOYMENT]
    )
    checks = CheckService(clerk)
    check = checks.new(oid, 2025, "random", opened_date="2026-11-01")
    recorded = checks.record_verified(check.id, "family_employment", [EMPLOYMENT])
    [item] = recorded.items
    assert item.finding is Finding.CONSISTENT and item.declared == (EMPLOYMENT,)

    AnnualReportService(clerk).withdraw_change(change.id, REASON)
    [again] = checks.classify(check.id).items
    # Reported only through the withdrawn change report: not reported at all.
    assert again.finding is Finding.CONCEALED and again.declared == ()


@pytest.mark.parametrize("role", [Role.VETTING, Role.SYSADMIN, Role.SECADMIN, Role.AUDITOR])
def test_only_the_clerk_withdraws(open_populated: Opener, role: Role) -> None:
    clerk = open_populated("clerk1")
    file_report(clerk, first_official(clerk), 2025, {})
    change = AnnualReportService(clerk).add_change(
        first_official(clerk), "family_employment", "2026-10-01", "2026-10-15", [EMPLOYMENT]
    )
    other = open_populated(USER_OF_ROLE[role])
    before = business_snapshot(other.conn)
    with pytest.raises(PermissionDeniedError) as caught:
        AnnualReportService(other).withdraw_change(change.id, REASON)
    assert "撤销事项变化报告" in caught.value.zh
    assert business_snapshot(other.conn) == before
    last = audit.entries(other.conn)[-1]
    assert (last.action, last.object, last.outcome) == (
        "report.change_withdraw",
        f"change_report:{change.id}",
        "refused",
    )


def test_a_related_clerk_is_recused(clerk: Session, report_id: int) -> None:
    change = AnnualReportService(clerk).add_change(
        first_official(clerk), "family_employment", "2026-10-01", "2026-10-15", [EMPLOYMENT]
    )
    OwnAccountService(clerk).declare_relation(first_official(clerk), "表兄")
    before = business_snapshot(clerk.conn)
    with pytest.raises(RecusalError):
        AnnualReportService(clerk).withdraw_change(change.id, REASON)
    assert business_snapshot(clerk.conn) == before
    assert audit_rows(clerk.conn)[-1][5:] == ("refused", "recusal: 表兄")


def test_a_change_note_is_optional_and_limited(clerk: Session, report_id: int) -> None:
    service = AnnualReportService(clerk)
    oid = first_official(clerk)
    plain = service.add_change(oid, "family_employment", "2026-10-01", "2026-10-15", [EMPLOYMENT])
    assert plain.note == ""
    noted = service.add_change(
        oid, "family_employment", "2026-10-02", "2026-10-15", [EMPLOYMENT], note=" 新入职 "
    )
    assert noted.note == "新入职"
    answer = service.get(report_id).item("family_employment")
    assert answer is not None and [c.note for c in answer.changes] == ["", "新入职"]
    before = business_snapshot(clerk.conn)
    with pytest.raises(ValidationError) as caught:
        service.add_change(
            oid, "family_employment", "2026-10-03", "2026-10-15", [EMPLOYMENT], note="字" * 501
        )
    assert (caught.value.field, caught.value.label_zh) == ("note", "说明")
    assert business_snapshot(clerk.conn) == before
    assert not any("新入职" in e.detail for e in audit.entries(clerk.conn))

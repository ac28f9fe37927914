"""The demo vault (ui/demo_vault.py, built from records/synthetic_dossiers.py): what a clerk
or a vetting officer finds in it, read back through the services, and that it looks right
whenever it is built. No Qt: the demo is built and read without a window.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager, suppress
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from records.annual_report import ReportStatus
from records.deadlines import DueKind
from records.errors import NotFoundError, VaultExistsError
from records.influence import record_influence_periods
from records.model import OfficialStatus, Record
from records.record_type_catalog import CATALOG
from records.report_check import CheckStatus
from records.roles import Role
from records.services.annual_reports import AnnualReportService
from records.services.audit_trail import AuditService
from records.services.checks import CheckService
from records.services.clue_informants import ClueInformantService
from records.services.deadlines import DeadlineService
from records.services.officials import OfficialService
from records.services.positions import PositionService
from records.services.vetting import VettingService
from records.session import Session
from records.synthetic import synthetic_officials
from records.synthetic_dossiers import demo_plan
from records.vault import unlock_vault
from records.vetting_terms import RequestState
from ui.demo_vault import DEMO_ACCOUNTS, create_demo_vault, is_demo_vault

BEIJING = timezone(timedelta(hours=8))
BUILT = datetime(2026, 11, 22, 10, 0, tzinfo=BEIJING)
TODAY = BUILT.date()


@contextmanager
def opened(path: Path, role: Role, at: datetime = BUILT) -> Iterator[Session]:
    account = next(a for a in DEMO_ACCOUNTS if a.role is role)
    with unlock_vault(path, account.name, account.password, clock=lambda: at) as session:
        yield session


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo-vault"
    assert create_demo_vault(path, clock=lambda: BUILT) == 60
    return path


@pytest.fixture(scope="module")
def records(demo: Path) -> list[Record]:
    with opened(demo, Role.CLERK) as session:
        service = OfficialService(session)
        return [r for o in service.list() for r in service.dossier(o.id).records]


def test_every_record_type_is_in_the_demo(demo: Path, records: list[Record]) -> None:
    assert is_demo_vault(demo)
    assert {t.code for t in CATALOG} <= {r.type for r in records}
    assert any(r.withdrawn for r in records)
    assert any(r.version > 1 for r in records)  # corrected, the history kept


def test_officials_differ_in_category_flags_and_status(demo: Path) -> None:
    with opened(demo, Role.CLERK) as session:
        people = OfficialService(session).list()
        positions = PositionService(session)
        held = [len(positions.list(o.id)) for o in people]
    assert len(people) == 60
    assert {o.category for o in people} == {1, 2, 3, 4, 5, 6}
    assert {o.status for o in people} == set(OfficialStatus)
    for flag in ("is_leading", "is_reserve", "is_top_leader", "is_dual_role"):
        assert {getattr(o, flag) for o in people} == {True, False}, flag
    assert len({o.management_level for o in people}) >= 4
    assert 0 < sum(n >= 2 for n in held) < len(people)  # a position history for some


def test_most_officials_reported_the_previous_year(demo: Path) -> None:
    with opened(demo, Role.CLERK) as session:
        service = AnnualReportService(session)
        people = [o for o in OfficialService(session).list() if o.status == "serving"]
        reports = [r for o in people for r in service.for_official(o.id)]
    previous = [r for r in reports if r.year == TODAY.year - 1]
    submitted = [r for r in previous if r.status is ReportStatus.SUBMITTED]
    assert 0.8 * len(people) <= len(submitted) < len(people)
    assert any(r.status is ReportStatus.DRAFT for r in previous)
    assert any(r.prefilled_from is not None for r in submitted)
    entries = [(a.code, e) for r in submitted for a in r.items for e in a.entries]
    kinds = {(code, str(e.get("kind", e.get("use", "")))) for code, e in entries}
    for wanted in (
        ("real_estate", "住宅"), ("real_estate", "车位"), ("passport_private_travel", "passport"),
        ("passport_private_travel", "trip"), ("hk_macao_taiwan", "permit"),
    ):  # fmt: skip
        assert wanted in kinds
    for code in ("securities", "business", "family_employment", "family_emigration"):
        assert any(c == code for c, _e in entries), code
    changes = [c for r in submitted for a in r.items for c in a.changes]
    assert len(changes) >= 2 and any(c.late for c in changes)


def test_the_deadlines_show_overdue_and_soon_due_items(demo: Path) -> None:
    with opened(demo, Role.CLERK) as session:
        due = DeadlineService(session).due()
    overdue = {i.kind for i in due if i.overdue}
    soon = {i.kind for i in due if not i.overdue}
    assert {DueKind.ANNUAL_REPORT, DueKind.RECTIFICATION, DueKind.INTEGRITY_TALK} <= overdue
    assert {DueKind.ANNUAL_REPORT, DueKind.INFLUENCE_END, DueKind.RECTIFICATION} <= soon
    assert any(i.kind is DueKind.ANNUAL_REPORT and "草稿" in i.detail for i in due)


def test_influence_periods_running_and_over(demo: Path) -> None:
    with opened(demo, Role.CLERK) as session:
        periods = record_influence_periods(session.conn)
    assert any(p.covers(TODAY) for p in periods)
    assert any(not p.covers(TODAY) for p in periods)
    labels = {p.source_label_zh for p in periods}
    assert {"诫勉", "党纪处分:警告", "组织处理:调整职务"} <= labels


def test_checks_found_concealment_and_omission(demo: Path) -> None:
    with opened(demo, Role.CLERK) as session:
        checks = CheckService(session).list()
    done = {c.finding.value: c for c in checks if c.status is CheckStatus.COMPLETED}
    assert {"瞒报", "漏报"} <= set(done)
    assert all(done[f].decision is not None for f in ("瞒报", "漏报"))
    assert done["瞒报"].blocks_promotion
    assert any(c.status is CheckStatus.OPEN for c in checks)


def test_clues_in_every_state_kept_by_the_clerk(demo: Path, records: list[Record]) -> None:
    clues = [r for r in records if r.type == "clue"]
    assert {r.fields["custodian"] for r in clues} == {"clerk"}
    assert {r.fields["status"] for r in clues} == {"待处置", "处置中", "已了结"}
    assert {"初步核实", "谈话函询", "暂存待查", "予以了结"} <= {
        r.fields.get("disposal") for r in clues
    }
    assert {"属实", "不属实"} <= {r.fields.get("conclusion") for r in clues}
    with opened(demo, Role.CLERK) as session:
        informants = []
        for clue in clues:
            with suppress(NotFoundError):
                informants.append(ClueInformantService(session).read(clue.id))
    assert informants
    # Stored apart: no clue's fields name its informant.
    assert not any(i.name in str(r.fields) for i in informants for r in clues)


def test_appraisals_talks_and_the_rest(records: list[Record]) -> None:
    def values(type_code: str, name: str) -> set[object]:
        return {r.fields.get(name) for r in records if r.type == type_code}

    assert {"优秀", "称职", "基本称职"} <= values("appraisal", "grade")
    assert {"廉政谈话", "函询", "诫勉"} <= values("talk", "kind")
    assert any(r.fields.get("reply") for r in records if r.type == "talk")
    assert {"巡察", "审计"} <= values("inspection_finding", "body")
    assert {"已整改", "整改中"} <= values("inspection_finding", "rectification_status")
    assert {"党纪处分", "政务处分", "组织处理"} <= values("sanction", "system")
    assert True in values("gift", "giver_withheld")


def test_a_draft_vetting_request_with_candidates_of_every_kind(demo: Path) -> None:
    with opened(demo, Role.VETTING) as session:
        service = VettingService(session)
        (request,) = service.requests()
        detail = service.detail(request.id)
    assert request.state is RequestState.DRAFT
    assert request.created_by == "vetting"
    assert 5 <= len(detail.candidates) <= 8
    assert all(c.decision is None for c in detail.candidates)  # left for the user
    categories = {c.proposal.category for c in detail.candidates}
    assert len(categories) >= 3
    assert len(categories) == 6  # as planned: one candidate per opinion category at least


def test_the_audit_trail_verifies_and_reads_in_order(demo: Path) -> None:
    with opened(demo, Role.AUDITOR) as session:
        assert session.verify_audit_chain().first_bad_seq is None
        entries = AuditService(session).list(limit=100_000)
    times = [e.at for e in reversed(entries)]
    assert times == sorted(times)
    assert times[0].date() < TODAY - timedelta(days=300)  # the vault went into use last January
    assert times[-1] <= BUILT + timedelta(minutes=1)


@pytest.mark.parametrize(
    "built",
    [datetime(2027, 1, 10, 9, 0, tzinfo=BEIJING), datetime(2027, 2, 25, 18, 0, tzinfo=BEIJING)],
    ids=["january", "after-the-deadline"],
)
def test_the_demo_looks_right_whenever_it_is_built(tmp_path: Path, built: datetime) -> None:
    path = tmp_path / "demo"
    create_demo_vault(path, clock=lambda: built)
    with opened(path, Role.CLERK, built) as session:
        due = DeadlineService(session).due()
        periods = record_influence_periods(session.conn)
    assert any(i.kind is DueKind.ANNUAL_REPORT and i.overdue for i in due)
    assert {p.covers(built.date()) for p in periods} == {True, False}
    with opened(path, Role.VETTING, built) as session:
        service = VettingService(session)
        (request,) = service.requests()
        categories = {c.proposal.category for c in service.detail(request.id).candidates}
    assert request.letter_date == built.date() - timedelta(days=2)
    assert len(categories) >= 3


def test_a_small_demo(tmp_path: Path) -> None:
    path = tmp_path / "demo"
    assert create_demo_vault(path, officials=3, clock=lambda: BUILT) == 3
    with opened(path, Role.VETTING) as session:
        (request,) = VettingService(session).requests()
    assert len(request.candidate_ids) == 3


def test_the_plan_is_deterministic() -> None:
    def plan() -> object:
        return demo_plan(synthetic_officials(60, today=TODAY), TODAY)

    assert plan() == plan()


def test_a_folder_in_use_is_refused(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(VaultExistsError):
        create_demo_vault(tmp_path, officials=1)
    assert [p.name for p in tmp_path.iterdir()] == ["notes.txt"]


def test_the_demo_dates_count_back_from_the_clock() -> None:
    plan = demo_plan(synthetic_officials(60, today=TODAY), TODAY)
    days = [s.day for s in plan.steps]
    assert days == sorted(days)
    assert plan.opened < days[0] and days[-1] == TODAY
    assert date(TODAY.year, 1, 1) <= plan.opened

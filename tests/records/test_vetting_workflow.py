"""The vetting workflow through the real services: 草稿 → 审核中 → 已回复, decisions audited,
bad input refused with nothing saved, recused candidates refused.

The reply itself (signing, filing the copies) is tested in tests/exports/test_vetting_reply.py.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from sqlcipher3 import dbapi2

from records import audit
from records.errors import (
    ConflictError,
    NotFoundError,
    PermissionDeniedError,
    RecusalError,
    ValidationError,
)
from records.report_check import CheckKind
from records.services.checks import CheckService
from records.services.dossier_records import RecordService
from records.services.officials import OfficialService
from records.services.own_account import OwnAccountService
from records.services.vetting import VettingService
from records.session import Session
from records.vetting_checklist import ChecklistCode
from records.vetting_terms import Category, Decision, Purpose, RequestState
from tests.records.check_support import insert_report
from tests.records.support import (
    ID_FEMALE,
    NOW,
    Opener,
    audit_rows,
    business_snapshot,
    count,
    make_id,
    official_values,
)

CLUE_SUMMARY = "群众反映其配偶违规经商办企业"
LETTER = {
    "number": "青组函〔2026〕12号",
    "letter_date": "2026-11-20",
    "requesting_unit": "中共青山县委组织部",
    "purpose": "拟提拔",
}


@dataclass(frozen=True)
class World:
    vet: Session
    clerk: Session
    clean: int  # no clue at all
    clue: int  # a clue in 初步核实
    sanctioned: int  # a Party warning whose period runs to 2027-03-01

    @property
    def ids(self) -> list[int]:
        return [self.clean, self.clue, self.sanctioned]


@pytest.fixture
def world(open_populated: Opener) -> World:
    clerk = open_populated("clerk1")
    officials, records = OfficialService(clerk), RecordService(clerk)
    clean = int(clerk.conn.execute("SELECT min(id) FROM officials").fetchone()[0])
    clue = officials.add(official_values(name="林晓燕", id_number=ID_FEMALE)).id
    sanctioned = officials.add(
        official_values(name="张三", id_number=make_id("11010519750101003"))
    ).id
    clue_fields = {
        "summary": CLUE_SUMMARY,
        "custodian": "clerk1",
        "disposal": "初步核实",
        "status": "处置中",
    }
    records.add(clue, "clue", "2026-09-01", clue_fields)
    sanction_fields = {"system": "党纪处分", "kind": "警告", "decision_number": "青纪发〔2026〕3号"}
    records.add(sanctioned, "sanction", "2026-03-01", sanction_fields)
    return World(open_populated("vet1"), clerk, clean, clue, sanctioned)


def new_request(world: World, **overrides: object) -> int:
    values: dict[str, object] = {**LETTER, "candidate_ids": world.ids, **overrides}
    return VettingService(world.vet).create(**values).id  # type: ignore[arg-type]


def test_a_new_request_is_a_draft_with_its_candidates_in_order(world: World) -> None:
    request = VettingService(world.vet).create(
        **LETTER, candidate_ids=[world.sanctioned, world.clean], due_date="2026-11-30"
    )
    assert request.state is RequestState.DRAFT
    assert request.purpose is Purpose.PROMOTION
    assert request.candidate_ids == (world.sanctioned, world.clean)
    assert (request.created_by, request.created_at) == ("vet1", NOW)
    assert str(request.due_date) == "2026-11-30"
    last = audit.entries(world.vet.conn)[-1]
    assert (last.action, last.object, last.detail) == (
        "vetting.create",
        f"vetting:{request.id}",
        f"candidates:{world.sanctioned},{world.clean}",
    )
    assert [r.id for r in VettingService(world.vet).requests()] == [request.id]


def test_a_promotion_opens_the_targeted_check_of_each_reported_candidate(world: World) -> None:
    """凡提必查: in the same transaction as the request, each candidate's latest submitted
    report gets a 重点抽查 (an existing check is kept; no report, no check)."""
    insert_report(world.clerk, world.clean, 2024)
    insert_report(world.clerk, world.clean, 2025)
    insert_report(world.clerk, world.clue, 2025)
    existing = CheckService(world.clerk).new(world.clue, 2025, "random", opened_date="2026-11-01")
    before = audit_rows(world.vet.conn)

    request_id = new_request(world)

    checks = CheckService(world.vet)
    [opened] = checks.list(world.clean)
    assert (opened.year, opened.kind, opened.reason) == (2025, CheckKind.TARGETED,
                                                         "凡提必查:青组函〔2026〕12号")  # fmt: skip
    assert [c.id for c in checks.list(world.clue)] == [existing.id]
    assert checks.list(world.sanctioned) == []  # no report filed: nothing to check
    new_entries = audit_rows(world.vet.conn)[len(before) :]
    assert [row[3] for row in new_entries[:2]] == ["vetting.create", "check.require"]
    item = next(
        i for c in VettingService(world.vet).detail(request_id).candidates
        if c.official.id == world.clean for i in c.checklist
        if i.code is ChecklistCode.PERSONAL_REPORT
    )  # fmt: skip
    assert not item.done and "查核中" in item.evidence_zh


def test_a_commendation_opens_no_check(world: World) -> None:
    insert_report(world.clerk, world.clean, 2025)
    new_request(world, purpose="评先评优")
    assert CheckService(world.vet).list(world.clean) == []


def test_detail_proposes_a_category_per_candidate_with_reasons_and_checklist(world: World) -> None:
    request_id = new_request(world)
    detail = VettingService(world.vet).detail(request_id)
    by_id = {c.official.id: c for c in detail.candidates}
    assert by_id[world.clean].proposal.category is Category.NO_CLUE
    clue = by_id[world.clue].proposal
    assert clue.category is Category.DEFER_USE
    assert [r.code for r in clue.reasons] == ["clue_preliminary_verification"]
    assert clue.reasons[0].record_ids and "初步核实" in clue.reasons[0].text_zh
    sanctioned = by_id[world.sanctioned].proposal
    assert sanctioned.category is Category.DEFER_USE
    assert "2027-03-01" in sanctioned.reasons[0].text_zh
    # Need-to-know: the clue's content never reaches a reason or the checklist.
    for candidate in detail.candidates:
        texts = [r.text_zh + r.text_en for r in candidate.proposal.reasons]
        texts += [i.evidence_zh + i.evidence_en for i in candidate.checklist]
        assert not any(CLUE_SUMMARY in t for t in texts)
        assert [i.code for i in candidate.checklist] == list(ChecklistCode)
        assert candidate.decision is None and not candidate.stale
    petitions = by_id[world.clue].checklist[3]
    assert not petitions.done and petitions.record_ids == clue.reasons[0].record_ids
    assert audit.entries(world.vet.conn)[-1].action == "vetting.read"


def test_confirm_and_override_are_kept_and_audited(world: World) -> None:
    request_id = new_request(world)
    service = VettingService(world.vet)
    confirmed = service.decide(request_id, world.clean, confirm=True)
    assert (confirmed.category, confirmed.decision) == (Category.NO_CLUE, Decision.CONFIRMED)
    assert confirmed.reasons[0].code == "no_clue"
    entry = audit.entries(world.vet.conn)[-1]
    assert (entry.action, entry.object) == ("vetting.decide", f"official:{world.clean}")
    assert entry.detail == f"vetting:{request_id} confirmed category:1 proposed:1"

    overridden = service.decide(
        request_id, world.clue, category="第4类", justification="线索反映内容已初步排除"
    )
    assert (overridden.category, overridden.proposed) == (Category.BEING_HANDLED,
                                                          Category.DEFER_USE)  # fmt: skip
    assert overridden.decision is Decision.OVERRIDDEN
    assert overridden.justification == "线索反映内容已初步排除"
    entry = audit.entries(world.vet.conn)[-1]
    assert entry.detail.startswith(f"vetting:{request_id} overridden category:4 proposed:5")
    assert "justification-sha256:" in entry.detail
    assert "线索" not in entry.detail  # the auditor reads the trail: no dossier content

    # Changing one's mind keeps the earlier decision (append-only), the latest counts.
    again = service.decide(request_id, world.clue, confirm=True)
    assert again.category is Category.DEFER_USE
    assert count(world.vet.conn, "vetting_decisions") == 3
    with pytest.raises(dbapi2.IntegrityError, match="append-only"):
        world.vet.conn.execute("UPDATE vetting_decisions SET category = 1")


def test_a_category_equal_to_the_proposal_is_a_confirmation(world: World) -> None:
    request_id = new_request(world)
    decision = VettingService(world.vet).decide(
        request_id, world.sanctioned, category=5, justification="影响期未满"
    )
    assert decision.decision is Decision.CONFIRMED and decision.justification == "影响期未满"


def assert_nothing_saved(session: Session, attempt: object, error: type[Exception],
                         field: str | None = None) -> Exception:  # fmt: skip
    before, trail = business_snapshot(session.conn), audit_rows(session.conn)
    with pytest.raises(error) as caught:
        attempt()  # type: ignore[operator]
    assert business_snapshot(session.conn) == before
    assert audit_rows(session.conn) == trail
    if field is not None:
        assert isinstance(caught.value, ValidationError)
        assert caught.value.field == field
    message = str(caught.value)
    assert " / " in message  # Chinese and English
    return caught.value


BAD_LETTERS: list[tuple[dict[str, object], str, str]] = [
    ({"candidate_ids": []}, "candidate", "至少需要一名人选"),
    ({"number": " "}, "number", "不能为空"),
    ({"requesting_unit": ""}, "unit", "不能为空"),
    ({"purpose": "提拔"}, "purpose", "拟提拔"),
    ({"letter_date": "2026-11-23"}, "date", "不能晚于今天"),
    ({"letter_date": "2026/11/20"}, "date", "YYYY-MM-DD"),
    ({"due_date": "2026-11-19"}, "due", "不能早于来函日期"),
]


@pytest.mark.parametrize(("change", "field", "words"), BAD_LETTERS,
                         ids=[f for _c, f, _w in BAD_LETTERS])  # fmt: skip
def test_bad_letters_name_the_field_and_save_nothing(
    world: World, change: dict[str, object], field: str, words: str
) -> None:
    values = {**LETTER, "candidate_ids": world.ids, **change}
    error = assert_nothing_saved(
        world.vet, lambda: VettingService(world.vet).create(**values), ValidationError, field
    )
    assert words in str(error)


def test_a_candidate_twice_or_unknown_is_refused_and_nothing_saved(world: World) -> None:
    service = VettingService(world.vet)
    twice = [world.clean, world.clue, world.clean]
    error = assert_nothing_saved(
        world.vet, lambda: service.create(**LETTER, candidate_ids=twice), ValidationError,
        "candidate",
    )  # fmt: skip
    assert f"重复的人选:{world.clean}" in str(error)
    error = assert_nothing_saved(
        world.vet, lambda: service.create(**LETTER, candidate_ids=[world.clean, 999]),
        NotFoundError,
    )  # fmt: skip
    assert "999" in error.zh and "official not found: 999" in error.en  # type: ignore[attr-defined]


def test_the_same_letter_twice_is_a_conflict(world: World) -> None:
    new_request(world)
    assert_nothing_saved(world.vet, lambda: new_request(world), ConflictError)


def test_a_recused_candidate_is_refused_and_the_refusal_audited(world: World) -> None:
    request_id = new_request(world)
    OwnAccountService(world.vet).declare_relation(world.clue, "表兄弟")
    before = business_snapshot(world.vet.conn)
    with pytest.raises(RecusalError) as caught:
        VettingService(world.vet).create(**{**LETTER, "number": "另一函"},
                                         candidate_ids=[world.clean, world.clue])  # fmt: skip
    assert str(world.clue) in caught.value.zh
    # Opening, deciding or submitting a request that names them is refused as well.
    for attempt in (
        lambda: VettingService(world.vet).detail(request_id),
        lambda: VettingService(world.vet).decide(request_id, world.clean, confirm=True),
        lambda: VettingService(world.vet).submit(request_id),
    ):
        with pytest.raises(RecusalError):
            attempt()
    assert business_snapshot(world.vet.conn) == before
    refusals = [e for e in audit.entries(world.vet.conn) if e.outcome == "refused"]
    assert [e.action for e in refusals] == [
        "vetting.create", "vetting.read", "vetting.decide", "vetting.submit",
    ]  # fmt: skip
    assert all(e.object == f"official:{world.clue}" for e in refusals)


@pytest.mark.parametrize(
    ("kwargs", "field", "words"),
    [
        ({"category": 4}, "justification", "须书面说明理由"),
        ({"category": 4, "justification": "  "}, "justification", "须书面说明理由"),
        ({"confirm": True, "category": 4, "justification": "理由"}, "category", "二者选一"),
        ({}, "category", "二者选一"),
        ({"category": 7, "justification": "理由"}, "category", "1至6"),
        ({"category": 4, "justification": "长" * 1001}, "justification", "1000"),
    ],
)
def test_bad_decisions_save_nothing(
    world: World, kwargs: dict[str, object], field: str, words: str
) -> None:
    request_id = new_request(world)
    service = VettingService(world.vet)
    error = assert_nothing_saved(
        world.vet, lambda: service.decide(request_id, world.clue, **kwargs),  # type: ignore[arg-type]
        ValidationError, field,
    )  # fmt: skip
    assert words in str(error)


def test_deciding_for_someone_not_in_the_letter_is_not_found(world: World) -> None:
    request_id = new_request(world, candidate_ids=[world.clean])
    assert_nothing_saved(
        world.vet, lambda: VettingService(world.vet).decide(request_id, world.clue, confirm=True),
        NotFoundError,
    )  # fmt: skip
    assert_nothing_saved(
        world.vet, lambda: VettingService(world.vet).detail(404), NotFoundError
    )


def test_states_draft_reviewing_and_what_each_allows(world: World) -> None:
    request_id = new_request(world)
    service = VettingService(world.vet)
    service.decide(request_id, world.clean, confirm=True)
    error = assert_nothing_saved(world.vet, lambda: service.submit(request_id), ConflictError)
    assert "尚有2名人选未确定意见:林晓燕、张三" in str(error)
    service.decide(request_id, world.clue, confirm=True)
    service.decide(request_id, world.sanctioned, confirm=True)
    submitted = service.submit(request_id)
    assert submitted.state is RequestState.REVIEWING
    assert (submitted.submitted_by, submitted.submitted_at) == ("vet1", NOW)
    assert audit.entries(world.vet.conn)[-1].action == "vetting.submit"
    assert_nothing_saved(world.vet, lambda: service.submit(request_id), ConflictError)
    # Under review a decision may still be revised.
    service.decide(request_id, world.clean, category=2, justification="曾收到匿名反映已了结")
    assert service.detail(request_id).candidates[0].decision.category is Category.CLUE_CLOSED  # type: ignore[union-attr]


def test_a_changed_dossier_makes_a_decision_stale(world: World) -> None:
    request_id = new_request(world, candidate_ids=[world.clean])
    service = VettingService(world.vet)
    service.decide(request_id, world.clean, confirm=True)
    RecordService(world.clerk).add(world.clean, "clue", "2026-11-21", {
        "summary": "新收到的反映", "custodian": "clerk1", "status": "待处置"})  # fmt: skip
    [candidate] = service.detail(request_id).candidates
    assert candidate.stale and candidate.proposal.category is Category.BEING_HANDLED
    error = assert_nothing_saved(world.vet, lambda: service.submit(request_id), ConflictError)
    assert "请重新确定:欧阳明远" in str(error)
    service.decide(request_id, world.clean, confirm=True)
    assert service.submit(request_id).state is RequestState.REVIEWING


def test_attesting_the_personnel_file(world: World) -> None:
    request_id = new_request(world)
    service = VettingService(world.vet)
    assert_nothing_saved(
        world.vet, lambda: service.attest_file_review(request_id, world.clean, " "),
        ValidationError, "note",
    )  # fmt: skip
    service.attest_file_review(request_id, world.clean, "已审核干部人事档案,三龄两历一身份无异常")
    [first, *_] = service.detail(request_id).candidates
    item = first.checklist[0]
    assert item.done and "三龄两历" in item.evidence_zh and "vet1" in item.evidence_zh
    entries = audit.entries(world.vet.conn)
    assert entries[-2].action == "vetting.attest"
    assert entries[-2].object == f"official:{world.clean}"


def test_the_clerk_sees_no_vetting_request(world: World) -> None:
    request_id = new_request(world)
    with pytest.raises(PermissionDeniedError):
        VettingService(world.clerk).detail(request_id)

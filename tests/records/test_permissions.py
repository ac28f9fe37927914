"""Every guarded action × every role, through the real services.

The expected matrix is written out here from DOMAIN.md §1 rather than read from
``records.roles.PERMISSIONS``, so a change to either one fails a test.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from records import audit
from records.errors import PermissionDeniedError
from records.roles import ACTION_LABELS_ZH, PERMISSIONS, Action, Role, may
from records.rotation import rotate_data_key
from records.services.account_admin import AccountAdminService
from records.services.annual_reports import AnnualReportService
from records.services.attachments import AttachmentService
from records.services.audit_export_grant import audit_export_grant
from records.services.audit_trail import AuditQuery, AuditService
from records.services.checks import CheckService
from records.services.clue_informants import ClueInformantService
from records.services.deadlines import DeadlineService
from records.services.dossier_records import RecordService
from records.services.export_grants import dossier_export_grant
from records.services.officials import OfficialService
from records.services.own_account import OwnAccountService
from records.services.policy import PolicyService
from records.services.positions import PositionService
from records.services.signing_identity import SigningIdentityService, StoredIdentity
from records.services.users import UserService
from records.services.vetting import VettingService
from records.services.vetting_reply_grant import stored_reply_grant, vetting_reply_grant
from records.session import Session
from records.vault_layout import KEY_FILE
from records.vetting_terms import RequestState
from tests.records.attachment_support import png_bytes, stored_attachment, stored_position
from tests.records.check_support import insert_change, insert_report
from tests.records.support import (
    DUMMY_IDENTITY,
    ID_FEMALE,
    NOW,
    USER_OF_ROLE,
    Opener,
    audit_rows,
    business_snapshot,
    official_values,
)
from tests.records.vetting_support import STORED_LETTER, stored_request

ALL = frozenset(Role)
EXPECTED: dict[Action, frozenset[Role]] = {
    Action.USER_ADD: frozenset({Role.SYSADMIN}),
    Action.USER_LIST: frozenset({Role.SYSADMIN, Role.SECADMIN, Role.AUDITOR}),
    Action.OFFICIAL_ADD: frozenset({Role.CLERK}),
    Action.OFFICIAL_LIST: frozenset({Role.CLERK, Role.VETTING}),
    Action.OFFICIAL_READ: frozenset({Role.CLERK, Role.VETTING}),
    Action.RECORD_ADD: frozenset({Role.CLERK}),
    Action.RECORD_LIST: frozenset({Role.CLERK, Role.VETTING}),
    Action.RECORD_EDIT: frozenset({Role.CLERK}),
    Action.RECORD_WITHDRAW: frozenset({Role.CLERK}),
    Action.INFORMANT_READ: frozenset({Role.CLERK, Role.VETTING}),
    Action.DOSSIER_EXPORT: frozenset({Role.VETTING}),
    Action.CERT_INIT: frozenset({Role.SECADMIN}),
    Action.CERT_EXPORT: ALL,
    Action.AUDIT_LIST: frozenset({Role.AUDITOR}),
    Action.AUDIT_VERIFY: frozenset({Role.AUDITOR, Role.SECADMIN}),
    Action.AUDIT_EXPORT: frozenset({Role.AUDITOR}),
    Action.USER_DISABLE: frozenset({Role.SYSADMIN}),
    Action.USER_ENABLE: frozenset({Role.SYSADMIN}),
    Action.USER_PASSWORD_RESET: frozenset({Role.SYSADMIN}),
    Action.USER_ROLE: frozenset({Role.SECADMIN}),
    Action.POLICY_SET: frozenset({Role.SECADMIN}),
    Action.KEY_ROTATE: frozenset({Role.SECADMIN}),
    Action.RELATION_DECLARE: ALL,
    Action.ATTACHMENT_ADD: frozenset({Role.CLERK}),
    Action.ATTACHMENT_LIST: frozenset({Role.CLERK, Role.VETTING}),
    Action.ATTACHMENT_READ: frozenset({Role.CLERK, Role.VETTING}),
    Action.ATTACHMENT_EXPORT: frozenset({Role.CLERK, Role.VETTING}),
    Action.ATTACHMENT_WITHDRAW: frozenset({Role.CLERK}),
    Action.POSITION_ADD: frozenset({Role.CLERK}),
    Action.POSITION_LIST: frozenset({Role.CLERK, Role.VETTING}),
    Action.POSITION_END: frozenset({Role.CLERK}),
    Action.REPORT_EDIT: frozenset({Role.CLERK}),
    Action.REPORT_READ: frozenset({Role.CLERK, Role.VETTING}),
    Action.REPORT_CHANGE_WITHDRAW: frozenset({Role.CLERK}),
    Action.DUE_LIST: frozenset({Role.CLERK, Role.VETTING}),
    Action.VETTING_CREATE: frozenset({Role.VETTING}),
    Action.VETTING_READ: frozenset({Role.VETTING}),
    Action.VETTING_DECIDE: frozenset({Role.VETTING}),
    Action.VETTING_SUBMIT: frozenset({Role.VETTING}),
    Action.VETTING_REPLY: frozenset({Role.VETTING}),
    Action.CHECK_EDIT: frozenset({Role.CLERK}),
    Action.CHECK_READ: frozenset({Role.CLERK, Role.VETTING}),
    Action.CHECK_REQUEST: frozenset({Role.CLERK, Role.VETTING}),
}


def official_id(session: Session) -> int:
    return int(session.conn.execute("SELECT min(id) FROM officials").fetchone()[0])


def export(session: Session) -> None:
    oid = official_id(session)
    with dossier_export_grant(session, oid) as grant:
        assert grant.dossier.official.id == oid
        assert grant.identity == DUMMY_IDENTITY
        assert grant.document_number.startswith("LD-20261122-")
        assert grant.exported_at == NOW


ServiceCall = Callable[[Session], object]


def export_audit(session: Session) -> None:
    with audit_export_grant(session, AuditQuery(), file_format="pdf", signed=True) as grant:
        assert grant.identity == DUMMY_IDENTITY
        assert grant.entries and grant.entries[-1].seq == grant.audit_head.seq - 1
        assert grant.document_number.startswith("LD-AUDIT-20261122-")


def export_attachment(session: Session) -> None:
    attachment_id = stored_attachment(session, Action.ATTACHMENT_EXPORT)
    with AttachmentService(session).export_grant(attachment_id) as grant:
        assert grant.content == png_bytes()


def enable_a_disabled_account(session: Session) -> None:
    # Setup only for a role that passes the check: a refused role must find nothing changed.
    if may(session.user.roles, Action.USER_ENABLE):
        with session.transaction() as conn:
            conn.execute("UPDATE users SET enabled = 0 WHERE name = 'vet1'")
    AccountAdminService(session).enable("vet1")


def revoke_a_second_role(session: Session) -> None:
    if may(session.user.roles, Action.USER_ROLE):
        with session.transaction() as conn:
            conn.execute(
                "INSERT INTO user_roles (user_id, role)"
                " SELECT id, 'vetting' FROM users WHERE name = 'clerk1'"
            )
    AccountAdminService(session).revoke_role("clerk1", "vetting")


def record_id(session: Session) -> int:
    return int(session.conn.execute("SELECT min(id) FROM records").fetchone()[0])


def read_informant(session: Session) -> None:
    """Setup (for a role that passes the check): a clue in the user's custody, informant apart."""
    clue_id = 1
    if may(session.user.roles, Action.INFORMANT_READ):
        with session.transaction() as conn:
            clue_id = int(
                conn.execute(
                    "INSERT INTO records (official_id, type, record_date, fields_json, source,"
                    " disclosure, created_by, created_at) VALUES (?, 'clue', '2026-10-01', ?,"
                    " 'petition', 'internal', 'clerk1', '2026-10-01T09:00:00+08:00')",
                    (official_id(session), json.dumps({"summary": "反映", "status": "待处置",
                                                       "custodian": session.user.name})),
                ).lastrowid or 0
            )
            conn.execute(
                "INSERT INTO clue_informants (record_id, name) VALUES (?, '张某')", (clue_id,)
            )
    assert ClueInformantService(session).read(clue_id).name == "张某"


def vetting_new(session: Session) -> None:
    request = VettingService(session).create(
        "青组函〔2026〕12号", "2026-11-20", "中共青山县委组织部", "拟提拔", [official_id(session)]
    )
    assert request.state is RequestState.DRAFT


def vetting_reply(session: Session) -> None:
    request_id = stored_request(
        session, Action.VETTING_REPLY, state=RequestState.REVIEWING, decided=True
    )
    with vetting_reply_grant(session, request_id) as grant:
        assert grant.identity == DUMMY_IDENTITY
        assert grant.document_number.startswith("LD-VET-20261122-")
        assert [c.official.id for c in grant.candidates] == [official_id(session)]
        grant.file(b"%PDF-1.7 signed letter")


def vetting_copy(session: Session) -> None:
    request_id = stored_request(session, Action.VETTING_REPLY, state=RequestState.REPLIED)
    with stored_reply_grant(session, request_id) as stored:
        assert stored.content == STORED_LETTER


def submitted_report(session: Session, action: Action) -> int:
    """Setup (for a role that passes the check): the official's submitted 2025 report."""
    oid = official_id(session)
    if may(session.user.roles, action):
        insert_report(session, oid, 2025)
    return oid


def withdraw_change(session: Session) -> None:
    """Setup (for a role that passes the check): a change report on a submitted report."""
    change_id = 1
    if may(session.user.roles, Action.REPORT_CHANGE_WITHDRAW):
        report_id = insert_report(session, official_id(session), 2025)
        employment = {"person": "欧阳小明", "relation": "子女", "employer": "青山县第一中学"}
        change_id = insert_change(session, report_id, "family_employment", [employment])
    withdrawn = AnnualReportService(session).withdraw_change(change_id, "重复登记")
    assert withdrawn.withdrawn and withdrawn.withdraw_reason == "重复登记"


def check_new(session: Session) -> None:
    oid = submitted_report(session, Action.CHECK_EDIT)
    check = CheckService(session).new(oid, 2025, "random", opened_date="2026-11-01")
    assert check.official_id == oid


def check_require(session: Session) -> None:
    oid = submitted_report(session, Action.CHECK_REQUEST)
    check = CheckService(session).require_targeted_check(oid, 2025, "拟提拔,凡提必查")
    assert check.official_id == oid


#: action -> (name, real service call, audit action it writes when allowed, or None)
SERVICE_CALLS: dict[Action, list[tuple[str, ServiceCall, str | None]]] = {
    Action.USER_ADD: [
        ("UserService.add", lambda s: UserService(s).add("newuser", "clerk", "new-password"),
         "user.add"),
    ],
    Action.USER_LIST: [("UserService.list", lambda s: UserService(s).list(), None)],
    Action.OFFICIAL_ADD: [
        ("OfficialService.add",
         lambda s: OfficialService(s).add(official_values(id_number=ID_FEMALE, name="林晓燕")),
         "official.add"),
    ],
    Action.OFFICIAL_LIST: [("OfficialService.list", lambda s: OfficialService(s).list(), None)],
    Action.OFFICIAL_READ: [
        ("OfficialService.dossier", lambda s: OfficialService(s).dossier(official_id(s)),
         "official.read"),
    ],
    Action.RECORD_ADD: [
        ("RecordService.add",
         lambda s: RecordService(s).add(official_id(s), "major_matter", "2026-10-01",
                                        {"kind": "其他", "title": "因私出国(境)"}),
         "record.add"),
        ("OfficialService.add_family_member",
         lambda s: OfficialService(s).add_family_member(official_id(s),
                                                        {"relation": "儿子", "name": "欧阳小明"}),
         "family.add"),
    ],
    Action.RECORD_LIST: [
        ("RecordService.list", lambda s: RecordService(s).list(official_id(s)), "record.list"),
        ("RecordService.get", lambda s: RecordService(s).get(record_id(s)), "record.show"),
        ("RecordService.history", lambda s: RecordService(s).history(record_id(s)),
         "record.history"),
    ],
    Action.RECORD_EDIT: [
        ("RecordService.edit",
         lambda s: RecordService(s).edit(record_id(s), fields={"title": "操办婚礼(更正)"}),
         "record.edit"),
    ],
    Action.RECORD_WITHDRAW: [
        ("RecordService.withdraw", lambda s: RecordService(s).withdraw(record_id(s), "重复录入"),
         "record.withdraw"),
    ],
    Action.INFORMANT_READ: [("ClueInformantService.read", read_informant, "informant.read")],
    Action.DOSSIER_EXPORT: [("dossier_export_grant", export, "dossier.export")],
    Action.CERT_INIT: [
        ("SigningIdentityService.install",
         lambda s: SigningIdentityService(s).install(
             StoredIdentity("新单位", b"ROOT2", b"CERT2", b"KEY2"), replace=True),
         "cert.init"),
    ],
    Action.CERT_EXPORT: [
        ("SigningIdentityService.root_certificate",
         lambda s: SigningIdentityService(s).root_certificate(), "cert.export"),
    ],
    Action.USER_DISABLE: [
        ("AccountAdminService.disable",
         lambda s: AccountAdminService(s).disable("vet1"), "user.disable"),
    ],
    Action.USER_ENABLE: [("AccountAdminService.enable", enable_a_disabled_account, "user.enable")],
    Action.USER_PASSWORD_RESET: [
        ("AccountAdminService.reset_password",
         lambda s: AccountAdminService(s).reset_password("vet1", "reset-password-9"),
         "user.password_reset"),
    ],
    Action.USER_ROLE: [
        ("AccountAdminService.grant_role",
         lambda s: AccountAdminService(s).grant_role("clerk1", "vetting"), "user.role"),
        ("AccountAdminService.revoke_role", revoke_a_second_role, "user.role"),
    ],
    Action.RELATION_DECLARE: [
        ("OwnAccountService.declare_relation",
         lambda s: OwnAccountService(s).declare_relation(official_id(s), "同学"),
         "relation.declare"),
    ],
    Action.POLICY_SET: [
        ("PolicyService.set", lambda s: PolicyService(s).set(max_failures=3), "policy.set"),
        ("PolicyService.set_values",
         lambda s: PolicyService(s).set_values({"allow_combined_roles": "yes"}), "policy.set"),
    ],
    Action.AUDIT_LIST: [("AuditService.list", lambda s: AuditService(s).list(), "audit.list")],
    Action.AUDIT_VERIFY: [
        ("AuditService.verify", lambda s: AuditService(s).verify(), "audit.verify"),
    ],
    Action.AUDIT_EXPORT: [("audit_export_grant", export_audit, "audit.export")],
    Action.KEY_ROTATE: [("rotate_data_key", rotate_data_key, "key.rotate")],
    Action.ATTACHMENT_ADD: [
        ("AttachmentService.add",
         lambda s: AttachmentService(s).add(official_id(s), "scan.png", png_bytes()),
         "attachment.add"),
        ("AttachmentService.set_photo",
         lambda s: AttachmentService(s).set_photo(official_id(s), "photo.png", png_bytes()),
         "official.photo"),
    ],
    Action.ATTACHMENT_LIST: [
        ("AttachmentService.list", lambda s: AttachmentService(s).list(official_id(s)),
         "attachment.list"),
    ],
    Action.ATTACHMENT_READ: [
        ("AttachmentService.content",
         lambda s: AttachmentService(s).content(stored_attachment(s, Action.ATTACHMENT_READ)),
         "attachment.read"),
    ],
    Action.ATTACHMENT_EXPORT: [
        ("AttachmentService.export_grant", export_attachment, "attachment.export"),
    ],
    Action.ATTACHMENT_WITHDRAW: [
        ("AttachmentService.withdraw",
         lambda s: AttachmentService(s).withdraw(
             stored_attachment(s, Action.ATTACHMENT_WITHDRAW), "扫描错误"),
         "attachment.withdraw"),
    ],
    Action.POSITION_ADD: [
        ("PositionService.add",
         lambda s: PositionService(s).add(official_id(s), "青山县财政局", "局长", "正科级",
                                          "2021-06-01"),
         "position.add"),
    ],
    Action.POSITION_LIST: [
        ("PositionService.list", lambda s: PositionService(s).list(official_id(s)),
         "position.list"),
    ],
    Action.POSITION_END: [
        ("PositionService.end",
         lambda s: PositionService(s).end(stored_position(s, Action.POSITION_END), "2021-05-31"),
         "position.end"),
    ],
    Action.REPORT_EDIT: [
        ("AnnualReportService.start",
         lambda s: AnnualReportService(s).start(official_id(s), 2025), "report.start"),
    ],
    Action.REPORT_READ: [
        ("AnnualReportService.for_official",
         lambda s: AnnualReportService(s).for_official(official_id(s)), "report.read"),
    ],
    Action.REPORT_CHANGE_WITHDRAW: [
        ("AnnualReportService.withdraw_change", withdraw_change, "report.change_withdraw"),
    ],
    Action.DUE_LIST: [("DeadlineService.due", lambda s: DeadlineService(s).due(), "due.list")],
    Action.VETTING_CREATE: [("VettingService.create", vetting_new, "vetting.create")],
    Action.VETTING_READ: [
        ("VettingService.requests", lambda s: VettingService(s).requests(), None),
        ("VettingService.detail",
         lambda s: VettingService(s).detail(stored_request(s, Action.VETTING_READ)),
         "vetting.read"),
    ],
    Action.VETTING_DECIDE: [
        ("VettingService.decide",
         lambda s: VettingService(s).decide(stored_request(s, Action.VETTING_DECIDE),
                                            official_id(s), confirm=True),
         "vetting.decide"),
        ("VettingService.attest_file_review",
         lambda s: VettingService(s).attest_file_review(stored_request(s, Action.VETTING_DECIDE),
                                                        official_id(s), "已审核干部人事档案"),
         "vetting.attest"),
    ],
    Action.VETTING_SUBMIT: [
        ("VettingService.submit",
         lambda s: VettingService(s).submit(stored_request(s, Action.VETTING_SUBMIT,
                                                           decided=True)),
         "vetting.submit"),
    ],
    Action.VETTING_REPLY: [
        ("vetting_reply_grant", vetting_reply, "vetting.reply"),
        ("stored_reply_grant", vetting_copy, "vetting.copy"),
    ],
    Action.CHECK_EDIT: [("CheckService.new", check_new, "check.new")],
    Action.CHECK_READ: [
        ("CheckService.list", lambda s: CheckService(s).list(official_id(s)), "check.list"),
        ("CheckService.findings",
         lambda s: CheckService(s).findings(official_id(s)), "check.findings"),
    ],
    Action.CHECK_REQUEST: [
        ("CheckService.require_targeted_check", check_require, "check.require"),
    ],
}  # fmt: skip


CASES = [
    pytest.param(action, name, call, logged, role, id=f"{name}-{role}")
    for action, calls in SERVICE_CALLS.items()
    for name, call, logged in calls
    for role in Role
]


def test_the_permission_table_is_the_documented_one() -> None:
    assert PERMISSIONS == EXPECTED
    for action in Action:
        for role in Role:
            assert may(role, action) == (role in EXPECTED[action])
        assert ACTION_LABELS_ZH[action]


def test_the_administrators_see_no_dossier_content() -> None:
    dossier_actions = {a for a in Action if a.value.split(".")[0] in ("official", "record")}
    for role in (Role.SYSADMIN, Role.SECADMIN, Role.AUDITOR):
        assert role.is_administrator
        assert not any(may(role, a) for a in dossier_actions | {Action.DOSSIER_EXPORT})
    assert not Role.CLERK.is_administrator and not Role.VETTING.is_administrator


def test_every_action_is_exercised() -> None:
    assert set(SERVICE_CALLS) == set(Action)


def assert_refused_and_audited(
    session: Session, vault: Path, action: Action, attempt: Callable[[], object]
) -> None:
    conn = session.conn
    before, trail = business_snapshot(conn), audit_rows(conn)
    keys = (vault / KEY_FILE).read_bytes()
    with pytest.raises(PermissionDeniedError) as caught:
        attempt()
    assert session.role.label_zh in caught.value.zh
    assert ACTION_LABELS_ZH[action] in caught.value.zh
    assert str(action) in caught.value.en
    assert business_snapshot(conn) == before
    assert (vault / KEY_FILE).read_bytes() == keys
    after = audit_rows(conn)
    assert after[: len(trail)] == trail
    [(_seq, user, role, logged_action, _obj, outcome, detail)] = after[len(trail) :]
    assert (user, role, logged_action, outcome) == (
        session.user.name,
        session.role.value,
        action.value,
        audit.Outcome.REFUSED,
    )
    assert detail == "role not permitted"
    assert session.verify_audit_chain().ok


@pytest.mark.parametrize(("action", "name", "call", "logged", "role"), CASES)
def test_service_call(
    populated_path: Path,
    open_populated: Opener,
    action: Action,
    name: str,
    call: ServiceCall,
    logged: str | None,
    role: Role,
) -> None:
    session = open_populated(USER_OF_ROLE[role])
    if role not in EXPECTED[action]:
        assert_refused_and_audited(session, populated_path, action, lambda: call(session))
        return
    trail = audit_rows(session.conn)
    call(session)
    after = audit_rows(session.conn)
    assert all(row[5] != audit.Outcome.REFUSED for row in after[len(trail) :])
    if logged is None:
        assert after == trail
    else:
        assert [row[3] for row in after[len(trail) :]] == [logged]
        assert after[-1][1] == session.user.name
    assert session.verify_audit_chain().ok


def test_refusals_show_in_the_trail_with_their_object(open_populated: Opener) -> None:
    session = open_populated(USER_OF_ROLE[Role.SYSADMIN])
    oid = official_id(session)
    with pytest.raises(PermissionDeniedError):
        OfficialService(session).dossier(oid)
    last = audit.entries(session.conn)[-1]
    assert (last.action, last.object, last.outcome, last.at) == (
        "official.read",
        f"official:{oid}",
        "refused",
        NOW,
    )

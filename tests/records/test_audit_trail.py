"""The auditor's service: filtered listing, verification against the recorded head and the
heads from exports, and the head kept in ``vault.state`` after every committed action.

Tampering is done with raw SQL on the session's connection after dropping the triggers,
as someone holding the data key and a SQLCipher shell could.
"""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import pytest

from records import audit
from records.audit_head import head_mac, is_authentic, record_head
from records.database import Connection
from records.errors import PermissionDeniedError, ValidationError
from records.services.audit_trail import (
    AuditQuery,
    AuditService,
    parse_head,
    record_pdf_verification,
)
from records.services.officials import OfficialService
from records.session import Session
from records.vault import unlock_vault
from records.vault_state import (
    STATE_FILE,
    LoginRecord,
    RecordedHead,
    load_state,
    save_state,
)
from tests.records.support import BEIJING, NOW, PASSWORDS, Opener

AUDITOR = "aud1"


def open_at(path: Path, user: str, moment: datetime) -> Session:
    return unlock_vault(path, user, PASSWORDS[user], clock=lambda: moment)


def official_id(session: Session) -> int:
    return int(session.conn.execute("SELECT min(id) FROM officials").fetchone()[0])


@pytest.fixture
def dated(populated_path: Path) -> Path:
    """The populated vault plus dossier reads by clerk1 on 20 and 25 November, vet1 on 25th."""
    for user, day in (("clerk1", 20), ("clerk1", 25), ("vet1", 25)):
        moment = datetime(2026, 11, day, 7, 30, tzinfo=BEIJING)  # in UTC still the day before
        with open_at(populated_path, user, moment) as session:
            OfficialService(session).dossier(official_id(session))
    return populated_path


@pytest.fixture
def auditor(open_populated: Opener) -> Session:
    return open_populated(AUDITOR)


def unprotect(conn: Connection) -> None:
    conn.execute("DROP TRIGGER audit_log_no_update")
    conn.execute("DROP TRIGGER audit_log_no_delete")


# ---- listing ---------------------------------------------------------------------------------


def test_list_is_newest_first_and_audited(auditor: Session) -> None:
    before = audit.entries(auditor.conn)
    listed = AuditService(auditor).list()
    assert [e.seq for e in listed] == [e.seq for e in reversed(before)]
    [own] = audit.entries(auditor.conn)[len(before) :]
    assert (own.action, own.object, own.user_name, own.detail) == (
        "audit.list",
        "audit_log",
        AUDITOR,
        "limit=1000",
    )
    assert auditor.verify_audit_chain().ok


def test_filters_by_user_action_object(dated: Path, open_populated: Opener) -> None:
    service = AuditService(open_populated(AUDITOR))
    reads = service.list(user="clerk1", action="official.read")
    assert len(reads) == 2 and {e.user_name for e in reads} == {"clerk1"}
    assert {e.action for e in service.list(action="official.")} == {"official.add", "official.read"}
    assert service.list(action="official") == []  # no dot: exact match only
    assert {e.object for e in service.list(obj="official:")} == {"official:1"}
    assert service.list(obj="%") == []  # LIKE wildcards are literal
    assert service.list(obj="official_") == []  # "_" is no single-character wildcard
    assert [e.action for e in service.list(user="vet1", action="login")] == ["login"]
    last = audit.entries(service._session.conn)[-1]
    assert last.detail == "user=vet1 action=login limit=1000"


def test_filters_by_local_date(dated: Path, open_populated: Opener) -> None:
    service = AuditService(open_populated(AUDITOR))
    on_25th = service.list(since=date(2026, 11, 25), until=date(2026, 11, 25))
    # 07:30 Beijing time is 23:30 UTC the day before: the day that counts is the local one.
    assert {(e.user_name, e.action) for e in on_25th} == {
        ("clerk1", "login"),
        ("clerk1", "official.read"),
        ("vet1", "login"),
        ("vet1", "official.read"),
    }
    until_20th = service.list(until=date(2026, 11, 20))
    assert [(e.user_name, e.action) for e in until_20th] == [
        ("clerk1", "official.read"),
        ("clerk1", "login"),
    ]
    on_22nd = service.list(since=NOW.date(), until=NOW.date())
    assert on_22nd and all(e.at == NOW for e in on_22nd)
    assert service.list(since=date(2026, 11, 26)) == []


def test_limit_keeps_the_newest(auditor: Session) -> None:
    everything = AuditService(auditor).list()
    assert AuditService(auditor).list(limit=3) == [
        e for e in audit.entries(auditor.conn)[::-1][1:4]
    ]  # the newest three before this listing (the first listing's own entry is one of them)
    assert len(everything) > 3


@pytest.mark.parametrize(
    "query",
    [
        {"limit": 0},
        {"limit": 100_001},
        {"since": date(2026, 11, 23), "until": date(2026, 11, 22)},
    ],
)
def test_bad_queries_are_validation_errors(auditor: Session, query: dict[str, object]) -> None:
    before = audit.entries(auditor.conn)
    with pytest.raises(ValidationError):
        AuditService(auditor).list(**query)  # type: ignore[arg-type]
    assert audit.entries(auditor.conn) == before


@pytest.mark.parametrize("user", ["admin", "sec1", "clerk1", "vet1"])
def test_only_the_auditor_lists(open_populated: Opener, user: str) -> None:
    session = open_populated(user)
    with pytest.raises(PermissionDeniedError):
        AuditService(session).list()
    assert audit.entries(session.conn)[-1].outcome == "refused"


def test_parse_head() -> None:
    text = "12:" + "AB" * 32
    assert parse_head(text) == audit.ChainHead(12, "ab" * 32)
    assert parse_head("审计链:12:" + "ab" * 32) == parse_head(text)
    for bad in ("12", "0:" + "a" * 64, "12:" + "a" * 63, "x:" + "a" * 64, "12:" + "g" * 64):
        with pytest.raises(ValidationError):
            parse_head(bad)


# ---- the recorded head -------------------------------------------------------------------------


def test_every_action_records_the_head(populated_path: Path, open_populated: Opener) -> None:
    clerk = open_populated("clerk1")
    key = audit.audit_key(clerk.conn)
    for step in range(3):
        if step:
            OfficialService(clerk).dossier(official_id(clerk))
        recorded = load_state(populated_path).audit_head
        assert recorded is not None
        assert (recorded.seq, recorded.entry_hash) == (
            clerk.audit_head().seq,
            clerk.audit_head().entry_hash,
        )
        assert recorded.mac == head_mac(key, recorded.seq, recorded.entry_hash)
        assert is_authentic(key, recorded)
    # A read that writes nothing (the list is not audited) leaves the file alone.
    raw = (populated_path / STATE_FILE).read_bytes()
    OfficialService(clerk).list()
    assert (populated_path / STATE_FILE).read_bytes() == raw


def test_a_refusal_records_the_head_too(populated_path: Path, open_populated: Opener) -> None:
    clerk = open_populated("clerk1")
    with pytest.raises(PermissionDeniedError):
        AuditService(clerk).verify()
    recorded = load_state(populated_path).audit_head
    assert recorded is not None and recorded.seq == clerk.audit_head().seq


def test_recording_the_head_keeps_the_other_sections(
    populated_path: Path, open_populated: Opener
) -> None:
    clerk = open_populated("clerk1")
    state = load_state(populated_path)
    save_state(
        populated_path,
        replace(state.with_login("someone", LoginRecord(2, "")), policy={"max_failures": 7}),
    )
    OfficialService(clerk).dossier(official_id(clerk))
    after = load_state(populated_path)
    assert after.login["someone"] == LoginRecord(2, "")
    assert after.policy == {"max_failures": 7}
    assert after.audit_head is not None and after.audit_head.seq == clerk.audit_head().seq


def test_a_rolled_back_action_records_nothing(populated_path: Path, open_populated: Opener) -> None:
    clerk = open_populated("clerk1")
    raw = (populated_path / STATE_FILE).read_bytes()
    with pytest.raises(RuntimeError), clerk.transaction():
        clerk.log("official.read", "official:1")
        raise RuntimeError("the action failed after its entry")
    assert (populated_path / STATE_FILE).read_bytes() == raw


def test_a_damaged_state_file_does_not_break_anything(
    populated_path: Path, open_populated: Opener
) -> None:
    (populated_path / STATE_FILE).write_bytes(b"\x00{not json")
    auditor = open_populated(AUDITOR)  # the login works and repairs the file
    assert load_state(populated_path).audit_head is not None
    (populated_path / STATE_FILE).write_bytes(b"garbage")
    result = AuditService(auditor).verify()
    assert result.ok
    assert result.recorded_status == "absent"
    assert "no recorded head" in result.note_en and "未记录链头" in result.note_zh
    (populated_path / STATE_FILE).unlink()
    assert AuditService(auditor).verify().recorded_status == "absent"


def test_an_edited_recorded_head_is_ignored(populated_path: Path, open_populated: Opener) -> None:
    auditor = open_populated(AUDITOR)
    state = load_state(populated_path)
    assert state.audit_head is not None
    forged = RecordedHead(state.audit_head.seq + 50, "a" * 64, "b" * 64)  # no key: bad MAC
    save_state(populated_path, replace(state, audit_head=forged))
    result = AuditService(auditor).verify()
    assert result.ok and result.recorded_status == "not_authentic"
    assert "not authentic" in result.note_en
    # The next commit replaces the unauthentic head with the real one.
    recorded = load_state(populated_path).audit_head
    assert recorded is not None and recorded.seq == auditor.audit_head().seq


def test_a_login_that_finds_no_head_says_so(populated_path: Path, open_populated: Opener) -> None:
    """The login re-records the head, so the loss must leave a trace in the trail itself."""
    (populated_path / STATE_FILE).unlink()
    clerk = open_populated("clerk1")
    assert audit.entries(clerk.conn)[-1].detail == (
        "no recorded audit head in vault.state (missing or damaged)"
    )
    state = load_state(populated_path)
    assert state.audit_head is not None
    save_state(populated_path, replace(state, audit_head=replace(state.audit_head, mac="0" * 64)))
    vet = open_populated("vet1")
    assert audit.entries(vet.conn)[-1].detail.startswith("audit head in vault.state not authentic")
    assert audit.entries(open_populated(AUDITOR).conn)[-1].detail == ""  # recorded again


def test_the_first_login_of_a_new_vault_has_no_note(vault_path: Path, open_vault: Opener) -> None:
    assert not (vault_path / STATE_FILE).exists()
    admin = open_vault("admin")
    assert [(e.action, e.detail) for e in audit.entries(admin.conn)] == [
        ("vault.create", ""),
        ("login", ""),
    ]
    assert load_state(vault_path).audit_head is not None


# ---- verification --------------------------------------------------------------------------


def test_verify_intact_and_audited(populated_path: Path, auditor: Session) -> None:
    head = auditor.audit_head()
    result = AuditService(auditor).verify()
    assert result.ok and result.first_bad_seq is None and result.problems == ()
    assert result.recorded_status == "checked" and result.note_en == ""
    assert (result.head, result.entries) == (head, head.seq)
    last = audit.entries(auditor.conn)[-1]
    assert (last.action, last.outcome) == ("audit.verify", "ok")
    assert last.detail.startswith("intact: ")
    assert json.loads(json.dumps(result.to_json()))["ok"] is True
    assert result.summary_zh().startswith("审计日志完整")


def test_the_security_officer_may_verify(open_populated: Opener) -> None:
    assert AuditService(open_populated("sec1")).verify().ok


def assert_fails(session: Session, seq: int, code: str) -> None:
    result = AuditService(session).verify()
    assert not result.ok
    assert result.first_bad_seq == seq, result.problems
    assert result.problems[0].code == code
    assert f"第一条有问题的是第 {seq} 条" in result.summary_zh()
    last = audit.entries(session.conn)[-1]
    assert (last.action, last.outcome) == ("audit.verify", "failed")
    assert last.detail.startswith(f"first bad entry {seq}: ")


def test_an_edited_entry_is_named(auditor: Session) -> None:
    unprotect(auditor.conn)
    auditor.conn.execute("UPDATE audit_log SET detail = 'nothing happened' WHERE seq = 4")
    assert_fails(auditor, 4, "altered")


def test_a_deleted_entry_is_named(auditor: Session) -> None:
    unprotect(auditor.conn)
    auditor.conn.execute("DELETE FROM audit_log WHERE seq = 4")
    assert_fails(auditor, 5, "sequence")


def test_an_inserted_entry_is_named(auditor: Session) -> None:
    """An entry slipped in between 3 and 4 (later entries renumbered), without the key."""
    unprotect(auditor.conn)
    conn = auditor.conn
    conn.execute("UPDATE audit_log SET seq = seq + 1000 WHERE seq >= 4")
    conn.execute("UPDATE audit_log SET seq = seq - 999 WHERE seq >= 1004")
    prev = conn.execute("SELECT entry_hash FROM audit_log WHERE seq = 3").fetchone()[0]
    fields = (4, NOW.isoformat(), "vet1", "vetting", "official.read", "official:1", "ok", "")
    forged_hash = audit._entry_hash(prev, *fields)
    conn.execute(
        f"INSERT INTO audit_log ({audit.COLUMNS}) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
        (*fields, prev, forged_hash, "0" * 64),
    )
    assert_fails(auditor, 4, "hmac")


def test_reordered_entries_are_named(auditor: Session) -> None:
    unprotect(auditor.conn)
    conn = auditor.conn
    conn.execute("UPDATE audit_log SET seq = -1 WHERE seq = 3")
    conn.execute("UPDATE audit_log SET seq = 3 WHERE seq = 4")
    conn.execute("UPDATE audit_log SET seq = 4 WHERE seq = -1")
    assert_fails(auditor, 3, "link_broken")


def test_truncation_at_the_end_is_caught_by_the_recorded_head(
    populated_path: Path, auditor: Session
) -> None:
    recorded = load_state(populated_path).audit_head
    assert recorded is not None
    unprotect(auditor.conn)
    auditor.conn.execute("DELETE FROM audit_log WHERE seq > ?", (recorded.seq - 3,))
    assert auditor.verify_audit_chain().ok  # the chain alone cannot tell
    result = AuditService(auditor).verify()
    assert not result.ok
    [problem] = result.problems
    assert (problem.code, problem.seq, result.first_bad_seq) == (
        "truncated",
        recorded.seq,
        recorded.seq,
    )
    assert f"recorded head seq {recorded.seq} missing" in problem.en
    assert f"第 {recorded.seq} 条已不存在" in problem.zh
    # The verification's own entry did not move the recorded head: the evidence stays…
    assert load_state(populated_path).audit_head == recorded
    # …even once new entries have reused the missing numbers and gone past them.
    for _ in range(4):
        AuditService(auditor).list(limit=1)
    assert auditor.audit_head().seq > recorded.seq
    assert load_state(populated_path).audit_head == recorded
    again = AuditService(auditor).verify()
    assert [(p.code, p.seq) for p in again.problems] == [("rewritten", recorded.seq)]


def test_only_a_forced_recording_replaces_the_evidence(
    populated_path: Path, auditor: Session
) -> None:
    """A restored backup is a deliberate roll-back: restore re-records with ``force``."""
    recorded = load_state(populated_path).audit_head
    assert recorded is not None
    unprotect(auditor.conn)
    auditor.conn.execute("DELETE FROM audit_log WHERE seq > ?", (recorded.seq - 2,))
    key = audit.audit_key(auditor.conn)
    record_head(populated_path, auditor.conn, key)
    assert load_state(populated_path).audit_head == recorded
    record_head(populated_path, auditor.conn, key, force=True)
    after = load_state(populated_path).audit_head
    assert after is not None and after.seq == recorded.seq - 2
    assert AuditService(auditor).verify().ok


def test_truncation_is_caught_by_a_head_from_an_export(
    populated_path: Path, auditor: Session
) -> None:
    exported = auditor.audit_head()  # as printed in a PDF's footer
    (populated_path / STATE_FILE).unlink()  # and the recorded head is gone too
    unprotect(auditor.conn)
    auditor.conn.execute("DELETE FROM audit_log WHERE seq > ?", (exported.seq - 2,))
    assert AuditService(auditor).verify().ok  # nothing to compare with
    result = AuditService(auditor).verify([exported])
    assert [(p.code, p.seq) for p in result.problems] == [("truncated", exported.seq)]
    assert result.checked_heads == (exported,)
    assert "head from an export" in result.problems[0].en


def test_a_head_from_an_export_that_matches(auditor: Session) -> None:
    head = auditor.audit_head()
    result = AuditService(auditor).verify([head, head])
    assert result.ok and result.checked_heads == (head,)
    wrong = audit.ChainHead(head.seq, "e" * 64)
    assert [p.code for p in AuditService(auditor).verify([wrong]).problems] == ["rewritten"]


def test_problems_are_sorted_and_the_first_is_named(auditor: Session) -> None:
    unprotect(auditor.conn)
    head = auditor.audit_head()
    auditor.conn.execute("DELETE FROM audit_log WHERE seq = ?", (head.seq,))
    auditor.conn.execute("UPDATE audit_log SET outcome = 'refused' WHERE seq = 2")
    result = AuditService(auditor).verify([head])
    assert [p.seq for p in result.problems] == sorted(p.seq for p in result.problems)
    assert result.first_bad_seq == 2
    assert {p.code for p in result.problems} == {"altered", "truncated"}


# ---- verifying a PDF against the vault ---------------------------------------------------


def test_a_pdf_verification_is_logged(open_populated: Opener) -> None:
    clerk = open_populated("clerk1")
    record_pdf_verification(clerk, "张三.pdf", "ab" * 32, [])
    record_pdf_verification(clerk, "forged.pdf", "cd" * 32, ["modified", "untrusted"])
    ok, bad = audit.entries(clerk.conn)[-2:]
    assert (ok.action, ok.object, ok.outcome) == ("verify", "张三.pdf", "ok")
    assert ok.detail == "valid; sha256=" + "ab" * 32
    assert (bad.outcome, bad.detail) == (
        "failed",
        "invalid: modified,untrusted; sha256=" + "cd" * 32,
    )


def test_a_query_describes_itself() -> None:
    assert AuditQuery().describe() == "limit=1000"
    query = AuditQuery("clerk1", "official.", "official:1", date(2026, 1, 1), date(2026, 2, 1), 5)
    assert query.describe() == (
        "user=clerk1 action=official. object=official:1 since=2026-01-01 until=2026-02-01 limit=5"
    )

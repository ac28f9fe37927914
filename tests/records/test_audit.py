"""The audit trail: hash chain + HMAC, and what tampering with it looks like."""

from __future__ import annotations

import hashlib
import itertools
import json
import os
from pathlib import Path

import pytest

from records import audit
from records.database import Connection, DatabaseError, open_database
from records.errors import PermissionDeniedError
from records.migrations import migrate
from records.services.dossier_records import RecordService
from records.services.officials import OfficialService
from records.services.users import UserService
from records.session import Session
from tests.records.support import (
    ID_FEMALE,
    NOW,
    Opener,
    official_values,
)

COLUMNS = ("at", "user_name", "role", "action", "object", "outcome", "detail")


@pytest.fixture
def busy(open_populated: Opener) -> Session:
    """A vault whose trail has a dozen entries of several kinds, including a refusal."""
    clerk = open_populated("clerk1")
    officials = OfficialService(clerk)
    new = officials.add(official_values(id_number=ID_FEMALE, name="林晓燕"))
    RecordService(clerk).add(
        new.id, "major_matter", "2026-10-01", {"kind": "操办婚丧喜庆", "title": "操办丧事"}
    )
    officials.dossier(new.id)
    with pytest.raises(PermissionDeniedError):
        UserService(clerk).add("intruder", "sysadmin", "intruder-password")
    officials.dossier(new.id)
    assert len(audit.entries(clerk.conn)) >= 10
    return clerk


def unprotect(conn: Connection) -> None:
    conn.execute("DROP TRIGGER audit_log_no_update")
    conn.execute("DROP TRIGGER audit_log_no_delete")


def last_seq(conn: Connection) -> int:
    return int(conn.execute("SELECT max(seq) FROM audit_log").fetchone()[0])


def test_the_chain_verifies_and_links_up(busy: Session) -> None:
    report = busy.verify_audit_chain()
    entries = audit.entries(busy.conn)
    assert report.ok and report.reason == ""
    assert report.entries == len(entries)
    last = entries[-1]
    assert report.head == busy.audit_head() == audit.ChainHead(last.seq, last.entry_hash)
    assert str(report.head) == f"{entries[-1].seq}:{entries[-1].entry_hash}"
    assert [e.seq for e in entries] == list(range(1, len(entries) + 1))
    assert entries[0].prev_hash == audit.GENESIS_HASH
    for previous, entry in itertools.pairwise(entries):
        assert entry.prev_hash == previous.entry_hash
    assert {e.outcome for e in entries} == {"ok", "refused"}
    assert all(e.at == NOW for e in entries)
    assert audit.entries(busy.conn, limit=3) == entries[-3:]


def test_entry_hash_is_sha256_over_the_canonical_fields(busy: Session) -> None:
    # Recomputed independently, so a verifier outside this program can check the chain.
    row = busy.conn.execute(
        "SELECT seq, at, user_name, role, action, object, outcome, detail, prev_hash, entry_hash"
        " FROM audit_log WHERE seq = 2"
    ).fetchone()
    canonical = json.dumps(
        [row[8], row[0], row[1], row[2], row[3], row[4], row[5], row[6], row[7]],
        ensure_ascii=False,
        separators=(",", ":"),
    )
    assert hashlib.sha256(canonical.encode()).hexdigest() == row[9]


def test_an_empty_trail_verifies(tmp_path: Path) -> None:
    conn = open_database(tmp_path / "empty.db", os.urandom(32), create=True)
    try:
        migrate(conn)
        report = audit.verify_chain(conn, audit.audit_key(conn))
        assert report.ok
        assert (report.entries, report.head) == (0, audit.ChainHead(0, audit.GENESIS_HASH))
        assert audit.head(conn) == report.head
    finally:
        conn.close()


def test_a_wrong_audit_key_fails_at_the_first_entry(busy: Session) -> None:
    report = audit.verify_chain(busy.conn, os.urandom(32))
    assert (report.first_bad_seq, report.reason) == (1, "HMAC does not match")


def test_triggers_block_update_and_delete(busy: Session) -> None:
    before = audit.entries(busy.conn)
    with pytest.raises(DatabaseError, match="append-only"):
        busy.conn.execute("UPDATE audit_log SET outcome = 'ok' WHERE seq = 3")
    with pytest.raises(DatabaseError, match="append-only"):
        busy.conn.execute("DELETE FROM audit_log WHERE seq = 3")
    with pytest.raises(DatabaseError, match="append-only"):
        busy.conn.execute("DELETE FROM audit_log")
    assert audit.entries(busy.conn) == before
    assert busy.verify_audit_chain().ok


@pytest.mark.parametrize(
    ("column", "value"),
    [
        ("at", "2026-11-21T10:00:00+08:00"),
        ("at", "the day before"),  # not even a timestamp any more
        ("user_name", "vet1"),
        ("role", "vetting"),
        ("action", "official.list"),
        ("object", "official:2"),
        ("outcome", "refused"),
        ("detail", "edited"),
    ],
)
def test_an_edited_field_is_named(busy: Session, column: str, value: str) -> None:
    unprotect(busy.conn)
    target = 5
    old = busy.conn.execute(f"SELECT {column} FROM audit_log WHERE seq = ?", (target,)).fetchone()
    assert old[0] != value  # the edit really changes something
    busy.conn.execute(f"UPDATE audit_log SET {column} = ? WHERE seq = ?", (value, target))
    report = busy.verify_audit_chain()
    assert (report.first_bad_seq, report.reason) == (target, "entry content altered")
    assert report.head.seq == target - 1  # the last entry that still adds up


def test_edited_hashes_and_macs(busy: Session) -> None:
    unprotect(busy.conn)
    conn = busy.conn
    conn.execute("UPDATE audit_log SET mac = ? WHERE seq = 7", ("0" * 64,))
    assert busy.verify_audit_chain().first_bad_seq == 7
    assert busy.verify_audit_chain().reason == "HMAC does not match"
    conn.execute("UPDATE audit_log SET mac = 'é' WHERE seq = 6")  # non-ASCII: no crash
    assert (busy.verify_audit_chain().first_bad_seq, busy.verify_audit_chain().reason) == (
        6,
        "HMAC does not match",
    )
    conn.execute("UPDATE audit_log SET entry_hash = ? WHERE seq = 4", ("f" * 64,))
    assert busy.verify_audit_chain().first_bad_seq == 4
    conn.execute("UPDATE audit_log SET prev_hash = ? WHERE seq = 2", ("0" * 64,))
    report = busy.verify_audit_chain()
    assert (report.first_bad_seq, report.reason) == (2, "previous-hash link broken")


def test_an_edit_with_recomputed_hashes_still_fails_on_the_hmac(busy: Session) -> None:
    """Without the audit key, rewriting the rest of the chain consistently does not help."""
    unprotect(busy.conn)
    conn = busy.conn
    target = 4
    rows = conn.execute(
        "SELECT seq, at, user_name, role, action, object, outcome, detail FROM audit_log"
        " WHERE seq >= ? ORDER BY seq",
        (target,),
    ).fetchall()
    prev = conn.execute("SELECT entry_hash FROM audit_log WHERE seq = ?", (target - 1,)).fetchone()
    prev_hash = prev[0]
    for i, row in enumerate(rows):
        fields = list(row)
        if i == 0:
            fields[5] = "official:99"  # the edit
        entry_hash = audit._entry_hash(prev_hash, *fields)
        conn.execute(
            "UPDATE audit_log SET object = ?, prev_hash = ?, entry_hash = ? WHERE seq = ?",
            (fields[5], prev_hash, entry_hash, fields[0]),
        )
        prev_hash = entry_hash
    report = busy.verify_audit_chain()
    assert (report.first_bad_seq, report.reason) == (target, "HMAC does not match")


def test_a_deleted_middle_entry_is_detected(busy: Session) -> None:
    unprotect(busy.conn)
    busy.conn.execute("DELETE FROM audit_log WHERE seq = 5")
    report = busy.verify_audit_chain()
    assert report.first_bad_seq == 6  # the entry after the gap
    assert report.reason == "sequence gap or reordering"
    assert report.head.seq == 4


def test_a_deleted_first_entry_is_detected(busy: Session) -> None:
    unprotect(busy.conn)
    busy.conn.execute("DELETE FROM audit_log WHERE seq = 1")
    assert busy.verify_audit_chain().first_bad_seq == 2


def forge(conn: Connection, *, seq: int, prev_hash: str, mac: str) -> None:
    fields = (seq, NOW.isoformat(), "clerk1", "clerk", "official.read", "official:1", "ok", "")
    entry_hash = audit._entry_hash(prev_hash, *fields)
    conn.execute(
        "INSERT INTO audit_log (seq, at, user_name, role, action, object, outcome, detail,"
        " prev_hash, entry_hash, mac) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
        (*fields, prev_hash, entry_hash, mac),
    )


def test_a_forged_entry_at_the_end_is_detected(busy: Session) -> None:
    head = busy.audit_head()
    # Correct seq, link and hash; only the key is missing (the triggers allow INSERT).
    forge(busy.conn, seq=head.seq + 1, prev_hash=head.entry_hash, mac=os.urandom(32).hex())
    report = busy.verify_audit_chain()
    assert (report.first_bad_seq, report.reason) == (head.seq + 1, "HMAC does not match")
    assert report.head == head


def test_a_forged_entry_in_a_gap_is_detected(busy: Session) -> None:
    unprotect(busy.conn)
    conn = busy.conn
    prev_hash = conn.execute("SELECT entry_hash FROM audit_log WHERE seq = 4").fetchone()[0]
    conn.execute("DELETE FROM audit_log WHERE seq = 5")
    forge(conn, seq=5, prev_hash=prev_hash, mac=audit._mac(os.urandom(32), "x"))
    report = busy.verify_audit_chain()
    assert report.first_bad_seq == 5
    assert report.reason == "HMAC does not match"


def test_swapped_entries_are_detected(busy: Session) -> None:
    unprotect(busy.conn)
    conn = busy.conn
    conn.execute("UPDATE audit_log SET seq = -1 WHERE seq = 3")
    conn.execute("UPDATE audit_log SET seq = 3 WHERE seq = 6")
    conn.execute("UPDATE audit_log SET seq = 6 WHERE seq = -1")
    report = busy.verify_audit_chain()
    assert report.first_bad_seq == 3
    assert report.reason == "previous-hash link broken"


def test_a_moved_entry_is_detected(busy: Session) -> None:
    unprotect(busy.conn)
    conn = busy.conn
    top = last_seq(conn)
    conn.execute("UPDATE audit_log SET seq = ? WHERE seq = 2", (top + 1,))
    report = busy.verify_audit_chain()
    assert report.first_bad_seq == 3
    assert report.reason == "sequence gap or reordering"

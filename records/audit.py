"""The tamper-evident audit trail (ARCHITECTURE.md §4).

Each entry stores the SHA-256 of the previous entry and its own hash over a canonical
encoding of its fields; an HMAC-SHA256 of that hash under the vault's audit key proves the
entry was written by someone holding the key. :func:`verify_chain` walks the whole table
and names the first entry that does not add up (edited, deleted, inserted or reordered).

The audit key is random and stored inside the encrypted database rather than derived from
the data key, so it survives key rotation (docs/decisions/0004-audit-chain.md).
"""

from __future__ import annotations

import hashlib
import hmac
import json
from dataclasses import dataclass
from datetime import datetime

from records.database import Connection

GENESIS_HASH = "0" * 64
AUDIT_KEY_META = "audit_key"


class Outcome:
    OK = "ok"
    REFUSED = "refused"
    FAILED = "failed"


@dataclass(frozen=True)
class AuditEntry:
    seq: int
    at: datetime
    user_name: str
    role: str
    action: str
    object: str
    outcome: str
    detail: str
    prev_hash: str
    entry_hash: str
    mac: str


@dataclass(frozen=True)
class ChainHead:
    seq: int
    entry_hash: str

    def __str__(self) -> str:
        return f"{self.seq}:{self.entry_hash}"


@dataclass(frozen=True)
class ChainReport:
    """The result of :func:`verify_chain`.

    :param first_bad_seq: sequence number of the first entry that fails, or ``None``.
    :param reason: why it fails (English code), ``""`` when the chain is intact.
    """

    entries: int
    head: ChainHead
    first_bad_seq: int | None
    reason: str

    @property
    def ok(self) -> bool:
        return self.first_bad_seq is None


def _entry_hash(
    prev_hash: str,
    seq: int,
    at: str,
    user_name: str,
    role: str,
    action: str,
    obj: str,
    outcome: str,
    detail: str,
) -> str:
    canonical = json.dumps(
        [prev_hash, seq, at, user_name, role, action, obj, outcome, detail],
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def _mac(audit_key: bytes, entry_hash: str) -> str:
    return hmac.new(audit_key, entry_hash.encode("ascii"), hashlib.sha256).hexdigest()


def audit_key(conn: Connection) -> bytes:
    row = conn.execute("SELECT value FROM vault_meta WHERE key = ?", (AUDIT_KEY_META,)).fetchone()
    if row is None:
        raise LookupError("vault has no audit key")
    return bytes(row[0])


def head(conn: Connection) -> ChainHead:
    row = conn.execute("SELECT seq, entry_hash FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone()
    return ChainHead(0, GENESIS_HASH) if row is None else ChainHead(int(row[0]), str(row[1]))


def append(
    conn: Connection,
    key: bytes,
    *,
    at: datetime,
    user_name: str,
    role: str,
    action: str,
    obj: str,
    outcome: str,
    detail: str = "",
) -> ChainHead:
    """Append one entry; call inside the transaction of the action it records."""
    previous = head(conn)
    seq = previous.seq + 1
    at_text = at.isoformat()
    entry_hash = _entry_hash(
        previous.entry_hash, seq, at_text, user_name, role, action, obj, outcome, detail
    )
    conn.execute(
        "INSERT INTO audit_log (seq, at, user_name, role, action, object, outcome, detail,"
        " prev_hash, entry_hash, mac) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
        (
            seq,
            at_text,
            user_name,
            role,
            action,
            obj,
            outcome,
            detail,
            previous.entry_hash,
            entry_hash,
            _mac(key, entry_hash),
        ),
    )
    return ChainHead(seq, entry_hash)


def _row_to_entry(row: tuple[object, ...]) -> AuditEntry:
    return AuditEntry(
        seq=int(str(row[0])),
        at=datetime.fromisoformat(str(row[1])),
        user_name=str(row[2]),
        role=str(row[3]),
        action=str(row[4]),
        object=str(row[5]),
        outcome=str(row[6]),
        detail=str(row[7]),
        prev_hash=str(row[8]),
        entry_hash=str(row[9]),
        mac=str(row[10]),
    )


_COLUMNS = "seq, at, user_name, role, action, object, outcome, detail, prev_hash, entry_hash, mac"

#: For code that selects entries with its own filters (records.services.audit_trail).
COLUMNS = _COLUMNS
row_to_entry = _row_to_entry


def entries(conn: Connection, *, limit: int | None = None) -> list[AuditEntry]:
    sql = f"SELECT {_COLUMNS} FROM audit_log ORDER BY seq"
    if limit is not None:
        sql = f"SELECT * FROM ({sql} DESC LIMIT {int(limit)}) ORDER BY seq"
    return [_row_to_entry(row) for row in conn.execute(sql)]


def verify_chain(conn: Connection, key: bytes) -> ChainReport:
    """Walk the chain from the first entry; stop at the first one that does not add up."""
    expected_prev = GENESIS_HASH
    expected_seq = 1
    last = ChainHead(0, GENESIS_HASH)
    count = 0
    for row in conn.execute(f"SELECT {_COLUMNS} FROM audit_log ORDER BY rowid"):
        count += 1
        try:
            entry = _row_to_entry(row)
        except ValueError:  # e.g. an edited time that is no longer ISO 8601
            return ChainReport(count, last, int(row[0]), "entry content altered")
        reason = ""
        if entry.seq != expected_seq:
            reason = "sequence gap or reordering"
        elif entry.prev_hash != expected_prev:
            reason = "previous-hash link broken"
        else:
            recomputed = _entry_hash(
                entry.prev_hash,
                entry.seq,
                str(row[1]),
                entry.user_name,
                entry.role,
                entry.action,
                entry.object,
                entry.outcome,
                entry.detail,
            )
            if recomputed != entry.entry_hash:
                reason = "entry content altered"
            elif not (
                entry.mac.isascii() and hmac.compare_digest(_mac(key, entry.entry_hash), entry.mac)
            ):
                reason = "HMAC does not match"
        if reason:
            return ChainReport(count, last, entry.seq, reason)
        expected_prev = entry.entry_hash
        expected_seq += 1
        last = ChainHead(entry.seq, entry.entry_hash)
    return ChainReport(count, last, None, "")

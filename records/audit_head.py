"""The audit chain head kept *outside* the database, in ``vault.state``.

Cutting entries off the end of the trail leaves a chain that still adds up; only a copy of
the head kept elsewhere shows what is missing. After every committed transaction that moved
the head, :func:`record_head` writes ``(seq, hash, HMAC-SHA256(audit key, "seq:hash"))``
into ``vault.state`` (docs/decisions/0006-vault-state-file.md, 0008-audit-trail-complete.md).
Heads printed in signed exports are checked the same way by :func:`check_heads`.

The recorded head only moves *forward along the same chain*: if the trail no longer holds
the recorded entry (it was cut off, or rewritten), the old head is kept, so the next
action does not erase the evidence of the last tampering.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from records import audit
from records.database import Connection
from records.vault_state import RecordedHead, load_state, save_state

log = logging.getLogger("liandang.records.audit_head")


def head_mac(key: bytes, seq: int, entry_hash: str) -> str:
    """HMAC-SHA256 of ``"seq:hash"`` under the audit key (hex)."""
    return hmac.new(key, f"{seq}:{entry_hash}".encode(), hashlib.sha256).hexdigest()


def sign_head(key: bytes, head: audit.ChainHead) -> RecordedHead:
    return RecordedHead(head.seq, head.entry_hash, head_mac(key, head.seq, head.entry_hash))


def is_authentic(key: bytes, recorded: RecordedHead) -> bool:
    """Whether ``recorded`` was written by a holder of the audit key (not edited by hand)."""
    if not (recorded.mac.isascii() and recorded.entry_hash.isascii()):
        return False
    expected = head_mac(key, recorded.seq, recorded.entry_hash)
    return hmac.compare_digest(expected, recorded.mac)


def entry_hash_at(conn: Connection, seq: int) -> str | None:
    row = conn.execute("SELECT entry_hash FROM audit_log WHERE seq = ?", (seq,)).fetchone()
    return None if row is None else str(row[0])


def _still_in_trail(conn: Connection, head: RecordedHead | audit.ChainHead) -> bool:
    return entry_hash_at(conn, head.seq) == head.entry_hash


def record_head(vault: Path, conn: Connection, key: bytes, *, force: bool = False) -> None:
    """Record the trail's current head in ``vault.state``; call after a COMMIT.

    The rest of the file (login counters, pending events, policy copy) is re-read and kept
    as it is. An authentic recorded head that the trail no longer contains is left alone:
    it is the evidence :func:`check_heads` reports. A file that cannot be written is
    logged and skipped: the action has committed already, and the head is a second anchor
    (exports carry the first).

    :param force: replace even such a head — only for an audited, deliberate roll-back of
        the database (restoring a backup), which would otherwise read as truncation forever.
    """
    current = audit.head(conn)
    if current.seq == 0:
        return
    state = load_state(vault)
    recorded = state.audit_head
    if recorded is not None and not force and is_authentic(key, recorded):
        if (recorded.seq, recorded.entry_hash) == (current.seq, current.entry_hash):
            return
        if current.seq < recorded.seq or not _still_in_trail(conn, recorded):
            return
    try:
        save_state(vault, replace(state, audit_head=sign_head(key, current)))
    except OSError as exc:
        log.warning("could not record the audit head in vault.state: %s", exc.strerror)


def missing_head_note(vault: Path, conn: Connection, key: bytes) -> str:
    """Why ``vault.state`` holds no usable head although the trail is in use, else ``""``.

    Written into the login entry: the next commit records a fresh head, so without this
    note a deleted or edited ``vault.state`` would leave no trace at all. A new vault (only
    its ``vault.create`` entry) has nothing recorded yet and gets no note.
    """
    if audit.head(conn).seq <= 1:
        return ""
    recorded = load_state(vault).audit_head
    if recorded is None:
        return "no recorded audit head in vault.state (missing or damaged)"
    if not is_authentic(key, recorded):
        return "audit head in vault.state not authentic (edited or from another vault)"
    return ""


# ---- checking ------------------------------------------------------------------------------


@dataclass(frozen=True)
class HeadProblem:
    """A head (recorded or printed in an export) that the trail does not contain.

    :param code: ``truncated`` (no entry with that seq any more) or ``rewritten`` (the entry
        exists with another hash).
    :param source: ``recorded`` (vault.state) or ``export`` (given by the user).
    """

    seq: int
    code: str
    source: str
    zh: str
    en: str


@dataclass(frozen=True)
class HeadCheck:
    """What the heads kept outside the database say about the trail.

    :param recorded: the head read from ``vault.state``, ``None`` if there is none.
    :param recorded_status: ``absent``, ``not_authentic`` (MAC wrong: the file was edited or
        belongs to another vault; ignored, like a missing file) or ``checked``.
    """

    recorded: RecordedHead | None
    recorded_status: str
    problems: tuple[HeadProblem, ...]


def _check_one(
    conn: Connection, seq: int, entry_hash: str, source: str, last_seq: int
) -> HeadProblem | None:
    found = entry_hash_at(conn, seq)
    if found == entry_hash:
        return None
    what_zh = "记录的链头" if source == "recorded" else "导出文件中的链头"
    what_en = "recorded head" if source == "recorded" else "head from an export"
    if found is None:
        return HeadProblem(
            seq,
            "truncated",
            source,
            f"日志末尾被截断:{what_zh}第 {seq} 条已不存在(日志止于第 {last_seq} 条)",
            f"truncated at the end: {what_en} seq {seq} missing (trail ends at seq {last_seq})",
        )
    return HeadProblem(
        seq,
        "rewritten",
        source,
        f"第 {seq} 条与{what_zh}不符(日志被改写)",
        f"entry {seq} does not match the {what_en} (trail rewritten)",
    )


def check_heads(
    conn: Connection,
    key: bytes,
    recorded: RecordedHead | None,
    expected: Sequence[audit.ChainHead] = (),
) -> HeadCheck:
    """Check the recorded head (if authentic) and every head from an export against the trail."""
    last_seq = audit.head(conn).seq
    problems: list[HeadProblem] = []
    if recorded is None:
        status = "absent"
    elif not is_authentic(key, recorded):
        status = "not_authentic"
    else:
        status = "checked"
        problem = _check_one(conn, recorded.seq, recorded.entry_hash, "recorded", last_seq)
        if problem is not None:
            problems.append(problem)
    for head in dict.fromkeys(expected):
        problem = _check_one(conn, head.seq, head.entry_hash, "export", last_seq)
        if problem is not None:
            problems.append(problem)
    return HeadCheck(recorded, status, tuple(problems))

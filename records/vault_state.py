"""``vault.state``: what must be kept *outside* the encrypted database.

Some facts have to be read or written while the database is still locked, or must survive
someone rolling the database back:

- ``login``: per account, failed attempts and the lockout (counted before any key exists);
- ``clock``: the latest wall-clock time seen, so moving the clock back does not end a lock;
- ``pending_events``: security events that happened while locked (failed logins, lockouts),
  moved into the audit trail by the next successful unlock;
- ``audit_head``: the audit chain's last (seq, hash), with an HMAC under the audit key, so
  ``audit verify`` detects entries cut off the end;
- ``policy``: a copy of the security policy for the checks made before unlock (the
  authoritative copy is in the database, changed only through the audited service).

Nothing here is secret. An attacker who edits this file can reset failure counters, which
buys online guesses through the app only; offline guessing is bounded by Argon2id anyway
(docs/decisions/0006-vault-state-file.md). Written atomically like the key file.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from crypto.atomic_file import write_atomically

STATE_FILE = "vault.state"
FORMAT = "liandang-state"
VERSION = 1
_MAX_BYTES = 1024 * 1024
_MAX_PENDING = 1000


@dataclass(frozen=True)
class LoginRecord:
    """Failed attempts since the last success, and when the account was locked (if it is).

    :param locked_at: ISO time the lock started, ``""`` when not locked.
    """

    failures: int = 0
    locked_at: str = ""


@dataclass(frozen=True)
class PendingEvent:
    at: str
    user_name: str
    action: str
    outcome: str
    detail: str = ""


@dataclass(frozen=True)
class RecordedHead:
    seq: int
    entry_hash: str
    mac: str


@dataclass(frozen=True)
class VaultState:
    login: dict[str, LoginRecord] = field(default_factory=dict)
    clock_high_water: str = ""
    pending_events: tuple[PendingEvent, ...] = ()
    audit_head: RecordedHead | None = None
    policy: dict[str, Any] = field(default_factory=dict)

    def login_record(self, name: str) -> LoginRecord:
        return self.login.get(name, LoginRecord())

    def with_login(self, name: str, record: LoginRecord) -> VaultState:
        return replace(self, login={**self.login, name: record})

    def with_event(self, event: PendingEvent) -> VaultState:
        # Bounded: a flood of failed logins must not grow the file without limit.
        events = (*self.pending_events, event)[-_MAX_PENDING:]
        return replace(self, pending_events=events)

    def to_bytes(self) -> bytes:
        document = {
            "format": FORMAT,
            "version": VERSION,
            "login": {
                name: {"failures": r.failures, "locked_at": r.locked_at}
                for name, r in sorted(self.login.items())
            },
            "clock_high_water": self.clock_high_water,
            "pending_events": [e.__dict__ for e in self.pending_events],
            "audit_head": None if self.audit_head is None else self.audit_head.__dict__,
            "policy": self.policy,
        }
        return json.dumps(document, ensure_ascii=False, indent=1).encode("utf-8")

    @classmethod
    def from_bytes(cls, raw: bytes) -> VaultState:
        """Parse the file; a damaged file yields an empty state (fail closed on policy).

        Losing counters is the lesser harm than refusing every login; the policy falls back
        to its defaults, which are the strict ones.
        """
        try:
            document = json.loads(raw.decode("utf-8"))
            if document.get("format") != FORMAT or document.get("version") != VERSION:
                return cls()
            head = document.get("audit_head")
            return cls(
                login={
                    str(name): LoginRecord(int(r.get("failures", 0)), str(r.get("locked_at", "")))
                    for name, r in dict(document.get("login", {})).items()
                },
                clock_high_water=str(document.get("clock_high_water", "")),
                pending_events=tuple(
                    PendingEvent(**{k: str(v) for k, v in e.items()})
                    for e in document.get("pending_events", [])
                ),
                audit_head=None
                if head is None
                else RecordedHead(int(head["seq"]), str(head["entry_hash"]), str(head["mac"])),
                policy=dict(document.get("policy", {})),
            )
        except (ValueError, TypeError, KeyError, AttributeError):
            return cls()


def load_state(vault: Path) -> VaultState:
    path = vault / STATE_FILE
    try:
        if path.stat().st_size > _MAX_BYTES:
            return VaultState()
        return VaultState.from_bytes(path.read_bytes())
    except FileNotFoundError:
        return VaultState()


def save_state(vault: Path, state: VaultState) -> None:
    write_atomically(vault / STATE_FILE, state.to_bytes())

"""Login protection: failed logins counted per account name, lockout, and the security
events that happen while the vault is locked (docs/decisions/0009-login-protection.md).

All of it works before any key exists, so it lives in ``vault.state``
(:mod:`records.vault_state`, docs/decisions/0006-vault-state-file.md). Other code writes
other sections of that file (the audit head), so every change here re-reads the file and
changes only its own sections, never saving a copy read earlier.

Time: the state keeps the latest wall-clock time it has seen (``clock_high_water``), and a
lock's expiry is judged against ``max(now, high water)``. Setting the clock back therefore
cannot shorten a lock (the countdown pauses until the clock catches up). Setting it forward
does shorten it; only an operating-system administrator can change the clock, and such a
person can also delete ``vault.state``, so this guards against the application's users,
not against the machine's owner.
"""

from __future__ import annotations

import logging
import math
from collections import Counter
from collections.abc import Callable, Collection
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path

from records import audit
from records.clock import Clock
from records.database import Connection
from records.errors import AccountLockedError
from records.policy import SecurityPolicy, load_policy
from records.vault_state import LoginRecord, PendingEvent, VaultState, load_state, save_state

log = logging.getLogger("liandang.records.login_guard")

LOGIN_ACTION = "login"
LOCKED_ACTION = "account.locked"
#: Appended to the detail of every event moved from ``vault.state`` into the audit trail:
#: failed logins happen while the database is locked; a password change is kept out of the
#: database so the file stays byte-for-byte unchanged. Either way, it was written outside.
FLUSH_NOTE = "recorded outside the database"
#: Names typed at the login prompt are kept to this length (an unknown name is anyone's text).
MAX_NAME_CHARS = 64
#: Login records kept at most; unknown names cost no key derivation, so without a bound a
#: flood of invented names could grow the file past its size limit and reset every counter.
MAX_LOGIN_RECORDS = 1000


# ---- pure rules ------------------------------------------------------------------------------


def state_key(user_name: str) -> str:
    """The name under which an attempt is counted (and recorded in the audit trail).

    Unknown names count like real ones; they are shortened and stripped of control
    characters because they reach terminals and the audit viewer.
    """
    return "".join(ch if ch.isprintable() else "?" for ch in user_name[:MAX_NAME_CHARS])


def policy_of(state: VaultState) -> SecurityPolicy:
    """The policy copy kept for checks before unlock (strict defaults when absent)."""
    return SecurityPolicy.from_json(state.policy)


def _aware(moment: datetime) -> datetime:
    # A naive time would not compare with the stored aware ones; local time is what it means.
    return moment if moment.tzinfo is not None else moment.astimezone()


def _parse(text: str) -> datetime | None:
    try:
        return _aware(datetime.fromisoformat(text)) if text else None
    except ValueError:
        return None  # a damaged entry reads as absent, like a damaged file


def effective_now(state: VaultState, clock: Clock) -> datetime:
    """``max(clock(), high water)``: a clock set back does not move time back for locks."""
    now = _aware(clock())
    high = _parse(state.clock_high_water)
    return now if high is None or now >= high else high


def lock_expiry(record: LoginRecord, policy: SecurityPolicy) -> datetime | None:
    """When the account's lock ends (the current policy's duration), ``None`` if not locked."""
    locked_at = _parse(record.locked_at)
    return None if locked_at is None else locked_at + timedelta(minutes=policy.lockout_minutes)


def minutes_left(state: VaultState, user_name: str, now: datetime) -> int:
    """Whole minutes (rounded up) until ``user_name`` may try again; 0 when not locked."""
    until = lock_expiry(state.login_record(state_key(user_name)), policy_of(state))
    if until is None or now >= until:
        return 0
    return max(1, math.ceil((until - now).total_seconds() / 60))


def _with_clock(state: VaultState, now: datetime) -> VaultState:
    high = _parse(state.clock_high_water)
    if high is not None and high >= now:
        return state
    return replace(state, clock_high_water=now.isoformat())


def _event(now: datetime, name: str, action: str, outcome: str, detail: str) -> PendingEvent:
    return PendingEvent(now.isoformat(), name, action, outcome, detail)


def with_refusal(state: VaultState, user_name: str, detail: str, now: datetime) -> VaultState:
    """A login refused without trying the password (locked) or after it (disabled)."""
    event = _event(now, state_key(user_name), LOGIN_ACTION, audit.Outcome.REFUSED, detail)
    return _with_clock(state.with_event(event), now)


def with_failure(
    state: VaultState, user_name: str, now: datetime, *, keep: Collection[str] = ()
) -> VaultState:
    """One more failed login for ``user_name``; locks the account when the count reaches N.

    :param keep: names never dropped when the records are trimmed (the vault's accounts).
    """
    policy = policy_of(state)
    name = state_key(user_name)
    record = state.login_record(name)
    until = lock_expiry(record, policy)
    if until is not None and now >= until:
        record = LoginRecord()  # an expired lock starts a new count
    failures = record.failures + 1
    locked_at = record.locked_at
    state = state.with_event(
        _event(now, name, LOGIN_ACTION, audit.Outcome.FAILED, "wrong user name or password")
    )
    if failures >= policy.max_failures and not locked_at:
        locked_at = now.isoformat()
        state = state.with_event(
            _event(
                now,
                name,
                LOCKED_ACTION,
                audit.Outcome.OK,
                f"after {failures} failed logins, for {policy.lockout_minutes} minutes",
            )
        )
    state = state.with_login(name, LoginRecord(failures, locked_at))
    return _with_clock(_trimmed(state, policy, now, frozenset(keep) | {name}), now)


def _trimmed(
    state: VaultState, policy: SecurityPolicy, now: datetime, keep: frozenset[str]
) -> VaultState:
    """Drop login records beyond :data:`MAX_LOGIN_RECORDS`, least valuable first.

    Unlocked records with few failures go first, then locks that have ended, then the
    oldest locks; the vault's own accounts (``keep``) are never dropped.
    """
    excess = len(state.login) - MAX_LOGIN_RECORDS
    if excess <= 0:
        return state

    def value(item: tuple[str, LoginRecord]) -> tuple[int, str, int]:
        until = lock_expiry(item[1], policy)
        active = until is not None and now < until
        return (1 if active else 0, item[1].locked_at, item[1].failures)

    candidates = sorted((i for i in state.login.items() if i[0] not in keep), key=value)
    dropped = {name for name, _record in candidates[:excess]}
    return replace(state, login={k: v for k, v in state.login.items() if k not in dropped})


def with_login_done(
    state: VaultState,
    user_name: str,
    flushed: Collection[PendingEvent],
    policy: SecurityPolicy,
    now: datetime,
) -> VaultState:
    """After a successful unlock: reset the account, drop the events now in the audit trail,
    and make the policy copy match the database's.

    The clock mark moves only when something else changes, so a clean unlock writes nothing.
    """
    name = state_key(user_name)
    gone = Counter(flushed)
    events = []
    for event in state.pending_events:
        # Removed one for one: an identical event recorded after the flush read must stay.
        if gone[event] > 0:
            gone[event] -= 1
        else:
            events.append(event)
    changed = replace(
        state,
        login={k: v for k, v in state.login.items() if k != name},
        pending_events=tuple(events),
        policy=state.policy if policy_of(state) == policy else policy.to_json(),
    )
    return state if changed == state else _with_clock(changed, now)


# ---- on disk --------------------------------------------------------------------------------


def _update(vault: Path, change: Callable[[VaultState], VaultState]) -> None:
    """Re-read ``vault.state``, apply ``change`` and save it if anything changed.

    A folder that cannot be written (a read-only copy) loses the count rather than
    refusing every login: online limits matter for the live vault, and a read-only copy
    can be attacked offline anyway, where only Argon2id's cost counts.
    """
    state = load_state(vault)
    changed = change(state)
    if changed == state:
        return
    try:
        save_state(vault, changed)
    except OSError as error:
        log.warning("vault.state not written (%s)", type(error).__name__)


def check_not_locked(vault: Path, user_name: str, *, clock: Clock) -> None:
    """Refuse a locked account before its password is tried (and record the refusal).

    :raises AccountLockedError: with the minutes left.
    """
    state = load_state(vault)
    now = effective_now(state, clock)
    left = minutes_left(state, user_name, now)
    if left:
        _update(vault, lambda s: with_refusal(s, user_name, "locked", now))
        raise AccountLockedError(left)


def record_failure(
    vault: Path, user_name: str, *, clock: Clock, keep: Collection[str] = ()
) -> None:
    """Count a wrong password or an unknown name (the same thing, to the counter)."""
    _update(vault, lambda s: with_failure(s, user_name, effective_now(s, clock), keep=keep))


def record_refusal(vault: Path, user_name: str, detail: str, *, clock: Clock) -> None:
    """Record a refused login that is no password failure (a disabled account)."""
    _update(vault, lambda s: with_refusal(s, user_name, detail, effective_now(s, clock)))


def store_policy_copy(vault: Path, policy: SecurityPolicy) -> None:
    """Make the state's policy copy say ``policy`` (after a change, or on unlock)."""
    _update(vault, lambda s: s if policy_of(s) == policy else replace(s, policy=policy.to_json()))


def _event_time(event: PendingEvent, fallback: datetime) -> tuple[datetime, str]:
    at = _parse(event.at)
    if at is None:
        return fallback, f"{FLUSH_NOTE} (original time unreadable)"
    return at, FLUSH_NOTE


def flush_pending_events(conn: Connection, vault: Path, *, clock: Clock) -> list[PendingEvent]:
    """Move the events recorded while locked into the audit trail, in one transaction.

    Each keeps its original time and account name (the chain order stays by sequence
    number, so those times may run backwards in it); the role is empty because nobody was
    authenticated. Returns the events written, for :func:`with_login_done` to remove from
    the state after the commit: a crash (or a second unlock) in between writes them twice,
    never loses them.
    """
    if not load_state(vault).pending_events:
        return []
    key = audit.audit_key(conn)
    conn.execute("BEGIN IMMEDIATE")
    try:
        # Read again under the database's write lock, so events recorded while this unlock
        # derived its key are included.
        events = list(load_state(vault).pending_events)
        now = _aware(clock())
        for event in events:
            at, note = _event_time(event, now)
            audit.append(
                conn,
                key,
                at=at,
                user_name=event.user_name,
                role="",
                action=event.action,
                obj=event.user_name,
                outcome=event.outcome,
                detail=f"{event.detail}; {note}" if event.detail else note,
            )
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return events


def complete_login(conn: Connection, vault: Path, user_name: str, *, clock: Clock) -> None:
    """Everything a successful unlock owes the state: flush the pending events into the
    audit trail, reset the account's counter, refresh the policy copy from the database.
    """
    flushed = flush_pending_events(conn, vault, clock=clock)
    policy = load_policy(conn)
    _update(
        vault, lambda s: with_login_done(s, user_name, flushed, policy, effective_now(s, clock))
    )

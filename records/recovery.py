"""The recovery key (恢复密钥): a way back in when every administrator's password is lost.

Issued once at ``liandang init`` (:func:`records.vault.create_vault`), printed in 8 groups
of 5 characters to be written down and kept in a safe (:mod:`crypto.recovery_key`). It
opens the key slot ``~recovery``, to which every data-key generation is sealed, and it is
good for exactly one thing here: giving an administrator account (系统管理员, 安全保密管理员
or 安全审计员) a new password, re-enabled, with the lockout counter cleared. It never opens
a working session, and no one can log in as ``~recovery``.

Every use that opens the vault is in the audit trail as ``recovery.used`` by ``~recovery``
(refusals too); a wrong key is recorded in ``vault.state`` like a failed login and reaches
the trail at the next unlock. See docs/decisions/0010-remember-and-recovery.md.
"""

from __future__ import annotations

import contextlib
from dataclasses import replace
from datetime import datetime
from pathlib import Path

from crypto import errors as crypto_errors
from crypto.kdf import KdfCost
from crypto.keyfile import RECOVERY_ACCOUNT, KeyFile
from crypto.recovery_key import (
    RecoveryKey,
    RecoveryKeyFormatError,
    has_recovery_slot,
    unwrap_recovery,
)
from records import audit, login_guard, migrations
from records.accounts import validate_password
from records.clock import Clock, system_clock
from records.errors import (
    NoRecoveryKeyError,
    NotFoundError,
    RecoveryTargetError,
    ValidationError,
    VaultCorruptError,
    WrongPasswordError,
    WrongRecoveryKeyError,
)
from records.model import User
from records.roles import ADMINISTRATOR_ROLES
from records.session import Session, load_user
from records.vault import load_keyfile, open_with_candidates
from records.vault_layout import DB_FILE
from records.vault_state import PendingEvent, load_state, save_state

RECOVERY_ACTION = "recovery.used"
_LABEL_ZH = "恢复密钥"


def parse_recovery_key(text: str) -> RecoveryKey:
    """Read a recovery key as typed (case, spaces and dashes do not matter).

    :raises ValidationError: field ``recovery_key``, naming the group with the typo.
    """
    try:
        return RecoveryKey.parse(text)
    except RecoveryKeyFormatError as error:
        if error.reason == "check":
            raise ValidationError(
                "recovery_key",
                _LABEL_ZH,
                f"第{error.group}组有误,请核对抄写的字符",
                f"group {error.group} does not check: compare it with the written copy",
            ) from None
        if error.reason == "character":
            raise ValidationError(
                "recovery_key",
                _LABEL_ZH,
                f"含有不会出现的字符“{error.character}”",
                f"contains a character that never occurs: {error.character!r}",
            ) from None
        raise ValidationError(
            "recovery_key",
            _LABEL_ZH,
            "应为8组、每组5个字符",
            "must be 8 groups of 5 characters",
        ) from None


def _recovery_user(now: datetime) -> User:
    # The acting "user" of the audit entries: not an account, holds no role, can do
    # nothing through the services (every Session.require refuses it).
    return User(
        id=0,
        name=RECOVERY_ACCOUNT,
        roles=frozenset(),
        display_name=_LABEL_ZH,
        enabled=True,
        created_at=now,
    )


def recover_account(
    path: Path,
    recovery_key: str,
    account_name: str,
    new_password: str,
    *,
    clock: Clock = system_clock,
) -> User:
    """Give the administrator ``account_name`` a new password, using the recovery key.

    The account gets a new key pair under ``new_password`` (its old password and every
    remembered computer stop working), sealed to the data key in force, and is enabled.
    Key file first, then the database (account row and audit entry in one transaction);
    the key file is put back if the database step fails.

    :raises ValidationError: a malformed key (naming the group) or a weak password;
        nothing is touched.
    :raises WrongRecoveryKeyError: not this vault's key; only ``vault.state`` records it.
    :raises NoRecoveryKeyError: the vault was created without one.
    :raises NotFoundError: no such account (audited).
    :raises RecoveryTargetError: the account holds no administrator role (audited).
    """
    key = parse_recovery_key(recovery_key)
    validate_password(new_password, field="new_password")
    keyfile = load_keyfile(path)
    if not has_recovery_slot(keyfile):
        raise NoRecoveryKeyError()
    try:
        private_key = unwrap_recovery(keyfile, key)
        candidates = keyfile.data_keys_for(RECOVERY_ACCOUNT, private_key)
    except crypto_errors.WrongPasswordError:
        _record_wrong_key(path, clock)
        raise WrongRecoveryKeyError() from None
    except crypto_errors.NoSealError:
        raise VaultCorruptError(
            "恢复密钥槽未封装数据密钥", "recovery slot is sealed to no key"
        ) from None
    except crypto_errors.KeyFileCorruptError:
        raise VaultCorruptError("密钥文件被篡改", "key file has been altered") from None
    conn, unlocked = open_with_candidates(path / DB_FILE, candidates)
    try:
        if migrations.schema_version(conn) == 0:
            raise VaultCorruptError("数据库为空", "database is empty")
        migrations.migrate(conn)
    except BaseException:
        conn.close()
        raise
    with Session(path, keyfile, conn, _recovery_user(clock()), unlocked, clock) as session:
        target = _target(session, account_name)
        # Seals of the old key pair (in any generation) would not open with the new one.
        renewed = (
            keyfile.without_seals_of(account_name)
            .with_account(account_name, new_password, cost=_cost_for(keyfile, account_name))
            .with_seal(unlocked.generation, unlocked.data_key, account_name)
        )
        session.replace_keyfile(renewed)
        try:
            with session.transaction() as db:
                db.execute("UPDATE users SET enabled = 1 WHERE name = ?", (account_name,))
                session.log(
                    RECOVERY_ACTION,
                    account_name,
                    detail=(
                        f"password reset with the recovery key; roles {target.roles_text}"
                        + ("" if target.enabled else "; account re-enabled")
                    ),
                )
        except BaseException:
            session.restore_keyfile(keyfile)
            raise
        _clear_lockout(path, account_name)
        return load_user(session.conn, account_name)


def _target(session: Session, name: str) -> User:
    """The account to reset; refusals are audited (the key did open the vault)."""
    conn = session.conn
    if conn.execute("SELECT 1 FROM users WHERE name = ?", (name,)).fetchone() is None:
        with session.transaction():
            session.log(RECOVERY_ACTION, name, outcome=audit.Outcome.FAILED, detail="no account")
        raise NotFoundError("账户", "account", name)
    try:
        user: User | None = load_user(conn, name)
    except WrongPasswordError:  # an account without any role
        user = None
    if user is None or not user.roles & ADMINISTRATOR_ROLES:
        with session.transaction():
            session.log(
                RECOVERY_ACTION,
                name,
                outcome=audit.Outcome.REFUSED,
                detail=f"not an administrator (roles {'' if user is None else user.roles_text})",
            )
        raise RecoveryTargetError(name)
    return user


def _cost_for(keyfile: KeyFile, name: str) -> KdfCost:
    """The account's Argon2id cost as it was (the recovery slot's if it has no slot)."""
    slot = keyfile.accounts.get(name) or keyfile.account(RECOVERY_ACCOUNT)
    params = slot.private_key.kdf
    return KdfCost(params.memory_kib, params.iterations, params.lanes)


def _record_wrong_key(path: Path, clock: Clock) -> None:
    """A wrong key, kept in ``vault.state`` for the audit trail (the database is locked).

    160 random bits cannot be guessed, so nothing is counted or locked: the entry is there
    for the auditor, who should ask who tried.
    """
    event = PendingEvent(
        clock().isoformat(), RECOVERY_ACCOUNT, RECOVERY_ACTION, audit.Outcome.FAILED, "wrong key"
    )
    with contextlib.suppress(OSError):
        save_state(path, load_state(path).with_event(event))


def _clear_lockout(path: Path, name: str) -> None:
    """The reset account may log in at once (a lock from the forgotten password is over)."""
    state = load_state(path)
    key = login_guard.state_key(name)
    if key in state.login:
        kept = {k: v for k, v in state.login.items() if k != key}
        with contextlib.suppress(OSError):
            save_state(path, replace(state, login=kept))

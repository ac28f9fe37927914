"""Creating and unlocking a vault: a folder with ``vault.db`` (SQLCipher) and ``vault.keys``.

This module is the only bridge between :mod:`crypto` and the database: it turns a password
into the data key and opens the database with it, and maps crypto errors to the records
layer's typed errors (docs/decisions/0002-key-slots.md).
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import TYPE_CHECKING

from crypto import errors as crypto_errors
from crypto.kdf import FAST_COST, KdfCost
from crypto.keyfile import KeyFile, UnlockedKey
from crypto.recovery_key import RecoveryKey, with_recovery_slot
from records import audit, login_guard, migrations, search_index
from records.accounts import validate_new_account
from records.clock import Clock, system_clock
from records.database import Connection, DatabaseError, WrongDataKeyError, open_database
from records.errors import (
    AccountDisabledError,
    NotAVaultError,
    VaultCorruptError,
    VaultExistsError,
    VaultNotFoundError,
    WrongPasswordError,
)
from records.roles import Role
from records.session import Session, load_user
from records.vault_layout import DB_FILE, KEY_FILE

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey


def is_vault(path: Path) -> bool:
    return (path / KEY_FILE).is_file()


def create_vault(
    path: Path,
    admin_name: str,
    admin_password: str,
    *,
    admin_display_name: str = "",
    kdf_cost: KdfCost | None = None,
    clock: Clock = system_clock,
) -> Session:
    """Create a vault folder with its first account (role ``sysadmin``) and return its session.

    The vault also gets its recovery key (docs/decisions/0010-remember-and-recovery.md):
    the returned session's ``recovery_key_once`` holds its text, the only time it exists
    outside the officer's safe; show it, then let the session go.

    :raises VaultExistsError: ``path`` exists and is not an empty folder.
    :raises ValidationError: bad account name or password.
    """
    validate_new_account(admin_name, admin_password)
    if path.exists() and (not path.is_dir() or any(path.iterdir())):
        raise VaultExistsError(str(path))
    created_folder = not path.exists()
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    try:
        keyfile, data_key = KeyFile.create(admin_name, admin_password, cost=kdf_cost)
        recovery_key = RecoveryKey.generate()
        keyfile = with_recovery_slot(keyfile, recovery_key, 1, data_key, cost=kdf_cost)
        conn = open_database(path / DB_FILE, data_key, create=True)
        try:
            migrations.migrate(conn)
            search_index.ensure_search_index(conn)
            now = clock()
            conn.execute("BEGIN IMMEDIATE")
            conn.execute(
                "INSERT INTO vault_meta (key, value) VALUES ('vault_id', ?), ('created_at', ?)",
                (keyfile.vault_id, now.isoformat()),
            )
            cursor = conn.execute(
                "INSERT INTO users (name, display_name, enabled, created_at) VALUES (?, ?, 1, ?)",
                (admin_name, admin_display_name or admin_name, now.isoformat()),
            )
            conn.execute(
                "INSERT INTO user_roles (user_id, role) VALUES (?, ?)",
                (cursor.lastrowid, Role.SYSADMIN),
            )
            audit.append(
                conn,
                audit.audit_key(conn),
                at=now,
                user_name=admin_name,
                role=Role.SYSADMIN,
                action="vault.create",
                obj=keyfile.vault_id,
                outcome=audit.Outcome.OK,
            )
            conn.execute("COMMIT")
        except BaseException:
            conn.close()
            raise
        # The key file is written last: until it exists the folder is not a vault.
        keyfile.save(path / KEY_FILE)
    except BaseException:
        for name in (KEY_FILE, DB_FILE):
            with contextlib.suppress(FileNotFoundError):
                (path / name).unlink()
        if created_folder:
            with contextlib.suppress(OSError):
                path.rmdir()
        raise
    user = load_user(conn, admin_name)
    session = Session(path, keyfile, conn, user, UnlockedKey(1, data_key), clock)
    session.recovery_key_once = recovery_key.formatted
    return session


def load_keyfile(path: Path) -> KeyFile:
    """The vault's key file, with errors that tell a missing, foreign and damaged vault apart."""
    if not path.exists():
        raise VaultNotFoundError(str(path))
    if not path.is_dir() or not is_vault(path):
        raise NotAVaultError(str(path))
    try:
        return KeyFile.load(path / KEY_FILE)
    except crypto_errors.NotAKeyFileError:
        raise NotAVaultError(str(path)) from None
    except crypto_errors.UnsupportedKeyFileVersionError:
        raise VaultCorruptError("密钥文件版本过新", "key file is from a newer version") from None
    except crypto_errors.KeyFileError:
        raise VaultCorruptError("密钥文件无法读取", "key file is unreadable") from None


def open_with_candidates(
    db_path: Path, candidates: list[UnlockedKey]
) -> tuple[Connection, UnlockedKey]:
    """Open the database with the newest data key that works.

    Several candidates exist only after an interrupted key rotation; the newest is tried
    first because a completed rekey makes the older keys useless.
    """
    if not db_path.is_file():
        raise VaultCorruptError("数据库文件缺失", "database file is missing")
    for candidate in candidates:
        try:
            return open_database(db_path, candidate.data_key), candidate
        except WrongDataKeyError:
            continue
    raise VaultCorruptError("数据库无法用密钥解密", "database does not decrypt with the vault key")


def unlock_vault(
    path: Path, user_name: str, password: str, *, clock: Clock = system_clock
) -> Session:
    """Unlock the vault as ``user_name``.

    :raises VaultNotFoundError, NotAVaultError, VaultCorruptError: the folder is not usable.
    :raises WrongPasswordError: unknown account or wrong password (the same error for both).
    :raises AccountDisabledError: the account exists but may not open the vault.
    :raises AccountLockedError: too many failed logins (the password is not tried).
    """
    keyfile = load_keyfile(path)
    # A locked account is refused before its password is tried (docs/decisions/0009).
    login_guard.check_not_locked(path, user_name, clock=clock)
    try:
        private_key = keyfile.unwrap_account(user_name, password)
    except (crypto_errors.UnknownAccountError, crypto_errors.WrongPasswordError):
        login_guard.record_failure(path, user_name, clock=clock, keep=keyfile.accounts)
        raise WrongPasswordError() from None
    return open_as_account(path, keyfile, user_name, private_key, clock=clock)


def open_as_account(
    path: Path,
    keyfile: KeyFile,
    user_name: str,
    private_key: X25519PrivateKey,
    *,
    clock: Clock,
    login_detail: str = "",
) -> Session:
    """The rest of an unlock once the account's private key is known — from its password,
    or from a remembered computer (:mod:`records.device_unlock`), so both paths check,
    count and audit the same way.

    :param login_detail: the audit detail of the ``login`` entry (how the key was opened).
    """
    try:
        candidates = keyfile.data_keys_for(user_name, private_key)
    except crypto_errors.NoSealError:
        login_guard.record_refusal(path, user_name, "disabled", clock=clock)
        raise AccountDisabledError(user_name) from None
    except crypto_errors.KeyFileCorruptError:
        raise VaultCorruptError("密钥文件被篡改", "key file has been altered") from None
    conn, data_key = open_with_candidates(path / DB_FILE, candidates)
    try:
        if migrations.schema_version(conn) == 0:
            # An empty (e.g. truncated) file opens with any key: never turn it into a new vault.
            raise VaultCorruptError("数据库为空", "database is empty")
        migrations.migrate(conn)
        # Derived data, not a migration: built (or pinyin backfilled) when missing.
        search_index.ensure_search_index(conn)
        try:
            user = load_user(conn, user_name)
        except WrongPasswordError:
            login_guard.record_failure(path, user_name, clock=clock, keep=keyfile.accounts)
            raise
        if not user.enabled:
            login_guard.record_refusal(path, user_name, "disabled", clock=clock)
            raise AccountDisabledError(user_name)
        login_guard.complete_login(conn, path, user_name, clock=clock)
        session = Session(path, keyfile, conn, user, data_key, clock)
        # Every successful login is in the trail; a login that cannot be recorded fails.
        # A lost recorded audit head is noted here: this commit records a fresh one.
        detail = "; ".join(d for d in (login_detail, session.missing_head_note()) if d)
        with session.transaction():
            session.log("login", user_name, detail=detail)
        return session
    except DatabaseError as exc:
        conn.close()
        # SQLITE_CORRUPT (11) / SQLITE_NOTADB (26): a damaged page. Anything else (a lock…)
        # is not damage and goes up as it is.
        if getattr(exc, "sqlite_errorcode", 0) & 0xFF not in (11, 26):
            raise
        raise VaultCorruptError("数据库内容损坏", "database pages are damaged") from None
    except BaseException:
        conn.close()
        raise


#: Argon2id cost for demo vaults only (published passwords, invented people).
DEMO_KDF_COST = FAST_COST

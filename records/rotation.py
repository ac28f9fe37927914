"""Data-key rotation: a new key, the database re-encrypted, sealed to every active account.

The order of the steps is what makes a kill at any instant harmless
(docs/decisions/0007-key-rotation.md):

1. the content digest of the database — what must come through unchanged;
2. the key file with the old *and* the new generation, the new one sealed to every enabled
   account and to the recovery slot, written atomically before the database changes;
3. ``PRAGMA rekey`` with no transaction open (it would silently commit one). It is one
   SQLite transaction: a kill in the middle leaves a hot journal whose pages are still
   encrypted under the old key, and the next open copies them back as they are, whichever
   key that open holds;
4. the connection closed and the file reopened with the new key, ``cipher_integrity_check``
   and the digest again — the rekey's own success code proves nothing;
5. only then the audit entry, and the key file with the new generation alone.

Unlocking tries the newest generation first and then older ones
(:func:`records.vault.open_with_candidates`), so a vault left at any step opens with each
active user's password. A disabled account gets no seal in the new generation, and its
seals in older ones go when they are dropped.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import NoReturn

from crypto.keyfile import RECOVERY_ACCOUNT, KeyFile, UnlockedKey, new_data_key
from records import audit
from records.content_digest import content_digest
from records.database import (
    Connection,
    DatabaseError,
    WrongDataKeyError,
    _key_pragma,
    cipher_integrity_errors,
    open_database,
)
from records.errors import LianDangError, RotationError
from records.roles import Action
from records.session import Session
from records.vault_layout import DB_FILE

#: The audit object of rotations and of refused attempts.
AUDIT_OBJECT = "data_key"


class RotationStep(StrEnum):
    """Where a rotation is, for a progress display (and the crash test's bookkeeping)."""

    CHECKING = "checking"  # digest of the database as it is
    SEALING = "sealing"  # key file with both generations
    REKEYING = "rekeying"  # PRAGMA rekey
    VERIFYING = "verifying"  # reopen, cipher_integrity_check, digest again
    FINISHING = "finishing"  # audit entry, key file with the new generation only


Progress = Callable[[RotationStep], None]


@dataclass(frozen=True)
class RotationResult:
    generation: int
    accounts_sealed: int
    seconds: float


def accounts_to_seal(conn: Connection, keyfile: KeyFile) -> list[str]:
    """Every enabled account with a key slot, and the recovery slot when the vault has one."""
    enabled = [str(row[0]) for row in conn.execute("SELECT name FROM users WHERE enabled = 1")]
    names = sorted(name for name in enabled if name in keyfile.accounts)
    if RECOVERY_ACCOUNT in keyfile.accounts:
        names.append(RECOVERY_ACCOUNT)
    return names


def _reporter(progress: Progress | None) -> Progress:
    def report(step: RotationStep) -> None:
        if progress is None:
            return
        # A broken progress display must not stop a rotation half-way.
        with contextlib.suppress(Exception):
            progress(step)

    return report


def _in_transaction(conn: Connection) -> bool:
    return bool(getattr(conn, "in_transaction", False))


def _open(path: Path, key: UnlockedKey) -> Connection | None:
    try:
        return open_database(path, key.data_key)
    except WrongDataKeyError:
        return None


def _pages_intact(path: Path, key: UnlockedKey) -> bool:
    conn = _open(path, key)
    if conn is None:
        return False
    try:
        return not cipher_integrity_errors(conn)
    finally:
        conn.close()


def _problem(conn: Connection, path: Path, key: UnlockedKey, expected_digest: str) -> str:
    """Why the database ``conn`` has open is not the one we had ("" when it is)."""
    # The HMAC check of every page is C code that releases the GIL: on its own connection
    # in a second thread it runs while this one hashes the rows (0.9 s instead of 1.25 s
    # for an 80 MB vault on two cores).
    with ThreadPoolExecutor(max_workers=1) as pool:
        pages = pool.submit(_pages_intact, path, key)
        digest = content_digest(conn)
        intact = pages.result()
    if not intact:
        return "cipher_integrity_check"
    if digest != expected_digest:
        return "content digest"
    return ""


def rotate_data_key(session: Session, *, progress: Progress | None = None) -> RotationResult:
    """Give the vault a new data key (security officer only).

    On return the session works on the re-keyed database with the new key.

    :raises PermissionDeniedError: the acting user is not a security officer (audited).
    :raises RotationError: the rotation did not complete; the message says whether the old
        key is still in use (nothing changed) or both generations were kept.
    """
    started = time.perf_counter()
    report = _reporter(progress)
    session.require(Action.KEY_ROTATE, AUDIT_OBJECT)
    conn = session.conn
    if _in_transaction(conn):
        raise RotationError(
            "有未完成的事务,不能轮换密钥", "a transaction is open: refusing to rotate the key"
        )
    report(RotationStep.CHECKING)
    before = content_digest(conn)
    old_key = session.unlocked_key
    old_keyfile = session.keyfile
    names = accounts_to_seal(conn, old_keyfile)
    new_key = UnlockedKey(old_keyfile.newest_generation + 1, new_data_key())

    report(RotationStep.SEALING)
    try:
        session.replace_keyfile(
            old_keyfile.with_generation(new_key.generation, new_key.data_key, names)
        )
    except OSError:
        _undo_before_rekey(session, old_keyfile, "key file not written")
        raise RotationError(
            "密钥文件无法写入,数据密钥未更换", "the key file cannot be written: key unchanged"
        ) from None

    report(RotationStep.REKEYING)
    # Whatever the rekey returns, the reopened file decides what happened: it reports "ok"
    # even when another connection's lock kept it from committing (seen with 4.19). The
    # connection is not used again either way — after a failed rekey its write key may
    # already be the new one.
    with contextlib.suppress(DatabaseError):
        conn.execute(_key_pragma(new_key.data_key, "rekey"))
    conn.close()

    report(RotationStep.VERIFYING)
    db_path = session.path / DB_FILE
    reopened: Connection | None = None
    try:
        reopened = _open(db_path, new_key)
        problem = "" if reopened is None else _problem(reopened, db_path, new_key, before)
    except (DatabaseError, OSError):
        if reopened is not None:
            reopened.close()
        _give_up(session, "reopen")
    if reopened is None:
        _after_failed_rekey(session, old_key, old_keyfile, before)
    if problem:
        reopened.close()
        _give_up(session, problem)
    session.switch_database(reopened, new_key)

    report(RotationStep.FINISHING)
    # The entry goes in before the old generation goes out: a kill in between leaves an
    # audited rotation with a harmless stale generation, never an unaudited rotation.
    with session.transaction():
        session.log(
            "key.rotate",
            AUDIT_OBJECT,
            detail=f"generation={new_key.generation}, accounts={len(names)}",
        )
    try:
        session.replace_keyfile(session.keyfile.only_generation(new_key.generation))
    except OSError:
        raise RotationError(
            "新密钥已启用,但旧密钥未能从密钥文件中删除,请再次轮换",
            "the new key is in use but the old one could not be dropped: rotate again",
        ) from None
    return RotationResult(new_key.generation, len(names), time.perf_counter() - started)


def _undo_before_rekey(session: Session, old_keyfile: KeyFile, reason: str) -> None:
    """Put the old key file back and audit the failure; the database was not touched."""
    # The atomic write either happened or not; both files open this database.
    with contextlib.suppress(OSError):
        session.restore_keyfile(old_keyfile)
    try:
        with session.transaction():
            session.log("key.rotate", AUDIT_OBJECT, outcome=audit.Outcome.FAILED, detail=reason)
    except (LianDangError, DatabaseError, OSError):
        # Best effort: the rotation's own error is what the user must see. A COMMIT that
        # failed (another program holds the file) leaves the transaction open: end it.
        if _in_transaction(session.conn):
            with contextlib.suppress(DatabaseError):
                session.conn.execute("ROLLBACK")


def _give_up(session: Session, problem: str) -> NoReturn:
    """The file's state is not known to be good: keep both generations, lock the session.

    :raises RotationError: always.
    """
    session.close()
    raise RotationError(
        "重新加密后的数据库未通过校验;新旧两代密钥均已保留,请运行 liandang check",
        f"the re-encrypted database failed its {problem} check: both key generations are"
        " kept; run liandang check",
    )


def _after_failed_rekey(
    session: Session, old_key: UnlockedKey, old_keyfile: KeyFile, before: str
) -> NoReturn:
    """The new key does not open the file: if the old one does and the content is intact,
    the rekey rolled back; go on with the old key and drop the new generation.

    :raises RotationError: always.
    """
    db_path = session.path / DB_FILE
    conn: Connection | None = None
    try:
        conn = _open(db_path, old_key)
        problem = "reopen" if conn is None else _problem(conn, db_path, old_key, before)
    except (DatabaseError, OSError):
        if conn is not None:
            conn.close()
        _give_up(session, "reopen")
    if conn is None or problem:
        if conn is not None:
            conn.close()
        _give_up(session, problem)
    session.switch_database(conn, old_key)
    _undo_before_rekey(session, old_keyfile, "rekey did not take effect")
    raise RotationError(
        "数据库重新加密未成功(是否有其他程序正在使用档案库?),数据密钥未更换",
        "re-encrypting the database failed (is another program using the vault?): key unchanged",
    )

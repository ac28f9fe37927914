"""Opening the SQLCipher database with a raw 256-bit key.

The key is formatted into the SQL as hex (``PRAGMA key`` takes no parameters) and is
never user text. A wrong key is only noticed on the first read, so :func:`open_database`
reads at once and reports a typed error.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, Protocol, cast

from sqlcipher3 import dbapi2 as sqlcipher

from records.errors import SqlCipherMissingError


class Cursor(Protocol):
    """The part of a DB-API cursor we use (sqlcipher3 ships no type hints)."""

    lastrowid: int | None

    def fetchone(self) -> Any: ...

    def fetchall(self) -> list[Any]: ...

    def __iter__(self) -> Iterator[Any]: ...


class Connection(Protocol):
    """The part of an sqlcipher3 connection we use."""

    @property
    def in_transaction(self) -> bool: ...

    def execute(self, sql: str, parameters: Sequence[object] = ..., /) -> Cursor: ...

    def close(self) -> None: ...


DatabaseError = sqlcipher.DatabaseError
complete_statement = sqlcipher.complete_statement


class WrongDataKeyError(Exception):
    """The database does not open with this key (or is not an SQLCipher database)."""


def _key_pragma(data_key: bytes, pragma: str = "key") -> str:
    if len(data_key) != 32:
        raise ValueError("data key must be 32 bytes")
    return f"PRAGMA {pragma} = \"x'{data_key.hex()}'\""


def open_database(path: Path, data_key: bytes, *, create: bool = False) -> Connection:
    """Open (or with ``create``, create) the vault database.

    :raises SqlCipherMissingError: the linked SQLite has no SQLCipher.
    :raises WrongDataKeyError: the key does not decrypt the file.
    """
    if not create and not path.exists():
        raise FileNotFoundError(path)
    if create and not path.exists():
        # Create the file owner-only before SQLite does (it would follow the umask); the
        # journal SQLite writes beside it copies these permissions.
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    # isolation_level=None: transactions are explicit (records.transaction), which matters
    # because PRAGMA rekey would silently commit an implicit one.
    conn = cast(
        Connection,
        sqlcipher.connect(str(path), isolation_level=None, check_same_thread=False),
    )
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        version = conn.execute("PRAGMA cipher_version").fetchone()
        if not version or not version[0]:
            raise SqlCipherMissingError()
        conn.execute(_key_pragma(data_key))
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except DatabaseError as exc:
            raise WrongDataKeyError("database does not open with this key") from exc
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA journal_mode = DELETE")
        conn.execute("PRAGMA secure_delete = ON")
        conn.execute("PRAGMA temp_store = MEMORY")  # no plaintext temp files
        # 64 MiB of decrypted pages (default 2 MiB): search walks officials in index order,
        # and every page read again from disk costs a decryption and an HMAC.
        conn.execute("PRAGMA cache_size = -65536")
    except BaseException:
        conn.close()
        raise
    return conn


def cipher_integrity_errors(conn: Connection) -> list[str]:
    """Pages whose HMAC fails (empty when the file is intact)."""
    return [str(row[0]) for row in conn.execute("PRAGMA cipher_integrity_check")]

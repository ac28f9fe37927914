"""A SHA-256 over everything the vault database holds, independent of how it is stored.

Two databases with the same schema and the same rows have the same digest, whatever their
key, page layout or free pages: key rotation compares the digest before ``PRAGMA rekey``
with the digest of the reopened database (docs/decisions/0007-key-rotation.md), and
backups and ``liandang check`` can reuse it.

What is hashed, in this order:

- the schema: every ``sqlite_master`` row (type, name, table, SQL), without ``rootpage``,
  which a ``VACUUM`` or an export may change;
- every ordinary table by name (virtual tables are skipped, their shadow tables are
  ordinary tables and are included; ``sqlite_stat*`` is statistics, not content), with its
  column names, then each row, then the row count.

Each row is encoded by SQLite as a JSON array (``json_array`` is C code: encoding in Python
was four times slower on 400,000 records). JSON keeps the types apart — ``null``, ``1``,
``1.0``, ``"1"`` — and a BLOB becomes ``["blob","<HEX>"]``, which no text value can look
like, because text is always a quoted JSON string. The rows come out as bytes, so no text
is decoded on the way. Rows are ordered by the row id where it is an ``INTEGER PRIMARY
KEY`` (the id is part of the row, so the order is content), and otherwise by the encoded
row itself: an implicit row id is storage, which a ``VACUUM`` may renumber.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Collection
from itertools import islice

from records.database import Connection

_PREFIX = b"liandang-content-digest-v1\n"
_BATCH = 5000


def _ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _tables(conn: Connection) -> list[str]:
    rows = conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY name"
    ).fetchall()
    return [
        str(name)
        for name, sql in rows
        if not str(name).startswith("sqlite_stat")
        and not str(sql or "").lstrip().upper().startswith("CREATE VIRTUAL TABLE")
    ]


def _rowid_alias(conn: Connection, table: str, columns: list[tuple[str, str, int]]) -> str:
    """The column that is the table's row id (``id INTEGER PRIMARY KEY``), or ``""``."""
    keys = [(name, declared) for name, declared, pk in columns if pk]
    if len(keys) != 1 or keys[0][1].upper() != "INTEGER":
        return ""
    sql = conn.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", (table,)
    ).fetchone()
    if "WITHOUT ROWID" in " ".join(str(sql[0] or "").upper().split()):
        return ""
    return keys[0][0]


def _encoded(column: str) -> str:
    quoted = _ident(column)
    return (
        f"CASE WHEN typeof({quoted}) = 'blob' THEN json_array('blob', hex({quoted}))"
        f" ELSE {quoted} END"
    )


def _hash_rows(update: Callable[[bytes], object], conn: Connection, sql: str) -> int:
    rows = iter(conn.execute(sql))
    count = 0
    while batch := list(islice(rows, _BATCH)):
        count += len(batch)
        # JSON text never holds a raw newline, so the newline separates rows unambiguously.
        update(b"\n".join(bytes(row[0]) for row in batch) + b"\n")
    return count


def content_digest(conn: Connection, *, exclude: Collection[str] = ()) -> str:
    """The hex SHA-256 of the schema and of every row of every table but ``exclude``.

    Call it with no transaction of one's own open, or inside one that has written nothing
    yet, so that it sees committed rows only.
    """
    digest = hashlib.sha256(_PREFIX)
    schema = (
        "SELECT CAST(json_array(type, name, tbl_name, sql) AS BLOB) FROM sqlite_master"
        " ORDER BY type, name"
    )
    digest.update(b"schema\n")
    digest.update(b"count %d\n" % _hash_rows(digest.update, conn, schema))
    for table in _tables(conn):
        if table in exclude:
            continue
        columns = [
            (str(row[1]), str(row[2] or ""), int(row[5]))
            for row in conn.execute(f"PRAGMA table_info({_ident(table)})")
        ]
        names = [name for name, _declared, _pk in columns]
        header = b"table " + _ident(table).encode("utf-8") + b" " + repr(names).encode("utf-8")
        digest.update(header + b"\n")
        encoded = "CAST(json_array(" + ", ".join(map(_encoded, names)) + ") AS BLOB)"
        alias = _rowid_alias(conn, table, columns)
        order = _ident(alias) if alias else "1"
        rows = _hash_rows(
            digest.update, conn, f"SELECT {encoded} FROM {_ident(table)} ORDER BY {order}"
        )
        digest.update(b"count %d\n" % rows)
    return digest.hexdigest()

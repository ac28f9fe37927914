"""The content digest: equal for equal content however it is stored, different otherwise."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from records.content_digest import content_digest
from records.database import Connection, open_database


@pytest.fixture
def conn(tmp_path: Path) -> Iterator[Connection]:
    connection = open_database(tmp_path / "a.db", os.urandom(32), create=True)
    connection.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, v)")
    connection.execute("CREATE TABLE pairs (a TEXT, b TEXT, PRIMARY KEY (a, b))")
    connection.execute("CREATE TABLE kv (k TEXT PRIMARY KEY, v) WITHOUT ROWID")
    connection.execute("INSERT INTO t (id, v) VALUES (1, '欧阳明远'), (2, x'00ff'), (3, NULL)")
    connection.execute("INSERT INTO pairs VALUES ('b', 'y'), ('a', 'x')")
    connection.execute("INSERT INTO kv VALUES ('k1', 1.5)")
    yield connection
    connection.close()


def _set(conn: Connection, value: object) -> str:
    conn.execute("UPDATE t SET v = ? WHERE id = 3", (value,))
    return content_digest(conn)


def test_is_stable_and_hex(conn: Connection) -> None:
    digest = content_digest(conn)
    assert digest == content_digest(conn)
    assert len(digest) == 64 and int(digest, 16) >= 0


def test_tells_value_types_apart(conn: Connection) -> None:
    digests = {_set(conn, value) for value in (None, 1, 1.0, "1", b"1", "", b"", '["blob","31"]')}
    assert len(digests) == 8


def test_any_change_of_a_row_or_the_schema_changes_it(conn: Connection) -> None:
    before = content_digest(conn)
    conn.execute("UPDATE pairs SET b = 'z' WHERE a = 'a'")
    assert content_digest(conn) != before
    conn.execute("UPDATE pairs SET b = 'x' WHERE a = 'a'")
    assert content_digest(conn) == before
    conn.execute("CREATE INDEX t_v ON t(v)")
    assert content_digest(conn) != before
    conn.execute("DROP INDEX t_v")
    assert content_digest(conn) == before
    conn.execute("DELETE FROM kv")
    assert content_digest(conn) != before


def test_does_not_depend_on_insertion_order_or_storage(conn: Connection, tmp_path: Path) -> None:
    other = open_database(tmp_path / "b.db", os.urandom(32), create=True)
    try:
        # Same schema text, rows inserted in another order, with a different key.
        for (sql,) in conn.execute("SELECT sql FROM sqlite_master WHERE type = 'table'"):
            other.execute(sql)
        other.execute("INSERT INTO kv VALUES ('k1', 1.5)")
        other.execute("INSERT INTO pairs VALUES ('a', 'x'), ('b', 'y')")
        other.execute("INSERT INTO t (id, v) VALUES (3, NULL), (2, x'00ff'), (1, '欧阳明远')")
        assert content_digest(other) == content_digest(conn)
        conn.execute("VACUUM")
        assert content_digest(other) == content_digest(conn)
    finally:
        other.close()


def test_excluded_tables_do_not_count(conn: Connection) -> None:
    before = content_digest(conn, exclude={"kv"})
    conn.execute("INSERT INTO kv VALUES ('k2', 2)")
    assert content_digest(conn, exclude={"kv"}) == before
    assert content_digest(conn) != content_digest(conn, exclude={"kv"})

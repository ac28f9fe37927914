"""The search index of officials: pinyin columns and an FTS5 table of character pairs.

Why pairs, not the trigram tokenizer: a trigram index cannot answer the 1–2 character
queries that search as you type starts with (财政, 三), and a LIKE scan of 100,000 officials
through SQLCipher takes over a second. Instead each of name, unit and position is indexed
as the sequence of its overlapping character pairs, ending with its last character alone
(``张三丰`` → ``张三 三丰 丰``), by the ``unicode61`` tokenizer, which keeps each
space-separated pair as one token. Then, exactly:

- one character ``c`` is the prefix query ``"c"*`` (it starts some pair or ends the text);
- ``n ≥ 2`` characters are the phrase of their ``n − 1`` pairs (consecutive tokens =
  consecutive pairs = the substring).

The pinyin columns are indexed as words, so a prefix query finds any reading of a name
(``dan*`` finds 单军 through its alternative reading).

The pairs are built in SQL (``substr``) by triggers on ``officials``, so every writer —
services, other helpers' code, the bulk benchmark loader — keeps the index in step without
calling us; only the pinyin columns need Python (pypinyin), see :func:`fill_pinyin`.

Why this is not a migration: it is derived data, rebuilt from ``officials`` whenever it is
missing (:func:`ensure_search_index`, run at every unlock); schema version 5 is reserved
for the annual report. It can be folded into a later migration unchanged.
"""

from __future__ import annotations

from records.database import Connection
from records.pinyin_keys import name_keys

TABLE = "official_search"
#: Columns of the FTS table and the officials column each is built from.
_GRAM_COLUMNS = (("name", 50), ("unit", 100), ("position", 100))  # max_length of each field
_BACKFILL_BATCH = 2000
#: Bump when the table or trigger definitions change: the index is then built again.
INDEX_VERSION = "1"


def _pairs(column: str, length: int) -> str:
    """SQL text of the pair sequence of ``column`` (one ``substr`` per character)."""
    return " || ' ' || ".join(f"substr({column}, {i}, 2)" for i in range(1, length + 1))


def _values(prefix: str) -> str:
    grams = ", ".join(_pairs(f"{prefix}.{name}", length) for name, length in _GRAM_COLUMNS)
    return f"{prefix}.id, {grams}, {prefix}.name_pinyin, {prefix}.name_initials"


_COLUMNS = "rowid, name, unit, position, pinyin, initials"

_CREATE = (
    f"CREATE VIRTUAL TABLE {TABLE} USING fts5("
    "name, unit, position, pinyin, initials, content='', contentless_delete=1,"
    ' tokenize="unicode61 remove_diacritics 0")',
    f"CREATE TRIGGER {TABLE}_insert AFTER INSERT ON officials BEGIN"
    f" INSERT INTO {TABLE} ({_COLUMNS}) VALUES ({_values('new')}); END",
    f"CREATE TRIGGER {TABLE}_delete AFTER DELETE ON officials BEGIN"
    f" DELETE FROM {TABLE} WHERE rowid = old.id; END",
    f"CREATE TRIGGER {TABLE}_update AFTER UPDATE OF name, unit, position, name_pinyin,"
    f" name_initials ON officials BEGIN DELETE FROM {TABLE} WHERE rowid = old.id;"
    f" INSERT INTO {TABLE} ({_COLUMNS}) VALUES ({_values('new')}); END",
)
_DROP = (
    f"DROP TRIGGER IF EXISTS {TABLE}_insert",
    f"DROP TRIGGER IF EXISTS {TABLE}_delete",
    f"DROP TRIGGER IF EXISTS {TABLE}_update",
    f"DROP TABLE IF EXISTS {TABLE}",
)


def _index_version(conn: Connection) -> str | None:
    row = conn.execute("SELECT value FROM vault_meta WHERE key = 'search_index'").fetchone()
    return None if row is None else str(row[0])


def fill_pinyin(conn: Connection, official_id: int, name: str) -> None:
    """Set the pinyin keys of one official (call inside the caller's transaction)."""
    keys = name_keys(name)
    conn.execute(
        "UPDATE officials SET name_pinyin = ?, name_initials = ? WHERE id = ?",
        (keys.pinyin, keys.initials, official_id),
    )


def _backfill(conn: Connection) -> int:
    """Fill the pinyin keys of every official that has none yet; return how many."""
    filled = 0
    while True:
        rows = conn.execute(
            "SELECT id, name FROM officials WHERE name_pinyin = '' LIMIT ?", (_BACKFILL_BATCH,)
        ).fetchall()
        if not rows:
            return filled
        for official_id, name in rows:
            fill_pinyin(conn, int(official_id), str(name))
        filled += len(rows)


def ensure_search_index(conn: Connection) -> None:
    """Create the index if it is missing or outdated, and fill missing pinyin keys.

    Runs at every unlock, in its own transaction; on an up-to-date vault it costs two
    indexed look-ups and writes nothing.
    """
    up_to_date = _index_version(conn) == INDEX_VERSION
    if (
        up_to_date
        and not conn.execute("SELECT 1 FROM officials WHERE name_pinyin = '' LIMIT 1").fetchone()
    ):
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        if up_to_date:
            _backfill(conn)  # the triggers index what it writes
        else:
            for statement in _DROP:
                conn.execute(statement)
            # Pinyin before the index exists: one bulk insert then indexes everything.
            _backfill(conn)
            for statement in _CREATE:
                conn.execute(statement)
            conn.execute(f"INSERT INTO {TABLE} ({_COLUMNS}) SELECT {_values('o')} FROM officials o")
            conn.execute(
                "INSERT OR REPLACE INTO vault_meta (key, value) VALUES ('search_index', ?)",
                (INDEX_VERSION,),
            )
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise

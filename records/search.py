"""Searching officials: text (name, pinyin, initials, ID prefix, unit, position), filters, sort.

How it stays fast at 100,000 officials (docs/performance.md): the text is answered by the
FTS5 index of :mod:`records.search_index` (ids only, no row is decrypted), then

- few matches (≤ :data:`SPARSE_LIMIT`): the rows are fetched by id and sorted;
- many matches (``张``, ``z``): the officials are walked in sort order through the sort
  column's index and the walk stops at ``limit`` hits, so a dense match costs about
  ``limit`` rows, never the whole table. The ``+`` in ``+o.id IN`` keeps SQLite from
  choosing the id look-up plan there.

Sorting by birth or appointment date has no index: those sorts read every matching row.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date

from records.database import Connection
from records.errors import ValidationError
from records.influence import officials_in_influence_period
from records.model import Official
from records.rows import OFFICIAL_COLUMNS, official_from_row
from records.search_index import TABLE
from records.search_text import TextMatch, parse_search_text, prefix_upper_bound

#: Match counts up to this are fetched by id; above it the sort index is walked.
SPARSE_LIMIT = 1500
MAX_LIMIT = 100_000

#: Sort keys → ORDER BY column (the index named in the comment makes the walk cheap).
SORTS: dict[str, str] = {
    "name": "o.name_pinyin",  # officials_pinyin: pinyin order, as Chinese rosters sort
    "unit": "o.unit",  # officials_unit
    "birth_date": "o.birth_date",
    "appointed_date": "o.appointed_date",
}
SORT_LABELS_ZH = {
    "name": "姓名",
    "unit": "工作单位",
    "birth_date": "出生日期",
    "appointed_date": "任现职时间",
}
#: Flag columns and their Chinese names (both are accepted in :attr:`OfficialQuery.flags`).
FLAGS: dict[str, str] = {
    "is_leading": "领导干部",
    "is_reserve": "后备干部",
    "is_top_leader": "一把手",
    "is_dual_role": "一肩挑",
}
_FLAG_BY_LABEL = {label: column for column, label in FLAGS.items()}
OPEN_CLUE_DONE = "已了结"


@dataclass(frozen=True)
class OfficialQuery:
    """What to look for; every condition given must hold.

    :param text: as typed in the search box (see :mod:`records.search_text`).
    :param unit: officials whose unit starts with this text (a unit and its sub-units).
    :param flags: flag columns (``is_leading``) or their labels (``领导干部``) all set.
    :param has_open_clue: a clue not withdrawn whose status is not 已了结 (``False``: none).
    :param in_influence_period: an influence period not over today (``False``: none).
    :param annual_report_missing_year: no submitted annual report for that year.
    """

    text: str = ""
    category: int | None = None
    rank: str | None = None
    flags: frozenset[str] = field(default_factory=frozenset)
    unit: str | None = None
    has_open_clue: bool | None = None
    in_influence_period: bool | None = None
    annual_report_missing_year: int | None = None
    sort: str = "name"
    descending: bool = False
    limit: int = 500


def flag_column(flag: str) -> str:
    """``is_leading`` for ``is_leading`` or ``领导干部``.

    :raises ValidationError: not a flag.
    """
    column = flag if flag in FLAGS else _FLAG_BY_LABEL.get(flag)
    if column is None:
        names = "、".join(FLAGS.values())
        raise ValidationError(
            "flag", "标识", f"应为{names}之一", f"must be one of {', '.join(FLAGS)}"
        )
    return column


def _check(query: OfficialQuery) -> None:
    if query.sort not in SORTS:
        raise ValidationError(
            "sort", "排序", "应为" + "、".join(SORT_LABELS_ZH.values()) + "之一",
            "must be one of " + ", ".join(SORTS),
        )  # fmt: skip
    if not 1 <= query.limit <= MAX_LIMIT:
        raise ValidationError("limit", "条数", f"应在1到{MAX_LIMIT}之间", f"must be 1–{MAX_LIMIT}")
    if query.category is not None and not 1 <= query.category <= 6:
        raise ValidationError("category", "监督对象类别", "应为1到6", "must be 1–6")


def annual_reports_exist(conn: Connection) -> bool:
    """Whether the annual-report table (schema v5) is there yet."""
    return bool(
        conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'annual_reports'"
        ).fetchone()
    )


@dataclass(frozen=True)
class _Indexed:
    """A condition an index can answer: how to count its matches, and the condition as a
    look-up (``sparse``) or as a per-row test for a walk in sort order (``dense``)."""

    count_sql: str
    count_params: tuple[object, ...]
    sparse: str
    dense: str
    sparse_params: tuple[object, ...]
    dense_params: tuple[object, ...]

    def count(self, conn: Connection) -> int:
        """Matches, counted no further than ``SPARSE_LIMIT + 1``."""
        row = conn.execute(
            f"SELECT count(*) FROM ({self.count_sql} LIMIT ?)",
            [*self.count_params, SPARSE_LIMIT + 1],
        ).fetchone()
        return int(row[0])


def _range(column: str, prefix: str) -> _Indexed:
    bounds = (prefix, prefix_upper_bound(prefix))
    return _Indexed(
        f"SELECT 1 FROM officials WHERE {column} >= ? AND {column} < ?", bounds,
        f"o.{column} >= ? AND o.{column} < ?",
        # Unary + keeps SQLite from choosing the column's index for the term.
        f"+o.{column} >= ? AND +o.{column} < ?", bounds, bounds,
    )  # fmt: skip


def _indexed(match: TextMatch, query: OfficialQuery) -> list[_Indexed]:
    conditions = [_range("id_number", prefix) for prefix in match.id_prefixes]
    if match.fts:
        conditions.append(
            _Indexed(
                f"SELECT rowid FROM {TABLE} WHERE {TABLE} MATCH ?",
                (match.fts,),
                f"o.id IN (SELECT rowid FROM {TABLE} WHERE {TABLE} MATCH ?)",
                # Dense: the matching ids are gathered once from the index (no row read)
                # and probed during the walk. A per-row test (instr) was tried and was
                # slower: a walk in pinyin order must pass every name before ``z``.
                f"+o.id IN (SELECT rowid FROM {TABLE} WHERE {TABLE} MATCH ?)",
                (match.fts,),
                (match.fts,),
            )
        )
    if query.unit:
        conditions.append(_range("unit", query.unit))
    return conditions


def _filters(conn: Connection, query: OfficialQuery, today: date) -> tuple[list[str], list[object]]:
    where: list[str] = []
    params: list[object] = []
    if query.category is not None:
        where.append("o.category = ?")
        params.append(query.category)
    if query.rank:
        where.append("o.rank = ?")
        params.append(query.rank)
    for flag in sorted(query.flags):
        where.append(f"o.{flag_column(flag)} = 1")
    if query.has_open_clue is not None:
        # The clue records alone, through the records_type index; never a probe per official.
        negation = "" if query.has_open_clue else "NOT "
        where.append(
            f"o.id {negation}IN (SELECT r.official_id FROM records r WHERE r.type = 'clue'"
            " AND r.withdrawn_at IS NULL"
            " AND IFNULL(json_extract(r.fields_json, '$.status'), '') != ?)"
        )
        params.append(OPEN_CLUE_DONE)
    if query.in_influence_period is not None:
        ids = sorted(officials_in_influence_period(conn, today))
        negation = "" if query.in_influence_period else "NOT "
        where.append(f"o.id {negation}IN (SELECT value FROM json_each(?))")
        params.append(json.dumps(ids))
    year = query.annual_report_missing_year
    # Without the annual-report table no report was ever submitted: all are missing.
    if year is not None and annual_reports_exist(conn):
        where.append(
            "o.id NOT IN (SELECT a.official_id FROM annual_reports a"
            " WHERE a.year = ? AND a.status = 'submitted')"
        )
        params.append(year)
    return where, params


def search_officials(conn: Connection, query: OfficialQuery, today: date) -> list[Official]:
    """The officials matching ``query``, sorted, at most ``query.limit`` of them.

    The most selective indexed condition is used as a look-up when it matches few
    officials; otherwise every condition is tested per row on a walk in sort order.

    :raises ValidationError: an unknown sort or flag, a limit or category out of range.
    """
    _check(query)
    match = parse_search_text(query.text)
    if query.text.strip() and match.empty:
        return []  # only punctuation: nothing can match
    where, params = _filters(conn, query, today)
    indexed = _indexed(match, query)
    counts = [condition.count(conn) for condition in indexed]
    best = counts.index(min(counts)) if counts and min(counts) <= SPARSE_LIMIT else -1
    for i, condition in enumerate(indexed):
        if i == best:
            where.insert(0, condition.sparse)
            params[0:0] = condition.sparse_params
        else:
            where.append(condition.dense)
            params += condition.dense_params
    direction = "DESC" if query.descending else "ASC"
    sql = f"SELECT {OFFICIAL_COLUMNS} FROM officials o"
    if where:
        sql += " WHERE " + " AND ".join(f"({w})" for w in where)
    sql += f" ORDER BY {SORTS[query.sort]} {direction}, o.id {direction} LIMIT ?"
    params.append(query.limit)
    return [official_from_row(tuple(row)) for row in conn.execute(sql, params)]

"""Searching officials: text (name, pinyin, initials, ID prefix, unit, position), filters, sort.

How it stays fast at 100,000 officials (docs/performance.md): the text is answered by the
FTS5 index of :mod:`records.search_index` (ids only, no row is decrypted), then

- few matches (≤ :data:`SPARSE_LIMIT`): the rows are fetched by id and sorted;
- many matches (``张``, ``z``): the officials are walked in sort order through the sort
  column's index and the walk stops at ``limit`` hits, so a dense match costs about
  ``limit`` rows, never the whole table. The ``+`` in ``+o.id IN`` keeps SQLite from
  choosing the id look-up plan there.

Filters (docs/decisions/0021-filter-performance.md) never drive a query: on the look-up
they are tested on the few rows fetched; on the walk in name or unit order they are tested
in the walked index itself (``officials_by_name``, ``officials_by_unit`` carry category,
rank, flags and unit; clues, influence periods and text are id sets built once from their
covering indexes), so only the rows returned are read, even when few officials match.
Officials without a submitted report are listed once as an id set when they are few, and
probed per walked entry otherwise (then at most ``limit`` / their share are walked).

Sorting by birth or appointment date has no index: those sorts read every matching row.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, timedelta

from records.database import Connection
from records.errors import ValidationError
from records.influence import (
    Rules,
    add_months,
    effective_rules,
    in_influence_period,
    officials_in_influence_period,
)
from records.model import Official
from records.rows import OFFICIAL_COLUMNS, official_from_row
from records.search_index import TABLE
from records.search_text import TextMatch, parse_search_text, prefix_upper_bound

#: Match counts up to this are fetched by id; above it the sort index is walked.
SPARSE_LIMIT = 1500
#: Officials without a submitted report up to this many are listed once as an id set (a
#: merge of all ids, ≈ 11 ms at the reference scale); with more, a probe per walked entry
#: is cheaper, as a walk of ``limit`` rows then passes few entries without a match.
REPORT_SET_LIMIT = 2000
MAX_LIMIT = 100_000

#: Sort keys → ORDER BY column (the index named in the comment makes the walk cheap).
SORTS: dict[str, str] = {
    "name": "o.name_pinyin",  # officials_pinyin: pinyin order, as Chinese rosters sort
    "unit": "o.unit",  # officials_unit
    "birth_date": "o.birth_date",
    "appointed_date": "o.appointed_date",
}
#: The sort indexes that also hold the filter columns (schema v9): a walk with filters.
FILTER_SORT_INDEXES = {"name": "officials_by_name", "unit": "officials_by_unit"}
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
    #: ``dense`` on the columns of :data:`FILTER_SORT_INDEXES` and the id (same params).
    walked: str
    #: ``walked`` tests a column (the unit), not an id set.
    column: bool = False

    def count(self, conn: Connection) -> int:
        """Matches, counted no further than ``SPARSE_LIMIT + 1``."""
        row = conn.execute(
            f"SELECT count(*) FROM ({self.count_sql} LIMIT ?)",
            [*self.count_params, SPARSE_LIMIT + 1],
        ).fetchone()
        return int(row[0])


def _range(column: str, prefix: str) -> _Indexed:
    bounds = (prefix, prefix_upper_bound(prefix))
    count = f"SELECT 1 FROM officials WHERE {column} >= ? AND {column} < ?"
    return _Indexed(
        count, bounds, f"o.{column} >= ? AND o.{column} < ?",
        # Unary + keeps SQLite from choosing the column's index for the term.
        f"+o.{column} >= ? AND +o.{column} < ?", bounds, bounds,
        # The unit is in the filter sort indexes (and leads officials_by_unit: a range
        # there, in unit order); ID numbers become an id set.
        f"o.{column} >= ? AND o.{column} < ?" if column == "unit"
        else f"+o.id IN (SELECT id FROM officials WHERE {column} >= ? AND {column} < ?)",
        column == "unit",
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
                f"+o.id IN (SELECT rowid FROM {TABLE} WHERE {TABLE} MATCH ?)",
            )
        )
    if query.unit:
        conditions.append(_range("unit", query.unit))
    return conditions


@dataclass(frozen=True)
class _Filter:
    """A filter as a per-row test on ``officials o``: only columns of
    :data:`FILTER_SORT_INDEXES` and the id. The unary ``+`` keeps SQLite from driving the
    query by an index or an id set: the plan is chosen here.

    :param cost: the order of the tests (SQLite runs the terms in the order written): 0 a
        column, 1 a look-up in an id set, 2 a probe of another table.
    """

    test: str
    params: tuple[object, ...] = ()
    cost: int = 1


def _id_set(ids: list[int], *, negated: bool = False) -> _Filter:
    negation = "NOT " if negated else ""
    return _Filter(f"+o.id {negation}IN (SELECT value FROM json_each(?))", (json.dumps(ids),))


def _filters(conn: Connection, query: OfficialQuery, today: date) -> list[_Filter]:
    filters: list[_Filter] = []
    if query.category is not None:
        filters.append(_Filter("+o.category = ?", (query.category,), cost=0))
    if query.rank:
        filters.append(_Filter("+o.rank = ?", (query.rank,), cost=0))
    for flag in sorted(query.flags):
        filters.append(_Filter(f"+o.{flag_column(flag)} = 1", cost=0))
    if query.has_open_clue is not None:
        # The clue records alone, from their covering index (records_clues).
        negation = "" if query.has_open_clue else "NOT "
        filters.append(
            _Filter(
                f"+o.id {negation}IN (SELECT r.official_id FROM records r WHERE r.type = 'clue'"
                " AND r.withdrawn_at IS NULL"
                " AND IFNULL(json_extract(r.fields_json, '$.status'), '') != ?)",
                (OPEN_CLUE_DONE,),
            )
        )
    if query.in_influence_period is not None:
        ids = sorted(influence_period_ids(conn, today))
        filters.append(_id_set(ids, negated=not query.in_influence_period))
    year = query.annual_report_missing_year
    # Without the annual-report table no report was ever submitted: all are missing.
    if year is not None and annual_reports_exist(conn):
        filters.append(_report_missing(conn, year))
    return filters


_SUBMITTED = (
    "SELECT a.official_id FROM annual_reports a WHERE a.year = ? AND a.status = 'submitted'"
)


def _report_missing(conn: Connection, year: int) -> _Filter:
    """No submitted report on ``year``: the few officials without one as an id set (a merge
    of the ``officials_ids`` and ``annual_reports_year`` indexes, both in id order), or else
    a probe of the latter per official, tested after the row's other tests."""
    total = int(conn.execute("SELECT count(*) FROM officials").fetchone()[0])
    submitted = int(conn.execute(f"SELECT count(*) FROM ({_SUBMITTED})", (year,)).fetchone()[0])
    if total - submitted <= REPORT_SET_LIMIT:
        merge = f"SELECT id FROM officials INDEXED BY officials_ids EXCEPT {_SUBMITTED} ORDER BY 1"
        rows = conn.execute(merge, (year,))
        return _id_set([int(row[0]) for row in rows])
    return _Filter(
        "NOT EXISTS (SELECT 1 FROM annual_reports a INDEXED BY annual_reports_year"
        " WHERE a.year = ? AND a.status = 'submitted' AND a.official_id = o.id)",
        (year,),
        cost=2,
    )


def _sql_matchable(text: str) -> bool:
    """Whether ``json_extract`` of a stored field equals ``text`` exactly when Python's
    ``str(fields.get(name) or "")`` does: a non-empty text that no other JSON value (a
    number, ``true``, an array or object, as SQL returns it or as Python prints it) can be."""
    if not text or text[0] in "[{" or text in ("True", "False"):
        return False
    try:
        float(text)
    except ValueError:
        return True
    return False


def _matchable(rules: Rules) -> bool:
    return all(
        _sql_matchable(kind) and (record_type != "sanction" or _sql_matchable(system))
        for record_type, system, kind in rules
    )


def _last_ended_start(today: date, months: int) -> date:
    """The latest start whose period of ``months`` is over on ``today``.

    :func:`records.influence.add_months` never decreases as the start grows, so a period is
    not over on ``today`` exactly when it starts after this day.
    """
    start = add_months(today, -months)  # its end is on or before today
    while add_months(start + timedelta(days=1), months) <= today:
        start += timedelta(days=1)
    return start


def influence_period_ids(conn: Connection, today: date) -> set[int]:
    """The officials in an influence period on ``today``: exactly
    :func:`records.influence.officials_in_influence_period`, from far fewer rows.

    That function reads and parses every sanction and talk (0.5 s at the reference scale,
    80 ms from the ``records_influence`` index; most are talks that set no period). Here
    that index gives each type's records from the earliest date that can still be in a
    period today (all dates for a type with a permanent or probation rule) with their kind
    and system, and a record counts if it starts after its rule's
    :func:`_last_ended_start`. Officials with a probation-dependent period (留党察看) are
    asked of :func:`records.influence.in_influence_period` itself. Record dates are compared
    as stored (ISO, as every writer stores them).
    """
    rules = effective_rules(conn)
    if not _matchable(rules):
        return officials_in_influence_period(conn, today, rules=rules)
    found: set[int] = set()
    probation: set[int] = set()
    for record_type in ("sanction", "talk"):
        # A talk's rule has no system (a talk's own is never looked at).
        own = {
            (system, kind): rule
            for (rtype, system, kind), rule in rules.items()
            if rtype == record_type and (record_type == "sanction" or not system)
        }
        if not own:
            continue
        ended = {
            key: _last_ended_start(today, rule.months)
            for key, rule in own.items()
            if rule.months is not None and not rule.months_per_probation_year
        }
        # Before the earliest of these days every dated period of the type is over.
        always = len(ended) < len(own)
        since = "" if always else min(ended.values()).isoformat()
        rows = conn.execute(
            "SELECT official_id, record_date, json_extract(fields_json, '$.system'),"
            " json_extract(fields_json, '$.kind') FROM records"
            " WHERE type IN ('sanction', 'talk') AND type = ? AND withdrawn_at IS NULL"
            " AND record_date >= ?",
            (record_type, since),
        )
        for official_id, record_date, system, kind in rows:
            key = (system if record_type == "sanction" else "", kind)
            rule = own.get(key)
            if rule is None:
                continue
            if key in ended:
                if date.fromisoformat(str(record_date)) > ended[key]:
                    found.add(int(official_id))
            elif rule.months is None:
                found.add(int(official_id))
            else:
                probation.add(int(official_id))
    for official_id in sorted(probation - found):
        if in_influence_period(conn, official_id, today, rules=rules):
            found.add(official_id)
    return found


def search_officials(conn: Connection, query: OfficialQuery, today: date) -> list[Official]:
    """The officials matching ``query``, sorted, at most ``query.limit`` of them.

    The most selective indexed condition is used as a look-up when it matches few
    officials; otherwise every condition is tested per row on a walk in sort order, in the
    sort index that carries the filter columns when there are filters.

    :raises ValidationError: an unknown sort or flag, a limit or category out of range.
    """
    _check(query)
    match = parse_search_text(query.text)
    if query.text.strip() and match.empty:
        return []  # only punctuation: nothing can match
    filters = _filters(conn, query, today)
    indexed = _indexed(match, query)
    counts = [condition.count(conn) for condition in indexed]
    best = counts.index(min(counts)) if counts and min(counts) <= SPARSE_LIMIT else -1
    # A walk tests the filters (and a unit with text) in the index it walks; text alone
    # keeps the plain sort index, whose entries are smaller.
    several = bool(filters or query.unit) or len(indexed) > 1
    walk_index = FILTER_SORT_INDEXES.get(query.sort) if several and best < 0 else None
    tests = [(f.test, f.params, f.cost) for f in filters] + [
        (c.walked if walk_index else c.dense, c.dense_params, 0 if c.column else 1)
        for i, c in enumerate(indexed)
        if i != best
    ]
    # SQLite tests the terms in the order written: the look-up, then the cheapest tests
    # first (columns, id sets, the report probe).
    tests.sort(key=lambda test: test[2])
    terms = [(indexed[best].sparse, indexed[best].sparse_params)] if best >= 0 else []
    terms += [(term, values) for term, values, _ in tests]
    where = [term for term, _ in terms]
    params = [value for _, values in terms for value in values]
    return _select(conn, where, params, query, walk_index)


def _select(
    conn: Connection,
    where: list[str],
    params: list[object],
    query: OfficialQuery,
    index: str | None,
) -> list[Official]:
    direction = "DESC" if query.descending else "ASC"
    sql = f"SELECT {OFFICIAL_COLUMNS} FROM officials o"
    if index:
        sql += f" INDEXED BY {index}"
    if where:
        sql += " WHERE " + " AND ".join(f"({w})" for w in where)
    sql += f" ORDER BY {SORTS[query.sort]} {direction}, o.id {direction} LIMIT ?"
    return [official_from_row(tuple(row)) for row in conn.execute(sql, [*params, query.limit])]

"""``official list --filter KEY=VALUE``: turning the command line into an :class:`OfficialQuery`.

A bad filter is a usage error (exit 2) that names the filter, and nothing is opened.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from records.errors import ValidationError
from records.search import OfficialQuery, flag_column
from ui.cli.usage_error import UsageError

FILTER_KEYS = (
    "category=1..6",
    "rank=职级",
    "flag=领导干部|后备干部|一把手|一肩挑",
    "unit=单位(前缀)",
    "open_clue=yes|no",
    "influence=yes|no",
    "report_missing=YEAR",
)
_YES = {"yes", "y", "true", "1", "是"}
_NO = {"no", "n", "false", "0", "否"}


def _bad(key: str, reason_zh: str, reason_en: str) -> UsageError:
    return UsageError(f"--filter {key}", reason_zh, reason_en)


def _yes_no(key: str, value: str) -> bool:
    if value.lower() in _YES:
        return True
    if value.lower() in _NO:
        return False
    raise _bad(key, "应为 yes 或 no", "must be yes or no")


def _integer(key: str, value: str, low: int, high: int) -> int:
    try:
        number = int(value)
    except ValueError:
        number = low - 1
    if not low <= number <= high:
        raise _bad(key, f"应为{low}到{high}之间的整数", f"must be an integer {low}–{high}")
    return number


def _apply(query: OfficialQuery, key: str, value: str) -> OfficialQuery:
    if key == "category":
        return replace(query, category=_integer(key, value, 1, 6))
    if key == "rank":
        return replace(query, rank=value)
    if key == "flag":
        try:
            column = flag_column(value)
        except ValidationError as exc:
            raise _bad(key, exc.reason_zh, exc.reason_en) from None
        return replace(query, flags=query.flags | {column})
    if key == "unit":
        return replace(query, unit=value)
    if key == "open_clue":
        return replace(query, has_open_clue=_yes_no(key, value))
    if key == "influence":
        return replace(query, in_influence_period=_yes_no(key, value))
    if key == "report_missing":
        return replace(query, annual_report_missing_year=_integer(key, value, 1949, 9999))
    keys = ", ".join(k.split("=")[0] for k in FILTER_KEYS)
    raise _bad(key, f"未知的筛选条件(可用:{keys})", f"unknown filter (known: {keys})")


def query_from_args(
    search: str, filters: Sequence[str], *, sort: str, descending: bool, limit: int
) -> OfficialQuery:
    """The query that ``--search``, ``--filter``, ``--sort``, ``--desc`` and ``--limit`` ask.

    :raises UsageError: a filter without ``=``, an unknown key or a bad value.
    """
    query = OfficialQuery(text=search, sort=sort, descending=descending, limit=limit)
    for item in filters:
        key, sep, value = item.partition("=")
        key, value = key.strip(), value.strip()
        if not sep or not value:
            raise _bad(key or item, "应为 KEY=VALUE", "must be KEY=VALUE")
        query = _apply(query, key, value)
    return query

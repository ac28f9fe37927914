"""Influence periods (影响期): how long a sanction or an admonishment blocks promotion.

The periods are data (:data:`DEFAULT_RULES`), keyed by record type, sanction system and
kind, each with the rule it comes from; the security officer edits them (DOMAIN.md §4,
**[configurable]**): an override is a row of the ``influence_rules`` table
(:mod:`records.services.influence_rules`), and every function here reads the effective
rules (:func:`effective_rules`) unless the caller passes its own. Only sanction records and
诫勉 talks count, and a withdrawn record never does.

Month arithmetic (:func:`add_months`): the end is the same day of the month N months after
the effective date, clamped to the last day of a shorter month (2024-02-29 + 12 months =
2025-02-28; 2025-01-31 + 1 month = 2025-02-28). The period is not over while
``today < end``: on the end date itself it is over. A record whose effective date is still
ahead counts as in its period already (a decided sanction blocks promotion now).
Where several periods apply to one official, the latest end wins; a permanent one
(开除, ``end is None``) beats every dated one.
"""

from __future__ import annotations

import calendar
import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from records.database import Connection

PARTY = "党纪处分"
GOVERNMENT = "政务处分"
ORGANIZATIONAL = "组织处理"
TALK_ADMONISHMENT = "诫勉"

_PARTY_RULE = "《中国共产党纪律处分条例》"
_GOVERNMENT_RULE = "《中华人民共和国公职人员政务处分法》第八条"
_SELECTION_RULE = "《党政领导干部选拔任用工作条例》"


@dataclass(frozen=True)
class InfluenceRule:
    """How long one kind of sanction blocks promotion.

    :param months: the period in months; ``None`` means permanent.
    :param months_per_probation_year: added per year of 留党察看 probation.
    :param rule_zh: where the period comes from.
    """

    months: int | None
    rule_zh: str
    months_per_probation_year: int = 0


#: Keyed by ``(record type, system, kind)``; talks have no system (``""``).
DEFAULT_RULES: dict[tuple[str, str, str], InfluenceRule] = {
    ("sanction", PARTY, "警告"): InfluenceRule(12, _PARTY_RULE),
    ("sanction", PARTY, "严重警告"): InfluenceRule(18, _PARTY_RULE),
    ("sanction", PARTY, "撤销党内职务"): InfluenceRule(24, _PARTY_RULE),
    # 察看期 (1 or 2 years) + 24 months.
    ("sanction", PARTY, "留党察看"): InfluenceRule(24, _PARTY_RULE, months_per_probation_year=12),
    # May not rejoin the Party for five years.
    ("sanction", PARTY, "开除党籍"): InfluenceRule(60, _PARTY_RULE),
    ("sanction", GOVERNMENT, "警告"): InfluenceRule(6, _GOVERNMENT_RULE),
    ("sanction", GOVERNMENT, "记过"): InfluenceRule(12, _GOVERNMENT_RULE),
    ("sanction", GOVERNMENT, "记大过"): InfluenceRule(18, _GOVERNMENT_RULE),
    ("sanction", GOVERNMENT, "降级"): InfluenceRule(24, _GOVERNMENT_RULE),
    ("sanction", GOVERNMENT, "撤职"): InfluenceRule(24, _GOVERNMENT_RULE),
    ("sanction", GOVERNMENT, "开除"): InfluenceRule(None, _GOVERNMENT_RULE),
    # 受到调整职务、责令辞职、免职处理的,一年内不得重新担任与原任职务相当的领导职务;
    # 降职的,两年内不得提拔。
    ("sanction", ORGANIZATIONAL, "调整职务"): InfluenceRule(12, _SELECTION_RULE),
    ("sanction", ORGANIZATIONAL, "责令辞职"): InfluenceRule(12, _SELECTION_RULE),
    ("sanction", ORGANIZATIONAL, "免职"): InfluenceRule(12, _SELECTION_RULE),
    ("sanction", ORGANIZATIONAL, "降职"): InfluenceRule(24, _SELECTION_RULE),
    ("talk", "", TALK_ADMONISHMENT): InfluenceRule(6, _SELECTION_RULE + "(诫勉)"),
}

#: 留党察看 without a recorded probation: assume the longer one (never end a period early).
_DEFAULT_PROBATION_YEARS = 2

RuleKey = tuple[str, str, str]
Rules = Mapping[RuleKey, InfluenceRule]

#: Where an edited period comes from, after the rule it replaces.
LOCAL_RULE_ZH = "本单位调整"


def stored_overrides(conn: Connection) -> dict[RuleKey, int | None]:
    """The security officer's overrides: months by key (``None`` = permanent)."""
    return {
        (str(r[0]), str(r[1]), str(r[2])): None if r[3] is None else int(r[3])
        for r in conn.execute("SELECT record_type, system, kind, months FROM influence_rules")
    }


def with_overrides(overrides: Mapping[RuleKey, int | None]) -> dict[RuleKey, InfluenceRule]:
    """:data:`DEFAULT_RULES` with ``overrides`` applied.

    An override changes the months only: 留党察看 keeps adding its probation, and a kind
    with no default (停职检查) gets a period of its own.
    """
    rules = dict(DEFAULT_RULES)
    for key, months in overrides.items():
        base = DEFAULT_RULES.get(key)
        rules[key] = InfluenceRule(
            months,
            f"{base.rule_zh}({LOCAL_RULE_ZH})" if base else LOCAL_RULE_ZH,
            base.months_per_probation_year if base else 0,
        )
    return rules


def effective_rules(conn: Connection) -> dict[RuleKey, InfluenceRule]:
    """The rules in force in this vault: the defaults with the stored overrides."""
    return with_overrides(stored_overrides(conn))


@dataclass(frozen=True)
class InfluencePeriod:
    """One official's period, from one record.

    :param end: the first day the period is over; ``None`` = permanent.
    """

    official_id: int
    record_id: int
    source_label_zh: str
    start: date
    end: date | None

    def covers(self, today: date) -> bool:
        """Not over yet on ``today``."""
        return self.end is None or today < self.end


def add_months(start: date, months: int) -> date:
    """The same day ``months`` later, clamped to the end of a shorter month."""
    year, month0 = divmod(start.month - 1 + months, 12)
    year += start.year
    last_day = calendar.monthrange(year, month0 + 1)[1]
    return date(year, month0 + 1, min(start.day, last_day))


def _period(rules: Rules, row: tuple[object, ...]) -> InfluencePeriod | None:
    record_id, official_id, type_code, record_date, fields_json = row
    fields = json.loads(str(fields_json))
    system = str(fields.get("system") or "") if type_code == "sanction" else ""
    kind = str(fields.get("kind") or "")
    rule = rules.get((str(type_code), system, kind))
    if rule is None:
        return None
    start = date.fromisoformat(str(record_date))
    label = f"{system}:{kind}" if system else kind
    if rule.months is None:
        return InfluencePeriod(int(str(official_id)), int(str(record_id)), label, start, None)
    months = rule.months
    if rule.months_per_probation_year:
        try:
            years = int(fields.get("probation_years") or _DEFAULT_PROBATION_YEARS)
        except (TypeError, ValueError):
            years = _DEFAULT_PROBATION_YEARS
        months += years * rule.months_per_probation_year
    end = add_months(start, months)
    return InfluencePeriod(int(str(official_id)), int(str(record_id)), label, start, end)


def record_influence_periods(
    conn: Connection, *, official_id: int | None = None, rules: Rules | None = None
) -> list[InfluencePeriod]:
    """Every period, one per counting record (not withdrawn), by official and start.

    :param rules: ``None``: the vault's effective rules (:func:`effective_rules`).
    """
    if rules is None:
        rules = effective_rules(conn)
    sql = (
        "SELECT id, official_id, type, record_date, fields_json FROM records"
        " WHERE type IN ('sanction', 'talk') AND withdrawn_at IS NULL"
    )
    params: list[object] = []
    if official_id is not None:
        sql += " AND official_id = ?"
        params.append(official_id)
    periods = [p for row in conn.execute(sql, params) if (p := _period(rules, tuple(row)))]
    return sorted(periods, key=lambda p: (p.official_id, p.start, p.record_id))


def _later(a: InfluencePeriod, b: InfluencePeriod) -> InfluencePeriod:
    if a.end is None:
        return a
    if b.end is None:
        return b
    return b if b.end > a.end else a


def influence_periods(
    conn: Connection, *, official_id: int | None = None, rules: Rules | None = None
) -> list[InfluencePeriod]:
    """The period that counts for each official (latest end wins), by official id."""
    winners: dict[int, InfluencePeriod] = {}
    for period in record_influence_periods(conn, official_id=official_id, rules=rules):
        current = winners.get(period.official_id)
        winners[period.official_id] = period if current is None else _later(current, period)
    return [winners[k] for k in sorted(winners)]


def in_influence_period(
    conn: Connection, official_id: int, today: date, *, rules: Rules | None = None
) -> bool:
    """Whether the official's influence period is not over on ``today``."""
    return any(
        p.covers(today) for p in influence_periods(conn, official_id=official_id, rules=rules)
    )


def officials_in_influence_period(
    conn: Connection, today: date, *, rules: Rules | None = None
) -> set[int]:
    """The ids of every official whose influence period is not over on ``today``."""
    return {p.official_id for p in influence_periods(conn, rules=rules) if p.covers(today)}

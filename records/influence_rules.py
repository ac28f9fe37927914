"""The influence-period table as the security officer sees and edits it.

One row per kind that can carry a period: every sanction kind of
:data:`records.record_type_catalog.SANCTION_KINDS` and the 诫勉 talk. A row is named by its
key, the same text a period shows as its source (``党纪处分:警告``, ``诫勉``); its value is
whole months (0–240), ``永久`` (permanent) or ``默认`` (drop the override). The computation
itself is :mod:`records.influence`.
"""

from __future__ import annotations

from dataclasses import dataclass

from records.database import Connection
from records.errors import ValidationError
from records.influence import DEFAULT_RULES, TALK_ADMONISHMENT, RuleKey, effective_rules
from records.record_type_catalog import SANCTION_KINDS

#: The longest period an edit may set (20 years); longer is 永久.
MAX_MONTHS = 240
PERMANENT_WORDS = frozenset({"永久", "permanent", "forever"})
DEFAULT_WORDS = frozenset({"默认", "default", "reset"})
LABEL_ZH = "影响期"


class ResetToDefault:
    """The value ``默认``: remove the override, the built-in period applies again."""

    def __repr__(self) -> str:
        return "RESET"


RESET = ResetToDefault()
#: What one edit sets: months, ``None`` (permanent) or :data:`RESET`.
RuleValue = int | None | ResetToDefault


def rule_keys() -> tuple[RuleKey, ...]:
    """Every editable kind, in the order of DOMAIN.md §4's tables."""
    sanctions = tuple(
        ("sanction", system, kind) for system, kinds in SANCTION_KINDS.items() for kind in kinds
    )
    return (*sanctions, ("talk", "", TALK_ADMONISHMENT))


def key_text(key: RuleKey) -> str:
    """``党纪处分:警告`` for a sanction, ``诫勉`` for the talk."""
    _record_type, system, kind = key
    return f"{system}:{kind}" if system else kind


def parse_key(text: str) -> RuleKey:
    """:raises ValidationError: not a kind that can carry an influence period."""
    wanted = text.strip().replace(":", ":")
    for key in rule_keys():
        if key_text(key) == wanted:
            return key
    known = "、".join(key_text(k) for k in rule_keys())
    raise ValidationError(
        "influence_key", "影响期种类", f"未知种类:{text}(可用:{known})",
        f"unknown kind {text!r}; use SYSTEM:KIND such as 党纪处分:警告, or 诫勉",
    )  # fmt: skip


def parse_value(key: RuleKey, raw: str) -> RuleValue:
    """Months as text, ``永久`` or ``默认``.

    :raises ValidationError: naming the key and the allowed range.
    """
    text = raw.strip().lower()
    if text in PERMANENT_WORDS:
        return None
    if text in DEFAULT_WORDS:
        return RESET
    label = f"{LABEL_ZH}({key_text(key)})"
    try:
        months = int(text)
    except ValueError:
        raise ValidationError(
            "months", label, f"应为0到{MAX_MONTHS}的整月数、“永久”或“默认”",
            f"must be whole months 0-{MAX_MONTHS}, 'permanent' or 'default'",
        ) from None  # fmt: skip
    if not 0 <= months <= MAX_MONTHS:
        raise ValidationError(
            "months", label, f"应在0到{MAX_MONTHS}个月之间",
            f"must be between 0 and {MAX_MONTHS} months",
        )  # fmt: skip
    return months


def months_text(months: int | None) -> str:
    return "永久" if months is None else f"{months}个月"


@dataclass(frozen=True)
class InfluenceRuleRow:
    """One kind as shown to the security officer.

    :param months: the period in force; ``None`` = permanent.
    :param default_months: the built-in period; ``None`` with ``has_default`` false = none.
    :param months_per_probation_year: added per year of 留党察看 probation (not editable:
        it is the probation itself, counted in months).
    """

    key: str
    record_type: str
    system: str
    kind: str
    months: int | None
    has_rule: bool
    default_months: int | None
    has_default: bool
    months_per_probation_year: int
    rule_zh: str
    overridden: bool


def rule_rows(conn: Connection) -> list[InfluenceRuleRow]:
    rules = effective_rules(conn)
    overridden = {
        (str(r[0]), str(r[1]), str(r[2]))
        for r in conn.execute("SELECT record_type, system, kind FROM influence_rules")
    }
    rows = []
    for key in rule_keys():
        rule, default = rules.get(key), DEFAULT_RULES.get(key)
        rows.append(
            InfluenceRuleRow(
                key=key_text(key),
                record_type=key[0],
                system=key[1],
                kind=key[2],
                months=rule.months if rule else 0,
                has_rule=rule is not None,
                default_months=default.months if default else 0,
                has_default=default is not None,
                months_per_probation_year=rule.months_per_probation_year if rule else 0,
                rule_zh=rule.rule_zh if rule else "",
                overridden=key in overridden,
            )
        )
    return rows

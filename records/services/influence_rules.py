"""Influence periods as data: read by anyone, edited only by the security officer, audited.

Like the security policy (:mod:`records.services.policy`): the ``influence_rules`` table
holds the overrides, a change is one transaction with its audit entry naming every old and
new value, and a change that changes nothing writes nothing. The rules are not dossier
content, so the three administrators may read them; whose period ends when is computed
only inside the business services.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from records.influence import RuleKey, stored_overrides, with_overrides
from records.influence_rules import (
    InfluenceRuleRow,
    ResetToDefault,
    RuleValue,
    key_text,
    months_text,
    parse_key,
    parse_value,
    rule_rows,
)
from records.roles import Action
from records.session import Session

#: The audit trail's object for every read and change of the table.
RULES_OBJECT = "influence_rules"


@dataclass(frozen=True)
class InfluenceRuleChange:
    """What :meth:`InfluenceRuleService.set_values` did.

    :param changed: ``key -> (old, new)`` text of the period in force for every key whose
        stored override changed (empty: nothing was written or audited).
    """

    changed: dict[str, tuple[str, str]]
    rows: tuple[InfluenceRuleRow, ...]

    def describe(self) -> str:
        """``党纪处分:警告: 12个月→6个月`` (the audit entry's detail)."""
        return ", ".join(f"{key}: {old}→{new}" for key, (old, new) in self.changed.items())


def _in_force(overrides: Mapping[RuleKey, int | None], key: RuleKey) -> str:
    rule = with_overrides(overrides).get(key)
    if rule is None:
        return "无"
    text = months_text(rule.months)
    if rule.months_per_probation_year:
        text += f"+察看期×{rule.months_per_probation_year}"
    return text + ("(调整)" if key in overrides else "")


class InfluenceRuleService:
    def __init__(self, session: Session) -> None:
        self._session = session

    def list(self) -> list[InfluenceRuleRow]:
        """Every kind with the period in force (any role; an audited read)."""
        session = self._session
        with session.transaction() as conn:
            rows = rule_rows(conn)
            session.log("influence.rules.read", RULES_OBJECT)
        return rows

    def set_values(self, values: Mapping[str, str]) -> InfluenceRuleChange:
        """Change periods given as text (``{"党纪处分:警告": "6", "诫勉": "默认"}``), all or none.

        :raises PermissionDeniedError: not the security officer (the refusal is audited).
        :raises ValidationError: an unknown kind or a value out of range; nothing is saved.
        """
        self._session.require(Action.POLICY_SET, RULES_OBJECT)
        parsed: dict[RuleKey, RuleValue] = {}
        for text, raw in values.items():
            key = parse_key(text)
            parsed[key] = parse_value(key, raw)
        return self._apply(parsed)

    def set(self, key: str, months: int | None) -> InfluenceRuleChange:
        """One period in months (``None``: permanent); same rules as :meth:`set_values`."""
        return self.set_values({key: "永久" if months is None else str(months)})

    def reset(self, key: str) -> InfluenceRuleChange:
        """Drop the override of ``key``: the built-in period applies again."""
        return self.set_values({key: "默认"})

    def _apply(self, values: Mapping[RuleKey, RuleValue]) -> InfluenceRuleChange:
        session = self._session
        before = stored_overrides(session.conn)
        after = dict(before)
        for key, value in values.items():
            if isinstance(value, ResetToDefault):
                after.pop(key, None)
            else:
                after[key] = value
        touched = [k for k in values if (k in before, before.get(k)) != (k in after, after.get(k))]
        if not touched:
            return InfluenceRuleChange({}, tuple(rule_rows(session.conn)))
        change_text = {key_text(k): (_in_force(before, k), _in_force(after, k)) for k in touched}
        with session.transaction() as conn:
            for key in touched:
                if key not in after:
                    conn.execute(
                        "DELETE FROM influence_rules"
                        " WHERE record_type = ? AND system = ? AND kind = ?",
                        key,
                    )
                    continue
                conn.execute(
                    "INSERT INTO influence_rules (record_type, system, kind, months,"
                    " changed_by, changed_at) VALUES (?, ?, ?, ?, ?, ?)"
                    " ON CONFLICT (record_type, system, kind) DO UPDATE SET"
                    " months = excluded.months, changed_by = excluded.changed_by,"
                    " changed_at = excluded.changed_at",
                    (*key, after[key], session.user.name, session.now().isoformat()),
                )
            change = InfluenceRuleChange(change_text, tuple(rule_rows(conn)))
            session.log("influence.rules.set", RULES_OBJECT, detail=change.describe())
        return change

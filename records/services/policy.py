"""The security policy: read by anyone, changed only by the security officer, audited.

The database's ``security_policy`` table (one JSON value per key) is authoritative; the
copy in ``vault.state`` exists for the checks made before unlock (lockout) and is refreshed
after every change here and on every unlock (docs/decisions/0006-vault-state-file.md).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, fields

from records import login_guard
from records.errors import ValidationError
from records.policy import SecurityPolicy, load_policy, parse_policy_value, policy_label_zh
from records.roles import Action
from records.session import Session

#: The audit trail's object for every policy change.
POLICY_OBJECT = "security_policy"
POLICY_NAMES = tuple(spec.name for spec in fields(SecurityPolicy))


@dataclass(frozen=True)
class PolicyChange:
    """What :meth:`PolicyService.set` did.

    :param changed: ``name -> (old, new)`` for each setting whose value changed (empty when
        every value given was the current one: nothing was written or audited then).
    """

    before: SecurityPolicy
    after: SecurityPolicy
    changed: dict[str, tuple[int | bool, int | bool]]

    def describe(self) -> str:
        """``max_failures: 5→3, allow_remember: false→true`` (the audit entry's detail)."""
        return ", ".join(
            f"{name}: {json.dumps(old)}→{json.dumps(new)}"
            for name, (old, new) in self.changed.items()
        )


def _as_text(value: object) -> str:
    # Typed values go through the same parser as the command line's text, so the limits
    # live in one place (records.policy); a bool is not a number and vice versa.
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int):
        return str(value)
    return repr(value)


class PolicyService:
    def __init__(self, session: Session) -> None:
        self._session = session

    def get(self) -> SecurityPolicy:
        """The policy in force (any role: the lockout and auto-lock apply to everyone)."""
        return load_policy(self._session.conn)

    def set_values(self, values: dict[str, str]) -> PolicyChange:
        """Change settings given as text (``{"max_failures": "3"}``), all or none.

        :raises PermissionDeniedError: not the security officer (the refusal is audited).
        :raises ValidationError: an unknown setting or a value out of range.
        """
        self._session.require(Action.POLICY_SET, POLICY_OBJECT)
        parsed = {name: parse_policy_value(name, raw) for name, raw in values.items()}
        return self._apply(parsed)

    def set(self, **changes: int | bool) -> PolicyChange:
        """Change typed settings (``set(max_failures=3)``); same rules as :meth:`set_values`."""
        self._session.require(Action.POLICY_SET, POLICY_OBJECT)
        parsed: dict[str, int | bool] = {}
        for name, value in changes.items():
            number = parse_policy_value(name, _as_text(value))
            if type(number) is not type(value):
                raise ValidationError(
                    name, policy_label_zh(name), "类型不符", f"wrong type {type(value).__name__}"
                )
            parsed[name] = number
        return self._apply(parsed)

    def _apply(self, values: dict[str, int | bool]) -> PolicyChange:
        session = self._session
        before = load_policy(session.conn)
        after = SecurityPolicy.from_json({**before.to_json(), **values})
        change = PolicyChange(
            before,
            after,
            {
                name: (getattr(before, name), getattr(after, name))
                for name in POLICY_NAMES
                if getattr(before, name) != getattr(after, name)
            },
        )
        if not change.changed:
            return change
        with session.transaction() as conn:
            for name, (_old, new) in change.changed.items():
                conn.execute(
                    "INSERT INTO security_policy (key, value) VALUES (?, ?)"
                    " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                    (name, json.dumps(new)),
                )
            session.log(Action.POLICY_SET.value, POLICY_OBJECT, detail=change.describe())
        # After the commit: the database is authoritative, and the next unlock refreshes the
        # copy if this write is lost.
        login_guard.store_policy_copy(session.path, after)
        return change

"""三员分立: which sets of roles one account may hold.

Strict by default: no account holds two administrator roles (系统管理员, 安全保密管理员,
安全审计员), nor an administrator role together with a business role. Business roles may
be combined (a small office's clerk who also vets). The security officer's small-unit switch
(``SecurityPolicy.allow_combined_roles``) lifts the rule; every grant that relies on it is
marked in the audit trail.
"""

from __future__ import annotations

from collections.abc import Iterable

from records.errors import SeparationOfDutiesError
from records.roles import ADMINISTRATOR_ROLES, Role


def breaks_separation(roles: Iterable[Role]) -> bool:
    held = frozenset(roles)
    administrators = held & ADMINISTRATOR_ROLES
    return len(administrators) > 1 or (bool(administrators) and bool(held - ADMINISTRATOR_ROLES))


def check_role_set(roles: Iterable[Role], *, allow_combined: bool) -> bool:
    """Return ``True`` when the set is allowed only because of the small-unit switch.

    :raises SeparationOfDutiesError: the set breaks 三员分立 and the switch is off.
    """
    held = frozenset(roles)
    if not breaks_separation(held):
        return False
    if allow_combined:
        return True
    labels = "、".join(role.label_zh for role in Role if role in held)
    raise SeparationOfDutiesError(
        f"违反三员分立:一个账户不能同时担任{labels}(可由安全保密管理员在小单位策略中放开)",
        "separation of duties: one account may not hold "
        + " + ".join(role.value for role in Role if role in held),
    )

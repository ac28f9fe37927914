"""The security policy the security officer (安全保密管理员) sets, with its defaults.

Stored in the database (changed only through :class:`PolicyService`, audited) and copied
into ``vault.state`` so the checks made before unlock (lockout) can read it.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, fields, replace
from typing import Any

from records.database import Connection
from records.errors import ValidationError


@dataclass(frozen=True)
class SecurityPolicy:
    """:param max_failures: failed logins before the account locks (DOMAIN default 5).
    :param lockout_minutes: how long a lock lasts (default 15).
    :param auto_lock_minutes: idle time before the app locks itself (default 10).
    :param allow_remember: whether "remember on this computer" (OS keyring) is offered.
    :param allow_combined_roles: the small-unit switch that lets one account hold an
        administrator role together with another role (三员分立 relaxed; every use audited).
    :param attachment_max_mb: the largest attachment (scan, photo) accepted, in MB.
    :param change_report_days: days after a change within which its 事项变化报告 is due
        (DOMAIN §3 #2, default 30; local practice differs).
    :param check_sample_percent: the share of reports drawn for a random check (随机抽查)
        each year, in per cent (DOMAIN §3 #7, default 10).
    """

    max_failures: int = 5
    lockout_minutes: int = 15
    auto_lock_minutes: int = 10
    allow_remember: bool = False
    allow_combined_roles: bool = False
    attachment_max_mb: int = 50
    change_report_days: int = 30
    check_sample_percent: int = 10

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> SecurityPolicy:
        """Known keys with the right type; anything else keeps its (strict) default."""
        policy = cls()
        for spec in fields(cls):
            value = data.get(spec.name)
            default = getattr(policy, spec.name)
            if isinstance(value, type(default)) and not (
                isinstance(default, int)
                and not isinstance(default, bool)
                and isinstance(value, bool)
            ):
                policy = replace(policy, **{spec.name: value})
        return policy


_LIMITS: dict[str, tuple[int, int]] = {
    "max_failures": (1, 100),
    "lockout_minutes": (1, 24 * 60),
    "auto_lock_minutes": (1, 240),
    "attachment_max_mb": (1, 500),
    "change_report_days": (1, 365),
    "check_sample_percent": (1, 100),
}

_LABELS_ZH = {
    "max_failures": "登录失败次数上限",
    "lockout_minutes": "锁定时长(分钟)",
    "auto_lock_minutes": "自动锁定时间(分钟)",
    "allow_remember": "允许在本机记住登录",
    "allow_combined_roles": "允许一人兼任多个管理员角色",
    "attachment_max_mb": "附件大小上限(MB)",
    "change_report_days": "事项变化报告期限(天)",
    "check_sample_percent": "随机抽查比例(%)",
}


def parse_policy_value(name: str, raw: str) -> int | bool:
    """Validate one ``name=value`` setting from the CLI or the policy dialog."""
    if name not in _LABELS_ZH:
        raise ValidationError(
            name, name, "不是安全策略项:" + "、".join(_LABELS_ZH), "is not a policy setting"
        )
    label = _LABELS_ZH[name]
    if name in _LIMITS:
        low, high = _LIMITS[name]
        try:
            number = int(raw)
        except ValueError:
            raise ValidationError(name, label, "应为整数", "must be a whole number") from None
        if not low <= number <= high:
            raise ValidationError(
                name, label, f"应在{low}到{high}之间", f"must be between {low} and {high}"
            )
        return number
    text = raw.strip().lower()
    if text in ("1", "true", "yes", "on", "是"):
        return True
    if text in ("0", "false", "no", "off", "否"):
        return False
    raise ValidationError(name, label, "应为 yes 或 no", "must be yes or no")


def policy_label_zh(name: str) -> str:
    return _LABELS_ZH[name]


def policy_limits(name: str) -> tuple[int, int] | None:
    """The allowed range of a numeric setting (for a form's spin box); ``None`` for a switch."""
    return _LIMITS.get(name)


def load_policy(conn: Connection) -> SecurityPolicy:
    """The authoritative policy, from the database (defaults for keys never set)."""
    stored: dict[str, Any] = {}
    for key, value in conn.execute("SELECT key, value FROM security_policy"):
        try:
            stored[str(key)] = json.loads(value)
        except (TypeError, ValueError):
            continue  # a damaged value keeps its strict default
    return SecurityPolicy.from_json(stored)

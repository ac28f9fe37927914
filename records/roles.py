"""The five roles of DOMAIN.md §1 and what each may do.

Permissions are a table, not ``if`` statements scattered over services, so a test can walk
every role × every action (tests/records/test_permissions.py).
"""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    CLERK = "clerk"
    VETTING = "vetting"
    SYSADMIN = "sysadmin"
    SECADMIN = "secadmin"
    AUDITOR = "auditor"

    @property
    def label_zh(self) -> str:
        return _ROLE_LABELS_ZH[self]

    @property
    def is_administrator(self) -> bool:
        """One of the 三员 (system, security, audit administrators)."""
        return self in ADMINISTRATOR_ROLES


_ROLE_LABELS_ZH = {
    Role.CLERK: "录入员",
    Role.VETTING: "审核员",
    Role.SYSADMIN: "系统管理员",
    Role.SECADMIN: "安全保密管理员",
    Role.AUDITOR: "安全审计员",
}

ADMINISTRATOR_ROLES = frozenset({Role.SYSADMIN, Role.SECADMIN, Role.AUDITOR})


class Action(StrEnum):
    """Every service action that a role check guards."""

    USER_ADD = "user.add"
    USER_LIST = "user.list"
    OFFICIAL_ADD = "official.add"
    OFFICIAL_LIST = "official.list"
    OFFICIAL_READ = "official.read"
    RECORD_ADD = "record.add"
    RECORD_LIST = "record.list"
    DOSSIER_EXPORT = "dossier.export"
    CERT_INIT = "cert.init"
    CERT_EXPORT = "cert.export"
    AUDIT_LIST = "audit.list"
    AUDIT_VERIFY = "audit.verify"
    AUDIT_EXPORT = "audit.export"
    USER_DISABLE = "user.disable"
    USER_ENABLE = "user.enable"
    USER_PASSWORD_RESET = "user.password_reset"
    USER_ROLE = "user.role"
    POLICY_SET = "policy.set"
    KEY_ROTATE = "key.rotate"
    RELATION_DECLARE = "relation.declare"


_BUSINESS = frozenset({Role.CLERK, Role.VETTING})

PERMISSIONS: dict[Action, frozenset[Role]] = {
    Action.USER_ADD: frozenset({Role.SYSADMIN}),
    Action.USER_LIST: frozenset({Role.SYSADMIN, Role.SECADMIN, Role.AUDITOR}),
    Action.OFFICIAL_ADD: frozenset({Role.CLERK}),
    # The three administrators see no dossier content (三员分立), not even the list.
    Action.OFFICIAL_LIST: _BUSINESS,
    Action.OFFICIAL_READ: _BUSINESS,
    Action.RECORD_ADD: frozenset({Role.CLERK}),
    Action.RECORD_LIST: _BUSINESS,
    # Signed exports are the vetting officer's act (DOMAIN.md §1).
    Action.DOSSIER_EXPORT: frozenset({Role.VETTING}),
    Action.CERT_INIT: frozenset({Role.SECADMIN}),
    # The root certificate is public: anyone who checks exports may need it.
    Action.CERT_EXPORT: frozenset(Role),
    Action.AUDIT_LIST: frozenset({Role.AUDITOR}),
    Action.AUDIT_VERIFY: frozenset({Role.AUDITOR, Role.SECADMIN}),
    Action.AUDIT_EXPORT: frozenset({Role.AUDITOR}),
    # Accounts are the system administrator's; role grants and policy the security officer's.
    Action.USER_DISABLE: frozenset({Role.SYSADMIN}),
    Action.USER_ENABLE: frozenset({Role.SYSADMIN}),
    Action.USER_PASSWORD_RESET: frozenset({Role.SYSADMIN}),
    Action.USER_ROLE: frozenset({Role.SECADMIN}),
    Action.POLICY_SET: frozenset({Role.SECADMIN}),
    Action.KEY_ROTATE: frozenset({Role.SECADMIN}),
    # Anyone may declare a conflict of interest; declaring one reveals nothing.
    Action.RELATION_DECLARE: frozenset(Role),
}


def may(roles: Role | frozenset[Role], action: Action) -> bool:
    """Whether a role (or any of an account's roles) may do ``action``."""
    held = frozenset({roles}) if isinstance(roles, Role) else roles
    return bool(held & PERMISSIONS[action])


ACTION_LABELS_ZH: dict[Action, str] = {
    Action.USER_ADD: "新增用户",
    Action.USER_LIST: "查看用户",
    Action.OFFICIAL_ADD: "新建档案",
    Action.OFFICIAL_LIST: "查看档案列表",
    Action.OFFICIAL_READ: "查阅档案",
    Action.RECORD_ADD: "登记记录",
    Action.RECORD_LIST: "查看记录",
    Action.DOSSIER_EXPORT: "导出签章档案",
    Action.CERT_INIT: "生成签章证书",
    Action.CERT_EXPORT: "导出根证书",
    Action.AUDIT_LIST: "查看审计日志",
    Action.AUDIT_VERIFY: "校验审计日志",
    Action.AUDIT_EXPORT: "导出审计日志",
    Action.USER_DISABLE: "停用账户",
    Action.USER_ENABLE: "启用账户",
    Action.USER_PASSWORD_RESET: "重置他人密码",
    Action.USER_ROLE: "授予或撤销角色",
    Action.POLICY_SET: "修改安全策略",
    Action.KEY_ROTATE: "轮换数据密钥",
    Action.RELATION_DECLARE: "申报回避关系",
}

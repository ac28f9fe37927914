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
    RECORD_EDIT = "record.edit"
    RECORD_WITHDRAW = "record.withdraw"
    INFORMANT_READ = "informant.read"
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
    ATTACHMENT_ADD = "attachment.add"
    ATTACHMENT_LIST = "attachment.list"
    ATTACHMENT_READ = "attachment.read"
    ATTACHMENT_EXPORT = "attachment.export"
    ATTACHMENT_WITHDRAW = "attachment.withdraw"
    POSITION_ADD = "position.add"
    POSITION_LIST = "position.list"
    POSITION_END = "position.end"
    REPORT_EDIT = "report.edit"
    REPORT_READ = "report.read"
    REPORT_CHANGE_WITHDRAW = "report.change_withdraw"
    DUE_LIST = "due.list"
    VETTING_CREATE = "vetting.create"
    VETTING_READ = "vetting.read"
    VETTING_DECIDE = "vetting.decide"
    VETTING_SUBMIT = "vetting.submit"
    VETTING_REPLY = "vetting.reply"
    CHECK_EDIT = "check.edit"
    CHECK_READ = "check.read"
    CHECK_REQUEST = "check.request"


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
    # Corrections are new versions and withdrawals keep the record: both the clerk's.
    Action.RECORD_EDIT: frozenset({Role.CLERK}),
    Action.RECORD_WITHDRAW: frozenset({Role.CLERK}),
    # A clue's informant (004:89): vetting, or the clue's custodian (checked per record).
    Action.INFORMANT_READ: _BUSINESS,
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
    # Attachments and positions are dossier content: the clerk files them, both business
    # roles read them; saving an original out of the vault is each reader's audited act.
    Action.ATTACHMENT_ADD: frozenset({Role.CLERK}),
    Action.ATTACHMENT_LIST: _BUSINESS,
    Action.ATTACHMENT_READ: _BUSINESS,
    Action.ATTACHMENT_EXPORT: _BUSINESS,
    Action.ATTACHMENT_WITHDRAW: frozenset({Role.CLERK}),
    Action.POSITION_ADD: frozenset({Role.CLERK}),
    Action.POSITION_LIST: _BUSINESS,
    Action.POSITION_END: frozenset({Role.CLERK}),
    # The annual report and its change reports are filed by the clerk, read by both;
    # the deadline list names officials and what they owe, so it is business-only too.
    Action.REPORT_EDIT: frozenset({Role.CLERK}),
    Action.REPORT_READ: _BUSINESS,
    # A change report filed in error is withdrawn (kept, with the reason), as records are.
    Action.REPORT_CHANGE_WITHDRAW: frozenset({Role.CLERK}),
    Action.DUE_LIST: _BUSINESS,
    # 党风廉政意见回复 is the vetting officer's work from the letter in to the signed reply
    # (DOMAIN.md §1); the clerk sees only its copy, filed in each candidate's dossier.
    Action.VETTING_CREATE: frozenset({Role.VETTING}),
    Action.VETTING_READ: frozenset({Role.VETTING}),
    Action.VETTING_DECIDE: frozenset({Role.VETTING}),
    Action.VETTING_SUBMIT: frozenset({Role.VETTING}),
    Action.VETTING_REPLY: frozenset({Role.VETTING}),
    # 查核: the organisation department (clerk) opens, verifies and decides checks; both
    # business roles read the findings, and vetting may ask for the targeted check every
    # promotion candidate needs (凡提必查) — opening an empty one reveals nothing new.
    Action.CHECK_EDIT: frozenset({Role.CLERK}),
    Action.CHECK_READ: _BUSINESS,
    Action.CHECK_REQUEST: _BUSINESS,
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
    Action.RECORD_EDIT: "修改记录",
    Action.RECORD_WITHDRAW: "撤销记录",
    Action.INFORMANT_READ: "查看举报人信息",
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
    Action.ATTACHMENT_ADD: "添加附件",
    Action.ATTACHMENT_LIST: "查看附件列表",
    Action.ATTACHMENT_READ: "查看附件内容",
    Action.ATTACHMENT_EXPORT: "另存附件原件",
    Action.ATTACHMENT_WITHDRAW: "撤回附件",
    Action.POSITION_ADD: "登记任职经历",
    Action.POSITION_LIST: "查看任职经历",
    Action.POSITION_END: "登记任职结束",
    Action.REPORT_EDIT: "填报个人有关事项",
    Action.REPORT_READ: "查阅个人有关事项报告",
    Action.REPORT_CHANGE_WITHDRAW: "撤销事项变化报告",
    Action.DUE_LIST: "查看到期事项",
    Action.VETTING_CREATE: "登记党风廉政意见来函",
    Action.VETTING_READ: "查看党风廉政意见回复",
    Action.VETTING_DECIDE: "确定党风廉政意见",
    Action.VETTING_SUBMIT: "提交党风廉政意见审核",
    Action.VETTING_REPLY: "签发党风廉政意见回复",
    Action.CHECK_EDIT: "登记个人有关事项查核",
    Action.CHECK_READ: "查阅查核结果",
    Action.CHECK_REQUEST: "要求重点抽查",
}

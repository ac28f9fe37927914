"""Typed errors of the records layer, each with a one-line Chinese and English message.

The CLI prints ``zh / en`` and maps the class to an exit code; the GUI shows ``zh``.
Messages never contain passwords, keys or dossier content beyond the field at fault.
"""

from __future__ import annotations


class LianDangError(Exception):
    """Base of every error a user may see. ``zh`` and ``en`` are complete sentences."""

    def __init__(self, zh: str, en: str) -> None:
        super().__init__(en)
        self.zh = zh
        self.en = en

    def __str__(self) -> str:
        return f"{self.zh} / {self.en}"


# ---- opening a vault ---------------------------------------------------------------------


class VaultError(LianDangError):
    """The vault cannot be used as it is."""


class VaultNotFoundError(VaultError):
    def __init__(self, path: str) -> None:
        super().__init__(f"档案库不存在:{path}", f"vault not found: {path}")
        self.path = path


class NotAVaultError(VaultError):
    def __init__(self, path: str) -> None:
        super().__init__(f"不是廉档档案库:{path}", f"not a LianDang vault: {path}")
        self.path = path


class VaultExistsError(VaultError):
    def __init__(self, path: str) -> None:
        super().__init__(
            f"该位置已有文件,不能新建档案库:{path}", f"path exists, will not create a vault: {path}"
        )
        self.path = path


class VaultCorruptError(VaultError):
    def __init__(self, what_zh: str, what_en: str) -> None:
        super().__init__(f"档案库已损坏:{what_zh}", f"vault is corrupted: {what_en}")


class NewerVaultError(VaultError):
    def __init__(self) -> None:
        super().__init__(
            "档案库由更新版本的廉档创建,请升级软件",
            "vault was written by a newer LianDang: upgrade",
        )


class SqlCipherMissingError(VaultError):
    def __init__(self) -> None:
        super().__init__(
            "未加载 SQLCipher 加密库,拒绝运行", "SQLCipher is not linked: refusing to run"
        )


class RotationError(VaultError):
    """A key rotation did not complete; the message says what state the vault is in."""


# ---- who is acting ---------------------------------------------------------------------------


class AuthenticationError(LianDangError):
    """The user could not be authenticated."""


class WrongPasswordError(AuthenticationError):
    def __init__(self) -> None:
        # The same words for an unknown user and a wrong password: no account probing.
        super().__init__("用户名或密码错误", "wrong user name or password")


class AccountDisabledError(AuthenticationError):
    def __init__(self, name: str) -> None:
        super().__init__(f"账户已停用:{name}", f"account is disabled: {name}")


class AccountLockedError(AuthenticationError):
    """Too many failed logins: the account is locked; the password was not even tried.

    The name is left out, like :class:`WrongPasswordError`: unknown names lock too, and the
    message must not tell the two apart.
    """

    def __init__(self, minutes_left: int) -> None:
        super().__init__(
            f"账户已锁定,请于 {minutes_left} 分钟后再试",
            f"account is locked: try again in {minutes_left} minutes",
        )
        self.minutes_left = minutes_left


class PermissionDeniedError(LianDangError):
    def __init__(self, role_zh: str, role: str, action_zh: str, action: str) -> None:
        super().__init__(
            f"权限不足:{role_zh}不能{action_zh}", f"permission denied: role {role} may not {action}"
        )


class RecusalError(PermissionDeniedError):
    """The user declared a relation to this official (回避) and may not work on the dossier."""

    def __init__(self, official_id: int) -> None:
        LianDangError.__init__(
            self,
            f"须回避:您已申报与该人员(编号{official_id})存在亲属等关系,不能查阅、修改、导出或审核其档案",
            f"recusal: you declared a relation to official {official_id} and may not work on"
            " this dossier",
        )
        self.official_id = official_id


class SeparationOfDutiesError(LianDangError):
    """The role change would break 三员分立 (and the small-unit switch is off)."""


# ---- remembered logins and the recovery key (docs/decisions/0010) ---------------------------


class NoRememberedLoginError(AuthenticationError):
    """Nothing is remembered for this vault and account here: ask for the password."""

    def __init__(self) -> None:
        super().__init__(
            "本机没有记住该账户的登录,请输入密码",
            "no login is remembered on this computer: enter the password",
        )


class RememberedLoginInvalidError(AuthenticationError):
    """The OS key store's entry was changed, damaged or no longer matches the key file
    (password changed or reset, forgotten elsewhere). The stale entry has been removed."""

    def __init__(self) -> None:
        super().__init__(
            "本机记住的登录已失效,请输入密码",
            "the login remembered on this computer no longer works: enter the password",
        )


class RememberNotAllowedError(PermissionDeniedError):
    """The security policy (``allow_remember``) forbids remembered logins."""

    def __init__(self) -> None:
        LianDangError.__init__(
            self,
            "安全策略不允许在本机记住登录,请输入密码",
            "the security policy does not allow remembering logins: enter the password",
        )


class KeyringUnavailableError(LianDangError):
    """No usable OS key store (or it refused the write): nothing was remembered."""

    def __init__(self) -> None:
        super().__init__(
            "本机没有可用的系统密钥库,无法记住登录", "no usable OS key store on this computer"
        )


class WrongRecoveryKeyError(AuthenticationError):
    def __init__(self) -> None:
        super().__init__(
            "恢复密钥不正确(不是本档案库的恢复密钥)",
            "wrong recovery key: it is not this vault's recovery key",
        )


class NoRecoveryKeyError(VaultError):
    def __init__(self) -> None:
        super().__init__(
            "此档案库没有恢复密钥(由旧版本创建)", "this vault has no recovery key (older vault)"
        )


class RecoveryTargetError(PermissionDeniedError):
    """The recovery key resets administrators only; other accounts are a sysadmin's job."""

    def __init__(self, name: str) -> None:
        LianDangError.__init__(
            self,
            f"恢复密钥只能重置管理员账户的密码,{name} 不是管理员;请由系统管理员重置",
            f"the recovery key resets administrators only, and {name} is not one:"
            " ask a system administrator",
        )


# ---- what was asked -------------------------------------------------------------------------


class ValidationError(LianDangError):
    """Bad input: names the field and the rule it breaks.

    :param field: the field's code name (``id_number``), as the CLI and forms know it.
    :param label_zh: the field's Chinese label (公民身份号码).
    """

    def __init__(self, field: str, label_zh: str, reason_zh: str, reason_en: str) -> None:
        super().__init__(f"{label_zh}:{reason_zh}", f"{field}: {reason_en}")
        self.field = field
        self.label_zh = label_zh
        self.reason_zh = reason_zh
        self.reason_en = reason_en


class NotFoundError(LianDangError):
    def __init__(self, what_zh: str, what_en: str, key: object) -> None:
        super().__init__(f"未找到{what_zh}:{key}", f"{what_en} not found: {key}")


class ConflictError(LianDangError):
    """The action contradicts what is already stored (a duplicate, a state that forbids it)."""

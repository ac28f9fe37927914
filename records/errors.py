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


class PermissionDeniedError(LianDangError):
    def __init__(self, role_zh: str, role: str, action_zh: str, action: str) -> None:
        super().__init__(
            f"权限不足:{role_zh}不能{action_zh}", f"permission denied: role {role} may not {action}"
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

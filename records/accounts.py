"""Rules for account names and passwords."""

from __future__ import annotations

import re

from records.errors import ValidationError

_NAME = re.compile(r"^[A-Za-z][A-Za-z0-9._-]{1,31}$")
MIN_PASSWORD_LENGTH = 8


def validate_account_name(name: str) -> None:
    if not _NAME.match(name):
        raise ValidationError(
            "name",
            "用户名",
            "应为2–32位字母、数字、点、下划线或连字符,并以字母开头",
            "2–32 letters, digits, '.', '_' or '-', starting with a letter",
        )


def validate_password(password: str, *, field: str = "password") -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise ValidationError(
            field,
            "密码",
            f"至少{MIN_PASSWORD_LENGTH}个字符",
            f"must have at least {MIN_PASSWORD_LENGTH} characters",
        )
    if password != password.strip() or "\n" in password:
        raise ValidationError(
            field, "密码", "首尾不能有空白或换行", "must not start or end with white space"
        )


def validate_new_account(name: str, password: str) -> None:
    validate_account_name(name)
    validate_password(password)

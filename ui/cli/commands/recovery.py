"""``liandang recover PATH --user NAME``: reset an administrator's password with the
vault's recovery key (docs/decisions/0010-remember-and-recovery.md).

The key is read like a password, never from the command line: line 1 of
``--password-stdin`` (line 2: the new password), or the terminal.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path
from typing import Any

from records.recovery import recover_account
from ui.cli.context import CliContext
from ui.cli.usage_error import UsageError


def register(sub: argparse._SubParsersAction[Any]) -> None:
    # Any: the parser passes its own ArgumentParser subclass (the action is invariant).
    recover = sub.add_parser(
        "recover",
        help="用恢复密钥重置管理员密码 / reset an administrator's password with the recovery key",
        description=(
            "所有管理员都忘记密码时使用。--user 为要重置的管理员账户;"
            "恢复密钥与新密码从终端输入,或用 --password-stdin(第1行恢复密钥,第2行新密码)。"
            " / For when every administrator has forgotten their password. --user names the"
            " administrator to reset; the recovery key and the new password come from the"
            " terminal, or --password-stdin (line 1: recovery key, line 2: new password)."
        ),
    )
    recover.add_argument("path", type=Path, help="档案库文件夹 / vault folder")
    recover.set_defaults(handler=run_recover)


def _recovery_key(ctx: CliContext) -> str:
    if ctx.args.password_stdin:
        return ctx.password()  # line 1
    if not sys.stdin.isatty():
        raise UsageError(
            "--password-stdin",
            "无终端可输入恢复密钥:请用 --password-stdin",
            "no terminal to type the recovery key: use --password-stdin",
        )
    return getpass.getpass("恢复密钥 / recovery key (XXXXX-XXXXX-…): ")


def run_recover(ctx: CliContext) -> int:
    path: Path = ctx.args.path
    name = ctx.user_name()
    key = _recovery_key(ctx)
    new_password = ctx.new_password(what_zh="新密码", what_en="new")
    user = recover_account(path, key, name, new_password)
    ctx.emit(
        {"vault": str(path), "user": user.name, "enabled": user.enabled, "recovered": True},
        f"已用恢复密钥重置 {user.name} 的密码,账户已启用;此次使用已记入审计日志。\n"
        f"password of {user.name} reset with the recovery key, account enabled; "
        "this use is in the audit trail.",
    )
    return 0

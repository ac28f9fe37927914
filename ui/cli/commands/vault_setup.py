"""``liandang init`` and ``liandang demo``."""

from __future__ import annotations

import argparse
from pathlib import Path

from records.vault import create_vault
from ui.cli.context import CliContext
from ui.demo_vault import DEMO_ACCOUNTS, is_demo_vault


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    init = sub.add_parser("init", help="新建档案库及第一个系统管理员 / new vault")
    init.add_argument("path", type=Path, help="档案库文件夹 / vault folder (must not exist)")
    init.add_argument("--admin", required=True, help="系统管理员用户名 / administrator name")
    init.add_argument("--display-name", default="", help="显示名 / display name")
    init.set_defaults(handler=run_init)

    demo = sub.add_parser("demo", help="生成演示档案库(虚构人员) / demo vault, synthetic data")
    demo.add_argument("path", type=Path)
    demo.add_argument("--officials", type=int, default=60, help="虚构人员数 / number of officials")
    demo.add_argument(
        "--show-accounts",
        action="store_true",
        help="只显示已有演示库的账户 / only print the accounts of an existing demo vault",
    )
    demo.set_defaults(handler=run_demo)


def run_init(ctx: CliContext) -> int:
    args = ctx.args
    # The administrator being created is the acting user: line 1 of --password-stdin.
    password = ctx.password() if args.password_stdin else ctx.new_password(what_en="administrator")
    session = create_vault(args.path, args.admin, password, admin_display_name=args.display_name)
    vault_id = session.vault_id
    recovery_key = session.recovery_key_once or ""
    session.close()
    ctx.emit(
        {
            "vault": str(args.path),
            "vault_id": vault_id,
            "admin": args.admin,
            "recovery_key": recovery_key,
        },
        f"已创建档案库 / vault created: {args.path}\n系统管理员 / administrator: {args.admin}\n\n"
        + recovery_key_text(recovery_key),
    )
    return 0


def recovery_key_text(key: str) -> str:
    """The recovery key as printed once at ``init``: big enough to copy, with the warning."""
    return (
        "恢复密钥 / RECOVERY KEY(只显示这一次 / shown only this once):\n\n"
        f"    {key}\n\n"
        "请立即手工抄写在纸上,核对无误后密封,存放在保险柜中;不要拍照、不要存入电脑。\n"
        "所有管理员都忘记密码时,只有它能重置管理员密码(liandang recover)。\n"
        "Write it down by hand now, check it, seal it and keep it in a safe; no photos, no\n"
        "files. When every administrator has forgotten their password, it is the only way to\n"
        "reset one (liandang recover)."
    )


def _accounts_text() -> str:
    lines = ["演示账户 / demo accounts (仅用于演示 / demo only):"]
    for account in DEMO_ACCOUNTS:
        lines.append(
            f"  {account.name:<10} {account.password:<16} {account.role.label_zh} ({account.role})"
        )
    return "\n".join(lines)


def _accounts_json(path: Path) -> dict[str, object]:
    return {
        "vault": str(path),
        "accounts": [
            {"name": a.name, "password": a.password, "role": a.role.value} for a in DEMO_ACCOUNTS
        ],
    }


def run_demo(ctx: CliContext) -> int:
    path: Path = ctx.args.path
    if ctx.args.show_accounts:
        if not is_demo_vault(path):
            from ui.cli.usage_error import UsageError

            raise UsageError("path", f"不是演示档案库:{path}", f"not a demo vault: {path}")
    else:
        from ui.demo_vault import create_demo_vault  # pulls in certificate generation

        keys: list[str] = []
        count = create_demo_vault(path, officials=ctx.args.officials, on_recovery_key=keys.append)
        # A demo's recovery key is as public as its passwords: shown so `recover` can be tried.
        recovery_key = "".join(keys)
        if not ctx.json:
            print(f"已创建演示档案库 / demo vault created: {path} ({count} 名虚构人员 / officials)")
            print(f"演示恢复密钥 / demo recovery key: {recovery_key}")
        ctx.emit({**_accounts_json(path), "recovery_key": recovery_key}, _accounts_text())
        return 0
    ctx.emit(_accounts_json(path), _accounts_text())
    return 0

"""``liandang user add|list``."""

from __future__ import annotations

import argparse

from records.model import User
from records.roles import Role
from records.services.users import UserService
from ui.cli.context import CliContext
from ui.cli.formatting import table


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    user = sub.add_parser("user", help="账户与角色 / accounts and roles")
    verbs = user.add_subparsers(dest="verb", required=True, metavar="add|list")
    add = verbs.add_parser("add", help="新增账户 / add an account")
    add.add_argument("name")
    add.add_argument(
        "--role", required=True, help="角色 / role: " + ", ".join(r.value for r in Role)
    )
    add.add_argument("--display-name", default="")
    add.set_defaults(handler=run_add)
    listing = verbs.add_parser("list", help="列出账户 / list accounts")
    listing.set_defaults(handler=run_list)


def user_json(user: User) -> dict[str, object]:
    return {
        "id": user.id,
        "name": user.name,
        "display_name": user.display_name,
        "role": user.role.value,
        "roles": [role.value for role in Role if role in user.roles],
        "enabled": user.enabled,
    }


def run_add(ctx: CliContext) -> int:
    with ctx.session() as session:
        # Line 2 of --password-stdin (line 1 unlocked the vault as the acting admin).
        password = ctx.new_password(what_zh="新账户密码", what_en="new account's")
        user = UserService(session).add(
            ctx.args.name, ctx.args.role, password, display_name=ctx.args.display_name
        )
    ctx.emit(
        user_json(user),
        f"已新增账户 / account added: {user.name} ({user.role.label_zh})",
    )
    return 0


def run_list(ctx: CliContext) -> int:
    with ctx.session() as session:
        users = UserService(session).list()
    ctx.emit(
        [user_json(u) for u in users],
        table(
            ["用户名", "显示名", "角色", "状态"],
            [
                (
                    u.name,
                    u.display_name,
                    f"{u.roles_label_zh}({u.roles_text})",
                    "启用" if u.enabled else "停用",
                )
                for u in users
            ],
        ),
    )
    return 0

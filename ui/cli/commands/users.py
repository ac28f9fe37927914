"""``liandang user add|list|disable|enable|passwd|role|relate|relations``."""

from __future__ import annotations

import argparse

from records.model import User
from records.roles import Role
from records.services.account_admin import AccountAdminService
from records.services.own_account import OwnAccountService
from records.services.users import UserService
from ui.cli.context import CliContext
from ui.cli.formatting import table


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    user = sub.add_parser("user", help="账户与角色 / accounts and roles")
    verbs = user.add_subparsers(
        dest="verb",
        required=True,
        metavar="add|list|disable|enable|passwd|role|relate|relations",
    )
    add = verbs.add_parser("add", help="新增账户 / add an account")
    add.add_argument("name")
    add.add_argument(
        "--role", required=True, help="角色 / role: " + ", ".join(r.value for r in Role)
    )
    add.add_argument("--display-name", default="")
    add.set_defaults(handler=run_add)
    listing = verbs.add_parser("list", help="列出账户 / list accounts")
    listing.set_defaults(handler=run_list)

    for verb, handler, help_text in (
        ("disable", run_disable, "停用账户 / disable an account"),
        ("enable", run_enable, "启用账户 / enable an account"),
    ):
        command = verbs.add_parser(verb, help=help_text)
        command.add_argument("name")
        command.set_defaults(handler=handler)

    passwd = verbs.add_parser(
        "passwd",
        help="修改本人密码;给出 NAME 时由系统管理员重置他人密码 / change or reset a password",
    )
    passwd.add_argument("name", nargs="?", default=None)
    passwd.set_defaults(handler=run_passwd)

    role = verbs.add_parser("role", help="授予或撤销角色(安全保密管理员) / grant or revoke a role")
    role.add_argument("name")
    change = role.add_mutually_exclusive_group(required=True)
    change.add_argument("--grant", metavar="ROLE")
    change.add_argument("--revoke", metavar="ROLE")
    role.set_defaults(handler=run_role)

    relate = verbs.add_parser("relate", help="申报与人员的关系(回避) / declare a relation")
    relate.add_argument("official_id", type=int)
    relate.add_argument("--relation", required=True, help="如 配偶、兄弟、同学 / e.g. spouse")
    relate.set_defaults(handler=run_relate)

    relations = verbs.add_parser("relations", help="本人已申报的关系 / my declared relations")
    relations.set_defaults(handler=run_relations)


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


def run_disable(ctx: CliContext) -> int:
    with ctx.session() as session:
        user = AccountAdminService(session).disable(ctx.args.name)
    ctx.emit(user_json(user), f"已停用账户 / account disabled: {user.name}")
    return 0


def run_enable(ctx: CliContext) -> int:
    with ctx.session() as session:
        user = AccountAdminService(session).enable(ctx.args.name)
    ctx.emit(user_json(user), f"已启用账户 / account enabled: {user.name}")
    return 0


def run_passwd(ctx: CliContext) -> int:
    target: str | None = ctx.args.name
    with ctx.session() as session:
        if target is None or target == session.user.name:
            current = ctx.password()  # read once already to unlock; the same line
            OwnAccountService(session).change_password(current, ctx.new_password())
            name = session.user.name
        else:
            password = ctx.new_password(what_zh=f"{target} 的新密码", what_en=f"{target}'s new")
            name = AccountAdminService(session).reset_password(target, password).name
    ctx.emit({"name": name}, f"密码已更新 / password changed: {name}")
    return 0


def run_role(ctx: CliContext) -> int:
    with ctx.session() as session:
        admin = AccountAdminService(session)
        if ctx.args.grant:
            user = admin.grant_role(ctx.args.name, ctx.args.grant)
        else:
            user = admin.revoke_role(ctx.args.name, ctx.args.revoke)
    ctx.emit(user_json(user), f"{user.name}:{user.roles_label_zh}({user.roles_text})")
    return 0


def run_relate(ctx: CliContext) -> int:
    with ctx.session() as session:
        declared = OwnAccountService(session).declare_relation(
            ctx.args.official_id, ctx.args.relation
        )
    ctx.emit(
        {"official_id": declared.official_id, "relation": declared.relation},
        f"已申报 / declared: {declared.official_id} {declared.relation}(此后须回避 / recused)",
    )
    return 0


def run_relations(ctx: CliContext) -> int:
    with ctx.session() as session:
        declared = OwnAccountService(session).relations()
    ctx.emit(
        [
            {"official_id": d.official_id, "relation": d.relation, "declared_at": d.declared_at}
            for d in declared
        ],
        table(
            ["人员编号", "姓名", "关系", "申报时间"],
            [(d.official_id, d.official_name, d.relation, d.declared_at) for d in declared],
        ),
    )
    return 0

"""``liandang policy show|set``: the security policy (lockout, auto-lock, small-unit switches).

``policy influence`` and ``policy handlings`` (the rule tables) are in :mod:`influence`.
"""

from __future__ import annotations

import argparse

from records.policy import SecurityPolicy, policy_label_zh
from records.services.policy import POLICY_NAMES, PolicyService
from ui.cli.commands import influence
from ui.cli.context import CliContext
from ui.cli.formatting import table
from ui.cli.key_values import parse_settings


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    policy = sub.add_parser("policy", help="安全策略 / security policy")
    verbs = policy.add_subparsers(
        dest="verb", required=True, metavar="show|set|influence|handlings"
    )
    show = verbs.add_parser("show", help="显示安全策略 / show the policy")
    show.set_defaults(handler=run_show)
    change = verbs.add_parser(
        "set", help="修改安全策略(安全保密管理员) / change settings (security officer)"
    )
    change.add_argument(
        "settings",
        nargs="+",
        metavar="KEY=VALUE",
        help="设置项 / settings: " + ", ".join(POLICY_NAMES),
    )
    change.set_defaults(handler=run_set)
    influence.register(verbs)


def value_text(value: int | bool) -> str:
    if isinstance(value, bool):
        return "是 (yes)" if value else "否 (no)"
    return str(value)


def policy_table(policy: SecurityPolicy) -> str:
    return table(
        ["设置项 / key", "说明", "值 / value"],
        [(name, policy_label_zh(name), value_text(getattr(policy, name))) for name in POLICY_NAMES],
    )


def run_show(ctx: CliContext) -> int:
    with ctx.session() as session:
        policy = PolicyService(session).get()
    ctx.emit(policy.to_json(), policy_table(policy))
    return 0


def run_set(ctx: CliContext) -> int:
    # Parsed before unlocking: a typo costs no key derivation and writes nothing.
    values = parse_settings(ctx.args.settings)
    with ctx.session() as session:
        change = PolicyService(session).set_values(values)
    if change.changed:
        text = "已修改安全策略 / policy changed: " + change.describe()
    else:
        text = "安全策略未变 / policy unchanged"
    ctx.emit(
        {
            "changed": {
                name: {"old": old, "new": new} for name, (old, new) in change.changed.items()
            },
            "policy": change.after.to_json(),
        },
        text,
    )
    return 0

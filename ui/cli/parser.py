"""The argument parser: global options plus one sub-command per group."""

from __future__ import annotations

import argparse
from typing import NoReturn

from ui.cli.commands import attachments as attachment_commands
from ui.cli.commands import audit as audit_commands
from ui.cli.commands import checks as check_commands
from ui.cli.commands import dossier_records, keys, officials, policy, signing, users, vault_setup
from ui.cli.commands import due as due_commands
from ui.cli.commands import recovery as recovery_commands
from ui.cli.commands import reports as report_commands
from ui.cli.commands import vetting as vetting_commands
from ui.cli.usage_error import UsageError

PROG = "liandang"


class OneLineParser(argparse.ArgumentParser):
    """argparse prints usage plus a message; the contract is one line and exit code 2."""

    def error(self, message: str) -> NoReturn:
        raise UsageError("usage", f"用法错误:{message}(见 --help)", f"{message} (see --help)")


def global_options() -> argparse.ArgumentParser:
    common = OneLineParser(add_help=False)
    common.add_argument(
        "--vault", default=None, help="档案库文件夹 / vault folder (LIANDANG_VAULT)"
    )
    common.add_argument("--user", default=None, help="用户名 / user name (LIANDANG_USER)")
    common.add_argument(
        "--password-stdin",
        action="store_true",
        help="从标准输入读取密码(第1行本人密码,第2行新密码) / read passwords from stdin",
    )
    common.add_argument("--json", action="store_true", help="输出 JSON / machine-readable output")
    return common


def build_parser() -> OneLineParser:
    common = global_options()
    parser = OneLineParser(
        prog=PROG,
        description="廉档 — 电子廉政档案 / LianDang — electronic integrity files",
        parents=[common],
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=OneLineParser)
    for module in (vault_setup, users, officials, dossier_records, signing, policy, audit_commands):
        module.register(sub)
    recovery_commands.register(sub)
    keys.register(sub)
    attachment_commands.register(sub)
    report_commands.register(sub)
    due_commands.register(sub)
    for module in (vetting_commands, check_commands):
        module.register(sub)
    # Global options are accepted after the sub-command too (`liandang user list --json`).
    for choice in sub.choices.values():
        _add_parent_everywhere(choice, common)
    return parser


def _add_parent_everywhere(
    parser: argparse.ArgumentParser, common: argparse.ArgumentParser
) -> None:
    subparsers = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    # A group that runs on its own (`policy influence` = list) takes them as well.
    if not subparsers or parser.get_default("handler") is not None:
        for action in common._actions:
            parser._add_action(_suppressed_copy(action))
    if not subparsers:
        return
    for child in subparsers[0].choices.values():
        _add_parent_everywhere(child, common)


def _suppressed_copy(action: argparse.Action) -> argparse.Action:
    # SUPPRESS as default: a sub-command's unset option must not overwrite the global one.
    kwargs = dict(
        option_strings=action.option_strings,
        dest=action.dest,
        default=argparse.SUPPRESS,
        help=argparse.SUPPRESS,
    )
    if isinstance(action, argparse._StoreTrueAction):
        return argparse._StoreTrueAction(**kwargs)  # type: ignore[arg-type]
    return argparse._StoreAction(**kwargs)  # type: ignore[arg-type]

"""``liandang key rotate``: a new data key, the database re-encrypted (security officer)."""

from __future__ import annotations

import argparse

from records.rotation import rotate_data_key
from ui.cli.context import CliContext


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    key = sub.add_parser("key", help="数据密钥 / data key")
    verbs = key.add_subparsers(dest="verb", required=True, metavar="rotate")
    rotate = verbs.add_parser(
        "rotate",
        help="轮换数据密钥并重新加密档案库(安全保密管理员) / new data key (security officer)",
    )
    rotate.set_defaults(handler=run_rotate)


def run_rotate(ctx: CliContext) -> int:
    with ctx.session() as session:
        result = rotate_data_key(session)
    ctx.emit(
        {
            "generation": result.generation,
            "accounts_sealed": result.accounts_sealed,
            "seconds": round(result.seconds, 3),
        },
        f"数据密钥已轮换:第 {result.generation} 代,{result.accounts_sealed} 个账户可解锁"
        f" / data key rotated: generation {result.generation},"
        f" {result.accounts_sealed} accounts sealed ({result.seconds:.1f} s)",
    )
    return 0

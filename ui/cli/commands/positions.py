"""``liandang official position add|list|end`` (任职经历)."""

from __future__ import annotations

import argparse

from records.services.positions import PositionService
from ui.cli.context import CliContext
from ui.cli.formatting import jsonable, table


def register(verbs: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``position`` under the ``official`` group."""
    position = verbs.add_parser("position", help="任职经历 / position history")
    actions = position.add_subparsers(dest="position_verb", required=True, metavar="add|list|end")
    add = actions.add_parser("add", help="登记任职 / add a position")
    add.add_argument("official_id", type=int)
    add.add_argument("--unit", required=True, help="任职单位 / unit")
    add.add_argument("--position", required=True, help="职务 / post")
    add.add_argument("--rank", default="", help="职级 / rank")
    add.add_argument("--start", required=True, help="任职时间 YYYY-MM-DD")
    add.add_argument("--end", default=None, help="免职时间 YYYY-MM-DD")
    add.add_argument("--note", default="", help="备注 / note")
    add.set_defaults(handler=run_add)
    listing = actions.add_parser("list", help="列出任职经历 / list positions")
    listing.add_argument("official_id", type=int)
    listing.set_defaults(handler=run_list)
    end = actions.add_parser("end", help="登记免职 / end a position")
    end.add_argument("position_id", type=int)
    end.add_argument("--date", required=True, help="免职时间 YYYY-MM-DD")
    end.set_defaults(handler=run_end)


def run_add(ctx: CliContext) -> int:
    a = ctx.args
    with ctx.session() as session:
        added = PositionService(session).add(
            a.official_id, a.unit, a.position, a.rank, a.start, a.end, a.note
        )
    ctx.emit({"id": added.id}, str(added.id))
    return 0


def run_list(ctx: CliContext) -> int:
    with ctx.session() as session:
        positions = PositionService(session).list(ctx.args.official_id)
    rows = [
        (p.id, p.unit, p.position, p.rank, p.start_date, p.end_date or "至今", p.note)
        for p in positions
    ]
    headers = ["ID", "任职单位", "职务", "职级", "任职时间", "免职时间", "备注"]
    ctx.emit(jsonable(positions), table(headers, rows))
    return 0


def run_end(ctx: CliContext) -> int:
    with ctx.session() as session:
        ended = PositionService(session).end(ctx.args.position_id, ctx.args.date)
    ctx.emit(jsonable(ended), f"已登记免职:{ended.id} {ended.end_date}")
    return 0

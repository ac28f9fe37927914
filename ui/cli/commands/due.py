"""``liandang due [--days N] [--today YYYY-MM-DD]`` — what is overdue and what falls due.

``--today`` asks "as of that day" (planning ahead; tests inject dates with it); without
it the vault's clock (the computer's date) is used.
"""

from __future__ import annotations

import argparse
from datetime import date

from records.deadlines import DEFAULT_HORIZON_DAYS, DueItem, counts_by_unit
from records.fields import FieldKind, FieldSpec, parse_date
from records.services.deadlines import DeadlineService
from ui.cli.context import CliContext
from ui.cli.formatting import jsonable, table

_TODAY = FieldSpec("today", "日期", "today", FieldKind.DATE, required=True)


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    due = sub.add_parser("due", help="到期事项 / overdue and upcoming deadlines")
    due.add_argument(
        "--days", type=int, default=DEFAULT_HORIZON_DAYS,
        help=f"提前天数(默认{DEFAULT_HORIZON_DAYS})/ look ahead N days",
    )  # fmt: skip
    due.add_argument("--today", default=None, help="以该日为今天 / as of YYYY-MM-DD")
    due.set_defaults(handler=run_due)


def run_due(ctx: CliContext) -> int:
    today = None if ctx.args.today is None else parse_date(_TODAY, ctx.args.today)
    with ctx.session() as session:
        when = today or session.now().date()
        items = DeadlineService(session).due(when, horizon_days=ctx.args.days)
    counts = counts_by_unit(items)
    data = {
        "today": when,
        "days": ctx.args.days,
        "overdue": [_row(i) for i in items if i.overdue],
        "upcoming": [_row(i) for i in items if not i.overdue],
        "by_unit": jsonable(counts),
    }
    ctx.emit(jsonable(data), _text(when, ctx.args.days, items))
    return 0


def _row(item: DueItem) -> dict[str, object]:
    return {**jsonable(item), "kind_zh": item.kind.label_zh}


def _text(today: date, days: int, items: list[DueItem]) -> str:
    def rows(overdue: bool) -> list[tuple[object, ...]]:
        return [
            (i.due_date, i.official_name, i.unit, i.kind.label_zh, i.detail)
            for i in items
            if i.overdue == overdue
        ]

    headers = ["日期", "姓名", "单位", "事项", "说明"]
    overdue, upcoming = rows(True), rows(False)
    parts = [f"已逾期({len(overdue)})"]
    if overdue:
        parts.append(table(headers, overdue))
    parts.append(f"\n{days}日内到期({len(upcoming)}),截至 {today}")
    if upcoming:
        parts.append(table(headers, upcoming))
    counts = counts_by_unit(items)
    if counts:
        parts.append("\n按单位统计")
        parts.append(
            table(["单位", "已逾期", "即将到期"], [(c.unit, c.overdue, c.upcoming) for c in counts])
        )
    return "\n".join(parts)

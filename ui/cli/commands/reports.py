"""``liandang report items|start|item|submit|show|list|change|withdraw-change`` — 个人有关事项报告.

Entries of an item are given either as ``--entry NAME=VALUE,NAME=VALUE`` (one option per
sub-record; an ASCII comma separates fields, so a value may not contain one — use
full-width ``,`` or a file) or as ``--json-file FILE`` holding a JSON list of objects::

    liandang report item 7 real_estate \\
        --entry owner=共同,address=幸福路8号501室,use=住宅,area=120.5,price=680000
    liandang report item 7 passport_private_travel \\
        --entry kind=passport,number=E12345678,issued_date=2019-03-01,custody=组织部保管 \\
        --entry kind=trip,start_date=2025-07-01,end_date=2025-07-08,destination=新加坡
    liandang report item 7 business --none          # 无此情况

``liandang report items`` lists every item code and its fields (no vault needed). A change
report filed in error is withdrawn, never deleted: ``liandang report withdraw-change
CHANGE_ID --reason …`` keeps it, and ``report show`` lists it marked 已撤销 with the reason.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from pathlib import Path

from records.annual_report import AnnualReport, ChangeReport, ItemAnswer
from records.report_schema import ReportSchema, load_schema
from records.services.annual_reports import AnnualReportService
from ui.cli.context import CliContext
from ui.cli.formatting import jsonable, table
from ui.cli.usage_error import UsageError

#: A file of entries is a few kilobytes; refuse anything that is clearly not one.
MAX_JSON_BYTES = 1_000_000


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    report = sub.add_parser("report", help="个人有关事项报告 / annual personal-matters report")
    verbs = report.add_subparsers(
        dest="verb",
        required=True,
        metavar="items|start|item|submit|show|list|change|withdraw-change",
    )
    items = verbs.add_parser("items", help="报告事项及字段 / item codes and their fields")
    items.add_argument("--version", default=None, help="事项定义版本 / schema version")
    items.set_defaults(handler=run_items)

    start = verbs.add_parser("start", help="新建年度报告 / start a year's report")
    start.add_argument("official_id", type=int)
    start.add_argument("--year", required=True, help="报告年度(所报告事项的年份)/ year reported on")
    start.add_argument(
        "--no-prefill", action="store_true", help="不沿用上年报告 / do not copy last year's"
    )
    start.set_defaults(handler=run_start)

    item = verbs.add_parser("item", help="填报一个事项 / answer one item")
    item.add_argument("report_id", type=int)
    item.add_argument("item_code")
    entry_options(item)
    item.add_argument("--none", action="store_true", help="无此情况 / nothing to report")
    item.set_defaults(handler=run_item)

    submit = verbs.add_parser("submit", help="报告(定稿)/ submit the report")
    submit.add_argument("report_id", type=int)
    submit.add_argument("--date", required=True, help="报告日期 YYYY-MM-DD")
    submit.set_defaults(handler=run_submit)

    show = verbs.add_parser("show", help="查看报告 / show a report")
    show.add_argument("report_id", type=int)
    show.set_defaults(handler=run_show)

    listing = verbs.add_parser("list", help="某人的全部报告 / an official's reports")
    listing.add_argument("official_id", type=int)
    listing.set_defaults(handler=run_list)

    change = verbs.add_parser("change", help="事项变化报告 / report a change")
    change.add_argument("official_id", type=int)
    change.add_argument("item_code")
    change.add_argument("--changed", required=True, help="变化日期 YYYY-MM-DD")
    change.add_argument("--reported", required=True, help="报告日期 YYYY-MM-DD")
    entry_options(change)
    change.add_argument("--note", default="", help="说明(可选)/ what changed (optional)")
    change.set_defaults(handler=run_change)

    withdraw = verbs.add_parser(
        "withdraw-change", help="撤销事项变化报告(保留)/ withdraw a change report (kept)"
    )
    withdraw.add_argument("change_id", type=int)
    withdraw.add_argument("--reason", required=True, help="撤销理由 / reason")
    withdraw.set_defaults(handler=run_withdraw_change)


def entry_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--entry", action="append", default=[], metavar="NAME=VALUE,...",
        help="一条子记录 / one sub-record (repeat for more)",
    )  # fmt: skip
    parser.add_argument("--json-file", default=None, help="JSON 列表文件 / JSON list of entries")


def parse_entry(text: str) -> dict[str, object]:
    entry: dict[str, object] = {}
    for pair in text.split(","):
        name, sep, value = pair.partition("=")
        name = name.strip()
        if not sep or not name:
            raise UsageError(
                "--entry", f"应为 名称=值,名称=值:{text}", f"must be NAME=VALUE,...: {text}"
            )
        if name in entry:
            raise UsageError("--entry", f"字段重复:{name}", f"field given twice: {name}")
        entry[name] = value.strip()
    return entry


def read_entries(args: argparse.Namespace) -> list[dict[str, object]]:
    if args.json_file is not None and args.entry:
        raise UsageError(
            "--json-file", "--entry 与 --json-file 只能用一个", "use --entry or --json-file"
        )
    if args.json_file is None:
        return [parse_entry(text) for text in args.entry]
    path = Path(args.json_file)
    try:
        if path.stat().st_size > MAX_JSON_BYTES:
            raise UsageError("--json-file", f"文件过大:{path}", f"file too large: {path}")
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        raise UsageError(
            "--json-file", f"无法读取 JSON 文件:{path}", f"cannot read a JSON file: {path}"
        ) from None
    if not isinstance(data, list) or not all(isinstance(e, dict) for e in data):
        raise UsageError(
            "--json-file", "JSON 应为对象列表 [{...}, ...]", "JSON must be a list of objects"
        )
    return [dict(e) for e in data]


# ---- handlers -----------------------------------------------------------------------------


def run_items(ctx: CliContext) -> int:
    schema = load_schema(ctx.args.version)
    rows = []
    for item in schema.items:
        for kind in item.kinds:
            names = ", ".join(
                f.name + ("*" if f.spec.required else "") + f"({f.spec.label_zh})"
                for f in kind.fields
            )
            prefix = f"kind={kind.code}: " if len(item.kinds) > 1 else ""
            rows.append((item.group, item.code, item.short_zh, prefix + names))
    ctx.emit(jsonable(schema), table(["类别", "代码", "事项", "字段(*必填)"], rows))
    return 0


def run_start(ctx: CliContext) -> int:
    args = ctx.args
    with ctx.session() as session:
        report = AnnualReportService(session).start(
            args.official_id, args.year, prefill_from_previous=not args.no_prefill
        )
    ctx.emit(_summary(report), str(report.id))
    return 0


def item_answer(args: argparse.Namespace) -> list[dict[str, object]]:
    """The entries of one item from ``--entry``/``--json-file``, or ``[]`` for ``--none``;
    exactly one of them must be given (``report item`` and ``check record`` share this)."""
    entries = read_entries(args)
    if args.none and entries:
        raise UsageError("--none", "--none 不能与条目同用", "--none takes no entries")
    if not args.none and not entries:
        raise UsageError("--entry", "请给出 --entry、--json-file 或 --none", "no entries given")
    return entries


def run_item(ctx: CliContext) -> int:
    args = ctx.args
    entries = item_answer(args)
    with ctx.session() as session:
        report = AnnualReportService(session).set_item(
            args.report_id, args.item_code, entries, nothing_to_report=args.none
        )
    answer = report.item(args.item_code)
    ctx.emit(jsonable(answer), f"{args.item_code}: {_state(answer)}")
    return 0


def run_submit(ctx: CliContext) -> int:
    with ctx.session() as session:
        report = AnnualReportService(session).submit(ctx.args.report_id, ctx.args.date)
    ctx.emit(_summary(report), f"{report.id} {report.status.label_zh} {report.submitted_date}")
    return 0


def run_show(ctx: CliContext) -> int:
    with ctx.session() as session:
        service = AnnualReportService(session)
        report = service.get(ctx.args.report_id)
        schema = service.schema(report.schema_version)
    ctx.emit(jsonable(report), _report_text(report, schema))
    return 0


def run_list(ctx: CliContext) -> int:
    with ctx.session() as session:
        reports = AnnualReportService(session).for_official(ctx.args.official_id)
    rows = [
        (r.id, r.year, r.status.label_zh, r.submitted_date or "", r.due_date, r.schema_version,
         _changes_count([c for a in r.items for c in a.changes]))
        for r in reports
    ]  # fmt: skip
    ctx.emit(
        jsonable([_summary(r) for r in reports]),
        table(["ID", "年度", "状态", "报告日期", "截止日期", "事项版本", "变化报告"], rows),
    )
    return 0


def run_change(ctx: CliContext) -> int:
    args = ctx.args
    entries = read_entries(args)
    with ctx.session() as session:
        change = AnnualReportService(session).add_change(
            args.official_id, args.item_code, args.changed, args.reported, entries, note=args.note
        )
    late = f"逾期{change.days_late}天 / {change.days_late} days late" if change.late else "按时"
    ctx.emit({**jsonable(change), "late": change.late}, f"{change.id} {late}")
    return 0


def run_withdraw_change(ctx: CliContext) -> int:
    with ctx.session() as session:
        change = AnnualReportService(session).withdraw_change(ctx.args.change_id, ctx.args.reason)
    ctx.emit(
        {"id": change.id, "withdrawn": change.withdrawn, "reason": change.withdraw_reason},
        f"{change.id} 已撤销",
    )
    return 0


# ---- text -------------------------------------------------------------------------------------


def _summary(report: AnnualReport) -> dict[str, object]:
    return {
        "id": report.id,
        "official_id": report.official_id,
        "year": report.year,
        "status": report.status.value,
        "schema_version": report.schema_version,
        "submitted_date": report.submitted_date,
        "due_date": report.due_date,
        "prefilled_from": report.prefilled_from,
        "unanswered": [a.code for a in report.items if not a.answered],
        "changes": [_change_summary(c) for a in report.items for c in a.changes],
    }


def _change_summary(change: ChangeReport) -> dict[str, object]:
    return {
        "id": change.id,
        "item_code": change.item_code,
        "change_date": change.change_date,
        "reported_date": change.reported_date,
        "late": change.late,
        "withdrawn": change.withdrawn,
        "withdraw_reason": change.withdraw_reason,
    }


def _state(answer: ItemAnswer | None) -> str:
    if answer is None or not answer.answered:
        return "未填写"
    if answer.nothing_to_report:
        return "无"
    return f"{len(answer.entries)}条"


def _report_text(report: AnnualReport, schema: ReportSchema) -> str:
    head = (
        f"{report.year}年度个人有关事项报告  {report.status.label_zh}"
        f"  截止 {report.due_date}  事项版本 {report.schema_version}"
    )
    rows = []
    for answer in report.items:
        item = schema.item(answer.code)
        label = f"{item.group}{item.number} {item.short_zh}" if item else answer.code
        content = ";".join(" ".join(str(v) for v in entry.values()) for entry in answer.entries)[
            :60
        ]
        rows.append((label, answer.code, _state(answer), content, _changes_count(answer.changes)))
    text = head + "\n" + table(["事项", "代码", "状态", "内容", "变化"], rows)
    changes = sorted(
        (c for a in report.items for c in a.changes), key=lambda c: (c.change_date, c.id)
    )
    if changes:
        text += "\n\n事项变化报告\n" + table(
            ["ID", "代码", "变化日期", "报告日期", "时限", "状态", "说明"],
            [_change_row(c) for c in changes],
        )
    return text


def _changes_count(changes: Sequence[ChangeReport]) -> str:
    """``1份(已撤销1份)``: the change reports that count, then the withdrawn ones."""
    withdrawn = sum(1 for c in changes if c.withdrawn)
    counted = len(changes) - withdrawn
    text = f"{counted}份" if counted or withdrawn else ""
    return text + (f"(已撤销{withdrawn}份)" if withdrawn else "")


def _change_row(change: ChangeReport) -> tuple[object, ...]:
    late = f"逾期{change.days_late}天" if change.late else "按时"
    state = f"已撤销:{change.withdraw_reason}" if change.withdrawn else ""
    return (change.id, change.item_code, change.change_date, change.reported_date, late, state,
            change.note[:40])  # fmt: skip

"""``liandang check new|require|record|classify|complete|decide|show|list|sample`` — 查核.

The clerk opens a check of one official's submitted report (``new``, or ``sample`` for the
year's random draw), records the verified facts item by item in the report's own entry
structure (``record``: the same ``--entry`` / ``--json-file`` / ``--none`` options as
``liandang report item``), completes it and records the handling (``decide``, measures from
the ladder of ``liandang policy handlings``). The vetting officer may ask for the targeted
check of a candidate (``require``, 凡提必查); both read checks::

    liandang check new 7 --year 2025 --kind targeted --reason 拟提拔人选
    liandang check record 4 --item real_estate \\
        --entry owner=共同,address=幸福路8号501室,use=住宅,area=120.5 \\
        --entry owner=本人,address=幸福路8号地下车库,use=车库,area=30
    liandang check record 4 --item business --none
    liandang check complete 4
    liandang check decide 4 --handling 批评教育 --note 如实说明
    liandang check sample --year 2025 --percent 10 --seed 2026-抽查

The draw depends only on the seed, the year and who is due a check; the seed and the
population's SHA-256 go into the audit trail, so ``--dry-run`` with the same seed shows the
same draw again. Without ``--seed`` a random one is made and printed.
"""

from __future__ import annotations

import argparse
import secrets

from records.services.checks import CheckService, parse_kind, parse_percent
from ui.cli.check_text import check_json, check_text, checks_table, sample_json, sample_text
from ui.cli.commands.reports import entry_options, item_answer
from ui.cli.context import CliContext

VERBS = "new|require|record|classify|complete|decide|show|list|sample"


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    check = sub.add_parser("check", help="个人有关事项报告查核 / checks of the reports")
    verbs = check.add_subparsers(dest="verb", required=True, metavar=VERBS)

    new = verbs.add_parser("new", help="建立查核(录入员)/ open a check")
    new.add_argument("official_id", type=int)
    new.add_argument("--year", required=True, help="报告年度 / year of the report")
    new.add_argument("--kind", required=True, help="random(随机抽查)或 targeted(重点抽查)")
    new.add_argument("--reason", default="", help="查核事由 / why")
    new.add_argument("--date", default=None, help="查核日期 YYYY-MM-DD(默认今天)")
    new.set_defaults(handler=run_new)

    require = verbs.add_parser(
        "require", help="要求重点抽查(凡提必查)/ ask for a candidate's targeted check"
    )
    require.add_argument("official_id", type=int)
    require.add_argument("--year", required=True, help="报告年度 / year of the report")
    require.add_argument("--reason", required=True, help="查核事由 / why")
    require.set_defaults(handler=run_require)

    record = verbs.add_parser("record", help="登记一个事项的查实情况 / verified facts of an item")
    record.add_argument("check_id", type=int)
    record.add_argument("--item", required=True, help="事项代码(见 report items)/ item code")
    entry_options(record)
    record.add_argument("--none", action="store_true", help="查实无此情况 / verified: nothing")
    record.set_defaults(handler=run_record)

    classify = verbs.add_parser("classify", help="按报告现状重新比对 / classify again")
    classify.add_argument("check_id", type=int)
    classify.set_defaults(handler=run_classify)

    complete = verbs.add_parser("complete", help="完成查核(结论固定)/ complete the check")
    complete.add_argument("check_id", type=int)
    complete.add_argument("--date", default=None, help="完成日期 YYYY-MM-DD(默认今天)")
    complete.set_defaults(handler=run_complete)

    decide = verbs.add_parser("decide", help="处理决定 / the handling decision")
    decide.add_argument("check_id", type=int)
    decide.add_argument(
        "--handling", action="append", required=True, metavar="MEASURE",
        help="处理方式(可重复,或用“、”分隔)/ a measure from the ladder (repeatable)",
    )  # fmt: skip
    decide.add_argument("--note", default="", help="处理说明 / note")
    decide.add_argument("--date", default=None, help="处理日期 YYYY-MM-DD(默认今天)")
    decide.set_defaults(handler=run_decide)

    show = verbs.add_parser("show", help="查看查核(记入审计)/ show a check (audited)")
    show.add_argument("check_id", type=int)
    show.set_defaults(handler=run_show)

    listing = verbs.add_parser("list", help="列出查核 / list checks")
    listing.add_argument("official_id", type=int, nargs="?", default=None)
    listing.add_argument("--year", default=None, help="报告年度 / only this year")
    listing.set_defaults(handler=run_list)

    sample = verbs.add_parser("sample", help="随机抽取查核对象 / draw the random checks")
    sample.add_argument("--year", required=True, help="报告年度 / year of the reports")
    sample.add_argument(
        "--percent", default=None, help="抽查比例%%(默认按安全策略)/ share drawn, per cent"
    )
    sample.add_argument("--seed", default=None, help="随机种子(默认随机生成)/ the draw's seed")
    sample.add_argument(
        "--dry-run", action="store_true", help="试抽,不建立查核 / show the draw, open nothing"
    )
    sample.set_defaults(handler=run_sample)


def run_new(ctx: CliContext) -> int:
    args = ctx.args
    kind = parse_kind(args.kind)  # before unlocking: a typo writes nothing
    with ctx.session() as session:
        check = CheckService(session).new(
            args.official_id, args.year, kind, reason=args.reason, opened_date=args.date
        )
    ctx.emit(check_json(check), str(check.id))
    return 0


def run_require(ctx: CliContext) -> int:
    args = ctx.args
    with ctx.session() as session:
        check = CheckService(session).require_targeted_check(
            args.official_id, args.year, args.reason
        )
    ctx.emit(check_json(check), f"{check.id} {check.kind.label_zh} {check.status.label_zh}")
    return 0


def run_record(ctx: CliContext) -> int:
    args = ctx.args
    entries = item_answer(args)  # parsed before unlocking
    with ctx.session() as session:
        check = CheckService(session).record_verified(args.check_id, args.item, entries)
    item = check.item(args.item)
    assert item is not None  # just recorded
    ctx.emit(check_json(check), f"{item.code}: {item.finding.value}  {item.reason_zh}")
    return 0


def run_classify(ctx: CliContext) -> int:
    with ctx.session() as session:
        check = CheckService(session).classify(ctx.args.check_id)
    ctx.emit(check_json(check), check_text(check))
    return 0


def run_complete(ctx: CliContext) -> int:
    with ctx.session() as session:
        check = CheckService(session).complete(ctx.args.check_id, ctx.args.date)
    ctx.emit(
        check_json(check),
        f"{check.id} {check.status.label_zh} {check.completed_date}  结论:{check.finding.value}",
    )
    return 0


def run_decide(ctx: CliContext) -> int:
    args = ctx.args
    with ctx.session() as session:
        check = CheckService(session).decide(
            args.check_id, args.handling, args.note, decided_date=args.date
        )
    decision = check.decision
    assert decision is not None  # just decided
    ctx.emit(check_json(check), f"{check.id} 处理决定:{decision.text_zh}")
    return 0


def run_show(ctx: CliContext) -> int:
    with ctx.session() as session:
        check = CheckService(session).get(ctx.args.check_id)
    ctx.emit(check_json(check), check_text(check))
    return 0


def run_list(ctx: CliContext) -> int:
    with ctx.session() as session:
        checks = CheckService(session).list(ctx.args.official_id, year=ctx.args.year)
    ctx.emit([check_json(c) for c in checks], checks_table(checks))
    return 0


def run_sample(ctx: CliContext) -> int:
    args = ctx.args
    # A made-up seed is as reproducible as a chosen one: it is printed and audited.
    seed = args.seed if args.seed is not None else secrets.token_hex(8)
    if args.percent is not None:
        parse_percent(args.percent)  # before unlocking: a typo writes nothing
    with ctx.session() as session:
        result = CheckService(session).sample(args.percent, seed, args.year, dry_run=args.dry_run)
    ctx.emit(sample_json(result), sample_text(result))
    return 0

"""``liandang policy influence|handlings [list]|set|reset``: the rule tables.

The two **[configurable]** tables of DOMAIN.md §4, edited by the security officer (anyone
may read them; every read and change is audited):

- influence periods (影响期), one row per sanction kind and the 诫勉 talk, named as a
  period names its source: ``党纪处分:警告``, ``政务处分:记过``, ``诫勉``; a value is whole
  months, ``永久`` (permanent) or ``默认`` (back to the built-in period)::

      liandang policy influence set 党纪处分:警告=6 诫勉=永久
      liandang policy influence reset 党纪处分:警告

- the handling ladder of check findings (查核结果处理), lightest first::

      liandang policy handlings set 批评教育 责令作出检查 诫勉 取消考察对象资格
      liandang policy handlings reset

A change is all or nothing, and one that changes nothing writes nothing.
"""

from __future__ import annotations

import argparse

from records.check_handling import clean_ladder
from records.influence_rules import InfluenceRuleRow, months_text, parse_key, parse_value
from records.services.check_handlings import HandlingLadderService
from records.services.influence_rules import InfluenceRuleChange, InfluenceRuleService
from ui.cli.context import CliContext
from ui.cli.formatting import jsonable, table
from ui.cli.key_values import parse_settings
from ui.cli.usage_error import UsageError


def register(verbs: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``influence`` and ``handlings`` under the ``policy`` group."""
    influence = verbs.add_parser("influence", help="影响期规则 / influence periods")
    # No verb = list; the parser module gives this parser the global options too.
    influence.set_defaults(handler=run_influence_list)
    actions = influence.add_subparsers(dest="influence_verb", metavar="list|set|reset")
    actions.add_parser("list", help="显示影响期 / show the periods").set_defaults(
        handler=run_influence_list
    )
    change = actions.add_parser("set", help="修改影响期(安全保密管理员)/ change periods")
    change.add_argument(
        "settings", nargs="+", metavar="KEY=MONTHS",
        help="如 党纪处分:警告=6、诫勉=永久、政务处分:记过=默认",
    )  # fmt: skip
    change.set_defaults(handler=run_influence_set)
    reset = actions.add_parser("reset", help="恢复默认影响期 / back to the built-in period")
    reset.add_argument("keys", nargs="+", metavar="KEY", help="如 党纪处分:警告")
    reset.set_defaults(handler=run_influence_reset)

    ladder = verbs.add_parser("handlings", help="查核结果处理方式 / the handling ladder")
    ladder.set_defaults(handler=run_handlings_list)
    steps = ladder.add_subparsers(dest="handlings_verb", metavar="list|set|reset")
    steps.add_parser("list", help="显示处理方式 / show the ladder").set_defaults(
        handler=run_handlings_list
    )
    replace = steps.add_parser("set", help="设置处理方式(由轻到重)/ replace the ladder")
    replace.add_argument("labels", nargs="+", metavar="MEASURE")
    replace.set_defaults(handler=run_handlings_set)
    steps.add_parser("reset", help="恢复默认处理方式 / the built-in ladder").set_defaults(
        handler=run_handlings_reset
    )


# ---- influence periods ----------------------------------------------------------------------


def _period(row: InfluenceRuleRow) -> str:
    if not row.has_rule:
        return "无"
    text = months_text(row.months)
    if row.months_per_probation_year:
        text += f"+察看期×{row.months_per_probation_year}"
    return text


def _default(row: InfluenceRuleRow) -> str:
    return months_text(row.default_months) if row.has_default else "无"


def rules_table(rows: list[InfluenceRuleRow] | tuple[InfluenceRuleRow, ...]) -> str:
    return table(
        ["种类 / key", "影响期", "默认", "已调整", "依据"],
        [(r.key, _period(r), _default(r), "是" if r.overridden else "", r.rule_zh) for r in rows],
    )


def _change_output(ctx: CliContext, change: InfluenceRuleChange) -> None:
    if change.changed:
        text = "已修改影响期 / influence periods changed: " + change.describe()
    else:
        text = "影响期未变 / influence periods unchanged"
    ctx.emit(
        {
            "changed": {k: {"old": old, "new": new} for k, (old, new) in change.changed.items()},
            "rules": jsonable(change.rows),
        },
        text,
    )


def run_influence_list(ctx: CliContext) -> int:
    with ctx.session() as session:
        rows = InfluenceRuleService(session).list()
    ctx.emit(jsonable(rows), rules_table(rows))
    return 0


def _check_rules(values: dict[str, str]) -> None:
    """Kinds and values by the records layer's own rules, before unlocking: a typo costs
    no key derivation and leaves the vault folder untouched (the service checks again)."""
    for key, raw in values.items():
        parse_value(parse_key(key), raw)


def run_influence_set(ctx: CliContext) -> int:
    values = parse_settings(ctx.args.settings)
    _check_rules(values)
    with ctx.session() as session:
        change = InfluenceRuleService(session).set_values(values)
    _change_output(ctx, change)
    return 0


def run_influence_reset(ctx: CliContext) -> int:
    keys = [k.strip() for k in ctx.args.keys]
    twice = sorted({k for k in keys if keys.count(k) > 1})
    if twice:
        raise UsageError("KEY", f"重复的种类:{'、'.join(twice)}", f"given twice: {twice}")
    values = {k: "默认" for k in keys}
    _check_rules(values)
    with ctx.session() as session:
        # One change for all the keys: all of them reset, or none.
        change = InfluenceRuleService(session).set_values(values)
    _change_output(ctx, change)
    return 0


# ---- the handling ladder ----------------------------------------------------------------------


def _ladder_output(ctx: CliContext, ladder: tuple[str, ...], verb_zh: str) -> None:
    lines = [verb_zh] if verb_zh else []
    lines += [f"{n}. {label}" for n, label in enumerate(ladder, start=1)]
    ctx.emit({"handlings": list(ladder)}, "\n".join(lines))


def run_handlings_list(ctx: CliContext) -> int:
    with ctx.session() as session:
        ladder = HandlingLadderService(session).get()
    _ladder_output(ctx, ladder, "")
    return 0


def run_handlings_set(ctx: CliContext) -> int:
    clean_ladder(ctx.args.labels)  # the ladder's rules, before unlocking
    with ctx.session() as session:
        ladder = HandlingLadderService(session).set(ctx.args.labels)
    _ladder_output(ctx, ladder, "处理方式 / handling ladder:")
    return 0


def run_handlings_reset(ctx: CliContext) -> int:
    with ctx.session() as session:
        ladder = HandlingLadderService(session).reset()
    _ladder_output(ctx, ladder, "已恢复默认处理方式 / built-in ladder restored:")
    return 0

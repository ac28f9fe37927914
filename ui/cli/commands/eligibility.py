"""``liandang official eligibility ID [--today YYYY-MM-DD]`` — may the official be a 考察对象?

The items of 《党政领导干部选拔任用工作条例》Art. 24 the dossier can decide
(:mod:`records.eligibility`), each reason with the records and other objects it rests on.
The answer is the output, not the exit code: 0 whether or not the official may be
inspected (1 is kept for "nothing found", 2 for bad input, 3 for refusals). ``--today``
asks "as of that day", e.g. the day after an influence period ends.
"""

from __future__ import annotations

import argparse

from records.eligibility import Eligibility, IneligibilityReason
from records.fields import FieldKind, FieldSpec, parse_date
from records.services.eligibility import EligibilityService
from ui.cli.context import CliContext
from ui.cli.formatting import jsonable

_TODAY = FieldSpec("today", "日期", "today", FieldKind.DATE, required=True)


def register(verbs: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = verbs.add_parser(
        "eligibility", help="能否列为考察对象(第二十四条)/ may the official be inspected"
    )
    parser.add_argument("id", type=int)
    parser.add_argument("--today", default=None, help="以该日为今天 / as of YYYY-MM-DD")
    parser.set_defaults(handler=run_eligibility)


def _basis(reason: IneligibilityReason) -> str:
    cited = [f"记录#{i}" for i in reason.record_ids] + list(reason.evidence)
    return f"(依据:{'、'.join(cited)})" if cited else ""


def eligibility_text(result: Eligibility) -> str:
    if result.eligible:
        return (
            f"人员 {result.official_id}:可以列为考察对象 / may be a candidate for inspection\n"
            "  (仅就档案数据可判断的第二十四条事项;其他事项由审核人员把关"
            " / only the Art. 24 items the data decides)"
        )
    lines = [f"人员 {result.official_id}:不得列为考察对象 / may NOT be a candidate for inspection"]
    lines += [f"  - {r.text_zh}{_basis(r)} / {r.text_en}" for r in result.reasons]
    return "\n".join(lines)


def run_eligibility(ctx: CliContext) -> int:
    today = None if ctx.args.today is None else parse_date(_TODAY, ctx.args.today)
    with ctx.session() as session:
        result = EligibilityService(session).assess(ctx.args.id, today)
    ctx.emit(jsonable(result), eligibility_text(result))
    return 0

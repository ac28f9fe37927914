"""``liandang vetting new|list|show|decide|attest|submit|reply`` — 党风廉政意见回复.

A letter comes in (``new``, 草稿), the vetting officer reads every candidate's proposed
category with its reasons and the 凡提四必 checklist (``show``), confirms or overrides each
category (``decide``), attests the personnel-file review (``attest``), submits the request
(``submit``, 审核中) and signs the reply (``reply``, 已回复), which ``liandang verify``
checks like any signed export::

    liandang vetting new --number 青组函〔2026〕12号 --date 2026-11-20 \\
        --unit 中共青山县委组织部 --purpose 拟提拔 --candidate 3 --candidate 7
    liandang vetting decide 1 7 --category 4 --justification 线索反映内容已初步排除
    liandang vetting reply 1 --out 回复.pdf

What can be checked without the vault (dates, the purpose, a category, a missing
justification, no candidate at all) is checked before unlocking, with the records layer's
own rules and words, so such a mistake costs no key derivation and leaves the vault folder
untouched (not even a login entry).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from records.fields import parse_date, parse_value
from records.services.vetting import (
    DUE_SPEC,
    JUSTIFICATION_SPEC,
    LETTER_DATE_SPEC,
    MAX_CANDIDATES,
    NOTE_SPEC,
    NUMBER_SPEC,
    UNIT_SPEC,
    VettingService,
)
from records.vetting_terms import Purpose, parse_category, parse_purpose
from ui.cli.context import CliContext
from ui.cli.formatting import jsonable
from ui.cli.usage_error import UsageError
from ui.cli.vetting_text import (
    decision_json,
    detail_json,
    detail_text,
    request_json,
    requests_table,
)

VERBS = "new|list|show|decide|attest|submit|reply"
_PURPOSES = ", ".join(f"{p.label_zh} ({p.value})" for p in Purpose)


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    vetting = sub.add_parser("vetting", help="党风廉政意见回复 / integrity opinions for vetting")
    verbs = vetting.add_subparsers(dest="verb", required=True, metavar=VERBS)

    new = verbs.add_parser("new", help="登记来函 / register a request letter")
    new.add_argument("--number", required=True, help="来函文号 / the letter's number")
    new.add_argument("--date", required=True, help="来函日期 YYYY-MM-DD / the letter's date")
    new.add_argument("--unit", required=True, help="来函单位 / requesting unit")
    new.add_argument("--purpose", required=True, help="来函事由 / purpose: " + _PURPOSES)
    new.add_argument(
        "--candidate", action="append", type=int, default=[], metavar="OFFICIAL_ID",
        help="人选(按来函顺序,可重复)/ a candidate, in the letter's order (repeat)",
    )  # fmt: skip
    new.add_argument("--due", default=None, help="回复期限 YYYY-MM-DD / reply due by")
    new.set_defaults(handler=run_new)

    listing = verbs.add_parser("list", help="全部来函 / every request")
    listing.set_defaults(handler=run_list)

    show = verbs.add_parser(
        "show", help="人选、建议类别及理由、凡提四必(记入审计)/ a request in full (audited)"
    )
    show.add_argument("request_id", type=int)
    show.set_defaults(handler=run_show)

    decide = verbs.add_parser("decide", help="确定一名人选的意见 / decide one candidate")
    decide.add_argument("request_id", type=int)
    decide.add_argument("official_id", type=int)
    how = decide.add_mutually_exclusive_group(required=True)
    how.add_argument("--confirm", action="store_true", help="确认系统建议 / confirm the proposal")
    how.add_argument("--category", default=None, help="改定为第N类(1-6) / set category N")
    decide.add_argument(
        "--justification", default="", help="改定理由(改定时必填)/ why (required with --category)"
    )
    decide.set_defaults(handler=run_decide)

    attest = verbs.add_parser(
        "attest", help="确认已审核干部人事档案(凡提四必)/ attest the personnel-file review"
    )
    attest.add_argument("request_id", type=int)
    attest.add_argument("official_id", type=int)
    attest.add_argument("--note", required=True, help="审核说明 / what was reviewed")
    attest.set_defaults(handler=run_attest)

    submit = verbs.add_parser("submit", help="提交审核(草稿→审核中)/ submit for review")
    submit.add_argument("request_id", type=int)
    submit.set_defaults(handler=run_submit)

    reply = verbs.add_parser("reply", help="签发回复(签章PDF)/ sign the reply letter")
    reply.add_argument("request_id", type=int)
    reply.add_argument("--out", type=Path, required=True, help="FILE.pdf")
    reply.set_defaults(handler=run_reply)


# ---- checks before unlocking ----------------------------------------------------------------


def _check_letter(args: argparse.Namespace) -> None:
    """The letter's own rules (:meth:`VettingService.create` applies them again, with the
    ones that need the vault: today's date, the candidates' dossiers, recusal)."""
    parse_value(NUMBER_SPEC, args.number)
    parse_value(UNIT_SPEC, args.unit)
    parse_purpose(args.purpose)
    letter_date = parse_date(LETTER_DATE_SPEC, args.date)
    if args.due not in (None, "") and parse_date(DUE_SPEC, args.due) < letter_date:
        raise DUE_SPEC.invalid("不能早于来函日期", "must not be before the letter's date")
    ids: list[int] = args.candidate
    if not ids:
        raise UsageError("--candidate", "至少需要一名人选", "at least one candidate is required")
    if len(ids) > MAX_CANDIDATES:
        raise UsageError(
            "--candidate",
            f"一次来函最多{MAX_CANDIDATES}名人选",
            f"at most {MAX_CANDIDATES} candidates",
        )
    twice = sorted({i for i in ids if ids.count(i) > 1})
    if twice:
        raise UsageError(
            "--candidate", f"重复的人选:{'、'.join(map(str, twice))}", f"listed twice: {twice}"
        )


def _check_decision(args: argparse.Namespace) -> None:
    parse_value(JUSTIFICATION_SPEC, args.justification)
    if args.category is None:
        return
    parse_category(args.category)
    if not args.justification.strip():
        raise JUSTIFICATION_SPEC.invalid(
            "改定系统建议的类别须书面说明理由(--justification)",
            "is required with --category (give --justification)",
        )


def _check_out(out: Path) -> None:
    if out.is_dir():
        raise UsageError("--out", f"输出路径是文件夹:{out}", f"output path is a folder: {out}")
    if not out.parent.is_dir():
        raise UsageError("--out", f"输出文件夹不存在:{out.parent}", f"no such folder: {out.parent}")


# ---- handlers ------------------------------------------------------------------------------


def run_new(ctx: CliContext) -> int:
    args = ctx.args
    _check_letter(args)
    with ctx.session() as session:
        request = VettingService(session).create(
            args.number, args.date, args.unit, args.purpose, args.candidate, due_date=args.due
        )
    ctx.emit({"id": request.id, **request_json(request)}, str(request.id))
    return 0


def run_list(ctx: CliContext) -> int:
    with ctx.session() as session:
        requests = VettingService(session).requests()
    ctx.emit([request_json(r) for r in requests], requests_table(requests))
    return 0


def run_show(ctx: CliContext) -> int:
    with ctx.session() as session:
        detail = VettingService(session).detail(ctx.args.request_id)
    ctx.emit(detail_json(detail), detail_text(detail))
    return 0


def run_decide(ctx: CliContext) -> int:
    args = ctx.args
    _check_decision(args)
    with ctx.session() as session:
        decision = VettingService(session).decide(
            args.request_id,
            args.official_id,
            confirm=args.confirm,
            category=args.category,
            justification=args.justification,
        )
    text = (
        f"人选 {args.official_id}:{decision.category.numbered_zh}"
        f"({decision.decision.label_zh},系统建议第{int(decision.proposed)}类)"
    )
    ctx.emit(
        {"request_id": args.request_id, "official_id": args.official_id,
         **decision_json(decision)},
        text,
    )  # fmt: skip
    return 0


def run_attest(ctx: CliContext) -> int:
    args = ctx.args
    parse_value(NOTE_SPEC, args.note)
    with ctx.session() as session:
        VettingService(session).attest_file_review(args.request_id, args.official_id, args.note)
    ctx.emit(
        {"request_id": args.request_id, "official_id": args.official_id, "attested": True},
        f"人选 {args.official_id}:已确认审核干部人事档案 / personnel file review attested",
    )
    return 0


def run_submit(ctx: CliContext) -> int:
    with ctx.session() as session:
        request = VettingService(session).submit(ctx.args.request_id)
    ctx.emit(request_json(request), f"{request.id} {request.state.label_zh}")
    return 0


def run_reply(ctx: CliContext) -> int:
    # Imported here: pyHanko and reportlab cost half a second every other command skips.
    from exports.vetting_reply import save_signed_reply

    out: Path = ctx.args.out
    _check_out(out)
    with ctx.session() as session:
        saved = save_signed_reply(session, ctx.args.request_id, out)
    again = "(重新输出已签发的回复 / the signed reply, written again)" if saved.reissued else ""
    ctx.emit(
        {**jsonable(saved), "out": str(saved.path)},
        f"已签发 / signed: {saved.path}  文号 / document number: {saved.document_number}{again}",
    )
    return 0

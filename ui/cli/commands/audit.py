"""``liandang audit list|verify|export``: the security auditor's commands.

The filter on the acting account is ``--actor``: ``--user`` is the global option naming who
runs the command, and is accepted after the sub-command too.
"""

from __future__ import annotations

import argparse
import hashlib
import os
from datetime import date
from pathlib import Path

from records.audit import AuditEntry
from records.services.audit_trail import (
    DEFAULT_LIMIT,
    MAX_LIMIT,
    AuditQuery,
    AuditService,
    parse_head,
    record_pdf_verification,
)
from ui.cli.context import CliContext
from ui.cli.formatting import jsonable, table
from ui.cli.usage_error import UsageError

_OUTCOME_ZH = {"ok": "成功", "refused": "拒绝", "failed": "失败"}


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    group = sub.add_parser("audit", help="审计日志 / the audit trail")
    verbs = group.add_subparsers(dest="verb", required=True, metavar="list|verify|export")

    listing = verbs.add_parser("list", help="查看审计日志(新的在前) / list entries, newest first")
    _filters(listing, default_limit=DEFAULT_LIMIT)
    listing.set_defaults(handler=run_list)

    verify = verbs.add_parser("verify", help="校验审计日志 / verify the trail")
    verify.add_argument(
        "--head",
        action="append",
        default=[],
        metavar="SEQ:HASH",
        help="导出文件页脚中的审计链头,可多次给出 / a head printed in an export (repeatable)",
    )
    verify.set_defaults(handler=run_verify)

    export = verbs.add_parser("export", help="导出审计日志 .csv 或签章 .pdf / export CSV or PDF")
    export.add_argument("--out", type=Path, required=True, help="FILE.csv 或 FILE.pdf")
    _filters(export, default_limit=MAX_LIMIT)
    export.set_defaults(handler=run_export)


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"日期应为 YYYY-MM-DD:{text} / date must be YYYY-MM-DD: {text}"
        ) from None


def _filters(parser: argparse.ArgumentParser, *, default_limit: int) -> None:
    parser.add_argument("--actor", default=None, help="操作人用户名 / acting account")
    parser.add_argument(
        "--action", default=None, help="操作,如 official.read;以 . 结尾为前缀 / action or prefix."
    )
    parser.add_argument(
        "--object", dest="obj", default=None, help="对象包含的文字 / object contains"
    )
    parser.add_argument("--since", type=_date, default=None, help="起始日期 / from YYYY-MM-DD")
    parser.add_argument("--until", type=_date, default=None, help="截止日期 / to YYYY-MM-DD")
    parser.add_argument("--limit", type=int, default=default_limit, help="条数上限 / at most N")


def _query(ctx: CliContext) -> AuditQuery:
    args = ctx.args
    return AuditQuery(args.actor, args.action, args.obj, args.since, args.until, args.limit)


def entry_json(entry: AuditEntry) -> dict[str, object]:
    data: dict[str, object] = jsonable(entry)
    return data


def run_list(ctx: CliContext) -> int:
    query = _query(ctx)
    with ctx.session() as session:
        entries = AuditService(session).query(query)
    ctx.emit(
        [entry_json(e) for e in entries],
        table(
            ["序号", "时间", "用户", "角色", "操作", "对象", "结果", "说明"],
            [
                (
                    e.seq,
                    e.at.isoformat(),
                    e.user_name,
                    e.role,
                    e.action,
                    e.object,
                    _OUTCOME_ZH.get(e.outcome, e.outcome),
                    e.detail,
                )
                for e in entries
            ],
        ),
    )
    return 0


def run_verify(ctx: CliContext) -> int:
    heads = [parse_head(text) for text in ctx.args.head]
    with ctx.session() as session:
        result = AuditService(session).verify(heads)
    lines = [f"{result.summary_zh()} / {result.summary_en()}"]
    lines += [f"  - {problem}" for problem in result.problems]
    if result.note_en:
        lines.append(f"  注意 / note: {result.note_zh} / {result.note_en}")
    ctx.emit(result.to_json(), "\n".join(lines))
    return 0 if result.ok else 1


def run_export(ctx: CliContext) -> int:
    # reportlab and pyHanko load only for the commands that need them (startup time).
    from exports.audit_export import export_format, save_audit_export
    from exports.errors import ExportError

    out: Path = ctx.args.out
    try:
        export_format(out)
    except ExportError as error:
        raise UsageError("--out", error.zh, error.en) from None
    query = _query(ctx)
    with ctx.session() as session:
        saved = save_audit_export(session, query, out)
    ctx.emit(
        {
            "out": str(saved.path),
            "format": saved.file_format,
            "document_number": saved.document_number,
            "entries": saved.entries,
            "audit_head": saved.audit_head,
            "sha256": saved.sha256,
        },
        f"已导出 {saved.entries} 条 / exported {saved.entries} entries: {saved.path}\n"
        f"文号 / document number: {saved.document_number}\n"
        f"审计链头 / audit head: {saved.audit_head}",
    )
    return 0


# ---- `liandang verify FILE.pdf` against a vault ---------------------------------------------


def vault_given(ctx: CliContext) -> bool:
    """Whether the command names a vault and a user (options or environment)."""
    args = ctx.args
    vault = getattr(args, "vault", None) or os.environ.get("LIANDANG_VAULT", "")
    user = getattr(args, "user", None) or os.environ.get("LIANDANG_USER", "")
    return bool(vault and user)


def log_pdf_verification(
    ctx: CliContext, file: Path, data: bytes, problem_codes: list[str]
) -> None:
    """With a vault and user given, record the verification in that vault's audit trail.

    Without them ``liandang verify`` stays vault-free (a recipient has no vault).
    """
    if not vault_given(ctx):
        return
    with ctx.session() as session:
        record_pdf_verification(session, file.name, hashlib.sha256(data).hexdigest(), problem_codes)

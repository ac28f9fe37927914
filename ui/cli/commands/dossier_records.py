"""``liandang record add|list|show|edit|withdraw|types|informant``."""

from __future__ import annotations

import argparse
from pathlib import Path

from records.model import Disclosure, Source
from records.record_types import RECORD_TYPES, labelled_fields, type_label_zh
from records.services.attachments import AttachmentService
from records.services.clue_informants import ClueInformantService
from records.services.dossier_records import RecordService
from ui.cli.commands.attachments import read_files, summary
from ui.cli.context import CliContext
from ui.cli.formatting import jsonable, table
from ui.cli.record_text import history_text, record_text, types_json, types_text
from ui.cli.usage_error import UsageError

VERBS = "add|list|show|edit|withdraw|types|informant"


def _field_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--field", action="append", default=[], metavar="NAME=VALUE", help="字段 / field"
    )


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    record = sub.add_parser("record", help="档案记录 / records of a dossier")
    verbs = record.add_subparsers(dest="verb", required=True, metavar=VERBS)

    add = verbs.add_parser("add", help="登记记录 / add a record")
    add.add_argument("official_id", type=int)
    add.add_argument("--type", required=True, help="类型 / type: " + ", ".join(RECORD_TYPES))
    add.add_argument("--date", required=True, help="YYYY-MM-DD")
    _field_option(add)
    add.add_argument("--source", default=Source.ORGANIZATION, help=", ".join(Source))
    add.add_argument("--disclosure", default=Disclosure.INTERNAL, help=", ".join(Disclosure))
    add.add_argument("--informant-name", default="", help="举报人姓名(仅问题线索,单独保存)")
    add.add_argument("--informant-contact", default="", help="举报人联系方式(仅问题线索)")
    add.add_argument(
        "--attach", action="append", type=Path, default=[], metavar="FILE",
        help="附件(PDF、JPEG、PNG,可重复) / attach a file",
    )  # fmt: skip
    add.set_defaults(handler=run_add)

    listing = verbs.add_parser("list", help="列出记录 / list records")
    listing.add_argument("official_id", type=int)
    listing.add_argument("--type", default=None)
    listing.add_argument(
        "--all", action="store_true", help="包括已撤销的记录 / include withdrawn records"
    )
    listing.set_defaults(handler=run_list)

    show = verbs.add_parser("show", help="查看记录(记入审计) / show a record (audited)")
    show.add_argument("record_id", type=int)
    show.add_argument("--history", action="store_true", help="修改历史 / version history")
    show.set_defaults(handler=run_show)

    edit = verbs.add_parser("edit", help="修改记录(生成新版本) / correct a record")
    edit.add_argument("record_id", type=int)
    edit.add_argument("--date", default=None, help="YYYY-MM-DD")
    _field_option(edit)
    edit.add_argument("--source", default=None, help=", ".join(Source))
    edit.add_argument("--disclosure", default=None, help=", ".join(Disclosure))
    edit.set_defaults(handler=run_edit)

    withdraw = verbs.add_parser("withdraw", help="撤销记录(保留原记录) / withdraw a record")
    withdraw.add_argument("record_id", type=int)
    withdraw.add_argument("--reason", required=True, help="撤销理由 / reason")
    withdraw.set_defaults(handler=run_withdraw)

    types = verbs.add_parser("types", help="记录类型及字段 / record types and their fields")
    types.set_defaults(handler=run_types)

    informant = verbs.add_parser(
        "informant", help="查看问题线索举报人(仅承办人、审核员;记入审计) / a clue's informant"
    )
    informant.add_argument("record_id", type=int)
    informant.set_defaults(handler=run_informant)


def _parse_fields(pairs: list[str]) -> dict[str, str]:
    fields: dict[str, str] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name.strip():
            raise UsageError("--field", f"应为 名称=值:{pair}", f"must be NAME=VALUE: {pair}")
        if name.strip() in fields:
            raise UsageError("--field", f"字段重复:{name}", f"field given twice: {name}")
        fields[name.strip()] = value
    return fields


def run_add(ctx: CliContext) -> int:
    args = ctx.args
    fields = _parse_fields(args.field)
    with ctx.session() as session:
        # Every file is read and checked before the record is added: bad input adds nothing.
        files = read_files(session, args.attach, "--attach")
        record = RecordService(session).add(
            args.official_id,
            args.type,
            args.date,
            fields,
            source=args.source,
            disclosure=args.disclosure,
            informant_name=args.informant_name,
            informant_contact=args.informant_contact,
        )
        attached = (
            AttachmentService(session).add_many(args.official_id, files, record_id=record.id)
            if files
            else []
        )
    ctx.emit(
        {
            "id": record.id,
            "official_id": record.official_id,
            "attachments": [summary(a) for a in attached],
        },
        str(record.id),
    )
    return 0


def run_list(ctx: CliContext) -> int:
    with ctx.session() as session:
        records = RecordService(session).list(
            ctx.args.official_id, type_code=ctx.args.type, include_withdrawn=ctx.args.all
        )
    rows = [
        (
            r.id,
            r.record_date,
            type_label_zh(r.type),
            r.source.label_zh,
            r.disclosure.label_zh,
            r.version,
            "已撤销" if r.withdrawn else "",
            ";".join(f"{f.label_zh}:{f.value}" for f in labelled_fields(r.type, r.fields))[:60],
        )
        for r in records
    ]
    headers = ["ID", "日期", "类型", "来源", "密级", "版本", "状态", "内容"]
    ctx.emit(jsonable(records), table(headers, rows))
    return 0


def run_show(ctx: CliContext) -> int:
    with ctx.session() as session:
        service = RecordService(session)
        record = service.get(ctx.args.record_id)
        history = service.history(ctx.args.record_id) if ctx.args.history else None
    data = jsonable(record)
    text = record_text(record)
    if history is not None:
        data["history"] = jsonable(history)
        text += "\n" + history_text(history)
    ctx.emit(data, text)
    return 0


def run_edit(ctx: CliContext) -> int:
    args = ctx.args
    fields = _parse_fields(args.field)
    if not fields and args.date is None and args.source is None and args.disclosure is None:
        raise UsageError(
            "--field", "没有要修改的内容", "nothing to change: give --field, --date, --source …"
        )
    with ctx.session() as session:
        record = RecordService(session).edit(
            args.record_id,
            fields=fields,
            record_date=args.date,
            source=args.source,
            disclosure=args.disclosure,
        )
    ctx.emit({"id": record.id, "version": record.version}, f"{record.id} 第{record.version}版")
    return 0


def run_withdraw(ctx: CliContext) -> int:
    with ctx.session() as session:
        record = RecordService(session).withdraw(ctx.args.record_id, ctx.args.reason)
    ctx.emit(
        {"id": record.id, "withdrawn": record.withdrawn, "reason": record.withdraw_reason},
        f"{record.id} 已撤销",
    )
    return 0


def run_types(ctx: CliContext) -> int:
    types = list(RECORD_TYPES.values())
    ctx.emit(types_json(types), types_text(types))
    return 0


def run_informant(ctx: CliContext) -> int:
    with ctx.session() as session:
        informant = ClueInformantService(session).read(ctx.args.record_id)
    ctx.emit(jsonable(informant), f"举报人:{informant.name}  联系方式:{informant.contact}")
    return 0

"""``liandang record add|list``."""

from __future__ import annotations

import argparse

from records.model import Disclosure, Source
from records.record_types import RECORD_TYPES, labelled_fields, type_label_zh
from records.services.dossier_records import RecordService
from ui.cli.context import CliContext
from ui.cli.formatting import jsonable, table
from ui.cli.usage_error import UsageError


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    record = sub.add_parser("record", help="档案记录 / records of a dossier")
    verbs = record.add_subparsers(dest="verb", required=True, metavar="add|list")
    add = verbs.add_parser("add", help="登记记录 / add a record")
    add.add_argument("official_id", type=int)
    add.add_argument("--type", required=True, help="类型 / type: " + ", ".join(RECORD_TYPES))
    add.add_argument("--date", required=True, help="YYYY-MM-DD")
    add.add_argument(
        "--field", action="append", default=[], metavar="NAME=VALUE", help="字段 / field"
    )
    add.add_argument("--source", default=Source.ORGANIZATION, help=", ".join(Source))
    add.add_argument("--disclosure", default=Disclosure.INTERNAL, help=", ".join(Disclosure))
    add.set_defaults(handler=run_add)
    listing = verbs.add_parser("list", help="列出记录 / list records")
    listing.add_argument("official_id", type=int)
    listing.add_argument("--type", default=None)
    listing.set_defaults(handler=run_list)


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
        record = RecordService(session).add(
            args.official_id,
            args.type,
            args.date,
            fields,
            source=args.source,
            disclosure=args.disclosure,
        )
    ctx.emit({"id": record.id, "official_id": record.official_id}, str(record.id))
    return 0


def run_list(ctx: CliContext) -> int:
    with ctx.session() as session:
        records = RecordService(session).list(ctx.args.official_id, type_code=ctx.args.type)
    rows = [
        (
            r.id,
            r.record_date,
            type_label_zh(r.type),
            r.source.label_zh,
            r.disclosure.label_zh,
            ";".join(f"{f.label_zh}:{f.value}" for f in labelled_fields(r.type, r.fields))[:60],
        )
        for r in records
    ]
    ctx.emit(jsonable(records), table(["ID", "日期", "类型", "来源", "密级", "内容"], rows))
    return 0

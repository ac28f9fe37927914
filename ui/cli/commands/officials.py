"""``liandang official add|list|show|photo|position|eligibility``.

``official add`` has one option per basic-information field, generated from
:data:`records.official_fields.OFFICIAL_FIELDS` so the CLI never drifts from the forms.
"""

from __future__ import annotations

import argparse

from records.fields import FieldKind
from records.model import Dossier
from records.official_fields import OFFICIAL_FIELDS, SUPERVISION_CATEGORIES
from records.record_types import labelled_fields, type_label_zh
from records.search import SORTS
from records.services.officials import OfficialService
from ui.cli.commands import attachments as attachment_commands
from ui.cli.commands import eligibility as eligibility_commands
from ui.cli.commands import official_search_filters
from ui.cli.commands import positions as position_commands
from ui.cli.context import CliContext
from ui.cli.formatting import jsonable, table


def _option(name: str) -> str:
    return "--" + name.replace("_", "-")


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    official = sub.add_parser("official", help="人员档案 / dossiers")
    verbs = official.add_subparsers(
        dest="verb", required=True, metavar="add|list|show|photo|position|eligibility"
    )

    add = verbs.add_parser("add", help="新建档案 / file a new official")
    for spec in OFFICIAL_FIELDS:
        help_text = f"{spec.label_zh} / {spec.label_en}"
        if spec.kind is FieldKind.BOOLEAN:
            add.add_argument(
                _option(spec.name), dest=spec.name, action="store_true", help=help_text
            )
        else:
            if spec.choices:
                help_text += " (" + ", ".join(spec.choices) + ")"
            add.add_argument(_option(spec.name), dest=spec.name, default=None, help=help_text)
    add.set_defaults(handler=run_add)

    listing = verbs.add_parser("list", help="列出或搜索档案 / list or search")
    listing.add_argument(
        "--search", default="", help="姓名、拼音、首字母、身份证号前缀、单位或职务"
    )
    listing.add_argument(
        "--filter",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="筛选 / filter: " + ", ".join(official_search_filters.FILTER_KEYS),
    )
    listing.add_argument("--sort", default="name", choices=sorted(SORTS), help="排序 / sort")
    listing.add_argument("--desc", action="store_true", help="降序 / descending")
    listing.add_argument("--limit", type=int, default=500)
    listing.set_defaults(handler=run_list)

    show = verbs.add_parser("show", help="查看完整档案(记入审计) / show a dossier (audited)")
    show.add_argument("id", type=int)
    show.set_defaults(handler=run_show)

    attachment_commands.register_photo(verbs)
    position_commands.register(verbs)
    eligibility_commands.register(verbs)


def run_add(ctx: CliContext) -> int:
    values = {spec.name: getattr(ctx.args, spec.name) for spec in OFFICIAL_FIELDS}
    with ctx.session() as session:
        official = OfficialService(session).add(values)
    ctx.emit({"id": official.id, "name": official.name}, str(official.id))
    return 0


def run_list(ctx: CliContext) -> int:
    query = official_search_filters.query_from_args(
        ctx.args.search, ctx.args.filter, sort=ctx.args.sort, descending=ctx.args.desc,
        limit=ctx.args.limit,
    )  # fmt: skip
    with ctx.session() as session:
        officials = OfficialService(session).search(query)
    ctx.emit(
        jsonable(officials),
        table(
            ["ID", "姓名", "性别", "出生日期", "工作单位", "职务", "职级"],
            [(o.id, o.name, o.gender, o.birth_date, o.unit, o.position, o.rank) for o in officials],
        ),
    )
    return 0 if officials or not (ctx.args.search or ctx.args.filter) else 1


def _show_text(dossier: Dossier) -> str:
    official = dossier.official
    lines = [f"【基本信息】{official.name}  (ID {official.id})"]
    for spec in OFFICIAL_FIELDS:
        value = getattr(official, spec.name)
        if spec.kind is FieldKind.BOOLEAN:
            value = "是" if value else "否"
        elif spec.name == "category" and value:
            value = SUPERVISION_CATEGORIES[int(value)]
        elif spec.name == "status":
            value = official.status.label_zh
        lines.append(f"  {spec.label_zh}:{value if value not in (None, '') else '—'}")
    lines.append("【家庭成员及主要社会关系】")
    lines += [f"  {m.relation} {m.name} {m.employer} {m.post}".rstrip() for m in dossier.family]
    if not dossier.family:
        lines.append("  无")
    lines.append("【记录】")
    for record in dossier.records:
        lines.append(
            f"  #{record.id} {record.record_date} {type_label_zh(record.type)}"
            f" [{record.source.label_zh} · {record.disclosure.label_zh}]"
        )
        if record.content_hidden:
            lines.append("      (内容仅承办人和审核员可见 / content restricted to the custodian)")
        lines += [
            f"      {f.label_zh}:{f.value}" for f in labelled_fields(record.type, record.fields)
        ]
    if not dossier.records:
        lines.append("  无")
    return "\n".join(lines)


def run_show(ctx: CliContext) -> int:
    with ctx.session() as session:
        dossier = OfficialService(session).dossier(ctx.args.id)
    ctx.emit(jsonable(dossier), _show_text(dossier))
    return 0

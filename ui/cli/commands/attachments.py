"""``liandang attachment add|list|save|withdraw`` and ``liandang official photo``."""

from __future__ import annotations

import argparse
from pathlib import Path

from exports.attachment_export import save_attachment
from records.attachment_types import media_type
from records.services.attachments import Attachment, AttachmentService
from records.session import Session
from ui.attachment_files import read_for_attachment
from ui.cli.context import CliContext
from ui.cli.formatting import jsonable, table


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    attachment = sub.add_parser("attachment", help="附件 / attachments of a dossier")
    verbs = attachment.add_subparsers(dest="verb", required=True, metavar="add|list|save|withdraw")
    add = verbs.add_parser("add", help="添加附件 / attach files (PDF, JPEG, PNG)")
    add.add_argument("official_id", type=int)
    add.add_argument("files", nargs="+", type=Path, metavar="FILE")
    add.add_argument("--record", type=int, default=None, help="所属记录 / record id")
    add.set_defaults(handler=run_add)
    listing = verbs.add_parser("list", help="列出附件(记入审计) / list attachments")
    listing.add_argument("official_id", type=int)
    listing.add_argument("--record", type=int, default=None, help="所属记录 / record id")
    listing.set_defaults(handler=run_list)
    save = verbs.add_parser("save", help="另存原件(记入审计) / save the original (audited)")
    save.add_argument("attachment_id", type=int)
    save.add_argument("--out", required=True, type=Path, help="输出文件 / output file")
    save.set_defaults(handler=run_save)
    withdraw = verbs.add_parser("withdraw", help="撤回附件(保留) / withdraw (kept)")
    withdraw.add_argument("attachment_id", type=int)
    withdraw.add_argument("--reason", required=True, help="撤回原因 / reason")
    withdraw.set_defaults(handler=run_withdraw)


def register_photo(verbs: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """``official photo OFFICIAL_ID FILE`` (called from the ``official`` group)."""
    photo = verbs.add_parser("photo", help="设置照片(JPEG、PNG) / set the photo")
    photo.add_argument("official_id", type=int)
    photo.add_argument("file", type=Path)
    photo.set_defaults(handler=run_photo)


def read_files(session: Session, paths: list[Path], option: str) -> list[tuple[str, bytes]]:
    """Read and check every file against the vault's policy before anything is written."""
    service = AttachmentService(session)
    max_mb = service.max_mb()
    files = [read_for_attachment(path, max_mb, option) for path in paths]
    for name, content in files:
        service.check(name, content)
    return files


def summary(attachment: Attachment) -> dict[str, object]:
    return {"id": attachment.id, "file_name": attachment.file_name, "sha256": attachment.sha256}


def run_add(ctx: CliContext) -> int:
    args = ctx.args
    with ctx.session() as session:
        files = read_files(session, args.files, "FILE")
        added = AttachmentService(session).add_many(args.official_id, files, record_id=args.record)
    ctx.emit([summary(a) for a in added], "\n".join(f"{a.id}  {a.sha256}" for a in added))
    return 0


def _size_text(size: int) -> str:
    return f"{size / 1024:.1f} KB" if size < 1024 * 1024 else f"{size / 1024 / 1024:.1f} MB"


def run_list(ctx: CliContext) -> int:
    with ctx.session() as session:
        attachments = AttachmentService(session).list(ctx.args.official_id, ctx.args.record)
    rows = [
        (
            a.id,
            "(仅承办人和审核员可见)" if a.content_hidden else a.file_name,
            media_type(a.media_type).label_zh,
            _size_text(a.size),
            a.sha256[:12],
            "" if a.record_id is None else a.record_id,
            "照片" if a.purpose == "photo" else "扫描件",
            a.added_by,
            a.added_at.strftime("%Y-%m-%d %H:%M"),
            f"已撤回:{a.withdraw_reason}" if a.withdrawn else "",
        )
        for a in attachments
    ]
    headers = ["ID", "文件名", "类型", "大小", "SHA-256", "记录", "用途", "添加人", "时间", "状态"]
    ctx.emit(jsonable(attachments), table(headers, rows))
    return 0


def run_save(ctx: CliContext) -> int:
    with ctx.session() as session:
        saved = save_attachment(session, ctx.args.attachment_id, ctx.args.out)
    ctx.emit(
        {"path": str(saved.path), "sha256": saved.sha256, "size": saved.size},
        f"已另存:{saved.path}  SHA-256 {saved.sha256}",
    )
    return 0


def run_withdraw(ctx: CliContext) -> int:
    with ctx.session() as session:
        withdrawn = AttachmentService(session).withdraw(ctx.args.attachment_id, ctx.args.reason)
    ctx.emit(jsonable(withdrawn), f"已撤回附件 {withdrawn.id}")
    return 0


def run_photo(ctx: CliContext) -> int:
    with ctx.session() as session:
        [(name, content)] = read_files(session, [ctx.args.file], "FILE")
        photo = AttachmentService(session).set_photo(ctx.args.official_id, name, content)
    ctx.emit(summary(photo), str(photo.id))
    return 0

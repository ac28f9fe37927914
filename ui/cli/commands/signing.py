"""``liandang cert init|export``, ``liandang export dossier`` and ``liandang verify``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from exports.export_profiles import DEFAULT_PROFILE, PROFILES
from records.services.signing_identity import SigningIdentityService
from ui.cli.commands.audit import log_pdf_verification
from ui.cli.context import CliContext
from ui.cli.usage_error import UsageError

MAX_PDF_BYTES = 200 * 1024 * 1024

# pyHanko and reportlab are imported inside the handlers that use them: together they cost
# half a second, which every other command (and every script calling it) should not pay.
# (exports.export_profiles is plain data and imports neither.)


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    cert = sub.add_parser("cert", help="单位签章证书 / the unit's signing certificate")
    verbs = cert.add_subparsers(dest="verb", required=True, metavar="init|export")
    init = verbs.add_parser("init", help="生成单位根证书与签章证书 / create root + signing cert")
    init.add_argument("--unit", required=True, help="单位名称 / unit name")
    init.add_argument("--replace", action="store_true", help="替换已有证书 / replace existing")
    init.set_defaults(handler=run_cert_init)
    export = verbs.add_parser("export", help="导出根证书 / write the root certificate")
    export.add_argument("--out", type=Path, default=None, help="PEM 文件 / file (default: stdout)")
    export.set_defaults(handler=run_cert_export)

    export_cmd = sub.add_parser("export", help="导出签章PDF / signed PDF exports")
    what = export_cmd.add_subparsers(dest="verb", required=True, metavar="dossier")
    dossier = what.add_parser("dossier", help="导出签章档案 / signed dossier PDF")
    dossier.add_argument("id", type=int)
    dossier.add_argument("--out", type=Path, required=True)
    dossier.add_argument(
        "--profile",
        choices=tuple(PROFILES),
        default=DEFAULT_PROFILE,
        help="导出版本:secret 涉密完整版 / internal 内部版 / public 公开版(任前公示)",
    )
    dossier.set_defaults(handler=run_export_dossier)

    verify = sub.add_parser("verify", help="验证签章PDF / verify a signed PDF")
    verify.add_argument("file", type=Path)
    verify.add_argument(
        "--trust", type=Path, action="append", default=[], help="信任的根证书 PEM / trusted root"
    )
    verify.set_defaults(handler=run_verify)


def run_cert_init(ctx: CliContext) -> int:
    from exports.certificates import create_unit_identity, identity_for_vault

    with ctx.session() as session:
        identity = create_unit_identity(ctx.args.unit)
        SigningIdentityService(session).install(
            identity_for_vault(identity),
            replace=ctx.args.replace,
        )
    ctx.emit(
        {"unit": identity.unit},
        f"已生成签章证书 / signing certificate created: {identity.unit}",
    )
    return 0


def run_cert_export(ctx: CliContext) -> int:
    with ctx.session() as session:
        pem = SigningIdentityService(session).root_certificate()
    out: Path | None = ctx.args.out
    if out is None:
        sys.stdout.write(pem.decode("ascii"))
        return 0
    try:
        out.write_bytes(pem)
    except OSError as exc:
        raise UsageError(
            "--out", f"无法写入:{out}", f"cannot write {out}: {exc.strerror}"
        ) from None
    ctx.emit({"out": str(out)}, f"已导出根证书 / root certificate written: {out}")
    return 0


def run_export_dossier(ctx: CliContext) -> int:
    from exports.dossier_export import save_signed_dossier

    with ctx.session() as session:
        saved = save_signed_dossier(session, ctx.args.id, ctx.args.out, profile=ctx.args.profile)
    ctx.emit(
        {
            "out": str(saved.path),
            "document_number": saved.document_number,
            "sha256": saved.sha256,
            "profile": saved.profile,
        },
        f"已导出 / exported: {saved.path}  文号 / document number: {saved.document_number}",
    )
    return 0


def _read(path: Path, option: str, limit: int) -> bytes:
    try:
        if path.stat().st_size > limit:
            raise UsageError(option, f"文件过大:{path}", f"file too large: {path}")
        return path.read_bytes()
    except FileNotFoundError:
        raise UsageError(option, f"文件不存在:{path}", f"file not found: {path}") from None
    except IsADirectoryError:
        raise UsageError(option, f"不是文件:{path}", f"not a file: {path}") from None
    except OSError as exc:
        raise UsageError(
            option, f"无法读取:{path}", f"cannot read {path}: {exc.strerror}"
        ) from None


def run_verify(ctx: CliContext) -> int:
    from exports.verify import verify_pdf

    roots = [_read(path, "--trust", 1024 * 1024) for path in ctx.args.trust]
    data = _read(ctx.args.file, "file", MAX_PDF_BYTES)
    result = verify_pdf(data, roots)
    # With --vault and --user the check is recorded in that vault's audit trail.
    log_pdf_verification(ctx, ctx.args.file, data, [p.code for p in result.problems])
    verdict_zh = "有效" if result.ok else "无效"
    verdict_en = "VALID" if result.ok else "INVALID"
    lines = [
        f"文件 / file: {ctx.args.file}",
        f"签章人 / signer: {result.signer or '—'}",
        f"签章时间 / signing time: {result.signing_time or '—'}",
        f"结论 / verdict: {verdict_zh} / {verdict_en}",
    ]
    lines += [f"  - {p.zh} / {p.en}" for p in result.problems]
    ctx.emit({"file": str(ctx.args.file), **result.to_json()}, "\n".join(lines))
    return 0 if result.ok else 1

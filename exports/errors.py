"""Typed errors of the export package.

Every error carries a one-line Chinese message and its English counterpart; ``str(error)``
is ``"zh / en"``, which is what the command line prints. Messages never contain key
material, passwords or document contents.
"""

from __future__ import annotations

from records.errors import LianDangError


class ExportError(LianDangError):
    """Base class of every error raised by :mod:`exports`.

    :param zh: one-line message in Chinese; the class default when omitted.
    :param en: the same message in English; the class default when omitted.
    """

    default_zh = "导出失败"
    default_en = "export failed"

    def __init__(self, zh: str | None = None, en: str | None = None) -> None:
        super().__init__(
            zh if zh is not None else self.default_zh, en if en is not None else self.default_en
        )


class NotAPdfError(ExportError):
    """The input is not a PDF we are willing to read (no header, unparsable, too large)."""

    default_zh = "不是有效的 PDF 文件"
    default_en = "not a valid PDF file"


class SigningError(ExportError):
    """The PDF could not be signed."""

    default_zh = "PDF 签章失败"
    default_en = "signing the PDF failed"


class CertificateError(ExportError):
    """A certificate, key or PKCS#12 bundle is unusable."""

    default_zh = "证书无效"
    default_en = "invalid certificate"

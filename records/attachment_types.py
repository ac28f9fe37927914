"""Which files may be attached, told by their first bytes, not their names.

An attachment is accepted only when its content is a PDF, JPEG or PNG *and* its file
name's extension says the same thing: a renamed file (an executable called ``scan.pdf``, a
PNG called ``photo.jpg``) is refused, so what the viewer renders is what the list shows.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePath

from records.errors import ValidationError


@dataclass(frozen=True)
class MediaType:
    """:param mime: the stored media type (``application/pdf``).
    :param label_zh: how lists name it (PDF, JPEG, PNG).
    :param magic: the bytes every such file starts with.
    :param extensions: lower-case extensions that may carry it.
    :param is_image: shown with an image viewer (and usable as a photo).
    """

    mime: str
    label_zh: str
    magic: bytes
    extensions: tuple[str, ...]
    is_image: bool


PDF = MediaType("application/pdf", "PDF", b"%PDF-", (".pdf",), is_image=False)
JPEG = MediaType("image/jpeg", "JPEG", b"\xff\xd8\xff", (".jpg", ".jpeg"), is_image=True)
PNG = MediaType("image/png", "PNG", b"\x89PNG\r\n\x1a\n", (".png",), is_image=True)

MEDIA_TYPES: tuple[MediaType, ...] = (PDF, JPEG, PNG)
_BY_MIME = {media.mime: media for media in MEDIA_TYPES}

#: One megabyte as the policy counts it (``attachment_max_mb``).
MEGABYTE = 1024 * 1024

_FILE = ("file", "附件")


def _refuse(reason_zh: str, reason_en: str) -> ValidationError:
    return ValidationError(_FILE[0], _FILE[1], reason_zh, reason_en)


def media_type(mime: str) -> MediaType:
    """The :class:`MediaType` of a stored ``media_type`` value."""
    return _BY_MIME[mime]


def sniff(content: bytes) -> MediaType | None:
    """The type the content's first bytes announce, ``None`` if none we accept."""
    return next((media for media in MEDIA_TYPES if content.startswith(media.magic)), None)


def check_size(size: int, max_mb: int, file_name: str) -> None:
    """Refuse an empty file or one above the policy's cap (before it is read, if possible).

    :raises ValidationError:
    """
    if size <= 0:
        raise _refuse(f"文件为空:{file_name}", f"file is empty: {file_name}")
    if size > max_mb * MEGABYTE:
        raise _refuse(
            f"文件过大:{file_name}({size / MEGABYTE:.1f} MB),上限为 {max_mb} MB",
            f"file too large: {file_name} ({size / MEGABYTE:.1f} MB), the limit is {max_mb} MB",
        )


def identify(file_name: str, content: bytes, *, max_mb: int) -> MediaType:
    """The media type of an attachment, after every check it must pass.

    :param file_name: the original name (only its extension and length matter here).
    :raises ValidationError: empty, too large, a name without a usable extension, content
        that is not PDF/JPEG/PNG, or content that is not what the extension claims.
    """
    name = PurePath(file_name).name
    if not name.strip() or len(name) > 255:
        raise _refuse("文件名为空或过长", "the file name is empty or too long")
    check_size(len(content), max_mb, name)
    extension = PurePath(name).suffix.lower()
    claimed = next((m for m in MEDIA_TYPES if extension in m.extensions), None)
    if claimed is None:
        raise _refuse(
            f"不支持的文件类型:{name}(仅限 PDF、JPEG、PNG)",
            f"unsupported file type: {name} (PDF, JPEG and PNG only)",
        )
    actual = sniff(content)
    if actual is None:
        raise _refuse(
            f"文件内容不是 PDF、JPEG 或 PNG:{name}",
            f"the content is not a PDF, JPEG or PNG: {name}",
        )
    if actual is not claimed:
        raise _refuse(
            f"文件内容({actual.label_zh})与扩展名{extension}不符:{name}",
            f"the content ({actual.label_zh}) does not match the extension {extension}: {name}",
        )
    return actual

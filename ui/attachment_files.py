"""Reading a file the user wants attached: size checked before the content is read.

Shared by the command line and the GUI's 添加附件 action (both run it where the vault is
open, since the size cap is the vault's policy).
"""

from __future__ import annotations

from pathlib import Path

from records.attachment_types import MEGABYTE, check_size
from records.errors import ValidationError


def read_for_attachment(path: Path, max_mb: int, option: str = "file") -> tuple[str, bytes]:
    """The file's name and content, refusing it (without reading it) when over ``max_mb``.

    :param option: how the caller names the input (``--attach``), for the message.
    :raises ValidationError: missing, unreadable, empty or too large.
    """
    try:
        size = path.stat().st_size
        if not path.is_file():
            raise ValidationError(option, option, f"不是文件:{path}", f"not a file: {path}")
        check_size(size, max_mb, path.name)
        with path.open("rb") as handle:
            # Never more than the cap plus one byte, even if the file grew meanwhile.
            content = handle.read(max_mb * MEGABYTE + 1)
    except OSError as exc:
        raise ValidationError(
            option,
            option,
            f"无法读取文件:{path}({exc.strerror})",
            f"cannot read {path}: {exc.strerror}",
        ) from None
    check_size(len(content), max_mb, path.name)
    return path.name, content

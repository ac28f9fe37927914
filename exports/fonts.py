"""The CJK font every export is set in: WenQuanYi Micro Hei, shipped in ``resources/fonts``.

reportlab embeds (a subset of) a TrueType font in the PDF, so the document reads the same on
a standalone machine without any Chinese font. The built-in CID font ``STSong-Light`` is
never used: it is not embedded, and viewers without Adobe's CJK pack show blank text.
"""

from __future__ import annotations

import threading

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from exports.errors import ExportError
from resources import resource_path

FONT_NAME = "WQYMicroHei"
"""Name under which the font is registered with reportlab."""

_FONT_FILE = ("fonts", "wqy-microhei.ttc")
_lock = threading.Lock()
_registered = False


def cjk_font_name() -> str:
    """Register the shipped font with reportlab (once per process) and return its name.

    The font has a single weight, so it is also mapped as its own bold and italic: markup
    such as ``<b>`` then stays in the embedded font instead of falling back to Helvetica,
    which has no Chinese glyphs.

    :raises ExportError: if the font file is missing or unreadable (a broken installation).
    """
    global _registered
    with _lock:
        if not _registered:
            path = resource_path(*_FONT_FILE)
            try:
                # Index 0 of the collection is "Micro Hei" (1 is the monospaced face).
                font = TTFont(FONT_NAME, str(path), subfontIndex=0)
            except (OSError, TTFError) as exc:
                raise ExportError(
                    "找不到或无法读取导出字体,请重新安装程序",
                    "the export font is missing or unreadable; reinstall the application",
                ) from exc
            pdfmetrics.registerFont(font)
            for bold in (0, 1):
                for italic in (0, 1):
                    addMapping(FONT_NAME, bold, italic, FONT_NAME)
            _registered = True
    return FONT_NAME

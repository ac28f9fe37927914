"""Chinese glyphs on any machine: fall back to the font the application ships.

A standalone PC may have no CJK font at all, and Qt then draws boxes. The shipped WenQuanYi
Micro Hei (the same file the PDF exports embed) is loaded only when the system has no
font for Simplified Chinese, and added as a fallback after the platform's UI font.
"""

from __future__ import annotations

import logging

from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication

from resources import resource_path

log = logging.getLogger("liandang.ui.fonts")


def ensure_cjk_font(app: QGuiApplication) -> str | None:
    """Make sure Chinese text renders; return the family added as fallback, if any."""
    if QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese):
        return None
    font_id = QFontDatabase.addApplicationFont(str(resource_path("fonts", "wqy-microhei.ttc")))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if not families:
        log.warning("no Chinese font on this system and the shipped font did not load")
        return None
    font = QFont(app.font())
    font.setFamilies([app.font().family(), families[0]])
    app.setFont(font)
    return families[0]

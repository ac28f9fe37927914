"""The one translation hook of the GUI.

Source strings are Chinese; an English ``.qm`` loaded later translates them. A fixed
context keeps every string in one place for ``lupdate`` and the translators.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

CONTEXT = "LianDang"


def tr(text: str) -> str:
    """Translate a visible string (call at display time, never at import time)."""
    return QCoreApplication.translate(CONTEXT, text)

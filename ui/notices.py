"""Telling the user something that needs acknowledging: the seam tests replace.

Message boxes open with ``open()`` (window-modal, not a nested event loop), so the app
keeps running and nothing waits on the user's click.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget


class Notices:
    def info(self, parent: QWidget | None, title: str, text: str) -> None:
        self._open(parent, QMessageBox.Icon.Information, title, text)

    def error(self, parent: QWidget | None, title: str, text: str) -> None:
        self._open(parent, QMessageBox.Icon.Warning, title, text)

    def _open(self, parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str) -> None:
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.open()

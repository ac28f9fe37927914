"""Asking the user to confirm a consequential step: the seam tests replace.

The question opens with ``open()`` (window-modal, no nested event loop) and the step runs
from the answer's signal, so a test answers through a stand-in that calls back at once.
The box is a child of ``parent``: locking the window closes it unanswered.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from ui.i18n import tr


class Confirmations:
    def ask(
        self,
        parent: QWidget | None,
        title: str,
        text: str,
        yes_text: str,
        on_yes: Callable[[], None],
    ) -> None:
        """Show ``text``; run ``on_yes`` only if the user presses ``yes_text``.

        Cancel is the default button: Enter or Escape never starts the step by accident.
        """
        box = QMessageBox(
            QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton, parent
        )
        yes = box.addButton(yes_text, QMessageBox.ButtonRole.AcceptRole)
        cancel = box.addButton(tr("取消"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(cancel)
        box.setEscapeButton(cancel)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def answered(_result: int) -> None:
            if box.clickedButton() is yes:
                on_yes()

        box.finished.connect(answered)
        box.open()

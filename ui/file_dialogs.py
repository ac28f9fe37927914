"""Asking the user for files and folders: the seam tests replace.

The native dialogs block in their own event loop, which a test cannot answer; code that
needs a path calls a :class:`FileDialogs` it was given, and tests pass one that returns a
path straight away.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QInputDialog, QWidget

from ui.i18n import tr


def documents_folder() -> Path:
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(location) if location else Path.home()


class FileDialogs:
    def save_pdf_path(self, parent: QWidget | None, suggested: Path) -> Path | None:
        """Where to save a PDF (``None`` if the user cancelled); ``.pdf`` is ensured."""
        chosen, _filter = QFileDialog.getSaveFileName(
            parent, tr("导出签章PDF"), str(suggested), tr("PDF 文件 (*.pdf)")
        )
        if not chosen:
            return None
        path = Path(chosen)
        return path if path.suffix.lower() == ".pdf" else path.with_name(path.name + ".pdf")

    def export_profile(
        self, parent: QWidget | None, choices: Sequence[tuple[str, str]]
    ) -> str | None:
        """Which version of a dossier to export, before asking where (``None`` if cancelled).

        :param choices: ``(code, label)`` pairs; the first is preselected.
        """
        labels = [label for _code, label in choices]
        chosen, ok = QInputDialog.getItem(
            parent, tr("导出签章PDF"), tr("导出版本:"), labels, 0, False
        )
        if not ok:
            return None
        return next((code for code, label in choices if label == chosen), None)

    def save_path(
        self, parent: QWidget | None, title: str, suggested: Path, file_filter: str, suffix: str
    ) -> Path | None:
        """Where to save a file of any kind (``None`` if cancelled); ``suffix`` is ensured.

        :param file_filter: e.g. ``tr("CSV 文件 (*.csv)")``.
        :param suffix: e.g. ``".csv"``.
        """
        chosen, _filter = QFileDialog.getSaveFileName(parent, title, str(suggested), file_filter)
        if not chosen:
            return None
        path = Path(chosen)
        return path if path.suffix.lower() == suffix else path.with_name(path.name + suffix)

    def open_file(
        self, parent: QWidget | None, title: str, start: Path, file_filter: str
    ) -> Path | None:
        """An existing file to read (``None`` if cancelled).

        :param file_filter: e.g. ``tr("扫描件 (*.pdf *.jpg *.jpeg *.png)")``.
        """
        chosen, _filter = QFileDialog.getOpenFileName(parent, title, str(start), file_filter)
        return Path(chosen) if chosen else None

    def vault_folder(self, parent: QWidget | None, start: Path | None) -> Path | None:
        """An existing folder that should hold a vault (``None`` if cancelled)."""
        chosen = QFileDialog.getExistingDirectory(
            parent, tr("选择档案库文件夹"), str(start or Path.home())
        )
        return Path(chosen) if chosen else None

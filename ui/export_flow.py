"""导出签章PDF: ask which version (涉密 / 内部 / 公开) and where, sign on the worker, then
tell the document number.

Rendering and signing take a noticeable moment, so the GUI shows a busy cursor and a
status message meanwhile; the vault worker does the work (the signing key never leaves
the worker thread).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from exports.dossier_export import SavedExport, save_signed_dossier
from exports.export_profiles import DEFAULT_PROFILE, PROFILES, ExportProfile
from records.model import Official
from ui.error_messages import UserError, message_for
from ui.file_dialogs import FileDialogs, documents_folder
from ui.i18n import tr
from ui.notices import Notices
from ui.vault_worker import VaultWorker


def suggested_file_name(official: Official, profile: ExportProfile | None = None) -> str:
    # The name alone would collide between namesakes; the record id keeps files apart. The
    # classification in the name keeps a 公开 copy from being mistaken for the 涉密 one.
    label = (profile or PROFILES[DEFAULT_PROFILE]).classification_label
    return tr("{name}-廉政档案-{label}-{id}.pdf").format(
        name=official.name, label=label, id=official.id
    )


def profile_choices() -> list[tuple[str, str]]:
    """``(code, label)`` of every export profile, the default (涉密) first."""
    return [(p.code, tr(p.label_zh)) for p in PROFILES.values()]


class ExportFlow(QObject):
    #: ``True`` while an export runs (the window disables the action and shows a message).
    busyChanged = Signal(bool)
    #: Emitted with the :class:`SavedExport` once the file is written.
    exported = Signal(object)

    def __init__(
        self,
        worker: VaultWorker,
        file_dialogs: FileDialogs,
        notices: Notices,
        window: QWidget,
    ) -> None:
        super().__init__(window)
        self._worker = worker
        self._file_dialogs = file_dialogs
        self._notices = notices
        self._window = window
        self._busy = False
        self._folder: Path | None = None

    @property
    def is_busy(self) -> bool:
        return self._busy

    def start(self, official: Official) -> None:
        if self._busy:
            return
        code = self._file_dialogs.export_profile(self._window, profile_choices())
        if code is None or code not in PROFILES:
            return
        folder = self._folder or documents_folder()
        path = self._file_dialogs.save_pdf_path(
            self._window, folder / suggested_file_name(official, PROFILES[code])
        )
        if path is None:
            return
        self._folder = path.parent
        official_id = official.id
        self._set_busy(True)
        self._worker.submit(
            lambda session: save_signed_dossier(session, official_id, path, profile=code),
            self._done,
            self._failed,
        )

    def _done(self, saved: SavedExport) -> None:
        self._set_busy(False)
        self.exported.emit(saved)
        self._notices.info(
            self._window,
            tr("导出完成"),
            tr("已导出签章PDF。\n文号:{number}\n文件:{path}").format(
                number=saved.document_number, path=saved.path
            ),
        )

    def _failed(self, error: UserError) -> None:
        self._set_busy(False)
        self._notices.error(self._window, tr("导出失败"), message_for(error))

    def _set_busy(self, busy: bool) -> None:
        if busy == self._busy:
            return
        self._busy = busy
        if busy:
            QGuiApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
        else:
            QGuiApplication.restoreOverrideCursor()
        self.busyChanged.emit(busy)

    def abandon(self) -> None:
        """Stop waiting for a running export (the window is being locked).

        The worker finishes the job in order before it closes the session; only its
        result is no longer shown.
        """
        self._set_busy(False)

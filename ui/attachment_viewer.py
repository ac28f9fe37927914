"""Showing an attachment inside the app, from memory only.

Images go through ``QPixmap.loadFromData``; PDFs through QtPdf, loaded from a ``QBuffer``
over the bytes — no temporary file is ever written (ARCHITECTURE §2: previews render from
memory). 另存为… is the one way to put the original on disk, and it is the audited export
(:func:`exports.attachment_export.save_attachment`) run on the vault worker.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from exports.attachment_export import SavedAttachment, save_attachment
from records.attachment_types import media_type
from records.services.attachments import Attachment
from ui.error_messages import UserError, message_for
from ui.file_dialogs import FileDialogs, documents_folder
from ui.i18n import tr
from ui.notices import Notices
from ui.vault_worker import VaultWorker


class AttachmentViewer(QDialog):
    #: Emitted with the :class:`SavedAttachment` after 另存为… wrote the file.
    saved = Signal(object)

    def __init__(
        self,
        attachment: Attachment,
        content: bytes,
        worker: VaultWorker,
        file_dialogs: FileDialogs,
        notices: Notices,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._attachment = attachment
        self._worker = worker
        self._file_dialogs = file_dialogs
        self._notices = notices
        self.setWindowTitle(tr("附件:{name}").format(name=attachment.file_name))
        self.resize(820, 900)
        layout = QVBoxLayout(self)
        info = QLabel(
            tr("{kind} · {size} 字节 · SHA-256 {sha}").format(
                kind=media_type(attachment.media_type).label_zh,
                size=attachment.size,
                sha=attachment.sha256,
            ),
            self,
        )
        info.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(info)

        self.image_label: QLabel | None = None
        self.pdf_document: QPdfDocument | None = None
        self.pdf_view: QPdfView | None = None
        self._buffer: QBuffer | None = None
        if media_type(attachment.media_type).is_image:
            layout.addWidget(self._image_area(content), 1)
        else:
            layout.addWidget(self._pdf_area(content), 1)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.save_button = QPushButton(tr("另存为…"), self)
        self.save_button.setToolTip(tr("将原件保存到本机(记入审计日志)"))
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.save_button.clicked.connect(self.save_as)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.finished.connect(self._forget)

    # ---- rendering ---------------------------------------------------------------------

    def _image_area(self, content: bytes) -> QWidget:
        pixmap = QPixmap()
        label = QLabel(self)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        if pixmap.loadFromData(content):
            label.setPixmap(pixmap)
        else:
            label.setText(tr("无法显示该图片"))
        self.image_label = label
        area = QScrollArea(self)
        area.setWidgetResizable(True)
        area.setWidget(label)
        return area

    def _pdf_area(self, content: bytes) -> QWidget:
        # The buffer owns a copy of the bytes in memory; QPdfDocument reads from it.
        buffer = QBuffer(self)
        buffer.setData(QByteArray(content))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        document = QPdfDocument(self)
        document.load(buffer)
        view = QPdfView(self)
        view.setPageMode(QPdfView.PageMode.MultiPage)
        view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        view.setDocument(document)
        self._buffer, self.pdf_document, self.pdf_view = buffer, document, view
        return view

    def _forget(self, _result: int) -> None:
        """Drop the decrypted content when the dialog closes."""
        if self.pdf_view is not None:
            self.pdf_view.setDocument(None)  # type: ignore[arg-type]
        if self.pdf_document is not None:
            self.pdf_document.close()
        if self._buffer is not None:
            self._buffer.close()
            self._buffer.setData(QByteArray())
        if self.image_label is not None:
            self.image_label.clear()

    # ---- 另存为… -------------------------------------------------------------------------

    def save_as(self) -> None:
        attachment = self._attachment
        suffix = Path(attachment.file_name).suffix.lower() or ".bin"
        path = self._file_dialogs.save_path(
            self,
            tr("另存附件原件"),
            documents_folder() / attachment.file_name,
            tr("原格式 (*{suffix})").format(suffix=suffix),
            suffix,
        )
        if path is None:
            return
        attachment_id = attachment.id
        self.save_button.setEnabled(False)
        self._worker.submit(
            lambda session: save_attachment(session, attachment_id, path),
            self._saved,
            self._failed,
        )

    def _saved(self, saved: SavedAttachment) -> None:
        self.save_button.setEnabled(True)
        self.saved.emit(saved)
        self._notices.info(
            self, tr("已另存"), tr("已保存原件(已记入审计日志):\n{path}").format(path=saved.path)
        )

    def _failed(self, error: UserError) -> None:
        self.save_button.setEnabled(True)
        self._notices.error(self, tr("另存失败"), message_for(error))

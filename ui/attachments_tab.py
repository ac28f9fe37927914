"""The 附件 tab of a dossier: the list, the viewer on double-click, 添加附件… for clerks.

It also fetches the official's photo (the dossier header shows it): both come in one job
right after the dossier is shown. :meth:`AttachmentsTab.clear` forgets everything (lock).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from records.attachment_types import media_type
from records.model import User
from records.roles import Action, may
from records.services.attachments import Attachment, AttachmentService
from records.session import Session
from ui.attachment_files import read_for_attachment
from ui.attachment_viewer import AttachmentViewer
from ui.error_messages import UserError, message_for
from ui.file_dialogs import FileDialogs, documents_folder
from ui.i18n import tr
from ui.notices import Notices
from ui.row_table_model import Column, RowTableModel
from ui.vault_worker import VaultWorker

#: Shown instead of a clue scan's name to readers outside need-to-know.
HIDDEN_NAME_ZH = "(仅承办人和审核员可见)"


def size_text(size: int) -> str:
    return f"{size / 1024:.1f} KB" if size < 1024 * 1024 else f"{size / 1024 / 1024:.1f} MB"


def _name(attachment: Attachment) -> str:
    if attachment.content_hidden:
        return tr(HIDDEN_NAME_ZH)
    name = attachment.file_name
    if attachment.purpose == "photo":
        name += tr("(照片)")
    if attachment.withdrawn:
        name += tr("(已撤回:{reason})").format(reason=attachment.withdraw_reason)
    return name


COLUMNS = (
    Column("文件名", _name),
    Column("类型", lambda a: media_type(a.media_type).label_zh),
    Column("大小", lambda a: size_text(a.size)),
    Column("SHA-256 前12位", lambda a: a.sha256[:12]),
    Column("添加人", lambda a: a.added_by),
    Column("时间", lambda a: a.added_at.strftime("%Y-%m-%d %H:%M")),
)


def _load(session: Session, official_id: int) -> tuple[list[Attachment], bytes | None]:
    service = AttachmentService(session)
    photo = service.photo(official_id)
    return service.list(official_id), None if photo is None else photo[1]


def _add_from_file(session: Session, official_id: int, path: Path) -> Attachment:
    service = AttachmentService(session)
    name, content = read_for_attachment(path, service.max_mb())
    return service.add(official_id, name, content)


class AttachmentsTab(QWidget):
    #: The official's photo bytes, or ``None`` (no photo, or cleared).
    photoLoaded = Signal(object)
    #: A viewer opened (tests wait on it).
    viewerOpened = Signal(object)
    #: A short report for the window's status bar.
    message = Signal(str)

    def __init__(
        self,
        worker: VaultWorker,
        user: User,
        file_dialogs: FileDialogs,
        notices: Notices,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._worker = worker
        self._file_dialogs = file_dialogs
        self._notices = notices
        self._official_id: int | None = None
        self._sequence = 0
        from ui.dossier_view import make_table  # the shared table look (avoids an import cycle)

        self.model = RowTableModel([Column(tr(c.title), c.text) for c in COLUMNS], self)
        self.table = make_table(self, self.model, stretch_column=0)
        self.table.doubleClicked.connect(self._open_row)
        self.add_button = QPushButton(tr("添加附件…"), self)
        self.add_button.setVisible(may(user.roles, Action.ATTACHMENT_ADD))
        self.add_button.clicked.connect(self.add_attachment)
        self.open_button = QPushButton(tr("查看"), self)
        self.open_button.clicked.connect(lambda: self._open_row(self.table.currentIndex()))
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(self.table)

    # ---- panel protocol (DossierView) ------------------------------------------------

    def show_official(self, official_id: int) -> None:
        self._official_id = official_id
        self._sequence += 1
        sequence = self._sequence
        self._worker.submit(
            lambda session: _load(session, official_id),
            lambda result: self._loaded(sequence, result),
            lambda error: self._failed_load(sequence, error),
        )

    def clear(self) -> None:
        self._sequence += 1
        self._official_id = None
        self.model.clear()
        self.photoLoaded.emit(None)

    # ---- results ---------------------------------------------------------------------

    def _loaded(self, sequence: int, result: tuple[list[Attachment], bytes | None]) -> None:
        if sequence != self._sequence:
            return
        attachments, photo = result
        self.model.set_rows(attachments)
        self.photoLoaded.emit(photo)

    def _failed_load(self, sequence: int, error: UserError) -> None:
        if sequence == self._sequence:
            self.model.clear()
            self.message.emit(message_for(error))

    # ---- viewing ---------------------------------------------------------------------

    def _open_row(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        self.open_attachment(self.model.row_at(index.row()))

    def open_attachment(self, attachment: Attachment) -> None:
        """Read the content (an audited read, on the worker) and show it in the viewer."""
        if attachment.content_hidden:
            self._notices.error(self, tr("无法查看"), tr("该附件属于问题线索,仅承办人和审核员可见"))
            return
        attachment_id = attachment.id
        self._worker.submit(
            lambda session: AttachmentService(session).content(attachment_id),
            lambda content: self._show_viewer(attachment, content),
            lambda error: self._notices.error(self, tr("无法查看附件"), message_for(error)),
        )

    def _show_viewer(self, attachment: Attachment, content: bytes) -> None:
        viewer = AttachmentViewer(
            attachment, content, self._worker, self._file_dialogs, self._notices, self
        )
        viewer.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        viewer.open()
        self.viewerOpened.emit(viewer)

    # ---- adding ----------------------------------------------------------------------

    def add_attachment(self) -> None:
        official_id = self._official_id
        if official_id is None:
            return
        path = self._file_dialogs.open_file(
            self,
            tr("添加附件"),
            documents_folder(),
            tr("扫描件或照片 (*.pdf *.jpg *.jpeg *.png)"),
        )
        if path is None:
            return
        self._worker.submit(
            lambda session: _add_from_file(session, official_id, path),
            self._added,
            lambda error: self._notices.error(self, tr("未能添加附件"), message_for(error)),
        )

    def _added(self, attachment: Attachment) -> None:
        self.message.emit(tr("已添加附件:{name}").format(name=attachment.file_name))
        if self._official_id is not None:
            self.show_official(self._official_id)

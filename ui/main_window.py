"""The main window: official list and search on the left, the selected dossier on the right.

Every action is a thin wrapper over one service call on the vault worker; after it, the
window reloads what changed from the vault rather than patching its own copy.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QDialog, QLabel, QMainWindow, QSplitter, QWidget

from records.model import Dossier, Official, User
from records.roles import ADMINISTRATOR_ROLES, Action, may
from records.services.officials import OfficialService
from ui.dossier_view import FAMILY_TAB, RECORDS_TAB, DossierView
from ui.error_messages import UserError, message_for
from ui.export_flow import ExportFlow
from ui.family_dialog import FamilyMemberDialog
from ui.file_dialogs import FileDialogs
from ui.i18n import tr
from ui.main_actions import create_actions
from ui.notices import Notices
from ui.official_dialog import OfficialDialog
from ui.official_search_panel import OfficialSearchPanel
from ui.password_dialogs import open_change_password
from ui.record_dialog import RecordDialog
from ui.resume_point import ResumePoint
from ui.service_form_dialog import ServiceFormDialog
from ui.vault_worker import VaultWorker

WINDOW_TITLE = "廉档 — 电子廉政档案"


class MainWindow(QMainWindow):
    #: The user asked to lock: the owner closes the session and shows the unlock dialog.
    lockRequested = Signal()
    #: The window was closed by the user (the application should end).
    closed = Signal()
    #: A dossier is on screen (its official's id); tests and the screenshot wait on it.
    dossierShown = Signal(int)
    #: 系统管理… (an account that also holds an administrator role): the owner opens the
    #: administration window beside this one.
    administrationRequested = Signal()

    def __init__(
        self,
        worker: VaultWorker,
        user: User,
        *,
        file_dialogs: FileDialogs | None = None,
        notices: Notices | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._worker = worker
        self._user = user
        self._notices = notices or Notices()
        self._dossier_sequence = 0
        self._tab_after_load: int | None = None
        #: Where the user was when they (or the idle timer) locked; read by the owner.
        self.resume_point: ResumePoint | None = None
        self.setWindowTitle(tr(WINDOW_TITLE))
        self.menu_actions = create_actions(self)

        self.search = OfficialSearchPanel(worker, self)
        self.dossier_view = DossierView(self)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.search)
        splitter.addWidget(self.dossier_view)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([500, 760])
        self.setCentralWidget(splitter)

        self.user_label = QLabel(
            tr("当前用户:{name}({role})").format(
                name=user.display_name or user.name, role=user.roles_label_zh
            ),
            self,
        )
        self.statusBar().addPermanentWidget(self.user_label)

        self.export_flow = ExportFlow(worker, file_dialogs or FileDialogs(), self._notices, self)
        self.export_flow.busyChanged.connect(self._export_busy)

        self.menu_actions.new_official.triggered.connect(self.new_official)
        self.menu_actions.add_record.triggered.connect(self.add_record)
        self.menu_actions.add_family.triggered.connect(self.add_family_member)
        self.menu_actions.export_pdf.triggered.connect(self.export_pdf)
        self.menu_actions.change_password.triggered.connect(
            lambda: open_change_password(worker, self._notices, self)
        )
        administers = bool(user.roles & ADMINISTRATOR_ROLES)
        self.menu_actions.administration.setVisible(administers)
        self.menu_actions.administration.setEnabled(administers)
        self.menu_actions.administration.triggered.connect(self.administrationRequested)
        self.menu_actions.lock.triggered.connect(self.lock)
        self.menu_actions.quit.triggered.connect(self.close)
        self.search.officialSelected.connect(self._official_selected)
        self._update_actions()
        self.resize(1280, 800)
        self.search.refresh()

    @property
    def user(self) -> User:
        return self._user

    # ---- actions -------------------------------------------------------------------------

    def new_official(self) -> None:
        dialog = OfficialDialog(self._worker, self)
        dialog.saved.connect(self._official_added)
        self._open(dialog)

    def add_record(self) -> None:
        official = self.dossier_view.current_official()
        if official is None:
            return
        dialog = RecordDialog(self._worker, official, self)
        dialog.saved.connect(lambda _record: self._dossier_changed(RECORDS_TAB, tr("已登记记录")))
        self._open(dialog)

    def add_family_member(self) -> None:
        official = self.dossier_view.current_official()
        if official is None:
            return
        dialog = FamilyMemberDialog(self._worker, official, self)
        dialog.saved.connect(
            lambda _member: self._dossier_changed(FAMILY_TAB, tr("已添加家庭成员"))
        )
        self._open(dialog)

    def export_pdf(self) -> None:
        official = self.dossier_view.current_official()
        if official is not None:
            self.export_flow.start(official)

    def lock(self) -> None:
        # Taken before the data is cleared: the search text and an id, no dossier content.
        self.resume_point = ResumePoint.capture(self)
        self.clear_data()
        self.lockRequested.emit()

    def clear_data(self) -> None:
        """Remove every piece of dossier data from the window (and close its dialogs)."""
        for dialog in self.findChildren(QDialog):
            # done() rather than reject(): a form dialog refuses reject() while saving.
            QDialog.done(dialog, QDialog.DialogCode.Rejected)
            dialog.deleteLater()
        self._dossier_sequence += 1
        self.export_flow.abandon()
        self.search.clear()
        self.dossier_view.clear()
        self.statusBar().clearMessage()
        self._update_actions()

    def load_dossier(self, official_id: int) -> None:
        """Read the dossier from the vault (an audited read) and show it."""
        self._dossier_sequence += 1
        sequence = self._dossier_sequence
        self.statusBar().showMessage(tr("正在打开档案…"))
        self._worker.submit(
            lambda session: OfficialService(session).dossier(official_id),
            lambda dossier: self._show_dossier(sequence, dossier),
            lambda error: self._dossier_failed(sequence, error),
        )

    # ---- results -------------------------------------------------------------------------

    def _official_selected(self, official: Official | None) -> None:
        if official is None:
            self._dossier_sequence += 1
            self.dossier_view.clear()
            self._update_actions()
        elif official.id != self.dossier_view.current_official_id():
            # A refreshed list re-selects the same person: no second (audited) read then.
            self.load_dossier(official.id)

    def _show_dossier(self, sequence: int, dossier: Dossier) -> None:
        if sequence != self._dossier_sequence:
            return  # the user has moved on to another official
        self.dossier_view.show_dossier(dossier)
        if self._tab_after_load is not None:
            self.dossier_view.tabs.setCurrentIndex(self._tab_after_load)
            self._tab_after_load = None
        else:
            self.statusBar().clearMessage()
        self._update_actions()
        self.dossierShown.emit(dossier.official.id)

    def _dossier_failed(self, sequence: int, error: UserError) -> None:
        if sequence != self._dossier_sequence:
            return
        self.dossier_view.clear()
        self._update_actions()
        self.statusBar().showMessage(message_for(error))

    def _official_added(self, official: Official) -> None:
        self.statusBar().showMessage(tr("已新建档案:{name}").format(name=official.name), 5000)
        # The new person must be visible even if the current search would hide them.
        self.search.clear()
        self.search.refresh(select_id=official.id)

    def _dossier_changed(self, tab: int, message: str) -> None:
        official_id = self.dossier_view.current_official_id()
        if official_id is None:
            return
        self.statusBar().showMessage(message, 5000)
        self._tab_after_load = tab  # show the user where the new entry went
        self.load_dossier(official_id)

    def _export_busy(self, busy: bool) -> None:
        if busy:
            self.statusBar().showMessage(tr("正在生成并签章PDF…"))
        else:
            self.statusBar().clearMessage()
        self._update_actions()

    # ---- state ---------------------------------------------------------------------------

    def _open(self, dialog: ServiceFormDialog) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def _update_actions(self) -> None:
        role = self._user.roles
        has_dossier = not self.dossier_view.is_empty()
        self.menu_actions.new_official.setEnabled(may(role, Action.OFFICIAL_ADD))
        self.menu_actions.add_record.setEnabled(has_dossier and may(role, Action.RECORD_ADD))
        self.menu_actions.add_family.setEnabled(has_dossier and may(role, Action.RECORD_ADD))
        self.menu_actions.export_pdf.setEnabled(
            has_dossier and may(role, Action.DOSSIER_EXPORT) and not self.export_flow.is_busy
        )

    def closeEvent(self, event: QCloseEvent) -> None:
        self.clear_data()
        super().closeEvent(event)
        self.closed.emit()

"""The main window: official list and search on the left, the selected dossier on the right.

Every action is a thin wrapper over one service call on the vault worker; after it, the
window reloads what changed from the vault rather than patching its own copy.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QDialog, QLabel, QMainWindow, QSplitter, QWidget

from records.model import Dossier, Official, Record, User
from records.roles import ADMINISTRATOR_ROLES, Action, may
from records.services.officials import OfficialService
from ui.attachments_tab import AttachmentsTab
from ui.check_screens import CheckScreens
from ui.dossier_view import FAMILY_TAB, RECORDS_TAB, DossierView
from ui.due_panel import DuePanel
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
from ui.positions_tab import PositionsTab
from ui.record_dialog import RecordDialog
from ui.record_history_dialog import RecordHistoryDialog
from ui.record_undo import RecordUndo
from ui.report_tab import ReportTab
from ui.resume_point import ResumePoint
from ui.vault_worker import VaultWorker
from ui.vetting_window import open_vetting_window
from ui.withdraw_dialog import WithdrawDialog

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
        self._record_after_load: int | None = None
        #: Where the user was when they (or the idle timer) locked; read by the owner.
        self.resume_point: ResumePoint | None = None
        self.setWindowTitle(tr(WINDOW_TITLE))
        # 撤消/重做 of record steps, this session's only: a window is built per unlock, and
        # locking clears it (clear_data).
        self.record_undo = RecordUndo(worker, self)
        self.menu_actions = create_actions(self, self.record_undo.stack)

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
        # Tabs that load their own part of the dossier (attachments with the photo, positions).
        self.attachments_tab = AttachmentsTab(
            worker, user, file_dialogs or FileDialogs(), self._notices, self
        )
        self.attachments_tab.photoLoaded.connect(self.dossier_view.show_photo)
        self.positions_tab = PositionsTab(worker, self)
        self.report_tab = ReportTab(worker, user, parent=self)
        for tab, title in (
            (self.attachments_tab, "附件"),
            (self.positions_tab, "任职经历"),
            (self.report_tab, "个人有关事项"),
        ):
            tab.message.connect(lambda text: self.statusBar().showMessage(text, 5000))
            self.dossier_view.add_panel(tab, tr(title))
        # 查核 tab, 能否作为考察对象 box, 随机抽查… (ui/check_screens.py).
        self.check_screens = CheckScreens(self, worker, user, self._notices)
        # The page shown when no dossier is selected: the deadline list (DOMAIN §4).
        self.due_panel = DuePanel(worker, user, self.dossier_view)
        self.due_panel.officialActivated.connect(self.show_official)
        self.dossier_view.placeholder.hide()
        self.dossier_view.removeWidget(self.dossier_view.placeholder)
        self.dossier_view.insertWidget(0, self.due_panel)
        self.dossier_view.setCurrentIndex(0)

        self.menu_actions.new_official.triggered.connect(self.new_official)
        self.menu_actions.add_record.triggered.connect(self.add_record)
        self.menu_actions.add_family.triggered.connect(self.add_family_member)
        self._connect_record_actions()
        self.menu_actions.export_pdf.triggered.connect(self.export_pdf)
        vets, dialogs = may(user.roles, Action.VETTING_READ), file_dialogs or FileDialogs()
        self.menu_actions.vetting.setVisible(vets)
        self.menu_actions.vetting.setEnabled(vets)
        self.menu_actions.vetting.triggered.connect(
            lambda: open_vetting_window(
                self, worker, user, file_dialogs=dialogs, notices=self._notices
            )
        )
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
        self.due_panel.refresh()

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
        section = self.dossier_view.current_section()
        if section:  # the clerk is looking at one type's section: file one of those
            dialog.set_type(section)
        dialog.saved.connect(self._record_added)
        self._open(dialog)

    def edit_record(self) -> None:
        official, record = self.dossier_view.current_official(), self.dossier_view.current_record()
        if official is None or record is None or not self.menu_actions.edit_record.isEnabled():
            return
        dialog = RecordDialog(self._worker, official, self, record=record)
        dialog.saved.connect(lambda after: self._record_edited(record, after))
        self._open(dialog)

    def withdraw_record(self) -> None:
        record = self.dossier_view.current_record()
        if record is None or not self.menu_actions.withdraw_record.isEnabled():
            return
        dialog = WithdrawDialog(self._worker, record, self)
        # Not pushed on the undo stack: nothing can reinstate a withdrawn record.
        dialog.saved.connect(
            lambda withdrawn: self._dossier_changed(RECORDS_TAB, tr("已撤销记录"), withdrawn.id)
        )
        self._open(dialog)

    def show_record_history(self) -> None:
        record = self.dossier_view.current_record()
        if record is not None and self.menu_actions.record_history.isEnabled():
            self._open(RecordHistoryDialog(self._worker, record, self))

    def focus_search(self) -> None:
        self.search.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.search_edit.selectAll()

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

    def show_official(self, official_id: int) -> None:
        """Open a dossier from elsewhere (the deadline list): the search is cleared so the
        official is in the list to select."""
        self.search.clear()
        self.search.refresh(select_id=official_id)

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
        self.record_undo.clear()
        self._record_after_load = None
        self.export_flow.abandon()
        self.search.clear()
        self.dossier_view.clear()
        self.due_panel.clear()
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
        if self._record_after_load is not None:
            self.dossier_view.select_record(self._record_after_load)
            self._record_after_load = None
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

    def _dossier_changed(self, tab: int, message: str, record_id: int | None = None) -> None:
        official_id = self.dossier_view.current_official_id()
        if official_id is None:
            return
        self.statusBar().showMessage(message, 5000)
        self._tab_after_load = tab  # show the user where the new entry went
        self._record_after_load = record_id
        self.load_dossier(official_id)

    # ---- records: edit, withdraw, undo ---------------------------------------------------

    def _connect_record_actions(self) -> None:
        actions = self.menu_actions
        actions.edit_record.triggered.connect(self.edit_record)
        actions.withdraw_record.triggered.connect(self.withdraw_record)
        actions.record_history.triggered.connect(self.show_record_history)
        actions.find.triggered.connect(self.focus_search)
        self.dossier_view.set_record_actions(
            [actions.edit_record, actions.withdraw_record, actions.record_history],
            withdraw=actions.withdraw_record,
        )
        records = self.dossier_view.records
        records.recordSelected.connect(lambda _record: self._update_actions())
        records.recordActivated.connect(lambda _record: self._record_activated())
        self.record_undo.applied.connect(self._step_applied)
        self.record_undo.failed.connect(self._step_failed)

    def _record_activated(self) -> None:
        # Double-click / Enter: a clerk corrects the record, anyone else reads its history.
        if self.menu_actions.edit_record.isEnabled():
            self.edit_record()
        else:
            self.show_record_history()

    def _record_added(self, record: Record) -> None:
        self.record_undo.record_added(record)
        self._dossier_changed(RECORDS_TAB, tr("已登记记录"), record.id)

    def _record_edited(self, before: Record, after: Record) -> None:
        # Undoable only if this edit directly followed the version on screen; otherwise a
        # version someone else made lies between, and undoing would silently drop it.
        if after.version == before.version + 1:
            self.record_undo.record_edited(before, after)
        message = tr("已修改记录(第{n}版)").format(n=after.version)
        self._dossier_changed(RECORDS_TAB, message, after.id)

    def _step_applied(self, record: Record, message: str) -> None:
        if record.official_id == self.dossier_view.current_official_id():
            self._dossier_changed(RECORDS_TAB, message, record.id)
            return
        # The step concerned another dossier: open it, so the user sees what changed.
        self.statusBar().showMessage(message, 5000)
        self._tab_after_load, self._record_after_load = RECORDS_TAB, record.id
        self.show_official(record.official_id)

    def _step_failed(self, message: str) -> None:
        self.statusBar().showMessage(message, 5000)
        self._notices.error(self, tr("撤消/重做"), message)

    def _export_busy(self, busy: bool) -> None:
        if busy:
            self.statusBar().showMessage(tr("正在生成并签章PDF…"))
        else:
            self.statusBar().clearMessage()
        self._update_actions()

    # ---- state ---------------------------------------------------------------------------

    def _open(self, dialog: QDialog) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def _update_actions(self) -> None:
        role = self._user.roles
        has_dossier = not self.dossier_view.is_empty()
        self.menu_actions.new_official.setEnabled(may(role, Action.OFFICIAL_ADD))
        self.menu_actions.add_record.setEnabled(has_dossier and may(role, Action.RECORD_ADD))
        self.menu_actions.add_family.setEnabled(has_dossier and may(role, Action.RECORD_ADD))
        record = self.dossier_view.current_record() if has_dossier else None
        # A withdrawn record is final; a clue the reader may not read is not theirs to change.
        changeable = record is not None and not record.withdrawn and not record.content_hidden
        self.menu_actions.edit_record.setEnabled(changeable and may(role, Action.RECORD_EDIT))
        self.menu_actions.withdraw_record.setEnabled(
            changeable and may(role, Action.RECORD_WITHDRAW)
        )
        self.menu_actions.record_history.setEnabled(
            record is not None and may(role, Action.RECORD_LIST)
        )
        self.menu_actions.export_pdf.setEnabled(
            has_dossier and may(role, Action.DOSSIER_EXPORT) and not self.export_flow.is_busy
        )

    def closeEvent(self, event: QCloseEvent) -> None:
        self.clear_data()
        super().closeEvent(event)
        self.closed.emit()

"""The administration window (系统管理) of the 三员: accounts, security, audit.

Opened instead of the dossier window for an account that holds only administrator roles
(and from the dossier window's 系统管理… for the rare account that holds both kinds). It
shows a tab per role — 账户 for the system administrator, 安全 for the security officer,
审计 for the security auditor — and no dossier content anywhere. Locking takes the same
path as the main window's: clear every widget, then the owner closes the session.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QDialog, QLabel, QMainWindow, QTabWidget, QWidget

from records.model import User
from records.roles import ADMINISTRATOR_ROLES, Role
from ui.accounts_panel import AccountsPanel
from ui.audit_view import AuditView
from ui.confirmations import Confirmations
from ui.file_dialogs import FileDialogs
from ui.i18n import tr
from ui.notices import Notices
from ui.password_dialogs import open_change_password
from ui.resume_point import AdminResumePoint
from ui.security_panel import SecurityPanel
from ui.vault_worker import VaultWorker

ADMIN_WINDOW_TITLE = "廉档 — 系统管理"

#: Tab keys (object names), stable across translations: the resume point keeps one.
ACCOUNTS_TAB = "accounts"
SECURITY_TAB = "security"
AUDIT_TAB = "audit"


def may_administer(user: User) -> bool:
    """Holds at least one of the 三员 roles."""
    return bool(user.roles & ADMINISTRATOR_ROLES)


def opens_admin_window(user: User) -> bool:
    """Administrator roles only: the administration window replaces the dossier window."""
    return may_administer(user) and not (user.roles - ADMINISTRATOR_ROLES)


class AdminWindow(QMainWindow):
    #: The user asked to lock: the owner closes the session and shows the unlock dialog.
    lockRequested = Signal()
    #: The window was closed by the user.
    closed = Signal()
    #: The security officer saved a policy change (the new :class:`SecurityPolicy`).
    policyChanged = Signal(object)

    def __init__(
        self,
        worker: VaultWorker,
        user: User,
        *,
        file_dialogs: FileDialogs | None = None,
        notices: Notices | None = None,
        confirmations: Confirmations | None = None,
        standalone: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        """:param standalone: the application's only window (closing it quits); ``False``
        when opened beside the dossier window."""
        super().__init__(parent)
        self._worker = worker
        self._user = user
        self._notices = notices or Notices()
        file_dialogs = file_dialogs or FileDialogs()
        confirmations = confirmations or Confirmations()
        #: Where the user was when they (or the idle timer) locked; read by the owner.
        self.resume_point: AdminResumePoint | None = None
        self.setWindowTitle(tr(ADMIN_WINDOW_TITLE))

        self.accounts_panel: AccountsPanel | None = None
        self.security_panel: SecurityPanel | None = None
        self.audit_view: AuditView | None = None
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        if Role.SYSADMIN in user.roles:
            self.accounts_panel = AccountsPanel(worker, user, self._notices, confirmations, self)
            self.accounts_panel.message.connect(self._report)
            self._add_tab(self.accounts_panel, ACCOUNTS_TAB, tr("账户"))
        if Role.SECADMIN in user.roles:
            self.security_panel = SecurityPanel(
                worker, file_dialogs, self._notices, confirmations, self
            )
            self.security_panel.message.connect(self._report)
            self.security_panel.policyChanged.connect(self.policyChanged)
            self._add_tab(self.security_panel, SECURITY_TAB, tr("安全"))
        if Role.AUDITOR in user.roles:
            self.audit_view = AuditView(worker, file_dialogs, self._notices, self)
            self._add_tab(self.audit_view, AUDIT_TAB, tr("审计"))
        if self.accounts_panel is not None and self.security_panel is not None:
            # One person holding both (small-unit policy) sees both lists stay in step.
            roles = self.security_panel.roles
            self.accounts_panel.accountChanged.connect(lambda _user: roles.refresh())
            roles.rolesChanged.connect(lambda _user: self._refresh_accounts())
        if self.tabs.count():
            self.setCentralWidget(self.tabs)
        else:
            self.setCentralWidget(QLabel(tr("此账户没有系统管理权限。"), self))

        self._create_actions(standalone)
        self.user_label = QLabel(
            tr("当前用户:{name}({role})").format(
                name=user.display_name or user.name,
                role="、".join(tr(role.label_zh) for role in Role if role in user.roles),
            ),
            self,
        )
        self.statusBar().addPermanentWidget(self.user_label)
        self.resize(1280, 800)
        self.refresh()

    @property
    def user(self) -> User:
        return self._user

    # ---- tabs ----------------------------------------------------------------------------

    def tab_keys(self) -> list[str]:
        widgets = (self.tabs.widget(index) for index in range(self.tabs.count()))
        return [widget.objectName() for widget in widgets if widget is not None]

    def current_tab(self) -> str | None:
        widget = self.tabs.currentWidget()
        return widget.objectName() if widget is not None else None

    def show_tab(self, key: str | None) -> bool:
        """Bring the tab ``key`` to the front; ``False`` if this window has no such tab."""
        for index, name in enumerate(self.tab_keys()):
            if name == key:
                self.tabs.setCurrentIndex(index)
                return True
        return False

    # ---- actions -------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read everything the tabs show (the audit listing is itself an audited read)."""
        self._refresh_accounts()
        if self.security_panel is not None:
            self.security_panel.refresh()
        if self.audit_view is not None:
            self.audit_view.refresh()

    def change_password(self) -> None:
        open_change_password(self._worker, self._notices, self)

    def lock(self) -> None:
        self.resume_point = AdminResumePoint.capture(self)
        self.clear_data()
        self.lockRequested.emit()

    def clear_data(self) -> None:
        """Remove every account, setting and audit entry from the window (and its dialogs)."""
        # Panels first: the keys box stops waiting for a rotation and closes its own
        # progress dialog, which must not be torn down underneath it.
        if self.accounts_panel is not None:
            self.accounts_panel.clear()
        if self.security_panel is not None:
            self.security_panel.clear()
        if self.audit_view is not None:
            self.audit_view.clear()
        for dialog in self.findChildren(QDialog):
            # done() rather than reject(): a form dialog refuses reject() while saving.
            QDialog.done(dialog, QDialog.DialogCode.Rejected)
            dialog.deleteLater()
        self.statusBar().clearMessage()

    # ---- plumbing ------------------------------------------------------------------------

    def _add_tab(self, widget: QWidget, key: str, title: str) -> None:
        widget.setObjectName(key)
        self.tabs.addTab(widget, title)

    def _refresh_accounts(self) -> None:
        if self.accounts_panel is not None:
            self.accounts_panel.refresh()

    def _report(self, text: str) -> None:
        self.statusBar().showMessage(text, 8000)

    def _create_actions(self, standalone: bool) -> None:
        self.change_password_action = QAction(tr("修改密码…"), self)
        self.lock_action = QAction(tr("锁定"), self)
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.lock_action.setToolTip(tr("锁定") + " (Ctrl+L)")
        self.quit_action = QAction(tr("退出") if standalone else tr("关闭窗口"), self)
        if standalone:
            self.quit_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Quit))
        self.change_password_action.triggered.connect(self.change_password)
        self.lock_action.triggered.connect(self.lock)
        self.quit_action.triggered.connect(self.close)

        menu = self.menuBar().addMenu(tr("系统(&S)"))
        menu.addAction(self.change_password_action)
        menu.addSeparator()
        menu.addAction(self.lock_action)
        menu.addSeparator()
        menu.addAction(self.quit_action)
        toolbar = self.addToolBar(tr("常用操作"))
        toolbar.setObjectName("admin_toolbar")
        toolbar.setMovable(False)
        toolbar.addAction(self.change_password_action)
        toolbar.addSeparator()
        toolbar.addAction(self.lock_action)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.clear_data()
        super().closeEvent(event)
        self.closed.emit()

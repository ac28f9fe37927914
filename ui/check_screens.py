"""The check screens of the main window, put in place and kept in step.

- 查核 — a tab of the dossier (:class:`ui.check_panel.ChecksPanel`);
- 能否作为考察对象 — a box beside the official's name (:class:`ui.eligibility_box.
  EligibilityBox`), assessed again whenever a check of the official changes, its cited
  records, relatives and checks links into the dossier's tabs;
- 随机抽查… — the dossier menu's action, for the clerk (:class:`ui.sampling_dialog.
  SamplingDialog`); a draw that picks the official on screen refreshes the 查核 tab.

Everything is a child of the window, so locking (which clears the dossier view and closes
the window's dialogs) clears these too.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal

from records.model import User
from records.report_check import SampleResult
from records.roles import Action, may
from ui.check_panel import ChecksPanel
from ui.confirmations import Confirmations
from ui.eligibility_box import EligibilityBox
from ui.eligibility_citations import CHECK, FAMILY_MEMBER, RECORD, parse_href
from ui.i18n import tr
from ui.notices import Notices
from ui.sampling_dialog import SamplingDialog
from ui.vault_worker import VaultWorker

if TYPE_CHECKING:
    from ui.main_window import MainWindow


class CheckScreens(QObject):
    #: 随机抽查 opened its dialog (tests answer it).
    samplingOpened = Signal(object)

    def __init__(
        self, window: MainWindow, worker: VaultWorker, user: User, notices: Notices
    ) -> None:
        super().__init__(window)
        self._window = window
        self._worker = worker
        #: Asks before consequential steps (完成查核, 抽取); tests put an answering one here.
        self.confirmations = Confirmations()
        view = window.dossier_view
        self.checks_panel = ChecksPanel(worker, user, notices, self.confirmations, window)
        self.checks_panel.message.connect(lambda text: window.statusBar().showMessage(text, 5000))
        view.add_panel(self.checks_panel, tr("查核"))
        self.eligibility = EligibilityBox(worker, window)
        view.add_header_panel(self.eligibility)
        self.checks_panel.checksChanged.connect(self._checks_changed)
        self.eligibility.citationActivated.connect(self.follow)

        action = window.menu_actions.sample_checks
        samples = may(user.roles, Action.CHECK_EDIT)
        action.setVisible(samples)
        action.setEnabled(samples)
        action.triggered.connect(self.open_sampling)

    def set_confirmations(self, confirmations: Confirmations) -> None:
        """Use ``confirmations`` for every question of these screens (the tests' seam)."""
        self.confirmations = confirmations
        self.checks_panel.confirmations = confirmations

    def open_sampling(self) -> SamplingDialog:
        dialog = SamplingDialog(self._worker, self.confirmations, self._window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.drawn.connect(self._drawn)
        dialog.open()
        self.samplingOpened.emit(dialog)
        return dialog

    def follow(self, href: str) -> None:
        """Show a cited object in its tab: a record in 记录, a relative, a check."""
        from ui.dossier_view import FAMILY_TAB, RECORDS_TAB  # the window imports this module

        target = parse_href(href)
        if target is None:
            return
        scheme, number = target
        view = self._window.dossier_view
        if scheme == RECORD:
            view.tabs.setCurrentIndex(RECORDS_TAB)
            view.select_record(number)
        elif scheme == FAMILY_MEMBER:
            view.tabs.setCurrentIndex(FAMILY_TAB)
            rows = view.family_model.rows()
            row = next((n for n, m in enumerate(rows) if m.id == number), None)
            if row is not None:
                view.family_table.selectRow(row)
        elif scheme == CHECK:
            view.tabs.setCurrentWidget(self.checks_panel)
            self.checks_panel.select_check(number)

    def _checks_changed(self, official_id: int) -> None:
        if official_id == self._window.dossier_view.current_official_id():
            self.eligibility.refresh()

    def _drawn(self, result: SampleResult) -> None:
        shown = self._window.dossier_view.current_official_id()
        if shown is not None and shown in result.drawn:
            self.checks_panel.reload()

"""The 个人有关事项 tab of a dossier: the annual personal-matters reports and their changes.

Top: the official's reports by year (草稿 / 已报告, when reported, on time or late against
1月31日, change reports). Below: the chosen report's items grouped 家事 / 家产 (from its
schema version) and the chosen item — 无此类情况 or its entries, editable while the report
is a draft. 开始年度报告… starts a year (pre-filled from the last submitted report unless
the clerk says not to); 提交报告… fixes it; on the latest submitted report, a 家事 item
takes a 事项变化报告, and a change report filed in error is withdrawn (撤销…, with a
reason: it stays listed, marked 已撤销). Every step is one service call on the vault
worker; the tab then shows what the service returned. :meth:`ReportTab.clear` forgets
everything (lock).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from records.annual_report import AnnualReport, ChangeReport, ReportStatus
from records.model import User
from records.report_schema import ReportSchema
from records.roles import Action, may
from records.services.annual_reports import AnnualReportService
from records.session import Session
from ui.change_report_dialog import ChangeReportDialog
from ui.change_withdraw_dialog import ChangeWithdrawDialog
from ui.confirmations import Confirmations
from ui.display_text import EMPTY, date_text
from ui.error_messages import UserError, message_for
from ui.i18n import tr
from ui.report_display import changes_text, report_timeliness
from ui.report_item_panel import ReportItemPanel
from ui.report_item_tree import ReportItemTree
from ui.report_year_dialogs import StartReportDialog, SubmitReportDialog
from ui.row_table_model import Column, RowTableModel
from ui.vault_worker import VaultWorker


@dataclass(frozen=True)
class ReportsOnFile:
    """What one load brings: the reports (newest year first), the schema of each version
    they use plus the newest one, and the session's today (lateness depends on it)."""

    official_id: int
    reports: tuple[AnnualReport, ...]
    schemas: Mapping[str, ReportSchema]
    today: date


def load_reports(session: Session, official_id: int) -> ReportsOnFile:
    service = AnnualReportService(session)
    reports = tuple(service.for_official(official_id))
    newest = service.schema()
    schemas = {newest.version: newest} | {
        v: service.schema(v) for v in {r.schema_version for r in reports}
    }
    return ReportsOnFile(official_id, reports, schemas, session.now().date())


def latest_submitted(reports: Sequence[AnnualReport]) -> AnnualReport | None:
    """The report a change report attaches to (the service's rule: the latest year)."""
    submitted = [r for r in reports if r.status is ReportStatus.SUBMITTED]
    return max(submitted, key=lambda r: r.year, default=None)


class ReportTab(QWidget):
    #: The reports on screen changed (tests wait on it).
    loaded = Signal(object)
    #: A dialog of this tab opened (tests answer it).
    dialogOpened = Signal(object)
    #: A short report for the window's status bar.
    message = Signal(str)

    def __init__(
        self,
        worker: VaultWorker,
        user: User,
        confirmations: Confirmations | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._worker = worker
        self._may_edit = may(user.roles, Action.REPORT_EDIT)
        self._may_withdraw = may(user.roles, Action.REPORT_CHANGE_WITHDRAW)
        self._official_id: int | None = None
        self._data: ReportsOnFile | None = None
        self._sequence = 0
        self._after_load: tuple[int | None, str | None] = (None, None)
        from ui.dossier_view import make_table  # the shared table look (avoids an import cycle)

        self.start_button = QPushButton(tr("开始年度报告…"), self)
        self.start_button.setObjectName("report_start")
        self.start_button.clicked.connect(self.start_report)
        self.submit_button = QPushButton(tr("提交报告…"), self)
        self.submit_button.setObjectName("report_submit")
        self.submit_button.clicked.connect(self.submit_report)
        for button in (self.start_button, self.submit_button):
            button.setVisible(self._may_edit)
        buttons = QHBoxLayout()
        buttons.addWidget(self.start_button)
        buttons.addWidget(self.submit_button)
        buttons.addStretch(1)

        self.model = RowTableModel(
            [
                Column(tr("报告年度"), lambda r: tr("{year}年度").format(year=r.year)),
                Column(tr("状态"), lambda r: tr(r.status.label_zh)),
                Column(tr("报告日期"), lambda r: date_text(r.submitted_date)),
                Column(tr("应报日期"), lambda r: date_text(r.due_date)),
                Column(tr("时限"), self._timeliness),
                Column(tr("预填自"), self._prefilled_text),
                Column(tr("事项变化报告"), lambda r: changes_text(r) or EMPTY),
            ],
            self,
        )
        sections = QSplitter(Qt.Orientation.Vertical, self)
        sections.setChildrenCollapsible(False)
        self.table = make_table(sections, self.model)
        self.table.setObjectName("report_table")
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._report_chosen())

        detail = QWidget(sections)
        detail_layout = QVBoxLayout(detail)
        detail_layout.setContentsMargins(0, 0, 0, 0)
        self.heading = QLabel(detail)
        self.heading.setObjectName("report_heading")
        self.heading.setStyleSheet("font-weight: bold;")
        detail_layout.addWidget(self.heading)
        items_split = QSplitter(Qt.Orientation.Horizontal, detail)
        items_split.setChildrenCollapsible(False)
        self.items = ReportItemTree(items_split)
        self.items.itemChosen.connect(lambda _code: self._show_item())
        self.item_panel = ReportItemPanel(worker, confirmations or Confirmations(), items_split)
        self.item_panel.reportChanged.connect(self._report_saved)
        self.item_panel.changeRequested.connect(self.file_change)
        self.item_panel.changeWithdrawRequested.connect(self.withdraw_change)
        self.item_panel.dialogOpened.connect(self.dialogOpened)
        items_split.addWidget(self.items)
        items_split.addWidget(self.item_panel)
        items_split.setStretchFactor(1, 1)
        items_split.setSizes([340, 560])
        detail_layout.addWidget(items_split, 1)
        sections.addWidget(self.table)
        sections.addWidget(detail)
        sections.setStretchFactor(1, 1)
        sections.setSizes([120, 420])

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(sections, 1)
        self.clear()

    # ---- panel protocol (DossierView) ----------------------------------------------------

    def show_official(self, official_id: int) -> None:
        if official_id != self._official_id:
            self._after_load = (None, None)
            # Another dossier: nothing of the last one may stay on screen while loading.
            self._data = None
            self.model.clear()
            self._show_report(None)
            self._update_buttons()
        self._official_id = official_id
        self._reload()

    def clear(self) -> None:
        self._sequence += 1
        self._official_id = None
        self._data = None
        self._after_load = (None, None)
        self.model.clear()
        self._show_report(None)
        self._update_buttons()

    # ---- reading -------------------------------------------------------------------------

    def reports(self) -> tuple[AnnualReport, ...]:
        return () if self._data is None else self._data.reports

    def current_report(self) -> AnnualReport | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def select_report(self, report_id: int) -> bool:
        for row, report in enumerate(self.model.rows()):
            if report.id == report_id:
                self.table.selectRow(row)
                return True
        return False

    def select_item(self, code: str) -> bool:
        return self.items.select(code)

    # ---- actions -------------------------------------------------------------------------

    def start_report(self) -> None:
        data = self._data
        if data is None or not self._may_edit:
            return
        dialog = StartReportDialog(self._worker, data.official_id, data.reports, data.today, self)
        dialog.saved.connect(self._report_saved)
        self._open(dialog)

    def submit_report(self) -> None:
        report, data = self.current_report(), self._data
        if report is None or data is None or report.status is not ReportStatus.DRAFT:
            return
        dialog = SubmitReportDialog(
            self._worker, report, data.schemas[report.schema_version], data.today, self
        )
        dialog.saved.connect(self._report_saved)
        self._open(dialog)

    def file_change(self, code: str) -> None:
        report, data = self.current_report(), self._data
        if report is None or data is None or not self._may_change(report):
            return
        item = data.schemas[report.schema_version].item(code)
        if item is None or not item.change_report:
            return
        dialog = ChangeReportDialog(self._worker, report, item, data.today, self)
        dialog.dialogOpened.connect(self.dialogOpened)
        dialog.saved.connect(lambda _change: self._changed(report.id, code))
        self._open(dialog)

    def withdraw_change(self, change: ChangeReport) -> None:
        report, data = self.current_report(), self._data
        if report is None or data is None or not self._may_withdraw or change.withdrawn:
            return
        item = data.schemas[report.schema_version].item(change.item_code)
        if item is None or change.report_id != report.id:
            return
        dialog = ChangeWithdrawDialog(self._worker, change, item, self)
        dialog.saved.connect(lambda withdrawn: self._change_withdrawn(report.id, withdrawn))
        self._open(dialog)

    # ---- results -------------------------------------------------------------------------

    def _reload(self) -> None:
        official_id = self._official_id
        if official_id is None:
            return
        self._sequence += 1
        sequence = self._sequence
        self._worker.submit(
            lambda session: load_reports(session, official_id),
            lambda data: self._loaded(sequence, data),
            lambda error: self._failed(sequence, error),
        )

    def _loaded(self, sequence: int, data: ReportsOnFile) -> None:
        if sequence != self._sequence:
            return
        report_id, code = self._after_load
        if report_id is None:
            current = self.current_report()
            report_id = None if current is None else current.id
        self._after_load = (None, None)
        self._show_data(data, report_id, code)
        self.loaded.emit(data.reports)

    def _failed(self, sequence: int, error: UserError) -> None:
        if sequence == self._sequence:
            self._data = None
            self.model.clear()
            self._show_report(None)
            self._update_buttons()
            self.message.emit(message_for(error))

    def _report_saved(self, report: AnnualReport) -> None:
        """A step returned the whole report: put it in place of the one shown."""
        data = self._data
        if data is None or report.official_id != data.official_id:
            return  # the clerk moved on to another dossier meanwhile
        if report.schema_version not in data.schemas:
            self._after_load = (report.id, self.items.current_code() or None)
            self._reload()
            return
        others = [r for r in data.reports if r.id != report.id]
        reports = tuple(sorted([*others, report], key=lambda r: r.year, reverse=True))
        fresh = ReportsOnFile(data.official_id, reports, data.schemas, data.today)
        self._show_data(fresh, report.id, self.items.current_code() or None)
        self.loaded.emit(fresh.reports)

    def _changed(self, report_id: int, code: str) -> None:
        # add_change returns the change alone: read the report again, staying on the item.
        self.message.emit(tr("已登记事项变化报告"))
        self._after_load = (report_id, code)
        self._reload()

    def _change_withdrawn(self, report_id: int, change: ChangeReport) -> None:
        # Not undoable (nothing reinstates it): read the report again, on the same item.
        self.message.emit(tr("已撤销事项变化报告"))
        self._after_load = (report_id, change.item_code)
        self._reload()

    # ---- showing -------------------------------------------------------------------------

    def _show_data(self, data: ReportsOnFile, report_id: int | None, code: str | None) -> None:
        self._data = data
        self.table.selectionModel().blockSignals(True)
        self.model.set_rows(data.reports)
        self.table.selectionModel().blockSignals(False)
        if not (report_id is not None and self.select_report(report_id)) and data.reports:
            self.table.selectRow(0)
        self._report_chosen(code)

    def _report_chosen(self, code: str | None = None) -> None:
        self._show_report(self.current_report(), code)
        self._update_buttons()

    def _show_report(self, report: AnnualReport | None, code: str | None = None) -> None:
        data = self._data
        if report is None or data is None:
            self.heading.setText(tr("尚无个人有关事项报告") if data is not None else "")
            self.items.clear()
            self.item_panel.clear()
            return
        schema = data.schemas[report.schema_version]
        parts = [
            tr("{year}年度个人有关事项报告").format(year=report.year),
            tr(report.status.label_zh),
            report_timeliness(report, data.today),
            tr("事项版本{version}").format(version=schema.version),
        ]
        if report.status is ReportStatus.SUBMITTED:
            parts.insert(2, tr("{day}报告,不能再修改").format(day=date_text(report.submitted_date)))
        self.heading.setText("  ·  ".join(parts))
        self.items.show_report(report, schema, prefer=code)

    def _show_item(self) -> None:
        report, data, code = self.current_report(), self._data, self.items.current_code()
        item = None
        if report is not None and data is not None and code:
            item = data.schemas[report.schema_version].item(code)
        if report is None or item is None:
            self.item_panel.clear()
            return
        self.item_panel.show_item(
            report,
            item,
            may_edit=self._may_edit,
            may_file_change=self._may_change(report),
            may_withdraw_change=self._may_withdraw and report.status is ReportStatus.SUBMITTED,
        )

    def _update_buttons(self) -> None:
        report = self.current_report()
        self.start_button.setEnabled(self._data is not None)
        self.submit_button.setEnabled(report is not None and report.status is ReportStatus.DRAFT)

    def _may_change(self, report: AnnualReport) -> bool:
        latest = latest_submitted(self.reports())
        return self._may_edit and latest is not None and latest.id == report.id

    def _timeliness(self, report: AnnualReport) -> str:
        return "" if self._data is None else report_timeliness(report, self._data.today)

    def _prefilled_text(self, report: AnnualReport) -> str:
        if report.prefilled_from is None:
            return EMPTY
        source = next((r for r in self.reports() if r.id == report.prefilled_from), None)
        return tr("{year}年度").format(year=source.year) if source else str(report.prefilled_from)

    def _open(self, dialog: QDialog) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.dialogOpened.emit(dialog)

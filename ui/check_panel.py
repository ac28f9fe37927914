"""The 查核 tab of a dossier: the official's checks, and the selected check item by item.

Above, every check (year, kind, status, how many items came out 一致 / 漏报 / 瞒报, the
handling); below, the selected check's report items with what was declared beside what was
verified, and the finding with its reason. The clerk opens checks, records verified facts
item by item, completes the check and records the handling; the vetting officer reads.
Every change is one ``CheckService`` call on the vault worker, and the tab shows the check
the service returned.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from records.annual_report import AnnualReport
from records.model import Dossier, Official, User
from records.report_check import Check, CheckStatus
from records.report_schema import ReportSchema
from records.roles import Action, may
from records.services.annual_reports import AnnualReportService
from records.services.checks import CheckService
from records.session import Session
from ui.check_decision_dialog import CheckDecisionDialog
from ui.check_item_dialog import CheckItemDialog
from ui.check_models import CheckItemModel, CheckListModel
from ui.check_new_dialog import CheckNewDialog
from ui.check_rows import CheckItemRow, item_rows
from ui.confirmations import Confirmations
from ui.display_text import date_text
from ui.error_messages import UserError, message_for
from ui.i18n import tr
from ui.notices import Notices
from ui.service_form_dialog import ServiceFormDialog
from ui.vault_worker import VaultWorker

#: What the item table needs besides the check: the report (declared facts of the items
#: not verified yet) and the schema version the report was filed under.
Detail = tuple[Check, AnnualReport, ReportSchema]


def load_detail(session: Session, check_id: int) -> Detail:
    check = CheckService(session).get(check_id)
    reports = AnnualReportService(session)
    report = reports.get(check.report_id)
    return check, report, reports.schema(report.schema_version)


def check_summary(check: Check) -> str:
    """The selected check on a few lines: how it came about, where it stands, its handling."""
    parts = [
        tr("{year}年度个人有关事项报告 · {kind} · {status}").format(
            year=check.year, kind=tr(check.kind.label_zh), status=tr(check.status.label_zh)
        ),
        tr("查核日期:{date}").format(date=date_text(check.opened_date)),
    ]
    if check.completed_date is not None:
        parts.append(tr("完成日期:{date}").format(date=date_text(check.completed_date)))
    if check.sample_seed is not None:
        parts.append(tr("随机种子:{seed}").format(seed=check.sample_seed))
    lines = ["  ".join(parts)]
    if check.reason:
        lines.append(tr("查核事由:{reason}").format(reason=check.reason))
    if check.decision is not None:
        decision = check.decision
        text = tr("处理决定:{handling}({date},{by})").format(
            handling=decision.text_zh, date=date_text(decision.decided_date), by=decision.decided_by
        )
        if decision.note:
            text += tr(" 说明:{note}").format(note=decision.note)
        lines.append(text)
    return "\n".join(lines)


class ChecksPanel(QWidget):
    #: The official's checks are on screen (the list).
    loaded = Signal(object)
    #: The selected check's items are on screen (the :class:`Check`, ``None`` when none).
    checkShown = Signal(object)
    #: A check of the official shown was opened or changed (eligibility depends on it).
    checksChanged = Signal(int)
    #: A dialog of the tab opened (tests answer it).
    dialogOpened = Signal(object)
    #: A short report for the window's status bar.
    message = Signal(str)

    def __init__(
        self,
        worker: VaultWorker,
        user: User,
        notices: Notices,
        confirmations: Confirmations,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._worker = worker
        self._notices = notices
        self.confirmations = confirmations
        self._editable = may(user.roles, Action.CHECK_EDIT)
        self._official: Official | None = None
        self._sequence = 0  # the list's loads; a stale result is dropped
        self._detail_sequence = 0
        self._detail: Detail | None = None
        self._select_after_load: int | None = None
        from ui.dossier_view import make_table  # the shared table look (avoids an import cycle)

        self.new_button = QPushButton(tr("新建查核…"), self)
        self.verify_button = QPushButton(tr("登记查实情况…"), self)
        self.verify_button.setToolTip(tr("登记所选报告事项的查实情况(也可双击该事项)"))
        self.reclassify_button = QPushButton(tr("重新比对"), self)
        self.reclassify_button.setToolTip(tr("按报告(含之后的事项变化报告)重新比对已登记的事项"))
        self.complete_button = QPushButton(tr("完成查核…"), self)
        self.decide_button = QPushButton(tr("处理决定…"), self)
        buttons = QHBoxLayout()
        for button in (
            self.new_button, self.verify_button, self.reclassify_button,
            self.complete_button, self.decide_button,
        ):  # fmt: skip
            button.setVisible(self._editable)
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.new_button.clicked.connect(self.new_check)
        self.verify_button.clicked.connect(self.verify_item)
        self.reclassify_button.clicked.connect(self.reclassify)
        self.complete_button.clicked.connect(self.complete)
        self.decide_button.clicked.connect(self.decide)

        self.model = CheckListModel(self)
        self.table = make_table(self, self.model, stretch_column=7)
        self.table.setObjectName("check_table")
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._check_selected())
        self.empty_label = QLabel(tr("尚无查核"), self)
        self.empty_label.setStyleSheet("color: #888;")

        detail = QWidget(self)
        self.summary = QLabel(detail)
        self.summary.setObjectName("check_summary")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.item_model = CheckItemModel(self)
        self.item_table = make_table(detail, self.item_model)
        self.item_table.setObjectName("check_item_table")
        self.item_table.setWordWrap(True)
        self.item_table.doubleClicked.connect(self._item_activated)
        self.item_table.selectionModel().selectionChanged.connect(lambda *_: self._update())
        _fit_item_columns(self.item_table)
        detail_layout = QVBoxLayout(detail)
        detail_layout.setContentsMargins(0, 0, 0, 0)
        detail_layout.addWidget(self.summary)
        detail_layout.addWidget(self.item_table, 1)

        top = QWidget(self)
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addLayout(buttons)
        top_layout.addWidget(self.empty_label)
        top_layout.addWidget(self.table, 1)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.setChildrenCollapsible(False)
        split.addWidget(top)
        split.addWidget(detail)
        # A dossier has a check or two a year: the items of the selected one get the room.
        split.setStretchFactor(0, 0)
        split.setStretchFactor(1, 1)
        split.setSizes([110, 400])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(split)
        self.clear()

    # ---- panel protocol (DossierView) ------------------------------------------------

    def show_dossier(self, dossier: Dossier) -> None:
        self._official = dossier.official
        self.reload()

    def clear(self) -> None:
        self._sequence += 1
        self._official = None
        self._select_after_load = None
        self.model.clear()
        self.empty_label.hide()
        self.table.show()
        self._show_detail(None)

    # ---- reading ---------------------------------------------------------------------

    def reload(self, select_id: int | None = None) -> None:
        """Read the official's checks again (an audited read) and select ``select_id``
        (else the check selected now, else the newest)."""
        official = self._official
        if official is None:
            return
        current = self.current_check()
        self._select_after_load = select_id or (current.id if current else None)
        self._sequence += 1
        sequence = self._sequence
        self._detail = None  # the report may have changed too: read the detail again
        self._worker.submit(
            lambda session: CheckService(session).list(official.id),
            lambda checks: self._loaded(sequence, checks),
            lambda error: self._failed(sequence, error),
        )

    def current_check(self) -> Check | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def current_item(self) -> CheckItemRow | None:
        rows = self.item_table.selectionModel().selectedRows()
        return self.item_model.row_at(rows[0].row()) if rows else None

    def select_check(self, check_id: int) -> bool:
        row = self.model.row_of(check_id)
        if row is None:
            return False
        self.table.selectRow(row)
        return True

    def select_item(self, code: str) -> bool:
        row = self.item_model.row_of(code)
        if row is None:
            return False
        self.item_table.selectRow(row)
        return True

    def _loaded(self, sequence: int, checks: list[Check]) -> None:
        if sequence != self._sequence:
            return
        wanted, self._select_after_load = self._select_after_load, None
        self.model.set_rows(checks)
        self.empty_label.setVisible(not checks)
        self.table.setVisible(bool(checks))
        self.loaded.emit(checks)
        if not checks:
            self._show_detail(None)
        elif wanted is None or not self.select_check(wanted):
            self.table.selectRow(0)

    def _failed(self, sequence: int, error: UserError) -> None:
        if sequence == self._sequence:
            self.model.clear()
            self._show_detail(None)
            self.message.emit(message_for(error))

    def _check_selected(self) -> None:
        check = self.current_check()
        if check is None:
            self._show_detail(None)
        elif self._detail is None or self._detail[0].id != check.id:
            self._load_detail(check.id)

    def _load_detail(self, check_id: int) -> None:
        self._detail_sequence += 1
        sequence = self._detail_sequence
        self._worker.submit(
            lambda session: load_detail(session, check_id),
            lambda detail: self._detail_loaded(sequence, detail),
            lambda error: self._detail_failed(sequence, error),
        )

    def _detail_loaded(self, sequence: int, detail: Detail) -> None:
        if sequence == self._detail_sequence:
            self._show_detail(detail)

    def _detail_failed(self, sequence: int, error: UserError) -> None:
        if sequence == self._detail_sequence:
            self._show_detail(None)
            self.message.emit(message_for(error))

    def _show_detail(self, detail: Detail | None) -> None:
        if detail is None:
            self._detail_sequence += 1  # a read still under way is for a check not shown now
        selected = self.current_item()
        self._detail = detail
        if detail is None:
            self.summary.setText(tr("选择一项查核,查看各报告事项的报告情况、查实情况和结论"))
            self.item_model.clear()
        else:
            check, report, schema = detail
            self.summary.setText(check_summary(check))
            self.item_model.set_rows(item_rows(check, report, schema))
            self.item_table.resizeRowsToContents()
            if selected is not None:
                self.select_item(selected.code)
        self._update()
        self.checkShown.emit(None if detail is None else detail[0])

    # ---- changing --------------------------------------------------------------------

    def new_check(self) -> None:
        if self._official is None or not self._editable:
            return
        dialog = CheckNewDialog(self._worker, self._official, self)
        dialog.saved.connect(self._check_opened)
        self._open(dialog)

    def verify_item(self) -> None:
        detail, row = self._detail, self.current_item()
        if detail is None or row is None or not self._can_edit_items():
            return
        check = detail[0]
        dialog = CheckItemDialog(
            self._worker, check.id, check.year, row.item, row.declared, row.verified, self
        )
        done = tr("已登记查实情况:{item}").format(item=row.title)
        dialog.saved.connect(lambda changed: self._changed(changed, done))
        self._open(dialog)

    def reclassify(self) -> None:
        if self._detail is None or not self._can_edit_items():
            return
        check_id = self._detail[0].id
        self._worker.submit(
            lambda session: CheckService(session).classify(check_id),
            lambda changed: self._changed(changed, tr("已重新比对")),
            self._refused,
        )

    def complete(self) -> None:
        if self._detail is None or not self._can_edit_items():
            return
        check = self._detail[0]
        text = tr("完成后,本次查核的查实情况和结论不能再修改。")
        if check.unverified:
            text += tr("尚有{n}项未登记查实情况。").format(n=len(check.unverified))
        self.confirmations.ask(
            self, tr("完成查核"), text + tr("确定完成查核?"), tr("完成查核"),
            lambda: self._complete(check.id),
        )  # fmt: skip

    def decide(self) -> None:
        if self._detail is None or not self._editable:
            return
        check = self._detail[0]
        if check.status is not CheckStatus.COMPLETED:
            return
        dialog = CheckDecisionDialog(self._worker, check, self)
        dialog.saved.connect(lambda changed: self._changed(changed, tr("已记录处理决定")))
        self._open(dialog)

    def _complete(self, check_id: int) -> None:
        self._worker.submit(
            lambda session: CheckService(session).complete(check_id),
            lambda changed: self._changed(changed, tr("查核已完成")),
            self._refused,
        )

    def _check_opened(self, check: Check) -> None:
        self.message.emit(tr("已新建查核:{year}年度").format(year=check.year))
        self.reload(select_id=check.id)
        self.checksChanged.emit(check.official_id)

    def _changed(self, check: Check, message: str) -> None:
        """Show the check the service returned, in the list and below it."""
        detail = self._detail
        if detail is None or detail[0].id != check.id:
            self.reload(select_id=check.id)
        else:
            self._show_detail((check, detail[1], detail[2]))
            rows = [check if c.id == check.id else c for c in self.model.rows()]
            self.model.set_rows(rows)
            self.select_check(check.id)  # the detail already shows it: no second read
        self.message.emit(message)
        self.checksChanged.emit(check.official_id)

    def _refused(self, error: UserError) -> None:
        self._notices.error(self, tr("查核"), message_for(error))

    # ---- state -----------------------------------------------------------------------

    def _can_edit_items(self) -> bool:
        detail = self._detail
        return self._editable and detail is not None and detail[0].status is CheckStatus.OPEN

    def _item_activated(self, index: QModelIndex) -> None:
        if index.isValid() and self._can_edit_items():
            self.verify_item()

    def _open(self, dialog: ServiceFormDialog) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.dialogOpened.emit(dialog)

    def _update(self) -> None:
        detail = self._detail
        open_check = self._can_edit_items()
        self.new_button.setEnabled(self._editable and self._official is not None)
        self.verify_button.setEnabled(open_check and self.current_item() is not None)
        self.reclassify_button.setEnabled(open_check and bool(detail and detail[0].items))
        self.complete_button.setEnabled(open_check and bool(detail and detail[0].items))
        self.decide_button.setEnabled(
            self._editable and detail is not None and detail[0].status is CheckStatus.COMPLETED
        )


def _fit_item_columns(table: QTableView) -> None:
    """The facts and the reason share the width and wrap; item and finding fit their text."""
    header = table.horizontalHeader()
    header.setStretchLastSection(False)
    for column, mode in enumerate(
        (QHeaderView.ResizeMode.ResizeToContents, QHeaderView.ResizeMode.Stretch,
         QHeaderView.ResizeMode.Stretch, QHeaderView.ResizeMode.ResizeToContents,
         QHeaderView.ResizeMode.Stretch)
    ):  # fmt: skip
        header.setSectionResizeMode(column, mode)

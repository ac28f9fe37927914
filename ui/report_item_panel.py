"""One item of an annual report: 无此类情况 or its entries, and the item's change reports.

On a draft, every step (an entry added, corrected or removed; 无此类情况 ticked or not) is
one ``AnnualReportService.set_item`` call on the vault worker, with the item's whole new
answer; the panel then shows what the service returned, never its own copy. A submitted
report is read-only here: what changed since is filed as a change report
(:mod:`ui.change_report_dialog`), which the owner opens on :attr:`changeRequested`. The
item's change reports are listed below, withdrawn ones too (marked, with the reason); 撤销…
asks the owner to withdraw the chosen one (:attr:`changeWithdrawRequested`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from records.annual_report import AnnualReport, ChangeReport, ItemAnswer, ReportStatus
from records.report_schema import ReportItem
from records.services.annual_reports import AnnualReportService
from ui.change_table_model import CHANGED_COLUMN, ChangeTableModel
from ui.confirmations import Confirmations
from ui.error_messages import UserError, message_for
from ui.field_form import ERROR_STYLE
from ui.i18n import tr
from ui.report_display import answer_text, entry_summary, item_title
from ui.report_entry_dialog import open_entry_dialog
from ui.report_entry_table import EntryListEditor
from ui.vault_worker import VaultWorker


class ReportItemPanel(QWidget):
    #: What ``set_item`` returned: the whole report after the change.
    reportChanged = Signal(object)
    #: 登记事项变化… was pressed for this item (its code).
    changeRequested = Signal(str)
    #: 撤销… was pressed on this change report (a :class:`ChangeReport` not withdrawn).
    changeWithdrawRequested = Signal(object)
    #: An entry dialog opened (tests answer it).
    dialogOpened = Signal(object)

    def __init__(
        self, worker: VaultWorker, confirmations: Confirmations, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._worker = worker
        self._confirmations = confirmations
        self._report: AnnualReport | None = None
        self._item: ReportItem | None = None
        self._answer: ItemAnswer | None = None
        self._editable = False
        self._may_withdraw = False
        self._busy = False
        from ui.dossier_view import make_table  # the shared table look (avoids an import cycle)

        self.title = QLabel(self)
        self.title.setObjectName("report_item_title")
        self.title.setStyleSheet("font-size: 15px; font-weight: bold;")
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setStyleSheet("color: #555;")
        self.state = QLabel(self)
        self.nothing_box = QCheckBox(tr("无此类情况"), self)
        self.nothing_box.setObjectName("report_nothing")
        # clicked, not toggled: showing a report sets the box without saving anything.
        self.nothing_box.clicked.connect(self._nothing_clicked)
        answer_row = QHBoxLayout()
        answer_row.addWidget(self.state)
        answer_row.addStretch(1)
        answer_row.addWidget(self.nothing_box)

        self.entries = EntryListEditor(self)
        self.entries.addRequested.connect(lambda: self._open_entry(None))
        self.entries.editRequested.connect(self._open_entry)
        self.entries.removeRequested.connect(self._remove_entry)
        self.error_line = QLabel(self)
        self.error_line.setObjectName("report_item_error")
        self.error_line.setStyleSheet(ERROR_STYLE)
        self.error_line.setWordWrap(True)
        self.error_line.hide()

        self.changes_box = QGroupBox(tr("事项变化报告"), self)
        self.change_model = ChangeTableModel(self)
        self.change_table = make_table(
            self.changes_box, self.change_model, stretch_column=CHANGED_COLUMN
        )
        self.change_table.selectionModel().selectionChanged.connect(
            lambda *_: self._update_withdraw_button()
        )
        self.change_button = QPushButton(tr("登记事项变化…"), self.changes_box)
        self.change_button.clicked.connect(self._change_clicked)
        self.withdraw_button = QPushButton(tr("撤销…"), self.changes_box)
        self.withdraw_button.setObjectName("change_withdraw")
        self.withdraw_button.setToolTip(tr("撤销选中的事项变化报告(保留,标明已撤销)"))
        self.withdraw_button.clicked.connect(self._withdraw_clicked)
        change_layout = QVBoxLayout(self.changes_box)
        change_buttons = QHBoxLayout()
        change_buttons.addWidget(self.change_button)
        change_buttons.addWidget(self.withdraw_button)
        change_buttons.addStretch(1)
        change_layout.addLayout(change_buttons)
        change_layout.addWidget(self.change_table, 1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.label)
        layout.addLayout(answer_row)
        layout.addWidget(self.entries, 3)
        layout.addWidget(self.error_line)
        layout.addWidget(self.changes_box, 2)
        self.clear()

    # ---- content -------------------------------------------------------------------------

    def show_item(
        self,
        report: AnnualReport,
        item: ReportItem,
        *,
        may_edit: bool,
        may_file_change: bool,
        may_withdraw_change: bool = False,
    ) -> None:
        """Show ``item`` of ``report``; ``may_edit`` (the user may file reports) makes a
        draft editable, ``may_file_change`` offers a change report (the latest submitted
        report, an item that takes them), ``may_withdraw_change`` offers to withdraw one.
        The change report chosen before stays chosen if it is still listed."""
        if self._item is not item or self._report is None or self._report.id != report.id:
            self._hide_error()
        self._report, self._item = report, item
        self._answer = report.item(item.code)
        self._editable = may_edit and report.status is ReportStatus.DRAFT
        self.title.setText(item_title(item))
        self.label.setText(item.label_zh)
        self.label.show()
        self._show_answer()
        self.entries.set_editable(self._editable)
        if not self._busy:
            self._set_enabled(True)
        answer = self._answer
        chosen = self.current_change()
        changes = [] if answer is None else list(answer.changes)  # withdrawn ones too, marked
        self.change_model.show(item, changes)
        if chosen is not None:
            self.select_change(chosen.id)
        submitted = report.status is ReportStatus.SUBMITTED
        self.changes_box.setVisible(item.change_report and (submitted or bool(changes)))
        self.change_button.setVisible(may_file_change and item.change_report)
        self.change_button.setEnabled(may_file_change and item.change_report)
        self._may_withdraw = may_withdraw_change and bool(changes)
        self.withdraw_button.setVisible(self._may_withdraw)
        self._update_withdraw_button()

    def clear(self) -> None:
        self._report = self._item = self._answer = None
        self._editable = False
        self._may_withdraw = False
        # A save still under way reports to the tab, which drops it (another dossier, or
        # locked): nothing here waits for it any more.
        self._busy = False
        self.title.setText(tr("请选择报告事项"))
        self.label.clear()
        self.label.hide()
        self.state.clear()
        self.nothing_box.hide()
        self.entries.clear()
        self.entries.set_editable(False)
        self.change_model.show(None, ())
        self.changes_box.hide()
        self._update_withdraw_button()
        self._hide_error()

    def current_code(self) -> str | None:
        return None if self._item is None else self._item.code

    def current_change(self) -> ChangeReport | None:
        rows = self.change_table.selectionModel().selectedRows()
        return self.change_model.row_at(rows[0].row()) if rows else None

    def select_change(self, change_id: int) -> bool:
        row = self.change_model.row_of(change_id)
        if row is None:
            return False
        self.change_table.selectRow(row)
        return True

    def is_editable(self) -> bool:
        return self._editable

    def _show_answer(self) -> None:
        item, answer = self._item, self._answer
        if item is None:
            return
        entries = [] if answer is None else list(answer.entries)
        text = answer_text(answer)
        if not item.allow_nothing and not entries:
            text += tr("(此项必须如实填写,不能报“无”)")
        self.state.setText(tr("填报情况:") + text)
        self.nothing_box.setVisible(item.allow_nothing)
        self.nothing_box.setChecked(answer is not None and answer.nothing_to_report)
        # Entries and 无 exclude each other: 无 is offered only while there is no entry.
        self.nothing_box.setEnabled(self._editable and not entries and not self._busy)
        self.entries.set_entries(item, entries)

    # ---- steps (one service call each) ---------------------------------------------------

    def _open_entry(self, row: int | None) -> None:
        item, answer = self._item, self._answer
        if item is None or answer is None or not self._editable or self._busy:
            return
        dialog = open_entry_dialog(item, answer.entries, row, self, self._save_entries)
        self.dialogOpened.emit(dialog)

    def _remove_entry(self, row: int) -> None:
        item, answer = self._item, self._answer
        if item is None or answer is None or not self._editable or row >= len(answer.entries):
            return
        kept = [dict(e) for n, e in enumerate(answer.entries) if n != row]
        summary = entry_summary(item, answer.entries[row])
        self._confirmations.ask(
            self,
            tr("删除条目"),
            tr("删除“{item}”的第{n}条?\n{summary}").format(
                item=item.short_zh, n=row + 1, summary=summary
            ),
            tr("删除"),
            lambda: self._save_entries(kept),
        )

    def _nothing_clicked(self, checked: bool) -> None:
        self._save([], nothing=checked)

    def _save_entries(self, entries: Sequence[Mapping[str, object]]) -> None:
        # An entry is an answer: adding one ends 无此类情况 (the service refuses both).
        self._save(entries, nothing=False)

    def _save(self, entries: Sequence[Mapping[str, object]], *, nothing: bool) -> None:
        report, item = self._report, self._item
        if report is None or item is None or not self._editable or self._busy:
            return
        report_id, code, values = report.id, item.code, [dict(e) for e in entries]
        self._hide_error()
        self._busy = True
        self._set_enabled(False)
        self._worker.submit(
            lambda session: AnnualReportService(session).set_item(
                report_id, code, values, nothing_to_report=nothing
            ),
            self._saved,
            self._failed,
        )

    def _saved(self, report: AnnualReport) -> None:
        self._busy = False
        self._set_enabled(True)
        self.reportChanged.emit(report)

    def _failed(self, error: UserError) -> None:
        self._busy = False
        self._set_enabled(True)
        self._show_answer()  # the box and the table go back to what the vault holds
        self.error_line.setText(tr("未能保存:") + message_for(error))
        self.error_line.show()

    def _change_clicked(self) -> None:
        if self._item is not None:
            self.changeRequested.emit(self._item.code)

    def _withdraw_clicked(self) -> None:
        change = self.current_change()
        if self._may_withdraw and change is not None and not change.withdrawn:
            self.changeWithdrawRequested.emit(change)

    def _update_withdraw_button(self) -> None:
        change = self.current_change()
        self.withdraw_button.setEnabled(
            self._may_withdraw and change is not None and not change.withdrawn
        )

    # ---- plumbing ------------------------------------------------------------------------

    def _set_enabled(self, enabled: bool) -> None:
        self.entries.setEnabled(enabled)
        entries = bool(self._answer and self._answer.entries)
        self.nothing_box.setEnabled(enabled and self._editable and not entries)

    def _hide_error(self) -> None:
        self.error_line.clear()
        self.error_line.hide()

"""The security auditor's view of the audit trail: filter, read, verify, export.

Every service call runs on the vault worker; reading, verifying and exporting are each
audited by the service (``audit.list``, ``audit.verify``, ``audit.export``), so the view
never refreshes on its own — every refresh would add an entry. The administration window
places this widget; it needs only the worker and the two seams.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from exports.audit_export import SavedAuditExport, save_audit_export
from records.audit import AuditEntry
from records.errors import LianDangError
from records.services.audit_trail import AuditQuery, AuditService, AuditVerification
from ui.dossier_view import make_table
from ui.error_messages import UserError, message_for
from ui.file_dialogs import FileDialogs, documents_folder
from ui.i18n import tr
from ui.notices import Notices
from ui.row_table_model import Column, RowTableModel
from ui.vault_worker import VaultWorker

#: The date edits show "不限" (any) at their minimum, which no entry predates.
NO_DATE = QDate(2000, 1, 1)

_OUTCOME_ZH = {"ok": "成功", "refused": "拒绝", "failed": "失败"}


def audit_columns() -> list[Column]:
    return [
        Column(tr("序号"), lambda e: str(e.seq)),
        Column(tr("时间"), lambda e: e.at.strftime("%Y-%m-%d %H:%M:%S")),
        Column(tr("用户"), lambda e: e.user_name),
        Column(tr("角色"), lambda e: e.role),
        Column(tr("操作"), lambda e: e.action),
        Column(tr("对象"), lambda e: e.object),
        Column(tr("结果"), lambda e: tr(_OUTCOME_ZH.get(e.outcome, e.outcome))),
        Column(tr("说明"), lambda e: e.detail),
    ]


def verification_text(result: AuditVerification) -> str:
    """The verdict in Chinese: intact, or the first bad entry and every problem."""
    lines = [result.summary_zh()]
    lines += [f"· {problem.zh}" for problem in result.problems]
    if result.note_zh:
        lines.append(tr("注意:") + result.note_zh)
    return "\n".join(lines)


def _date_edit(parent: QWidget) -> QDateEdit:
    edit = QDateEdit(parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setMinimumDate(NO_DATE)
    edit.setSpecialValueText(tr("不限"))
    edit.setDate(NO_DATE)
    return edit


class AuditView(QWidget):
    #: A listing was shown (its number of entries).
    listRefreshed = Signal(int)
    #: A verification finished (the :class:`AuditVerification`).
    verified = Signal(object)
    #: An export was written (the :class:`SavedAuditExport`).
    exported = Signal(object)

    def __init__(
        self,
        worker: VaultWorker,
        file_dialogs: FileDialogs,
        notices: Notices,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._worker = worker
        self._file_dialogs = file_dialogs
        self._notices = notices
        self._sequence = 0
        self._folder: Path | None = None

        self.user_edit = QLineEdit(self)
        self.user_edit.setPlaceholderText(tr("用户名"))
        self.action_edit = QLineEdit(self)
        self.action_edit.setPlaceholderText(tr("如 official.read;以 . 结尾匹配前缀"))
        self.object_edit = QLineEdit(self)
        self.object_edit.setPlaceholderText(tr("对象包含的文字,如 official:7"))
        self.since_edit = _date_edit(self)
        self.until_edit = _date_edit(self)

        form = QFormLayout()
        form.addRow(tr("用户"), self.user_edit)
        form.addRow(tr("操作"), self.action_edit)
        form.addRow(tr("对象"), self.object_edit)
        dates = QHBoxLayout()
        dates.addWidget(self.since_edit)
        dates.addWidget(QLabel(tr("至"), self))
        dates.addWidget(self.until_edit)
        dates.addStretch(1)
        form.addRow(tr("日期"), dates)

        self.search_button = QPushButton(tr("查询"), self)
        self.verify_button = QPushButton(tr("校验"), self)
        self.csv_button = QPushButton(tr("导出CSV"), self)
        self.pdf_button = QPushButton(tr("导出签章PDF"), self)
        buttons = QHBoxLayout()
        for button in (self.search_button, self.verify_button, self.csv_button, self.pdf_button):
            buttons.addWidget(button)
        buttons.addStretch(1)

        self.model = RowTableModel(audit_columns(), self)
        self.table: QTableView = make_table(self, self.model, stretch_column=7)  # 说明
        self.count_label = QLabel(self)
        self.verify_label = QLabel(self)
        self.verify_label.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.verify_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count_label)

        self.search_button.clicked.connect(self.refresh)
        for edit in (self.user_edit, self.action_edit, self.object_edit):
            edit.returnPressed.connect(self.refresh)
        self.verify_button.clicked.connect(self.verify)
        self.csv_button.clicked.connect(lambda: self.export(".csv"))
        self.pdf_button.clicked.connect(lambda: self.export(".pdf"))

    # ---- filters -------------------------------------------------------------------------

    def query(self) -> AuditQuery:
        """The filters as typed. :raises ValidationError: e.g. from-date after to-date."""
        return AuditQuery(
            user=self.user_edit.text().strip() or None,
            action=self.action_edit.text().strip() or None,
            obj=self.object_edit.text().strip() or None,
            since=_date_of(self.since_edit),
            until=_date_of(self.until_edit),
        )

    def entries(self) -> tuple[AuditEntry, ...]:
        return self.model.rows()

    # ---- actions -------------------------------------------------------------------------

    def refresh(self) -> None:
        """List the entries matching the filters (an audited read)."""
        query = self._query_or_notice()
        if query is None:
            return
        self._sequence += 1
        sequence = self._sequence
        self._worker.submit(
            lambda session: AuditService(session).query(query),
            lambda entries: self._show(sequence, entries),
            lambda error: self._list_failed(sequence, error),
        )

    def verify(self) -> None:
        self.verify_button.setEnabled(False)
        self.verify_label.setText(tr("正在校验…"))
        self._worker.submit(
            lambda session: AuditService(session).verify(),
            self._verified,
            self._verify_failed,
        )

    def export(self, suffix: str) -> None:
        """Export the filtered entries: ``.csv``, or ``.pdf`` signed with the unit's key."""
        query = self._query_or_notice()
        if query is None:
            return
        is_pdf = suffix == ".pdf"
        title = tr("导出签章PDF") if is_pdf else tr("导出CSV")
        file_filter = tr("PDF 文件 (*.pdf)") if is_pdf else tr("CSV 文件 (*.csv)")
        suggested = (self._folder or documents_folder()) / (
            tr("审计日志-{day}").format(day=date.today().strftime("%Y%m%d")) + suffix
        )
        path = self._file_dialogs.save_path(self, title, suggested, file_filter, suffix)
        if path is None:
            return
        self._folder = path.parent
        self._set_exporting(True)
        self._worker.submit(
            lambda session: save_audit_export(session, query, path),
            self._exported,
            self._export_failed,
        )

    def clear(self) -> None:
        """Forget everything shown (the window is being locked)."""
        self._sequence += 1
        self.model.clear()
        self.count_label.clear()
        self.verify_label.clear()
        self.verify_button.setEnabled(True)
        self._set_exporting(False)

    # ---- results -------------------------------------------------------------------------

    def _query_or_notice(self) -> AuditQuery | None:
        try:
            return self.query()
        except LianDangError as error:
            self._notices.error(self, tr("查询条件有误"), message_for(error))
            return None

    def _show(self, sequence: int, entries: list[AuditEntry]) -> None:
        if sequence != self._sequence:
            return
        self.model.set_rows(entries)
        self.count_label.setText(tr("共 {n} 条(新的在前)").format(n=len(entries)))
        self.listRefreshed.emit(len(entries))

    def _list_failed(self, sequence: int, error: UserError) -> None:
        if sequence != self._sequence:
            return
        self.model.clear()
        self.count_label.setText(message_for(error))
        self.listRefreshed.emit(0)

    def _verified(self, result: AuditVerification) -> None:
        self.verify_button.setEnabled(True)
        text = verification_text(result)
        self.verify_label.setText(text)
        if result.ok:
            self._notices.info(self, tr("审计日志校验"), text)
        else:
            self._notices.error(self, tr("审计日志校验"), text)
        self.verified.emit(result)

    def _verify_failed(self, error: UserError) -> None:
        self.verify_button.setEnabled(True)
        self.verify_label.setText(message_for(error))
        self._notices.error(self, tr("审计日志校验"), message_for(error))

    def _exported(self, saved: SavedAuditExport) -> None:
        self._set_exporting(False)
        self._notices.info(
            self,
            tr("导出完成"),
            tr("已导出 {n} 条审计日志。\n文号:{number}\n审计链头:{head}\n文件:{path}").format(
                n=saved.entries,
                number=saved.document_number,
                head=saved.audit_head,
                path=saved.path,
            ),
        )
        self.exported.emit(saved)

    def _export_failed(self, error: UserError) -> None:
        self._set_exporting(False)
        self._notices.error(self, tr("导出失败"), message_for(error))

    def _set_exporting(self, busy: bool) -> None:
        self.csv_button.setEnabled(not busy)
        self.pdf_button.setEnabled(not busy)


def _date_of(edit: QDateEdit) -> date | None:
    chosen = edit.date()
    if chosen == edit.minimumDate():
        return None
    return date(chosen.year(), chosen.month(), chosen.day())

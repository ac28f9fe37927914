"""开始年度报告 and 提交报告: the two steps that open and close a year's report.

Both are one service call on the vault worker (``AnnualReportService.start`` /
``submit``); their fields carry the names the service's errors use (``year``,
``submitted_date``), so a refusal lands under the field.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QLabel, QWidget

from records.annual_report import AnnualReport, ReportStatus, annual_report_due
from records.fields import FieldKind, FieldSpec
from records.report_schema import ReportSchema
from records.services.annual_reports import AnnualReportService
from records.session import Session
from ui.field_form import FieldForm, chain_tab_order
from ui.i18n import tr
from ui.report_entry_dialog import install_save_shortcuts
from ui.service_form_dialog import ServiceFormDialog
from ui.vault_worker import VaultWorker

YEAR = FieldSpec("year", "报告年度", "year", FieldKind.INTEGER, required=True)
SUBMITTED = FieldSpec("submitted_date", "报告日期", "submitted date", FieldKind.DATE, True)


def suggested_year(reports: Sequence[AnnualReport], today: date) -> int:
    """Last year's matters (due 31 January), else this year's, whichever has no report."""
    taken = {r.year for r in reports}
    for year in (today.year - 1, today.year):
        if year not in taken:
            return year
    return today.year - 1


def prefill_source(reports: Sequence[AnnualReport], year: int) -> AnnualReport | None:
    """The report ``start`` copies from: the latest submitted one before ``year``."""
    earlier = [r for r in reports if r.status is ReportStatus.SUBMITTED and r.year < year]
    return max(earlier, key=lambda r: r.year, default=None)


class _YearDialog(ServiceFormDialog):
    def __init__(self, worker: VaultWorker, title: str, parent: QWidget | None) -> None:
        super().__init__(worker, title, parent)
        install_save_shortcuts(self, self._save_shortcut)

    def _chain(self, widgets: Sequence[QWidget]) -> None:
        others = [b for b in self.buttons.buttons() if b is not self.save_button]  # 取消
        chain_tab_order([*widgets, self.save_button, *others])

    def _save_shortcut(self) -> None:
        if self.buttons.isEnabled():  # not while a save is under way
            self.save()


class StartReportDialog(_YearDialog):
    """Emits :attr:`saved` with the new draft :class:`AnnualReport`."""

    def __init__(
        self,
        worker: VaultWorker,
        official_id: int,
        reports: Sequence[AnnualReport],
        today: date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(worker, tr("开始年度报告"), parent)
        self._official_id = official_id
        self._reports = tuple(reports)
        self.form = FieldForm([YEAR], self, validate_inline=True)
        self.form.set_values({"year": str(suggested_year(reports, today))})
        self.body.addWidget(self.form)
        self.due_label = QLabel(self)
        self.due_label.setStyleSheet("color: #555;")
        self.body.addWidget(self.due_label)
        self.prefill_box = QCheckBox(self)
        self.prefill_box.setObjectName("report_prefill")
        self.body.addWidget(self.prefill_box)
        self.form.editor("year").on_changed(self._year_changed)
        self._year_changed()
        self._chain([*self.form.focus_chain(), self.prefill_box])
        self.form.focus_chain()[0].setFocus(Qt.FocusReason.OtherFocusReason)

    def forms(self) -> list[FieldForm]:
        return [self.form]

    def make_job(self) -> Callable[[Session], object]:
        official_id, year = self._official_id, str(self.form.values()["year"])
        prefill = self.prefill_box.isEnabled() and self.prefill_box.isChecked()
        return lambda session: AnnualReportService(session).start(
            official_id, year, prefill_from_previous=prefill
        )

    def _year_changed(self) -> None:
        try:
            year = int(str(self.form.values()["year"]).strip())
        except ValueError:
            year = None
        source = None if year is None else prefill_source(self._reports, year)
        if year is not None:
            self.due_label.setText(
                tr("应于{due}前报告{year}年度的情况").format(
                    due=annual_report_due(year).isoformat(), year=year
                )
            )
        else:
            self.due_label.clear()
        if source is None:
            self.prefill_box.setText(tr("从上一年度报告预填(没有更早的已报告报告)"))
            self.prefill_box.setChecked(False)
            self.prefill_box.setEnabled(False)
        else:
            self.prefill_box.setText(tr("从{year}年度报告预填").format(year=source.year))
            self.prefill_box.setEnabled(True)
            self.prefill_box.setChecked(True)


class SubmitReportDialog(_YearDialog):
    """Emits :attr:`saved` with the submitted :class:`AnnualReport` (fixed from then on)."""

    def __init__(
        self,
        worker: VaultWorker,
        report: AnnualReport,
        schema: ReportSchema,
        today: date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(worker, tr("提交{year}年度报告").format(year=report.year), parent)
        self._report_id = report.id
        self.save_button.setText(tr("提交"))
        missing = [
            item.short_zh
            for item in schema.items
            if (answer := report.item(item.code)) is None or not answer.answered
        ]
        note = QLabel(tr("提交后本报告不能再修改;此后家事事项的变化请登记事项变化报告。"), self)
        note.setWordWrap(True)
        self.body.addWidget(note)
        self.missing_label = QLabel(self)
        self.missing_label.setObjectName("report_missing")
        self.missing_label.setWordWrap(True)
        self.missing_label.setStyleSheet("color: #c62828;")
        if missing:
            self.missing_label.setText(
                tr("尚有{n}项未填写:{items}").format(n=len(missing), items="、".join(missing))
            )
        else:
            self.missing_label.hide()
        self.body.addWidget(self.missing_label)
        self.form = FieldForm([SUBMITTED], self, validate_inline=True)
        self.form.set_values({"submitted_date": today.isoformat()})
        self.body.addWidget(self.form)
        self._chain(self.form.focus_chain())
        self.form.focus_chain()[0].setFocus(Qt.FocusReason.OtherFocusReason)

    def forms(self) -> list[FieldForm]:
        return [self.form]

    def make_job(self) -> Callable[[Session], object]:
        report_id, when = self._report_id, str(self.form.values()["submitted_date"])
        return lambda session: AnnualReportService(session).submit(report_id, when)

"""登记事项变化报告: a 家事 item changed after the annual report.

The change is attached to the official's latest submitted report (the service picks it):
the date of the change, the date it was reported, and the item's situation after it — its
new entries, which start as the item's current ones (the report's, or the latest change's)
and are edited here, locally, until 保存 makes it one ``add_change`` call — with an optional
说明 (what changed, in the filer's words). The deadline (``change_report_days``, 30 by
default) is the security policy's; the list shows lateness.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGroupBox, QLabel, QVBoxLayout, QWidget

from records.annual_report import AnnualReport
from records.fields import FieldKind, FieldSpec
from records.report_schema import ReportItem
from records.services.annual_reports import CHANGE_NOTE, AnnualReportService
from records.session import Session
from ui.field_form import FieldForm, chain_tab_order
from ui.i18n import tr
from ui.report_display import current_entries, item_title
from ui.report_entry_dialog import install_save_shortcuts, open_entry_dialog
from ui.report_entry_table import EntryListEditor
from ui.service_form_dialog import ServiceFormDialog
from ui.vault_worker import VaultWorker

# Named as the service names them in its errors, so a refusal lands under the field.
CHANGE_FIELDS = (
    FieldSpec("change_date", "变化日期", "change date", FieldKind.DATE, required=True),
    FieldSpec("reported_date", "报告日期", "reported date", FieldKind.DATE, required=True),
)


class ChangeReportDialog(ServiceFormDialog):
    """Emits :attr:`saved` with the new :class:`records.annual_report.ChangeReport`."""

    #: An entry dialog opened (tests answer it).
    dialogOpened = Signal(object)

    def __init__(
        self,
        worker: VaultWorker,
        report: AnnualReport,
        item: ReportItem,
        today: date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(worker, tr("登记事项变化报告"), parent)
        self._official_id = report.official_id
        self._item = item
        heading = QLabel(
            tr("{title}:{label}\n附于{year}年度报告").format(
                title=item_title(item), label=item.label_zh, year=report.year
            ),
            self,
        )
        heading.setWordWrap(True)
        self.body.addWidget(heading)
        self.form = FieldForm(CHANGE_FIELDS, self, validate_inline=True)
        self.form.set_values({"reported_date": today.isoformat()})
        self.body.addWidget(self.form)
        box = QGroupBox(tr("变化后的情况"), self)
        self.entries = EntryListEditor(box)
        self.entries.set_editable(True)
        answer = report.item(item.code)
        self.entries.set_entries(item, [] if answer is None else current_entries(answer))
        self.entries.addRequested.connect(lambda: self._open_entry(None))
        self.entries.editRequested.connect(self._open_entry)
        self.entries.removeRequested.connect(self._remove_entry)
        QVBoxLayout(box).addWidget(self.entries)
        self.body.addWidget(box, 1)
        self.note_form = FieldForm((CHANGE_NOTE,), self, validate_inline=True)
        self.body.addWidget(self.note_form)
        install_save_shortcuts(self, self._save_shortcut)
        others = [b for b in self.buttons.buttons() if b is not self.save_button]  # 取消
        chain_tab_order(
            [
                *self.form.focus_chain(),
                self.entries.add_button,
                self.entries.edit_button,
                self.entries.remove_button,
                self.entries.table,
                *self.note_form.focus_chain(),
                self.save_button,
                *others,
            ]
        )
        self.form.focus_chain()[0].setFocus(Qt.FocusReason.OtherFocusReason)
        self.resize(640, 560)

    def forms(self) -> list[FieldForm]:
        return [self.form, self.note_form]

    def make_job(self) -> Callable[[Session], object]:
        values = self.form.values()
        note = str(self.note_form.values()["note"] or "")
        official_id, code = self._official_id, self._item.code
        entries = self.entries.entries()
        return lambda session: AnnualReportService(session).add_change(
            official_id,
            code,
            str(values["change_date"]),
            str(values["reported_date"]),
            entries,
            note=note,
        )

    def _open_entry(self, row: int | None) -> None:
        dialog = open_entry_dialog(self._item, self.entries.entries(), row, self, self._set_entries)
        self.dialogOpened.emit(dialog)

    def _remove_entry(self, row: int) -> None:
        # Nothing is stored until 保存: removing from the list needs no confirmation.
        self._set_entries([e for n, e in enumerate(self.entries.entries()) if n != row])

    def _set_entries(self, entries: Sequence[Mapping[str, object]]) -> None:
        self.entries.set_entries(self._item, list(entries))

    def _save_shortcut(self) -> None:
        if self.buttons.isEnabled():  # not while a save is under way
            self.save()

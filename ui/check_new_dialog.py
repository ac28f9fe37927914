"""新建查核: open a check of the official's submitted report on a year, by hand.

A random check is normally drawn (随机抽查, :mod:`ui.sampling_dialog`); by hand it is mostly
a 重点抽查 — a promotion candidate, a clue. ``CheckService.new`` decides: a year without a
submitted report, or a report already checked, comes back under the field it concerns.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import QLabel, QWidget

from records.fields import FieldKind, FieldSpec
from records.model import Official
from records.report_check import CheckKind
from records.services.checks import CheckService
from records.session import Session
from ui.field_form import FieldForm
from ui.i18n import tr
from ui.service_form_dialog import ServiceFormDialog
from ui.vault_worker import VaultWorker

#: Named as ``CheckService.new`` names them in its errors, so those land under the fields.
NEW_CHECK_FIELDS = (
    FieldSpec("year", "报告年度", "year", FieldKind.INTEGER, required=True),
    FieldSpec(
        "kind", "查核方式", "kind", FieldKind.CHOICE, required=True,
        choices=(CheckKind.TARGETED.value, CheckKind.RANDOM.value),
    ),
    FieldSpec("reason", "查核事由", "reason", FieldKind.LONG_TEXT, max_length=500),
    FieldSpec("opened_date", "查核日期", "opened date", FieldKind.DATE, required=True),
)  # fmt: skip


class CheckNewDialog(ServiceFormDialog):
    """Emits :attr:`saved` with the new :class:`records.report_check.Check`."""

    def __init__(
        self,
        worker: VaultWorker,
        official: Official,
        parent: QWidget | None = None,
        *,
        today: date | None = None,
    ) -> None:
        super().__init__(worker, tr("新建查核"), parent)
        self._official_id = official.id
        day = today or date.today()
        self.body.addWidget(QLabel(tr("人员:") + official.name, self))
        labels = {"kind": {k.value: tr(k.label_zh) for k in CheckKind}}
        self.form = FieldForm(NEW_CHECK_FIELDS, self, choice_labels=labels, validate_inline=True)
        # The report most recently due is on last year's matters (due 1月31日).
        self.form.set_values(
            {"year": str(day.year - 1), "kind": CheckKind.TARGETED.value,
             "opened_date": day.isoformat()}
        )  # fmt: skip
        self.form.inlineErrorsChanged.connect(
            lambda errors: self.save_button.setEnabled(not errors)
        )
        self.body.addWidget(self.form)
        self.resize(480, 340)

    def forms(self) -> list[FieldForm]:
        return [self.form]

    def save(self) -> None:
        if self.form.has_inline_errors():
            return  # the field already says what is wrong
        super().save()

    def make_job(self) -> Callable[[Session], object]:
        values, official_id = self.form.values(), self._official_id
        return lambda session: CheckService(session).new(
            official_id,
            str(values["year"]),
            str(values["kind"]),
            reason=str(values["reason"]),
            opened_date=str(values["opened_date"]),
        )

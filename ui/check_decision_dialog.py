"""处理决定: the handling of a completed check, chosen from the unit's ladder.

The measures offered are the security officer's list (``HandlingLadderService``, DOMAIN.md
§4 **[configurable]**), read when the dialog opens. A check that found 瞒报 carries the
built-in consequences whatever is chosen (不得提拔使用、不得列为后备干部人选); the dialog
says so before the clerk decides. A new decision supersedes the previous one, which stays
on file.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGroupBox, QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from records.check_rules import Finding
from records.fields import FieldKind, FieldSpec
from records.report_check import CONCEALED_CONSEQUENCES, Check
from records.services.check_handlings import HandlingLadderService
from records.services.checks import CheckService
from records.session import Session
from ui.error_messages import UserError, message_for
from ui.field_form import ERROR_STYLE, FieldForm
from ui.i18n import tr
from ui.service_form_dialog import ServiceFormDialog
from ui.vault_worker import VaultWorker

DECISION_FIELDS = (
    FieldSpec("decided_date", "处理日期", "decided date", FieldKind.DATE, required=True),
    FieldSpec("note", "处理说明", "note", FieldKind.LONG_TEXT, max_length=2000),
)


class CheckDecisionDialog(ServiceFormDialog):
    """Emits :attr:`saved` with the :class:`Check` and its new decision."""

    #: The ladder is on screen (tests wait on it).
    ladderLoaded = Signal(object)

    def __init__(
        self,
        worker: VaultWorker,
        check: Check,
        parent: QWidget | None = None,
        *,
        today: date | None = None,
    ) -> None:
        super().__init__(worker, tr("处理决定"), parent)
        self._check_id = check.id
        self.body.addWidget(
            QLabel(
                tr("{year}年度{kind} · 结论:{finding}").format(
                    year=check.year, kind=tr(check.kind.label_zh), finding=tr(check.finding.value)
                ),
                self,
            )
        )
        box = QGroupBox(tr("处理方式(可多选)"), self)
        self.measures = QListWidget(box)
        self.measures.setObjectName("handling_list")
        self.measures.itemChanged.connect(lambda _item: self._measures_changed())
        self.handling_error = QLabel(box)
        self.handling_error.setObjectName("error_handling")
        self.handling_error.setStyleSheet(ERROR_STYLE)
        self.handling_error.hide()
        column = QVBoxLayout(box)
        column.addWidget(self.measures)
        column.addWidget(self.handling_error)
        if check.finding is Finding.CONCEALED:
            builtin = QLabel(
                tr("查核认定瞒报,另依规定:{measures}").format(
                    measures="、".join(tr(m) for m in CONCEALED_CONSEQUENCES)
                ),
                box,
            )
            builtin.setObjectName("builtin_consequences")
            builtin.setWordWrap(True)
            builtin.setStyleSheet(ERROR_STYLE)
            column.addWidget(builtin)
        self.body.addWidget(box, 1)
        self.form = FieldForm(DECISION_FIELDS, self, validate_inline=True)
        self.form.set_values({"decided_date": (today or date.today()).isoformat()})
        self.body.addWidget(self.form)
        self.save_button.setEnabled(False)  # until the ladder is read
        self.resize(480, 560)
        # A dialog closed before the ladder arrives (deleted on close) must not be filled.
        self._closed = False
        self.finished.connect(lambda _result: setattr(self, "_closed", True))
        worker.submit(
            lambda session: HandlingLadderService(session).get(),
            self._ladder_loaded,
            self._ladder_failed,
        )

    def chosen(self) -> list[str]:
        items = (self.measures.item(row) for row in range(self.measures.count()))
        return [i.text() for i in items if i and i.checkState() == Qt.CheckState.Checked]

    def choose(self, *labels: str) -> None:
        for row in range(self.measures.count()):
            item = self.measures.item(row)
            if item.text() in labels:
                item.setCheckState(Qt.CheckState.Checked)

    def forms(self) -> list[FieldForm]:
        return [self.form]

    def save(self) -> None:
        if not self.chosen():
            self.handling_error.setText(tr("请至少选择一项处理方式"))
            self.handling_error.show()
            return
        if self.form.has_inline_errors():
            return
        super().save()

    def make_job(self) -> Callable[[Session], object]:
        check_id, chosen, values = self._check_id, self.chosen(), self.form.values()
        return lambda session: CheckService(session).decide(
            check_id, chosen, str(values["note"]), decided_date=str(values["decided_date"])
        )

    def _ladder_loaded(self, ladder: tuple[str, ...]) -> None:
        if self._closed:
            return
        for label in ladder:
            item = QListWidgetItem(label, self.measures)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
        self.save_button.setEnabled(True)
        self.ladderLoaded.emit(ladder)

    def _ladder_failed(self, error: UserError) -> None:
        if self._closed:
            return
        self.error_line.setText(message_for(error))
        self.error_line.show()

    def _measures_changed(self) -> None:
        if self.chosen():
            self.handling_error.hide()

"""登记来函: a request for 党风廉政意见, its letter and its candidates.

Each field is checked as the user leaves it, and again on 保存, with the specs the service
parses with (:mod:`records.services.vetting`), so the words match the command line; the
rules that relate fields (the letter not after today, the reply due not before the
letter) come back from the service under the field they name.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGroupBox, QSplitter, QVBoxLayout, QWidget

from records.errors import ValidationError
from records.fields import FieldKind, FieldSpec
from records.services.vetting import (
    DUE_SPEC,
    LETTER_DATE_SPEC,
    NUMBER_SPEC,
    UNIT_SPEC,
    VettingService,
)
from records.session import Session
from records.vetting_terms import Purpose
from ui.error_messages import UserError
from ui.field_form import FieldForm
from ui.i18n import tr
from ui.service_form_dialog import ServiceFormDialog
from ui.vault_worker import VaultWorker
from ui.vetting_candidate_picker import CANDIDATE_FIELD, CandidatePicker
from ui.vetting_text import purpose_labels

#: The service parses the purpose by code or label; the form offers the codes, labelled.
PURPOSE_SPEC = FieldSpec(
    "purpose",
    "来函事由",
    "purpose",
    FieldKind.CHOICE,
    required=True,
    choices=tuple(p.value for p in Purpose),
)
LETTER_SPECS = (NUMBER_SPEC, LETTER_DATE_SPEC, UNIT_SPEC, PURPOSE_SPEC, DUE_SPEC)


class NewRequestDialog(ServiceFormDialog):
    """Emits :attr:`saved` with the new :class:`records.vetting_model.VettingRequest`."""

    def __init__(
        self, worker: VaultWorker, parent: QWidget | None = None, *, today: date | None = None
    ) -> None:
        super().__init__(worker, tr("登记党风廉政意见来函"), parent)
        self.setObjectName("vetting_request_dialog")
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        letter_box = QGroupBox(tr("来函"), splitter)
        self.form = FieldForm(
            LETTER_SPECS,
            letter_box,
            choice_labels={"purpose": purpose_labels()},
            validate_inline=True,
        )
        QVBoxLayout(letter_box).addWidget(self.form)
        self.form.set_values({"date": (today or date.today()).isoformat()})
        candidates_box = QGroupBox(tr("人选(按姓名、拼音首字母、身份证号或单位查找)"), splitter)
        self.picker = CandidatePicker(worker, candidates_box)
        QVBoxLayout(candidates_box).addWidget(self.picker)
        splitter.addWidget(letter_box)
        splitter.addWidget(candidates_box)
        splitter.setStretchFactor(1, 1)
        self.body.addWidget(splitter, 1)
        self.save_button.setText(tr("登记"))
        self.form.focus_chain()[0].setFocus(Qt.FocusReason.OtherFocusReason)
        self.resize(680, 720)

    def open(self) -> None:
        super().open()
        self.picker.start()

    def forms(self) -> list[FieldForm]:
        return [self.form]

    def save(self) -> None:
        # Every field and the candidate list are checked before anything is sent, so an
        # empty field is named at once, next to itself, even if the user never visited it.
        valid = [self.form.validate_field(spec.name) for spec in LETTER_SPECS]
        has_candidates = self.picker.validate()
        if not all(valid):
            first = self.form.first_inline_error()
            if first is not None:
                self.form.editor(first).widget.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        if not has_candidates:
            return
        super().save()

    def make_job(self) -> Callable[[Session], object]:
        values = self.form.values()
        ids = self.picker.candidate_ids()
        due = str(values["due"]).strip() or None
        return lambda session: VettingService(session).create(
            str(values["number"]),
            str(values["date"]),
            str(values["unit"]),
            str(values["purpose"]),
            ids,
            due_date=due,
        )

    def _on_failed(self, error: UserError) -> None:
        # The candidates are not a FieldForm field: their errors go under the list.
        if isinstance(error, ValidationError) and error.field == CANDIDATE_FIELD:
            self._set_busy(False)
            self.picker.show_error(error.reason_zh)
            return
        super()._on_failed(error)

"""改定意见类别: the vetting officer sets a category other than the proposal, in writing.

The reply names who decided (失察失误追究制, DOMAIN.md §4), so an override needs a written
justification: the dialog refuses an empty one under the field before anything is sent
(the service refuses it too). Choosing the proposed category is allowed; the service then
stores a confirmation with the text as its note.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from records.fields import FieldKind, FieldSpec
from records.services.vetting import JUSTIFICATION_SPEC, VettingService
from records.session import Session
from records.vetting_model import CandidateView
from records.vetting_terms import Category
from ui.field_form import FieldForm, chain_tab_order
from ui.i18n import tr
from ui.service_form_dialog import ServiceFormDialog
from ui.vault_worker import VaultWorker
from ui.vetting_text import category_labels, category_text

CATEGORY_SPEC = FieldSpec(
    "category",
    "意见类别",
    "category",
    FieldKind.CHOICE,
    required=True,
    choices=tuple(str(int(c)) for c in Category),
)
#: Optional for a confirmation, required here: this dialog is only for overriding.
OVERRIDE_JUSTIFICATION_SPEC = dataclasses.replace(JUSTIFICATION_SPEC, required=True)

NOTICE_ZH = "改定系统建议的类别须书面说明理由。理由与您的姓名一并记入回复,由您负责。"


class OverrideDialog(ServiceFormDialog):
    """Emits :attr:`saved` with the new :class:`records.vetting_model.CandidateDecision`."""

    def __init__(
        self,
        worker: VaultWorker,
        request_id: int,
        candidate: CandidateView,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(worker, tr("改定意见类别"), parent)
        self.setObjectName("vetting_override_dialog")
        self._request_id = request_id
        self._official_id = candidate.official.id
        proposal = candidate.proposal
        self.body.addWidget(QLabel(tr("人选:{name}").format(name=candidate.official.name), self))
        proposed = QLabel(
            tr("系统建议:{category}\n理由:{reasons}").format(
                category=category_text(proposal.category), reasons=proposal.text_zh
            ),
            self,
        )
        proposed.setWordWrap(True)
        proposed.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.body.addWidget(proposed)
        notice = QLabel(tr(NOTICE_ZH), self)
        notice.setWordWrap(True)
        self.body.addWidget(notice)
        self.form = FieldForm(
            (CATEGORY_SPEC, OVERRIDE_JUSTIFICATION_SPEC),
            self,
            choice_labels={"category": category_labels()},
            validate_inline=True,
        )
        # Start from the category in force: the one decided, else the proposal.
        current = candidate.decision.category if candidate.decision else proposal.category
        self.form.set_values({"category": str(int(current))})
        if candidate.decision is not None and candidate.decision.justification:
            self.form.set_values({"justification": candidate.decision.justification})
        self.body.addWidget(self.form, 1)
        self.save_button.setText(tr("改定"))
        others = [b for b in self.buttons.buttons() if b is not self.save_button]
        chain_tab_order([*self.form.focus_chain(), self.save_button, *others])
        self.form.editor("category").widget.setFocus(Qt.FocusReason.OtherFocusReason)
        self.resize(560, 420)

    def set_category(self, category: Category) -> None:
        self.form.set_values({"category": str(int(category))})

    def set_justification(self, text: str) -> None:
        self.form.set_values({"justification": text})

    def forms(self) -> list[FieldForm]:
        return [self.form]

    def save(self) -> None:
        # An empty justification is refused here, under the field, before the service is
        # asked (the user may never have entered the field, so it was never checked).
        if not self.form.validate_field("justification"):
            self.form.editor("justification").widget.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        super().save()

    def make_job(self) -> Callable[[Session], object]:
        values = self.form.values()
        request_id, official_id = self._request_id, self._official_id
        category, text = str(values["category"]), str(values["justification"])
        return lambda session: VettingService(session).decide(
            request_id, official_id, category=category, justification=text
        )

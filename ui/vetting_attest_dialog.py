"""确认已审核干部人事档案: the 干部档案必审 item of 凡提四必.

The personnel file (干部人事档案) is kept on paper outside this software, so only the
officer's word, with a note of what was reviewed, can tick the item
(:meth:`records.services.vetting.VettingService.attest_file_review`).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from records.services.vetting import NOTE_SPEC, VettingService
from records.session import Session
from records.vetting_model import CandidateView
from ui.field_form import FieldForm, chain_tab_order
from ui.i18n import tr
from ui.service_form_dialog import ServiceFormDialog
from ui.vault_worker import VaultWorker

HINT_ZH = (
    "干部人事档案保存在本系统之外。请说明审核情况(如审核的内容、发现的问题),"
    "说明将记入凡提四必清单。"
)


class AttestDialog(ServiceFormDialog):
    """Emits :attr:`saved` (with ``None``) once the attestation is stored."""

    def __init__(
        self,
        worker: VaultWorker,
        request_id: int,
        candidate: CandidateView,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(worker, tr("确认已审核干部人事档案"), parent)
        self.setObjectName("vetting_attest_dialog")
        self._request_id = request_id
        self._official_id = candidate.official.id
        self.body.addWidget(QLabel(tr("人选:{name}").format(name=candidate.official.name), self))
        hint = QLabel(tr(HINT_ZH), self)
        hint.setWordWrap(True)
        self.body.addWidget(hint)
        self.form = FieldForm((NOTE_SPEC,), self, validate_inline=True)
        if candidate.file_review is not None:  # attesting again replaces the earlier note
            self.form.set_values({"note": candidate.file_review.note})
        self.body.addWidget(self.form, 1)
        self.save_button.setText(tr("确认"))
        others = [b for b in self.buttons.buttons() if b is not self.save_button]
        chain_tab_order([*self.form.focus_chain(), self.save_button, *others])
        self.form.focus_chain()[0].setFocus(Qt.FocusReason.OtherFocusReason)
        self.resize(480, 300)

    def set_note(self, text: str) -> None:
        self.form.set_values({"note": text})

    def forms(self) -> list[FieldForm]:
        return [self.form]

    def save(self) -> None:
        if not self.form.validate_field("note"):
            self.form.editor("note").widget.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        super().save()

    def make_job(self) -> Callable[[Session], object]:
        request_id, official_id = self._request_id, self._official_id
        note = str(self.form.values()["note"])
        return lambda session: VettingService(session).attest_file_review(
            request_id, official_id, note
        )

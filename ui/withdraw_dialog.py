"""撤销记录: asks for the reason, then withdraws the record (``RecordService.withdraw``).

This dialog is the confirmation: the record is named, the consequence is spelled out, and
the button stays disabled until a reason is typed. A withdrawn record stays in the dossier
and its history with the reason; it cannot be reinstated, so the step is not undoable.
:class:`ReasonWithdrawDialog` is the same form for anything else that is withdrawn with a
reason (a change report: :mod:`ui.change_withdraw_dialog`).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from records.model import Record
from records.services.dossier_records import REASON_SPEC, RecordService
from records.session import Session
from ui.display_text import date_text
from ui.field_form import FieldForm, chain_tab_order
from ui.i18n import tr
from ui.record_columns import record_summary, record_type_label
from ui.service_form_dialog import ServiceFormDialog
from ui.vault_worker import VaultWorker

WARNING_ZH = (
    "撤销后,该记录仍保留在档案及其修改历史中,标明“已撤销”和撤销理由,"
    "但不能再修改,也不能恢复(撤销操作不能撤消)。"
)


class ReasonWithdrawDialog(ServiceFormDialog):
    """Names what is withdrawn (``what``), warns what follows (``warning``) and asks for the
    reason, checked as the service checks it (``REASON_SPEC``); ``button`` is the action's
    name. Subclasses give the service call in :meth:`withdraw_job`."""

    def __init__(
        self,
        worker: VaultWorker,
        *,
        title: str,
        what: str,
        warning: str,
        button: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(worker, title, parent)
        subject = QLabel(what, self)
        subject.setWordWrap(True)
        self.body.addWidget(subject)
        notice = QLabel(warning, self)
        notice.setWordWrap(True)
        self.body.addWidget(notice)
        self.form = FieldForm((REASON_SPEC,), self, validate_inline=True)
        self.form.editor("reason").on_changed(self._update_button)
        self.form.inlineErrorsChanged.connect(lambda _errors: self._update_button())
        self.body.addWidget(self.form, 1)
        self.save_button.setText(button)
        others = [b for b in self.buttons.buttons() if b is not self.save_button]
        chain_tab_order([*self.form.focus_chain(), self.save_button, *others])
        self.form.focus_chain()[0].setFocus(Qt.FocusReason.OtherFocusReason)
        self._update_button()
        self.resize(460, 300)

    def reason(self) -> str:
        return str(self.form.editor("reason").value())

    def set_reason(self, text: str) -> None:
        self.form.set_values({"reason": text})

    def forms(self) -> list[FieldForm]:
        return [self.form]

    def make_job(self) -> Callable[[Session], object]:
        return self.withdraw_job(self.reason())

    def withdraw_job(self, reason: str) -> Callable[[Session], object]:
        """The withdrawal with ``reason`` (captured now, on the GUI thread)."""
        raise NotImplementedError

    def _update_button(self) -> None:
        given = bool(self.reason().strip())
        self.save_button.setEnabled(given and not self.form.has_inline_errors())


class WithdrawDialog(ReasonWithdrawDialog):
    """Emits :attr:`saved` with the withdrawn :class:`Record`."""

    def __init__(self, worker: VaultWorker, record: Record, parent: QWidget | None = None) -> None:
        what = "  ·  ".join(
            (record_type_label(record), date_text(record.record_date), record_summary(record))
        )
        super().__init__(
            worker,
            title=tr("撤销记录"),
            what=tr("记录:") + what,
            warning=tr(WARNING_ZH),
            button=tr("撤销记录"),
            parent=parent,
        )
        self._record_id = record.id

    def withdraw_job(self, reason: str) -> Callable[[Session], object]:
        record_id = self._record_id
        return lambda session: RecordService(session).withdraw(record_id, reason)

"""新建档案: the official's basic information, built from ``OFFICIAL_FIELDS``."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QLabel, QScrollArea, QWidget

from records.model import OfficialStatus
from records.official_fields import OFFICIAL_FIELDS
from records.services.officials import OfficialService
from records.session import Session
from ui.display_text import official_choice_labels
from ui.field_form import FieldForm
from ui.i18n import tr
from ui.service_form_dialog import ServiceFormDialog
from ui.vault_worker import VaultWorker


class OfficialDialog(ServiceFormDialog):
    """Emits :attr:`saved` with the new :class:`records.model.Official`."""

    def __init__(self, worker: VaultWorker, parent: QWidget | None = None) -> None:
        super().__init__(worker, tr("新建档案"), parent)
        hint = QLabel(tr("带 * 的为必填项;性别和出生日期可不填,按公民身份号码自动确定。"), self)
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #666;")
        self.body.addWidget(hint)
        self.form = FieldForm(OFFICIAL_FIELDS, choice_labels=official_choice_labels())
        self.form.set_values({"status": OfficialStatus.SERVING.value})
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.form)
        self.body.addWidget(scroll)
        self._scroll = scroll
        self.resize(560, 680)

    def forms(self) -> list[FieldForm]:
        return [self.form]

    def make_job(self) -> Callable[[Session], object]:
        values = self.form.values()
        return lambda session: OfficialService(session).add(values)

    def reveal(self, widget: QWidget) -> None:
        self._scroll.ensureWidgetVisible(widget)

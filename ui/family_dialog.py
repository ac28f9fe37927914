"""添加家庭成员: one family member or main social relation, built from ``FAMILY_FIELDS``."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QLabel, QWidget

from records.model import Official
from records.official_fields import FAMILY_FIELDS
from records.services.officials import OfficialService
from records.session import Session
from ui.field_form import FieldForm
from ui.i18n import tr
from ui.service_form_dialog import ServiceFormDialog
from ui.vault_worker import VaultWorker


class FamilyMemberDialog(ServiceFormDialog):
    """Emits :attr:`saved` with the new :class:`records.model.FamilyMember`."""

    def __init__(
        self, worker: VaultWorker, official: Official, parent: QWidget | None = None
    ) -> None:
        super().__init__(worker, tr("添加家庭成员"), parent)
        self._official_id = official.id
        self.body.addWidget(QLabel(tr("人员:") + official.name, self))
        self.form = FieldForm(FAMILY_FIELDS, self)
        self.body.addWidget(self.form)
        self.resize(480, 420)

    def forms(self) -> list[FieldForm]:
        return [self.form]

    def make_job(self) -> Callable[[Session], object]:
        values = self.form.values()
        official_id = self._official_id
        return lambda session: OfficialService(session).add_family_member(official_id, values)

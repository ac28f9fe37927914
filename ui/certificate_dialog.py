"""生成签章证书: a unit root and a signing certificate, created on the worker and kept in
the vault (for units without a CA of their own).

Creating the keys takes a moment, so it runs on the vault worker behind the form's busy
bar; the private key goes straight from :mod:`exports.certificates` into the vault and
never reaches the GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from exports.certificates import create_unit_identity, identity_for_vault
from exports.errors import CertificateError
from records.errors import ValidationError
from records.fields import FieldSpec
from records.services.signing_identity import InstalledIdentity, SigningIdentityService
from records.session import Session
from ui.field_form import FieldForm
from ui.i18n import tr
from ui.password_dialogs import hint_label
from ui.service_form_dialog import ServiceFormDialog
from ui.vault_worker import VaultWorker

UNIT_MAX_LENGTH = 40


def create_and_install(
    session: Session, unit: str, *, replace: bool, invalid: ValidationError
) -> InstalledIdentity | None:
    """The worker's job: new identity for ``unit``, installed (replacing one if asked)."""
    try:
        identity = create_unit_identity(unit)
    except CertificateError:
        raise invalid from None
    service = SigningIdentityService(session)
    service.install(identity_for_vault(identity), replace=replace)
    return service.installed()


class CertificateDialog(ServiceFormDialog):
    """Emits :attr:`saved` with the :class:`InstalledIdentity`.

    :param replace: the security officer has confirmed replacing the current identity.
    """

    def __init__(
        self,
        worker: VaultWorker,
        *,
        replace: bool,
        unit: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(worker, tr("生成签章证书"), parent)
        self._replace = replace
        self.body.addWidget(
            hint_label(
                tr(
                    "为本单位生成根证书和签章证书,保存在加密的档案库中,只有审核员导出时使用。"
                    "生成后请导出根证书,交给需要核验本单位PDF的单位。"
                ),
                self,
            )
        )
        self.form = FieldForm(
            [FieldSpec("unit", tr("单位名称"), "unit", required=True, max_length=UNIT_MAX_LENGTH)],
            self,
        )
        self.form.set_values({"unit": unit})
        self.body.addWidget(self.form)
        self.save_button.setText(tr("生成"))
        self.resize(460, self.sizeHint().height())

    def forms(self) -> list[FieldForm]:
        return [self.form]

    def make_job(self) -> Callable[[Session], object]:
        unit, replace = str(self.form.values()["unit"]).strip(), self._replace
        invalid = ValidationError(
            "unit", tr("单位名称"), tr("不能为空,也不能过长"), "empty or too long"
        )
        return lambda session: create_and_install(session, unit, replace=replace, invalid=invalid)

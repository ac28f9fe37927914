"""密钥与证书 (安全保密管理员): rotate the data key, create the signing certificate, export
the unit root certificate.

Each step asks first where it cannot be undone (rotation, replacing a certificate) and runs
on the vault worker; rotation shows its own progress dialog (ui/key_rotation_flow.py).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel, QPushButton, QWidget

from exports.errors import ExportError
from records.services.signing_identity import InstalledIdentity, SigningIdentityService
from records.session import Session
from ui.certificate_dialog import CertificateDialog
from ui.confirmations import Confirmations
from ui.error_messages import UserError, message_for
from ui.file_dialogs import FileDialogs, documents_folder
from ui.i18n import tr
from ui.key_rotation_flow import KeyRotationFlow
from ui.notices import Notices
from ui.vault_worker import VaultWorker


def write_root_certificate(session: Session, path: Path) -> Path:
    """The worker's job: the unit root (public, audited ``cert.export``) into ``path``."""
    pem = SigningIdentityService(session).root_certificate()
    try:
        path.write_bytes(pem)
    except OSError as exc:
        raise ExportError(
            f"无法写入文件:{path}({exc.strerror})", f"cannot write {path}: {exc.strerror}"
        ) from None
    return path


def identity_text(identity: InstalledIdentity | None) -> str:
    if identity is None:
        return tr("尚未生成签章证书:审核员暂时不能导出签章PDF。")
    return tr("签章证书:{unit}({day} 由 {by} 生成)").format(
        unit=identity.unit, day=identity.created_at.strftime("%Y-%m-%d"), by=identity.created_by
    )


class KeysBox(QGroupBox):
    #: A short report for the window's status bar.
    message = Signal(str)
    #: The signing identity on screen changed (an :class:`InstalledIdentity` or ``None``).
    identityShown = Signal(object)
    #: The root certificate was written to this :class:`Path`.
    rootExported = Signal(object)

    def __init__(
        self,
        worker: VaultWorker,
        file_dialogs: FileDialogs,
        notices: Notices,
        confirmations: Confirmations,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(tr("密钥与证书"), parent)
        self._worker = worker
        self._file_dialogs = file_dialogs
        self._notices = notices
        self._confirmations = confirmations
        self._sequence = 0
        self._identity: InstalledIdentity | None = None
        self._folder: Path | None = None
        self.rotation = KeyRotationFlow(worker, notices, self)

        key_text = QLabel(
            tr("数据密钥加密整个档案库。人员离职、账户停用后或按保密要求定期轮换。"), self
        )
        key_text.setWordWrap(True)
        self.rotate_button = QPushButton(tr("轮换数据密钥…"), self)
        self.identity_label = QLabel(self)
        self.identity_label.setWordWrap(True)
        self.create_button = QPushButton(tr("生成签章证书…"), self)
        self.export_button = QPushButton(tr("导出根证书…"), self)
        layout = QGridLayout(self)
        layout.addWidget(key_text, 0, 0)
        layout.addWidget(self.rotate_button, 0, 1)
        layout.addWidget(self.identity_label, 1, 0, 2, 1, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.create_button, 1, 1)
        layout.addWidget(self.export_button, 2, 1)
        layout.setColumnStretch(0, 1)

        self.rotate_button.clicked.connect(self.rotate)
        self.create_button.clicked.connect(self.create_certificate)
        self.export_button.clicked.connect(self.export_root)
        self.rotation.busyChanged.connect(lambda busy: self.rotate_button.setEnabled(not busy))
        self.rotation.rotated.connect(
            lambda result: self.message.emit(
                tr("数据密钥已轮换为第 {n} 代").format(n=result.generation)
            )
        )
        self._show_identity(None)

    # ---- actions -------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read which signing identity is installed (not an audited read)."""
        self._sequence += 1
        sequence = self._sequence
        self._worker.submit(
            lambda session: SigningIdentityService(session).installed(),
            lambda identity: self._loaded(sequence, identity),
            lambda error: self._loaded(sequence, None, error),
        )

    def rotate(self) -> None:
        if self.rotation.is_busy:
            return
        self._confirmations.ask(
            self,
            tr("轮换数据密钥"),
            tr(
                "用新的数据密钥重新加密整个档案库,并为每个启用的账户封装新密钥;"
                "停用账户和旧密钥文件副本从此不能再打开档案库。\n\n"
                "过程中请勿关闭程序或断电(中断也不会丢失数据)。档案库越大用时越长,"
                "其间不能进行其他操作。以前的备份仍用原密码打开。\n\n现在轮换吗?"
            ),
            tr("轮换"),
            self.rotation.start,
        )

    def create_certificate(self) -> None:
        """Ask for the unit's name; first confirm replacing the identity, if there is one."""
        self._worker.submit(
            lambda session: SigningIdentityService(session).installed(),
            self._ask_for_unit,
            lambda error: self._notices.error(self, tr("生成签章证书"), message_for(error)),
        )

    def export_root(self) -> None:
        suggested = (self._folder or documents_folder()) / (tr("本单位根证书") + ".pem")
        path = self._file_dialogs.save_path(
            self, tr("导出根证书"), suggested, tr("证书文件 (*.pem)"), ".pem"
        )
        if path is None:
            return
        self._folder = path.parent
        self._worker.submit(
            lambda session: write_root_certificate(session, path),
            self._exported,
            lambda error: self._notices.error(self, tr("导出根证书"), message_for(error)),
        )

    def clear(self) -> None:
        """Forget what is shown and stop waiting for a rotation (the window is locking)."""
        self._sequence += 1
        self.rotation.abandon()
        self._show_identity(None)
        self.identity_label.clear()

    # ---- results -------------------------------------------------------------------------

    def _ask_for_unit(self, identity: InstalledIdentity | None) -> None:
        if identity is None:
            self._open_dialog(replace=False, unit="")
            return
        self._confirmations.ask(
            self,
            tr("替换签章证书"),
            tr(
                "本单位已有签章证书({unit},{day} 生成)。\n\n替换后,新导出的PDF由新证书签章,"
                "接收单位需要改用新的根证书核验;已导出的PDF仍可用原根证书核验。\n\n"
                "确定生成新证书并替换吗?"
            ).format(unit=identity.unit, day=identity.created_at.strftime("%Y-%m-%d")),
            tr("替换"),
            lambda: self._open_dialog(replace=True, unit=identity.unit),
        )

    def _open_dialog(self, *, replace: bool, unit: str) -> None:
        dialog = CertificateDialog(self._worker, replace=replace, unit=unit, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(self._installed)
        dialog.open()

    def _installed(self, identity: InstalledIdentity | None) -> None:
        self._sequence += 1  # newer than any reading still under way
        self._show_identity(identity)
        if identity is not None:
            self.message.emit(tr("已生成签章证书:{unit}").format(unit=identity.unit))

    def _loaded(
        self, sequence: int, identity: InstalledIdentity | None, error: UserError | None = None
    ) -> None:
        if sequence != self._sequence:
            return
        self._show_identity(identity)
        if error is not None:
            self.identity_label.setText(message_for(error))

    def _exported(self, path: Path) -> None:
        self._notices.info(
            self,
            tr("导出根证书"),
            tr("已导出本单位根证书:\n{path}\n\n请交给需要核验本单位签章PDF的单位。").format(
                path=path
            ),
        )
        self.message.emit(tr("已导出根证书"))
        self.rootExported.emit(path)

    def _show_identity(self, identity: InstalledIdentity | None) -> None:
        self._identity = identity
        self.identity_label.setText(identity_text(identity))
        self.export_button.setEnabled(identity is not None)
        self.identityShown.emit(identity)

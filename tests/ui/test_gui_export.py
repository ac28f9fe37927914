"""导出签章PDF from the main window: a vetting officer's signed PDF verifies."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from exports.certificates import create_unit_identity
from exports.verify import verify_pdf
from records.model import User
from records.services.signing_identity import SigningIdentityService, StoredIdentity
from records.vault import unlock_vault
from ui.main_window import MainWindow
from ui.vault_worker import VaultWorker


@pytest.fixture(scope="module")
def identity():
    # Module scope: RSA key generation is the slow part of this file.
    return create_unit_identity("青山县纪委监委")


@pytest.fixture
def root_pem(vault, identity) -> bytes:
    with unlock_vault(vault.path, "secadmin1", vault.password("secadmin1")) as session:
        SigningIdentityService(session).install(
            StoredIdentity(
                identity.unit,
                identity.root_cert_pem,
                identity.signing_cert_pem,
                identity.signing_key_pem,
            )
        )
    return bytes(identity.root_cert_pem)


def _window(qtbot, worker, user, file_dialogs, notices, vault) -> MainWindow:
    window = MainWindow(worker, user, file_dialogs=file_dialogs, notices=notices)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.search.model.rowCount() == 3)
    official_id = vault.official_ids["张建国"]
    window.search.select_row(window.search.model.row_of(official_id))
    qtbot.waitUntil(lambda: window.dossier_view.current_official_id() == official_id)
    return window


def test_vetting_officer_exports_a_pdf_that_verifies(
    qtbot: QtBot,
    worker: VaultWorker,
    unlock_as: Callable[[str], User],
    vault,
    root_pem: bytes,
    file_dialogs,
    notices,
    tmp_path: Path,
) -> None:
    window = _window(qtbot, worker, unlock_as("vetting1"), file_dialogs, notices, vault)
    assert not window.menu_actions.new_official.isEnabled()  # vetting reads, clerks file
    assert window.menu_actions.export_pdf.isEnabled()
    out = tmp_path / "out" / "张建国.pdf"
    out.parent.mkdir()
    file_dialogs.answer = out

    window.menu_actions.export_pdf.trigger()
    assert not window.menu_actions.export_pdf.isEnabled()  # busy: no second export meanwhile
    qtbot.waitUntil(lambda: bool(notices.infos or notices.errors), timeout=20_000)

    assert notices.errors == []
    assert file_dialogs.suggested[0].name.startswith("张建国-廉政档案")
    message = notices.infos[0]
    assert "文号:LD-" in message
    result = verify_pdf(out.read_bytes(), [root_pem])
    assert result.ok, result.problems
    assert window.menu_actions.export_pdf.isEnabled()


def test_cancelled_save_dialog_exports_nothing(
    qtbot: QtBot, worker: VaultWorker, unlock_as, vault, root_pem, file_dialogs, notices
) -> None:
    window = _window(qtbot, worker, unlock_as("vetting1"), file_dialogs, notices, vault)
    file_dialogs.answer = None
    window.menu_actions.export_pdf.trigger()
    assert not window.export_flow.is_busy
    assert notices.infos == notices.errors == []


def test_export_refusal_is_a_chinese_message(
    qtbot: QtBot, worker: VaultWorker, unlock_as, vault, file_dialogs, notices, tmp_path: Path
) -> None:
    # The clerk's action is disabled; the service refuses anyway if the flow is reached.
    window = _window(qtbot, worker, unlock_as("clerk1"), file_dialogs, notices, vault)
    assert not window.menu_actions.export_pdf.isEnabled()
    file_dialogs.answer = tmp_path / "x.pdf"
    official = window.dossier_view.current_official()
    assert official is not None
    window.export_flow.start(official)
    qtbot.waitUntil(lambda: bool(notices.errors))
    assert notices.errors[0].startswith("权限不足")
    assert not (tmp_path / "x.pdf").exists()


def test_export_without_a_certificate_says_so(
    qtbot: QtBot, worker: VaultWorker, unlock_as, vault, file_dialogs, notices, tmp_path: Path
) -> None:
    window = _window(qtbot, worker, unlock_as("vetting1"), file_dialogs, notices, vault)
    file_dialogs.answer = tmp_path / "x.pdf"
    window.menu_actions.export_pdf.trigger()
    qtbot.waitUntil(lambda: bool(notices.errors))
    assert "签章证书" in notices.errors[0]
    assert not (tmp_path / "x.pdf").exists()

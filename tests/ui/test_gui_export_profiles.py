"""导出签章PDF asks which version to export: 涉密 (default), 内部 or 公开."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from exports.certificates import SigningIdentity, create_unit_identity, identity_for_vault
from exports.verify import verify_pdf
from records import audit
from records.model import Official, User
from records.services.signing_identity import SigningIdentityService
from records.vault import unlock_vault
from ui.export_flow import profile_choices, suggested_file_name
from ui.main_window import MainWindow
from ui.vault_worker import VaultWorker


@pytest.fixture(scope="module")
def identity() -> SigningIdentity:
    return create_unit_identity("青山县纪委监委")


@pytest.fixture
def root_pem(vault, identity: SigningIdentity) -> bytes:
    with unlock_vault(vault.path, "secadmin1", vault.password("secadmin1")) as session:
        SigningIdentityService(session).install(identity_for_vault(identity))
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


def test_the_choices_offer_the_full_dossier_first() -> None:
    codes = [code for code, _label in profile_choices()]
    assert codes == ["secret", "internal", "public"]


def test_the_public_version_is_exported_when_chosen(
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
    file_dialogs.profile = "public"
    file_dialogs.answer = tmp_path / "公开.pdf"

    window.menu_actions.export_pdf.trigger()
    qtbot.waitUntil(lambda: bool(notices.infos or notices.errors), timeout=20_000)

    assert notices.errors == []
    assert file_dialogs.profile_choices == [profile_choices()]
    assert "-公开-" in file_dialogs.suggested[0].name  # the suggested name says which version
    assert verify_pdf(file_dialogs.answer.read_bytes(), [root_pem]).ok
    window.close()
    with unlock_vault(vault.path, "vetting1", vault.password("vetting1")) as session:
        last = [e for e in audit.entries(session.conn) if e.action == "dossier.export"][-1]
    assert last.detail.endswith("profile=public")


def test_cancelling_the_version_question_asks_nothing_more(
    qtbot: QtBot, worker: VaultWorker, unlock_as, vault, file_dialogs, notices
) -> None:
    window = _window(qtbot, worker, unlock_as("vetting1"), file_dialogs, notices, vault)
    file_dialogs.profile = None

    window.menu_actions.export_pdf.trigger()

    assert file_dialogs.suggested == []  # the save dialog never opened
    assert not window.export_flow.is_busy
    assert notices.infos == notices.errors == []


def test_the_suggested_name_defaults_to_the_full_dossier(qtbot: QtBot) -> None:
    official = Official(7, "张三", "110101197001011237", "男", date(1970, 1, 1), "局", "局长", "")
    assert suggested_file_name(official) == "张三-廉政档案-涉密-7.pdf"

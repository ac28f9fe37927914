"""安全 (安全保密管理员): policy, role grants, key rotation and the signing certificate."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from cryptography.x509.oid import NameOID
from pytestqt.qtbot import QtBot

from exports.certificates import load_pem_certificate
from records.errors import AccountDisabledError
from records.model import User
from records.policy import SecurityPolicy
from records.roles import Role
from records.services.account_admin import AccountAdminService
from records.services.policy import PolicyService
from records.vault import unlock_vault
from tests.ui.conftest import (
    PASSWORDS,
    WAIT_MS,
    AnsweringConfirmations,
    AnsweringFileDialogs,
    RecordingNotices,
    Vault,
)
from ui.admin_window import AdminWindow
from ui.certificate_dialog import CertificateDialog
from ui.security_panel import SecurityPanel
from ui.vault_worker import VaultWorker

UNIT = "青山县纪委监委"


@pytest.fixture
def window(
    qtbot: QtBot,
    worker: VaultWorker,
    unlock_as: Callable[[str], User],
    file_dialogs: AnsweringFileDialogs,
    notices: RecordingNotices,
    confirmations: AnsweringConfirmations,
) -> AdminWindow:
    admin = AdminWindow(
        worker,
        unlock_as("secadmin1"),
        file_dialogs=file_dialogs,
        notices=notices,
        confirmations=confirmations,
    )
    qtbot.addWidget(admin)
    admin.show()
    return admin


@pytest.fixture
def panel(qtbot: QtBot, window: AdminWindow) -> SecurityPanel:
    assert window.tab_keys() == ["security"] and window.security_panel is not None
    panel = window.security_panel
    qtbot.waitUntil(panel.policy.save_button.isEnabled, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: panel.roles.accounts.model.rowCount() == 5, timeout=WAIT_MS)
    return panel


def roles_of(panel: SecurityPanel, name: str) -> str:
    model = panel.roles.accounts.model
    for row in range(model.rowCount()):
        if model.data(model.index(row, 0)) == name:
            return str(model.data(model.index(row, 2)))
    raise AssertionError(name)


# ---- policy ---------------------------------------------------------------------------------


def test_the_policy_form_has_the_parsers_limits_and_chinese_labels(panel: SecurityPanel) -> None:
    form = panel.policy
    assert {name: (s.minimum(), s.maximum()) for name, s in form.spin_boxes.items()} == {
        "max_failures": (1, 100),
        "lockout_minutes": (1, 1440),
        "auto_lock_minutes": (1, 240),
        "attachment_max_mb": (1, 500),
        "change_report_days": (1, 365),
        "check_sample_percent": (1, 100),
    }
    assert form.check_boxes["allow_remember"].text() == "允许在本机记住登录"
    assert form.spin_boxes["max_failures"].value() == 5  # the vault's (default) policy


def test_saving_a_policy_change_persists(
    qtbot: QtBot, window: AdminWindow, panel: SecurityPanel, vault: Vault
) -> None:
    form = panel.policy
    form.spin_boxes["max_failures"].setValue(3)
    form.spin_boxes["auto_lock_minutes"].setValue(30)
    form.check_boxes["allow_remember"].setChecked(True)
    with qtbot.waitSignal(form.policyChanged, timeout=WAIT_MS) as saved:
        form.save_button.click()
    expected = SecurityPolicy(max_failures=3, auto_lock_minutes=30, allow_remember=True)
    assert saved.args == [expected]
    assert window.statusBar().currentMessage() == (
        "已保存安全策略:登录失败次数上限、自动锁定时间(分钟)、允许在本机记住登录"
    )
    with unlock_vault(vault.path, "clerk1", vault.password("clerk1")) as fresh:
        assert PolicyService(fresh).get() == expected

    with qtbot.waitSignal(form.message, timeout=WAIT_MS) as again:
        form.save_button.click()  # nothing changed: nothing written
    assert again.args == ["安全策略没有改动"]


def test_revert_shows_the_stored_policy_again(qtbot: QtBot, panel: SecurityPanel) -> None:
    form = panel.policy
    form.spin_boxes["lockout_minutes"].setValue(99)
    with qtbot.waitSignal(form.loaded, timeout=WAIT_MS):
        form.revert_button.click()
    assert form.spin_boxes["lockout_minutes"].value() == 15


# ---- roles ----------------------------------------------------------------------------------


def test_granting_auditor_to_a_clerk_is_refused_by_separation_of_duties(
    qtbot: QtBot, panel: SecurityPanel, notices: RecordingNotices
) -> None:
    box = panel.roles
    assert box.accounts.select_name("clerk1")
    box.select_role(Role.AUDITOR)
    assert box.grant_button.isEnabled() and not box.revoke_button.isEnabled()
    box.grant_button.click()
    qtbot.waitUntil(lambda: bool(notices.errors), timeout=WAIT_MS)
    assert notices.errors == [
        "违反三员分立:一个账户不能同时担任录入员、安全审计员(可由安全保密管理员在小单位策略中放开)"
    ]
    assert roles_of(panel, "clerk1") == "录入员"


def test_grant_and_revoke_a_business_role(qtbot: QtBot, panel: SecurityPanel) -> None:
    box = panel.roles
    assert box.accounts.select_name("clerk1")
    box.select_role(Role.VETTING)
    with qtbot.waitSignal(box.accounts.refreshed, timeout=WAIT_MS):
        box.grant_button.click()
    assert roles_of(panel, "clerk1") == "录入员、审核员"
    assert box.revoke_button.isEnabled() and not box.grant_button.isEnabled()
    with qtbot.waitSignal(box.accounts.refreshed, timeout=WAIT_MS):
        box.revoke_button.click()
    assert roles_of(panel, "clerk1") == "录入员"


def test_the_last_system_administrator_keeps_the_role(
    qtbot: QtBot, panel: SecurityPanel, notices: RecordingNotices
) -> None:
    form, box = panel.policy, panel.roles
    form.check_boxes["allow_combined_roles"].setChecked(True)  # a small unit
    with qtbot.waitSignal(form.policyChanged, timeout=WAIT_MS):
        form.save_button.click()
    assert box.accounts.select_name("admin")
    box.select_role(Role.CLERK)
    with qtbot.waitSignal(box.accounts.refreshed, timeout=WAIT_MS):
        box.grant_button.click()
    assert roles_of(panel, "admin") == "录入员、系统管理员"
    box.select_role(Role.SYSADMIN)
    box.revoke_button.click()
    qtbot.waitUntil(lambda: bool(notices.errors), timeout=WAIT_MS)
    assert notices.errors == ["admin 是最后一个启用的系统管理员,不能停用或撤销"]


# ---- keys and certificates ------------------------------------------------------------------


def test_rotation_through_the_panel_keeps_every_enabled_user_in(
    qtbot: QtBot,
    panel: SecurityPanel,
    vault: Vault,
    notices: RecordingNotices,
    confirmations: AnsweringConfirmations,
) -> None:
    with unlock_vault(vault.path, "admin", vault.password("admin")) as session:
        AccountAdminService(session).disable("vetting1")
    keys = panel.keys
    with qtbot.waitSignal(keys.rotation.rotated, timeout=WAIT_MS) as rotated:
        keys.rotate_button.click()
        assert not keys.rotate_button.isEnabled()  # busy: no second rotation
    assert "重新加密整个档案库" in confirmations.asked[0]
    assert rotated.args[0].generation == 2
    assert notices.infos[0].startswith("数据密钥已轮换为第 2 代,")
    qtbot.waitUntil(keys.rotate_button.isEnabled)
    for name in ("admin", "clerk1", "secadmin1", "auditor1"):
        unlock_vault(vault.path, name, PASSWORDS[name]).close()
    with pytest.raises(AccountDisabledError):
        unlock_vault(vault.path, "vetting1", vault.password("vetting1")).close()


def test_a_declined_rotation_does_nothing(
    qtbot: QtBot, panel: SecurityPanel, confirmations: AnsweringConfirmations
) -> None:
    confirmations.answer = False
    panel.keys.rotate_button.click()
    assert not panel.keys.rotation.is_busy
    assert len(confirmations.asked) == 1


def create_certificate(qtbot: QtBot, panel: SecurityPanel, unit: str | None) -> CertificateDialog:
    keys = panel.keys
    keys.create_button.click()
    qtbot.waitUntil(lambda: keys.findChild(CertificateDialog) is not None, timeout=WAIT_MS)
    dialog = keys.findChild(CertificateDialog)
    assert dialog is not None
    if unit is not None:
        dialog.form.set_values({"unit": unit})
    return dialog


def test_create_the_certificate_and_export_the_root(
    qtbot: QtBot,
    panel: SecurityPanel,
    file_dialogs: AnsweringFileDialogs,
    confirmations: AnsweringConfirmations,
    tmp_path: Path,
) -> None:
    keys = panel.keys
    qtbot.waitUntil(lambda: keys.identity_label.text().startswith("尚未生成签章证书"))
    assert not keys.export_button.isEnabled()

    dialog = create_certificate(qtbot, panel, "")
    dialog.save_button.click()
    qtbot.waitUntil(dialog.form.error_label("unit").isVisible, timeout=WAIT_MS)
    assert dialog.form.error_label("unit").text() == "不能为空,也不能过长"

    dialog.form.set_values({"unit": UNIT})
    with qtbot.waitSignal(dialog.saved, timeout=30_000):
        dialog.save_button.click()
    assert confirmations.asked == []  # nothing to replace
    assert keys.identity_label.text().startswith(f"签章证书:{UNIT}(")
    assert keys.export_button.isEnabled()

    file_dialogs.answer = tmp_path / "root.pem"
    with qtbot.waitSignal(keys.rootExported, timeout=WAIT_MS):
        keys.export_button.click()
    assert file_dialogs.suggested[-1].suffix == ".pem"
    certificate = load_pem_certificate(file_dialogs.answer.read_bytes())
    [organisation] = certificate.subject.get_attributes_for_oid(NameOID.ORGANIZATION_NAME)
    assert organisation.value == UNIT


def test_replacing_the_certificate_asks_first(
    qtbot: QtBot,
    panel: SecurityPanel,
    confirmations: AnsweringConfirmations,
) -> None:
    first = create_certificate(qtbot, panel, UNIT)
    with qtbot.waitSignal(first.saved, timeout=30_000):
        first.save_button.click()
    qtbot.waitUntil(lambda: panel.keys.findChild(CertificateDialog) is None)

    confirmations.answer = False
    panel.keys.create_button.click()
    qtbot.waitUntil(lambda: bool(confirmations.asked), timeout=WAIT_MS)
    assert f"本单位已有签章证书({UNIT}," in confirmations.asked[0]
    qtbot.wait(50)
    assert panel.keys.findChild(CertificateDialog) is None  # declined: no dialog

    confirmations.answer = True
    dialog = create_certificate(qtbot, panel, None)
    assert dialog.form.values()["unit"] == UNIT  # the current unit, to keep or change
    dialog.form.set_values({"unit": "青山县委组织部"})
    with qtbot.waitSignal(dialog.saved, timeout=30_000):
        dialog.save_button.click()
    assert panel.keys.identity_label.text().startswith("签章证书:青山县委组织部(")

"""影响期 in the security officer's panel: edit, reset, refuse bad input — all audited."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

import pytest
from pytestqt.qtbot import QtBot

from records.model import User
from records.services.audit_trail import AuditQuery, AuditService
from records.services.dossier_records import RecordService
from records.services.eligibility import EligibilityService
from records.services.influence_rules import InfluenceRuleService
from records.vault import unlock_vault
from tests.ui.conftest import (
    WAIT_MS,
    AnsweringConfirmations,
    AnsweringFileDialogs,
    RecordingNotices,
    Vault,
)
from ui.admin_window import AdminWindow
from ui.influence_rules_box import InfluenceRulesBox
from ui.vault_worker import VaultWorker

WARNING = "党纪处分:警告"


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
def box(qtbot: QtBot, window: AdminWindow) -> InfluenceRulesBox:
    assert window.security_panel is not None
    rules = window.security_panel.influence
    qtbot.waitUntil(rules.save_button.isEnabled, timeout=WAIT_MS)
    return rules


def periods(vault: Vault) -> dict[str, tuple[int | None, bool]]:
    with unlock_vault(vault.path, "clerk1", vault.password("clerk1")) as session:
        return {r.key: (r.months, r.overridden) for r in InfluenceRuleService(session).list()}


def test_the_table_shows_every_kind_with_its_default(box: InfluenceRulesBox) -> None:
    assert box.title() == "影响期" and box.isVisible()
    assert box.edits[WARNING].text() == "12"
    assert box.edits["政务处分:警告"].text() == "6"
    assert box.edits["政务处分:开除"].text() == "永久"
    assert box.edits["诫勉"].text() == "6"
    assert box.edits["组织处理:停职检查"].text() == ""  # no period of its own
    assert box.defaults["党纪处分:留党察看"].text() == "默认:24个月;另加察看期×12个月"
    assert not box.reset_buttons[WARNING].isEnabled()  # nothing to reset yet


def test_the_security_officer_edits_a_period_and_it_shows_and_counts(
    qtbot: QtBot, box: InfluenceRulesBox, vault: Vault
) -> None:
    box.edits[WARNING].setText("1")
    box.edits["党纪处分:开除党籍"].setText("永久")
    with qtbot.waitSignal(box.changed, timeout=WAIT_MS) as changed:
        box.save_button.click()
    assert changed.args[0].changed == {
        WARNING: ("12个月", "1个月(调整)"),
        "党纪处分:开除党籍": ("60个月", "永久(调整)"),
    }
    assert box.edits[WARNING].text() == "1"
    assert box.defaults[WARNING].text() == "默认:12个月;已调整"
    assert box.reset_buttons[WARNING].isEnabled()
    assert periods(vault)[WARNING] == (1, True)
    assert periods(vault)["党纪处分:开除党籍"] == (None, True)

    # The clerk's rule follows: a two-month-old warning no longer bars the official.
    with unlock_vault(vault.path, "clerk1", vault.password("clerk1")) as clerk:
        official = vault.official_ids["王伟"]
        RecordService(clerk).add(
            official, "sanction", (date.today() - timedelta(days=62)).isoformat(),
            {"system": "党纪处分", "kind": "警告", "decision_number": "青纪〔2026〕5号"},
        )  # fmt: skip
        assert EligibilityService(clerk).assess(official).eligible

    with unlock_vault(vault.path, "auditor1", vault.password("auditor1")) as auditor:
        [entry] = AuditService(auditor).query(AuditQuery(action="influence.rules.set"))
    assert entry.user_name == "secadmin1" and "党纪处分:警告: 12个月→1个月(调整)" in entry.detail

    with qtbot.waitSignal(box.changed, timeout=WAIT_MS):
        box.reset_buttons[WARNING].click()
    assert box.edits[WARNING].text() == "12"
    assert not box.reset_buttons[WARNING].isEnabled()
    assert periods(vault)[WARNING] == (12, False)

    with qtbot.waitSignal(box.message, timeout=WAIT_MS) as message:
        box.save_button.click()  # nothing changed: nothing written
    assert message.args == ["影响期没有改动"]


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("半年", "应为0到240的整月数、“永久”或“默认”"),
        ("300", "应在0到240个月之间"),
    ],
)
def test_bad_input_is_shown_under_its_row_naming_the_kind_and_nothing_is_saved(
    qtbot: QtBot,
    box: InfluenceRulesBox,
    vault: Vault,
    notices: RecordingNotices,
    text: str,
    reason: str,
) -> None:
    box.edits["诫勉"].setText("3")  # a good change in the same save must not go in alone
    edit = box.edits["政务处分:警告"]
    edit.setText(text)
    edit.editingFinished.emit()  # the user leaves the field
    error = box.errors["政务处分:警告"]
    assert error.isVisible()
    assert error.text() == f"影响期(政务处分:警告):{reason}"
    assert not box.save_button.isEnabled()
    box.save()  # a shortcut around the disabled button changes nothing either
    qtbot.wait(100)
    assert periods(vault)["诫勉"] == (6, False)
    assert periods(vault)["政务处分:警告"] == (6, False)
    assert notices.errors == []

    edit.setText("9")  # corrected: the message goes at once
    assert not error.isVisible() and box.save_button.isEnabled()

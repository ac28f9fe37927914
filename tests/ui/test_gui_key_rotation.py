"""轮换数据密钥 in the GUI: the rotation runs on the worker while the window stays live."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QPushButton, QWidget
from pytestqt.qtbot import QtBot

from records.model import User
from records.rotation import RotationStep
from records.vault import unlock_vault
from tests.ui.conftest import WAIT_MS, RecordingNotices, Vault
from ui.key_rotation_flow import KeyRotationFlow, step_text
from ui.vault_worker import VaultWorker


@pytest.fixture
def bulky_vault(vault: Vault) -> Vault:
    """≈3 MB of records, so the rekey takes long enough to watch the GUI thread."""
    official_id = vault.official_ids["张建国"]
    detail = "干部监督廉政档案事项报告" * 50
    session = unlock_vault(vault.path, "clerk1", vault.password("clerk1"))
    with session, session.transaction() as conn:
        for n in range(1500):
            conn.execute(
                "INSERT INTO records (official_id, type, record_date, fields_json, source,"
                " disclosure, created_by, created_at) VALUES (?, 'major_matter',"
                " '2026-01-01', ?, 'self', 'internal', 'clerk1', '2026-11-22T10:00:00+08:00')",
                (official_id, f'{{"title": "事项{n}", "detail": "{detail}"}}'),
            )
    return vault


@pytest.fixture
def window(qtbot: QtBot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.show()
    return widget


def test_rotation_shows_progress_and_the_window_keeps_processing_events(
    qtbot: QtBot,
    worker: VaultWorker,
    unlock_as: Callable[[str], User],
    bulky_vault: Vault,
    notices: RecordingNotices,
    window: QWidget,
) -> None:
    unlock_as("secadmin1")
    flow = KeyRotationFlow(worker, notices, window)
    steps: list[str] = []
    ticks = {"busy": 0, "rekeying": 0}
    labels: list[str] = []

    def tick() -> None:
        if flow.is_busy:
            ticks["busy"] += 1
            if steps and steps[-1] == RotationStep.REKEYING:
                ticks["rekeying"] += 1
            dialog = flow.dialog
            assert dialog is not None and dialog.isVisible() and dialog.isModal()
            labels.append(dialog.labelText())

    timer = QTimer()
    timer.setInterval(2)
    timer.timeout.connect(tick)
    timer.start()
    flow.stepChanged.connect(steps.append)
    with qtbot.waitSignal(flow.rotated, timeout=WAIT_MS) as rotated:
        flow.start()
        dialog = flow.dialog
        assert dialog is not None
        assert dialog.maximum() == 0  # indeterminate
        assert not dialog.findChildren(QPushButton)  # no cancel button
        flow.start()  # a second click while busy does nothing
    timer.stop()

    assert steps == [step.value for step in RotationStep]
    # The GUI thread kept running its timer all along, and during the rekey itself.
    assert ticks["busy"] >= 5, ticks
    assert ticks["rekeying"] >= 1, ticks
    assert step_text(RotationStep.REKEYING) in labels
    assert not flow.is_busy and flow.dialog is None
    result = rotated.args[0]
    assert notices.errors == []
    assert notices.infos == [
        f"数据密钥已轮换为第 {result.generation} 代,{result.accounts_sealed} 个账户可以解锁。"
        f"用时 {result.seconds:.1f} 秒。"
    ]
    # Everyone opens the new generation.
    for user in ("admin", "clerk1", "vetting1", "secadmin1"):
        with unlock_vault(bulky_vault.path, user, bulky_vault.password(user)) as session:
            assert session.unlocked_key.generation == result.generation


def test_a_refused_rotation_is_shown_as_an_error(
    qtbot: QtBot,
    worker: VaultWorker,
    unlock_as: Callable[[str], User],
    notices: RecordingNotices,
    window: QWidget,
) -> None:
    unlock_as("clerk1")
    flow = KeyRotationFlow(worker, notices, window)
    busy: list[bool] = []
    flow.busyChanged.connect(busy.append)
    flow.start()
    qtbot.waitUntil(lambda: bool(notices.errors), timeout=WAIT_MS)
    assert notices.errors == ["权限不足:录入员不能轮换数据密钥"]
    assert busy == [True, False]
    assert flow.dialog is None


def test_escape_does_not_dismiss_the_progress(
    qtbot: QtBot,
    worker: VaultWorker,
    unlock_as: Callable[[str], User],
    notices: RecordingNotices,
    window: QWidget,
) -> None:
    unlock_as("secadmin1")
    flow = KeyRotationFlow(worker, notices, window)
    with qtbot.waitSignal(flow.rotated, timeout=WAIT_MS):
        flow.start()
        dialog = flow.dialog
        assert dialog is not None
        dialog.reject()
        assert not dialog.close()
        assert dialog.isVisible()

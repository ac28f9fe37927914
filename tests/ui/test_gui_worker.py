"""The vault worker: jobs run off the GUI thread, errors come back as Chinese messages."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

import pytest
from pytestqt.qtbot import QtBot

from records.errors import LianDangError
from records.model import User
from records.session import Session
from ui.error_messages import INTERNAL_ERROR_ZH, message_for
from ui.vault_worker import VaultWorker


def _run(qtbot: QtBot, worker: VaultWorker, job: Callable[..., object]) -> list[object]:
    outcome: list[object] = []
    worker.submit(job, outcome.append, outcome.append)
    qtbot.waitUntil(lambda: bool(outcome))
    return outcome


def test_jobs_run_on_the_worker_thread(
    qtbot: QtBot, worker: VaultWorker, unlock_as: Callable[[str], User]
) -> None:
    unlock_as("clerk1")
    outcome = _run(qtbot, worker, lambda session: (threading.get_ident(), session.user.name))
    thread_id, name = outcome[0]
    assert thread_id != threading.get_ident()
    assert name == "clerk1"


def test_without_a_session_a_job_fails_with_the_locked_message(
    qtbot: QtBot, worker: VaultWorker
) -> None:
    outcome = _run(qtbot, worker, lambda session: session.user)
    assert isinstance(outcome[0], LianDangError)
    assert message_for(outcome[0]) == "档案库已锁定,请重新解锁"


def test_an_unexpected_exception_is_logged_without_its_message_and_shown_generically(
    qtbot: QtBot,
    worker: VaultWorker,
    unlock_as: Callable[[str], User],
    caplog: pytest.LogCaptureFixture,
) -> None:
    unlock_as("clerk1")

    def buggy(session: Session) -> None:
        raise KeyError(session.user.display_name)  # data from the vault in the message

    with caplog.at_level(logging.ERROR):
        outcome = _run(qtbot, worker, buggy)
    assert message_for(outcome[0]) == INTERNAL_ERROR_ZH
    assert "KeyError" in caplog.text
    assert "李录入" not in caplog.text  # an exception's message may hold data: not logged


def test_errors_reach_the_gui_without_traceback_or_chained_frames(
    qtbot: QtBot, worker: VaultWorker, vault, unlock_as
) -> None:
    outcome: list[object] = []
    worker.unlock(vault.path, "clerk1", "wrong-password", outcome.append, outcome.append)
    qtbot.waitUntil(lambda: bool(outcome))
    error = outcome[0]
    assert isinstance(error, LianDangError)
    assert message_for(error) == "用户名或密码错误"
    # Frames of unlock_vault hold the password; they must not travel with the error.
    assert error.__traceback__ is None and error.__context__ is None


def test_lock_closes_the_session_and_drops_earlier_callbacks(
    qtbot: QtBot, worker: VaultWorker, unlock_as: Callable[[str], User]
) -> None:
    unlock_as("clerk1")
    late: list[object] = []
    worker.submit(lambda session: session.user.name, late.append, late.append)
    locked: list[object] = []
    worker.lock(locked.append)
    qtbot.waitUntil(lambda: bool(locked))
    assert late == []
    outcome = _run(qtbot, worker, lambda session: session.user)
    assert message_for(outcome[0]) == "档案库已锁定,请重新解锁"

"""The auditor's view: filters, 校验, 导出CSV and 导出签章PDF on a real vault via the worker."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from exports.certificates import SigningIdentity, create_unit_identity
from exports.verify import verify_pdf
from records.model import User
from records.services.signing_identity import SigningIdentityService, StoredIdentity
from records.vault import unlock_vault
from tests.ui.conftest import PASSWORDS, WAIT_MS, RecordingNotices, Vault
from ui.audit_view import NO_DATE, AuditView
from ui.file_dialogs import FileDialogs
from ui.vault_worker import VaultWorker

AUDITOR, AUDITOR_PASSWORD = "auditor1", PASSWORDS["auditor1"]  # in the conftest vault


@dataclass
class SaveDialogs(FileDialogs):
    """Answers every save dialog with ``answer`` and remembers the suggestions."""

    answer: Path | None = None
    asked: list[tuple[Path, str]] = field(default_factory=list)

    def save_path(
        self, parent: QWidget | None, title: str, suggested: Path, file_filter: str, suffix: str
    ) -> Path | None:
        self.asked.append((suggested, suffix))
        return self.answer


@pytest.fixture(scope="module")
def identity() -> SigningIdentity:
    return create_unit_identity("青山县纪委监委")


@pytest.fixture
def audited(vault: Vault, identity: SigningIdentity) -> Vault:
    """The GUI test vault (which has an auditor) plus a signing certificate and a few
    dossier reads."""
    with unlock_vault(vault.path, "secadmin1", vault.password("secadmin1")) as session:
        SigningIdentityService(session).install(
            StoredIdentity(
                identity.unit,
                identity.root_cert_pem,
                identity.signing_cert_pem,
                identity.signing_key_pem,
            )
        )
    return vault


@pytest.fixture
def dialogs() -> SaveDialogs:
    return SaveDialogs()


@pytest.fixture
def view(
    qtbot: QtBot,
    worker: VaultWorker,
    audited: Vault,
    dialogs: SaveDialogs,
    notices: RecordingNotices,
) -> AuditView:
    outcome: list[object] = []
    worker.unlock(audited.path, AUDITOR, AUDITOR_PASSWORD, outcome.append, outcome.append)
    qtbot.waitUntil(lambda: bool(outcome), timeout=WAIT_MS)
    assert isinstance(outcome[0], User), outcome[0]
    widget = AuditView(worker, dialogs, notices)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def search(qtbot: QtBot, view: AuditView) -> int:
    with qtbot.waitSignal(view.listRefreshed, timeout=WAIT_MS) as blocker:
        view.search_button.click()
    count: int = blocker.args[0]
    assert view.model.rowCount() == count
    return count


def set_date(edit: object, day: date | None) -> None:
    value = NO_DATE if day is None else QDate(day.year, day.month, day.day)
    edit.setDate(value)  # type: ignore[attr-defined]


def test_filters_by_user_action_and_date(qtbot: QtBot, view: AuditView) -> None:
    everything = search(qtbot, view)
    seqs = [e.seq for e in view.entries()]
    assert everything >= 10 and seqs == sorted(seqs, reverse=True)  # newest first
    assert view.model.data(view.model.index(0, 4)) == "login"  # the auditor's own login

    view.user_edit.setText("clerk1")
    assert search(qtbot, view) > 0
    assert {e.user_name for e in view.entries()} == {"clerk1"}

    view.action_edit.setText("official.")
    assert search(qtbot, view) == 3  # the three officials filed by the clerk
    assert {e.action for e in view.entries()} == {"official.add"}
    assert view.model.data(view.model.index(0, 6)) == "成功"

    view.user_edit.clear()
    view.action_edit.clear()
    today = view.entries()[0].at.date() if view.entries() else date.today()
    set_date(view.since_edit, today + timedelta(days=1))
    assert search(qtbot, view) == 0
    set_date(view.since_edit, today)
    set_date(view.until_edit, today)
    assert search(qtbot, view) > 0
    assert "共" in view.count_label.text()


def test_a_reversed_date_range_is_refused_before_asking(
    qtbot: QtBot, view: AuditView, notices: RecordingNotices
) -> None:
    set_date(view.since_edit, date(2026, 11, 23))
    set_date(view.until_edit, date(2026, 11, 22))
    view.search_button.click()
    assert notices.errors and "起始日期" in notices.errors[0]


def test_verify_shows_intact(qtbot: QtBot, view: AuditView, notices: RecordingNotices) -> None:
    with qtbot.waitSignal(view.verified, timeout=WAIT_MS) as blocker:
        view.verify_button.click()
    assert blocker.args[0].ok
    assert view.verify_label.text().startswith("审计日志完整")
    assert notices.infos and notices.infos[0].startswith("审计日志完整")
    assert view.verify_button.isEnabled()


def test_verify_names_the_first_bad_entry(
    qtbot: QtBot, worker: VaultWorker, audited: Vault, notices: RecordingNotices
) -> None:
    with unlock_vault(audited.path, "admin", audited.password("admin")) as session:
        session.conn.execute("DROP TRIGGER audit_log_no_update")
        session.conn.execute("UPDATE audit_log SET object = 'official:999' WHERE seq = 5")
    outcome: list[object] = []
    worker.unlock(audited.path, AUDITOR, AUDITOR_PASSWORD, outcome.append, outcome.append)
    qtbot.waitUntil(lambda: bool(outcome), timeout=WAIT_MS)
    view = AuditView(worker, SaveDialogs(), notices)
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.verified, timeout=WAIT_MS):
        view.verify_button.click()
    assert "第一条有问题的是第 5 条" in view.verify_label.text()
    assert "条目内容被修改" in view.verify_label.text()
    assert notices.errors and not notices.infos


def test_export_csv(qtbot: QtBot, view: AuditView, dialogs: SaveDialogs, tmp_path: Path) -> None:
    dialogs.answer = tmp_path / "审计日志.csv"
    view.user_edit.setText("clerk1")
    with qtbot.waitSignal(view.exported, timeout=WAIT_MS) as blocker:
        view.csv_button.click()
    saved = blocker.args[0]
    assert dialogs.asked[0][1] == ".csv" and dialogs.asked[0][0].name.startswith("审计日志-")
    rows = list(csv.reader(io.StringIO(dialogs.answer.read_text("utf-8-sig"), newline="")))
    assert rows[0][:3] == ["序号", "时间", "用户"]
    assert len(rows) - 1 == saved.entries and {r[2] for r in rows[1:]} == {"clerk1"}
    assert view.csv_button.isEnabled()


def test_export_signed_pdf(
    qtbot: QtBot,
    view: AuditView,
    dialogs: SaveDialogs,
    identity: SigningIdentity,
    notices: RecordingNotices,
    tmp_path: Path,
) -> None:
    dialogs.answer = tmp_path / "审计日志.pdf"
    with qtbot.waitSignal(view.exported, timeout=20_000) as blocker:
        view.pdf_button.click()
    assert not notices.errors
    result = verify_pdf(dialogs.answer.read_bytes(), [identity.root_cert_pem])
    assert result.ok, result.problems
    assert f"审计链头:{blocker.args[0].audit_head}" in notices.infos[0]


def test_a_cancelled_dialog_exports_nothing(view: AuditView, notices: RecordingNotices) -> None:
    view.pdf_button.click()  # the dialog answers None
    assert view.pdf_button.isEnabled() and notices.infos == notices.errors == []


def test_another_role_sees_the_refusal(
    qtbot: QtBot,
    worker: VaultWorker,
    unlock_as: Callable[[str], User],
    notices: RecordingNotices,
) -> None:
    unlock_as("clerk1")
    view = AuditView(worker, SaveDialogs(), notices)
    qtbot.addWidget(view)
    assert search(qtbot, view) == 0
    assert "权限不足" in view.count_label.text()

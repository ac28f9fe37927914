"""Fixtures of the GUI tests: a real vault (SQLCipher, cheap Argon2id), a running vault
worker, and seams that answer file dialogs, message boxes and confirmations without
blocking.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from crypto.kdf import FAST_COST
from records.id_number import check_character
from records.model import User
from records.roles import Role
from records.services.officials import OfficialService
from records.services.users import UserService
from records.vault import create_vault, unlock_vault
from ui.confirmations import Confirmations
from ui.emit_refcount import guard_booleans
from ui.file_dialogs import FileDialogs
from ui.notices import Notices
from ui.vault_worker import VaultWorker

PASSWORDS = {
    "admin": "admin-pass-1",
    "clerk1": "clerk-pass-1",
    "vetting1": "vetting-pass-1",
    "secadmin1": "secadmin-pass-1",
    "auditor1": "auditor-pass-1",
}
WAIT_MS = 10_000

# The GUI suite emits tens of thousands of signals: without this, PySide6 6.12 on
# Python 3.11 drains the reference count of True and the run aborts (ui/emit_refcount.py).
guard_booleans()


def id_number(area: str, birth: str, sequence: str) -> str:
    """A valid 公民身份号码 (GB 11643 check character computed)."""
    first17 = area + birth + sequence
    return first17 + check_character(first17)


OFFICIALS = (
    {
        "name": "张建国",
        "id_number": id_number("110101", "19680312", "113"),
        "unit": "青山县财政局",
        "position": "局长",
        "rank": "一级调研员",
        "ethnicity": "汉族",
        "political_status": "中共党员",
        "category": "1",
        "is_leading": True,
    },
    {
        "name": "李秀英",
        "id_number": id_number("110102", "19750721", "224"),
        "unit": "青山县教育局",
        "position": "副局长",
        "rank": "四级调研员",
    },
    {
        "name": "王伟",
        "id_number": id_number("110105", "19820105", "335"),
        "unit": "青山县人民医院",
        "position": "院长",
        "rank": "正科级",
    },
)


@dataclass
class Vault:
    path: Path
    official_ids: dict[str, int]

    def password(self, user: str) -> str:
        return PASSWORDS[user]


@pytest.fixture
def vault(tmp_path: Path) -> Vault:
    path = tmp_path / "vault"
    with create_vault(path, "admin", PASSWORDS["admin"], kdf_cost=FAST_COST) as session:
        users = UserService(session)
        users.add("clerk1", Role.CLERK, PASSWORDS["clerk1"], display_name="李录入")
        users.add("vetting1", Role.VETTING, PASSWORDS["vetting1"], display_name="王审核")
        users.add("secadmin1", Role.SECADMIN, PASSWORDS["secadmin1"], display_name="钱安全")
        users.add("auditor1", Role.AUDITOR, PASSWORDS["auditor1"], display_name="赵审计")
    with unlock_vault(path, "clerk1", PASSWORDS["clerk1"]) as session:
        service = OfficialService(session)
        ids = {values["name"]: service.add(values).id for values in OFFICIALS}
    return Vault(path, ids)


@pytest.fixture
def worker(qtbot: QtBot) -> Iterator[VaultWorker]:
    vault_worker = VaultWorker()
    yield vault_worker
    vault_worker.shutdown()


@pytest.fixture
def unlock_as(qtbot: QtBot, worker: VaultWorker, vault: Vault) -> Callable[[str], User]:
    """Unlock on the worker and wait for it (the tests' shortcut past the dialog)."""

    def unlock(user: str) -> User:
        outcome: list[object] = []
        worker.unlock(vault.path, user, vault.password(user), outcome.append, outcome.append)
        qtbot.waitUntil(lambda: bool(outcome), timeout=WAIT_MS)
        assert isinstance(outcome[0], User), outcome[0]
        return outcome[0]

    return unlock


@dataclass
class AnsweringFileDialogs(FileDialogs):
    """Answers save dialogs with a fixed path, and records what was suggested."""

    answer: Path | None = None
    suggested: list[Path] = field(default_factory=list)
    #: The export profile chosen when asked (``None``: the user cancelled).
    profile: str | None = "secret"
    profile_choices: list[list[tuple[str, str]]] = field(default_factory=list)

    def export_profile(
        self, parent: QWidget | None, choices: Sequence[tuple[str, str]]
    ) -> str | None:
        self.profile_choices.append(list(choices))
        return self.profile

    def save_pdf_path(self, parent: QWidget | None, suggested: Path) -> Path | None:
        self.suggested.append(suggested)
        return self.answer

    def save_path(
        self, parent: QWidget | None, title: str, suggested: Path, file_filter: str, suffix: str
    ) -> Path | None:
        self.suggested.append(suggested)
        return self.answer

    def vault_folder(self, parent: QWidget | None, start: Path | None) -> Path | None:
        return self.answer


@dataclass
class RecordingNotices(Notices):
    """Keeps messages instead of opening message boxes."""

    infos: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def info(self, parent: QWidget | None, title: str, text: str) -> None:
        self.infos.append(text)

    def error(self, parent: QWidget | None, title: str, text: str) -> None:
        self.errors.append(text)


@dataclass
class AnsweringConfirmations(Confirmations):
    """Answers every question with ``answer`` at once, and keeps the questions asked."""

    answer: bool = True
    asked: list[str] = field(default_factory=list)

    def ask(
        self,
        parent: QWidget | None,
        title: str,
        text: str,
        yes_text: str,
        on_yes: Callable[[], None],
    ) -> None:
        self.asked.append(text)
        if self.answer:
            on_yes()


@pytest.fixture
def confirmations() -> AnsweringConfirmations:
    return AnsweringConfirmations()


@pytest.fixture
def file_dialogs() -> AnsweringFileDialogs:
    return AnsweringFileDialogs()


@pytest.fixture
def notices() -> RecordingNotices:
    return RecordingNotices()

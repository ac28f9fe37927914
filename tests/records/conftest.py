"""Fixtures of the records tests: real vaults on disk, opened as any of the five roles."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from crypto.kdf import FAST_COST
from records.roles import Role
from records.services.dossier_records import RecordService
from records.services.officials import OfficialService
from records.services.signing_identity import SigningIdentityService
from records.services.users import UserService
from records.session import Session
from records.vault import create_vault, unlock_vault
from tests.records.support import (
    ADMIN,
    DUMMY_IDENTITY,
    PASSWORDS,
    USER_OF_ROLE,
    Opener,
    fixed_clock,
    official_values,
)


@pytest.fixture
def vault_path(tmp_path: Path) -> Path:
    """A new vault (only the administrator ``admin``), closed again."""
    path = tmp_path / "vault"
    create_vault(path, ADMIN, PASSWORDS[ADMIN], kdf_cost=FAST_COST, clock=fixed_clock).close()
    return path


def _opener(path: Path) -> Iterator[Opener]:
    sessions: list[Session] = []

    def open_as(user: str) -> Session:
        session = unlock_vault(path, user, PASSWORDS[user], clock=fixed_clock)
        sessions.append(session)
        return session

    yield open_as
    for session in sessions:
        session.close()


@pytest.fixture
def open_vault(vault_path: Path) -> Iterator[Opener]:
    """Unlock :func:`vault_path` as a user (closed at teardown)."""
    yield from _opener(vault_path)


@pytest.fixture
def admin(open_vault: Opener) -> Session:
    return open_vault(ADMIN)


@pytest.fixture(scope="session")
def populated_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One user per role, a signing identity, an official with a family member and a record."""
    path = tmp_path_factory.mktemp("template") / "vault"
    with create_vault(
        path, ADMIN, PASSWORDS[ADMIN], kdf_cost=FAST_COST, clock=fixed_clock
    ) as session:
        for role, name in USER_OF_ROLE.items():
            if name != ADMIN:
                UserService(session).add(name, role, PASSWORDS[name])
    with unlock_vault(path, USER_OF_ROLE[Role.SECADMIN], PASSWORDS["sec1"], clock=fixed_clock) as s:
        SigningIdentityService(s).install(DUMMY_IDENTITY)
    with unlock_vault(path, "clerk1", PASSWORDS["clerk1"], clock=fixed_clock) as s:
        official = OfficialService(s).add(official_values())
        OfficialService(s).add_family_member(official.id, {"relation": "妻子", "name": "林静"})
        RecordService(s).add(
            official.id, "major_matter", "2026-05-01", {"kind": "操办婚丧喜庆", "title": "操办婚礼"}
        )
    return path


@pytest.fixture
def populated_path(populated_template: Path, tmp_path: Path) -> Path:
    """A private copy of :func:`populated_template`."""
    path = tmp_path / "vault"
    shutil.copytree(populated_template, path)
    return path


@pytest.fixture
def open_populated(populated_path: Path) -> Iterator[Opener]:
    yield from _opener(populated_path)

"""UserService: accounts with their own key slot; the admin never learns their keys."""

from __future__ import annotations

from pathlib import Path

import pytest

from crypto.keyfile import RECOVERY_ACCOUNT, KeyFile
from records import audit
from records.errors import ValidationError, WrongPasswordError
from records.roles import Role
from records.services.users import UserService
from records.session import Session
from records.vault import unlock_vault
from records.vault_layout import KEY_FILE
from tests.records.support import ADMIN, NOW, PASSWORDS, fixed_clock, folder_bytes


def test_add_user_who_unlocks_with_their_own_password(vault_path: Path, admin: Session) -> None:
    user = UserService(admin).add("clerk1", "clerk", PASSWORDS["clerk1"], display_name=" 王录入 ")
    assert (user.name, user.role, user.display_name) == ("clerk1", Role.CLERK, "王录入")
    assert user.enabled
    assert user.created_at == NOW
    last = audit.entries(admin.conn)[-1]
    assert (last.action, last.object, last.detail, last.user_name) == (
        "user.add",
        "clerk1",
        "role=clerk",
        ADMIN,
    )

    with unlock_vault(vault_path, "clerk1", PASSWORDS["clerk1"], clock=fixed_clock) as session:
        assert session.user == user
        assert session.role is Role.CLERK
    # The administrator's password is unchanged, and the passwords are not interchangeable.
    unlock_vault(vault_path, ADMIN, PASSWORDS[ADMIN], clock=fixed_clock).close()
    with pytest.raises(WrongPasswordError):
        unlock_vault(vault_path, "clerk1", PASSWORDS[ADMIN], clock=fixed_clock)
    with pytest.raises(WrongPasswordError):
        unlock_vault(vault_path, ADMIN, PASSWORDS["clerk1"], clock=fixed_clock)

    keyfile = KeyFile.load(vault_path / KEY_FILE)
    assert set(keyfile.accounts) == {ADMIN, "clerk1", RECOVERY_ACCOUNT}
    new_kdf, admin_kdf = (keyfile.account(n).private_key.kdf for n in ("clerk1", ADMIN))
    assert (new_kdf.memory_kib, new_kdf.iterations, new_kdf.lanes) == (
        admin_kdf.memory_kib,
        admin_kdf.iterations,
        admin_kdf.lanes,
    )
    assert new_kdf.salt != admin_kdf.salt
    assert set(keyfile.generation(1).seals) == {ADMIN, "clerk1", RECOVERY_ACCOUNT}
    assert PASSWORDS["clerk1"].encode() not in (vault_path / KEY_FILE).read_bytes()


def test_display_name_defaults_to_the_name(admin: Session) -> None:
    assert UserService(admin).add("vet1", "vetting", PASSWORDS["vet1"]).display_name == "vet1"


def test_list_users(admin: Session) -> None:
    users = UserService(admin)
    users.add("sec1", "secadmin", PASSWORDS["sec1"])
    users.add("aud1", "auditor", PASSWORDS["aud1"])
    assert [(u.name, u.role) for u in users.list()] == [
        (ADMIN, Role.SYSADMIN),
        ("sec1", Role.SECADMIN),
        ("aud1", Role.AUDITOR),
    ]


@pytest.mark.parametrize(
    ("name", "role", "password", "field"),
    [
        (ADMIN, "clerk", "long-enough-1", "name"),  # duplicate
        ("1clerk", "clerk", "long-enough-1", "name"),
        ("c", "clerk", "long-enough-1", "name"),
        ("王录入", "clerk", "long-enough-1", "name"),
        ("clerk one", "clerk", "long-enough-1", "name"),
        ("c" * 33, "clerk", "long-enough-1", "name"),
        ("clerk2", "clerk", "1234567", "password"),  # 7 characters
        ("clerk2", "clerk", "", "password"),
        ("clerk2", "clerk", " padded-password", "password"),
        ("clerk2", "clerk", "two\nlines-password", "password"),
        ("clerk2", "boss", "long-enough-1", "role"),
        ("clerk2", "Clerk", "long-enough-1", "role"),
        ("clerk2", "", "long-enough-1", "role"),
    ],
)
def test_bad_input_changes_nothing_at_all(
    vault_path: Path, admin: Session, name: str, role: str, password: str, field: str
) -> None:
    before = folder_bytes(vault_path)
    with pytest.raises(ValidationError) as caught:
        UserService(admin).add(name, role, password)
    assert caught.value.field == field
    if password:
        assert password not in str(caught.value)
    assert folder_bytes(vault_path) == before  # byte for byte, key file included
    assert admin.keyfile == KeyFile.load(vault_path / KEY_FILE)


def test_exactly_eight_characters_is_enough(admin: Session) -> None:
    assert UserService(admin).add("clerk2", "clerk", "12345678").name == "clerk2"


def test_a_failed_database_step_restores_the_key_file(
    vault_path: Path, admin: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = (vault_path / KEY_FILE).read_bytes()

    def failing_log(*args: object, **kwargs: object) -> None:
        raise RuntimeError("disk full while auditing")

    monkeypatch.setattr(admin, "log", failing_log)
    with pytest.raises(RuntimeError):
        UserService(admin).add("clerk1", "clerk", PASSWORDS["clerk1"])
    monkeypatch.undo()
    assert (vault_path / KEY_FILE).read_bytes() == before
    assert admin.conn.execute("SELECT count(*) FROM users").fetchone()[0] == 1
    with pytest.raises(WrongPasswordError):
        unlock_vault(vault_path, "clerk1", PASSWORDS["clerk1"], clock=fixed_clock)

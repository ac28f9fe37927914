"""Creating and unlocking a vault folder; telling missing, foreign and damaged vaults apart."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

from crypto.kdf import FAST_COST
from crypto.keyfile import KeyFile
from records.database import cipher_integrity_errors
from records.errors import (
    NotAVaultError,
    ValidationError,
    VaultCorruptError,
    VaultExistsError,
    VaultNotFoundError,
    WrongPasswordError,
)
from records.roles import Role
from records.services.officials import OfficialService
from records.services.users import UserService
from records.session import Session, SessionClosedError
from records.vault import create_vault, unlock_vault
from records.vault_layout import DB_FILE, KEY_FILE
from records.vault_state import STATE_FILE, load_state
from tests.records.support import (
    ADMIN,
    ID_FEMALE,
    NOW,
    PASSWORDS,
    Opener,
    fixed_clock,
    folder_bytes,
    official_values,
)

posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")


def unlock(path: Path, user: str = ADMIN, password: str | None = None) -> Session:
    secret = PASSWORDS[user] if password is None else password
    return unlock_vault(path, user, secret, clock=fixed_clock)


# ---- create and unlock ------------------------------------------------------------------


def test_create_then_unlock(tmp_path: Path) -> None:
    path = tmp_path / "new" / "vault"
    with create_vault(
        path,
        ADMIN,
        PASSWORDS[ADMIN],
        admin_display_name="张管理",
        kdf_cost=FAST_COST,
        clock=fixed_clock,
    ) as created:
        assert created.user.name == ADMIN
        assert created.role is Role.SYSADMIN
        vault_id = created.vault_id
    assert sorted(p.name for p in path.iterdir()) == [DB_FILE, KEY_FILE]
    with unlock(path) as session:
        assert session.user.name == ADMIN
        assert session.user.display_name == "张管理"
        assert session.user.role is Role.SYSADMIN
        assert session.user.created_at == NOW
        assert session.vault_id == vault_id
        assert session.is_open
        meta = dict(session.conn.execute("SELECT key, value FROM vault_meta"))
        assert meta["vault_id"] == vault_id
        first = session.conn.execute("SELECT action, user_name, outcome FROM audit_log").fetchall()
        assert [tuple(r) for r in first] == [("vault.create", ADMIN, "ok"), ("login", ADMIN, "ok")]
        assert session.verify_audit_chain().ok
    assert not session.is_open


@posix_only
def test_folder_and_key_file_are_private(vault_path: Path) -> None:
    assert stat.S_IMODE(vault_path.stat().st_mode) == 0o700
    assert stat.S_IMODE((vault_path / KEY_FILE).stat().st_mode) == 0o600


def test_create_in_an_existing_empty_folder(tmp_path: Path) -> None:
    with create_vault(tmp_path, ADMIN, PASSWORDS[ADMIN], kdf_cost=FAST_COST, clock=fixed_clock):
        pass
    unlock(tmp_path).close()


def test_the_slot_records_the_kdf_cost_it_was_made_with(vault_path: Path) -> None:
    params = KeyFile.load(vault_path / KEY_FILE).account(ADMIN).private_key.kdf
    assert (params.memory_kib, params.iterations, params.lanes) == (1024, 1, 1)


def test_session_connection_pragmas(admin: Session) -> None:
    conn = admin.conn
    assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    version = conn.execute("PRAGMA cipher_version").fetchone()
    assert version and version[0]
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA secure_delete").fetchone()[0] == 1
    assert conn.execute("PRAGMA temp_store").fetchone()[0] == 2  # MEMORY
    assert conn.execute("PRAGMA cipher_integrity_check").fetchall() == []


def test_a_closed_session_refuses_work(admin: Session) -> None:
    admin.close()
    assert not admin.is_open
    with pytest.raises(SessionClosedError):
        _ = admin.conn
    with pytest.raises(SessionClosedError):
        OfficialService(admin).list()
    admin.close()  # closing twice is harmless


# ---- what is on disk ----------------------------------------------------------------------


def test_nothing_readable_on_disk(vault_path: Path, open_vault: Opener) -> None:
    UserService(open_vault(ADMIN)).add("clerk1", "clerk", PASSWORDS["clerk1"])
    session = open_vault("clerk1")
    name = "司马青云"
    official = OfficialService(session).add(official_values(name=name, id_number=ID_FEMALE))
    assert official.name == name
    session.close()

    db = (vault_path / DB_FILE).read_bytes()
    keys = (vault_path / KEY_FILE).read_bytes()
    assert not db.startswith(b"SQLite format 3")
    for blob in (db, keys):
        assert name.encode("utf-8") not in blob
        assert ID_FEMALE.encode("ascii") not in blob
        assert ID_FEMALE[:14].encode("ascii") not in blob  # not even the birth-date prefix
        assert "青山县财政局".encode() not in blob
        assert PASSWORDS["clerk1"].encode() not in blob
    # No journal, temp or plaintext side files are left next to the vault (vault.state holds
    # counters and the audit head only: docs/decisions/0006-vault-state-file.md).
    assert sorted(p.name for p in vault_path.iterdir()) == [DB_FILE, KEY_FILE, "vault.state"]
    assert name.encode("utf-8") not in (vault_path / "vault.state").read_bytes()


# ---- authentication ---------------------------------------------------------------------


def test_wrong_password_and_unknown_user_look_the_same(vault_path: Path) -> None:
    with pytest.raises(WrongPasswordError) as wrong_password:
        unlock(vault_path, ADMIN, "not-the-password")
    with pytest.raises(WrongPasswordError) as unknown_user:
        unlock(vault_path, "nobody", PASSWORDS[ADMIN])
    assert str(wrong_password.value) == str(unknown_user.value)
    assert wrong_password.value.zh == unknown_user.value.zh == "用户名或密码错误"
    assert wrong_password.value.en == unknown_user.value.en
    assert "nobody" not in str(unknown_user.value)


def test_failed_unlocks_change_nothing(vault_path: Path) -> None:
    """The database and key file stay byte-for-byte the same; ``vault.state`` counts the
    failures (docs/decisions/0006-vault-state-file.md), and no other file appears."""
    before, state_before = folder_bytes(vault_path), load_state(vault_path)
    for user, password in ((ADMIN, "wrong-password"), ("ghost", "whatever-pass")):
        with pytest.raises(WrongPasswordError):
            unlock(vault_path, user, password)
    after = folder_bytes(vault_path)
    assert set(after) == {DB_FILE, KEY_FILE, STATE_FILE}
    assert (after[DB_FILE], after[KEY_FILE]) == (before[DB_FILE], before[KEY_FILE])
    state = load_state(vault_path)
    assert state.login_record(ADMIN).failures == 1
    assert state.login_record("ghost").failures == 1
    # Only the login sections moved (not the audit head, not the policy copy).
    assert (state.audit_head, state.policy) == (state_before.audit_head, state_before.policy)


def test_a_key_slot_without_a_user_row_is_an_unknown_user(vault_path: Path) -> None:
    with unlock(vault_path) as session:
        session.replace_keyfile(session.keyfile_with_new_account("orphan", "orphan-password"))
    with pytest.raises(WrongPasswordError):
        unlock_vault(vault_path, "orphan", "orphan-password", clock=fixed_clock)


# ---- not a vault, or a damaged one ------------------------------------------------------


def test_missing_path(tmp_path: Path) -> None:
    with pytest.raises(VaultNotFoundError) as caught:
        unlock(tmp_path / "nowhere")
    assert "nowhere" in str(caught.value)


def test_empty_folder_is_not_a_vault(tmp_path: Path) -> None:
    with pytest.raises(NotAVaultError):
        unlock(tmp_path)


def test_folder_with_random_files_is_not_a_vault(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("会议记录")
    (tmp_path / "data.bin").write_bytes(os.urandom(4096))
    (tmp_path / DB_FILE).write_bytes(os.urandom(4096))
    with pytest.raises(NotAVaultError):
        unlock(tmp_path)


@pytest.mark.parametrize(
    "content",
    [b"", b"hello", b'{"format": "other"}', os.urandom(512), b"SQLite format 3\x00" + bytes(64)],
)
def test_a_foreign_key_file_is_not_a_vault(tmp_path: Path, content: bytes) -> None:
    (tmp_path / KEY_FILE).write_bytes(content)
    with pytest.raises(NotAVaultError):
        unlock(tmp_path)


def test_a_plain_file_is_not_a_vault(tmp_path: Path) -> None:
    plain = tmp_path / "vault"
    plain.write_bytes(b"just a file")
    with pytest.raises(NotAVaultError):
        unlock(plain)


def test_a_key_file_path_is_not_a_vault(vault_path: Path) -> None:
    with pytest.raises(NotAVaultError):
        unlock(vault_path / KEY_FILE)


def test_truncated_key_file_is_corrupt(vault_path: Path) -> None:
    keys = vault_path / KEY_FILE
    raw = keys.read_bytes()
    keys.write_bytes(raw[: len(raw) // 2])
    with pytest.raises(VaultCorruptError):
        unlock(vault_path)


def test_garbled_key_file_is_corrupt(vault_path: Path) -> None:
    keys = vault_path / KEY_FILE
    raw = keys.read_bytes()
    middle = len(raw) // 2
    keys.write_bytes(raw[:middle] + os.urandom(16).replace(b"}", b"\xff") + b"\xff" + raw[middle:])
    with pytest.raises(VaultCorruptError):
        unlock(vault_path)


def test_a_key_file_from_a_newer_version_is_refused(vault_path: Path) -> None:
    keys = vault_path / KEY_FILE
    data = json.loads(keys.read_bytes())
    data["version"] = 2
    keys.write_text(json.dumps(data))
    with pytest.raises(VaultCorruptError, match="newer"):
        unlock(vault_path)


def test_an_altered_seal_is_corrupt_not_a_wrong_password(vault_path: Path) -> None:
    keys = vault_path / KEY_FILE
    data = json.loads(keys.read_bytes())
    seal = data["generations"][0]["seals"][ADMIN]
    first = "B" if seal["ciphertext"][0] == "A" else "A"
    seal["ciphertext"] = first + seal["ciphertext"][1:]
    keys.write_text(json.dumps(data))
    with pytest.raises(VaultCorruptError, match="altered"):
        unlock(vault_path)


def test_database_replaced_by_random_bytes(vault_path: Path) -> None:
    (vault_path / DB_FILE).write_bytes(os.urandom(64 * 1024))
    with pytest.raises(VaultCorruptError):
        unlock(vault_path)


def test_database_of_another_vault(vault_path: Path, tmp_path: Path) -> None:
    other = tmp_path / "other"
    create_vault(other, ADMIN, PASSWORDS[ADMIN], kdf_cost=FAST_COST, clock=fixed_clock).close()
    (vault_path / DB_FILE).write_bytes((other / DB_FILE).read_bytes())
    with pytest.raises(VaultCorruptError):
        unlock(vault_path)


def test_database_deleted(vault_path: Path) -> None:
    (vault_path / DB_FILE).unlink()
    with pytest.raises(VaultCorruptError):
        unlock(vault_path)
    assert not (vault_path / DB_FILE).exists()


def test_empty_database_file_is_corrupt_and_stays_untouched(vault_path: Path) -> None:
    # An empty file opens with any key; it must not be turned into a fresh, empty vault.
    (vault_path / DB_FILE).write_bytes(b"")
    with pytest.raises(VaultCorruptError):
        unlock(vault_path)
    assert (vault_path / DB_FILE).read_bytes() == b""


def test_every_damaged_page_is_detected(vault_path: Path) -> None:
    """One flipped byte in any page: unlocking says "corrupt", or the integrity check does.

    Never a raw sqlcipher3 error: pages read while unlocking (schema, users, vault_meta)
    used to escape as ``DatabaseError: database disk image is malformed``.
    """
    db = vault_path / DB_FILE
    original = db.read_bytes()
    page_size = 4096
    pages = len(original) // page_size
    assert pages >= 5
    outcomes = set()
    for page in range(pages):
        damaged = bytearray(original)
        damaged[page * page_size + 100] ^= 0xFF
        db.write_bytes(bytes(damaged))
        try:
            session = unlock(vault_path)
        except VaultCorruptError:
            outcomes.add("refused")
            continue
        with session:
            assert cipher_integrity_errors(session.conn) != [], f"page {page + 1}"
            outcomes.add("unlocked")
    assert outcomes == {"refused", "unlocked"}  # both paths were exercised
    db.write_bytes(original)
    with unlock(vault_path) as session:
        assert cipher_integrity_errors(session.conn) == []


# ---- create refuses to overwrite --------------------------------------------------------


def test_create_on_a_non_empty_folder(tmp_path: Path) -> None:
    (tmp_path / "keep.txt").write_text("重要文件")
    before = folder_bytes(tmp_path)
    with pytest.raises(VaultExistsError):
        create_vault(tmp_path, ADMIN, PASSWORDS[ADMIN], kdf_cost=FAST_COST, clock=fixed_clock)
    assert folder_bytes(tmp_path) == before


def test_create_over_an_existing_vault(vault_path: Path) -> None:
    before = folder_bytes(vault_path)
    with pytest.raises(VaultExistsError):
        create_vault(vault_path, "other", "other-password", kdf_cost=FAST_COST, clock=fixed_clock)
    assert folder_bytes(vault_path) == before
    unlock(vault_path).close()


def test_create_on_a_plain_file(tmp_path: Path) -> None:
    plain = tmp_path / "file"
    plain.write_bytes(b"data")
    with pytest.raises(VaultExistsError):
        create_vault(plain, ADMIN, PASSWORDS[ADMIN], kdf_cost=FAST_COST, clock=fixed_clock)
    assert plain.read_bytes() == b"data"


@pytest.mark.parametrize(
    ("name", "password", "field"),
    [("1admin", "long-enough", "name"), ("a", "long-enough", "name"), (ADMIN, "short", "password")],
)
def test_create_with_bad_account_creates_nothing(
    tmp_path: Path, name: str, password: str, field: str
) -> None:
    path = tmp_path / "vault"
    with pytest.raises(ValidationError) as caught:
        create_vault(path, name, password, kdf_cost=FAST_COST, clock=fixed_clock)
    assert caught.value.field == field
    assert not path.exists()


def test_a_failed_create_leaves_nothing_behind(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "vault"

    def failing_replace(src: object, dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", failing_replace)  # the key file cannot be written
    with pytest.raises(OSError):
        create_vault(path, ADMIN, PASSWORDS[ADMIN], kdf_cost=FAST_COST, clock=fixed_clock)
    monkeypatch.undo()
    assert not path.exists()
    assert list(tmp_path.iterdir()) == []


def test_vault_files_are_owner_only(tmp_path: Path) -> None:
    """Encrypted or not, nothing in a vault folder is readable by other local users."""
    import os
    import stat

    from crypto.kdf import FAST_COST
    from records.vault import create_vault

    old_umask = os.umask(0o022)  # the usual default, which would leave files world-readable
    try:
        path = tmp_path / "v"
        create_vault(path, "admin", "admin-password-1", kdf_cost=FAST_COST).close()
    finally:
        os.umask(old_umask)
    for file in [path, *path.iterdir()]:
        mode = stat.S_IMODE(file.stat().st_mode)
        assert mode & 0o077 == 0, f"{file.name}: {oct(mode)}"


def test_a_commit_that_fails_leaves_no_transaction_open(open_populated: Opener) -> None:
    """A busy file makes COMMIT fail; the action must be rolled back, not left pending for
    the next action to commit by accident."""
    from records.database import DatabaseError, open_database
    from records.services.officials import OfficialService
    from tests.records.support import official_values

    session = open_populated("clerk1")
    session.conn.execute("PRAGMA busy_timeout = 50")
    reader = open_database(session.path / "vault.db", session.unlocked_key.data_key)
    try:
        reader.execute("BEGIN")
        reader.execute("SELECT count(*) FROM officials").fetchone()  # holds a shared lock
        before = OfficialService(session).list()
        with pytest.raises(DatabaseError, match="locked"):
            OfficialService(session).add(official_values(id_number=ID_FEMALE, name="林晓燕"))
        assert not session.conn.in_transaction
        reader.execute("ROLLBACK")
    finally:
        reader.close()
    assert OfficialService(session).list() == before  # the failed add did not sneak in

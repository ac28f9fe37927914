"""Key rotation on real vaults: the data survives, the file is re-encrypted, the right
accounts (and only those) open the new generation, and every outcome is audited.

The SIGKILL test is tests/records/test_rotation_crash.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from crypto.kdf import FAST_COST
from crypto.keyfile import RECOVERY_ACCOUNT, KeyFile, new_data_key
from crypto.recovery_key import RecoveryKey, unwrap_recovery
from records import audit
from records.content_digest import content_digest
from records.database import WrongDataKeyError, cipher_integrity_errors, open_database
from records.errors import AccountDisabledError, PermissionDeniedError, RotationError
from records.rotation import AUDIT_OBJECT, RotationStep, accounts_to_seal, rotate_data_key
from records.session import Session
from records.vault import create_vault, unlock_vault
from records.vault_layout import DB_FILE, KEY_FILE
from tests.records.support import PASSWORDS, Opener, audit_rows, fixed_clock

ACTIVE = ("admin", "sec1", "aud1", "clerk1", "vet1")
PAGE = 4096
SALT = 16  # SQLCipher keeps the KDF salt in the clear at the start of page 1


def unlock(path: Path, user: str) -> Session:
    return unlock_vault(path, user, PASSWORDS[user], clock=fixed_clock)


def pages(path: Path) -> list[bytes]:
    raw = (path / DB_FILE).read_bytes()[SALT:]
    return [raw[i : i + PAGE] for i in range(0, len(raw), PAGE)]


def disable_raw(session: Session, name: str, *, drop_seals: bool = True) -> None:
    """Disable an account the way user administration does, without its service."""
    if drop_seals:
        session.replace_keyfile(session.keyfile.without_seals_of(name))
    with session.transaction() as conn:
        conn.execute("UPDATE users SET enabled = 0 WHERE name = ?", (name,))


def test_rotation_keeps_the_data_and_reencrypts_every_page(
    populated_path: Path, open_populated: Opener
) -> None:
    session = open_populated("sec1")
    old_key = session.unlocked_key
    before = content_digest(session.conn, exclude={"audit_log"})
    trail = audit_rows(session.conn)
    old_pages = pages(populated_path)
    steps: list[RotationStep] = []

    result = rotate_data_key(session, progress=steps.append)

    assert steps == list(RotationStep)
    assert result.generation == old_key.generation + 1
    assert result.seconds > 0
    # The session goes on, on the new key, with the same content.
    assert session.unlocked_key.generation == result.generation
    assert session.unlocked_key.data_key != old_key.data_key
    assert content_digest(session.conn, exclude={"audit_log"}) == before
    assert audit_rows(session.conn)[: len(trail)] == trail
    assert cipher_integrity_errors(session.conn) == []
    # Every page is different on disk; the old key opens nothing.
    new_pages = pages(populated_path)
    assert len(new_pages) >= len(old_pages) > 5
    assert not set(old_pages) & set(new_pages)
    with pytest.raises(WrongDataKeyError):
        open_database(populated_path / DB_FILE, old_key.data_key).close()
    keyfile = KeyFile.load(populated_path / KEY_FILE)
    assert [g.number for g in keyfile.generations] == [result.generation]


def test_every_active_account_opens_the_new_generation(
    populated_path: Path, open_populated: Opener
) -> None:
    session = open_populated("sec1")
    digest = content_digest(session.conn, exclude={"audit_log"})
    result = rotate_data_key(session)
    session.close()
    has_recovery = RECOVERY_ACCOUNT in KeyFile.load(populated_path / KEY_FILE).accounts
    assert result.accounts_sealed == len(ACTIVE) + has_recovery
    for user in ACTIVE:
        with unlock(populated_path, user) as other:
            assert other.unlocked_key.generation == result.generation
            assert content_digest(other.conn, exclude={"audit_log"}) == digest


def test_the_session_keeps_working_and_rotates_again(open_populated: Opener) -> None:
    session = open_populated("sec1")
    first = rotate_data_key(session)
    second = rotate_data_key(session)
    assert second.generation == first.generation + 1
    assert session.keyfile.generations[0].number == second.generation
    assert session.verify_audit_chain().ok
    rotations = [e for e in audit.entries(session.conn) if e.action == "key.rotate"]
    assert [e.detail for e in rotations] == [
        f"generation={first.generation}, accounts={first.accounts_sealed}",
        f"generation={second.generation}, accounts={second.accounts_sealed}",
    ]
    assert {(e.user_name, e.object, e.outcome) for e in rotations} == {
        ("sec1", AUDIT_OBJECT, audit.Outcome.OK)
    }


def test_disabled_accounts_cannot_open_after_a_rotation(
    populated_path: Path, open_populated: Opener
) -> None:
    admin = open_populated("admin")
    disable_raw(admin, "clerk1")
    # A sloppy disable that left the seal in place: the rotation must still leave it out.
    disable_raw(admin, "vet1", drop_seals=False)
    admin.close()
    with pytest.raises(AccountDisabledError):
        unlock(populated_path, "clerk1")

    session = open_populated("sec1")
    assert "vet1" not in accounts_to_seal(session.conn, session.keyfile)
    result = rotate_data_key(session)
    session.close()

    keyfile = KeyFile.load(populated_path / KEY_FILE)
    for name in ("clerk1", "vet1"):
        assert all(name not in g.seals for g in keyfile.generations)
        with pytest.raises(AccountDisabledError):
            unlock(populated_path, name)
    for user in ("admin", "sec1", "aud1"):
        with unlock(populated_path, user) as other:
            assert other.unlocked_key.generation == result.generation


def test_the_recovery_slot_is_sealed_to_the_new_generation(tmp_path: Path) -> None:
    path = tmp_path / "vault"
    with create_vault(path, "admin", PASSWORDS["admin"], kdf_cost=FAST_COST) as created:
        recovery_text = created.recovery_key_once
        from records.services.users import UserService

        UserService(created).add("sec1", "secadmin", PASSWORDS["sec1"])
    assert recovery_text
    with unlock(path, "sec1") as session:
        result = rotate_data_key(session)
    keyfile = KeyFile.load(path / KEY_FILE)
    private_key = unwrap_recovery(keyfile, RecoveryKey.parse(recovery_text))
    [key] = keyfile.data_keys_for(RECOVERY_ACCOUNT, private_key)
    assert key.generation == result.generation
    open_database(path / DB_FILE, key.data_key).close()


@pytest.mark.parametrize("user", ["admin", "aud1", "clerk1", "vet1"])
def test_only_the_security_officer_may_rotate(
    populated_path: Path, open_populated: Opener, user: str
) -> None:
    session = open_populated(user)
    keys = (populated_path / KEY_FILE).read_bytes()
    key = session.unlocked_key
    with pytest.raises(PermissionDeniedError):
        rotate_data_key(session)
    assert (populated_path / KEY_FILE).read_bytes() == keys
    assert session.unlocked_key == key
    last = audit.entries(session.conn)[-1]
    assert (last.user_name, last.action, last.object, last.outcome) == (
        user,
        "key.rotate",
        AUDIT_OBJECT,
        audit.Outcome.REFUSED,
    )


def test_refused_while_a_transaction_is_open(populated_path: Path, open_populated: Opener) -> None:
    session = open_populated("sec1")
    keys = (populated_path / KEY_FILE).read_bytes()
    session.conn.execute("BEGIN")
    with pytest.raises(RotationError) as caught:
        rotate_data_key(session)
    session.conn.execute("ROLLBACK")
    assert "事务" in caught.value.zh and "transaction" in caught.value.en
    assert (populated_path / KEY_FILE).read_bytes() == keys


def test_a_rekey_that_cannot_commit_changes_nothing(
    populated_path: Path, open_populated: Opener
) -> None:
    """Another connection reading the vault blocks the rekey's commit (SQLITE_BUSY)."""
    session = open_populated("sec1")
    keys = (populated_path / KEY_FILE).read_bytes()
    key = session.unlocked_key
    before = content_digest(session.conn, exclude={"audit_log"})
    reader = open_database(populated_path / DB_FILE, key.data_key)
    reader.execute("BEGIN")
    reader.execute("SELECT count(*) FROM officials").fetchone()  # holds a shared lock
    session.conn.execute("PRAGMA busy_timeout = 0")  # fail at once rather than in 5 s

    def release_after_the_rekey(step: RotationStep) -> None:
        if step is RotationStep.VERIFYING and reader.in_transaction:  # type: ignore[attr-defined]
            reader.execute("COMMIT")

    try:
        with pytest.raises(RotationError) as caught:
            rotate_data_key(session, progress=release_after_the_rekey)
    finally:
        reader.close()
    assert "未更换" in caught.value.zh and "another program" in caught.value.en
    # The old key file is back, and the session goes on with the old key.
    assert (populated_path / KEY_FILE).read_bytes() == keys
    assert session.unlocked_key == key
    assert content_digest(session.conn, exclude={"audit_log"}) == before
    last = audit.entries(session.conn)[-1]
    assert (last.action, last.outcome, last.detail) == (
        "key.rotate",
        audit.Outcome.FAILED,
        "rekey did not take effect",
    )
    assert session.verify_audit_chain().ok
    # And a second attempt, unhindered, succeeds.
    assert rotate_data_key(session).generation == key.generation + 1


def test_an_interrupted_rotation_opens_and_the_next_one_cleans_up(
    populated_path: Path, open_populated: Opener
) -> None:
    """The state a kill between writing the key file and the rekey leaves behind."""
    session = open_populated("sec1")
    current = session.unlocked_key.generation
    names = accounts_to_seal(session.conn, session.keyfile)
    session.replace_keyfile(session.keyfile.with_generation(current + 1, new_data_key(), names))
    session.close()
    for user in ACTIVE:
        with unlock(populated_path, user) as other:
            assert other.unlocked_key.generation == current  # the newer one does not open
    with unlock(populated_path, "sec1") as session:
        result = rotate_data_key(session)
    assert result.generation == current + 2
    generations = KeyFile.load(populated_path / KEY_FILE).generations
    assert [g.number for g in generations] == [current + 2]


def test_a_write_by_another_program_during_rotation_keeps_both_generations(
    populated_path: Path, open_populated: Opener
) -> None:
    """Content that changes under the rotation fails the check: nothing is dropped."""
    session = open_populated("sec1")
    old = session.unlocked_key
    other = open_database(populated_path / DB_FILE, old.data_key)

    def write_behind_its_back(step: RotationStep) -> None:
        if step is RotationStep.SEALING:
            other.execute("UPDATE officials SET position = '副局长'")

    try:
        with pytest.raises(RotationError) as caught:
            rotate_data_key(session, progress=write_behind_its_back)
    finally:
        other.close()
    assert "content digest" in caught.value.en and "liandang check" in caught.value.zh
    assert not session.is_open  # its state is not known to be good: unlock again
    generations = [g.number for g in KeyFile.load(populated_path / KEY_FILE).generations]
    assert generations == [old.generation, old.generation + 1]
    for user in ACTIVE:  # the rekey did commit (the write with it): the new key opens
        with unlock(populated_path, user) as reopened:
            assert reopened.unlocked_key.generation == old.generation + 1
            position = reopened.conn.execute("SELECT position FROM officials").fetchone()[0]
            assert position == "副局长"
    with unlock(populated_path, "sec1") as again:
        assert rotate_data_key(again).generation == old.generation + 2
    assert len(KeyFile.load(populated_path / KEY_FILE).generations) == 1

"""The vault's key file: account slots, sealed generations, (de)serialisation."""

from __future__ import annotations

import base64
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from crypto.errors import (
    KeyFileCorruptError,
    NoSealError,
    NotAKeyFileError,
    UnknownAccountError,
    UnsupportedKeyFileVersionError,
    WrongPasswordError,
)
from crypto.kdf import FAST_COST
from crypto.keyfile import FORMAT, VERSION, AccountSlot, KeyFile, new_data_key

ADMIN = "admin"
ADMIN_PASSWORD = "correct horse 管理员"
BOB_PASSWORD = "bob's password 二"


@pytest.fixture
def keyfile_and_data_key() -> tuple[KeyFile, bytes]:
    """A fresh key file with one account and its generation-1 data key (real Argon2id)."""
    return KeyFile.create(ADMIN, ADMIN_PASSWORD, cost=FAST_COST)


def document(keyfile: KeyFile) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(keyfile.to_bytes())
    return data


def encode(data: object) -> bytes:
    return json.dumps(data).encode("utf-8")


def open_data_keys(keyfile: KeyFile, name: str, password: str) -> list[tuple[int, bytes]]:
    private_key = keyfile.unwrap_account(name, password)
    return [(k.generation, k.data_key) for k in keyfile.data_keys_for(name, private_key)]


# ---- creation and unlocking -------------------------------------------------------------


def test_create_gives_one_account_and_generation_one(
    keyfile_and_data_key: tuple[KeyFile, bytes],
) -> None:
    keyfile, data_key = keyfile_and_data_key
    assert len(data_key) == 32
    assert set(keyfile.accounts) == {ADMIN}
    assert [g.number for g in keyfile.generations] == [1]
    assert keyfile.newest_generation == 1
    assert open_data_keys(keyfile, ADMIN, ADMIN_PASSWORD) == [(1, data_key)]


def test_two_vaults_have_different_ids_and_data_keys() -> None:
    a, key_a = KeyFile.create(ADMIN, ADMIN_PASSWORD, cost=FAST_COST)
    b, key_b = KeyFile.create(ADMIN, ADMIN_PASSWORD, cost=FAST_COST)
    assert a.vault_id != b.vault_id
    assert key_a != key_b
    assert new_data_key() != new_data_key()


def test_wrong_password_and_unknown_account(
    keyfile_and_data_key: tuple[KeyFile, bytes],
) -> None:
    keyfile, _ = keyfile_and_data_key
    with pytest.raises(WrongPasswordError):
        keyfile.unwrap_account(ADMIN, ADMIN_PASSWORD + "x")
    with pytest.raises(UnknownAccountError):
        keyfile.unwrap_account("nobody", ADMIN_PASSWORD)


def test_a_slot_copied_to_another_account_name_does_not_open(
    keyfile_and_data_key: tuple[KeyFile, bytes],
) -> None:
    keyfile, _ = keyfile_and_data_key
    data = document(keyfile)
    data["accounts"]["mallory"] = data["accounts"][ADMIN]
    forged = KeyFile.from_bytes(encode(data))
    assert forged.account("mallory") == forged.account(ADMIN)
    assert forged.unwrap_account(ADMIN, ADMIN_PASSWORD)  # the original still opens
    with pytest.raises(WrongPasswordError):
        forged.unwrap_account("mallory", ADMIN_PASSWORD)


def test_a_slot_moved_to_another_vault_does_not_open(
    keyfile_and_data_key: tuple[KeyFile, bytes],
) -> None:
    keyfile, _ = keyfile_and_data_key
    other, _ = KeyFile.create("someone", "another password", cost=FAST_COST)
    data = document(other)
    data["accounts"][ADMIN] = document(keyfile)["accounts"][ADMIN]
    with pytest.raises(WrongPasswordError):
        KeyFile.from_bytes(encode(data)).unwrap_account(ADMIN, ADMIN_PASSWORD)


def test_a_seal_moved_to_another_generation_is_corrupt(
    keyfile_and_data_key: tuple[KeyFile, bytes],
) -> None:
    keyfile, _ = keyfile_and_data_key
    data = document(keyfile)
    data["generations"][0]["number"] = 2
    moved = KeyFile.from_bytes(encode(data))
    private_key = moved.unwrap_account(ADMIN, ADMIN_PASSWORD)
    with pytest.raises(KeyFileCorruptError):
        moved.data_keys_for(ADMIN, private_key)


# ---- changes ----------------------------------------------------------------------------


def test_with_password(keyfile_and_data_key: tuple[KeyFile, bytes]) -> None:
    keyfile, data_key = keyfile_and_data_key
    changed = keyfile.with_password(ADMIN, ADMIN_PASSWORD, "a new password", cost=FAST_COST)
    with pytest.raises(WrongPasswordError):
        changed.unwrap_account(ADMIN, ADMIN_PASSWORD)
    assert open_data_keys(changed, ADMIN, "a new password") == [(1, data_key)]
    # Only the slot was re-wrapped: same key pair, same seals, same vault.
    assert changed.generations == keyfile.generations
    assert changed.account(ADMIN).public_key == keyfile.account(ADMIN).public_key
    assert changed.account(ADMIN).private_key != keyfile.account(ADMIN).private_key
    assert changed.vault_id == keyfile.vault_id
    # The original object is unchanged (immutable key file).
    assert open_data_keys(keyfile, ADMIN, ADMIN_PASSWORD) == [(1, data_key)]


def test_with_password_needs_the_old_password(
    keyfile_and_data_key: tuple[KeyFile, bytes],
) -> None:
    keyfile, _ = keyfile_and_data_key
    with pytest.raises(WrongPasswordError):
        keyfile.with_password(ADMIN, "not the password", "a new password", cost=FAST_COST)


def test_with_account_and_with_seal(keyfile_and_data_key: tuple[KeyFile, bytes]) -> None:
    keyfile, data_key = keyfile_and_data_key
    with_bob = keyfile.with_account("bob", BOB_PASSWORD, cost=FAST_COST)
    assert set(with_bob.accounts) == {ADMIN, "bob"}
    bob_key = with_bob.unwrap_account("bob", BOB_PASSWORD)
    with pytest.raises(NoSealError):  # a slot alone does not open the vault
        with_bob.data_keys_for("bob", bob_key)

    sealed = with_bob.with_seal(1, data_key, "bob")
    assert open_data_keys(sealed, "bob", BOB_PASSWORD) == [(1, data_key)]
    assert open_data_keys(sealed, ADMIN, ADMIN_PASSWORD) == [(1, data_key)]
    with pytest.raises(WrongPasswordError):
        sealed.unwrap_account("bob", ADMIN_PASSWORD)
    # The admin's seal is untouched by sealing to bob.
    assert sealed.generation(1).seals[ADMIN] == keyfile.generation(1).seals[ADMIN]


def test_with_seal_for_an_unknown_account_or_generation(
    keyfile_and_data_key: tuple[KeyFile, bytes],
) -> None:
    keyfile, data_key = keyfile_and_data_key
    with pytest.raises(UnknownAccountError):
        keyfile.with_seal(1, data_key, "nobody")
    with pytest.raises(KeyFileCorruptError):
        keyfile.with_seal(7, data_key, ADMIN)


def test_data_keys_newest_generation_first(keyfile_and_data_key: tuple[KeyFile, bytes]) -> None:
    keyfile, key1 = keyfile_and_data_key
    key2 = new_data_key()
    rotated = keyfile.with_generation(2, key2, [ADMIN])
    assert open_data_keys(rotated, ADMIN, ADMIN_PASSWORD) == [(2, key2), (1, key1)]
    assert rotated.newest_generation == 2
    # The order does not depend on the order generations are stored in.
    data = document(rotated)
    data["generations"].reverse()
    reordered = KeyFile.from_bytes(encode(data))
    assert open_data_keys(reordered, ADMIN, ADMIN_PASSWORD) == [(2, key2), (1, key1)]

    only_new = rotated.only_generation(2)
    assert open_data_keys(only_new, ADMIN, ADMIN_PASSWORD) == [(2, key2)]


def test_with_generation_rejects_a_short_data_key(
    keyfile_and_data_key: tuple[KeyFile, bytes],
) -> None:
    keyfile, _ = keyfile_and_data_key
    with pytest.raises(ValueError):
        keyfile.with_generation(2, b"short", [ADMIN])


def test_without_seals_of(keyfile_and_data_key: tuple[KeyFile, bytes]) -> None:
    keyfile, data_key = keyfile_and_data_key
    two = keyfile.with_account("bob", BOB_PASSWORD, cost=FAST_COST).with_seal(1, data_key, "bob")
    two = two.with_generation(2, new_data_key(), [ADMIN, "bob"])
    without_bob = two.without_seals_of("bob")
    bob_key = without_bob.unwrap_account("bob", BOB_PASSWORD)  # the slot itself stays
    with pytest.raises(NoSealError):
        without_bob.data_keys_for("bob", bob_key)
    assert [g for g, _ in open_data_keys(without_bob, ADMIN, ADMIN_PASSWORD)] == [2, 1]
    # Round trip keeps it that way.
    reloaded = KeyFile.from_bytes(without_bob.to_bytes())
    with pytest.raises(NoSealError):
        reloaded.data_keys_for("bob", reloaded.unwrap_account("bob", BOB_PASSWORD))


# ---- serialisation ----------------------------------------------------------------------


def test_bytes_round_trip(keyfile_and_data_key: tuple[KeyFile, bytes]) -> None:
    keyfile, data_key = keyfile_and_data_key
    keyfile = keyfile.with_account("bob", BOB_PASSWORD, cost=FAST_COST)
    keyfile = keyfile.with_seal(1, data_key, "bob")
    restored = KeyFile.from_bytes(keyfile.to_bytes())
    assert restored == keyfile
    assert restored.to_bytes() == keyfile.to_bytes()
    assert open_data_keys(restored, "bob", BOB_PASSWORD) == [(1, data_key)]
    data = document(keyfile)
    assert data["format"] == FORMAT == "liandang-keyfile"
    assert data["version"] == VERSION == 1
    assert data["vault_id"] == keyfile.vault_id


def test_save_and_load(tmp_path: Path, keyfile_and_data_key: tuple[KeyFile, bytes]) -> None:
    keyfile, data_key = keyfile_and_data_key
    path = tmp_path / "vault.keys"
    keyfile.save(path)
    assert path.read_bytes() == keyfile.to_bytes()
    loaded = KeyFile.load(path)
    assert loaded == keyfile
    assert open_data_keys(loaded, ADMIN, ADMIN_PASSWORD) == [(1, data_key)]


def test_load_missing_or_huge_file_is_not_a_key_file(tmp_path: Path) -> None:
    with pytest.raises(NotAKeyFileError):
        KeyFile.load(tmp_path / "absent.keys")
    huge = tmp_path / "huge.keys"
    huge.write_bytes(b"{" + b" " * (4 * 1024 * 1024 + 1))
    with pytest.raises(NotAKeyFileError):
        KeyFile.load(huge)


def secret_spellings(secret: bytes) -> list[bytes]:
    return [
        secret,
        secret.hex().encode(),
        secret.hex().upper().encode(),
        base64.b64encode(secret),
        base64.urlsafe_b64encode(secret),
        base64.b64encode(secret).rstrip(b"="),
    ]


def test_the_key_file_holds_no_password_and_no_key(
    keyfile_and_data_key: tuple[KeyFile, bytes],
) -> None:
    keyfile, data_key = keyfile_and_data_key
    rotated = keyfile.with_generation(2, key2 := new_data_key(), [ADMIN])
    rotated = rotated.with_password(ADMIN, ADMIN_PASSWORD, "second password", cost=FAST_COST)
    raw = rotated.to_bytes()
    private_raw = rotated.unwrap_account(ADMIN, "second password").private_bytes_raw()
    for password in (ADMIN_PASSWORD, "second password"):
        assert password.encode("utf-8") not in raw
        assert json.dumps(password).encode() not in raw
        assert password.encode("utf-16-le") not in raw
    for secret in (data_key, key2, private_raw):
        for spelling in secret_spellings(secret):
            assert spelling not in raw


# ---- damaged, foreign and newer files ---------------------------------------------------


@pytest.mark.parametrize(
    "raw",
    [
        b"",
        b"SQLite format 3\x00" + bytes(100),
        b"\x89PNG\r\n\x1a\n" + bytes(range(256)),
        "账户列表".encode("gbk"),
        b"just some text",
        b"[1, 2, 3]",
        b'"liandang-keyfile"',
        b"null",
        b'{"accounts": {}, "generations": []}',
        b'{"format": "something-else", "version": 1}',
        b'{"format": "LIANDANG-KEYFILE", "version": 1}',
    ],
)
def test_not_a_key_file(raw: bytes) -> None:
    with pytest.raises(NotAKeyFileError):
        KeyFile.from_bytes(raw)


BROKEN: dict[str, Callable[[dict[str, Any]], object]] = {
    "no accounts": lambda d: d.pop("accounts"),
    "no generations": lambda d: d.pop("generations"),
    "no vault id": lambda d: d.pop("vault_id"),
    "empty accounts": lambda d: d.update(accounts={}),
    "empty generations": lambda d: d.update(generations=[]),
    "accounts is a list": lambda d: d.update(accounts=[1, 2]),
    "generations is an object": lambda d: d.update(generations={"1": {}}),
    "slot without public key": lambda d: d["accounts"][ADMIN].pop("public_key"),
    "slot without private key": lambda d: d["accounts"][ADMIN].pop("private_key"),
    "slot is a string": lambda d: d["accounts"].update({ADMIN: "slot"}),
    "public key not base64": lambda d: d["accounts"][ADMIN].update(public_key="@@@"),
    "private key too short": lambda d: d["accounts"][ADMIN]["private_key"].update(
        ciphertext="AAAA"
    ),
    "no kdf": lambda d: d["accounts"][ADMIN]["private_key"].pop("kdf"),
    "kdf out of range": lambda d: d["accounts"][ADMIN]["private_key"]["kdf"].update(lanes=0),
    "generation number not a number": lambda d: d["generations"][0].update(number="one"),
    "generation without seals": lambda d: d["generations"][0].pop("seals"),
    "seal is a list": lambda d: d["generations"][0]["seals"].update({ADMIN: []}),
    "seal too short": lambda d: d["generations"][0]["seals"][ADMIN].update(nonce="AAAA"),
    "version is text": lambda d: d.update(version="1"),
    "version is zero": lambda d: d.update(version=0),
    "no version": lambda d: d.pop("version"),
}


@pytest.mark.parametrize("change", BROKEN.values(), ids=list(BROKEN))
def test_marker_with_broken_structure_is_corrupt(
    keyfile_and_data_key: tuple[KeyFile, bytes], change: Callable[[dict[str, Any]], object]
) -> None:
    keyfile, _ = keyfile_and_data_key
    data = document(keyfile)
    change(data)
    with pytest.raises(KeyFileCorruptError):
        KeyFile.from_bytes(encode(data))


@pytest.mark.parametrize("cut", [0.3, 0.5, 0.9])
def test_truncated_key_file_is_corrupt(
    keyfile_and_data_key: tuple[KeyFile, bytes], cut: float
) -> None:
    raw = keyfile_and_data_key[0].to_bytes()
    with pytest.raises(KeyFileCorruptError):
        KeyFile.from_bytes(raw[: int(len(raw) * cut)])


def test_garbled_key_file_with_marker_is_corrupt(
    keyfile_and_data_key: tuple[KeyFile, bytes],
) -> None:
    raw = keyfile_and_data_key[0].to_bytes()
    middle = len(raw) // 2
    with pytest.raises(KeyFileCorruptError):
        KeyFile.from_bytes(raw[:middle] + b"\xff\xfe\x00garbage" + raw[middle + 12 :])


@pytest.mark.parametrize("version", [VERSION + 1, 99])
def test_newer_version_is_unsupported(
    keyfile_and_data_key: tuple[KeyFile, bytes], version: int
) -> None:
    data = document(keyfile_and_data_key[0])
    data["version"] = version
    with pytest.raises(UnsupportedKeyFileVersionError):
        KeyFile.from_bytes(encode(data))
    # Even when the rest is something this version cannot read.
    with pytest.raises(UnsupportedKeyFileVersionError):
        KeyFile.from_bytes(encode({"format": FORMAT, "version": version, "accounts": 5}))


def test_account_slot_type_is_what_from_bytes_builds(
    keyfile_and_data_key: tuple[KeyFile, bytes],
) -> None:
    restored = KeyFile.from_bytes(keyfile_and_data_key[0].to_bytes())
    slot = restored.account(ADMIN)
    assert isinstance(slot, AccountSlot)
    assert len(slot.public_key) == 32

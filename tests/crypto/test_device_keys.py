"""Device wraps in the key file ("remember on this computer"): the same private key,
wrapped a second time under a random device secret, bound to vault, account and device."""

from __future__ import annotations

import base64
import json

import pytest
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from crypto.account_key import public_bytes
from crypto.device_key import DEVICE_COST, is_device_id, new_device_id, new_device_secret
from crypto.errors import KeyFileCorruptError, UnknownAccountError, WrongPasswordError
from crypto.kdf import FAST_COST
from crypto.keyfile import KeyFile

ADMIN = "admin"
PASSWORD = "correct horse 管理员"
BOB = "bob"
BOB_PASSWORD = "bob's password 二"


@pytest.fixture
def keyfile() -> KeyFile:
    created, data_key = KeyFile.create(ADMIN, PASSWORD, cost=FAST_COST)
    return created.with_account(BOB, BOB_PASSWORD, cost=FAST_COST).with_seal(1, data_key, BOB)


def remembered(
    keyfile: KeyFile, name: str = ADMIN, password: str = PASSWORD
) -> tuple[KeyFile, str, bytes]:
    device_id, secret = new_device_id(), new_device_secret()
    private_key = keyfile.unwrap_account(name, password)
    return keyfile.with_device_key(name, private_key, device_id, secret), device_id, secret


def same_key(a: X25519PrivateKey, b: X25519PrivateKey) -> bool:
    return a.private_bytes_raw() == b.private_bytes_raw()


def test_device_ids_and_secrets_are_random() -> None:
    assert new_device_id() != new_device_id()
    assert is_device_id(new_device_id())
    assert not is_device_id("../../etc") and not is_device_id("")
    assert len(new_device_secret()) == 32
    assert new_device_secret() != new_device_secret()


def test_device_wrap_opens_the_same_private_key(keyfile: KeyFile) -> None:
    with_device, device_id, secret = remembered(keyfile)
    by_device = with_device.unwrap_with_device(ADMIN, device_id, secret)
    assert same_key(by_device, keyfile.unwrap_account(ADMIN, PASSWORD))
    # …so it opens the data key sealed to the account, and the password still works too.
    assert with_device.data_keys_for(ADMIN, by_device)
    assert same_key(with_device.unwrap_account(ADMIN, PASSWORD), by_device)


def test_device_wrap_uses_the_cheapest_argon2id(keyfile: KeyFile) -> None:
    with_device, device_id, _secret = remembered(keyfile)
    kdf = with_device.account(ADMIN).device_keys[device_id].kdf
    assert (kdf.memory_kib, kdf.iterations, kdf.lanes) == (
        DEVICE_COST.memory_kib,
        DEVICE_COST.iterations,
        DEVICE_COST.lanes,
    )


def test_wrong_secret_or_unknown_device_is_refused(keyfile: KeyFile) -> None:
    with_device, device_id, secret = remembered(keyfile)
    with pytest.raises(WrongPasswordError):
        with_device.unwrap_with_device(ADMIN, device_id, new_device_secret())
    with pytest.raises(WrongPasswordError):
        with_device.unwrap_with_device(ADMIN, new_device_id(), secret)
    with pytest.raises(WrongPasswordError):
        with_device.unwrap_with_device(ADMIN, device_id, secret[:-1])
    with pytest.raises(UnknownAccountError):
        with_device.unwrap_with_device("nobody", device_id, secret)


def test_wrap_is_bound_to_account_and_device(keyfile: KeyFile) -> None:
    with_device, device_id, secret = remembered(keyfile)
    wrapped = with_device.account(ADMIN).device_keys[device_id]
    # Moved to another account or renamed to another device id: the AEAD context differs.
    other_id = new_device_id()
    moved = with_device.with_device_key(
        BOB, keyfile.unwrap_account(BOB, BOB_PASSWORD), other_id, new_device_secret()
    )
    bob = moved.accounts[BOB]
    tampered = KeyFile(
        moved.vault_id,
        {**moved.accounts, BOB: type(bob)(bob.public_key, bob.private_key, {device_id: wrapped})},
        moved.generations,
    )
    with pytest.raises(WrongPasswordError):
        tampered.unwrap_with_device(BOB, device_id, secret)
    admin = with_device.accounts[ADMIN]
    renamed = KeyFile(
        with_device.vault_id,
        {
            **with_device.accounts,
            ADMIN: type(admin)(admin.public_key, admin.private_key, {other_id: wrapped}),
        },
        with_device.generations,
    )
    with pytest.raises(WrongPasswordError):
        renamed.unwrap_with_device(ADMIN, other_id, secret)


def test_wrap_refuses_a_foreign_private_key_or_short_secret(keyfile: KeyFile) -> None:
    with pytest.raises(ValueError):
        keyfile.with_device_key(ADMIN, X25519PrivateKey.generate(), new_device_id(), b"x" * 32)
    own = keyfile.unwrap_account(ADMIN, PASSWORD)
    with pytest.raises(ValueError):
        keyfile.with_device_key(ADMIN, own, new_device_id(), b"short")


def test_several_devices_and_forgetting_one(keyfile: KeyFile) -> None:
    first, id1, secret1 = remembered(keyfile)
    both, id2, secret2 = remembered(first)
    assert set(both.account(ADMIN).device_keys) == {id1, id2}
    forgotten = both.without_device_key(ADMIN, id1)
    assert set(forgotten.account(ADMIN).device_keys) == {id2}
    with pytest.raises(WrongPasswordError):
        forgotten.unwrap_with_device(ADMIN, id1, secret1)
    forgotten.unwrap_with_device(ADMIN, id2, secret2)
    # Forgetting what is not there changes nothing.
    assert forgotten.without_device_key(ADMIN, id1) is forgotten
    assert forgotten.without_device_key("nobody", id1) is forgotten


def test_password_change_drops_the_accounts_device_wraps(keyfile: KeyFile) -> None:
    with_devices, device_id, secret = remembered(keyfile)
    with_devices, bob_device, bob_secret = remembered(with_devices, BOB, BOB_PASSWORD)
    changed = with_devices.with_password(ADMIN, PASSWORD, "a new password 新", cost=FAST_COST)
    assert changed.account(ADMIN).device_keys == {}
    with pytest.raises(WrongPasswordError):
        changed.unwrap_with_device(ADMIN, device_id, secret)
    # Other accounts keep theirs.
    changed.unwrap_with_device(BOB, bob_device, bob_secret)


def test_reset_drops_device_wraps(keyfile: KeyFile) -> None:
    """An administrator's reset gives a new key pair: no old computer can unlock it."""
    with_device, device_id, secret = remembered(keyfile, BOB, BOB_PASSWORD)
    reset = with_device.with_account(BOB, "reset password 1", cost=FAST_COST)
    assert reset.account(BOB).device_keys == {}
    with pytest.raises(WrongPasswordError):
        reset.unwrap_with_device(BOB, device_id, secret)


def test_round_trip_and_old_files_without_the_field(keyfile: KeyFile) -> None:
    with_device, device_id, secret = remembered(keyfile)
    loaded = KeyFile.from_bytes(with_device.to_bytes())
    assert loaded == with_device
    assert same_key(
        loaded.unwrap_with_device(ADMIN, device_id, secret),
        keyfile.unwrap_account(ADMIN, PASSWORD),
    )
    document = json.loads(with_device.to_bytes())
    assert set(document["accounts"][ADMIN]["device_keys"]) == {device_id}
    # A slot without device wraps is written exactly as before the field existed.
    assert "device_keys" not in document["accounts"][BOB]
    assert "device_keys" not in json.loads(keyfile.to_bytes())["accounts"][ADMIN]


def test_damaged_device_wrap_is_a_corrupt_key_file(keyfile: KeyFile) -> None:
    with_device, device_id, _secret = remembered(keyfile)
    document = json.loads(with_device.to_bytes())
    document["accounts"][ADMIN]["device_keys"][device_id]["nonce"] = "!!"
    with pytest.raises(KeyFileCorruptError):
        KeyFile.from_bytes(json.dumps(document).encode())
    document["accounts"][ADMIN]["device_keys"] = ["not", "an", "object"]
    with pytest.raises(KeyFileCorruptError):
        KeyFile.from_bytes(json.dumps(document).encode())


def test_secret_never_appears_in_the_key_file(keyfile: KeyFile) -> None:
    with_device, _device_id, secret = remembered(keyfile)
    raw = with_device.to_bytes()
    for form in (secret, base64.b64encode(secret), secret.hex().encode()):
        assert form not in raw
    public = public_bytes(keyfile.unwrap_account(ADMIN, PASSWORD).public_key())
    assert base64.b64encode(public) in raw  # sanity: the public key is there, in base64

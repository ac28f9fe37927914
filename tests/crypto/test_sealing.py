"""Sealing the data key to an account's public key (X25519 → HKDF-SHA256 → AES-256-GCM)."""

from __future__ import annotations

import dataclasses
import os

import pytest
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from crypto.errors import KeyFileCorruptError
from crypto.sealing import Seal

CONTEXT = b"liandang-keyfile\x1fvault-1\x1fgeneration\x1f1\x1falice"


def flip(data: bytes, index: int) -> bytes:
    return data[:index] + bytes([data[index] ^ 0x80]) + data[index + 1 :]


@pytest.fixture
def recipient() -> X25519PrivateKey:
    return X25519PrivateKey.generate()


@pytest.fixture
def data_key() -> bytes:
    return os.urandom(32)


@pytest.fixture
def seal(recipient: X25519PrivateKey, data_key: bytes) -> Seal:
    return Seal.create(data_key, recipient.public_key(), context=CONTEXT)


def test_create_then_open(recipient: X25519PrivateKey, data_key: bytes, seal: Seal) -> None:
    assert seal.open(recipient, context=CONTEXT) == data_key
    assert len(seal.ephemeral_public) == 32
    assert len(seal.nonce) == 12
    assert len(seal.ciphertext) == 48
    assert data_key not in seal.ciphertext


def test_each_seal_uses_a_fresh_ephemeral_key(recipient: X25519PrivateKey, data_key: bytes) -> None:
    a = Seal.create(data_key, recipient.public_key(), context=CONTEXT)
    b = Seal.create(data_key, recipient.public_key(), context=CONTEXT)
    assert a.ephemeral_public != b.ephemeral_public
    assert a.ciphertext != b.ciphertext


@pytest.mark.parametrize(
    "context",
    [
        b"liandang-keyfile\x1fvault-1\x1fgeneration\x1f1\x1fmallory",  # another account
        b"liandang-keyfile\x1fvault-1\x1fgeneration\x1f2\x1falice",  # another generation
        b"liandang-keyfile\x1fvault-2\x1fgeneration\x1f1\x1falice",  # another vault
    ],
)
def test_wrong_context_does_not_open(
    recipient: X25519PrivateKey, seal: Seal, context: bytes
) -> None:
    with pytest.raises(KeyFileCorruptError):
        seal.open(recipient, context=context)


def test_another_recipient_cannot_open(seal: Seal) -> None:
    with pytest.raises(KeyFileCorruptError):
        seal.open(X25519PrivateKey.generate(), context=CONTEXT)


@pytest.mark.parametrize(
    ("part", "index"),
    [("ephemeral_public", 0), ("ephemeral_public", 17), ("nonce", 0), ("nonce", 11)]
    + [("ciphertext", i) for i in (0, 20, 31, 32, 47)],
)
def test_a_flipped_byte_does_not_open(
    recipient: X25519PrivateKey, seal: Seal, part: str, index: int
) -> None:
    tampered = dataclasses.replace(seal, **{part: flip(getattr(seal, part), index)})
    with pytest.raises(KeyFileCorruptError):
        tampered.open(recipient, context=CONTEXT)


def test_a_low_order_ephemeral_key_is_corrupt_not_a_crash(
    recipient: X25519PrivateKey, seal: Seal
) -> None:
    # X25519 with the all-zero point yields an all-zero secret, which cryptography rejects
    # with a bare ValueError; a key file edited that way must still read as "altered".
    tampered = dataclasses.replace(seal, ephemeral_public=bytes(32))
    with pytest.raises(KeyFileCorruptError):
        tampered.open(recipient, context=CONTEXT)


def test_json_round_trip(recipient: X25519PrivateKey, data_key: bytes, seal: Seal) -> None:
    data = seal.to_json()
    assert set(data) == {"ephemeral_public", "nonce", "ciphertext"}
    restored = Seal.from_json(data)
    assert restored == seal
    assert restored.open(recipient, context=CONTEXT) == data_key


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("ephemeral_public", "AAAA"),
        ("nonce", "AAAAAAAAAAAAAAAAAAAA"),
        ("ciphertext", "AAAA"),
        ("ciphertext", None),
        ("nonce", "%%%"),
    ],
)
def test_malformed_json_is_corrupt(seal: Seal, field: str, value: object) -> None:
    data: dict[str, object] = dict(seal.to_json())
    data[field] = value
    with pytest.raises(KeyFileCorruptError):
        Seal.from_json(data)


def test_non_object_json_is_corrupt() -> None:
    with pytest.raises(KeyFileCorruptError):
        Seal.from_json("sealed")

"""An account's X25519 private key wrapped under its password (AES-256-GCM, Argon2id)."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from crypto.account_key import WrappedPrivateKey
from crypto.errors import KeyFileCorruptError, WrongPasswordError
from crypto.kdf import FAST_COST

CONTEXT = b"liandang-keyfile\x1fvault-1\x1faccount\x1falice"


def flip(data: bytes, index: int) -> bytes:
    return data[:index] + bytes([data[index] ^ 0x01]) + data[index + 1 :]


@pytest.fixture
def private_key() -> X25519PrivateKey:
    return X25519PrivateKey.generate()


@pytest.fixture
def wrapped(private_key: X25519PrivateKey) -> WrappedPrivateKey:
    return WrappedPrivateKey.wrap(
        private_key, "密码 secret".encode(), context=CONTEXT, cost=FAST_COST
    )


def test_wrap_then_unwrap_gives_the_same_key(
    private_key: X25519PrivateKey, wrapped: WrappedPrivateKey
) -> None:
    unwrapped = wrapped.unwrap("密码 secret".encode(), context=CONTEXT)
    assert unwrapped.private_bytes_raw() == private_key.private_bytes_raw()
    assert len(wrapped.nonce) == 12
    assert len(wrapped.ciphertext) == 48  # 32-byte key + 16-byte GCM tag
    assert private_key.private_bytes_raw() not in wrapped.ciphertext
    assert (wrapped.kdf.memory_kib, wrapped.kdf.iterations, wrapped.kdf.lanes) == (1024, 1, 1)


def test_two_wraps_of_one_key_differ(private_key: X25519PrivateKey) -> None:
    a = WrappedPrivateKey.wrap(private_key, b"pw", context=CONTEXT, cost=FAST_COST)
    b = WrappedPrivateKey.wrap(private_key, b"pw", context=CONTEXT, cost=FAST_COST)
    assert a.kdf.salt != b.kdf.salt
    assert a.ciphertext != b.ciphertext


@pytest.mark.parametrize("password", ["密码 Secret", "密码 secret ", "", "密码"])
def test_wrong_password_is_refused(wrapped: WrappedPrivateKey, password: str) -> None:
    with pytest.raises(WrongPasswordError) as caught:
        wrapped.unwrap(password.encode(), context=CONTEXT)
    assert "密码" not in str(caught.value)


@pytest.mark.parametrize(
    "context",
    [
        b"liandang-keyfile\x1fvault-1\x1faccount\x1fmallory",  # slot copied to another account
        b"liandang-keyfile\x1fvault-2\x1faccount\x1falice",  # slot copied to another vault
        b"",
    ],
)
def test_a_slot_does_not_open_under_another_context(
    wrapped: WrappedPrivateKey, context: bytes
) -> None:
    with pytest.raises(WrongPasswordError):
        wrapped.unwrap("密码 secret".encode(), context=context)


@pytest.mark.parametrize("part", ["nonce", "ciphertext", "salt"])
def test_a_tampered_slot_is_refused(wrapped: WrappedPrivateKey, part: str) -> None:
    if part == "salt":
        kdf = dataclasses.replace(wrapped.kdf, salt=flip(wrapped.kdf.salt, 3))
        tampered = dataclasses.replace(wrapped, kdf=kdf)
    elif part == "nonce":
        tampered = dataclasses.replace(wrapped, nonce=flip(wrapped.nonce, 5))
    else:
        tampered = dataclasses.replace(wrapped, ciphertext=flip(wrapped.ciphertext, 5))
    with pytest.raises(WrongPasswordError):
        tampered.unwrap("密码 secret".encode(), context=CONTEXT)


def test_json_round_trip(private_key: X25519PrivateKey, wrapped: WrappedPrivateKey) -> None:
    restored = WrappedPrivateKey.from_json(wrapped.to_json())
    assert restored == wrapped
    unwrapped = restored.unwrap("密码 secret".encode(), context=CONTEXT)
    assert unwrapped.private_bytes_raw() == private_key.private_bytes_raw()


@pytest.mark.parametrize(
    "mutate",
    [
        lambda d: d.update(nonce="AAAA"),  # 3 bytes
        lambda d: d.update(ciphertext="AAAA"),
        lambda d: d.pop("nonce"),
        lambda d: d.pop("kdf"),
        lambda d: d.update(ciphertext="***"),
        lambda d: d["kdf"].update(iterations=0),
    ],
)
def test_malformed_json_is_corrupt(
    wrapped: WrappedPrivateKey, mutate: Callable[[dict[str, Any]], object]
) -> None:
    data = wrapped.to_json()
    mutate(data)
    with pytest.raises(KeyFileCorruptError):
        WrappedPrivateKey.from_json(data)


def test_non_object_json_is_corrupt() -> None:
    with pytest.raises(KeyFileCorruptError):
        WrappedPrivateKey.from_json(["kdf", "nonce", "ciphertext"])

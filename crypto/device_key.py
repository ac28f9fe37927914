"""The device secret behind "remember on this computer" (在此计算机上记住).

The OS key store holds a random 256-bit secret per vault and account; the key file holds
the account's X25519 private key wrapped a second time under that secret
(:meth:`crypto.keyfile.KeyFile.with_device_key`). Neither half opens anything alone.

The wrap reuses :class:`crypto.account_key.WrappedPrivateKey` (Argon2id → AES-256-GCM) at
the cheapest cost Argon2id allows. Stretching protects guessable secrets; a 256-bit random
secret is not guessable, so the cost buys nothing, while one slot format, one parser and
one set of bounds checks for every wrap is less to review than an HKDF variant
(docs/decisions/0010-remember-and-recovery.md).
"""

from __future__ import annotations

import os
import re
import uuid

from crypto.kdf import KdfCost

DEVICE_SECRET_BYTES = 32

#: Argon2id's minimum (8 KiB per lane, one pass): the input is already a full-entropy key.
DEVICE_COST = KdfCost(memory_kib=8, iterations=1, lanes=1)

_DEVICE_ID = re.compile(r"^[0-9a-f]{32}$")


def new_device_secret() -> bytes:
    """A fresh random 256-bit device secret (kept only in the OS key store)."""
    return os.urandom(DEVICE_SECRET_BYTES)


def new_device_id() -> str:
    """A random identifier naming one remembered login (not secret)."""
    return uuid.uuid4().hex


def is_device_id(text: str) -> bool:
    return bool(_DEVICE_ID.match(text))

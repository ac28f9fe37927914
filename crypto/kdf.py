"""Argon2id password hashing with its parameters stored beside the result.

The parameters travel with every wrapped key, so they can be raised in a later version
without breaking older key slots: a slot is always re-derived with the parameters it was
written with.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any

from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

from crypto.encoding import b64decode, b64encode
from crypto.errors import KeyFileCorruptError

KEY_LENGTH = 32
# Argon2 (RFC 9106) limits; outside them the library raises untyped ValueError/OverflowError.
_MIN_SALT_BYTES = 8
_MAX_LANES = 64
# A tampered key file must not make unlock allocate terabytes or run for hours: far above
# anything we write (64 MiB, t=3), far below what would take the PC down.
_MAX_MEMORY_KIB = 4 * 1024 * 1024
_MAX_ITERATIONS = 64


@dataclass(frozen=True)
class Argon2idParams:
    """Argon2id cost parameters and salt.

    :param memory_kib: memory cost in KiB (default 64 MiB, ≈ 0.2 s on the reference PC).
    :param iterations: time cost (passes over memory).
    :param lanes: degree of parallelism.
    :param salt: 16 random bytes, unique per wrapped key.
    """

    memory_kib: int
    iterations: int
    lanes: int
    salt: bytes

    @classmethod
    def fresh(cls, cost: KdfCost | None = None) -> Argon2idParams:
        cost = cost or DEFAULT_COST
        return cls(cost.memory_kib, cost.iterations, cost.lanes, os.urandom(16))

    def derive(self, secret: bytes) -> bytes:
        """Derive a 256-bit key from ``secret`` (a UTF-8 password or a device secret)."""
        kdf = Argon2id(
            salt=self.salt,
            length=KEY_LENGTH,
            iterations=self.iterations,
            lanes=self.lanes,
            memory_cost=self.memory_kib,
        )
        return kdf.derive(secret)

    def to_json(self) -> dict[str, Any]:
        return {
            "name": "argon2id",
            "memory_kib": self.memory_kib,
            "iterations": self.iterations,
            "lanes": self.lanes,
            "salt": b64encode(self.salt),
        }

    @classmethod
    def from_json(cls, data: object) -> Argon2idParams:
        if not isinstance(data, dict) or data.get("name") != "argon2id":
            raise KeyFileCorruptError("key slot has no Argon2id parameters")
        try:
            params = cls(
                memory_kib=int(data["memory_kib"]),
                iterations=int(data["iterations"]),
                lanes=int(data["lanes"]),
                salt=b64decode(data["salt"], what="salt"),
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise KeyFileCorruptError("key slot has malformed Argon2id parameters") from exc
        if (
            not 1 <= params.lanes <= _MAX_LANES
            or not 8 * params.lanes <= params.memory_kib <= _MAX_MEMORY_KIB
            or not 1 <= params.iterations <= _MAX_ITERATIONS
            or len(params.salt) < _MIN_SALT_BYTES
        ):
            raise KeyFileCorruptError("key slot has out-of-range Argon2id parameters")
        return params


@dataclass(frozen=True)
class KdfCost:
    """The cost part of :class:`Argon2idParams`, chosen when a key is (re)wrapped."""

    memory_kib: int
    iterations: int
    lanes: int


#: RFC 9106 second recommended option, scaled to the reference 2-core PC.
DEFAULT_COST = KdfCost(memory_kib=64 * 1024, iterations=3, lanes=4)

#: Cheap parameters for tests and the demo vault only; still the real Argon2id code path.
FAST_COST = KdfCost(memory_kib=1024, iterations=1, lanes=1)

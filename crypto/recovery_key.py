"""The vault's recovery key (恢复密钥): 160 random bits an officer copies by hand.

Shown once at ``liandang init`` as 8 groups of 5 Crockford base32 characters::

    7KQ2M-0H4XA-…      (4 key characters + 1 check character per group)

- Crockford's alphabet has no I, L, O or U, so nothing reads as another character; on
  input ``O`` counts as ``0`` and ``I``/``L`` as ``1`` (as Crockford specifies), case,
  spaces and dashes do not matter.
- The fifth character of each group is a check over GF(32): the sum of the group's four
  characters weighted by α, α², α³, α⁴ plus α^(5+group number). It catches every single
  wrong character and every swap of two key characters *within a group*, and a whole group
  typed in the wrong place; other slips pass one group's check with probability 1/32 —
  and then the key still does not unwrap, so a typo never does harm, it only costs time.
  Because the check is per group, the error names the group to look at.

The key opens the slot :data:`crypto.keyfile.RECOVERY_ACCOUNT`: an X25519 key pair whose
private key is wrapped under Argon2id(key) like any account's, with every data-key
generation sealed to it (docs/decisions/0010-remember-and-recovery.md).
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from crypto.kdf import KdfCost
from crypto.keyfile import RECOVERY_ACCOUNT, KeyFile

KEY_BITS = 160
GROUPS = 8
DATA_PER_GROUP = 4  # 8 × 4 × 5 bits = 160 bits
GROUP_LENGTH = DATA_PER_GROUP + 1

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_VALUE = {char: value for value, char in enumerate(ALPHABET)}
_VALUE.update({"O": 0, "I": 1, "L": 1})  # Crockford: read what a hand-copy may contain
_SEPARATORS = frozenset(" -\t\u3000")  # U+3000: the full-width space of Chinese IMEs

# GF(2^5) with the primitive polynomial x^5 + x^2 + 1; α = x = 2.
_POLY = 0b100101


def _gf_mul(a: int, b: int) -> int:
    product = 0
    while b:
        if b & 1:
            product ^= a
        b >>= 1
        a <<= 1
        if a & 0b100000:
            a ^= _POLY
    return product


def _alpha_power(n: int) -> int:
    value = 1
    for _ in range(n):
        value = _gf_mul(value, 2)
    return value


def check_value(group: int, values: list[int]) -> int:
    """The check character's value for ``values`` (4 key characters) in group ``group``."""
    check = _alpha_power(5 + group)
    for position, value in enumerate(values, start=1):
        check ^= _gf_mul(_alpha_power(position), value)
    return check


class RecoveryKeyFormatError(ValueError):
    """The text is not a well-formed recovery key; ``group`` is 1-based, 0 when unknown.

    :param reason: ``"length"``, ``"character"`` or ``"check"``.
    """

    def __init__(self, reason: str, *, group: int = 0, character: str = "") -> None:
        super().__init__(reason)
        self.reason = reason
        self.group = group
        self.character = character


@dataclass(frozen=True)
class RecoveryKey:
    """:param secret: the 20 random bytes (never logged: ``repr`` leaves it out)."""

    secret: bytes

    def __repr__(self) -> str:
        return "RecoveryKey(…)"

    @classmethod
    def generate(cls) -> RecoveryKey:
        return cls(os.urandom(KEY_BITS // 8))

    def _data_values(self) -> list[int]:
        number = int.from_bytes(self.secret, "big")
        count = KEY_BITS // 5
        return [(number >> (5 * (count - 1 - i))) & 31 for i in range(count)]

    @property
    def formatted(self) -> str:
        """``XXXXX-XXXXX-…``: 8 groups of 5, the way it is shown and written down."""
        values = self._data_values()
        groups = []
        for group in range(GROUPS):
            chunk = values[group * DATA_PER_GROUP : (group + 1) * DATA_PER_GROUP]
            chunk = [*chunk, check_value(group, chunk)]
            groups.append("".join(ALPHABET[v] for v in chunk))
        return "-".join(groups)

    @property
    def kdf_input(self) -> str:
        """What Argon2id stretches: the 32 key characters (canonical, no checks)."""
        return "".join(ALPHABET[v] for v in self._data_values())

    @classmethod
    def parse(cls, text: str) -> RecoveryKey:
        """Read a key as typed: any case, spaces or dashes anywhere.

        :raises RecoveryKeyFormatError: wrong length, a character outside the alphabet,
            or a group whose check character does not match.
        """
        chars = [c for c in text.strip().upper() if c not in _SEPARATORS]
        for char in chars:
            if char not in _VALUE:
                raise RecoveryKeyFormatError("character", character=char)
        if len(chars) != GROUPS * GROUP_LENGTH:
            raise RecoveryKeyFormatError("length")
        values = [_VALUE[c] for c in chars]
        data: list[int] = []
        for group in range(GROUPS):
            chunk = values[group * GROUP_LENGTH : (group + 1) * GROUP_LENGTH]
            if check_value(group, chunk[:DATA_PER_GROUP]) != chunk[DATA_PER_GROUP]:
                raise RecoveryKeyFormatError("check", group=group + 1)
            data.extend(chunk[:DATA_PER_GROUP])
        number = 0
        for value in data:
            number = (number << 5) | value
        return cls(number.to_bytes(KEY_BITS // 8, "big"))


def with_recovery_slot(
    keyfile: KeyFile, key: RecoveryKey, generation: int, data_key: bytes, *, cost: KdfCost | None
) -> KeyFile:
    """``keyfile`` with the recovery slot (replacing any) sealed to ``generation``'s key."""
    keyfile = keyfile.with_account(RECOVERY_ACCOUNT, key.kdf_input, cost=cost)
    return keyfile.with_seal(generation, data_key, RECOVERY_ACCOUNT)


def has_recovery_slot(keyfile: KeyFile) -> bool:
    return RECOVERY_ACCOUNT in keyfile.accounts


def unwrap_recovery(keyfile: KeyFile, key: RecoveryKey) -> X25519PrivateKey:
    """The recovery slot's private key.

    :raises UnknownAccountError: the vault has no recovery slot.
    :raises WrongPasswordError: ``key`` is not this vault's recovery key.
    """
    return keyfile.unwrap_account(RECOVERY_ACCOUNT, key.kdf_input)

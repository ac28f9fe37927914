"""Seal a data key to an X25519 public key (an ECIES construction).

ephemeral X25519 → HKDF-SHA256 → AES-256-GCM, with the vault id, key generation and
account name as associated data, so a seal cannot be moved to another account, vault or
generation without detection.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from crypto.account_key import public_bytes
from crypto.encoding import b64decode, b64encode
from crypto.errors import KeyFileCorruptError

_HKDF_INFO = b"liandang data-key seal v1"


def _wrapping_key(shared: bytes, ephemeral_public: bytes, recipient_public: bytes) -> bytes:
    return HKDF(
        algorithm=hashes.SHA256(),
        length=32,
        salt=ephemeral_public + recipient_public,
        info=_HKDF_INFO,
    ).derive(shared)


@dataclass(frozen=True)
class Seal:
    """A data key sealed to one account's public key.

    :param ephemeral_public: the sender's one-time X25519 public key.
    :param nonce: the 96-bit GCM nonce.
    :param ciphertext: the sealed 32-byte data key and its tag.
    """

    ephemeral_public: bytes
    nonce: bytes
    ciphertext: bytes

    @classmethod
    def create(cls, data_key: bytes, recipient: X25519PublicKey, *, context: bytes) -> Seal:
        ephemeral = X25519PrivateKey.generate()
        ephemeral_public = public_bytes(ephemeral.public_key())
        key = _wrapping_key(
            ephemeral.exchange(recipient), ephemeral_public, public_bytes(recipient)
        )
        nonce = os.urandom(12)
        return cls(ephemeral_public, nonce, AESGCM(key).encrypt(nonce, data_key, context))

    def open(self, recipient: X25519PrivateKey, *, context: bytes) -> bytes:
        """Return the data key.

        :raises KeyFileCorruptError: the seal does not open with the account's key,
            which only happens if the key file was altered.
        """
        try:
            shared = recipient.exchange(X25519PublicKey.from_public_bytes(self.ephemeral_public))
        except ValueError:  # a low-order (e.g. all-zero) ephemeral key: altered key file
            raise KeyFileCorruptError("a data-key seal does not open: key file altered") from None
        key = _wrapping_key(shared, self.ephemeral_public, public_bytes(recipient.public_key()))
        try:
            return AESGCM(key).decrypt(self.nonce, self.ciphertext, context)
        except InvalidTag:
            raise KeyFileCorruptError("a data-key seal does not open: key file altered") from None

    def to_json(self) -> dict[str, Any]:
        return {
            "ephemeral_public": b64encode(self.ephemeral_public),
            "nonce": b64encode(self.nonce),
            "ciphertext": b64encode(self.ciphertext),
        }

    @classmethod
    def from_json(cls, data: object) -> Seal:
        if not isinstance(data, dict):
            raise KeyFileCorruptError("seal is not an object")
        seal = cls(
            b64decode(data.get("ephemeral_public"), what="ephemeral_public"),
            b64decode(data.get("nonce"), what="nonce"),
            b64decode(data.get("ciphertext"), what="ciphertext"),
        )
        if len(seal.ephemeral_public) != 32 or len(seal.nonce) != 12 or len(seal.ciphertext) != 48:
            raise KeyFileCorruptError("seal has the wrong size")
        return seal

"""An account's X25519 key pair, with the private key wrapped under its password.

The data key is sealed to the public key (:mod:`crypto.sealing`), so an administrator can
grant an account access, or re-seal a new data key for it, knowing only public keys. A
password change re-wraps only the 32-byte private key.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from crypto.encoding import b64decode, b64encode
from crypto.errors import KeyFileCorruptError, WrongPasswordError
from crypto.kdf import Argon2idParams, KdfCost


def public_bytes(public_key: X25519PublicKey) -> bytes:
    return public_key.public_bytes(Encoding.Raw, PublicFormat.Raw)


@dataclass(frozen=True)
class WrappedPrivateKey:
    """An X25519 private key encrypted with AES-256-GCM under an Argon2id-derived key.

    :param kdf: the Argon2id parameters (and salt) the wrapping key was derived with.
    :param nonce: the 96-bit GCM nonce.
    :param ciphertext: the encrypted 32-byte private key and its 16-byte tag.
    """

    kdf: Argon2idParams
    nonce: bytes
    ciphertext: bytes

    @classmethod
    def wrap(
        cls, private_key: X25519PrivateKey, secret: bytes, *, context: bytes, cost: KdfCost | None
    ) -> WrappedPrivateKey:
        """Encrypt ``private_key`` under ``secret``; ``context`` binds it to vault and account."""
        kdf = Argon2idParams.fresh(cost)
        nonce = os.urandom(12)
        raw = private_key.private_bytes_raw()
        ciphertext = AESGCM(kdf.derive(secret)).encrypt(nonce, raw, context)
        return cls(kdf, nonce, ciphertext)

    def unwrap(self, secret: bytes, *, context: bytes) -> X25519PrivateKey:
        """Decrypt the private key.

        :raises WrongPasswordError: ``secret`` is wrong (or the slot was tampered with:
            GCM cannot tell the two apart, and neither should an attacker).
        """
        try:
            raw = AESGCM(self.kdf.derive(secret)).decrypt(self.nonce, self.ciphertext, context)
        except InvalidTag:
            raise WrongPasswordError("the password does not open this account") from None
        return X25519PrivateKey.from_private_bytes(raw)

    def to_json(self) -> dict[str, Any]:
        return {
            "kdf": self.kdf.to_json(),
            "nonce": b64encode(self.nonce),
            "ciphertext": b64encode(self.ciphertext),
        }

    @classmethod
    def from_json(cls, data: object) -> WrappedPrivateKey:
        if not isinstance(data, dict):
            raise KeyFileCorruptError("wrapped private key is not an object")
        nonce = b64decode(data.get("nonce"), what="nonce")
        ciphertext = b64decode(data.get("ciphertext"), what="ciphertext")
        if len(nonce) != 12 or len(ciphertext) != 48:
            raise KeyFileCorruptError("wrapped private key has the wrong size")
        return cls(Argon2idParams.from_json(data.get("kdf")), nonce, ciphertext)

"""The vault's key file: per-account key slots and the data key sealed to each account.

Format (JSON, versioned, written atomically)::

    {"format": "liandang-keyfile", "version": 1, "vault_id": "…",
     "accounts": {"NAME": {"public_key": b64, "private_key": WrappedPrivateKey,
                           "device_keys": {DEVICE_ID: WrappedPrivateKey}}},
     "generations": [{"number": 1, "seals": {"NAME": Seal}}]}

Several generations exist side by side only during a key rotation: the new generation is
written before the database is re-keyed and the old one is dropped after, so a crash at any
moment leaves a generation that opens the database (see docs/decisions/0002-key-slots.md).
"""

from __future__ import annotations

import json
import os
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey

from crypto.account_key import WrappedPrivateKey, public_bytes
from crypto.atomic_file import write_atomically
from crypto.device_key import DEVICE_COST, DEVICE_SECRET_BYTES
from crypto.encoding import b64decode, b64encode
from crypto.errors import (
    KeyFileCorruptError,
    KeyFileError,
    NoSealError,
    NotAKeyFileError,
    UnknownAccountError,
    UnsupportedKeyFileVersionError,
    WrongPasswordError,
)
from crypto.kdf import KdfCost
from crypto.sealing import Seal

FORMAT = "liandang-keyfile"
VERSION = 1
DATA_KEY_BYTES = 32

#: The key slot the recovery key opens. Not a valid account name (those start with a
#: letter), so it can never collide with a user; every generation is sealed to it too.
RECOVERY_ACCOUNT = "~recovery"
_MAX_KEYFILE_BYTES = 4 * 1024 * 1024


def new_data_key() -> bytes:
    """A fresh random 256-bit SQLCipher data key."""
    return os.urandom(DATA_KEY_BYTES)


@dataclass(frozen=True)
class AccountSlot:
    """One account's public key and its password-wrapped private key.

    :param device_keys: the same private key wrapped under device secrets kept in OS key
        stores ("remember on this computer"), by device id. Optional in the file (absent
        when empty); a slot built anew — password change, reset — starts without any, so
        no remembered computer survives a change of password.
    """

    public_key: bytes
    private_key: WrappedPrivateKey
    device_keys: dict[str, WrappedPrivateKey] = field(default_factory=dict)


@dataclass(frozen=True)
class Generation:
    """One data key, sealed to every account allowed to open it."""

    number: int
    seals: dict[str, Seal] = field(default_factory=dict)


@dataclass(frozen=True)
class UnlockedKey:
    """A data key candidate: the generation it belongs to and the key itself."""

    generation: int
    data_key: bytes = field(repr=False)


@dataclass(frozen=True)
class KeyFile:
    """Immutable view of a key file; every change returns a new :class:`KeyFile`."""

    vault_id: str
    accounts: dict[str, AccountSlot]
    generations: tuple[Generation, ...]

    # ---- construction -------------------------------------------------------------------

    @classmethod
    def create(
        cls, account: str, password: str, *, cost: KdfCost | None = None
    ) -> tuple[KeyFile, bytes]:
        """A new key file with one account and a fresh generation-1 data key."""
        keyfile = cls(vault_id=str(uuid.uuid4()), accounts={}, generations=())
        keyfile = keyfile.with_account(account, password, cost=cost)
        data_key = new_data_key()
        keyfile = keyfile.with_generation(1, data_key, [account])
        return keyfile, data_key

    def _context(self, *parts: object) -> bytes:
        return "\x1f".join([FORMAT, self.vault_id, *map(str, parts)]).encode("utf-8")

    def with_account(self, name: str, password: str, *, cost: KdfCost | None = None) -> KeyFile:
        """Add (or replace) ``name``'s key slot with a new key pair wrapped under ``password``."""
        private_key = X25519PrivateKey.generate()
        slot = AccountSlot(
            public_bytes(private_key.public_key()),
            WrappedPrivateKey.wrap(
                private_key,
                password.encode("utf-8"),
                context=self._context("account", name),
                cost=cost,
            ),
        )
        return replace(self, accounts={**self.accounts, name: slot})

    def with_password(
        self, name: str, old_password: str, new_password: str, *, cost: KdfCost | None = None
    ) -> KeyFile:
        """Re-wrap ``name``'s private key under a new password; seals stay as they are.

        The account's device wraps are dropped: a password change is also how someone who
        fears a remembered computer is compromised locks it out.
        """
        private_key = self.unwrap_account(name, old_password)
        slot = AccountSlot(
            self.account(name).public_key,
            WrappedPrivateKey.wrap(
                private_key,
                new_password.encode("utf-8"),
                context=self._context("account", name),
                cost=cost,
            ),
        )
        return replace(self, accounts={**self.accounts, name: slot})

    def with_generation(self, number: int, data_key: bytes, names: Iterable[str]) -> KeyFile:
        """Add generation ``number`` with ``data_key`` sealed to each of ``names``."""
        if len(data_key) != DATA_KEY_BYTES:
            raise ValueError("a data key has 32 bytes")
        seals = {
            name: Seal.create(
                data_key,
                X25519PublicKey.from_public_bytes(self.account(name).public_key),
                context=self._context("generation", number, name),
            )
            for name in names
        }
        others = tuple(g for g in self.generations if g.number != number)
        return replace(self, generations=(*others, Generation(number, seals)))

    def with_seal(self, number: int, data_key: bytes, name: str) -> KeyFile:
        """Seal an existing generation's data key to one more account."""
        generation = self.generation(number)
        seal = Seal.create(
            data_key,
            X25519PublicKey.from_public_bytes(self.account(name).public_key),
            context=self._context("generation", number, name),
        )
        updated = Generation(number, {**generation.seals, name: seal})
        return replace(
            self,
            generations=tuple(updated if g.number == number else g for g in self.generations),
        )

    def without_seals_of(self, name: str) -> KeyFile:
        """Remove every seal of ``name`` (the account can no longer open the vault)."""
        return replace(
            self,
            generations=tuple(
                Generation(g.number, {n: s for n, s in g.seals.items() if n != name})
                for g in self.generations
            ),
        )

    def only_generation(self, number: int) -> KeyFile:
        """Drop every generation but ``number`` (after a rotation has been verified)."""
        return replace(self, generations=(self.generation(number),))

    # ---- device wraps ("remember on this computer", crypto/device_key.py) -----------------

    def with_device_key(
        self, name: str, private_key: X25519PrivateKey, device_id: str, secret: bytes
    ) -> KeyFile:
        """Add (or replace) a wrap of ``name``'s private key under a device ``secret``.

        :raises ValueError: ``private_key`` is not this account's, or ``secret`` is not
            32 bytes (either would store a wrap that can never open the vault).
        """
        slot = self.account(name)
        if public_bytes(private_key.public_key()) != slot.public_key:
            raise ValueError("the private key does not belong to this account")
        if len(secret) != DEVICE_SECRET_BYTES:
            raise ValueError("a device secret has 32 bytes")
        wrapped = WrappedPrivateKey.wrap(
            private_key, secret, context=self._context("device", name, device_id), cost=DEVICE_COST
        )
        updated = replace(slot, device_keys={**slot.device_keys, device_id: wrapped})
        return replace(self, accounts={**self.accounts, name: updated})

    def without_device_key(self, name: str, device_id: str) -> KeyFile:
        """Drop one device wrap of ``name`` (no-op when there is none)."""
        slot = self.accounts.get(name)
        if slot is None or device_id not in slot.device_keys:
            return self
        kept = {d: w for d, w in slot.device_keys.items() if d != device_id}
        return replace(self, accounts={**self.accounts, name: replace(slot, device_keys=kept)})

    # ---- queries ------------------------------------------------------------------------

    def account(self, name: str) -> AccountSlot:
        try:
            return self.accounts[name]
        except KeyError:
            raise UnknownAccountError("no key slot for this account") from None

    def generation(self, number: int) -> Generation:
        for generation in self.generations:
            if generation.number == number:
                return generation
        raise KeyFileCorruptError(f"key generation {number} is missing")

    @property
    def newest_generation(self) -> int:
        return max(g.number for g in self.generations)

    def unwrap_account(self, name: str, password: str) -> X25519PrivateKey:
        """The account's private key.

        :raises UnknownAccountError: no slot for ``name``.
        :raises WrongPasswordError: ``password`` does not unwrap it.
        """
        return self.account(name).private_key.unwrap(
            password.encode("utf-8"), context=self._context("account", name)
        )

    def unwrap_with_device(self, name: str, device_id: str, secret: bytes) -> X25519PrivateKey:
        """The account's private key, from a device wrap.

        :raises UnknownAccountError: no slot for ``name``.
        :raises WrongPasswordError: no wrap for ``device_id`` (dropped by a password change
            or "forget"), or ``secret`` does not open it.
        """
        wrapped = self.account(name).device_keys.get(device_id)
        if wrapped is None:
            raise WrongPasswordError("no device wrap for this account and device")
        return wrapped.unwrap(secret, context=self._context("device", name, device_id))

    def data_keys_for(self, name: str, private_key: X25519PrivateKey) -> list[UnlockedKey]:
        """Every data key sealed to ``name``, newest generation first.

        :raises NoSealError: no generation is sealed to this account.
        """
        keys = [
            UnlockedKey(
                g.number,
                g.seals[name].open(
                    private_key, context=self._context("generation", g.number, name)
                ),
            )
            for g in sorted(self.generations, key=lambda g: g.number, reverse=True)
            if name in g.seals
        ]
        if not keys:
            raise NoSealError("no data key is sealed to this account")
        return keys

    # ---- (de)serialisation --------------------------------------------------------------

    def to_bytes(self) -> bytes:
        document: dict[str, Any] = {
            "format": FORMAT,
            "version": VERSION,
            "vault_id": self.vault_id,
            "accounts": {
                name: {
                    "public_key": b64encode(slot.public_key),
                    "private_key": slot.private_key.to_json(),
                    # Written only when present, so files without any stay as they were.
                    **(
                        {
                            "device_keys": {
                                d: w.to_json() for d, w in sorted(slot.device_keys.items())
                            }
                        }
                        if slot.device_keys
                        else {}
                    ),
                }
                for name, slot in sorted(self.accounts.items())
            },
            "generations": [
                {
                    "number": g.number,
                    "seals": {name: seal.to_json() for name, seal in sorted(g.seals.items())},
                }
                for g in self.generations
            ],
        }
        return json.dumps(document, ensure_ascii=False, indent=1).encode("utf-8")

    @classmethod
    def from_bytes(cls, raw: bytes) -> KeyFile:
        try:
            document = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            if raw.lstrip().startswith(b"{") and FORMAT.encode() in raw:
                raise KeyFileCorruptError("key file is damaged (not valid JSON)") from exc
            raise NotAKeyFileError("not a LianDang key file") from exc
        if not isinstance(document, dict) or document.get("format") != FORMAT:
            raise NotAKeyFileError("not a LianDang key file")
        if document.get("version") != VERSION:
            if isinstance(document.get("version"), int) and document["version"] > VERSION:
                raise UnsupportedKeyFileVersionError("key file written by a newer LianDang")
            raise KeyFileCorruptError("key file has an unknown version")
        try:
            accounts = {
                str(name): AccountSlot(
                    b64decode(slot["public_key"], what="public_key"),
                    WrappedPrivateKey.from_json(slot["private_key"]),
                    {
                        str(device): WrappedPrivateKey.from_json(wrapped)
                        for device, wrapped in slot.get("device_keys", {}).items()
                    },
                )
                for name, slot in document["accounts"].items()
            }
            generations = tuple(
                Generation(
                    int(g["number"]),
                    {str(name): Seal.from_json(s) for name, s in g["seals"].items()},
                )
                for g in document["generations"]
            )
            vault_id = str(document["vault_id"])
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise KeyFileCorruptError("key file is missing required fields") from exc
        if not generations or not accounts:
            raise KeyFileCorruptError("key file has no accounts or no key generation")
        return cls(vault_id, accounts, generations)

    @classmethod
    def load(cls, path: Path) -> KeyFile:
        try:
            size = path.stat().st_size
            if size > _MAX_KEYFILE_BYTES:
                raise NotAKeyFileError("file too large to be a key file")
            raw = path.read_bytes()
        except FileNotFoundError as exc:
            raise NotAKeyFileError("key file not found") from exc
        except OSError as exc:
            raise KeyFileError(f"key file cannot be read: {exc.strerror}") from exc
        return cls.from_bytes(raw)

    def save(self, path: Path) -> None:
        write_atomically(path, self.to_bytes())

"""An OS key store that lives in memory, for the "remember on this computer" tests.

Tests never touch the real key store of the machine they run on (tests/conftest.py pins
``keyring.backends.fail`` for every test); the ones that need a working store install this
one with :func:`use_memory_keyring`.
"""

from __future__ import annotations

import keyring
import keyring.backend
import keyring.errors
from keyring.compat import properties


class MemoryKeyring(keyring.backend.KeyringBackend):
    """A dict of ``(service, user) -> text``; ``entries`` is open for tests to inspect."""

    @properties.classproperty
    def priority(cls) -> float:
        return 1

    def __init__(self) -> None:
        super().__init__()
        self.entries: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.entries.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.entries[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        try:
            del self.entries[(service, username)]
        except KeyError:
            raise keyring.errors.PasswordDeleteError("no such entry") from None


def use_memory_keyring() -> MemoryKeyring:
    store = MemoryKeyring()
    keyring.set_keyring(store)
    return store

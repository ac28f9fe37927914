"""Settings every test needs before anything else is imported.

Qt aborts the whole process (no exception) when it has no display, so the offscreen
platform is chosen here, before any test module can import PySide6. A test that wants a
real X server runs Qt in a subprocess with its own environment (tests/ui/test_screenshot.py).
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import keyring
import pytest
from keyring.backends import fail

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def _no_os_key_store() -> Iterator[None]:
    """Never touch the real OS key store (keyring would probe it, and some backends prompt
    on the terminal): every test starts with the "no key store" backend; the tests of
    remembered logins install tests/memory_keyring.py's instead."""
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(fail.Keyring())

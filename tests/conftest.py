"""Settings every test needs before anything else is imported.

Qt aborts the whole process (no exception) when it has no display, so the offscreen
platform is chosen here, before any test module can import PySide6. A test that wants a
real X server runs Qt in a subprocess with its own environment (tests/ui/test_screenshot.py).
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

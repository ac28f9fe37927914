"""Screenshots of the real windows on a real X server (Xvfb), for review and the README:
the dossier window (a clerk's) and the administration window (the security officer's).

The pytest process runs Qt offscreen, and a Qt process picks its platform once; so the
window is opened by a subprocess (screenshot_main_window.py) pointed at the Xvfb display.
"""

from __future__ import annotations

import os
import select
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from records.roles import Role
from ui.demo_vault import DEMO_ACCOUNTS, create_demo_vault

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = Path(__file__).with_name("screenshot_main_window.py")
ARTIFACT = ROOT / "test-artifacts" / "main-window.png"
ADMIN_ARTIFACT = ROOT / "test-artifacts" / "admin-window.png"
VETTING_ARTIFACT = ROOT / "test-artifacts" / "vetting-window.png"
XVFB = shutil.which("Xvfb")

pytestmark = [
    pytest.mark.xvfb,
    pytest.mark.skipif(XVFB is None, reason="Xvfb is not installed (apt install xvfb)"),
]


@pytest.fixture
def display() -> Iterator[str]:
    """A private Xvfb server; its display name (``:N``)."""
    assert XVFB is not None
    # -displayfd: Xvfb picks a free display number itself and writes it to the pipe once
    # it accepts connections, so there is neither a race for the number nor polling.
    read_end, write_end = os.pipe()
    server = subprocess.Popen(
        [XVFB, "-displayfd", str(write_end), "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
        pass_fds=(write_end,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_end)
    try:
        ready, _, _ = select.select([read_end], [], [], 30)
        number = os.read(read_end, 32).decode().strip() if ready else ""
        if not number.isdigit():
            pytest.fail("Xvfb did not start")
        assert Path(f"/tmp/.X11-unix/X{number}").exists()
        yield f":{number}"
    finally:
        os.close(read_end)
        server.terminate()
        server.wait(timeout=30)


def _distinct_colours(image: QImage, step: int = 16) -> int:
    return len(
        {
            image.pixel(x, y)
            for x in range(0, image.width(), step)
            for y in range(0, image.height(), step)
        }
    )


def _screenshot(display: str, vault: Path, role: Role, artifact: Path) -> None:
    account = next(a for a in DEMO_ACCOUNTS if a.role is role)
    if artifact.exists():
        artifact.unlink()
    env = {
        **os.environ,
        "DISPLAY": display,
        "QT_QPA_PLATFORM": "xcb",
        "PYTHONPATH": str(ROOT),
    }
    completed = subprocess.run(
        [sys.executable, str(SCRIPT), str(vault), account.name, str(artifact)],
        input=account.password + "\n",
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert completed.returncode == 0, completed.stderr
    assert artifact.is_file()
    assert artifact.stat().st_size > 10 * 1024
    image = QImage(str(artifact))
    assert (image.width(), image.height()) == (1280, 800)
    assert _distinct_colours(image) > 10  # not a blank (single-colour) screen


def test_main_window_screenshot(display: str, tmp_path: Path) -> None:
    vault = tmp_path / "demo-vault"
    create_demo_vault(vault, officials=25)
    _screenshot(display, vault, Role.CLERK, ARTIFACT)


def test_admin_window_screenshot(display: str, tmp_path: Path) -> None:
    vault = tmp_path / "demo-vault"
    create_demo_vault(vault, officials=3)
    _screenshot(display, vault, Role.SECADMIN, ADMIN_ARTIFACT)


def test_vetting_window_screenshot(display: str, tmp_path: Path) -> None:
    vault = tmp_path / "demo-vault"
    create_demo_vault(vault, officials=25)
    _screenshot(display, vault, Role.VETTING, VETTING_ARTIFACT)

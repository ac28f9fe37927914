"""``run_gui`` end to end, in a subprocess: it owns its QApplication and its exit code."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# Leaves the unlock dialog once it is up (checking the prefill) and prints the exit code.
SCRIPT = """
import sys
from pathlib import Path
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from ui.app import run_gui
from ui.unlock_dialog import UnlockDialog

def leave():
    dialogs = [w for w in QApplication.topLevelWidgets()
               if isinstance(w, UnlockDialog) and w.isVisible()]
    if not dialogs:
        QTimer.singleShot(20, leave)
        return
    dialog = dialogs[0]
    print("prefill", dialog.vault_edit.text(), dialog.user_edit.text())
    print("app", QApplication.applicationName(), QApplication.organizationName())
    dialog.reject()

QTimer.singleShot(0, leave)
print("exit", run_gui(Path(sys.argv[1]), "clerk1"))
"""


def test_run_gui_shows_the_prefilled_unlock_dialog_and_exits_cleanly(vault) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    completed = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(vault.path)],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
    )
    assert completed.returncode == 0, completed.stderr
    lines = completed.stdout.splitlines()
    assert f"prefill {vault.path} clerk1" in lines
    assert "app LianDang LianDang" in lines
    assert lines[-1] == "exit 0"

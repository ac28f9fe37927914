"""The process tests/records/test_rotation_crash.py kills: it rotates the data key until killed.

Usage: ``python rotation_child.py VAULT USER``; the password is the first line of standard
input (never the command line). The child imports everything first and prints ``ready``,
so the test can start it while it is still examining the previous kill; then it waits for
the password, unlocks, prints ``unlocked``, and rotates again and again, printing each
step as it starts (``step rekeying``) and ``done N`` after each rotation, so the test knows
where its kill landed.
"""

from __future__ import annotations

import sys
from pathlib import Path

from records.rotation import RotationStep, rotate_data_key
from records.vault import unlock_vault


def _say(text: str) -> None:
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


def _step(step: RotationStep) -> None:
    _say(f"step {step.value}")


def main() -> None:
    vault, user = Path(sys.argv[1]), sys.argv[2]
    _say("ready")
    password = sys.stdin.readline().rstrip("\n")
    session = unlock_vault(vault, user, password)
    _say("unlocked")
    done = 0
    while True:
        rotate_data_key(session, progress=_step)
        done += 1
        _say(f"done {done}")


if __name__ == "__main__":
    main()

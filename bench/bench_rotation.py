"""Key rotation against a plain copy of the database file (ARCHITECTURE.md target: ≤ 3×).

Works on a copy of a vault made by :mod:`bench.generate` (its security officer rotates),
so the original stays as it was. Usage::

    python -m bench.generate /tmp/x --officials 20000 --records-per-official 20
    python -m bench.bench_rotation /tmp/x --runs 3
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from bench.generate import SECADMIN
from records.rotation import RotationStep, rotate_data_key
from records.vault import unlock_vault
from records.vault_layout import DB_FILE


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def time_copy(db: Path, scratch: Path) -> float:
    """Copy the database file and make the copy durable, as a backup would."""
    target = scratch / "copy.db"
    started = time.perf_counter()
    shutil.copyfile(db, target)
    _fsync(target)
    seconds = time.perf_counter() - started
    target.unlink()
    return seconds


def time_rotation(vault: Path) -> dict[str, float]:
    """Seconds per rotation step, and ``total``, for one rotation."""
    marks: list[tuple[str, float]] = []
    with unlock_vault(vault, *SECADMIN) as session:
        started = time.perf_counter()
        rotate_data_key(session, progress=lambda step: marks.append((step, time.perf_counter())))
        ended = time.perf_counter()
    times = [t for _step, t in marks] + [ended]
    phases = {str(step): times[i + 1] - t for i, (step, t) in enumerate(marks)}
    phases["total"] = ended - started
    return phases


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("vault", type=Path)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(dir=args.vault.parent) as scratch_name:
        scratch = Path(scratch_name)
        vault = scratch / "vault"
        shutil.copytree(args.vault, vault)
        db = vault / DB_FILE
        size = db.stat().st_size / 1e6
        copies, rotations = [], []
        for _ in range(args.runs):
            copies.append(time_copy(db, scratch))
            rotations.append(time_rotation(vault))
    copy = statistics.median(copies)
    total = statistics.median(r["total"] for r in rotations)
    steps = ", ".join(
        f"{step} {statistics.median(r[step] for r in rotations):.2f}" for step in RotationStep
    )
    print(f"vault.db {size:.0f} MB; median of {args.runs} runs")
    print(f"copy + fsync {copy:.2f} s; rotation {total:.2f} s = {total / copy:.1f}× the copy")
    print(f"rotation steps (s): {steps}")


if __name__ == "__main__":
    main()

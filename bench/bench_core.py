"""Measure the ARCHITECTURE §8 targets that exist so far, on a vault from bench.generate.

    python -m bench.bench_core VAULT_FOLDER [--rounds 200]

Prints p50/p95 in milliseconds; copy the figures into docs/performance.md.
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from bench.generate import CLERK, VETTING
from exports.dossier_export import save_signed_dossier
from records.services.officials import OfficialService
from records.vault import unlock_vault


def _percentiles(samples: list[float]) -> str:
    ordered = sorted(samples)
    p95 = ordered[max(0, int(len(ordered) * 0.95) - 1)]
    return f"p50 {statistics.median(ordered) * 1000:7.1f} ms   p95 {p95 * 1000:7.1f} ms"


def _timed(fn: Callable[[], object], rounds: int) -> list[float]:
    samples = []
    for _ in range(rounds):
        started = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - started)
    return samples


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("vault", type=Path)
    parser.add_argument("--rounds", type=int, default=200)
    args = parser.parse_args()
    rng = random.Random(1)

    started = time.perf_counter()
    session = unlock_vault(args.vault, *CLERK)
    print(f"unlock (demo-cost KDF) + open       {(time.perf_counter() - started) * 1000:7.1f} ms")
    officials = OfficialService(session)
    count = session.conn.execute("SELECT count(*) FROM officials").fetchone()[0]
    names = [row[0] for row in session.conn.execute("SELECT name FROM officials LIMIT 2000")]

    queries = [rng.choice(names)[: rng.choice((1, 2))] for _ in range(args.rounds)]
    it = iter(queries)
    print("search as you type (name substring)  " + _percentiles(
        _timed(lambda: officials.list(next(it), limit=200), args.rounds)))  # fmt: skip
    ids = iter([rng.randint(1, count) for _ in range(args.rounds)])
    print("open one dossier (audited read)      " + _percentiles(
        _timed(lambda: officials.dossier(next(ids)), args.rounds)))  # fmt: skip
    session.close()

    session = unlock_vault(args.vault, *VETTING)
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "d.pdf"
        ids = iter([rng.randint(1, count) for _ in range(20)])
        print("signed dossier PDF (20 records)      " + _percentiles(
            _timed(lambda: save_signed_dossier(session, next(ids), out), 20)))  # fmt: skip
    session.close()


if __name__ == "__main__":
    main()

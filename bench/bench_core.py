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
    rows = session.conn.execute(
        "SELECT name, name_pinyin, name_initials, id_number, unit, position FROM officials"
        " LIMIT 2000"
    ).fetchall()

    def keystrokes(row: tuple[str, ...]) -> list[str]:
        """What a user types, one prefix per keystroke, for each kind of search."""
        name, pinyin, initials, id_number, unit, position = row
        return rng.choice(
            (
                [name[:1], name[:2]],  # Chinese name
                [pinyin[:n] for n in range(1, 6)],  # full pinyin
                [initials[:1], initials[:2]],  # initials
                [id_number[:n] for n in (2, 4, 6, 10, 14)],  # ID prefix
                [unit[:n] for n in range(1, len(unit) + 1)],  # unit
                [unit[-n:] for n in (1, 2, 3)] + [position[:2]],  # unit tail, position
            )
        )

    typed = [text for _ in range(args.rounds) for text in keystrokes(rng.choice(rows))]
    typed = typed[: args.rounds]
    it = iter(typed)
    print("search as you type (mixed, 200 rows) " + _percentiles(
        _timed(lambda: officials.list(next(it), limit=200), len(typed))))  # fmt: skip
    names = [row[0] for row in rows]
    queries = [rng.choice(names)[: rng.choice((1, 2))] for _ in range(args.rounds)]
    it = iter(queries)
    print("search as you type (1-2 name chars)  " + _percentiles(
        _timed(lambda: officials.list(next(it), limit=200), args.rounds)))  # fmt: skip
    it = iter([chr(ord("a") + rng.randrange(26)) for _ in range(args.rounds)])
    print("search: one pinyin letter (500 rows) " + _percentiles(
        _timed(lambda: officials.list(next(it)), args.rounds)))  # fmt: skip
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

"""The random draw of 随机抽查: reproducible from a seed, by anyone, with any tool.

Each official due a check is ranked by SHA-256 of the seed, the year and the official's id;
the first ``ceil(percent × population / 100)`` are drawn. Unlike :mod:`random`, whose
algorithms may change between Python versions, the ranking is fixed by this text alone:
an auditor with the seed, the year and the population (its digest is in the audit trail)
gets the same draw.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Iterable, Sequence

#: Separates the ranking of this program from any other use of the same seed.
_DOMAIN = "liandang/check-sample/v1"


def draw_size(population: int, percent: int) -> int:
    """How many are drawn: at least ``percent`` per cent (rounded up, so never 0 of some)."""
    return min(population, math.ceil(population * percent / 100))


def rank(seed: str, year: int, official_id: int) -> bytes:
    return hashlib.sha256(f"{_DOMAIN}\x00{year}\x00{seed}\x00{official_id}".encode()).digest()


def draw(population: Sequence[int], percent: int, seed: str, year: int) -> tuple[int, ...]:
    """The ids drawn from ``population``, ascending (independent of the population's order)."""
    ranked = sorted(set(population), key=lambda oid: (rank(seed, year, oid), oid))
    return tuple(sorted(ranked[: draw_size(len(ranked), percent)]))


def population_digest(population: Iterable[int]) -> str:
    """SHA-256 of the ascending ids joined by commas (for the audit trail)."""
    text = ",".join(str(oid) for oid in sorted(set(population)))
    return hashlib.sha256(text.encode()).hexdigest()

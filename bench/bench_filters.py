"""Measure the official-list filters (the GUI's 筛选 bar, ``liandang official list --filter``)
alone and with search text, on a vault from bench.generate.

    python -m bench.bench_filters VAULT_FOLDER [--rounds 60] [--only TEXT]

Every query asks for the GUI's list (500 rows), sorted by name and by unit; each round picks
its own values (a category, a unit, a typed prefix) so the figures are not one cached query.
The vault's clock is the generator's day, so influence periods and report years match the
data. Prints p50/p95 in milliseconds and the mean number of rows returned; copy the figures
into docs/performance.md.
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from pathlib import Path

from bench.generate import CLERK, TODAY
from records.search import OfficialQuery
from records.services.officials import OfficialService
from records.vault import unlock_vault

LIMIT = 500  # the GUI's list (ui.official_search_panel)
LAST_YEAR = TODAY.year - 1
SORTS = ("name", "unit")

Pick = Callable[[random.Random], OfficialQuery]


def _queries(units: list[str], counties: list[str], texts: list[list[str]]) -> dict[str, Pick]:
    """Label → a function drawing one query of that kind."""

    def q(**kw: object) -> OfficialQuery:
        return OfficialQuery(limit=LIMIT, **kw)  # type: ignore[arg-type]

    def typed(rng: random.Random) -> str:
        return rng.choice(rng.choice(texts))

    return {
        "no filter (the list as it opens)": lambda rng: q(),
        "category (any of 1-6)": lambda rng: q(category=rng.randint(1, 6)),
        "category 5 or 6 (5 %)": lambda rng: q(category=rng.choice((5, 6))),
        "rank": lambda rng: q(rank=rng.choice(("正科级", "副科级", "二级主任科员"))),
        "one flag": lambda rng: q(
            flags=frozenset({rng.choice(("领导干部", "后备干部", "一肩挑"))})
        ),
        "two flags (dual role + reserve, 0.7 %)": lambda rng: q(
            flags=frozenset({"一肩挑", "后备干部"})
        ),
        "unit prefix: a county (12 %)": lambda rng: q(unit=rng.choice(counties)),
        "unit prefix: one unit (1 %)": lambda rng: q(unit=rng.choice(units)),
        "open clue (2 %)": lambda rng: q(has_open_clue=True),
        "no open clue (98 %)": lambda rng: q(has_open_clue=False),
        "in influence period (0.7 %)": lambda rng: q(in_influence_period=True),
        "not in influence period (99 %)": lambda rng: q(in_influence_period=False),
        f"report missing for {LAST_YEAR} (4 %)": lambda rng: q(
            annual_report_missing_year=LAST_YEAR
        ),
        f"report missing for {LAST_YEAR - 1} (0.4 %)": lambda rng: q(
            annual_report_missing_year=LAST_YEAR - 1
        ),
        "category + rank + flag": lambda rng: q(
            category=rng.choice((1, 3, 4)), rank="正科级", flags=frozenset({"领导干部"})
        ),
        "category 1 + report missing": lambda rng: q(
            category=1, annual_report_missing_year=LAST_YEAR
        ),
        "county + open clue": lambda rng: q(unit=rng.choice(counties), has_open_clue=True),
        "leading + in influence period": lambda rng: q(
            flags=frozenset({"领导干部"}), in_influence_period=True
        ),
        "every filter at once": lambda rng: q(
            category=1,
            rank="正科级",
            flags=frozenset({"领导干部"}),
            unit=rng.choice(counties),
            has_open_clue=False,
            in_influence_period=False,
            annual_report_missing_year=LAST_YEAR,
        ),
        "text as typed + category": lambda rng: q(text=typed(rng), category=rng.randint(1, 6)),
        "text as typed + one flag": lambda rng: q(
            text=typed(rng), flags=frozenset({rng.choice(("领导干部", "后备干部", "一肩挑"))})
        ),
        "text as typed + open clue": lambda rng: q(text=typed(rng), has_open_clue=True),
        "text as typed + in influence period": lambda rng: q(
            text=typed(rng), in_influence_period=True
        ),
        "text as typed + report missing": lambda rng: q(
            text=typed(rng), annual_report_missing_year=LAST_YEAR
        ),
        "text as typed + county": lambda rng: q(text=typed(rng), unit=rng.choice(counties)),
        "one pinyin letter + open clue": lambda rng: q(
            text=chr(ord("a") + rng.randrange(26)), has_open_clue=True
        ),
        "one pinyin letter + category 5 or 6": lambda rng: q(
            text=chr(ord("a") + rng.randrange(26)), category=rng.choice((5, 6))
        ),
    }


def _percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    p95 = ordered[max(0, int(len(ordered) * 0.95) - 1)]
    return statistics.median(ordered) * 1000, p95 * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("vault", type=Path)
    parser.add_argument("--rounds", type=int, default=60, help="queries per line and sort")
    parser.add_argument("--only", default="", help="run the lines whose label contains this")
    parser.add_argument("--descending", action="store_true", help="sort descending")
    parser.add_argument("--sorts", default=",".join(SORTS), help="e.g. name,unit,birth_date")
    args = parser.parse_args()
    rng = random.Random(3)

    moment = datetime(TODAY.year, TODAY.month, TODAY.day, 10, 0).astimezone()
    session = unlock_vault(args.vault, *CLERK, clock=lambda: moment)
    conn = session.conn
    units = [str(r[0]) for r in conn.execute("SELECT DISTINCT unit FROM officials")]
    counties = sorted({unit[:3] for unit in units})
    rows = conn.execute(
        "SELECT name, name_pinyin, name_initials, id_number, unit FROM officials LIMIT 2000"
    ).fetchall()
    # What a user types, a prefix per keystroke: name, pinyin, initials, ID number, unit.
    texts = [
        rng.choice(
            (
                [name[:1], name[:2]],
                [pinyin[:n] for n in range(1, 6)],
                [initials[:1], initials[:2]],
                [id_number[:n] for n in (2, 4, 6, 10, 14)],
                [unit[:n] for n in range(1, len(unit) + 1)],
            )
        )
        for name, pinyin, initials, id_number, unit in rows
    ]
    officials = OfficialService(session)
    print(f"{'query (500 rows)':42} {'sort':5} {'p50 ms':>8} {'p95 ms':>8} {'rows':>6}")
    for label, pick in _queries(units, counties, texts).items():
        if args.only not in label:
            continue
        for sort in args.sorts.split(","):
            # Each line draws from its own seed: --only picks the very same queries.
            own = random.Random(f"{label} {sort}")
            queries = [
                replace(pick(own), sort=sort, descending=args.descending)
                for _ in range(args.rounds)
            ]
            samples: list[float] = []
            found = 0
            for query in queries:
                started = time.perf_counter()
                found += len(officials.search(query))
                samples.append(time.perf_counter() - started)
            p50, p95 = _percentiles(samples)
            print(
                f"{label:42} {sort:5} {p50:8.1f} {p95:8.1f} {found / len(queries):6.0f}",
                flush=True,
            )
    session.close()


if __name__ == "__main__":
    main()

"""Time the dossier PDF at about 20 pages (table of contents included: several passes).

    python -m bench.bench_dossier_pdf [--rounds 5]

No vault: the dossier is built in memory, so the figure is rendering alone.
"""

from __future__ import annotations

import argparse
import re
import statistics
import time
from datetime import date, datetime, timedelta, timezone

from exports.dossier_pdf import render_dossier_pdf
from exports.stamp import ExportStamp
from records.model import Disclosure, Dossier, Official, Record, Source
from records.record_types import RECORD_TYPES

_BEIJING = timezone(timedelta(hours=8))
_NOW = datetime(2026, 11, 22, 10, 0, tzinfo=_BEIJING)


def twenty_page_dossier() -> Dossier:
    """An official with 34 records of every type, 600 characters of text each."""
    official = Official(
        1,
        "欧阳明远",
        "110105198003150012",
        "男",
        date(1980, 3, 15),
        "青山县财政局",
        "局长",
        "正科级",
    )
    codes = list(RECORD_TYPES)
    records = tuple(
        Record(
            id=n,
            official_id=1,
            type=codes[n % len(codes)],
            record_date=date(2020, 1, 1) + timedelta(days=n),
            fields={
                spec.name: ("情况说明" * 150 if spec.kind == "long_text" else "样例")
                for spec in RECORD_TYPES[codes[n % len(codes)]].fields
            },
            source=Source.ORGANIZATION,
            disclosure=Disclosure.INTERNAL,
            created_by="clerk1",
            created_at=_NOW,
        )
        for n in range(1, 35)
    )
    return Dossier(official, (), records)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    dossier = twenty_page_dossier()
    stamp = ExportStamp("LD-20261122-000001", "涉密", "王审核 (vet1)", _NOW, "ab" * 32)
    samples = []
    for _ in range(args.rounds):
        started = time.perf_counter()
        pdf = render_dossier_pdf(dossier, stamp)
        samples.append(time.perf_counter() - started)
    pages = len(re.findall(rb"/Type /Page\b(?!s)", pdf))
    print(
        f"dossier PDF, {len(dossier.records)} records ({pages} pages), with contents   "
        f"median {statistics.median(samples) * 1000:7.1f} ms   max {max(samples) * 1000:7.1f} ms"
    )


if __name__ == "__main__":
    main()

"""Time the 党风廉政意见回复 for 50 candidates: proposals, decisions and the signed letter.

    python -m bench.bench_vetting_reply [--candidates 50] [--rounds 3]

Each round builds a fresh demo vault (invented officials, a unit certificate), registers one
letter naming every candidate, confirms every proposal and submits it — then times
``exports.vetting_reply.save_signed_reply``: render the letter, certify it (PAdES B-B) and
file a copy in every candidate's dossier, one audited transaction. The target
(ARCHITECTURE §8) is < 3 s for 50 candidates, signed.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from exports.vetting_reply import save_signed_reply
from records.services.vetting import VettingService
from records.vault import unlock_vault
from ui.demo_vault import DEMO_ACCOUNTS, create_demo_vault

_VETTING = next(a for a in DEMO_ACCOUNTS if a.name == "vetting")


def one_round(folder: Path, candidates: int) -> tuple[float, float, float]:
    """(detail of the request, decide + submit, signed reply) in seconds."""
    vault = folder / "vault"
    create_demo_vault(vault, officials=candidates)
    with unlock_vault(vault, _VETTING.name, _VETTING.password) as session:
        ids = [int(r[0]) for r in session.conn.execute("SELECT id FROM officials ORDER BY id")]
        service = VettingService(session)
        today = session.now().date().isoformat()
        request = service.create("青组函〔2026〕50号", today, "中共青山县委组织部", "拟提拔", ids)
        started = time.perf_counter()
        service.detail(request.id)
        detail = time.perf_counter() - started
        started = time.perf_counter()
        for official_id in ids:
            service.decide(request.id, official_id, confirm=True)
        service.submit(request.id)
        decide = time.perf_counter() - started
        started = time.perf_counter()
        save_signed_reply(session, request.id, folder / "reply.pdf")
        reply = time.perf_counter() - started
    return detail, decide, reply


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--candidates", type=int, default=50)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    rounds = []
    for _ in range(args.rounds):
        with tempfile.TemporaryDirectory(prefix="ld-bench-") as folder:
            rounds.append(one_round(Path(folder), args.candidates))
    for label, column in zip(
        ("request detail (proposals + checklists)", "confirm every proposal + submit",
         "signed reply (render + PAdES + file copies)"),
        zip(*rounds, strict=True),
        strict=True,
    ):  # fmt: skip
        print(
            f"{args.candidates} candidates, {label:45s} median {statistics.median(column):6.3f} s"
            f"   max {max(column):6.3f} s"
        )


if __name__ == "__main__":
    main()

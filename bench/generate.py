"""Build a benchmark vault at a chosen scale (reference: 100,000 officials, 2,000,000 records).

The services write one audited transaction per action, which is right for users and far
too slow for two million rows; this loader writes the same schema in bulk through the same
encrypted connection. Usage::

    python -m bench.generate OUT_FOLDER --officials 100000 --records-per-official 20
"""

from __future__ import annotations

import argparse
import json
import random
import time
from datetime import date, datetime, timedelta
from pathlib import Path

from crypto.kdf import FAST_COST
from exports.certificates import create_unit_identity, identity_for_vault
from records.pinyin_keys import name_keys
from records.services.signing_identity import SigningIdentityService
from records.services.users import UserService
from records.synthetic import synthetic_officials
from records.vault import create_vault, unlock_vault

CLERK = ("clerk", "bench-clerk-1")
SECADMIN = ("sec", "bench-sec-123")
VETTING = ("vetting", "bench-vet-1")
TODAY = date(2026, 11, 22)

_OFFICIAL_COLUMNS = (
    "name, id_number, gender, birth_date, ethnicity, native_place, upbringing_place,"
    " political_status, party_join_date, education, unit, position, rank, appointed_date,"
    " management_level, category, is_leading, is_reserve, is_top_leader, is_dual_role, status,"
    " created_at, created_by, name_pinyin, name_initials"
)


def _official_row(values: dict[str, object], created_at: str) -> tuple[object, ...]:
    id_number = str(values["id_number"])
    # The search keys the service would fill (the FTS index fills itself by trigger).
    keys = name_keys(str(values["name"]))
    birth = f"{id_number[6:10]}-{id_number[10:12]}-{id_number[12:14]}"
    gender = "男" if int(id_number[16]) % 2 else "女"
    return (
        values["name"], id_number, gender, birth, values["ethnicity"], values["native_place"],
        values["upbringing_place"], values["political_status"], values["party_join_date"],
        values["education"], values["unit"], values["position"], values["rank"],
        values["appointed_date"], values["management_level"], int(str(values["category"])),
        int(bool(values["is_leading"])), int(bool(values["is_reserve"])),
        int(bool(values["is_top_leader"])), int(bool(values["is_dual_role"])), "serving",
        created_at, "bench", keys.pinyin, keys.initials,
    )  # fmt: skip


def generate(out: Path, officials: int, records_per_official: int, *, seed: int = 7) -> float:
    """Create the vault at ``out``; return the seconds spent loading data."""
    session = create_vault(out, "admin", "bench-admin-1", kdf_cost=FAST_COST)
    UserService(session).add(CLERK[0], "clerk", CLERK[1])
    UserService(session).add(VETTING[0], "vetting", VETTING[1])
    UserService(session).add(SECADMIN[0], "secadmin", SECADMIN[1])
    with unlock_vault(out, *SECADMIN) as security_officer:
        identity = create_unit_identity("基准测试单位")
        SigningIdentityService(security_officer).install(identity_for_vault(identity))
    rng = random.Random(seed)
    created_at = datetime(2026, 11, 22, 9, 0).astimezone().isoformat()
    started = time.perf_counter()
    conn = session.conn
    conn.execute("BEGIN IMMEDIATE")
    batch: list[tuple[object, ...]] = []
    for person in synthetic_officials(officials, seed=seed, today=TODAY):
        batch.append(_official_row(person.values, created_at))
        if len(batch) == 5000:
            conn.executemany(  # type: ignore[attr-defined]
                f"INSERT INTO officials ({_OFFICIAL_COLUMNS}) VALUES ({','.join('?' * 25)})", batch
            )
            batch.clear()
    if batch:
        conn.executemany(  # type: ignore[attr-defined]
            f"INSERT INTO officials ({_OFFICIAL_COLUMNS}) VALUES ({','.join('?' * 25)})", batch
        )
    records: list[tuple[object, ...]] = []
    for official_id in range(1, officials + 1):
        for _ in range(records_per_official):
            day = TODAY - timedelta(days=rng.randint(1, 3650))
            fields = {"title": "因私出国(境)", "detail": f"赴新加坡探亲{rng.randint(3, 20)}日。"}
            records.append(
                (official_id, "major_matter", day.isoformat(),
                 json.dumps(fields, ensure_ascii=False), "self", "internal", "bench", created_at)
            )  # fmt: skip
        if len(records) >= 50000:
            conn.executemany(  # type: ignore[attr-defined]
                "INSERT INTO records (official_id, type, record_date, fields_json, source,"
                " disclosure, created_by, created_at) VALUES (?,?,?,?,?,?,?,?)",
                records,
            )
            records.clear()
    if records:
        conn.executemany(  # type: ignore[attr-defined]
            "INSERT INTO records (official_id, type, record_date, fields_json, source,"
            " disclosure, created_by, created_at) VALUES (?,?,?,?,?,?,?,?)",
            records,
        )
    conn.execute("COMMIT")
    elapsed = time.perf_counter() - started
    session.close()
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", type=Path)
    parser.add_argument("--officials", type=int, default=100_000)
    parser.add_argument("--records-per-official", type=int, default=20)
    args = parser.parse_args()
    seconds = generate(args.out, args.officials, args.records_per_official)
    size = (args.out / "vault.db").stat().st_size / 1e6
    print(f"loaded {args.officials} officials, {args.officials * args.records_per_official}"
          f" records in {seconds:.1f} s; vault.db {size:.0f} MB")  # fmt: skip


if __name__ == "__main__":
    main()

"""Constants and helpers shared by the records tests (fixtures live in conftest.py).

Every vault here is real: SQLCipher through sqlcipher3 and Argon2id at ``FAST_COST``.
Time is the fixed ``NOW``; nothing depends on today's date.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from records.database import Connection
from records.id_number import check_character
from records.roles import Role
from records.services.signing_identity import StoredIdentity
from records.session import Session

BEIJING = timezone(timedelta(hours=8))
NOW = datetime(2026, 11, 22, 10, 0, tzinfo=BEIJING)
TODAY = NOW.date()


def fixed_clock() -> datetime:
    return NOW


#: Unlocks a test vault as the named user (fixtures close the sessions at teardown).
Opener = Callable[[str], Session]


ADMIN = "admin"
PASSWORDS: dict[str, str] = {
    "admin": "admin-password-1",
    "sec1": "security-officer-2",
    "aud1": "auditor-password-3",
    "clerk1": "clerk-password-4",
    "vet1": "vetting-password-5",
}
USER_OF_ROLE: dict[Role, str] = {
    Role.SYSADMIN: "admin",
    Role.SECADMIN: "sec1",
    Role.AUDITOR: "aud1",
    Role.CLERK: "clerk1",
    Role.VETTING: "vet1",
}


def make_id(first17: str) -> str:
    """A valid 18-character ID number: ``first17`` plus its GB 11643 check character."""
    assert len(first17) == 17
    return first17 + check_character(first17)


# Invented people. 110105 19800315 001: male (odd), 310104 19751102 002: female (even).
ID_MALE = make_id("11010519800315001")
ID_FEMALE = make_id("31010419751102002")
OFFICIAL_NAME = "欧阳明远"
OFFICIAL_UNIT = "青山县财政局"


def official_values(**overrides: object) -> dict[str, object]:
    values: dict[str, object] = {
        "name": OFFICIAL_NAME,
        "id_number": ID_MALE,
        "unit": OFFICIAL_UNIT,
        "position": "局长",
        "rank": "正科级",
    }
    values.update(overrides)
    return {k: v for k, v in values.items() if v is not None}


#: Placeholder PEM blobs: the records layer stores them, never parses them.
DUMMY_IDENTITY = StoredIdentity(
    unit="青山县委组织部",
    root_cert_pem=b"-----BEGIN CERTIFICATE-----\nROOT\n-----END CERTIFICATE-----\n",
    signing_cert_pem=b"-----BEGIN CERTIFICATE-----\nSIGNER\n-----END CERTIFICATE-----\n",
    signing_key_pem=b"-----BEGIN PRIVATE KEY-----\nKEY\n-----END PRIVATE KEY-----\n",
)


BUSINESS_TABLES = (
    "users",
    "user_roles",
    "user_relations",
    "security_policy",
    "officials",
    "family_members",
    "records",
    "signing_identity",
    "vault_meta",
    "schema_version",
    "annual_reports",
    "report_items",
    "change_reports",
    "vetting_requests",
    "vetting_candidates",
    "vetting_decisions",
    "record_history",
    "clue_informants",
    "attachments",
    "position_history",
    "checks",
    "check_items",
    "check_decisions",
    "check_handlings",
    "influence_rules",
)


def business_snapshot(conn: Connection) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every non-audit table, for "changed nothing" assertions."""
    return {
        table: sorted(tuple(row) for row in conn.execute(f"SELECT * FROM {table}"))
        for table in BUSINESS_TABLES
    }


def count(conn: Connection, table: str) -> int:
    return int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


def audit_rows(conn: Connection) -> list[tuple[Any, ...]]:
    return [
        tuple(row)
        for row in conn.execute(
            "SELECT seq, user_name, role, action, object, outcome, detail FROM audit_log"
            " ORDER BY seq"
        )
    ]


def folder_bytes(path: Path) -> dict[str, bytes]:
    """Every file of a vault folder and its content."""
    return {p.name: p.read_bytes() for p in sorted(path.iterdir())}


def date_of(text: str) -> date:
    return date.fromisoformat(text)

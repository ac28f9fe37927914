"""What "a failed command writes nothing" means in the vetting and check e2e tests.

Two strengths, because a command that unlocks the vault has logged in (docs/decisions/0008)
and a refusal is audited (0005):

- :func:`folder_digest` equal before and after: the mistake was caught before unlocking
  (dates, purposes, categories, a missing justification, no candidate at all);
- :class:`Snapshot`: every business row equal, and the audit trail grown only by logins and
  the refusals the command was expected to cause.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from records.vault import unlock_vault
from tests.e2e.cli import PASSWORDS
from tests.records.support import audit_rows, business_snapshot

#: Tables of issue 5 that tests.records.support.BUSINESS_TABLES does not list (yet).
CHECK_TABLES = ("checks", "check_items", "check_decisions", "influence_rules", "check_handlings")


def one_line(err: str) -> str:
    """The error output: one line, Chinese / English, no traceback."""
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert "Traceback" not in err
    assert " / " in lines[0], err
    return lines[0]


@dataclass(frozen=True)
class Snapshot:
    data: dict[str, list[tuple[Any, ...]]]
    trail: list[tuple[Any, ...]]

    @classmethod
    def of(cls, vault: Path) -> Snapshot:
        """Read as clerk1 (whose own login is the last entry of ``trail``)."""
        with unlock_vault(vault, "clerk1", PASSWORDS["clerk1"]) as session:
            data = business_snapshot(session.conn)
            for table in CHECK_TABLES:
                data[table] = sorted(
                    tuple(row) for row in session.conn.execute(f"SELECT * FROM {table}")
                )
            return cls(data, audit_rows(session.conn))

    def assert_unchanged(self, vault: Path, *refused: str) -> None:
        """Nothing changed but logins and the refusal entries of ``refused`` actions."""
        after = Snapshot.of(vault)
        assert after.data == self.data
        assert after.trail[: len(self.trail)] == self.trail
        added = after.trail[len(self.trail) :]
        assert [(row[3], row[5]) for row in added if row[3] != "login"] == [
            (action, "refused") for action in refused
        ]

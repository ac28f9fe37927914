"""Key rotation survives SIGKILL at any moment (ARCHITECTURE.md §2, issue 3).

A child process (tests/records/rotation_child.py) unlocks as the security officer and
rotates the data key in a loop; the test kills it with SIGKILL after a random delay — from
a seeded generator, spread over more than two rotations, so the kills fall in every step —
and then checks what a user would find: every active user's password opens the vault, the
disabled account's does not, every page passes ``cipher_integrity_check``, and the content
digest of every table is the one committed before the kills (rotation does not change
content; the audit trail only grows: its committed entries stay as they were and the chain
verifies).

The vault is small in rows but has large records (≈3.5 MB), so that ``PRAGMA rekey`` — the
step whose interruption leaves a hot journal — takes most of each rotation.
"""

from __future__ import annotations

import collections
import os
import random
import signal
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

import pytest

from crypto.kdf import FAST_COST
from crypto.keyfile import KeyFile
from records.content_digest import content_digest
from records.database import cipher_integrity_errors
from records.errors import AccountDisabledError
from records.roles import Role
from records.rotation import rotate_data_key
from records.services.users import UserService
from records.session import Session
from records.vault import create_vault, unlock_vault
from records.vault_layout import DB_FILE, KEY_FILE
from tests.records.support import PASSWORDS, USER_OF_ROLE

pytestmark = pytest.mark.skipif(os.name != "posix", reason="SIGKILL")

KILLS = 52
SEED = 20261122
CHILD = Path(__file__).with_name("rotation_child.py")
REPO = Path(__file__).resolve().parents[2]
ACTIVE = tuple(USER_OF_ROLE.values())
SECADMIN = USER_OF_ROLE[Role.SECADMIN]
DISABLED = ("gone1", "gone-password-9")
OFFICIALS = 160
RECORDS_PER_OFFICIAL = 10
STEPS = ("checking", "sealing", "rekeying", "verifying", "finishing")


def _build(path: Path) -> None:
    """A vault with the five roles, a disabled account and ≈3.5 MB of records (bulk SQL)."""
    with create_vault(path, "admin", PASSWORDS["admin"], kdf_cost=FAST_COST) as session:
        users = UserService(session)
        for role, name in USER_OF_ROLE.items():
            if name != "admin":
                users.add(name, role, PASSWORDS[name])
        users.add(DISABLED[0], "clerk", DISABLED[1])
        session.replace_keyfile(session.keyfile.without_seals_of(DISABLED[0]))
        rng = random.Random(SEED)
        detail = "".join(rng.choice("廉政档案干部监督礼金报告出国境婚丧") for _ in range(600))
        with session.transaction() as conn:
            conn.execute("UPDATE users SET enabled = 0 WHERE name = ?", (DISABLED[0],))
            for n in range(OFFICIALS):
                conn.execute(
                    "INSERT INTO officials (id, name, id_number, gender, birth_date, unit,"
                    " position, rank, created_at, created_by)"
                    " VALUES (?, ?, ?, '男', '1980-01-01', '青山县财政局', '科员', '一级科员',"
                    " '2026-11-22T10:00:00+08:00', 'admin')",
                    (n + 1, f"测试{n:04d}", f"T{n:017d}"),
                )
                for r in range(RECORDS_PER_OFFICIAL):
                    conn.execute(
                        "INSERT INTO records (official_id, type, record_date, fields_json,"
                        " source, disclosure, created_by, created_at)"
                        " VALUES (?, 'major_matter', '2026-01-01', ?, 'self', 'internal',"
                        " 'admin', '2026-11-22T10:00:00+08:00')",
                        (n + 1, f'{{"title": "事项{r}", "detail": "{detail[r:]}"}}'),
                    )


@dataclass
class Committed:
    """What the vault must still hold after every kill."""

    digest: str  # every table but the audit trail: rotation changes none of them
    audit: list[tuple[int, str]]  # (seq, entry hash) of the committed trail so far

    @classmethod
    def of(cls, session: Session) -> Committed:
        conn = session.conn
        rows = conn.execute("SELECT seq, entry_hash FROM audit_log ORDER BY seq").fetchall()
        return cls(content_digest(conn, exclude={"audit_log"}), [tuple(r) for r in rows])


@dataclass
class Tally:
    by_step: collections.Counter[str] = field(default_factory=collections.Counter)
    hot_journals: collections.Counter[str] = field(default_factory=collections.Counter)
    two_generations: int = 0
    opened_old_after_rekey_kill: int = 0
    opened_new_after_rekey_kill: int = 0

    def summary(self) -> str:
        return (
            f"kills by step {dict(self.by_step)}; hot journal left by {dict(self.hot_journals)};"
            f" key file with two generations after {self.two_generations} kills;"
            f" after a kill during rekey the old key opened {self.opened_old_after_rekey_kill}"
            f" times, the new key {self.opened_new_after_rekey_kill} times"
        )


def _spawn(vault: Path) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.Popen(
        [sys.executable, str(CHILD), str(vault), SECADMIN],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=REPO,
        env=env,
    )


def _expect(stream: IO[str] | None, word: str, proc: subprocess.Popen[str]) -> None:
    assert stream is not None
    line = stream.readline().strip()
    if line != word:
        proc.kill()
        _out, err = proc.communicate()
        raise AssertionError(f"child said {line!r} instead of {word!r}: {err}")


def _step_at_kill(output: str) -> str:
    """The step the child was in when it died (from the last line it printed)."""
    last = output.strip().splitlines()[-1] if output.strip() else "unlocked"
    if last.startswith("step "):
        return last.removeprefix("step ")
    return "between rotations"


def _check_vault(vault: Path, committed: Committed, step: str, tally: Tally) -> Committed:
    """Everything a user relies on, after a kill; returns the new committed state."""
    journal = vault / f"{DB_FILE}-journal"
    if journal.exists():
        tally.hot_journals[step] += 1
    generations = [g.number for g in KeyFile.load(vault / KEY_FILE).generations]
    if len(generations) > 1:
        tally.two_generations += 1
    opened: set[int] = set()
    for user in ACTIVE:
        with unlock_vault(vault, user, PASSWORDS[user]) as session:
            opened.add(session.unlocked_key.generation)
    assert len(opened) == 1, opened
    # Unlocking tries the newest key first: that open already rolled a hot journal back
    # (SQLite copies the journal's old-key pages back as they are, before reading any).
    assert not journal.exists()
    if step == "rekeying":
        if opened == {max(generations)}:
            tally.opened_new_after_rekey_kill += 1
        else:
            tally.opened_old_after_rekey_kill += 1
    with pytest.raises(AccountDisabledError):
        unlock_vault(vault, *DISABLED)
    with unlock_vault(vault, SECADMIN, PASSWORDS[SECADMIN]) as session:
        assert cipher_integrity_errors(session.conn) == []
        now = Committed.of(session)
        assert now.digest == committed.digest, f"content changed by a kill during {step}"
        assert now.audit[: len(committed.audit)] == committed.audit
        assert session.verify_audit_chain().ok
    return now


def test_rotation_survives_sigkill_at_random_moments(tmp_path: Path) -> None:
    vault = tmp_path / "vault"
    _build(vault)
    with unlock_vault(vault, SECADMIN, PASSWORDS[SECADMIN]) as session:
        # Rotations measured here scale the delays; they must keep the content too.
        before = content_digest(session.conn, exclude={"audit_log"})
        one_rotation = statistics.median(rotate_data_key(session).seconds for _ in range(3))
        committed = Committed.of(session)
        assert committed.digest == before
    rng = random.Random(SEED)
    tally = Tally()
    started = time.monotonic()
    # Children start two ahead: each imports (≈0.3 s) while earlier kills are examined,
    # then waits for its password before it touches the vault.
    waiting = collections.deque([_spawn(vault), _spawn(vault)])
    for _ in range(KILLS):
        proc = waiting.popleft()
        _expect(proc.stdout, "ready", proc)
        assert proc.stdin is not None
        proc.stdin.write(PASSWORDS[SECADMIN] + "\n")
        proc.stdin.flush()
        _expect(proc.stdout, "unlocked", proc)
        time.sleep(rng.uniform(0.0, 2.5 * one_rotation))
        proc.send_signal(signal.SIGKILL)
        output, errors = proc.communicate()
        assert proc.returncode == -signal.SIGKILL, errors  # it was rotating, not failing
        waiting.append(_spawn(vault))
        step = _step_at_kill(output)
        tally.by_step[step] += 1
        committed = _check_vault(vault, committed, step, tally)
    for proc in waiting:
        proc.kill()
        proc.communicate()
    elapsed = time.monotonic() - started
    print(f"\n{KILLS} kills in {elapsed:.1f} s, rotation {one_rotation:.3f} s: {tally.summary()}")
    assert sum(tally.by_step.values()) == KILLS
    # The kills must have hit the dangerous window, not only the gaps between rotations.
    assert tally.by_step["rekeying"] >= 5, tally.summary()
    assert len(set(tally.by_step) & set(STEPS)) >= 3, tally.summary()
    assert sum(tally.hot_journals.values()) >= 1, tally.summary()

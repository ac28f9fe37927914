"""The demo vault that ``./run start`` opens: five accounts with published passwords,
a signing certificate, and invented officials whose dossiers show what the product does.
Never for real data.

The content is a plan (:func:`records.synthetic_dossiers.demo_plan`) carried out here
through the real services, as the clerk and the vetting officer, with the vault clock set
to each step's day: the vault went into use early in the year, records are entered on or
after the day they happened, and the deadlines, influence periods and the open 来函 look
right whenever the demo is built.

No Qt here: ``liandang demo`` builds it from the command line.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path

from records.clock import Clock, system_clock
from records.errors import VaultExistsError
from records.report_entries import validate_entries
from records.report_schema import ReportSchema
from records.roles import Role
from records.services.annual_reports import AnnualReportService
from records.services.checks import CheckService
from records.services.dossier_records import RecordService
from records.services.officials import OfficialService
from records.services.positions import PositionService
from records.services.signing_identity import SigningIdentityService
from records.services.users import UserService
from records.services.vetting import VettingService
from records.session import Session
from records.synthetic import synthetic_officials
from records.synthetic_dossiers import demo_plan
from records.synthetic_plan import (
    AddPosition,
    AddRecord,
    CompleteCheck,
    DecideCheck,
    EditRecord,
    FileChange,
    FileOfficial,
    FileReport,
    OpenCheck,
    Step,
    VerifyItem,
    VettingLetter,
    WithdrawRecord,
)
from records.vault import DEMO_KDF_COST, create_vault, unlock_vault

DEMO_MARKER = "DEMO-VAULT.txt"
DEMO_UNIT = "青山县委组织部(演示)"
#: Where the vault is built before it is copied to its folder (see :func:`_staging`).
_MEMORY_FOLDER = Path("/dev/shm")


@dataclass(frozen=True)
class DemoAccount:
    name: str
    password: str
    role: Role
    display_name: str


DEMO_ACCOUNTS = (
    DemoAccount("admin", "demo-admin-2026", Role.SYSADMIN, "赵系统"),
    DemoAccount("secadmin", "demo-sec-2026", Role.SECADMIN, "钱安全"),
    DemoAccount("auditor", "demo-audit-2026", Role.AUDITOR, "孙审计"),
    DemoAccount("clerk", "demo-clerk-2026", Role.CLERK, "李录入"),
    DemoAccount("vetting", "demo-vet-2026", Role.VETTING, "王审核"),
)


def _account(role: Role) -> DemoAccount:
    return next(a for a in DEMO_ACCOUNTS if a.role is role)


def is_demo_vault(path: Path) -> bool:
    return (path / DEMO_MARKER).is_file()


class _BuildClock:
    """The vault clock while the demo is built: set to a step's day, a few seconds later
    for each step of that day, never later than ``end`` (when the build started)."""

    def __init__(self, end: datetime) -> None:
        self._end = end
        self._now = end
        self._day: date | None = None
        self._ticks = 0

    def __call__(self) -> datetime:
        return self._now

    def move_to(self, day: date) -> None:
        if day != self._day:
            self._day, self._ticks = day, 0
        morning = datetime.combine(day, time(8, 30), tzinfo=self._end.tzinfo)
        self._now = min(morning + timedelta(seconds=20 * self._ticks), self._end)
        self._ticks += 1


@dataclass
class _Runner:
    """Carries out a plan's steps, each as the account it names; remembers what the plan
    refers to by its own names (officials by place, records by key, checks by official and
    year)."""

    vault: Path
    clock: _BuildClock
    sessions: dict[str, Session] = field(default_factory=dict)
    officials: dict[int, int] = field(default_factory=dict)
    records: dict[str, int] = field(default_factory=dict)
    checks: dict[tuple[int, int], int] = field(default_factory=dict)
    schemas: dict[str, ReportSchema] = field(default_factory=dict)

    def session(self, account: str) -> Session:
        if account not in self.sessions:
            password = next(a.password for a in DEMO_ACCOUNTS if a.name == account)
            self.sessions[account] = unlock_vault(self.vault, account, password, clock=self.clock)
        return self.sessions[account]

    def close(self) -> None:
        for session in self.sessions.values():
            session.close()

    def run(self, step: Step) -> None:
        self.clock.move_to(step.day)
        session = self.session(step.account)
        op = step.op
        if isinstance(op, FileOfficial):
            self._file(session, op)
        elif isinstance(op, AddPosition):
            PositionService(session).add(
                self.officials[op.who], op.unit, op.position, op.rank, op.start, op.end, op.note
            )
        elif isinstance(op, AddRecord):
            name, contact = op.informant or ("", "")
            record = RecordService(session).add(
                self.officials[op.who], op.type_code, op.record_date, op.fields,
                source=op.source, disclosure=op.disclosure, informant_name=name,
                informant_contact=contact,
            )  # fmt: skip
            if op.key:
                self.records[op.key] = record.id
        elif isinstance(op, EditRecord):
            RecordService(session).edit(self.records[op.key], fields=op.fields)
        elif isinstance(op, WithdrawRecord):
            RecordService(session).withdraw(self.records[op.key], op.reason)
        elif isinstance(op, FileReport):
            self._report(session, op)
        elif isinstance(op, FileChange):
            AnnualReportService(session).add_change(
                self.officials[op.who], op.item_code, op.change_date, op.reported_date, op.entries
            )
        elif isinstance(op, VettingLetter):
            VettingService(session).create(
                op.number, op.letter_date, op.unit, op.purpose,
                [self.officials[who] for who in op.candidates], due_date=op.due,
            )  # fmt: skip
        else:
            self._check(session, op)

    def _file(self, session: Session, op: FileOfficial) -> None:
        service = OfficialService(session)
        official = service.add(op.values)
        self.officials[op.who] = official.id
        for member in op.family:
            service.add_family_member(official.id, member)

    def _report(self, session: Session, op: FileReport) -> None:
        """Start the report (pre-filled from the last one) and answer what differs."""
        service = AnnualReportService(session)
        report = service.start(self.officials[op.who], op.year)
        schema = self.schemas.get(report.schema_version)
        if schema is None:
            schema = self.schemas[report.schema_version] = service.schema(report.schema_version)
        for answer in report.items:
            wanted = op.items.get(answer.code)
            item = schema.item(answer.code)
            if wanted is None or item is None:
                continue
            if answer.answered and answer.entries == tuple(validate_entries(item, wanted)):
                continue  # carried over from last year as it is
            service.set_item(report.id, answer.code, wanted, nothing_to_report=not wanted)
        if op.submitted is not None:
            service.submit(report.id, op.submitted)

    def _check(
        self, session: Session, op: OpenCheck | VerifyItem | CompleteCheck | DecideCheck
    ) -> None:
        service = CheckService(session)
        key = (op.who, op.year)
        if isinstance(op, OpenCheck):
            check = service.new(
                self.officials[op.who], op.year, op.kind, reason=op.reason, opened_date=op.opened
            )
            self.checks[key] = check.id
        elif isinstance(op, VerifyItem):
            service.record_verified(self.checks[key], op.item_code, op.entries)
        elif isinstance(op, CompleteCheck):
            service.complete(self.checks[key], op.completed)
        else:
            service.decide(self.checks[key], op.handling, op.note, decided_date=op.decided)


@contextmanager
def _staging() -> Iterator[Path]:
    """A folder to build the vault in, in memory where the system has such a folder.

    Every service call is one durable transaction — a COMMIT with full sync, then the
    audit head written atomically to ``vault.state`` — and the demo makes a few thousand of
    them. On a disk each costs milliseconds of fsync; in memory nothing. A half-built demo
    is worth nothing anyway, so the finished vault is copied to its folder and synced once.
    """
    memory = _MEMORY_FOLDER.is_dir() and os.access(_MEMORY_FOLDER, os.W_OK | os.X_OK)
    with tempfile.TemporaryDirectory(
        prefix="liandang-demo-", dir=_MEMORY_FOLDER if memory else None
    ) as folder:
        yield Path(folder) / "vault"


def _install(staged: Path, path: Path) -> None:
    """Copy the built vault into ``path`` (absent or empty) and make it durable."""
    created = not path.exists()
    try:
        shutil.copytree(staged, path, dirs_exist_ok=True)
        for child in path.rglob("*"):
            if child.is_file():
                with open(child, "rb") as handle:
                    os.fsync(handle.fileno())
        if os.name == "posix":
            folder = os.open(path, os.O_RDONLY)
            try:
                os.fsync(folder)
            finally:
                os.close(folder)
    except BaseException:
        if created:
            shutil.rmtree(path, ignore_errors=True)
        raise


def _open_vault(
    vault: Path, clock: _BuildClock, on_recovery_key: Callable[[str], None] | None
) -> None:
    """The vault, its accounts and the unit's signing certificate."""
    admin = _account(Role.SYSADMIN)
    # Cheap Argon2id: the demo should unlock instantly; real vaults use the default cost.
    with create_vault(
        vault,
        admin.name,
        admin.password,
        admin_display_name=admin.display_name,
        kdf_cost=DEMO_KDF_COST,
        clock=clock,
    ) as session:
        if on_recovery_key is not None and session.recovery_key_once:
            on_recovery_key(session.recovery_key_once)
        users = UserService(session)
        for account in DEMO_ACCOUNTS:
            if account is not admin:
                users.add(
                    account.name, account.role, account.password, display_name=account.display_name
                )
    from exports.certificates import (
        create_unit_identity,
        identity_for_vault,
    )  # heavy: only when building one

    secadmin = _account(Role.SECADMIN)
    with unlock_vault(vault, secadmin.name, secadmin.password, clock=clock) as session:
        identity = create_unit_identity(DEMO_UNIT, now=clock())
        SigningIdentityService(session).install(identity_for_vault(identity))


def create_demo_vault(
    path: Path,
    *,
    officials: int = 60,
    on_recovery_key: Callable[[str], None] | None = None,
    clock: Clock = system_clock,
) -> int:
    """Create the demo vault at ``path``; return the number of officials filed.

    :param on_recovery_key: receives the vault's recovery key, which exists only now (a
        demo's is as public as its passwords, so ``liandang demo`` prints it).
    :param clock: the time the demo is built at; its dates count back from it.
    :raises VaultExistsError: ``path`` exists and is not an empty folder.
    """
    if path.exists() and (not path.is_dir() or any(path.iterdir())):
        raise VaultExistsError(str(path))
    end = clock()
    today = end.date()
    plan = demo_plan(synthetic_officials(officials, today=today), today)
    build_clock = _BuildClock(end)
    with _staging() as staged:
        build_clock.move_to(plan.opened)
        _open_vault(staged, build_clock, on_recovery_key)
        runner = _Runner(staged, build_clock)
        try:
            for step in plan.steps:
                runner.run(step)
        finally:
            runner.close()
        (staged / DEMO_MARKER).write_text(
            "演示档案库:全部人员均为虚构,账户密码公开,不得存放真实数据。\n"
            "Demo vault: every person is invented and the passwords are public. No real data.\n",
            encoding="utf-8",
        )
        _install(staged, path)
    return officials

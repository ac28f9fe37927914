"""The demo vault that ``./run start`` opens: five accounts with published passwords,
a signing certificate, and invented officials. Never for real data.

No Qt here: ``liandang demo`` builds it from the command line.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from records.roles import Role
from records.services.dossier_records import RecordService
from records.services.officials import OfficialService
from records.services.signing_identity import SigningIdentityService
from records.services.users import UserService
from records.synthetic import synthetic_officials
from records.vault import DEMO_KDF_COST, create_vault, unlock_vault

DEMO_MARKER = "DEMO-VAULT.txt"
DEMO_UNIT = "青山县委组织部(演示)"
#: 重大事项报告 kind of each synthetic matter (records/synthetic.py); others are 其他.
_MATTER_KINDS = {
    "操办婚礼": "操办婚丧喜庆",
    "操办丧事": "操办婚丧喜庆",
    "因私出国(境)": "因私出国(境)",
}


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


def create_demo_vault(
    path: Path, *, officials: int = 60, on_recovery_key: Callable[[str], None] | None = None
) -> int:
    """Create the demo vault at ``path``; return the number of officials filed.

    :param on_recovery_key: receives the vault's recovery key, which exists only now (a
        demo's is as public as its passwords, so ``liandang demo`` prints it).
    """
    admin = _account(Role.SYSADMIN)
    # Cheap Argon2id: the demo should unlock instantly; real vaults use the default cost.
    with create_vault(
        path,
        admin.name,
        admin.password,
        admin_display_name=admin.display_name,
        kdf_cost=DEMO_KDF_COST,
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
    with unlock_vault(path, secadmin.name, secadmin.password) as session:
        identity = create_unit_identity(DEMO_UNIT)
        SigningIdentityService(session).install(identity_for_vault(identity))
    clerk = _account(Role.CLERK)
    with unlock_vault(path, clerk.name, clerk.password) as session:
        official_service = OfficialService(session)
        record_service = RecordService(session)
        for person in synthetic_officials(officials, today=session.now().date()):
            official = official_service.add(person.values)
            official_service.add_family_member(
                official.id, {"relation": "配偶", "name": person.spouse_name}
            )
            official_service.add_family_member(
                official.id, {"relation": "子女", "name": person.child_name}
            )
            for matter in person.matters:
                record_service.add(
                    official.id,
                    "major_matter",
                    matter.record_date,
                    {
                        "kind": _MATTER_KINDS.get(matter.title, "其他"),
                        "title": matter.title,
                        "detail": matter.detail,
                    },
                    source="self",
                )
    (path / DEMO_MARKER).write_text(
        "演示档案库:全部人员均为虚构,账户密码公开,不得存放真实数据。\n"
        "Demo vault: every person is invented and the passwords are public. No real data.\n",
        encoding="utf-8",
    )
    return officials

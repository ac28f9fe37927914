"""Immutable rows of the domain, as the services return them.

Frozen dataclasses: the UI and exports receive snapshots, never live database objects.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from records.roles import Role


class Disclosure(StrEnum):
    """公开 / 内部 / 涉密 — who may see a record, and which export profiles include it."""

    PUBLIC = "public"
    INTERNAL = "internal"
    SECRET = "secret"

    @property
    def label_zh(self) -> str:
        return {"public": "公开", "internal": "内部", "secret": "涉密"}[self.value]


class Source(StrEnum):
    """Where a record came from (DOMAIN.md §3)."""

    SELF = "self"
    ORGANIZATION = "organization"
    DISCIPLINE = "discipline"
    INSPECTION = "inspection"
    AUDIT = "audit"
    PETITION = "petition"
    POLICE = "police"
    COURT = "court"
    OTHER = "other"

    @property
    def label_zh(self) -> str:
        return _SOURCE_LABELS_ZH[self]


_SOURCE_LABELS_ZH = {
    Source.SELF: "本人报告",
    Source.ORGANIZATION: "组织部门",
    Source.DISCIPLINE: "纪检监察机关",
    Source.INSPECTION: "巡察",
    Source.AUDIT: "审计",
    Source.PETITION: "信访",
    Source.POLICE: "公安",
    Source.COURT: "法院",
    Source.OTHER: "其他",
}


class OfficialStatus(StrEnum):
    SERVING = "serving"
    LEFT = "left"
    RETIRED = "retired"

    @property
    def label_zh(self) -> str:
        return {"serving": "在职", "left": "离任", "retired": "退休"}[self.value]


@dataclass(frozen=True)
class User:
    """An account. Most hold one role; a few hold several business roles, and small units
    may allow an administrator role with another (SecurityPolicy.allow_combined_roles)."""

    id: int
    name: str
    roles: frozenset[Role]
    display_name: str
    enabled: bool
    created_at: datetime

    @property
    def role(self) -> Role:
        """The principal role: the first in :class:`Role` order (used for display)."""
        return next(role for role in Role if role in self.roles)

    @property
    def roles_text(self) -> str:
        """``clerk+vetting``: how the audit trail records the acting roles."""
        return "+".join(role.value for role in Role if role in self.roles)

    @property
    def roles_label_zh(self) -> str:
        return "、".join(role.label_zh for role in Role if role in self.roles)


@dataclass(frozen=True)
class Official:
    """One filed person (一人一档). Optional fields are ``None`` or ``""`` when unknown.

    :param category: supervision category 1–6 (监察法 Art. 15), see
        :data:`records.official_fields.SUPERVISION_CATEGORIES`.
    """

    id: int
    name: str
    id_number: str
    gender: str
    birth_date: date
    unit: str
    position: str
    rank: str
    ethnicity: str = ""
    native_place: str = ""
    upbringing_place: str = ""
    political_status: str = ""
    party_join_date: date | None = None
    education: str = ""
    appointed_date: date | None = None
    management_level: str = ""
    category: int | None = None
    is_leading: bool = False
    is_reserve: bool = False
    is_top_leader: bool = False
    is_dual_role: bool = False
    status: OfficialStatus = OfficialStatus.SERVING
    created_at: datetime | None = None


@dataclass(frozen=True)
class FamilyMember:
    id: int
    official_id: int
    relation: str
    name: str
    birth_date: date | None = None
    id_number: str = ""
    employer: str = ""
    post: str = ""
    political_status: str = ""
    abroad_status: str = ""


@dataclass(frozen=True)
class Record:
    """One record of a dossier; ``fields`` holds the type-specific values by field name."""

    id: int
    official_id: int
    type: str
    record_date: date
    fields: dict[str, Any]
    source: Source
    disclosure: Disclosure
    created_by: str
    created_at: datetime
    #: ``True`` when the reader may know that the record exists but not what it says
    #: (a clue seen by someone other than its custodian or a vetting officer).
    content_hidden: bool = False
    #: 1 when filed; each edit adds one (earlier versions are in ``record_history``).
    version: int = 1
    #: A withdrawn record stays in the dossier, marked, with its reason; rules ignore it.
    withdrawn: bool = False
    withdraw_reason: str = ""
    withdrawn_by: str = ""
    withdrawn_at: datetime | None = None
    #: Who made the current version, when it is not the first (``""``/``None`` otherwise).
    updated_by: str = ""
    updated_at: datetime | None = None


@dataclass(frozen=True)
class Dossier:
    """An official with everything filed about them, as one snapshot."""

    official: Official
    family: tuple[FamilyMember, ...] = field(default_factory=tuple)
    records: tuple[Record, ...] = field(default_factory=tuple)

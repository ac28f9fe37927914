"""Need-to-know: "问题线索要专人负责、专人管理,不外传、不扩散" (003:97).

A clue's content is visible to its custodian and to the vetting role; everyone else who may
read the dossier sees that the clue exists (type, date, status of the record), not its
content.
"""

from __future__ import annotations

from dataclasses import replace

from records.model import Record, User
from records.record_types import NEED_TO_KNOW_TYPES
from records.roles import Role


def may_read_content(record: Record, reader: User) -> bool:
    if record.type not in NEED_TO_KNOW_TYPES:
        return True
    return Role.VETTING in reader.roles or record.fields.get("custodian") == reader.name


def as_seen_by(record: Record, reader: User) -> Record:
    """The record, or a copy with its content removed if ``reader`` may not read it."""
    if may_read_content(record, reader):
        return record
    # A withdrawal reason may quote the content, so it goes with it.
    return replace(record, fields={}, withdraw_reason="", content_hidden=True)

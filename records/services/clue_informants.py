"""Who reported a clue (举报人), kept apart from the clue (004:89: whistle-blower protection).

The identity lives only in ``clue_informants``: never in ``Record.fields``, so no listing,
dossier view or export ever carries it. Reading it is its own audited act, for the clue's
custodian and the vetting role only.
"""

from __future__ import annotations

from dataclasses import dataclass

from records.database import Connection
from records.errors import NotFoundError, ValidationError
from records.fields import FieldKind, FieldSpec, parse_value
from records.record_types import CLUE
from records.roles import Action
from records.services.record_access import load_record, record_object, require_content_access
from records.session import Session

NAME_SPEC = FieldSpec("informant_name", "举报人姓名", "Informant name", FieldKind.TEXT,
                      max_length=50)  # fmt: skip
CONTACT_SPEC = FieldSpec("informant_contact", "举报人联系方式", "Informant contact",
                         FieldKind.TEXT, max_length=200)  # fmt: skip


@dataclass(frozen=True)
class Informant:
    record_id: int
    name: str
    contact: str


def clean_informant(type_code: str, name: object, contact: object) -> tuple[str, str] | None:
    """The validated identity, ``None`` if none was given.

    :raises ValidationError: too long, or given for a record that is not a clue.
    """
    cleaned = (parse_value(NAME_SPEC, name), parse_value(CONTACT_SPEC, contact))
    if cleaned == (None, None):
        return None
    if type_code != CLUE.code:
        spec = NAME_SPEC if cleaned[0] is not None else CONTACT_SPEC
        raise spec.invalid("仅问题线索可登记举报人", "is only for a clue")
    return (str(cleaned[0] or ""), str(cleaned[1] or ""))


def store_informant(conn: Connection, record_id: int, identity: tuple[str, str]) -> None:
    """Inside the caller's transaction (the clue's own)."""
    conn.execute(
        "INSERT INTO clue_informants (record_id, name, contact) VALUES (?, ?, ?)",
        (record_id, *identity),
    )


class ClueInformantService:
    def __init__(self, session: Session) -> None:
        self._session = session

    def read(self, record_id: int) -> Informant:
        """The informant of clue ``record_id`` (audited, ``informant.read``).

        :raises PermissionDeniedError: not vetting, and not the clue's custodian.
        :raises NotFoundError: no such clue, or no informant recorded for it.
        """
        session = self._session
        session.require(Action.INFORMANT_READ, record_object(record_id))
        record = load_record(session, record_id, Action.INFORMANT_READ)
        if record.type != CLUE.code:
            raise ValidationError("record_id", "记录", "不是问题线索", "is not a clue")
        require_content_access(session, record, Action.INFORMANT_READ)
        row = session.conn.execute(
            "SELECT name, contact FROM clue_informants WHERE record_id = ?", (record_id,)
        ).fetchone()
        if row is None:
            raise NotFoundError("举报人信息", "informant", record_id)
        with session.transaction():
            session.log(Action.INFORMANT_READ, record_object(record_id))
        return Informant(record_id, row[0], row[1])

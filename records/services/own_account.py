"""What every user does for themselves: change their password, declare relations (回避)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from crypto import errors as crypto_errors
from records.accounts import validate_password
from records.errors import ConflictError, ValidationError, WrongPasswordError
from records.roles import Action
from records.services.officials import OfficialService, official_object
from records.session import Session
from records.vault_state import PendingEvent, load_state, save_state

_RELATION_MAX = 20


@dataclass(frozen=True)
class DeclaredRelation:
    official_id: int
    official_name: str
    relation: str
    declared_at: datetime


class OwnAccountService:
    def __init__(self, session: Session) -> None:
        self._session = session

    def change_password(self, old_password: str, new_password: str) -> None:
        """Re-wrap the user's private key under ``new_password``; ``vault.db`` is untouched.

        The event is recorded in ``vault.state`` and moved into the audit trail at the
        next unlock, so the database stays byte-for-byte unchanged (issue 3, item 1).

        :raises WrongPasswordError: ``old_password`` is not the current password.
        """
        session = self._session
        validate_password(new_password, field="new_password")
        if new_password == old_password:
            raise ValidationError(
                "new_password", "新密码", "不能与原密码相同", "must differ from the old one"
            )
        try:
            keyfile = session.keyfile.with_password(
                session.user.name, old_password, new_password, cost=session.account_kdf_cost()
            )
        except crypto_errors.WrongPasswordError:
            raise WrongPasswordError() from None
        session.replace_keyfile(keyfile)
        event = PendingEvent(
            at=session.now().isoformat(),
            user_name=session.user.name,
            action="user.password_change",
            outcome="ok",
        )
        save_state(session.path, load_state(session.path).with_event(event))

    def declare_relation(self, official_id: int, relation: str) -> DeclaredRelation:
        """Declare that the user is related to an official; from now on the user is recused.

        Declarations cannot be withdrawn by the user: a conflict of interest, once stated,
        stays on record.
        """
        session = self._session
        session.require(Action.RELATION_DECLARE, official_object(official_id))
        text = relation.strip()
        if not text or len(text) > _RELATION_MAX:
            raise ValidationError(
                "relation", "关系", f"应为1–{_RELATION_MAX}个字", f"1–{_RELATION_MAX} characters"
            )
        official = OfficialService(session)._load(official_id)
        exists = session.conn.execute(
            "SELECT 1 FROM user_relations WHERE user_id = ? AND official_id = ?",
            (session.user.id, official_id),
        ).fetchone()
        if exists:
            raise ConflictError(
                f"已申报与该人员的关系:{official.name}", f"relation already declared: {official_id}"
            )
        now = session.now()
        with session.transaction() as conn:
            conn.execute(
                "INSERT INTO user_relations (user_id, official_id, relation, declared_at)"
                " VALUES (?, ?, ?, ?)",
                (session.user.id, official_id, text, now.isoformat()),
            )
            session.log("relation.declare", official_object(official_id), detail=text)
        return DeclaredRelation(official_id, official.name, text, now)

    def relations(self) -> list[DeclaredRelation]:
        rows = self._session.conn.execute(
            "SELECT r.official_id, o.name, r.relation, r.declared_at FROM user_relations r"
            " JOIN officials o ON o.id = r.official_id WHERE r.user_id = ? ORDER BY r.declared_at",
            (self._session.user.id,),
        )
        return [
            DeclaredRelation(row[0], row[1], row[2], datetime.fromisoformat(row[3])) for row in rows
        ]

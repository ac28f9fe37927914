"""Accounts: who may open the vault and in which role."""

from __future__ import annotations

from records.accounts import validate_new_account
from records.errors import ValidationError
from records.model import User
from records.roles import Action, Role
from records.session import Session, load_user


def parse_role(role: str) -> Role:
    try:
        return Role(role)
    except ValueError:
        raise ValidationError(
            "role",
            "角色",
            "应为 " + "、".join(f"{r.value}({r.label_zh})" for r in Role),
            "must be one of " + ", ".join(r.value for r in Role),
        ) from None


class UserService:
    def __init__(self, session: Session) -> None:
        self._session = session

    def add(self, name: str, role: str, password: str, *, display_name: str = "") -> User:
        """Create an account with its own key slot; the acting admin never learns its key.

        The key file is written before the database row: a crash in between leaves a slot
        without an account, which cannot log in and is replaced on the next attempt.
        """
        session = self._session
        session.require(Action.USER_ADD, name)
        validate_new_account(name, password)
        parsed_role = parse_role(role)
        if session.conn.execute("SELECT 1 FROM users WHERE name = ?", (name,)).fetchone():
            raise ValidationError("name", "用户名", "已存在", "already exists")
        previous = session.keyfile
        session.replace_keyfile(session.keyfile_with_new_account(name, password))
        try:
            with session.transaction() as conn:
                cursor = conn.execute(
                    "INSERT INTO users (name, display_name, enabled, created_at)"
                    " VALUES (?, ?, 1, ?)",
                    (name, display_name.strip() or name, session.now().isoformat()),
                )
                conn.execute(
                    "INSERT INTO user_roles (user_id, role) VALUES (?, ?)",
                    (cursor.lastrowid, parsed_role),
                )
                session.log("user.add", name, detail=f"role={parsed_role}")
        except BaseException:
            session.restore_keyfile(previous)
            raise
        return load_user(session.conn, name)

    def list(self) -> list[User]:
        session = self._session
        session.require(Action.USER_LIST)
        names = [row[0] for row in session.conn.execute("SELECT name FROM users ORDER BY id")]
        return [load_user(session.conn, name) for name in names]

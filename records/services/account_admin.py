"""Administering other people's accounts: disable, enable, reset a password, grant roles.

Key-file changes come first and are undone if the database step fails, so the two files
never disagree in the dangerous direction (an account the database calls disabled that can
still unseal the data key). None of these operations needs the account's own password:
seals use public keys only (docs/decisions/0002-key-slots.md).
"""

from __future__ import annotations

from records.accounts import validate_password
from records.errors import ConflictError, NotFoundError
from records.model import User
from records.policy import load_policy
from records.roles import ADMINISTRATOR_ROLES, Action, Role
from records.separation import check_role_set
from records.services.users import parse_role
from records.session import Session, load_user


class AccountAdminService:
    def __init__(self, session: Session) -> None:
        self._session = session

    # ---- lookups -------------------------------------------------------------------------

    def _user(self, name: str) -> User:
        conn = self._session.conn
        if conn.execute("SELECT 1 FROM users WHERE name = ?", (name,)).fetchone() is None:
            raise NotFoundError("账户", "account", name)
        return load_user(conn, name)

    def _other_enabled_holders(self, role: Role, besides: str) -> int:
        row = self._session.conn.execute(
            "SELECT count(*) FROM users u JOIN user_roles r ON r.user_id = u.id"
            " WHERE r.role = ? AND u.enabled = 1 AND u.name != ?",
            (role, besides),
        ).fetchone()
        return int(row[0])

    def _keep_administration_possible(self, user: User, losing: frozenset[Role]) -> None:
        """Refuse to remove the last enabled holder of an administrator role."""
        for role in losing & ADMINISTRATOR_ROLES:
            if self._other_enabled_holders(role, user.name) == 0:
                raise ConflictError(
                    f"{user.name} 是最后一个启用的{role.label_zh},不能停用或撤销",
                    f"{user.name} is the last enabled {role.value}: refusing",
                )

    # ---- enable / disable ------------------------------------------------------------------

    def disable(self, name: str) -> User:
        session = self._session
        session.require(Action.USER_DISABLE, name)
        user = self._user(name)
        if name == session.user.name:
            raise ConflictError("不能停用自己的账户", "you may not disable your own account")
        if not user.enabled:
            raise ConflictError(f"账户已停用:{name}", f"account already disabled: {name}")
        self._keep_administration_possible(user, user.roles)
        previous = session.keyfile
        session.replace_keyfile(previous.without_seals_of(name))
        try:
            with session.transaction() as conn:
                conn.execute("UPDATE users SET enabled = 0 WHERE name = ?", (name,))
                session.log("user.disable", name)
        except BaseException:
            session.restore_keyfile(previous)
            raise
        return load_user(session.conn, name)

    def enable(self, name: str) -> User:
        session = self._session
        session.require(Action.USER_ENABLE, name)
        user = self._user(name)
        if user.enabled:
            raise ConflictError(f"账户已启用:{name}", f"account already enabled: {name}")
        previous = session.keyfile
        session.replace_keyfile(session.keyfile_with_seal_for(name))
        try:
            with session.transaction() as conn:
                conn.execute("UPDATE users SET enabled = 1 WHERE name = ?", (name,))
                session.log("user.enable", name)
        except BaseException:
            session.restore_keyfile(previous)
            raise
        return load_user(session.conn, name)

    # ---- passwords ---------------------------------------------------------------------------

    def reset_password(self, name: str, new_password: str) -> User:
        """Give ``name`` a new key pair under ``new_password`` (the old one stops working).

        For someone who forgot their password; one's own password is changed with
        :meth:`records.services.own_account.OwnAccountService.change_password`.
        """
        session = self._session
        session.require(Action.USER_PASSWORD_RESET, name)
        user = self._user(name)
        if name == session.user.name:
            raise ConflictError(
                "请用“修改密码”更改自己的密码", "change your own password with user passwd"
            )
        if not user.enabled:
            raise ConflictError(f"请先启用账户:{name}", f"enable the account first: {name}")
        validate_password(new_password)
        previous = session.keyfile
        session.replace_keyfile(session.keyfile_with_new_account(name, new_password))
        try:
            with session.transaction():
                session.log("user.password_reset", name)
        except BaseException:
            session.restore_keyfile(previous)
            raise
        return user

    # ---- roles -------------------------------------------------------------------------------

    def grant_role(self, name: str, role: str) -> User:
        session = self._session
        session.require(Action.USER_ROLE, name)
        user = self._user(name)
        granted = parse_role(role)
        if granted in user.roles:
            raise ConflictError(
                f"{name} 已有角色 {granted.label_zh}", f"{name} already holds {granted.value}"
            )
        roles = user.roles | {granted}
        exception = check_role_set(
            roles, allow_combined=load_policy(session.conn).allow_combined_roles
        )
        with session.transaction() as conn:
            conn.execute("INSERT INTO user_roles (user_id, role) VALUES (?, ?)", (user.id, granted))
            detail = (
                f"grant {granted.value}; roles now {'+'.join(r.value for r in Role if r in roles)}"
            )
            if exception:
                detail += "; 三员分立例外(小单位策略)"
            session.log("user.role", name, detail=detail)
        return load_user(session.conn, name)

    def revoke_role(self, name: str, role: str) -> User:
        session = self._session
        session.require(Action.USER_ROLE, name)
        user = self._user(name)
        revoked = parse_role(role)
        if revoked not in user.roles:
            raise ConflictError(
                f"{name} 没有角色 {revoked.label_zh}", f"{name} does not hold {revoked.value}"
            )
        if user.roles == {revoked}:
            raise ConflictError(
                "账户至少保留一个角色(如需停用请用停用账户)",
                "an account keeps at least one role (disable it instead)",
            )
        if user.enabled:
            self._keep_administration_possible(user, frozenset({revoked}))
        with session.transaction() as conn:
            conn.execute(
                "DELETE FROM user_roles WHERE user_id = ? AND role = ?", (user.id, revoked)
            )
            session.log("user.role", name, detail=f"revoke {revoked.value}")
        return load_user(session.conn, name)

"""An unlocked vault as one user: the connection, who is acting, and the audit hook.

Services receive a :class:`Session`; they never see keys except through the narrow
key-slot methods here, which user administration needs.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from crypto.kdf import KdfCost
from crypto.keyfile import KeyFile, UnlockedKey
from records import audit
from records.audit_head import HeadCheck, check_heads, missing_head_note, record_head
from records.clock import Clock
from records.database import Connection
from records.errors import PermissionDeniedError, RecusalError, VaultError, WrongPasswordError
from records.model import User
from records.roles import ACTION_LABELS_ZH, Action, Role, may
from records.vault_layout import KEY_FILE
from records.vault_state import load_state


class SessionClosedError(VaultError):
    def __init__(self) -> None:
        super().__init__("档案库已锁定,请重新解锁", "the vault is locked: unlock it again")


def load_user(conn: Connection, name: str) -> User:
    row = conn.execute(
        "SELECT id, name, display_name, enabled, created_at FROM users WHERE name = ?",
        (name,),
    ).fetchone()
    if row is None:
        # A key slot without an account row: treat like an unknown account.
        raise WrongPasswordError()
    roles = frozenset(
        Role(r[0]) for r in conn.execute("SELECT role FROM user_roles WHERE user_id = ?", (row[0],))
    )
    if not roles:
        raise WrongPasswordError()  # an account with no role may not open the vault
    return User(
        id=row[0],
        name=row[1],
        roles=roles,
        display_name=row[2],
        enabled=bool(row[3]),
        created_at=datetime.fromisoformat(row[4]),
    )


class Session:
    """One user's unlocked vault. Not thread-safe: the GUI drives it from one worker thread."""

    def __init__(
        self,
        path: Path,
        keyfile: KeyFile,
        conn: Connection,
        user: User,
        key: UnlockedKey,
        clock: Clock,
    ) -> None:
        self.path = path
        self._keyfile = keyfile
        self._conn: Connection | None = conn
        self.user = user
        self._key: UnlockedKey | None = key
        self.clock = clock
        self._audit_key = audit.audit_key(conn)
        # The head as of the last check: vault.state is written only when it moves.
        self._recorded_head = audit.head(conn)
        #: The new vault's recovery key, set only on the session ``create_vault`` returns
        #: (shown once, never stored); forgotten on :meth:`close`.
        self.recovery_key_once: str | None = None

    # ---- lifecycle ---------------------------------------------------------------------------

    @property
    def conn(self) -> Connection:
        if self._conn is None:
            raise SessionClosedError()
        return self._conn

    @property
    def is_open(self) -> bool:
        return self._conn is not None

    def close(self) -> None:
        """Close the database and forget the keys."""
        if self._conn is not None:
            self._conn.close()
        self._conn = None
        self._key = None
        self._audit_key = b""
        self.recovery_key_once = None

    def __enter__(self) -> Session:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def role(self) -> Role:
        return self.user.role

    @property
    def vault_id(self) -> str:
        return self._keyfile.vault_id

    def now(self) -> datetime:
        return self.clock()

    # ---- transactions and audit ----------------------------------------------------------

    @contextmanager
    def transaction(self) -> Iterator[Connection]:
        """One user action = one transaction, its audit entry included."""
        conn = self.conn
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield conn
            # Inside the try: a COMMIT that fails (e.g. the file is busy) must not leave the
            # transaction open for the next action to commit by accident.
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        self._record_audit_head()

    def _record_audit_head(self) -> None:
        """Copy a moved audit head into vault.state (only after COMMIT: never a rolled-back one)."""
        head = audit.head(self.conn)
        if head != self._recorded_head:
            record_head(self.path, self.conn, self._audit_key)
            self._recorded_head = head

    def log(
        self, action: str, obj: str, *, outcome: str = audit.Outcome.OK, detail: str = ""
    ) -> audit.ChainHead:
        """Append an audit entry; call inside :meth:`transaction`."""
        return audit.append(
            self.conn,
            self._audit_key,
            at=self.now(),
            user_name=self.user.name,
            role=self.user.roles_text,
            action=action,
            obj=obj,
            outcome=outcome,
            detail=detail,
        )

    def require(self, action: Action, obj: str = "") -> None:
        """Refuse (and audit the refusal) unless the acting role may do ``action``.

        :raises PermissionDeniedError:
        """
        if may(self.user.roles, action):
            return
        with self.transaction():
            self.log(action, obj, outcome=audit.Outcome.REFUSED, detail="role not permitted")
        raise PermissionDeniedError(
            self.user.roles_label_zh, self.user.roles_text, ACTION_LABELS_ZH[action], action
        )

    def require_not_recused(self, official_id: int, action: Action) -> None:
        """Refuse (and audit) any work on the dossier of an official the user declared a
        relation to (回避). Called by every service that opens, edits, exports or vets one.

        :raises RecusalError:
        """
        row = self.conn.execute(
            "SELECT relation FROM user_relations WHERE user_id = ? AND official_id = ?",
            (self.user.id, official_id),
        ).fetchone()
        if row is None:
            return
        with self.transaction():
            self.log(
                action,
                f"official:{official_id}",
                outcome=audit.Outcome.REFUSED,
                detail=f"recusal: {row[0]}",
            )
        raise RecusalError(official_id)

    def audit_head(self) -> audit.ChainHead:
        return audit.head(self.conn)

    def verify_audit_chain(self) -> audit.ChainReport:
        return audit.verify_chain(self.conn, self._audit_key)

    def check_audit_heads(self, expected: Sequence[audit.ChainHead] = ()) -> HeadCheck:
        """The head recorded in vault.state and ``expected`` (from exports) against the trail."""
        recorded = load_state(self.path).audit_head
        return check_heads(self.conn, self._audit_key, recorded, expected)

    def missing_head_note(self) -> str:
        """Why vault.state has no usable audit head (for the login entry), ``""`` if it has."""
        return missing_head_note(self.path, self.conn, self._audit_key)

    # ---- key slots (user administration only) ----------------------------------------------

    def keyfile_path(self) -> Path:
        return self.path / KEY_FILE

    def account_kdf_cost(self) -> KdfCost:
        """The Argon2id cost of this vault's accounts (new slots match the acting user's)."""
        params = self._keyfile.account(self.user.name).private_key.kdf
        return KdfCost(params.memory_kib, params.iterations, params.lanes)

    def keyfile_with_new_account(self, name: str, password: str) -> KeyFile:
        """The key file with a slot for ``name`` sealed to the current data key (not saved)."""
        if self._key is None:
            raise SessionClosedError()
        keyfile = self._keyfile.with_account(name, password, cost=self.account_kdf_cost())
        return keyfile.with_seal(self._key.generation, self._key.data_key, name)

    def keyfile_with_seal_for(self, name: str) -> KeyFile:
        """The key file with the current data key sealed to ``name``'s existing key (not saved).

        Re-enabling an account needs no password: the seal uses the public key only.
        """
        if self._key is None:
            raise SessionClosedError()
        return self._keyfile.with_seal(self._key.generation, self._key.data_key, name)

    def replace_keyfile(self, keyfile: KeyFile) -> None:
        keyfile.save(self.keyfile_path())
        self._keyfile = keyfile

    def restore_keyfile(self, keyfile: KeyFile) -> None:
        """Put back an earlier key file after a failed database step."""
        self.replace_keyfile(keyfile)

    @property
    def keyfile(self) -> KeyFile:
        return self._keyfile

    # ---- key rotation only (records/rotation.py) ---------------------------------------------

    @property
    def unlocked_key(self) -> UnlockedKey:
        """The data key the database is open with (rotation re-keys from it)."""
        if self._key is None:
            raise SessionClosedError()
        return self._key

    def switch_database(self, conn: Connection, key: UnlockedKey) -> None:
        """Continue on ``conn``, opened with ``key``, after the database was re-keyed.

        The caller has closed the previous connection; the audit key lives in the database
        and is read again from the new connection.
        """
        self._conn = conn
        self._key = key
        self._audit_key = audit.audit_key(conn)

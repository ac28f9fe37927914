"""The unit's signing certificate and key, kept inside the encrypted vault.

The records layer stores PEM blobs; creating and using them is :mod:`exports`' business.
Only the security officer installs one; only an export grant (vetting role) reads the key.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from records.errors import ConflictError, NotFoundError
from records.roles import Action
from records.session import Session


@dataclass(frozen=True)
class StoredIdentity:
    unit: str
    root_cert_pem: bytes
    signing_cert_pem: bytes
    signing_key_pem: bytes = field(repr=False)


@dataclass(frozen=True)
class InstalledIdentity:
    """What is public about the installed identity (no key, no certificate bytes)."""

    unit: str
    created_at: datetime
    created_by: str


class SigningIdentityService:
    def __init__(self, session: Session) -> None:
        self._session = session

    def install(self, identity: StoredIdentity, *, replace: bool = False) -> None:
        session = self._session
        session.require(Action.CERT_INIT)
        exists = session.conn.execute("SELECT 1 FROM signing_identity").fetchone()
        if exists and not replace:
            raise ConflictError(
                "签章证书已存在;如需更换请使用 --replace",
                "a signing certificate exists already; use --replace to change it",
            )
        with session.transaction() as conn:
            conn.execute("DELETE FROM signing_identity")
            conn.execute(
                "INSERT INTO signing_identity (id, unit, root_cert_pem, signing_cert_pem,"
                " signing_key_pem, created_at, created_by) VALUES (1, ?, ?, ?, ?, ?, ?)",
                (
                    identity.unit,
                    identity.root_cert_pem,
                    identity.signing_cert_pem,
                    identity.signing_key_pem,
                    session.now().isoformat(),
                    session.user.name,
                ),
            )
            session.log("cert.init", "signing_identity", detail=f"unit={identity.unit}")

    def installed(self) -> InstalledIdentity | None:
        """Which unit's identity is installed, when and by whom (``None``: none yet).

        Public facts like the root certificate itself, so any role may ask, unaudited: the
        security officer's screen shows them and asks before replacing an identity.
        """
        row = self._session.conn.execute(
            "SELECT unit, created_at, created_by FROM signing_identity"
        ).fetchone()
        if row is None:
            return None
        return InstalledIdentity(row[0], datetime.fromisoformat(row[1]), row[2])

    def root_certificate(self) -> bytes:
        """The unit root (public): what recipients pin to verify our PDFs."""
        session = self._session
        session.require(Action.CERT_EXPORT)
        row = session.conn.execute("SELECT root_cert_pem FROM signing_identity").fetchone()
        if row is None:
            raise _no_identity()
        with session.transaction():
            session.log("cert.export", "signing_identity")
        return bytes(row[0])


def _no_identity() -> NotFoundError:
    return NotFoundError("签章证书(请安全保密管理员先执行 cert init)", "signing certificate", "-")


def load_identity_for_signing(session: Session) -> StoredIdentity:
    """The full identity with its key; callers must have passed an export permission check."""
    row = session.conn.execute(
        "SELECT unit, root_cert_pem, signing_cert_pem, signing_key_pem FROM signing_identity"
    ).fetchone()
    if row is None:
        raise _no_identity()
    return StoredIdentity(row[0], bytes(row[1]), bytes(row[2]), bytes(row[3]))

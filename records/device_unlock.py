"""「在此计算机上记住」: unlock with a secret from the OS key store instead of the password.

The OS key store (``keyring``, service ``liandang``) holds, per vault and account, the text
``DEVICE_ID:BASE64(SECRET)``: a random 256-bit device secret and the id of the wrap it
opens. The key file holds the account's private key wrapped under that secret
(:meth:`crypto.keyfile.KeyFile.with_device_key`). Neither half opens anything alone, and
the password keeps working: the key store is a convenience, never the only holder of a key.

- No usable backend (headless Linux picks ``keyring.backends.fail``): the option is not
  offered (:func:`keyring_available`).
- The security officer's policy (``allow_remember``, off by default) decides whether it is
  offered at all; it is checked again on every remembered unlock, against the database.
- A missing entry is just "nothing remembered" (:class:`NoRememberedLoginError`). An entry
  that is damaged, changed or no longer matches the key file (password changed or reset,
  forgotten on another session) is removed, recorded as a security event in
  ``vault.state`` (moved into the audit trail by the next unlock), and reported as
  :class:`RememberedLoginInvalidError`. Every failure leads back to the password, never to
  anything else.

See docs/decisions/0010-remember-and-recovery.md.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import logging
import sys
from dataclasses import dataclass
from pathlib import Path

import keyring
import keyring.backend
import keyring.errors
from keyring.backends import chainer, fail, null

from crypto import errors as crypto_errors
from crypto.device_key import DEVICE_SECRET_BYTES, is_device_id, new_device_id, new_device_secret
from records import login_guard
from records.clock import Clock, system_clock
from records.errors import (
    KeyringUnavailableError,
    LianDangError,
    NoRememberedLoginError,
    RememberedLoginInvalidError,
    RememberNotAllowedError,
    WrongPasswordError,
)
from records.policy import SecurityPolicy, load_policy
from records.session import Session
from records.vault import load_keyfile, open_as_account
from records.vault_state import load_state

log = logging.getLogger("liandang.records.device_unlock")

#: The key store's service name for every LianDang entry.
SERVICE = "liandang"
#: Audit detail of a ``login`` opened by a remembered computer.
REMEMBERED_LOGIN = "remembered on this computer"
REMEMBER_ACTION = "device.remember"
FORGET_ACTION = "device.forget"
_INVALID_DETAIL = "remembered login on this computer no longer matches; entry removed"


@dataclass(frozen=True)
class _Entry:
    device_id: str
    secret: bytes

    def __repr__(self) -> str:
        return f"_Entry({self.device_id}, …)"

    def encode(self) -> str:
        return f"{self.device_id}:{base64.b64encode(self.secret).decode('ascii')}"

    @classmethod
    def decode(cls, text: str) -> _Entry | None:
        """The entry, or ``None`` when the text is not one we wrote (damaged or changed)."""
        device_id, sep, encoded = text.partition(":")
        if not sep or not is_device_id(device_id):
            return None
        try:
            secret = base64.b64decode(encoded.encode("ascii"), validate=True)
        except (binascii.Error, UnicodeEncodeError):
            return None
        if len(secret) != DEVICE_SECRET_BYTES:
            return None
        return cls(device_id, secret)


def keyring_user(vault_id: str, account: str) -> str:
    """The key store's user name of one vault's account (several vaults may share a PC)."""
    return f"{vault_id}:{account}"


# ---- the OS key store -------------------------------------------------------------------------


def _usable(backend: keyring.backend.KeyringBackend) -> bool:
    if isinstance(backend, fail.Keyring | null.Keyring):
        return False
    if isinstance(backend, chainer.ChainerBackend):
        return bool(backend.backends)
    return float(backend.priority) > 0


def keyring_available() -> bool:
    """Whether a usable OS key store exists (the option is hidden otherwise).

    Never raises: a backend that fails while being probed counts as none.
    """
    try:
        return _usable(keyring.get_keyring())
    except Exception:  # any backend error means "not usable", never a crash at login
        return False


def _prefer_local_machine(backend: keyring.backend.KeyringBackend) -> None:
    """Windows Credential Manager: keep the secret on this PC (no roaming domain profile).

    keyring's ``WinVaultKeyring`` defaults to ``CRED_PERSIST_ENTERPRISE``, which roams with
    the user's profile to other PCs of the domain (docs/../STACK.md).
    """
    if sys.platform != "win32":
        return
    targets = backend.backends if isinstance(backend, chainer.ChainerBackend) else [backend]
    for target in targets:
        if hasattr(type(target), "persist"):
            with contextlib.suppress(Exception):
                target.persist = "local machine"


def _read(user: str) -> str | None:
    """The entry's text; ``None`` when absent or when the key store cannot be read."""
    if not keyring_available():
        return None
    try:
        return keyring.get_password(SERVICE, user)
    except Exception:  # a locked or broken key store: the password still opens the vault
        log.warning("the OS key store could not be read")
        return None


def _write(user: str, entry: _Entry) -> None:
    if not keyring_available():
        raise KeyringUnavailableError()
    backend = keyring.get_keyring()
    _prefer_local_machine(backend)
    try:
        backend.set_password(SERVICE, user, entry.encode())
    except Exception:  # never quote it: the message could carry what was being stored
        log.warning("the OS key store refused the entry")
        raise KeyringUnavailableError() from None


def _delete(user: str) -> None:
    with contextlib.suppress(Exception):
        keyring.delete_password(SERVICE, user)


# ---- queries before unlock (the unlock dialog) ------------------------------------------------


def policy_copy(path: Path) -> SecurityPolicy:
    """The policy copy in ``vault.state`` (strict defaults when absent or damaged)."""
    return SecurityPolicy.from_json(load_state(path).policy)


def remember_offered(path: Path) -> bool:
    """Whether the unlock dialog shows 「在此计算机上记住」 for this vault."""
    try:
        return keyring_available() and policy_copy(path).allow_remember
    except Exception:  # an unreadable folder: the dialog will say so on unlock
        return False


def has_remembered_login(path: Path, user_name: str) -> bool:
    """Whether this computer holds a remembered login for ``user_name`` in this vault."""
    if not user_name or not keyring_available():
        return False
    try:
        vault_id = load_keyfile(path).vault_id
    except LianDangError:
        return False
    return _read(keyring_user(vault_id, user_name)) is not None


# ---- unlock -----------------------------------------------------------------------------------


def _invalid(path: Path, user: str, user_name: str, clock: Clock) -> RememberedLoginInvalidError:
    """Remove the stale entry and record the event (moved into the audit trail later)."""
    _delete(user)
    login_guard.record_refusal(path, user_name, _INVALID_DETAIL, clock=clock)
    return RememberedLoginInvalidError()


def unlock_with_device(path: Path, user_name: str, *, clock: Clock = system_clock) -> Session:
    """Unlock as ``user_name`` with the secret this computer remembered.

    :raises NoRememberedLoginError: nothing is remembered here (or no usable key store).
    :raises RememberedLoginInvalidError: the entry no longer opens the vault; it was
        removed and the event recorded.
    :raises RememberNotAllowedError: the policy forbids remembered logins. When the
        database says so (not only the copy in ``vault.state``), this computer's wrap and
        entry were removed as well.
    :raises AccountLockedError, AccountDisabledError, VaultError: as :func:`unlock_vault`.
    """
    keyfile = load_keyfile(path)
    user = keyring_user(keyfile.vault_id, user_name)
    text = _read(user)
    if text is None:
        raise NoRememberedLoginError()
    entry = _Entry.decode(text)
    if entry is None:
        raise _invalid(path, user, user_name, clock)
    if not policy_copy(path).allow_remember:
        # The copy may just be missing (strict defaults): keep the entry, the database
        # decides once the password has refreshed the copy.
        raise RememberNotAllowedError()
    login_guard.check_not_locked(path, user_name, clock=clock)
    try:
        private_key = keyfile.unwrap_with_device(user_name, entry.device_id, entry.secret)
    except (crypto_errors.UnknownAccountError, crypto_errors.WrongPasswordError):
        raise _invalid(path, user, user_name, clock) from None
    session = open_as_account(
        path, keyfile, user_name, private_key, clock=clock, login_detail=REMEMBERED_LOGIN
    )
    # vault.state's copy is not authenticated: the database's policy has the last word.
    if not load_policy(session.conn).allow_remember:
        try:
            _drop_wrap(session, entry.device_id, detail="policy forbids remembered logins")
        finally:
            session.close()
            _delete(user)
        raise RememberNotAllowedError()
    return session


# ---- remember / forget (an unlocked session) -------------------------------------------------


def _current_entry(session: Session) -> tuple[str, str | None]:
    user = keyring_user(session.vault_id, session.user.name)
    return user, _read(user)


def _drop_wrap(session: Session, device_id: str | None, *, detail: str) -> None:
    """Remove this computer's wrap (if the key file still has it) and audit the forgetting."""
    name = session.user.name
    previous = session.keyfile
    if device_id is not None and device_id in previous.account(name).device_keys:
        session.replace_keyfile(previous.without_device_key(name, device_id))
    try:
        with session.transaction():
            session.log(FORGET_ACTION, name, detail=f"device {device_id or '?'}; {detail}")
    except BaseException:
        session.restore_keyfile(previous)
        raise


def remember_on_this_computer(session: Session, password: str) -> None:
    """Remember ``session``'s account on this computer (replacing what was remembered).

    The password is asked again because the session holds the data key, not the
    account's private key, which is what the device secret wraps.

    :raises RememberNotAllowedError: the policy forbids it (the refusal is audited).
    :raises KeyringUnavailableError: no usable key store; nothing was changed.
    :raises WrongPasswordError: ``password`` is not the account's.
    """
    name = session.user.name
    if not load_policy(session.conn).allow_remember:
        with session.transaction():
            session.log(
                REMEMBER_ACTION, name, outcome="refused", detail="policy forbids remembered logins"
            )
        raise RememberNotAllowedError()
    if not keyring_available():
        raise KeyringUnavailableError()
    try:
        private_key = session.keyfile.unwrap_account(name, password)
    except crypto_errors.WrongPasswordError:
        raise WrongPasswordError() from None
    user, old_text = _current_entry(session)
    old = None if old_text is None else _Entry.decode(old_text)
    entry = _Entry(new_device_id(), new_device_secret())
    previous = session.keyfile
    updated = previous if old is None else previous.without_device_key(name, old.device_id)
    session.replace_keyfile(
        updated.with_device_key(name, private_key, entry.device_id, entry.secret)
    )
    written = False
    try:
        _write(user, entry)
        written = True
        with session.transaction():
            session.log(REMEMBER_ACTION, name, detail=f"device {entry.device_id}")
    except BaseException:
        session.restore_keyfile(previous)
        if written:
            if old is None:
                _delete(user)
            else:
                with contextlib.suppress(LianDangError):
                    _write(user, old)
        raise


def is_remembered_here(session: Session) -> bool:
    """Whether this computer's entry for ``session``'s account still opens its key."""
    _user, text = _current_entry(session)
    entry = None if text is None else _Entry.decode(text)
    if entry is None:
        return False
    try:
        session.keyfile.unwrap_with_device(session.user.name, entry.device_id, entry.secret)
    except (crypto_errors.UnknownAccountError, crypto_errors.WrongPasswordError):
        return False
    return True


def apply_remember_choice(session: Session, password: str, *, remember: bool) -> None:
    """The unlock dialog's checkbox: remember this computer (unless it already is, so each
    unlock does not write the key file again), or forget it."""
    if remember:
        if not is_remembered_here(session):
            remember_on_this_computer(session, password)
    else:
        forget_on_this_computer(session)


def forget_on_this_computer(session: Session) -> bool:
    """Forget ``session``'s account on this computer: the key store entry and its wrap.

    :return: whether anything was remembered here.
    """
    user, text = _current_entry(session)
    if text is None:
        return False
    entry = _Entry.decode(text)
    _drop_wrap(
        session, None if entry is None else entry.device_id, detail="forgotten on this computer"
    )
    _delete(user)
    return True

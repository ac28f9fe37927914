"""「在此计算机上记住」: the OS key store's device secret unlocks instead of the password,
only where policy allows, and every way it can go stale leads back to the password."""

from __future__ import annotations

import base64
import json
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import keyring
import pytest
from keyring.backends import chainer, fail, null

from crypto.kdf import FAST_COST
from records import audit, device_unlock, login_guard
from records.device_unlock import (
    SERVICE,
    forget_on_this_computer,
    has_remembered_login,
    keyring_available,
    keyring_user,
    remember_offered,
    remember_on_this_computer,
    unlock_with_device,
)
from records.errors import (
    AccountDisabledError,
    AccountLockedError,
    KeyringUnavailableError,
    NoRememberedLoginError,
    RememberedLoginInvalidError,
    RememberNotAllowedError,
    WrongPasswordError,
)
from records.recovery import recover_account
from records.roles import Role
from records.rotation import rotate_data_key
from records.services.account_admin import AccountAdminService
from records.services.own_account import OwnAccountService
from records.services.policy import PolicyService
from records.services.users import UserService
from records.session import Session
from records.vault import create_vault, unlock_vault
from records.vault_layout import DB_FILE, KEY_FILE
from records.vault_state import STATE_FILE, load_state, save_state
from tests.memory_keyring import MemoryKeyring, use_memory_keyring
from tests.records.support import ADMIN, PASSWORDS, fixed_clock

CLERK = "clerk1"


class Vault:
    def __init__(self, path: Path, recovery_key: str) -> None:
        self.path = path
        self.recovery_key = recovery_key

    def open(self, user: str, password: str | None = None) -> Session:
        return unlock_vault(self.path, user, password or PASSWORDS[user], clock=fixed_clock)

    def set_policy(self, **values: bool) -> None:
        with self.open("sec1") as session:
            PolicyService(session).set(**values)

    @property
    def vault_id(self) -> str:
        with self.open(ADMIN) as session:
            return session.vault_id

    def trail(self) -> list[audit.AuditEntry]:
        with self.open("aud1") as session:
            return audit.entries(session.conn)


@pytest.fixture
def store() -> Iterator[MemoryKeyring]:
    yield use_memory_keyring()


@pytest.fixture
def vault(tmp_path: Path) -> Vault:
    """Five accounts; the security officer allows remembered logins."""
    path = tmp_path / "vault"
    with create_vault(
        path, ADMIN, PASSWORDS[ADMIN], kdf_cost=FAST_COST, clock=fixed_clock
    ) as session:
        key = session.recovery_key_once
        assert key is not None
        users = UserService(session)
        users.add("sec1", Role.SECADMIN, PASSWORDS["sec1"])
        users.add("aud1", Role.AUDITOR, PASSWORDS["aud1"])
        users.add(CLERK, Role.CLERK, PASSWORDS[CLERK])
    created = Vault(path, key)
    created.set_policy(allow_remember=True)
    return created


def remember(vault: Vault, user: str = CLERK) -> None:
    with vault.open(user) as session:
        remember_on_this_computer(session, PASSWORDS[user])


def entry_of(store: MemoryKeyring, vault: Vault, user: str = CLERK) -> str | None:
    return store.entries.get((SERVICE, keyring_user(vault.vault_id, user)))


# ---- is there a key store? ------------------------------------------------------------------


def test_no_key_store_by_default_in_tests() -> None:
    assert isinstance(keyring.get_keyring(), fail.Keyring)
    assert not keyring_available()


def test_memory_store_is_available(store: MemoryKeyring) -> None:
    assert keyring_available()


@pytest.mark.parametrize("backend", [fail.Keyring(), null.Keyring()])
def test_fail_and_null_backends_are_unavailable(backend: keyring.backend.KeyringBackend) -> None:
    keyring.set_keyring(backend)
    assert not keyring_available()


def test_an_empty_chainer_is_unavailable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(chainer.ChainerBackend, "backends", [])
    keyring.set_keyring(chainer.ChainerBackend())
    assert not keyring_available()
    monkeypatch.setattr(chainer.ChainerBackend, "backends", [MemoryKeyring()])
    assert keyring_available()


def test_a_backend_that_fails_when_probed_is_unavailable(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken() -> keyring.backend.KeyringBackend:
        raise RuntimeError("dbus is gone")

    monkeypatch.setattr(keyring, "get_keyring", broken)
    assert not keyring_available()


def test_option_offered_only_with_a_store_and_the_policy(vault: Vault) -> None:
    assert not remember_offered(vault.path)  # no key store
    use_memory_keyring()
    assert remember_offered(vault.path)
    vault.set_policy(allow_remember=False)
    assert not remember_offered(vault.path)
    assert not remember_offered(vault.path / "nowhere")


# ---- remember, then unlock without the password -------------------------------------------


def test_remember_then_unlock_without_password(vault: Vault, store: MemoryKeyring) -> None:
    assert not has_remembered_login(vault.path, CLERK)
    remember(vault)
    assert has_remembered_login(vault.path, CLERK)
    assert not has_remembered_login(vault.path, ADMIN)
    text = entry_of(store, vault)
    assert text is not None
    device_id, _, secret = text.partition(":")
    assert len(base64.b64decode(secret)) == 32
    with unlock_with_device(vault.path, CLERK, clock=fixed_clock) as session:
        assert session.user.name == CLERK
        assert device_id in session.keyfile.account(CLERK).device_keys
    # The password still works (the key store is a convenience, never the only holder).
    vault.open(CLERK).close()
    trail = vault.trail()
    remembered = [e for e in trail if e.action == "device.remember"]
    assert [(e.user_name, e.object, e.outcome) for e in remembered] == [(CLERK, CLERK, "ok")]
    assert device_id in remembered[0].detail
    logins = [e for e in trail if e.action == "login" and e.user_name == CLERK]
    assert [e.detail for e in logins].count(device_unlock.REMEMBERED_LOGIN) == 1


def test_remembering_again_replaces_this_computers_wrap(vault: Vault, store: MemoryKeyring) -> None:
    remember(vault)
    first = entry_of(store, vault)
    remember(vault)
    second = entry_of(store, vault)
    assert first != second
    with vault.open(CLERK) as session:
        assert list(session.keyfile.account(CLERK).device_keys) == [second.partition(":")[0]]
    unlock_with_device(vault.path, CLERK, clock=fixed_clock).close()


def test_remembered_login_survives_a_key_rotation(vault: Vault, store: MemoryKeyring) -> None:
    remember(vault)
    with vault.open("sec1") as session:
        rotate_data_key(session)
    with unlock_with_device(vault.path, CLERK, clock=fixed_clock) as session:
        assert session.user.name == CLERK


def test_accounts_and_vaults_do_not_share_entries(
    vault: Vault, store: MemoryKeyring, tmp_path: Path
) -> None:
    remember(vault)
    remember(vault, "sec1")
    assert len(store.entries) == 2
    other = tmp_path / "other"
    create_vault(other, CLERK, PASSWORDS[CLERK], kdf_cost=FAST_COST, clock=fixed_clock).close()
    assert not has_remembered_login(other, CLERK)
    with pytest.raises(NoRememberedLoginError):
        unlock_with_device(other, CLERK, clock=fixed_clock)


def test_remember_needs_the_password_again(vault: Vault, store: MemoryKeyring) -> None:
    keys_before = (vault.path / KEY_FILE).read_bytes()
    with vault.open(CLERK) as session, pytest.raises(WrongPasswordError):
        remember_on_this_computer(session, "not-the-password")
    assert store.entries == {}
    assert (vault.path / KEY_FILE).read_bytes() == keys_before


def test_policy_forbids_remembering(vault: Vault, store: MemoryKeyring) -> None:
    vault.set_policy(allow_remember=False)
    keys_before = (vault.path / KEY_FILE).read_bytes()
    with vault.open(CLERK) as session, pytest.raises(RememberNotAllowedError) as caught:
        remember_on_this_computer(session, PASSWORDS[CLERK])
    assert "安全策略不允许" in caught.value.zh
    assert store.entries == {}
    assert (vault.path / KEY_FILE).read_bytes() == keys_before
    refused = [e for e in vault.trail() if e.action == "device.remember"]
    assert [e.outcome for e in refused] == ["refused"]


def test_no_key_store_means_nothing_is_remembered(vault: Vault) -> None:
    keys_before = (vault.path / KEY_FILE).read_bytes()
    with vault.open(CLERK) as session, pytest.raises(KeyringUnavailableError):
        remember_on_this_computer(session, PASSWORDS[CLERK])
    assert (vault.path / KEY_FILE).read_bytes() == keys_before
    with pytest.raises(NoRememberedLoginError):
        unlock_with_device(vault.path, CLERK, clock=fixed_clock)


def test_a_store_that_refuses_the_write_changes_nothing(
    vault: Vault, store: MemoryKeyring, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(service: str, username: str, password: str) -> None:
        raise keyring.errors.PasswordSetError("locked collection")

    monkeypatch.setattr(store, "set_password", refuse)
    keys_before = (vault.path / KEY_FILE).read_bytes()
    with vault.open(CLERK) as session, pytest.raises(KeyringUnavailableError):
        remember_on_this_computer(session, PASSWORDS[CLERK])
    assert (vault.path / KEY_FILE).read_bytes() == keys_before


# ---- every way it goes stale leads back to the password -----------------------------------


def test_deleted_entry_falls_back_to_the_password(vault: Vault, store: MemoryKeyring) -> None:
    remember(vault)
    store.entries.clear()
    assert not has_remembered_login(vault.path, CLERK)
    with pytest.raises(NoRememberedLoginError):
        unlock_with_device(vault.path, CLERK, clock=fixed_clock)
    vault.open(CLERK).close()


def test_unreadable_store_falls_back_to_the_password(
    vault: Vault, store: MemoryKeyring, monkeypatch: pytest.MonkeyPatch
) -> None:
    remember(vault)

    def broken(service: str, username: str) -> str | None:
        raise keyring.errors.KeyringError("the collection is locked")

    monkeypatch.setattr(store, "get_password", broken)
    assert not has_remembered_login(vault.path, CLERK)
    with pytest.raises(NoRememberedLoginError):
        unlock_with_device(vault.path, CLERK, clock=fixed_clock)


def _corrupt(text: str) -> list[str]:
    device_id, _, secret = text.partition(":")
    other_secret = base64.b64encode(bytes(32)).decode()
    return [
        "garbage",
        f"{device_id}:{other_secret}",  # changed secret
        f"{'0' * 32}:{secret}",  # unknown device
        f"{device_id}:{secret[:-4]}",  # truncated
        f"{device_id}:not base64!",
        "",
    ]


@pytest.mark.parametrize("case", range(6))
def test_changed_or_corrupt_entry_is_removed_and_recorded(
    vault: Vault, store: MemoryKeyring, case: int
) -> None:
    remember(vault)
    user = keyring_user(vault.vault_id, CLERK)
    text = store.entries[(SERVICE, user)]
    store.entries[(SERVICE, user)] = _corrupt(text)[case]
    db_before = (vault.path / DB_FILE).read_bytes()
    with pytest.raises(RememberedLoginInvalidError) as caught:
        unlock_with_device(vault.path, CLERK, clock=fixed_clock)
    assert caught.value.zh == "本机记住的登录已失效,请输入密码"
    assert (SERVICE, user) not in store.entries
    assert (vault.path / DB_FILE).read_bytes() == db_before
    events = load_state(vault.path).pending_events
    assert any(
        e.user_name == CLERK and e.outcome == "refused" and "remembered" in e.detail for e in events
    )
    # The password still opens, and that unlock moves the event into the audit trail.
    vault.open(CLERK).close()
    assert any(
        e.user_name == CLERK and e.action == "login" and "no longer matches" in e.detail
        for e in vault.trail()
    )


def test_password_change_invalidates_remembered_logins(vault: Vault, store: MemoryKeyring) -> None:
    remember(vault)
    with vault.open(CLERK) as session:
        OwnAccountService(session).change_password(PASSWORDS[CLERK], "a-new-password-7")
    with pytest.raises(RememberedLoginInvalidError):
        unlock_with_device(vault.path, CLERK, clock=fixed_clock)
    assert store.entries == {}


def test_admin_reset_invalidates_remembered_logins(vault: Vault, store: MemoryKeyring) -> None:
    remember(vault)
    with vault.open(ADMIN) as session:
        AccountAdminService(session).reset_password(CLERK, "reset-by-admin-1")
        assert session.keyfile.account(CLERK).device_keys == {}
    with pytest.raises(RememberedLoginInvalidError):
        unlock_with_device(vault.path, CLERK, clock=fixed_clock)


def test_recovery_invalidates_remembered_logins(vault: Vault, store: MemoryKeyring) -> None:
    remember(vault, ADMIN)
    recover_account(vault.path, vault.recovery_key, ADMIN, "recovered-pass-1", clock=fixed_clock)
    with pytest.raises(RememberedLoginInvalidError):
        unlock_with_device(vault.path, ADMIN, clock=fixed_clock)


def test_policy_turned_off_refuses_remembered_unlock(vault: Vault, store: MemoryKeyring) -> None:
    remember(vault)
    vault.set_policy(allow_remember=False)
    with pytest.raises(RememberNotAllowedError):
        unlock_with_device(vault.path, CLERK, clock=fixed_clock)


def test_database_policy_wins_over_an_edited_state_copy(vault: Vault, store: MemoryKeyring) -> None:
    remember(vault)
    vault.set_policy(allow_remember=False)
    state = load_state(vault.path)
    save_state(vault.path, replace(state, policy={**state.policy, "allow_remember": True}))
    with pytest.raises(RememberNotAllowedError):
        unlock_with_device(vault.path, CLERK, clock=fixed_clock)
    assert store.entries == {}
    with vault.open(CLERK) as session:
        assert session.keyfile.account(CLERK).device_keys == {}
    assert any(e.action == "device.forget" and "policy" in e.detail for e in vault.trail())


def test_locked_and_disabled_accounts_stay_out(vault: Vault, store: MemoryKeyring) -> None:
    remember(vault)
    for _ in range(5):
        login_guard.record_failure(vault.path, CLERK, clock=fixed_clock)
    with pytest.raises(AccountLockedError):
        unlock_with_device(vault.path, CLERK, clock=fixed_clock)
    state = load_state(vault.path)
    save_state(vault.path, replace(state, login={}))
    with vault.open(ADMIN) as session:
        AccountAdminService(session).disable(CLERK)
    with pytest.raises(AccountDisabledError):
        unlock_with_device(vault.path, CLERK, clock=fixed_clock)


# ---- forget --------------------------------------------------------------------------------


def test_forget_removes_entry_and_wrap(vault: Vault, store: MemoryKeyring) -> None:
    remember(vault)
    with vault.open(CLERK) as session:
        assert forget_on_this_computer(session)
        assert session.keyfile.account(CLERK).device_keys == {}
        assert not forget_on_this_computer(session)
    assert store.entries == {}
    with pytest.raises(NoRememberedLoginError):
        unlock_with_device(vault.path, CLERK, clock=fixed_clock)
    assert [e.action for e in vault.trail()].count("device.forget") == 1


def test_forget_clears_a_damaged_entry_too(vault: Vault, store: MemoryKeyring) -> None:
    remember(vault)
    store.entries[(SERVICE, keyring_user(vault.vault_id, CLERK))] = "garbage"
    with vault.open(CLERK) as session:
        assert forget_on_this_computer(session)
    assert store.entries == {}


# ---- nothing secret on disk ----------------------------------------------------------------


def test_secret_is_never_in_the_key_file_or_state_file(vault: Vault, store: MemoryKeyring) -> None:
    remember(vault)
    unlock_with_device(vault.path, CLERK, clock=fixed_clock).close()
    text = entry_of(store, vault)
    assert text is not None
    secret = base64.b64decode(text.partition(":")[2])
    forms = [
        secret,
        base64.b64encode(secret),
        base64.urlsafe_b64encode(secret),
        secret.hex().encode(),
        secret.hex().upper().encode(),
        text.encode(),
    ]
    for name in (KEY_FILE, STATE_FILE):
        raw = (vault.path / name).read_bytes()
        for form in forms:
            assert form not in raw, (name, form)
    # Every file the vault folder holds, for good measure (the database is encrypted).
    for path in vault.path.iterdir():
        raw = path.read_bytes()
        assert not any(form in raw for form in forms), path.name
    json.loads((vault.path / KEY_FILE).read_bytes())  # still a plain, valid key file


# ---- Windows: keep the credential on this machine -------------------------------------------


def test_windows_credential_persists_on_the_local_machine(
    vault: Vault, monkeypatch: pytest.MonkeyPatch
) -> None:
    class WinVaultLike(MemoryKeyring):
        persist = "enterprise"

    store = WinVaultLike()
    keyring.set_keyring(store)
    monkeypatch.setattr(device_unlock.sys, "platform", "win32")
    remember(vault)
    assert store.persist == "local machine"
    assert len(store.entries) == 1

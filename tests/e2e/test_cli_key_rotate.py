"""``liandang key rotate`` through the real command: afterwards everyone works as before."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.e2e.cli import PASSWORDS, CliVault, Result, folder_digest, run


@pytest.fixture
def vault(cli_vault: CliVault, tmp_path: Path) -> Path:
    """A private copy of the shared e2e vault: rotation changes every file."""
    path = tmp_path / "vault"
    shutil.copytree(cli_vault.path, path)
    return path


def act(vault: Path, user: str, *args: str) -> Result:
    return run(
        "--vault", str(vault), "--user", user, "--password-stdin", *args,
        stdin=PASSWORDS[user] + "\n",
    )  # fmt: skip


def test_rotate_then_every_user_works(vault: Path, cli_vault: CliVault, tmp_path: Path) -> None:
    rotated = act(vault, "sec", "key", "rotate", "--json")
    assert rotated.code == 0, rotated.err
    assert rotated.err == ""
    report = json.loads(rotated.out)
    assert report["generation"] == 2
    assert report["accounts_sealed"] >= 4  # admin, sec, clerk1, vet1 (+ the recovery slot)

    text = act(vault, "sec", "key", "rotate")
    assert text.code == 0, text.err
    assert "第 3 代" in text.out and "generation 3" in text.out

    users = act(vault, "admin", "user", "list", "--json")
    assert users.code == 0, users.err
    assert {row["name"] for row in json.loads(users.out)} >= {"admin", "sec", "clerk1", "vet1"}
    listing = act(vault, "clerk1", "official", "list", "--json")
    assert listing.code == 0, listing.err
    assert [row["name"] for row in json.loads(listing.out)] == ["欧阳明远"]
    shown = act(vault, "vet1", "official", "show", str(cli_vault.official_id))
    assert shown.code == 0 and "操办婚礼" in shown.out, shown.err

    # The signing key lives in the database: a signed export still verifies.
    pdf = tmp_path / "after-rotation.pdf"
    exported = act(
        vault, "vet1", "export", "dossier", str(cli_vault.official_id), "--out", str(pdf)
    )
    assert exported.code == 0, exported.err
    verified = run("verify", str(pdf), "--trust", str(cli_vault.root_pem))
    assert verified.code == 0, verified.out + verified.err

    audit = act(vault, "sec", "audit", "verify")
    assert audit.code == 0, audit.out + audit.err


def test_a_clerk_may_not_rotate(vault: Path) -> None:
    keys_before = folder_digest(vault)["vault.keys"]
    refused = act(vault, "clerk1", "key", "rotate")
    assert refused.code == 3
    assert "权限不足" in refused.err and "key.rotate" in refused.err
    assert refused.err.count("\n") == 1
    assert folder_digest(vault)["vault.keys"] == keys_before


def test_an_account_disabled_before_rotation_stays_out_until_enabled(vault: Path) -> None:
    assert act(vault, "admin", "user", "disable", "clerk1").code == 0
    assert act(vault, "sec", "key", "rotate").code == 0
    refused = act(vault, "clerk1", "official", "list")
    assert refused.code == 3 and "账户已停用" in refused.err
    # Enabling seals the *current* key to the account: it works again.
    assert act(vault, "admin", "user", "enable", "clerk1").code == 0
    assert act(vault, "clerk1", "official", "list").code == 0

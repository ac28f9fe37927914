"""Account administration through the real command: disable, enable, passwords, roles, recusal."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.e2e.cli import Result, run

PW = {
    "admin": "admin-pass-1",
    "sec": "sec-pass-123",
    "clerk1": "clerk-pass-1",
    "vet1": "vet-pass-12",
}


def act(vault: Path, user: str, *args: str, extra: str = "") -> Result:
    return run(
        "--vault", str(vault), "--user", user, "--password-stdin", *args,
        stdin=PW[user] + "\n" + extra,
    )  # fmt: skip


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("accounts") / "vault"
    assert run("--password-stdin", "init", str(path), "--admin", "admin",
               stdin=PW["admin"] + "\n").code == 0  # fmt: skip
    for name, role in (("sec", "secadmin"), ("clerk1", "clerk"), ("vet1", "vetting")):
        assert act(path, "admin", "user", "add", name, "--role", role, extra=PW[name]).code == 0
    added = act(path, "clerk1", "official", "add", "--name", "欧阳明远", "--id-number",
                "110105198003150012", "--unit", "青山县财政局", "--position", "局长",
                "--rank", "正科级")  # fmt: skip
    assert added.code == 0, added.err
    return path


@pytest.fixture
def vault(template: Path, tmp_path: Path) -> Path:
    """A private copy: these tests change accounts."""
    path = tmp_path / "vault"
    shutil.copytree(template, path)
    return path


def test_disable_and_enable(vault: Path) -> None:
    assert act(vault, "admin", "user", "disable", "clerk1").code == 0
    refused = act(vault, "clerk1", "official", "list")
    assert refused.code == 3 and "账户已停用" in refused.err
    assert act(vault, "admin", "user", "enable", "clerk1").code == 0
    assert act(vault, "clerk1", "official", "list").code == 0


def test_changing_ones_own_password(vault: Path) -> None:
    changed = act(vault, "clerk1", "user", "passwd", extra="clerk-new-pass\n")
    assert changed.code == 0, changed.err
    assert act(vault, "clerk1", "official", "list").code == 3  # the old password is gone
    again = run("--vault", str(vault), "--user", "clerk1", "--password-stdin", "official", "list",
                stdin="clerk-new-pass\n")  # fmt: skip
    assert again.code == 0


def test_an_administrator_resets_a_forgotten_password(vault: Path) -> None:
    assert act(vault, "admin", "user", "passwd", "vet1", extra="vet-reset-pass\n").code == 0
    assert act(vault, "vet1", "official", "list").code == 3
    assert run("--vault", str(vault), "--user", "vet1", "--password-stdin", "official", "list",
               stdin="vet-reset-pass\n").code == 0  # fmt: skip


def test_role_grants_follow_the_separation_of_duties(vault: Path) -> None:
    refused = act(vault, "sec", "user", "role", "clerk1", "--grant", "auditor")
    assert refused.code == 2 and "三员分立" in refused.err
    granted = act(vault, "sec", "user", "role", "clerk1", "--grant", "vetting", "--json")
    assert granted.code == 0, granted.err
    assert json.loads(granted.out)["roles"] == ["clerk", "vetting"]
    not_sec = act(vault, "admin", "user", "role", "clerk1", "--grant", "vetting")
    assert not_sec.code == 3


def test_a_declared_relation_recuses(vault: Path) -> None:
    assert act(vault, "vet1", "user", "relate", "1", "--relation", "表兄弟").code == 0
    listed = act(vault, "vet1", "user", "relations", "--json")
    assert json.loads(listed.out)[0]["relation"] == "表兄弟"
    refused = act(vault, "vet1", "official", "show", "1")
    assert refused.code == 3 and "回避" in refused.err
    assert "欧阳明远" not in refused.out

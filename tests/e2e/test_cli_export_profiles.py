"""``liandang export dossier --profile secret|internal|public``: each file verifies with
``liandang verify`` and carries only what its profile allows."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest

from records.id_number import check_character
from tests.e2e.cli import PASSWORDS, CliVault, run

FIRST17 = "11010519850620003"
ID_NUMBER = FIRST17 + check_character(FIRST17)
TITLES = {"public": "公开表彰事项", "internal": "内部婚礼事项", "secret": "涉密专项事项"}
#: The disclosure levels each profile prints.
SHOWN = {
    "secret": {"public", "internal", "secret"},
    "internal": {"public", "internal"},
    "public": {"public"},
}
MARKS = {"secret": "涉密★", "internal": "内部★", "public": "公开"}


def _as(vault: CliVault, user: str, *args: str) -> str:
    result = run(*vault.as_user(user, *args), stdin=PASSWORDS[user] + "\n")
    assert result.code == 0, f"{args}: {result.err}"
    return result.out


@pytest.fixture(scope="module")
def own_vault(cli_vault: CliVault, tmp_path_factory: pytest.TempPathFactory) -> CliVault:
    """A private copy of the shared vault: the other e2e tests count its officials."""
    path = tmp_path_factory.mktemp("profiles") / "vault"
    shutil.copytree(cli_vault.path, path)
    return replace(cli_vault, path=path)


@pytest.fixture(scope="module")
def official_id(own_vault: CliVault) -> int:
    """A second official with one record per disclosure level."""
    added = _as(
        own_vault,
        "clerk1",
        "official",
        "add",
        "--name",
        "司徒文静",
        "--id-number",
        ID_NUMBER,
        "--unit",
        "青山县教育局",
        "--position",
        "副局长",
        "--rank",
        "副科级",
        "--json",
    )
    oid = int(json.loads(added)["id"])
    for disclosure, title in TITLES.items():
        _as(
            own_vault,
            "clerk1",
            "record",
            "add",
            str(oid),
            "--type",
            "major_matter",
            "--date",
            "2025-06-01",
            "--disclosure",
            disclosure,
            "--field",
            "kind=其他",
            "--field",
            f"title={title}",
        )
    return oid


@pytest.mark.parametrize("profile", ["secret", "internal", "public"])
def test_each_profile_exports_and_verifies(
    own_vault: CliVault, official_id: int, profile: str, tmp_path: Path
) -> None:
    if shutil.which("pdftotext") is None:
        pytest.fail("pdftotext (poppler-utils) is required: ./run test installs it")
    out = tmp_path / f"{profile}.pdf"
    saved = json.loads(
        _as(
            own_vault,
            "vet1",
            "export",
            "dossier",
            str(official_id),
            "--out",
            str(out),
            "--profile",
            profile,
            "--json",
        )
    )
    assert saved["profile"] == profile

    verified = run("verify", str(out), "--trust", str(own_vault.root_pem))
    assert verified.code == 0, verified.out + verified.err
    assert "有效 / VALID" in verified.out

    text = re.sub(
        r"\s+",
        "",
        subprocess.run(
            ["pdftotext", str(out), "-"], capture_output=True, text=True, check=True
        ).stdout,
    )
    for disclosure, title in TITLES.items():
        assert (title in text) is (disclosure in SHOWN[profile]), (profile, title)
    assert MARKS[profile] in text
    assert (ID_NUMBER in text) is (profile != "public")


def test_an_unknown_profile_is_a_usage_error(cli_vault: CliVault, tmp_path: Path) -> None:
    result = run(
        *cli_vault.as_user(
            "vet1", "export", "dossier", "1", "--out", str(tmp_path / "x.pdf"), "--profile", "all"
        ),
        stdin=PASSWORDS["vet1"] + "\n",
    )
    assert result.code != 0
    assert "--profile" in result.err
    assert not (tmp_path / "x.pdf").exists()

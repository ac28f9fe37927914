"""A vault built entirely through the real command line, shared by the e2e tests."""

from __future__ import annotations

import json

import pytest

from tests.e2e.cli import PASSWORDS, CliVault, run


def ok(*args: str, stdin: str) -> str:
    result = run(*args, stdin=stdin)
    assert result.code == 0, f"{args}: {result.err}"
    assert result.err == "", result.err
    return result.out


@pytest.fixture(scope="session")
def cli_vault(tmp_path_factory: pytest.TempPathFactory) -> CliVault:
    """init → users → cert → official → record → export, all through ``liandang``."""
    base = tmp_path_factory.mktemp("e2e")
    vault = base / "vault"
    ok("--password-stdin", "init", str(vault), "--admin", "admin", stdin=PASSWORDS["admin"] + "\n")

    def as_(user: str, *args: str, extra: str = "") -> str:
        stdin = PASSWORDS[user] + "\n" + extra
        return ok("--vault", str(vault), "--user", user, "--password-stdin", *args, stdin=stdin)

    for name, role in (("sec", "secadmin"), ("clerk1", "clerk"), ("vet1", "vetting")):
        as_("admin", "user", "add", name, "--role", role, extra=PASSWORDS[name] + "\n")
    as_("sec", "cert", "init", "--unit", "青山县委组织部")
    root = base / "root.pem"
    as_("sec", "cert", "export", "--out", str(root))
    added = json.loads(
        as_(
            "clerk1",
            "official",
            "add",
            "--name",
            "欧阳明远",
            "--id-number",
            "110105198003150012",
            "--unit",
            "青山县财政局",
            "--position",
            "局长",
            "--rank",
            "正科级",
            "--json",
        )
    )
    official_id = int(added["id"])
    as_(
        "clerk1",
        "record",
        "add",
        str(official_id),
        "--type",
        "major_matter",
        "--date",
        "2025-05-01",
        "--field",
        "kind=操办婚丧喜庆",
        "--field",
        "title=操办婚礼",
        "--field",
        "detail=女儿结婚,宴请亲友八桌,礼金已登记。",
    )
    pdf = base / "dossier.pdf"
    as_("vet1", "export", "dossier", str(official_id), "--out", str(pdf))
    return CliVault(vault, root, official_id, pdf)

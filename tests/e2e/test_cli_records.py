"""Record types, corrections, withdrawals and informants through the real ``liandang``."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from records.record_types import RECORD_TYPES
from tests.e2e.cli import PASSWORDS, CliVault, Result, run

INFORMANT = "张秘举"


@pytest.fixture
def vault(cli_vault: CliVault, tmp_path: Path) -> CliVault:
    """A private copy of the shared e2e vault (these tests change records)."""
    path = tmp_path / "vault"
    shutil.copytree(cli_vault.path, path)
    return CliVault(path, cli_vault.root_pem, cli_vault.official_id, cli_vault.pdf)


def cli(vault: CliVault, user: str, *args: str) -> Result:
    return run(*vault.as_user(user, *args), stdin=PASSWORDS[user] + "\n")


def ok(vault: CliVault, user: str, *args: str) -> str:
    result = cli(vault, user, *args)
    assert result.code == 0, result.err
    return result.out


def test_record_types_lists_every_type_and_field() -> None:
    result = run("record", "types", "--json")
    assert result.code == 0, result.err
    types = {t["code"]: t for t in json.loads(result.out)}
    assert set(types) == set(RECORD_TYPES)
    gift = {f["name"]: f for f in types["gift"]["fields"]}
    assert gift["value"] == {
        "name": "value",
        "label_zh": "价值(元)",
        "label_en": "Value (yuan)",
        "kind": "money",
        "required": True,
        "choices": [],
        "max_length": 200,
    }
    assert gift["kind"]["choices"] == ["现金", "有价证券", "支付凭证", "实物"]
    text = run("record", "types")
    assert "sanction  处分/组织处理" in text.out and "*decision_number" in text.out


def test_edit_history_and_withdrawal(vault: CliVault) -> None:
    oid = str(vault.official_id)
    added = ok(vault, "clerk1", "record", "add", oid, "--type", "gift", "--date", "2025-02-01",
               "--field", "kind=现金", "--field", "description=春节红包", "--field", "value=2000",
               "--field", "giver=某老板", "--field", "handling=上交", "--json")  # fmt: skip
    record_id = str(json.loads(added)["id"])

    bad = cli(vault, "clerk1", "record", "edit", record_id, "--field", "value=-5")
    assert bad.code == 2 and "value" in bad.err and "金额" in bad.err

    edited = ok(vault, "clerk1", "record", "edit", record_id, "--field", "value=3000", "--json")
    assert json.loads(edited) == {"id": int(record_id), "version": 2}

    shown = json.loads(ok(vault, "vet1", "record", "show", record_id, "--history", "--json"))
    assert shown["version"] == 2 and shown["fields"]["value"] == "3000.00"
    [first, second] = shown["history"]
    assert (first["version"], first["event"], first["fields"]["value"]) == (1, "created", "2000.00")
    assert second["changed_by"] == "clerk1"
    assert second["changes"] == [
        {"name": "value", "label_zh": "价值(元)", "old": "2000.00", "new": "3000.00"}
    ]
    text = ok(vault, "vet1", "record", "show", record_id, "--history")
    assert "第2版" in text and "价值(元):2000.00 → 3000.00" in text

    no_reason = cli(vault, "clerk1", "record", "withdraw", record_id, "--reason", " ")
    assert no_reason.code == 2 and "reason" in no_reason.err
    ok(vault, "clerk1", "record", "withdraw", record_id, "--reason", "重复登记")
    current = json.loads(ok(vault, "clerk1", "record", "list", oid, "--json"))
    assert int(record_id) not in [r["id"] for r in current]
    every = json.loads(ok(vault, "clerk1", "record", "list", oid, "--all", "--json"))
    [withdrawn] = [r for r in every if r["id"] == int(record_id)]
    assert withdrawn["withdrawn"] and withdrawn["withdraw_reason"] == "重复登记"
    assert "已撤销" in ok(vault, "clerk1", "record", "list", oid, "--all")

    refused = cli(vault, "clerk1", "record", "edit", record_id, "--field", "value=1")
    assert refused.code == 1 and "已撤销" in refused.err
    assert cli(vault, "vet1", "record", "edit", record_id, "--field", "value=1").code == 3


def test_informant_apart_and_never_exported(vault: CliVault, tmp_path: Path) -> None:
    oid = str(vault.official_id)
    added = ok(vault, "clerk1", "record", "add", oid, "--type", "clue", "--date", "2025-03-01",
               "--field", "summary=反映其违规收受礼金", "--field", "custodian=vet1",
               "--field", "status=处置中", "--source", "petition",
               "--informant-name", INFORMANT, "--informant-contact", "13900000000",
               "--json")  # fmt: skip
    clue_id = str(json.loads(added)["id"])
    shown = ok(vault, "vet1", "record", "show", clue_id, "--json")
    assert INFORMANT not in shown
    informant = json.loads(ok(vault, "vet1", "record", "informant", clue_id, "--json"))
    assert (informant["name"], informant["contact"]) == (INFORMANT, "13900000000")
    refused = cli(vault, "clerk1", "record", "informant", clue_id)
    assert refused.code == 3 and INFORMANT not in refused.err

    pdf = tmp_path / "dossier.pdf"
    ok(vault, "vet1", "export", "dossier", oid, "--out", str(pdf))
    text = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, check=True
    ).stdout.decode("utf-8")
    assert "欧阳明远" in text  # the text layer is readable
    assert INFORMANT not in text and "13900000000" not in text

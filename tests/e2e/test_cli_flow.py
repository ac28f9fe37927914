"""The whole walking skeleton through the real ``liandang`` command.

init → users → cert → official → record → export → verify → tamper → verify fails.
"""

from __future__ import annotations

import io
import json
import shutil
import subprocess
from pathlib import Path

import pytest
from pyhanko.pdf_utils.generic import NameObject, TextStringObject
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

from tests.e2e.cli import PASSWORDS, CliVault, run


def _as(vault: CliVault, user: str, *args: str, extra: str = "") -> tuple[str, ...]:
    return ("--vault", str(vault.path), "--user", user, "--password-stdin", *args)


def _stdin(user: str, extra: str = "") -> str:
    return PASSWORDS[user] + "\n" + extra


def test_lists_and_shows_what_was_filed(cli_vault: CliVault) -> None:
    listing = run(
        *_as(cli_vault, "clerk1", "official", "list", "--search", "欧阳", "--json"),
        stdin=_stdin("clerk1"),
    )
    assert listing.code == 0, listing.err
    rows = json.loads(listing.out)
    assert [row["name"] for row in rows] == ["欧阳明远"]
    assert rows[0]["birth_date"] == "1980-03-15" and rows[0]["gender"] == "男"

    shown = run(
        *_as(cli_vault, "vet1", "official", "show", str(cli_vault.official_id)),
        stdin=_stdin("vet1"),
    )
    assert shown.code == 0, shown.err
    assert "欧阳明远" in shown.out and "操办婚礼" in shown.out

    records = run(
        *_as(cli_vault, "clerk1", "record", "list", str(cli_vault.official_id), "--json"),
        stdin=_stdin("clerk1"),
    )
    assert records.code == 0, records.err
    assert json.loads(records.out)[0]["fields"]["title"] == "操办婚礼"


def test_users_are_listed_for_the_administrator(cli_vault: CliVault) -> None:
    result = run(*_as(cli_vault, "admin", "user", "list", "--json"), stdin=_stdin("admin"))
    assert result.code == 0, result.err
    roles = {row["name"]: row["role"] for row in json.loads(result.out)}
    assert roles == {"admin": "sysadmin", "sec": "secadmin", "clerk1": "clerk", "vet1": "vetting"}


def test_export_verifies_and_names_the_signer(cli_vault: CliVault) -> None:
    result = run("verify", str(cli_vault.pdf), "--trust", str(cli_vault.root_pem))
    assert result.code == 0, result.out + result.err
    assert "有效 / VALID" in result.out
    assert "青山县委组织部" in result.out  # the signer's certificate names the unit

    as_json = run("verify", str(cli_vault.pdf), "--trust", str(cli_vault.root_pem), "--json")
    report = json.loads(as_json.out)
    assert report["ok"] is True and report["covers_whole_file"] is True
    assert report["signing_time"]


def test_export_text_is_extractable(cli_vault: CliVault) -> None:
    if shutil.which("pdftotext") is None:
        pytest.fail("pdftotext (poppler-utils) is required: ./run test installs it")
    text = subprocess.run(
        ["pdftotext", str(cli_vault.pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "欧阳明远" in text
    assert "操办婚礼" in text


def test_verify_without_the_trusted_root_fails(cli_vault: CliVault, tmp_path: Path) -> None:
    result = run("verify", str(cli_vault.pdf))
    assert result.code == 1
    assert "无效 / INVALID" in result.out


def _incremental_update(data: bytes) -> bytes:
    writer = IncrementalPdfFileWriter(io.BytesIO(data))
    # A forged edit appended as a new revision: the signed bytes stay intact.
    root = writer.root
    root[NameObject("/Lang")] = TextStringObject("en")
    writer.update_root()
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


TAMPERINGS = {
    "one byte changed": lambda d: (
        d[: len(d) // 3] + bytes([d[len(d) // 3] ^ 0x01]) + d[len(d) // 3 + 1 :]
    ),
    "truncated": lambda d: d[: len(d) - 200],
    "bytes appended after %%EOF": lambda d: d + b"\n% forged trailing bytes\n",
    "incremental update": _incremental_update,
}


@pytest.mark.parametrize("how", TAMPERINGS)
def test_any_tampering_fails_verification(cli_vault: CliVault, tmp_path: Path, how: str) -> None:
    forged = tmp_path / "forged.pdf"
    forged.write_bytes(TAMPERINGS[how](cli_vault.pdf.read_bytes()))
    result = run("verify", str(forged), "--trust", str(cli_vault.root_pem), "--json")
    assert result.code in (1, 2), result.err
    assert "Traceback" not in result.err
    if result.code == 1:
        assert json.loads(result.out)["ok"] is False
    else:  # a truncated file may no longer parse as a PDF at all: still one clear line
        assert len(result.err.strip().splitlines()) == 1


def test_main_py_behaves_like_the_console_script(cli_vault: CliVault) -> None:
    args = ("verify", str(cli_vault.pdf), "--trust", str(cli_vault.root_pem), "--json")
    via_script = run(*args)
    via_main = run(*args, main_py=True)
    assert (via_main.code, via_main.out, via_main.err) == (
        via_script.code,
        via_script.out,
        via_script.err,
    )
    assert run("--help").out == run("--help", main_py=True).out

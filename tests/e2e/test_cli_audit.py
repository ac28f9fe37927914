"""``liandang audit list|verify|export`` and ``liandang verify`` against a vault, through the
real command, on a copy of the shared e2e vault with a security auditor added.

Truncation at the end of the trail is shown twice: against the head recorded in
``vault.state``, and — with that file gone — against the head printed in the footer of the
dossier PDF exported when the vault was built, read back with ``pdftotext``.
"""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from records.vault import unlock_vault
from records.vault_state import STATE_FILE
from tests.e2e.cli import PASSWORDS, CliVault, Result, run

AUDITOR, AUDITOR_PASSWORD = "aud1", "auditor-pass-9"


def _password(user: str) -> str:
    return AUDITOR_PASSWORD if user == AUDITOR else PASSWORDS[user]


def as_user(vault: Path, user: str, *args: str) -> Result:
    return run(
        "--vault", str(vault), "--user", user, "--password-stdin", *args,
        stdin=_password(user) + "\n",
    )  # fmt: skip


@pytest.fixture
def vault(cli_vault: CliVault, tmp_path: Path) -> Path:
    """A private copy of the shared vault, with the auditor ``aud1``."""
    path = tmp_path / "vault"
    shutil.copytree(cli_vault.path, path)
    added = run(
        "--vault", str(path), "--user", "admin", "--password-stdin",
        "user", "add", AUDITOR, "--role", "auditor",
        stdin=f"{PASSWORDS['admin']}\n{AUDITOR_PASSWORD}\n",
    )  # fmt: skip
    assert added.code == 0, added.err
    return path


def pdf_head(pdf: Path) -> str:
    """The chain head printed in the footer of a signed export."""
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext is not installed (Debian package poppler-utils)")
    text = subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True, timeout=60
    ).stdout
    found = re.search(r"审计链[::](\d+:[0-9a-f]{64})", re.sub(r"\s+", "", text))
    assert found is not None, "no audit head in the PDF footer"
    return found.group(1)


def truncate(vault: Path, keep_through: int) -> None:
    """Cut every entry after ``keep_through``, as someone holding the data key could."""
    with unlock_vault(vault, "admin", PASSWORDS["admin"]) as session:
        conn = session.conn
        conn.execute("DROP TRIGGER audit_log_no_delete")
        conn.execute("DELETE FROM audit_log WHERE seq > ?", (keep_through,))


# ---- list --------------------------------------------------------------------------------------


def test_list_newest_first_with_filters(vault: Path) -> None:
    listed = as_user(vault, AUDITOR, "audit", "list", "--json")
    assert listed.code == 0, listed.err
    rows = json.loads(listed.out)
    seqs = [row["seq"] for row in rows]
    assert seqs == sorted(seqs, reverse=True) and seqs[-1] == 1
    assert rows[-1]["action"] == "vault.create"
    assert {"official.add", "record.add", "dossier.export", "login"} <= {r["action"] for r in rows}

    mine = as_user(
        vault, AUDITOR, "audit", "list", "--actor", "clerk1", "--action", "official.", "--json"
    )
    assert mine.code == 0, mine.err
    assert [(r["user_name"], r["action"]) for r in json.loads(mine.out)] == [
        ("clerk1", "official.add")
    ]
    # The shared vault's newest entries depend on which tests ran before: make our own.
    pdf = vault.parent / "newest.pdf"
    fresh = run(
        "--vault", str(vault), "--user", "vet1", "--password-stdin",
        "export", "dossier", "1", "--out", str(pdf), stdin=f"{PASSWORDS['vet1']}\n",
    )  # fmt: skip
    assert fresh.code == 0, fresh.err
    exported = as_user(vault, AUDITOR, "audit", "list", "--object", "official:", "--limit", "1")
    assert exported.code == 0, exported.err
    lines = exported.out.splitlines()
    assert lines[0].split()[:3] == ["序号", "时间", "用户"]
    assert len(lines) == 2 and "dossier.export" in lines[1] and "成功" in lines[1]
    future = as_user(vault, AUDITOR, "audit", "list", "--since", "2999-01-01", "--json")
    assert json.loads(future.out) == []


def test_reading_the_trail_is_audited(vault: Path) -> None:
    as_user(vault, AUDITOR, "audit", "list", "--actor", "vet1")
    rows = json.loads(as_user(vault, AUDITOR, "audit", "list", "--limit", "3", "--json").out)
    assert [r["action"] for r in rows] == ["login", "audit.list", "login"]
    assert rows[1]["detail"] == "user=vet1 limit=1000"


@pytest.mark.parametrize("user", ["clerk1", "vet1", "admin", "sec"])
def test_only_the_auditor_lists(vault: Path, user: str) -> None:
    result = as_user(vault, user, "audit", "list")
    assert result.code == 3
    assert "权限不足" in result.err and "audit.list" in result.err
    assert result.out == ""


def test_bad_options_are_usage_errors(vault: Path) -> None:
    for args in (
        ("audit", "list", "--since", "yesterday"),
        ("audit", "list", "--limit", "0"),
        ("audit", "verify", "--head", "12:nothex"),
        ("audit", "export", "--out", "trail.xlsx"),
    ):
        result = as_user(vault, AUDITOR, *args)
        assert result.code == 2, (args, result.err)
        assert len(result.err.strip().splitlines()) == 1 and " / " in result.err


# ---- verify -----------------------------------------------------------------------------------


def test_verify_intact(vault: Path, cli_vault: CliVault) -> None:
    result = as_user(vault, AUDITOR, "audit", "verify", "--head", pdf_head(cli_vault.pdf))
    assert result.code == 0, result.out + result.err
    assert result.out.startswith("审计日志完整") and "intact" in result.out
    report = json.loads(as_user(vault, "sec", "audit", "verify", "--json").out)
    assert report["ok"] is True and report["recorded_head_status"] == "checked"


def test_verify_names_an_edited_entry(vault: Path) -> None:
    with unlock_vault(vault, "admin", PASSWORDS["admin"]) as session:
        session.conn.execute("DROP TRIGGER audit_log_no_update")
        session.conn.execute("UPDATE audit_log SET user_name = 'nobody' WHERE seq = 3")
    result = as_user(vault, AUDITOR, "audit", "verify")
    assert result.code == 1
    first, *problems = result.out.splitlines()
    assert "第 3 条" in first and "first bad entry 3" in first
    assert problems == ["  - 第 3 条:条目内容被修改 / entry 3: entry content altered"]


def recorded_seq(vault: Path) -> int:
    return int(json.loads((vault / STATE_FILE).read_text("utf-8"))["audit_head"]["seq"])


def test_truncation_is_caught_by_the_recorded_head(vault: Path) -> None:
    truncate(vault, recorded_seq(vault) - 3)
    recorded = recorded_seq(vault)  # the truncating login's own entry, cut off too
    result = as_user(vault, AUDITOR, "audit", "verify", "--json")
    assert result.code == 1
    report = json.loads(result.out)
    assert report["first_bad_seq"] == recorded
    assert [p["code"] for p in report["problems"]] == ["truncated"]
    assert f"recorded head seq {recorded} missing" in report["problems"][0]["en"]


def test_truncation_is_caught_by_the_head_in_a_dossier_pdf(
    vault: Path, cli_vault: CliVault
) -> None:
    head = pdf_head(cli_vault.pdf)
    seq = int(head.split(":")[0])
    truncate(vault, seq - 1)  # the export and everything after it
    (vault / STATE_FILE).unlink()  # no recorded head either
    # Nothing inside the vault contradicts the cut trail; the login that found vault.state
    # gone says so in the trail, and a fresh head is recorded from there on.
    unaware = as_user(vault, AUDITOR, "audit", "verify")
    assert unaware.code == 0, unaware.out
    logins = json.loads(as_user(vault, AUDITOR, "audit", "list", "--action", "login", "--json").out)
    # Newest first: this listing's login, then the verification's, which found no head.
    assert logins[0]["detail"] == ""
    assert logins[1]["user_name"] == AUDITOR
    assert logins[1]["detail"].startswith("no recorded audit head in vault.state")
    result = as_user(vault, AUDITOR, "audit", "verify", "--head", f"审计链:{head}")
    assert result.code == 1
    assert f"第一条有问题的是第 {seq} 条" in result.out
    # The logins since have reused the cut numbers: entry {seq} exists, with another hash.
    assert f"entry {seq} does not match the head from an export" in result.out


# ---- export ------------------------------------------------------------------------------------


def test_export_csv_and_signed_pdf(vault: Path, cli_vault: CliVault, tmp_path: Path) -> None:
    out_csv = tmp_path / "trail.csv"
    done = as_user(vault, AUDITOR, "audit", "export", "--out", str(out_csv), "--actor", "vet1")
    assert done.code == 0, done.err
    rows = list(csv.reader(io.StringIO(out_csv.read_text("utf-8-sig"), newline="")))
    assert rows[0][:3] == ["序号", "时间", "用户"]
    assert {r[2] for r in rows[1:]} == {"vet1"}
    assert "dossier.export" in {r[4] for r in rows[1:]}

    out_pdf = tmp_path / "trail.pdf"
    done = as_user(vault, AUDITOR, "audit", "export", "--out", str(out_pdf), "--json")
    assert done.code == 0, done.err
    saved = json.loads(done.out)
    assert pdf_head(out_pdf) == saved["audit_head"]
    checked = run("verify", str(out_pdf), "--trust", str(cli_vault.root_pem))
    assert checked.code == 0, checked.out
    assert "有效 / VALID" in checked.out
    assert as_user(vault, AUDITOR, "audit", "verify", "--head", saved["audit_head"]).code == 0


# ---- `liandang verify FILE.pdf` ------------------------------------------------------------------


def test_verifying_a_pdf_with_a_vault_is_audited(vault: Path, cli_vault: CliVault) -> None:
    result = as_user(
        vault, "clerk1", "verify", str(cli_vault.pdf), "--trust", str(cli_vault.root_pem)
    )
    assert result.code == 0, result.err
    rows = json.loads(as_user(vault, AUDITOR, "audit", "list", "--action", "verify", "--json").out)
    [row] = rows
    assert (row["user_name"], row["object"], row["outcome"]) == ("clerk1", "dossier.pdf", "ok")
    assert row["detail"].startswith("valid; sha256=")

    untrusted = as_user(vault, "clerk1", "verify", str(cli_vault.pdf))  # no --trust
    assert untrusted.code == 1
    rows = json.loads(as_user(vault, AUDITOR, "audit", "list", "--action", "verify", "--json").out)
    assert (rows[0]["outcome"], rows[0]["detail"][:17]) == ("failed", "invalid: untruste")


def test_verifying_a_pdf_without_a_vault_touches_none(cli_vault: CliVault) -> None:
    result = run("verify", str(cli_vault.pdf), "--trust", str(cli_vault.root_pem))
    assert result.code == 0, result.err

"""Attachments, the photo and position history through the real ``liandang`` command."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pytest

from crypto.kdf import FAST_COST
from records.services.officials import OfficialService
from records.services.users import UserService
from records.vault import create_vault, unlock_vault
from tests.e2e.cli import PASSWORDS, CliVault, run
from tests.records.attachment_support import PDF_HEAD, png_bytes
from tests.records.support import audit_rows, business_snapshot, count, official_values


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Users of every business role and one official (set up through the services, with a
    cheap Argon2id, so these tests do not depend on the shared e2e vault's history)."""
    path = tmp_path_factory.mktemp("attachments") / "vault"
    with create_vault(path, "admin", PASSWORDS["admin"], kdf_cost=FAST_COST) as session:
        for name, role in (("sec", "secadmin"), ("clerk1", "clerk"), ("vet1", "vetting")):
            UserService(session).add(name, role, PASSWORDS[name])
    with unlock_vault(path, "clerk1", PASSWORDS["clerk1"]) as session:
        OfficialService(session).add(official_values())
    return path


@pytest.fixture
def vault(template: Path, tmp_path: Path) -> CliVault:
    """A private copy of the template (these tests write to it)."""
    path = tmp_path / "vault"
    shutil.copytree(template, path)
    return CliVault(path, path / "unused-root.pem", 1, path / "unused.pdf")


def _run(vault: CliVault, user: str, *args: str) -> tuple[int, str, str]:
    result = run(*vault.as_user(user, *args), stdin=PASSWORDS[user] + "\n")
    return result.code, result.out, result.err


def _files(tmp_path: Path) -> dict[str, Path]:
    files = {"scan.png": png_bytes(), "letter.pdf": PDF_HEAD, "fake.pdf": png_bytes()}
    for name, content in files.items():
        (tmp_path / name).write_bytes(content)
    return {name: tmp_path / name for name in files}


def _state(path: Path) -> tuple[object, int, list[tuple[object, ...]]]:
    with unlock_vault(path, "clerk1", PASSWORDS["clerk1"]) as session:
        conn = session.conn
        return business_snapshot(conn), count(conn, "attachments"), audit_rows(conn)


def test_record_with_attachments_list_and_save(vault: CliVault, tmp_path: Path) -> None:
    files = _files(tmp_path)
    oid = str(vault.official_id)
    code, out, err = _run(
        vault, "clerk1", "record", "add", oid, "--type", "major_matter", "--date", "2025-06-01",
        "--field", "kind=其他", "--field", "title=外出学习",
        "--attach", str(files["scan.png"]), "--attach", str(files["letter.pdf"]), "--json",
    )  # fmt: skip
    assert code == 0, err
    record_id = json.loads(out)["id"]

    code, out, err = _run(vault, "vet1", "attachment", "list", oid, "--json")
    assert code == 0, err
    listed = json.loads(out)
    assert [(a["file_name"], a["record_id"]) for a in listed] == [
        ("scan.png", record_id),
        ("letter.pdf", record_id),
    ]
    assert listed[0]["sha256"] == hashlib.sha256(png_bytes()).hexdigest()
    assert "content" not in listed[0]
    code, out, err = _run(vault, "vet1", "attachment", "list", oid)
    assert code == 0 and "SHA-256" in out and listed[1]["sha256"][:12] in out

    out_file = tmp_path / "saved" / "copy.png"
    out_file.parent.mkdir()
    code, out, err = _run(
        vault, "vet1", "attachment", "save", str(listed[0]["id"]), "--out", str(out_file)
    )
    assert code == 0, err
    assert out_file.read_bytes() == png_bytes()
    *_, trail = _state(vault.path)
    assert [row[3] for row in trail if row[1] == "vet1"][-1] == "attachment.export"


@pytest.mark.parametrize(
    ("file_key", "words"),
    [("fake.pdf", "与扩展名.pdf不符"), ("missing.png", "无法读取文件")],
)
def test_a_bad_attachment_adds_no_record(
    vault: CliVault, tmp_path: Path, file_key: str, words: str
) -> None:
    files = _files(tmp_path)
    path = files.get(file_key, tmp_path / file_key)
    data, attachments, trail = _state(vault.path)
    code, _out, err = _run(
        vault, "clerk1", "record", "add", str(vault.official_id), "--type", "major_matter",
        "--date", "2025-06-01", "--field", "kind=其他", "--field", "title=外出学习",
        "--attach", str(files["scan.png"]), "--attach", str(path),
    )  # fmt: skip
    assert code == 2
    assert words in err and len(err.strip().splitlines()) == 1
    data_after, attachments_after, trail_after = _state(vault.path)
    assert (data_after, attachments_after) == (data, attachments)
    assert [row[3] for row in trail_after[len(trail) :]] == ["login", "login"]


def test_too_large_by_policy(vault: CliVault, tmp_path: Path) -> None:
    big = tmp_path / "big.pdf"
    big.write_bytes(PDF_HEAD + b"0" * (1024 * 1024))
    code, _out, err = _run(vault, "sec", "policy", "set", "attachment_max_mb=1")
    assert code == 0, err
    code, _out, err = _run(vault, "clerk1", "attachment", "add", str(vault.official_id), str(big))
    assert code == 2 and "文件过大" in err and "1 MB" in err


def test_photo_and_positions(vault: CliVault, tmp_path: Path) -> None:
    files = _files(tmp_path)
    oid = str(vault.official_id)
    code, _out, err = _run(vault, "clerk1", "official", "photo", oid, str(files["letter.pdf"]))
    assert code == 2 and "JPEG 或 PNG" in err
    code, out, err = _run(vault, "clerk1", "official", "photo", oid, str(files["scan.png"]))
    assert code == 0, err

    code, out, err = _run(
        vault, "clerk1", "official", "position", "add", oid, "--unit", "青山县财政局",
        "--position", "局长", "--rank", "正科级", "--start", "2021-06-01", "--json",
    )  # fmt: skip
    assert code == 0, err
    position_id = json.loads(out)["id"]
    code, _out, err = _run(
        vault, "clerk1", "official", "position", "add", oid, "--unit", "审计局",
        "--position", "副局长", "--start", "2020-01-01", "--end", "2019-01-01",
    )  # fmt: skip
    assert code == 2 and "免职时间" in err
    code, _out, err = _run(
        vault, "clerk1", "official", "position", "end", str(position_id), "--date", "2025-12-31"
    )
    assert code == 0, err
    code, out, err = _run(vault, "vet1", "official", "position", "list", oid, "--json")
    assert code == 0, err
    [position] = json.loads(out)
    assert (position["unit"], position["end_date"]) == ("青山县财政局", "2025-12-31")
    code, _out, err = _run(vault, "admin", "official", "position", "list", oid)
    assert code == 3 and "权限不足" in err

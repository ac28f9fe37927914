"""Audit-trail exports: CSV that Excel reads safely, and a signed PDF with the page furniture
and the chain head, both written from a real vault by the security auditor.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from pyhanko.pdf_utils.reader import PdfFileReader

from crypto.kdf import FAST_COST
from exports.audit_csv import HEADER, audit_csv, neutralise
from exports.audit_export import AUDIT_SIGNING_REASON, export_format, save_audit_export
from exports.audit_pdf import render_audit_pdf
from exports.certificates import SigningIdentity
from exports.errors import ExportError
from exports.stamp import ExportStamp
from exports.verify import verify_pdf
from records import audit
from records.errors import NotFoundError, PermissionDeniedError
from records.services.audit_trail import AuditQuery, AuditService, parse_head
from records.services.signing_identity import SigningIdentityService, StoredIdentity
from records.services.users import UserService
from records.session import Session
from records.vault import create_vault, unlock_vault

Poppler = Callable[..., str]
BEIJING = timezone(timedelta(hours=8))
NOW = datetime(2026, 11, 22, 10, 0, tzinfo=BEIJING)
PASSWORDS = {"admin": "admin-password-1", "sec1": "security-pass-2", "aud1": "auditor-pass-3"}


def entry(seq: int, **fields: str) -> audit.AuditEntry:
    values = {
        "user_name": "clerk1",
        "role": "clerk",
        "action": "official.read",
        "object": "official:1",
        "outcome": "ok",
        "detail": "",
    }
    values.update(fields)
    return audit.AuditEntry(
        seq=seq,
        at=NOW,
        prev_hash="0" * 64,
        entry_hash=f"{seq:02d}" * 32,
        mac="f" * 64,
        **values,  # type: ignore[arg-type]
    )


# ---- CSV -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cell", "shown"),
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+1", "'+1"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tcmd", "'\tcmd"),
        ("\rcmd", "'\rcmd"),
        ("张三", "张三"),
        ("official:1", "official:1"),
        ("a=b", "a=b"),
        ("", ""),
    ],
)
def test_neutralise(cell: str, shown: str) -> None:
    assert neutralise(cell) == shown


def test_csv_has_a_bom_and_reads_back(tmp_path: Path) -> None:
    entries = [
        entry(1, user_name="=cmd|' /C calc'!A0", detail="换行\n第二行"),
        entry(2, object="@evil", detail="-1"),
        entry(3, user_name="王审核", action="dossier.export"),
    ]
    data = audit_csv(entries)
    assert data.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert tuple(rows[0]) == HEADER
    assert rows[1][2] == "'=cmd|' /C calc'!A0"
    assert rows[1][7] == "换行\n第二行"  # quoted, not split into two rows
    assert (rows[2][5], rows[2][7]) == ("'@evil", "'-1")
    assert rows[3][:5] == ["3", NOW.isoformat(), "王审核", "clerk", "dossier.export"]
    assert rows[3][9] == "03" * 32
    assert len(rows) == 4


# ---- PDF rendering ---------------------------------------------------------------------------


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def pdf_pages(pdf: bytes, tmp_path: Path, poppler: Poppler) -> list[str]:
    path = tmp_path / "audit.pdf"
    path.write_bytes(pdf)
    count = int(re.search(r"Pages:\s+(\d+)", poppler("pdfinfo", path)).group(1))  # type: ignore[union-attr]
    return [squash(poppler("pdftotext", "-f", n, "-l", n, path, "-")) for n in range(1, count + 1)]


def test_the_pdf_carries_the_furniture_on_every_page(tmp_path: Path, poppler: Poppler) -> None:
    head = "120:" + "ab" * 32
    stamp = ExportStamp("LD-AUDIT-20261122-000120", "内部", "赵审计 (aud1)", NOW, audit_head=head)
    entries = [entry(i, detail=f"第{i}条 <b>&") for i in range(1, 120)]
    pages = pdf_pages(render_audit_pdf(entries, stamp, filters="user=clerk1"), tmp_path, poppler)
    assert len(pages) > 1
    for number, text in enumerate(pages, start=1):
        assert "内部★" in text
        assert "编号:LD-AUDIT-20261122-000120" in text
        assert f"第{number}页/共{len(pages)}页" in text
        assert f"审计链:{head}" in text
        assert "赵审计(aud1)2026-11-2210:00导出" in text
    first = pages[0]
    assert "审计日志" in first and "user=clerk1" in first and "119" in first
    assert "第1条<b>&" in first  # markup is printed, not interpreted
    assert "0101010101" in first  # each line's hash prefix


def test_an_empty_selection_prints_none(tmp_path: Path, poppler: Poppler) -> None:
    stamp = ExportStamp("LD-AUDIT-1", "内部", "赵审计 (aud1)", NOW, audit_head="1:" + "a" * 64)
    [page] = pdf_pages(render_audit_pdf([], stamp, filters=""), tmp_path, poppler)
    assert "全部" in page and "无" in page


def test_export_format() -> None:
    assert export_format(Path("a.CSV")) == "csv"
    assert export_format(Path("审计.pdf")) == "pdf"
    with pytest.raises(ExportError):
        export_format(Path("a.xlsx"))


# ---- from a vault --------------------------------------------------------------------------


@pytest.fixture
def vault(tmp_path: Path, identity: SigningIdentity) -> Path:
    path = tmp_path / "vault"
    clock = lambda: NOW  # noqa: E731
    with create_vault(path, "admin", PASSWORDS["admin"], kdf_cost=FAST_COST, clock=clock) as s:
        UserService(s).add("sec1", "secadmin", PASSWORDS["sec1"])
        UserService(s).add("aud1", "auditor", PASSWORDS["aud1"], display_name="赵审计")
    with unlock_vault(path, "sec1", PASSWORDS["sec1"], clock=clock) as s:
        SigningIdentityService(s).install(
            StoredIdentity(
                identity.unit,
                identity.root_cert_pem,
                identity.signing_cert_pem,
                identity.signing_key_pem,
            )
        )
    return path


@pytest.fixture
def auditor(vault: Path) -> Iterator[Session]:
    with unlock_vault(vault, "aud1", PASSWORDS["aud1"], clock=lambda: NOW) as session:
        yield session


def test_csv_export_from_the_vault(auditor: Session, tmp_path: Path) -> None:
    out = tmp_path / "审计.csv"
    trail = audit.entries(auditor.conn)
    saved = save_audit_export(auditor, AuditQuery(), out)
    rows = list(csv.reader(io.StringIO(out.read_text("utf-8-sig"), newline="")))
    assert [int(r[0]) for r in rows[1:]] == [e.seq for e in trail]  # oldest first
    assert (saved.file_format, saved.entries) == ("csv", len(trail))
    last = audit.entries(auditor.conn)[-1]
    assert (last.action, last.user_name) == ("audit.export", "aud1")
    assert last.detail.startswith(f"{saved.document_number} format=csv entries={len(trail)}")
    assert saved.audit_head == f"{last.seq}:{last.entry_hash}"
    assert AuditService(auditor).verify().ok


def test_signed_pdf_export_verifies_and_prints_the_head(
    auditor: Session, identity: SigningIdentity, tmp_path: Path, poppler: Poppler
) -> None:
    out = tmp_path / "审计.pdf"
    saved = save_audit_export(auditor, AuditQuery(action="login"), out)
    data = out.read_bytes()
    result = verify_pdf(data, [identity.root_cert_pem])
    assert result.ok, result.problems
    text = "".join(pdf_pages(data, tmp_path, poppler))
    found = re.search(r"审计链:(\d+:[0-9a-f]{64})", text)
    assert found is not None and found.group(1) == saved.audit_head
    assert "内部★" in text and saved.document_number in text
    # The head read back from the paper copy is a valid --head for verification.
    assert AuditService(auditor).verify([parse_head(found.group(1))]).ok
    [signature] = PdfFileReader(io.BytesIO(data)).embedded_signatures
    assert str(signature.sig_object["/Reason"]) == AUDIT_SIGNING_REASON
    assert "Signature is Valid" in poppler("pdfsig", out)


def test_a_failed_write_leaves_no_entry(auditor: Session, tmp_path: Path) -> None:
    before = audit.entries(auditor.conn)
    with pytest.raises(ExportError):
        save_audit_export(auditor, AuditQuery(), tmp_path / "missing-folder" / "a.csv")
    assert audit.entries(auditor.conn) == before


def test_only_the_auditor_exports(vault: Path, tmp_path: Path) -> None:
    with unlock_vault(vault, "sec1", PASSWORDS["sec1"], clock=lambda: NOW) as sec:
        with pytest.raises(PermissionDeniedError):
            save_audit_export(sec, AuditQuery(), tmp_path / "a.pdf")
        assert audit.entries(sec.conn)[-1].outcome == "refused"
    assert not (tmp_path / "a.pdf").exists()


def test_a_pdf_needs_a_certificate_but_a_csv_does_not(tmp_path: Path) -> None:
    path = tmp_path / "bare"
    with create_vault(path, "admin", PASSWORDS["admin"], kdf_cost=FAST_COST) as s:
        UserService(s).add("aud1", "auditor", PASSWORDS["aud1"])
    with unlock_vault(path, "aud1", PASSWORDS["aud1"]) as session:
        with pytest.raises(NotFoundError):
            save_audit_export(session, AuditQuery(), tmp_path / "a.pdf")
        assert save_audit_export(session, AuditQuery(), tmp_path / "a.csv").entries >= 3

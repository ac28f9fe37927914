"""Attachments: type sniffing, the size cap, SHA-256, audited reads and exports, withdrawal,
the photo, and need-to-know for a clue's scans — on real SQLCipher vaults."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from exports.attachment_export import save_attachment
from exports.errors import ExportError
from records import audit
from records.attachment_types import JPEG, PDF, PNG, identify, sniff
from records.errors import (
    ConflictError,
    NotFoundError,
    PermissionDeniedError,
    RecusalError,
    ValidationError,
)
from records.services.attachments import (
    AttachmentCorruptError,
    AttachmentRestrictedError,
    AttachmentService,
)
from records.services.dossier_records import RecordService
from records.services.own_account import OwnAccountService
from records.services.policy import PolicyService
from records.services.users import UserService
from records.vault import unlock_vault
from tests.records.attachment_support import JPEG_HEAD, PDF_HEAD, first_official, png_bytes
from tests.records.support import NOW, Opener, audit_rows, count, fixed_clock

# ---- type rules (no vault) ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("scan.pdf", PDF_HEAD, PDF),
        ("SCAN.PDF", PDF_HEAD, PDF),
        ("photo.jpg", JPEG_HEAD, JPEG),
        ("photo.JPEG", JPEG_HEAD, JPEG),
        ("photo.png", png_bytes(), PNG),
    ],
)
def test_accepted_types_by_content_and_extension(
    name: str, content: bytes, expected: object
) -> None:
    assert identify(name, content, max_mb=50) is expected
    assert sniff(content) is expected


@pytest.mark.parametrize(
    ("name", "content", "words"),
    [
        ("virus.exe", b"MZ\x90\x00" * 10, "不支持的文件类型"),
        ("notes.txt", b"hello", "不支持的文件类型"),
        ("noext", PDF_HEAD, "不支持的文件类型"),
        ("scan.pdf", b"MZ\x90\x00 not a pdf", "不是 PDF、JPEG 或 PNG"),
        ("photo.jpg", png_bytes(), "与扩展名.jpg不符"),
        ("scan.pdf", JPEG_HEAD, "与扩展名.pdf不符"),
        ("photo.png", PDF_HEAD, "与扩展名.png不符"),
        ("empty.pdf", b"", "文件为空"),
        ("", PDF_HEAD, "文件名为空"),
    ],
)
def test_refused_files_name_the_rule(name: str, content: bytes, words: str) -> None:
    with pytest.raises(ValidationError) as caught:
        identify(name, content, max_mb=50)
    assert caught.value.field == "file"
    assert words in caught.value.zh


def test_the_size_cap_counts_megabytes() -> None:
    exactly = PDF_HEAD + b"0" * (1024 * 1024 - len(PDF_HEAD))
    assert identify("a.pdf", exactly, max_mb=1) is PDF
    with pytest.raises(ValidationError) as caught:
        identify("a.pdf", exactly + b"0", max_mb=1)
    assert "文件过大" in caught.value.zh and "上限为 1 MB" in caught.value.zh


# ---- the service ------------------------------------------------------------------------------


def test_add_stores_content_and_sha256_audited(open_populated: Opener) -> None:
    clerk = open_populated("clerk1")
    oid = first_official(clerk)
    content = png_bytes()
    added = AttachmentService(clerk).add(oid, "/home/clerk/扫描件.png", content)
    assert (added.file_name, added.media_type, added.size) == (
        "扫描件.png",
        "image/png",
        len(content),
    )
    assert added.sha256 == hashlib.sha256(content).hexdigest()
    assert (added.added_by, added.added_at, added.purpose) == ("clerk1", NOW, "scan")
    last = audit.entries(clerk.conn)[-1]
    assert (last.action, last.object) == ("attachment.add", f"official:{oid}")
    assert f"attachment:{added.id}" in last.detail and added.sha256 in last.detail
    assert AttachmentService(clerk).content(added.id) == content
    assert audit.entries(clerk.conn)[-1].action == "attachment.read"
    assert clerk.verify_audit_chain().ok


def test_list_is_metadata_and_audited(open_populated: Opener) -> None:
    clerk = open_populated("clerk1")
    oid = first_official(clerk)
    record_id = int(clerk.conn.execute("SELECT min(id) FROM records").fetchone()[0])
    service = AttachmentService(clerk)
    service.add_many(oid, [("a.pdf", PDF_HEAD), ("b.jpg", JPEG_HEAD)], record_id=record_id)
    service.add(oid, "c.png", png_bytes())
    vetting = open_populated("vet1")
    listed = AttachmentService(vetting).list(oid)
    assert [a.file_name for a in listed] == ["a.pdf", "b.jpg", "c.png"]
    assert [a.record_id for a in listed] == [record_id, record_id, None]
    assert [a.file_name for a in AttachmentService(vetting).list(oid, record_id)] == [
        "a.pdf",
        "b.jpg",
    ]
    assert audit.entries(vetting.conn)[-1].action == "attachment.list"


def test_add_many_is_all_or_nothing(open_populated: Opener) -> None:
    clerk = open_populated("clerk1")
    oid = first_official(clerk)
    trail = audit_rows(clerk.conn)
    with pytest.raises(ValidationError):
        AttachmentService(clerk).add_many(oid, [("a.pdf", PDF_HEAD), ("b.pdf", JPEG_HEAD)])
    assert count(clerk.conn, "attachments") == 0
    assert audit_rows(clerk.conn) == trail


def test_a_record_of_another_official_is_refused(open_populated: Opener) -> None:
    clerk = open_populated("clerk1")
    with pytest.raises(NotFoundError):
        AttachmentService(clerk).add(first_official(clerk), "a.pdf", PDF_HEAD, record_id=999)


def test_a_withdrawn_record_takes_no_new_attachment(open_populated: Opener) -> None:
    clerk = open_populated("clerk1")
    oid = first_official(clerk)
    records = RecordService(clerk)
    record = records.add(oid, "major_matter", "2026-05-01", {"title": "操办婚礼", "kind": "其他"})
    records.withdraw(record.id, "重复登记")
    trail = audit_rows(clerk.conn)
    with pytest.raises(ConflictError) as caught:
        AttachmentService(clerk).add(oid, "a.pdf", PDF_HEAD, record_id=record.id)
    assert "已撤销" in caught.value.zh
    assert count(clerk.conn, "attachments") == 0
    assert audit_rows(clerk.conn) == trail


def test_the_policy_cap_applies(open_populated: Opener) -> None:
    PolicyService(open_populated("sec1")).set(attachment_max_mb=1)
    clerk = open_populated("clerk1")
    big = PDF_HEAD + b"0" * (1024 * 1024)
    with pytest.raises(ValidationError) as caught:
        AttachmentService(clerk).add(first_official(clerk), "big.pdf", big)
    assert "上限为 1 MB" in caught.value.zh
    assert count(clerk.conn, "attachments") == 0
    with pytest.raises(ValidationError):
        PolicyService(open_populated("sec1")).set(attachment_max_mb=501)


def test_a_tampered_blob_fails_its_hash(open_populated: Opener) -> None:
    clerk = open_populated("clerk1")
    added = AttachmentService(clerk).add(first_official(clerk), "a.png", png_bytes())
    with clerk.transaction() as conn:
        conn.execute("UPDATE attachments SET content = ? WHERE id = ?", (png_bytes(3, 3), added.id))
    with pytest.raises(AttachmentCorruptError) as caught:
        AttachmentService(clerk).content(added.id)
    assert "SHA-256" in caught.value.zh


def test_save_original_is_an_audited_export(open_populated: Opener, tmp_path: Path) -> None:
    clerk = open_populated("clerk1")
    content = png_bytes()
    added = AttachmentService(clerk).add(first_official(clerk), "a.png", content)
    vetting = open_populated("vet1")
    out = tmp_path / "copy.png"
    saved = save_attachment(vetting, added.id, out)
    assert out.read_bytes() == content and saved.sha256 == added.sha256
    last = audit.entries(vetting.conn)[-1]
    assert (last.action, last.user_name) == ("attachment.export", "vet1")
    assert f"attachment:{added.id}" in last.detail


def test_a_failed_save_writes_no_audit_entry(open_populated: Opener, tmp_path: Path) -> None:
    clerk = open_populated("clerk1")
    added = AttachmentService(clerk).add(first_official(clerk), "a.png", png_bytes())
    trail = audit_rows(clerk.conn)
    with pytest.raises(ExportError):
        save_attachment(clerk, added.id, tmp_path / "missing-folder" / "a.png")
    with pytest.raises(ExportError):
        save_attachment(clerk, added.id, tmp_path)
    assert audit_rows(clerk.conn) == trail


def test_withdraw_keeps_the_attachment(open_populated: Opener) -> None:
    clerk = open_populated("clerk1")
    service = AttachmentService(clerk)
    added = service.add(first_official(clerk), "a.png", png_bytes())
    with pytest.raises(ValidationError):
        service.withdraw(added.id, "  ")
    withdrawn = service.withdraw(added.id, "扫描错误,已重新上传")
    assert withdrawn.withdrawn and withdrawn.withdrawn_by == "clerk1"
    assert withdrawn.withdraw_reason == "扫描错误,已重新上传"
    [listed] = service.list(first_official(clerk))
    assert listed.withdrawn and service.content(added.id) == png_bytes()
    with pytest.raises(ConflictError):
        service.withdraw(added.id, "again")
    assert audit.entries(clerk.conn)[-3].action == "attachment.withdraw"


def test_photo_is_an_image_and_set_on_the_official(open_populated: Opener) -> None:
    clerk = open_populated("clerk1")
    oid = first_official(clerk)
    service = AttachmentService(clerk)
    assert service.photo(oid) is None
    with pytest.raises(ValidationError) as caught:
        service.set_photo(oid, "photo.pdf", PDF_HEAD)
    assert caught.value.field == "photo"
    photo = service.set_photo(oid, "photo.png", png_bytes())
    assert photo.purpose == "photo"
    assert audit.entries(clerk.conn)[-1].action == "official.photo"
    row = clerk.conn.execute("SELECT photo_attachment_id FROM officials WHERE id = ?", (oid,))
    assert row.fetchone()[0] == photo.id
    shown = service.photo(oid)
    assert shown is not None and shown[1] == png_bytes() and shown[0].id == photo.id
    service.withdraw(photo.id, "照片有误")
    assert service.photo(oid) is None


def test_administrators_and_recused_users_are_refused(open_populated: Opener) -> None:
    clerk = open_populated("clerk1")
    oid = first_official(clerk)
    added = AttachmentService(clerk).add(oid, "a.png", png_bytes())
    with pytest.raises(PermissionDeniedError):
        AttachmentService(open_populated("admin")).content(added.id)
    vetting = open_populated("vet1")
    OwnAccountService(vetting).declare_relation(oid, "表兄弟")
    with pytest.raises(RecusalError):
        AttachmentService(vetting).content(added.id)
    with pytest.raises(RecusalError):
        AttachmentService(vetting).list(oid)
    assert audit.entries(vetting.conn)[-1].outcome == audit.Outcome.REFUSED


def test_a_clues_attachment_follows_the_clue(
    open_populated: Opener, populated_path: Path, tmp_path: Path
) -> None:
    clerk = open_populated("clerk1")
    oid = first_official(clerk)
    clue = RecordService(clerk).add(
        oid,
        "clue",
        "2026-10-01",
        {"summary": "群众反映", "custodian": "clerk1", "status": "处置中"},
        source="petition",
    )
    added = AttachmentService(clerk).add(oid, "举报信.pdf", PDF_HEAD, record_id=clue.id)
    assert AttachmentService(open_populated("vet1")).content(added.id) == PDF_HEAD
    UserService(open_populated("admin")).add("clerk2", "clerk", "clerk-two-pass")
    with unlock_vault(populated_path, "clerk2", "clerk-two-pass", clock=fixed_clock) as other:
        [hidden] = AttachmentService(other).list(oid)
        assert hidden.content_hidden and hidden.file_name == "" and hidden.sha256 == ""
        with pytest.raises(AttachmentRestrictedError):
            AttachmentService(other).content(added.id)
        with pytest.raises(AttachmentRestrictedError):
            save_attachment(other, added.id, tmp_path / "x.pdf")
        last = audit.entries(other.conn)[-1]
        assert (last.action, last.outcome, last.detail) == (
            "attachment.export",
            audit.Outcome.REFUSED,
            "need-to-know",
        )
    assert not (tmp_path / "x.pdf").exists()

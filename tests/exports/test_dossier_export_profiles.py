"""Signed dossier exports from a real vault, one per profile: the right records, the right
mark, the profile in the audit trail, a signature that verifies — and never an informant."""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from crypto.kdf import FAST_COST
from exports.certificates import SigningIdentity, identity_for_vault
from exports.dossier_export import save_signed_dossier
from exports.errors import ExportError
from exports.export_profiles import PROFILES
from exports.page_furniture import classification_mark
from exports.verify import verify_pdf
from records import audit
from records.services.dossier_records import RecordService
from records.services.officials import OfficialService
from records.services.signing_identity import SigningIdentityService
from records.services.users import UserService
from records.vault import create_vault, unlock_vault

Poppler = Callable[..., str]
BEIJING = timezone(timedelta(hours=8))
NOW = datetime(2026, 11, 22, 10, 0, tzinfo=BEIJING)
PASSWORDS = {
    "admin": "admin-password-1",
    "sec1": "security-pass-2",
    "clerk1": "clerk-password-4",
    "vet1": "vetting-password-5",
}
ID_NUMBER = "110105198003150012"
INFORMANT = "举报人司马青云"
INFORMANT_CONTACT = "13800001111"
SPOUSE = "林静怡"

#: Text of a record → the profiles that print it.
RECORDS = {
    "公开的表彰事项": ("public", {"secret", "internal", "public"}),
    "内部的婚礼事项": ("internal", {"secret", "internal"}),
    "涉密的专项事项": ("secret", {"secret"}),
}
CLUE_SUMMARY = "反映其违规收受礼金的线索"
WITHDRAWN_TITLE = "误录的出国事项"
WITHDRAWN_REASON = "重复录入"


def _clock() -> datetime:
    return NOW


@pytest.fixture(scope="module")
def vault(tmp_path_factory: pytest.TempPathFactory, identity: SigningIdentity) -> Path:
    """An official with a spouse, a record of each disclosure level and a clue whose
    informant is on file (in ``clue_informants``, as the contract keeps them)."""
    path = tmp_path_factory.mktemp("profiles") / "vault"
    with create_vault(path, "admin", PASSWORDS["admin"], kdf_cost=FAST_COST, clock=_clock) as s:
        for name, role in (("sec1", "secadmin"), ("clerk1", "clerk"), ("vet1", "vetting")):
            UserService(s).add(name, role, PASSWORDS[name])
    with unlock_vault(path, "sec1", PASSWORDS["sec1"], clock=_clock) as s:
        SigningIdentityService(s).install(identity_for_vault(identity))
    with unlock_vault(path, "clerk1", PASSWORDS["clerk1"], clock=_clock) as s:
        official = OfficialService(s).add(
            {
                "name": "欧阳明远",
                "id_number": ID_NUMBER,
                "unit": "青山县财政局",
                "position": "局长",
                "rank": "正科级",
            }
        )
        OfficialService(s).add_family_member(official.id, {"relation": "配偶", "name": SPOUSE})
        records = RecordService(s)
        for title, (disclosure, _shown) in RECORDS.items():
            records.add(
                official.id,
                "major_matter",
                "2026-05-01",
                {"kind": "其他", "title": title},
                disclosure=disclosure,
            )
        clue = records.add(
            official.id,
            "clue",
            "2026-06-01",
            {"summary": CLUE_SUMMARY, "custodian": "vet1", "status": "处置中"},
            disclosure="public",  # even a clue marked 公开 stays out of the public profile
        )
        mistaken = records.add(
            official.id, "major_matter", "2026-07-01", {"kind": "其他", "title": WITHDRAWN_TITLE}
        )
        with s.transaction() as conn:
            # Set directly: this test is about the export, not the withdrawal service.
            conn.execute(
                "UPDATE records SET withdrawn_at = ?, withdrawn_by = ?, withdraw_reason = ?"
                " WHERE id = ?",
                (NOW.isoformat(), "clerk1", WITHDRAWN_REASON, mistaken.id),
            )
            conn.execute(
                "INSERT INTO clue_informants (record_id, name, contact, note) VALUES (?,?,?,?)",
                (clue.id, INFORMANT, INFORMANT_CONTACT, "要求保密"),
            )
    return path


def _official_id(path: Path) -> int:
    with unlock_vault(path, "vet1", PASSWORDS["vet1"], clock=_clock) as s:
        return int(s.conn.execute("SELECT id FROM officials").fetchone()[0])


def _text(poppler: Poppler, pdf: Path) -> str:
    return re.sub(r"\s+", "", poppler("pdftotext", pdf, "-"))


def _page_count(poppler: Poppler, pdf: Path) -> int:
    return int(re.search(r"Pages:\s+(\d+)", poppler("pdfinfo", pdf)).group(1))  # type: ignore[union-attr]


def _pdfsig(poppler: Poppler, pdf: Path, root_pem: bytes, folder: Path) -> str:
    if shutil.which("pdfsig") is None or shutil.which("certutil") is None:
        pytest.skip("pdfsig / certutil not installed (poppler-utils, libnss3-tools)")
    folder.mkdir()
    (folder / "root.pem").write_bytes(root_pem)
    for args in (
        ["-N", "--empty-password", "-d", str(folder)],
        ["-A", "-d", str(folder), "-n", "root", "-t", "CT,C,C", "-i", "root.pem"],
    ):
        subprocess.run(["certutil", *args], cwd=folder, check=True, capture_output=True)
    return poppler("pdfsig", "-nssdir", folder, pdf)


@pytest.mark.parametrize("code", list(PROFILES))
def test_signed_export_per_profile(
    vault: Path, identity: SigningIdentity, code: str, tmp_path: Path, poppler: Poppler
) -> None:
    profile = PROFILES[code]
    official_id = _official_id(vault)
    out = tmp_path / f"{code}.pdf"
    with unlock_vault(vault, "vet1", PASSWORDS["vet1"], clock=_clock) as session:
        saved = save_signed_dossier(session, official_id, out, profile=code)
        last = audit.entries(session.conn)[-1]
        assert session.verify_audit_chain().ok

    assert saved.profile == code
    assert last.action == "dossier.export"
    assert last.detail == f"{saved.document_number} profile={code}"
    result = verify_pdf(out.read_bytes(), [identity.root_cert_pem])
    assert result.ok, result.problems
    report = _pdfsig(poppler, out, identity.root_cert_pem, tmp_path / "nss")
    assert "Signature is Valid." in report and "Total document signed" in report

    text = _text(poppler, out)
    for title, (_disclosure, shown_in) in RECORDS.items():
        assert (title in text) is (code in shown_in), (code, title)
    assert (CLUE_SUMMARY in text) is (code == "secret")
    assert (WITHDRAWN_TITLE in text) is (code != "public")
    assert (f"【已撤销】撤销原因:{WITHDRAWN_REASON}" in text) is (code != "public")
    # Whistle-blower protection (004:89): never in any export.
    assert INFORMANT not in text and INFORMANT_CONTACT not in text
    assert (ID_NUMBER in text) is (code != "public")
    assert (SPOUSE in text) is (code != "public")
    mark = re.sub(r"\s+", "", classification_mark(profile.classification_label))
    pages = _page_count(poppler, out)
    for page in range(1, pages + 1):
        page_text = re.sub(r"\s+", "", poppler("pdftotext", "-f", page, "-l", page, out, "-"))
        assert mark in page_text, (code, page)
        assert "目录" in page_text or page > 1


def test_an_unknown_profile_exports_and_logs_nothing(vault: Path, tmp_path: Path) -> None:
    official_id = _official_id(vault)
    out = tmp_path / "x.pdf"
    with unlock_vault(vault, "vet1", PASSWORDS["vet1"], clock=_clock) as session:
        before = audit.entries(session.conn)[-1].seq
        with pytest.raises(ExportError, match="未知的导出版本"):
            save_signed_dossier(session, official_id, out, profile="top-secret")
        assert audit.entries(session.conn)[-1].seq == before
    assert not out.exists()

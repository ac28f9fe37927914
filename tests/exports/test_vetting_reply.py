"""The signed 党风廉政意见回复: from a real vault to a file that verifies, and its copies.

A real vault (SQLCipher, Argon2id at the fast test cost) with a real unit certificate: the
letter is rendered, certified with pyHanko and checked by our strict verifier and, as an
independent implementation, by poppler's ``pdfsig``.
"""

from __future__ import annotations

import hashlib
import re
import shutil
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from crypto.kdf import FAST_COST
from exports.certificates import SigningIdentity, identity_for_vault
from exports.errors import ExportError
from exports.verify import verify_pdf
from exports.vetting_reply import save_signed_reply
from records import audit
from records.errors import ConflictError
from records.services.dossier_records import RecordService
from records.services.officials import OfficialService
from records.services.signing_identity import SigningIdentityService
from records.services.users import UserService
from records.services.vetting import VettingService
from records.session import Session
from records.vault import create_vault, unlock_vault
from records.vetting_terms import RequestState
from tests.records.support import (
    ADMIN,
    PASSWORDS,
    business_snapshot,
    fixed_clock,
    make_id,
    official_values,
)

Poppler = Callable[..., str]
CLEAN, SANCTIONED = "林晓燕", "欧阳明远"


@pytest.fixture
def vetting(tmp_path: Path, identity: SigningIdentity) -> Iterator[tuple[Session, int]]:
    """A vetting officer's session and a request under review with two decided candidates."""
    path = tmp_path / "vault"
    with create_vault(path, ADMIN, PASSWORDS[ADMIN], kdf_cost=FAST_COST, clock=fixed_clock) as s:
        for name, role in (("sec1", "secadmin"), ("clerk1", "clerk"), ("vet1", "vetting")):
            UserService(s).add(name, role, PASSWORDS[name])
    with unlock_vault(path, "sec1", PASSWORDS["sec1"], clock=fixed_clock) as s:
        SigningIdentityService(s).install(identity_for_vault(identity))
    with unlock_vault(path, "clerk1", PASSWORDS["clerk1"], clock=fixed_clock) as s:
        officials = OfficialService(s)
        clean = officials.add(
            official_values(name=CLEAN, id_number=make_id("31010419751102002"))
        ).id
        sanctioned = officials.add(official_values(name=SANCTIONED)).id
        RecordService(s).add(
            sanctioned, "sanction", "2026-03-01",
            {"system": "党纪处分", "kind": "警告", "decision_number": "青纪发〔2026〕3号"},
        )  # fmt: skip
    with unlock_vault(path, "vet1", PASSWORDS["vet1"], clock=fixed_clock) as session:
        service = VettingService(session)
        request = service.create(
            "青组函〔2026〕12号", "2026-11-20", "中共青山县委组织部", "拟提拔", [clean, sanctioned]
        )
        service.decide(request.id, clean, confirm=True)
        service.decide(
            request.id, sanctioned, category=6, justification="经集体研究,认为不宜提拔使用"
        )
        service.submit(request.id)
        yield session, request.id


def _nss_db(directory: Path, root_pem: bytes) -> Path:
    if shutil.which("certutil") is None:
        pytest.skip("certutil is not installed (Debian: libnss3-tools)")
    directory.mkdir()
    (directory / "root.pem").write_bytes(root_pem)
    for args in (
        ["-N", "--empty-password", "-d", str(directory)],
        ["-A", "-d", str(directory), "-n", "root", "-t", "CT,C,C", "-i", "root.pem"],
    ):
        subprocess.run(["certutil", *args], cwd=directory, check=True, capture_output=True)
    return directory


def test_the_reply_verifies_and_is_filed_in_every_dossier(
    vetting: tuple[Session, int], identity: SigningIdentity, tmp_path: Path, poppler: Poppler
) -> None:
    session, request_id = vetting
    out = tmp_path / "reply.pdf"

    saved = save_signed_reply(session, request_id, out)

    data = out.read_bytes()
    assert saved.sha256 == hashlib.sha256(data).hexdigest() and not saved.reissued
    result = verify_pdf(data, [identity.root_cert_pem])
    assert result.ok and result.certification and result.covers_whole_file, result.problems
    report = poppler("pdfsig", "-nssdir", _nss_db(tmp_path / "nss", identity.root_cert_pem), out)
    assert "Signature is Valid." in report and "Total document signed" in report
    assert "Certificate is Trusted." in report
    text = re.sub(r"\s+", "", poppler("pdftotext", out, "-"))
    assert "党风廉政意见的反馈" in text and "2名同志" in text
    assert CLEAN in text and SANCTIONED in text and "青组函〔2026〕12号" in text
    assert "经集体研究" in text  # the override's justification is printed with who decided
    head = audit.entries(session.conn)[-1]
    assert head.action == "vetting.reply" and head.entry_hash[:16] in text

    request = VettingService(session).detail(request_id).request
    assert request.state is RequestState.REPLIED
    assert request.reply_sha256 == saved.sha256
    assert request.reply_document_number == saved.document_number
    copies = [RecordService(session).get(record_id) for record_id in saved.record_ids]
    assert sorted(c.official_id for c in copies) == sorted(request.candidate_ids)
    for copy in copies:
        assert copy.type == "vetting_reply"
        assert saved.sha256 in copy.fields.values()


def test_issuing_again_writes_the_same_signed_letter(
    vetting: tuple[Session, int], tmp_path: Path
) -> None:
    session, request_id = vetting
    first = save_signed_reply(session, request_id, tmp_path / "first.pdf")
    before = business_snapshot(session.conn)

    again = save_signed_reply(session, request_id, tmp_path / "again.pdf")

    assert again.reissued and again.record_ids == ()
    assert (tmp_path / "again.pdf").read_bytes() == (tmp_path / "first.pdf").read_bytes()
    assert again.sha256 == first.sha256
    assert business_snapshot(session.conn) == before


def test_a_failed_write_leaves_the_request_under_review(
    vetting: tuple[Session, int], tmp_path: Path
) -> None:
    session, request_id = vetting
    before, trail = business_snapshot(session.conn), len(audit.entries(session.conn))
    blocked = tmp_path / "no-such-folder" / "reply.pdf"

    with pytest.raises(ExportError) as caught:
        save_signed_reply(session, request_id, blocked)

    assert "无法写入文件" in caught.value.zh
    assert business_snapshot(session.conn) == before
    assert len(audit.entries(session.conn)) == trail
    assert VettingService(session).detail(request_id).request.state is RequestState.REVIEWING


def test_a_draft_gets_no_reply(tmp_path: Path, vetting: tuple[Session, int]) -> None:
    session, request_id = vetting
    service = VettingService(session)
    draft = service.create(
        "青组函〔2026〕13号", "2026-11-21", "中共青山县委组织部", "后备干部",
        list(service.detail(request_id).request.candidate_ids),
    )  # fmt: skip
    before = business_snapshot(session.conn)

    with pytest.raises(ConflictError):
        save_signed_reply(session, draft.id, tmp_path / "draft.pdf")

    assert not (tmp_path / "draft.pdf").exists()
    assert business_snapshot(session.conn) == before

"""The dossier PDF's sections beyond the records, from a real vault: positions, annual and
change reports, checks and the list of attachments — each in the table of contents, each
readable with ``pdftotext``, each in the profiles it belongs to; the signed file verifies."""

from __future__ import annotations

import hashlib
import re
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from crypto.kdf import FAST_COST
from exports.certificates import SigningIdentity, identity_for_vault
from exports.dossier_export import save_signed_dossier
from exports.dossier_pdf import render_dossier_pdf
from exports.export_profiles import FULL
from exports.pdf_text import chinese_ordinal
from exports.stamp import ExportStamp
from exports.verify import verify_pdf
from records import audit
from records.errors import PermissionDeniedError
from records.model import Dossier
from records.services.annual_reports import AnnualReportService
from records.services.attachments import AttachmentService
from records.services.checks import CheckService
from records.services.dossier_records import RecordService
from records.services.dossier_sections import INFORMANT_MASK, DossierSections, gather_sections
from records.services.officials import OfficialService
from records.services.own_account import OwnAccountService
from records.services.positions import PositionService
from records.services.signing_identity import SigningIdentityService
from records.services.users import UserService
from records.vault import create_vault, unlock_vault
from tests.exports.conftest import OFFICIAL
from tests.records.attachment_support import PDF_HEAD, png_bytes
from tests.records.check_support import FLAT, FLAT2, MARRIED, file_report
from tests.records.support import ADMIN, fixed_clock, official_values

Poppler = Callable[..., str]
PASSWORDS = {
    ADMIN: "admin-password-1",
    "sec1": "security-pass-2",
    "clerk1": "clerk-password-4",
    "clerk2": "clerk-password-6",
    "vet1": "vetting-password-5",
    "vet2": "vetting-password-7",
}

CURRENT_UNIT, CURRENT_POST = "青山县财政局", "局长"
EARLIER_UNIT, EARLIER_POST = "青山县审计局", "副局长"
POSITION_NOTE = "因工作需要调任"
EMPLOYER = "青山县第一中学"
CHANGED_EMPLOYER = "青山县人民医院"
CHECK_REASON = "拟提拔为副县级领导干部人选"
HANDLING_NOTE = "经部务会研究决定"
INFORMANT, INFORMANT_PHONE = "司马青云", "13800001111"

PUBLIC_SCAN = "表彰决定扫描件.pdf"
SECRET_SCAN = "专项调查材料.pdf"
CLUE_SCAN = f"举报信-{INFORMANT}.pdf"
DOSSIER_SCAN = "干部任免审批表.pdf"
WITHDRAWN_SCAN = "误传的扫描件.pdf"
WITHDRAWN_REASON = "上传错误"


CHANGE_NOTE = "配偶调入县国有企业"
MISTAKEN_EMPLOYER = "误登的单位名称"
CHANGE_WITHDRAW_REASON = "登记有误"


def _content(tag: str) -> bytes:
    return PDF_HEAD + tag.encode()


def _sha(tag: str) -> str:
    return hashlib.sha256(_content(tag)).hexdigest()


def build_vault(path: Path, identity: SigningIdentity) -> int:
    """An official with two posts, two submitted reports and a draft, a late change report,
    a completed check that found 瞒报, and attachments of every kind; returns the id."""
    with create_vault(path, ADMIN, PASSWORDS[ADMIN], kdf_cost=FAST_COST, clock=fixed_clock) as s:
        for name, role in (
            ("sec1", "secadmin"), ("clerk1", "clerk"), ("clerk2", "clerk"),
            ("vet1", "vetting"), ("vet2", "vetting"),
        ):  # fmt: skip
            UserService(s).add(name, role, PASSWORDS[name])
    with unlock_vault(path, "sec1", PASSWORDS["sec1"], clock=fixed_clock) as s:
        SigningIdentityService(s).install(identity_for_vault(identity))
    with unlock_vault(path, "clerk1", PASSWORDS["clerk1"], clock=fixed_clock) as s:
        official_id = OfficialService(s).add(official_values()).id
        positions = PositionService(s)
        earlier = positions.add(
            official_id, EARLIER_UNIT, EARLIER_POST, "副科级", "2016-03-01", note=POSITION_NOTE
        )
        positions.end(earlier.id, "2021-06-30")
        positions.add(official_id, CURRENT_UNIT, CURRENT_POST, "正科级", "2021-07-01")

        spouse_job = {"person": "林静", "relation": "配偶", "employer": EMPLOYER, "post": "教师"}
        file_report(s, official_id, 2024, {"real_estate": [FLAT]}, submitted="2025-01-20")
        file_report(
            s, official_id, 2025,
            {"real_estate": [FLAT], "family_employment": [spouse_job]},
            submitted="2026-02-10",  # 10 days after 1月31日
        )  # fmt: skip
        reports = AnnualReportService(s)
        reports.start(official_id, 2026)  # a draft
        reports.add_change(
            official_id, "family_employment", "2026-03-01", "2026-05-01",
            [{**spouse_job, "employer": CHANGED_EMPLOYER}], note=CHANGE_NOTE,
        )  # fmt: skip
        mistaken = reports.add_change(
            official_id, "family_employment", "2026-04-01", "2026-06-20",
            [{**spouse_job, "employer": MISTAKEN_EMPLOYER}],
        )  # fmt: skip
        reports.withdraw_change(mistaken.id, CHANGE_WITHDRAW_REASON)

        checks = CheckService(s)
        check = checks.new(official_id, 2025, "targeted", reason=CHECK_REASON,
                           opened_date="2026-06-01")  # fmt: skip
        checks.record_verified(check.id, "marriage", [MARRIED])
        checks.record_verified(check.id, "real_estate", [FLAT, FLAT2])
        checks.complete(check.id, "2026-07-01")
        checks.decide(check.id, "诫勉", HANDLING_NOTE, decided_date="2026-07-10")

        records = RecordService(s)
        public = records.add(
            official_id, "commendation", "2026-04-01", {"title": "优秀共产党员"},
            disclosure="public",
        )  # fmt: skip
        secret = records.add(
            official_id, "major_matter", "2026-05-01", {"kind": "其他", "title": "专项事项"},
            disclosure="secret",
        )  # fmt: skip
        clue = records.add(
            official_id, "clue", "2026-06-01",
            {"summary": "反映其违规收受礼金", "custodian": "clerk1", "status": "处置中"},
            informant_name=INFORMANT, informant_contact=INFORMANT_PHONE,
        )  # fmt: skip
        attachments = AttachmentService(s)
        attachments.add(official_id, PUBLIC_SCAN, _content("public"), record_id=public.id)
        attachments.add(official_id, SECRET_SCAN, _content("secret"), record_id=secret.id)
        attachments.add(official_id, CLUE_SCAN, _content("clue"), record_id=clue.id)
        attachments.add(official_id, DOSSIER_SCAN, _content("dossier"))
        attachments.set_photo(official_id, "照片.png", png_bytes())
        mistaken = attachments.add(
            official_id, WITHDRAWN_SCAN, _content("withdrawn"), record_id=public.id
        )
        attachments.withdraw(mistaken.id, WITHDRAWN_REASON)
    with unlock_vault(path, "vet2", PASSWORDS["vet2"], clock=fixed_clock) as s:
        OwnAccountService(s).declare_relation(official_id, "配偶之兄")
    return official_id


@pytest.fixture(scope="module")
def vault(tmp_path_factory: pytest.TempPathFactory, identity: SigningIdentity) -> Path:
    path = tmp_path_factory.mktemp("sections") / "vault"
    build_vault(path, identity)
    return path


@pytest.fixture(scope="module")
def exports(
    vault: Path, identity: SigningIdentity, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, Path]:
    """One signed export per profile (each checked against the audit trail)."""
    folder = tmp_path_factory.mktemp("sections-out")
    done: dict[str, Path] = {}
    with unlock_vault(vault, "vet1", PASSWORDS["vet1"], clock=fixed_clock) as session:
        official_id = int(session.conn.execute("SELECT id FROM officials").fetchone()[0])
        for code in ("secret", "internal", "public"):
            before = len(audit.entries(session.conn))
            saved = save_signed_dossier(session, official_id, folder / f"{code}.pdf", profile=code)
            trail = audit.entries(session.conn)
            # One audited action: the sections are read inside it, not logged on their own.
            assert len(trail) == before + 1
            assert (trail[-1].action, trail[-1].detail) == (
                "dossier.export", f"{saved.document_number} profile={code}"
            )  # fmt: skip
            done[code] = saved.path
        assert session.verify_audit_chain().ok
    return done


def _flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _text(poppler: Poppler, pdf: Path) -> str:
    return _flat(poppler("pdftotext", pdf, "-"))


def _toc(poppler: Poppler, pdf: Path) -> list[tuple[str, int]]:
    """The entries of the table of contents on page 1: ``(title, page)``."""
    first = poppler("pdftotext", "-f", "1", "-l", "1", pdf, "-")
    # One line per entry: "三、任职经历 . . . . 2" (see test_export_profiles).
    entries = re.findall(r"^[一二三四五六七八九十]+、(\S+?)[ .]+ (\d+)$", first, re.MULTILINE)
    return [(title, int(page)) for title, page in entries]


SECTIONS = ("任职经历", "个人有关事项年度报告", "事项变化报告", "个人有关事项报告查核", "附件目录")
#: Section → the profiles that carry it.
CARRIED = {
    "任职经历": {"secret", "internal", "public"},
    "个人有关事项年度报告": {"secret", "internal"},
    "事项变化报告": {"secret", "internal"},
    "个人有关事项报告查核": {"secret", "internal"},
    "附件目录": {"secret", "internal", "public"},
}


@pytest.mark.parametrize("code", ["secret", "internal", "public"])
def test_each_section_is_in_the_contents_of_the_profiles_that_carry_it(
    exports: dict[str, Path], poppler: Poppler, code: str
) -> None:
    entries = _toc(poppler, exports[code])
    toc = [title for title, _page in entries]
    assert toc[:2] == ["基本信息", "家庭成员及主要社会关系"]
    for title in SECTIONS:
        assert (title in toc) is (code in CARRIED[title]), (code, title, toc)
    # The résumé comes right after the family, the attachments last.
    assert toc[2] == "任职经历" and toc[-1] == "附件目录"
    for number, (title, page) in enumerate(entries, start=1):
        # The heading (with its number) is on the page the contents give.
        text = _flat(poppler("pdftotext", "-f", page, "-l", page, exports[code], "-"))
        heading = f"{chinese_ordinal(number)}、{title}"
        # Page 1 holds the contents as well: there the heading is the second occurrence.
        assert text.count(heading) >= (2 if page == 1 else 1), (code, title, page)


def test_the_full_dossier_prints_every_section(exports: dict[str, Path], poppler: Poppler) -> None:
    text = _text(poppler, exports["secret"])
    # Positions, with the note and 至今 for the post still held.
    assert _flat(f"2016-03-01至2021-06-30{EARLIER_UNIT}{EARLIER_POST}") in text
    assert _flat(f"2021-07-01至今{CURRENT_UNIT}{CURRENT_POST}") in text
    assert POSITION_NOTE in text
    # Both submitted reports by year, with the flat's address and 无 for empty items.
    assert "2024年度" in text and "2025年度" in text
    assert "报告日期:2026-02-10(逾期10天" in text and "报告日期:2025-01-20(按时" in text
    assert FLAT["address"] in text
    assert _flat("家产3房产") in text and _flat("家事4子女涉外婚姻无") in text
    # The draft is listed, marked, without content.
    assert "2026年度【草稿】尚未报告,内容不列入" in text
    # The change report with its lateness (due 30 days after the change).
    assert CHANGED_EMPLOYER in text and "逾期31天(时限2026-03-31)" in text
    assert f"说明:{CHANGE_NOTE}" in text
    # The withdrawn one: kept, marked, with its reason; not counted.
    assert MISTAKEN_EMPLOYER in text and f"撤销理由:{CHANGE_WITHDRAW_REASON}" in text
    assert "1份(另有已撤销1份)" in text
    # The check: kind, status, reason, the 瞒报 finding with its reason, the handling.
    assert "2025年度报告重点抽查已完成" in text and CHECK_REASON in text
    assert f"瞒报未报告房产1套({FLAT2['address']})" in text
    assert "瞒报(查核2项:一致1项、瞒报1项)" in text
    assert "诫勉、不得提拔使用、不得列为后备干部人选(2026-07-10,clerk1)" in text
    assert HANDLING_NOTE in text
    # Attachments: names, hashes, the record they belong to; never an informant.
    for tag, name in (("public", PUBLIC_SCAN), ("secret", SECRET_SCAN), ("dossier", DOSSIER_SCAN)):
        assert _flat(name) in text and _sha(tag) in text
    assert _sha("clue") in text and _flat(f"举报信-{INFORMANT_MASK}.pdf") in text
    assert "本人照片" in text and "整个档案" in text and "表彰奖励2026-04-01" in text
    assert f"【已撤回】撤回原因:{WITHDRAWN_REASON}" in text and _sha("withdrawn") in text
    assert INFORMANT not in text and INFORMANT_PHONE not in text


def test_the_internal_profile_keeps_reports_and_checks_but_no_clue_or_secret_scan(
    exports: dict[str, Path], poppler: Poppler
) -> None:
    text = _text(poppler, exports["internal"])
    assert FLAT["address"] in text and "瞒报" in text and CHANGED_EMPLOYER in text
    assert POSITION_NOTE in text
    assert _sha("public") in text and _sha("dossier") in text and _sha("withdrawn") in text
    assert _sha("secret") not in text and _flat(SECRET_SCAN) not in text
    assert _sha("clue") not in text and "举报信" not in text
    assert INFORMANT not in text and INFORMANT_PHONE not in text


def test_the_public_profile_keeps_the_resume_and_leaves_reports_and_checks_out(
    exports: dict[str, Path], poppler: Poppler
) -> None:
    text = _text(poppler, exports["public"])
    assert _flat(f"2021-07-01至今{CURRENT_UNIT}{CURRENT_POST}") in text
    assert _flat(f"{EARLIER_UNIT}{EARLIER_POST}") in text
    assert POSITION_NOTE not in text  # the 任前公示 shows the posts, not the notes
    for absent in (FLAT["address"], FLAT2["address"], "瞒报", "漏报", CHECK_REASON,
                   CHANGED_EMPLOYER, EMPLOYER, "诫勉", HANDLING_NOTE, "草稿"):  # fmt: skip
        assert absent not in text, absent
    # Only the scan of the 公开 record: no dossier scan, no photo, nothing withdrawn.
    assert _sha("public") in text and _flat(PUBLIC_SCAN) in text
    for tag in ("secret", "clue", "dossier", "withdrawn"):
        assert _sha(tag) not in text, tag
    assert "本人照片" not in text and WITHDRAWN_REASON not in text
    assert INFORMANT not in text and INFORMANT_PHONE not in text


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


@pytest.mark.parametrize("code", ["secret", "public"])
def test_the_signed_export_still_verifies(
    exports: dict[str, Path],
    identity: SigningIdentity,
    poppler: Poppler,
    tmp_path: Path,
    code: str,
) -> None:
    pdf = exports[code]
    result = verify_pdf(pdf.read_bytes(), [identity.root_cert_pem])
    assert result.ok and result.certification and result.covers_whole_file, result.problems
    report = _pdfsig(poppler, pdf, identity.root_cert_pem, tmp_path / "nss")
    assert "Signature is Valid." in report and "Total document signed" in report


def test_only_the_embedded_font_is_used(exports: dict[str, Path], poppler: Poppler) -> None:
    fonts = poppler("pdffonts", exports["secret"]).splitlines()[2:]
    assert fonts and all(" yes " in line for line in fonts), fonts  # every font embedded


def test_a_clue_scan_is_gathered_only_for_who_may_read_the_clue(vault: Path) -> None:
    """Need-to-know (003:97) as for records: the custodian and vetting see the scan, another
    clerk does not even see that it exists; the informant is masked in the file name."""
    seen: dict[str, set[str]] = {}
    for user in ("clerk1", "clerk2", "vet1"):
        with unlock_vault(vault, user, PASSWORDS[user], clock=fixed_clock) as session:
            official_id = int(session.conn.execute("SELECT id FROM officials").fetchone()[0])
            before = len(audit.entries(session.conn))
            sections = gather_sections(session, official_id)
            assert len(audit.entries(session.conn)) == before  # read unaudited, inside a grant
            seen[user] = {a.sha256 for a in sections.attachments}
            names = [a.file_name for a in sections.attachments]
            assert all(INFORMANT not in n and INFORMANT_PHONE not in n for n in names)
            assert [p.unit for p in sections.positions] == [EARLIER_UNIT, CURRENT_UNIT]
            assert [r.year for r in sections.reports] == [2024, 2025, 2026]
            assert [c.year for c in sections.checks] == [2025]
    assert _sha("clue") in seen["clerk1"] and _sha("clue") in seen["vet1"]
    assert seen["clerk2"] == seen["vet1"] - {_sha("clue")}


def test_a_recused_officer_cannot_export(vault: Path, tmp_path: Path) -> None:
    out = tmp_path / "recused.pdf"
    with unlock_vault(vault, "vet2", PASSWORDS["vet2"], clock=fixed_clock) as session:
        official_id = int(session.conn.execute("SELECT id FROM officials").fetchone()[0])
        with pytest.raises(PermissionDeniedError):
            save_signed_dossier(session, official_id, out, profile="secret")
        last = audit.entries(session.conn)[-1]
    assert (last.action, last.outcome) == ("dossier.export", audit.Outcome.REFUSED)
    assert not out.exists()


def test_an_official_with_nothing_filed_gets_every_section_with_none(
    stamp: ExportStamp, tmp_path: Path, poppler: Poppler
) -> None:
    """Gathered but empty: each section says 无 (not gathered at all, they are left out)."""
    pdf = tmp_path / "empty.pdf"
    pdf.write_bytes(render_dossier_pdf(Dossier(OFFICIAL), stamp, FULL, DossierSections()))
    text = _text(poppler, pdf)
    titles = [*SECTIONS[:-1], "档案记录", "附件目录"]
    for number, title in enumerate(titles, start=3):
        heading = f"{chinese_ordinal(number)}、{title}"
        # Listed in the contents and printed as a heading, with no count after it.
        assert text.count(heading) == 2 and f"{heading}(" not in text, title
    # 无 under the family and under each of those sections (the watermark's characters
    # interleave with the text, so the words are counted rather than read in order).
    assert text.count("无") == 1 + len(titles)
    toc = [title for title, _page in _toc(poppler, pdf)]
    assert toc == ["基本信息", "家庭成员及主要社会关系", *SECTIONS[:-1], "档案记录", "附件目录"]

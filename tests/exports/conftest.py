"""Shared fixtures of the export tests: a small dossier, a long one, signing identities.

Identities are session-scoped: RSA-3072 key generation is the slowest step of the suite.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from exports.certificates import SigningIdentity, create_unit_identity
from exports.dossier_pdf import render_dossier_pdf
from exports.signing import sign_pdf
from exports.stamp import ExportStamp
from records.model import Disclosure, Dossier, FamilyMember, Official, Record, Source

UNIT = "某某市纪委监委"
OTHER_UNIT = "另一县纪委监委"
BEIJING = timezone(timedelta(hours=8))
LONG_DETAIL = (
    "2025年3月,本人配偶李四在某某市某某区购置商品住房一套,建筑面积120平方米,"
    "总价人民币三百二十万元,其中首付九十六万元来源于家庭工资积蓄,其余通过住房公积金"
    "及商业银行贷款解决。"
) * 12 + "金额 < 500 & 说明 > 无。"


def make_record(record_id: int, **fields: object) -> Record:
    return Record(
        id=record_id,
        official_id=1,
        type="major_matter",
        record_date=date(2025, 1, 1) + timedelta(days=record_id),
        fields=dict(fields) or {"title": f"重大事项第{record_id}项", "detail": "无异常。"},
        source=Source.SELF,
        disclosure=Disclosure.INTERNAL,
        created_by="clerk1",
        created_at=datetime(2025, 6, 1, 9, 0, tzinfo=BEIJING),
    )


OFFICIAL = Official(
    id=1,
    name="张三",
    id_number="110101197001011237",
    gender="男",
    birth_date=date(1970, 1, 1),
    unit="某某市某某区财政局",
    position="副局长",
    rank="四级调研员",
    ethnicity="汉族",
    native_place="山东济南",
    political_status="中共党员",
    party_join_date=date(1995, 7, 1),
    education="大学本科",
    category=1,
    is_leading=True,
)
SPOUSE = FamilyMember(
    id=1,
    official_id=1,
    relation="配偶",
    name="李四",
    birth_date=date(1972, 5, 3),
    employer="某某市第一中学",
    post="教师",
    political_status="群众",
)


@pytest.fixture(scope="session")
def unit() -> str:
    """The unit of :func:`identity`."""
    return UNIT


@pytest.fixture(scope="session")
def official() -> Official:
    return OFFICIAL


@pytest.fixture(scope="session")
def record_factory() -> Callable[..., Record]:
    """``record_factory(id, **fields)``: a major-matter record (default fields if none)."""
    return make_record


@pytest.fixture()
def dossier() -> Dossier:
    """张三 with a spouse and two major-matter reports, one of them long."""
    return Dossier(
        official=OFFICIAL,
        family=(SPOUSE,),
        records=(
            make_record(1, title="配偶购置房产", detail=LONG_DETAIL),
            make_record(2, title="本人因私出国(境)", detail="2025年8月赴新加坡探亲七天。"),
        ),
    )


@pytest.fixture()
def long_dossier() -> Dossier:
    """40 records (one of 5,000 characters): several pages."""
    records = [make_record(i) for i in range(1, 40)]
    records.append(make_record(40, title="超长说明", detail="长" * 5000))
    return Dossier(official=OFFICIAL, family=(SPOUSE,), records=tuple(records))


@pytest.fixture()
def stamp() -> ExportStamp:
    return ExportStamp(
        document_number="LD-20261122-0007",
        classification="涉密",
        exported_by="王审核 (vetting1)",
        exported_at=datetime(2026, 11, 22, 10, 30, tzinfo=BEIJING),
        audit_head="9f" * 32,
    )


@pytest.fixture(scope="session")
def identity() -> SigningIdentity:
    return create_unit_identity(UNIT)


@pytest.fixture(scope="session")
def other_identity() -> SigningIdentity:
    return create_unit_identity(OTHER_UNIT)


@pytest.fixture(scope="session")
def expired_identity() -> SigningIdentity:
    """Issued in 2000: the signing certificate expired in 2005."""
    return create_unit_identity(UNIT, now=datetime(2000, 1, 1, tzinfo=UTC))


@pytest.fixture(scope="session")
def signed_pdf(identity: SigningIdentity) -> bytes:
    stamp = ExportStamp("LD-20261122-0001", "内部", "王审核 (vetting1)", datetime.now(UTC))
    dossier = Dossier(official=OFFICIAL, family=(SPOUSE,), records=(make_record(1),))
    return sign_pdf(render_dossier_pdf(dossier, stamp), identity, signer_name="王审核")


@pytest.fixture()
def poppler() -> Callable[..., str]:
    """Run a poppler-utils tool (``pdftotext``, ``pdffonts``, ``pdfsig``) and return stdout."""

    def run(tool: str, *args: str | Path) -> str:
        if shutil.which(tool) is None:
            pytest.skip(f"{tool} is not installed (Debian package poppler-utils)")
        done = subprocess.run(
            [tool, *map(str, args)], capture_output=True, text=True, timeout=60, check=False
        )
        # pdfsig exits non-zero for an invalid signature; the caller reads the verdict.
        return done.stdout + done.stderr

    return run

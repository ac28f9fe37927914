"""Export profiles: 涉密 / 内部 / 公开 carry the right records, masks and marks; the table of
contents lists every section with the page it starts on."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from exports.dossier_pdf import WITHDRAWN_MARK, render_dossier_pdf
from exports.export_profiles import (
    FAMILY_OMITTED,
    FULL,
    INTERNAL,
    PROFILES,
    PUBLIC,
    ExportProfile,
    apply_profile,
    birth_month_text,
    mask_id_number,
    profile_by_code,
)
from exports.page_furniture import classification_mark
from exports.stamp import ExportStamp
from records.model import Disclosure, Dossier, Record
from tests.exports.conftest import OFFICIAL, SPOUSE, make_record

Poppler = Callable[..., str]


def withdrawn(record: Record, reason: str) -> Record:
    return replace(record, withdrawn=True, withdraw_reason=reason, withdrawn_by="clerk1")


def _record(record_id: int, title: str, disclosure: Disclosure) -> Record:
    return replace(make_record(record_id, title=title, detail="详情"), disclosure=disclosure)


def _clue(record_id: int, summary: str, disclosure: Disclosure) -> Record:
    fields = {"summary": summary, "custodian": "vet1", "status": "待处置"}
    return replace(make_record(record_id), type="clue", fields=fields, disclosure=disclosure)


PUBLIC_TEXT = "公开事项甲"
INTERNAL_TEXT = "内部事项乙"
SECRET_TEXT = "涉密事项丙"
CLUE_TEXT = "线索内容丁"
PUBLIC_CLUE_TEXT = "公开线索戊"
WITHDRAWN_TEXT = "撤销事项己"
WITHDRAWN_REASON = "录入错误重复登记"
WITHDRAWN_PUBLIC_TEXT = "撤销公开庚"

#: What each profile must print (True) or leave out (False).
EXPECTED: dict[str, dict[str, bool]] = {
    "secret": {
        PUBLIC_TEXT: True,
        INTERNAL_TEXT: True,
        SECRET_TEXT: True,
        CLUE_TEXT: True,
        PUBLIC_CLUE_TEXT: True,
        WITHDRAWN_TEXT: True,
        WITHDRAWN_PUBLIC_TEXT: True,
    },
    "internal": {
        PUBLIC_TEXT: True,
        INTERNAL_TEXT: True,
        SECRET_TEXT: False,
        CLUE_TEXT: False,
        PUBLIC_CLUE_TEXT: False,
        WITHDRAWN_TEXT: True,
        WITHDRAWN_PUBLIC_TEXT: True,
    },
    "public": {
        PUBLIC_TEXT: True,
        INTERNAL_TEXT: False,
        SECRET_TEXT: False,
        CLUE_TEXT: False,
        PUBLIC_CLUE_TEXT: False,
        WITHDRAWN_TEXT: False,
        WITHDRAWN_PUBLIC_TEXT: False,
    },
}


@pytest.fixture()
def mixed() -> Dossier:
    return Dossier(
        official=OFFICIAL,
        family=(SPOUSE,),
        records=(
            _record(1, PUBLIC_TEXT, Disclosure.PUBLIC),
            _record(2, INTERNAL_TEXT, Disclosure.INTERNAL),
            _record(3, SECRET_TEXT, Disclosure.SECRET),
            _clue(4, CLUE_TEXT, Disclosure.INTERNAL),
            _clue(5, PUBLIC_CLUE_TEXT, Disclosure.PUBLIC),
            withdrawn(_record(6, WITHDRAWN_TEXT, Disclosure.INTERNAL), WITHDRAWN_REASON),
            withdrawn(_record(7, WITHDRAWN_PUBLIC_TEXT, Disclosure.PUBLIC), WITHDRAWN_REASON),
        ),
    )


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _pages(pdf: bytes, tmp_path: Path, poppler: Poppler) -> list[str]:
    path = tmp_path / "dossier.pdf"
    path.write_bytes(pdf)
    count = int(re.search(r"Pages:\s+(\d+)", poppler("pdfinfo", path)).group(1))  # type: ignore[union-attr]
    return [_squash(poppler("pdftotext", "-f", n, "-l", n, path, "-")) for n in range(1, count + 1)]


def _render(dossier: Dossier, stamp: ExportStamp, profile: ExportProfile) -> bytes:
    return render_dossier_pdf(
        dossier, replace(stamp, classification=profile.classification_label), profile
    )


# ---- the profiles as data ------------------------------------------------------------------


def test_profiles_are_the_three_of_the_issue() -> None:
    assert list(PROFILES) == ["secret", "internal", "public"]
    assert [p.classification_label for p in PROFILES.values()] == ["涉密", "内部", "公开"]
    assert FULL.includes == frozenset(Disclosure)
    assert INTERNAL.includes == {Disclosure.PUBLIC, Disclosure.INTERNAL}
    assert PUBLIC.includes == {Disclosure.PUBLIC}
    assert profile_by_code("public") is PUBLIC
    with pytest.raises(ValueError, match="unknown export profile"):
        profile_by_code("top-secret")


@pytest.mark.parametrize("code", list(PROFILES))
def test_each_profile_keeps_the_right_records(mixed: Dossier, code: str) -> None:
    kept = apply_profile(mixed, PROFILES[code])
    titles = {str(r.fields.get("title") or r.fields.get("summary")) for r in kept.records}
    assert titles == {text for text, shown in EXPECTED[code].items() if shown}
    assert kept.family == ((SPOUSE,) if code != "public" else ())


def test_masking_of_the_public_profile() -> None:
    assert mask_id_number("110101197001011237") == "**************1237"
    assert mask_id_number("123") == "***"
    assert birth_month_text(date(1970, 1, 1)) == "1970年01月"


# ---- the rendered PDF ----------------------------------------------------------------------


@pytest.mark.parametrize("code", list(PROFILES))
def test_each_profile_prints_only_its_records_and_its_mark_on_every_page(
    mixed: Dossier, stamp: ExportStamp, code: str, tmp_path: Path, poppler: Poppler
) -> None:
    profile = PROFILES[code]
    pages = _pages(_render(mixed, stamp, profile), tmp_path, poppler)
    text = "".join(pages)

    for expected, shown in EXPECTED[code].items():
        assert (expected in text) is shown, (code, expected)
    mark = _squash(classification_mark(profile.classification_label))
    for page in pages:
        assert mark in page
    assert profile.label_zh in text
    if code == "public":
        assert all("★" not in page for page in pages)
    if EXPECTED[code][WITHDRAWN_TEXT]:
        assert text.count(f"【{WITHDRAWN_MARK}】撤销原因:{WITHDRAWN_REASON}(clerk1撤销)") == 2
    else:
        assert WITHDRAWN_MARK not in text and WITHDRAWN_REASON not in text


def test_public_profile_masks_identity_and_leaves_out_the_family(
    mixed: Dossier, stamp: ExportStamp, tmp_path: Path, poppler: Poppler
) -> None:
    text = "".join(_pages(_render(mixed, stamp, PUBLIC), tmp_path, poppler))

    assert OFFICIAL.id_number not in text
    assert "**************1237" in text
    assert "1970年01月" in text and "1970-01-01" not in text
    assert SPOUSE.name not in text and SPOUSE.employer not in text
    assert _squash(FAMILY_OMITTED) in text
    # The public profile prints no clue at all, not even that one exists.
    assert "问题线索" not in text


def test_internal_profile_keeps_identity_and_family(
    mixed: Dossier, stamp: ExportStamp, tmp_path: Path, poppler: Poppler
) -> None:
    text = "".join(_pages(_render(mixed, stamp, INTERNAL), tmp_path, poppler))

    assert OFFICIAL.id_number in text and "1970-01-01" in text
    assert SPOUSE.name in text
    assert "问题线索" not in text  # clues leave the vault only in the full dossier


def test_the_table_of_contents_gives_each_section_its_page(
    stamp: ExportStamp, tmp_path: Path, poppler: Poppler
) -> None:
    # Long records push the later sections onto later pages.
    records = [
        *(make_record(i, title=f"事项{i}", detail="长" * 1500) for i in range(1, 6)),
        _clue(6, CLUE_TEXT, Disclosure.SECRET),
    ]
    dossier = Dossier(OFFICIAL, (SPOUSE,), tuple(records))
    pages = _pages(render_dossier_pdf(dossier, stamp), tmp_path, poppler)
    first = poppler("pdftotext", "-f", "1", "-l", "1", tmp_path / "dossier.pdf", "-")

    assert "目录" in pages[0]
    # One line per entry: "三、重大事项报告 . . . . 2" (the watermark's digits have lines
    # of their own, so the line is parsed before squashing).
    entries = re.findall(r"^([一二三四五六七八九十]+、\S+?)[ .]+ (\d+)$", first, re.MULTILINE)
    titles = [title for title, _page in entries]
    assert titles == [
        "一、基本信息",
        "二、家庭成员及主要社会关系",
        "三、重大事项报告",
        "四、问题线索",
    ]
    for title, page in entries:
        number = int(page)
        # Page 1 lists every title in the contents; the heading itself is on the page given.
        assert {i for i, text in enumerate(pages, start=1) if title in text} == {1, number}
        assert pages[0].count(title) == (2 if number == 1 else 1)
    assert int(entries[-1][1]) > 2

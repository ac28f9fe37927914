"""The dossier PDF: extractable Chinese text, page furniture on every page, embedded font."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import pytest

from exports.dossier_pdf import render_dossier_pdf
from exports.page_furniture import classification_mark
from exports.pdf_text import chinese_ordinal, format_field, markup
from exports.stamp import ExportStamp
from records.fields import FieldKind, FieldSpec
from records.model import Disclosure, Dossier, Official, Record
from records.record_types import RECORD_TYPES

Poppler = Callable[..., str]


def _squash(text: str) -> str:
    # pdftotext spaces Chinese text unpredictably ("第1页" vs "第 1 页"); compare without.
    return re.sub(r"\s+", "", text)


def _pages(pdf: bytes, tmp_path: Path, poppler: Poppler) -> list[str]:
    path = tmp_path / "dossier.pdf"
    path.write_bytes(pdf)
    count = int(re.search(r"Pages:\s+(\d+)", poppler("pdfinfo", path)).group(1))  # type: ignore[union-attr]
    return [_squash(poppler("pdftotext", "-f", n, "-l", n, path, "-")) for n in range(1, count + 1)]


def test_small_dossier_is_a_pdf_with_the_name_and_sections(
    dossier: Dossier, stamp: ExportStamp, tmp_path: Path, poppler: Poppler
) -> None:
    pdf = render_dossier_pdf(dossier, stamp)

    assert pdf.startswith(b"%PDF-")
    text = "".join(_pages(pdf, tmp_path, poppler))
    for expected in (
        "干部廉政档案",
        "张三",
        "基本信息",
        "公民身份号码",
        "110101197001011237",
        "家庭成员及主要社会关系",
        "李四",
        "重大事项报告",
        "配偶购置房产",
        "来源:本人报告",
        "密级:内部",
        "第1类",
    ):
        assert expected in text, expected
    # Markup characters typed by a user are printed, not interpreted.
    assert "金额<500&说明>无。" in text


def test_every_page_carries_number_classification_and_exporter(
    long_dossier: Dossier, stamp: ExportStamp, tmp_path: Path, poppler: Poppler
) -> None:
    pages = _pages(render_dossier_pdf(long_dossier, stamp), tmp_path, poppler)

    assert len(pages) >= 2
    assert "张三" in pages[0]
    for number, page in enumerate(pages, start=1):
        assert f"第{number}页/共{len(pages)}页" in page
        assert stamp.document_number in page
        assert _squash(classification_mark(stamp.classification)) in page
        assert _squash(stamp.watermark_text) in page
        assert stamp.audit_head in page
    # The 5,000-character record was split across pages rather than failing the layout.
    assert sum(page.count("长") for page in pages) >= 5000


def test_the_cjk_font_is_embedded_and_no_other_font_is_used(
    long_dossier: Dossier, stamp: ExportStamp, tmp_path: Path, poppler: Poppler
) -> None:
    path = tmp_path / "dossier.pdf"
    path.write_bytes(render_dossier_pdf(long_dossier, stamp))

    rows = poppler("pdffonts", path).splitlines()[2:]

    assert rows, "no fonts listed"
    for row in rows:
        assert "WenQuanYiMicroHei" in row
        assert row.split()[-5] == "yes", f"font not embedded: {row}"


def test_empty_dossier_prints_none_and_no_audit_head(
    official: Official, stamp: ExportStamp, tmp_path: Path, poppler: Poppler
) -> None:
    stamp = replace(stamp, audit_head="", classification="公开")

    pages = _pages(render_dossier_pdf(Dossier(official=official), stamp), tmp_path, poppler)

    assert len(pages) == 1
    assert pages[0].count("无") >= 2  # no family, no records
    assert "审计链" not in pages[0]
    assert "公开" in pages[0] and "★" not in pages[0]


def test_an_unknown_record_type_is_titled_by_its_code(
    official: Official,
    record_factory: Callable[..., Record],
    stamp: ExportStamp,
    tmp_path: Path,
    poppler: Poppler,
) -> None:
    record = replace(record_factory(1), type="future_type", fields={"amount": 12})

    text = "".join(
        _pages(render_dossier_pdf(Dossier(official, (), (record,)), stamp), tmp_path, poppler)
    )

    assert "future_type" in text
    assert "amount" in text


_SAMPLE_BY_KIND: dict[FieldKind, object] = {
    FieldKind.DATE: date(2025, 3, 1),
    FieldKind.MONEY: "1234.50",
    FieldKind.INTEGER: 7,
    FieldKind.BOOLEAN: True,
}


def _sample(spec: FieldSpec) -> object:
    if spec.kind is FieldKind.CHOICE:
        return spec.choices[0]
    return _SAMPLE_BY_KIND.get(spec.kind, f"{spec.label_zh}样例")


def test_every_registered_record_type_prints_from_its_field_table(
    official: Official,
    record_factory: Callable[..., Record],
    stamp: ExportStamp,
    tmp_path: Path,
    poppler: Poppler,
) -> None:
    # One record of every type in the registry, every field filled: a type added to
    # RECORD_TYPES prints without any change to the renderer.
    records = tuple(
        replace(
            record_factory(number),
            type=code,
            fields={spec.name: _sample(spec) for spec in rtype.fields},
            disclosure=Disclosure.SECRET,
        )
        for number, (code, rtype) in enumerate(RECORD_TYPES.items(), start=1)
    )

    text = "".join(
        _pages(render_dossier_pdf(Dossier(official, (), records), stamp), tmp_path, poppler)
    )

    for rtype in RECORD_TYPES.values():
        assert _squash(rtype.label_zh) in text, rtype.code
        for spec in rtype.fields:
            assert _squash(spec.label_zh) in text, (rtype.code, spec.name)
            if spec.kind is FieldKind.CHOICE:
                assert _squash(spec.choices[0]) in text, (rtype.code, spec.name)


def test_stamp_requires_an_aware_time() -> None:
    with pytest.raises(ValueError, match="timezone"):
        ExportStamp("LD-1", "内部", "王审核", datetime(2026, 11, 22, 10, 30))


def test_markup_escapes_and_keeps_line_breaks() -> None:
    assert markup("a<b>&c\nd\x00") == "a&lt;b&gt;&amp;c<br/>d"


@pytest.mark.parametrize(
    ("number", "expected"), [(1, "一"), (10, "十"), (12, "十二"), (40, "四十"), (99, "九十九")]
)
def test_chinese_ordinal(number: int, expected: str) -> None:
    assert chinese_ordinal(number) == expected


@pytest.mark.parametrize(
    ("value", "kind", "expected"),
    [
        ("1234567.5", FieldKind.MONEY, "1,234,567.50 元"),
        ("1e999999", FieldKind.MONEY, "1e999999"),
        ("not money", FieldKind.MONEY, "not money"),
        (True, FieldKind.BOOLEAN, "是"),
        (None, FieldKind.TEXT, "—"),
        ("  ", FieldKind.TEXT, "—"),
        (datetime(2026, 1, 2).date(), FieldKind.DATE, "2026-01-02"),
    ],
)
def test_format_field(value: object, kind: FieldKind, expected: str) -> None:
    assert format_field(value, kind) == expected

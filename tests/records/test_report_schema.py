"""The annual report's item schema: the 2017 baseline as data, validated and cached."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from records.fields import FieldKind
from records.report_schema import (
    SCHEMA_DIR,
    ReportSchemaError,
    available_versions,
    latest_version,
    load_schema,
    parse_schema,
)

FAMILY_ITEMS = [
    "marriage",
    "passport_private_travel",
    "hk_macao_taiwan",
    "child_foreign_marriage",
    "child_hmt_marriage",
    "family_emigration",
    "family_employment",
    "family_criminal",
]
PROPERTY_ITEMS = [
    "salary",
    "service_income",
    "real_estate",
    "securities",
    "business",
    "overseas_assets",
]


def baseline() -> dict[str, Any]:
    data: dict[str, Any] = json.loads((SCHEMA_DIR / "2017.json").read_text(encoding="utf-8"))
    return data


def test_the_2017_baseline_has_the_8_family_and_6_property_items() -> None:
    schema = load_schema("2017")
    assert schema.version == "2017"
    assert [i.code for i in schema.items if i.group == "家事"] == FAMILY_ITEMS
    assert [i.code for i in schema.items if i.group == "家产"] == PROPERTY_ITEMS
    assert [i.number for i in schema.items] == [*range(1, 9), *range(1, 7)]
    # 事项变化报告 applies to the 家事 items; 婚姻 and 工资 always have something to report.
    assert all(i.change_report == (i.group == "家事") for i in schema.items)
    assert {i.code for i in schema.items if not i.allow_nothing} == {"marriage", "salary"}


def test_sub_records_carry_the_fields_of_the_rules() -> None:
    schema = load_schema("2017")

    def fields(item: str, kind: str | None = None) -> dict[str, FieldKind]:
        found = schema.item(item)
        assert found is not None
        entry_kind = found.kind(kind) if kind else found.kinds[0]
        assert entry_kind is not None
        return {f.name: f.spec.kind for f in entry_kind.fields}

    flat = fields("real_estate")
    assert {k: flat[k] for k in ("owner", "address", "area", "acquired_date", "price")} == {
        "owner": FieldKind.CHOICE,
        "address": FieldKind.TEXT,
        "area": FieldKind.DECIMAL,
        "acquired_date": FieldKind.DATE,
        "price": FieldKind.MONEY,
    }
    real_estate = schema.item("real_estate")
    assert real_estate is not None
    area = real_estate.kinds[0].field("area")
    assert area is not None and area.positive and area.spec.required
    owner = real_estate.kinds[0].field("owner")
    assert owner is not None and owner.spec.choices == ("本人", "配偶", "子女", "子女配偶", "共同")
    assert {"owner", "name", "amount"} <= set(fields("securities"))
    assert {"owner", "name", "form", "role", "capital"} <= set(fields("business"))
    assert {"number", "issued_date", "custody"} <= set(
        fields("passport_private_travel", "passport")
    )
    assert {"start_date", "end_date", "destination", "purpose"} <= set(
        fields("passport_private_travel", "trip")
    )
    assert {"permit_kind", "number"} <= set(fields("hk_macao_taiwan", "permit"))
    assert {"person", "relation", "employer"} <= set(fields("family_employment"))
    assert {"person", "situation", "country"} <= set(fields("family_emigration"))
    assert {"person", "date", "charge"} <= set(fields("family_criminal"))


def test_the_loader_caches_and_picks_the_newest_version(tmp_path: Path) -> None:
    assert load_schema("2017") is load_schema("2017")
    assert latest_version() == "2017"
    shutil.copy(SCHEMA_DIR / "2017.json", tmp_path / "2017.json")
    newer = baseline()
    newer["version"] = "2024"
    (tmp_path / "2024.json").write_text(json.dumps(newer, ensure_ascii=False), encoding="utf-8")
    assert available_versions(tmp_path) == ["2017", "2024"]
    assert load_schema(directory=tmp_path).version == "2024"


def break_schema(change: str) -> dict[str, Any]:
    data = baseline()
    items = data["items"]
    if change == "duplicate item":
        items.append(dict(items[0]))
    elif change == "bad group":
        items[0]["group"] = "家务"
    elif change == "unknown kind":
        items[0]["entry_kinds"][0]["fields"][0]["kind"] = "colour"
    elif change == "choice without choices":
        items[0]["entry_kinds"][0]["fields"][0]["choices"] = []
    elif change == "unknown choice list":
        items[0]["entry_kinds"][0]["fields"][0]["choices"] = "nobody"
    elif change == "reserved kind name":
        items[0]["entry_kinds"][0]["fields"][0]["name"] = "kind"
    elif change == "not_before to nowhere":
        items[0]["entry_kinds"][0]["fields"][2]["not_before"] = "nothing"
    elif change == "positive text":
        items[0]["entry_kinds"][0]["fields"][1]["positive"] = True
    elif change == "no items":
        data["items"] = []
    elif change == "format":
        data["format"] = 2
    return data


@pytest.mark.parametrize(
    "change",
    [
        "duplicate item",
        "bad group",
        "unknown kind",
        "choice without choices",
        "unknown choice list",
        "reserved kind name",
        "not_before to nowhere",
        "positive text",
        "no items",
        "format",
    ],
)
def test_a_malformed_schema_is_refused(change: str) -> None:
    with pytest.raises(ReportSchemaError) as caught:
        parse_schema(break_schema(change), where="test.json")
    assert "test.json" in caught.value.zh


def test_a_file_whose_version_is_not_its_name_is_refused(tmp_path: Path) -> None:
    (tmp_path / "2030.json").write_text(json.dumps(baseline()), encoding="utf-8")
    with pytest.raises(ReportSchemaError, match=r"2030\.json"):
        load_schema("2030", directory=tmp_path)
    (tmp_path / "2031.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(ReportSchemaError, match="not JSON"):
        load_schema("2031", directory=tmp_path)
    with pytest.raises(ReportSchemaError):
        load_schema("1999", directory=tmp_path)

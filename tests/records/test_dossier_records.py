"""RecordService: records of a dossier (major_matter), their validation and listing."""

from __future__ import annotations

import json
from datetime import date

import pytest

from records import audit
from records.errors import NotFoundError, ValidationError
from records.model import Disclosure, Source
from records.record_types import RECORD_TYPES, labelled_fields, type_label_zh
from records.services.dossier_records import RecordService
from records.services.officials import OfficialService
from records.services.users import UserService
from records.session import Session
from tests.records.support import (
    ADMIN,
    NOW,
    PASSWORDS,
    TODAY,
    Opener,
    audit_rows,
    business_snapshot,
    official_values,
)


@pytest.fixture
def clerk(open_vault: Opener) -> Session:
    UserService(open_vault(ADMIN)).add("clerk1", "clerk", PASSWORDS["clerk1"])
    return open_vault("clerk1")


@pytest.fixture
def official_id(clerk: Session) -> int:
    return OfficialService(clerk).add(official_values()).id


def test_add_major_matter(clerk: Session, official_id: int) -> None:
    record = RecordService(clerk).add(
        official_id,
        "major_matter",
        "2026-05-01",
        {
            "kind": "操办婚丧喜庆",
            "title": " 操办婚礼 ",
            "detail": "女儿结婚,宴请亲友八桌,礼金已登记。",
        },
        source="self",
        disclosure="secret",
    )
    assert record.official_id == official_id
    assert record.type == "major_matter"
    assert record.record_date == date(2026, 5, 1)
    assert record.fields == {
        "kind": "操办婚丧喜庆",
        "title": "操办婚礼",
        "detail": "女儿结婚,宴请亲友八桌,礼金已登记。",
    }
    assert record.source is Source.SELF
    assert record.disclosure is Disclosure.SECRET
    assert record.created_by == "clerk1"
    assert record.created_at == NOW
    stored = clerk.conn.execute(
        "SELECT record_date, fields_json, source, disclosure FROM records WHERE id = ?",
        (record.id,),
    ).fetchone()
    assert stored[0] == "2026-05-01"
    assert json.loads(stored[1]) == record.fields
    assert (stored[2], stored[3]) == ("self", "secret")
    last = audit.entries(clerk.conn)[-1]
    assert (last.action, last.object, last.detail) == (
        "record.add",
        f"official:{official_id}",
        f"record:{record.id}",
    )


def test_defaults_and_optional_fields(clerk: Session, official_id: int) -> None:
    matter = {"kind": "因私出国(境)", "title": "赴新加坡探亲"}
    record = RecordService(clerk).add(official_id, "major_matter", TODAY, matter)
    assert record.record_date == TODAY  # today is allowed
    assert record.fields == matter  # an empty optional field is not stored
    assert record.source is Source.ORGANIZATION
    assert record.disclosure is Disclosure.INTERNAL


def test_list_in_date_order_and_the_dossier_has_them(clerk: Session, official_id: int) -> None:
    service = RecordService(clerk)
    late = service.add(official_id, "major_matter", "2026-09-09", {"kind": "其他", "title": "乙"})
    early = service.add(official_id, "major_matter", "2025-01-02", {"kind": "其他", "title": "甲"})
    before = len(audit_rows(clerk.conn))
    assert service.list(official_id) == [early, late]
    assert service.list(official_id, type_code="major_matter") == [early, late]
    trail = audit_rows(clerk.conn)
    assert len(trail) == before + 2
    assert trail[-1][3] == "record.list"
    assert OfficialService(clerk).dossier(official_id).records == (early, late)


def test_record_type_table() -> None:
    rtype = RECORD_TYPES["major_matter"]
    assert rtype.field("title").required
    assert type_label_zh("major_matter") == "重大事项报告"
    assert type_label_zh("retired_type") == "retired_type"
    shown = labelled_fields("major_matter", {"extra": 1, "detail": "d", "title": "t"})
    assert [(v.label_zh, v.value) for v in shown] == [
        ("事项", "t"),
        ("具体情况", "d"),
        ("extra", 1),
    ]


RECORD_ERRORS: list[tuple[dict[str, object], str, str]] = [
    ({"type_code": "no_such_type"}, "type", "未知类型"),
    ({"type_code": ""}, "type", "未知类型"),
    ({"fields": {"title": "t", "amount": "100"}}, "amount", "不是"),
    ({"fields": {"kind": "其他", "detail": "没有事项"}}, "title", "不能为空"),
    ({"fields": {"title": "没有类别"}}, "kind", "不能为空"),
    ({"fields": {"kind": "其他", "title": "   "}}, "title", "不能为空"),
    ({"fields": {"kind": "其他", "title": "长" * 101}}, "title", "100"),
    ({"fields": {"kind": "其他", "title": "t", "detail": "长" * 5001}}, "detail", "5000"),
    ({"record_date": "2026-11-23"}, "date", "不能晚于今天"),
    ({"record_date": date(2027, 1, 1)}, "date", "不能晚于今天"),
    ({"record_date": "2026-02-30"}, "date", "YYYY-MM-DD"),
    ({"record_date": "yesterday"}, "date", "YYYY-MM-DD"),
    ({"record_date": ""}, "date", "YYYY-MM-DD"),
    ({"source": "rumour"}, "source", "本人报告"),
    ({"source": "SELF"}, "source", "应为"),
    ({"disclosure": "top-secret"}, "disclosure", "涉密"),
    ({"disclosure": ""}, "disclosure", "应为"),
]


@pytest.mark.parametrize(
    ("change", "field", "reason"),
    RECORD_ERRORS,
    ids=[f"{field}-{i}" for i, (_, field, _) in enumerate(RECORD_ERRORS)],
)
def test_validation_names_the_field_and_changes_nothing(
    clerk: Session, official_id: int, change: dict[str, object], field: str, reason: str
) -> None:
    arguments: dict[str, object] = {
        "type_code": "major_matter",
        "record_date": "2026-05-01",
        "fields": {"kind": "操办婚丧喜庆", "title": "操办婚礼"},
        "source": "self",
        "disclosure": "internal",
    }
    arguments.update(change)
    service = RecordService(clerk)
    before, trail = business_snapshot(clerk.conn), audit_rows(clerk.conn)
    with pytest.raises(ValidationError) as caught:
        service.add(official_id, **arguments)  # type: ignore[arg-type]
    assert caught.value.field == field
    assert reason in caught.value.zh
    assert business_snapshot(clerk.conn) == before
    assert audit_rows(clerk.conn) == trail


def test_record_for_an_unknown_official(clerk: Session) -> None:
    before, trail = business_snapshot(clerk.conn), audit_rows(clerk.conn)
    with pytest.raises(NotFoundError):
        RecordService(clerk).add(404, "major_matter", "2026-05-01", {"kind": "其他", "title": "t"})
    with pytest.raises(NotFoundError):
        RecordService(clerk).list(404)
    assert business_snapshot(clerk.conn) == before
    assert audit_rows(clerk.conn) == trail


def test_list_with_an_unknown_type(clerk: Session, official_id: int) -> None:
    with pytest.raises(ValidationError) as caught:
        RecordService(clerk).list(official_id, type_code="no_such_type")
    assert caught.value.field == "type"

"""Every record type of DOMAIN.md §3: valid records are filed, every rule names its field."""

from __future__ import annotations

import pytest

from records.errors import ValidationError
from records.fields import FieldKind
from records.record_type_catalog import CATALOG, SANCTION_KINDS
from records.record_types import RECORD_TYPES
from records.services.dossier_records import RecordService
from records.services.officials import OfficialService
from records.services.users import UserService
from records.session import Session
from tests.records.support import ADMIN, PASSWORDS, Opener, audit_rows, business_snapshot
from tests.records.support import official_values as values_of_official

#: One valid record of each type, every field filled where the rules allow it.
VALID: dict[str, dict[str, object]] = {
    "major_matter": {
        "kind": "因私出国(境)", "title": "赴新加坡探亲", "detail": "探望女儿",
        "scale": "本人及配偶", "guests": "0", "gift_money": "0", "gift_handling": "无",
        "trip_start": "2026-07-01", "trip_end": "2026-07-10", "destination": "新加坡",
        "purpose": "探亲",
    },
    "gift": {
        "kind": "现金", "description": "春节红包", "value": "2000",
        "giver": "某企业负责人", "handling": "上交",
    },
    "pledge": {"year": "2026", "content": "严守廉洁纪律"},
    "integrity_report": {"year": "2025", "summary": "全年履行一岗双责"},
    "democratic_meeting": {
        "topic": "2025年度民主生活会", "summary": "开展批评与自我批评",
        "rectification": "加强对分管领域的监督", "rectification_deadline": "2026-12-31",
        "rectification_status": "整改中",
    },
    "talk": {"kind": "函询", "talker": "县纪委", "summary": "就反映问题函询", "reply": "如实说明"},
    "clue": {
        "summary": "群众反映其配偶经商", "custodian": "clerk1", "disposal": "初步核实",
        "status": "处置中", "conclusion": "部分属实",
    },
    "sanction": {
        "system": "党纪处分", "kind": "留党察看", "probation_years": "2",
        "decision_number": "青纪发〔2026〕3号", "decision_body": "青山县纪委", "reason": "违规收礼",
    },
    "inspection_finding": {
        "body": "巡察", "finding": "违规发放津贴", "category": "财经纪律",
        "rectification": "清退津贴", "rectification_deadline": "2026-12-31",
        "rectification_status": "未整改",
    },
    "appraisal": {"year": "2025", "grade": "称职", "votes_total": "30", "votes_incompetent": "10"},
    "commendation": {"title": "优秀共产党员", "body": "青山县委", "level": "县级"},
    "vetting_reply": {
        "category": "第3类:收到线索,已谈话提醒、批评教育,或已处分且已过影响期,不持异议",
        "request_number": "青组函〔2026〕12号", "request_date": "2026-09-20",
        "requesting_unit": "中共青山县委组织部", "purpose": "拟提拔",
        "reasons": "问题线索(记录#3)经核查部分属实,已了结", "decision": "改定",
        "justification": "已诫勉谈话", "decided_by": "王审核 (vet1)",
        "document_number": "LD-VET-20261001-000001", "signed_sha256": "ab" * 32,
    },
}  # fmt: skip


@pytest.fixture
def clerk(open_vault: Opener) -> Session:
    UserService(open_vault(ADMIN)).add("clerk1", "clerk", PASSWORDS["clerk1"])
    return open_vault("clerk1")


@pytest.fixture
def official_id(clerk: Session) -> int:
    return OfficialService(clerk).add(values_of_official()).id


def test_every_contract_type_is_registered_with_labels() -> None:
    assert set(RECORD_TYPES) >= set(VALID)
    assert [t.code for t in CATALOG] == list(VALID)
    for rtype in CATALOG:
        assert rtype.label_zh and rtype.label_en
        for spec in rtype.fields:
            assert spec.label_zh and spec.label_en, (rtype.code, spec.name)
            assert (spec.kind is FieldKind.CHOICE) == bool(spec.choices), spec.name
    assert RECORD_TYPES["gift"].field("value").kind is FieldKind.MONEY
    assert RECORD_TYPES["major_matter"].field("gift_money").kind is FieldKind.MONEY
    assert RECORD_TYPES["major_matter"].field("trip_end").kind is FieldKind.DATE
    assert RECORD_TYPES["appraisal"].field("votes_total").kind is FieldKind.INTEGER
    assert RECORD_TYPES["gift"].field("giver_withheld").kind is FieldKind.BOOLEAN
    sanction_kinds = RECORD_TYPES["sanction"].field("kind").choices
    assert set(sanction_kinds) == {k for kinds in SANCTION_KINDS.values() for k in kinds}
    assert len(sanction_kinds) == 15  # 警告 is in two systems, listed once
    summaries = {t.code: t.summary_field.name for t in CATALOG}
    assert summaries["major_matter"] == "title" and summaries["gift"] == "description"
    assert summaries["sanction"] == "kind" and summaries["clue"] == "summary"


@pytest.mark.parametrize("code", list(VALID))
def test_every_type_is_filed_with_valid_fields(clerk: Session, official_id: int, code: str) -> None:
    record = RecordService(clerk).add(official_id, code, "2026-10-01", VALID[code])
    rtype = RECORD_TYPES[code]
    assert set(record.fields) == set(VALID[code])
    for name, value in record.fields.items():
        kind = rtype.field(name).kind
        assert isinstance(value, int if kind is FieldKind.INTEGER else str), (name, value)
    assert record.version == 1 and not record.withdrawn
    assert RecordService(clerk).list(official_id, type_code=code) == [record]


REQUIRED: list[tuple[str, str]] = [
    (rtype.code, spec.name) for rtype in CATALOG for spec in rtype.fields if spec.required
]


@pytest.mark.parametrize(("code", "field"), REQUIRED, ids=[f"{c}.{f}" for c, f in REQUIRED])
def test_required_fields(clerk: Session, official_id: int, code: str, field: str) -> None:
    fields = {k: v for k, v in VALID[code].items() if k != field}
    with pytest.raises(ValidationError) as caught:
        RecordService(clerk).add(official_id, code, "2026-10-01", fields)
    assert caught.value.field == field
    assert "不能为空" in caught.value.zh


#: (type, change to the valid fields (None removes a field), field named, words of the rule)
RULE_VIOLATIONS: list[tuple[str, dict[str, object], str, str]] = [
    ("major_matter", {"trip_end": "2026-06-30"}, "trip_end", "不能早于出行日期"),
    ("major_matter", {"guests": "-3"}, "guests", "不能为负数"),
    ("major_matter", {"gift_money": "-1"}, "gift_money", "不能为负数"),
    ("major_matter", {"trip_start": "2026-13-01"}, "trip_start", "YYYY-MM-DD"),
    ("major_matter", {"kind": "出差"}, "kind", "应为以下之一"),
    ("gift", {"giver": None}, "giver", "不能为空"),
    ("gift", {"giver_withheld": "是"}, "giver", "不应填写"),
    ("gift", {"value": "abc"}, "value", "金额"),
    ("gift", {"giver_withheld": "maybe"}, "giver_withheld", "是"),
    ("pledge", {"year": "1900"}, "year", "之间"),
    ("pledge", {"year": "2028"}, "year", "之间"),
    ("integrity_report", {"year": "二〇二五"}, "year", "整数"),
    ("democratic_meeting", {"rectification_deadline": None}, "rectification_deadline", "整改期限"),
    ("talk", {"kind": "廉政谈话"}, "reply", "仅函询"),
    ("sanction", {"kind": "警告", "probation_years": None, "system": "组织处理"}, "kind",
     "组织处理"),
    ("sanction", {"kind": "记过"}, "kind", "党纪处分应为"),
    ("sanction", {"kind": "严重警告"}, "probation_years", "仅留党察看"),
    ("sanction", {"probation_years": None}, "probation_years", "须填写察看期"),
    ("sanction", {"probation_years": "3"}, "probation_years", "1或2"),
    ("sanction", {"probation_years": "0"}, "probation_years", "1或2"),
    ("inspection_finding", {"rectification_deadline": ""}, "rectification_deadline", "整改期限"),
    ("appraisal", {"votes_incompetent": "31"}, "votes_incompetent", "不能多于"),
    ("appraisal", {"votes_total": None}, "votes_total", "总票数"),
    ("appraisal", {"votes_total": "-1", "votes_incompetent": None}, "votes_total", "负数"),
    ("appraisal", {"grade": "良好"}, "grade", "应为以下之一"),
    ("clue", {"status": "已结"}, "status", "应为以下之一"),
    ("clue", {"custodian": "nobody"}, "custodian", "已启用"),
    ("commendation", {"level": "级" * 51}, "level", "50"),
    ("vetting_reply", {"request_date": "2026-10-02"}, "request_date", "不能晚于回复日期"),
    ("vetting_reply", {"justification": None}, "justification", "须说明理由"),
    ("vetting_reply", {"category": "第7类"}, "category", "应为以下之一"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("code", "change", "field", "reason"),
    RULE_VIOLATIONS,
    ids=[f"{c}.{f}-{i}" for i, (c, _, f, _) in enumerate(RULE_VIOLATIONS)],
)
def test_every_rule_names_its_field_and_saves_nothing(
    clerk: Session, official_id: int, code: str, change: dict[str, object], field: str, reason: str
) -> None:
    fields = {**VALID[code], **change}
    fields = {k: v for k, v in fields.items() if v is not None}
    before, trail = business_snapshot(clerk.conn), audit_rows(clerk.conn)
    with pytest.raises(ValidationError) as caught:
        RecordService(clerk).add(official_id, code, "2026-10-01", fields)
    assert caught.value.field == field
    assert reason in caught.value.zh
    assert business_snapshot(clerk.conn) == before
    assert audit_rows(clerk.conn) == trail


@pytest.mark.parametrize(
    ("code", "change"),
    [
        ("gift", {"giver": None, "giver_withheld": "是"}),
        ("sanction", {"system": "政务处分", "kind": "警告", "probation_years": None}),
        ("sanction", {"system": "组织处理", "kind": "免职", "probation_years": None}),
        ("sanction", {"probation_years": "1"}),
        ("democratic_meeting", {"rectification": None, "rectification_deadline": None}),
        ("talk", {"kind": "诫勉", "reply": None}),
        ("appraisal", {"votes_total": None, "votes_incompetent": None}),
        ("major_matter", {"trip_end": "2026-07-01"}),  # a one-day trip
    ],
)
def test_rules_allow_what_they_should(
    clerk: Session, official_id: int, code: str, change: dict[str, object]
) -> None:
    fields = {k: v for k, v in {**VALID[code], **change}.items() if v is not None}
    record = RecordService(clerk).add(official_id, code, "2026-10-01", fields)
    assert "giver_withheld" not in fields or record.fields["giver_withheld"] is True

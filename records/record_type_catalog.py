"""The record types of DOMAIN.md §3, as data: codes, labels and fields.

Codes and field names are a contract other modules rely on (influence periods, deadlines,
the annual report, exports): rename nothing. Labels may change freely. Rules that relate
two fields (an end after a start, a count within a total) live in
:mod:`records.record_rules`; the registry and helpers in :mod:`records.record_types`.
"""

from __future__ import annotations

from dataclasses import dataclass

from records.fields import FieldKind, FieldSpec
from records.vetting_terms import Category, Decision, Purpose


@dataclass(frozen=True)
class RecordType:
    code: str
    label_zh: str
    label_en: str
    fields: tuple[FieldSpec, ...]
    #: The field that best tells records of this type apart in a one-line list
    #: (``""``: the first field).
    summary: str = ""

    @property
    def summary_field(self) -> FieldSpec:
        return self.field(self.summary) if self.summary else self.fields[0]

    def field(self, name: str) -> FieldSpec:
        for spec in self.fields:
            if spec.name == name:
                return spec
        raise KeyError(name)


K = FieldKind
LONG = 5000  # paragraphs: a summary, a finding, a reply

RECTIFICATION_STATUSES = ("未整改", "整改中", "已整改")

#: 纪律处分条例, 政务处分法 Art. 7, and organisational handling (组织处理).
SANCTION_KINDS: dict[str, tuple[str, ...]] = {
    "党纪处分": ("警告", "严重警告", "撤销党内职务", "留党察看", "开除党籍"),
    "政务处分": ("警告", "记过", "记大过", "降级", "撤职", "开除"),
    "组织处理": ("停职检查", "调整职务", "责令辞职", "免职", "降职"),
}
_ALL_SANCTION_KINDS = tuple(dict.fromkeys(k for kinds in SANCTION_KINDS.values() for k in kinds))

MAJOR_MATTER = RecordType(
    code="major_matter",
    label_zh="重大事项报告",
    label_en="Major matter report",
    fields=(
        FieldSpec("title", "事项", "Matter", K.TEXT, required=True, max_length=100),
        FieldSpec("kind", "事项类别", "Kind", K.CHOICE, required=True,
                  choices=("操办婚丧喜庆", "因私出国(境)", "其他")),
        FieldSpec("detail", "具体情况", "Details", K.LONG_TEXT, max_length=LONG),
        # 操办婚丧喜庆 (002:67): scale, guests, gift money and its handling.
        FieldSpec("scale", "规模", "Scale", K.TEXT, max_length=100),
        FieldSpec("guests", "宾客人数", "Guests", K.INTEGER),
        FieldSpec("gift_money", "收受礼金(元)", "Gift money (yuan)", K.MONEY),
        FieldSpec("gift_handling", "礼金处理情况", "Handling of gift money", K.TEXT),
        # 因私出国(境)
        FieldSpec("trip_start", "出行日期", "Trip start", K.DATE),
        FieldSpec("trip_end", "返回日期", "Trip end", K.DATE),
        FieldSpec("destination", "前往国家(地区)", "Destination", K.TEXT, max_length=100),
        FieldSpec("purpose", "事由", "Purpose", K.TEXT),
    ),
)  # fmt: skip

GIFT = RecordType(
    code="gift",
    label_zh="礼品礼金登记上交",
    label_en="Gift handed in",
    fields=(
        FieldSpec("kind", "礼品类别", "Kind", K.CHOICE, required=True,
                  choices=("现金", "有价证券", "支付凭证", "实物")),  # 001:217
        FieldSpec("description", "礼品礼金名称", "Description", K.TEXT, required=True),
        FieldSpec("value", "价值(元)", "Value (yuan)", K.MONEY, required=True),
        FieldSpec("giver", "送礼人", "Giver", K.TEXT, max_length=100),
        FieldSpec("giver_withheld", "送礼人不予登记", "Giver withheld", K.BOOLEAN),
        FieldSpec("handling", "处理方式", "Handling", K.CHOICE, required=True,
                  choices=("上交", "退还", "折价归还", "其他")),
    ),
    summary="description",
)  # fmt: skip

PLEDGE = RecordType(
    code="pledge",
    label_zh="廉政承诺",
    label_en="Integrity pledge",
    fields=(
        FieldSpec("year", "年度", "Year", K.INTEGER, required=True),
        FieldSpec("content", "承诺内容", "Pledge", K.LONG_TEXT, max_length=LONG),
    ),
)  # fmt: skip

INTEGRITY_REPORT = RecordType(
    code="integrity_report",
    label_zh="述责述廉",
    label_en="Year-end integrity report",
    fields=(
        FieldSpec("year", "年度", "Year", K.INTEGER, required=True),
        FieldSpec("summary", "述责述廉情况", "Summary", K.LONG_TEXT, max_length=LONG),
    ),
)  # fmt: skip

DEMOCRATIC_MEETING = RecordType(
    code="democratic_meeting",
    label_zh="民主生活会",
    label_en="Democratic-life meeting",
    fields=(
        FieldSpec("topic", "会议主题", "Topic", K.TEXT, required=True),
        FieldSpec("summary", "发言及批评意见", "Summary", K.LONG_TEXT, max_length=LONG),
        FieldSpec("rectification", "整改事项", "Rectification", K.LONG_TEXT, max_length=LONG),
        FieldSpec("rectification_deadline", "整改期限", "Rectification deadline", K.DATE),
        FieldSpec("rectification_status", "整改状态", "Rectification status", K.CHOICE,
                  choices=RECTIFICATION_STATUSES),
    ),
)  # fmt: skip

TALK = RecordType(
    code="talk",
    label_zh="谈话/函询/诫勉",
    label_en="Talk, letter inquiry or admonishment",
    fields=(
        FieldSpec("kind", "类别", "Kind", K.CHOICE, required=True,
                  choices=("廉政谈话", "提醒谈话", "函询", "诫勉")),
        FieldSpec("talker", "谈话人", "Talker", K.TEXT, max_length=100),
        FieldSpec("summary", "谈话内容", "Summary", K.LONG_TEXT, max_length=LONG),
        FieldSpec("reply", "函询回复", "Reply to the inquiry", K.LONG_TEXT, max_length=LONG),
    ),
)  # fmt: skip

CLUE = RecordType(
    code="clue",
    label_zh="问题线索",
    label_en="Clue or petition",
    fields=(
        FieldSpec("summary", "线索摘要", "Summary", K.LONG_TEXT, required=True, max_length=LONG),
        # 专人负责、专人管理 (003:97): the one user who may read the content besides vetting.
        FieldSpec("custodian", "承办人", "Custodian", K.TEXT, required=True, max_length=32),
        FieldSpec("disposal", "处置方式", "Disposal", K.CHOICE,
                  choices=("谈话函询", "初步核实", "暂存待查", "予以了结")),
        FieldSpec("status", "办理状态", "Status", K.CHOICE, required=True,
                  choices=("待处置", "处置中", "已了结")),
        FieldSpec("conclusion", "核查结论", "Conclusion", K.CHOICE,
                  choices=("属实", "部分属实", "不属实")),
    ),
)  # fmt: skip

SANCTION = RecordType(
    code="sanction",
    label_zh="处分/组织处理",
    label_en="Sanction or organisational handling",
    fields=(
        FieldSpec("system", "处理类别", "System", K.CHOICE, required=True,
                  choices=tuple(SANCTION_KINDS)),
        FieldSpec("kind", "处分种类", "Kind", K.CHOICE, required=True,
                  choices=_ALL_SANCTION_KINDS),
        FieldSpec("probation_years", "留党察看期(年)", "Probation (years)", K.INTEGER),
        FieldSpec("decision_number", "决定文号", "Decision number", K.TEXT, required=True,
                  max_length=100),
        FieldSpec("decision_body", "决定机关", "Decided by", K.TEXT, max_length=100),
        FieldSpec("reason", "事由", "Reason", K.LONG_TEXT, max_length=LONG),
    ),
    summary="kind",
)  # fmt: skip

INSPECTION_FINDING = RecordType(
    code="inspection_finding",
    label_zh="巡察/审计发现问题",
    label_en="Inspection or audit finding",
    fields=(
        FieldSpec("body", "来源类别", "Found by", K.CHOICE, required=True,
                  choices=("巡察", "审计")),
        FieldSpec("finding", "发现问题", "Finding", K.LONG_TEXT, required=True, max_length=LONG),
        FieldSpec("category", "问题类别", "Category", K.TEXT, max_length=100),
        FieldSpec("rectification", "整改事项", "Rectification", K.LONG_TEXT, max_length=LONG),
        FieldSpec("rectification_deadline", "整改期限", "Rectification deadline", K.DATE),
        FieldSpec("rectification_status", "整改状态", "Rectification status", K.CHOICE,
                  required=True, choices=RECTIFICATION_STATUSES),
    ),
)  # fmt: skip

APPRAISAL = RecordType(
    code="appraisal",
    label_zh="考核/民主测评",
    label_en="Appraisal",
    fields=(
        FieldSpec("year", "年度", "Year", K.INTEGER, required=True),
        FieldSpec("grade", "考核等次", "Grade", K.CHOICE, required=True,
                  choices=("优秀", "称职", "基本称职", "不称职")),
        FieldSpec("votes_total", "测评总票数", "Votes cast", K.INTEGER),
        # ≥ 1/3 不称职 flags the cadre (004:29).
        FieldSpec("votes_incompetent", "不称职票数", "Votes 'incompetent'", K.INTEGER),
    ),
    summary="grade",
)  # fmt: skip

COMMENDATION = RecordType(
    code="commendation",
    label_zh="表彰奖励",
    label_en="Commendation",
    fields=(
        FieldSpec("title", "表彰名称", "Title", K.TEXT, required=True),
        FieldSpec("body", "授予机关", "Awarded by", K.TEXT, max_length=100),
        FieldSpec("level", "级别", "Level", K.TEXT, max_length=50),
    ),
)  # fmt: skip

# 党风廉政意见回复 (DOMAIN.md §3 #13): filed in each candidate's dossier by the vetting
# workflow (records.services.vetting_reply_grant), with the signed letter's document number
# and SHA-256; a clerk may also file a reply given on paper before the software.
VETTING_REPLY = RecordType(
    code="vetting_reply",
    label_zh="党风廉政意见回复",
    label_en="Integrity opinion given",
    fields=(
        FieldSpec("category", "意见类别", "Category", K.CHOICE, required=True,
                  choices=tuple(c.numbered_zh for c in Category)),
        FieldSpec("request_number", "来函文号", "Request number", K.TEXT, required=True,
                  max_length=100),
        FieldSpec("request_date", "来函日期", "Request date", K.DATE, required=True),
        FieldSpec("requesting_unit", "来函单位", "Requesting unit", K.TEXT, required=True,
                  max_length=100),
        FieldSpec("purpose", "来函事由", "Purpose", K.CHOICE, required=True,
                  choices=tuple(p.label_zh for p in Purpose)),
        FieldSpec("reasons", "理由及依据", "Reasons", K.LONG_TEXT, max_length=LONG),
        FieldSpec("decision", "意见确定方式", "Decision", K.CHOICE,
                  choices=tuple(d.label_zh for d in Decision)),
        FieldSpec("justification", "改定理由", "Justification", K.LONG_TEXT, max_length=LONG),
        FieldSpec("decided_by", "决定人", "Decided by", K.TEXT, max_length=100),
        FieldSpec("document_number", "回复文号", "Reply document number", K.TEXT,
                  max_length=100),
        FieldSpec("signed_sha256", "签章文件SHA-256", "SHA-256 of the signed reply", K.TEXT,
                  max_length=64),
    ),
    summary="category",
)  # fmt: skip

#: In the order the GUI offers them and the PDF prints them.
CATALOG: tuple[RecordType, ...] = (
    MAJOR_MATTER,
    GIFT,
    PLEDGE,
    INTEGRITY_REPORT,
    DEMOCRATIC_MEETING,
    TALK,
    CLUE,
    SANCTION,
    INSPECTION_FINDING,
    APPRAISAL,
    COMMENDATION,
    VETTING_REPLY,
)

"""The basic-information fields of an official (DOMAIN.md §2), as one table.

The add-official dialog, ``liandang official add`` options and the PDF's 基本信息 table
all follow this order and these labels.
"""

from __future__ import annotations

from records.fields import FieldKind, FieldSpec

#: 监察法 Art. 15: the six classes of supervised persons.
SUPERVISION_CATEGORIES: dict[int, str] = {
    1: "公务员及参照公务员法管理的人员",
    2: "法律法规授权或受委托管理公共事务的组织中从事公务的人员",
    3: "国有企业管理人员",
    4: "公办教育、科研、文化、医疗卫生、体育等单位中从事管理的人员",
    5: "基层群众性自治组织中从事管理的人员",
    6: "其他依法履行公职的人员",
}

OFFICIAL_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("name", "姓名", "name", required=True, max_length=50),
    FieldSpec("id_number", "公民身份号码", "ID number", required=True, max_length=18),
    FieldSpec("gender", "性别", "gender", FieldKind.CHOICE, choices=("男", "女")),
    FieldSpec("birth_date", "出生日期", "birth date", FieldKind.DATE),
    FieldSpec("ethnicity", "民族", "ethnicity", max_length=20),
    FieldSpec("native_place", "籍贯", "native place", max_length=50),
    FieldSpec("upbringing_place", "成长地", "place of upbringing", max_length=50),
    FieldSpec("political_status", "政治面貌", "political status", max_length=20),
    FieldSpec("party_join_date", "入党时间", "Party membership since", FieldKind.DATE),
    FieldSpec("education", "学历", "education", max_length=50),
    FieldSpec("unit", "工作单位", "unit", required=True, max_length=100),
    FieldSpec("position", "职务", "position", required=True, max_length=100),
    FieldSpec("rank", "职级", "rank", required=True, max_length=50),
    FieldSpec("appointed_date", "任现职时间", "in current post since", FieldKind.DATE),
    FieldSpec("management_level", "干部管理权限", "managed by", max_length=50),
    FieldSpec(
        "category",
        "监督对象类别",
        "supervision category",
        FieldKind.CHOICE,
        choices=tuple(str(n) for n in SUPERVISION_CATEGORIES),
    ),
    FieldSpec("is_leading", "领导干部", "leading cadre", FieldKind.BOOLEAN),
    FieldSpec("is_reserve", "后备干部", "reserve cadre", FieldKind.BOOLEAN),
    FieldSpec("is_top_leader", "一把手", "head of unit", FieldKind.BOOLEAN),
    FieldSpec("is_dual_role", "一肩挑", "holds both top posts", FieldKind.BOOLEAN),
    FieldSpec("status", "状态", "status", FieldKind.CHOICE, choices=("serving", "left", "retired")),
)

OFFICIAL_FIELDS_BY_NAME = {spec.name: spec for spec in OFFICIAL_FIELDS}

FAMILY_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("relation", "称谓", "relation", required=True, max_length=20),
    FieldSpec("name", "姓名", "name", required=True, max_length=50),
    FieldSpec("birth_date", "出生日期", "birth date", FieldKind.DATE),
    FieldSpec("id_number", "公民身份号码", "ID number", max_length=18),
    FieldSpec("employer", "工作单位", "employer", max_length=100),
    FieldSpec("post", "职务", "post", max_length=100),
    FieldSpec("political_status", "政治面貌", "political status", max_length=20),
    FieldSpec("abroad_status", "出国(境)情况", "abroad status", max_length=100),
)

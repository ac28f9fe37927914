"""The handling ladder of check findings (查核结果处理), as data the security officer edits.

The 2017 查核结果处理办法 (Art. 5 on) grades the handling by how serious and how often the
misreporting was; local practice differs, so the measures offered are a list, not code
(DOMAIN.md §4 **[configurable]**). The one built-in consequence is not on the list but is
added to every decision on a check that found 瞒报: not promotable, not listed as a reserve
cadre (:data:`records.report_check.CONCEALED_CONSEQUENCES`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from records.database import Connection
from records.errors import ValidationError

#: Offered until the security officer sets a list of the unit's own, lightest first.
DEFAULT_HANDLINGS: tuple[str, ...] = (
    "无需处理",
    "批评教育",
    "责令作出检查",
    "诫勉",
    "取消考察对象资格",
    "取消后备干部人选资格",
    "暂缓提拔使用",
    "调离岗位",
    "改任非领导职务",
    "免职",
    "降职",
    "移送纪检监察机关",
)
MAX_HANDLINGS = 50
MAX_LABEL = 40
LABEL_ZH = "处理方式"


def load_handlings(conn: Connection) -> tuple[str, ...]:
    """The ladder in force: the stored list, or :data:`DEFAULT_HANDLINGS` when none is set."""
    stored = tuple(
        str(row[0]) for row in conn.execute("SELECT label FROM check_handlings ORDER BY position")
    )
    return stored or DEFAULT_HANDLINGS


def clean_ladder(labels: Sequence[str]) -> tuple[str, ...]:
    """A new ladder: 1–50 distinct labels of 1–40 characters.

    :raises ValidationError: naming the handling ladder and the rule.
    """
    cleaned = tuple(label.strip() for label in labels)
    if not 1 <= len(cleaned) <= MAX_HANDLINGS:
        raise ValidationError(
            "handlings", LABEL_ZH, f"应有1到{MAX_HANDLINGS}项", f"needs 1 to {MAX_HANDLINGS}"
        )
    for label in cleaned:
        if not label or len(label) > MAX_LABEL or "、" in label or "\x00" in label:
            raise ValidationError(
                "handlings", LABEL_ZH, f"每项应为1到{MAX_LABEL}个字且不含“、”:{label!r}",
                f"each entry must have 1 to {MAX_LABEL} characters and no '、': {label!r}",
            )  # fmt: skip
    if len(set(cleaned)) != len(cleaned):
        raise ValidationError("handlings", LABEL_ZH, "有重复项", "has duplicate entries")
    return cleaned


def parse_handling(ladder: Sequence[str], raw: str | Sequence[str]) -> tuple[str, ...]:
    """The measures a decision names, each one of the ladder (``批评教育、诫勉`` or a list).

    :raises ValidationError: none given, or one not on the ladder.
    """
    parts = [raw] if isinstance(raw, str) else list(raw)
    # 、 , and , all separate measures; the same measure named twice counts once.
    words = (w.strip() for part in parts for w in re.split("[、,,]", part))
    chosen = tuple(dict.fromkeys(w for w in words if w))
    if not chosen:
        raise ValidationError("handling", LABEL_ZH, "不能为空", "is required")
    for label in chosen:
        if label not in ladder:
            raise ValidationError(
                "handling", LABEL_ZH, f"“{label}”不在处理方式列表中(可用:{'、'.join(ladder)})",
                f"{label!r} is not on the handling ladder",
            )  # fmt: skip
    return chosen

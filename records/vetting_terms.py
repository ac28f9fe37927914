"""The words of the 党风廉政意见回复 workflow: opinion categories, purposes, request states.

The six categories are a municipal discipline commission's template (DOMAIN.md §4); their
texts are printed verbatim in the reply letter, so they live here once, in Chinese and
English, and every other module refers to them by number.
"""

from __future__ import annotations

from enum import IntEnum, StrEnum

from records.errors import ValidationError


class Category(IntEnum):
    """党风廉政意见 categories, 1 (no objection at all) to 6 (not suitable); a higher number
    is a more severe opinion, so "the most severe applicable" is simply ``max``."""

    NO_CLUE = 1
    CLUE_CLOSED = 2
    HANDLED = 3
    BEING_HANDLED = 4
    DEFER_USE = 5
    NOT_SUITABLE = 6

    @property
    def label_zh(self) -> str:
        return _CATEGORY_TEXT[self][0]

    @property
    def label_en(self) -> str:
        return _CATEGORY_TEXT[self][1]

    @property
    def numbered_zh(self) -> str:
        """``第3类:收到线索,……不持异议`` as the letter prints it."""
        return f"第{self.value}类:{self.label_zh}"


_CATEGORY_TEXT: dict[Category, tuple[str, str]] = {
    Category.NO_CLUE: ("未收到反映其问题的线索", "no clue received"),
    Category.CLUE_CLOSED: (
        "收到线索,已了结,对其使用不持异议",
        "clue received and closed; no objection",
    ),
    Category.HANDLED: (
        "收到线索,已谈话提醒、批评教育,或已处分且已过影响期,不持异议",
        "handled (talk, criticism, or sanction whose influence period is over); no objection",
    ),
    Category.BEING_HANDLED: (
        "收到线索,尚在处置中,暂缓提出意见",
        "clue still being handled; opinion deferred",
    ),
    Category.DEFER_USE: ("建议暂缓使用", "suggest deferring the appointment"),
    Category.NOT_SUITABLE: ("建议不宜使用", "not suitable"),
}


def parse_category(raw: object) -> Category:
    """``3``, ``"3"`` or ``"第3类"`` as a :class:`Category`.

    :raises ValidationError: not one of 1–6.
    """
    text = str(raw).strip().removeprefix("第").removesuffix("类")
    try:
        return Category(int(text))
    except ValueError:
        raise ValidationError(
            "category", "意见类别", "应为1至6之一", "must be one of 1 to 6"
        ) from None


class Purpose(StrEnum):
    """What the requesting unit asks the opinion for (来函事由)."""

    PROMOTION = "promotion"
    FURTHER_USE = "further_use"
    RESERVE = "reserve"
    COMMENDATION = "commendation"

    @property
    def label_zh(self) -> str:
        return _PURPOSE_LABELS_ZH[self]

    @property
    def needs_report_check(self) -> bool:
        """凡提必查: a promotion, a further use and a reserve listing each need the
        candidate's personal-matters report checked; a commendation does not."""
        return self is not Purpose.COMMENDATION


_PURPOSE_LABELS_ZH = {
    Purpose.PROMOTION: "拟提拔",
    Purpose.FURTHER_USE: "拟进一步使用",
    Purpose.RESERVE: "后备干部",
    Purpose.COMMENDATION: "评先评优",
}


def parse_purpose(raw: object) -> Purpose:
    """A purpose by code (``promotion``) or by its Chinese label (``拟提拔``).

    :raises ValidationError: neither.
    """
    text = str(raw).strip()
    for purpose in Purpose:
        if text in (purpose.value, purpose.label_zh):
            return purpose
    choices = "、".join(f"{p.value}({p.label_zh})" for p in Purpose)
    raise ValidationError(
        "purpose",
        "来函事由",
        f"应为以下之一:{choices}",
        "must be one of " + ", ".join(p.value for p in Purpose),
    )


class RequestState(StrEnum):
    """草稿 → 审核中 → 已回复; a replied request never changes again."""

    DRAFT = "draft"
    REVIEWING = "reviewing"
    REPLIED = "replied"

    @property
    def label_zh(self) -> str:
        return {"draft": "草稿", "reviewing": "审核中", "replied": "已回复"}[self.value]


class Decision(StrEnum):
    """How the vetting officer settled a candidate's category."""

    CONFIRMED = "confirmed"
    OVERRIDDEN = "overridden"

    @property
    def label_zh(self) -> str:
        return {"confirmed": "确认系统建议", "overridden": "改定"}[self.value]

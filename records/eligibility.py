"""Who may not be a 考察对象: 《党政领导干部选拔任用工作条例》(2019) Art. 24, the items
the dossier can decide (DOMAIN.md §4).

- ``spouse_emigrated``: the spouse has emigrated (配偶已移居国(境)外);
- ``children_emigrated``: no spouse, and every child has emigrated;
- ``influence_period``: an influence period (诫勉, 组织处理, 党纪政务处分) is not over;
- ``appraisal``: last year's appraisal was 基本称职 or 不称职;
- ``check_concealed``: the latest completed check of a report found 瞒报 — not promotable
  (2014 practice, the one built-in consequence of DOMAIN.md §4).

The other items of Art. 24 (e.g. being under investigation) are not in the data; the vetting
officer answers them. :func:`assess` is pure; :mod:`records.services.eligibility` gathers
the facts under the usual role, recusal and audit rules.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from records.family_emigration import FamilyFacts
from records.influence import InfluencePeriod
from records.model import Record

SPOUSE_EMIGRATED = "spouse_emigrated"
CHILDREN_EMIGRATED = "children_emigrated"
INFLUENCE_PERIOD = "influence_period"
APPRAISAL = "appraisal"
CHECK_CONCEALED = "check_concealed"

#: Appraisal grades that bar the cadre (基本称职 or lower).
LOW_GRADES = frozenset({"基本称职", "不称职"})


@dataclass(frozen=True)
class IneligibilityReason:
    """One reason the official may not be a 考察对象.

    :param record_ids: ids of the dossier records (``records`` table) it rests on.
    :param evidence: other objects it rests on, as the audit trail names them
        (``report:7``, ``change_report:3``, ``family_member:2``, ``check:4``).
    """

    code: str
    text_zh: str
    text_en: str
    record_ids: tuple[int, ...]
    evidence: tuple[str, ...] = ()


@dataclass(frozen=True)
class Eligibility:
    official_id: int
    eligible: bool
    reasons: tuple[IneligibilityReason, ...]


@dataclass(frozen=True)
class ConcealedCheck:
    """The latest completed check of the official, if it found 瞒报."""

    check_id: int
    year: int


def _family(facts: FamilyFacts) -> list[IneligibilityReason]:
    if facts.spouse_emigrated:
        return [
            IneligibilityReason(
                SPOUSE_EMIGRATED, "配偶已移居国(境)外", "the spouse has emigrated", (),
                facts.evidence,
            )
        ]  # fmt: skip
    if not facts.has_spouse and facts.all_children_emigrated:
        return [
            IneligibilityReason(
                CHILDREN_EMIGRATED, f"没有配偶,子女({len(facts.children)}人)均已移居国(境)外",
                "no spouse, and every child has emigrated", (), facts.evidence,
            )
        ]  # fmt: skip
    return []


def _influence(periods: Sequence[InfluencePeriod], today: date) -> list[IneligibilityReason]:
    open_periods = [p for p in periods if p.covers(today)]
    if not open_periods:
        return []
    permanent = any(p.end is None for p in open_periods)
    end = None if permanent else max(p.end for p in open_periods if p.end is not None)
    labels = "、".join(dict.fromkeys(p.source_label_zh for p in open_periods))
    until_zh = "永久" if end is None else f"至{end.isoformat()}止"
    until_en = "permanently" if end is None else f"until {end.isoformat()}"
    return [
        IneligibilityReason(
            INFLUENCE_PERIOD, f"处于影响期内({labels},{until_zh})",
            f"in an influence period ({until_en}; the period ends on that day)",
            tuple(p.record_id for p in open_periods),
        )
    ]  # fmt: skip


def last_year_appraisal(appraisals: Sequence[Record], today: date) -> Record | None:
    """The latest appraisal (not withdrawn) of the year before ``today``'s year."""
    wanted = [
        r
        for r in appraisals
        if r.type == "appraisal"
        and not r.withdrawn
        and str(r.fields.get("year")) == str(today.year - 1)
    ]
    return max(wanted, key=lambda r: (r.record_date, r.id), default=None)


def _appraisal(appraisals: Sequence[Record], today: date) -> list[IneligibilityReason]:
    record = last_year_appraisal(appraisals, today)
    if record is None or str(record.fields.get("grade")) not in LOW_GRADES:
        return []
    grade = str(record.fields.get("grade"))
    return [
        IneligibilityReason(
            APPRAISAL, f"{today.year - 1}年度考核为{grade}",
            f"last year's appraisal ({today.year - 1}) was {grade} (basically competent or lower)",
            (record.id,),
        )
    ]  # fmt: skip


def _concealed(check: ConcealedCheck | None) -> list[IneligibilityReason]:
    if check is None:
        return []
    return [
        IneligibilityReason(
            CHECK_CONCEALED, f"{check.year}年度个人有关事项报告查核认定瞒报,不得提拔使用",
            f"the check of the {check.year} report found concealment: not promotable",
            (), (f"check:{check.check_id}",),
        )
    ]  # fmt: skip


def assess(
    official_id: int,
    today: date,
    *,
    family: FamilyFacts,
    periods: Sequence[InfluencePeriod],
    appraisals: Sequence[Record],
    concealed: ConcealedCheck | None,
) -> Eligibility:
    reasons = [
        *_family(family),
        *_influence(periods, today),
        *_appraisal(appraisals, today),
        *_concealed(concealed),
    ]
    return Eligibility(official_id, not reasons, tuple(reasons))

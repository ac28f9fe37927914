"""Rules that relate fields of one record (one field alone is checked by its FieldSpec).

:func:`check_record` runs after every field has been parsed, on the cleaned values
(dates as ISO text, amounts as text, counts as ``int``), before anything is saved. Each
rule raises a :class:`ValidationError` naming the field the user has to change.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date

from records.errors import ValidationError
from records.record_type_catalog import SANCTION_KINDS, RecordType
from records.record_types import RECORD_TYPES

Fields = Mapping[str, object]
Rule = Callable[[RecordType, Fields, date], None]

#: The first year a dossier can concern; anything earlier is a typing mistake.
EARLIEST_YEAR = 1949


def _invalid(rtype: RecordType, name: str, reason_zh: str, reason_en: str) -> ValidationError:
    return rtype.field(name).invalid(reason_zh, reason_en)


def _given(fields: Fields, name: str) -> bool:
    return fields.get(name) not in (None, "", False)


def counts_not_negative(rtype: RecordType, fields: Fields, _when: date) -> None:
    for name in ("guests", "votes_total", "votes_incompetent"):
        value = fields.get(name)
        if isinstance(value, int) and value < 0:
            raise _invalid(rtype, name, "不能为负数", "must not be negative")


def year_plausible(rtype: RecordType, fields: Fields, when: date) -> None:
    """A pledge, report or appraisal year lies between 1949 and the year after the record."""
    year = fields.get("year")
    if isinstance(year, int) and not EARLIEST_YEAR <= year <= when.year + 1:
        raise _invalid(
            rtype,
            "year",
            f"应在{EARLIEST_YEAR}年至{when.year + 1}年之间",
            f"must be between {EARLIEST_YEAR} and {when.year + 1}",
        )


def trip_end_after_start(rtype: RecordType, fields: Fields, _when: date) -> None:
    start, end = fields.get("trip_start"), fields.get("trip_end")
    if start and end and str(end) < str(start):  # ISO dates order as text
        raise _invalid(rtype, "trip_end", "不能早于出行日期", "must not be before trip_start")


def giver_named_unless_withheld(rtype: RecordType, fields: Fields, _when: date) -> None:
    withheld = bool(fields.get("giver_withheld"))
    if not withheld and not _given(fields, "giver"):
        raise _invalid(
            rtype, "giver", "不能为空(或勾选“送礼人不予登记”)", "is required unless giver_withheld"
        )
    if withheld and _given(fields, "giver"):
        # Withholding means the name is not stored at all, not stored and hidden.
        raise _invalid(
            rtype, "giver", "已选择不予登记送礼人,不应填写", "must be empty when giver_withheld"
        )


def reply_only_for_inquiry(rtype: RecordType, fields: Fields, _when: date) -> None:
    if _given(fields, "reply") and fields.get("kind") != "函询":
        raise _invalid(rtype, "reply", "仅函询可填写回复", "is only for a letter inquiry (函询)")


def sanction_kind_in_system(rtype: RecordType, fields: Fields, _when: date) -> None:
    system, kind = str(fields.get("system", "")), str(fields.get("kind", ""))
    allowed = SANCTION_KINDS.get(system, ())
    if kind not in allowed:
        raise _invalid(
            rtype, "kind", f"{system}应为:" + "、".join(allowed), f"must be one of {allowed}"
        )


def probation_only_for_probation(rtype: RecordType, fields: Fields, _when: date) -> None:
    """留党察看 is for one or two years; no other sanction has a probation."""
    years = fields.get("probation_years")
    if fields.get("kind") != "留党察看":
        if years is not None:
            raise _invalid(
                rtype, "probation_years", "仅留党察看可填写察看期", "is only for 留党察看"
            )
        return
    if years is None:
        raise _invalid(rtype, "probation_years", "留党察看须填写察看期", "is required for 留党察看")
    if years not in (1, 2):
        raise _invalid(rtype, "probation_years", "应为1或2(年)", "must be 1 or 2")


def deadline_with_rectification(rtype: RecordType, fields: Fields, _when: date) -> None:
    if _given(fields, "rectification") and not _given(fields, "rectification_deadline"):
        raise _invalid(
            rtype,
            "rectification_deadline",
            "填写了整改事项,须同时填写整改期限",
            "is required when rectification is given",
        )


def votes_within_total(rtype: RecordType, fields: Fields, _when: date) -> None:
    total, incompetent = fields.get("votes_total"), fields.get("votes_incompetent")
    if incompetent is None:
        return
    if total is None:
        raise _invalid(
            rtype, "votes_total", "填写了不称职票数,须同时填写总票数", "is required with votes"
        )
    assert isinstance(total, int) and isinstance(incompetent, int)  # parsed INTEGER fields
    if incompetent > total:
        raise _invalid(
            rtype, "votes_incompetent", "不能多于测评总票数", "must not exceed votes_total"
        )


def reply_not_before_request(rtype: RecordType, fields: Fields, when: date) -> None:
    """A reply is dated on or after the letter it answers."""
    asked = fields.get("request_date")
    if asked and str(asked) > when.isoformat():  # ISO dates order as text
        raise _invalid(
            rtype, "request_date", "不能晚于回复日期", "must not be after the reply's date"
        )


def justification_for_override(rtype: RecordType, fields: Fields, _when: date) -> None:
    if fields.get("decision") == "改定" and not _given(fields, "justification"):
        raise _invalid(
            rtype,
            "justification",
            "改定意见须说明理由",
            "is required when the opinion is overridden",
        )


RULES: dict[str, tuple[Rule, ...]] = {
    "major_matter": (counts_not_negative, trip_end_after_start),
    "gift": (giver_named_unless_withheld,),
    "pledge": (year_plausible,),
    "integrity_report": (year_plausible,),
    "democratic_meeting": (deadline_with_rectification,),
    "talk": (reply_only_for_inquiry,),
    "sanction": (sanction_kind_in_system, probation_only_for_probation),
    "inspection_finding": (deadline_with_rectification,),
    "appraisal": (year_plausible, counts_not_negative, votes_within_total),
    "vetting_reply": (reply_not_before_request, justification_for_override),
}


def check_record(type_code: str, fields: Fields, record_date: date) -> None:
    """Apply every cross-field rule of the type, first failure first.

    :raises ValidationError: naming the field to change.
    """
    rtype = RECORD_TYPES[type_code]
    for rule in RULES.get(type_code, ()):
        rule(rtype, fields, record_date)

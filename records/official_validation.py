"""Validation of an official's basic information, cross-checked against the ID number."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from records.errors import ValidationError
from records.fields import Value, parse_for_storage
from records.id_number import InvalidIdNumber, parse_id_number
from records.official_fields import OFFICIAL_FIELDS, OFFICIAL_FIELDS_BY_NAME


def _reject_unknown(values: Mapping[str, object]) -> None:
    for key in values:
        if key not in OFFICIAL_FIELDS_BY_NAME:
            raise ValidationError(key, key, "不是人员信息字段", "is not a field of an official")


def validate_official(values: Mapping[str, object], *, today: date) -> dict[str, Value]:
    """Check every field; derive gender and birth date from the ID number.

    A gender or birth date that was given must agree with the ID number: the number is
    the authoritative source, and a mismatch is almost always a typing error.

    :raises ValidationError: naming the first field at fault.
    """
    _reject_unknown(values)
    cleaned = {
        spec.name: parse_for_storage(spec, values.get(spec.name)) for spec in OFFICIAL_FIELDS
    }
    id_spec = OFFICIAL_FIELDS_BY_NAME["id_number"]
    try:
        facts = parse_id_number(str(cleaned["id_number"]), today=today)
    except InvalidIdNumber as exc:
        raise id_spec.invalid(exc.reason_zh, exc.reason_en) from None
    cleaned["id_number"] = facts.number
    if cleaned["birth_date"] and cleaned["birth_date"] != facts.birth_date:
        raise OFFICIAL_FIELDS_BY_NAME["birth_date"].invalid(
            "与公民身份号码不符", "contradicts the ID number"
        )
    if cleaned["gender"] and cleaned["gender"] != facts.gender:
        raise OFFICIAL_FIELDS_BY_NAME["gender"].invalid(
            "与公民身份号码不符", "contradicts the ID number"
        )
    cleaned["birth_date"] = facts.birth_date
    cleaned["gender"] = facts.gender
    for name in ("party_join_date", "appointed_date"):
        value = cleaned[name]
        if isinstance(value, date) and not facts.birth_date < value <= today:
            raise OFFICIAL_FIELDS_BY_NAME[name].invalid(
                "应晚于出生日期且不晚于今天", "must be after the birth date and not in the future"
            )
    if not cleaned["status"]:
        cleaned["status"] = "serving"
    if cleaned["category"] == "":
        cleaned["category"] = None
    elif cleaned["category"] is not None:
        cleaned["category"] = int(str(cleaned["category"]))
    return cleaned

"""公民身份号码 (GB 11643-1999): check digit, birth date and gender.

Structure: 6-digit area code, 8-digit birth date, 3-digit sequence (odd = male), and a
check character computed by ISO 7064 MOD 11-2 (``X`` stands for 10).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK_CHARS = "10X98765432"


class InvalidIdNumber(ValueError):
    """The number is malformed; ``reason_zh``/``reason_en`` say how."""

    def __init__(self, reason_zh: str, reason_en: str) -> None:
        super().__init__(reason_en)
        self.reason_zh = reason_zh
        self.reason_en = reason_en


@dataclass(frozen=True)
class IdNumberFacts:
    number: str
    birth_date: date
    gender: str  # "男" or "女"


def check_character(first17: str) -> str:
    total = sum(int(digit) * weight for digit, weight in zip(first17, _WEIGHTS, strict=True))
    return _CHECK_CHARS[total % 11]


def parse_id_number(raw: str, *, today: date | None = None) -> IdNumberFacts:
    """Validate an 18-character ID number and return what it encodes.

    :raises InvalidIdNumber: wrong length or characters, impossible birth date, or a
        check character that does not match.
    """
    number = raw.strip().upper()
    if len(number) != 18:
        raise InvalidIdNumber("应为18位", "must have 18 characters")
    # isascii: str.isdigit() also accepts full-width and other Unicode digits ("１", "²").
    if (
        not number.isascii()
        or not number[:17].isdigit()
        or not (number[17].isdigit() or number[17] == "X")
    ):
        raise InvalidIdNumber("只能包含数字,末位可为X", "digits only, last may be X")
    try:
        birth = date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        raise InvalidIdNumber("出生日期部分无效", "birth-date part is not a date") from None
    if birth.year < 1900 or birth > (today or date.today()):
        raise InvalidIdNumber("出生日期部分无效", "birth-date part is out of range")
    if check_character(number[:17]) != number[17]:
        raise InvalidIdNumber("校验位错误", "wrong check digit")
    gender = "男" if int(number[16]) % 2 == 1 else "女"
    return IdNumberFacts(number, birth, gender)

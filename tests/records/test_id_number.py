"""公民身份号码 (GB 11643-1999): check character, birth date, gender."""

from __future__ import annotations

from datetime import date

import pytest

from records.id_number import InvalidIdNumber, check_character, parse_id_number
from tests.records.support import TODAY, make_id


def with_x_check() -> str:
    """A valid number whose check character is X (found, not hard-coded)."""
    for sequence in range(1000):
        first17 = f"11010519491001{sequence:03d}"
        if check_character(first17) == "X":
            return first17 + "X"
    raise AssertionError("no sequence gives X")


X_NUMBER = with_x_check()


def test_check_character_known_values() -> None:
    # Worked example of GB 11643-1999 (widely published): 11010519491231002X.
    assert check_character("11010519491231002") == "X"
    assert check_character("44052418800101001") == "4"
    assert parse_id_number("11010519491231002X", today=TODAY).gender == "女"


@pytest.mark.parametrize(
    ("number", "birth", "gender"),
    [
        (make_id("11010519800315001"), date(1980, 3, 15), "男"),
        (make_id("31010419751102002"), date(1975, 11, 2), "女"),
        (make_id("44030520000229123"), date(2000, 2, 29), "男"),  # leap day
        (make_id("51010719000101008"), date(1900, 1, 1), "女"),  # earliest year accepted
        (make_id("61011320261122005"), TODAY, "男"),  # born today (the injected today)
        (X_NUMBER, date(1949, 10, 1), "男" if int(X_NUMBER[16]) % 2 else "女"),
    ],
)
def test_valid_numbers(number: str, birth: date, gender: str) -> None:
    facts = parse_id_number(number, today=TODAY)
    assert facts.number == number
    assert facts.birth_date == birth
    assert facts.gender == gender


def test_lower_case_x_and_surrounding_space_are_normalised() -> None:
    assert X_NUMBER.endswith("X")
    facts = parse_id_number(f"  {X_NUMBER[:17]}x \n", today=TODAY)
    assert facts.number == X_NUMBER


@pytest.mark.parametrize("digit", list("0123456789"))
def test_gender_follows_the_17th_digit(digit: str) -> None:
    number = make_id(f"1101051980031500{digit}")
    assert parse_id_number(number, today=TODAY).gender == ("男" if int(digit) % 2 else "女")


def _wrong_check(number: str) -> str:
    wrong = "0" if number[17] != "0" else "1"
    return number[:17] + wrong


FULL_WIDTH = str.maketrans("0123456789X", "０１２３４５６７８９Ｘ")


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        (_wrong_check(make_id("11010519800315001")), "wrong check digit"),
        (X_NUMBER[:17] + "0", "wrong check digit"),
        (make_id("11010519800315001")[:17], "must have 18 characters"),
        (make_id("11010519800315001") + "0", "must have 18 characters"),
        ("", "must have 18 characters"),
        ("11010519800315001A", "digits only, last may be X"),
        ("1101051980031500X1", "digits only, last may be X"),
        ("11010A198003150012", "digits only, last may be X"),
        ("110105 19800315001", "digits only, last may be X"),
        (make_id("11010519800315001").translate(FULL_WIDTH), "digits only, last may be X"),
        ("²10105198003150012", "digits only, last may be X"),
        ("11010519800230001" + "0", "birth-date part is not a date"),  # Feb 30
        ("11010519810229001" + "0", "birth-date part is not a date"),  # 1981 is not leap
        ("11010519801301001" + "0", "birth-date part is not a date"),  # month 13
        ("11010519800000001" + "0", "birth-date part is not a date"),
        (make_id("11010518991231001"), "birth-date part is out of range"),  # before 1900
        (make_id("11010520261123001"), "birth-date part is out of range"),  # tomorrow
        (make_id("11010520300101001"), "birth-date part is out of range"),
    ],
    ids=lambda value: value.encode("ascii", "backslashreplace").decode() or "empty",
)
def test_invalid_numbers(raw: str, reason: str) -> None:
    with pytest.raises(InvalidIdNumber) as caught:
        parse_id_number(raw, today=TODAY)
    assert caught.value.reason_en == reason
    assert caught.value.reason_zh


def test_feb_30_fails_even_with_the_right_check_character() -> None:
    first17 = "11010519800230001"
    with pytest.raises(InvalidIdNumber, match="not a date"):
        parse_id_number(first17 + check_character(first17), today=TODAY)


def test_full_width_digits_are_not_a_second_spelling_of_a_number() -> None:
    # str.isdigit() accepts "１"; storing such a number would let one person get two dossiers.
    number = make_id("11010519800315001")
    with pytest.raises(InvalidIdNumber):
        parse_id_number(number[:17].translate(FULL_WIDTH) + number[17], today=TODAY)


def test_today_decides_what_is_in_the_future() -> None:
    number = make_id("11010520261123001")  # born 2026-11-23
    with pytest.raises(InvalidIdNumber):
        parse_id_number(number, today=date(2026, 11, 22))
    assert parse_id_number(number, today=date(2026, 11, 23)).birth_date == date(2026, 11, 23)

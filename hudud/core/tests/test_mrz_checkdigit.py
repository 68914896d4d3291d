from __future__ import annotations

import pytest

from hudud.core.mrz import check_digit
from hudud.core.mrz.checkdigit import matches


@pytest.mark.parametrize(
    ("value", "digit"),
    [
        ("L898902C3", "6"),  # ICAO Doc 9303 Part 4 specimen document number
        ("740812", "2"),  # its birth date
        ("120415", "9"),  # its expiry date
        ("ZE184226B<<<<<", "1"),  # its personal number
        ("L898902C36740812212041 59ZE184226B<<<<<1".replace(" ", ""), "0"),  # its composite
        ("D23145890734", "9"),  # ICAO Part 11 extended document number, filler excluded
    ],
)
def test_icao_specimen_check_digits_are_reproduced(value: str, digit: str) -> None:
    assert check_digit(value) == digit


def test_fillers_count_as_zero_so_trailing_fillers_do_not_change_the_digit() -> None:
    assert check_digit("10000999<") == check_digit("10000999")


def test_an_all_filler_field_has_check_digit_zero() -> None:
    assert check_digit("<<<<<<") == "0"


def test_letters_count_from_ten() -> None:
    assert check_digit("A") == "0"  # 10 * 7 = 70
    assert check_digit("B") == "7"  # 11 * 7 = 77


def test_characters_outside_the_mrz_alphabet_have_no_check_digit() -> None:
    assert check_digit("abc") is None
    assert check_digit("A B") is None


def test_a_filler_in_the_check_position_never_matches() -> None:
    assert not matches("<<<<<<", "<")
    assert matches("<<<<<<", "0")

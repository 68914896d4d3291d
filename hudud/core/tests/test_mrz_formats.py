"""Each format's ICAO specimen, and how input of the wrong shape is treated."""

from __future__ import annotations

from datetime import date

import pytest

from hudud.core.mrz import parse

TODAY = date(2026, 11, 22)

TD1 = (
    "I<UTOD231458907<<<<<<<<<<<<<<<\n7408122F1204159UTO<<<<<<<<<<<6\nERIKSSON<<ANNA<MARIA<<<<<<<<<<"
)
TD2 = "I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<\nD231458907UTO7408122F1204159<<<<<<<6"
TD3 = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10"
MRVA = "V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL8988901C4XXX4009078F96121096ZE184226B<<<<<<"
MRVB = "V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<\nL8988901C4XXX4009078F9612109<<<<<<<<"


@pytest.mark.parametrize(
    ("text", "expected_format"),
    [(TD1, "TD1"), (TD2, "TD2"), (TD3, "TD3"), (MRVA, "MRVA"), (MRVB, "MRVB")],
)
def test_each_icao_specimen_is_recognised_and_valid(text: str, expected_format: str) -> None:
    result = parse(text, today=TODAY)
    assert result.format == expected_format
    assert result.valid, result.errors
    assert (result.surname, result.given_names) == ("ERIKSSON", "ANNA MARIA")


def test_the_td3_specimen_has_every_field() -> None:
    result = parse(TD3, today=TODAY)
    assert result.document_code == "P"
    assert result.issuing_state == "UTO"
    assert result.document_number == "L898902C3"
    assert result.nationality == "UTO"
    assert result.birth_date == date(1974, 8, 12)
    assert result.expiry_date == date(2012, 4, 15)
    assert result.sex == "F"
    assert result.personal_number == "ZE184226B"
    assert result.optional_data == "ZE184226B"
    assert result.optional_data_1 is None


def test_the_visa_specimens_carry_optional_data_and_a_stateless_nationality() -> None:
    mrva, mrvb = parse(MRVA, today=TODAY), parse(MRVB, today=TODAY)
    assert mrva.document_number == "L8988901C"
    assert mrva.nationality == "XXX"
    assert mrva.optional_data == "6ZE184226B"
    assert mrvb.optional_data == ""
    assert mrva.expiry_date == date(1996, 12, 10)


def test_a_visa_has_no_composite_check_digit_to_fail() -> None:
    altered = MRVA[:-1] + "9"  # optional data, covered by no check digit
    assert parse(altered, today=TODAY).valid


def test_crlf_line_ends_and_surrounding_whitespace_are_accepted() -> None:
    text = "  " + TD3.replace("\n", " \r\n\t") + "\r\n\r\n"
    assert parse(text, today=TODAY).valid
    assert parse(text, today=TODAY).warnings == ()


def test_a_zone_written_on_one_line_is_split_with_a_warning() -> None:
    for text in (TD1, TD2, TD3):
        result = parse(text.replace("\n", ""), today=TODAY)
        assert result.valid
        assert [w.code for w in result.warnings] == ["single_line_split"]


def test_lowercase_is_uppercased_with_a_warning() -> None:
    result = parse(TD3.lower(), today=TODAY)
    assert result.valid
    assert result.surname == "ERIKSSON"
    assert [w.code for w in result.warnings] == ["lowercase_uppercased"]


def test_lowercase_is_an_invalid_character_in_strict_mode() -> None:
    result = parse(TD3.lower(), today=TODAY, ocr_correct=False)
    assert not result.valid
    assert "invalid_character" in {e.code for e in result.errors}


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   \n\n",
        TD3.splitlines()[0],  # one line only
        TD3.splitlines()[0] + "\n" + TD3.splitlines()[1][:-1],  # second line truncated
        TD3 + "\n" + TD3.splitlines()[1],  # three lines of 44
        TD1 + "\n" + "<" * 30,  # four lines of 30
        TD2.splitlines()[0] + "\n" + TD3.splitlines()[1],  # 36 then 44
        TD3.replace("\n", "")[:-1],  # one line, one short of 88
        "مرحبا\n世界",
    ],
)
def test_input_of_the_wrong_shape_is_an_unrecognised_format_error(text: str) -> None:
    result = parse(text, today=TODAY)
    assert result.format is None
    assert not result.valid
    assert [(e.code, e.field) for e in result.errors] == [("unrecognised_format", "mrz")]
    assert result.surname is None


def test_the_unrecognised_format_message_says_what_was_read() -> None:
    result = parse("ABC\nDEFG", today=TODAY)
    assert result.errors[0].message.endswith("got 2 lines of 3, 4 characters")


def test_a_td1_sized_zone_keeps_its_format_whatever_its_document_code() -> None:
    result = parse("V" + TD1[1:], today=TODAY)
    assert result.format == "TD1"
    assert "document_code_unusual" in {w.code for w in result.warnings}

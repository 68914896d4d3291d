"""OCR corrections: only where a check digit confirms them, always reported, none when strict."""

from __future__ import annotations

from datetime import date

from hudud.core.mrz import MrzResult, parse

TODAY = date(2026, 11, 22)
TD3 = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10"
TD1 = (
    "I<UTOD231458907<<<<<<<<<<<<<<<\n7408122F1204159UTO<<<<<<<<<<<6\nERIKSSON<<ANNA<MARIA<<<<<<<<<<"
)
MRVA = "V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL8988901C4XXX4009078F96121096ZE184226B<<<<<<"


def corrections(result: MrzResult) -> list[tuple[str, str]]:
    return [(w.field, w.message) for w in result.warnings if w.code == "ocr_corrected"]


def test_letters_in_a_date_are_corrected_when_the_check_digit_confirms() -> None:
    result = parse(TD3.replace("7408122F", "74O8I22F"), today=TODAY)
    assert result.valid
    assert result.birth_date == date(1974, 8, 12)
    assert corrections(result) == [
        ("birth_date", "read '74O8I2', corrected to '740812' (check digit confirms)")
    ]


def test_a_letter_in_a_check_digit_is_corrected_when_it_then_checks() -> None:
    result = parse(TD3.replace("7408122F", "740812ZF"), today=TODAY)
    assert result.valid
    assert corrections(result) == [
        ("birth_date_check_digit", "read check digit 'Z', corrected to '2' (check digit confirms)")
    ]


def test_a_date_the_check_digit_does_not_confirm_is_left_as_read() -> None:
    result = parse(TD3.replace("7408122F", "74O8I23F"), today=TODAY)
    assert not result.valid
    assert result.birth_date_raw == "74O8I2"
    assert corrections(result) == []
    assert "birth_date_check_digit" in {e.code for e in result.errors}


def test_a_document_number_is_corrected_when_one_swap_satisfies_its_check_and_the_composite() -> (
    None
):
    result = parse(TD3.replace("L898902C3", "L8989O2C3"), today=TODAY)
    assert result.valid
    assert result.document_number == "L898902C3"
    [(field, message)] = corrections(result)
    assert field == "document_number"
    assert message.startswith("read 'L8989O2C3', corrected to 'L898902C3'")


def test_a_td1_document_number_with_one_confirmed_reading_is_corrected() -> None:
    result = parse(TD1.replace("D23145890", "D2314589O"), today=TODAY)
    assert result.valid
    assert result.document_number == "D23145890"


def test_a_document_number_with_two_confirmed_readings_is_left_for_an_officer() -> None:
    # D->0 at the start and 8->B further on both satisfy the check digit (and so the composite).
    result = parse(TD1.replace("D23145890", "023145890"), today=TODAY)
    assert not result.valid
    assert result.document_number == "023145890"
    assert corrections(result) == []


def test_a_visa_document_number_is_not_corrected_without_a_composite_to_confirm() -> None:
    result = parse(MRVA.replace("L8988901C", "L89889O1C"), today=TODAY)
    assert not result.valid
    assert corrections(result) == []


def test_strict_mode_corrects_nothing() -> None:
    result = parse(TD3.replace("7408122F", "74O8I22F"), today=TODAY, ocr_correct=False)
    assert not result.valid
    assert result.warnings == () or corrections(result) == []
    assert result.birth_date_raw == "74O8I2"


def test_names_are_never_corrected_but_digits_in_them_are_reported() -> None:
    result = parse(TD3.replace("ERIKSSON", "ER1KSS0N"), today=TODAY)
    assert result.valid
    assert result.surname == "ER1KSS0N"
    assert [(w.code, w.field) for w in result.warnings] == [("name_contains_digits", "surname")]


def test_a_clean_zone_gets_no_correction_warnings() -> None:
    assert parse(TD3, today=TODAY).warnings == ()

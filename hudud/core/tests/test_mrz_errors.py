"""Every error code, with the field it names and a message that points at line and position."""

from __future__ import annotations

from datetime import date

from hudud.core.mrz import MrzResult, generate_td1, generate_td3, parse

TODAY = date(2026, 11, 22)
TD3 = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10"


def at(text: str, line: int, position: int, char: str) -> str:
    """`text` with the character at a 1-based line and position replaced."""
    lines = text.split("\n")
    row = lines[line - 1]
    lines[line - 1] = row[: position - 1] + char + row[position:]
    return "\n".join(lines)


def strict(text: str) -> MrzResult:
    return parse(text, today=TODAY, ocr_correct=False)


def codes(result: MrzResult) -> set[tuple[str, str]]:
    return {(e.code, e.field) for e in result.errors}


def test_a_wrong_document_number_check_digit_names_its_line_and_position() -> None:
    result = strict(at(TD3, 2, 10, "7"))
    assert codes(result) == {
        ("document_number_check_digit", "document_number"),
        ("composite_check_digit", "composite_check_digit"),
    }
    message = result.errors[0].message
    assert message.startswith("line 2, position 10:")
    assert "'7'" in message
    assert "'6'" in message


def test_a_wrong_birth_date_check_digit_is_reported_with_the_digit_expected() -> None:
    result = strict(at(TD3, 2, 20, "3"))
    assert ("birth_date_check_digit", "birth_date") in codes(result)
    assert result.errors[0].message == (
        "line 2, position 20: birth date check digit is '3' but '740812' give '2'"
    )


def test_a_wrong_expiry_date_check_digit_is_an_error() -> None:
    assert ("expiry_date_check_digit", "expiry_date") in codes(strict(at(TD3, 2, 28, "0")))


def test_a_wrong_personal_number_check_digit_is_an_error() -> None:
    result = strict(at(TD3, 2, 43, "2"))
    assert ("personal_number_check_digit", "personal_number") in codes(result)


def test_a_wrong_composite_alone_is_an_error() -> None:
    result = strict(at(TD3, 2, 44, "1"))
    assert codes(result) == {("composite_check_digit", "composite_check_digit")}
    assert result.errors[0].message.startswith("line 2, position 44:")


def test_an_unknown_issuing_state_is_an_error() -> None:
    result = strict(at(TD3, 1, 3, "Q").replace("P<QTO", "P<QQQ"))
    assert codes(result) == {("issuing_state_unknown_code", "issuing_state")}
    assert result.issuing_state == "QQQ"


def test_an_unknown_nationality_is_an_error_but_leaves_the_check_digits_alone() -> None:
    result = strict(at(TD3, 2, 11, "Q"))
    assert codes(result) == {("nationality_unknown_code", "nationality")}


def test_an_invalid_sex_is_an_error() -> None:
    result = strict(at(TD3, 2, 21, "K"))
    assert codes(result) == {("invalid_sex", "sex")}
    assert result.sex is None


def test_an_unspecified_sex_is_null_and_not_an_error() -> None:
    result = strict(at(TD3, 2, 21, "<"))
    assert result.valid
    assert result.sex is None


def test_a_non_calendar_date_whose_check_digit_passes_is_an_invalid_date() -> None:
    text = generate_td3(
        issuing_state="IRQ",
        surname="ALI",
        document_number="A1",
        nationality="IRQ",
        birth_date="741332",
        sex="M",
        expiry_date=date(2030, 1, 1),
    )
    result = strict(text)
    assert codes(result) == {("invalid_date", "birth_date")}
    assert result.birth_date is None
    assert result.birth_date_raw == "741332"


def test_an_invalid_expiry_date_is_an_error_on_the_expiry_field() -> None:
    text = generate_td1(
        issuing_state="IRQ",
        surname="ALI",
        document_number="A1",
        nationality="IRQ",
        birth_date=date(1980, 1, 1),
        sex="M",
        expiry_date="300230",
    )
    assert codes(strict(text)) == {("invalid_date", "expiry_date")}


def test_characters_outside_the_alphabet_are_invalid_characters_in_their_field() -> None:
    result = strict(at(TD3, 1, 8, "é"))
    assert codes(result) == {("invalid_character", "name")}
    assert result.errors[0].message.startswith("line 1, position 8: 'é'")


def test_an_invalid_character_in_a_checked_field_also_fails_its_check_digit() -> None:
    result = strict(at(TD3, 2, 3, "#"))
    assert ("invalid_character", "document_number") in codes(result)
    assert ("document_number_check_digit", "document_number") in codes(result)
    assert "cannot be verified" in result.errors[1].message


def test_errors_make_a_result_invalid_and_warnings_do_not() -> None:
    result = parse(TD3.lower(), today=TODAY)
    assert result.warnings
    assert not result.errors
    assert result.valid

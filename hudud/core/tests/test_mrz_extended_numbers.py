"""Document numbers longer than 9 characters (TD1, TD2) and the issuers' filler practice."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from hudud.core.mrz import generate_td1, generate_td2, generate_td3, parse

TODAY = date(2026, 11, 22)
STEVENSON = (
    "I<UTOD23145890<7349<<<<<<<<<<<\n3407127M9507122UTO<<<<<<<<<<<2\nSTEVENSON<<PETER<JOHN<<<<<<<<<"
)
# A Belgian card whose check digit 3 only matches "000590240<601", filler included.
BELGIAN = (
    "IDBEL000590240<6013<<<<<<<<<<<\n8512017F1311048BEL851201002007\nREINARTZ<<ULRIKE<KATIA<E<<<<<<"
)


def test_the_icao_part_11_sample_continues_its_number_in_the_optional_data() -> None:
    result = parse(STEVENSON, today=TODAY)
    assert result.valid
    assert result.document_number == "D23145890734"
    assert result.document_number_extended
    assert result.document_number_check_digit == "9"
    assert result.optional_data_1 == ""


def test_a_filler_check_digit_with_empty_optional_data_is_not_an_extension() -> None:
    text = "I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<\nD23145890<UTO7408122F1204159<<<<<<<6"
    result = parse(text, today=TODAY)
    assert not result.document_number_extended
    assert {e.code for e in result.errors} == {
        "document_number_check_digit",
        "composite_check_digit",
    }


def test_a_short_number_padded_with_a_filler_is_not_an_extension() -> None:
    text = "IDROUPOPESCU<<MARIN<<<<<<<<<<<<<<<<<\nSS099993<1ROU4609135M810913814000881"
    result = parse(text, today=TODAY)
    assert result.valid
    assert (result.document_number, result.document_number_extended) == ("SS099993", False)


def test_a_filler_included_check_digit_is_accepted_with_a_named_warning_by_default() -> None:
    result = parse(BELGIAN, today=TODAY)
    assert result.valid
    assert [w.code for w in result.warnings] == ["document_number_check_digit_includes_filler"]
    assert result.warnings[0].field == "document_number"


def test_a_filler_included_check_digit_is_an_error_under_icaos_rule() -> None:
    result = parse(BELGIAN, today=TODAY, issuer_filler_rule=False)
    assert not result.valid
    assert [e.code for e in result.errors] == ["document_number_check_digit"]
    assert "filler" in result.errors[0].message
    assert result.warnings == ()


def test_a_check_digit_matching_neither_rule_is_an_error_in_both_readings() -> None:
    broken = BELGIAN.replace("<6013<", "<6016<")
    for rule in (True, False):
        result = parse(broken, today=TODAY, issuer_filler_rule=rule)
        assert "document_number_check_digit" in {e.code for e in result.errors}


@pytest.mark.parametrize("generate", [generate_td1, generate_td2])
def test_generated_extended_numbers_read_back(generate: Callable[..., str]) -> None:
    text = generate(
        issuing_state="PRT",
        surname="SILVA",
        document_number="007777779ZZ9",
        nationality="PRT",
        birth_date=date(1983, 3, 14),
        sex="M",
        expiry_date=date(2034, 5, 28),
    )
    result = parse(text, today=TODAY, issuer_filler_rule=False)
    assert result.valid, result.errors
    assert result.document_number == "007777779ZZ9"
    assert result.document_number_extended


def test_optional_data_after_an_extended_number_is_kept() -> None:
    text = generate_td1(
        issuing_state="UTO",
        surname="X",
        document_number="D23145890123",
        nationality="UTO",
        birth_date=date(1974, 8, 12),
        sex="F",
        expiry_date=date(2030, 1, 1),
        optional_data_1="AB<C",
    )
    assert text.splitlines()[0] == "I<UTOD23145890<1233<AB<C<<<<<<"
    result = parse(text, today=TODAY)
    assert result.valid
    assert result.optional_data_1 == "AB<C"


def test_a_passport_number_cannot_be_extended() -> None:
    with pytest.raises(ValueError, match="at most 9"):
        generate_td3(
            issuing_state="IRQ",
            surname="X",
            document_number="A123456789",
            nationality="IRQ",
            birth_date=date(1980, 1, 1),
            sex="M",
            expiry_date=date(2030, 1, 1),
        )

"""Century inference for birth and expiry dates, against an injected today (2026-11-22)."""

from __future__ import annotations

from datetime import date

from hudud.core.mrz import generate_td1, generate_td3, parse
from hudud.core.mrz.dates import read_birth_date, read_expiry_date

TODAY = date(2026, 11, 22)


def test_a_birth_year_that_would_be_in_the_future_belongs_to_the_last_century() -> None:
    reading = read_birth_date("270101", today=TODAY)
    assert reading.value == date(1927, 1, 1)
    assert reading.status == "ok"


def test_a_birth_date_possible_in_both_centuries_is_ambiguous_with_both_candidates() -> None:
    reading = read_birth_date("120217", today=TODAY)
    assert reading.value is None
    assert reading.candidates == (date(1912, 2, 17), date(2012, 2, 17))


def test_an_ambiguous_birth_date_is_null_with_a_warning_listing_both_readings() -> None:
    text = generate_td3(
        issuing_state="IRQ",
        surname="ALI",
        document_number="A1",
        nationality="IRQ",
        birth_date="150601",
        sex="F",
        expiry_date=date(2030, 1, 1),
    )
    result = parse(text, today=TODAY)
    assert result.valid
    assert result.birth_date is None
    assert result.birth_date_candidates == (date(1915, 6, 1), date(2015, 6, 1))
    warning = next(w for w in result.warnings if w.code == "birth_date_century_ambiguous")
    assert "1915-06-01" in warning.message
    assert "2015-06-01" in warning.message
    assert result.to_json()["birth_date_candidates"] == ["1915-06-01", "2015-06-01"]


def test_today_itself_is_a_possible_birth_date() -> None:
    assert read_birth_date("261122", today=TODAY).candidates[-1] == TODAY
    assert read_birth_date("261123", today=TODAY).value == date(1926, 11, 23)


def test_a_birth_date_after_the_documents_expiry_is_impossible() -> None:
    reading = read_birth_date("100101", today=TODAY, expiry=date(2009, 12, 31))
    assert reading.value == date(1910, 1, 1)


def test_a_birth_date_after_the_expiry_in_both_centuries_is_an_invalid_date() -> None:
    text = generate_td3(
        issuing_state="IRQ",
        surname="ALI",
        document_number="A1",
        nationality="IRQ",
        birth_date="850101",
        sex="M",
        expiry_date=date(1981, 1, 1),
    )
    result = parse(text, today=TODAY)
    assert [(e.code, e.field) for e in result.errors] == [("invalid_date", "birth_date")]
    assert "after the expiry date" in result.errors[0].message


def test_the_29th_of_february_keeps_only_the_leap_century() -> None:
    assert read_birth_date("000229", today=TODAY).candidates == (date(2000, 2, 29),)


def test_expiry_dates_are_read_within_fifty_years_of_today() -> None:
    assert read_expiry_date("120415", today=TODAY).value == date(2012, 4, 15)
    assert read_expiry_date("700601", today=TODAY).value == date(2070, 6, 1)
    assert read_expiry_date("810913", today=TODAY).value == date(1981, 9, 13)
    # The window is [today - 50 years, today + 50 years): its first day in, its last day out.
    assert read_expiry_date("761122", today=TODAY).value == date(1976, 11, 22)
    assert read_expiry_date("761121", today=TODAY).value == date(2076, 11, 21)


def test_the_expiry_window_moves_with_today() -> None:
    assert read_expiry_date("100101", today=date(2080, 1, 1)).value == date(2110, 1, 1)


def test_an_expiry_of_fillers_means_none_stated_and_is_not_an_error() -> None:
    text = generate_td1(
        issuing_state="RUS",
        surname="IVANOV",
        document_number="1",
        nationality="RUS",
        birth_date=date(1970, 1, 1),
        sex="M",
        expiry_date=None,
    )
    result = parse(text, today=TODAY)
    assert result.valid
    assert result.expiry_date is None
    assert result.expiry_date_raw == "<<<<<<"
    assert [w.code for w in result.warnings] == ["expiry_date_not_stated"]


def test_a_birth_date_with_unknown_day_and_month_is_null_with_a_warning() -> None:
    text = generate_td3(
        issuing_state="IRQ",
        surname="ALI",
        document_number="A1",
        nationality="IRQ",
        birth_date="75<<<<",
        sex="M",
        expiry_date=date(2030, 1, 1),
    )
    result = parse(text, today=TODAY)
    assert result.valid
    assert result.birth_date is None
    assert [w.code for w in result.warnings] == ["birth_date_partly_unknown"]


def test_a_belgian_register_number_settles_the_birth_century() -> None:
    text = "\n".join(
        [
            "IDBEL615057409<9390<<<<<<<<<<<",
            "1202177F2506160BEL120217144293",
            "SPECIMEN<<SPECIMEN<<<<<<<<<<<<",
        ]
    )
    result = parse(text, today=TODAY)
    assert result.birth_date == date(2012, 2, 17)
    assert result.birth_date_candidates == (date(1912, 2, 17), date(2012, 2, 17))


def test_a_register_number_of_another_issuer_settles_nothing() -> None:
    text = generate_td1(
        issuing_state="NLD",
        surname="X",
        document_number="1",
        nationality="NLD",
        birth_date="120217",
        sex="F",
        expiry_date=date(2030, 1, 1),
        optional_data_2="12021714429",
    )
    assert parse(text, today=TODAY).birth_date is None


def test_today_defaults_to_the_local_date() -> None:
    text = generate_td3(
        issuing_state="IRQ",
        surname="ALI",
        document_number="A1",
        nationality="IRQ",
        birth_date=date(1980, 1, 1),
        sex="M",
        expiry_date=date(2030, 1, 1),
    )
    assert parse(text).birth_date == date(1980, 1, 1)

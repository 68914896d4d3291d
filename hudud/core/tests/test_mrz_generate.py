"""Generation, and the round trip: generate then parse gives the fields back, valid."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hudud.core.mrz import generate, parse

TODAY = date(2026, 11, 22)
STATES = ["IRQ", "IRN", "TUR", "SYR", "JOR", "GBR", "D", "UTO", "XXA", "UNO", "EUE"]
WORD = st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=1, max_size=6)
NAME = st.lists(WORD, min_size=1, max_size=2).map(" ".join)
ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
# Born 1927-1999: 20YY would be after TODAY, so the century is certain.
BIRTH = st.dates(date(1927, 1, 1), date(1999, 12, 31))
EXPIRY = st.dates(date(2000, 1, 1), date(2076, 11, 21))
# Longest document number: TD1 and TD2 continue theirs in the optional data (15 and 7 long),
# after which come its check digit and a filler.
NUMBER_LENGTH = {"TD1": 9 + 13, "TD2": 9 + 5, "TD3": 9, "MRVA": 9, "MRVB": 9}
OPTIONAL_WIDTH = {"TD1": 15, "TD2": 7, "TD3": 14, "MRVA": 16, "MRVB": 8}


@st.composite
def documents(draw: st.DrawFn, fmt: str) -> dict[str, Any]:
    length = NUMBER_LENGTH[fmt]
    fields: dict[str, Any] = {
        "issuing_state": draw(st.sampled_from(STATES)),
        "nationality": draw(st.sampled_from(STATES)),
        "surname": draw(NAME),
        "given_names": draw(st.one_of(st.just(""), NAME)),
        "document_number": draw(st.text(alphabet=ALNUM, min_size=1, max_size=length)),
        "birth_date": draw(BIRTH),
        "expiry_date": draw(st.one_of(st.none(), EXPIRY)),
        "sex": draw(st.sampled_from(["M", "F", "X", None])),
    }
    room = OPTIONAL_WIDTH[fmt]
    if len(fields["document_number"]) > 9:
        room -= len(fields["document_number"]) - 9 + 2
    optional = draw(st.text(alphabet=ALNUM + "<", max_size=room).map(lambda text: text.rstrip("<")))
    if fmt == "TD1":
        fields["optional_data_1"] = optional
        fields["optional_data_2"] = draw(st.text(alphabet=ALNUM, max_size=11))
    elif fmt == "TD3":
        fields["personal_number"] = draw(st.text(alphabet=ALNUM, max_size=14))
    else:
        fields["optional_data"] = optional
    return fields


@pytest.mark.parametrize("fmt", ["TD1", "TD2", "TD3", "MRVA", "MRVB"])
@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_generate_then_parse_gives_the_fields_back(fmt: str, data: st.DataObject) -> None:
    fields = data.draw(documents(fmt))
    result = parse(generate(fmt, **fields), today=TODAY, ocr_correct=False)
    assert result.valid, result.errors
    assert result.format == fmt
    ours = result.to_json()
    for key, value in fields.items():
        if isinstance(value, date):
            value = value.isoformat()
        assert ours[key] == value, key


def test_the_iraqi_example_from_the_issue_is_pleasant_to_call_and_valid() -> None:
    text = generate(
        "TD3",
        document_code="P",
        issuing_state="IRQ",
        surname="AL RUBAIE",
        given_names="HUSSEIN ALI",
        document_number="A12345678",
        nationality="IRQ",
        birth_date=date(1979, 5, 4),
        sex="M",
        expiry_date=date(2031, 7, 1),
        personal_number="",
    )
    assert text.splitlines()[0] == "P<IRQAL<RUBAIE<<HUSSEIN<ALI".ljust(44, "<")
    result = parse(text, today=TODAY)
    assert result.valid
    assert (result.surname, result.given_names) == ("AL RUBAIE", "HUSSEIN ALI")


def test_an_empty_personal_number_gets_a_filler_check_digit() -> None:
    text = generate(
        "TD3",
        issuing_state="IRQ",
        surname="ALI",
        document_number="A1",
        nationality="IRQ",
        birth_date=date(1980, 1, 1),
        sex="F",
        expiry_date=date(2030, 1, 1),
    )
    assert text.splitlines()[1][28:43] == "<" * 15


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"document_number": "A-1"}, "document number"),
        ({"issuing_state": "IRAQ"}, "issuing state"),
        ({"sex": "male"}, "sex"),
        ({"birth_date": "1980-01-01"}, "date"),
        ({"document_code": "V"}, "document code"),
    ],
)
def test_fields_that_cannot_be_written_raise_value_error(
    changes: dict[str, Any], message: str
) -> None:
    fields: dict[str, Any] = {
        "issuing_state": "IRQ",
        "surname": "ALI",
        "document_number": "A1",
        "nationality": "IRQ",
        "birth_date": date(1980, 1, 1),
        "sex": "F",
        "expiry_date": date(2030, 1, 1),
    }
    with pytest.raises(ValueError, match=message):
        generate("TD3", **{**fields, **changes})


def test_an_unknown_format_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="TD4"):
        generate("TD4")

from __future__ import annotations

import pytest

from hudud.core.mrz import states


@pytest.mark.parametrize(
    "code",
    [
        "IRQ",
        "IRN",
        "SYR",
        "TUR",
        "JOR",
        "KWT",
        "SAU",
        "D",
        "UTO",
        "XXA",
        "XXB",
        "XXC",
        "XXX",
        "XOM",
        "UNO",
        "UNA",
        "UNK",
        "EUE",
        "GBD",
        "GBN",
        "GBO",
        "GBP",
        "GBS",
        "RKS",
    ],
)
def test_states_and_icao_special_codes_are_known(code: str) -> None:
    assert states.is_known(code)


@pytest.mark.parametrize("code", ["", "ZZZ", "IR", "<<<", "irq", "DE"])
def test_other_codes_are_unknown(code: str) -> None:
    assert not states.is_known(code)


def test_codes_have_english_names() -> None:
    assert states.name_of("IRQ") == "Iraq"
    assert states.name_of("ZZZ") is None

"""The Python API: batches, results, the unlimited policy, and the documented examples."""

from __future__ import annotations

import doctest
import importlib
from datetime import date

import pytest

from hudud.core.stay import (
    Crossing,
    PerEntry,
    Rolling,
    StayError,
    StayRequest,
    StayResult,
    Unlimited,
    evaluate,
    evaluate_many,
)

JAN_1 = date(2026, 1, 1)


def entered(day: date) -> tuple[Crossing, ...]:
    return (Crossing(day, "entry"),)


def test_a_batch_yields_one_answer_per_request_in_order() -> None:
    bad = (Crossing(JAN_1, "exit"),)
    answers = evaluate_many(
        [
            StayRequest(JAN_1, Rolling(90, 180), entered(JAN_1)),
            StayRequest(JAN_1, Rolling(90, 180), bad),
            StayRequest(date(2026, 1, 2), PerEntry(30)),
        ]
    )
    assert isinstance(answers[0], StayResult)
    assert isinstance(answers[1], StayError)
    assert answers[1].issues[0].code == "exit_without_entry"
    assert isinstance(answers[2], StayResult)
    assert answers[2].present is False


def test_an_unlimited_traveller_has_no_last_day_and_never_overstays() -> None:
    result = evaluate(StayRequest(date(2030, 1, 1), Unlimited(), entered(JAN_1)))
    assert result.unlimited is True
    assert result.last_allowed_day is None
    assert result.remaining_days is None
    assert result.overstay_days == 0
    assert result.days_used == (date(2030, 1, 1) - JAN_1).days + 1


def test_remaining_days_inside_are_the_days_after_today() -> None:
    result = evaluate(StayRequest(date(2026, 3, 30), Rolling(90, 180), entered(JAN_1)))
    assert result.remaining_days == 1
    on_last_day = evaluate(StayRequest(date(2026, 3, 31), Rolling(90, 180), entered(JAN_1)))
    assert on_last_day.remaining_days == 0


def test_remaining_days_outside_include_the_day_of_entry() -> None:
    result = evaluate(StayRequest(JAN_1, Rolling(90, 180)))
    assert result.remaining_days == 90


def test_an_overstayer_has_no_remaining_days() -> None:
    result = evaluate(StayRequest(date(2026, 5, 1), PerEntry(30), entered(JAN_1)))
    assert result.overstay is True
    assert result.remaining_days == 0


def test_the_json_form_has_exactly_the_contract_fields() -> None:
    result = evaluate(StayRequest(JAN_1, Rolling(90, 180), entered(JAN_1)))
    assert result.as_json() == {
        "present": True,
        "days_used": 1,
        "last_allowed_day": "2026-03-31",
        "overstay_days": 0,
    }


@pytest.mark.parametrize(
    "module",
    [
        "hudud.core.stay",
        "hudud.core.stay.errors",
        "hudud.core.stay.policy",
        "hudud.core.stay.request",
        "hudud.core.stay.history",
        "hudud.core.stay.intervals",
        "hudud.core.stay.evaluate",
        "hudud.core.stay.reference",
    ],
)
def test_the_docstring_examples_hold(module: str) -> None:
    outcome = doctest.testmod(importlib.import_module(module))
    assert outcome.failed == 0
    assert outcome.attempted > 0

"""Which days a traveller is present on, read from a history of crossings."""

from __future__ import annotations

from datetime import date

import pytest

from hudud.core.stay import (
    Crossing,
    Rolling,
    StayError,
    StayRequest,
    StayResult,
    evaluate,
    parse_request,
)

EU = {"kind": "rolling", "max_days": 90, "window_days": 180}


def stay(as_of: str, crossings: list[tuple[str, str]]) -> StayResult:
    return evaluate(parse_request(request(as_of, crossings)))


def request(as_of: str, crossings: list[tuple[str, str]]) -> dict[str, object]:
    listed = [{"date": d, "direction": k} for d, k in crossings]
    return {"as_of": as_of, "policy": EU, "crossings": listed}


def issues(as_of: str, crossings: list[tuple[str, str]]) -> list[tuple[str, str]]:
    with pytest.raises(StayError) as raised:
        parse_request(request(as_of, crossings))
    return [(issue.code, issue.field) for issue in raised.value.issues]


def test_an_open_stay_counts_up_to_as_of() -> None:
    result = stay("2026-01-05", [("2026-01-01", "entry")])
    assert result.present is True
    assert result.days_used == 5


def test_a_traveller_is_present_on_the_day_of_exit() -> None:
    assert stay("2026-01-05", [("2026-01-01", "entry"), ("2026-01-05", "exit")]).present
    assert not stay("2026-01-06", [("2026-01-01", "entry"), ("2026-01-05", "exit")]).present


def test_an_exit_and_reentry_on_the_same_day_count_that_day_once() -> None:
    crossings = [("2026-01-01", "entry"), ("2026-01-05", "exit"), ("2026-01-05", "entry")]
    assert stay("2026-01-10", crossings).days_used == 10


def test_a_day_trip_counts_one_day() -> None:
    assert stay("2026-01-10", [("2026-01-05", "entry"), ("2026-01-05", "exit")]).days_used == 1


def test_crossings_after_as_of_are_ignored() -> None:
    crossings = [("2026-01-01", "entry"), ("2026-01-20", "exit")]
    result = stay("2026-01-10", crossings)
    assert result.present is True
    assert result.days_used == 10


def test_a_refusal_is_accepted_and_never_makes_anyone_present() -> None:
    result = stay("2026-01-10", [("2026-01-05", "refusal")])
    assert result.present is False
    assert result.days_used == 0


def test_crossings_are_sorted_by_date_keeping_the_same_day_order_given() -> None:
    crossings = [("2026-01-05", "exit"), ("2026-01-05", "entry"), ("2026-01-01", "entry")]
    result = stay("2026-01-10", crossings)
    assert result.present is True
    assert result.days_used == 10


def test_two_entries_without_an_exit_name_the_second_entry() -> None:
    crossings = [("2026-01-01", "entry"), ("2026-01-03", "exit"), ("2026-01-05", "entry")]
    crossings.append(("2026-01-07", "entry"))
    found = issues("2026-01-10", crossings)
    assert found == [("entry_without_exit", "crossings[3]")]


def test_the_error_message_names_the_date_of_the_second_entry() -> None:
    with pytest.raises(StayError, match="2026-01-07"):
        parse_request(request("2026-01-10", [("2026-01-01", "entry"), ("2026-01-07", "entry")]))


def test_a_first_crossing_that_is_an_exit_is_an_error() -> None:
    assert issues("2026-01-10", [("2026-01-01", "exit")]) == [
        ("exit_without_entry", "crossings[0]")
    ]


def test_the_index_named_is_the_position_in_the_input_list() -> None:
    crossings = [("2026-01-09", "exit"), ("2026-01-01", "entry"), ("2026-01-08", "exit")]
    assert issues("2026-01-10", crossings) == [("exit_without_entry", "crossings[0]")]


def test_every_inconsistency_is_reported() -> None:
    crossings = [("2026-01-01", "exit"), ("2026-01-02", "entry"), ("2026-01-03", "entry")]
    assert issues("2026-01-10", crossings) == [
        ("exit_without_entry", "crossings[0]"),
        ("entry_without_exit", "crossings[2]"),
    ]


def test_an_inconsistency_after_as_of_is_not_yet_known() -> None:
    crossings = [("2026-01-01", "entry"), ("2026-01-20", "entry")]
    assert stay("2026-01-10", crossings).present is True


def test_evaluate_also_refuses_an_inconsistent_history_built_in_python() -> None:
    twice = (Crossing(date(2026, 1, 1), "entry"), Crossing(date(2026, 1, 2), "entry"))
    with pytest.raises(StayError) as raised:
        evaluate(StayRequest(date(2026, 1, 5), Rolling(90, 180), twice))
    assert raised.value.issues[0].code == "entry_without_exit"

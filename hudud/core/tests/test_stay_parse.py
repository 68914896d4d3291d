"""Reading requests from JSON objects: every problem reported, each naming its field."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from hudud.core.stay import PerEntry, Period, Rolling, StayError, parse_policy, parse_request


def valid() -> dict[str, Any]:
    return {
        "as_of": "2026-03-01",
        "policy": {"kind": "rolling", "max_days": 90, "window_days": 180},
        "crossings": [
            {"date": "2026-01-01", "direction": "entry"},
            {"date": "2026-01-10", "direction": "exit"},
        ],
        "exempt": [{"from": "2026-02-01", "to": "2026-02-10"}],
    }


def problems(obj: object) -> list[tuple[str, str]]:
    with pytest.raises(StayError) as raised:
        parse_request(obj)
    return [(issue.code, issue.field) for issue in raised.value.issues]


def test_a_valid_request_reads_into_typed_values() -> None:
    request = parse_request(valid())
    assert request.as_of == date(2026, 3, 1)
    assert request.policy == Rolling(90, 180)
    assert request.exempt == (Period(date(2026, 2, 1), date(2026, 2, 10)),)


def test_exempt_may_be_left_out_and_other_keys_are_ignored() -> None:
    obj = valid()
    del obj["exempt"]
    obj["id"] = "traveller-7"
    assert parse_request(obj).exempt == ()


def test_a_crossing_may_carry_extra_fields_such_as_the_crossing_point() -> None:
    obj = valid()
    obj["crossings"][0]["bcp"] = "Ibrahim Khalil"
    assert len(parse_request(obj).crossings) == 2


@pytest.mark.parametrize("bad", ["2026-02-30", "20260101", "2026-1-1", "٢٠٢٦-٠١-٠١", 20260101, ""])
def test_a_bad_date_is_reported_with_its_field_path(bad: object) -> None:
    obj = valid()
    obj["crossings"][1]["date"] = bad
    assert problems(obj) == [("invalid_date", "crossings[1].date")]


def test_missing_fields_are_each_reported() -> None:
    assert problems({}) == [
        ("missing_field", "as_of"),
        ("missing_field", "policy"),
        ("missing_field", "crossings"),
    ]


def test_a_request_that_is_not_an_object_is_reported_against_the_line() -> None:
    assert problems([1, 2]) == [("invalid_value", "line")]


def test_an_unknown_policy_kind_is_reported_against_policy_kind() -> None:
    obj = valid()
    obj["policy"] = {"kind": "schengen"}
    assert problems(obj) == [("invalid_value", "policy.kind")]


def test_an_unknown_direction_is_reported() -> None:
    obj = valid()
    obj["crossings"][0]["direction"] = "transit"
    assert problems(obj) == [("invalid_value", "crossings[0].direction")]


@pytest.mark.parametrize(
    ("policy", "field"),
    [
        ({"kind": "rolling", "max_days": -1, "window_days": 180}, "policy.max_days"),
        ({"kind": "rolling", "max_days": 0, "window_days": 0}, "policy.window_days"),
        ({"kind": "rolling", "max_days": 180, "window_days": 180}, "policy.max_days"),
        ({"kind": "rolling", "max_days": 90.0, "window_days": 180}, "policy.max_days"),
        ({"kind": "rolling", "max_days": True, "window_days": 180}, "policy.max_days"),
        ({"kind": "rolling", "max_days": "90", "window_days": 180}, "policy.max_days"),
        ({"kind": "per_entry", "max_days": -5}, "policy.max_days"),
        (
            {"kind": "per_entry", "max_days": 30, "valid_untill": "2026-05-01"},
            "policy.valid_untill",
        ),
        (
            {"kind": "rolling", "max_days": 90, "window_days": 180, "valid_from": None},
            "policy.valid_from",
        ),
    ],
)
def test_an_invalid_policy_value_names_the_field(policy: dict[str, object], field: str) -> None:
    obj = valid()
    obj["policy"] = policy
    assert problems(obj) == [("invalid_value", field)]


def test_a_visa_ending_before_it_starts_is_refused() -> None:
    policy = {
        "kind": "per_entry",
        "max_days": 30,
        "valid_from": "2026-05-01",
        "valid_until": "2026-04-01",
    }
    assert parse_policy(policy)[1][0].field == "policy.valid_until"


def test_a_policy_without_max_days_is_reported() -> None:
    assert parse_policy({"kind": "per_entry"})[1][0].field == "policy.max_days"
    assert parse_policy(None)[1][0].code == "missing_field"


def test_an_exempt_period_ending_before_it_starts_is_refused() -> None:
    obj = valid()
    obj["exempt"] = [{"from": "2026-02-10", "to": "2026-02-01"}]
    assert problems(obj) == [("invalid_value", "exempt[0].to")]


def test_an_exempt_period_with_a_bad_start_names_the_from_field() -> None:
    obj = valid()
    obj["exempt"] = [{"from": "soon", "to": "2026-02-01"}]
    assert problems(obj) == [("invalid_date", "exempt[0].from")]


def test_all_field_errors_are_collected_not_just_the_first() -> None:
    obj = {
        "as_of": "yesterday",
        "policy": {"kind": "rolling", "max_days": 90},
        "crossings": [{"date": "2026-01-01"}, "entry"],
        "exempt": {"from": "2026-01-01"},
    }
    assert problems(obj) == [
        ("invalid_date", "as_of"),
        ("missing_field", "policy.window_days"),
        ("missing_field", "crossings[0].direction"),
        ("invalid_value", "crossings[1]"),
        ("invalid_value", "exempt"),
    ]


def test_history_errors_are_reported_alongside_policy_errors() -> None:
    obj = valid()
    obj["policy"]["window_days"] = 0
    obj["crossings"].insert(0, {"date": "2025-12-01", "direction": "exit"})
    assert problems(obj) == [
        ("invalid_value", "policy.window_days"),
        ("exit_without_entry", "crossings[0]"),
    ]


def test_policies_built_in_python_are_checked_too() -> None:
    with pytest.raises(ValueError, match="max_days"):
        Rolling(max_days=180, window_days=180)
    with pytest.raises(ValueError, match="valid_until"):
        PerEntry(30, valid_from=date(2026, 5, 1), valid_until=date(2026, 4, 1))
    with pytest.raises(ValueError, match="before"):
        Period(date(2026, 5, 1), date(2026, 4, 1))


def test_an_empty_object_or_false_as_exempt_is_an_error_not_an_absence() -> None:
    bad: object
    for bad in ({}, False, "", 0):
        obj: dict[str, object] = {
            "as_of": "2026-03-01",
            "policy": {"kind": "rolling", "max_days": 90, "window_days": 180},
            "crossings": [],
            "exempt": bad,
        }
        with pytest.raises(StayError) as caught:
            parse_request(obj)
        assert [(i.code, i.field) for i in caught.value.issues] == [("invalid_value", "exempt")]

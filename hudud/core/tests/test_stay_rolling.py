"""The rolling rule, N days in any M-day period, with the EU's 90/180 as the main example."""

from __future__ import annotations

from datetime import date

from hudud.core.stay import StayResult, evaluate, parse_request

EU = {"kind": "rolling", "max_days": 90, "window_days": 180}


def stay(
    as_of: str,
    crossings: list[tuple[str, str]],
    exempt: list[tuple[str, str]] | None = None,
    policy: dict[str, object] | None = None,
) -> StayResult:
    return evaluate(
        parse_request(
            {
                "as_of": as_of,
                "policy": policy or EU,
                "crossings": [{"date": d, "direction": k} for d, k in crossings],
                "exempt": [{"from": f, "to": t} for f, t in exempt or []],
            }
        )
    )


def test_entering_fresh_on_1_january_allows_a_stay_to_31_march() -> None:
    result = stay("2026-01-01", [("2026-01-01", "entry")])
    assert result.last_allowed_day == date(2026, 3, 31)
    assert result.days_used == 1
    assert result.overstay_days == 0


def test_after_a_stay_of_1_to_10_january_reentry_on_1_february_allows_a_stay_to_21_april() -> None:
    crossings = [("2026-01-01", "entry"), ("2026-01-10", "exit"), ("2026-02-01", "entry")]
    result = stay("2026-02-01", crossings)
    assert result.last_allowed_day == date(2026, 4, 21)
    assert result.days_used == 11


def test_a_traveller_outside_gets_the_last_day_of_a_stay_entered_today() -> None:
    result = stay("2026-02-01", [("2026-01-01", "entry"), ("2026-01-10", "exit")])
    assert result.present is False
    assert result.last_allowed_day == date(2026, 4, 21)
    assert result.remaining_days == 80


def test_entry_and_exit_days_both_count() -> None:
    result = stay("2026-01-20", [("2026-01-01", "entry"), ("2026-01-03", "exit")])
    assert result.days_used == 3


def test_overstay_is_flagged_the_day_after_the_last_allowed_day_not_on_it() -> None:
    on_last_day = stay("2026-03-31", [("2026-01-01", "entry")])
    day_after = stay("2026-04-01", [("2026-01-01", "entry")])
    assert on_last_day.overstay_days == 0
    assert on_last_day.overstay is False
    assert day_after.overstay_days == 1
    assert day_after.first_overstay_day == date(2026, 4, 1)


def test_an_overstayer_counts_every_day_past_the_limit() -> None:
    result = stay("2026-04-10", [("2026-01-01", "entry")])
    assert result.overstay_days == 10
    assert result.last_allowed_day == date(2026, 3, 31)
    assert result.remaining_days == 0


def test_a_traveller_who_used_90_days_may_not_enter_until_days_leave_the_window() -> None:
    crossings = [("2026-01-01", "entry"), ("2026-03-31", "exit")]
    assert stay("2026-04-15", crossings).last_allowed_day is None
    # From 30 June each day of the old stay leaves the window as a new day joins it, so an
    # entry then allows 90 days of continuous presence.
    assert stay("2026-06-29", crossings).last_allowed_day is None
    assert stay("2026-06-30", crossings).last_allowed_day == date(2026, 9, 27)


def test_days_used_counts_only_the_window_ending_on_as_of() -> None:
    crossings = [("2026-01-01", "entry"), ("2026-01-10", "exit")]
    assert stay("2026-06-29", crossings).days_used == 10
    assert stay("2026-07-05", crossings).days_used == 4


def test_a_residence_permit_period_is_not_counted() -> None:
    result = stay("2026-01-01", [("2026-01-01", "entry")], [("2026-01-01", "2026-01-31")])
    assert result.days_used == 0
    assert result.last_allowed_day == date(2026, 5, 1)


def test_a_residence_permit_starting_next_month_stops_the_count() -> None:
    result = stay("2026-01-01", [("2026-01-01", "entry")], [("2026-03-01", "2026-12-31")])
    # 59 days in January and February, then the whole window is exempt by 2027;
    # from 1 January 2027 the traveller has a fresh 90 days.
    assert result.last_allowed_day == date(2027, 3, 31)


def test_exempt_days_are_never_overstay_days() -> None:
    result = stay("2026-04-10", [("2026-01-01", "entry")], [("2026-04-05", "2026-04-10")])
    assert result.overstay_days == 4


def test_with_max_days_zero_not_even_the_entry_day_is_allowed() -> None:
    policy = {"kind": "rolling", "max_days": 0, "window_days": 7}
    result = stay("2026-01-03", [("2026-01-01", "entry")], policy=policy)
    assert result.last_allowed_day is None
    assert result.overstay_days == 3


def test_a_permit_running_to_the_end_of_the_calendar_does_not_overflow() -> None:
    result = stay("2026-01-01", [("2026-01-01", "entry")], [("2026-01-01", "9999-12-31")])
    assert result.last_allowed_day == date.max
    assert result.days_used == 0

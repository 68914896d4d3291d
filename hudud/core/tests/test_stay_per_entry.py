"""Fixed-duration visas and visas on arrival: N days per entry within a validity period."""

from __future__ import annotations

from datetime import date

from hudud.core.stay import StayResult, evaluate, parse_request

ON_ARRIVAL = {"kind": "per_entry", "max_days": 30}


def stay(
    as_of: str,
    crossings: list[tuple[str, str]],
    policy: dict[str, object] | None = None,
    exempt: list[tuple[str, str]] | None = None,
) -> StayResult:
    return evaluate(
        parse_request(
            {
                "as_of": as_of,
                "policy": policy or ON_ARRIVAL,
                "crossings": [{"date": d, "direction": k} for d, k in crossings],
                "exempt": [{"from": f, "to": t} for f, t in exempt or []],
            }
        )
    )


def visa(max_days: int, valid_from: str | None, valid_until: str | None) -> dict[str, object]:
    return {
        "kind": "per_entry",
        "max_days": max_days,
        "valid_from": valid_from,
        "valid_until": valid_until,
    }


def test_a_visa_on_arrival_allows_30_days_counting_the_entry_day() -> None:
    result = stay("2026-01-10", [("2026-01-01", "entry")])
    assert result.last_allowed_day == date(2026, 1, 30)
    assert result.days_used == 10
    assert result.remaining_days == 20


def test_a_traveller_leaving_12_days_after_the_last_allowed_day_shows_12_overstay_days() -> None:
    result = stay("2026-02-11", [("2026-01-01", "entry"), ("2026-02-11", "exit")])
    assert result.present is True  # the exit day is a day of presence
    assert result.overstay_days == 12
    assert result.first_overstay_day == date(2026, 1, 31)


def test_after_the_exit_day_the_overstay_is_no_longer_current() -> None:
    result = stay("2026-02-12", [("2026-01-01", "entry"), ("2026-02-11", "exit")])
    assert result.present is False
    assert result.overstay_days == 0


def test_overstay_is_flagged_the_day_after_the_last_allowed_day_not_on_it() -> None:
    assert stay("2026-01-30", [("2026-01-01", "entry")]).overstay_days == 0
    assert stay("2026-01-31", [("2026-01-01", "entry")]).overstay_days == 1


def test_a_stay_may_not_go_beyond_the_end_of_the_visa() -> None:
    policy = visa(30, None, "2026-01-15")
    assert stay("2026-01-10", [("2026-01-01", "entry")], policy).last_allowed_day == date(
        2026, 1, 15
    )


def test_an_entry_outside_the_validity_period_makes_every_day_an_overstay() -> None:
    policy = visa(30, "2026-02-01", "2026-12-31")
    result = stay("2026-01-10", [("2026-01-01", "entry")], policy)
    assert result.last_allowed_day is None
    assert result.overstay_days == 10
    assert result.first_overstay_day == date(2026, 1, 1)


def test_a_traveller_outside_gets_the_stay_an_entry_today_would_allow() -> None:
    result = stay("2026-03-01", [])
    assert result.present is False
    assert result.last_allowed_day == date(2026, 3, 30)
    assert result.remaining_days == 30
    assert result.days_used == 0


def test_no_entry_is_allowed_outside_the_validity_period() -> None:
    assert stay("2026-03-01", [], visa(30, "2026-04-01", None)).last_allowed_day is None
    assert stay("2026-03-01", [], visa(30, None, "2026-02-28")).last_allowed_day is None
    assert stay("2026-03-01", [], visa(30, None, "2026-03-01")).last_allowed_day == date(2026, 3, 1)


def test_a_visa_of_zero_days_allows_no_entry() -> None:
    result = stay("2026-03-01", [], visa(0, None, None))
    assert result.last_allowed_day is None
    assert result.remaining_days == 0


def test_each_entry_starts_its_own_count() -> None:
    crossings = [("2026-01-01", "entry"), ("2026-01-25", "exit"), ("2026-01-25", "entry")]
    result = stay("2026-02-10", crossings)
    assert result.last_allowed_day == date(2026, 2, 23)
    assert result.days_used == 17


def test_days_used_count_every_stay_since_the_visa_became_valid() -> None:
    crossings = [
        ("2026-01-01", "entry"),
        ("2026-01-05", "exit"),
        ("2026-02-01", "entry"),
        ("2026-02-03", "exit"),
    ]
    policy = visa(30, "2026-01-03", None)
    assert stay("2026-03-01", crossings, policy).days_used == 6


def test_exempt_days_after_the_last_allowed_day_are_not_overstay_days() -> None:
    exempt = [("2026-02-01", "2026-02-05")]
    result = stay("2026-02-11", [("2026-01-01", "entry")], exempt=exempt)
    assert result.last_allowed_day == date(2026, 1, 30)
    assert result.overstay_days == 7
    assert result.days_used == 37


def test_a_residence_permit_during_the_stay_does_not_use_up_the_visa_days() -> None:
    # 10 days of the visa used (1-10 January), then a permit for all of February.
    exempt = [("2026-01-11", "2026-02-28")]
    result = stay("2026-02-20", [("2026-01-01", "entry")], exempt=exempt)
    # The remaining 20 days run from 1 March: the last allowed day is 20 March.
    assert result.last_allowed_day == date(2026, 3, 20)
    assert result.overstay_days == 0


def test_a_permit_running_past_today_clears_an_overstay_in_progress() -> None:
    exempt = [("2026-02-05", "2026-12-31")]
    result = stay("2026-02-20", [("2026-01-01", "entry")], exempt=exempt)
    # 1-30 January allowed, 31 January to 4 February over (5 days), then the permit.
    assert result.overstay_days == 5
    assert result.last_allowed_day == date(2026, 1, 30)


def test_an_entry_on_a_permit_day_without_a_valid_visa_is_allowed_while_the_permit_runs() -> None:
    policy = visa(30, "2026-06-01", "2026-06-30")
    exempt = [("2026-01-01", "2026-03-31")]
    result = stay("2026-03-10", [("2026-03-01", "entry")], policy=policy, exempt=exempt)
    assert result.last_allowed_day == date(2026, 3, 31)
    assert result.overstay_days == 0

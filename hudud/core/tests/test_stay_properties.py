"""The fast evaluator agrees with the plain day-by-day reference on random histories."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from hudud.core.stay import (
    Crossing,
    PerEntry,
    Period,
    Policy,
    Rolling,
    StayRequest,
    Unlimited,
    evaluate,
)
from hudud.core.stay.reference import reference_evaluate

BASE = date(2026, 1, 1)


def day(offset: int) -> date:
    return BASE + timedelta(days=offset)


@st.composite
def rolling_policies(draw: st.DrawFn) -> Policy:
    window_days = draw(st.integers(1, 60))
    return Rolling(draw(st.integers(0, window_days - 1)), window_days)


@st.composite
def per_entry_policies(draw: st.DrawFn) -> Policy:
    valid_from = draw(st.none() | st.integers(0, 200))
    valid_until = draw(st.none() | st.integers(valid_from or 0, 300))
    return PerEntry(
        draw(st.integers(0, 60)),
        None if valid_from is None else day(valid_from),
        None if valid_until is None else day(valid_until),
    )


policies = st.one_of(
    rolling_policies(), per_entry_policies(), st.just(Rolling(90, 180)), st.just(Unlimited())
)


@st.composite
def histories(draw: st.DrawFn) -> tuple[Crossing, ...]:
    """Alternating entries and exits (gaps of 0: same-day crossings), maybe left open,
    with refusals mixed in and the days listed in a random order."""
    offset = draw(st.integers(0, 30))
    crossings = []
    for index, gap in enumerate(draw(st.lists(st.integers(0, 40), max_size=8))):
        offset += gap
        crossings.append(Crossing(day(offset), "entry" if index % 2 == 0 else "exit"))
    for refused in draw(st.lists(st.integers(0, 300), max_size=2)):
        crossings.append(Crossing(day(refused), "refusal"))
    # Shuffle whole days, never the crossings within a day: same-day order carries meaning.
    days = sorted({c.date for c in crossings})
    order = draw(st.permutations(days))
    return tuple(c for d in order for c in crossings if c.date == d)


@st.composite
def requests(draw: st.DrawFn, policy: st.SearchStrategy[Policy] = policies) -> StayRequest:
    exempt = tuple(
        Period(day(first), day(first + length))
        for first, length in draw(
            st.lists(st.tuples(st.integers(0, 300), st.integers(0, 60)), max_size=3)
        )
    )
    as_of = day(draw(st.integers(0, 350)))
    return StayRequest(as_of, draw(policy), draw(histories()), exempt)


@settings(max_examples=400, deadline=None)
@given(requests())
def test_the_evaluator_agrees_with_the_day_by_day_reference(request: StayRequest) -> None:
    assert evaluate(request) == reference_evaluate(request)


@settings(max_examples=150, deadline=None)
@given(requests(rolling_policies()))
def test_a_rolling_overstay_begins_the_day_after_the_last_allowed_day(
    request: StayRequest,
) -> None:
    result = evaluate(request)
    if not result.present or result.last_allowed_day is None:
        return
    if result.last_allowed_day < request.as_of:
        assert result.first_overstay_day == result.last_allowed_day + timedelta(days=1)
        return
    # Staying on: the history as known then is what was known today, plus presence.
    # Sorted as the evaluator sorts them (stable: same-day order kept), so known[-1] is the last.
    known = tuple(
        sorted((c for c in request.crossings if c.date <= request.as_of), key=lambda c: c.date)
    )
    if known and known[-1].direction == "exit" and known[-1].date == request.as_of:
        known = known[:-1]  # remains instead of leaving today
    later = replace(request, as_of=result.last_allowed_day + timedelta(days=1), crossings=known)
    assert evaluate(later).first_overstay_day == later.as_of


@settings(max_examples=150, deadline=None)
@given(requests())
def test_days_used_and_overstay_never_go_negative_and_outside_means_no_overstay(
    request: StayRequest,
) -> None:
    result = evaluate(request)
    assert result.days_used >= 0
    assert result.overstay_days >= 0
    assert result.remaining_days is None or result.remaining_days >= 0
    if not result.present:
        assert result.overstay_days == 0

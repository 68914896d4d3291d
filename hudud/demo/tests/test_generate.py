"""The generator on its own, in memory: no database."""

from __future__ import annotations

import re
from collections import Counter
from datetime import date, timedelta
from functools import cache
from typing import Any

import pytest

from hudud.core import mrz
from hudud.demo.generate import DemoData, GenerationConfig, generate, mrz_of
from hudud.demo.stays import apply_stays, policy_lookup
from hudud.demo.tests.conftest import NOW

TODAY = NOW.date()
ARBAEEN = date(2026, 8, 4)
MRZ_NAME = re.compile(r"^[A-Z]+( [A-Z]+)*$")


@cache
def _data(travellers: int, seed: int = 7) -> DemoData:
    return generate(GenerationConfig(travellers=travellers, seed=seed, days=365, now=NOW))


def _entries_at(data: DemoData, point: str, first: date, last: date) -> int:
    return sum(
        1
        for c in data.crossings()
        if c.kind == "entry" and c.crossing_point == point and first <= c.occurred_at.date() <= last
    )


def test_the_same_seed_gives_the_same_travellers_and_crossings() -> None:
    config = GenerationConfig(travellers=300, seed=42, days=365, now=NOW)
    assert generate(config).travellers == generate(config).travellers


def test_another_seed_gives_other_travellers() -> None:
    first = generate(GenerationConfig(travellers=50, seed=1, days=365, now=NOW))
    second = generate(GenerationConfig(travellers=50, seed=2, days=365, now=NOW))
    assert [t.passport.number for t in first.travellers] != [
        t.passport.number for t in second.travellers
    ]


@pytest.mark.parametrize("travellers", [100, 1000, 4000])
def test_counts_scale_with_the_number_of_travellers(travellers: int) -> None:
    data = _data(travellers)
    assert len(data.travellers) == travellers
    assert 2 * travellers <= len(data.crossings()) <= 4 * travellers


def test_iraqis_are_most_numerous_and_iranians_next() -> None:
    shares = Counter(t.nationality for t in _data(4000).travellers)
    (first, _), (second, _) = shares.most_common(2)
    assert (first, second) == ("IRQ", "IRN")
    assert shares["IRN"] > 0.2 * 4000
    for nationality in ("TUR", "KWT", "JOR", "SAU", "PAK", "IND", "GBR", "USA"):
        assert shares[nationality] > 0, nationality


def test_zurbatiya_surges_at_arbaeen() -> None:
    data = _data(4000)
    surge = _entries_at(
        data, "zurbatiya", ARBAEEN - timedelta(days=14), ARBAEEN + timedelta(days=7)
    )
    ordinary = _entries_at(data, "zurbatiya", date(2026, 3, 1), date(2026, 3, 22))
    assert surge > 8 * max(ordinary, 1)


def test_pilgrims_leave_after_arbaeen_within_about_two_weeks() -> None:
    data = _data(4000)
    window = (ARBAEEN - timedelta(days=14), ARBAEEN)
    exits_after = sum(
        1
        for c in data.crossings()
        if c.kind == "exit"
        and c.crossing_point == "zurbatiya"
        and ARBAEEN < c.occurred_at.date() <= ARBAEEN + timedelta(days=14)
    )
    assert exits_after > 0.5 * _entries_at(data, "zurbatiya", *window)


def test_every_crossing_is_in_the_window_ordered_and_never_in_the_future() -> None:
    for traveller in _data(1000).travellers:
        times = [c.occurred_at for c in traveller.crossings]
        assert times == sorted(times)
        assert len({t.date() for t in times}) == len(times)
        assert all(TODAY - timedelta(days=364) <= t.date() and t <= NOW for t in times)
        assert all(t.tzinfo is not None for t in times)


def test_client_ids_and_passports_are_unique() -> None:
    data = _data(4000)
    crossings = data.crossings()
    assert len({c.client_id for c in crossings}) == len(crossings)
    passports = {(t.passport.issuing_state, t.passport.number) for t in data.travellers}
    assert len(passports) == len(data.travellers)


def test_names_are_mrz_latin_with_arabic_script_where_it_is_the_travellers() -> None:
    travellers = _data(1000).travellers
    for traveller in travellers:
        assert MRZ_NAME.match(traveller.surname), traveller.surname
        assert MRZ_NAME.match(traveller.given_names), traveller.given_names
    by_nationality = {t.nationality: t for t in travellers}
    assert by_nationality["TUR"].name_ar == ""
    assert by_nationality["IRN"].name_ar
    assert by_nationality["IRQ"].name_ar
    # Persian script: the Persian yeh or keheh, letters Arabic does not use.
    iranians = [t.name_ar for t in travellers if t.nationality == "IRN"]
    assert any("ی" in name or "ک" in name for name in iranians)


def test_one_arabic_name_reaches_the_border_in_several_spellings() -> None:
    spellings = {
        word
        for t in _data(4000).travellers
        for word in t.given_names.split()
        if word.startswith(("MOHAM", "MUHAM"))
    }
    assert {"MOHAMMED", "MUHAMMAD", "MOHAMMAD"} <= spellings


def test_most_passports_are_valid_and_a_few_have_expired() -> None:
    travellers = _data(4000).travellers
    expired = sum(1 for t in travellers if t.passport.expiry_date < TODAY)
    assert 0 < expired < 0.1 * len(travellers)


def test_no_one_enters_on_an_expired_passport() -> None:
    for traveller in _data(4000).travellers:
        for crossing in traveller.crossings:
            if crossing.kind == "entry":
                assert traveller.passport.expiry_date >= crossing.occurred_at.date()


def test_refusals_carry_reason_codes_and_pilgrims_ride_buses() -> None:
    data = _data(4000)
    refusals = [c for c in data.crossings() if c.kind == "refusal"]
    assert refusals
    assert all(re.fullmatch("[A-I]+", c.refusal_reasons) for c in refusals)
    assert data.groups
    seated = Counter(c.group for c in data.crossings() if c.group is not None)
    assert all(1 <= n <= 50 for n in seated.values())
    assert all(not g.crossing_point.endswith("-airport") for g in data.groups)


def test_generated_passports_read_back_as_valid_mrzs() -> None:
    for traveller in _data(1000).travellers[::10]:
        result = mrz.parse(mrz_of(traveller), today=TODAY)
        assert result.valid, result.errors
        assert result.document_number == traveller.passport.number
        # A child's two-digit birth year can read as a century earlier: the reader then offers
        # both candidates rather than guessing.
        assert traveller.birth_date in (result.birth_date, *result.birth_date_candidates)
        assert result.nationality == traveller.nationality


def test_a_few_foreigners_leave_late_or_are_still_inside_past_their_stay() -> None:
    data = generate(GenerationConfig(travellers=4000, seed=7, days=365, now=NOW))
    rules: dict[str, dict[str, Any]] = {
        "IRQ": {"kind": "unlimited"},
        "IRN": {"kind": "rolling", "max_days": 90, "window_days": 180},
        "*": {"kind": "per_entry", "max_days": 30},
    }
    apply_stays(data.travellers, policy_lookup(rules))
    late_exits = [c for c in data.crossings() if c.overstay_days > 0]
    inside_late = [
        t
        for t in data.travellers
        if t.is_present and t.stay_last_allowed_day is not None and t.stay_last_allowed_day < TODAY
    ]
    foreigners = sum(1 for t in data.travellers if t.nationality != "IRQ")
    assert 0 < len(late_exits) < 0.05 * foreigners
    assert 0 < len(inside_late) < 0.05 * foreigners
    assert all(t.nationality != "IRQ" for t in inside_late)

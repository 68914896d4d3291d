"""The bulk-computed stays equal what the crossing service computes one crossing at a time."""

from __future__ import annotations

from datetime import date

import pytest

from hudud.border.documents import document_from_mrz
from hudud.border.models import Crossing, CrossingPoint, StayRule, TravelDocument
from hudud.border.services import CrossingRequest, crossing_record
from hudud.common.actor import Actor
from hudud.demo.accounts import line_officers_ensure
from hudud.demo.generate import GenerationConfig, GenTraveller, generate, mrz_of
from hudud.demo.stays import apply_stays, consistent, policy_lookup, window
from hudud.demo.tests.conftest import NOW


def _sample(travellers: list[GenTraveller]) -> list[GenTraveller]:
    """The unusual first (late exits, still inside past their stay, refusals, left today),
    then others."""
    today = NOW.date()
    unusual = [
        t
        for t in travellers
        if any(c.overstay_days or c.kind == "refusal" for c in t.crossings)
        or (t.stay_last_allowed_day is not None and t.stay_last_allowed_day < today)
        or (t.crossings[-1].kind == "exit" and t.crossings[-1].occurred_at.date() == today)
    ]
    usual = [t for t in travellers if t not in unusual]
    return unusual[:40] + usual[:40]


@pytest.mark.django_db
def test_replaying_generated_history_through_crossing_record_gives_the_same_stays() -> None:
    points = CrossingPoint.objects.select_related("authority").filter(status="operational")
    officers = line_officers_ensure(points)
    data = generate(GenerationConfig(travellers=1500, seed=11, days=365, now=NOW))
    rules = {rule.nationality: rule.policy for rule in StayRule.objects.all()}
    apply_stays(data.travellers, policy_lookup(rules))
    for traveller in _sample(data.travellers):
        for crossing in traveller.crossings:
            request = CrossingRequest(
                client_id=crossing.client_id,
                kind=crossing.kind,
                crossing_point_code=crossing.crossing_point,
                document=document_from_mrz(mrz_of(traveller), today=crossing.occurred_at.date()),
                occurred_at=crossing.occurred_at,
                refusal_reasons=tuple(crossing.refusal_reasons),
            )
            officer = officers[(crossing.crossing_point, crossing.officer_slot)]
            stored = crossing_record(actor=Actor(officer), request=request).crossing
            assert stored.overstay_days == crossing.overstay_days
        document = TravelDocument.objects.get(number=traveller.passport.number)
        stored_traveller = document.traveller
        assert stored_traveller.is_present == traveller.is_present
        assert stored_traveller.stay_entry_date == traveller.stay_entry_date
        assert stored_traveller.stay_last_allowed_day == traveller.stay_last_allowed_day
    assert Crossing.objects.filter(overstay_days__gt=0).exists()
    left_today = Crossing.objects.filter(kind="exit", occurred_at__date=NOW.date())
    assert left_today.exists()


def test_the_history_window_keeps_an_old_entry_that_opened_the_current_stay() -> None:
    history = [(date(2024, 1, 1), "entry"), (date(2026, 1, 1), "exit")]
    assert window(history, date(2026, 1, 1)) == history
    assert window([(date(2024, 1, 1), "exit")], date(2026, 1, 1)) == []


def test_inconsistent_history_is_cleaned_as_the_stays_module_does() -> None:
    history = [
        (date(2026, 1, 1), "exit"),
        (date(2026, 1, 5), "entry"),
        (date(2026, 2, 5), "entry"),
        (date(2026, 2, 9), "exit"),
    ]
    assert consistent(history) == history[2:]

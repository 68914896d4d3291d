"""The demo's journey 5: two flights from Istanbul to Najaf, sent through the carriers' service."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from hudud.common.actor import Actor
from hudud.demo.load import demo_load
from hudud.manifests import selectors
from hudud.manifests.models import Carrier, Flight, ManifestTraveller, Submission

NOW = datetime(2026, 11, 20, 10, 30, tzinfo=ZoneInfo("Asia/Baghdad"))


@pytest.fixture(autouse=True)
def _fast_passwords(settings: Any) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.mark.django_db
def test_the_demo_announces_a_flight_with_a_banned_and_an_incomplete_traveller(auditor):
    demo_load(travellers=60, seed=5, now=NOW)
    carrier = Carrier.objects.get(code="ZZ")
    assert carrier.account is not None
    assert carrier.account.role == "carrier"
    upcoming = Flight.objects.get(number="ZZ482")
    assert upcoming.crossing_point.code == "najaf-airport"
    assert upcoming.departure_airport == "IST"
    statuses = list(
        ManifestTraveller.objects.filter(flight=upcoming).values_list("surname", "board_status")
    )
    assert ("QWERTYAN", "do_not_board") in statuses
    assert sum(status == "insufficient_data" for _, status in statuses) == 1
    assert Submission.objects.filter(status="accepted").count() == 2

    board = selectors.flight_board(
        actor=Actor(auditor), flight_id=str(Flight.objects.get(number="ZZ480").pk), now=NOW
    )
    assert board.status == "closed"  # landed 150 minutes before the load; grace is 120
    assert board.counts["arrived"] == 37  # 46 travellers, every fifth stayed away
    assert board.counts["no_shows"] == 9
    assert sorted(c.traveller.surname for c in board.reconciliation.not_on_manifest) == [
        "OFFMANIFEST",
        "UNLISTED",
    ]


@pytest.mark.django_db
def test_loading_the_demo_twice_sends_no_flight_twice():
    demo_load(travellers=60, seed=5, now=NOW)
    demo_load(travellers=60, seed=5, now=NOW)
    assert Flight.objects.count() == 2
    assert Submission.objects.count() == 2

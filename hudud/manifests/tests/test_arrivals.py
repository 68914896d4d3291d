"""Linking arrivals at the primary line to manifest records, and reconciling after arrival."""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import date, timedelta

import pytest
from django.test import override_settings
from django.utils import timezone

from conftest import passport
from hudud.common.actor import Actor
from hudud.manifests import selectors
from hudud.manifests.models import Flight
from hudud.manifests.tests.conftest import files, passengers, person, plan, send

pytestmark = pytest.mark.django_db


def _people(*names):
    def edit(messages):
        for traveller, (surname, number) in zip(passengers(messages), names, strict=False):
            person(traveller, surname, "TEST", number=number)

    return edit


def _enter(client, mrz, at):
    body = {
        "client_id": str(uuid.uuid4()),
        "kind": "entry",
        "crossing_point": "najaf-airport",
        "mrz": mrz,
        "occurred_at": at.isoformat(),
    }
    assert (
        client.post("/api/v1/crossings", body, content_type="application/json").status_code == 201
    )


def _check(client, mrz, at):
    body = {
        "mrz": mrz,
        "crossing_point": "najaf-airport",
        "direction": "entry",
        "at": at.isoformat(),
    }
    return client.post("/api/v1/crossings/check", body, content_type="application/json").json()


def _landed(flight_plan):
    return timezone.make_aware(flight_plan.departure + timedelta(minutes=flight_plan.minutes))


def test_a_traveller_with_a_new_passport_is_linked_by_name_and_birth_date(
    carrier, najaf_officer, client_for
):
    _, client = carrier
    flight = plan()
    (data,) = files(flight, _people(("RENEWED", "T9000001")), single_file=True)
    send(client, data)
    shown = _check(
        client_for(najaf_officer),
        passport(surname="RENEWED", given_names="TEST", number="T9555555"),
        _landed(flight) + timedelta(minutes=10),
    )
    assert shown["pre_arrival"]["status"] == "on_manifest"
    assert shown["pre_arrival"]["matched_by"] == "name_and_birth_date"


def test_a_namesake_born_another_day_is_not_linked(carrier, najaf_officer, client_for):
    _, client = carrier
    flight = plan()
    (data,) = files(flight, _people(("RENEWED", "T9000001")), single_file=True)
    send(client, data)
    shown = _check(
        client_for(najaf_officer),
        passport(surname="RENEWED", given_names="TEST", number="T9555555", birth=date(1990, 1, 1)),
        _landed(flight) + timedelta(minutes=10),
    )
    assert shown["pre_arrival"] == {
        "status": "not_on_manifest",
        "matched_by": None,
        "manifest_traveller_id": None,
        "flight_id": None,
        "flight": None,
        "departure_airport": None,
        "scheduled_arrival": None,
        "board_status": None,
        "screening_status": None,
        "hits": [],
        "findings": [],
    }


def test_pre_arrival_does_not_apply_at_a_land_crossing_or_at_exit(officer, client_for):
    body = {"mrz": passport(), "crossing_point": "zurbatiya", "direction": "entry"}
    shown = client_for(officer).post(
        "/api/v1/crossings/check", body, content_type="application/json"
    )
    assert shown.json()["pre_arrival"]["status"] == "not_applicable"
    body = {"mrz": passport(), "crossing_point": "baghdad-airport", "direction": "exit"}
    shown = client_for(officer).post(
        "/api/v1/crossings/check", body, content_type="application/json"
    )
    assert shown.json()["pre_arrival"]["status"] == "not_applicable"


def test_a_flight_landed_days_ago_is_not_searched_at_the_line(carrier, najaf_officer, client_for):
    _, client = carrier
    flight = plan(departure=plan().departure - timedelta(days=3))
    (data,) = files(flight, _people(("LONGAGO", "T9000002")), single_file=True)
    send(client, data)
    shown = _check(
        client_for(najaf_officer),
        passport(surname="LONGAGO", given_names="TEST", number="T9000002"),
        timezone.now(),
    )
    assert shown["pre_arrival"]["status"] == "not_on_manifest"


@override_settings(HUDUD_MANIFEST_GRACE_MINUTES=30)
def test_an_unexplained_arrival_goes_on_the_flight_that_landed_last_before_it(
    carrier, najaf_officer, najaf_supervisor, client_for
):
    _, client = carrier
    early = plan(departure=plan().departure - timedelta(minutes=20), number="ZZ100")
    late = replace(plan(), number="ZZ200")  # lands twenty minutes after the first
    send(client, files(early, _people(("FIRSTPLANE", "T9100001")), single_file=True)[0])
    send(client, files(late, _people(("SECONDPLANE", "T9200001")), single_file=True)[0])
    line = client_for(najaf_officer)
    _enter(
        line, passport(surname="FIRSTPLANE", given_names="TEST", number="T9100001"), _landed(late)
    )
    _enter(
        line, passport(surname="SECONDPLANE", given_names="TEST", number="T9200001"), _landed(late)
    )
    stray_at = _landed(early) + timedelta(minutes=5)
    _enter(line, passport(surname="STRAY", given_names="ONE", number="T9300001"), stray_at)

    boards = {}
    for number in ("ZZ100", "ZZ200"):
        flight = Flight.objects.get(number=number)
        url = f"/api/v1/manifests/flights/{flight.pk}"
        boards[number] = client_for(najaf_supervisor).get(url).json()
    first, second = boards["ZZ100"], boards["ZZ200"]
    # Each plane's passenger entered; the other plane's passenger is not "off-manifest".
    assert first["counts"]["arrived"] == 1
    assert second["counts"]["arrived"] == 1
    assert [a["surname"] for a in first["not_on_manifest"]] == ["STRAY"]
    assert second["not_on_manifest"] == []


def test_the_board_is_expected_before_landing_and_lists_no_no_shows(carrier, najaf_supervisor):
    _, client = carrier
    future = plan(departure=timezone.localtime().replace(tzinfo=None) + timedelta(hours=1))
    sent = send(client, files(future, single_file=True)[0]).json()
    board = selectors.flight_board(actor=Actor(najaf_supervisor), flight_id=sent["flight"]["id"])
    assert board.status == "expected"
    assert board.reconciliation.no_shows == []
    assert board.counts["passengers_found"] == 6

"""Receiving carriers' interchanges over the API: raw bytes kept, redeliveries, conflicts,
refusals that say why, character sets, and the size bound."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest
from django.test import override_settings
from django.utils import timezone

from hudud.audit.models import AuditEvent
from hudud.manifests.models import Flight, ManifestTraveller, Submission
from hudud.manifests.tests.conftest import files, passengers, person, plan, send

pytestmark = pytest.mark.django_db


def test_a_redelivery_is_answered_from_the_record_and_not_recorded_twice(carrier):
    _, client = carrier
    (data,) = files(plan(), single_file=True)
    first = send(client, data)
    again = send(client, data)
    assert first.status_code == 201
    assert again.status_code == 200
    assert again.json()["replayed"] is True
    assert again.json()["id"] == first.json()["id"]
    assert again.json()["responses"] == first.json()["responses"]
    assert Submission.objects.count() == 1
    assert ManifestTraveller.objects.count() == 8
    assert Flight.objects.get().version == 1
    assert AuditEvent.objects.filter(action="manifest.redelivery").count() == 1


def test_the_same_reference_with_other_content_is_a_conflict_that_changes_nothing(carrier):
    _, client = carrier
    flight = plan()
    (data,) = files(flight, single_file=True)
    first = send(client, data).json()
    (altered,) = files(
        flight, lambda ms: person(passengers(ms)[0], "OTHER", "NAME"), single_file=True
    )
    response = send(client, altered)
    assert response.status_code == 409
    assert response.json()["errors"][0]["code"] == "reference_reused"
    assert response.json()["submission_id"] == first["id"]
    assert not ManifestTraveller.objects.filter(surname="OTHER").exists()
    assert AuditEvent.objects.filter(action="manifest.conflict").exists()


def test_a_refused_file_fixed_and_resent_under_its_reference_is_received(carrier):
    _, client = carrier
    flight = plan(destination="CDG")
    (wrong,) = files(flight, single_file=True, control_prefix="FIX")
    (fixed,) = files(replace(flight, destination="NJF"), single_file=True, control_prefix="FIX")
    assert send(client, wrong).status_code == 422
    assert send(client, wrong).status_code == 422  # the same refusal, again
    response = send(client, fixed)
    assert response.status_code == 201, response.json()
    assert send(client, fixed).json()["replayed"] is True
    assert Submission.objects.filter(status="rejected").count() == 1


def test_the_raw_message_is_kept_byte_for_byte_beside_its_reading(carrier):
    _, client = carrier
    flight = plan(charset="UNOC")

    def accents(messages):
        person(passengers(messages)[0], "MÜLLER-D'EXAMPLE", "JOSÉ", number="X1234567")

    (data,) = files(flight, accents, single_file=True)
    data = data.replace(b"\n", b"\r")  # an old terminal's line ends
    created = send(client, data).json()
    raw = client.get(f"/api/v1/manifests/messages/{created['id']}/raw")
    assert raw.status_code == 200
    assert raw.content == data
    assert ManifestTraveller.objects.filter(surname="MÜLLER-D'EXAMPLE", given_names="JOSÉ").exists()
    detail = client.get(f"/api/v1/manifests/messages/{created['id']}").json()
    assert detail["sha256"] == created["sha256"]
    assert detail["size"] == len(data)


def test_arabic_script_names_arrive_under_unow(carrier):
    _, client = carrier

    def arabic(messages):
        person(passengers(messages)[0], "الفلاني", "زيد", number="A1234567", state="IRQ")

    (data,) = files(plan(charset="UNOW"), arabic, single_file=True)
    assert send(client, data).status_code == 201
    assert ManifestTraveller.objects.filter(surname="الفلاني", given_names="زيد").exists()


def test_an_unreadable_body_is_kept_and_refused_naming_the_problem(carrier):
    _, client = carrier
    response = send(client, b"this is not EDIFACT at all")
    assert response.status_code == 422
    body = response.json()
    assert body["errors"][0]["code"] in {"no_segment_terminator", "no_message"}
    kept = Submission.objects.get(pk=body["submission_id"])
    assert kept.status == "rejected"
    assert bytes(kept.raw) == b"this is not EDIFACT at all"
    assert Flight.objects.count() == 0


def test_another_carriers_flight_is_refused(carrier):
    _, client = carrier
    (data,) = files(plan(carrier="ZY", number="ZY101"), single_file=True)
    response = send(client, data)
    assert response.status_code == 422
    assert response.json()["errors"][0]["code"] == "carrier_mismatch"
    assert response.json()["errors"][0]["field"] == "flight.carrier"


def test_a_flight_not_arriving_in_iraq_is_refused(carrier):
    _, client = carrier
    (data,) = files(plan(destination="CDG"), single_file=True)
    response = send(client, data)
    assert response.status_code == 422
    assert [e["code"] for e in response.json()["errors"]] == ["arrival_airport_unknown"]


@override_settings(HUDUD_MANIFEST_MAX_BYTES=2000)
def test_a_message_over_the_size_bound_is_refused_before_it_is_read(carrier):
    _, client = carrier
    (data,) = files(plan(), single_file=True)
    response = send(client, data)
    assert response.status_code == 413
    assert response.json()["errors"][0]["code"] == "too_large"
    assert Submission.objects.count() == 0


def test_only_a_carriers_account_sends_lists(officer, client_for):
    (data,) = files(plan(), single_file=True)
    response = send(client_for(officer), data)
    assert response.status_code == 403


def test_a_truncated_message_is_still_answered_for_the_travellers_that_arrived(carrier):
    _, client = carrier
    (data,) = files(plan(), single_file=True)
    cut = data[: data.index(b"CNT+42")]  # no CNT, UNT or UNZ: cut short in transit
    response = send(client, cut)
    assert response.status_code == 201, response.json()
    assert any(e["code"] == "unt_missing" for e in response.json()["errors"])
    assert len(response.json()["responses"]) == 6


def test_five_hundred_travellers_are_answered_in_one_request(carrier, entry_ban):
    _, client = carrier
    (data,) = files(plan(passengers=488, crew=12), single_file=True)
    response = send(client, data)
    assert response.status_code == 201
    assert len(response.json()["responses"]) == 500
    # A guard against the pathological only: the one-second figure is measured, on an idle
    # machine, by bench/manifests.py; shared CI machines vary several-fold.
    assert 0 < response.json()["processing_ms"] < 5000


def test_a_delayed_flight_moves_on_the_board_with_the_newest_message(carrier):
    _, client = carrier
    flight = plan()
    delayed = replace(flight, minutes=flight.minutes + 45)
    (first,) = files(flight, single_file=True, control_prefix="V1")
    (second,) = files(delayed, single_file=True, control_prefix="V2")
    send(client, first)
    send(client, second)
    stored = Flight.objects.get()
    arrival = timezone.localtime(stored.scheduled_arrival).replace(tzinfo=None)
    assert arrival == flight.departure + timedelta(minutes=flight.minutes + 45)
    assert stored.version == 2

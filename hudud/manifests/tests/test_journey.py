"""Journey 5, end to end through the API: a flight from Istanbul to Najaf announced by its
carrier, answered per traveller, met at the primary line, and reconciled after arrival."""

from __future__ import annotations

import uuid
from datetime import timedelta

import pytest
from django.test import Client, override_settings
from django.utils import timezone

from conftest import passport
from hudud.audit.models import AuditEvent
from hudud.core.paxlst import tokenize
from hudud.manifests.tests.conftest import BANNED, files, passengers, person, plan, send


def _check(client, mrz, at):
    body = {"mrz": mrz, "crossing_point": "najaf-airport", "direction": "entry", "at": at}
    return client.post("/api/v1/crossings/check", body, content_type="application/json")


def _enter(client, mrz, at):
    body = {
        "client_id": str(uuid.uuid4()),
        "kind": "entry",
        "crossing_point": "najaf-airport",
        "mrz": mrz,
        "occurred_at": at,
    }
    response = client.post("/api/v1/crossings", body, content_type="application/json")
    assert response.status_code == 201, response.json()


def _announce(messages):
    first, second, third, fourth, fifth, sixth = passengers(messages)
    person(
        first, BANNED["surname"], BANNED["given_names"], birth=BANNED["birth"], number="T7000001"
    )
    person(second, "EXAMPLE", "NODOC", number=None)
    person(third, "SPECIMEN", "ALFA", number="T7000003")
    person(fourth, "SAMPLE", "BRAVO", number="T7000004")
    person(fifth, "DUMMY", "CHARLIE", number="T7000005")
    person(sixth, "NOBODY", "DELTA", number="T7000006")


@pytest.mark.django_db
@override_settings(HUDUD_MANIFEST_GRACE_MINUTES=30)
def test_a_flight_announced_in_advance_is_answered_met_and_reconciled(
    carrier, entry_ban, najaf_officer, najaf_supervisor, client_for
):
    _, carrier_client = carrier
    flight = plan()
    (interchange,) = files(flight, _announce, single_file=True)

    # The carrier sends the list: one answer per traveller, within a second.
    response = send(carrier_client, interchange)
    assert response.status_code == 201, response.json()
    sent = response.json()
    answers = {(a["surname"], a["given_names"]): a for a in sent["responses"]}
    assert answers[(BANNED["surname"], BANNED["given_names"])]["status"] == "do_not_board"
    assert answers[(BANNED["surname"], BANNED["given_names"])]["code"] == "1Z"
    assert answers[("EXAMPLE", "NODOC")]["status"] == "insufficient_data"
    assert answers[("EXAMPLE", "NODOC")]["text"] == "INSUFFICIENT DATA - SEND DOCUMENT NUMBER"
    assert answers[("SPECIMEN", "ALFA")]["status"] == "ok"
    assert sum(a["status"] == "ok" for a in sent["responses"]) == 6
    assert sent["processing_ms"] < 1000

    # The same answer as an EDIFACT CUSRES, for the carrier's system (a redelivery: 200).
    edifact = send(carrier_client, interchange, edifact=True)
    assert edifact.status_code == 200
    segments = tokenize(edifact.content).segments
    assert [s.value(1) for s in segments if s.tag == "BGM"] == ["962", "962"]
    assert [s.value(1) for s in segments if s.tag == "ERC"].count("1Z") == 1
    assert [s.value(1) for s in segments if s.tag == "ERC"].count("2Z") == 1

    # The flight lands; the primary-line officer sees each traveller's pre-screening result.
    landed = flight.departure + timedelta(minutes=flight.minutes)
    at = timezone.make_aware(landed) + timedelta(minutes=20)
    line = client_for(najaf_officer)
    alfa = passport(surname="SPECIMEN", given_names="ALFA", number="T7000003")
    checked = _check(line, alfa, at.isoformat()).json()
    assert checked["pre_arrival"]["status"] == "on_manifest"
    assert checked["pre_arrival"]["matched_by"] == "document"
    assert checked["pre_arrival"]["board_status"] == "ok"
    assert checked["pre_arrival"]["flight"] == "ZZ482"
    banned = passport(
        surname=BANNED["surname"],
        given_names=BANNED["given_names"],
        number="T7000001",
        birth=BANNED["birth"],
    )
    checked = _check(line, banned, at.isoformat()).json()
    assert checked["pre_arrival"]["board_status"] == "do_not_board"
    assert checked["pre_arrival"]["hits"][0]["watchlist_name"] == "Test entry ban"
    assert checked["watchlist"]["status"] == "hit"

    # Three passengers enter; one traveller who was on no manifest arrives too.
    for surname, given, number in (
        ("SPECIMEN", "ALFA", "T7000003"),
        ("SAMPLE", "BRAVO", "T7000004"),
        ("DUMMY", "CHARLIE", "T7000005"),
        ("STRAY", "ECHO", "T7999999"),
    ):
        _enter(line, passport(surname=surname, given_names=given, number=number), at.isoformat())

    # After arrival and the grace period the board lists no-shows and the stray arrival.
    board = client_for(najaf_supervisor).get(f"/api/v1/manifests/flights/{sent['flight']['id']}")
    assert board.status_code == 200, board.json()
    shown = board.json()
    assert shown["status"] == "closed"
    assert shown["counts"]["arrived"] == 3
    assert shown["counts"]["passengers_found"] == 6
    assert shown["counts"]["crew_found"] == 2
    no_shows = {(t["surname"], t["given_names"]) for t in shown["no_shows"]}
    assert ("NOBODY", "DELTA") in no_shows
    assert ("SPECIMEN", "ALFA") not in no_shows
    assert len(no_shows) == 5  # the banned person, the one without a number, NOBODY, two crew
    assert [(a["surname"], a["document_number"]) for a in shown["not_on_manifest"]] == [
        ("STRAY", "T7999999")
    ]
    assert [t["surname"] for t in shown["with_hits"]] == [BANNED["surname"]]
    assert "EXAMPLE" in {t["surname"] for t in shown["with_problems"]}

    # The same board as a page in the workspace.
    page_client = Client()
    page_client.force_login(najaf_supervisor.user)
    page = page_client.get(f"/manifests/flights/{sent['flight']['id']}/").content.decode()
    for shown_on_page in ("NOBODY, DELTA", "STRAY, ECHO", BANNED["surname"], "Test entry ban"):
        assert shown_on_page in page

    actions = set(AuditEvent.objects.values_list("action", flat=True))
    assert {
        "manifest.receive",
        "pre_arrival_hit.raise",
        "manifest.redelivery",
        "flight.board",
    } <= actions

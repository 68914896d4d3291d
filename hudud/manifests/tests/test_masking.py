"""Advance passenger information as each role may see it: analysts read every board but see
birth years and the ends of document numbers (agencies.mandates.FIELD_RULES); line officers,
supervisors and auditors see them in full; a carrier reads its own answers in full."""

from __future__ import annotations

import json
import uuid
from datetime import date, timedelta

import pytest
from django.utils import timezone

from conftest import make_officer, passport
from hudud.agencies.models import Officer
from hudud.manifests.tests.conftest import BANNED, files, passengers, person, plan, send

pytestmark = pytest.mark.django_db

NUMBER, MASKED = "T7000001", "T7••••01"
EXPIRED = "T8000002"  # quoted by its data-quality finding: "document 1 (T8000002): expired"
BORN = BANNED["birth"].isoformat()  # 1971-04-02
STRAY, STRAY_MASKED = "T9300001", "T9••••01"


@pytest.fixture
def analyst():
    return make_officer("analyst", Officer.Role.ANALYST, "moi")


@pytest.fixture
def flight(carrier, entry_ban, najaf_officer, client_for):
    """A landed flight to Najaf with a listed passenger (a hit), a corrected birth date in a
    later message, and a traveller who arrived without being on the manifest."""
    _, client = carrier
    flight_plan = plan()

    def first(messages):
        people = passengers(messages)
        person(people[0], BANNED["surname"], BANNED["given_names"], birth=BANNED["birth"],
               number=NUMBER)  # fmt: skip
        person(people[1], "PERSON", "ONE", number="T8000001")
        person(people[2], "PERSON", "TWO", number=EXPIRED)
        people[2].documents[0].expiry_date = date(2020, 1, 1)

    def later(messages):
        first(messages)
        passengers(messages)[1].birth_date = date(1990, 1, 2)  # corrected

    (v1,) = files(flight_plan, first, single_file=True, control_prefix="V1")
    (v2,) = files(flight_plan, later, single_file=True, control_prefix="V2")
    sent = send(client, v1).json()
    assert send(client, v2).status_code == 201
    at = timezone.make_aware(flight_plan.departure + timedelta(minutes=flight_plan.minutes + 5))
    body = {
        "client_id": str(uuid.uuid4()),
        "kind": "entry",
        "crossing_point": "najaf-airport",
        "mrz": passport(surname="STRAY", given_names="ONE", number=STRAY),
        "occurred_at": at.isoformat(),
    }
    line = client_for(najaf_officer)
    assert line.post("/api/v1/crossings", body, content_type="application/json").status_code == 201
    return sent


def _board(client, sent):
    response = client.get(f"/api/v1/manifests/flights/{sent['flight']['id']}")
    assert response.status_code == 200
    return response.json()


def _get(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response


def test_an_analyst_reads_the_board_with_birth_years_and_masked_document_numbers(
    analyst, flight, client_for
):
    board = _board(client_for(analyst), flight)
    (hit,) = board["with_hits"]
    assert hit["birth_date"] is None
    assert hit["birth_year"] == 1971
    assert hit["birth_date_masked"] is True
    assert hit["document_number"] == MASKED
    assert [a["document_number"] for a in board["not_on_manifest"]] == [STRAY_MASKED]
    (expired,) = [t for t in board["with_problems"] if t["surname"] == "PERSON"]
    assert "T8••••02" in expired["findings"][0]["message"]
    text = json.dumps(board, ensure_ascii=False)
    assert EXPIRED not in text
    assert NUMBER not in text
    assert STRAY not in text
    assert BORN not in text


def test_an_analyst_reads_every_traveller_of_the_list_masked(analyst, flight, client_for):
    url = f"/api/v1/manifests/flights/{flight['flight']['id']}/travellers"
    rows = _get(client_for(analyst), url).json()
    assert rows
    assert all(r["birth_date"] is None and r["birth_date_masked"] for r in rows)
    assert all("•" in r["document_number"] for r in rows)
    assert "T8000001" not in json.dumps(rows)


def test_an_analyst_reads_the_history_of_the_list_without_the_full_birth_dates(
    analyst, auditor, flight, client_for
):
    url = f"/api/v1/manifests/flights/{flight['flight']['id']}/history"
    (change,) = [c for c in _get(client_for(analyst), url).json() if c["kind"] == "changed"]
    assert change["fields"] == {"birth_date": ["1985-••-••", "1990-••-••"]}
    (change,) = [c for c in _get(client_for(auditor), url).json() if c["kind"] == "changed"]
    assert change["fields"] == {"birth_date": ["1985-03-14", "1990-01-02"]}


@pytest.mark.parametrize("who", ["najaf_officer", "najaf_supervisor", "auditor"])
def test_line_officers_supervisors_and_auditors_read_the_board_in_full(
    who, flight, client_for, request
):
    board = _board(client_for(request.getfixturevalue(who)), flight)
    (hit,) = board["with_hits"]
    assert hit["birth_date"] == BORN
    assert hit["birth_year"] == 1971
    assert hit["birth_date_masked"] is False
    assert hit["document_number"] == NUMBER
    assert [a["document_number"] for a in board["not_on_manifest"]] == [STRAY]
    (expired,) = [t for t in board["with_problems"] if t["surname"] == "PERSON"]
    assert EXPIRED in expired["findings"][0]["message"]


def test_the_answers_are_masked_for_an_analyst_and_in_full_for_the_carrier_and_supervisor(
    analyst, najaf_supervisor, carrier, flight, client_for
):
    url = f"/api/v1/manifests/messages/{flight['id']}"
    _, carrier_client = carrier

    def numbers(client):
        return {a["document_number"] for a in _get(client, url).json()["responses"]}

    assert NUMBER in numbers(carrier_client)
    assert NUMBER in numbers(client_for(najaf_supervisor))
    masked = numbers(client_for(analyst))
    assert MASKED in masked
    assert NUMBER not in masked


def test_the_board_page_shows_an_analyst_birth_years_and_masked_numbers(
    analyst, najaf_officer, flight, client
):
    url = f"/manifests/flights/{flight['flight']['id']}/"
    client.force_login(analyst.user)
    page = _get(client, url).content.decode()
    assert MASKED in page
    assert STRAY_MASKED in page
    assert NUMBER not in page
    assert STRAY not in page
    assert EXPIRED not in page
    assert BORN not in page
    assert "1971" in page
    assert "1990-01-02" not in page  # the history of the list
    client.force_login(najaf_officer.user)
    page = _get(client, url).content.decode()
    assert NUMBER in page
    assert STRAY in page
    assert EXPIRED in page
    assert BORN in page
    assert "1990-01-02" in page


def test_an_analyst_does_not_get_the_interchanges_which_cannot_be_masked(
    analyst, najaf_supervisor, auditor, carrier, flight, client_for
):
    _, carrier_client = carrier
    for part in ("raw", "response"):
        url = f"/api/v1/manifests/messages/{flight['id']}/{part}"
        assert client_for(analyst).get(url).status_code == 403
        for client in (carrier_client, client_for(najaf_supervisor), client_for(auditor)):
            assert client.get(url).status_code == 200

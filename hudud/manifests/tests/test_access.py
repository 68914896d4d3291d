"""Who sees what: carriers only their own messages, officers the boards of their airports, the
shared cast on every endpoint that shows personal data, and every read audited."""

from __future__ import annotations

import pytest
from django.utils import timezone

from hudud.audit.models import AuditEvent
from hudud.manifests.models import Flight
from hudud.manifests.tests.conftest import files, plan, send

pytestmark = pytest.mark.django_db


@pytest.fixture
def najaf_flight(carrier):
    _, client = carrier
    (data,) = files(plan(), single_file=True)
    return send(client, data).json()


@pytest.fixture
def baghdad_flight(carrier):
    _, client = carrier
    (data,) = files(plan(destination="BGW", number="ZZ100"), single_file=True)
    return send(client, data).json()


def _day(sent):
    flight = Flight.objects.get(pk=sent["flight"]["id"])
    return timezone.localdate(flight.scheduled_arrival).isoformat()


def _board_urls(flight_id):
    base = f"/api/v1/manifests/flights/{flight_id}"
    return [base, f"{base}/travellers", f"{base}/history", f"/manifests/flights/{flight_id}/"]


def test_a_carrier_sees_only_its_own_messages_and_answers(carrier, other_carrier, najaf_flight):
    _, own = carrier
    _, other = other_carrier
    submission = najaf_flight["id"]
    for path in ("", "/response", "/raw"):
        assert own.get(f"/api/v1/manifests/messages/{submission}{path}").status_code == 200
        assert other.get(f"/api/v1/manifests/messages/{submission}{path}").status_code == 404
    assert [s["id"] for s in own.get("/api/v1/manifests/messages").json()] == [submission]
    assert other.get("/api/v1/manifests/messages").json() == []


def test_a_carrier_never_sees_a_board_or_the_screening_behind_an_answer(carrier, najaf_flight):
    _, client = carrier
    for url in _board_urls(najaf_flight["flight"]["id"])[:3]:
        assert client.get(url).status_code == 403
    assert client.get("/api/v1/manifests/flights").status_code == 403
    detail = client.get(f"/api/v1/manifests/messages/{najaf_flight['id']}").json()
    assert "hits" not in str(detail["responses"])


def test_line_officers_see_the_boards_of_the_airports_they_are_posted_to(
    officer, colleague, najaf_officer, najaf_flight, baghdad_flight, client_for
):
    for who in (officer, colleague):  # posted at Zurbatiya and Baghdad airport
        client = client_for(who)
        for url in _board_urls(najaf_flight["flight"]["id"])[:3]:
            assert client.get(url).status_code == 404
        for url in _board_urls(baghdad_flight["flight"]["id"])[:3]:
            assert client.get(url).status_code == 200
    listed = client_for(najaf_officer).get("/api/v1/manifests/flights", {"day": _day(najaf_flight)})
    assert [f["flight"]["number"] for f in listed.json()] == ["ZZ482"]


def test_a_customs_officer_sees_no_board_and_no_submission(
    other_agency_officer, najaf_flight, client_for
):
    client = client_for(other_agency_officer)
    for url in _board_urls(najaf_flight["flight"]["id"])[:3]:
        assert client.get(url).status_code == 403
    assert client.get(f"/api/v1/manifests/messages/{najaf_flight['id']}").status_code == 403
    assert client.get("/api/v1/manifests/flights").status_code == 403


def test_an_auditor_reads_every_board_and_submission_and_the_read_is_audited(
    auditor, najaf_flight, client_for
):
    client = client_for(auditor)
    for url in _board_urls(najaf_flight["flight"]["id"])[:3]:
        assert client.get(url).status_code == 200
    assert client.get(f"/api/v1/manifests/messages/{najaf_flight['id']}/raw").status_code == 200
    actions = set(
        AuditEvent.objects.filter(actor_username="auditor").values_list("action", flat=True)
    )
    assert {
        "flight.board",
        "flight.travellers",
        "flight.history",
        "submission.read_raw",
    } <= actions


def test_a_primary_officer_does_not_read_carriers_raw_messages(
    najaf_officer, najaf_flight, client_for
):
    client = client_for(najaf_officer)
    assert client.get(f"/api/v1/manifests/messages/{najaf_flight['id']}/raw").status_code == 403


def test_a_supervisor_reads_the_submissions_of_flights_at_their_airport(
    najaf_supervisor, supervisor, najaf_flight, client_for
):
    url = f"/api/v1/manifests/messages/{najaf_flight['id']}"
    assert client_for(najaf_supervisor).get(url).status_code == 200
    assert client_for(supervisor).get(url).status_code == 404  # posted at Zurbatiya


def test_the_board_page_renders_for_an_officer_at_the_airport(
    najaf_officer, other_agency_officer, najaf_flight, client
):
    flight_id = najaf_flight["flight"]["id"]
    assert client.get(f"/manifests/flights/{flight_id}/").status_code == 302  # to log in
    client.force_login(najaf_officer.user)
    page = client.get(f"/manifests/flights/{flight_id}/")
    assert page.status_code == 200
    assert "ZZ482" in page.content.decode()
    listing = client.get("/manifests/", {"day": _day(najaf_flight)})
    assert listing.status_code == 200
    assert "ZZ482" in listing.content.decode()
    client.force_login(other_agency_officer.user)
    assert client.get(f"/manifests/flights/{flight_id}/").status_code == 403
    assert client.get("/manifests/").status_code == 403

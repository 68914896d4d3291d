"""Alerts as each role may see them: the owning agency's analysts and administrators read a
confirmed alert, its notification and its explanation with the traveller's birth year and the
ends of the document number (agencies.mandates.FIELD_RULES); secondary officers, supervisors
and auditors see them in full. The listed entry is the owning agency's own record: in full."""

from __future__ import annotations

import json

import pytest

from hudud.common.actor import Actor
from hudud.watchlists import services
from hudud.watchlists.models import Alert
from hudud.watchlists.tests.conftest import add_entry, make_list
from hudud.watchlists.tests.test_screening import LISTED, subject

pytestmark = pytest.mark.django_db

JSON = "application/json"
BORN, NUMBER, MASKED = "1971-02-03", "N1234567", "N1••••67"


def _raise_and_confirm(officer, secondary, client_for, code="entry-ban"):
    outcome = services.traveller_screen(
        actor=Actor(officer), crossing_point_code="zurbatiya", subject=subject()
    )
    alert = Alert.objects.get(pk=outcome.hits[0].alert_id)
    confirm = client_for(secondary).post(
        f"/api/v1/alerts/{alert.pk}/confirm", {"reason": "documents match"}, content_type=JSON
    )
    assert confirm.status_code == 200
    return alert


@pytest.fixture
def name_alert(officer, secondary, list_admin, client_for):
    """A confirmed name match on the Ministry of Interior's entry ban (born 20 years apart)."""
    make_list()
    add_entry(list_admin, names=LISTED, birth_dates=("1951-02-03",), nationalities=("SYR",))
    return _raise_and_confirm(officer, secondary, client_for)


@pytest.fixture
def document_alert(officer, secondary, list_admin, client_for):
    """A confirmed hit on a listed document of the Ministry of Interior's lost documents."""
    make_list("lost", kind="lost_stolen_documents", action="inform_owner")
    add_entry(list_admin, "lost", documents=({"number": NUMBER, "issuing_state": "SYR"},))
    return _raise_and_confirm(officer, secondary, client_for)


def _detail(client, alert):
    response = client.get(f"/api/v1/alerts/{alert.pk}")
    assert response.status_code == 200
    return response.json()


@pytest.mark.parametrize("who", ["owner_officer", "list_admin"])
def test_the_owning_agency_reads_the_alert_with_the_birth_year_and_a_masked_document(
    who, name_alert, client_for, request
):
    body = _detail(client_for(request.getfixturevalue(who)), name_alert)
    assert body["subject"]["surname"] == "QWERTYANI"
    assert body["subject"]["birth_date"] is None
    assert body["subject"]["birth_year"] == 1971
    assert body["subject"]["birth_date_masked"] is True
    assert body["document_number"] == MASKED
    (evidence,) = [f for f in body["explanation"]["fields"] if f["field"] == "birth_date"]
    assert (evidence["query"], evidence["entry"]) == ("1971-••-••", "1951-02-03")
    assert body["entry"]["birth_dates"] == ["1951-02-03"]  # the agency's own entry
    text = json.dumps(body, ensure_ascii=False)
    assert BORN not in text
    assert NUMBER not in text


@pytest.mark.parametrize("who", ["secondary", "supervisor", "auditor"])
def test_secondary_supervisors_and_auditors_read_the_alert_in_full(
    who, name_alert, client_for, request
):
    body = _detail(client_for(request.getfixturevalue(who)), name_alert)
    assert body["subject"]["birth_date"] == BORN
    assert body["subject"]["birth_year"] == 1971
    assert body["subject"]["birth_date_masked"] is False
    assert body["document_number"] == NUMBER
    (evidence,) = [f for f in body["explanation"]["fields"] if f["field"] == "birth_date"]
    assert evidence["query"] == BORN


def test_the_notifications_of_the_owning_agency_are_masked_too(
    name_alert, owner_officer, auditor, client_for
):
    (note,) = client_for(owner_officer).get("/api/v1/watchlists/notifications").json()
    assert note["alert"]["document_number"] == MASKED
    assert note["alert"]["subject"]["birth_date"] is None
    ack = client_for(owner_officer).post(
        f"/api/v1/watchlists/notifications/{note['id']}/acknowledge"
    )
    assert BORN not in ack.content.decode()
    assert NUMBER not in ack.content.decode()
    (note,) = client_for(auditor).get("/api/v1/watchlists/notifications").json()
    assert note["alert"]["document_number"] == NUMBER
    assert note["alert"]["subject"]["birth_date"] == BORN


def test_a_listed_document_is_masked_in_the_summary_and_explanation_for_the_owner(
    document_alert, owner_officer, secondary, client_for
):
    body = _detail(client_for(owner_officer), document_alert)
    assert body["explanation"]["reason"] == "document"
    assert body["explanation"]["document"]["number"] == MASKED
    assert MASKED in body["summary"]
    assert NUMBER not in body["summary"]
    assert body["document_number"] == MASKED
    full = _detail(client_for(secondary), document_alert)
    assert full["explanation"]["document"]["number"] == NUMBER
    assert NUMBER in full["summary"]

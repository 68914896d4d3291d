"""Journey 7, need to know: a customs officer logs in with password and one-time code and
sees nothing of travellers or hits; an auditor reads who looked at a traveller's record,
when, from where and why, and proves that the trail was not altered."""

from __future__ import annotations

import pytest
from django.test import Client

from conftest import crossing_body, log_in, passport
from hudud.audit.models import AuditEvent


@pytest.mark.django_db
def test_an_auditor_reads_who_looked_at_a_traveller_and_proves_the_trail_whole(
    officer, supervisor, auditor, other_agency_officer, client_for
):
    line = client_for(officer)
    body = crossing_body("entry", passport(number="J7000001"))
    traveller_id = line.post("/api/v1/crossings", body, "application/json").json()["crossing"][
        "traveller_id"
    ]
    check = {"crossing_point": "zurbatiya", "direction": "exit", "mrz": passport(number="J7000001")}
    line.post("/api/v1/crossings/check", check, "application/json")

    customs = log_in(Client(), other_agency_officer)
    assert customs.get("/api/v1/alerts", {"crossing_point": "umm-qasr-north"}).status_code == 403
    assert customs.get("/api/v1/overstayers").status_code == 403
    query = {"object_type": "traveller", "object_id": traveller_id}
    assert customs.get("/api/v1/audit/events", query).status_code == 403
    assert client_for(supervisor).get("/api/v1/audit/events", query).status_code == 403

    reader = client_for(auditor)
    trail = reader.get("/api/v1/audit/events", query)
    assert trail.status_code == 200
    rows = trail.json()
    assert [(r["who"], r["action"], r["crossing_point"]) for r in rows] == [
        ("primary", "crossing.entry", "zurbatiya"),
        ("primary", "traveller.lookup", "zurbatiya"),
    ]
    assert rows[0]["source_ip"] == "127.0.0.1"
    # Reading the trail is itself on the trail.
    assert AuditEvent.objects.filter(action="audit.trail_read", actor_username="auditor").exists()
    verified = reader.get("/api/v1/audit/verify").json()
    assert verified["intact"] is True
    assert verified["findings"] == []
    assert verified["events"] == AuditEvent.objects.count() - 1  # the verify event comes after


@pytest.mark.django_db
def test_the_audit_endpoints_answer_nobody_without_credentials(client):
    assert client.get("/api/v1/audit/verify").status_code == 401

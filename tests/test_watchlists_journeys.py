"""Journeys 1 and 2 (shared/journeys.md) walked through the API with the demo's watchlists.

A pilgrim bus at Zurbatiya: 48 passports scanned, one expired, one a possible watchlist match.
At secondary inspection the match is dismissed (the birth dates are twenty years apart) and the
traveller cleared, so the next check of the same passport is `cleared`, not stopped. A hit that
is confirmed notifies the agency that owns the list. Every step leaves its audit event.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from conftest import crossing_body, make_officer, passport
from hudud.agencies.models import Officer
from hudud.audit.models import AuditEvent
from hudud.demo import scenarios, watchlists
from hudud.watchlists.index_cache import screening_index_cache
from hudud.watchlists.models import Alert, Notification

NOW = datetime(2026, 8, 1, 9, 0, tzinfo=UTC)
JSON = "application/json"


@pytest.fixture(autouse=True)
def fresh_index():
    screening_index_cache.reset()
    yield
    screening_index_cache.reset()


@pytest.fixture
def demo_lists(db):
    admin = make_officer("passports.admin", Officer.Role.AGENCY_ADMIN, "moi-passports")
    return watchlists.watchlists_load(admin=admin)


@pytest.fixture
def secondary(db):
    return make_officer("secondary", Officer.Role.SECONDARY, "bpc", ("zurbatiya",))


def check(client, mrz_text):
    body = {"mrz": mrz_text, "crossing_point": "zurbatiya", "direction": "entry"}
    body["at"] = NOW.isoformat()
    response = client.post("/api/v1/crossings/check", body, content_type=JSON)
    assert response.status_code == 200, response.json()
    return response.json()


def bus_checks(client):
    bus = scenarios.scenarios()["pilgrim_bus_zurbatiya"]
    return bus, [check(client, zone) for zone in bus.mrzs]


@pytest.mark.django_db
def test_journey_1_the_pilgrim_bus_holds_one_expired_passport_and_one_possible_match(
    officer, client_for, demo_lists
):
    client = client_for(officer)
    bus, results = bus_checks(client)
    hits = [i for i, r in enumerate(results) if r["watchlist"]["status"] != "clear"]
    assert hits == [scenarios.WATCHLIST_PILGRIM]
    matched = results[scenarios.WATCHLIST_PILGRIM]
    assert matched["cue"] == "red"
    [hit] = matched["watchlist"]["hits"]
    assert (hit["watchlist"], hit["action"], hit["cleared"]) == (
        "national-entry-ban",
        "refuse_entry",
        False,
    )
    assert hit["alert_id"]
    reason = next(r for r in matched["reasons"] if r["code"] == "watchlist_hit")
    assert "refer to secondary inspection" in reason["message"]
    expired = results[scenarios.EXPIRED_PILGRIM]
    assert expired["cue"] == "red"
    assert expired["document"]["expired"] is True
    clean = [
        r
        for i, r in enumerate(results)
        if i not in (scenarios.EXPIRED_PILGRIM, scenarios.WATCHLIST_PILGRIM)
    ]
    assert {r["cue"] for r in clean} == {"green"}
    assert Alert.objects.count() == 1
    assert AuditEvent.objects.filter(action="traveller.lookup").count() == len(bus.mrzs)
    assert AuditEvent.objects.filter(action="alert.raise").count() == 1


@pytest.mark.django_db
def test_journey_2_the_match_is_dismissed_with_a_clearance_and_the_next_check_is_cleared(
    officer, secondary, supervisor, client_for, demo_lists
):
    lane = client_for(officer)
    person = scenarios.watchlist_match()
    first = check(lane, person.mrz())
    alert_id = first["watchlist"]["hits"][0]["alert_id"]
    desk = client_for(secondary)
    queue = desk.get("/api/v1/alerts?crossing_point=zurbatiya").json()
    assert [a["id"] for a in queue] == [alert_id]
    detail = desk.get(f"/api/v1/alerts/{alert_id}").json()
    assert detail["subject"]["surname"] == person.surname
    assert detail["subject"]["birth_date"] == person.birth_date.isoformat()
    listed_birth = date.fromisoformat(detail["entry"]["birth_dates"][0])
    assert person.birth_date.year - listed_birth.year == 20
    assert person.name_ar in [n["name"] for n in detail["entry"]["names"]]
    assert detail["list_details"]["legal_basis"].startswith("Residency Law")
    assert detail["list_details"]["action"] == "refuse_entry"
    birth = next(f for f in detail["explanation"]["fields"] if f["field"] == "birth_date")
    assert birth["verdict"] not in ("exact", "same_year")
    assert detail["explanation"]["name"]["aligned"]
    dismissed = desk.post(
        f"/api/v1/alerts/{alert_id}/dismiss",
        {"reason": "born twenty years after the listed person", "grant_clearance": True},
        content_type=JSON,
    )
    assert dismissed.status_code == 200, dismissed.json()
    assert dismissed.json()["clearance"]["document_number"] == person.number
    seen = client_for(supervisor).get(f"/api/v1/alerts/{alert_id}").json()
    assert (seen["status"], seen["decided_by"]) == ("dismissed", "secondary")
    assert seen["decision_reason"] == "born twenty years after the listed person"
    again = check(lane, person.mrz())
    assert again["watchlist"]["status"] == "cleared"
    assert again["watchlist"]["hits"][0]["cleared"] is True
    assert again["cue"] == "green"
    actions = set(AuditEvent.objects.values_list("action", flat=True))
    assert {"alert.raise", "alert.read", "alert.dismiss", "clearance.grant"} <= actions
    assert "clearance.apply" in actions


@pytest.mark.django_db
def test_a_confirmed_hit_on_the_wanted_list_notifies_the_owning_agency(
    officer, secondary, client_for, demo_lists
):
    lane = client_for(officer)
    wanted = passport(surname="WANTEDSON", given_names="ZZDEMO", number="Q1234567", state="IRQ",
                      birth=date(1979, 5, 6))  # fmt: skip
    result = check(lane, wanted)
    [hit] = result["watchlist"]["hits"]
    assert (hit["watchlist"], hit["action"]) == ("national-wanted", "arrest")
    assert result["cue"] == "red"
    confirmed = client_for(secondary).post(
        f"/api/v1/alerts/{hit['alert_id']}/confirm",
        {"reason": "identity confirmed against the warrant"},
        content_type=JSON,
    )
    assert confirmed.status_code == 200
    notification = Notification.objects.get()
    assert (notification.agency.code, notification.watchlist.code) == ("moi", "national-wanted")
    event = AuditEvent.objects.get(action="alert.confirm")
    assert event.details["notified_agency"] == "moi"
    # The refusal is the line officer's to record, with reason H (an alert for refusal).
    body = crossing_body("refusal", wanted, occurred_at=NOW.isoformat(), refusal_reasons=["H"])
    response = lane.post("/api/v1/crossings", body, content_type=JSON)
    assert response.status_code == 201

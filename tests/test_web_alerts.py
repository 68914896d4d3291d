"""Secondary inspection through Django's test client (journey 2): the queue, the alert beside
the traveller, the decision with a clearance, the history, and who may see and decide."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from django.test import Client

from conftest import make_officer, passport
from hudud.agencies.models import Officer
from hudud.audit.models import AuditEvent
from hudud.border.checks import crossing_check
from hudud.border.documents import document_from_mrz
from hudud.common.actor import Actor
from hudud.demo import scenarios, watchlists
from hudud.watchlists.index_cache import screening_index_cache
from hudud.watchlists.models import Alert, Clearance, Notification

NOW = datetime(2026, 8, 1, 9, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def fresh_index():
    screening_index_cache.reset()
    yield
    screening_index_cache.reset()


@pytest.fixture
def alert(officer: Officer) -> Alert:
    """The pilgrim's possible match, raised by a check at Zurbatiya."""
    admin = make_officer("passports.admin", Officer.Role.AGENCY_ADMIN, "moi-passports")
    watchlists.watchlists_load(admin=admin)
    zone = scenarios.scenarios()["pilgrim_bus_zurbatiya"].mrzs[scenarios.WATCHLIST_PILGRIM]
    crossing_check(
        actor=Actor(officer),
        crossing_point_code="zurbatiya",
        direction="entry",
        document=document_from_mrz(zone, today=NOW.date()),
        at=NOW,
    )
    return Alert.objects.get()


@pytest.fixture
def secondary(db) -> Officer:
    return make_officer("secondary", Officer.Role.SECONDARY, "bpc", ("zurbatiya",))


def as_(officer: Officer) -> Client:
    client = Client()
    client.force_login(officer.user)
    return client


@pytest.mark.django_db
def test_the_queue_lists_the_open_alert_of_the_officers_crossing_point(
    alert: Alert, secondary: Officer
) -> None:
    page = as_(secondary).get("/alerts/").content.decode()
    assert f"/alerts/{alert.pk}/" in page
    assert "HASANZADEH" in page
    assert "National entry ban (demo)" in page
    assert AuditEvent.objects.filter(action="alerts.list").exists()


@pytest.mark.django_db
def test_the_alert_shows_the_traveller_beside_the_entry_with_every_verdict(
    alert: Alert, secondary: Officer
) -> None:
    page = as_(secondary).get(f"/alerts/{alert.pk}/").content.decode()
    assert "Traveller, as screened" in page
    assert "Listed entry" in page
    assert "امیرحسین حسن زاده" in page  # the listed name in its original script
    assert "20 years apart" in page
    assert "Residency Law No. 76 of 2017" in page
    assert "<strong>Refuse entry</strong>" in page
    assert "Not the listed person: dismiss" in page
    assert AuditEvent.objects.filter(action="alert.read", object_id=str(alert.pk)).exists()


@pytest.mark.django_db
def test_journey_2_dismissed_with_a_reason_and_a_clearance_the_next_check_is_cleared(
    alert: Alert, secondary: Officer, officer: Officer, supervisor: Officer
) -> None:
    client = as_(secondary)
    response = client.post(
        f"/alerts/{alert.pk}/dismiss",
        {"reason": "Listed person born 20 years earlier.", "grant_clearance": "on"},
    )
    assert response.status_code == 302
    alert.refresh_from_db()
    assert (alert.status, alert.decision_reason) == (
        "dismissed",
        "Listed person born 20 years earlier.",
    )
    assert Clearance.objects.filter(alert=alert).exists()
    page = client.get(response["Location"]).content.decode()
    assert "cleared for this entry" in page
    assert "Not the listed person: dismiss" not in page  # decided: no second decision

    line = as_(officer)
    zone = scenarios.scenarios()["pilgrim_bus_zurbatiya"].mrzs[scenarios.WATCHLIST_PILGRIM]
    card = line.post(
        "/line/check",
        {"point": "zurbatiya", "direction": "entry", "mrz": zone},
        headers={"HX-Request": "true"},
    ).content.decode()
    assert 'data-watchlist="cleared"' in card
    assert "cleared at secondary inspection" in card

    decided = as_(supervisor).get(f"/alerts/{alert.pk}/").content.decode()
    assert "Listed person born 20 years earlier." in decided


@pytest.mark.django_db
def test_a_confirmed_hit_notifies_the_owning_agency(alert: Alert, secondary: Officer) -> None:
    as_(secondary).post(f"/alerts/{alert.pk}/confirm", {"reason": "Same person, photo matches."})
    alert.refresh_from_db()
    assert alert.status == "confirmed"
    assert Notification.objects.filter(alert=alert).exists()


@pytest.mark.django_db
def test_a_decision_needs_a_reason(alert: Alert, secondary: Officer) -> None:
    client = as_(secondary)
    response = client.post(f"/alerts/{alert.pk}/dismiss", {"reason": ""}, follow=True)
    assert "Give the reason for the decision." in response.content.decode()
    alert.refresh_from_db()
    assert alert.status == "open"


@pytest.mark.django_db
def test_a_second_decision_is_refused_with_a_message(alert: Alert, secondary: Officer) -> None:
    client = as_(secondary)
    client.post(f"/alerts/{alert.pk}/confirm", {"reason": "Same person."})
    response = client.post(f"/alerts/{alert.pk}/dismiss", {"reason": "Oops."}, follow=True)
    assert "This alert was decided already." in response.content.decode()
    alert.refresh_from_db()
    assert alert.status == "confirmed"


@pytest.mark.django_db
def test_an_auditor_reads_the_alert_but_cannot_decide(alert: Alert, auditor: Officer) -> None:
    client = as_(auditor)
    page = client.get(f"/alerts/{alert.pk}/").content.decode()
    assert "HASANZADEH" in page
    assert "Not the listed person: dismiss" not in page
    assert client.post(f"/alerts/{alert.pk}/dismiss", {"reason": "x"}).status_code == 403


@pytest.mark.django_db
def test_roles_without_hit_access_see_no_queue_and_no_alert(
    alert: Alert, officer: Officer, other_agency_officer: Officer
) -> None:
    for who in (officer, other_agency_officer):
        client = as_(who)
        assert client.get("/alerts/").status_code == 403
        assert client.get(f"/alerts/{alert.pk}/").status_code == 403


@pytest.mark.django_db
def test_a_secondary_officer_elsewhere_does_not_find_the_alert(alert: Alert) -> None:
    elsewhere = make_officer("sec.safwan", Officer.Role.SECONDARY, "bpc", ("safwan",))
    assert as_(elsewhere).get(f"/alerts/{alert.pk}/").status_code == 404
    confirm = as_(elsewhere).post(f"/alerts/{alert.pk}/confirm", {"reason": "Same person."})
    assert confirm.status_code == 404


@pytest.mark.django_db
def test_the_history_lists_earlier_alerts_about_the_same_document(
    alert: Alert, secondary: Officer, officer: Officer
) -> None:
    client = as_(secondary)
    client.post(f"/alerts/{alert.pk}/dismiss", {"reason": "Not him."})  # no clearance
    zone = scenarios.scenarios()["pilgrim_bus_zurbatiya"].mrzs[scenarios.WATCHLIST_PILGRIM]
    crossing_check(
        actor=Actor(officer),
        crossing_point_code="zurbatiya",
        direction="entry",
        document=document_from_mrz(zone, today=NOW.date()),
        at=NOW,
    )
    second = Alert.objects.get(status="open")
    page = client.get(f"/alerts/{second.pk}/").content.decode()
    assert f"/alerts/{alert.pk}/" in page
    assert "Not him." in page
    assert AuditEvent.objects.filter(action="alert.history").exists()


@pytest.mark.django_db
def test_the_dismissed_tab_shows_decided_alerts(alert: Alert, secondary: Officer) -> None:
    client = as_(secondary)
    client.post(f"/alerts/{alert.pk}/dismiss", {"reason": "Not him."})
    assert f"/alerts/{alert.pk}/" not in client.get("/alerts/").content.decode()
    assert f"/alerts/{alert.pk}/" in client.get("/alerts/?status=dismissed").content.decode()


@pytest.mark.django_db
def test_an_unrelated_passport_raises_no_alert(officer: Officer) -> None:
    crossing_check(
        actor=Actor(officer),
        crossing_point_code="zurbatiya",
        direction="entry",
        document=document_from_mrz(passport(), today=NOW.date()),
        at=NOW,
    )
    assert Alert.objects.count() == 0

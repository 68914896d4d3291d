"""Screening a traveller: alerts raised once, clearances, and an index that follows the lists."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.utils import timezone

from hudud.audit.models import AuditEvent
from hudud.border.models import CrossingPoint
from hudud.common.actor import Actor
from hudud.common.errors import ServiceError
from hudud.watchlists import services
from hudud.watchlists.index_cache import screening_index_cache
from hudud.watchlists.models import Alert, Watchlist
from hudud.watchlists.screening import ScreeningSubject
from hudud.watchlists.tests.conftest import add_entry, make_list

LISTED = ("ZORAVAR QWERTYANI", "زوراوار كويرتياني")


def subject(**overrides):
    fields = {
        "surname": "QWERTYANI",
        "given_names": "ZORAVAR",
        "birth_date": date(1971, 2, 3),
        "nationality": "SYR",
        "sex": "M",
        "document_number": "N1234567",
        "document_issuing_state": "SYR",
    }
    return ScreeningSubject(**{**fields, **overrides})


def screen(officer, who=None, point="zurbatiya"):
    return services.traveller_screen(
        actor=Actor(officer), crossing_point_code=point, subject=who or subject()
    )


@pytest.fixture
def listed(list_admin):
    make_list()
    return add_entry(
        list_admin, names=LISTED, birth_dates=("1971-02-03",), nationalities=("SYR",), sex="M"
    )


@pytest.mark.django_db
def test_a_listed_name_raises_one_alert_with_its_explanation_and_audit_event(officer, listed):
    outcome = screen(officer)
    assert outcome.status == "hit"
    [hit] = outcome.hits
    assert (hit.watchlist_code, hit.action, hit.entry_id) == (
        "entry-ban",
        "refuse_entry",
        listed.pk,
    )
    alert = Alert.objects.get()
    assert (alert.pk, alert.status, alert.crossing_point.code) == (
        hit.alert_id,
        "open",
        "zurbatiya",
    )
    assert alert.subject["surname"] == "QWERTYANI"
    assert (alert.document_issuing_state, alert.document_number) == ("SYR", "N1234567")
    assert alert.explanation["reason"] == "name"
    assert hit.summary
    event = AuditEvent.objects.get(action="alert.raise")
    assert (event.object_id, event.crossing_point_code) == (str(alert.pk), "zurbatiya")


@pytest.mark.django_db
def test_the_same_traveller_screened_again_finds_the_open_alert(officer, listed):
    first = screen(officer)
    second = screen(officer)
    assert first.hits[0].alert_id == second.hits[0].alert_id
    alert = Alert.objects.get()
    assert alert.times_seen == 2
    assert AuditEvent.objects.filter(action="alert.raise").count() == 1


@pytest.mark.django_db
def test_an_unrelated_traveller_is_clear_and_raises_nothing(officer, listed):
    outcome = screen(officer, subject(surname="HOSSEINI", given_names="MARYAM", sex="F"))
    assert (outcome.status, outcome.hits) == ("clear", [])
    assert Alert.objects.count() == 0


@pytest.mark.django_db
def test_an_entry_added_or_removed_after_the_index_was_built_is_seen_without_a_rebuild(
    officer, list_admin
):
    make_list()
    assert screen(officer).status == "clear"
    built = screening_index_cache.stats()
    entry = add_entry(list_admin, names=LISTED, birth_dates=("1971-02-03",))
    assert screen(officer).status == "hit"
    services.entry_remove(
        actor=Actor(list_admin), watchlist_code="entry-ban", entry_id=entry.pk, reason="delisted"
    )
    assert screen(officer, subject(document_number="N7654321")).status == "clear"
    stats = screening_index_cache.stats()
    assert stats["build_seconds"] == built["build_seconds"]  # the same build, refreshed
    assert stats["refreshes"] == 2


@pytest.mark.django_db
def test_a_list_switched_off_or_out_of_its_dates_raises_nothing(officer, listed):
    Watchlist.objects.filter(pk=listed.watchlist_id).update(active=False)
    assert screen(officer).status == "clear"
    yesterday = timezone.localdate() - timedelta(days=1)
    Watchlist.objects.filter(pk=listed.watchlist_id).update(active=True, valid_until=yesterday)
    assert screen(officer).status == "clear"
    Watchlist.objects.filter(pk=listed.watchlist_id).update(valid_until=None)
    assert screen(officer).status == "hit"


@pytest.mark.django_db
def test_an_entry_past_its_expiry_date_raises_nothing(officer, list_admin):
    make_list()
    yesterday = timezone.localdate() - timedelta(days=1)
    add_entry(list_admin, names=LISTED, expires_on=yesterday)
    assert screen(officer).status == "clear"


@pytest.mark.django_db
def test_a_lost_document_fires_on_its_number_and_issuing_state(officer, list_admin):
    make_list("lost", kind="lost_stolen_documents", action="inform_owner")
    add_entry(list_admin, "lost", documents=({"number": "N1234567", "issuing_state": "SYR"},))
    outcome = screen(officer, subject(surname="OTHER", given_names="PERSON"))
    assert outcome.status == "hit"
    assert outcome.hits[0].reason == "document"


def dismiss_and_clear(secondary, alert_id, **extra):
    return services.alert_dismiss(
        actor=Actor(secondary),
        alert_id=str(alert_id),
        reason="born 20 years later than the listed person",
        grant_clearance=True,
        **extra,
    )


@pytest.mark.django_db
def test_a_clearance_suppresses_the_hit_for_that_document_only(officer, secondary, listed):
    alert_id = screen(officer).hits[0].alert_id
    dismissed = dismiss_and_clear(secondary, alert_id)
    assert dismissed.alert.status == "dismissed"
    again = screen(officer)
    assert again.status == "cleared"
    assert again.hits[0].clearance_id == dismissed.clearance.pk
    assert again.hits[0].alert_id is None
    assert Alert.objects.count() == 1
    assert AuditEvent.objects.filter(action="clearance.apply").count() == 1
    namesake = screen(officer, subject(document_number="P9999999"))
    assert namesake.status == "hit"


@pytest.mark.django_db
def test_a_revoked_clearance_no_longer_holds(officer, secondary, supervisor, listed):
    clearance = dismiss_and_clear(secondary, screen(officer).hits[0].alert_id).clearance
    services.clearance_revoke(
        actor=Actor(supervisor), clearance_id=clearance.pk, reason="new information"
    )
    assert screen(officer).status == "hit"
    assert AuditEvent.objects.get(action="clearance.revoke").reason == "new information"


@pytest.mark.django_db
def test_a_clearance_holds_through_its_last_day_and_not_after(officer, secondary, listed):
    last_day = timezone.localdate() + timedelta(days=10)
    dismiss_and_clear(secondary, screen(officer).hits[0].alert_id, clearance_expires_on=last_day)
    on_last_day = timezone.now() + timedelta(days=10)
    after = on_last_day + timedelta(days=1)
    actor = Actor(officer)
    outcome = services.traveller_screen(
        actor=actor, crossing_point_code="zurbatiya", subject=subject(), at=on_last_day
    )
    assert outcome.status == "cleared"
    outcome = services.traveller_screen(
        actor=actor, crossing_point_code="zurbatiya", subject=subject(), at=after
    )
    assert outcome.status == "hit"


@pytest.mark.django_db
def test_a_clearance_lapses_when_the_list_changes_the_entry(officer, secondary, listed):
    dismiss_and_clear(secondary, screen(officer).hits[0].alert_id)
    type(listed).objects.filter(pk=listed.pk).update(content_hash="0" * 64)
    assert screen(officer).status == "hit"


@pytest.mark.django_db
def test_confirming_notifies_the_owning_agency_and_a_second_decision_is_refused(
    officer, secondary, listed
):
    alert_id = screen(officer).hits[0].alert_id
    alert = services.alert_confirm(
        actor=Actor(secondary), alert_id=str(alert_id), reason="identity confirmed by documents"
    )
    assert alert.status == "confirmed"
    assert alert.notification.agency.code == "moi"
    event = AuditEvent.objects.get(action="alert.confirm")
    assert event.reason == "identity confirmed by documents"
    assert event.details["notified_agency"] == "moi"
    with pytest.raises(ServiceError) as raised:
        services.alert_dismiss(actor=Actor(secondary), alert_id=str(alert_id), reason="oops")
    assert raised.value.status == 409


@pytest.mark.django_db
def test_a_decision_needs_a_reason_and_a_posting_where_the_alert_was_raised(
    officer, secondary, supervisor, listed
):
    alert_id = screen(officer, point="baghdad-airport").hits[0].alert_id
    with pytest.raises(ServiceError) as no_reason:
        services.alert_confirm(actor=Actor(secondary), alert_id=str(alert_id), reason=" ")
    assert no_reason.value.problems[0].field == "reason"
    with pytest.raises(ServiceError) as elsewhere:
        services.alert_confirm(actor=Actor(secondary), alert_id=str(alert_id), reason="seen")
    assert elsewhere.value.status == 404  # secondary is posted at Zurbatiya only
    with pytest.raises(ServiceError) as primary:
        services.alert_confirm(actor=Actor(officer), alert_id=str(alert_id), reason="seen")
    assert primary.value.status == 403


@pytest.mark.django_db
def test_an_officer_not_posted_at_the_crossing_point_cannot_screen_there(
    other_agency_officer, listed
):
    with pytest.raises(ServiceError) as raised:
        screen(other_agency_officer)
    assert raised.value.status == 403
    assert CrossingPoint.objects.filter(code="zurbatiya").exists()

"""Retention: records go when their time is up, legal holds and open alerts keep them, the
purge is audited, and the audit trail's own purge leaves a chain that still verifies."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta

import pytest
from django.utils import timezone

from conftest import crossing_body, passport
from hudud.audit.holds import legal_hold_place, legal_hold_release
from hudud.audit.models import AuditCheckpoint, AuditEvent
from hudud.audit.retention import retention_policies, retention_purge
from hudud.audit.verify import audit_verify
from hudud.border.models import Crossing, TravelDocument, Traveller
from hudud.common.actor import Actor

YEAR = timedelta(days=365)


def _later(days: float) -> datetime:
    return timezone.now() + timedelta(days=days)


@pytest.fixture
def record(officer, client_for):
    client = client_for(officer)

    def cross(number: str, kind: str = "entry") -> Traveller:
        body = crossing_body(kind, passport(number=number, expiry=date(2040, 1, 1)))
        response = client.post("/api/v1/crossings", body, content_type="application/json")
        assert response.status_code == 201, response.content
        return Traveller.objects.get(pk=response.json()["crossing"]["traveller_id"])

    return cross


def _leave(traveller: Traveller) -> None:
    # The traveller left long ago: their stay is over (the purge keeps people still inside).
    Traveller.objects.filter(pk=traveller.pk).update(is_present=False)


@pytest.mark.django_db
def test_crossings_go_after_three_years_and_the_file_with_its_documents_after_them(record):
    traveller = record("R0000001")
    _leave(traveller)
    assert retention_purge(now=_later(3 * 365 - 1)).counts["crossing"] == 0
    report = retention_purge(now=_later(3 * 365 + 1))
    assert report.counts["crossing"] == 1
    assert report.counts["traveller"] == 1
    assert not Traveller.objects.filter(pk=traveller.pk).exists()
    assert not TravelDocument.objects.filter(number="R0000001").exists()


@pytest.mark.django_db
def test_an_overstayers_crossings_are_kept_five_years(record):
    traveller = record("R0000002")
    record("R0000002", "exit")
    Crossing.objects.filter(traveller=traveller, kind="exit").update(overstay_days=12)
    assert retention_purge(now=_later(4 * 365)).counts == {**_zeroes(), "vehicle": 0}
    assert Crossing.objects.filter(traveller=traveller).count() == 2
    report = retention_purge(now=_later(5 * 365 + 1))
    assert report.counts["overstayer"] == 2
    assert not Traveller.objects.filter(pk=traveller.pk).exists()


def _zeroes() -> dict[str, int]:
    return {p.record_type: 0 for p in retention_policies()}


@pytest.mark.django_db
def test_a_legal_hold_keeps_the_whole_file_until_it_is_released(record, officer):
    traveller = record("R0000003")
    _leave(traveller)
    hold = legal_hold_place(
        actor=Actor(officer),
        object_type="traveller",
        object_id=str(traveller.pk),
        reason="trafficking referral open",
        case_reference="CASE-1",
    )
    report = retention_purge(now=_later(10 * 365))
    assert (report.counts["crossing"], report.counts["traveller"]) == (0, 0)
    assert report.held_travellers == 1
    assert Crossing.objects.filter(traveller=traveller).exists()
    legal_hold_release(hold_id=hold.pk, reason="case closed", operator="ops")
    actions = set(AuditEvent.objects.values_list("action", flat=True))
    assert {"legal_hold.place", "legal_hold.release", "retention.purge"} <= actions
    report = retention_purge(now=_later(10 * 365))
    assert (report.counts["crossing"], report.counts["traveller"]) == (1, 1)


@pytest.mark.django_db
def test_an_open_alert_holds_its_traveller(record, officer):
    from hudud.watchlists.models import Alert

    traveller = record("R0000004")
    _leave(traveller)
    alert = Alert.objects.create(
        entry=_entry(),
        traveller=traveller,
        subject_key="IRN:R0000004",
        subject={},
        score=0.9,
        crossing_point=Crossing.objects.get(traveller=traveller).crossing_point,
        raised_by=officer,
        raised_at=timezone.now(),
        last_seen_at=timezone.now(),
    )
    report = retention_purge(now=_later(10 * 365))
    assert report.counts["crossing"] == 0
    assert Traveller.objects.filter(pk=traveller.pk).exists()
    assert Alert.objects.filter(pk=alert.pk).exists()


def _entry():
    from conftest import make_officer
    from hudud.agencies.models import Agency
    from hudud.watchlists import services
    from hudud.watchlists.models import Watchlist

    Watchlist.objects.create(
        code="retention-test",
        name_en="T",
        name_ar="ت",
        kind="entry_ban",
        owner=Agency.objects.get(code="moi"),
        legal_basis="Test",
        action="monitor",
        threshold=0.8,
    )
    admin = make_officer("retention.admin", "agency_admin", "moi")
    spec = services.EntrySpec(names=("ZZ EXAMPLE",))
    return services.entry_add(actor=Actor(admin), watchlist_code="retention-test", spec=spec)


@pytest.mark.django_db
def test_a_dry_run_erases_nothing_and_the_purge_is_audited_with_counts_only(record):
    traveller = record("R0000005")
    _leave(traveller)
    report = retention_purge(dry_run=True, now=_later(4 * 365))
    assert report.counts["crossing"] == 1
    assert Crossing.objects.filter(traveller=traveller).exists()
    event = AuditEvent.objects.filter(action="retention.dry_run").get()
    assert event.details["would_erase"]["crossing"] == 1
    assert "R0000005" not in json.dumps(event.details)


@pytest.mark.django_db
def test_retention_is_configurable_per_record_type(record, settings):
    settings.HUDUD_RETENTION_DAYS = {"crossing": 30}
    traveller = record("R0000006")
    _leave(traveller)
    assert retention_purge(now=_later(31)).counts["crossing"] == 1


@pytest.mark.django_db
def test_the_audit_trails_own_purge_leaves_a_chain_that_verifies(record):
    record("R0000007")
    events_before = AuditEvent.objects.count()
    report = retention_purge(now=_later(8 * 365))
    assert report.counts["audit_event"] >= events_before
    checkpoint = AuditCheckpoint.objects.get()
    assert checkpoint.purged_events == report.counts["audit_event"]
    remaining = AuditEvent.objects.order_by("sequence")
    assert remaining.first().prev_hash == checkpoint.hash
    result = audit_verify()
    assert result.ok, [f.as_text() for f in result.findings]


@pytest.mark.django_db
def test_audit_events_about_a_held_record_are_kept_with_everything_after_them(record):
    traveller = record("R0000008")
    first_about_it = AuditEvent.objects.filter(object_id=str(traveller.pk)).earliest("sequence")
    legal_hold_place(
        operator="ops", object_type="traveller", object_id=str(traveller.pk), reason="court order"
    )
    retention_purge(now=_later(8 * 365))
    assert AuditEvent.objects.order_by("sequence").first().sequence == first_about_it.sequence
    assert audit_verify().ok


@pytest.mark.django_db
def test_hudud_retention_purge_prints_its_report(record, capsys):
    from hudud.cli import main

    assert main(["retention", "purge", "--dry-run"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["dry_run"] is True
    assert report["retention_days"]["crossing"] == 3 * 365
    assert main(["retention", "policy"]) == 0
    assert "overstayer" in capsys.readouterr().out

"""Advance passenger information is kept briefly: a flight's list and the carrier's raw
messages go `manifest` days after arrival, unless a legal hold keeps the flight; refused
deliveries go the same time after receipt. The purge is audited with its counts."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from django.utils import timezone

from hudud.audit.holds import legal_hold_place
from hudud.audit.models import AuditEvent
from hudud.audit.retention import retention_purge
from hudud.manifests.models import (
    Flight,
    ListPart,
    ManifestChange,
    ManifestTraveller,
    Submission,
)
from hudud.manifests.tests.conftest import files, passengers, person, plan, send

pytestmark = pytest.mark.django_db


def _later(days: float) -> datetime:
    return timezone.now() + timedelta(days=days)


def _two_versions(client, prefix: str) -> Flight:
    flight = plan(number=f"ZZ40{prefix[-1]}")

    def named(messages):
        for index, traveller in enumerate(passengers(messages)):
            person(traveller, f"KEPT{index}", "TEST", number=f"{prefix}00{index}")

    def renamed(messages):
        named(messages)
        passengers(messages)[0].surname = "CHANGED"

    (first,) = files(flight, named, single_file=True, control_prefix=f"{prefix}A")
    (second,) = files(flight, renamed, single_file=True, control_prefix=f"{prefix}B")
    assert send(client, first).status_code == 201
    assert send(client, second).status_code == 201
    return Flight.objects.latest("first_received_at")


def test_a_flights_list_and_raw_messages_go_a_week_after_arrival(carrier, auditor):
    _, client = carrier
    flight = _two_versions(client, "R1")
    assert ManifestChange.objects.filter(flight=flight).exists()
    assert Submission.objects.filter(flight=flight).count() == 2

    assert retention_purge(now=_later(6)).counts["manifest"] == 0
    assert Flight.objects.filter(pk=flight.pk).exists()

    report = retention_purge(now=_later(8))
    assert report.counts["manifest"] == 1
    assert not Flight.objects.filter(pk=flight.pk).exists()
    assert not ManifestTraveller.objects.exists()
    assert not ManifestChange.objects.exists()
    assert not ListPart.objects.exists()
    assert not Submission.objects.exists()  # the raw EDIFACT bytes with them
    event = AuditEvent.objects.filter(action="retention.purge").latest("sequence")
    assert event.details["erased"]["manifest"] == 1


def test_a_legal_hold_keeps_a_flight_whole(carrier, auditor):
    _, client = carrier
    flight = _two_versions(client, "R2")
    hold = legal_hold_place(
        object_type="flight", object_id=str(flight.pk), reason="investigation", operator="ops"
    )
    assert hold.pk
    assert retention_purge(now=_later(30)).counts["manifest"] == 0
    assert ManifestTraveller.objects.filter(flight=flight).count() > 0
    assert Submission.objects.filter(flight=flight).count() == 2


def test_refused_deliveries_go_a_week_after_receipt(carrier):
    _, client = carrier
    assert send(client, b"UNA:+.? 'UNB+UNOA:4+GARBLED").status_code == 422
    refused = Submission.objects.get()
    assert refused.flight_id is None
    assert retention_purge(now=_later(6)).counts["manifest_refused"] == 0
    assert retention_purge(now=_later(8)).counts["manifest_refused"] == 1
    assert not Submission.objects.exists()


def test_a_dry_run_counts_and_erases_nothing(carrier):
    _, client = carrier
    _two_versions(client, "R3")
    report = retention_purge(dry_run=True, now=_later(8))
    assert report.counts["manifest"] == 1
    assert Flight.objects.count() == 1
    assert Submission.objects.count() == 2

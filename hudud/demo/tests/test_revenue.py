"""The demo's revenue (journey 7): declarations and receipts at Umm Qasr that the demo customs
account sees, visa fees at Najaf airport and Zurbatiya that it does not."""

from __future__ import annotations

import pytest
from django.utils import timezone

from hudud.audit.verify import audit_verify
from hudud.common.actor import Actor
from hudud.demo.load import LoadReport, demo_load
from hudud.demo.tests.conftest import NOW
from hudud.revenue import selectors
from hudud.revenue.models import Declaration, Receipt

pytestmark = pytest.mark.django_db


@pytest.fixture
def report() -> LoadReport:
    return demo_load(travellers=300, seed=3, now=NOW)


def _customs(report: LoadReport) -> Actor:
    return Actor(next(a.officer for a in report.accounts if a.username == "customs.ummqasr"))


def test_the_demo_records_declarations_and_receipts_through_the_services(report):
    assert report.revenue is not None
    assert report.revenue.declarations == Declaration.objects.count() == 24
    statuses = set(Declaration.objects.values_list("status", flat=True))
    assert {"registered", "assessed", "paid", "released", "cancelled"} <= statuses
    assert Receipt.objects.filter(crossing_point__code="umm-qasr-north").exists()
    assert Receipt.objects.filter(kind="visa_on_arrival", crossing_point__code="najaf-airport")
    assert Receipt.objects.filter(voided_at__isnull=False).count() <= 1
    assert not Declaration.objects.exclude(declarant_name__contains="(demo)").exists()
    assert audit_verify().ok


def test_numbers_run_without_gaps_in_time_order_at_each_port(report):
    for point in Receipt.objects.values_list("crossing_point__code", flat=True).distinct():
        rows = list(
            Receipt.objects.filter(crossing_point__code=point)
            .order_by("sequence")
            .values_list("sequence", "issued_at")
        )
        assert [s for s, _ in rows] == list(range(1, len(rows) + 1)), point
        assert [t for _, t in rows] == sorted(t for _, t in rows), point


def test_the_customs_account_sees_umm_qasr_only(report):
    customs = _customs(report)
    listed = selectors.receipts_list(actor=customs, query=selectors.ReceiptQuery())
    points = {r.crossing_point.code for r in listed.receipts}
    assert points
    assert points <= {"umm-qasr-north", "umm-qasr-middle", "umm-qasr-south"}
    day = selectors.workspace(actor=customs, crossing_point_code="", day=timezone.localdate(NOW))
    assert day.point is not None
    assert day.declarations
    assert day.may_issue

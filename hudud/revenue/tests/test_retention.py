"""Revenue records under the retention hook: receipts after their period unless held, and a
traveller's file erased before a receipt that names them leaves the receipt, unlinked."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from hudud.audit.holds import legal_hold_place
from hudud.audit.retention import retention_policies, retention_purge
from hudud.border.models import Traveller
from hudud.revenue.models import Declaration, Receipt
from hudud.revenue.tests.helpers import declaration, issue

pytestmark = pytest.mark.django_db


def test_the_revenue_policies_join_the_purge():
    types = [p.record_type for p in retention_policies()]
    assert types.index("receipt") < types.index("declaration") < types.index("audit_event")


def test_old_receipts_go_unless_held_and_declarations_once_no_receipt_names_them(
    other_agency_officer,
):
    named = declaration(other_agency_officer)
    old, held, recent = (issue(other_agency_officer) for _ in range(3))
    duty = issue(
        other_agency_officer,
        kind="customs_duty",
        fee_code="",
        currency="IQD",
        amount=1000,
        declaration_id=named.pk,
    )
    long_ago = timezone.now() - timedelta(days=6 * 365)
    Receipt.objects.filter(pk__in=[old.pk, held.pk, duty.pk]).update(issued_at=long_ago)
    Declaration.objects.filter(pk=named.pk).update(registered_at=long_ago)
    legal_hold_place(object_type="receipt", object_id=str(held.pk), reason="court order")
    dry = retention_purge(dry_run=True)
    assert dry.counts["receipt"] == 2
    assert dry.counts["declaration"] == 0  # a receipt still names it, before the purge
    report = retention_purge()
    assert report.counts["receipt"] == 2
    assert set(Receipt.objects.values_list("pk", flat=True)) == {held.pk, recent.pk}
    assert not Declaration.objects.exists()  # its receipt went first, then it


def test_a_travellers_file_erased_first_leaves_the_receipt_without_the_link(
    other_agency_officer,
):
    today = timezone.localdate()
    traveller = Traveller.objects.create(
        surname="ZZGONE",
        nationality="EGY",
        is_present=True,
        stay_entry_date=today - timedelta(days=40),
        stay_last_allowed_day=today - timedelta(days=10),
    )
    fine = issue(
        other_agency_officer,
        kind="residence_fine",
        fee_code="residence-fine-day",
        traveller_id=traveller.pk,
    )
    traveller.delete()
    fine.refresh_from_db()
    assert fine.traveller_id is None
    assert fine.quantity == 10

"""Receipts: numbered without gaps per crossing point and year, issued once per client id,
charged by the fee schedule, never edited, voided with a reason."""

from __future__ import annotations

import uuid
from datetime import date, timedelta
from decimal import Decimal
from unittest import mock

import pytest
from django.utils import timezone

from conftest import make_officer
from hudud.audit.models import AuditEvent
from hudud.audit.verify import audit_verify
from hudud.border.models import Crossing, CrossingPoint, TravelDocument, Traveller
from hudud.common.actor import Actor
from hudud.common.errors import ServiceError
from hudud.revenue import services
from hudud.revenue.models import Fee, Receipt
from hudud.revenue.tests.helpers import declaration, issue, request

pytestmark = pytest.mark.django_db
YEAR = timezone.localdate().year


def _issue(officer, **changes):
    return services.receipt_issue(actor=Actor(officer), request=request(**changes))


def test_receipts_are_numbered_per_crossing_point_and_year(other_agency_officer):
    numbers = [issue(other_agency_officer).number for _ in range(3)]
    assert numbers == [f"UQN-{YEAR}-00000{n}" for n in (1, 2, 3)]
    other_port = make_officer("cashier.south", "revenue", "customs", ("umm-qasr-south",))
    first = issue(other_port, crossing_point_code="umm-qasr-south")
    assert first.number == f"UQS-{YEAR}-000001"


def test_a_receipt_that_fails_gives_its_number_back(other_agency_officer):
    issue(other_agency_officer)
    with (
        mock.patch("hudud.revenue.services.audit_receipt", side_effect=RuntimeError("disk full")),
        pytest.raises(RuntimeError),
    ):
        issue(other_agency_officer)
    with pytest.raises(ServiceError):
        issue(other_agency_officer, payer_name="")  # refused before a number is taken
    assert issue(other_agency_officer).sequence == 2
    assert list(Receipt.objects.order_by("sequence").values_list("sequence", flat=True)) == [1, 2]


def test_interleaved_cashiers_share_one_gapless_sequence(other_agency_officer):
    colleague = make_officer("cashier.north", "revenue", "customs", ("umm-qasr-north",))
    for _ in range(5):
        issue(other_agency_officer)
        issue(colleague, kind="visa_on_arrival", fee_code="voa-standard-usd", payer_name="X")
    assert sorted(Receipt.objects.values_list("sequence", flat=True)) == list(range(1, 11))


def test_a_new_year_starts_at_one(other_agency_officer):
    last_year = timezone.now() - timedelta(days=366)
    old = services.receipt_issue(
        actor=Actor(other_agency_officer), request=request(), issued_at=last_year
    ).receipt
    assert old.number.endswith(f"-{timezone.localtime(last_year).year}-000001")
    assert issue(other_agency_officer).number == f"UQN-{YEAR}-000001"


def test_a_retry_with_the_same_client_id_answers_with_the_first_receipt(other_agency_officer):
    client_id = uuid.uuid4()
    first = _issue(other_agency_officer, client_id=client_id)
    again = _issue(other_agency_officer, client_id=client_id)
    assert (first.replayed, again.replayed) == (False, True)
    assert again.receipt.pk == first.receipt.pk
    assert Receipt.objects.count() == 1
    assert AuditEvent.objects.filter(action="receipt.issue").count() == 1


def test_a_client_id_reused_for_another_receipt_or_by_another_officer_is_a_conflict(
    other_agency_officer,
):
    client_id = uuid.uuid4()
    _issue(other_agency_officer, client_id=client_id)
    with pytest.raises(ServiceError) as different:
        _issue(other_agency_officer, client_id=client_id, payer_name="Someone Else")
    assert (different.value.status, different.value.problems[0].field) == (409, "client_id")
    colleague = make_officer("cashier.north", "revenue", "customs", ("umm-qasr-north",))
    with pytest.raises(ServiceError) as theirs:
        _issue(colleague, client_id=client_id)
    assert theirs.value.status == 409


def test_a_delivery_that_loses_the_race_answers_with_the_winners_receipt(other_agency_officer):
    """Both deliveries pass the look-up before either is stored: the second's insert breaks
    the unique client id, its transaction rolls back, and it answers with the first."""
    client_id = uuid.uuid4()
    real_replay = services._replay
    calls = {"n": 0}

    def late_replay(actor, req):
        calls["n"] += 1
        if calls["n"] == 2:  # the second delivery's first look-up, "before" the first stored
            return None
        return real_replay(actor, req)

    _issue(other_agency_officer, client_id=client_id)
    with mock.patch("hudud.revenue.services._replay", side_effect=late_replay):
        raced = _issue(other_agency_officer, client_id=client_id)
    assert raced.replayed
    assert Receipt.objects.count() == 1
    assert issue(other_agency_officer).sequence == 2  # the loser's number came back


def test_scheduled_fees_are_charged_from_the_schedule(other_agency_officer):
    receipt = issue(other_agency_officer, kind="visa_on_arrival", fee_code="voa-standard-usd")
    fee = Fee.objects.get(code="voa-standard-usd")
    assert (receipt.amount, receipt.currency, receipt.fee) == (fee.amount, "USD", fee)
    # A changed schedule charges the new amount; earlier receipts keep theirs.
    fee.amount = Decimal("80.00")
    fee.save()
    later = issue(other_agency_officer, kind="visa_on_arrival", fee_code="voa-standard-usd")
    assert later.amount == Decimal("80.00")
    receipt.refresh_from_db()
    assert receipt.amount == Decimal("77.00")


def test_a_fee_out_of_force_or_of_another_kind_or_another_amount_is_named(other_agency_officer):
    Fee.objects.filter(code="vehicle-entry-car").update(valid_until=date(2021, 1, 1))
    cases = [
        ({"fee_code": "vehicle-entry-car"}, "fee_code"),
        ({"fee_code": "voa-standard-usd"}, "fee_code"),
        ({"fee_code": ""}, "fee_code"),
        ({"amount": Decimal("1")}, "amount"),
        ({"currency": "USD"}, "currency"),
        ({"days": 3}, "days"),
    ]
    for changes, field in cases:
        with pytest.raises(ServiceError) as refused:
            issue(other_agency_officer, **changes)
        assert field in {p.field for p in refused.value.problems}, changes
    assert not Receipt.objects.exists()


def _overstayer(days_over: int, *, present: bool) -> Traveller:
    today = timezone.localdate()
    traveller = Traveller.objects.create(surname="ZZOVER", nationality="EGY")
    if present:
        traveller.is_present = True
        traveller.stay_entry_date = today - timedelta(days=30 + days_over)
        traveller.stay_last_allowed_day = today - timedelta(days=days_over)
        traveller.save()
    return traveller


def test_a_residence_fine_counts_the_days_of_the_travellers_overstay(other_agency_officer):
    inside = _overstayer(12, present=True)
    fine = issue(
        other_agency_officer,
        kind="residence_fine",
        fee_code="residence-fine-day",
        traveller_id=inside.pk,
    )
    per_day = Fee.objects.get(code="residence-fine-day").amount
    assert (fine.quantity, fine.amount, fine.traveller_id) == (12, per_day * 12, inside.pk)


def test_a_residence_fine_after_exit_counts_what_the_exit_recorded(other_agency_officer, officer):
    left = _overstayer(0, present=False)
    document = TravelDocument.objects.create(
        traveller=left,
        kind="P",
        document_code="P",
        number="E1234567",
        issuing_state="EGY",
        nationality="EGY",
    )
    Crossing.objects.create(
        client_id=uuid.uuid4(),
        kind="exit",
        traveller=left,
        document=document,
        crossing_point=CrossingPoint.objects.get(code="baghdad-airport"),
        officer=officer,
        occurred_at=timezone.now() - timedelta(hours=1),
        overstay_days=5,
    )
    fine = issue(
        other_agency_officer,
        kind="residence_fine",
        fee_code="residence-fine-day",
        traveller_id=left.pk,
    )
    assert fine.quantity == 5


def test_a_residence_fine_without_an_overstay_asks_for_the_days(other_agency_officer):
    nobody_over = _overstayer(0, present=False)
    with pytest.raises(ServiceError) as refused:
        issue(
            other_agency_officer,
            kind="residence_fine",
            fee_code="residence-fine-day",
            traveller_id=nobody_over.pk,
        )
    assert refused.value.problems[0].field == "days"
    assert (
        issue(
            other_agency_officer, kind="residence_fine", fee_code="residence-fine-day", days=2
        ).quantity
        == 2
    )


def test_a_customs_duty_takes_at_most_what_is_still_due(other_agency_officer):
    assessed = declaration(other_agency_officer)  # 7,500,000 IQD assessed
    duty = {
        "kind": "customs_duty",
        "fee_code": "",
        "currency": "IQD",
        "declaration_id": assessed.pk,
    }
    issue(other_agency_officer, amount=Decimal("5000000"), **duty)
    with pytest.raises(ServiceError) as refused:
        issue(other_agency_officer, amount=Decimal("2500001"), **duty)
    assert (refused.value.problems[0].field, refused.value.problems[0].code) == (
        "amount",
        "exceeds_due",
    )
    assert issue(other_agency_officer, amount=Decimal("2500000"), **duty).amount == 2500000


def test_a_customs_duty_needs_an_assessed_declaration_at_the_same_port_in_dinars(
    other_agency_officer,
):
    registered = declaration(other_agency_officer, status="registered", duties_assessed_iqd=None)
    base = {"kind": "customs_duty", "fee_code": "", "amount": Decimal("1000")}
    cases = [
        ({"currency": "IQD"}, "declaration_id"),
        ({"currency": "IQD", "declaration_id": registered.pk}, "declaration_id"),
        ({"currency": "IQD", "declaration_id": uuid.uuid4()}, "declaration_id"),
        ({"currency": "USD", "declaration_id": registered.pk}, "currency"),
    ]
    for changes, field in cases:
        with pytest.raises(ServiceError) as refused:
            issue(other_agency_officer, **base, **changes)
        assert field in {p.field for p in refused.value.problems}, changes


def test_other_payments_state_amount_currency_and_purpose(other_agency_officer):
    with pytest.raises(ServiceError) as refused:
        issue(other_agency_officer, kind="other", fee_code="")
    assert {p.field for p in refused.value.problems} == {"note", "currency", "amount"}
    with pytest.raises(ServiceError) as fils:
        issue(
            other_agency_officer,
            kind="other",
            fee_code="",
            note="Storage",
            currency="IQD",
            amount=Decimal("100.50"),
        )
    assert fils.value.problems[0].message == "dinar amounts are whole dinars"
    paid = issue(
        other_agency_officer,
        kind="other",
        fee_code="",
        note="Storage",
        currency="USD",
        amount=Decimal("12.50"),
    )
    assert paid.amount == Decimal("12.50")


def test_a_receipt_is_never_edited_and_a_void_needs_a_reason(other_agency_officer):
    receipt = issue(other_agency_officer)
    receipt.payer_name = "Changed"
    with pytest.raises(PermissionError):
        receipt.save()
    actor = Actor(other_agency_officer)
    with pytest.raises(ServiceError) as no_reason:
        services.receipt_void(actor=actor, receipt_id=str(receipt.pk), reason="  ")
    assert no_reason.value.problems[0].field == "reason"
    voided = services.receipt_void(actor=actor, receipt_id=str(receipt.pk), reason="wrong plate")
    assert voided.voided
    assert voided.voided_by == other_agency_officer
    assert Receipt.objects.get().payer_name == "ZZ Synthetic Haulage LLC"
    with pytest.raises(ServiceError) as twice:
        services.receipt_void(actor=actor, receipt_id=str(receipt.pk), reason="again")
    assert (twice.value.status, twice.value.problems[0].code) == (409, "already_voided")
    event = AuditEvent.objects.get(action="receipt.void")
    assert (event.reason, event.object_id) == ("wrong plate", str(receipt.pk))
    assert audit_verify().ok


def test_only_revenue_officers_posted_at_the_port_issue_and_void(
    other_agency_officer, auditor, officer, supervisor
):
    receipt = issue(other_agency_officer)
    with pytest.raises(ServiceError) as elsewhere:
        issue(other_agency_officer, crossing_point_code="najaf-airport")
    assert (elsewhere.value.status, elsewhere.value.problems[0].field) == (403, "crossing_point")
    for who in (auditor, officer, supervisor):
        with pytest.raises(ServiceError) as refused:
            issue(who)
        assert refused.value.status == 403
        with pytest.raises(ServiceError) as no_void:
            services.receipt_void(actor=Actor(who), receipt_id=str(receipt.pk), reason="x")
        assert no_void.value.status == 403
    south = make_officer("cashier.south", "revenue", "customs", ("umm-qasr-south",))
    with pytest.raises(ServiceError) as not_theirs:
        services.receipt_void(actor=Actor(south), receipt_id=str(receipt.pk), reason="x")
    assert not_theirs.value.status == 404
    assert Receipt.objects.get().voided_at is None


def test_issuing_for_a_traveller_goes_on_the_travellers_trail(other_agency_officer):
    inside = _overstayer(3, present=True)
    fine = issue(
        other_agency_officer,
        kind="residence_fine",
        fee_code="residence-fine-day",
        traveller_id=inside.pk,
    )
    on_traveller = AuditEvent.objects.get(object_type="traveller", object_id=str(inside.pk))
    assert (on_traveller.action, on_traveller.actor_username) == ("receipt.issue", "customs")
    assert on_traveller.details["number"] == fine.number

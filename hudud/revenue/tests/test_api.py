"""The revenue API: each port's officers see their port, auditors read all and decide nothing,
retries never issue twice, and every error names its field."""

from __future__ import annotations

import uuid

import pytest

from conftest import make_officer
from hudud.audit.models import AuditEvent
from hudud.revenue.models import Receipt
from hudud.revenue.tests.helpers import declaration, declaration_body, issue, receipt_body

pytestmark = pytest.mark.django_db
JSON = "application/json"


@pytest.fixture
def najaf_cashier(db):
    """A revenue officer of the Border Ports Commission taking visa fees at Najaf airport."""
    return make_officer("cashier.najaf", "revenue", "bpc", ("najaf-airport",))


def _visa_at_najaf(cashier):
    return issue(
        cashier,
        crossing_point_code="najaf-airport",
        kind="visa_on_arrival",
        fee_code="voa-standard-usd",
        payer_name="ZZTEST PILGRIM",
        payer_document="K12345678",
    )


def test_a_revenue_officer_sees_only_the_receipts_of_their_port(
    other_agency_officer, najaf_cashier, client_for
):
    mine = issue(other_agency_officer)
    _visa_at_najaf(najaf_cashier)
    customs = client_for(other_agency_officer)
    listed = customs.get("/api/v1/receipts")
    assert listed.status_code == 200
    body = listed.json()
    assert [r["number"] for r in body["receipts"]] == [mine.number]
    assert body["totals"] == [
        {"kind": "vehicle_fee", "currency": "IQD", "count": 1, "amount": "100000.00"}
    ]
    refused = customs.get("/api/v1/receipts", {"crossing_point": "najaf-airport"})
    assert refused.status_code == 403
    assert refused.json()["errors"][0]["field"] == "crossing_point"
    other = Receipt.objects.get(crossing_point__code="najaf-airport")
    assert customs.get(f"/api/v1/receipts/{other.pk}").status_code == 404


def test_the_auditor_reads_every_port_and_decides_nothing(
    other_agency_officer, najaf_cashier, auditor, client_for
):
    mine = issue(other_agency_officer)
    _visa_at_najaf(najaf_cashier)
    reader = client_for(auditor)
    assert len(reader.get("/api/v1/receipts").json()["receipts"]) == 2
    assert reader.get(f"/api/v1/receipts/{mine.pk}").status_code == 200
    assert reader.post("/api/v1/receipts", receipt_body(), JSON).status_code == 403
    void = reader.post(f"/api/v1/receipts/{mine.pk}/void", {"reason": "x"}, JSON)
    assert void.status_code == 403
    assert reader.post("/api/v1/declarations", declaration_body(), JSON).status_code == 403
    assert Receipt.objects.filter(voided_at__isnull=False).count() == 0


def test_line_officers_and_carriers_are_refused(officer, supervisor, client_for):
    from hudud.common.actor import Actor
    from hudud.manifests import services as manifest_services

    carrier, _ = manifest_services.carrier_register(
        actor=Actor(make_officer("bpc.admin", "agency_admin", "bpc")),
        code="ZZ",
        name="Synthetic Airways",
        username="carrier.zz",
    )
    for who in (officer, supervisor, carrier.account):
        client = client_for(who)
        for path in ("/api/v1/receipts", "/api/v1/declarations", "/api/v1/fees"):
            assert client.get(path).status_code in (401, 403), (who, path)
        assert client.post("/api/v1/receipts", receipt_body(), JSON).status_code in (401, 403)


def test_reading_receipts_is_audited_with_the_numbers_shown(other_agency_officer, client_for):
    receipt = issue(other_agency_officer)
    customs = client_for(other_agency_officer)
    customs.get("/api/v1/receipts", {"crossing_point": "umm-qasr-north"})
    listed = AuditEvent.objects.get(action="receipts.list")
    assert listed.details["receipts"] == [receipt.number]
    assert listed.crossing_point_code == "umm-qasr-north"
    customs.get(f"/api/v1/receipts/{receipt.pk}")
    read = AuditEvent.objects.get(action="receipt.read")
    assert (read.object_type, read.object_id, read.source_ip) == (
        "receipt",
        str(receipt.pk),
        "127.0.0.1",
    )


def test_the_payers_document_is_masked_for_revenue_officers(najaf_cashier, auditor, client_for):
    receipt = _visa_at_najaf(najaf_cashier)
    cashier_view = client_for(najaf_cashier).get(f"/api/v1/receipts/{receipt.pk}").json()
    assert cashier_view["payer_document"] == "K1•••••78"
    assert cashier_view["payer_name"] == "ZZTEST PILGRIM"
    auditor_view = client_for(auditor).get(f"/api/v1/receipts/{receipt.pk}").json()
    assert auditor_view["payer_document"] == "K12345678"


def test_issuing_twice_with_one_client_id_answers_the_first_receipt(
    other_agency_officer, client_for
):
    customs = client_for(other_agency_officer)
    body = receipt_body()
    first = customs.post("/api/v1/receipts", body, JSON)
    again = customs.post("/api/v1/receipts", body, JSON)
    assert (first.status_code, again.status_code) == (201, 200)
    assert again.json()["replayed"] is True
    assert again.json()["receipt"]["number"] == first.json()["receipt"]["number"]
    conflict = customs.post("/api/v1/receipts", {**body, "payer_name": "Other"}, JSON)
    assert conflict.status_code == 409
    assert conflict.json()["errors"][0] == {
        "code": "client_id_conflict",
        "field": "client_id",
        "message": "this client_id was already used for a different receipt",
    }
    assert Receipt.objects.count() == 1


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"kind": "bribe"}, "kind"),
        ({"fee_code": ""}, "fee_code"),
        ({"payer_name": ""}, "payer_name"),
        ({"amount": "1"}, "amount"),
        ({"amount": "-5"}, "amount"),
        ({"currency": "EUR"}, "currency"),
        ({"client_id": "not-a-uuid"}, "client_id"),
        ({"traveller_id": str(uuid.uuid4())}, "traveller_id"),
        ({"payer_document": "K 123 / 45"}, "payer_document"),
    ],
)
def test_a_bad_receipt_is_refused_naming_the_field(
    other_agency_officer, client_for, changes, field
):
    response = client_for(other_agency_officer).post(
        "/api/v1/receipts", receipt_body(**changes), JSON
    )
    assert response.status_code == 422
    assert field in {e["field"] for e in response.json()["errors"]}
    assert not Receipt.objects.exists()


def test_voiding_through_the_api(other_agency_officer, client_for):
    receipt = issue(other_agency_officer)
    customs = client_for(other_agency_officer)
    missing = customs.post(f"/api/v1/receipts/{receipt.pk}/void", {"reason": ""}, JSON)
    assert (missing.status_code, missing.json()["errors"][0]["field"]) == (422, "reason")
    voided = customs.post(f"/api/v1/receipts/{receipt.pk}/void", {"reason": "wrong kind"}, JSON)
    assert voided.status_code == 200
    assert voided.json()["voided"] is True
    assert voided.json()["voided_by"] == "customs"
    again = customs.post(f"/api/v1/receipts/{receipt.pk}/void", {"reason": "x"}, JSON)
    assert again.status_code == 409
    unknown = customs.post(f"/api/v1/receipts/{uuid.uuid4()}/void", {"reason": "x"}, JSON)
    assert unknown.status_code == 404
    totals = customs.get("/api/v1/receipts").json()
    assert (totals["totals"], totals["voided"]) == ([], 1)


def test_declarations_are_recorded_idempotently_and_updated(other_agency_officer, client_for):
    customs = client_for(other_agency_officer)
    body = declaration_body()
    created = customs.post("/api/v1/declarations", body, JSON)
    assert created.status_code == 201
    assert created.json()["declaration"]["flow"] == "export"
    same = customs.post("/api/v1/declarations", body, JSON)
    assert (same.status_code, same.json()["outcome"]) == (200, "unchanged")
    assessed = {**body, "status": "assessed", "duties_assessed_iqd": 0}
    updated = customs.post("/api/v1/declarations", assessed, JSON).json()
    assert (updated["outcome"], updated["changed"]) == (
        "updated",
        ["duties_assessed_iqd", "status"],
    )
    back = customs.post("/api/v1/declarations", body, JSON)
    assert back.status_code == 409
    assert back.json()["errors"][0]["field"] == "status"
    bad = customs.post("/api/v1/declarations", {**body, "model_code": "ZZ9"}, JSON)
    assert (bad.status_code, bad.json()["errors"][0]["field"]) == (422, "model_code")


def test_declarations_are_listed_and_read_with_their_receipts(
    other_agency_officer, auditor, client_for
):
    assessed = declaration(other_agency_officer)
    duty = issue(
        other_agency_officer,
        kind="customs_duty",
        fee_code="",
        currency="IQD",
        amount=2_000_000,
        declaration_id=assessed.pk,
        payer_name="ZZ Synthetic Trading Co.",
    )
    customs = client_for(other_agency_officer)
    listed = customs.get("/api/v1/declarations", {"status": "assessed"}).json()
    assert [d["reference"] for d in listed] == [assessed.reference]
    detail = customs.get(f"/api/v1/declarations/{assessed.pk}").json()
    assert [r["number"] for r in detail["receipts"]] == [duty.number]
    assert detail["duties_received_iqd"] == "2000000.00"
    assert AuditEvent.objects.filter(action="declaration.read").count() == 1
    elsewhere = customs.get("/api/v1/declarations", {"crossing_point": "safwan"})
    assert elsewhere.status_code == 403
    assert client_for(auditor).get(f"/api/v1/declarations/{assessed.pk}").status_code == 200


def test_the_fee_schedule_is_reference_data_for_revenue_officers(other_agency_officer, client_for):
    fees = client_for(other_agency_officer).get("/api/v1/fees").json()
    assert {"voa-standard-usd", "residence-fine-day", "vehicle-entry-truck"} <= {
        f["code"] for f in fees
    }


def test_listing_receipts_costs_the_same_few_queries_for_many(
    other_agency_officer, client_for, django_assert_max_num_queries
):
    customs = client_for(other_agency_officer)
    for n in range(12):
        receipt = issue(other_agency_officer, kind="visa_on_arrival", fee_code="voa-standard-usd")
        if n % 4 == 0:
            customs.post(f"/api/v1/receipts/{receipt.pk}/void", {"reason": "test"}, JSON)
    # The token, the page of receipts with their relations, the totals, the audit event (its
    # chain head and insert): five here, never one more per receipt.
    with django_assert_max_num_queries(10):
        listed = customs.get("/api/v1/receipts")
    assert len(listed.json()["receipts"]) == 12

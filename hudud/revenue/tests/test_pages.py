"""The revenue pages: the port's day with totals, issuing and voiding through forms, the
receipt and declaration pages, in English and Arabic."""

from __future__ import annotations

import uuid

import pytest
from django.test import Client

from hudud.audit.models import AuditEvent
from hudud.revenue.models import Receipt
from hudud.revenue.tests.helpers import declaration, issue

pytestmark = pytest.mark.django_db


def _browser(who) -> Client:
    client = Client()
    client.force_login(who.user)
    return client


def _form(**changes):
    data = {
        "client_id": str(uuid.uuid4()),
        "point": "umm-qasr-north",
        "kind": "vehicle_fee",
        "fee_code": "vehicle-entry-truck",
        "payer_name": "ZZ Synthetic Haulage LLC",
    }
    data.update(changes)
    return data


def test_the_port_day_shows_receipts_totals_and_declarations(other_agency_officer):
    first = issue(other_agency_officer)
    issue(other_agency_officer, kind="visa_on_arrival", fee_code="voa-standard-usd")
    voided = issue(other_agency_officer)
    from hudud.common.actor import Actor
    from hudud.revenue import services

    services.receipt_void(
        actor=Actor(other_agency_officer), receipt_id=str(voided.pk), reason="wrong plate"
    )
    recorded = declaration(other_agency_officer)
    page = _browser(other_agency_officer).get("/revenue/")
    assert page.status_code == 200
    html = page.content.decode()
    assert first.number in html
    assert 'data-kind="vehicle_fee" data-currency="IQD"' in html
    assert "100,000 IQD" in html  # one valid truck fee: the void one is not counted
    assert recorded.reference in html
    assert "/revenue/receipts/new?point=umm-qasr-north" in html
    assert AuditEvent.objects.filter(action="receipts.list").count() == 1


def test_the_navigation_offers_revenue_to_revenue_officers_and_auditors(
    other_agency_officer, auditor, officer
):
    assert 'href="/revenue/"' in _browser(other_agency_officer).get("/").content.decode()
    assert 'href="/revenue/"' in _browser(auditor).get("/").content.decode()
    assert 'href="/revenue/"' not in _browser(officer).get("/").content.decode()


def test_issuing_through_the_form_and_sending_it_twice_issues_once(other_agency_officer):
    browser = _browser(other_agency_officer)
    form_page = browser.get("/revenue/receipts/new")
    assert form_page.status_code == 200
    assert 'name="client_id"' in form_page.content.decode()
    data = _form()
    first = browser.post("/revenue/receipts/new", data)
    again = browser.post("/revenue/receipts/new", data)
    receipt = Receipt.objects.get()
    assert first.status_code == again.status_code == 302
    assert first["Location"] == again["Location"] == f"/revenue/receipts/{receipt.pk}/"


def test_a_form_with_a_problem_says_which_field(other_agency_officer):
    answer = _browser(other_agency_officer).post(
        "/revenue/receipts/new", _form(fee_code="", payer_name="")
    )
    assert answer.status_code == 422
    html = answer.content.decode()
    assert 'data-field="payer_name"' in html
    assert not Receipt.objects.exists()
    answer = _browser(other_agency_officer).post("/revenue/receipts/new", _form(fee_code=""))
    assert 'data-field="fee_code"' in answer.content.decode()


def test_voiding_through_the_receipt_page(other_agency_officer, auditor):
    receipt = issue(other_agency_officer)
    browser = _browser(other_agency_officer)
    page = browser.get(f"/revenue/receipts/{receipt.pk}/").content.decode()
    assert f"/revenue/receipts/{receipt.pk}/void" in page
    assert "void" not in _browser(auditor).get(f"/revenue/receipts/{receipt.pk}/").content.decode()
    browser.post(f"/revenue/receipts/{receipt.pk}/void", {"reason": ""})
    assert Receipt.objects.get().voided_at is None
    done = browser.post(f"/revenue/receipts/{receipt.pk}/void", {"reason": "wrong plate"})
    assert done.status_code == 302
    receipt.refresh_from_db()
    assert receipt.void_reason == "wrong plate"
    assert (
        _browser(auditor).post(f"/revenue/receipts/{receipt.pk}/void", {"reason": "x"}).status_code
        == 403
    )


def test_the_declaration_page_lists_its_receipts_and_offers_the_duty(other_agency_officer):
    assessed = declaration(other_agency_officer)
    page = _browser(other_agency_officer).get(f"/revenue/declarations/{assessed.pk}/")
    html = page.content.decode()
    assert page.status_code == 200
    assert f"declaration_id={assessed.pk}" in html
    assert "ZZ Synthetic Trading Co." in html


def test_the_auditor_chooses_a_port_and_issues_nothing(other_agency_officer, auditor):
    receipt = issue(other_agency_officer)
    browser = _browser(auditor)
    chooser = browser.get("/revenue/").content.decode()
    assert "umm-qasr-north" in chooser
    day = browser.get("/revenue/", {"point": "umm-qasr-north"}).content.decode()
    assert receipt.number in day
    assert "/revenue/receipts/new" not in day
    assert browser.get("/revenue/receipts/new").status_code == 403


def test_other_roles_and_other_ports_are_refused(other_agency_officer, officer):
    receipt = issue(other_agency_officer)
    assert _browser(officer).get("/revenue/").status_code == 403
    assert _browser(officer).get(f"/revenue/receipts/{receipt.pk}/").status_code == 403
    from conftest import make_officer

    najaf = make_officer("cashier.najaf", "revenue", "bpc", ("najaf-airport",))
    assert _browser(najaf).get(f"/revenue/receipts/{receipt.pk}/").status_code == 404
    assert _browser(najaf).get("/revenue/", {"point": "umm-qasr-north"}).status_code == 403


def test_the_pages_speak_arabic_right_to_left(other_agency_officer):
    issue(other_agency_officer)
    browser = _browser(other_agency_officer)
    browser.post("/preferences/language", {"language": "ar", "next": "/revenue/"})
    html = browser.get("/revenue/").content.decode()
    assert 'dir="rtl"' in html
    assert "رسم المركبة" in html or "رسم مركبة" in html

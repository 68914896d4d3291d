"""Journey 7, need to know, from the customs side (hudud/audit/tests/test_api.py walks the
auditor's API side): a customs officer at Umm Qasr logs in through both factors, sees the
port's declarations and receipts on the page and in the API and nothing of hits or
travellers; the auditor then lists who looked at a traveller, from the command line too,
and proves the trail whole with `hudud audit verify`."""

from __future__ import annotations

import json

import pytest

from conftest import crossing_body, passport
from hudud.cli import main
from hudud.revenue.tests.helpers import declaration, issue

JSON = "application/json"


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_journey_7_a_customs_officer_sees_the_ports_revenue_and_the_auditor_proves_who_looked(
    officer, other_agency_officer, auditor, client_for, logged_in, capsys
):
    # Before: a traveller enters at Zurbatiya, and pays a residence fine at Umm Qasr North.
    line = client_for(officer)
    entry = line.post(
        "/api/v1/crossings", crossing_body("entry", passport(number="J7100001")), JSON
    )
    traveller_id = entry.json()["crossing"]["traveller_id"]
    assessed = declaration(other_agency_officer)
    fine = issue(
        other_agency_officer,
        kind="residence_fine",
        fee_code="residence-fine-day",
        days=3,
        traveller_id=traveller_id,
        payer_name="ZZTEST TRAVELLER",
    )

    # The customs officer logs in with password and one-time code.
    customs = logged_in(other_agency_officer)
    page = customs.get("/revenue/")
    assert page.status_code == 200
    html = page.content.decode()
    assert fine.number in html
    assert assessed.reference in html
    receipts = customs.get("/api/v1/receipts").json()["receipts"]
    assert [r["number"] for r in receipts] == [fine.number]
    declarations = customs.get("/api/v1/declarations").json()
    assert [d["reference"] for d in declarations] == [assessed.reference]
    assert customs.get(f"/revenue/receipts/{fine.pk}/").status_code == 200

    # ... and nothing of watchlist hits or travellers.
    refused = {
        "/api/v1/alerts?crossing_point=umm-qasr-north": 403,
        "/api/v1/watchlists/entries?q=ZZ": 403,
        "/alerts/": 403,
        "/travellers/": 403,
        f"/travellers/{traveller_id}/": 403,
        "/api/v1/overstayers": 403,
    }
    assert {path: customs.get(path).status_code for path in refused} == refused

    # The auditor lists who looked at the traveller: the line officer who recorded the entry,
    # the customs officer who issued the fine and read its receipt.
    reader = logged_in(auditor)
    trail = reader.get(
        "/api/v1/audit/events", {"object_type": "traveller", "object_id": traveller_id}
    ).json()
    assert [(e["who"], e["action"], e["crossing_point"]) for e in trail] == [
        ("primary", "crossing.entry", "zurbatiya"),
        ("customs", "receipt.issue", "umm-qasr-north"),
        ("customs", "receipt.read", "umm-qasr-north"),
    ]
    assert main(["audit", "trail", "traveller", traveller_id]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [(row["who"], row["action"]) for row in lines][:3] == [
        ("primary", "crossing.entry"),
        ("customs", "receipt.issue"),
        ("customs", "receipt.read"),
    ]
    # Who read the port's receipt list is on the trail too, with the numbers shown.
    listed = reader.get(
        "/api/v1/audit/events", {"object_type": "receipt_list", "object_id": "*"}
    ).json()
    assert any(fine.number in e["details"]["receipts"] for e in listed)

    # The trail was not altered.
    assert main(["audit", "verify"]) == 0
    assert "intact" in capsys.readouterr().out

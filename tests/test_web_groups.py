"""Group mode through Django's test client (journey 1): a pilgrim bus of 48 passports, the
exceptions, "record all" exactly once, and the two exceptions settled."""

from __future__ import annotations

import re
from html import unescape

import pytest
from django.test import Client

from conftest import make_officer
from hudud.agencies.models import Officer
from hudud.audit.models import AuditEvent
from hudud.border.models import Crossing, TravelGroup
from hudud.demo import scenarios, watchlists
from hudud.watchlists.index_cache import screening_index_cache

HTMX = {"HX-Request": "true"}


@pytest.fixture(autouse=True)
def fresh_index():
    screening_index_cache.reset()
    yield
    screening_index_cache.reset()


@pytest.fixture
def group_url(client: Client, officer: Officer) -> str:
    admin = make_officer("passports.admin", Officer.Role.AGENCY_ADMIN, "moi-passports")
    watchlists.watchlists_load(admin=admin)
    client.force_login(officer.user)
    response = client.post(
        "/line/groups/open",
        {
            "point": "zurbatiya",
            "kind": "pilgrim_bus",
            "reference": "IR 12-345",
            "direction": "entry",
        },
    )
    assert response.status_code == 302
    return response["Location"]


def scan(client: Client, url: str, zone: str) -> str:
    response = client.post(url + "scan", {"mrz": zone, "direction": "entry"}, headers=HTMX)
    assert response.status_code == 200
    return response.content.decode()


def hidden(row: str, name: str) -> str:
    found = re.search(rf'name="{name}" value="([^"]+)"', row)
    assert found is not None, f"no {name} in the row"
    return unescape(found.group(1))


def row_zone(row: str) -> str:
    return hidden(row, "mrz")


@pytest.mark.django_db
def test_journey_1_the_bus_shows_two_exceptions_and_records_the_46_others_once(
    client: Client, group_url: str
) -> None:
    bus = scenarios.scenarios()["pilgrim_bus_zurbatiya"]
    rows = [scan(client, group_url, zone) for zone in bus.mrzs]
    clean = [r for r in rows if 'data-member="clean"' in r]
    exceptions = {i: r for i, r in enumerate(rows) if 'data-member="exception"' in r}
    assert len(clean) == scenarios.PILGRIMS - 2
    assert set(exceptions) == {scenarios.EXPIRED_PILGRIM, scenarios.WATCHLIST_PILGRIM}
    assert all('form="record-clean"' in r for r in clean)
    assert Crossing.objects.count() == 0  # nothing is recorded by scanning

    zones = [row_zone(r) for r in clean]
    for _attempt in range(2):  # a retried "record all" records each member once
        response = client.post(
            group_url + "record", {"mrz": zones, "direction": "entry"}, headers=HTMX
        )
        assert response.status_code == 200
    group = TravelGroup.objects.get(reference="IR 12-345")
    assert Crossing.objects.filter(group=group, kind="entry").count() == scenarios.PILGRIMS - 2

    expired = exceptions[scenarios.EXPIRED_PILGRIM]
    assert "Refuse entry (A)" in expired
    assert 'name="action" value="entry"' not in expired  # an expired passport offers no entry
    client.post(group_url + "act", {"mrz": row_zone(expired), "action": "refusal:A"}, headers=HTMX)
    match = exceptions[scenarios.WATCHLIST_PILGRIM]
    alert_ids = hidden(match, "alert_ids")
    answer = client.post(
        group_url + "act",
        {"mrz": row_zone(match), "action": "secondary", "alert_ids": alert_ids},
        headers=HTMX,
    ).content.decode()
    assert "Sent to secondary inspection" in answer
    assert "HASANZADEH" in answer
    assert Crossing.objects.get(group=group, kind="refusal").refusal_reasons == "A"
    assert AuditEvent.objects.filter(action="alert.refer", object_id=alert_ids).exists()
    assert AuditEvent.objects.filter(action="crossing.entry").count() == scenarios.PILGRIMS - 2


@pytest.mark.django_db
def test_another_refusal_reason_is_chosen_from_the_list(client: Client, group_url: str) -> None:
    bus = scenarios.scenarios()["pilgrim_bus_zurbatiya"]
    client.post(
        group_url + "act",
        {"mrz": bus.mrzs[0], "action": "refusal:other", "other_refusal": "E"},
        headers=HTMX,
    )
    assert Crossing.objects.get().refusal_reasons == "E"


@pytest.mark.django_db
def test_the_group_page_lists_what_was_recorded_and_audits_the_read(
    client: Client, group_url: str
) -> None:
    bus = scenarios.scenarios()["pilgrim_bus_zurbatiya"]
    client.post(group_url + "record", {"mrz": bus.mrzs[:3], "direction": "entry"}, headers=HTMX)
    page = client.get(group_url).content.decode()
    assert page.count('data-member="recorded"') == 3
    assert AuditEvent.objects.filter(action="group.read").exists()


@pytest.mark.django_db
def test_a_garbled_zone_in_a_group_is_shown_not_listed(client: Client, group_url: str) -> None:
    _wrong, short = scenarios.scenarios()["garbled_mrz"].mrzs
    answer = scan(client, group_url, short)
    assert "line 2 has 31 characters; 44 expected" in answer
    assert "data-member" not in answer


@pytest.mark.django_db
def test_an_officer_posted_elsewhere_cannot_use_the_group(group_url: str) -> None:
    elsewhere = make_officer("elsewhere", Officer.Role.PRIMARY, "bpc", ("safwan",))
    other = Client()
    other.force_login(elsewhere.user)
    assert other.get(group_url).status_code == 403
    assert other.post(group_url + "record", {"mrz": []}).status_code == 403


@pytest.mark.django_db
def test_the_groups_page_lists_recent_groups_with_their_counts(
    client: Client, group_url: str
) -> None:
    bus = scenarios.scenarios()["pilgrim_bus_zurbatiya"]
    client.post(group_url + "record", {"mrz": bus.mrzs[:2], "direction": "entry"}, headers=HTMX)
    page = client.get("/line/groups/?point=zurbatiya").content.decode()
    assert "IR 12-345" in page
    assert re.search(r"IR 12-345.*?<td>2</td>", page, re.S)

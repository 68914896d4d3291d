"""The auditor's pages (journey 7 in the browser): the trail searched by record, officer,
action, place and period, newest first; the chain verified, with what is broken and where.
Reading the trail is itself audited."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test import Client
from django.utils import timezone

from conftest import crossing_body, passport
from hudud.audit import selectors
from hudud.audit.models import AuditChainHead, AuditEvent
from hudud.audit.services import audit_record
from hudud.common.actor import Actor


def _traveller_seen_at_the_line(client_for, officer, number: str = "J7000002") -> str:
    line = client_for(officer)
    body = crossing_body("entry", passport(number=number))
    answer = line.post("/api/v1/crossings", body, "application/json").json()
    traveller_id = answer["crossing"]["traveller_id"]
    check = {"crossing_point": "zurbatiya", "direction": "exit", "mrz": passport(number=number)}
    line.post("/api/v1/crossings/check", check, "application/json")
    return str(traveller_id)


def _verify(browser: Client, **form: str) -> str:
    """Post the verify form as the page does (with the CSRF token of the session)."""
    token = browser.cookies["csrftoken"].value
    answer = browser.post("/audit/verify", {"csrfmiddlewaretoken": token, **form})
    assert answer.status_code == 200
    return answer.content.decode()


def _rows(html: str) -> list[tuple[str, str]]:
    """(sequence, action) of each row of the events table, in page order."""
    return re.findall(r'<tr data-action="([^"]+)" data-sequence="(\d+)"', html)


@pytest.mark.django_db
def test_an_auditor_finds_who_looked_at_a_traveller_newest_first(
    officer, auditor, client_for, logged_in
):
    traveller_id = _traveller_seen_at_the_line(client_for, officer)
    browser = logged_in(auditor)

    # The traveller's page leads the auditor to the record's trail.
    page = browser.get(f"/travellers/{traveller_id}/").content.decode()
    assert f"object_type=traveller&amp;object_id={traveller_id}" in page

    answer = browser.get("/audit/", {"object_type": "traveller", "object_id": traveller_id})
    assert answer.status_code == 200
    html = answer.content.decode()
    # The auditor's own reading of the traveller page is on the record's trail too.
    assert [action for action, _ in _rows(html)] == [
        "traveller.read",
        "traveller.lookup",
        "crossing.entry",
    ]
    sequences = [int(s) for _, s in _rows(html)]
    assert sequences == sorted(sequences, reverse=True)
    assert "127.0.0.1" in html
    assert f'href="/travellers/{traveller_id}/"' in html

    searched = AuditEvent.objects.filter(action="audit.search").latest("sequence")
    assert searched.actor_username == "auditor"
    assert searched.object_id == traveller_id
    assert searched.details["criteria"] == {"object_type": "traveller", "object_id": traveller_id}
    assert searched.details["count"] == 3


@pytest.mark.django_db
def test_the_trail_is_filtered_by_officer_action_prefix_place_and_period(officer, auditor):
    actor = Actor(officer=officer, source_ip="10.1.2.3")
    for i in range(3):
        audit_record(
            actor=actor,
            action="traveller.lookup",
            object_type="traveller",
            object_id=f"t{i}",
            crossing_point_code="zurbatiya",
        )
    audit_record(actor=actor, action="traveller.read", object_type="traveller", object_id="t9")
    audit_record(actor=actor, action="crossing.entry", object_type="crossing", object_id="c1")
    reader = Actor(officer=auditor, source_ip="10.9.9.9")

    def found(**criteria) -> list[str]:
        search = selectors.AuditSearch(**criteria)
        return [
            e.object_id for e in selectors.audit_events_search(actor=reader, search=search).events
        ]

    assert found(who="primary", action="traveller.") == ["t9", "t2", "t1", "t0"]
    assert found(who="primary", action="traveller.lookup") == ["t2", "t1", "t0"]
    assert found(who="primary", action="traveller") == []  # a whole action, or a prefix with "."
    assert found(crossing_point="zurbatiya", who="primary") == ["t2", "t1", "t0"]
    today = timezone.localdate()
    assert found(who="primary", since=today, until=today) == ["c1", "t9", "t2", "t1", "t0"]
    assert found(who="primary", until=today - timedelta(days=1)) == []
    assert found(who="nobody") == []


@pytest.mark.django_db
def test_a_long_trail_comes_a_page_at_a_time(officer, auditor, logged_in):
    actor = Actor(officer=officer, source_ip=None)
    for i in range(selectors.PAGE_SIZE + 5):
        audit_record(
            actor=actor,
            action="traveller.lookup",
            object_type="traveller",
            object_id="t-many",
            details={"i": i},
        )
    browser = logged_in(auditor)
    # The action too: the first page's own search joins the record's trail.
    query = {"object_type": "traveller", "object_id": "t-many", "action": "traveller.lookup"}
    first = browser.get("/audit/", query).content.decode()
    second = browser.get("/audit/", {**query, "page": 2}).content.decode()
    assert len(_rows(first)) == selectors.PAGE_SIZE
    assert len(_rows(second)) == 5
    assert 'rel="next"' in first
    assert 'rel="prev"' in second
    assert {s for _, s in _rows(first)}.isdisjoint({s for _, s in _rows(second)})
    assert "i=0" in second  # the oldest come last


@pytest.mark.django_db
def test_bad_criteria_are_named_and_nothing_is_searched(auditor, logged_in):
    browser = logged_in(auditor)
    before = AuditEvent.objects.count()
    answer = browser.get("/audit/", {"since": "2026-05-02", "until": "2026-05-01"})
    assert answer.status_code == 200
    assert 'data-field="until"' in answer.content.decode()
    answer = browser.get("/audit/", {"action": "<script>", "since": "yesterday"})
    html = answer.content.decode()
    assert 'data-field="action"' in html
    assert 'data-field="since"' in html
    assert 'value="&lt;script&gt;"' in html
    assert not AuditEvent.objects.filter(action="audit.search").exists()
    assert AuditEvent.objects.count() == before


@pytest.mark.django_db
def test_what_officers_wrote_is_shown_as_text(officer, auditor, logged_in):
    actor = Actor(officer=officer, source_ip=None)
    audit_record(
        actor=actor,
        action="alert.dismiss",
        object_type="alert",
        object_id="a1",
        reason="<img src=x onerror=alert(1)> \u202eevil",
        details={"note": "<b>x</b>"},
    )
    html = logged_in(auditor).get("/audit/", {"object_id": "a1"}).content.decode()
    assert "<img src=x" not in html
    assert "<b>x</b>" not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "<bdi>&lt;img" in html  # a bidi override stays inside its own isolate


@pytest.mark.django_db
def test_only_auditors_open_the_trail(officer, supervisor, other_agency_officer, logged_in):
    for who in (officer, supervisor, other_agency_officer):
        browser = logged_in(who)
        assert browser.get("/audit/").status_code == 403
        assert browser.get("/audit/verify").status_code == 403
    assert Client().get("/audit/").status_code == 302  # to the login


@pytest.mark.django_db
def test_the_auditor_verifies_the_chain_and_sees_where_it_was_altered(officer, auditor, logged_in):
    actor = Actor(officer=officer, source_ip=None)
    events = [
        audit_record(
            actor=actor, action="traveller.lookup", object_type="traveller", object_id=f"v{i}"
        )
        for i in range(3)
    ]
    browser = logged_in(auditor)
    assert browser.get("/audit/verify").status_code == 200
    assert not AuditEvent.objects.filter(action="audit.verify").exists()  # GET only explains

    html = _verify(browser)
    assert 'data-intact="true"' in html
    head = AuditChainHead.objects.get(pk=1).hash
    assert AuditEvent.objects.filter(action="audit.verify").count() == 1

    # A head witnessed earlier is still in the chain; an invented one is not.
    assert 'data-intact="true"' in _verify(browser, expect_head=head)
    html = _verify(browser, expect_head="ab" * 32)
    assert 'data-intact="false"' in html
    assert 'data-kind="witness"' in html
    html = _verify(browser, expect_head="not a hash")
    assert 'data-field="expect_head"' in html
    assert "data-intact" not in html

    # Someone with the database's owner account rewrites what an officer looked at.
    target = events[1]
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET LOCAL session_replication_role = replica")
        else:
            cursor.execute("DROP TRIGGER audit_event_no_update")
        cursor.execute(
            "UPDATE audit_auditevent SET object_id = %s WHERE id = %s", ["someone-else", target.pk]
        )
    html = _verify(browser)
    assert 'data-intact="false"' in html
    assert re.search(
        rf'<tr data-kind="changed"><td[^>]*><code>changed</code></td>'
        rf"<td[^>]*>{target.sequence}</td>",
        html,
    )

"""Traveller search and the traveller page: names in either script, paging, sections by role,
and an audit event for every search and every view."""

from __future__ import annotations

import uuid
from datetime import date, datetime, time
from typing import Any

import pytest
from django.utils import timezone

from conftest import make_officer
from hudud.agencies.models import Officer
from hudud.audit.models import AuditEvent
from hudud.border import name_search, selectors
from hudud.border.models import Crossing, CrossingPoint, TravelDocument, Traveller
from hudud.common.actor import Actor
from hudud.common.errors import ServiceError


@pytest.fixture(autouse=True)
def fresh_vocabulary() -> Any:
    # Each test's database is rolled back; the name vocabulary of the previous one is not its.
    name_search.reset()
    yield
    name_search.reset()


def person(surname: str, given: str, name_ar: str = "", **extra: Any) -> Traveller:
    traveller = Traveller.objects.create(
        surname=surname,
        given_names=given,
        name_ar=name_ar,
        nationality=extra.pop("nationality", "IRN"),
        birth_date=extra.pop("birth_date", date(1985, 3, 14)),
        **extra,
    )
    TravelDocument.objects.create(
        traveller=traveller,
        kind="P",
        document_code="P",
        number=extra.get("number", uuid.uuid4().hex[:9].upper()),
        issuing_state=traveller.nationality,
        nationality=traveller.nationality,
    )
    return traveller


def crossing(traveller: Traveller, point: str, officer: Officer, day: date) -> Crossing:
    return Crossing.objects.create(
        client_id=uuid.uuid4(),
        kind="entry",
        traveller=traveller,
        document=traveller.documents.get(),
        crossing_point=CrossingPoint.objects.get(code=point),
        officer=officer,
        occurred_at=timezone.make_aware(datetime.combine(day, time(10))),
    )


@pytest.fixture
def karimi(db: Any) -> Traveller:
    return person("KARIMI", "REZA", "رضا کریمی")


@pytest.fixture
def tikriti(db: Any) -> Traveller:
    return person("AL TIKRITI", "ABDUL RAHMAN", "عبد الرحمن التكريتي", nationality="IRQ")


def search(client: Any, **params: str) -> str:
    response = client.get("/travellers/", params)
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.django_db
def test_a_name_typed_in_arabic_script_finds_the_traveller_known_by_the_mrz_spelling(
    client, officer, karimi, tikriti
):
    client.force_login(officer.user)
    page = search(client, name="كريمي")  # Arabic yeh, where the record has the Persian one
    assert "KARIMI" in page
    assert "TIKRITI" not in page
    assert "1 traveller found" in page


@pytest.mark.django_db
def test_a_compound_name_written_as_one_word_finds_it_written_as_two(
    client, officer, karimi, tikriti
):
    client.force_login(officer.user)
    assert "TIKRITI" in search(client, name="Abdulrahman al-Tikriti")
    assert "TIKRITI" in search(client, name="عبدالرحمن")
    assert "No traveller" not in search(client, name="Reza")


@pytest.mark.django_db
def test_every_name_part_must_match_and_hassan_is_not_hussein(client, officer, karimi):
    person("HUSSEIN", "ALI")
    client.force_login(officer.user)
    assert "0 travellers found" in search(client, name="Reza Tikriti")
    assert "0 travellers found" in search(client, name="Hassan")
    assert "HUSSEIN" in search(client, name="Husain")


@pytest.mark.django_db
def test_search_by_document_number_birth_date_and_nationality(client, officer, karimi, tikriti):
    client.force_login(officer.user)
    number = tikriti.documents.get().number
    assert "TIKRITI" in search(client, document_number=number.lower())
    page = search(client, birth_date="1985-03-14", nationality="irq")
    assert "TIKRITI" in page
    assert "KARIMI" not in page


@pytest.mark.django_db
def test_results_come_a_page_at_a_time(officer):
    for n in range(7):
        person("KARIMI", f"REZA{'X' * n}")
    results = selectors.travellers_search(
        actor=Actor(officer), query=selectors.TravellerQuery(name="Karimi"), page=2, per_page=3
    )
    assert (results.total, results.page, results.pages, len(results.travellers)) == (7, 2, 3, 3)


@pytest.mark.django_db
def test_every_search_is_audited_with_its_criteria_and_count(client, officer, karimi):
    client.force_login(officer.user)
    search(client, name="Karimi", nationality="IRN")
    event = AuditEvent.objects.filter(action="travellers.search").latest("id")
    assert event.actor_username == "primary"
    assert event.details == {
        "criteria": {"name": "Karimi", "nationality": "IRN"},
        "page": 1,
        "count": 1,
    }


@pytest.mark.django_db
def test_a_search_without_criteria_says_what_to_give_and_is_not_run(client, officer):
    client.force_login(officer.user)
    page = search(client, name="  ")
    assert "Give a name, a document number, a birth date or a nationality." in page
    assert not AuditEvent.objects.filter(action="travellers.search").exists()
    with pytest.raises(ServiceError):
        selectors.travellers_search(actor=Actor(officer), query=selectors.TravellerQuery())


@pytest.mark.django_db
def test_a_revenue_officer_may_neither_search_nor_open_a_traveller(
    client, other_agency_officer, karimi
):
    client.force_login(other_agency_officer.user)
    assert client.get("/travellers/", {"name": "Karimi"}).status_code == 403
    assert client.get(f"/travellers/{karimi.pk}/").status_code == 403
    assert not AuditEvent.objects.filter(action__startswith="traveller").exists()


@pytest.mark.django_db
def test_anonymous_visitors_are_sent_to_log_in(client, karimi):
    response = client.get(f"/travellers/{karimi.pk}/")
    assert response.status_code == 302
    assert response["Location"].startswith("/login/")


@pytest.mark.django_db
def test_a_primary_officer_sees_crossings_at_their_posts_only_and_no_hits(
    client, officer, colleague, karimi
):
    crossing(karimi, "zurbatiya", colleague, date(2026, 8, 1))
    crossing(karimi, "trebil", colleague, date(2026, 9, 1))
    client.force_login(officer.user)
    page = client.get(f"/travellers/{karimi.pk}/").content.decode()
    assert page.count('data-kind="entry"') == 1
    assert "Zurbatiya" in page
    assert "Trebil" not in page
    assert 'id="section-alerts"' not in page
    assert 'id="section-cases"' not in page
    assert 'id="section-stay"' in page
    assert 'id="section-documents"' in page
    event = AuditEvent.objects.filter(action="traveller.read").latest("id")
    assert (event.object_id, event.details["sections"]) == (
        str(karimi.pk),
        ["identity", "documents", "crossings", "stay"],
    )


@pytest.mark.django_db
def test_an_auditor_reads_every_section_and_every_crossing(client, auditor, colleague, karimi):
    crossing(karimi, "zurbatiya", colleague, date(2026, 8, 1))
    crossing(karimi, "trebil", colleague, date(2026, 9, 1))
    client.force_login(auditor.user)
    page = client.get(f"/travellers/{karimi.pk}/").content.decode()
    assert page.count('data-kind="entry"') == 2
    assert 'id="section-alerts"' in page
    assert 'id="section-cases"' in page
    assert "There is no case module yet" in page
    event = AuditEvent.objects.filter(action="traveller.read").latest("id")
    assert event.details["sections"] == [
        "identity",
        "documents",
        "crossings",
        "stay",
        "alerts",
        "cases",
    ]


@pytest.mark.django_db
def test_a_secondary_officer_sees_the_alerts_raised_about_the_traveller(client, colleague, karimi):
    from hudud.watchlists.models import Alert, Watchlist, WatchlistEntry

    secondary = make_officer("secondary", Officer.Role.SECONDARY, "bpc", ("zurbatiya",))
    watchlist = Watchlist.objects.create(
        code="t",
        name_en="Test entry bans",
        name_ar="ت",
        kind="entry_ban",
        owner=secondary.agency,
        legal_basis="b",
        action="refuse_entry",
        threshold=0.8,
    )
    entry = WatchlistEntry.objects.create(
        watchlist=watchlist, source_id="1", origin="manual", content_hash="x", revision=1
    )
    now = timezone.now()
    Alert.objects.create(
        entry=entry,
        traveller=karimi,
        subject_key="IRN:1",
        subject={},
        score=0.91,
        crossing_point=CrossingPoint.objects.get(code="zurbatiya"),
        raised_by=colleague,
        raised_at=now,
        last_seen_at=now,
    )
    client.force_login(secondary.user)
    page = client.get(f"/travellers/{karimi.pk}/").content.decode()
    assert 'data-status="open"' in page
    assert "Test entry bans" in page


@pytest.mark.django_db
def test_an_unknown_traveller_is_not_found(client, officer):
    client.force_login(officer.user)
    assert client.get(f"/travellers/{uuid.uuid4()}/").status_code == 404


@pytest.mark.django_db
def test_the_pages_render_right_to_left_in_arabic(client, auditor, karimi):
    client.force_login(auditor.user)
    client.post("/preferences/language", {"language": "ar", "next": "/travellers/"})
    for url in ("/travellers/?name=Karimi", f"/travellers/{karimi.pk}/"):
        page = client.get(url).content.decode()
        assert '<html lang="ar" dir="rtl">' in page
        assert "رضا کریمی" in page


@pytest.mark.django_db
def test_a_page_of_results_takes_the_same_queries_for_one_traveller_or_twenty(officer):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries() -> int:
        name_search.reset()
        with CaptureQueriesContext(connection) as captured:
            selectors.travellers_search(
                actor=Actor(officer), query=selectors.TravellerQuery(name="Karimi")
            )
        return sum("audit" not in q["sql"] for q in captured.captured_queries)

    person("KARIMI", "REZA")
    one = queries()
    for n in range(19):
        person("KARIMI", f"ALI{'A' * n}")
    assert queries() == one

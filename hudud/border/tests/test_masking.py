"""Traveller search and page: analysts see birth years and the ends of document numbers
(agencies.mandates.FIELD_RULES); line officers, supervisors and auditors see them in full. An
analyst still searches by a full document number."""

from __future__ import annotations

import uuid
from datetime import date, datetime, time
from typing import Any

import pytest
from django.utils import timezone

from conftest import make_officer
from hudud.agencies.models import Officer
from hudud.border import name_search
from hudud.border.models import Crossing, CrossingPoint, TravelDocument, Traveller

NUMBER, MASKED = "K12345678", "K1•••••78"
BORN = date(1985, 3, 14)
FULL_DAY = "March 14, 1985"  # DATE_FORMAT in English, as the `day` filter shows it


@pytest.fixture(autouse=True)
def fresh_vocabulary() -> Any:
    name_search.reset()
    yield
    name_search.reset()


@pytest.fixture
def karimi(db: Any, officer: Officer) -> Traveller:
    traveller = Traveller.objects.create(
        surname="KARIMI", given_names="REZA", nationality="IRN", birth_date=BORN
    )
    document = TravelDocument.objects.create(
        traveller=traveller,
        kind="P",
        document_code="P",
        number=NUMBER,
        issuing_state="IRN",
        nationality="IRN",
    )
    Crossing.objects.create(
        client_id=uuid.uuid4(),
        kind="entry",
        traveller=traveller,
        document=document,
        crossing_point=CrossingPoint.objects.get(code="zurbatiya"),
        officer=officer,
        occurred_at=timezone.make_aware(datetime.combine(date(2026, 1, 5), time(10))),
    )
    return traveller


@pytest.fixture
def analyst(db: Any) -> Officer:
    return make_officer("analyst", Officer.Role.ANALYST, "moi")


def _results(client: Any, **params: str) -> str:
    response = client.get("/travellers/", params)
    assert response.status_code == 200
    page = response.content.decode()
    # The search form echoes what was typed; what the records show is in the results table.
    return page.split('id="traveller-results"', 1)[1]


def _detail(client: Any, traveller: Traveller) -> str:
    response = client.get(f"/travellers/{traveller.pk}/")
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.django_db
def test_an_analyst_searching_by_a_full_document_number_finds_the_traveller_shown_masked(
    client, analyst, karimi
):
    client.force_login(analyst.user)
    results = _results(client, document_number=NUMBER)
    assert "KARIMI" in results
    assert MASKED in results
    assert NUMBER not in results
    assert "1985" in results
    assert FULL_DAY not in results


@pytest.mark.django_db
def test_a_supervisor_sees_the_search_results_in_full(client, supervisor, karimi):
    client.force_login(supervisor.user)
    results = _results(client, document_number=NUMBER)
    assert NUMBER in results
    assert FULL_DAY in results


@pytest.mark.django_db
def test_an_analyst_sees_the_birth_year_and_masked_numbers_on_the_traveller_page(
    client, analyst, karimi
):
    client.force_login(analyst.user)
    page = _detail(client, karimi)
    assert NUMBER not in page
    assert page.count(MASKED) == 2  # the documents table and the crossings table
    assert FULL_DAY not in page
    identity = page.split('id="section-identity"', 1)[1].split("</section>", 1)[0]
    assert "1985" in identity
    assert "year only" in identity


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["primary", "secondary", "supervisor", "auditor"])
def test_line_roles_and_auditors_see_the_traveller_page_in_full(client, karimi, role):
    agency = "moi" if role == "auditor" else "bpc"
    viewer = make_officer(f"viewer-{role}", role, agency, ("zurbatiya",))
    client.force_login(viewer.user)
    page = _detail(client, karimi)
    assert page.count(NUMBER) == 2
    assert MASKED not in page
    assert FULL_DAY in page
    assert "year only" not in page


@pytest.mark.django_db
def test_an_unreadable_birth_date_as_read_shows_only_its_year_to_an_analyst(
    client, analyst, supervisor, karimi
):
    Traveller.objects.filter(pk=karimi.pk).update(birth_date=None, birth_date_raw="850314")
    client.force_login(analyst.user)
    assert "850314" not in _detail(client, karimi)
    assert "85••••" in _detail(client, karimi)
    assert "85••••" in _results(client, document_number=NUMBER)
    client.force_login(supervisor.user)
    assert "850314" in _detail(client, karimi)
    assert "850314" in _results(client, document_number=NUMBER)

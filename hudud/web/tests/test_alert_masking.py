"""The alert page as each role may see it: the owning agency's administrator reads a confirmed
alert with the traveller's birth year and the ends of the document number, in the facts and in
the field verdicts (agencies.mandates.FIELD_RULES); secondary officers and auditors in full."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from conftest import make_officer
from hudud.agencies.models import Officer
from hudud.common.actor import Actor
from hudud.watchlists import services
from hudud.watchlists.index_cache import screening_index_cache
from hudud.watchlists.models import Alert
from hudud.watchlists.tests.conftest import add_entry, make_list
from hudud.watchlists.tests.test_screening import LISTED, subject

pytestmark = pytest.mark.django_db

BORN, NUMBER, MASKED = "1971-02-03", "N1234567", "N1••••67"


@pytest.fixture(autouse=True)
def fresh_index() -> Any:
    screening_index_cache.reset()
    yield
    screening_index_cache.reset()


@pytest.fixture
def secondary(db: Any) -> Officer:
    return make_officer("secondary", Officer.Role.SECONDARY, "bpc", ("zurbatiya",))


@pytest.fixture
def list_admin(db: Any) -> Officer:
    return make_officer("moi-admin", Officer.Role.AGENCY_ADMIN, "moi")


@pytest.fixture
def alert(officer: Officer, secondary: Officer, list_admin: Officer) -> Alert:
    """A name match on the Ministry of Interior's entry ban, confirmed: its owner is notified."""
    make_list()
    add_entry(list_admin, names=LISTED, birth_dates=("1951-02-03",), nationalities=("SYR",))
    services.traveller_screen(
        actor=Actor(officer), crossing_point_code="zurbatiya", subject=subject()
    )
    alert = Alert.objects.get()
    services.alert_confirm(actor=Actor(secondary), alert_id=str(alert.pk), reason="match")
    return alert


def _page(who: Officer, alert: Alert) -> str:
    client = Client()
    client.force_login(who.user)
    response = client.get(f"/alerts/{alert.pk}/")
    assert response.status_code == 200
    return response.content.decode()


def test_the_owning_agencys_administrator_sees_the_birth_year_and_a_masked_document(
    alert: Alert, list_admin: Officer
) -> None:
    page = _page(list_admin, alert)
    assert "QWERTYANI" in page
    assert MASKED in page
    assert NUMBER not in page
    assert "1971-••-••" in page  # the facts and the birth date's verdict row
    assert BORN not in page
    assert "1951-02-03" in page  # the listed entry: the agency's own record


@pytest.mark.parametrize("role", ["secondary", "auditor"])
def test_secondary_officers_and_auditors_see_the_alert_in_full(
    alert: Alert, secondary: Officer, auditor: Officer, role: str
) -> None:
    page = _page(secondary if role == "secondary" else auditor, alert)
    assert NUMBER in page
    assert BORN in page
    assert "••" not in page


def test_an_analyst_of_the_owning_agency_reads_the_alert_masked(alert: Alert) -> None:
    analyst = make_officer("moi-analyst", Officer.Role.ANALYST, "moi")
    page = _page(analyst, alert)
    assert MASKED in page
    assert NUMBER not in page
    assert BORN not in page


def test_an_analyst_of_another_agency_is_not_told_the_alert_exists(alert: Alert) -> None:
    outsider = make_officer("customs-analyst", Officer.Role.ANALYST, "customs")
    client = Client()
    client.force_login(outsider.user)
    assert client.get(f"/alerts/{alert.pk}/").status_code in (403, 404)

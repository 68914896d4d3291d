"""Fixtures of the manifests tests: carriers and their clients, officers at Najaf airport, an
entry-ban list, and synthetic flights whose travellers the tests can edit."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date, datetime, timedelta
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from conftest import make_officer
from hudud.agencies.models import Agency, Officer
from hudud.common.actor import Actor
from hudud.core import paxlst
from hudud.manifests import services
from hudud.manifests.models import Carrier
from hudud.manifests.synthetic import FlightPlan, flight_files
from hudud.watchlists import services as watchlist_services
from hudud.watchlists.index_cache import screening_index_cache
from hudud.watchlists.models import Watchlist

BANNED_BIRTH = date(1971, 4, 2)
BANNED: dict[str, Any] = {
    "surname": "ZZBANNED",
    "given_names": "EXAMPLE PERSON",
    "birth": BANNED_BIRTH,
}


@pytest.fixture(autouse=True)
def fresh_index() -> Iterator[None]:
    # Each test's database is rolled back; an index cached by the previous test is not its.
    screening_index_cache.reset()
    yield
    screening_index_cache.reset()


@pytest.fixture
def registrar(db: Any) -> Officer:
    """An agency administrator of the Border Ports Commission, which receives the lists."""
    return make_officer("bpc-admin", Officer.Role.AGENCY_ADMIN, "bpc")


def register_carrier(registrar: Officer, code: str, name: str) -> tuple[Carrier, Client]:
    carrier, token = services.carrier_register(
        actor=Actor(registrar), code=code, name=name, username=f"carrier-{code.lower()}"
    )
    return carrier, Client(headers={"Authorization": f"Bearer {token}"})


@pytest.fixture
def carrier(registrar: Officer) -> tuple[Carrier, Client]:
    """Synthetic Airways (ZZ) and an API client authenticated as its system account."""
    return register_carrier(registrar, "ZZ", "Synthetic Airways")


@pytest.fixture
def other_carrier(registrar: Officer) -> tuple[Carrier, Client]:
    return register_carrier(registrar, "ZY", "Placeholder Air")


@pytest.fixture
def najaf_officer(db: Any) -> Officer:
    """A primary-line officer of the Border Ports Commission at Najaf airport."""
    return make_officer("najaf", Officer.Role.PRIMARY, "bpc", ("najaf-airport",))


@pytest.fixture
def najaf_supervisor(db: Any) -> Officer:
    return make_officer("najaf-sup", Officer.Role.SUPERVISOR, "bpc", ("najaf-airport",))


@pytest.fixture
def entry_ban(db: Any) -> Watchlist:
    """A national entry-ban list (refuse entry) holding one made-up person."""
    admin = make_officer("moi-list-admin", Officer.Role.AGENCY_ADMIN, "moi")
    watchlist = Watchlist.objects.create(
        code="entry-ban",
        name_en="Test entry ban",
        name_ar="قائمة منع الدخول",
        kind=Watchlist.Kind.ENTRY_BAN,
        owner=Agency.objects.get(code="moi"),
        legal_basis="Test basis, article 1",
        action=Watchlist.Action.REFUSE_ENTRY,
        threshold=0.8,
    )
    watchlist_services.entry_add(
        actor=Actor(admin),
        watchlist_code="entry-ban",
        spec=watchlist_services.EntrySpec(
            names=(f"{BANNED['given_names']} {BANNED['surname']}",),
            birth_dates=(BANNED["birth"].isoformat(),),
        ),
    )
    return watchlist


def local_now() -> datetime:
    return timezone.localtime(timezone.now()).replace(tzinfo=None, second=0, microsecond=0)


def plan(**changes: Any) -> FlightPlan:
    """A small flight from Istanbul to Najaf that left four hours ago (landed 90 minutes ago)."""
    defaults: dict[str, Any] = {
        "passengers": 6,
        "crew": 2,
        "departure": local_now() - timedelta(hours=4),
    }
    return FlightPlan(**{**defaults, **changes})


Edit = Callable[[list[paxlst.Message]], None]


def files(flight: FlightPlan, edit: Edit | None = None, **options: Any) -> list[bytes]:
    return flight_files(flight, edit=edit, **options)


def send(client: Client, data: bytes, *, edifact: bool = False) -> Any:
    headers = {"Accept": "application/edifact"} if edifact else {}
    return client.post(
        "/api/v1/manifests/messages", data, content_type="application/edifact", headers=headers
    )


def passengers(messages: list[paxlst.Message]) -> list[paxlst.Traveller]:
    return [t for m in messages if m.list_type == "passengers" for t in m.travellers]


def person(
    traveller: paxlst.Traveller,
    surname: str,
    given: str,
    *,
    birth: date = date(1985, 3, 14),
    number: str | None = None,
    state: str = "IRN",
) -> None:
    """Make a generated traveller someone a test can present at the primary line."""
    traveller.surname, traveller.given_names, traveller.birth_date = surname, given, birth
    traveller.nationality = traveller.country_of_residence = state
    document = traveller.documents[0]
    document.type, document.issuing_state = "P", state
    document.number = number
    document.expiry_date = date(2031, 1, 1)
    del traveller.documents[1:]

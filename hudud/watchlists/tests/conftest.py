"""Fixtures of the watchlist tests: the cast's missing members (a secondary officer, list
owners), the real UN list files, and a fresh screening index per test."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from conftest import make_officer
from hudud.agencies.models import Agency, Officer
from hudud.common.actor import Actor
from hudud.watchlists import services
from hudud.watchlists.index_cache import screening_index_cache
from hudud.watchlists.models import Watchlist

SHARED_NAMES = Path(__file__).resolve().parents[3].parent / "shared" / "names"


def un_file(day: str) -> bytes:
    path = SHARED_NAMES / f"un_consolidated_{day}.xml"
    if not path.exists():
        pytest.skip(f"{path} is not here (shared data)")
    return path.read_bytes()


@pytest.fixture(autouse=True)
def fresh_index() -> Any:
    # Each test's database is rolled back; an index cached by the previous test is not its.
    screening_index_cache.reset()
    yield
    screening_index_cache.reset()


@pytest.fixture
def secondary(db: Any) -> Officer:
    """A secondary-inspection officer of the Border Ports Commission at Zurbatiya."""
    return make_officer("secondary", Officer.Role.SECONDARY, "bpc", ("zurbatiya",))


@pytest.fixture
def list_admin(db: Any) -> Officer:
    """An agency administrator of the Ministry of Interior, which owns the national lists."""
    return make_officer("moi-admin", Officer.Role.AGENCY_ADMIN, "moi")


@pytest.fixture
def owner_officer(db: Any) -> Officer:
    """An analyst of the Ministry of Interior: the owning agency hears of confirmed hits."""
    return make_officer("moi-analyst", Officer.Role.ANALYST, "moi")


def make_list(
    code: str = "entry-ban",
    *,
    owner: str = "moi",
    kind: str = "entry_ban",
    action: str = "refuse_entry",
    threshold: float = 0.8,
    **extra: Any,
) -> Watchlist:
    return Watchlist.objects.create(
        code=code,
        name_en=f"Test {code}",
        name_ar="قائمة اختبار",
        kind=kind,
        owner=Agency.objects.get(code=owner),
        legal_basis="Test basis, article 1",
        action=action,
        threshold=threshold,
        **extra,
    )


def add_entry(admin: Officer, code: str = "entry-ban", **fields: Any) -> Any:
    spec = services.EntrySpec(**fields)
    return services.entry_add(actor=Actor(admin), watchlist_code=code, spec=spec)

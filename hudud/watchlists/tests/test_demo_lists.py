"""The demo's watchlists: national lists of invented people, and the UN list when it is here."""

from __future__ import annotations

import pytest

from conftest import make_officer
from hudud.agencies.models import Officer
from hudud.demo import scenarios, watchlists
from hudud.watchlists.models import Watchlist, WatchlistEntry
from hudud.watchlists.tests.conftest import un_file


@pytest.fixture
def admin(db):
    return make_officer("passports.admin", Officer.Role.AGENCY_ADMIN, "moi-passports")


@pytest.mark.django_db
def test_without_the_shared_un_file_the_demo_lists_load_and_the_un_list_stays_empty(
    admin, monkeypatch, tmp_path
):
    monkeypatch.setenv("HUDUD_UN_LIST", str(tmp_path / "absent.xml"))
    report = watchlists.watchlists_load(admin=admin)
    assert (report.lists, report.un_imported) == (4, False)
    assert set(Watchlist.objects.values_list("code", flat=True)) == {
        "national-entry-ban",
        "national-wanted",
        "lost-stolen-documents",
        "un-consolidated",
    }
    assert not WatchlistEntry.objects.filter(watchlist__code="un-consolidated").exists()
    assert report.entries == WatchlistEntry.objects.count() == 10


@pytest.mark.django_db
def test_the_un_list_is_imported_from_the_shared_file_through_the_import_service(admin):
    un_file("2026-02-27")  # skips when the shared data is not here
    report = watchlists.watchlists_load(admin=admin)
    assert (report.un_imported, report.un_entries) == (True, 730)
    assert admin.pk in Watchlist.objects.get(code="un-consolidated").imports.values_list(
        "officer", flat=True
    )


@pytest.mark.django_db
def test_the_listed_namesake_of_the_pilgrim_was_born_twenty_years_earlier(
    admin, monkeypatch, tmp_path
):
    monkeypatch.setenv("HUDUD_UN_LIST", str(tmp_path / "absent.xml"))
    watchlists.watchlists_load(admin=admin)
    pilgrim = scenarios.watchlist_match()
    entry = WatchlistEntry.objects.get(source_id=watchlists.MATCH_SOURCE_ID)
    assert [n["name"] for n in entry.names] == [
        f"{pilgrim.given_names} {pilgrim.surname}",
        pilgrim.name_ar,
    ]
    listed = entry.birth_dates[0]
    assert listed == pilgrim.birth_date.replace(year=pilgrim.birth_date.year - 20).isoformat()
    others = WatchlistEntry.objects.exclude(pk=entry.pk).exclude(names=[])
    assert all("DEMO" in e.names[0]["name"] for e in others)

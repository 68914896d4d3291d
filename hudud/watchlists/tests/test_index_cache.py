"""The process's screening index: built once, refreshed by revision, rebuilt when lists change."""

from __future__ import annotations

import threading
import time
from datetime import date, timedelta

import pytest

from hudud.common.actor import Actor
from hudud.core import screening as core_screening
from hudud.watchlists import index_cache, services
from hudud.watchlists.index_cache import IndexCache
from hudud.watchlists.models import Watchlist
from hudud.watchlists.sequence import revision_current
from hudud.watchlists.tests.conftest import add_entry, make_list

TODAY = date(2026, 3, 1)


def ids(index):
    query = core_screening.Query("q", name="ZORAVAR QWERTYANI")
    return {m.entry_id for m in index.screen(query, threshold=0.5)}


@pytest.mark.django_db
def test_a_list_switched_off_rebuilds_the_index_without_its_entries(list_admin):
    make_list()
    entry = add_entry(list_admin, names=("ZORAVAR QWERTYANI",))
    cache = IndexCache()
    assert ids(cache.index(today=TODAY)) == {str(entry.pk)}
    Watchlist.objects.update(active=False)
    assert ids(cache.index(today=TODAY)) == set()
    assert len(cache.index(today=TODAY)) == 0


@pytest.mark.django_db
def test_a_threshold_change_rebuilds_so_entries_carry_the_new_threshold(list_admin):
    make_list()
    add_entry(list_admin, names=("ZORAVAR QWERTYANI",))
    cache = IndexCache()
    cache.index(today=TODAY)
    cache.index(today=TODAY)
    assert cache.stats()["builds"] == 1
    Watchlist.objects.update(threshold=0.95)
    index = cache.index(today=TODAY)
    assert cache.stats()["builds"] == 2
    query = core_screening.Query("q", name="ZORAVAR QWERTYANI")
    assert [m.entry_id for m in index.screen(query, threshold=0.0)]


@pytest.mark.django_db
def test_an_entry_that_expires_overnight_leaves_the_index_the_next_day(list_admin):
    make_list()
    entry = add_entry(list_admin, names=("ZORAVAR QWERTYANI",), expires_on=TODAY)
    cache = IndexCache()
    assert ids(cache.index(today=TODAY)) == {str(entry.pk)}  # its last day
    assert ids(cache.index(today=TODAY + timedelta(days=1))) == set()
    assert cache.stats()["refreshes"] == 1


@pytest.mark.django_db
def test_the_refresh_picks_up_exactly_the_revisions_above_the_index(list_admin):
    make_list()
    cache = IndexCache()
    cache.index(today=TODAY)
    before = cache.stats()["revision"]
    entry = add_entry(list_admin, names=("ZORAVAR QWERTYANI",))
    assert entry.revision == before + 1 == revision_current()
    assert ids(cache.index(today=TODAY)) == {str(entry.pk)}
    assert cache.stats()["revision"] == entry.revision
    services.entry_remove(
        actor=Actor(list_admin), watchlist_code="entry-ban", entry_id=entry.pk, reason="gone"
    )
    assert ids(cache.index(today=TODAY)) == set()


def test_lanes_asking_at_once_share_one_build(monkeypatch):
    # The database is stood in for (threads would not see a test's uncommitted rows): this is
    # about the lock, not the queries.
    entry = core_screening.Entry("1", ("ZORAVAR QWERTYANI",), list_id="ban", threshold=0.8)
    monkeypatch.setattr(index_cache, "lists_in_force", lambda today: [])
    monkeypatch.setattr(index_cache, "revision_current", lambda: 0)
    monkeypatch.setattr(index_cache.IndexCache, "_entries", staticmethod(lambda *a: [entry]))
    monkeypatch.setattr(index_cache.selectors, "traffic_names", lambda limit: [])
    builds = []
    real_build = core_screening.ScreeningIndex.build

    def slow_build(*args, **kwargs):
        builds.append(threading.get_ident())
        time.sleep(0.2)  # long enough for the other lanes to arrive while building
        return real_build(*args, **kwargs)

    monkeypatch.setattr(core_screening.ScreeningIndex, "build", slow_build)
    cache = IndexCache()
    monkeypatch.setattr(cache, "_refresh", lambda *a: None)
    results = []
    threads = [
        threading.Thread(target=lambda: results.append(cache.index(today=TODAY))) for _ in range(4)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(results) == 4
    assert len(builds) == 1
    assert len({id(index) for index in results}) == 1
    assert ids(results[0]) == {"1"}

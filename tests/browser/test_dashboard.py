"""The analyst's morning in a real browser (journey 6): the dashboard with its charts, the
map of every crossing point drawn from bundled boundaries, and Zurbatiya's Arbaeen surge;
in English and in Arabic, with no script or style refused by the page's policy."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from hudud.border import name_search
from hudud.border.stays import local_day
from hudud.demo import routes

# Enough travellers for pilgrims to crowd Zurbatiya before Arbaeen.
TRAVELLERS = 400


@pytest.fixture
def busy_demo(live_server: Any, settings: Any) -> Iterator[Any]:
    from hudud.demo.load import demo_load
    from hudud.watchlists.index_cache import screening_index_cache

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    screening_index_cache.reset()
    name_search.reset()
    yield demo_load(travellers=TRAVELLERS, seed=11, days=365)
    screening_index_cache.reset()
    name_search.reset()


def _watch_console(page: Page) -> list[str]:
    """Script errors, refusals by the content security policy, and failed loads (but the
    browser's own favicon request, which the workspace does not serve)."""
    problems: list[str] = []
    page.on("pageerror", lambda error: problems.append(f"page error: {error}"))
    page.on(
        "console",
        lambda message: (
            problems.append(message.text)
            if message.type == "error" and not message.text.startswith("Failed to load resource")
            else None
        ),
    )
    page.on(
        "response",
        lambda response: (
            problems.append(f"{response.status} {response.url}")
            if response.status >= 400 and not response.url.endswith("/favicon.ico")
            else None
        ),
    )
    return problems


def _last_arbaeen(today: date) -> date:
    return max(d for d in routes.ARBAEEN_DATES if d <= today)


def test_the_analyst_reads_the_dashboard_and_the_map_and_finds_the_arbaeen_surge(
    page: Page, live_server: Any, busy_demo: Any, session_for: Any, shot: Any
) -> None:
    problems = _watch_console(page)
    session_for(page, "analyst")
    page.goto(f"{live_server.url}/dashboard/")
    expect(page.locator("h1")).to_have_text("Flows at the border")
    expect(page.locator("#yesterday-points tbody tr").first).to_be_visible()
    # Chart.js drew into every canvas (a drawn canvas has a chart attached).
    for chart in ("chart-points", "chart-days", "chart-nationalities"):
        assert page.evaluate(f"Chart.getChart(document.getElementById('{chart}')) !== undefined")
    expect(page.locator("#bcp-map")).to_have_attribute("data-ready", "true")
    expect(page.locator("#bcp-map path[data-point]")).to_have_count(32)
    expect(page.locator("#bcp-map .leaflet-tile")).to_have_count(0)  # no tile server
    shot(page, "20-dashboard")

    page.goto(f"{live_server.url}/dashboard/map/")
    expect(page.locator("#bcp-map")).to_have_attribute("data-ready", "true")
    page.locator('#bcp-map path[data-point="zurbatiya"]').click(force=True)
    popup = page.locator(".leaflet-popup-content .map-popup")
    expect(popup).to_contain_text("Zurbatiya")
    expect(popup).to_contain_text("زرباطية")
    shot(page, "21-map-popup")

    arbaeen = _last_arbaeen(local_day(timezone.now()))
    first, last = arbaeen - timedelta(days=30), arbaeen + timedelta(days=30)
    page.goto(f"{live_server.url}/dashboard/points/zurbatiya/?first={first}&last={last}")
    peak = page.locator("#peak-day")
    expect(peak).to_contain_text("Busiest day")
    labels = page.evaluate("Chart.getChart(document.getElementById('chart-days')).data.labels")
    entries = page.evaluate(
        "Chart.getChart(document.getElementById('chart-days')).data.datasets[1].data"
    )
    busiest = first + timedelta(days=max(range(len(entries)), key=entries.__getitem__))
    assert len(labels) == 61
    # Pilgrims enter over the two weeks before the day.
    assert arbaeen - timedelta(days=routes.ARBAEEN_ARRIVAL_DAYS) <= busiest <= arbaeen
    shot(page, "22-zurbatiya-arbaeen")

    page.get_by_role("button", name="العربية").click()
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    page.goto(f"{live_server.url}/dashboard/")
    expect(page.locator("#bcp-map")).to_have_attribute("data-ready", "true")
    # Time runs right to left with the text, the counts' axis stands on the right.
    scales = "Chart.getChart(document.getElementById('chart-days')).options.scales"
    assert page.evaluate(f"[{scales}.x.reverse, {scales}.y.position]") == [True, "right"]
    shot(page, "23-dashboard-arabic")
    assert problems == []

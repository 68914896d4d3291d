"""The dashboard's pages: who may open them, what they show, in English and in Arabic."""

from __future__ import annotations

import json
import re
from datetime import timedelta

import pytest
from django.utils import timezone

from hudud.audit.models import AuditEvent
from hudud.border.stays import local_day

from .conftest import baghdad

PAGES = ("/dashboard/", "/dashboard/map/", "/dashboard/points/zurbatiya/")


def _json(page: str, element_id: str) -> dict:
    match = re.search(rf'<script id="{element_id}" type="application/json">(.*?)</script>', page)
    assert match, f"no {element_id} in the page"
    return json.loads(match.group(1))


@pytest.mark.django_db
@pytest.mark.parametrize("url", PAGES)
def test_line_and_revenue_officers_may_not_open_the_dashboard(
    client, officer, other_agency_officer, url
):
    for who in (officer, other_agency_officer):
        client.force_login(who.user)
        assert client.get(url).status_code == 403
    assert not AuditEvent.objects.filter(action="dashboard.read").exists()


@pytest.mark.django_db
@pytest.mark.parametrize("url", PAGES)
def test_analysts_supervisors_and_auditors_open_every_page(
    client, analyst, supervisor, auditor, url
):
    for who in (analyst, supervisor, auditor):
        client.force_login(who.user)
        assert client.get(url).status_code == 200


@pytest.mark.django_db
def test_the_dashboard_shows_yesterday_per_point_and_carries_chart_and_map_data(
    client, analyst, cross
):
    yesterday = local_day(timezone.now()) - timedelta(days=1)
    for _ in range(3):
        cross("zurbatiya", baghdad(yesterday, 11))
    cross("trebil", baghdad(yesterday, 11), kind="refusal", reasons="C", nationality="JOR")
    client.force_login(analyst.user)
    page = client.get("/dashboard/").content.decode()
    assert 'data-point="zurbatiya"' in page
    assert 'data-code="C"' in page
    charts = _json(page, "chart-data")
    assert sum(charts["days"]["entries"]) == 3
    assert sum(charts["days"]["refusals"]) == 1
    assert charts["reasons"] == [
        {"code": "C", "label": "No valid visa or residence permit", "count": 1}
    ]
    points = _json(page, "map-data")["points"]
    assert len(points) == 32
    assert {"name_en", "name_ar", "lat", "lon", "total"} <= set(points[0])
    actions = list(AuditEvent.objects.values_list("object_id", flat=True))
    assert actions[-2:] == ["overview", "map"]


@pytest.mark.django_db
def test_a_bad_period_is_answered_with_a_message_not_an_error(client, analyst):
    client.force_login(analyst.user)
    response = client.get("/dashboard/", {"first": "2026-09-01", "last": "2026-08-01"})
    assert response.status_code == 400
    assert "Choose a period that starts before it ends" in response.content.decode()
    assert client.get("/dashboard/points/atlantis/").status_code == 404
    assert client.get("/dashboard/", {"first": "not a date"}).status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("url", PAGES)
def test_the_dashboard_pages_render_right_to_left_in_arabic(client, analyst, url):
    client.force_login(analyst.user)
    client.post("/preferences/language", {"language": "ar", "next": "/"})
    page = client.get(url).content.decode()
    assert '<html lang="ar" dir="rtl">' in page
    assert "style=" not in page  # the CSP forbids inline styles
    assert "<script>" not in page  # and inline scripts: data travels as JSON only


@pytest.mark.django_db
def test_the_crossing_point_page_names_the_point_in_both_scripts(client, analyst):
    client.force_login(analyst.user)
    page = client.get("/dashboard/points/zurbatiya/").content.decode()
    assert "Zurbatiya" in page
    assert "زرباطية" in page

"""The pages outside the API: login, the start page, the API documentation."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.urls import URLPattern, URLResolver, get_resolver


@pytest.mark.django_db
def test_the_start_page_sends_an_anonymous_visitor_to_log_in(client):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"].startswith("/login/")


@pytest.mark.django_db
def test_an_officer_logs_in_and_sees_who_they_are(client, officer):
    from conftest import log_in  # password, then the one-time code (issue 5)

    log_in(client, officer)
    page = client.get("/").content.decode()
    assert "primary" in page
    assert "Border Ports Commission" in page
    assert "هيئة المنافذ الحدودية" in page


@pytest.mark.django_db
def test_the_api_schema_and_docs_need_a_login(client, officer):
    assert client.get("/api/v1/openapi.json").status_code == 302
    assert client.get("/api/v1/docs").status_code == 302
    client.force_login(officer.user)
    schema = client.get("/api/v1/openapi.json").json()
    assert {"/api/v1/crossings/check", "/api/v1/crossings"} <= set(schema["paths"])
    assert client.get("/api/v1/docs").status_code == 200


@pytest.mark.django_db
def test_a_browser_session_can_use_the_api_with_its_csrf_token(officer):
    from django.test import Client

    browser = Client(enforce_csrf_checks=True)
    browser.force_login(officer.user)
    assert browser.get("/api/v1/crossing-points").status_code == 200
    # A POST from a page without the CSRF token is refused (ninja's session auth checks it).
    response = browser.post(
        "/api/v1/groups",
        {"crossing_point": "zurbatiya", "kind": "tour"},
        content_type="application/json",
    )
    assert response.status_code in (401, 403)


def _all_patterns(resolver=None, prefix=""):
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            yield from _all_patterns(entry, prefix + str(entry.pattern))
        elif isinstance(entry, URLPattern):
            yield prefix + str(entry.pattern)


@pytest.mark.django_db
def test_no_api_route_answers_without_authentication(client):
    """Every API route, found from the URL configuration, refuses an anonymous caller."""
    api_routes = [p for p in _all_patterns() if p.startswith("api/v1/")]
    assert len(api_routes) >= 5
    for route in api_routes:
        url = "/" + route.replace("<", "").replace(">", "")
        for method in ("get", "post"):
            response = getattr(client, method)(url, content_type="application/json")
            assert response.status_code in (302, 401, 404, 405), (method, url, response.status_code)
            assert response.status_code != 200


@pytest.mark.django_db
def test_a_user_without_an_officer_profile_cannot_use_the_api(client):
    user = get_user_model().objects.create_user("visitor", password=None)
    client.force_login(user)
    assert client.get("/api/v1/crossing-points").status_code == 401

"""The workspace's frame: base layout, navigation by role, language switch, error pages, the
route rules, and templates that a strict Content-Security-Policy can serve."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.template.loader import get_template
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from conftest import make_officer
from hudud.agencies.models import Officer
from hudud.web import route_access
from hudud.web.models import LanguagePreference
from hudud.web.navigation import links_for

TEMPLATES = Path(__file__).resolve().parent.parent / "hudud" / "web" / "templates"
STATIC = Path(__file__).resolve().parent.parent / "hudud" / "web" / "static" / "web"


def _web_routes(resolver: URLResolver | None = None, prefix: str = "") -> list[str]:
    """Every route whose view lives in hudud.web, as declared ("/line/groups/<uuid:...>/")."""
    routes = []
    for entry in (resolver or get_resolver()).url_patterns:
        if isinstance(entry, URLResolver):
            routes += _web_routes(entry, prefix + str(entry.pattern))
        elif isinstance(entry, URLPattern) and entry.callback.__module__.startswith("hudud.web"):
            routes.append("/" + prefix + str(entry.pattern))
    return routes


def test_every_workspace_route_has_a_rule_for_each_method_it_answers() -> None:
    declared = {key.split(" ", 1)[1] for key in route_access.RULES}
    assert set(_web_routes()) == declared


def test_the_rules_name_only_known_roles() -> None:
    roles = {"anonymous"} | set(Officer.Role.values)
    for key, allowed in route_access.RULES.items():
        assert allowed <= roles, key
        assert key.split(" ", 1)[0] in ("GET", "POST"), key


@pytest.mark.django_db
def test_the_navigation_shows_each_role_only_the_screens_it_may_open(officer) -> None:
    primary = {link.url for link in links_for("primary", "/")}
    assert {"/", "/line/", "/line/groups/"} <= primary
    assert "/alerts/" not in primary
    secondary = {link.url for link in links_for("secondary", "/alerts/")}
    assert "/alerts/" in secondary
    assert {link.url for link in links_for("revenue", "/")} >= {"/"}
    assert "/line/" not in {link.url for link in links_for("revenue", "/")}


def test_the_current_screen_is_the_longest_matching_link() -> None:
    current = [link.url for link in links_for("primary", "/line/groups/abc/") if link.current]
    assert current == ["/line/groups/"]


@pytest.mark.django_db
def test_the_start_page_marks_the_page_language_and_direction(client: Client, officer) -> None:
    client.force_login(officer.user)
    page = client.get("/").content.decode()
    assert '<html lang="en" dir="ltr">' in page
    assert 'name="htmx-config"' in page
    assert '"allowEval": false' in page
    assert '"includeIndicatorStyles": false' in page


@pytest.mark.django_db
def test_switching_to_arabic_is_remembered_for_the_user_and_in_a_cookie(
    client: Client, officer
) -> None:
    client.force_login(officer.user)
    response = client.post("/preferences/language", {"language": "ar", "next": "/line/"})
    assert response.status_code == 302
    assert response["Location"] == "/line/"
    assert response.cookies["django_language"].value == "ar"
    assert LanguagePreference.objects.get(user=officer.user).language == "ar"
    page = client.get("/").content.decode()
    assert '<html lang="ar" dir="rtl">' in page
    assert "مساحة العمل" in page


@pytest.mark.django_db
def test_the_preference_wins_over_the_browser_in_a_new_session(officer) -> None:
    LanguagePreference.objects.create(user=officer.user, language="ar")
    browser = Client(headers={"Accept-Language": "en"})
    browser.force_login(officer.user)
    assert '<html lang="ar" dir="rtl">' in browser.get("/").content.decode()


@pytest.mark.django_db
def test_an_anonymous_visitor_may_switch_the_login_page_to_arabic(client: Client) -> None:
    response = client.post("/preferences/language", {"language": "ar", "next": "/login/"})
    assert response.status_code == 302
    assert response.cookies["django_language"].value == "ar"
    assert LanguagePreference.objects.count() == 0


@pytest.mark.django_db
def test_the_language_switch_refuses_an_unknown_language_and_a_foreign_next(
    client: Client, officer
) -> None:
    client.force_login(officer.user)
    assert client.post("/preferences/language", {"language": "xx"}).status_code == 400
    response = client.post(
        "/preferences/language", {"language": "ar", "next": "https://evil.example/"}
    )
    assert response["Location"] == "/"


@pytest.mark.django_db
def test_an_unknown_page_answers_the_workspace_404_page(client: Client, officer) -> None:
    client.force_login(officer.user)
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert "There is nothing here" in response.content.decode()


@pytest.mark.django_db
def test_a_page_the_role_may_not_open_answers_403_with_the_workspace_page(client: Client) -> None:
    customs = make_officer("customs", Officer.Role.REVENUE, "customs", ("umm-qasr-north",))
    client.force_login(customs.user)
    response = client.get("/line/")
    assert response.status_code == 403
    assert "You are not allowed to open this page" in response.content.decode()


@pytest.mark.django_db
def test_a_request_refused_before_authentication_gets_the_400_page() -> None:
    response = Client(raise_request_exception=False).get("/", HTTP_HOST="evil.example")
    assert response.status_code == 400
    assert "The request could not be understood" in response.content.decode()


def test_the_500_page_renders_without_a_request() -> None:
    html = get_template("500.html").render({})
    assert "Something went wrong on our side" in html


@pytest.mark.parametrize("path", sorted(TEMPLATES.rglob("*.html")), ids=lambda p: p.name)
def test_templates_have_no_inline_script_style_or_handler(path: Path) -> None:
    """The Content-Security-Policy allows scripts and styles from files only."""
    html = re.sub(r"\{#.*?#\}", "", path.read_text())
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html), "inline <script>"
    assert "<style" not in html
    assert not re.search(r"\sstyle=", html)
    assert not re.search(r"\son[a-z]+=", html), "inline event handler"
    assert "hx-on" not in html
    assert "js:" not in html


@pytest.mark.parametrize("path", sorted(TEMPLATES.rglob("*.html")), ids=lambda p: p.name)
def test_every_form_that_posts_carries_the_csrf_token(path: Path) -> None:
    html = path.read_text()
    for form in re.findall(r"<form[^>]*method=\"post\"[^>]*>.*?</form>", html, re.S):
        assert "{% csrf_token %}" in form


def test_the_stylesheet_uses_logical_properties_so_rtl_needs_no_rules_of_its_own() -> None:
    css = re.sub(r"/\*.*?\*/", "", (STATIC / "hudud.css").read_text(), flags=re.S)
    physical = re.findall(r"(?:margin|padding|border)-(?:left|right)\b|\b(?:left|right):", css)
    assert physical == []
    assert "[dir=" not in css

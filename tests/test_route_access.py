"""Every route has an explicit rule, and every role meets it with real requests.

The routes are read from the URL configuration (Django patterns, included ones too) and from
the JSON API (every django-ninja operation with its method and path): a new endpoint without
a rule fails here, naming the `route_access.py` to add it to. Each app's
`hudud/<app>/route_access.py` exports `RULES`, "METHOD path" -> the roles allowed (the
convention in docs/security.md). Then, for every rule and every role of the cast below, a
real request: an allowed role must not be refused (401/403, or sent to the login page);
a denied role must be (401/403, or 404 where a record's existence must not leak).

The cast holds each role in the agency where it usually sits (below): the table states what
the access helpers allow *them*. Mandates across agencies are tested in
hudud/agencies/tests/test_mandates.py.
"""

from __future__ import annotations

import importlib
import json
import re
import uuid
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from django.apps import apps
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from conftest import make_officer, passport
from hudud.agencies.models import Agency, Officer
from hudud.common.actor import Actor
from hudud.common.routes import Route, api_routes, page_routes
from hudud.revenue.tests.helpers import declaration, declaration_body, issue, receipt_body

ROLES = ("anonymous", *Officer.Role.values)

# role -> (agency, posts, is_staff)
CAST: dict[str, tuple[str, tuple[str, ...], bool]] = {
    "primary": ("moi-passports", ("zurbatiya", "najaf-airport"), False),
    "secondary": ("moi-passports", ("zurbatiya", "najaf-airport"), False),
    "supervisor": ("moi-passports", ("zurbatiya", "najaf-airport"), False),
    "analyst": ("moi", (), False),
    "case_worker": ("moi-trafficking", (), False),
    "revenue": ("customs", ("umm-qasr-north",), False),
    # Administers the Ministry of Interior's watchlists; a staff account of the admin site.
    "agency_admin": ("moi", (), True),
    "auditor": ("moi", (), False),
    # The carrier is a system account registered by the Border Ports Commission (_world).
}


# --- the rules ------------------------------------------------------------------------------


@cache
def rule_modules() -> dict[str, Any]:
    """The rules of every installed Hudud app, and of hudud.config (not an app: it mounts
    the admin site and the API's documents)."""
    modules = {"config": importlib.import_module("hudud.config.route_access")}
    for config in apps.get_app_configs():
        if config.name.startswith("hudud."):
            try:
                modules[config.label] = importlib.import_module(f"{config.name}.route_access")
            except ModuleNotFoundError:
                continue
    return modules


@cache
def all_rules() -> dict[str, frozenset[str]]:
    merged: dict[str, frozenset[str]] = {}
    for module in rule_modules().values():
        for key, roles in module.RULES.items():
            merged[key] = merged.get(key, roles) | roles if key in merged else roles
    return merged


def _file_for(app: str) -> str:
    return f"hudud/{app}/route_access.py"


ROUTES: list[Route] = api_routes() + page_routes()


def _rule_keys_for(route: Route) -> list[str]:
    if route.is_api:
        return [route.key] if route.key in all_rules() else []
    return [key for key in all_rules() if key.split(" ", 1)[1] == route.path]


def test_every_route_has_a_rule():
    missing = [
        f"{route.key if route.is_api else 'GET/POST ' + route.path}: add it to "
        f"{_file_for(route.app)}"
        for route in ROUTES
        if not _rule_keys_for(route)
    ]
    assert not missing, "routes without an access rule:\n" + "\n".join(missing)


def test_every_rule_is_for_a_route_that_exists_and_names_known_roles():
    api_keys = {r.key for r in ROUTES if r.is_api}
    page_paths = {r.path for r in ROUTES if not r.is_api}
    for app, module in rule_modules().items():
        for key, roles in module.RULES.items():
            method, _, path = key.partition(" ")
            assert method in {"GET", "POST", "PUT", "PATCH", "DELETE"}, (app, key)
            assert key in api_keys or path in page_paths, (
                f"{_file_for(app)} has a rule for {key}, which no route answers"
            )
            assert roles <= set(ROLES), (app, key, roles - set(ROLES))


def test_two_apps_never_disagree_about_one_route():
    seen: dict[str, tuple[str, frozenset[str]]] = {}
    for app, module in rule_modules().items():
        for key, roles in module.RULES.items():
            if key in seen:
                assert seen[key][1] == roles, f"{key}: {seen[key][0]} and {app} disagree"
            seen[key] = (app, roles)


# --- the world the requests are made in ------------------------------------------------------


@dataclass
class World:
    officers: dict[str, Officer]
    params: dict[str, str]


def _cast() -> dict[str, Officer]:
    officers = {}
    for role, (agency, posts, staff) in CAST.items():
        officer = make_officer(f"cast.{role}", role, agency, posts)
        if staff:
            officer.user.is_staff = True
            officer.user.save()
        officers[role] = officer
    return officers


def _world() -> World:
    """The cast, and one of each record the routes take an id of: a watchlist with an entry,
    an open and a confirmed alert at Zurbatiya (so a notification), a clearance, a travel
    group, a traveller with a crossing, a carrier with its account."""
    from hudud.manifests import services as manifest_services
    from hudud.watchlists import services as watchlist_services
    from hudud.watchlists.models import Alert, Clearance, Notification, Watchlist

    officers = _cast()
    admin = Actor(officers["agency_admin"])
    Watchlist.objects.create(
        code="route-test-ban",
        name_en="Route test ban",
        name_ar="قائمة",
        kind="entry_ban",
        owner=Agency.objects.get(code="moi"),
        legal_basis="Test basis",
        action="refuse_entry",
        threshold=0.8,
    )
    entry = watchlist_services.entry_add(
        actor=admin,
        watchlist_code="route-test-ban",
        spec=watchlist_services.EntrySpec(names=("ZZBANNED EXAMPLE",), birth_dates=("1971-04-02",)),
    )
    line = _client_for(officers["primary"])
    for number in ("Z0000001", "Z0000002", "Z0000003"):
        zone = passport(
            surname="ZZBANNED", given_names="EXAMPLE", number=number, birth=date(1971, 4, 2)
        )
        body = {"crossing_point": "zurbatiya", "direction": "entry", "mrz": zone}
        assert line.post("/api/v1/crossings/check", body, "application/json").status_code == 200
    opened, confirmed, dismissed = Alert.objects.order_by("document_number")
    secondary = Actor(officers["secondary"])
    watchlist_services.alert_confirm(actor=secondary, alert_id=str(confirmed.pk), reason="same")
    watchlist_services.alert_dismiss(
        actor=secondary, alert_id=str(dismissed.pk), reason="not them", grant_clearance=True
    )
    crossing = line.post(
        "/api/v1/crossings",
        {
            "client_id": str(uuid.uuid4()),
            "kind": "entry",
            "crossing_point": "zurbatiya",
            "mrz": passport(number="K7654321"),
        },
        "application/json",
    ).json()
    group = line.post(
        "/api/v1/groups", {"crossing_point": "zurbatiya", "kind": "tour"}, "application/json"
    ).json()
    carrier, _ = manifest_services.carrier_register(
        actor=Actor(make_officer("cast.bpc-admin", "agency_admin", "bpc")),
        code="ZZ",
        name="Synthetic Airways",
        username="cast.carrier.zz",
    )
    officers["carrier"] = carrier.account
    declaration, receipt = _revenue_records(officers["revenue"])
    params = {
        "declaration_id": str(declaration.pk),
        "receipt_id": str(receipt.pk),
        "alert_id": str(opened.pk),
        "clearance_id": str(Clearance.objects.get().pk),
        "notification_id": str(Notification.objects.get().pk),
        "code": "route-test-ban",
        "entry_id": str(entry.pk),
        "traveller_id": str(crossing["crossing"]["traveller_id"]),
        "group_id": str(group["id"]),
        "crossing_point": "zurbatiya",
    }
    return World(officers, params)


def _revenue_records(revenue: Officer) -> tuple[Any, Any]:
    """A declaration at Umm Qasr North and a receipt naming it, by the cast's revenue officer."""
    recorded = declaration(revenue)
    return recorded, issue(revenue, declaration_id=recorded.pk)


def _client_for(officer: Officer | None) -> Client:
    client = Client()
    if officer is not None:
        client.force_login(officer.user)  # stands for a completed two-factor login
    return client


# --- building a request ----------------------------------------------------------------------

# Bodies for the API's writes: valid in shape, so that refusals come from access checks and
# not from validation. New routes fall back to a body built from their request schema.
BODIES: dict[str, Any] = {
    "POST /api/v1/crossings/check": lambda: {
        "crossing_point": "zurbatiya",
        "direction": "entry",
        "mrz": passport(),
    },
    "POST /api/v1/crossings": lambda: {
        "client_id": str(uuid.uuid4()),
        "kind": "entry",
        "crossing_point": "zurbatiya",
        "mrz": passport(number="K1111111"),
    },
    "POST /api/v1/groups": lambda: {"crossing_point": "zurbatiya", "kind": "tour"},
    "POST /api/v1/watchlists": lambda: {
        "code": f"made-{uuid.uuid4().hex[:8]}",
        "name_en": "A list",
        "name_ar": "قائمة",
        "kind": "entry_ban",
        "action": "monitor",
        "legal_basis": "Test",
        "threshold": 0.8,
    },
    "POST /api/v1/watchlists/{code}/imports": lambda: {
        "format": "csv",
        "file_name": "x.csv",
        "content": "name\nZZ EXAMPLE\n",
    },
    "POST /api/v1/watchlists/{code}/entries": lambda: {"names": [{"name": "ZZ EXAMPLE"}]},
    "POST /api/v1/alerts/{alert_id}/dismiss": lambda: {"reason": "different birth date"},
    "POST /api/v1/alerts/{alert_id}/confirm": lambda: {"reason": "the same person"},
    "POST /api/v1/alerts/{alert_id}/clearance": lambda: {"reason": "a different person"},
    "POST /api/v1/watchlists/clearances/{clearance_id}/revoke": lambda: {"reason": "wrong"},
    "POST /api/v1/watchlists/{code}/entries/{entry_id}/remove": lambda: {"reason": "stale"},
    "POST /api/v1/declarations": declaration_body,
    "POST /api/v1/receipts": receipt_body,
    "POST /api/v1/receipts/{receipt_id}/void": lambda: {"reason": "issued by mistake"},
}
# Forms for pages whose refusal of an invalid form would hide the access check.
PAGE_FORMS: dict[str, dict[str, str]] = {
    "POST /line/groups/open": {"point": "zurbatiya", "kind": "tour", "direction": "entry"},
}
QUERY: dict[str, str] = {"q": "ZZBANNED", "crossing_point": "zurbatiya"}
PLACEHOLDER = {"uuid": str(uuid.UUID(int=1)), "int": "999999", "slug": "no-such", "str": "x"}


@cache
def _openapi() -> dict[str, Any]:
    from hudud.config.api import api

    return api.get_openapi_schema()


def _operation(route: Route) -> dict[str, Any]:
    return _openapi()["paths"].get(route.path, {}).get(route.method.lower(), {})


def _fill(path: str, params: dict[str, str]) -> str:
    """Put the world's ids into a declared path ({name} or <converter:name>); a wildcard
    route ("/admin/*") is requested at its root."""

    def value(name: str, converter: str) -> str:
        if name == "code" and "/points/" in path:
            return "zurbatiya"  # a crossing point's code, not a watchlist's
        return params.get(name, PLACEHOLDER.get(converter, "x"))

    filled = re.sub(
        r"\{(\w+)\}",
        lambda m: value(m[1], "uuid" if m[1].endswith("_id") else "str"),
        path.rstrip("*"),
    )
    return re.sub(r"<(?:(\w+):)?(\w+)>", lambda m: value(m[2], m[1] or "str"), filled)


def _from_schema(schema: dict[str, Any], components: dict[str, Any]) -> Any:
    """A minimal value of a JSON schema: required properties only, first enum value."""
    if "$ref" in schema:
        return _from_schema(components[schema["$ref"].rsplit("/", 1)[1]], components)
    if "anyOf" in schema:
        return _from_schema(schema["anyOf"][0], components)
    if "enum" in schema:
        return schema["enum"][0]
    kind = schema.get("type", "object")
    if kind == "object":
        props = schema.get("properties", {})
        return {k: _from_schema(props[k], components) for k in schema.get("required", [])}
    simple = {"integer": 1, "number": 0.5, "boolean": False, "array": []}
    if kind in simple:
        return simple[kind]
    return {
        "date": "2025-01-01",
        "uuid": str(uuid.uuid4()),
        "date-time": "2025-01-01T00:00:00Z",
    }.get(schema.get("format", ""), "x")


def _request(client: Client, route: Route, method: str, url: str):
    path = route.path
    if not route.is_api:
        form = PAGE_FORMS.get(f"{method} {path}", {})
        return client.post(url, form) if method == "POST" else client.generic(method, url)
    operation = _operation(route)
    query = {
        p["name"]: QUERY.get(p["name"], "x")
        for p in operation.get("parameters", [])
        if p["in"] == "query" and p.get("required")
    }
    content = operation.get("requestBody", {}).get("content", {})
    if "multipart/form-data" in content:
        upload = SimpleUploadedFile("x.csv", b"name\nZZ EXAMPLE\n", "text/csv")
        return client.post(url, {"file": upload, "format": "csv"})
    if "application/json" in content:
        make = BODIES.get(f"{method} {path}")
        schemas = _openapi()["components"]["schemas"]
        body = make() if make else _from_schema(content["application/json"]["schema"], schemas)
        return client.generic(method, url, json.dumps(body), "application/json")
    if content:  # a raw body (a carrier's EDIFACT message): any bytes will do
        return client.generic(method, url, b"UNA:+.? '", next(iter(content)))
    return client.get(url, query) if method == "GET" else client.generic(method, url)


def _sent_to_login(response: Any, url: str) -> bool:
    """A redirect to a login page that will come back here (login_required, the admin's)."""
    if response.status_code != 302:
        return False
    target = urlsplit(response["Location"])
    return parse_qs(target.query).get("next") == [url]


def _verdict(response: Any, url: str) -> str:
    if response.status_code >= 500:
        return "error"
    if response.status_code in (401, 403) or _sent_to_login(response, url):
        return "refused"
    if response.status_code == 404:
        return "not found"
    if response.status_code == 405:
        return "no such method"
    return "answered"


def _rule_cases() -> list[tuple[Route, str]]:
    cases = []
    for route in ROUTES:
        for key in _rule_keys_for(route):
            cases.append((route, key))
    return cases


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("route", "key"), _rule_cases(), ids=lambda v: v if isinstance(v, str) else ""
)
def test_each_role_is_allowed_or_refused_as_the_rule_says(route, key):
    from hudud.watchlists.index_cache import screening_index_cache

    screening_index_cache.reset()
    world = _world()
    method, path = key.split(" ", 1)
    allowed = all_rules()[key]
    wrong = []
    # Denied roles first: a wrongly allowed write must not change what the others see.
    for role in sorted(ROLES, key=lambda r: r in allowed):
        client = _client_for(world.officers.get(role))
        url = _fill(path, world.params)
        response = _request(client, route, method, url)
        verdict = _verdict(response, url)
        ok = (
            verdict in ("answered", "not found")
            if role in allowed
            else verdict in ("refused", "not found")
        )
        if not ok:
            expected = "allowed" if role in allowed else "refused"
            wrong.append(f"{role}: {expected} by the rule, got {response.status_code} ({verdict})")
    screening_index_cache.reset()
    assert not wrong, f"{key} ({_file_for(route.app)}):\n" + "\n".join(wrong)

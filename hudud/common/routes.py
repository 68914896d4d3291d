"""Every route the application answers, read from the URL configuration and the JSON API.

Used by the route access table (`tests/test_route_access.py`, the convention in
docs/security.md) and by API token scopes: a route belongs to the app whose view answers it
(`hudud.border.api` -> "border"); routes of Django's admin and of the API's own documents
belong to "config", which mounts them.

Route keys read "METHOD path", the path as declared: a Django pattern with a leading slash
("GET /travellers/<uuid:traveller_id>/") or the API's path under /api/v1 in django-ninja's
notation ("POST /api/v1/alerts/{alert_id}/confirm"). Django patterns declare no method, so
a page's rules name the methods it answers. Everything under a third-party URL
configuration (the admin) is one route, written with a trailing "*" ("GET /admin/*").
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest
from django.urls import URLPattern, URLResolver, get_resolver

API_PREFIX = "/api/v1"
# URL configurations included whole: their routes are one wildcard rule each.
WILDCARD_INCLUDES = ("django.contrib.admin",)


@dataclass(frozen=True)
class Route:
    method: str  # "GET", "POST", ... ("*" for a page: the rules say which methods)
    path: str
    app: str
    is_api: bool

    @property
    def key(self) -> str:
        return f"{self.method} {self.path}"


def app_of(module: str) -> str:
    """The app a view's module belongs to: "hudud.border.api" -> "border"."""
    parts = module.split(".")
    return parts[1] if parts[0] == "hudud" and len(parts) > 2 else "config"


def api_routes() -> list[Route]:
    """Every operation of the JSON API (including any left out of the schema)."""
    from hudud.config.api import api

    routes: list[Route] = []
    for bound in api._get_bound_routers():
        for path, path_view in bound.path_operations.items():
            full = _join(API_PREFIX, bound.prefix, path)
            for operation in path_view.operations:
                module = getattr(operation.view_func, "__module__", "")
                routes.extend(
                    Route(method.upper(), full, app_of(module), True)
                    for method in operation.methods
                )
    return routes


def _join(*parts: str) -> str:
    path = "/" + "/".join(p.strip("/") for p in parts if p.strip("/"))
    while "//" in path:
        path = path.replace("//", "/")
    return path


def page_routes() -> list[Route]:
    """Every Django pattern that is not an API operation, with the app of its view."""
    api_patterns = {_as_django(r.path) for r in api_routes()}
    return [
        Route("*", path, app, False)
        for path, app in _patterns(get_resolver().url_patterns, "/")
        if path.rstrip("*") not in api_patterns
    ]


def _patterns(entries: list[Any], prefix: str) -> Iterator[tuple[str, str]]:
    for entry in entries:
        if isinstance(entry, URLResolver):
            module = getattr(entry.urlconf_module, "__name__", "")
            nested = prefix + str(entry.pattern)
            if any(module.startswith(w) or _is_admin(entry) for w in WILDCARD_INCLUDES):
                yield nested + "*", "config"
            else:
                yield from _patterns(entry.url_patterns, nested)
        elif isinstance(entry, URLPattern):
            module = getattr(entry.callback, "__module__", "") or ""
            yield prefix + str(entry.pattern), app_of(module)


def _is_admin(entry: URLResolver) -> bool:
    return getattr(entry, "app_name", None) == "admin"


def _as_django(api_path: str) -> str:
    """ "/api/v1/alerts/{alert_id}" as the Django pattern ninja made of it."""
    return api_path.replace("{", "<").replace("}", ">")


@functools.cache
def _api_areas() -> dict[str, str]:
    return {_as_django(r.path).lstrip("/"): r.app for r in api_routes()}


def api_areas() -> frozenset[str]:
    """The API areas a token may be scoped for (apps with API operations)."""
    return frozenset(_api_areas().values())


def api_area_of(request: HttpRequest) -> str | None:
    """The API area (app) of the operation `request` is for, or None outside the API."""
    match = getattr(request, "resolver_match", None)
    if match is None:
        return None
    return _api_areas().get(match.route)

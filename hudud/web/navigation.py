"""The navigation bar: one entry per screen, shown to the roles the route rules allow.

Which roles may open a screen is stated once, in each app's `route_access.RULES` (the route
access convention); the bar reads those tables, so a link is never shown to someone the page
would refuse. Screens of apps not installed yet (their URL name does not resolve) are skipped.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from functools import cache

from django.apps import apps
from django.urls import NoReverseMatch, reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class NavItem:
    url_name: str
    label: str | Promise


@dataclass(frozen=True)
class NavLink:
    url: str
    label: str | Promise
    current: bool


NAV = (
    NavItem("web:home", _("Home")),
    NavItem("web:line", _("Primary line")),
    NavItem("web:groups", _("Groups")),
    NavItem("web:alerts", _("Alerts")),
    NavItem("border:traveller_search", _("Travellers")),
    NavItem("manifests:board", _("Flights")),
    NavItem("analytics:dashboard", _("Dashboard")),
    NavItem("audit:events", _("Audit trail")),
    NavItem("revenue:workspace", _("Revenue")),
)


@cache
def route_rules() -> dict[str, frozenset[str]]:
    """Every installed Hudud app's route rules, merged ("GET /line/" -> roles)."""
    merged: dict[str, frozenset[str]] = {}
    for config in apps.get_app_configs():
        if not config.name.startswith("hudud."):
            continue
        try:
            module = importlib.import_module(f"{config.name}.route_access")
        except ModuleNotFoundError:
            continue
        merged.update(getattr(module, "RULES", {}))
    return merged


def allowed(role: str, method: str, path: str) -> bool:
    """Whether the rules let `role` use `method path` (a path without parameters)."""
    return role in route_rules().get(f"{method} {path}", frozenset())


def links_for(role: str, current_path: str) -> list[NavLink]:
    """The screens `role` may open; the one holding `current_path` (longest prefix) marked."""
    shown: list[tuple[str, NavItem]] = []
    for item in NAV:
        try:
            url = reverse(item.url_name)
        except NoReverseMatch:
            continue
        if allowed(role, "GET", url):
            shown.append((url, item))
    holding = [
        url
        for url, _ in shown
        if current_path == url or (url != "/" and current_path.startswith(url))
    ]
    current = max(holding, key=len, default=None)
    return [NavLink(url, item.label, url == current) for url, item in shown]

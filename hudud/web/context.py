"""What every page of the workspace needs: the officer, their navigation, the languages."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from hudud.agencies.models import Officer
from hudud.web.languages import available_languages
from hudud.web.navigation import links_for


def _authenticated(request: HttpRequest) -> bool:
    # A request refused before the authentication middleware ran (a foreign Host header,
    # answered with the 400 page) has no user at all.
    user = getattr(request, "user", None)
    return bool(user is not None and user.is_authenticated)


def officer_of(request: HttpRequest) -> Officer | None:
    """The logged-in user's officer profile (with its agency), read once per request."""
    if not _authenticated(request) or request.user.pk is None:
        return None
    if not hasattr(request, "_hudud_officer"):
        request._hudud_officer = (  # type: ignore[attr-defined]
            Officer.objects.select_related("agency").filter(user_id=request.user.pk).first()
        )
    return request._hudud_officer  # type: ignore[attr-defined]


def workspace(request: HttpRequest) -> dict[str, Any]:
    officer = officer_of(request)
    return {
        "officer": officer,
        "nav_links": links_for(officer.role, request.path) if officer else [],
        "interface_languages": available_languages().items(),
    }

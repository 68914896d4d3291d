"""What every page of the workspace needs: the officer, their navigation, the languages."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from hudud.agencies.models import Officer
from hudud.web.languages import available_languages
from hudud.web.navigation import links_for


def officer_of(request: HttpRequest) -> Officer | None:
    """The logged-in user's officer profile (with its agency), read once per request."""
    if not request.user.is_authenticated:
        return None
    if not hasattr(request, "_hudud_officer"):
        request._hudud_officer = (  # type: ignore[attr-defined]
            Officer.objects.select_related("agency").filter(user_id=request.user.pk).first()
        )
    return request._hudud_officer  # type: ignore[attr-defined]


def workspace(request: HttpRequest) -> dict[str, Any]:
    officer = officer_of(request)
    role = officer.role if officer else ("anonymous" if not request.user.is_authenticated else "")
    return {
        "officer": officer,
        "nav_links": links_for(role, request.path) if officer else [],
        "interface_languages": available_languages().items(),
    }

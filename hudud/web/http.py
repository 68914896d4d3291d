"""What every workspace view shares: the officer behind the request, and how a service's
refusal becomes a page (403, 404) rather than a traceback."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse

from hudud.agencies.models import Officer
from hudud.common.actor import Actor
from hudud.common.errors import AccessDenied, NotFound
from hudud.web.context import officer_of

View = TypeVar("View", bound=Callable[..., HttpResponse])


def actor_for(request: HttpRequest) -> Actor:
    officer = officer_of(request)
    if officer is None:
        raise PermissionDenied("no officer profile")
    return Actor(officer=officer, source_ip=request.META.get("REMOTE_ADDR"))


def officer_view(roles: frozenset[str] | None = None) -> Callable[[View], View]:
    """Login required, an officer profile required (and one of `roles`, when given); a
    service's AccessDenied answers 403 and NotFound 404, as pages."""

    def decorate(view: View) -> View:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            officer: Officer | None = officer_of(request)
            if officer is None or (roles is not None and officer.role not in roles):
                raise PermissionDenied("your role does not use this page")
            try:
                return view(request, *args, **kwargs)
            except AccessDenied as error:
                raise PermissionDenied(str(error)) from None
            except NotFound as error:
                raise Http404(str(error)) from None

        return login_required(wrapped)  # type: ignore[return-value]

    return decorate


def pager_links(request: HttpRequest, page: int) -> dict[str, str]:
    """The links of `web/_pager.html` around `page`: the same query, another page."""

    def link(number: int) -> str:
        params = request.GET.copy()
        params["page"] = str(number)
        return f"?{params.urlencode()}"

    return {"previous_link": link(page - 1), "next_link": link(page + 1)}


def is_htmx(request: HttpRequest) -> bool:
    return request.headers.get("HX-Request") == "true"

"""The flight board pages: arriving flights at the officer's airports, and one flight's board.
Views are adapters: they read the request, call one selector, and render."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import wraps
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from hudud.agencies.models import Officer
from hudud.common.actor import Actor
from hudud.common.errors import AccessDenied, NotFound
from hudud.manifests import selectors

View = Callable[..., HttpResponse]


def _officer_page(view: View) -> View:
    """Logged in, with an officer profile; access refusals become 403 and 404 pages."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        officer = (
            Officer.objects.select_related("agency", "user")
            .filter(user_id=request.user.pk or 0)
            .first()
        )
        if officer is None:
            raise PermissionDenied("no officer profile")
        actor = Actor(officer=officer, source_ip=request.META.get("REMOTE_ADDR"))
        try:
            return view(request, actor, *args, **kwargs)
        except NotFound as error:
            raise Http404(str(error)) from None
        except AccessDenied as error:
            raise PermissionDenied(str(error)) from None

    return login_required(wrapped)


def _day(text: str | None) -> date | None:
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None


@require_GET
@_officer_page
def board(request: HttpRequest, actor: Actor) -> HttpResponse:
    """Flights arriving on a day (default today) at the airports the officer sees."""
    day = _day(request.GET.get("day")) or timezone.localdate()
    point = request.GET.get("crossing_point", "")
    flights = selectors.flights_list(actor=actor, crossing_point_code=point, day=day)
    return render(
        request,
        "manifests/board.html",
        {"flights": flights, "day": day, "crossing_point": point},
    )


@require_GET
@_officer_page
def flight(request: HttpRequest, actor: Actor, flight_id: Any) -> HttpResponse:
    """One flight's board."""
    shown = selectors.flight_board(actor=actor, flight_id=str(flight_id), now=timezone.now())
    return render(request, "manifests/flight.html", {"board": shown, "counts": shown.counts})

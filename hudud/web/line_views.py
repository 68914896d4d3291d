"""The primary line: scan a document, read one card, act with one key.

Views are adapters: they parse the form, call `crossing_check`, `crossing_record` or the
referral service, and render. Each partial is also a full page, so the screen works (more
slowly) without JavaScript.
"""

from __future__ import annotations

import uuid
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from hudud.border.checks import crossing_check
from hudud.border.documents import document_from_mrz
from hudud.border.models import CrossingPoint
from hudud.border.services import CrossingRequest, crossing_record
from hudud.border.stays import local_day
from hudud.common.errors import ServiceError
from hudud.web import labels, selectors
from hudud.web.cards import card_build
from hudud.web.forms import DecisionForm, ScanForm
from hudud.web.http import actor_for, is_htmx, officer_view
from hudud.web.problems import marked_zone, shape_problems, shown
from hudud.web.services import secondary_referral_send

LINE_ROLES = frozenset({"primary", "secondary", "supervisor"})
POINT_KEY, DIRECTION_KEY = "hudud_point", "hudud_direction"


def line_setting(
    request: HttpRequest, points: list[CrossingPoint]
) -> tuple[CrossingPoint | None, str]:
    """The crossing point (one of the officer's postings) and direction the lane works in:
    from the query string when the officer changes them, else as last chosen."""
    by_code = {p.code: p for p in points}
    wanted = request.GET.get("point") or request.session.get(POINT_KEY, "")
    point = by_code.get(wanted) or (points[0] if points else None)
    direction = request.GET.get("direction") or request.session.get(DIRECTION_KEY, "entry")
    direction = direction if direction in ("entry", "exit") else "entry"
    if point is not None:
        request.session[POINT_KEY] = point.code
    request.session[DIRECTION_KEY] = direction
    return point, direction


@require_GET
@officer_view(LINE_ROLES)
def line(request: HttpRequest) -> HttpResponse:
    actor = actor_for(request)
    points = selectors.posted_points(actor.officer)
    point, direction = line_setting(request, points)
    return render(
        request,
        "web/line.html",
        {"points": points, "point": point, "direction": direction, "mrz": ""},
    )


def _partial_or_page(
    request: HttpRequest, partial: str, context: dict[str, Any], status: int = 200
) -> HttpResponse:
    if is_htmx(request):
        return render(request, partial, context, status=status)
    actor = actor_for(request)
    points = selectors.posted_points(actor.officer)
    point, direction = line_setting(request, points)
    page = {"points": points, "point": point, "direction": direction, "partial": partial}
    return render(request, "web/line.html", {**page, **context}, status=status)


def _problem_card(request: HttpRequest, error: ServiceError, mrz: str) -> HttpResponse:
    problems = [shown(p) for p in error.problems]
    if any(p.code == "unrecognised_format" for p in error.problems):
        problems = shape_problems(mrz) or problems
    context = {"problems": problems, "zone": marked_zone(mrz, problems), "mrz": mrz}
    return _partial_or_page(request, "web/_problem_card.html", context)


@require_POST
@officer_view(LINE_ROLES)
def line_check(request: HttpRequest) -> HttpResponse:
    form = ScanForm(request.POST)
    mrz = request.POST.get("mrz", "")
    if not form.is_valid():
        error = ServiceError.one("invalid_value", "mrz", "; ".join(_form_errors(form)))
        return _problem_card(request, error, mrz)
    data = form.cleaned_data
    now = timezone.now()
    try:
        document = document_from_mrz(data["mrz"], today=local_day(now))
        result = crossing_check(
            actor=actor_for(request),
            crossing_point_code=data["point"],
            direction=data["direction"],
            document=document,
            at=now,
        )
    except ServiceError as error:
        if error.status in (403, 404):
            raise
        return _problem_card(request, error, data["mrz"])
    outcome = result.watchlist
    lists = selectors.watchlist_names(
        {h.watchlist_code for h in outcome.hits} if outcome else set()
    )
    card = card_build(result, local_day(now), lists)
    problems = card.problems
    context = {
        "card": card,
        "client_id": uuid.uuid4(),
        "mrz": data["mrz"],
        "zone": marked_zone(data["mrz"], problems) if problems else None,
        "refusal_choices": labels.REFUSAL_REASONS.items(),
    }
    return _partial_or_page(request, "web/_card.html", context)


def _form_errors(form: Any) -> list[str]:
    return [f"{field}: {' '.join(errors)}" for field, errors in form.errors.items()]


@require_POST
@officer_view(LINE_ROLES)
def line_decide(request: HttpRequest) -> HttpResponse:
    """Record the officer's decision: entry, exit, a refusal with its code, or secondary."""
    form = DecisionForm(request.POST)
    if not form.is_valid():
        error = ServiceError.one("invalid_value", "action", "; ".join(_form_errors(form)))
        return _problem_card(request, error, request.POST.get("mrz", ""))
    data = form.cleaned_data
    actor = actor_for(request)
    kind, _sep, reason = data["action"].partition(":")
    try:
        if kind == "secondary":
            referred = secondary_referral_send(
                actor=actor,
                crossing_point_code=data["point"],
                alert_ids=[a for a in data["alert_ids"].split(",") if a],
            )
            return _partial_or_page(request, "web/_referred.html", {"referred": referred})
        recorded = crossing_record(
            actor=actor,
            request=CrossingRequest(
                client_id=data["client_id"],
                kind=kind,
                crossing_point_code=data["point"],
                document=document_from_mrz(data["mrz"], today=local_day(timezone.now())),
                refusal_reasons=(reason,) if reason else (),
                name_ar=data["name_ar"],
            ),
        )
    except ServiceError as error:
        if error.status in (403, 404):
            raise
        return _problem_card(request, error, data["mrz"])
    return _partial_or_page(request, "web/_recorded.html", {"recorded": recorded})

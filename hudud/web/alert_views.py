"""Secondary inspection (journey 2): the alert queue of a crossing point, an alert beside the
traveller, and the decision (confirm, or dismiss with an optional clearance), with history."""

from __future__ import annotations

import uuid

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from hudud.common.errors import ServiceError
from hudud.watchlists import selectors as watchlist_selectors
from hudud.watchlists import services as watchlist_services
from hudud.watchlists.models import Alert
from hudud.web import selectors
from hudud.web.comparison import comparison_of
from hudud.web.forms import AlertDecisionForm
from hudud.web.http import actor_for, officer_view

QUEUE_ROLES = frozenset({"secondary", "supervisor", "auditor"})
# Reading one alert: also the owning agency's staff, once their list was notified.
READ_ROLES = QUEUE_ROLES | {"agency_admin", "analyst"}
DECISION_ROLES = frozenset({"secondary", "supervisor"})


@require_GET
@officer_view(QUEUE_ROLES)
def alerts(request: HttpRequest) -> HttpResponse:
    actor = actor_for(request)
    points = selectors.alert_queue_points(actor.officer)
    by_code = {p.code: p for p in points}
    wanted = request.GET.get("point") or request.session.get("hudud_point", "")
    point = by_code.get(wanted) or (points[0] if points else None)
    status = request.GET.get("status", "open")
    status = status if status in Alert.Status.values else "open"
    rows = (
        watchlist_selectors.alerts_queue(actor=actor, crossing_point_code=point.code, status=status)
        if point
        else []
    )
    return render(
        request,
        "web/alerts.html",
        {
            "points": points,
            "point": point,
            "status": status,
            "alerts": rows,
            "statuses": Alert.Status.values,
        },
    )


@require_GET
@officer_view(READ_ROLES)
def alert(request: HttpRequest, alert_id: uuid.UUID) -> HttpResponse:
    actor = actor_for(request)
    detail = watchlist_selectors.alert_detail(actor=actor, alert_id=str(alert_id))
    found = detail.alert
    history = selectors.alert_history(actor=actor, alert=found)
    watchlist = found.entry.watchlist
    can_decide = (
        found.status == Alert.Status.OPEN
        and actor.officer.role in DECISION_ROLES
        and found.crossing_point in selectors.posted_points(actor.officer)
    )
    return render(
        request,
        "web/alert.html",
        {
            "alert": found,
            "entry": found.entry,
            "watchlist": watchlist,
            "comparison": comparison_of(found, actor.officer),
            "clearances": detail.clearances,
            "history": history,
            "form": AlertDecisionForm() if can_decide else None,
        },
    )


def _problem_text(code: str, message: str) -> str:
    texts = {
        "missing_field": _("Give the reason for the decision."),
        "already_decided": _("This alert was decided already."),
        "no_document": _("A clearance needs the traveller's document number."),
    }
    return str(texts.get(code, message))


def _decided(request: HttpRequest, alert_id: uuid.UUID, error: ServiceError | None) -> HttpResponse:
    if error is not None:
        for problem in error.problems:
            messages.error(request, _problem_text(problem.code, problem.message))
    return redirect("web:alert", alert_id=alert_id)


@require_POST
@officer_view(DECISION_ROLES)
def alert_confirm(request: HttpRequest, alert_id: uuid.UUID) -> HttpResponse:
    form = AlertDecisionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give the reason for the decision."))
        return redirect("web:alert", alert_id=alert_id)
    try:
        watchlist_services.alert_confirm(
            actor=actor_for(request), alert_id=str(alert_id), reason=form.cleaned_data["reason"]
        )
    except ServiceError as error:
        if error.status in (403, 404):
            raise
        return _decided(request, alert_id, error)
    messages.success(request, _("Confirmed: the owning agency is notified."))
    return _decided(request, alert_id, None)


@require_POST
@officer_view(DECISION_ROLES)
def alert_dismiss(request: HttpRequest, alert_id: uuid.UUID) -> HttpResponse:
    form = AlertDecisionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give the reason for the decision."))
        return redirect("web:alert", alert_id=alert_id)
    data = form.cleaned_data
    try:
        dismissed = watchlist_services.alert_dismiss(
            actor=actor_for(request),
            alert_id=str(alert_id),
            reason=data["reason"],
            grant_clearance=data["grant_clearance"],
            clearance_expires_on=data["clearance_expires_on"],
        )
    except ServiceError as error:
        if error.status in (403, 404):
            raise
        return _decided(request, alert_id, error)
    if dismissed.clearance is not None:
        messages.success(
            request, _("Dismissed, and the traveller's document is cleared for this entry.")
        )
    else:
        messages.success(request, _("Dismissed."))
    return _decided(request, alert_id, None)

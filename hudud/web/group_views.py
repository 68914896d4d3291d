"""Group mode (journey 1): a pilgrim bus scanned document after document; the officer sees
the exceptions, records every clean member at once, and settles each exception.

The page holds the scanned members (their MRZs and client ids) until they are recorded, so
nothing about them is stored before a decision. Client ids are derived from the group and
the document, so scanning a passport twice, or retrying "record all", records it once.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from hudud.border.checks import crossing_check
from hudud.border.documents import document_from_mrz
from hudud.border.services import group_open
from hudud.border.stays import local_day
from hudud.common.errors import ServiceError
from hudud.web import labels, selectors
from hudud.web.cards import Card, card_build
from hudud.web.forms import GroupMemberForm, GroupOpenForm, GroupScanForm
from hudud.web.http import actor_for, officer_view
from hudud.web.line_views import LINE_ROLES, line_setting
from hudud.web.problems import marked_zone, shape_problems, shown
from hudud.web.services import (
    group_member_record,
    group_members_record,
    secondary_referral_send,
)

# A bus carries at most about sixty; a form with more members is not a bus.
MAX_GROUP = 120


@require_GET
@officer_view(LINE_ROLES)
def groups(request: HttpRequest) -> HttpResponse:
    actor = actor_for(request)
    points = selectors.posted_points(actor.officer)
    point, direction = line_setting(request, points)
    recent = selectors.groups_recent(actor=actor, crossing_point_code=point.code) if point else []
    form = GroupOpenForm(initial={"point": point.code if point else "", "direction": direction})
    return render(
        request,
        "web/groups.html",
        {"points": points, "point": point, "direction": direction, "groups": recent, "form": form},
    )


@require_POST
@officer_view(LINE_ROLES)
def group_create(request: HttpRequest) -> HttpResponse:
    form = GroupOpenForm(request.POST)
    if not form.is_valid():
        return groups(request)
    data = form.cleaned_data
    group = group_open(
        actor=actor_for(request),
        crossing_point_code=data["point"],
        kind=data["kind"],
        reference=data["reference"],
    )
    request.session["hudud_direction"] = data["direction"]
    return redirect("web:group", group_id=group.pk)


@require_GET
@officer_view(LINE_ROLES)
def group(request: HttpRequest, group_id: uuid.UUID) -> HttpResponse:
    actor = actor_for(request)
    travel_group = selectors.group_for_line_work(actor=actor, group_id=group_id)
    recorded = selectors.group_crossings(actor=actor, group=travel_group)
    direction = request.session.get("hudud_direction", "entry")
    return render(
        request,
        "web/group.html",
        {"group": travel_group, "recorded": recorded, "direction": direction},
    )


@dataclass(frozen=True)
class ScannedMember:
    card: Card
    mrz: str

    @property
    def clean(self) -> bool:
        return self.card.cue == "green"

    @property
    def document_key(self) -> str:
        document = self.card.result.document
        return f"{document.issuing_state}-{document.kind}-{document.number}"


@require_POST
@officer_view(LINE_ROLES)
def group_scan(request: HttpRequest, group_id: uuid.UUID) -> HttpResponse:
    """Check one member: a clean row joins the clean list, anything else the exceptions."""
    actor = actor_for(request)
    travel_group = selectors.group_for_line_work(actor=actor, group_id=group_id)
    form = GroupScanForm(request.POST)
    mrz = request.POST.get("mrz", "")
    if not form.is_valid():
        return _scan_problem(request, ServiceError.one("invalid_value", "mrz", "empty"), mrz)
    now = timezone.now()
    try:
        document = document_from_mrz(form.cleaned_data["mrz"], today=local_day(now))
        result = crossing_check(
            actor=actor,
            crossing_point_code=travel_group.crossing_point.code,
            direction=form.cleaned_data["direction"],
            document=document,
            at=now,
        )
    except ServiceError as error:
        if error.status in (403, 404):
            raise
        return _scan_problem(request, error, mrz)
    outcome = result.watchlist
    lists = selectors.watchlist_names(
        {h.watchlist_code for h in outcome.hits} if outcome else set()
    )
    member = ScannedMember(card_build(result, local_day(now), lists), form.cleaned_data["mrz"])
    context = {
        "group": travel_group,
        "member": member,
        "direction": form.cleaned_data["direction"],
        "refusal_choices": labels.REFUSAL_REASONS.items(),
    }
    return render(request, "web/_group_scan.html", context)


def _scan_problem(request: HttpRequest, error: ServiceError, mrz: str) -> HttpResponse:
    problems = [shown(p) for p in error.problems]
    if any(p.code == "unrecognised_format" for p in error.problems):
        problems = shape_problems(mrz) or problems
    context = {"problems": problems, "zone": marked_zone(mrz, problems), "mrz": mrz}
    return render(request, "web/_problem_card.html", context)


@require_POST
@officer_view(LINE_ROLES)
def group_record(request: HttpRequest, group_id: uuid.UUID) -> HttpResponse:
    """Record every clean member the page sends (entry or exit, as scanned)."""
    actor = actor_for(request)
    travel_group = selectors.group_for_line_work(actor=actor, group_id=group_id)
    direction = request.POST.get("direction", "entry")
    zones = [z for z in request.POST.getlist("mrz") if z.strip()][:MAX_GROUP]
    outcomes = group_members_record(
        actor=actor,
        crossing_point_code=travel_group.crossing_point.code,
        group_id=travel_group.pk,
        kind="exit" if direction == "exit" else "entry",
        zones=zones,
    )
    return render(
        request, "web/_group_recorded.html", {"group": travel_group, "outcomes": outcomes}
    )


@require_POST
@officer_view(LINE_ROLES)
def group_member_act(request: HttpRequest, group_id: uuid.UUID) -> HttpResponse:
    """Settle one exception: refuse with a code, send to secondary, or record it anyway."""
    actor = actor_for(request)
    travel_group = selectors.group_for_line_work(actor=actor, group_id=group_id)
    form = GroupMemberForm(request.POST)
    if not form.is_valid():
        return _scan_problem(
            request, ServiceError.one("invalid_value", "action", "bad request"), ""
        )
    data = form.cleaned_data
    kind, _sep, reason = data["action"].partition(":")
    point = travel_group.crossing_point.code
    context: dict[str, Any] = {"group": travel_group, "kind": kind, "reason": reason}
    try:
        if kind == "secondary":
            context["referred"] = secondary_referral_send(
                actor=actor,
                crossing_point_code=point,
                alert_ids=[a for a in data["alert_ids"].split(",") if a],
                group_id=travel_group.pk,
            )
        else:
            context["recorded"] = group_member_record(
                actor=actor,
                crossing_point_code=point,
                group_id=travel_group.pk,
                kind=kind,
                mrz=data["mrz"],
                refusal_reasons=(reason,) if reason else (),
            )
    except ServiceError as error:
        if error.status in (403, 404):
            raise
        context["problems"] = [shown(p) for p in error.problems]
    if "referred" in context:
        # The row keeps saying who was sent (the zone was read a moment ago at the scan).
        context["document"] = document_from_mrz(data["mrz"], today=local_day(timezone.now()))
    return render(request, "web/_group_settled.html", context)

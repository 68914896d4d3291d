"""Reads at the border.

Lists an officer asks for directly (`overstayers_list`) take the actor, check access and audit
the read. The look-ups below them are building blocks for `checks` and `services`, which do
their own access check and audit before calling them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from django.conf import settings
from django.db.models import QuerySet

from hudud.audit.services import audit_record
from hudud.border import access
from hudud.border.documents import DocumentData
from hudud.border.models import Crossing, CrossingPoint, TravelDocument, Traveller
from hudud.border.stays import local_day
from hudud.common.actor import Actor


def crossing_points_list() -> QuerySet[CrossingPoint]:
    """Reference data: every crossing point (no personal data)."""
    return CrossingPoint.objects.select_related("authority").order_by("name_en")


def document_find(document: DocumentData) -> TravelDocument | None:
    """The stored document with this identity (issuing state, kind, number), with its holder."""
    return (
        TravelDocument.objects.select_related("traveller")
        .filter(issuing_state=document.issuing_state, kind=document.kind, number=document.number)
        .first()
    )


def traveller_recent_crossings(*, traveller: Traveller, limit: int | None = None) -> list[Crossing]:
    limit = limit or settings.HUDUD_RECENT_CROSSINGS
    return list(
        Crossing.objects.filter(traveller=traveller)
        .select_related("crossing_point", "document")
        .order_by("-occurred_at")[:limit]
    )


def traveller_refusals(*, traveller: Traveller) -> list[Crossing]:
    return list(
        Crossing.objects.filter(traveller=traveller, kind=Crossing.Kind.REFUSAL)
        .select_related("crossing_point")
        .order_by("-occurred_at")
    )


@dataclass(frozen=True)
class Overstayer:
    traveller: Traveller
    entry_date: date | None
    last_allowed_day: date
    overstay_days: int
    still_present: bool
    exit_crossing: Crossing | None


def overstayers_list(
    *, actor: Actor, as_of: date, exited_since: date | None = None
) -> list[Overstayer]:
    """Travellers inside past their last allowed day, and those who left having overstayed.

    Both halves are indexed queries on stored facts (the current stay's last allowed day,
    the overstay recorded on each exit), not a re-evaluation of every traveller.
    """
    access.ensure_can_list_overstayers(actor.officer)
    inside = Traveller.objects.filter(is_present=True, stay_last_allowed_day__lt=as_of).order_by(
        "stay_last_allowed_day"
    )
    result = [
        Overstayer(
            traveller=t,
            entry_date=t.stay_entry_date,
            last_allowed_day=t.stay_last_allowed_day,  # type: ignore[arg-type]
            overstay_days=(as_of - t.stay_last_allowed_day).days,  # type: ignore[operator]
            still_present=True,
            exit_crossing=None,
        )
        for t in inside
    ]
    exits = Crossing.objects.filter(kind=Crossing.Kind.EXIT, overstay_days__gt=0)
    if exited_since is not None:
        exits = exits.filter(occurred_at__date__gte=exited_since)
    for crossing in exits.select_related("traveller", "crossing_point").order_by("-occurred_at"):
        result.append(
            Overstayer(
                traveller=crossing.traveller,
                entry_date=None,
                last_allowed_day=local_day(crossing.occurred_at)
                - timedelta(days=crossing.overstay_days),
                overstay_days=crossing.overstay_days,
                still_present=False,
                exit_crossing=crossing,
            )
        )
    audit_record(
        actor=actor,
        action="overstayers.list",
        object_type="traveller_list",
        object_id="overstayers",
        details={"as_of": as_of.isoformat(), "count": len(result)},
    )
    return result

"""Retention of advance passenger information: flights' lists and the carriers' raw messages.

API data is collected about everyone on board, suspected of nothing, so it is kept briefly:
the EU's API Directive (2004/82/EC, art. 6) erases it 24 hours after the passengers' entry
unless a border authority needs it for its statutory functions. Hudud keeps a flight's list
for `manifest` days after its scheduled arrival (7 by default: the board's no-shows and
arrivals off the list are followed up in the first days), then erases the flight with its
travellers, changes, parts and the deliveries that carried them (the raw EDIFACT bytes).
Refused deliveries, which belong to no flight, go after the same period from receipt.

What follows a hit lives elsewhere and keeps its own periods: the alert raised at the
primary line (`alert`), the crossing (`crossing`). A legal hold on a flight keeps it whole.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Exists, OuterRef, Q

from hudud.audit.purgers import in_batches
from hudud.audit.retention import Policy, PurgeContext
from hudud.manifests.models import (
    Flight,
    ListPart,
    ManifestChange,
    ManifestTraveller,
    Submission,
)


def _erase_flights(ids: list[Any]) -> None:
    ManifestChange.objects.filter(flight_id__in=ids).delete()
    ManifestTraveller.objects.filter(flight_id__in=ids).delete()
    ListPart.objects.filter(flight_id__in=ids).delete()
    # A delivery goes with its flight unless another flight's list still refers to it; then it
    # stays, detached from the flight that goes.
    delivered = Submission.objects.filter(flight_id__in=ids)
    delivered.filter(_still_referenced()).update(flight=None)
    delivered.delete()
    Flight.objects.filter(pk__in=ids).delete()


def _still_referenced() -> Q:
    mine = {"submission": OuterRef("pk")}
    return (
        Q(Exists(ListPart.objects.filter(**mine)))
        | Q(Exists(ManifestTraveller.objects.filter(**mine)))
        | Q(Exists(ManifestChange.objects.filter(**mine)))
    )


def purge_manifests(context: PurgeContext, days: int) -> int:
    """Flights that arrived more than `days` ago, with everything of their lists."""
    rows = Flight.objects.filter(scheduled_arrival__lt=context.cutoff(days)).exclude(
        pk__in=context.held.ids("flight")
    )
    return in_batches(rows, _erase_flights, context.dry_run)


def purge_refused_deliveries(context: PurgeContext, days: int) -> int:
    """Deliveries that made no flight (refused, or unreadable), `days` after receipt."""
    rows = (
        Submission.objects.filter(flight__isnull=True, received_at__lt=context.cutoff(days))
        .exclude(pk__in=context.held.ids("submission"))
        .exclude(_still_referenced())
    )
    return in_batches(
        rows, lambda ids: Submission.objects.filter(pk__in=ids).delete(), context.dry_run
    )


POLICIES = [
    Policy(
        "manifest",
        7,
        "a flight's passenger list and the carrier's messages, 7 days after arrival (EU API "
        "Directive: 24 hours after entry)",
        purge_manifests,
    ),
    Policy(
        "manifest_refused",
        7,
        "carriers' deliveries refused or unreadable, 7 days after receipt",
        purge_refused_deliveries,
    ),
]

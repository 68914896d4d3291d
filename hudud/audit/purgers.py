"""The built-in retention policies and their purgers, in the order they run.

They erase the border and watchlist records (whose apps predate the retention hook; each
could move into its app's `retention.py`), failed logins, and old audit events. A purger
never erases what a legal hold, or an open alert, keeps: holds on a traveller keep their
whole file, holds on a single record keep that record. Deletes run in batches, each in its
own transaction, so a purge of millions of rows never holds one long lock.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

from django.db import transaction
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from hudud.agencies.throttle import login_failures_purge
from hudud.audit.models import AuditCheckpoint, AuditEvent
from hudud.audit.retention import Policy, PurgeContext
from hudud.border.models import Crossing, Permit, TravelDocument, TravelGroup, Traveller, Vehicle
from hudud.watchlists.models import Alert, Clearance, Notification

BATCH = 2000


def in_batches(rows: QuerySet[Any], erase: Callable[[list[Any]], object], dry_run: bool) -> int:
    """Erase `rows` a batch at a time, each batch in its own transaction (apps' purgers use
    it too); in a dry run, only count them."""
    if dry_run:
        return rows.count()
    done = 0
    while ids := list(rows.values_list("pk", flat=True)[:BATCH]):
        with transaction.atomic():
            erase(ids)
        done += len(ids)
    return done


def _overstayers(context: PurgeContext) -> Q:
    """Crossings of travellers with an overstay on record, or overstaying now: their file
    follows the overstayer retention (EES: 5 years) instead of the crossings' 3 years."""
    overstays = Crossing.objects.filter(traveller=OuterRef("traveller"), overstay_days__gt=0)
    today = timezone.localdate(context.now)
    overstaying = Q(traveller__is_present=True, traveller__stay_last_allowed_day__lt=today)
    return Q(Exists(overstays)) | overstaying


def _crossings(context: PurgeContext, days: int, *, overstayers: bool) -> int:
    rows = Crossing.objects.filter(occurred_at__lt=context.cutoff(days))
    rows = rows.exclude(traveller_id__in=context.held.ids("traveller"))
    rows = rows.exclude(pk__in=context.held.ids("crossing"))
    rows = (
        rows.filter(_overstayers(context)) if overstayers else rows.exclude(_overstayers(context))
    )
    return in_batches(rows, _erase_crossings, context.dry_run)


def _erase_crossings(ids: list[Any]) -> None:
    Crossing.objects.filter(pk__in=ids).delete()


def purge_crossings(context: PurgeContext, days: int) -> int:
    return _crossings(context, days, overstayers=False)


def purge_overstayer_crossings(context: PurgeContext, days: int) -> int:
    return _crossings(context, days, overstayers=True)


def purge_groups(context: PurgeContext, days: int) -> int:
    used = Crossing.objects.filter(group=OuterRef("pk"))
    rows = TravelGroup.objects.filter(opened_at__lt=context.cutoff(days)).exclude(Exists(used))
    return in_batches(
        rows, lambda ids: TravelGroup.objects.filter(pk__in=ids).delete(), context.dry_run
    )


def purge_vehicles(context: PurgeContext, days: int) -> int:
    """A plate can name a person: a vehicle no crossing or group refers to any more goes."""
    rows = Vehicle.objects.exclude(Exists(Crossing.objects.filter(vehicle=OuterRef("pk")))).exclude(
        Exists(TravelGroup.objects.filter(vehicle=OuterRef("pk")))
    )
    return in_batches(
        rows, lambda ids: Vehicle.objects.filter(pk__in=ids).delete(), context.dry_run
    )


def purge_clearances(context: PurgeContext, days: int) -> int:
    ended = context.cutoff(days)
    rows = Clearance.objects.filter(
        Q(expires_on__lt=ended.date()) | Q(revoked_at__lt=ended)
    ).exclude(traveller_id__in=context.held.ids("traveller"))
    return in_batches(
        rows, lambda ids: Clearance.objects.filter(pk__in=ids).delete(), context.dry_run
    )


def _erase_alerts(ids: list) -> None:
    Notification.objects.filter(alert_id__in=ids).delete()
    Alert.objects.filter(pk__in=ids).delete()


def purge_alerts(context: PurgeContext, days: int) -> int:
    rows = (
        Alert.objects.exclude(status=Alert.Status.OPEN)
        .filter(decided_at__lt=context.cutoff(days))
        .exclude(traveller_id__in=context.held.ids("traveller"))
        .exclude(pk__in=context.held.ids("alert"))
        .exclude(Exists(Clearance.objects.filter(alert=OuterRef("pk"))))
    )
    return in_batches(rows, _erase_alerts, context.dry_run)


def _erase_travellers(ids: list) -> None:
    Permit.objects.filter(traveller_id__in=ids).delete()
    TravelDocument.objects.filter(traveller_id__in=ids).delete()
    Traveller.objects.filter(pk__in=ids).delete()


def purge_travellers(context: PurgeContext, days: int) -> int:
    """A traveller's file goes when nothing of theirs is left to keep: no crossing, alert or
    clearance, no permit still valid, not inside the country, not held."""
    mine = {"traveller": OuterRef("pk")}
    rows = (
        Traveller.objects.filter(created_at__lt=context.cutoff(days), is_present=False)
        .exclude(pk__in=context.held.ids("traveller"))
        .exclude(Exists(Crossing.objects.filter(**mine)))
        .exclude(Exists(Alert.objects.filter(**mine)))
        .exclude(Exists(Clearance.objects.filter(**mine)))
        .exclude(
            Exists(Permit.objects.filter(valid_until__gte=timezone.localdate(context.now), **mine))
        )
    )
    return in_batches(rows, _erase_travellers, context.dry_run)


def purge_login_failures(context: PurgeContext, days: int) -> int:
    if context.dry_run:
        from hudud.agencies.models import LoginFailure

        return LoginFailure.objects.filter(at__lt=context.cutoff(days)).count()
    return login_failures_purge(older_than_days=days)


def purge_audit_events(context: PurgeContext, days: int) -> int:
    """Cut the chain's oldest part: a checkpoint records where, so the rest still verifies.

    Events about a held record are evidence: the cut stops before the first of them."""
    older = AuditEvent.objects.filter(occurred_at__lt=context.cutoff(days))
    kept = AuditEvent.objects.filter(occurred_at__gte=context.cutoff(days))
    first_kept = kept.order_by("sequence").values_list("sequence", flat=True).first()
    for object_type, ids in context.held.by_type.items():
        evidence = older.filter(object_type=object_type, object_id__in=ids)
        first = evidence.order_by("sequence").values_list("sequence", flat=True).first()
        if first is not None:
            first_kept = min(first_kept or first, first)
    cut = older.filter(sequence__lt=first_kept) if first_kept else older
    last = cut.order_by("-sequence").first()
    if last is None or context.dry_run:
        return cut.count()
    with transaction.atomic():
        count = cut.count()
        AuditCheckpoint.objects.create(
            sequence=last.sequence,
            hash=last.hash,
            purged_events=count,
            oldest_kept_at=context.now - timedelta(days=days),
        )
        AuditEvent.objects.filter(sequence__lte=last.sequence).delete()
    return count


POLICIES = [
    Policy("crossing", 3 * 365, "crossings, 3 years after they happened (EES)", purge_crossings),
    Policy(
        "overstayer",
        5 * 365,
        "an overstayer's crossings, 5 years (EES); kept while they overstay",
        purge_overstayer_crossings,
    ),
    Policy("travel_group", 3 * 365, "travel groups, once no crossing refers to them", purge_groups),
    Policy("vehicle", 0, "vehicles, once no crossing or group refers to them", purge_vehicles),
    Policy(
        "clearance", 365, "clearances, a year after they expired or were revoked", purge_clearances
    ),
    Policy("alert", 5 * 365, "decided alerts and their notifications, 5 years", purge_alerts),
    Policy(
        "traveller",
        3 * 365,
        "the traveller's file and documents, once nothing of theirs is kept (EES: 3 years and "
        "a day after the last exit)",
        purge_travellers,
    ),
    Policy(
        "login_failure",
        30,
        "failed logins, 30 days (throttling needs minutes)",
        purge_login_failures,
    ),
    Policy(
        "audit_event",
        7 * 365,
        "the audit trail, 7 years: longer than any record it speaks of (checkpointed)",
        purge_audit_events,
    ),
]

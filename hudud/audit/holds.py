"""Legal holds: records that retention must keep while a case is open or a court asks.

Any app holds a record by type and id (`legal_hold_place(object_type="traveller", ...)`),
as a case opens, and releases it as the case closes. A hold on a traveller keeps their whole
file. Alerts still open count as holds on their traveller without a row here (`held`).
Placing and releasing are audited, with the reason.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from hudud.audit.models import LegalHold
from hudud.audit.services import audit_record, audit_record_system
from hudud.common.actor import Actor
from hudud.common.errors import NotFound, ServiceError


def _audit(action: str, hold: LegalHold, reason: str, actor: Actor | None, operator: str) -> None:
    details = {"hold_id": hold.pk, "case_reference": hold.case_reference}
    if actor is not None:
        audit_record(
            actor=actor,
            action=action,
            object_type=hold.object_type,
            object_id=hold.object_id,
            reason=reason,
            details=details,
        )
    else:
        audit_record_system(
            username=operator or "system",
            action=action,
            object_type=hold.object_type,
            object_id=hold.object_id,
            reason=reason,
            details=details,
        )


def legal_hold_place(
    *,
    object_type: str,
    object_id: str,
    reason: str,
    case_reference: str = "",
    actor: Actor | None = None,
    operator: str = "",
) -> LegalHold:
    """Keep `object_type` `object_id` past its retention until the hold is released.

    `actor` is the officer placing it (a case worker opening a case); `operator` names an
    operator's command when there is no officer.
    """
    if not reason.strip():
        raise ServiceError.one("required", "reason", "a legal hold needs its reason")
    with transaction.atomic():
        hold = LegalHold.objects.create(
            object_type=object_type,
            object_id=str(object_id),
            reason=reason.strip(),
            case_reference=case_reference.strip(),
            placed_by=actor.officer.user if actor else None,
            placed_at=timezone.now(),
        )
        _audit("legal_hold.place", hold, hold.reason, actor, operator)
    return hold


def legal_hold_release(
    *, hold_id: int, reason: str, actor: Actor | None = None, operator: str = ""
) -> LegalHold:
    """The case is closed: the record's ordinary retention applies again."""
    if not reason.strip():
        raise ServiceError.one("required", "reason", "say why the hold is released")
    with transaction.atomic():
        hold = LegalHold.objects.select_for_update().filter(pk=hold_id).first()
        if hold is None:
            raise NotFound("hold_id", f"no legal hold {hold_id}")
        if hold.released_at is None:
            hold.released_at = timezone.now()
            hold.released_by = actor.officer.user if actor else None
            hold.release_reason = reason.strip()
            hold.save(update_fields=["released_at", "released_by", "release_reason"])
            _audit("legal_hold.release", hold, hold.release_reason, actor, operator)
    return hold


def legal_holds_in_force() -> QuerySet[LegalHold]:
    return LegalHold.objects.filter(released_at__isnull=True).order_by("placed_at")


@dataclass(frozen=True)
class Held:
    """What retention must keep now: explicit holds by type, and travellers held by a hold
    on them or by an open alert about them."""

    by_type: dict[str, frozenset[str]] = field(default_factory=dict)

    def ids(self, object_type: str) -> frozenset[str]:
        return self.by_type.get(object_type, frozenset())


def held() -> Held:
    from hudud.watchlists.models import Alert  # an app's model, read to honour open alerts

    by_type: dict[str, set[str]] = {}
    for object_type, object_id in legal_holds_in_force().values_list("object_type", "object_id"):
        by_type.setdefault(object_type, set()).add(object_id)
    open_alerts = Alert.objects.filter(status=Alert.Status.OPEN, traveller__isnull=False)
    travellers = by_type.setdefault("traveller", set())
    travellers.update(str(t) for t in open_alerts.values_list("traveller_id", flat=True))
    return Held({k: frozenset(v) for k, v in by_type.items()})

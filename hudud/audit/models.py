"""The audit trail: who did or saw what, to which record, when, from where and why.

Events form a hash chain (decision in docs/security.md): each stores its position
(`sequence`), the previous event's hash and its own hash over a canonical serialisation of
its content, so a changed, deleted, inserted or reordered event shows up in `hudud audit
verify`. `AuditChainHead` holds the last position and hash (the row writers lock), and
`AuditCheckpoint` records where the chain was cut when old events were purged.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models


class AuditEvent(models.Model):
    """One audited action. Rows are only ever inserted (see `save` and `delete`)."""

    sequence = models.BigIntegerField(unique=True)
    occurred_at = models.DateTimeField(db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    # Snapshots, so the event still reads right if the account or its agency changes later.
    actor_username = models.CharField(max_length=150)
    agency_code = models.CharField(max_length=40, blank=True)
    action = models.CharField(max_length=60, db_index=True)
    object_type = models.CharField(max_length=60)
    object_id = models.CharField(max_length=64, db_index=True)
    crossing_point_code = models.CharField(max_length=40, blank=True)
    source_ip = models.GenericIPAddressField(null=True, blank=True)
    reason = models.TextField(blank=True)
    details = models.JSONField(default=dict, blank=True)
    prev_hash = models.CharField(max_length=64, blank=True)
    hash = models.CharField(max_length=64, blank=True)

    class Meta:
        ordering = ["id"]
        indexes = [models.Index(fields=["object_type", "object_id", "occurred_at"])]

    def __str__(self) -> str:
        return f"{self.occurred_at:%Y-%m-%d %H:%M:%S} {self.actor_username} {self.action}"

    def save(self, *args: object, **kwargs: object) -> None:
        if self.pk is not None:
            raise PermissionError("audit events are append-only")
        super().save(*args, **kwargs)

    def delete(self, *args: object, **kwargs: object) -> tuple[int, dict[str, int]]:
        raise PermissionError("audit events are append-only")


class AuditChainHead(models.Model):
    """The chain's last position and hash: one row, locked by every writer.

    Locking it serialises appends (two events can never claim the same position) and lets
    `verify` notice events cut from the end of the chain, which no link would reveal. A
    database trigger moves it on every insert of an event (migration 0003), which saves
    every audited action a statement.
    """

    sequence = models.BigIntegerField(default=0)
    hash = models.CharField(max_length=64)

    def __str__(self) -> str:
        return f"audit head {self.sequence} {self.hash[:12]}"


class AuditCheckpoint(models.Model):
    """The chain was cut here: events up to `sequence` were purged by the audit retention.

    The first remaining event links to `hash`, so what is left still verifies.
    """

    sequence = models.BigIntegerField(unique=True)
    hash = models.CharField(max_length=64)
    purged_events = models.BigIntegerField()
    oldest_kept_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["sequence"]

    def __str__(self) -> str:
        return f"audit checkpoint {self.sequence}"


class LegalHold(models.Model):
    """A record that retention must not erase while the hold stands (an open case, a court
    order). Any app points at its record by type and id, as audit events do; a hold on a
    traveller covers their whole file (documents, crossings, permits, alerts)."""

    object_type = models.CharField(max_length=60)
    object_id = models.CharField(max_length=64)
    reason = models.TextField()
    case_reference = models.CharField(max_length=80, blank=True)
    placed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    placed_at = models.DateTimeField()
    released_at = models.DateTimeField(null=True, blank=True)
    released_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    release_reason = models.TextField(blank=True)

    class Meta:
        indexes = [models.Index(fields=["object_type", "object_id"])]

    def __str__(self) -> str:
        state = "released" if self.released_at else "held"
        return f"{self.object_type} {self.object_id} ({state})"

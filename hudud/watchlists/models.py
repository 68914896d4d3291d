"""Watchlists, their entries and imports, and what screening raises: alerts, clearances and
notifications to the agency that owns a list.

A watchlist is owned by one agency, which answers for it under a legal basis and says what a
border officer does on a hit (arrest, refuse entry, inform the owner, monitor). Entries are
never deleted: a removal is a timestamp, so an alert raised last year still shows the entry
that fired. Every change to an entry takes the next value of one global sequence (`revision`),
which is how each process's screening index learns what changed since it last looked.
"""

from __future__ import annotations

import uuid

from django.db import models

from hudud.agencies.models import Agency, Officer
from hudud.border.models import CrossingPoint, Traveller


class Watchlist(models.Model):
    """A named list of people or documents, owned by an agency."""

    class Kind(models.TextChoices):
        WANTED_PERSONS = "wanted_persons", "Wanted persons"
        ENTRY_BAN = "entry_ban", "Entry ban"
        LOST_STOLEN_DOCUMENTS = "lost_stolen_documents", "Lost and stolen travel documents"
        MISSING_CHILDREN = "missing_children", "Missing children"
        INTERNATIONAL = "international", "International list"

    class Action(models.TextChoices):
        ARREST = "arrest", "Arrest"
        REFUSE_ENTRY = "refuse_entry", "Refuse entry"
        INFORM_OWNER = "inform_owner", "Inform the owning agency"
        MONITOR = "monitor", "Monitor (let pass, report)"

    code = models.SlugField(max_length=40, unique=True)
    name_en = models.CharField(max_length=200)
    name_ar = models.CharField(max_length=200)
    kind = models.CharField(max_length=30, choices=Kind.choices)
    owner = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="watchlists")
    legal_basis = models.CharField(max_length=300)
    action = models.CharField(max_length=20, choices=Action.choices)
    # The score at or above which a match raises an alert (the engine's scores are in [0, 1]).
    threshold = models.FloatField()
    valid_from = models.DateField(null=True, blank=True)
    valid_until = models.DateField(null=True, blank=True)
    active = models.BooleanField(default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["code"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(threshold__gte=0, threshold__lte=1),
                name="watchlist_threshold_in_unit_range",
            )
        ]

    def __str__(self) -> str:
        return self.name_en


class EntrySequence(models.Model):
    """One row holding the last revision handed out to a watchlist entry.

    Writers lock this row for the rest of their transaction, so revisions become visible in
    the order they were handed out: a reader that sees revision n has seen every revision
    below n. That is what lets an index apply "everything above my revision" safely.
    """

    last = models.BigIntegerField(default=0)

    def __str__(self) -> str:
        return f"entry revision {self.last}"


class WatchlistEntry(models.Model):
    """A listed person or document. `names` is a list of {"name", "script", "kind", "quality"}."""

    class Origin(models.TextChoices):
        IMPORT = "import", "Imported from the list's source"
        MANUAL = "manual", "Added by hand"

    watchlist = models.ForeignKey(Watchlist, on_delete=models.PROTECT, related_name="entries")
    source_id = models.CharField(max_length=100)
    origin = models.CharField(max_length=6, choices=Origin.choices)
    names = models.JSONField(default=list)
    # Lower-case names joined, for the entry search (names in JSON are not searchable alike on
    # SQLite and PostgreSQL).
    search_text = models.TextField(blank=True)
    birth_dates = models.JSONField(default=list)  # "YYYY-MM-DD", "YYYY-MM" or "YYYY"
    nationalities = models.JSONField(default=list)  # ISO alpha-3
    sex = models.CharField(max_length=1, blank=True)
    documents = models.JSONField(default=list)  # [{"number", "issuing_state", "kind"}]
    listed_on = models.DateField(null=True, blank=True)
    expires_on = models.DateField(null=True, blank=True)
    details = models.JSONField(default=dict, blank=True)  # comments, list type, source extras
    content_hash = models.CharField(max_length=64)
    revision = models.BigIntegerField(db_index=True)
    removed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name_plural = "watchlist entries"
        constraints = [
            models.UniqueConstraint(
                fields=["watchlist", "source_id"], name="watchlist_entry_source_unique"
            )
        ]

    def __str__(self) -> str:
        first = self.names[0]["name"] if self.names else self.source_id
        return f"{self.watchlist.code}/{self.source_id} {first}"

    @property
    def primary_name(self) -> str:
        return str(self.names[0]["name"]) if self.names else ""


class ImportRun(models.Model):
    """One import of a list file: who, when, which file, and what it changed."""

    watchlist = models.ForeignKey(Watchlist, on_delete=models.PROTECT, related_name="imports")
    officer = models.ForeignKey(Officer, on_delete=models.PROTECT, related_name="+")
    imported_at = models.DateTimeField(auto_now_add=True)
    file_name = models.CharField(max_length=255)
    file_format = models.CharField(max_length=10)
    sha256 = models.CharField(max_length=64)
    generated_on = models.CharField(max_length=40, blank=True)  # as the file states it
    added = models.PositiveIntegerField(default=0)
    changed = models.PositiveIntegerField(default=0)
    removed = models.PositiveIntegerField(default=0)
    unchanged = models.PositiveIntegerField(default=0)
    warnings = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["-imported_at"]

    def __str__(self) -> str:
        return f"{self.watchlist.code} {self.file_name} {self.imported_at:%Y-%m-%d}"


class Alert(models.Model):
    """A possible match raised at a check, waiting for (or after) secondary inspection.

    The screened identity is kept as it was at the check (`subject`), beside the traveller
    record when there is one: the decision is about what the officer saw.
    """

    class Status(models.TextChoices):
        OPEN = "open", "Open"
        CONFIRMED = "confirmed", "Confirmed"
        DISMISSED = "dismissed", "Dismissed"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    entry = models.ForeignKey(WatchlistEntry, on_delete=models.PROTECT, related_name="alerts")
    traveller = models.ForeignKey(
        Traveller, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    # "IRN:K12345678" (issuing state and number) or "traveller:<uuid>": one open alert per
    # subject and entry, however often the same person is screened.
    subject_key = models.CharField(max_length=80)
    subject = models.JSONField()  # surname, given_names, name_ar, birth_date, nationality, sex
    document_number = models.CharField(max_length=30, blank=True)
    document_issuing_state = models.CharField(max_length=3, blank=True)
    score = models.FloatField()
    explanation = models.JSONField(default=dict)
    crossing_point = models.ForeignKey(CrossingPoint, on_delete=models.PROTECT, related_name="+")
    raised_by = models.ForeignKey(Officer, on_delete=models.PROTECT, related_name="+")
    raised_at = models.DateTimeField()
    last_seen_at = models.DateTimeField()
    times_seen = models.PositiveIntegerField(default=1)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN)
    decided_by = models.ForeignKey(
        Officer, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_reason = models.TextField(blank=True)

    class Meta:
        ordering = ["-raised_at"]
        indexes = [models.Index(fields=["crossing_point", "status", "raised_at"])]
        constraints = [
            models.UniqueConstraint(
                fields=["subject_key", "entry"],
                condition=models.Q(status="open"),
                name="alert_one_open_per_subject_and_entry",
            ),
            models.CheckConstraint(
                condition=models.Q(status="open")
                | (models.Q(decided_at__isnull=False) & ~models.Q(decision_reason="")),
                name="alert_decision_has_time_and_reason",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_status_display()} alert {self.subject_key} / {self.entry_id}"


class Clearance(models.Model):
    """This traveller (by document) is not that entry: the hit is suppressed until expiry.

    It holds for the entry as it was when granted (`entry_hash`): if the list changes the
    entry, the officer must look again.
    """

    entry = models.ForeignKey(WatchlistEntry, on_delete=models.PROTECT, related_name="clearances")
    entry_hash = models.CharField(max_length=64)
    document_number = models.CharField(max_length=30)
    document_issuing_state = models.CharField(max_length=3)
    traveller = models.ForeignKey(
        Traveller, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    alert = models.ForeignKey(
        Alert, null=True, blank=True, on_delete=models.PROTECT, related_name="clearances"
    )
    granted_by = models.ForeignKey(Officer, on_delete=models.PROTECT, related_name="+")
    granted_at = models.DateTimeField()
    reason = models.TextField()
    expires_on = models.DateField()
    revoked_at = models.DateTimeField(null=True, blank=True)
    revoked_by = models.ForeignKey(
        Officer, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    revoke_reason = models.TextField(blank=True)

    class Meta:
        ordering = ["-granted_at"]
        indexes = [models.Index(fields=["document_issuing_state", "document_number"])]

    def __str__(self) -> str:
        return f"{self.document_issuing_state} {self.document_number} is not {self.entry_id}"


class Notification(models.Model):
    """A confirmed hit, told to the agency that owns the list."""

    alert = models.OneToOneField(Alert, on_delete=models.PROTECT, related_name="notification")
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="+")
    watchlist = models.ForeignKey(Watchlist, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField()
    acknowledged_at = models.DateTimeField(null=True, blank=True)
    acknowledged_by = models.ForeignKey(
        Officer, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.agency.code}: {self.alert}"

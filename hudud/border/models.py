"""Crossing points, travellers, their documents and permits, and the crossings themselves.

The shape follows what the EU Entry/Exit System records: per traveller an identity and the
documents seen; per crossing its time, place, direction and officer; a refusal of entry with
its reason codes. Travellers are identified by their documents: the same passport seen again
is the same traveller.
"""

from __future__ import annotations

import uuid

from django.core.exceptions import ValidationError
from django.db import models

from hudud.agencies.models import Agency, Officer
from hudud.core import stay as core_stay


class CrossingPoint(models.Model):
    """A border crossing point (BCP): a land crossing, an airport, or a sea or river port."""

    class Kind(models.TextChoices):
        LAND = "land", "Land crossing"
        AIR = "air", "Airport"
        SEA = "sea", "Seaport"
        RIVER = "river", "River port"

    class Status(models.TextChoices):
        OPERATIONAL = "operational", "Operational"
        RESTRICTED = "restricted", "Restricted"
        CLOSED = "closed", "Closed"
        PLANNED = "planned", "Planned"

    code = models.SlugField(max_length=40, unique=True)
    name_en = models.CharField(max_length=120)
    name_ar = models.CharField(max_length=120)
    kind = models.CharField(max_length=10, choices=Kind.choices)
    status = models.CharField(max_length=12, choices=Status.choices)
    # ISO 3166 alpha-3 of the country across a land border; blank for air and sea ports.
    neighbour_country = models.CharField(max_length=3, blank=True)
    neighbour_crossing = models.CharField(max_length=120, blank=True)
    governorate = models.CharField(max_length=60)
    iata_code = models.CharField(max_length=3, blank=True)
    authority = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="+")
    latitude = models.DecimalField(max_digits=8, decimal_places=5)
    longitude = models.DecimalField(max_digits=8, decimal_places=5)

    class Meta:
        ordering = ["name_en"]

    def __str__(self) -> str:
        return self.name_en


class Lane(models.Model):
    """A booth or lane at a crossing point where an officer processes travellers."""

    class Kind(models.TextChoices):
        PEDESTRIAN = "pedestrian", "Pedestrian"
        VEHICLE = "vehicle", "Vehicle"
        BUS = "bus", "Bus and groups"
        TRUCK = "truck", "Freight"
        DESK = "desk", "Airport desk"
        DIPLOMATIC = "diplomatic", "Diplomatic and crew"

    crossing_point = models.ForeignKey(
        CrossingPoint, on_delete=models.CASCADE, related_name="lanes"
    )
    code = models.CharField(max_length=20)
    kind = models.CharField(max_length=12, choices=Kind.choices)
    direction = models.CharField(
        max_length=5, choices=[("entry", "Entry"), ("exit", "Exit"), ("both", "Both")]
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["crossing_point", "code"], name="lane_code_unique")
        ]
        ordering = ["crossing_point", "code"]

    def __str__(self) -> str:
        return f"{self.crossing_point.code}/{self.code}"


class PostingQuerySet(models.QuerySet["Posting"]):
    def of(self, officer: Officer) -> PostingQuerySet:
        """Where `officer` works, as far as this request may act: their postings, narrowed to
        the crossing points the API token in use is bound to (a crossing point's node), if
        it is bound. Every access helper asks this, never `filter(officer=...)` itself."""
        postings = self.filter(officer=officer)
        bound = getattr(officer, "token_points", None)
        if bound is not None:
            postings = postings.filter(crossing_point__code__in=sorted(bound))
        return postings


class Posting(models.Model):
    """An officer's assignment to a crossing point: where they may record crossings."""

    officer = models.ForeignKey(Officer, on_delete=models.CASCADE, related_name="postings")
    crossing_point = models.ForeignKey(CrossingPoint, on_delete=models.CASCADE, related_name="+")

    objects = PostingQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["officer", "crossing_point"], name="posting_unique")
        ]

    def __str__(self) -> str:
        return f"{self.officer} at {self.crossing_point}"


class Traveller(models.Model):
    """A person seen at the border, with names in Latin (as in the MRZ) and Arabic script."""

    class Sex(models.TextChoices):
        FEMALE = "F", "Female"
        MALE = "M", "Male"
        UNSPECIFIED = "X", "Unspecified"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    surname = models.CharField(max_length=120, db_index=True)
    given_names = models.CharField(max_length=120, blank=True)
    name_ar = models.CharField("name in Arabic script", max_length=200, blank=True)
    birth_date = models.DateField(null=True, blank=True, db_index=True)
    # As printed (YYMMDD) when the century could not be known from the document alone.
    birth_date_raw = models.CharField(max_length=6, blank=True)
    sex = models.CharField(max_length=1, choices=Sex.choices, default=Sex.UNSPECIFIED)
    nationality = models.CharField(max_length=3, db_index=True)
    created_at = models.DateTimeField(auto_now_add=True)
    # The current stay, kept up to date by the crossing services so that "who is inside" and
    # "who has overstayed" are indexed queries, not a scan of every traveller's history.
    is_present = models.BooleanField(default=False)
    stay_entry_date = models.DateField(null=True, blank=True)
    stay_last_allowed_day = models.DateField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["is_present", "stay_last_allowed_day"])]

    def __str__(self) -> str:
        return f"{self.surname}, {self.given_names}".strip(", ")


class TravelDocument(models.Model):
    """A travel document as read from its machine-readable zone."""

    traveller = models.ForeignKey(Traveller, on_delete=models.PROTECT, related_name="documents")
    # First letter of the ICAO document code: P passport, I/A/C identity and other cards,
    # V visa. The full code (PN, ID, IR, ...) is kept beside it.
    kind = models.CharField(max_length=1)
    document_code = models.CharField(max_length=2)
    number = models.CharField(max_length=30)
    issuing_state = models.CharField(max_length=3)
    nationality = models.CharField(max_length=3)
    expiry_date = models.DateField(null=True, blank=True)
    first_seen_at = models.DateTimeField(auto_now_add=True)
    last_seen_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["issuing_state", "kind", "number"], name="document_identity_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.document_code} {self.issuing_state} {self.number}"


class Permit(models.Model):
    """A visa or residence permit that authorises a stay."""

    class Kind(models.TextChoices):
        VISA = "visa", "Visa"
        VISA_ON_ARRIVAL = "visa_on_arrival", "Visa on arrival"
        RESIDENCE = "residence", "Residence permit"

    traveller = models.ForeignKey(Traveller, on_delete=models.PROTECT, related_name="permits")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    number = models.CharField(max_length=30)
    issued_by = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="+")
    valid_from = models.DateField()
    valid_until = models.DateField()
    # Days allowed per entry (visas); null for residence permits, which cover their whole term.
    max_stay_days = models.PositiveIntegerField(null=True, blank=True)
    entries_allowed = models.PositiveIntegerField(null=True, blank=True, help_text="null: multiple")
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["issued_by", "kind", "number"], name="permit_unique")
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.number}"


class StayRule(models.Model):
    """What stay a nationality gets without a visa or permit (reference configuration).

    `nationality` "*" is the default. The policy is the `hudud.core.stay` policy object, e.g.
    {"kind": "per_entry", "max_days": 30} or {"kind": "rolling", "max_days": 90,
    "window_days": 180}; {"kind": "unlimited"} for citizens.
    """

    nationality = models.CharField(max_length=3, unique=True)
    policy = models.JSONField()
    legal_basis = models.CharField(max_length=200, blank=True)

    def __str__(self) -> str:
        return f"{self.nationality}: {self.policy}"

    def read_policy(self) -> tuple[core_stay.Policy | None, list[core_stay.Issue]]:
        """The rule as a `hudud.core.stay` policy, or None with the problems found.

        "unlimited" is read here: the core keeps it out of the `hudud stay` contract."""
        if isinstance(self.policy, dict) and self.policy.get("kind") == "unlimited":
            return core_stay.Unlimited(), []
        return core_stay.parse_policy(self.policy)

    def clean(self) -> None:
        policy, issues = self.read_policy()
        if policy is None:
            raise ValidationError({"policy": [f"{i.field}: {i.message}" for i in issues]})


class Vehicle(models.Model):
    """A vehicle that crossed with its occupants (a car, a pilgrim bus, a truck)."""

    class Kind(models.TextChoices):
        CAR = "car", "Car"
        BUS = "bus", "Bus"
        TRUCK = "truck", "Truck"
        OTHER = "other", "Other"

    plate = models.CharField(max_length=20)
    registration_country = models.CharField(max_length=3)
    kind = models.CharField(max_length=10, choices=Kind.choices)
    description = models.CharField(max_length=120, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["registration_country", "plate"], name="vehicle_plate_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.registration_country} {self.plate}"


class TravelGroup(models.Model):
    """Travellers processed together: a pilgrim bus, a tour, a delegation."""

    class Kind(models.TextChoices):
        PILGRIM_BUS = "pilgrim_bus", "Pilgrim bus"
        TOUR = "tour", "Tour group"
        DELEGATION = "delegation", "Delegation"
        CREW = "crew", "Crew"
        OTHER = "other", "Other"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    reference = models.CharField(max_length=60, blank=True)
    crossing_point = models.ForeignKey(CrossingPoint, on_delete=models.PROTECT, related_name="+")
    vehicle = models.ForeignKey(Vehicle, null=True, blank=True, on_delete=models.PROTECT)
    opened_by = models.ForeignKey(Officer, on_delete=models.PROTECT, related_name="+")
    opened_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.reference}".strip()


class RefusalReason(models.TextChoices):
    """Reasons for refusal of entry, as coded in the EU Entry/Exit System."""

    A = "A", "No valid travel document"
    B = "B", "False, counterfeit or forged travel document"
    C = "C", "No valid visa or residence permit"
    D = "D", "False visa or residence permit"
    E = "E", "No documents justifying the purpose and conditions of stay"
    F = "F", "The authorised stay has already been used"
    G = "G", "Insufficient means of subsistence"
    H = "H", "An alert for refusal of entry"
    I = (  # noqa: E741 - the EES code is the letter I
        "I",
        "A threat to public policy, internal security, public health or international relations",
    )


class Crossing(models.Model):
    """One traveller crossing (or being refused at) a crossing point, seen by an officer."""

    class Kind(models.TextChoices):
        ENTRY = "entry", "Entry"
        EXIT = "exit", "Exit"
        REFUSAL = "refusal", "Refusal of entry"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    # Supplied by the client so a retry after a lost reply finds this record instead of making
    # a second one.
    client_id = models.UUIDField(unique=True)
    kind = models.CharField(max_length=7, choices=Kind.choices)
    traveller = models.ForeignKey(Traveller, on_delete=models.PROTECT, related_name="crossings")
    document = models.ForeignKey(TravelDocument, on_delete=models.PROTECT, related_name="+")
    crossing_point = models.ForeignKey(CrossingPoint, on_delete=models.PROTECT, related_name="+")
    lane = models.ForeignKey(Lane, null=True, blank=True, on_delete=models.PROTECT)
    officer = models.ForeignKey(Officer, on_delete=models.PROTECT, related_name="+")
    permit = models.ForeignKey(Permit, null=True, blank=True, on_delete=models.PROTECT)
    group = models.ForeignKey(
        TravelGroup, null=True, blank=True, on_delete=models.PROTECT, related_name="crossings"
    )
    vehicle = models.ForeignKey(Vehicle, null=True, blank=True, on_delete=models.PROTECT)
    occurred_at = models.DateTimeField()
    recorded_at = models.DateTimeField(auto_now_add=True)
    # Refusal reason codes (A-I), e.g. "AC"; blank unless kind is refusal.
    refusal_reasons = models.CharField(max_length=9, blank=True)
    # Set on an exit: days the stay went past its last allowed day.
    overstay_days = models.PositiveIntegerField(default=0)
    note = models.TextField(blank=True)

    class Meta:
        indexes = [
            models.Index(fields=["traveller", "occurred_at"]),
            models.Index(fields=["crossing_point", "occurred_at"]),
            models.Index(fields=["occurred_at"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(kind="refusal", refusal_reasons__gt="")
                    | (~models.Q(kind="refusal") & models.Q(refusal_reasons=""))
                ),
                name="refusal_has_reasons",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.crossing_point.code} {self.occurred_at:%Y-%m-%d}"

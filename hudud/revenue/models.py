"""Revenue at the border: customs declarations held by reference, the fee schedule, and
receipts.

Customs assesses duties in ASYCUDA World; Hudud keeps a declaration's reference (the customs
office and its registration, e.g. office BSRUQ, `2026 C 1234`), its procedure (IM4, EX1,
T1, ...), the declarant company, status and amounts, so that the port's fees and receipts
can point at it (decision 0010). Receipts are numbered without gaps per crossing point and
year (`UQN-2026-000123`), are never edited or deleted by an officer, and are voided with a
reason.
"""

from __future__ import annotations

import uuid
from typing import Any

from django.db import models

from hudud.agencies.models import Officer
from hudud.border.models import CrossingPoint, Traveller, Vehicle


class Currency(models.TextChoices):
    IQD = "IQD", "Iraqi dinar"
    USD = "USD", "US dollar"


class Declaration(models.Model):
    """A customs declaration registered in ASYCUDA, known here by its reference."""

    class Flow(models.TextChoices):
        IMPORT = "import", "Import"
        EXPORT = "export", "Export"
        TRANSIT = "transit", "Transit"

    class Status(models.TextChoices):
        REGISTERED = "registered", "Registered"
        ASSESSED = "assessed", "Assessed"
        PAID = "paid", "Paid"
        RELEASED = "released", "Released"
        CANCELLED = "cancelled", "Cancelled"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    crossing_point = models.ForeignKey(CrossingPoint, on_delete=models.PROTECT, related_name="+")
    # ASYCUDA's customs office code and the registration: year, serial letter, number.
    office_code = models.CharField(max_length=10)
    registration_year = models.PositiveSmallIntegerField()
    registration_series = models.CharField(max_length=3)
    registration_number = models.PositiveIntegerField()
    # The declaration's model (SAD box 1): IM4 import for home use, EX1 export, T1 transit...
    model_code = models.CharField(max_length=4)
    flow = models.CharField(max_length=7, choices=Flow.choices)
    # A company (the importer, exporter or its customs broker), never a private person.
    declarant_name = models.CharField(max_length=200)
    declarant_code = models.CharField(max_length=20)
    registered_at = models.DateTimeField()
    status = models.CharField(max_length=10, choices=Status.choices)
    declared_value_iqd = models.DecimalField(max_digits=16, decimal_places=0)
    duties_assessed_iqd = models.DecimalField(max_digits=16, decimal_places=0, null=True)
    # The vehicle that carried the goods, when it is one Hudud saw crossing. A vehicle that
    # retention erases leaves the declaration without the link.
    vehicle = models.ForeignKey(
        Vehicle, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_by = models.ForeignKey(Officer, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=[
                    "office_code",
                    "registration_year",
                    "registration_series",
                    "registration_number",
                ],
                name="declaration_reference_unique",
            )
        ]
        indexes = [models.Index(fields=["crossing_point", "registered_at"])]
        ordering = ["-registered_at"]

    def __str__(self) -> str:
        return f"{self.office_code} {self.reference}"

    @property
    def reference(self) -> str:
        return f"{self.registration_year} {self.registration_series} {self.registration_number}"


class Fee(models.Model):
    """One line of the fee schedule (reference data, changed by administrators).

    Amounts are configuration, not law written into code: a fee applies from `valid_from` to
    `valid_until` (inclusive; open-ended when empty), and a new amount is a new row, so that
    every receipt keeps pointing at the fee it was charged under.
    """

    class Unit(models.TextChoices):
        FLAT = "flat", "Flat fee"
        PER_DAY = "per_day", "Per day"

    code = models.SlugField(max_length=40, unique=True)
    kind = models.CharField(max_length=20)  # a Receipt.Kind
    name_en = models.CharField(max_length=200)
    name_ar = models.CharField(max_length=200)
    amount = models.DecimalField(max_digits=14, decimal_places=2)
    currency = models.CharField(max_length=3, choices=Currency.choices)
    unit = models.CharField(max_length=10, choices=Unit.choices, default=Unit.FLAT)
    valid_from = models.DateField()
    valid_until = models.DateField(null=True, blank=True)
    legal_basis = models.CharField(max_length=300)

    class Meta:
        ordering = ["kind", "code"]

    def __str__(self) -> str:
        return f"{self.code}: {self.amount} {self.currency} ({self.get_unit_display()})"


class ReceiptBook(models.Model):
    """A crossing point's receipt numbering: its prefix (`UQN` in `UQN-2026-000123`)."""

    crossing_point = models.OneToOneField(CrossingPoint, on_delete=models.PROTECT, related_name="+")
    prefix = models.CharField(max_length=6, unique=True)

    def __str__(self) -> str:
        return f"{self.prefix} ({self.crossing_point_id})"


class ReceiptCounter(models.Model):
    """The last number given in a book in a year. The issuing transaction locks this row,
    so numbers are taken one at a time and a rolled-back receipt gives its number back."""

    book = models.ForeignKey(ReceiptBook, on_delete=models.PROTECT, related_name="counters")
    year = models.PositiveSmallIntegerField()
    last_number = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["book", "year"], name="receipt_counter_unique")
        ]

    def __str__(self) -> str:
        return f"{self.book.prefix}-{self.year}: {self.last_number}"


# The only columns a stored receipt ever changes: voiding it.
VOID_FIELDS = frozenset({"voided_at", "voided_by", "void_reason"})


class Receipt(models.Model):
    """A receipt for money taken at a crossing point. Never edited: a mistake is voided."""

    class Kind(models.TextChoices):
        VISA_ON_ARRIVAL = "visa_on_arrival", "Visa on arrival"
        RESIDENCE_FINE = "residence_fine", "Residence fine (overstay)"
        VEHICLE_FEE = "vehicle_fee", "Vehicle fee"
        CUSTOMS_DUTY = "customs_duty", "Customs duty"
        OTHER = "other", "Other"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    # The idempotency key: chosen by the client, so a retried request finds this receipt.
    client_id = models.UUIDField(unique=True)
    number = models.CharField(max_length=24, unique=True)
    book = models.ForeignKey(ReceiptBook, on_delete=models.PROTECT, related_name="receipts")
    year = models.PositiveSmallIntegerField()
    sequence = models.PositiveIntegerField()
    crossing_point = models.ForeignKey(CrossingPoint, on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    fee = models.ForeignKey(Fee, null=True, blank=True, on_delete=models.PROTECT)
    quantity = models.PositiveIntegerField(default=1)  # days, for a fee charged per day
    amount = models.DecimalField(max_digits=14, decimal_places=2)
    currency = models.CharField(max_length=3, choices=Currency.choices)
    payer_name = models.CharField(max_length=200)
    payer_document = models.CharField(max_length=30, blank=True)
    # Retention may erase the traveller's file before the receipt: the link then goes, the
    # payer's name as written on the receipt stays.
    traveller = models.ForeignKey(
        Traveller, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    declaration = models.ForeignKey(
        Declaration, null=True, blank=True, on_delete=models.PROTECT, related_name="receipts"
    )
    note = models.CharField(max_length=500, blank=True)
    issued_by = models.ForeignKey(Officer, on_delete=models.PROTECT, related_name="+")
    issued_at = models.DateTimeField()
    voided_at = models.DateTimeField(null=True, blank=True)
    voided_by = models.ForeignKey(
        Officer, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    void_reason = models.TextField(blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["book", "year", "sequence"], name="receipt_sequence_unique"
            ),
            models.CheckConstraint(
                condition=models.Q(amount__gt=0), name="receipt_amount_positive"
            ),
            models.CheckConstraint(
                condition=models.Q(voided_at__isnull=True) | ~models.Q(void_reason=""),
                name="receipt_void_has_reason",
            ),
        ]
        indexes = [models.Index(fields=["crossing_point", "issued_at"])]
        ordering = ["-issued_at", "-sequence"]

    def __str__(self) -> str:
        return self.number

    def save(self, *args: Any, **kwargs: Any) -> None:
        # A stored receipt only ever gets its void columns set (receipt_void).
        changed = set(kwargs.get("update_fields") or ())
        if not self._state.adding and not (changed and changed <= VOID_FIELDS):
            raise PermissionError("a receipt is never edited: void it and issue another")
        super().save(*args, **kwargs)

    @property
    def voided(self) -> bool:
        return self.voided_at is not None

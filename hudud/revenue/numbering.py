"""Receipt numbers: per crossing point and year, without gaps (`UQN-2026-000123`).

Auditors and the treasury count receipts by their numbers, so a missing number must mean a
missing receipt. The number is taken inside the issuing transaction by locking the book's
counter row for the year: a second cashier at the same crossing point waits until the first
receipt is committed, and a receipt that fails (rolled back) gives its number back with it.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import IntegrityError, transaction

from hudud.border.models import CrossingPoint
from hudud.common.errors import ServiceError
from hudud.revenue.models import ReceiptBook, ReceiptCounter

WIDTH = 6


@dataclass(frozen=True)
class TakenNumber:
    book: ReceiptBook
    year: int
    sequence: int

    @property
    def number(self) -> str:
        return format_number(self.book.prefix, self.year, self.sequence)


def format_number(prefix: str, year: int, sequence: int) -> str:
    """>>> format_number("UQN", 2026, 123)
    'UQN-2026-000123'"""
    return f"{prefix}-{year}-{sequence:0{WIDTH}d}"


def number_take(*, point: CrossingPoint, year: int) -> TakenNumber:
    """The next number of `point`'s book in `year`. Call inside the issuing transaction."""
    book = ReceiptBook.objects.filter(crossing_point=point).first()
    if book is None:
        raise ServiceError.one(
            "no_receipt_book",
            "crossing_point",
            f"{point.name_en} has no receipt book: an administrator must give it a prefix",
            status=409,
        )
    _counter_ensure(book, year)
    counter = ReceiptCounter.objects.select_for_update().get(book=book, year=year)
    counter.last_number += 1
    counter.save(update_fields=["last_number"])
    return TakenNumber(book=book, year=year, sequence=counter.last_number)


def _counter_ensure(book: ReceiptBook, year: int) -> None:
    if ReceiptCounter.objects.filter(book=book, year=year).exists():
        return
    try:
        with transaction.atomic():  # the first receipt of the year, maybe at two desks at once
            ReceiptCounter.objects.create(book=book, year=year, last_number=0)
    except IntegrityError:
        pass  # the other desk created it; lock theirs

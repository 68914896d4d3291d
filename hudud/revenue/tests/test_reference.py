"""The revenue reference data the migrations load: a receipt book for every crossing point,
and a starting fee schedule whose every line can be charged."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.apps import apps

from hudud.border.models import CrossingPoint
from hudud.common.reference import read_reference
from hudud.revenue.models import Fee, Receipt, ReceiptBook
from hudud.revenue.reference import load_fees, load_receipt_books

pytestmark = pytest.mark.django_db


def test_every_crossing_point_has_a_book_with_its_own_prefix():
    books = dict(ReceiptBook.objects.values_list("crossing_point__code", "prefix"))
    assert set(books) == set(CrossingPoint.objects.values_list("code", flat=True))
    assert len(set(books.values())) == len(books)
    assert books["umm-qasr-north"] == "UQN"
    assert books["najaf-airport"] == "NJF"


def test_every_fee_is_of_a_receipt_kind_and_positive_in_a_known_currency():
    assert Fee.objects.count() == len(read_reference("revenue/data/fees.json")["fees"])
    for fee in Fee.objects.all():
        assert fee.kind in Receipt.Kind.values
        assert fee.amount > 0
        assert fee.currency in ("IQD", "USD")
        if fee.currency == "IQD":
            assert fee.amount == fee.amount.to_integral_value()


def test_loading_again_keeps_what_an_administrator_changed():
    ReceiptBook.objects.filter(crossing_point__code="safwan").update(prefix="SAF")
    Fee.objects.filter(code="vehicle-entry-car").update(amount=Decimal("60000"))
    load_receipt_books(apps.get_model("revenue", "ReceiptBook"), CrossingPoint)
    load_fees(apps.get_model("revenue", "Fee"))
    assert ReceiptBook.objects.get(crossing_point__code="safwan").prefix == "SAF"
    assert Fee.objects.get(code="vehicle-entry-car").amount == Decimal("60000")
    assert ReceiptBook.objects.count() == CrossingPoint.objects.count()

"""The fine an overstay costs by the fee schedule, as the primary line and the traveller page
show it (`selectors.fine_due`): advice priced from reference data, never a guess."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from hudud.revenue.models import Fee
from hudud.revenue.selectors import fine_due

pytestmark = pytest.mark.django_db

DAY = date(2026, 11, 22)


def _fee() -> Fee:
    return Fee.objects.get(kind="residence_fine", unit="per_day")


def test_the_fine_is_the_days_times_the_scheduled_amount_per_day():
    fee = _fee()
    fine = fine_due(overstay_days=12, on_day=DAY)
    assert fine is not None
    assert (fine.days, fine.per_day, fine.amount) == (12, fee.amount, fee.amount * 12)
    assert (fine.currency, fine.fee_code, fine.legal_basis) == (
        fee.currency,
        fee.code,
        fee.legal_basis,
    )


@pytest.mark.parametrize("days", [0, -3])
def test_without_an_overstay_there_is_no_fine(days):
    assert fine_due(overstay_days=days, on_day=DAY) is None


def test_without_a_residence_fine_in_force_nothing_is_guessed():
    fee = _fee()
    fee.valid_until = DAY - timedelta(days=1)
    fee.save()
    assert fine_due(overstay_days=12, on_day=DAY) is None
    assert fine_due(overstay_days=12, on_day=DAY - timedelta(days=1)) is not None


def test_a_new_amount_from_a_later_day_prices_the_fine_from_that_day():
    old = _fee()
    old.valid_until = DAY - timedelta(days=1)
    old.save()
    Fee.objects.create(
        code="residence-fine-day-2026",
        kind="residence_fine",
        name_en="Residence fine, per day",
        name_ar="غرامة إقامة، عن كل يوم",
        amount=old.amount * 2,
        currency=old.currency,
        unit=Fee.Unit.PER_DAY,
        valid_from=DAY,
        legal_basis=old.legal_basis,
    )
    before = fine_due(overstay_days=3, on_day=DAY - timedelta(days=1))
    after = fine_due(overstay_days=3, on_day=DAY)
    assert before is not None
    assert after is not None
    assert (before.fee_code, before.amount) == (old.code, old.amount * 3)
    assert (after.fee_code, after.amount) == ("residence-fine-day-2026", old.amount * 6)

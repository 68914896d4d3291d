"""Crossings made to order for the dashboard's tests: a traveller of a given nationality
crossing at a given moment, with refusal codes or an overstay when asked."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date, datetime, time
from typing import Any

import pytest
from django.utils import timezone

from conftest import make_officer
from hudud.agencies.models import Officer
from hudud.border.models import Crossing, CrossingPoint, TravelDocument, Traveller


def baghdad(day: date, hour: int = 12, minute: int = 0) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour, minute)))


@pytest.fixture
def analyst(db: Any) -> Officer:
    return make_officer("analyst", Officer.Role.ANALYST, "moi")


@pytest.fixture
def line_officer(db: Any) -> Officer:
    return make_officer("line", Officer.Role.PRIMARY, "bpc", ("zurbatiya",))


@pytest.fixture
def cross(line_officer: Officer) -> Callable[..., Crossing]:
    """cross("zurbatiya", moment, kind="entry", nationality="IRN", reasons="", overstay=0)."""

    def make(
        point: str,
        at: datetime,
        kind: str = "entry",
        nationality: str = "IRN",
        reasons: str = "",
        overstay: int = 0,
    ) -> Crossing:
        traveller = Traveller.objects.create(surname="TEST", nationality=nationality)
        document = TravelDocument.objects.create(
            traveller=traveller,
            kind="P",
            document_code="P",
            number=uuid.uuid4().hex[:9].upper(),
            issuing_state=nationality,
            nationality=nationality,
        )
        return Crossing.objects.create(
            client_id=uuid.uuid4(),
            kind=kind,
            traveller=traveller,
            document=document,
            crossing_point=CrossingPoint.objects.get(code=point),
            officer=line_officer,
            occurred_at=at,
            refusal_reasons=reasons,
            overstay_days=overstay,
        )

    return make

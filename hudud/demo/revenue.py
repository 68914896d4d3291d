"""Demo revenue (journey 7): customs declarations and receipts at Umm Qasr, visa-on-arrival
receipts at Najaf airport and Zurbatiya.

Everything goes through the revenue services, as an ASYCUDA interface and the cashiers would:
a declaration is recorded registered, then assessed, its duty receipted, then paid and
released; receipts take their numbers in time order. Declarants are invented companies with
"(demo)" in their names; visa payers are generated travellers who entered at those ports.
The customs account `customs.ummqasr` records and issues at Umm Qasr; two Border Ports
Commission cashiers (`cashier.najaf-airport`, `cashier.zurbatiya`, unusable passwords) take
the visa fees.
"""

from __future__ import annotations

import random
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from decimal import Decimal

from django.utils import timezone

from hudud.agencies.models import Agency, Officer
from hudud.border.models import Crossing, CrossingPoint, Posting
from hudud.common.actor import Actor
from hudud.demo.accounts import _user
from hudud.revenue import services
from hudud.revenue.models import Declaration, Receipt

UMM_QASR = ("umm-qasr-north", "umm-qasr-middle", "umm-qasr-south")
OFFICES = {"umm-qasr-north": "BSRUQN", "umm-qasr-middle": "BSRUQM", "umm-qasr-south": "BSRUQS"}
VISA_POINTS = (("najaf-airport", "voa-standard-usd"), ("zurbatiya", "voa-standard-iqd"))
COMPANIES = (
    ("Demo Basra Trading Co. (demo)", "DEMO-T-0001"),
    ("Example Shipping Agency (demo)", "DEMO-T-0002"),
    ("Synthetic Foodstuffs Import LLC (demo)", "DEMO-T-0003"),
    ("Placeholder Building Materials (demo)", "DEMO-T-0004"),
    ("Test Gulf Logistics (demo)", "DEMO-T-0005"),
    ("شركة التجارة التجريبية (demo)", "DEMO-T-0006"),
)
MODELS = ("IM4", "IM4", "IM4", "IM7", "EX1", "T1")
DECLARATIONS = 24
VISA_RECEIPTS = 15


@dataclass
class DemoRevenue:
    declarations: int = 0
    receipts: dict[str, int] = field(default_factory=dict)  # per crossing point


@dataclass(frozen=True)
class _Planned:
    at: datetime
    request: services.ReceiptRequest
    then_status: str = ""  # the declaration's status once its duty is receipted
    declaration: Declaration | None = None


def revenue_load(*, customs: Officer, now: datetime, seed: int = 1) -> DemoRevenue:
    """Declarations and receipts of the last weeks, some of them today."""
    rng = random.Random(f"hudud-demo-revenue-{seed}")
    report = DemoRevenue()
    cashiers = {code: _cashier(code) for code, _ in VISA_POINTS}
    declared = [_declare(customs, rng, now, n) for n in range(DECLARATIONS)]
    report.declarations = len(declared)
    planned = _duties(declared, rng, now) + _vehicle_fees(rng, now)
    for point in UMM_QASR:
        at_point = [p for p in planned if p.request.crossing_point_code == point]
        report.receipts[point] = _issue_in_order(customs, at_point)
    _void_one(customs, now)
    for code, fee in VISA_POINTS:
        visas = _visas(code, fee, now)
        report.receipts[code] = _issue_in_order(cashiers[code], visas)
    return report


def _cashier(code: str) -> Officer:
    point = CrossingPoint.objects.get(code=code)
    user = _user(f"cashier.{code}", f"Cashier, {point.name_en}", staff=False)
    user.set_unusable_password()
    user.save()
    officer, _ = Officer.objects.update_or_create(
        user=user,
        defaults={
            "agency": Agency.objects.get(code="bpc"),
            "role": Officer.Role.REVENUE,
            "badge_number": f"DEMO-C-{code.upper()}"[:30],
            "display_name_ar": f"أمين الصندوق، {point.name_ar}",
        },
    )
    Posting.objects.get_or_create(officer=officer, crossing_point=point)
    return officer


def _declare(customs: Officer, rng: random.Random, now: datetime, n: int) -> Declaration:
    """The n-th declaration, registered within the last month: recorded as registered, then
    (most of them) assessed; one is cancelled before assessment."""
    point = UMM_QASR[n % len(UMM_QASR)]
    # The first few were registered today or yesterday, the rest over the month.
    at = now - (
        timedelta(hours=rng.uniform(1, 20)) if n < 4 else timedelta(days=rng.uniform(1, 30))
    )
    name, code = rng.choice(COMPANIES)
    value = Decimal(rng.randrange(5, 900)) * 1_000_000
    spec = services.DeclarationSpec(
        crossing_point_code=point,
        office_code=OFFICES[point],
        reference=f"{timezone.localtime(at).year} C {4100 + n}",
        model_code=MODELS[n % len(MODELS)],
        declarant_name=name,
        declarant_code=code,
        registered_at=at,
        status="registered",
        declared_value_iqd=value,
    )
    actor = Actor(customs)
    declaration = services.declaration_record(actor=actor, spec=spec).declaration
    if n in (0, 3):  # not assessed yet
        return declaration
    if n == 5:  # withdrawn by the declarant before assessment
        spec = _with(spec, status="cancelled")
    else:
        duty = (value * Decimal(rng.choice((5, 10, 15, 20))) / 100).quantize(Decimal(1))
        spec = _with(spec, status="assessed", duties_assessed_iqd=duty)
    return services.declaration_record(actor=actor, spec=spec).declaration


def _with(spec: services.DeclarationSpec, **changes: object) -> services.DeclarationSpec:
    return services.DeclarationSpec(**{**spec.__dict__, **changes})


def _duties(declared: list[Declaration], rng: random.Random, now: datetime) -> list[_Planned]:
    """A duty receipt for most assessed declarations older than a few days; those are then
    paid, and the oldest released."""
    planned = []
    for d in declared:
        age = (now - d.registered_at).days
        if d.status != "assessed" or age < 2 or not d.duties_assessed_iqd:
            continue
        request = services.ReceiptRequest(
            client_id=uuid.uuid4(),
            crossing_point_code=d.crossing_point.code,
            kind=Receipt.Kind.CUSTOMS_DUTY,
            payer_name=d.declarant_name,
            amount=d.duties_assessed_iqd,
            currency="IQD",
            declaration_id=d.pk,
        )
        at = d.registered_at + timedelta(hours=rng.uniform(20, 40))
        planned.append(_Planned(at, request, "released" if age > 10 else "paid", d))
    return planned


def _vehicle_fees(rng: random.Random, now: datetime) -> list[_Planned]:
    """Vehicles' entry fees at the Umm Qasr ports: a few a day over the last week, today
    included."""
    planned = []
    start = timezone.localtime(now).replace(hour=7, minute=0, second=0, microsecond=0)
    for day in range(7, -1, -1):
        for k in range(rng.randint(2, 4)):
            at = start - timedelta(days=day) + timedelta(minutes=35 * k + rng.randint(0, 20))
            if at >= now:
                continue
            fee = "vehicle-entry-truck" if k % 3 else "vehicle-entry-car"
            request = services.ReceiptRequest(
                client_id=uuid.uuid4(),
                crossing_point_code=UMM_QASR[(day + k) % len(UMM_QASR)],
                kind=Receipt.Kind.VEHICLE_FEE,
                payer_name=rng.choice(COMPANIES)[0],
                fee_code=fee,
            )
            planned.append(_Planned(at, request))
    return planned


def _visas(code: str, fee: str, now: datetime) -> list[_Planned]:
    """Visa fees of foreign travellers who entered at `code` in the last two weeks."""
    entries = (
        Crossing.objects.filter(
            crossing_point__code=code,
            kind=Crossing.Kind.ENTRY,
            occurred_at__gte=now - timedelta(days=14),
            occurred_at__lte=now,
        )
        .exclude(traveller__nationality="IRQ")
        .select_related("traveller", "document")
        .order_by("-occurred_at")[:VISA_RECEIPTS]
    )
    return [
        _Planned(
            c.occurred_at,
            services.ReceiptRequest(
                client_id=uuid.uuid5(c.client_id, "visa-fee"),
                crossing_point_code=code,
                kind=Receipt.Kind.VISA_ON_ARRIVAL,
                payer_name=str(c.traveller),
                payer_document=c.document.number,
                fee_code=fee,
                traveller_id=c.traveller_id,
            ),
        )
        for c in entries
    ]


def _issue_in_order(officer: Officer, planned: list[_Planned]) -> int:
    actor = Actor(officer)
    for item in sorted(planned, key=lambda p: p.at):
        services.receipt_issue(actor=actor, request=item.request, issued_at=item.at)
        if item.declaration is not None and item.then_status:
            d = item.declaration
            spec = services.DeclarationSpec(
                crossing_point_code=d.crossing_point.code,
                office_code=d.office_code,
                reference=d.reference,
                model_code=d.model_code,
                declarant_name=d.declarant_name,
                declarant_code=d.declarant_code,
                registered_at=d.registered_at,
                status=item.then_status,
                declared_value_iqd=d.declared_value_iqd,
                duties_assessed_iqd=d.duties_assessed_iqd,
            )
            services.declaration_record(actor=actor, spec=spec)
    return len(planned)


def _void_one(customs: Officer, now: datetime) -> None:
    """Today's first vehicle fee was charged for a car that was a truck: voided, reissued."""
    today = timezone.localdate(now)
    first = (
        Receipt.objects.filter(
            crossing_point__code__in=UMM_QASR,
            kind=Receipt.Kind.VEHICLE_FEE,
            fee__code="vehicle-entry-car",
            issued_at__date=today,
        )
        .order_by("sequence")
        .first()
    )
    if first is not None:
        services.receipt_void(
            actor=Actor(customs),
            receipt_id=str(first.pk),
            reason="charged as a car; the vehicle is a truck (reissued)",
        )

"""Declarations by reference: recorded once, updated with an audit, moved only forward."""

from __future__ import annotations

from decimal import Decimal

import pytest

from conftest import make_officer
from hudud.audit.models import AuditEvent
from hudud.common.actor import Actor
from hudud.common.errors import ServiceError
from hudud.revenue import services
from hudud.revenue.models import Declaration
from hudud.revenue.tests.helpers import spec

pytestmark = pytest.mark.django_db


def _record(officer, **changes):
    return services.declaration_record(actor=Actor(officer), spec=spec(**changes))


def test_a_new_reference_is_recorded_and_audited(other_agency_officer):
    recorded = _record(other_agency_officer)
    assert recorded.outcome == "created"
    d = recorded.declaration
    assert (d.office_code, d.reference, d.flow, d.status) == (
        "BSRUQN",
        f"{d.registered_at.year} C 1234",
        "import",
        "assessed",
    )
    event = AuditEvent.objects.get(action="declaration.record")
    assert (event.object_type, event.object_id, event.crossing_point_code) == (
        "declaration",
        str(d.pk),
        "umm-qasr-north",
    )


def test_the_same_content_again_records_nothing(other_agency_officer):
    at = spec().registered_at
    _record(other_agency_officer, registered_at=at)
    again = _record(other_agency_officer, registered_at=at)
    assert again.outcome == "unchanged"
    assert Declaration.objects.count() == 1
    assert AuditEvent.objects.filter(action__startswith="declaration.").count() == 1


def test_changed_content_updates_the_declaration_with_what_it_was_before(other_agency_officer):
    at = spec().registered_at
    _record(other_agency_officer, registered_at=at)
    updated = _record(other_agency_officer, registered_at=at, status="paid")
    assert updated.outcome == "updated"
    assert updated.changed == ("status",)
    assert Declaration.objects.get().status == "paid"
    event = AuditEvent.objects.get(action="declaration.update")
    assert event.details["before"] == {"status": "assessed"}


def test_a_status_never_goes_back_and_a_paid_declaration_is_not_cancelled(other_agency_officer):
    at = spec().registered_at
    _record(other_agency_officer, registered_at=at, status="paid")
    for status in ("assessed", "registered", "cancelled"):
        with pytest.raises(ServiceError) as refused:
            _record(other_agency_officer, registered_at=at, status=status)
        assert refused.value.status == 409
        assert refused.value.problems[0].field == "status"
        assert refused.value.problems[0].code == "invalid_transition"
    assert _record(other_agency_officer, registered_at=at, status="released").outcome == "updated"


def test_a_registered_declaration_may_be_assessed_or_cancelled(other_agency_officer):
    at = spec().registered_at
    _record(other_agency_officer, registered_at=at, status="registered", duties_assessed_iqd=None)
    assert _record(other_agency_officer, registered_at=at, status="cancelled").outcome == "updated"


def test_each_invalid_field_is_named(other_agency_officer):
    with pytest.raises(ServiceError) as refused:
        _record(
            other_agency_officer,
            office_code="bad code",
            reference="C-1234",
            model_code="XX9",
            declarant_name="",
            declarant_code="?",
            status="paid",
            duties_assessed_iqd=None,
        )
    fields = {p.field for p in refused.value.problems}
    assert fields == {
        "office_code",
        "reference",
        "model_code",
        "declarant_name",
        "declarant_code",
        "duties_assessed_iqd",
    }
    assert refused.value.status == 422


def test_the_reference_year_is_the_registration_year(other_agency_officer):
    at = spec().registered_at
    with pytest.raises(ServiceError) as refused:
        _record(other_agency_officer, reference=f"{at.year - 1} C 1234")
    assert refused.value.problems[0].field == "reference"


@pytest.mark.parametrize(
    ("model_code", "flow"),
    [("IM4", "import"), ("IM7", "import"), ("EX1", "export"), ("T1", "transit")],
)
def test_the_flow_follows_the_asycuda_model(other_agency_officer, model_code, flow):
    assert _record(other_agency_officer, model_code=model_code).declaration.flow == flow


def test_a_reference_held_at_another_port_is_a_conflict(other_agency_officer):
    at = spec().registered_at
    _record(other_agency_officer, registered_at=at)
    from hudud.border.models import CrossingPoint, Posting

    Posting.objects.create(
        officer=other_agency_officer,
        crossing_point=CrossingPoint.objects.get(code="umm-qasr-south"),
    )
    with pytest.raises(ServiceError) as refused:
        _record(other_agency_officer, registered_at=at, crossing_point_code="umm-qasr-south")
    assert (refused.value.status, refused.value.problems[0].code) == (409, "reference_conflict")


def test_only_customs_officers_posted_at_the_port_record_declarations(
    other_agency_officer, auditor, officer
):
    with pytest.raises(ServiceError) as elsewhere:
        _record(other_agency_officer, crossing_point_code="safwan")
    assert (elsewhere.value.status, elsewhere.value.problems[0].field) == (403, "crossing_point")
    # A revenue officer of the Border Ports Commission takes fees but has no customs mandate.
    cashier = make_officer("cashier", "revenue", "bpc", ("umm-qasr-north",))
    for who in (auditor, officer, cashier):
        with pytest.raises(ServiceError) as refused:
            _record(who)
        assert refused.value.status == 403
    assert not Declaration.objects.exists()


def test_a_vehicle_the_border_saw_can_be_linked_and_an_unknown_one_is_named(
    other_agency_officer,
):
    from hudud.border.models import Vehicle

    truck = Vehicle.objects.create(registration_country="KWT", plate="ZZ 12345", kind="truck")
    linked = _record(other_agency_officer, vehicle=("KWT", "ZZ 12345")).declaration
    assert linked.vehicle_id == truck.pk
    with pytest.raises(ServiceError) as refused:
        _record(
            other_agency_officer,
            reference=f"{linked.registration_year} C 9",
            vehicle=("KWT", "NONE"),
        )
    assert refused.value.problems[0].field == "vehicle"


def test_amounts_are_whole_dinars(other_agency_officer):
    with pytest.raises(ServiceError) as refused:
        _record(other_agency_officer, declared_value_iqd=Decimal("10.5"))
    assert refused.value.problems[0].field == "declared_value_iqd"

"""The audit trail is append-only."""

from __future__ import annotations

import pytest

from hudud.audit.models import AuditEvent
from hudud.audit.selectors import audit_events_for_object
from hudud.audit.services import audit_record
from hudud.common.actor import Actor


@pytest.mark.django_db
def test_an_event_records_who_what_which_record_and_where(officer):
    event = audit_record(
        actor=Actor(officer=officer, source_ip="10.1.2.3"),
        action="traveller.lookup",
        object_type="traveller",
        object_id="t-1",
        crossing_point_code="zurbatiya",
    )
    stored = AuditEvent.objects.get(pk=event.pk)
    assert (stored.actor_username, stored.agency_code, stored.action) == (
        "primary",
        "bpc",
        "traveller.lookup",
    )
    assert (stored.object_id, stored.crossing_point_code, stored.source_ip) == (
        "t-1",
        "zurbatiya",
        "10.1.2.3",
    )
    assert stored.occurred_at is not None
    assert list(audit_events_for_object(object_type="traveller", object_id="t-1")) == [stored]


@pytest.mark.django_db
def test_an_event_cannot_be_changed_or_deleted_through_the_model(officer):
    event = audit_record(actor=Actor(officer=officer), action="x", object_type="t", object_id="1")
    event.action = "y"
    with pytest.raises(PermissionError):
        event.save()
    with pytest.raises(PermissionError):
        event.delete()
    assert AuditEvent.objects.get(pk=event.pk).action == "x"

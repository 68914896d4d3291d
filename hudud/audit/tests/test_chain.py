"""The audit chain: every kind of tampering is found and located, on SQLite and PostgreSQL."""

from __future__ import annotations

import itertools
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from django.db import connection, connections
from django.db.utils import DatabaseError

from hudud.audit.chain import GENESIS, event_hash
from hudud.audit.models import AuditChainHead, AuditEvent
from hudud.audit.services import audit_record, audit_record_system
from hudud.audit.verify import audit_verify
from hudud.common.actor import Actor


def _record(officer, n: int) -> list[AuditEvent]:
    actor = Actor(officer=officer, source_ip="10.0.0.7")
    return [
        audit_record(
            actor=actor,
            action="traveller.lookup",
            object_type="traveller",
            object_id=f"t-{i}",
            details={"i": i, "score": 0.5 + i, "big": 1e20, "names": ("A", "ب")},
        )
        for i in range(n)
    ]


@contextmanager
def _tampering() -> Iterator[None]:
    """Switch off the database's refusal of updates, as someone with the database's owner
    account could. The test transaction rolls this back."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # Triggers off for this transaction (a superuser's power; the test runs as one).
            cursor.execute("SET LOCAL session_replication_role = replica")
        else:
            cursor.execute("DROP TRIGGER audit_event_no_update")
    yield


def _kinds(result) -> set[tuple[str, int | None]]:
    return {(f.kind, f.event_id) for f in result.findings}


@pytest.mark.django_db
def test_events_link_each_to_the_one_before_and_the_chain_verifies(officer):
    events = _record(officer, 4)
    stored = list(AuditEvent.objects.order_by("id"))
    assert [e.sequence for e in stored] == [e.sequence for e in events]
    assert stored[0].prev_hash in (GENESIS, *[e.hash for e in AuditEvent.objects.all()])
    for before, after in itertools.pairwise(stored):
        assert after.prev_hash == before.hash
        assert after.sequence == before.sequence + 1
    # What is read back from the database hashes to what was written.
    assert all(event_hash(e) == e.hash for e in stored)
    result = audit_verify()
    assert result.ok, [f.as_text() for f in result.findings]
    assert result.events == len(stored)
    head = AuditChainHead.objects.get(pk=1)
    assert (head.sequence, head.hash) == (stored[-1].sequence, stored[-1].hash)


@pytest.mark.django_db
def test_the_database_itself_refuses_to_update_an_event(officer):
    event = _record(officer, 1)[0]
    with pytest.raises(DatabaseError):
        AuditEvent.objects.filter(pk=event.pk).update(action="x")


@pytest.mark.django_db
def test_a_changed_event_is_found_by_its_id_and_position(officer):
    events = _record(officer, 3)
    with _tampering():
        AuditEvent.objects.filter(pk=events[1].pk).update(reason="nothing to see")
    result = audit_verify()
    assert not result.ok
    assert _kinds(result) == {("changed", events[1].pk)}
    assert f"position {events[1].sequence}" in result.findings[0].as_text()


@pytest.mark.django_db
def test_a_changed_detail_is_found_even_when_the_event_is_rehashed_without_the_key(officer):
    import hashlib

    from hudud.audit.chain import canonical

    events = _record(officer, 3)
    forged = AuditEvent.objects.get(pk=events[1].pk)
    forged.object_id = "someone-else"
    with _tampering():
        AuditEvent.objects.filter(pk=forged.pk).update(
            object_id=forged.object_id, hash=hashlib.sha256(canonical(forged)).hexdigest()
        )
    result = audit_verify()
    assert ("changed", events[1].pk) in _kinds(result)
    assert ("broken_link", events[2].pk) in _kinds(result)


@pytest.mark.django_db
def test_a_deleted_event_is_found_where_the_gap_is(officer):
    events = _record(officer, 4)
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM audit_auditevent WHERE id = %s", [events[1].pk])
    result = audit_verify()
    assert _kinds(result) == {("missing", events[2].pk), ("broken_link", events[2].pk)}
    assert f"positions {events[1].sequence}-{events[1].sequence}" in result.findings[0].message


@pytest.mark.django_db
def test_events_cut_from_the_end_are_found_through_the_head(officer):
    events = _record(officer, 3)
    AuditEvent.objects.filter(pk=events[-1].pk).delete()  # a queryset delete skips the model
    result = audit_verify()
    assert [f.kind for f in result.findings] == ["head"]
    assert "1 event(s) cut from the end" in result.findings[0].message


@pytest.mark.django_db
def test_an_inserted_event_is_found(officer):
    events = _record(officer, 3)
    with _tampering():
        # Make room between the first and second event, then slip a forged one in.
        for event in reversed(events[1:]):
            AuditEvent.objects.filter(pk=event.pk).update(id=event.pk + 10)
    forged = AuditEvent(
        id=events[0].pk + 5,
        sequence=events[-1].sequence + 1,
        occurred_at=events[0].occurred_at,
        actor_username="intruder",
        action="alert.dismiss",
        object_type="alert",
        object_id="a-1",
        prev_hash=events[0].hash,
    )
    forged.hash = event_hash(forged, key=b"not the audit key")
    AuditEvent.objects.bulk_create([forged])
    result = audit_verify()
    kinds = _kinds(result)
    assert ("changed", forged.pk) in kinds
    assert ("out_of_order", events[1].pk + 10) in kinds
    assert ("broken_link", events[1].pk + 10) in kinds


@pytest.mark.django_db
def test_reordered_events_are_found(officer):
    events = _record(officer, 3)
    first, second = events[1].pk, events[2].pk
    with _tampering():
        # Swap the two rows' places: every field moves, the ids stay.
        AuditEvent.objects.filter(pk=first).update(id=-1)
        AuditEvent.objects.filter(pk=second).update(id=first)
        AuditEvent.objects.filter(pk=-1).update(id=second)
    result = audit_verify()
    assert ("missing", first) in _kinds(result)
    assert ("out_of_order", second) in _kinds(result)


@pytest.mark.django_db
def test_a_witnessed_head_must_still_be_in_the_chain(officer):
    events = _record(officer, 2)
    assert audit_verify(expect_head=events[0].hash).ok
    result = audit_verify(expect_head="f" * 64)
    assert [f.kind for f in result.findings] == ["witness"]


@pytest.mark.django_db
def test_events_under_a_retired_key_still_verify(officer, settings):
    _record(officer, 2)
    old_key = settings.HUDUD_AUDIT_KEY
    settings.HUDUD_AUDIT_KEY = "a-new-audit-key"
    settings.HUDUD_AUDIT_KEY_FALLBACKS = [old_key]
    _record(officer, 1)
    assert audit_verify().ok
    settings.HUDUD_AUDIT_KEY_FALLBACKS = []
    assert {f.kind for f in audit_verify().findings} == {"changed"}


@pytest.mark.django_db
def test_a_system_event_has_no_officer_but_is_chained(officer):
    _record(officer, 1)
    event = audit_record_system(
        action="retention.purge", object_type="retention", object_id="run", details={"n": 1}
    )
    assert event.actor_username == "system"
    assert event.actor_id is None
    assert audit_verify().ok


@pytest.mark.postgresql_only
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_writers_never_share_a_position_on_postgresql(officer):
    """Eight threads append at once; the head's row lock keeps the chain whole."""
    errors: list[BaseException] = []

    def write() -> None:
        try:
            _record(officer, 10)
        except BaseException as error:  # reported by the main thread
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=write) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    _assert_whole_chain(80)


def _assert_whole_chain(count: int) -> None:
    sequences = sorted(AuditEvent.objects.values_list("sequence", flat=True))
    assert sequences == list(range(sequences[0], sequences[0] + count))
    result = audit_verify()
    assert result.ok, [f.as_text() for f in result.findings]


WRITER = """
import sys
from hudud.commands._django import setup_django
setup_django()
from hudud.audit.services import audit_record_system
for i in range(25):
    audit_record_system(action="test.write", object_type="t", object_id=f"{sys.argv[1]}-{i}")
"""


def test_concurrent_processes_never_share_a_position_on_sqlite(tmp_path):
    """Four processes append to one SQLite file at once; IMMEDIATE transactions queue them."""
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env["HUDUD_VAR_DIR"] = str(tmp_path)
    hudud = Path(sys.executable).with_name("hudud")
    subprocess.run([str(hudud), "migrate"], env=env, check=True, capture_output=True)
    writers = [subprocess.Popen([sys.executable, "-c", WRITER, str(n)], env=env) for n in range(4)]
    assert [w.wait(timeout=120) for w in writers] == [0, 0, 0, 0]
    done = subprocess.run(
        [str(hudud), "audit", "verify"], env=env, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "100 events" in done.stdout

"""The audit trail becomes a hash chain; checkpoints for its own retention; legal holds.

Events recorded before the chain existed are chained in id order (re-runnable: only events
without a position are touched). Then a trigger refuses any UPDATE of an event at the
database, whoever connects: the model already refuses, this also stops hand-written SQL.
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

from hudud.audit.chain import GENESIS, event_hash

SQLITE_TRIGGER = """
CREATE TRIGGER IF NOT EXISTS audit_event_no_update BEFORE UPDATE ON audit_auditevent
BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END;
"""
POSTGRES_TRIGGER = """
CREATE OR REPLACE FUNCTION audit_event_no_update() RETURNS trigger AS $$
BEGIN RAISE EXCEPTION 'audit events are append-only'; END;
$$ LANGUAGE plpgsql;
DROP TRIGGER IF EXISTS audit_event_no_update ON audit_auditevent;
CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_auditevent
FOR EACH ROW EXECUTE FUNCTION audit_event_no_update();
"""


def chain_existing_events(apps, schema_editor):
    AuditEvent = apps.get_model("audit", "AuditEvent")
    AuditChainHead = apps.get_model("audit", "AuditChainHead")
    last = AuditEvent.objects.exclude(sequence=None).order_by("-sequence").first()
    sequence, prev = (last.sequence, last.hash) if last else (0, GENESIS)
    for event in AuditEvent.objects.filter(sequence=None).order_by("id").iterator():
        sequence += 1
        event.sequence, event.prev_hash = sequence, prev
        prev = event_hash(event)
        AuditEvent.objects.filter(pk=event.pk).update(
            sequence=sequence, prev_hash=event.prev_hash, hash=prev
        )
    AuditChainHead.objects.update_or_create(pk=1, defaults={"sequence": sequence, "hash": prev})


def forbid_updates(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        schema_editor.execute(SQLITE_TRIGGER)
    elif vendor == "postgresql":
        schema_editor.execute(POSTGRES_TRIGGER)


def allow_updates(apps, schema_editor):
    schema_editor.execute("DROP TRIGGER IF EXISTS audit_event_no_update" + (
        " ON audit_auditevent" if schema_editor.connection.vendor == "postgresql" else ""
    ))


class Migration(migrations.Migration):

    dependencies = [
        ('audit', '0001_audit_events'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='AuditChainHead',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('sequence', models.BigIntegerField(default=0)),
                ('hash', models.CharField(max_length=64)),
                ('updated_at', models.DateTimeField(auto_now=True)),
            ],
        ),
        migrations.CreateModel(
            name='AuditCheckpoint',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('sequence', models.BigIntegerField(unique=True)),
                ('hash', models.CharField(max_length=64)),
                ('purged_events', models.BigIntegerField()),
                ('oldest_kept_at', models.DateTimeField(blank=True, null=True)),
                ('created_at', models.DateTimeField(auto_now_add=True)),
            ],
            options={
                'ordering': ['sequence'],
            },
        ),
        migrations.AddField(
            model_name='auditevent',
            name='hash',
            field=models.CharField(blank=True, max_length=64),
        ),
        migrations.AddField(
            model_name='auditevent',
            name='prev_hash',
            field=models.CharField(blank=True, max_length=64),
        ),
        migrations.AddField(
            model_name='auditevent',
            name='sequence',
            field=models.BigIntegerField(null=True, unique=True),
        ),
        migrations.CreateModel(
            name='LegalHold',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('object_type', models.CharField(max_length=60)),
                ('object_id', models.CharField(max_length=64)),
                ('reason', models.TextField()),
                ('case_reference', models.CharField(blank=True, max_length=80)),
                ('placed_at', models.DateTimeField()),
                ('released_at', models.DateTimeField(blank=True, null=True)),
                ('release_reason', models.TextField(blank=True)),
                ('placed_by', models.ForeignKey(null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('released_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'indexes': [models.Index(fields=['object_type', 'object_id'], name='audit_legal_object__a66464_idx')],
            },
        ),
        migrations.RunPython(chain_existing_events, migrations.RunPython.noop),
        migrations.AlterField(
            model_name='auditevent',
            name='sequence',
            field=models.BigIntegerField(unique=True),
        ),
        migrations.RunPython(forbid_updates, allow_updates),
    ]

"""The chain head follows every inserted event, in the database (one statement fewer for
every audited action than updating it from Python).

SQLite drops a table's triggers when a migration rebuilds the table: a later migration that
alters audit_auditevent must recreate them (tests check they are in place).
"""

from django.db import migrations

SQLITE = """
CREATE TRIGGER IF NOT EXISTS audit_event_head AFTER INSERT ON audit_auditevent
BEGIN UPDATE audit_auditchainhead SET sequence = NEW.sequence, hash = NEW.hash WHERE id = 1; END;
"""
POSTGRES = """
CREATE OR REPLACE FUNCTION audit_event_head() RETURNS trigger AS $$
BEGIN
  UPDATE audit_auditchainhead SET sequence = NEW.sequence, hash = NEW.hash WHERE id = 1;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
DROP TRIGGER IF EXISTS audit_event_head ON audit_auditevent;
CREATE TRIGGER audit_event_head AFTER INSERT ON audit_auditevent
FOR EACH ROW EXECUTE FUNCTION audit_event_head();
"""


def create_trigger(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        schema_editor.execute(SQLITE)
    elif vendor == "postgresql":
        schema_editor.execute(POSTGRES)


def drop_trigger(apps, schema_editor):
    postgresql = schema_editor.connection.vendor == "postgresql"
    schema_editor.execute(
        "DROP TRIGGER IF EXISTS audit_event_head" + (" ON audit_auditevent" if postgresql else "")
    )


class Migration(migrations.Migration):
    dependencies = [("audit", "0002_chain_checkpoints_legal_holds")]

    operations = [
        migrations.RemoveField(model_name="auditchainhead", name="updated_at"),
        migrations.RunPython(create_trigger, drop_trigger),
    ]

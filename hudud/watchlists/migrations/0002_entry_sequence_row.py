"""The one row of the entry revision sequence. Re-runnable: an existing row is left as it is."""

from django.db import migrations


def forwards(apps, schema_editor):
    apps.get_model("watchlists", "EntrySequence").objects.get_or_create(pk=1)


class Migration(migrations.Migration):
    dependencies = [("watchlists", "0001_watchlists_entries_alerts_clearances")]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]

"""Load the agencies of the IBM strategy from hudud/agencies/data/agencies.json.

Re-runnable: rows are matched on their code and updated in place."""

from django.db import migrations

from hudud.common.reference import load_agencies


def forwards(apps, schema_editor):
    load_agencies(apps.get_model("agencies", "Agency"))


class Migration(migrations.Migration):
    dependencies = [("agencies", "0001_agencies_officers_tokens")]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]

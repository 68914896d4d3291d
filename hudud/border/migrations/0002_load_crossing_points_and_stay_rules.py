"""Load Iraq's crossing points and the default stay rules from hudud/border/data/.

Re-runnable: crossing points are matched on their code and updated; stay rules already
present are left as an administrator may have changed them."""

from django.db import migrations

from hudud.common.reference import load_crossing_points, load_stay_rules


def forwards(apps, schema_editor):
    load_crossing_points(
        apps.get_model("border", "CrossingPoint"), apps.get_model("agencies", "Agency")
    )
    load_stay_rules(apps.get_model("border", "StayRule"))


class Migration(migrations.Migration):
    dependencies = [
        ("border", "0001_border_crossings"),
        ("agencies", "0002_load_agencies"),
    ]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]

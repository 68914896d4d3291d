"""Eleven shown-but-never-searched columns of ManifestTraveller move into one JSON `details`
(a 500-traveller insert prepares one JSON value per row instead of eleven values and five
JSON documents; decision 0009). Existing rows are copied before the columns go."""

from django.db import migrations, models

MOVED = (
    "party",
    "birth_date_raw",
    "residence",
    "port_of_embarkation",
    "port_of_debarkation",
    "document_expiry",
    "documents",
    "references",
    "findings",
    "board_reasons",
    "hits",
)


def copy_into_details(apps, schema_editor):
    traveller_model = apps.get_model("manifests", "ManifestTraveller")
    rows = list(traveller_model.objects.all())
    for row in rows:
        details = dict(row.details or {})
        for name in MOVED:
            value = getattr(row, name)
            details[name] = value.isoformat() if hasattr(value, "isoformat") else value
        row.details = details
    traveller_model.objects.bulk_update(rows, ["details"], batch_size=1000)


class Migration(migrations.Migration):
    dependencies = [
        ("manifests", "0001_carriers_flights_submissions"),
    ]

    operations = [
        migrations.AddField(
            model_name="manifesttraveller",
            name="details",
            field=models.JSONField(default=dict),
        ),
        migrations.RunPython(copy_into_details, migrations.RunPython.noop),
        *(migrations.RemoveField(model_name="manifesttraveller", name=name) for name in MOVED),
    ]

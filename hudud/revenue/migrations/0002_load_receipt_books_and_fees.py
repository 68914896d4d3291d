"""Give every crossing point its receipt book (prefix) and load the starting fee schedule from
hudud/revenue/data/.

Re-runnable: books and fees already present are left as an administrator may have changed
them."""

from django.db import migrations

from hudud.revenue.reference import load_fees, load_receipt_books


def forwards(apps, schema_editor):
    load_receipt_books(
        apps.get_model("revenue", "ReceiptBook"), apps.get_model("border", "CrossingPoint")
    )
    load_fees(apps.get_model("revenue", "Fee"))


class Migration(migrations.Migration):
    dependencies = [
        ("revenue", "0001_declarations_fees_receipts"),
        ("border", "0002_load_crossing_points_and_stay_rules"),
    ]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]

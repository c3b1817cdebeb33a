"""Notification and EmailDelivery now belong to the notifications app (its 0001_initial), which
keeps their tables: here they leave the tickets app's state only, and no table changes."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("tickets", "0009_report_and_sla_indexes"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name="EmailDelivery"),
                migrations.DeleteModel(name="Notification"),
            ],
        ),
    ]

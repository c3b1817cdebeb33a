"""The content types of the moved models become this app's: the same rows, so the permissions
on them (tickets 0004: support admins view and resend outgoing emails) stay with their groups,
now as notifications.view_emaildelivery, notifications.resend_emaildelivery and so on."""

from django.db import migrations

MODELS = ["notification", "emaildelivery"]


def _move(apps, source, target):
    ContentType = apps.get_model("contenttypes", "ContentType")
    for model in MODELS:
        moved = ContentType.objects.filter(app_label=source, model=model).first()
        if moved is None:
            continue
        # One made for the target meanwhile (post_migrate) holds no grant: the old one wins.
        ContentType.objects.filter(app_label=target, model=model).delete()
        moved.app_label = target
        moved.save(update_fields=["app_label"])
    ContentType.objects.clear_cache()


def forwards(apps, schema_editor):
    _move(apps, "tickets", "notifications")


def backwards(apps, schema_editor):
    _move(apps, "notifications", "tickets")


class Migration(migrations.Migration):
    dependencies = [
        ("notifications", "0001_initial"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("tickets", "0004_email_permissions"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]

"""Tags on tickets (replacing the unused taggit field, with their history), and canned responses
that are macros: actions, personal or shared. Agents view tags and keep their own macros; support
admins manage tags and the shared macros."""

import django.db.models.deletion
import django.db.models.functions.text
import simple_history.models
from django.conf import settings
from django.contrib.auth.management import create_permissions
from django.db import migrations, models

ROLE_PERMISSIONS = {
    "Support agents": ["view_tag", "add_cannedresponse"],
    "Support admins": ["view_tag", "add_tag", "change_tag", "delete_tag"],
}


def grant(apps, schema_editor):
    # Permissions are normally created after migrate; make them now so they can be granted.
    tickets = apps.get_app_config("tickets")
    tickets.models_module = True
    create_permissions(tickets, apps=apps, verbosity=0)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group_name, codenames in ROLE_PERMISSIONS.items():
        group = Group.objects.get(name=group_name)
        group.permissions.add(
            *Permission.objects.filter(content_type__app_label="tickets", codename__in=codenames)
        )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group_name, codenames in ROLE_PERMISSIONS.items():
        group = Group.objects.get(name=group_name)
        group.permissions.remove(
            *Permission.objects.filter(content_type__app_label="tickets", codename__in=codenames)
        )


class Migration(migrations.Migration):
    dependencies = [
        ("tickets", "0012_merged_into_and_phone_source"),
        ("accounts", "0002_roles"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="cannedresponse",
            name="assign_to_me",
            field=models.BooleanField(
                default=False, verbose_name="assign to the agent applying it"
            ),
        ),
        migrations.AddField(
            model_name="cannedresponse",
            name="assignee",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
                verbose_name="assign to",
            ),
        ),
        migrations.AddField(
            model_name="cannedresponse",
            name="owner",
            field=models.ForeignKey(
                blank=True,
                help_text="Empty: shared with the team. Otherwise only its owner sees and uses it.",
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="macros",
                to=settings.AUTH_USER_MODEL,
                verbose_name="owner",
            ),
        ),
        migrations.AddField(
            model_name="cannedresponse",
            name="set_priority",
            field=models.CharField(
                blank=True,
                choices=[
                    ("low", "Low"),
                    ("medium", "Medium"),
                    ("high", "High"),
                    ("urgent", "Urgent"),
                ],
                max_length=10,
                verbose_name="set priority to",
            ),
        ),
        migrations.AddField(
            model_name="cannedresponse",
            name="set_status",
            field=models.CharField(
                blank=True,
                choices=[
                    ("open", "Open"),
                    ("in_progress", "In progress"),
                    ("waiting_on_customer", "Waiting on customer"),
                    ("resolved", "Resolved"),
                    ("closed", "Closed"),
                ],
                max_length=20,
                verbose_name="set status to",
            ),
        ),
        migrations.AlterField(
            model_name="cannedresponse",
            name="title",
            field=models.CharField(max_length=120, verbose_name="title"),
        ),
        migrations.RemoveField(
            model_name="ticket",
            name="tags",
        ),
        migrations.CreateModel(
            name="Tag",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("name", models.CharField(max_length=50, verbose_name="name")),
                (
                    "colour",
                    models.CharField(
                        choices=[
                            ("grey", "Grey"),
                            ("blue", "Blue"),
                            ("green", "Green"),
                            ("amber", "Amber"),
                            ("red", "Red"),
                            ("purple", "Purple"),
                            ("teal", "Teal"),
                        ],
                        default="grey",
                        max_length=10,
                        verbose_name="colour",
                    ),
                ),
            ],
            options={
                "verbose_name": "tag",
                "verbose_name_plural": "tags",
                "ordering": ["name"],
                "constraints": [
                    models.UniqueConstraint(
                        django.db.models.functions.text.Lower("name"),
                        name="tickets_tag_name_ci_unique",
                        violation_error_message="A tag with this name already exists.",
                    )
                ],
            },
        ),
        migrations.CreateModel(
            name="HistoricalTicket_tags",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                ("m2m_history_id", models.AutoField(primary_key=True, serialize=False)),
                (
                    "history",
                    models.ForeignKey(
                        db_constraint=False,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        to="tickets.historicalticket",
                    ),
                ),
                (
                    "ticket",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        db_tablespace="",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="tickets.ticket",
                    ),
                ),
                (
                    "tag",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        db_tablespace="",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="tickets.tag",
                    ),
                ),
            ],
            options={
                "verbose_name": "HistoricalTicket_tags",
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.AddField(
            model_name="cannedresponse",
            name="add_tags",
            field=models.ManyToManyField(
                blank=True, related_name="+", to="tickets.tag", verbose_name="add tags"
            ),
        ),
        migrations.AddField(
            model_name="cannedresponse",
            name="remove_tags",
            field=models.ManyToManyField(
                blank=True, related_name="+", to="tickets.tag", verbose_name="remove tags"
            ),
        ),
        migrations.AddConstraint(
            model_name="cannedresponse",
            constraint=models.UniqueConstraint(
                condition=models.Q(("owner__isnull", True)),
                fields=("title",),
                name="tickets_shared_macro_title_unique",
                violation_error_message="A shared canned response has this title already.",
            ),
        ),
        migrations.AddConstraint(
            model_name="cannedresponse",
            constraint=models.UniqueConstraint(
                condition=models.Q(("owner__isnull", False)),
                fields=("owner", "title"),
                name="tickets_personal_macro_title_unique",
                violation_error_message="You have a canned response with this title already.",
            ),
        ),
        migrations.AddField(
            model_name="ticket",
            name="tags",
            field=models.ManyToManyField(
                blank=True, related_name="tickets", to="tickets.tag", verbose_name="tags"
            ),
        ),
        migrations.RunPython(grant, revoke),
    ]

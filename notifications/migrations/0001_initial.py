"""The models the tickets app made (tickets 0003, 0007), moved here with their tables: this
creates them in this app's state only (db_table names the existing tables; the index names are
the ones they have). Their kind columns take their choices from notifications.kinds."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

import notifications.kinds


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("tickets", "0010_notifications_moved_to_their_app"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="EmailDelivery",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            "kind",
                            models.CharField(
                                choices=notifications.kinds.choices,
                                max_length=40,
                                verbose_name="kind",
                            ),
                        ),
                        ("to", models.CharField(max_length=254, verbose_name="to")),
                        ("subject", models.CharField(max_length=255, verbose_name="subject")),
                        ("body_text", models.TextField(verbose_name="text")),
                        ("body_html", models.TextField(verbose_name="HTML")),
                        (
                            "reply_to",
                            models.CharField(blank=True, max_length=254, verbose_name="reply to"),
                        ),
                        (
                            "message_id",
                            models.CharField(
                                max_length=255, unique=True, verbose_name="Message-ID"
                            ),
                        ),
                        (
                            "references",
                            models.CharField(blank=True, max_length=255, verbose_name="references"),
                        ),
                        (
                            "status",
                            models.CharField(
                                choices=[
                                    ("queued", "Queued"),
                                    ("sending", "Sending"),
                                    ("sent", "Sent"),
                                    ("failed", "Failed"),
                                ],
                                default="queued",
                                max_length=10,
                                verbose_name="status",
                            ),
                        ),
                        (
                            "attempts",
                            models.PositiveSmallIntegerField(default=0, verbose_name="attempts"),
                        ),
                        ("last_error", models.TextField(blank=True, verbose_name="last error")),
                        (
                            "next_attempt_at",
                            models.DateTimeField(
                                blank=True, null=True, verbose_name="next attempt"
                            ),
                        ),
                        (
                            "sent_at",
                            models.DateTimeField(blank=True, null=True, verbose_name="sent at"),
                        ),
                        (
                            "created_at",
                            models.DateTimeField(auto_now_add=True, verbose_name="created"),
                        ),
                        ("updated_at", models.DateTimeField(auto_now=True, verbose_name="updated")),
                        (
                            "recipient",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="recipient",
                            ),
                        ),
                        (
                            "ticket",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="email_deliveries",
                                to="tickets.ticket",
                                verbose_name="ticket",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "outgoing email",
                        "verbose_name_plural": "outgoing emails",
                        "db_table": "tickets_emaildelivery",
                        "ordering": ["-created_at", "-pk"],
                        "permissions": [("resend_emaildelivery", "Can resend outgoing emails")],
                        "indexes": [
                            models.Index(
                                fields=["status", "next_attempt_at"],
                                name="tickets_ema_status_fa2de4_idx",
                            ),
                            models.Index(
                                fields=["ticket", "created_at"],
                                name="tickets_ema_ticket__ef188b_idx",
                            ),
                        ],
                    },
                ),
                migrations.CreateModel(
                    name="Notification",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            "kind",
                            models.CharField(
                                choices=notifications.kinds.choices,
                                max_length=40,
                                verbose_name="kind",
                            ),
                        ),
                        ("text", models.CharField(max_length=300, verbose_name="text")),
                        ("url", models.CharField(max_length=500, verbose_name="link")),
                        (
                            "created_at",
                            models.DateTimeField(auto_now_add=True, verbose_name="created"),
                        ),
                        (
                            "read_at",
                            models.DateTimeField(blank=True, null=True, verbose_name="read at"),
                        ),
                        (
                            "recipient",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="ticket_notifications",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="recipient",
                            ),
                        ),
                        (
                            "ticket",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="notifications",
                                to="tickets.ticket",
                                verbose_name="ticket",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "notification",
                        "verbose_name_plural": "notifications",
                        "db_table": "tickets_notification",
                        "ordering": ["-created_at", "-pk"],
                        "indexes": [
                            models.Index(
                                fields=["recipient", "-created_at"],
                                name="tickets_not_recipie_8be10e_idx",
                            ),
                            models.Index(
                                condition=models.Q(("read_at__isnull", True)),
                                fields=["recipient"],
                                name="tickets_notification_unread",
                            ),
                        ],
                    },
                ),
            ],
        ),
    ]

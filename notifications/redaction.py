"""The notifications' copies of a redacted passage: the emails sent about the ticket (their
subject, text and HTML) and the in-app notifications' texts (tickets.signals.text_redacted)."""

from privacy.text import replace_in

from .models import EmailDelivery, Notification


def forget_passage(sender, *, ticket, passage, marker, **kwargs):
    return {
        "emails": replace_in(
            EmailDelivery.objects.filter(ticket=ticket),
            passage,
            marker,
            fields=("subject", "body_text"),
            html_fields=("body_html",),
        ),
        "notifications": replace_in(
            Notification.objects.filter(ticket=ticket), passage, marker, fields=("text",)
        ),
    }

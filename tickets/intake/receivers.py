"""The anymail inbound webhook (/anymail/<esp>/inbound/, behind ANYMAIL["WEBHOOK_SECRET"]) feeds
each message it receives to email intake, with the provider's post (its verdict on the sender)."""

from anymail.signals import inbound
from django.dispatch import receiver

from . import ingest


@receiver(inbound, dispatch_uid="tickets.intake")
def take_in_inbound_email(sender, event, esp_name, **kwargs):
    ingest(event.message, channel=esp_name, esp_event=event.esp_event)

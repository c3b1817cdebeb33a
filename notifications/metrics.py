"""The outgoing emails by state, for Prometheus (supportsite.metrics): read at each scrape."""

from django.db.models import Count
from prometheus_client.core import GaugeMetricFamily

from .models import EmailDelivery


class EmailCollector:
    def collect(self):
        emails = GaugeMetricFamily(
            "supportsite_emails", "Outgoing emails the site keeps, by state.", labels=["state"]
        )
        counts = dict(EmailDelivery.objects.order_by().values_list("status").annotate(Count("pk")))
        for state in EmailDelivery.Status:
            emails.add_metric([state.value], counts.get(state.value, 0))
        yield emails

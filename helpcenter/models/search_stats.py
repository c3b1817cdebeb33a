from django.db import IntegrityError, models, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

QUERY_MAX_LENGTH = 200


def normalize_query(query):
    """Searches that differ only in case or spacing count as one."""
    return " ".join(query.split()).lower()[:QUERY_MAX_LENGTH]


class DailySearchCount(models.Model):
    """How often a query was searched on one day, and how often it found nothing."""

    date = models.DateField(_("date"))
    query = models.CharField(_("search terms"), max_length=QUERY_MAX_LENGTH)
    searches = models.PositiveIntegerField(_("searches"), default=0)
    searches_without_results = models.PositiveIntegerField(_("searches without results"), default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["date", "query"], name="one_count_per_query_and_day")
        ]
        indexes = [models.Index(fields=["query"])]
        verbose_name = _("daily search count")
        verbose_name_plural = _("daily search counts")

    def __str__(self):
        return f"{self.date}: {self.query}"

    @classmethod
    def record(cls, query, result_count):
        """Count one search of `query` today (in the site's time zone), safely under concurrency."""
        query = normalize_query(query)
        if not query:
            return
        today = timezone.localdate()
        increments = {"searches": F("searches") + 1}
        if not result_count:
            increments["searches_without_results"] = F("searches_without_results") + 1
        rows = cls.objects.filter(date=today, query=query)
        if rows.update(**increments):
            return
        try:
            with transaction.atomic():
                cls.objects.create(
                    date=today,
                    query=query,
                    searches=1,
                    searches_without_results=0 if result_count else 1,
                )
        except IntegrityError:
            rows.update(**increments)


class UnansweredSearch(models.Model):
    """A search that did not answer the visitor: the same session sent a ticket soon after.

    Grouped by the topic of the best result (none when nothing was found), these are the content
    gaps editors should fill (helpcenter.content_gaps records them).
    """

    query = models.CharField(_("search terms"), max_length=QUERY_MAX_LENGTH)
    results = models.PositiveIntegerField(_("results"))
    topic = models.ForeignKey(
        "helpcenter.TopicPage",
        verbose_name=_("topic of the best result"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    ticket = models.ForeignKey(
        "tickets.Ticket", verbose_name=_("ticket"), on_delete=models.CASCADE, related_name="+"
    )
    searched_at = models.DateTimeField(_("searched at"))

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["ticket", "query"], name="one_gap_per_ticket_and_query")
        ]
        indexes = [models.Index(fields=["searched_at"])]
        verbose_name = _("unanswered search")
        verbose_name_plural = _("unanswered searches")

    def __str__(self):
        return self.query

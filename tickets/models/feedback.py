from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _


class Feedback(models.Model):
    """The customer's rating of a resolved ticket: one per ticket."""

    ticket = models.OneToOneField(
        "tickets.Ticket", on_delete=models.CASCADE, related_name="feedback"
    )
    rating = models.PositiveSmallIntegerField(
        _("rating"), validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    comment = models.TextField(_("comment"), blank=True, max_length=2000)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("feedback")
        verbose_name_plural = _("feedback")
        # The satisfaction report lists the newest ratings of a period, 50 at a time.
        indexes = [models.Index(fields=["created_at", "id"], name="tickets_feedback_given_idx")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(rating__gte=1, rating__lte=5), name="tickets_feedback_rating_1_5"
            ),
        ]

    def __str__(self):
        return f"{self.ticket.number}: {self.rating}/5"

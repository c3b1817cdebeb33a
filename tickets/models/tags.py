from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from .constraints import ConstraintErrorsOnField


class TagColour(models.TextChoices):
    """A few colours, each a light background with dark text that keeps WCAG AA contrast."""

    GREY = "grey", _("Grey")
    BLUE = "blue", _("Blue")
    GREEN = "green", _("Green")
    AMBER = "amber", _("Amber")
    RED = "red", _("Red")
    PURPLE = "purple", _("Purple")
    TEAL = "teal", _("Teal")


class Tag(ConstraintErrorsOnField, models.Model):
    """A label agents put on tickets to sort and count them; support admins manage the list."""

    constraint_errors_field = "name"

    name = models.CharField(_("name"), max_length=50)
    colour = models.CharField(
        _("colour"), max_length=10, choices=TagColour.choices, default=TagColour.GREY
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("tag")
        verbose_name_plural = _("tags")
        constraints = [
            models.UniqueConstraint(
                Lower("name"),
                name="tickets_tag_name_ci_unique",
                violation_error_message=_("A tag with this name already exists."),
            ),
        ]

    def __str__(self):
        return self.name

    def clean(self):
        self.name = self.name.strip()

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel


class SearchTerm(models.Model):
    """A word of the published help center and how many articles and answers use it.

    Rebuilt whenever pages are published (helpcenter.vocabulary): search corrects misspelt words
    to the nearest of these, and weighs rare words above common ones.
    """

    word = models.CharField(_("word"), max_length=60, unique=True)
    documents = models.PositiveIntegerField(_("articles and answers using it"), default=0)

    class Meta:
        verbose_name = _("search term")
        verbose_name_plural = _("search terms")

    def __str__(self):
        return self.word


class SearchSynonym(models.Model):
    """Words customers use for the same thing ("late, delay, delayed"): a search for one finds
    the others too. A snippet editors manage."""

    words = models.CharField(
        _("words that mean the same"),
        max_length=255,
        unique=True,
        help_text=_(
            'Separated by commas, e.g. "late, delay, delayed". A search for any of them finds '
            "articles using the others."
        ),
    )

    panels = [FieldPanel("words")]

    class Meta:
        ordering = ["words"]
        verbose_name = _("search synonym")
        verbose_name_plural = _("search synonyms")

    def __str__(self):
        return self.words

    def word_list(self):
        return [word.strip().lower() for word in self.words.split(",") if word.strip()]

"""Keep cached help-center fragments in step with what is published and who may see it."""

from django.db.models.signals import m2m_changed, post_delete, post_save
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from . import vocabulary
from .cache import content_changed
from .models import FAQCategory


def _page_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page):
        content_changed()
        vocabulary.rebuild()


def connect():
    page_published.connect(content_changed, dispatch_uid="helpcenter-published")
    page_unpublished.connect(content_changed, dispatch_uid="helpcenter-unpublished")
    post_page_move.connect(content_changed, dispatch_uid="helpcenter-moved")
    page_published.connect(vocabulary.rebuild, dispatch_uid="helpcenter-vocabulary-published")
    page_unpublished.connect(vocabulary.rebuild, dispatch_uid="helpcenter-vocabulary-unpublished")
    # The vocabulary holds public pages' words only: moving a page or restricting one changes it.
    post_page_move.connect(vocabulary.rebuild, dispatch_uid="helpcenter-vocabulary-moved")
    post_save.connect(
        vocabulary.rebuild,
        sender=PageViewRestriction,
        dispatch_uid="helpcenter-vocabulary-restricted",
    )
    post_delete.connect(
        vocabulary.rebuild,
        sender=PageViewRestriction,
        dispatch_uid="helpcenter-vocabulary-unrestricted",
    )
    post_delete.connect(_page_deleted, dispatch_uid="helpcenter-deleted")
    for model in (PageViewRestriction, FAQCategory):
        post_save.connect(
            content_changed, sender=model, dispatch_uid=f"helpcenter-{model.__name__}"
        )
        post_delete.connect(
            content_changed, sender=model, dispatch_uid=f"helpcenter-{model.__name__}-deleted"
        )
    m2m_changed.connect(
        content_changed,
        sender=PageViewRestriction.groups.through,
        dispatch_uid="helpcenter-restriction-groups",
    )

""" "Was this article helpful?": one vote per visitor per article, posted by a plain form.

A signed-in visitor is known by their account; an anonymous one by a random token kept in their
session (it survives signing in, since Django keeps session data when it renews the key).
"""

import secrets

from django.db.models import Count, Q
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django_ratelimit.core import is_ratelimited
from django_ratelimit.exceptions import Ratelimited

from . import models
from .forms import FeedbackForm

SESSION_KEY = "helpcenter_visitor"
VOTES_PER_IP = "60/h"


def visitor_key_for(user):
    """A signed-in visitor's votes are theirs: the key their account's votes are kept under."""
    return f"user:{user.pk}"


def visitor_key(request, create=False):
    if request.user.is_authenticated:
        return visitor_key_for(request.user)
    token = request.session.get(SESSION_KEY)
    if token is None and create:
        token = request.session[SESSION_KEY] = secrets.token_hex(16)
    return f"session:{token}" if token else None


def current_vote(page, request):
    key = visitor_key(request)
    if key is None or page.pk is None:
        return None
    return models.ArticleFeedback.objects.filter(page=page, visitor=key).first()


def handle_post(page, request):
    """Record the vote and comment, then show the article again (redirected: reloads are safe)."""
    if is_ratelimited(
        request, group="article-feedback", key="ip", rate=VOTES_PER_IP, increment=True
    ):
        raise Ratelimited()
    vote = current_vote(page, request)
    form = FeedbackForm(request.POST, vote=vote)
    if not form.is_valid():
        context = page.get_context(request)
        context["feedback_form"] = form
        return TemplateResponse(request, page.get_template(request), context)
    record_vote(page, request, form.cleaned_data["helpful"], form.cleaned_data["comment"])
    return redirect(f"{page.url}#feedback")


def record_vote(page, request, helpful, comment=""):
    """Create or change this visitor's vote; a new vote without a comment keeps the old one."""
    defaults = {"helpful": helpful}
    if comment.strip():
        defaults["comment"] = comment.strip()
    vote, _ = models.ArticleFeedback.objects.update_or_create(
        page=page, visitor=visitor_key(request, create=True), defaults=defaults
    )
    return vote


def summarize(queryset):
    """Yes and no counts, comments, and the helpful share and percent (None without votes)."""
    totals = queryset.aggregate(
        yes=Count("pk", filter=Q(helpful=True)),
        no=Count("pk", filter=Q(helpful=False)),
        comments=Count("pk", filter=~Q(comment="")),
    )
    votes = totals["yes"] + totals["no"]
    totals["votes"] = votes
    totals["ratio"] = totals["yes"] / votes if votes else None
    totals["percent"] = round(100 * totals["ratio"]) if votes else None
    return totals

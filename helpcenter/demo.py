"""The demo help center for `seed_demo`: topics, articles, an FAQ page, the contact page, the
editors' moderation workflow, and some reader activity for the reports.

Safe to run again: every page, vote or count is created only when missing, so editors' changes
to the demo content survive a re-seed.
"""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone
from wagtail.models import (
    GroupApprovalTask,
    PageViewRestriction,
    Site,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from accounts import roles
from supportsite.site_address import follow_site_url
from tickets.demo import seed_categories

from . import demo_content as content
from .models import (
    ArticleFeedback,
    ArticlePage,
    ContactFormField,
    ContactPage,
    DailySearchCount,
    FAQCategory,
    FAQItem,
    FAQPage,
    HomePage,
    RelatedArticle,
    TopicPage,
)

HOME_INTRO = (
    "<p>Answers about ordering, deliveries, invoices and your account, written by the team "
    "that delivers your groceries. Can't find what you need? Send us a ticket.</p>"
)
WORKFLOW_NAME = "Editor submits, moderator publishes"
TASK_NAME = "Moderator approval"


@transaction.atomic
def seed_help_center():
    """Give the home page its demo text and title, and build the help center beneath it."""
    home = HomePage.objects.get(depth=2)
    if home.intro != HOME_INTRO or home.title != "Help Center":
        home.title = "Help Center"
        home.intro = HOME_INTRO
        home.save_revision().publish()
    seed_contact_page(home)
    site = Site.objects.get(is_default_site=True)
    if site.site_name != settings.SITE_NAME:
        site.site_name = settings.SITE_NAME
        site.save()
    follow_site_url(Site)
    topics = seed_topics(home)
    seed_faq(home)
    seed_searches()
    seed_category_topics(topics)
    seed_moderation_workflow(home)
    return home


def seed_contact_page(home):
    """The default contact page at /contact/, with one editor-defined extra field."""
    if ContactPage.objects.filter(slug="contact").exists():
        return
    page = ContactPage(
        title="Contact support",
        slug="contact",
        intro="<p>Tell us what happened and we'll get back to you, usually within a few hours "
        "on weekdays.</p>",
        thank_you_text="<p>We've emailed you a copy. Reply to that email or use the ticket page "
        "to add anything.</p>",
    )
    page.form_fields = [
        ContactFormField(
            label="Best time to call you",
            field_type="singleline",
            required=False,
            help_text="Only if a call would help, e.g. 'weekdays after 2pm'.",
        )
    ]
    home.add_child(instance=page)
    page.save_revision().publish()


def seed_topics(home):
    categories = seed_categories()
    topics = {}
    created = []
    for spec in content.TOPICS:
        topic = TopicPage.objects.child_of(home).filter(slug=spec["slug"]).first()
        if topic is None:
            topic = TopicPage(
                title=spec["title"],
                slug=spec["slug"],
                description=spec["description"],
                icon=spec["icon"],
            )
            home.add_child(instance=topic)
            topic.save_revision().publish()
        topics[spec["slug"]] = topic
        for article_spec in spec["articles"]:
            category = categories[article_spec.get("category", spec["category"])]
            article = seed_article(topic, article_spec, category)
            if article:
                created.append((article, article_spec))
    seed_related_articles(created)
    return topics


def seed_article(topic, spec, category):
    """Create one demo article (published, draft, scheduled or restricted); None if it exists."""
    if ArticlePage.objects.child_of(topic).filter(slug=spec["slug"]).exists():
        return None
    today = timezone.localdate()
    article = ArticlePage(
        title=spec["title"],
        slug=spec["slug"],
        summary=spec["summary"],
        body=spec["body"],
        ticket_category=category,
        review_by=today + timedelta(days=spec.get("review_in_days", 180)),
        live=not (spec.get("draft") or spec.get("scheduled_in_days")),
    )
    article.tags.add(*spec["tags"])
    topic.add_child(instance=article)
    if spec.get("restricted"):
        PageViewRestriction.objects.create(page=article, restriction_type=PageViewRestriction.LOGIN)
    if spec.get("draft"):
        article.save_revision()
        return article
    if spec.get("scheduled_in_days"):
        article.go_live_at = timezone.now() + timedelta(days=spec["scheduled_in_days"])
        article.save_revision().publish()
        return article
    article.save_revision().publish()
    seed_reader_activity(article, spec)
    return article


def seed_related_articles(created):
    """Editors' "related articles" choices, made once both ends exist."""
    articles = {page.slug: page for page in ArticlePage.objects.all()}
    for article, spec in created:
        related = [articles[slug] for slug in spec.get("related", []) if slug in articles]
        if related and article.live:
            article.related_links = [RelatedArticle(article=other) for other in related]
            article.save_revision().publish()


def seed_reader_activity(article, spec):
    """Readers' votes and comments, so the popular list and the reports have something to show."""
    yes, no, comments = spec.get("votes", (0, 0, []))
    votes = [True] * yes + [False] * no
    for n, helpful in enumerate(votes):
        comment = comments[n - yes] if not helpful and n - yes < len(comments) else ""
        ArticleFeedback.objects.create(
            page=article, visitor=f"demo:{n}", helpful=helpful, comment=comment
        )


def seed_faq(home):
    if FAQPage.objects.child_of(home).filter(slug=content.FAQ_PAGE["slug"]).exists():
        return
    categories = {}
    for position, name in enumerate(content.FAQ_CATEGORIES):
        categories[name], _ = FAQCategory.objects.get_or_create(
            name=name, defaults={"sort_order": position}
        )
    page = FAQPage(
        title=content.FAQ_PAGE["title"],
        slug=content.FAQ_PAGE["slug"],
        intro=content.FAQ_PAGE["intro"],
    )
    page.faq_items = [
        FAQItem(question=question, answer=answer, category=categories[category], active=active)
        for category, question, answer, active in content.FAQ_ITEMS
    ]
    home.add_child(instance=page)
    page.save_revision().publish()


def seed_searches():
    """Two weeks of search counts, on the first run only."""
    if DailySearchCount.objects.exists():
        return
    today = timezone.localdate()
    DailySearchCount.objects.bulk_create(
        DailySearchCount(
            date=today - timedelta(days=days_ago),
            query=query,
            searches=searches,
            searches_without_results=empty,
        )
        for query, days_ago, searches, empty in content.SEARCHES
    )


def seed_category_topics(topics):
    """Point each ticket category at its help-center topic, unless an admin already chose one."""
    for category in seed_categories().values():
        slug = content.CATEGORY_TOPICS.get(category.name)
        if slug in topics and category.help_topic_id is None:
            category.help_topic = topics[slug]
            category.save(update_fields=["help_topic"])


def seed_moderation_workflow(home):
    """Editors submit help-center pages for moderation; moderators approve and publish them."""
    moderators = Group.objects.get(name=roles.MODERATORS)
    task = GroupApprovalTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=TASK_NAME)
        task.groups.set([moderators])
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME)
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowPage.objects.get_or_create(page=home, defaults={"workflow": workflow})


# Searches that demo customers made before sending a ticket: (search terms, results found).
UNANSWERED_SEARCHES = [
    ("pallet deposit", 0),
    ("sunday delivery", 2),
    ("change delivery address", 3),
    ("credit note", 1),
    ("pallet deposit refund", 0),
    ("driver phone number", 1),
]


def seed_report_activity():
    """Contact-form deflections and searches followed by a ticket, on the first run only, so the
    deflection and content-gap reports have something to show. Runs after the demo tickets."""
    from tickets.models import Deflection, Ticket

    from .content_gaps import topics_of
    from .models import UnansweredSearch

    if Deflection.objects.exists() or UnansweredSearch.objects.exists():
        return
    articles = list(ArticlePage.objects.live().public().order_by("path")[:6])
    tickets = list(Ticket.objects.select_related("category").order_by("created_at")[:12])
    if not articles or not tickets:
        return
    Deflection.objects.bulk_create(
        Deflection(
            page=articles[n % len(articles)],
            session_key=f"demo-{n}",
            query="delivery",
            ticket=tickets[n % len(tickets)] if n % 4 == 0 else None,
        )
        for n in range(30)
    )
    topics = topics_of({ticket.category.help_topic_id for ticket in tickets if ticket.category})
    UnansweredSearch.objects.bulk_create(
        UnansweredSearch(
            query=query,
            results=results,
            topic=topics.get(ticket.category.help_topic_id) if ticket.category else None,
            ticket=ticket,
            searched_at=ticket.created_at - timedelta(minutes=10),
        )
        for (query, results), ticket in zip(UNANSWERED_SEARCHES * 2, tickets, strict=False)
    )

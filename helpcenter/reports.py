"""Editors' reports in the Wagtail admin (Reports menu): searches, article feedback, content health,
deflections and content gaps.

Each is a Wagtail ReportView: it pages, sorts, filters and exports to CSV/XLSX like Wagtail's own;
the holders of one permission read them (HelpCenterReportView).
"""

import django_filters
from django.db.models import Count, F, FloatField, Max, Q, Sum
from django.db.models.functions import Cast, NullIf
from django.middleware.csrf import get_token
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn, NumberColumn, TitleColumn

from supportsite.reports import AdminReportView, ExportColumnsMixin
from tickets.models import Deflection

from . import health
from .models import ArticleFeedback, ArticlePage, DailySearchCount, TopicPage, UnansweredSearch


def _edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=(page.pk,))


def _nulls_last(ordering):
    """An order_by() term that keeps empty values (no votes, no date) at the end either way."""
    if ordering.startswith("-"):
        return F(ordering[1:]).desc(nulls_last=True)
    return F(ordering).asc(nulls_last=True)


class PercentColumn(Column):
    def get_value(self, instance):
        value = super().get_value(instance)
        return "" if value is None else f"{value:.0%}"


class HelpCenterReportView(AdminReportView):
    """For editors, moderators and support admins, who hold the permission
    (supportsite.models.Report)."""

    permission_required = "supportsite.view_helpcenter_reports"


class AggregateReportView(ExportColumnsMixin, HelpCenterReportView):
    """A report whose rows are figures about `source_model` rows: the filters and the search
    apply to those (source()), and get_queryset() turns them into the rows shown."""

    source_model = None

    def get_filterset_kwargs(self):
        kwargs = super().get_filterset_kwargs()
        kwargs["queryset"] = self.source_model.objects.all()
        return kwargs

    def source(self):
        return self.search_queryset(self.filter_queryset(self.source_model.objects.all()))

    def get_filtered_queryset(self):
        return self.get_queryset()


class SearchFilterSet(WagtailFilterSet):
    date = django_filters.DateFromToRangeFilter(label=_("Date"), widget=DateRangePickerWidget)

    class Meta:
        model = DailySearchCount
        fields = []


class SearchesReportView(AggregateReportView):
    """What visitors searched for over a period; the most frequent first."""

    page_title = _("Help-center searches")
    header_icon = "search"
    source_model = DailySearchCount
    filterset_class = SearchFilterSet
    is_searchable = True
    search_fields = ["query"]
    name = "searches"
    default_ordering = "-searches"
    only_without_results = False
    columns = [
        TitleColumn(
            "query",
            label=_("Search terms"),
            get_url=lambda row: reverse("helpcenter:search") + "?" + urlencode({"q": row["query"]}),
            link_attrs={"target": "_blank", "rel": "noopener"},
            sort_key="query",
        ),
        NumberColumn("searches", label=_("Searches"), sort_key="searches"),
        NumberColumn("without_results", label=_("Found nothing"), sort_key="without_results"),
        Column("last_searched", label=_("Last searched"), sort_key="last_searched"),
    ]

    def get_queryset(self):
        rows = (
            self.source()
            .values("query")
            .annotate(
                searches=Sum("searches"),
                without_results=Sum("searches_without_results"),
                last_searched=Max("date"),
            )
        )
        if self.only_without_results:
            rows = rows.filter(without_results__gt=0)
        return rows.order_by(self.ordering, "query")


class FailedSearchesReportView(SearchesReportView):
    """Searches that found nothing: the articles editors should write next."""

    page_title = _("Searches with no results")
    header_icon = "warning"
    name = "failed_searches"
    route = "searches/failed/"
    default_ordering = "-without_results"
    only_without_results = True


class ArticleFilterSet(WagtailFilterSet):
    period = django_filters.DateFromToRangeFilter(
        label=_("Votes given"), widget=DateRangePickerWidget, method="votes_in_period"
    )
    live = django_filters.BooleanFilter(label=_("Published"))

    class Meta:
        model = ArticlePage
        fields = ["period", "live"]

    def votes_in_period(self, queryset, name, value):
        """Applied by the report when it counts the votes."""
        return queryset


class ArticleFeedbackReportView(AggregateReportView):
    """Each article's "Was this helpful?" votes, the least helpful first."""

    page_title = _("Article feedback")
    header_icon = "thumbtack"
    source_model = ArticlePage
    filterset_class = ArticleFilterSet
    name = "feedback"
    default_ordering = "helpful_share"
    columns = [
        TitleColumn("title", label=_("Article"), get_url=_edit_url, sort_key="title"),
        NumberColumn("helpful_yes", label=_("Yes"), sort_key="helpful_yes"),
        NumberColumn("helpful_no", label=_("No"), sort_key="helpful_no"),
        PercentColumn("helpful_share", label=_("Helpful"), sort_key="helpful_share"),
        TitleColumn(
            "comment_count",
            label=_("Comments"),
            get_url=lambda page: reverse("helpcenter_reports:comments") + f"?page={page.pk}",
            sort_key="comment_count",
        ),
    ]

    def get_queryset(self):
        period = self.filters.form.cleaned_data.get("period") if self.filters.is_valid() else None
        articles = health.with_votes(self.source(), period).annotate(
            comment_count=Count("feedback", filter=~Q(feedback__comment=""), distinct=True)
        )
        return articles.filter(votes__gt=0).order_by(_nulls_last(self.ordering), "title")


class CommentFilterSet(WagtailFilterSet):
    page = django_filters.ModelChoiceFilter(
        label=_("Article"),
        queryset=ArticlePage.objects.filter(feedback__isnull=False).distinct().order_by("title"),
    )
    helpful = django_filters.BooleanFilter(label=_("Found it helpful"))
    updated_at = django_filters.DateFromToRangeFilter(label=_("Date"), widget=DateRangePickerWidget)

    class Meta:
        model = ArticleFeedback
        fields = ["page", "helpful", "updated_at"]


class FeedbackCommentsReportView(HelpCenterReportView):
    """What readers wrote under "Was this article helpful?", newest first."""

    page_title = _("Feedback comments")
    header_icon = "comment"
    model = ArticleFeedback
    filterset_class = CommentFilterSet
    is_searchable = True
    search_fields = ["comment"]
    name = "comments"
    route = "feedback/comments/"
    default_ordering = "-updated_at"
    columns = [
        DateColumn("updated_at", label=_("Date"), sort_key="updated_at"),
        TitleColumn(
            "page",
            label=_("Article"),
            get_url=lambda vote: _edit_url(vote.page),
            sort_key="page__title",
        ),
        Column(
            "helpful",
            label=_("Helpful"),
            accessor=lambda vote: _("Yes") if vote.helpful else _("No"),
            sort_key="helpful",
        ),
        Column("comment", label=_("Comment")),
    ]
    list_export = ["updated_at", "page.title", "helpful", "comment"]
    export_headings = {
        "updated_at": _("Date"),
        "page.title": _("Article"),
        "helpful": _("Helpful"),
        "comment": _("Comment"),
    }

    def get_base_queryset(self):
        return ArticleFeedback.objects.exclude(comment="").select_related("page")


class HealthFilterSet(WagtailFilterSet):
    review = django_filters.ChoiceFilter(
        label=_("Review"),
        empty_label=_("Any"),
        choices=[
            ("overdue", _("Due for review")),
            ("soon", _("Due within 30 days")),
            ("none", _("No review date")),
        ],
        method="filter_review",
    )
    live = django_filters.BooleanFilter(label=_("Published"))

    class Meta:
        model = ArticlePage
        fields = ["review", "live"]

    def filter_review(self, queryset, name, value):
        today = timezone.localdate()
        if value == "overdue":
            return queryset.filter(review_by__lte=today)
        if value == "soon":
            return queryset.filter(review_by__lte=today + health.DUE_SOON)
        return queryset.filter(review_by__isnull=True)


class ReviewColumn(DateColumn):
    cell_template_name = "helpcenter/admin/review_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["state"] = health.review_state(instance.review_by)
        return context


class ContentHealthReportView(AggregateReportView):
    """Every article with its review date, helpfulness and whether it stops tickets."""

    page_title = _("Content health")
    header_icon = "pick"
    source_model = ArticlePage
    filterset_class = HealthFilterSet
    name = "content_health"
    default_ordering = "review_by"
    columns = [
        TitleColumn("title", label=_("Article"), get_url=_edit_url, sort_key="title"),
        ReviewColumn("review_by", label=_("Review by"), sort_key="review_by"),
        DateColumn("last_published_at", label=_("Last published"), sort_key="last_published_at"),
        PercentColumn("helpful_share", label=_("Helpful"), sort_key="helpful_share"),
        NumberColumn(
            "suggestion_opens", label=_("Opened from contact form"), sort_key="suggestion_opens"
        ),
        NumberColumn(
            "tickets_after_reading",
            label=_("Tickets still sent"),
            sort_key="tickets_after_reading",
        ),
    ]

    def get_queryset(self):
        articles = health.with_figures(self.source())
        return articles.order_by(_nulls_last(self.ordering), "title")


class DeflectionFilterSet(WagtailFilterSet):
    opened_at = django_filters.DateFromToRangeFilter(label=_("Date"), widget=DateRangePickerWidget)

    class Meta:
        model = Deflection
        fields = ["opened_at"]


class DeflectionsReportView(AggregateReportView):
    """Articles suggested on the contact form that visitors opened, and how often a ticket was
    still sent: the rest are questions the help center answered."""

    page_title = _("Deflections")
    header_icon = "success"
    source_model = Deflection
    filterset_class = DeflectionFilterSet
    name = "deflections"
    default_ordering = "-deflected"
    columns = [
        TitleColumn(
            "title",
            label=_("Article"),
            get_url=lambda row: reverse("wagtailadmin_pages:edit", args=(row["page_id"],)),
            sort_key="title",
        ),
        NumberColumn("opened", label=_("Opened from contact form"), sort_key="opened"),
        NumberColumn("tickets", label=_("Tickets still sent"), sort_key="tickets"),
        NumberColumn("deflected", label=_("Deflected"), sort_key="deflected"),
        PercentColumn("deflection_rate", label=_("Deflection rate"), sort_key="deflection_rate"),
    ]

    def get_queryset(self):
        rows = (
            self.source()
            .values("page_id", title=F("page__title"))
            .annotate(opened=Count("pk"), tickets=Count("ticket"))
            .annotate(deflected=F("opened") - F("tickets"))
            .annotate(deflection_rate=Cast("deflected", FloatField()) / NullIf(F("opened"), 0))
        )
        return rows.order_by(_nulls_last(self.ordering), "title")


class ContentGapFilterSet(WagtailFilterSet):
    searched_at = django_filters.DateFromToRangeFilter(
        label=_("Date"), widget=DateRangePickerWidget
    )
    topic = django_filters.ModelChoiceFilter(
        label=_("Topic"), queryset=TopicPage.objects.order_by("title")
    )
    found_nothing = django_filters.BooleanFilter(
        label=_("Found nothing"), method="filter_found_nothing"
    )

    class Meta:
        model = UnansweredSearch
        fields = ["searched_at", "topic"]

    def filter_found_nothing(self, queryset, name, value):
        return queryset.filter(results=0) if value else queryset.filter(results__gt=0)


class WriteArticleColumn(Column):
    """A button that opens a new draft article for the row's search in its topic
    (helpcenter.gap_articles); none for a search without a topic."""

    cell_template_name = "helpcenter/admin/write_article_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["csrf_token"] = get_token(parent_context["request"])
        return context


class ContentGapsReportView(AggregateReportView):
    """Searches that were followed by a ticket, per topic (see helpcenter.content_gaps): what the
    help center does not answer yet."""

    page_title = _("Content gaps")
    header_icon = "help"
    source_model = UnansweredSearch
    filterset_class = ContentGapFilterSet
    results_template_name = "helpcenter/admin/content_gaps_results.html"
    is_searchable = True
    search_fields = ["query"]
    name = "content_gaps"
    default_ordering = "-tickets"
    columns = [
        Column(
            "topic_title",
            label=_("Topic"),
            accessor=lambda row: row["topic_title"] or _("No topic"),
        ),
        TitleColumn(
            "query",
            label=_("Search terms"),
            get_url=lambda row: reverse("helpcenter:search") + "?" + urlencode({"q": row["query"]}),
            link_attrs={"target": "_blank", "rel": "noopener"},
            sort_key="query",
        ),
        NumberColumn("tickets", label=_("Tickets after"), sort_key="tickets"),
        NumberColumn("found_nothing", label=_("Found nothing"), sort_key="found_nothing"),
        Column("last_searched", label=_("Last searched"), sort_key="last_searched"),
        WriteArticleColumn("topic_id", label=_("Answer it")),
    ]
    list_export = ["topic_title", "query", "tickets", "found_nothing", "last_searched"]

    def get_queryset(self):
        rows = (
            self.source()
            .order_by()
            .values("query", "topic_id", topic_title=F("topic__title"))
            .annotate(
                tickets=Count("ticket", distinct=True),
                found_nothing=Count("pk", filter=Q(results=0)),
                last_searched=Max("searched_at"),
            )
        )
        return rows.order_by(_nulls_last(self.ordering), "query")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if not self.is_export:
            context["topics"] = (
                self.source()
                .order_by()
                .values(title=F("topic__title"))
                .annotate(
                    tickets=Count("ticket", distinct=True), searches=Count("query", distinct=True)
                )
                .order_by("-tickets", F("title").asc(nulls_first=True))
            )
        return context


REPORTS = [
    SearchesReportView,
    FailedSearchesReportView,
    ArticleFeedbackReportView,
    FeedbackCommentsReportView,
    ContentHealthReportView,
    DeflectionsReportView,
    ContentGapsReportView,
]

from django.urls import path

from . import reports

app_name = "helpcenter_reports"


def _report(route, name, view):
    return [
        path(route, view.as_view(), name=name),
        path(f"{route}results/", view.as_view(results_only=True), name=f"{name}_results"),
    ]


urlpatterns = [
    *_report("searches/", "searches", reports.SearchesReportView),
    *_report("searches/failed/", "failed_searches", reports.FailedSearchesReportView),
    *_report("feedback/", "feedback", reports.ArticleFeedbackReportView),
    *_report("feedback/comments/", "comments", reports.FeedbackCommentsReportView),
    *_report("content-health/", "content_health", reports.ContentHealthReportView),
    *_report("deflections/", "deflections", reports.DeflectionsReportView),
    *_report("content-gaps/", "content_gaps", reports.ContentGapsReportView),
]

"""/api/…: version 1 of the API, its OpenAPI schema and its browsable docs."""

from django.urls import include, path, re_path, register_converter

from . import saved_views, views
from .docs import APIDocsView, APISchemaView


class CodeConverter:
    """Ticket and order numbers: letters, digits, dots, dashes and underscores."""

    regex = r"[A-Za-z0-9._-]{1,64}"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(CodeConverter, "code")


v1 = [
    path("tickets/", views.TicketListCreate.as_view(), name="tickets"),
    path("tickets/<code:number>/", views.TicketDetail.as_view(), name="ticket"),
    path("tickets/<code:number>/comments/", views.TicketComments.as_view(), name="comments"),
    path(
        "tickets/<code:number>/comments/<int:pk>/redact/",
        views.TicketCommentRedact.as_view(),
        name="comment-redact",
    ),
    path("tickets/<code:number>/redact/", views.TicketRedact.as_view(), name="ticket-redact"),
    path("tickets/<code:number>/status/", views.TicketStatus.as_view(), name="ticket-status"),
    path("tickets/<code:number>/priority/", views.TicketPriority.as_view(), name="ticket-priority"),
    path("tickets/<code:number>/assignee/", views.TicketAssignee.as_view(), name="ticket-assignee"),
    path("tickets/<code:number>/feedback/", views.TicketFeedback.as_view(), name="ticket-feedback"),
    path("tickets/<code:number>/confirm/", views.TicketConfirm.as_view(), name="ticket-confirm"),
    path("tickets/<code:number>/merge/", views.TicketMerge.as_view(), name="ticket-merge"),
    path("tickets/<code:number>/cc/", views.TicketCCs.as_view(), name="ticket-cc"),
    path(
        "tickets/<code:number>/attachments/<int:pk>/",
        views.TicketAttachment.as_view(),
        name="ticket-attachment",
    ),
    path(
        "tickets/<code:number>/macros/<int:pk>/",
        views.TicketMacro.as_view(),
        name="ticket-macro",
    ),
    path("stats/", views.Stats.as_view(), name="stats"),
    path("views/", saved_views.TicketViews.as_view(), name="views"),
    path("agents/", views.Agents.as_view(), name="agents"),
    path("teams/", views.Teams.as_view(), name="teams"),
    path("tags/", views.Tags.as_view(), name="tags"),
    path("organizations/", views.Organizations.as_view(), name="organizations"),
    path("macros/", views.Macros.as_view(), name="macros"),
    path("me/", views.Me.as_view(), name="me"),
    path("categories/", views.Categories.as_view(), name="categories"),
    path("orders/", views.Orders.as_view(), name="orders"),
    path("orders/<code:number>/", views.OrderDetail.as_view(), name="order"),
    re_path(r"", views.NotFoundView.as_view()),
]

app_name = "api"

urlpatterns = [
    path("v1/", include(v1)),
    path("schema/", APISchemaView.as_view(), name="schema"),
    path("docs/", APIDocsView.as_view(url_name="api:schema"), name="docs"),
    re_path(r"", views.NotFoundView.as_view()),
]

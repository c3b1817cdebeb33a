from django.urls import path

from . import views

app_name = "tickets"

urlpatterns = [
    path("tickets/", views.ticket_list, name="list"),
    path("tickets/<str:number>/", views.ticket_detail, name="detail"),
    path("tickets/<str:number>/messages/", views.ticket_messages, name="messages"),
    path("tickets/<str:number>/confirm/", views.ticket_confirm, name="confirm"),
    path("tickets/<str:number>/feedback/", views.ticket_feedback, name="feedback"),
    path(
        "tickets/<str:number>/feedback/comment/",
        views.ticket_feedback_comment,
        name="feedback_comment",
    ),
    path("rate/<str:token>/", views.rate_by_link, name="rate_by_link"),
    path(
        "tickets/<str:number>/attachments/<int:pk>/",
        views.attachment_download,
        name="attachment",
    ),
    path("orders/", views.order_list, name="orders"),
]

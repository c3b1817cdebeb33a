"""The customer's privacy pages, under /accounts/ beside their account page."""

from django.urls import path

from . import views

app_name = "privacy"

urlpatterns = [
    path("accounts/data/", views.request_export, name="request_export"),
    path("accounts/data/<str:token>/", views.download, name="download"),
    path("accounts/close/", views.close_account, name="close_account"),
    path("accounts/closed/", views.account_closed, name="account_closed"),
]

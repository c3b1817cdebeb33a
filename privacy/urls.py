"""The customer's privacy pages, mounted under /accounts/ (supportsite.urls)."""

from django.urls import path

from . import views

urlpatterns = [
    path("close/", views.close_account, name="privacy_close_account"),
    path("closed/", views.account_closed, name="privacy_account_closed"),
]

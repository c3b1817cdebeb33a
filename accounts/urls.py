"""Account pages of our own, beside allauth's (mounted under /accounts/ before allauth's URLs)."""

from django.urls import path

from . import views

urlpatterns = [
    path("api-tokens/", views.api_token_list, name="account_api_tokens"),
    path("api-tokens/<int:pk>/revoke/", views.api_token_revoke, name="account_api_token_revoke"),
]

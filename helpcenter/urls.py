from django.urls import path

from . import views

app_name = "helpcenter"

urlpatterns = [
    path("search/", views.search, name="search"),
    path("search/suggestions/", views.contact_suggestions, name="contact_suggestions"),
    path("search/suggestions/<int:page_id>/open/", views.open_suggestion, name="open_suggestion"),
    path(
        "search/suggestions/<int:page_id>/answered/",
        views.suggestion_answered,
        name="suggestion_answered",
    ),
    path("search/as-you-type/", views.search_as_you_type, name="search_as_you_type"),
]

from django.urls import path

from . import views

app_name = "helpcenter"

urlpatterns = [
    path("search/", views.search, name="search"),
    path("search/suggestions/", views.contact_suggestions, name="contact_suggestions"),
    path("search/suggestions/<int:page_id>/open/", views.open_suggestion, name="open_suggestion"),
]

from django.urls import path

from . import views

app_name = "privacy"

urlpatterns = [
    path("accounts/data/", views.request_export, name="request_export"),
    path("accounts/data/<str:token>/", views.download, name="download"),
]

from django.urls import path

from .views import REPORTS

app_name = "support_reports"

urlpatterns = [
    pattern
    for view in REPORTS
    for pattern in (
        path(f"{view.name.replace('_', '-')}/", view.as_view(), name=view.name),
        path(
            f"{view.name.replace('_', '-')}/results/",
            view.as_view(results_only=True),
            name=f"{view.name}_results",
        ),
    )
]

from django.conf import settings
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from accounts import views as account_views
from helpcenter import api as help_center_api
from supportsite.health import healthz
from supportsite.media import serve_public_media
from supportsite.metrics import metrics
from supportsite.views import robots_txt

urlpatterns = [
    # Before Wagtail's own login (GET and POST): the admin signs in through the site's login, so
    # allauth's throttle and lock are the one rule for passwords (see accounts.views.admin_login).
    path("admin/login/", account_views.admin_login, name="admin_login"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("accounts/profile/", account_views.profile, name="account_profile"),
    path(
        "accounts/agent-application/",
        account_views.agent_application,
        name="account_agent_application",
    ),
    path("accounts/", include("accounts.urls")),
    path("accounts/", include("privacy.urls")),
    path("accounts/", include("allauth.urls")),
    path("api/v1/articles/", help_center_api.Articles.as_view(), name="api_articles"),
    path("api/", include("tickets.api.urls")),
    path("_allauth/", include("allauth.headless.urls")),
    path("anymail/", include("supportsite.anymail_urls")),
    path("", include("tickets.urls")),
    path("", include("notifications.urls")),
    path("", include("helpcenter.urls")),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("robots.txt", robots_txt, name="robots_txt"),
    path("healthz", healthz, name="healthz"),
    path("metrics", metrics, name="metrics"),
]

if settings.SERVE_MEDIA:
    urlpatterns += [
        re_path(
            rf"^{settings.MEDIA_URL.lstrip('/')}(?P<path>.*)$",
            serve_public_media,
        ),
    ]

urlpatterns += [path("", include(wagtail_urls))]
